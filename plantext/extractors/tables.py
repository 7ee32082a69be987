"""Tables as printed: a grid of cells with its header, row groups and notes.

Three readers give one shape, ``RawTable``:

- ``read_grid_table`` — ruled PDF tables (the grid pdfplumber found from the
  drawn lines), merged cells propagated;
- ``read_aligned_table`` — borderless tables whose cells are separated by
  visible gaps (``pdftotext -layout`` dumps, PDF rows without rules such as a
  table's last row carried to the next page);
- ``plantext.extractors.flattened.read_flattened_table`` — text dumps that
  flattened every cell onto a line of its own.

Reading is separate from interpretation: ``plantext.extractors.indicators``
turns the rows of indicator tables into indicator records.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

import regex

from plantext.cellvalue import UNNAMED_VALUE_ROLE, footnote_marks, is_year_label, note_number
from plantext.footnotes import is_lone_mark, opening_mark, raised_mark
from plantext.ingest.model import Grid, GridCell, Line, Segment
from plantext.layout import Heading, Layout, Paragraph, TableRegion
from plantext.models import Table
from plantext.normalize import is_cjk, join_lines, normalize_text, remove_spaces
from plantext.vocab import load_vocabulary, vocabulary_table


@dataclass
class RawRow:
    """One body row: a cell per column (normalised text, "" when empty)."""

    cells: list[str]
    # The row groups it belongs to, outermost first: merged category cells
    # (生态保护, （2）大气环境质量) and full-width group rows (环境质量).
    groups: list[str]
    page: int
    # The header of the column each group was printed in (类别), "" for a
    # group row, which has none: what the output's header names them.
    group_headers: list[str] = field(default_factory=list)


@dataclass
class RawTable:
    label: str | None
    caption: str | None
    page: int
    # Header text of each column, normalised (规划指标, 基准值, 2020年, 指标属性).
    columns: list[str]
    rows: list[RawRow]
    # Note paragraphs printed under the table, as printed (注:1.…2.…).
    notes: list[str] = field(default_factory=list)
    # The unit printed once for the whole table between its caption and its
    # header (单位：微克/立方米 → 微克/立方米), as printed.
    unit: str | None = None


def table_record(table: RawTable) -> Table:
    """The raw grid as output: row groups become leading cells of each row,
    headed by the header of the column they were printed in (类别)."""
    depth = max((len(row.groups) for row in table.rows), default=0)
    header = [_group_headers(table.rows, depth) + list(table.columns)]
    rows = [(row.groups + [""] * (depth - len(row.groups))) + row.cells for row in table.rows]
    return Table(label=table.label, caption=table.caption, page=table.page, header=header, rows=rows, notes=table.notes)


def _group_headers(rows: list[RawRow], depth: int) -> list[str]:
    """For each level of row groups, the first header a row gives it."""
    headers = [""] * depth
    for row in rows:
        for level, header in enumerate(row.group_headers):
            headers[level] = headers[level] or header
    return headers


def read_tables(layout: Layout) -> list[RawTable]:
    tables = []
    previous = None
    for region in layout.blocks:
        if isinstance(region, TableRegion):
            table = read_region(region, _annex_opened_by(previous), cell_footnotes(region, layout.footnotes))
            if table is not None:
                tables.append(table)
        previous = region
    return tables


def cell_footnotes(region: TableRegion, footnotes: list[Paragraph]) -> list[str]:
    """The footnotes at the foot of the table's pages that its cells mark
    (… 自动监测站点⑥ / ⑥ 〔 〕内为…, a mark a dump may print apart from its
    cell): notes of the table as much as its 注 lines, written as those are,
    with a circled number."""
    pages = {line.page for line in region.lines} | {page for page, _ in region.grids}
    printed = "".join(line.text for line in region.lines) + "".join(
        cell.text for _, grid in region.grids for row in grid.rows for cell in row if cell is not None
    )
    circled = footnote_marks().circled
    notes = []
    for footnote in footnotes:
        mark = opening_mark(footnote.lines[0].text)  # as printed: the space after a number is gone from the text
        number = note_number(mark) if mark else ""
        if footnote.page in pages and number.isdigit() and 0 < int(number) <= len(circled) and raised_mark(mark) in printed:
            notes.append(circled[int(number) - 1] + footnote.text.removeprefix(mark))
    return notes


def _annex_opened_by(block) -> Heading | None:
    """The annex heading a block is, if it is one (附件 1 / 青水县…主要目标)."""
    return block if isinstance(block, Heading) and block.match.style == "annex" else None


def read_region(region: TableRegion, annex: Heading | None = None, footnotes: list[str] | None = None) -> RawTable | None:
    """The table of a region.  A table without a 表 label of its own that
    opens an annex (``annex``, the heading right above it) is the annex's
    table: it is labelled and captioned by the annex (附件 1 and its title),
    as a table in a 专栏 box by the box."""
    from plantext.extractors.flattened import read_flattened_table

    label = region.heading.match.label if region.heading else region.label
    caption = region.heading.match.title if region.heading else region.caption
    if label is None and annex is not None:
        label, caption = annex.match.label, caption or annex.match.title or None
    notes = [paragraph.text for paragraph in region.notes] + (footnotes or [])
    unit, lines = _table_unit(region.lines)
    if region.grids:
        loose = [line for line in lines if not _inside_any_grid(line, region.grids)]
        columns, rows = read_grid_table(region.grids, loose)
    elif is_aligned(lines):
        columns, rows = read_aligned_table(lines, _note_numbers(notes))
    else:
        columns, rows = read_flattened_table([line.text for line in lines], [line.page for line in lines])
    if not columns:
        return None
    return RawTable(label, caption, region.page, columns, rows, notes, unit)


def _compile_table_unit_line(tables) -> regex.Pattern:
    return regex.compile(tables["table_unit_line"])


def _table_unit(lines: list[Line]) -> tuple[str | None, list[Line]]:
    """The unit a line of its own above the header gives the whole table
    (单位：微克/立方米), and the table's lines without it: read as a line of
    the table it would be glued into the header cells it is printed over."""
    found = vocabulary_table(_compile_table_unit_line, "tables").fullmatch(remove_spaces(lines[0].text)) if lines else None
    if found is None:
        return None, lines
    return found.group("unit"), lines[1:]


def _note_numbers(notes: list[str]) -> frozenset[str]:
    """The numbers of the notes under a table, which its markers point to."""
    # Imported here: the indicator reader builds on this module.
    from plantext.extractors.indicators import parse_notes

    return frozenset(number for number in parse_notes(notes) if number is not None)


def is_aligned(lines: list[Line]) -> bool:
    """Are the cells laid out in columns (most lines hold several cells)?  A
    flattened dump has a few lines with gaps too, where empty cells were."""
    return sum(1 for line in lines if len(line.segments) > 1) > len(lines) / 2


def _inside_any_grid(line: Line, grids: list[tuple[int, Grid]]) -> bool:
    return any(page == line.page and grid.box.contains(line, slack=line.em / 2) for page, grid in grids)


# ---------------------------------------------------------------- ruled grids


def read_grid_table(grids: list[tuple[int, Grid]], loose: list[Line]) -> tuple[list[str], list[RawRow]]:
    """Header and rows of a ruled table over all its pages.  ``loose`` lines
    (rows printed after the last rule, e.g. on the next page) are read by
    their alignment with the grid's columns."""
    first = grids[0][1]
    width = max(len(row) for row in first.rows)
    header_count = _header_row_count(first)
    header_rows = [[_cell_text(cell) for cell in row] for row in first.rows[:header_count]]
    spans = _header_spans(first.rows[:header_count], width, grid_columns(first))
    headers = [normalize_text("".join(row[index] for row in header_rows if index < len(row))) for index in range(width)]
    merged_down = [index for index, header in enumerate(headers) if classify_header(header) in MERGED_DOWN_COLUMNS]
    body: list[tuple[int, list[str | None]]] = []
    for page, grid in grids:
        start = header_count if grid is first else _repeated_header_count(grid, header_rows)
        for texts in _body_texts(grid.rows[start:], merged_down):
            body.append((page, texts + [None] * (width - len(texts))))
    body.extend(read_aligned_rows(loose, grid_columns(grids[-1][1]), headers))
    line_widths = [max(pair) for pair in zip(_grid_line_widths(grids, width), _widest_lines(loose, grid_columns(grids[-1][1])))]
    return assemble(header_rows, spans, body, line_widths)


