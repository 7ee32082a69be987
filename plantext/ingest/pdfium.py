"""The fast path for PDFs: every page through PDFium, tables with pdfplumber's finder.

pdfplumber parses every page's content stream in Python, which is slow (about
35 times PDFium's time for the bundled plan).  Here PDFium gives the
characters and the drawn paths; the rules among the paths go to pdfplumber's
table finder (its lattice algorithm works on edges, whoever found them), and
cell text comes from PDFium's characters.  A page whose paths are not simple
lines or rectangles is left to pdfplumber.  A page whose content is drawn
turned a quarter turn is read in the frame of its content
(``plantext.ingest.turned``).  A test checks that this path and
pdfplumber's (``pdf_engine="pdfplumber"``) give identical records for the
bundled PDFs.
"""

from __future__ import annotations

import ctypes
from pathlib import Path

from plantext.errors import PlantextError
from plantext.ingest.model import Box, Grid, GridCell, Page, SourceDocument
from plantext.ingest.pdf import (
    FRAME_MIN_WIDTH_SHARE,
    TABLE_SETTINGS,
    build_line,
    check_pdf_header,
    frames_from_rules,
    pdf_part,
    pdf_source,
    read_page,
)
from plantext.ingest.turned import into_turned_frame, page_turn, sample, turn_of_angle
from plantext.normalize import half_width_forms
from plantext.vocab import load_vocabulary

# Characters closer than this (in points) belong to one word; a wider gap
# is a space.  pdfplumber's default, so that both paths write lines alike.
X_TOLERANCE = 3.0
# Paths thinner than this (points) are rules (table lines), not frames;
# hairlines are 0.5–2 points thick.
RULE_THICKNESS = 3.0
FONT_NAME_BUFFER = 256
# A path of more segments than a rectangle's is no plain rule or frame.
MAX_SIMPLE_PATH_SEGMENTS = 6


def read_pdf_fast(path: str | Path, pages: range | None = None) -> SourceDocument:
    """Read a PDF's text layer into pages of positioned lines, PDFium first.

    ``pages`` (0-based page indexes) reads only part of the document, so that
    a batch can share one long PDF among several workers; a part is not
    checked for a text layer, ``join_pdf_parts`` checks the whole.
    """
    import pypdfium2

    path = Path(path)
    data = path.read_bytes()
    check_pdf_header(data, str(path))
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise PlantextError(str(path), _pdfium_reason(error)) from None
    try:
        indexes = range(len(document)) if pages is None else range(pages.start, min(pages.stop, len(document)))
        read, complex_pages = _read_prose_pages(document, indexes)
        title = (document.get_metadata_dict() or {}).get("Title") or None
    finally:
        document.close()
    if complex_pages:
        _read_geometry_pages(path, read, complex_pages)
    if pages is None:
        return pdf_source(path, data, read, title)
    return pdf_part(path, data, read, title)


