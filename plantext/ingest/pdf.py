"""PDF sources through pdfplumber: lines with positions, 专栏 frames, ruled tables.

Small digits raised above a line are written as Unicode superscripts
(``≥95¹``, ``10⁴``, ``m³``), in lines and ruled cells alike, so that the
table reader tells a footnote marker from the digits of a value.

This is the only module that touches pdfplumber.  Pages are read one at a
time and released (``page.close()``), so memory does not grow with the
length of the document.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import regex

from plantext.errors import PlantextError
from plantext.ingest.model import Box, Grid, GridCell, Line, Page, Segment, SourceDocument
from plantext.ingest.turned import into_turned_frame, page_turn, sample, turn_of_matrix
from plantext.normalize import half_width_forms
from plantext.vocab import load_vocabulary

# A gap wider than this many ems inside a line separates two segments (cells).
SEGMENT_GAP_EMS = 0.9
# A frame (专栏 border) is a stroked rectangle at least this share of the text width.
FRAME_MIN_WIDTH_SHARE = 0.5
# How far (points) the ends of the four rules of a frame may miss each other.
FRAME_RULE_TOLERANCE = 3.0
# A frame holds at least a line of text (points between its top and bottom rules).
FRAME_MIN_HEIGHT = 10.0
# Characters this much smaller than the line's main size are superscripts
# (footnote markers); they are kept out of the line's font size.
SUPERSCRIPT_SIZE_RATIO = 0.75
# Such small digits whose bottom is raised at least this many ems above the
# line's are superscripts printed as raised digits (a footnote marker ≥95¹,
# a power 10⁴, m³): they are written as the Unicode superscripts, so that a
# marker is no digit of the number before it (≥951).  A subscript (CO₂) sits
# on the baseline or below it; smaller text centred on the line is raised
# by half the difference in size, about 0.2 em, a superscript by 0.4.
SUPERSCRIPT_RAISE_EMS = 0.25
# Ruled tables: both edges from drawn lines (the lattice strategy).
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def check_pdf_header(data: bytes, path: str) -> None:
    if not data:
        raise PlantextError(path, "empty file")
    if b"%PDF-" not in data[:1024]:
        raise PlantextError(path, "not a PDF (no %PDF header)")


def read_pdf(path: str | Path) -> SourceDocument:
    """Read a PDF's text layer into pages of positioned lines."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    path = Path(path)
    data = path.read_bytes()
    check_pdf_header(data, str(path))
    pages: list[Page] = []
    try:
        with pdfplumber.open(path) as pdf:
            metadata_title = (pdf.metadata or {}).get("Title")
            for index, pdf_page in enumerate(pdf.pages):
                pages.append(read_page(pdf_page, index + 1))
                pdf_page.close()
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise PlantextError(str(path), "encrypted PDF (password required)") from None
    except PdfminerException as error:
        raise PlantextError(str(path), _pdfminer_reason(error)) from None
    except (PDFSyntaxError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise PlantextError(str(path), f"unreadable PDF ({type(error).__name__}: {error})") from None
    if isinstance(metadata_title, bytes):
        metadata_title = None
    return pdf_source(path, data, pages, metadata_title)


def pdf_source(path: Path, data: bytes, pages: list[Page], title: str | None) -> SourceDocument:
    """The read PDF, once it is known to have pages with text."""
    check_pages(str(path), pages)
    return pdf_part(path, data, pages, title)


def pdf_part(path: Path, data: bytes, pages: list[Page], title: str | None) -> SourceDocument:
    """Some or all pages of a read PDF, unchecked, the superscripts its lines
    found written in its grid cells (both engines read PDFs through here)."""
    for page in pages:
        grids_with_superscripts(page)
    return SourceDocument(
        path=str(path),
        format="pdf",
        sha256=hashlib.sha256(data).hexdigest(),
        pages=pages,
        metadata_title=title or None,
    )


def join_pdf_parts(parts: list[SourceDocument]) -> SourceDocument:
    """One document from the parts of it that were read apart, checked as a whole.

    The parts may come in any order; each must have been read from the same
    bytes (a file rewritten between two parts' reads fails).
    """
    first = parts[0]
    if any(part.sha256 != first.sha256 for part in parts):
        raise PlantextError(first.path, "file changed while it was being read")
    ordered = sorted(parts, key=lambda part: part.pages[0].number if part.pages else 0)
    pages = [page for part in ordered for page in part.pages]
    check_pages(first.path, pages)
    return SourceDocument(
        path=first.path,
        format=first.format,
        sha256=first.sha256,
        pages=pages,
        metadata_title=first.metadata_title,
    )


def check_pages(path: str, pages: list[Page]) -> None:
    if not pages:
        raise PlantextError(path, "PDF has no pages")
    if not any(page.lines for page in pages):
        raise PlantextError(path, "no text layer; OCR is not available yet")


def _pdfminer_reason(error: Exception) -> str:
    """pdfplumber wraps pdfminer's errors; unwrap them into a reason."""
    inner = error.args[0] if error.args else error
    if type(inner).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError"):
        return "encrypted PDF (password required)"
    detail = f"{type(inner).__name__}: {inner}".strip().rstrip(":")
    return f"unreadable PDF ({detail})"


def read_page(pdf_page, number: int) -> Page:
    bold_markers = load_vocabulary("fonts")["bold_markers"]
    chars = [ch for ch in pdf_page.chars if ch["text"].strip()]
    turn = page_turn([turn_of_matrix(ch["matrix"]) for ch in sample(chars)])
    if turn:
        return _read_turned_page(pdf_page, number, chars, turn, bold_markers)
    lines = [
        build_line(raw, number, bold_markers)
        for raw in pdf_page.extract_text_lines(return_chars=True, strip=True)
        if raw["text"].strip()
    ]
    lines.sort(key=lambda line: (round(line.top), line.x0))
    return Page(
        number=number,
        width=float(pdf_page.width),
        height=float(pdf_page.height),
        lines=lines,
        frames=find_frames(pdf_page),
        grids=find_grids(pdf_page),
    )


def _read_turned_page(pdf_page, number: int, chars: list[dict], turn: int, bold_markers: list[str]) -> Page:
    """A page whose content is turned (``plantext.ingest.turned``), built as
    the PDFium path builds it, from pdfplumber's characters and its rules
    and rectangles mapped into the turned frame.  Curves are left out: a
    turned table ruled with curves is read as lines, not as a grid."""
    from plantext.ingest.pdfium import page_of

    width, height = float(pdf_page.width), float(pdf_page.height)
    char_turns = [turn_of_matrix(ch["matrix"]) for ch in chars]
    chars = [_plain_char(ch, char_turn == turn) for ch, char_turn in zip(chars, char_turns)]
    paths = [(_box_of(rect), bool(rect.get("stroke")) and not rect.get("fill")) for rect in pdf_page.rects]
    paths += [(_box_of(line), True) for line in pdf_page.lines]
    chars, paths = into_turned_frame(chars, char_turns, paths, turn, width, height)
    return page_of(number, height, width, chars, paths, bold_markers)


def _plain_char(char: dict, turned: bool) -> dict:
    """What the lines are built from of a pdfplumber character.  pdfminer
    gives as a character's size the height of its box on the page, which for
    a character turned with its page is its width there (a digit's advance,
    not the font size)."""
    size = char["x1"] - char["x0"] if turned else char["size"]
    return {
        "text": char["text"], "x0": float(char["x0"]), "x1": float(char["x1"]),
        "top": float(char["top"]), "bottom": float(char["bottom"]),
        "size": float(size), "fontname": char["fontname"],
    }


def _box_of(obj: dict) -> Box:
    return Box(float(obj["x0"]), float(obj["top"]), float(obj["x1"]), float(obj["bottom"]))


def build_line(raw: dict, page: int, bold_markers: list[str]) -> Line:
    chars = [ch for ch in raw["chars"] if ch["text"].strip()]
    sizes = sorted(ch["size"] for ch in chars)
    em = sizes[len(sizes) // 2] if sizes else float(raw["bottom"] - raw["top"])
    body = [ch for ch in chars if ch["size"] >= SUPERSCRIPT_SIZE_RATIO * em] or chars
    fonts = [ch["fontname"] for ch in body]
    bold_count = sum(1 for font in fonts if any(marker in font for marker in bold_markers))
    printed = chars
    chars = _with_superscripts(chars, em, max(ch["bottom"] for ch in body) if body else 0.0)
    return Line(
        text=half_width_forms(_line_text(raw["text"].strip(), printed, chars)),
        page=page,
        x0=float(raw["x0"]),
        top=float(min(ch["top"] for ch in body) if body else raw["top"]),
        x1=float(raw["x1"]),
        bottom=float(max(ch["bottom"] for ch in body) if body else raw["bottom"]),
        em=float(em),
        bold=bool(fonts) and bold_count > len(fonts) / 2,
        segments=tuple(split_segments(chars, em)),
    )


def _superscript_digits() -> dict[int, int]:
    return str.maketrans("0123456789", load_vocabulary("tables")["superscript_digits"])


def _with_superscripts(chars: list[dict], em: float, baseline: float) -> list[dict]:
    """The line's characters, its raised small digits as superscripts."""
    superscripts = _superscript_digits()
    return [
        {**ch, "text": ch["text"].translate(superscripts)}
        if ch["text"].isdigit() and ch["size"] < SUPERSCRIPT_SIZE_RATIO * em and baseline - ch["bottom"] >= SUPERSCRIPT_RAISE_EMS * em
        else ch
        for ch in chars
    ]


def _line_text(text: str, printed: list[dict], chars: list[dict]) -> str:
    """The line's text with each printed character as ``chars`` writes it
    (the spaces between words kept); as printed if the two do not line up."""
    if all(a is b for a, b in zip(printed, chars)):
        return text
    pieces: list[str] = []
    position = 0
    for before, after in zip(printed, chars):
        found = text.find(before["text"], position)
        if found < 0:
            return text
        pieces.append(text[position:found] + after["text"])
        position = found + len(before["text"])
    return "".join(pieces) + text[position:]


def grids_with_superscripts(page: Page) -> None:
    """Write in the page's grid cells the superscripts its lines found: cells
    are read from the characters apart from the lines, by either engine.  A
    segment of a line inside a cell gives the cell its superscripts where the
    cell holds its text with plain digits."""
    superscripts = _superscript_digits()
    plain = {value: key for key, value in superscripts.items()}
    marked = [
        (line, segment)
        for line in page.lines
        for segment in line.segments
        if any(ord(ch) in plain for ch in segment.text)
    ]
    if not marked:
        return
    page.grids = [
        Grid(grid.box, tuple(tuple(_cell_with_superscripts(cell, marked, plain) for cell in row) for row in grid.rows))
        for grid in page.grids
    ]


def _cell_with_superscripts(cell: GridCell | None, marked: list[tuple[Line, Segment]], plain: dict[int, int]) -> GridCell | None:
    if cell is None:
        return None
    text = cell.text
    for line, segment in marked:
        middle_x, middle_y = (segment.x0 + segment.x1) / 2, (line.top + line.bottom) / 2
        if not (cell.box.x0 <= middle_x <= cell.box.x1 and cell.box.top <= middle_y <= cell.box.bottom):
            continue
        printed = regex.compile(r"\s*".join(regex.escape(ch) for ch in segment.text.translate(plain)))
        text = printed.sub(lambda _: segment.text, text, count=1)
    return cell if text == cell.text else GridCell(text, cell.box)


def split_segments(chars: list[dict], em: float) -> list[Segment]:
    segments: list[Segment] = []
    run: list[dict] = []
    for ch in sorted(chars, key=lambda c: c["x0"]):
        if run and ch["x0"] - run[-1]["x1"] > SEGMENT_GAP_EMS * em:
            segments.append(_segment(run))
            run = []
        run.append(ch)
    if run:
        segments.append(_segment(run))
    return segments


def _segment(chars: list[dict]) -> Segment:
    return Segment(half_width_forms("".join(ch["text"] for ch in chars)), float(chars[0]["x0"]), float(chars[-1]["x1"]))


def find_frames(pdf_page) -> list[Box]:
    """Stroked rectangles wide enough to frame a 专栏 box, drawn as rectangles
    or as four lines (a one-cell table, a bordered paragraph)."""
    frames = []
    for rect in pdf_page.rects:
        if not rect.get("stroke") or rect.get("fill"):
            continue
        if rect["width"] < FRAME_MIN_WIDTH_SHARE * pdf_page.width:
            continue
        frames.append(Box(float(rect["x0"]), float(rect["top"]), float(rect["x1"]), float(rect["bottom"])))
    rules = [Box(float(line["x0"]), float(line["top"]), float(line["x1"]), float(line["bottom"])) for line in pdf_page.lines]
    return frames + frames_from_rules(rules, pdf_page.width)


def frames_from_rules(rules: list[Box], page_width: float) -> list[Box]:
    """Rectangles closed by four rules: a top and a bottom rule of one width,
    and a rule down each end between them.  Rules inside (a table's) keep a
    region from being a frame: only a rectangle with nothing ruled inside it is one."""
    tolerance = FRAME_RULE_TOLERANCE
    rules = sorted(set(rules), key=lambda r: (r.x0, r.top, r.x1, r.bottom))
    horizontal = sorted((r for r in rules if r.bottom - r.top < r.x1 - r.x0), key=lambda r: r.top)
    vertical = _join_collinear([r for r in rules if r.bottom - r.top >= r.x1 - r.x0], tolerance)
    frames = []
    for index, top in enumerate(horizontal):
        if top.x1 - top.x0 < FRAME_MIN_WIDTH_SHARE * page_width:
            continue
        for bottom in horizontal[index + 1 :]:
            if abs(bottom.x0 - top.x0) > tolerance or abs(bottom.x1 - top.x1) > tolerance:
                continue
            if bottom.top - top.bottom < FRAME_MIN_HEIGHT:
                continue
            sides = [
                side for side in vertical
                if side.top <= top.top + tolerance and side.bottom >= bottom.bottom - tolerance
                and (abs(side.x0 - top.x0) <= tolerance or abs(side.x1 - top.x1) <= tolerance)
            ]
            inner = [
                rule for rule in rules
                if rule.x0 > top.x0 + tolerance and rule.x1 < top.x1 - tolerance
                and rule.bottom > top.bottom + tolerance and rule.top < bottom.top - tolerance
            ]
            if len(sides) >= 2 and not inner:
                frames.append(Box(top.x0, top.top, top.x1, bottom.bottom))
            break  # the next rule of the same width closes this one, or nothing does
    return frames


def _join_collinear(vertical: list[Box], tolerance: float) -> list[Box]:
    """Vertical rules drawn in pieces (a bordered paragraph's sides, one piece
    per paragraph) joined into whole rules."""
    joined: list[Box] = []
    for rule in sorted(vertical, key=lambda r: (round(r.x0), r.top)):
        last = joined[-1] if joined else None
        if last and abs(last.x0 - rule.x0) <= tolerance and rule.top <= last.bottom + tolerance:
            joined[-1] = Box(last.x0, last.top, max(last.x1, rule.x1), max(last.bottom, rule.bottom))
        else:
            joined.append(rule)
    return joined


def find_grids(pdf_page) -> list[Grid]:
    """Ruled tables: only pages with drawn rules are searched (the search is slow)."""
    if len(pdf_page.lines) + len(pdf_page.rects) < 4 or len(pdf_page.lines) < 2:
        return []
    grids = []
    for table in pdf_page.find_tables(TABLE_SETTINGS):
        rows = []
        for row in table.rows:
            cells = []
            for cell in row.cells:
                if cell is None:
                    cells.append(None)
                    continue
                text = half_width_forms(pdf_page.within_bbox(cell).extract_text() or "")
                cells.append(GridCell(text=text, box=Box(*map(float, cell))))
            rows.append(tuple(cells))
        if len(rows) >= 2 and max(len(row) for row in rows) >= 2:
            grids.append(Grid(box=Box(*map(float, table.bbox)), rows=tuple(rows)))
    return grids