def _grid_line_widths(grids: list[tuple[int, Grid]], width: int) -> list[int]:
    """The characters of the widest line each column of the grids prints."""
    widths = [0] * width
    for _, grid in grids:
        for row in grid.rows:
            for index, cell in enumerate(row):
                if cell is not None and index < width:
                    widths[index] = max([widths[index]] + [len(remove_spaces(line)) for line in cell.text.split("\n")])
    return widths


# Columns whose cell, merged down over several rows, holds for each of them:
# a unit or an attribute printed once for an indicator and its parts
# (其中：长江流域 / 黄河流域).  Other merged cells stay with their first row:
# a sequence number numbers one row, and group cells are carried apart.
MERGED_DOWN_COLUMNS = (("column", "unit", None), ("column", "attribute", None))


def _body_texts(rows, merged_down: list[int]) -> list[list[str | None]]:
    """The cell texts of a grid's body rows, None where a merged cell runs;
    in ``merged_down`` columns a cell merged down from above gives its text
    to each row it spans."""
    above: dict[int, GridCell] = {}
    body = []
    for row in rows:
        texts = [None if cell is None else _cell_text(cell) for cell in row]
        tops = [cell.box.top for cell in row if cell is not None]
        for index in merged_down:
            cell = row[index] if index < len(row) else None
            if cell is not None:
                above[index] = cell
            elif index in above and tops and above[index].box.bottom > min(tops) + SPAN_SLACK:
                texts[index] = _cell_text(above[index])
        body.append(texts)
    return body


# How far (points) a merged cell's edge may fall short of a column's edge
# and still cover it: rules are drawn a hairline apart.
SPAN_SLACK = 1.0


def _cell_text(cell) -> str:
    return join_lines(cell.text.split("\n")) if cell is not None else ""


def _header_row_count(grid: Grid) -> int:
    """Header rows: those before the first row holding a value-like cell or
    a single cell (a group row such as 环境质量)."""
    for index, row in enumerate(grid.rows):
        texts = [_cell_text(cell) for cell in row if cell is not None]
        if index > 0 and (len(texts) == 1 or any(looks_like_value(text) for text in texts)):
            return index
    return 1


def _repeated_header_count(grid: Grid, header_rows: list[list[str]]) -> int:
    """A table continued on a new page may repeat its header rows."""
    count = 0
    for row, header in zip(grid.rows, header_rows):
        if [_cell_text(cell) for cell in row] == header:
            count += 1
        else:
            break
    return count


def _header_spans(rows, width: int, columns: list[tuple[float, float]]) -> list[int]:
    """For each column, the column whose header cell covers it (merged headers).

    An empty position of a header row is covered by the cell on its left when
    that cell reaches across the position's column; otherwise a cell above
    it runs down over it (序号, 指标 merged down two header rows) and the
    column is its own."""
    owner = list(range(width))
    for row in rows:
        current: tuple[int, GridCell] | None = None
        for index in range(width):
            cell = row[index] if index < len(row) else None
            if cell is not None:
                current = (index, cell)
            elif current is not None and current[1].box.x1 >= columns[index][1] - SPAN_SLACK:
                owner[index] = current[0]
    return owner


