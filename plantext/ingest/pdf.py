"""PDF sources through pdfplumber: lines with positions, 专栏 frames, ruled tables.

This is the only module that touches pdfplumber.  Pages are read one at a
time and released (``page.close()``), so memory does not grow with the
length of the document.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from plantext.errors import PlantextError
from plantext.ingest.model import Box, Grid, GridCell, Line, Page, Segment, SourceDocument
from plantext.vocab import load_vocabulary

# A gap wider than this many ems inside a line separates two segments (cells).
SEGMENT_GAP_EMS = 0.9
# A frame (专栏 border) is a stroked rectangle at least this share of the text width.
FRAME_MIN_WIDTH_SHARE = 0.5
# Characters this much smaller than the line's main size are superscripts
# (footnote markers); they are kept out of the line's font size.
SUPERSCRIPT_SIZE_RATIO = 0.75
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
    if not pages:
        raise PlantextError(str(path), "PDF has no pages")
    if not any(page.lines for page in pages):
        raise PlantextError(str(path), "no text layer; OCR is not available yet")
    return SourceDocument(
        path=str(path),
        format="pdf",
        sha256=hashlib.sha256(data).hexdigest(),
        pages=pages,
        metadata_title=title or None,
    )


def _pdfminer_reason(error: Exception) -> str:
    """pdfplumber wraps pdfminer's errors; unwrap them into a reason."""
    inner = error.args[0] if error.args else error
    if type(inner).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError"):
        return "encrypted PDF (password required)"
    detail = f"{type(inner).__name__}: {inner}".strip().rstrip(":")
    return f"unreadable PDF ({detail})"


def read_page(pdf_page, number: int) -> Page:
    bold_markers = load_vocabulary("fonts")["bold_markers"]
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


def build_line(raw: dict, page: int, bold_markers: list[str]) -> Line:
    chars = [ch for ch in raw["chars"] if ch["text"].strip()]
    sizes = sorted(ch["size"] for ch in chars)
    em = sizes[len(sizes) // 2] if sizes else float(raw["bottom"] - raw["top"])
    body = [ch for ch in chars if ch["size"] >= SUPERSCRIPT_SIZE_RATIO * em] or chars
    fonts = [ch["fontname"] for ch in body]
    bold_count = sum(1 for font in fonts if any(marker in font for marker in bold_markers))
    return Line(
        text=raw["text"].strip(),
        page=page,
        x0=float(raw["x0"]),
        top=float(min(ch["top"] for ch in body) if body else raw["top"]),
        x1=float(raw["x1"]),
        bottom=float(max(ch["bottom"] for ch in body) if body else raw["bottom"]),
        em=float(em),
        bold=bool(fonts) and bold_count > len(fonts) / 2,
        segments=tuple(split_segments(chars, em)),
    )


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
    return Segment("".join(ch["text"] for ch in chars), float(chars[0]["x0"]), float(chars[-1]["x1"]))


def find_frames(pdf_page) -> list[Box]:
    """Stroked rectangles wide enough to frame a 专栏 box."""
    frames = []
    for rect in pdf_page.rects:
        if not rect.get("stroke") or rect.get("fill"):
            continue
        if rect["width"] < FRAME_MIN_WIDTH_SHARE * pdf_page.width:
            continue
        frames.append(Box(float(rect["x0"]), float(rect["top"]), float(rect["x1"]), float(rect["bottom"])))
    return frames


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
                text = pdf_page.within_bbox(cell).extract_text() or ""
                cells.append(GridCell(text=text, box=Box(*map(float, cell))))
            rows.append(tuple(cells))
        if len(rows) >= 2 and max(len(row) for row in rows) >= 2:
            grids.append(Grid(box=Box(*map(float, table.bbox)), rows=tuple(rows)))
    return grids
