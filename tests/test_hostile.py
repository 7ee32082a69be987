"""Hostile inputs: each gets a one-line error or a valid result, in bounded time,
never a crash of the batch or a partial file; outputs are the same bytes
on every run."""

from __future__ import annotations

import json
import random

import pytest

from conftest import CORPORA
from plantext.batch import extract_many

PARAGRAPH = "到2025年，全省地级及以上城市空气质量优良天数比例达到90%以上，细颗粒物浓度控制在25微克/立方米以内。\n"
RAGGED_TABLE = """\
某市“十四五”生态环境保护规划

  表 1   主要指标
 序号   指标                      2020 年   2025 年   属性
 1      空气质量优良天数比例（%）   90.1      92        约束性
 2      森林覆盖率（%）             40.2
 3      湿地保护率（%）   50   55   60   预期性   备注
 4
注：本表为测试。

  正文恢复，全市生态环境质量持续改善，主要污染物排放总量持续减少，生态系统稳定性明显增强。
"""


def make_hostile_inputs(folder) -> dict[str, str | None]:
    """Write the hostile files; return name → expected error reason (None: a valid result)."""
    import pypdf

    pdf = (CORPORA / "gansu-14th-eco-plan.pdf").read_bytes()
    expected: dict[str, str | None] = {}

    (folder / "empty.pdf").write_bytes(b"")
    expected["empty.pdf"] = "empty file"
    (folder / "empty.txt").write_bytes(b"")
    expected["empty.txt"] = "empty text file"
    (folder / "random.pdf").write_bytes(random.Random(7).randbytes(4096))
    expected["random.pdf"] = "not a PDF"
    for share in (10, 50, 90):
        name = f"truncated-{share}.pdf"
        (folder / name).write_bytes(pdf[: len(pdf) * share // 100])
        expected[name] = "unreadable PDF"

    writer = pypdf.PdfWriter(clone_from=str(CORPORA / "gansu-14th-eco-plan.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner")
    with open(folder / "encrypted.pdf", "wb") as stream:
        writer.write(stream)
    expected["encrypted.pdf"] = "encrypted PDF (password required)"

    for name, pages in (("image-only.pdf", 1), ("500-empty-pages.pdf", 500)):
        blank = pypdf.PdfWriter()
        for _ in range(pages):
            blank.add_blank_page(width=595, height=842)
        with open(folder / name, "wb") as stream:
            blank.write(stream)
        expected[name] = "no text layer; OCR is not available yet"

    page = "第一章 总体要求\n" + PARAGRAPH * 3
    (folder / "2000-pages.txt").write_text("\f".join([page] * 2000), encoding="utf-8")
    expected["2000-pages.txt"] = None
    (folder / "gb18030.txt").write_bytes(("某省规划\n\n" + PARAGRAPH).encode("gb18030"))
    expected["gb18030.txt"] = None
    (folder / "utf-16.txt").write_bytes(("某省规划\n\n" + PARAGRAPH).encode("utf-16"))
    expected["utf-16.txt"] = None
    (folder / "utf-16-without-bom.txt").write_bytes(("某省规划\n\n" + PARAGRAPH).encode("utf-16-le"))
    expected["utf-16-without-bom.txt"] = None
    (folder / "nul.txt").write_bytes(("某省规划\n" + PARAGRAPH).encode("utf-8") + b"\x00\x00")
    expected["nul.txt"] = "not a text file (contains NUL bytes)"
    (folder / "surrogates.txt").write_bytes("某省规划\n".encode("utf-8") + b"\xed\xa0\x80\xed\xb0\x80" + PARAGRAPH.encode())
    expected["surrogates.txt"] = "unreadable encoding"
    (folder / "long-lines.txt").write_text("某省规划\n" + PARAGRAPH.strip() * 3000 + "\n", encoding="utf-8")
    expected["long-lines.txt"] = None
    (folder / "ragged-table.txt").write_text(RAGGED_TABLE, encoding="utf-8")
    expected["ragged-table.txt"] = None
    return expected


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    inputs = folder / "inputs"
    inputs.mkdir()
    expected = make_hostile_inputs(inputs)
    first = extract_many([str(inputs)], str(folder / "first"), jobs=2, timeout=120)
    second = extract_many([str(inputs)], str(folder / "second"), jobs=2, timeout=120)
    return expected, first, folder


def test_every_hostile_input_gets_its_error_or_a_valid_result(hostile_run):
    expected, results, folder = hostile_run
    by_name = {result.path.rsplit("/", 1)[-1]: result for result in results}
    assert sorted(by_name) == sorted(expected)
    for name, reason in expected.items():
        result = by_name[name]
        if reason is None:
            assert result.status == "ok", (name, result.error)
            json.loads((folder / "first" / result.output).read_text(encoding="utf-8"))
        else:
            assert result.status == "failed", name
            assert result.error.startswith(f"{result.path}: ") and reason in result.error, (name, result.error)
            assert "\n" not in result.error


def test_no_partial_or_failed_output_is_left(hostile_run):
    expected, results, folder = hostile_run
    written = sorted(path.name for path in (folder / "first").iterdir() if path.name != "_manifest.jsonl")
    wanted = sorted(f"{result.document_id}.json" for result in results if result.status == "ok")
    assert written == wanted


def test_outputs_are_the_same_bytes_on_every_run(hostile_run):
    _, _, folder = hostile_run
    for path in sorted((folder / "first").glob("*.json")):
        assert path.read_bytes() == (folder / "second" / path.name).read_bytes(), path.name


def test_ragged_table_rows_are_kept_as_printed(hostile_run):
    _, results, folder = hostile_run
    result = next(result for result in results if result.path.endswith("ragged-table.txt"))
    plan = json.loads((folder / "first" / result.output).read_text(encoding="utf-8"))
    assert [row["name"] for row in plan["indicators"]][:3] == ["空气质量优良天数比例", "森林覆盖率", "湿地保护率"]
