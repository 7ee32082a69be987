"""The PDFium fast path and the pdfplumber path give identical records."""

from __future__ import annotations

import pytest

from conftest import CORPORA, DOCUMENTS


@pytest.mark.parametrize("stem", list(DOCUMENTS))
def test_pdfium_and_pdfplumber_engines_give_identical_records(extracted, stem):
    from plantext.api import extract

    slow = extract(CORPORA / f"{stem}.pdf", pdf_engine="pdfplumber").to_dict()
    assert extracted(stem, "pdf") == slow


def _char(text: str, x0: float) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + 10.0, "top": 100.0, "bottom": 110.0, "size": 10.0, "fontname": "SimSun"}


def test_full_width_digits_of_a_pdf_line_are_read_half_width():
    from plantext.ingest.pdf import build_line

    chars = [_char(text, 50.0 + 10 * index) for index, text in enumerate("表１")] + [_char("主", 90.0)]
    raw = {"text": "表１ 主", "x0": 50.0, "x1": 100.0, "top": 100.0, "bottom": 110.0, "chars": chars}
    line = build_line(raw, 3, [])
    assert line.text == "表1 主"
    assert [segment.text for segment in line.segments] == ["表1", "主"]
