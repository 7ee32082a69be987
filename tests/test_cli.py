"""The plantext command: outputs, ids, exit status, and bad input one line at a time."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPORA

GANSU_TXT = CORPORA / "gansu-14th-eco-plan.txt"
GANSU_PDF = CORPORA / "gansu-14th-eco-plan.pdf"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "plantext.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


# ---------------------------------------------------------------- bad inputs, made here


def make_bad_inputs(folder: Path) -> dict[str, str]:
    """Write each kind of bad input; return file name → expected reason."""
    import pypdf

    (folder / "fake.pdf").write_text("这不是PDF文件，只是改了扩展名的文本。", encoding="utf-8")
    data = GANSU_PDF.read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 3])

    writer = pypdf.PdfWriter(clone_from=str(GANSU_PDF))
    writer.encrypt(user_password="secret", owner_password="owner")
    with open(folder / "encrypted.pdf", "wb") as stream:
        writer.write(stream)

    blank = pypdf.PdfWriter()
    blank.add_blank_page(width=595, height=842)
    with open(folder / "scanned.pdf", "wb") as stream:
        blank.write(stream)

    (folder / "garbled.txt").write_bytes(bytes(range(128, 256)) * 8)
    return {
        "fake.pdf": "not a PDF",
        "truncated.pdf": "unreadable PDF",
        "encrypted.pdf": "encrypted PDF",
        "scanned.pdf": "no text layer; OCR is not available yet",
        "garbled.txt": "unreadable encoding",
    }


def test_each_bad_input_gets_one_line_and_the_batch_goes_on(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    expected = make_bad_inputs(inputs)
    shutil.copy(GANSU_TXT, inputs / "gansu.txt")
    out = tmp_path / "out"

    result = run("extract", inputs, "-o", out)

    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("plantext: ")]
    assert len(errors) == len(expected)
    for name, reason in expected.items():
        assert any(name in line and reason in line for line in errors), (name, result.stderr)
    assert sorted(path.name for path in out.glob("*.json")) == ["gansu.json"]
    assert not list(out.glob(".*.tmp"))


def test_missing_path_is_reported_and_the_others_still_run(tmp_path):
    out = tmp_path / "out"
    result = run("extract", tmp_path / "nope.pdf", GANSU_TXT, "-o", out)
    assert result.returncode == 1
    assert f"plantext: {tmp_path / 'nope.pdf'}: no such file or folder" in result.stderr
    assert (out / "gansu-14th-eco-plan.json").exists()


def test_empty_folder_is_an_error(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("extract", empty, "-o", tmp_path / "out")
    assert result.returncode == 1
    assert "folder holds no .pdf or .txt files" in result.stderr


def test_usage_error_exits_2():
    assert run("extract").returncode == 2
    assert run("extract", GANSU_TXT, "--format", "xml").returncode == 2


# ---------------------------------------------------------------- outputs


def test_pdf_and_txt_of_one_plan_get_distinct_ids(tmp_path):
    out = tmp_path / "out"
    result = run("extract", GANSU_PDF, GANSU_TXT, "-o", out)
    assert result.returncode == 0, result.stderr
    names = sorted(path.name for path in out.glob("*.json"))
    assert names == ["gansu-14th-eco-plan-pdf.json", "gansu-14th-eco-plan-txt.json"]
    assert json.loads((out / names[0]).read_text(encoding="utf-8"))["document"]["id"] == "gansu-14th-eco-plan-pdf"


def test_summary_line_per_document(tmp_path):
    result = run("extract", GANSU_TXT, "-o", tmp_path / "out")
    line = result.stdout.splitlines()[0]
    assert line.startswith("ok    gansu-14th-eco-plan: 6 pages, outline=16 ")
    assert "projects=4" in line and "glossary=6" in line


def test_stdout_json_is_the_document(tmp_path):
    result = run("extract", GANSU_TXT, "-o", "-")
    assert result.returncode == 0
    assert json.loads(result.stdout)["document"]["title"] == "甘肃省“十四五”生态环境保护规划（测试语料）"


def test_jsonl_writes_one_line_per_document(tmp_path):
    out = tmp_path / "out"
    result = run("extract", GANSU_PDF, GANSU_TXT, "-o", out, "--format", "jsonl")
    assert result.returncode == 0
    lines = (out / "plans.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["document"]["source"]["format"] for line in lines] == ["pdf", "txt"]


def test_manifest_records_every_input(tmp_path):
    out = tmp_path / "out"
    run("extract", GANSU_TXT, tmp_path / "missing.txt", "-o", out)
    entries = [json.loads(line) for line in (out / "_manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(entry["status"] for entry in entries) == ["failed", "ok"]


def test_resume_skips_unchanged_inputs(tmp_path):
    out = tmp_path / "out"
    run("extract", GANSU_TXT, "-o", out)
    result = run("extract", GANSU_TXT, "-o", out, "--resume")
    assert result.stdout.splitlines()[0] == "skip  gansu-14th-eco-plan: unchanged since last run"


def test_same_input_gives_the_same_bytes(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    run("extract", GANSU_PDF, "-o", first)
    run("extract", GANSU_PDF, "-o", second)
    name = "gansu-14th-eco-plan.json"
    assert (first / name).read_bytes() == (second / name).read_bytes()


def test_python_api_returns_a_plan():
    import plantext

    plan = plantext.extract(GANSU_TXT)
    assert plan.document.region == "甘肃省"
    assert (plan.document.period.start, plan.document.period.end) == (2021, 2025)
    assert plan.document.source.format == "txt"


def test_python_api_raises_plantext_error_for_bad_input(tmp_path):
    import plantext

    with pytest.raises(plantext.PlantextError, match="no such file"):
        plantext.extract(tmp_path / "missing.pdf")


def test_output_that_is_a_file_is_a_usage_error(tmp_path):
    existing = tmp_path / "out.json"
    existing.write_text("{}", encoding="utf-8")
    result = run("extract", GANSU_TXT, "-o", existing)
    assert result.returncode == 2
    assert "exists and is not a folder" in result.stderr