def grid_columns(grid: Grid) -> list[tuple[float, float]]:
    """The x-extent of each column of a grid, from its narrowest cells."""
    width = max(len(row) for row in grid.rows)
    bounds: list[tuple[float, float] | None] = [None] * width
    for row in grid.rows:
        cells = list(row) + [None] * (width - len(row))
        for index, cell in enumerate(cells):
            if cell is None:
                continue
            span = (cell.box.x0, cell.box.x1)
            if bounds[index] is None or span[1] - span[0] < bounds[index][1] - bounds[index][0]:
                bounds[index] = span
    return [bound or (0.0, 0.0) for bound in bounds]


# ---------------------------------------------------------------- aligned text


def _compile_value_shape(tables) -> regex.Pattern:
    return regex.compile(tables["value_shape"])


def _value_shape() -> regex.Pattern:
    return vocabulary_table(_compile_value_shape, "tables")


def _compile_year_header(tables) -> regex.Pattern:
    return regex.compile(tables["year_header"])


def _year_header() -> regex.Pattern:
    """A year heading: 2020年, 2025 年."""
    return vocabulary_table(_compile_year_header, "tables")


_SEQUENCE_NUMBER = regex.compile(r"[0-9]{1,3}")


def looks_like_value(text: str) -> bool:
    """A cell that holds a number, a comparator or a dash rather than a label
    (a year heading such as 2020年 is a label)."""
    year = _year_header()
    compact = remove_spaces(text)
    if year_headings(text):
        return False  # 2020 年, or year headings run together (2015 2020, 2020 年 2025 年)
    if year.match(compact) and classify_header(compact) is not None:
        return False  # a year naming its column: 2020年基期值, 2025年目标
    return bool(_value_shape().match(compact))


def is_sequence_number(text: str | None) -> bool:
    return bool(text) and bool(_SEQUENCE_NUMBER.fullmatch(text))


def read_aligned_table(lines: list[Line], note_numbers: frozenset[str] = frozenset()) -> tuple[list[str], list[RawRow]]:
    """A borderless table: columns are the runs of x that rows cover, separated
    by gutters no row crosses; the header lines above the first row are
    assigned to those columns.  Text dumps lay out each page afresh, so the
    columns are measured page by page.  ``note_numbers`` are the numbers of
    the notes under the table (see ``read_aligned_rows``)."""
    first_row = next((index for index, line in enumerate(lines) if _starts_aligned_row(line)), len(lines))
    first_body = first_row
    while first_body > 0 and _is_group_line_above_rows(lines, first_body - 1):
        first_body -= 1  # a group row (环境质量) above the first row
    group_edge = _unlabelled_group_edge(lines[first_body]) if first_body < first_row else None
    header_lines, body_lines = lines[:first_body], lines[first_body:]
    pages = sorted({line.page for line in body_lines})
    width = max((len(line.segments) for line in header_lines), default=0)
    bounds_by_page = {page: column_bounds(_full_rows([l for l in body_lines if l.page == page], width)) for page in pages}
    columns = bounds_by_page[pages[0]] if pages else []
    if not columns:
        return [], []
    header_cells = [""] * len(columns)
    for line in header_lines:
        for segment in line.segments:
            for piece in _header_pieces(segment):
                index = column_of(piece, columns)
                header_cells[index] += piece.text
    headers = [normalize_text(text) for text in header_cells]
    body = []
    line_widths = [0] * len(columns)
    for page in pages:
        page_lines = [line for line in body_lines if line.page == page]
        page_bounds = bounds_by_page[page] if len(bounds_by_page[page]) == len(columns) else columns
        body.extend(read_aligned_rows(page_lines, page_bounds, headers, note_numbers, group_edge))
        line_widths = [max(pair) for pair in zip(line_widths, _widest_lines(page_lines, page_bounds))]
    return assemble([headers], list(range(len(columns))), body, line_widths)


def _widest_lines(lines: list[Line], columns) -> list[int]:
    """The characters of the widest line each column prints: how much of a
    cell fits on one line of it."""
    widths = [0] * len(columns)
    for line in _without_repeated_headers(lines):
        for index, text in enumerate(_cells_of(line, columns)):
            widths[index] = max(widths[index], len(remove_spaces(text or "")))
    return widths


def _header_pieces(segment: Segment) -> list[Segment]:
    """Year headings printed one space apart (2015 2020, or 2020 年 2025 年
    over narrow columns) are separate headings; other segments stay whole."""
    tokens = year_headings(segment.text)
    if len(tokens) < 2:
        return [segment]
    scale = (segment.x1 - segment.x0) / max(len(segment.text), 1)
    return [
        Segment(token.group().strip(), segment.x0 + token.start() * scale, segment.x0 + (token.start() + len(token.group().strip())) * scale)
        for token in tokens
    ]


def year_headings(text: str) -> list:
    """The year headings that make up the whole of ``text`` (2020年,
    2015 2020, 2020 年 2025 年), or [] when it holds anything else."""
    tokens = list(_year_header().finditer(text))
    covered = "".join(token.group() for token in tokens)
    return tokens if tokens and remove_spaces(covered) == remove_spaces(text) else []


def _unlabelled_group_edge(line: Line) -> float | None:
    """Where the opening group row of a table starts, when it carries no list
    label (土壤环境): later group rows start there too.  Group rows that are
    labelled (三、生态质量) all are, and the labels tell them."""
    from plantext.layout import starts_with_list_label

    return None if starts_with_list_label(line.text) else line.x0


