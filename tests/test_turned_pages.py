"""Pages whose content is drawn turned a quarter turn, without /Rotate, are
read in the frame of their content."""

from __future__ import annotations

import math

import pytest

from conftest import CORPORA

QINGHAI = CORPORA / "qinghai-14th-eco-plan.pdf"
# Qinghai's indicator table is printed on pages 6–7; pages 1–7 give its
# indicators exactly as the whole plan does (title, period, page numbers).
TABLE_PAGES = (6, 7)
FIRST_PAGES = 7


def write_turned_qinghai(path, degrees: int) -> None:
    """Qinghai's first pages with the content of the table pages turned by
    ``degrees`` anticlockwise (pypdf's sense) onto a page of swapped size,
    as a printer draws a page turned, without /Rotate."""
    import pypdf
    from pypdf.generic import RectangleObject

    def turn(page) -> None:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        rotation = pypdf.Transformation().rotate(degrees)
        page.add_transformation(rotation.translate(height, 0) if degrees == 90 else rotation.translate(0, width))
        page.mediabox = page.cropbox = RectangleObject((0, 0, height, width))

    _write_qinghai(path, turn if degrees else lambda page: None)


def write_rotated_qinghai(path, degrees: int) -> None:
    """Qinghai's first pages with the table pages shown turned by /Rotate
    (the content drawn upright)."""
    _write_qinghai(path, lambda page: page.rotate(degrees))


def _write_qinghai(path, change_table_page) -> None:
    import pypdf

    reader = pypdf.PdfReader(QINGHAI)
    writer = pypdf.PdfWriter()
    for number in range(1, FIRST_PAGES + 1):
        page = writer.add_page(reader.pages[number - 1])
        if number in TABLE_PAGES:
            change_table_page(page)
    with open(path, "wb") as stream:
        writer.write(stream)


@pytest.fixture(scope="module")
def turned_qinghai(tmp_path_factory):
    """``turned_qinghai(degrees)`` → the path of Qinghai turned so (0: not turned)."""
    folder = tmp_path_factory.mktemp("turned")

    def get(degrees: int):
        path = folder / f"qinghai-turned-{degrees}.pdf"
        if not path.exists():
            write_turned_qinghai(path, degrees)
        return path

    return get


@pytest.mark.parametrize(
    "turn,box",
    [
        # Text running up the page: the content's top edge lies along the page's left edge.
        (270, (585.0, 100.0, 600.0, 110.0)),
        # Text running down the page: the content's top edge lies along the page's right edge.
        (90, (200.0, 490.0, 215.0, 500.0)),
    ],
)
def test_a_box_of_a_turned_page_is_mapped_into_the_frame_of_its_content(turn, box):
    from plantext.ingest.turned import to_turned_frame

    assert to_turned_frame((100.0, 200.0, 110.0, 215.0), turn, 600.0, 800.0) == box


def test_an_upright_character_on_a_turned_page_keeps_its_size_and_its_place_in_proportion():
    from plantext.ingest.turned import turned_char

    footer = {"text": "6", "x0": 295.0, "top": 770.0, "x1": 305.0, "bottom": 780.0, "size": 10.0}
    moved = turned_char(footer, 0, 270, 600.0, 800.0)
    assert (moved["x0"], moved["top"], moved["x1"], moved["bottom"]) == (395.0, 576.25, 405.0, 586.25)
    assert moved["text"] == "6" and moved["size"] == 10.0


@pytest.mark.parametrize(
    "angle,turn",
    [
        (0.0, 0),
        (math.pi / 2, 90),
        (4.712, 270),  # PDFium's angle for text running up
        (3 * math.pi / 2 + 0.05, 270),
        (2 * math.pi - 0.01, 0),
        (0.5, -1),  # slanted text
    ],
)
def test_a_character_angle_is_read_as_a_quarter_turn(angle, turn):
    from plantext.ingest.turned import turn_of_angle

    assert turn_of_angle(angle) == turn


@pytest.mark.parametrize(
    "matrix,turn",
    [
        ((1.0, 0.0, 0.0, 1.0, 42.6, 730.1), 0),
        ((6.123234e-17, 1.0, -1.0, 6.123234e-17, 111.75, 42.6), 270),  # text running up
        ((-1.8369702e-16, -1.0, 1.0, -1.8369702e-16, 730.1, 552.6), 90),  # text running down
        ((-1.0, 0.0, 0.0, -1.0, 500.0, 100.0), 180),
    ],
)
def test_a_pdfplumber_character_matrix_is_read_as_the_same_quarter_turn_as_pdfium_angles(matrix, turn):
    from plantext.ingest.turned import turn_of_matrix

    assert turn_of_matrix(matrix) == turn


@pytest.mark.parametrize(
    "turns,page",
    [
        ([0] * 20, 0),
        ([270] * 11 + [0] * 9, 270),
        ([90] * 30 + [0, -1], 90),
        ([90] * 10 + [0] * 10, 0),  # half is not most
        ([90] * 8 + [270] * 8 + [0] * 4, 0),
        ([], 0),
    ],
)
def test_a_page_is_turned_when_most_of_its_characters_are(turns, page):
    from plantext.ingest.turned import page_turn

    assert page_turn(turns) == page


@pytest.mark.parametrize("degrees", [90, 270])
def test_a_table_on_turned_pages_gives_the_indicators_of_the_upright_pages(extracted, turned_qinghai, degrees):
    from plantext.api import extract

    original = [record for record in extracted("qinghai-14th-eco-plan", "pdf")["indicators"] if record["page"] in TABLE_PAGES]
    turned = extract(turned_qinghai(degrees)).to_dict()["indicators"]
    assert len(original) == 13
    assert turned == original


@pytest.mark.parametrize("degrees", [90, 270])
def test_a_turned_page_is_read_as_the_upright_page_it_shows(turned_qinghai, degrees):
    from plantext.ingest.pdfium import read_pdf_fast

    pages = range(TABLE_PAGES[0] - 1, TABLE_PAGES[-1])
    upright = read_pdf_fast(turned_qinghai(0), pages).pages
    turned = read_pdf_fast(turned_qinghai(degrees), pages).pages
    for page, original in zip(turned, upright):
        assert (round(page.width, 1), round(page.height, 1)) == (595.3, 841.9)
        assert [line.text for line in page.lines] == [line.text for line in original.lines]
        assert [round(line.top) for line in page.lines] == [round(line.top) for line in original.lines]
        assert [[cell and cell.text for cell in row] for row in page.grids[0].rows] == [
            [cell and cell.text for cell in row] for row in original.grids[0].rows
        ]


@pytest.mark.parametrize("degrees", [90, 270])
def test_a_table_on_pages_turned_by_rotate_gives_the_indicators_of_the_upright_pages_with_pdfplumber(extracted, tmp_path, degrees):
    """pdfplumber draws a /Rotate page's characters turned, as if the content
    were; read in the turned frame they give the upright page (PDFium reads
    such a page upright by itself)."""
    from plantext.api import extract

    path = tmp_path / f"rotated-{degrees}.pdf"
    write_rotated_qinghai(path, degrees)
    original = [record for record in extracted("qinghai-14th-eco-plan", "pdf")["indicators"] if record["page"] in TABLE_PAGES]
    assert extract(path, pdf_engine="pdfplumber").to_dict()["indicators"] == original