def count_pdf_pages(path: str | Path) -> int | None:
    """The number of pages of a PDF, or None when PDFium cannot open it
    (reading it will then say why)."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError:
        return None
    try:
        return len(document)
    finally:
        document.close()


def _pdfium_reason(error: Exception) -> str:
    message = str(error)
    if "password" in message.lower():
        return "encrypted PDF (password required)"
    return f"unreadable PDF ({message})"


def _read_prose_pages(document, indexes: range) -> tuple[list[Page], list[int]]:
    """The pages at ``indexes`` read by PDFium; the positions (in the list
    returned) of pages with complex paths, left empty, are returned apart."""
    pages: list[Page] = []
    complex_pages: list[int] = []
    bold_markers = load_vocabulary("fonts")["bold_markers"]
    for index in indexes:
        pdf_page = document[index]
        try:
            width, height = pdf_page.get_size()
            paths = _path_boxes(pdf_page, height)
            if paths is None:
                complex_pages.append(len(pages))
                pages.append(Page(number=index + 1, width=width, height=height))
                continue
            chars, turn, char_turns = _chars(pdf_page, height)
            if turn:
                chars, paths = into_turned_frame(chars, char_turns, paths, turn, width, height)
                width, height = height, width
            pages.append(page_of(index + 1, width, height, chars, paths, bold_markers))
        finally:
            pdf_page.close()
    return pages, complex_pages


def page_of(number: int, width: float, height: float, chars: list[dict], paths: list[tuple[Box, bool]], bold_markers: list[str]) -> Page:
    """A page from its visible characters and its paths' boxes (and whether
    each is stroked); pdfplumber builds turned pages through here too."""
    lines = [build_line(raw, number, bold_markers) for raw in _raw_lines(chars)]
    lines.sort(key=lambda line: (round(line.top), line.x0))
    frames = [box for box, stroked in paths if stroked and _is_frame(box, width)]
    frames += frames_from_rules([box for box, _ in paths if _is_rule(box)], width)
    grids = _grids(paths, chars, width, height)
    return Page(number, width, height, lines=lines, frames=frames, grids=grids)


def _read_geometry_pages(path: Path, pages: list[Page], positions: list[int]) -> None:
    """Replace the placeholder pages with complex paths by pdfplumber's reading."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for position in positions:
            number = pages[position].number
            pdf_page = pdf.pages[number - 1]
            pages[position] = read_page(pdf_page, number)
            pdf_page.close()


def _is_frame(box: Box, width: float) -> bool:
    return box.x1 - box.x0 >= FRAME_MIN_WIDTH_SHARE * width and box.bottom - box.top >= RULE_THICKNESS


def _path_boxes(pdf_page, height: float) -> list[tuple[Box, bool]] | None:
    """Each path's box and whether it is stroked (unfilled); None when a path
    is more than a line or a rectangle, so its box says too little."""
    import pypdfium2.raw as pdfium_c

    boxes = []
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    for obj in pdf_page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        if pdfium_c.FPDFPath_CountSegments(obj.raw) > MAX_SIMPLE_PATH_SEGMENTS:
            return None
        left, bottom, right, top = obj.get_bounds()
        pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill_mode), ctypes.byref(stroke))
        box = Box(float(left), float(height - top), float(right), float(height - bottom))
        boxes.append((box, bool(stroke.value) and not fill_mode.value))
    return boxes


def _grids(paths: list[tuple[Box, bool]], chars: list[dict], width: float, height: float) -> list[Grid]:
    """Ruled tables: pdfplumber's lattice finder run on the edges of PDFium's paths."""
    edges = [edge for box, _ in paths for edge in _edges(box)]
    if len(edges) < 4 or not any(_is_rule(box) for box, _ in paths):
        return []
    from pdfplumber.table import TableFinder

    finder = TableFinder(_EdgePage(edges, (0, 0, width, height)), TABLE_SETTINGS)
    grids = []
    for table in finder.tables:
        rows = tuple(
            tuple(None if cell is None else GridCell(_cell_text(chars, cell), Box(*map(float, cell))) for cell in row.cells)
            for row in table.rows
        )
        if len(rows) >= 2 and max(len(row) for row in rows) >= 2:
            grids.append(Grid(box=Box(*map(float, table.bbox)), rows=rows))
    return grids


def _is_rule(box: Box) -> bool:
    return box.x1 - box.x0 < RULE_THICKNESS or box.bottom - box.top < RULE_THICKNESS


def _edges(box: Box) -> list[dict]:
    """The edges pdfplumber would derive: one for a rule, four for a rectangle."""
    if box.bottom - box.top < RULE_THICKNESS:
        middle = (box.top + box.bottom) / 2
        return [_edge("h", box.x0, middle, box.x1, middle)]
    if box.x1 - box.x0 < RULE_THICKNESS:
        middle = (box.x0 + box.x1) / 2
        return [_edge("v", middle, box.top, middle, box.bottom)]
    return [
        _edge("h", box.x0, box.top, box.x1, box.top),
        _edge("h", box.x0, box.bottom, box.x1, box.bottom),
        _edge("v", box.x0, box.top, box.x0, box.bottom),
        _edge("v", box.x1, box.top, box.x1, box.bottom),
    ]


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    return {
        "x0": x0, "x1": x1, "top": top, "bottom": bottom,
        "width": x1 - x0, "height": bottom - top,
        "orientation": orientation, "object_type": "line",
    }


