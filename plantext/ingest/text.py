"""Plain-text sources: decode, split into pages, and give each line a position.

Researchers receive plans as raw text dumps of the published PDF.  Pages are
separated by form feeds or by runs of two or more empty lines; some dumps put
an empty line after every printed line ("double spacing").  Lines get
positions in character cells, so the layout rules that use indentation and
line width work on ``pdftotext -layout`` output as they do on PDFs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from pathlib import Path

from plantext.errors import PlantextError
from plantext.ingest.model import Line, Page, Segment, SourceDocument

# A page break in a dump without form feeds: two or more extra empty lines.
PAGE_BREAK = re.compile(r"\n\n{2,}")
# Cells of a `pdftotext -layout` table are separated by two or more spaces.
SEGMENT_GAP = re.compile(r"\S+(?: \S+)*")
# What can part a line's text into segments: two spaces, or whitespace other
# than a space.  Most lines have neither and are one segment.
SEGMENT_BREAK = re.compile(r"  |[^\S ]")
# Positions in a text dump count characters: ``pdftotext -layout`` puts
# every character, CJK or not, in one cell of its grid, so one cell is an em.
CELLS_PER_EM = 1.0
# Dumps typed or laid out in a monospace editor align their columns as the
# screen shows them, a CJK character two cells wide; positions then count
# those cells, two to the em.  A dump is read in the count under which its
# table rows line up (``aligns_wide``).
WIDE_CELLS_PER_EM = 2.0
# Lines of at least this many segments are the table rows that tell how a
# dump aligns its columns.
ALIGNED_ROW_SEGMENTS = 3


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 (with BOM) or GB18030.

    Never guesses silently: GB18030 decodes many byte strings that are not
    Chinese text, so its result is accepted only when it reads as text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", path), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _reads_as_text(text):
        return text, "gb18030"
    raise PlantextError(path, "unreadable encoding (not UTF-8, UTF-16 with BOM or GB18030)")


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise PlantextError(path, f"unreadable encoding (invalid {encoding} at byte {error.start})") from None


def _reads_as_text(text: str) -> bool:
    if not text:
        return True
    unreadable = sum(
        1
        for ch in text
        if (unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") and ch not in "\n\r\t\f")
    )
    return unreadable / len(text) < 0.001


def split_pages(text: str) -> list[str]:
    """Split a dump into page texts; a trailing empty chunk is not a page."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = text.split("\f") if "\f" in text else PAGE_BREAK.split(text)
    while chunks and not chunks[-1].strip():
        chunks.pop()
    return chunks


def is_double_spaced(pages: list[str]) -> bool:
    """True when (nearly) every printed line is followed by one empty line."""
    followed = total = 0
    for page in pages:
        lines = page.split("\n")
        for index, line in enumerate(lines[:-1]):
            if line.strip():
                total += 1
                followed += lines[index + 1] == ""
    return total > 0 and followed / total > 0.9


def marks_paragraph_ends(raw_lines: list[str]) -> bool:
    """Does this dump keep a trailing space where (and only where) paragraphs end?

    Such dumps mark a minority of lines, and most marked lines end a sentence.
    """
    printed = [line for line in raw_lines if line.strip()]
    marked = [line.rstrip() for line in printed if line != line.rstrip()]
    if not printed or not marked or len(marked) > 0.6 * len(printed):
        return False
    sentence_ends = sum(1 for line in marked if line[-1] in "。！？；：」）)性")
    return sentence_ends / len(marked) > 0.5


def text_line(raw: str, page: int, index: int, hard_break: bool, wide: bool = False) -> Line:
    """A printed line with its position; ``wide`` counts CJK characters two cells."""
    stripped = raw.rstrip()
    cells = display_cells(stripped) if wide else None
    indent = len(raw) - len(raw.lstrip())
    return Line(
        text=stripped.strip(),
        page=page,
        x0=float(cells[indent] if cells else indent),
        top=float(index),
        x1=float(cells[-1] if cells else len(stripped)),
        bottom=float(index + 1),
        em=WIDE_CELLS_PER_EM if wide else CELLS_PER_EM,
        segments=_segments(stripped, cells),
        hard_break=hard_break,
    )


