"""Plain-text sources: decode, split into pages, and give each line a position.

Researchers receive plans as raw text dumps of the published PDF, or copied
from a web page or a word processor.  Pages are separated by form feeds or by
runs of two or more empty lines; some dumps put an empty line after every
printed line ("double spacing").  Lines get positions in character cells, so
the layout rules that use indentation and line width work on
``pdftotext -layout`` output as they do on PDFs.  Tables copied from a web
page or a word processor part their cells by tabs; their columns are laid
out by the order of the cells.  Full-width digits and letters are read
half-width, as the contract prints them, so that labels such as ``表１`` are
recognised.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from plantext.errors import PlantextError
from plantext.ingest.model import Line, Page, Segment, SourceDocument
from plantext.normalize import DUMP_WIDE_CHARACTER, half_width_forms

# A page break in a dump without form feeds: two or more extra empty lines,
# unless the text on each side of them is no longer than this many printed
# lines: a web page copied with two empty lines between its paragraphs.
PAGE_BREAK = re.compile(r"(\n\n{2,})")
PARAGRAPH_MAX_LINES = 2
# Cells of a `pdftotext -layout` table are separated by two or more spaces.
SEGMENT_GAP = re.compile(r"\S+(?: \S+)*")
# Positions in a text dump count characters: ``pdftotext -layout`` puts
# every character, CJK or not, in one cell of its grid, so one cell is an em.
CELLS_PER_EM = 1.0
# Dumps typed or laid out in a monospace editor align their columns as the
# screen shows them, a CJK character two cells wide; positions then count
# those cells, two to the em.  A dump is read in the count under which its
# table rows line up (``aligns_wide``).
WIDE_CELLS_PER_EM = 2.0
# Lines of at least this many segments are the table rows that tell how a
# dump aligns its columns; their cells are parted by two spaces or by
# ideographic spaces (tab-separated rows are laid out by cell order).
ALIGNED_ROW_SEGMENTS = 3
# A table copied from a web page or a word processor parts its cells by tabs,
# each cell as wide as its text, so that its rows do not line up.  Two or
# more lines of two or more tab-separated cells are laid out in columns by
# the order of their cells, this many cells apart.  Up to this many other
# lines may come between two rows of one table: a group row (一、环境质量)
# or a heading repeated over the table is copied as a single cell.
TAB_COLUMN_GAP = 2
TAB_TABLE_MIN_ROWS = 2
TAB_TABLE_MAX_GAP_LINES = 2
# Word processors and OCR engines may put exactly two spaces between the
# cells of a table row, each cell as wide as its text, so that the rows do
# not line up: such a table is laid out by cell order too, as a tab-separated
# one.  Padding to a column takes any number of spaces, and a run of an odd
# number, three or more, tells a row so padded.
ODD_SPACE_RUN = re.compile(r"(?<! )   (?:  )*(?! )")
# UTF-16 without a byte-order mark: the zero bytes of its ASCII characters
# (digits, spaces, line ends) fall on one side of the code units, and few on
# the other (一 is U+4E00).  At least this share of the code units must hold
# a zero on the first side, this many times as many as on the other.
UTF16_ZERO_SHARE = 0.01
UTF16_ZERO_RATIO = 4


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 (with BOM) or GB18030.

    Never guesses silently: GB18030 decodes many byte strings that are not
    Chinese text, so its result is accepted only when it reads as text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", path), "utf-16"
    byte_order = _utf16_without_bom(data)
    if byte_order is not None:
        return byte_order
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
    raise PlantextError(path, "unreadable encoding (not UTF-8, UTF-16 or GB18030)")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """The text and byte order of UTF-16 without a byte-order mark, or ``None``.

    Its zero bytes fall mostly on one side of the code units, and decoded in
    that order it reads as text with line ends; a text file with a stray NUL
    byte does not.
    """
    if len(data) % 2 or not data:
        return None
    units = len(data) // 2
    zeros_odd, zeros_even = data[1::2].count(0), data[0::2].count(0)
    for encoding, zeros, others in (("utf-16-le", zeros_odd, zeros_even), ("utf-16-be", zeros_even, zeros_odd)):
        if zeros >= UTF16_ZERO_SHARE * units and zeros > UTF16_ZERO_RATIO * others:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            if "\n" in text and "\x00" not in text and _reads_as_text(text):
                return text, encoding
    return None


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
    """Split a dump into page texts; a trailing empty chunk is not a page.

    Form feeds always part pages; runs of empty lines do unless they stand
    between paragraphs (``PARAGRAPH_MAX_LINES``).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = text.split("\f") if "\f" in text else _pages_between_empty_lines(text)
    while chunks and not chunks[-1].strip():
        chunks.pop()
    return chunks