def _is_group_line_above_rows(lines: list[Line], index: int) -> bool:
    """A lone label between the header and the first row is a group row, unless
    it completes a header word wrapped from the line above (序 / 号), or lies
    under the header of a value column (年均增速/累 / 计)."""
    line = lines[index]
    if len(line.segments) != 1 or classify_header(line.text) is not None:
        return False
    if index == 0:
        return True
    segment = line.segments[0]
    for above in lines[index - 1].segments:
        overlaps = min(above.x1, segment.x1) - max(above.x0, segment.x0) >= 0
        if overlaps and classify_header(above.text + segment.text) not in (None, classify_header(above.text)):
            return False
    for header in lines[:index]:
        for above in header.segments:
            overlaps = min(above.x1, segment.x1) - max(above.x0, segment.x0) >= 0
            found = classify_header(above.text)
            if overlaps and found is not None and found[0] == "value":
                return False
    return True


def _full_rows(lines: list[Line], header_width: int) -> list[Line]:
    """The lines that show every column: those with as many cells as the
    header, or else the most common number of cells (a ragged row with a cell
    too many would otherwise bridge a gutter).  A header line with fewer
    cells than most rows is a header wrapped over several lines (序 / 号):
    the rows tell the columns then."""
    counts = Counter(len(line.segments) for line in lines if len(line.segments) > 1)
    if not counts:
        return []
    usual = max(counts, key=lambda count: (counts[count], count))
    if header_width in counts and header_width >= usual:
        usual = header_width
    return [line for line in lines if len(line.segments) == usual]


def _is_group_row(line: Line, cells: list[str | None], seq_columns: set[int]) -> bool:
    """A group row (环境质量, （1）大气环境质量, 一、水资源节约集约): one cell, no
    number, printed in the sequence column, or opening with a list label
    wherever it is centred; where no column numbers the rows (1.用水总量),
    only a label in Chinese numerals, as an item number opens a row."""
    from plantext.layout import match_heading, starts_with_list_label

    filled = [index for index, text in enumerate(cells) if text]
    if len(filled) != 1 or is_sequence_number(cells[filled[0]]):
        return False
    if filled[0] in seq_columns:
        return True
    if seq_columns:
        return starts_with_list_label(line.text)
    found = match_heading(line.text)
    return found is not None and found.style in ("chinese_list", "chinese_parenthesised")


# The top line of a name wrapped in its cell fills the name column; a group
# row spanning the table leaves most of it empty (土壤环境 over 受污染耕地安全利用率).
GROUP_ROW_MOST_FILL = 0.6


def _is_spanning_group_row(
    body: list[Line], columns, starts: list[bool], index: int, name_column: int | None, group_edge: float | None
) -> bool:
    """In a table whose rows are not numbered, is a lone label a group row
    spanning the table (土壤环境, 地下水环境)?  Only a table that opens with one
    shows that it has them: there a lone label is no wrapped name's end, as
    it would be elsewhere.  It starts where the opening group row does, is
    too short to be the top line of a wrapped name, does not go on with a
    word the name above it breaks off (污染地块安全利 / 用率), and a row starts
    on the next line."""
    line = body[index]
    if group_edge is None or len(line.segments) != 1 or index + 1 >= len(body) or not starts[index + 1]:
        return False
    column = name_column if name_column is not None else 0
    x0, x1 = columns[column]
    if abs(line.x0 - group_edge) > line.em or line.x1 - x0 >= (x1 - x0) * GROUP_ROW_MOST_FILL:
        return False
    above = _cells_of(body[index - 1], columns)[column] if index > 0 else None
    return not (above and _goes_on_with_a_word(above, line.text))


# How many characters on each side of a line break are cut into words to see
# whether the break falls inside one.
WORD_BREAK_CONTEXT = 4


def _goes_on_with_a_word(above: str, below: str) -> bool:
    """Does ``below`` go on with a word that ``above`` breaks off?  jieba's
    words of the text across the break say: 安全利 / 用率 breaks 利用率, 整治数量
    / 地下水环境 breaks no word."""
    import jieba

    before = remove_spaces(above)[-WORD_BREAK_CONTEXT:]
    after = remove_spaces(below)[:WORD_BREAK_CONTEXT]
    boundaries, position = set(), 0
    for word in jieba.lcut(before + after):
        position += len(word)
        boundaries.add(position)
    return bool(before) and bool(after) and len(before) not in boundaries


def _starts_row(line: Line, cells: list[str | None], seq_columns: set[int]) -> bool:
    """Where rows are numbered, only a number starts one (a value wrapped onto
    the next line, 〔 / 8.7〕, continues its cell); elsewhere a value does."""
    if seq_columns:
        return any(is_sequence_number(cells[index]) for index in seq_columns)
    return _starts_aligned_row(line)


def _is_header_line(line: Line) -> bool:
    """A line of header words (序号 指标 2020年 2025年 属性), not of cells."""
    headers = [segment for segment in line.segments if classify_header(segment.text) is not None]
    return len(line.segments) > 1 and len(headers) * 2 > len(line.segments)


def _starts_aligned_row(line: Line) -> bool:
    texts = [segment.text for segment in line.segments]
    if is_sequence_number(texts[0]):
        return True
    values = [index for index in range(1, len(texts)) if looks_like_value(texts[index])]
    return bool(values) and not (values == [len(texts) - 1] and _is_marker_after_text(line))


# A superscript footnote marker that a dump prints apart from its name is at
# most this many ems after it; a value stands in a column of its own.
MARKER_GAP_EMS = 3


def _is_marker_after_text(line: Line) -> bool:
    """Is the line's last segment a footnote marker printed apart from the
    name it follows (…排放 / 降低   1): one digit, a few cells after text?"""
    last, before = line.segments[-1], line.segments[-2]
    marker = _footnote_marker().fullmatch(last.text)
    return marker is not None and last.x0 - before.x1 <= MARKER_GAP_EMS * line.em