class _EdgePage:
    """What pdfplumber's TableFinder reads of a page for the "lines" strategy."""

    def __init__(self, edges: list[dict], bbox: tuple[float, float, float, float]):
        self.edges = edges
        self.bbox = bbox


def _cell_text(chars: list[dict], cell) -> str:
    """The characters whose centre lies in the cell, line by line."""
    x0, top, x1, bottom = cell
    inside = [
        char for char in chars
        if x0 <= (char["x0"] + char["x1"]) / 2 < x1 and top <= (char["top"] + char["bottom"]) / 2 < bottom
    ]
    return half_width_forms("\n".join(line["text"] for line in _raw_lines(inside)))


def _raw_lines(chars: list[dict]) -> list[dict]:
    """Lines as pdfplumber's ``extract_text_lines`` gives them: text, box, chars.

    A character joins the line it overlaps vertically by over half its height
    (superscript footnote markers too); lines come out top to bottom."""
    lines: list[list] = []  # [top, bottom, chars]
    for char in chars:
        height = char["bottom"] - char["top"]
        for line in reversed(lines[-3:]):
            overlap = min(line[1], char["bottom"]) - max(line[0], char["top"])
            if overlap > 0.5 * min(height, line[1] - line[0]):
                line[0], line[1] = min(line[0], char["top"]), max(line[1], char["bottom"])
                line[2].append(char)
                break
        else:
            lines.append([char["top"], char["bottom"], [char]])
    lines.sort(key=lambda line: line[0])
    return [_as_raw_line(sorted(line[2], key=lambda c: c["x0"])) for line in lines]


def _as_raw_line(chars: list[dict]) -> dict:
    words: list[str] = []
    previous = None
    for char in chars:
        if previous is None or char["x0"] - previous["x1"] > X_TOLERANCE:
            words.append(char["text"])
        else:
            words[-1] += char["text"]
        previous = char
    return {
        "text": " ".join(words),
        "x0": min(c["x0"] for c in chars),
        "x1": max(c["x1"] for c in chars),
        "top": min(c["top"] for c in chars),
        "bottom": max(c["bottom"] for c in chars),
        "chars": chars,
    }


def _chars(pdf_page, height: float) -> tuple[list[dict], int, list[int]]:
    """Every visible character with its box, size and font (blank and
    generated ones left out); the page's turn (``plantext.ingest.turned``)
    and, on a turned page, each character's."""
    import pypdfium2.raw as pdfium_c

    textpage = pdf_page.get_textpage()
    try:
        raw = textpage.raw
        rect = pdfium_c.FS_RECTF()
        buffer = ctypes.create_string_buffer(FONT_NAME_BUFFER)
        flags = ctypes.c_int()
        chars = []
        visible = []
        for index in range(textpage.count_chars()):
            text = chr(pdfium_c.FPDFText_GetUnicode(raw, index))
            if not text.strip():  # PDFium's generated characters are all blanks
                continue
            visible.append(index)
            pdfium_c.FPDFText_GetLooseCharBox(raw, index, ctypes.byref(rect))
            length = pdfium_c.FPDFText_GetFontInfo(raw, index, buffer, FONT_NAME_BUFFER, ctypes.byref(flags))
            chars.append(
                {
                    "text": text,
                    "x0": rect.left,
                    "x1": rect.right,
                    "top": height - rect.top,
                    "bottom": height - rect.bottom,
                    "size": pdfium_c.FPDFText_GetFontSize(raw, index),
                    "fontname": buffer.raw[: max(length - 1, 0)].decode("utf-8", "replace"),
                }
            )
        turn = page_turn([turn_of_angle(pdfium_c.FPDFText_GetCharAngle(raw, index)) for index in sample(visible)])
        char_turns = [turn_of_angle(pdfium_c.FPDFText_GetCharAngle(raw, index)) for index in visible] if turn else []
        return chars, turn, char_turns
    finally:
        textpage.close()