def _pages_between_empty_lines(text: str) -> list[str]:
    pieces = PAGE_BREAK.split(text)  # text, break, text, break, …, text
    pages = [pieces[0]]
    for previous, separator, chunk in zip(pieces[0::2], pieces[1::2], pieces[2::2]):
        if _printed_lines(previous) <= PARAGRAPH_MAX_LINES and _printed_lines(chunk) <= PARAGRAPH_MAX_LINES:
            pages[-1] += separator + chunk
        else:
            pages.append(chunk)
    return pages


def _printed_lines(chunk: str) -> int:
    return sum(1 for line in chunk.split("\n") if line.strip())


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
    # One character for one: the positions of the line as printed still hold.
    stripped = half_width_forms(stripped)
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
    text = stripped[start:]
    # Most lines are one segment, their words parted by single spaces only:
    # parting at spaces then gives the same words as parting at any
    # whitespace.  (Two splits cost a third of a regex search for the gaps.)
    if text and text.split(" ") == text.split():
        x0, x1 = (start, end) if cells is None else (cells[start], cells[end])
        return (Segment(text, x0, x1),)
    spans = [match.span() for match in SEGMENT_GAP.finditer(stripped)]
    if cells is None:
        return tuple(Segment(stripped[x0:x1], x0, x1) for x0, x1 in spans)
    return tuple(Segment(stripped[x0:x1], cells[x0], cells[x1]) for x0, x1 in spans)


def tab_row_line(segments: tuple[Segment, ...], page: int, index: int, hard_break: bool, wide: bool) -> Line:
    """A row of a tab-separated table, its cells laid out in columns (``lay_out_tab_tables``)."""
    return Line(
        text="  ".join(segment.text for segment in segments),
        page=page,
        x0=float(segments[0].x0),
        top=float(index),
        x1=float(segments[-1].x1),
        bottom=float(index + 1),
        em=WIDE_CELLS_PER_EM if wide else CELLS_PER_EM,
        segments=segments,
        hard_break=hard_break,
    )


def tab_cells(raw: str) -> list[str] | None:
    """The cells of a tab-separated table row, empty where a merged cell was
    copied as nothing; ``None`` for a line of fewer than two cells with text."""
    if "\t" not in raw:
        return None
    # Trailing tabs stand for empty last cells (an empty 属性 or 备注 cell).
    cells = [cell.strip() for cell in half_width_forms(raw.rstrip("\r\n ")).split("\t")]
    return cells if sum(1 for cell in cells if cell) >= 2 else None


def spaced_cells(raw: str) -> list[str] | None:
    """The cells of a table row parted by two spaces, each cell as wide as
    its text; ``None`` for any other line.  Four spaces part two cells with
    an empty one between (a merged 类别 cell); a run of an odd number of
    spaces, three or more, is padding to a column (``pdftotext -layout``),
    not such a row.  Two spaces at either end stand for an empty cell there,
    as a tab does: the row goes on from the line above, or on to the next."""
    text = half_width_forms(raw.rstrip("\r\n"))
    body = text.strip(" ")
    if "  " not in body or ODD_SPACE_RUN.search(body) is not None:
        return None
    cells = [cell.strip() for cell in body.split("  ")]
    if text.startswith("  ") and not text.startswith("   "):
        cells.insert(0, "")
    if text.endswith("  ") and not text.endswith("   "):
        cells.append("")
    return cells if sum(1 for cell in cells if cell) >= 2 else None


def parts_cells_by_two_spaces(raw_lines: list[str]) -> bool:
    """Does the dump part its table cells by two spaces (``spaced_cells``)
    rather than pad them to columns?  A dump laid out in columns pads many
    lines with odd runs of spaces, and only some of its lines happen to have
    even ones; a dump of cells two spaces apart has no padding."""
    spaced = padded = 0
    for raw in raw_lines:
        if "  " in raw.strip(" "):
            if ODD_SPACE_RUN.search(raw.strip(" ")) is not None:
                padded += 1
            elif _filled(spaced_cells(raw)) >= ALIGNED_ROW_SEGMENTS:
                spaced += 1
    return spaced > padded