def _compile_footnote_marker(tables) -> regex.Pattern:
    return regex.compile(tables["flattened"]["footnote_marker"])


def _footnote_marker() -> regex.Pattern:
    return vocabulary_table(_compile_footnote_marker, "tables")


def column_bounds(lines: list[Line]) -> list[tuple[float, float]]:
    """Runs of x covered by some row's segment; what separates them is a gutter.

    Rows do not line up to the point (centred cells, a dump's one-character
    jitter), so a run closer to a column than half the narrowest gap between
    two cells of one line still belongs to that column — unless a line has
    a cell in both: two cells of one line are never one column, however
    narrow the gutter between them (a dump counting a Chinese character two
    cells wide prints 〔14〕 and 完成省下达 of two columns two cells apart)."""
    gaps = [
        right.x0 - left.x1
        for line in lines
        for left, right in zip(line.segments, line.segments[1:])
        if right.x0 > left.x1
    ]
    slack = min(gaps) / 2 if gaps else 0.0
    columns: list[_Run] = []
    for run in _overlapping_runs(lines):
        if columns and run.x0 <= columns[-1].x1 + slack and not run.lines & columns[-1].lines:
            columns[-1].take(run)
        else:
            columns.append(run)
    return [(column.x0, column.x1) for column in columns]


@dataclass
class _Run:
    """A run of x covered by segments, and the lines those segments are of."""

    x0: float
    x1: float
    lines: set[int]

    def take(self, other: _Run) -> None:
        self.x1 = max(self.x1, other.x1)
        self.lines |= other.lines


def _overlapping_runs(lines: list[Line]) -> list[_Run]:
    """The runs of x that overlapping segments cover, left to right."""
    spans = sorted((segment.x0, segment.x1, number) for number, line in enumerate(lines) for segment in line.segments)
    runs: list[_Run] = []
    for x0, x1, number in spans:
        if runs and x0 <= runs[-1].x1:
            runs[-1].take(_Run(x0, x1, {number}))
        else:
            runs.append(_Run(x0, x1, {number}))
    return runs


def column_of(segment: Segment, columns: list[tuple[float, float]]) -> int:
    """The column a segment overlaps most, or else the nearest one."""

    def score(bounds):
        overlap = min(segment.x1, bounds[1]) - max(segment.x0, bounds[0])
        if overlap > 0:
            return (1, overlap)
        return (0, -min(abs(segment.x0 - bounds[1]), abs(bounds[0] - segment.x1)))

    return max(range(len(columns)), key=lambda index: score(columns[index]))


def read_aligned_rows(
    lines: list[Line],
    columns,
    headers: list[str],
    note_numbers: frozenset[str] = frozenset(),
    group_edge: float | None = None,
) -> list[tuple[int, list[str | None]]]:
    """Body rows (page, cell texts) from aligned lines.  A line with a
    sequence number or a value starts a row; a lone label in the sequence
    column is a group row (环境质量); other lines continue the cells of the
    row above (wrapped cells) — except lines that open a block (the first
    line of a page's rows, or a line after an empty line in a dump that
    parts rows so) and come before the next row's start in that block: they
    are the top of that row's wrapped cells (vertically centred rows), and
    except a name followed by a footnote marker (one of ``note_numbers``)
    above a row that starts without a name (森林覆盖率   1 / %  30.22 …):
    a dump printed the raised marker a line above the row, taking the name
    with it, so the name is that row's, with its marker.  A raised marker
    alone on a line (circled or superscript) is printed a line above its
    word: it is the row's of the line below, after that row's cells, not
    between the lines of the cell it was printed in (…自动监测站 / ⑥ / 点:
    …自动监测站点⑥; 1 …昼间达标率 / ⑤ / 2 …夜间达标率: the ⑤ is row 2's).
    ``group_edge`` is
    where the table's opening group row starts, if it has one (see
    ``_is_spanning_group_row``)."""
    width = len(columns)
    roles = classify_headers(headers)
    seq_columns = {index for index, role in enumerate(roles) if role == ("column", "seq", None)}
    name_column = next((index for index, role in enumerate(roles) if role == ("column", "name", None)), None)
    value_columns = [index for index, role in enumerate(roles) if role is not None and role[0] == "value"]
    body = _without_repeated_headers(lines)
    cells_of = [_cells_of(line, columns) for line in body]
    starts = [_starts_row(line, cells, seq_columns) for line, cells in zip(body, cells_of)]
    rows: list[tuple[int, list[str | None]]] = []
    leading: list[list[str | None]] = []  # the top of the next row's cells
    held_marks: dict[int, list[str | None]] = {}  # raised markers alone on a line, by row
    for index, (line, cells) in enumerate(zip(body, cells_of)):
        if _is_group_row(line, cells, seq_columns) or (
            not seq_columns and _is_spanning_group_row(body, columns, starts, index, name_column, group_edge)
        ):
            rows.append((line.page, [normalize_text(line.text)] + [None] * (width - 1)))
        elif starts[index]:
            rows.append((line.page, _joined(leading + [cells], width)))
            leading = []
        elif seq_columns and rows and not leading and _starts_sub_row(cells, rows[-1][1], name_column, value_columns):
            rows.append((line.page, cells))
        elif _is_name_above_its_row(body, columns, cells_of, starts, index, name_column, note_numbers):
            leading.append(_name_cell_only(line, width, name_column))
        elif (leading or index == 0 or _opens_block(body, index)) and _row_starts_in_block(body, starts, index):
            leading.append(cells)
        elif not rows:
            rows.append((line.page, cells))
        elif _is_raised_marker_line(line):
            # printed a line above its word: the next line's, which may start a row
            owner = len(rows) if index + 1 < len(body) and starts[index + 1] else len(rows) - 1
            held_marks[owner] = _joined([held_marks.get(owner, [None] * width), cells], width)
        else:
            previous = rows[-1][1]
            rows[-1] = (rows[-1][0], _joined([previous, cells], width))
    for owner, marks in held_marks.items():
        owner = min(owner, len(rows) - 1)
        rows[owner] = (rows[owner][0], _joined([rows[owner][1], marks], width))
    return [(page, [normalize_text(text) if text else None for text in cells]) for page, cells in rows]


