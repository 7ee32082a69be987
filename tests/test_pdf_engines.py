"""The PDFium fast path and the pdfplumber path give identical records."""

from __future__ import annotations

import pytest

from conftest import CORPORA, DOCUMENTS


@pytest.mark.parametrize("stem", list(DOCUMENTS))
def test_pdfium_and_pdfplumber_engines_give_identical_records(extracted, stem):
    from plantext.api import extract

    slow = extract(CORPORA / f"{stem}.pdf", pdf_engine="pdfplumber").to_dict()
    assert extracted(stem, "pdf") == slow


@pytest.mark.parametrize("degrees", [90, 270])
@pytest.mark.parametrize("how", ["content turned", "/Rotate"])
def test_pdfium_and_pdfplumber_engines_give_identical_records_on_turned_pages(tmp_path, how, degrees):
    from test_turned_pages import write_rotated_qinghai, write_turned_qinghai

    from plantext.api import extract

    path = tmp_path / f"turned-{degrees}.pdf"
    (write_turned_qinghai if how == "content turned" else write_rotated_qinghai)(path, degrees)
    fast = extract(path).to_dict()
    assert fast["indicators"]
    assert fast == extract(path, pdf_engine="pdfplumber").to_dict()


def _char(text: str, x0: float) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + 10.0, "top": 100.0, "bottom": 110.0, "size": 10.0, "fontname": "SimSun"}


def test_full_width_digits_of_a_pdf_line_are_read_half_width():
    from plantext.ingest.pdf import build_line

    chars = [_char(text, 50.0 + 10 * index) for index, text in enumerate("表１")] + [_char("主", 90.0)]
    raw = {"text": "表１ 主", "x0": 50.0, "x1": 100.0, "top": 100.0, "bottom": 110.0, "chars": chars}
    line = build_line(raw, 3, [])
    assert line.text == "表1 主"
    assert [segment.text for segment in line.segments] == ["表1", "主"]


def _small(text: str, x0: float, bottom: float) -> dict:
    """A digit printed at 6.1 points beside 10-point text, its bottom at ``bottom``."""
    return {"text": text, "x0": x0, "x1": x0 + 3.5, "top": bottom - 6.1, "bottom": bottom, "size": 6.1, "fontname": "SimSun"}


def _line_of(printed: str, small: dict):
    from plantext.ingest.pdf import build_line

    chars = [_char(text, 50.0 + 10 * index) for index, text in enumerate(printed)] + [small]
    raw = {"text": printed + small["text"], "x0": 50.0, "x1": small["x1"], "top": 100.0, "bottom": 110.0, "chars": chars}
    return build_line(raw, 4, [])


@pytest.mark.parametrize(
    "printed,digit,bottom,text",
    [
        # Raised 0.4 em: a superscript, the marker of a note (≥95¹, not 951) or a power (10⁴, m³).
        ("≥95", "1", 106.0, "≥95¹"),
        ("5×10", "4", 106.0, "5×10⁴"),
        ("万m", "3", 106.0, "万m³"),
        # On the baseline or below it: a subscript (CO₂ printed small).
        ("CO", "2", 110.0, "CO2"),
        ("CO", "2", 111.5, "CO2"),
        # Smaller text centred on the line is raised by half the difference in size only.
        ("≥95", "1", 108.0, "≥951"),
    ],
)
def test_a_small_digit_raised_above_the_line_is_a_superscript(printed, digit, bottom, text):
    line = _line_of(printed, _small(digit, 50.0 + 10 * len(printed), bottom))
    assert line.text == text
    assert [segment.text for segment in line.segments] == [text]


def test_a_superscript_found_in_a_line_is_written_in_its_grid_cell():
    from plantext.ingest.model import Box, Grid, GridCell, Page
    from plantext.ingest.pdf import grids_with_superscripts

    line = _line_of("〔0.61〕", _small("2", 110.0, 106.0))
    cell = GridCell("〔0.61〕2", Box(45.0, 95.0, 120.0, 115.0))
    other = GridCell("2", Box(120.0, 95.0, 150.0, 115.0))
    page = Page(4, 595.0, 842.0, lines=[line], grids=[Grid(Box(45.0, 95.0, 150.0, 115.0), ((cell, other),))])
    grids_with_superscripts(page)
    assert [cell.text for cell in page.grids[0].rows[0]] == ["〔0.61〕²", "2"]