def _filled(cells: list[str] | None) -> int:
    """How many of a row's cells hold text (none for no row)."""
    return sum(1 for cell in cells if cell) if cells else 0


def lay_out_tab_tables(raw_lines: list[str], wide: bool) -> dict[int, tuple[Segment, ...] | None]:
    """The segments of each row of the tab-separated tables among ``raw_lines``,
    by line index; ``None`` for a line that is the wrapped end of the row
    above it.  Each table's columns are as wide as their widest cells."""
    return _lay_out_by_cell_order(raw_lines, wide, tab_cells)


def lay_out_spaced_tables(raw_lines: list[str], wide: bool) -> dict[int, tuple[Segment, ...] | None]:
    """As ``lay_out_tab_tables``, for tables whose cells are parted by two
    spaces (``spaced_cells``: a word processor's or an OCR engine's text)
    and whose rows do not line up.  Rows that line up are read by the
    position of their cells, which also places an empty cell."""
    return _lay_out_by_cell_order(
        raw_lines, wide, spaced_cells, min_cells=ALIGNED_ROW_SEGMENTS, unless=lambda rows: _line_up(rows, wide)
    )


def _lay_out_by_cell_order(
    raw_lines: list[str],
    wide: bool,
    cells_of: Callable[[str], list[str] | None],
    min_cells: int = 2,
    unless: Callable[[list[str]], bool] | None = None,
) -> dict[int, tuple[Segment, ...] | None]:
    """The segments of the rows of the tables whose cells ``cells_of`` reads,
    laid out by the order of their cells; tables of fewer than ``min_cells``
    columns, or for whose raw lines ``unless`` holds, are left as printed."""
    rows = [(index, cells_of(raw)) for index, raw in enumerate(raw_lines) if raw.strip()]
    placed: dict[int, tuple[Segment, ...] | None] = {}
    for table in _tab_tables(rows):
        if len(table) < TAB_TABLE_MIN_ROWS or max(_filled(cells) for _, cells, _ in table) < min_cells:
            continue
        if unless is not None and unless([raw_lines[index] for index, _, _ in table]):
            continue
        segments = _tab_table_segments([cells for _, cells, _ in table], wide)
        for (index, _, joined), row_segments in zip(table, segments):
            placed[index] = row_segments
            placed.update((wrapped, None) for wrapped in joined)
    return placed


def _line_up(raw_rows: list[str], wide: bool) -> bool:
    """Do the table's rows start their cells where its widest row (the
    header) starts one?  A row laid out by cell order starts them wherever
    the widths of the cells before it lead."""
    starts = []
    for raw in raw_rows:
        positions = display_cells(raw) if wide else None
        row = [match.start() for match in SEGMENT_GAP.finditer(raw)]
        starts.append({positions[start] for start in row} if positions else set(row))
    widest = max(starts, key=len)
    return all(row <= widest for row in starts)


def _tab_tables(rows: list[tuple[int, list[str] | None]]) -> list[list[tuple[int, list[str], list[int]]]]:
    """The tables among the printed lines ``rows`` (index, cells or ``None``):
    each a list of rows (index, cells, indexes of the lines joined to it).

    A table's rows are at most ``TAB_TABLE_MAX_GAP_LINES`` other lines apart,
    and after such lines (a group row, a heading repeated over the table) its
    next row has all its cells: a row of another count starts another table.
    A row of under half the table's cells (a note, 注：\t…) is no row of it,
    unless it comes right under the first row (the lower row of a header).
    A row cut short whose cells and the next line's make one row (a cell
    holding a line break) is joined with it."""
    tables: list[list[tuple[int, list[str], list[int]]]] = []
    table: list[tuple[int, list[str], list[int]]] = []
    width = gap = 0
    position = 0
    while position < len(rows):
        index, cells = rows[position]
        position += 1
        if cells is None:
            gap += 1
            if gap > TAB_TABLE_MAX_GAP_LINES:
                table = []
            continue
        joined = []
        following = rows[position][1] if position < len(rows) else None
        continues = bool(table) and (not gap or len(cells) == width)
        if (
            continues
            and following is not None
            and len(following) < width
            and len(cells) + len(following) - 1 == width
            # A cell holding a line break, its rest opening the next line; or
            # a row cut between two cells (an empty cell at the cut).
            and (len(cells) <= len(following) or cells[-1] == "" or following[0] == "")
        ):
            cells = cells[:-1] + [cells[-1] + following[0]] + following[1:]
            joined.append(rows[position][0])
            position += 1
        # Under the header a short row is the rest of a header of two rows.
        starts_anew = not continues or (len(table) > 1 and 2 * len(cells) < width)
        gap = 0
        if starts_anew:
            table = []
            tables.append(table)
            width = 0
        table.append((index, cells, joined))
        width = max(width, len(cells))
    return tables