def _is_raised_marker_line(line: Line) -> bool:
    """Is the line a footnote marker alone, circled or superscript (⑥, ²):
    a raised marker that a dump printed apart from the line of its word?
    A plain digit alone may be a wrapped cell's part (CO / 2)."""
    return len(line.segments) == 1 and is_lone_mark(line.segments[0].text)


def _is_name_above_its_row(
    body: list[Line], columns, cells_of, starts: list[bool], index: int, name_column: int | None, note_numbers
) -> bool:
    """Is the line a name and its footnote marker alone (森林覆盖率   1, the
    marker numbering a note under the table), right above a line that
    starts a row with an empty name cell?"""
    line = body[index]
    if name_column is None or index + 1 >= len(body) or len(line.segments) != 2 or not _is_marker_after_text(line):
        return False
    below = index + 1
    return (
        column_of(line.segments[0], columns) == name_column
        and note_number(line.segments[1].text) in note_numbers
        and starts[below]
        and body[below].page == line.page
        and not cells_of[below][name_column]
    )


def _name_cell_only(line: Line, width: int, name_column: int) -> list[str | None]:
    """The cells of a line holding a name and its marker: the marker is the
    name's, wherever the gap put it (森林覆盖率1)."""
    cells: list[str | None] = [None] * width
    cells[name_column] = "".join(segment.text for segment in line.segments)
    return cells


def _starts_sub_row(cells: list[str | None], above: list[str | None], name_column: int | None, value_columns: list[int]) -> bool:
    """Does a line without a sequence number start a row of its own, a part
    of the numbered indicator above (其中：长江流域   95.2   100)?  It prints a
    name and whole values, in value columns whose cells the row above has
    filled and closed: a value wrapped onto the next line (〔 / 0.61〕,
    1.1、1. / 4、6、6) continues a cell the row above left open."""
    if name_column is None or not cells[name_column]:
        return False
    filled = [index for index in value_columns if cells[index]]
    return bool(filled) and all(
        looks_like_value(cells[index]) and _is_whole(cells[index]) and above[index] and _is_whole(above[index])
        for index in filled
    )


def _compile_whole_cell(tables) -> tuple[tuple[str, ...], regex.Pattern]:
    return tuple(tables["flattened"]["brackets"]), regex.compile(tables["flattened"]["runs_on"])


def _is_whole(text: str) -> bool:
    """A cell with its brackets closed that does not run on (〔18〕, not 〔 or 1.1、1.)."""
    brackets, runs_on = vocabulary_table(_compile_whole_cell, "tables")
    text = remove_spaces(text)
    return not runs_on.search(text) and all(text.count(pair[0]) == text.count(pair[1]) for pair in brackets)


def _without_repeated_headers(lines: list[Line]) -> list[Line]:
    """The lines without a header repeated on a new page, including the
    lines its words wrap onto (2020 / 年, 年均增 / 长)."""
    body: list[Line] = []
    header: Line | None = None
    for line in lines:
        if _is_header_line(line):
            header = line
        elif header is not None and _wraps_header(header, line):
            continue
        else:
            header = None
            body.append(line)
    return body


def _wraps_header(header: Line, line: Line) -> bool:
    """Does the line hold only the wrapped ends of the header's words: no
    value, each segment under a segment of the header?"""
    return not _starts_aligned_row(line) and all(
        any(min(above.x1, segment.x1) - max(above.x0, segment.x0) >= 0 for above in header.segments)
        for segment in line.segments
    )


def _cells_of(line: Line, columns: list[tuple[float, float]]) -> list[str | None]:
    cells: list[str | None] = [None] * len(columns)
    for segment in line.segments:
        index = column_of(segment, columns)
        cells[index] = (cells[index] or "") + segment.text
    return cells


def _joined(parts: list[list[str | None]], width: int) -> list[str | None]:
    """The cells of several lines of one row, top to bottom."""
    cells: list[str | None] = [None] * width
    for part in parts:
        for index, text in enumerate(part):
            if text:
                cells[index] = (cells[index] or "") + text
    return cells


def _opens_block(lines: list[Line], index: int) -> bool:
    """Does the line follow an empty line or a page break?"""
    previous = lines[index - 1]
    return previous.blank_after or previous.page != lines[index].page


def _row_starts_in_block(lines: list[Line], starts: list[bool], index: int) -> bool:
    """Does a row start after ``index`` before the next empty line?"""
    for later in range(index, len(lines) - 1):
        if lines[later].blank_after:
            return False
        if starts[later + 1]:
            return True
    return False


# ---------------------------------------------------------------- assembly


# The longest end of a merged group cell that wraps onto the line of the
# next row (characters): what wraps is its last character (优化能源结 / 构).
WRAPPED_GROUP_TAIL = 1