def _segments(stripped: str, cells: list[int] | None) -> tuple[Segment, ...]:
    """The segments of a line's text (trailing whitespace already stripped),
    placed by ``cells`` (the cell where each character starts) when given."""
    start = len(stripped) - len(stripped.lstrip())
    end = len(stripped)
    if start < end and SEGMENT_BREAK.search(stripped, start) is None:
        # Most lines are one segment: build it without walking a list of spans.
        x0, x1 = (start, end) if cells is None else (cells[start], cells[end])
        return (Segment(stripped[start:], x0, x1),)
    spans = [match.span() for match in SEGMENT_GAP.finditer(stripped)]
    if cells is None:
        return tuple(Segment(stripped[x0:x1], x0, x1) for x0, x1 in spans)
    return tuple(Segment(stripped[x0:x1], cells[x0], cells[x1]) for x0, x1 in spans)


def display_cells(text: str) -> list[int]:
    """The screen cell where each character of ``text`` starts, and where the
    text ends: wide and full-width characters (CJK) take two cells."""
    cells = [0]
    for char in text:
        cells.append(cells[-1] + (2 if unicodedata.east_asian_width(char) in "WF" else 1))
    return cells


def aligns_wide(raw_lines: list[str]) -> bool:
    """Do the dump's table rows line up better when CJK characters count two
    cells than when every character counts one?  Rows line up when their
    cells start in the same places, so the count under which more cell
    starts are shared by several rows wins; pdftotext's one cell a
    character stays the rule when there is no table."""
    rows = []
    for raw in raw_lines:
        if "  " in raw.strip():
            spans = [match.start() for match in SEGMENT_GAP.finditer(raw)]
            if len(spans) >= ALIGNED_ROW_SEGMENTS:
                rows.append((raw, spans))
    narrow = Counter(start for _, starts in rows for start in starts)
    wide = Counter(display_cells(raw)[start] for raw, starts in rows for start in starts)
    return _shared(wide) > _shared(narrow)


def _shared(starts: Counter) -> int:
    return sum(count for count in starts.values() if count > 1)


def read_text(path: str | Path) -> SourceDocument:
    """Read a text dump into pages of positioned lines."""
    path = Path(path)
    data = path.read_bytes()
    text, encoding = decode_text(data, str(path))
    if "\x00" in text:
        raise PlantextError(str(path), "not a text file (contains NUL bytes)")
    if not text.strip():
        raise PlantextError(str(path), "empty text file")
    page_texts = split_pages(text)
    double = is_double_spaced(page_texts)
    all_lines = [line for page in page_texts for line in page.split("\n")]
    trailing_marks = marks_paragraph_ends(all_lines)
    wide = aligns_wide(all_lines)
    pages = []
    for number, page_text in enumerate(page_texts, start=1):
        raw_lines = page_text.split("\n")
        if double:
            raw_lines = [line for line in raw_lines if line != ""]
        lines = []
        for raw in raw_lines:
            if not raw.strip():
                # In a single-spaced dump an empty line ends the paragraph above.
                if lines and not double:
                    lines[-1].blank_after = True
                continue
            hard = trailing_marks and raw != raw.rstrip()
            lines.append(text_line(raw, number, len(lines), hard, wide))
        width = max((line.x1 for line in lines), default=0.0)
        pages.append(Page(number=number, width=width, height=float(len(lines)), lines=lines))
    return SourceDocument(
        path=str(path),
        format="txt",
        sha256=hashlib.sha256(data).hexdigest(),
        pages=pages,
        encoding=encoding,
        paragraph_ends_marked=trailing_marks,
    )