def _tab_table_segments(rows: list[list[str]], wide: bool) -> list[tuple[Segment, ...]]:
    width = (lambda text: display_cells(text)[-1]) if wide else len
    columns = max(len(cells) for cells in rows)
    placed_rows = [_tab_columns(cells, columns) for cells in rows]
    widths = [0] * columns
    for placed in placed_rows:
        for column, text in placed:
            widths[column] = max(widths[column], width(text))
    starts = [0]
    for column_width in widths[:-1]:
        starts.append(starts[-1] + column_width + TAB_COLUMN_GAP)
    return [
        tuple(Segment(text, starts[column], starts[column] + width(text)) for column, text in placed if text)
        for placed in placed_rows
    ]


def _tab_columns(cells: list[str], columns: int) -> list[tuple[int, str]]:
    """The column of each cell of a row.  A row of fewer cells than the table
    is one a browser copied without the cells merged from the rows above (a
    group's 类别): its cells stand under the last columns, but for a leading
    sequence number, which stays in the first."""
    missing = columns - len(cells)
    if missing and cells[0].isdigit():
        return [(0, cells[0])] + [(column + missing, text) for column, text in enumerate(cells[1:], start=1)]
    return [(column + missing, text) for column, text in enumerate(cells)]


def display_cells(text: str) -> list[int]:
    """The screen cell where each character of ``text`` starts, and where the
    text ends: wide, full-width and ambiguous characters take two cells
    (``DUMP_WIDE_CHARACTER``)."""
    cells = [0]
    for char in text:
        cells.append(cells[-1] + (2 if DUMP_WIDE_CHARACTER.match(char) else 1))
    return cells


def aligns_wide(raw_lines: list[str]) -> bool:
    """Do the dump's table rows line up better when CJK characters count two
    cells than when every character counts one?  Rows line up when their
    cells start, or end, in the same places (a right-aligned column of
    numbers lines up at its ends only), so the count under which more pairs
    of rows share a cell's start or end wins; pdftotext's one cell a
    character stays the rule when there is no table."""
    rows = []
    for raw in raw_lines:
        stripped = raw.strip()
        if "  " in stripped or "\u3000" in stripped:
            spans = [match.span() for match in SEGMENT_GAP.finditer(raw)]
            if len(spans) >= ALIGNED_ROW_SEGMENTS:
                rows.append((raw, spans))
    narrow = Counter(edge for _, spans in rows for span in spans for edge in _edges(span))
    wide = Counter(
        edge for raw, spans in rows for span in spans for edge in _edges(span, display_cells(raw))
    )
    return _shared(wide) > _shared(narrow)


def _edges(span: tuple[int, int], cells: list[int] | None = None) -> tuple[tuple[str, int], tuple[str, int]]:
    """Where a cell starts and where it ends, counted in characters or, with
    ``cells``, in screen cells; a start and an end are told apart."""
    start, end = span
    if cells is not None:
        start, end = cells[start], cells[end]
    return ("start", start), ("end", end)


def _shared(starts: Counter) -> int:
    """How many pairs of rows start a cell in the same place: columns shared
    by many rows outweigh chance coincidences of two or three."""
    return sum(count * (count - 1) // 2 for count in starts.values())


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
    spaced = parts_cells_by_two_spaces(all_lines)
    pages = []
    for number, page_text in enumerate(page_texts, start=1):
        raw_lines = page_text.split("\n")
        if double:
            raw_lines = [line for line in raw_lines if line != ""]
        if "\t" in page_text:
            tab_rows = lay_out_tab_tables(raw_lines, wide)
        elif spaced:
            tab_rows = lay_out_spaced_tables(raw_lines, wide)
        else:
            tab_rows = {}
        lines = []
        for index, raw in enumerate(raw_lines):
            if not raw.strip():
                # In a single-spaced dump an empty line ends the paragraph above.
                if lines and not double:
                    lines[-1].blank_after = True
                continue
            hard = trailing_marks and raw != raw.rstrip()
            if index in tab_rows:
                if tab_rows[index] is not None:  # None: the wrapped end of the row above
                    lines.append(tab_row_line(tab_rows[index], number, len(lines), hard, wide))
            else:
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