def assemble(header_rows, spans, body, line_widths: list[int] | None = None) -> tuple[list[str], list[RawRow]]:
    """Turn header rows and body rows (None for a merged position) into columns and rows.

    Leading columns covered by the name column's header, or headed by a
    category word or a level above the name's (一级指标 over 三级指标), hold
    row groups: their merged cells are carried down and moved to
    ``RawRow.groups``.  A merged cell that covers the name column
    too (（5）化学需氧量…) is the row's name.  A row with one cell is a group row.
    ``line_widths`` are the characters of each column's widest line: a
    group cell as wide ends its first line and may wrap onto the next
    row's (see ``_is_wrapped_tail``).
    """
    width = len(spans)
    headers = [normalize_text("".join(row[index] for row in header_rows if index < len(row) and row[index])) for index in range(width)]
    roles = classify_headers(headers)
    name_column = _name_column(roles, spans)
    seq_columns = _sequence_columns(name_column, body)
    group_columns = _group_columns(roles, spans, name_column, seq_columns)
    if name_column is not None:
        headers[name_column] = headers[spans[name_column]]
    for index in seq_columns:
        headers[index] = headers[index] if spans[index] == index and headers[index] else "序号"
    rows: list[RawRow] = []
    carried: list[str] = [""] * len(group_columns)
    # The row where each carried group cell began (None once a wrapped tail
    # has completed it).
    began: list[int | None] = [None] * len(group_columns)
    group_row: str | None = None
    for page, texts in body:
        texts = list(texts)
        if texts[0] and sum(1 for text in texts if text) == 1 and all(text is None for text in texts[1:]):
            group_row, carried = texts[0], [""] * len(group_columns)
            continue
        if name_column is not None and texts[name_column] is None:
            texts[name_column] = _merged_name(texts, group_columns, name_column)
        for position, column in enumerate(group_columns):
            if not texts[column]:
                continue
            line_width = line_widths[column] if line_widths is not None else None
            if began[position] == len(rows) - 1 and _is_wrapped_tail(texts[column], carried[position], line_width):
                _complete_group(rows, carried[position], carried[position] + texts[column])
                carried[position] += texts[column]
                # a line that fills the column too may wrap on (资源 / 化利 / 用)
                filled = line_width is not None and len(texts[column]) >= line_width
                began[position] = len(rows) if filled else None
            else:
                carried[position] = texts[column]
                carried[position + 1 :] = [""] * (len(group_columns) - position - 1)
                began[position] = len(rows)
        cells = [texts[index] or "" for index in range(width) if index not in group_columns]
        groups = ([group_row] if group_row else []) + [text for text in carried if text]
        group_headers = ([""] if group_row else []) + [
            _group_column_header(headers, roles, spans, column) for column, text in zip(group_columns, carried) if text
        ]
        rows.append(RawRow(cells=cells, groups=groups, page=page, group_headers=group_headers))
    columns = [headers[index] for index in range(width) if index not in group_columns]
    return columns, rows


def _group_column_header(headers: list[str], roles, spans: list[int], column: int) -> str:
    """A group column's own header (类别, 一级指标); none when the name
    column's header covers it (指标 merged over 领域 and 指标名称)."""
    return headers[spans[column]] if roles[spans[column]] in _GROUP_ROLES else ""


def _is_wrapped_tail(text: str, group: str, width: int | None) -> bool:
    """Is ``text``, a group cell right on the row after the one where
    ``group`` began, the end of that cell wrapped onto the next row's line
    (优化能源结 / 构, 生态保 / 护, 农业面 / 源污染)?  It is when the group's
    first line fills its column, as wide as the column's widest line
    (``width``, None when unknown), and the text is no group of its own: a
    lone character is too short for one, and a longer text is the wrapped
    end when the line break cuts a word (农业/面源/污染), whereas two
    groups meet between words (大气环境 / 水体)."""
    if width is None or len(group) < width:
        return False
    return len(text) <= WRAPPED_GROUP_TAIL or (len(text) <= width and _cuts_a_word(group, text))


def _cuts_a_word(head: str, tail: str) -> bool:
    """Does the break between ``head`` and ``tail``, both Chinese there,
    fall inside one of jieba's words of the two read as one (农业面|源污染:
    面源)?  Digits (生态保护9 / 10) are no wrapped word."""
    import jieba  # heavy; only tables with a full group line need it

    if not (is_cjk(head[-1]) and is_cjk(tail[0])):
        return False
    end = 0
    for word in jieba.cut(head + tail):
        if end < len(head) < end + len(word):
            return True
        end += len(word)
    return False


def _complete_group(rows: list[RawRow], printed: str, whole: str) -> None:
    """Give the rows that carry a group cell as printed so far its whole
    text: the last row, and the rows above it when the cell wrapped over
    more than two rows' lines (资源 / 化利 / 用)."""
    for row in reversed(rows):
        if printed not in row.groups:
            break
        row.groups = [whole if group == printed else group for group in row.groups]


def _merged_name(texts: list[str | None], group_columns: list[int], name_column: int) -> str:
    """The text of a merged cell that spans from a group column over the name column."""
    for column in reversed([column for column in group_columns if column < name_column]):
        if texts[column]:
            name = texts[column]
            texts[column] = None
            return name
    return ""


def _sequence_columns(name_column: int | None, body) -> list[int]:
    """Columns left of the name whose cells are all sequence numbers."""
    found = []
    for index in range(name_column or 0):
        values = [texts[index] for _, texts in body if texts[index]]
        if values and all(_SEQUENCE_NUMBER.fullmatch(text) for text in values):
            found.append(index)
    return found


_LOCATION_ROLE = ("column", "location", None)
_GROUP_ROLES = (("column", "category", None), _LOCATION_ROLE)


def _group_columns(roles, spans, name_column, seq_columns) -> list[int]:
    """Columns holding row groups: left of the name, those headed by a
    category or location word or covered by the name's header; right of
    it, those headed by a location word (断面名称 | 所在河流 | 2020年水质).
    A category word right of the name heads a column of the row's own
    (指标类型: 必选, 可选)."""
    if name_column is None:
        return []
    groups = []
    for index in range(name_column):
        if index in seq_columns:
            continue
        if roles[spans[index]] in _GROUP_ROLES or spans[index] == spans[name_column]:
            groups.append(index)
    for index in range(name_column + 1, len(spans)):
        if spans[index] == index and roles[index] == _LOCATION_ROLE:
            groups.append(index)
    return groups


def _name_column(roles, spans) -> int | None:
    """The column holding indicator names: the last column its header covers."""
    for index in range(len(roles)):
        if roles[index] == ("column", "name", None):
            covered = [column for column in range(len(spans)) if spans[column] == index]
            return covered[-1] if covered else index
    return None


def classify_headers(headers: list[str]) -> list[tuple[str, str | None, int | None] | None]:
    """The role of each of a table's columns, as ``classify_header`` gives
    it, except where columns are headed by levels of an indicator system
    (一级指标 | 二级指标 | 三级指标): each of them claims the name, and it is
    the deepest level's, unless another column names the indicators
    (一级指标 | 二级指标 | 指标名称); the levels above it group the rows."""
    roles = [classify_header(header) for header in headers]
    levels = {index: level for index, level in enumerate(map(_indicator_level, headers)) if level is not None}
    named_elsewhere = any(role == ("column", "name", None) for index, role in enumerate(roles) if index not in levels)
    if levels and (named_elsewhere or len(levels) >= 2):
        deepest = None if named_elsewhere else max(levels, key=levels.get)
        for index in levels:
            roles[index] = ("column", "name" if index == deepest else "category", None)
    return roles


def _indicator_level(header: str) -> int | None:
    """How deep the level a header names is (一级指标 → 0, 三级 → 2), or None:
    a level alone, or followed by a name word."""
    vocab = load_vocabulary("tables")
    compact = remove_spaces(header)
    for depth, level in enumerate(vocab["indicator_levels"]):
        rest = compact[len(level) :]
        if compact.startswith(level) and (not rest or rest in vocab["column_roles"]["name"]):
            return depth
    return None


# The value_roles key of header words that name a value column but no role.


def classify_header(header: str) -> tuple[str, str | None, int | None] | None:
    """("column", role, None) for seq/category/name/unit/attribute/status columns,
    ("value", role or None, year) for value columns, None for anything else.

    The longest header word found decides, so 规划目标完成情况 is a status
    column although it contains the value word 规划目标.  Right after the
    year, the year_value_roles words count too (2020年完成, 2025年目标).
    An ``unnamed`` value word (指标值) makes a value column of no role, as a
    bare year does: a name word inside it (指标) heads no name column.
    """
    vocab = load_vocabulary("tables")
    header = remove_spaces(header)
    best: tuple[int, str, str] | None = None
    for kind, roles in (("column", vocab["column_roles"]), ("value", vocab["value_roles"])):
        for role, words in roles.items():
            for word in words:
                if word in header and (best is None or len(word) > best[0]):
                    best = (len(word), kind, role)
    year_match = _year_header().search(header)
    year = int(year_match.group("year")) if year_match else None
    if year_match:
        after = header[year_match.end() :].lstrip("（(")
        for role, words in vocab["year_value_roles"].items():
            for word in words:
                if after.startswith(word) and (best is None or len(word) > best[0]):
                    best = (len(word), "value", role)
    if best is not None and best[1] == "column":
        return "column", best[2], None
    if best is not None:
        return "value", None if best[2] == UNNAMED_VALUE_ROLE else best[2], year
    if year is not None and len(header) <= len(year_match.group()) + 2:
        return "value", None, year
    return None


# ---------------------------------------------------------------- transposed tables


def transposed(table: RawTable) -> RawTable | None:
    """The table turned round when its rows are years and its columns are
    indicators (年度 | 农村生活污水治理率（%） | …, rows 2022年（基期） | 38 | …),
    else None.  Each indicator column becomes a row, its header the first
    cell (the name with its unit), and each year row a column headed by its
    year label (a row of units or attributes a column of them), so that the
    indicator reader reads it as a table printed the usual way.  The rows
    are on the page of the header, which names them."""
    if not _is_transposed(table):
        return None
    rows = [
        RawRow(cells=[header] + [row.cells[index] for row in table.rows], groups=[], page=table.page)
        for index, header in enumerate(table.columns[1:], start=1)
    ]
    return replace(table, columns=[table.columns[0]] + [row.cells[0] for row in table.rows], rows=rows)


# The rows of a transposed table besides its years: a row of the
# indicators' units or attributes (单位 | % | 个, 指标属性 | 约束性 | 预期性).
TRANSPOSED_COLUMN_ROWS = (("column", "unit", None), ("column", "attribute", None))


def _is_transposed(table: RawTable) -> bool:
    """Are the table's rows years and its columns indicators?  The first
    column is headed by a year word (年度) or nothing and holds year labels,
    and perhaps a row of units or attributes; the other headers are names
    (no year among them), and most cells of the year rows are values: a
    table of years and tasks is no indicator table."""
    words = load_vocabulary("tables")["transposed"]["year_column_headers"]
    if len(table.columns) < 2 or not table.rows:
        return False
    corner = remove_spaces(table.columns[0])
    if corner and corner not in words:
        return False
    if any(not remove_spaces(header) or year_headings(header) for header in table.columns[1:]):
        return False
    years = [row for row in table.rows if is_year_label(row.cells[0])]
    others = [row.cells[0] for row in table.rows if not is_year_label(row.cells[0])]
    if not years or any(row.groups for row in table.rows):
        return False
    if any(classify_header(label) not in TRANSPOSED_COLUMN_ROWS for label in others):
        return False
    cells = [cell for row in years for cell in row.cells[1:] if cell]
    return sum(1 for cell in cells if looks_like_value(cell)) * 2 > len(cells)


