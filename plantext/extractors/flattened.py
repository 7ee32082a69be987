"""Tables from text dumps that flattened every cell onto a line of its own.

Some PDF-to-text conversions print a ruled table cell by cell.  Long cells
wrap over several lines, short cells on one baseline share a line
(separated by single spaces) and an empty cell may show as an extra space::

    规划指标 / 基准 / 值 / 目标值 完成值 / … / 指标 / 属性    header
    环境质量 / （1）水环境 / 质量                              group cells
    全省地表水国控断面 1 / 水质达到或好于Ⅲ类比 / 例(%)        name
    80 >85 100 完成 / 约束 / 性                                values, attribute

``read_flattened_table`` rebuilds the ``(columns, rows)`` that the ruled-PDF
reader (``plantext.extractors.tables.read_grid_table``) gives for the table:

1. Header: the leading lines whose text, run together, is a sequence of
   header words (``tables.yaml``: ``column_roles``, ``value_roles``,
   ``year_header``, ``other_columns``).  Each word is a column.
2. Words: body lines are cut at single spaces; a run of n spaces stands for
   n−1 empty cells; words that cannot stand alone (``III 类``, ``(万 KW)``)
   are put back together.
3. Rows: when the attribute (约束性/预期性, possibly wrapped 约束/性, or short
   约束/预期) is the last column, a row ends with it; otherwise a row ends
   after its name and as many cells as the header has columns after the
   name.  Row numbers and labels alone after the last attribute are merged
   sequence and group cells printed after the rows they span: the numbers
   go to the rows printed without one, when they are exactly theirs.
4. A row is read from its end: its value cells first, then what is left
   (the lead) holds the group cells, the sequence number and the name.
   Where a cell runs on to the next line is decided by ``_runs_on``.
5. Group cells are carried down to the rows below them, at the level their
   numbering style (plain, （1）, 一、 …) gives them.

A dump that prints each cell as a line of its own and never two side by
side (pdftotext without -layout) prints them in its reading order, not row
by row: a wrapped header line by line across the header, a row's values
before or after its name, a cell's last line after later cells.  Such a
region (``one_cell_per_line``, unless its header prints each column's lines
together, as above) is read by the cell-per-line reader,
``plantext.extractors.cell_lines``, which every region is handed to first:
it types each line, joins the lines of a cell wherever they fall, and pairs
names with values.  The helpers both readers use are in
``plantext.extractors.table_cells``.

Nothing here knows a particular table: the vocabulary is in ``tables.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from plantext.cellvalue import parse_cell_value
from plantext.extractors.cell_lines import read_cell_line_table
from plantext.extractors.table_cells import (
    ends_with_unit,
    is_unit,
    is_value,
    line_pieces,
    output_columns,
    place_groups,
    read_header,
    stands_alone,
    starts_numbered,
    table_rules,
    unclosed_bracket,
)
from plantext.extractors.tables import RawRow, classify_header
from plantext.layout import text_ems
from plantext.normalize import join_lines, normalize_text, remove_spaces

# A unit in brackets as a cell of its own: (ug/m3) under 46.
_UNIT_IN_BRACKETS = regex.compile(r"[(（](?P<unit>[^()（）]*)[)）]")


# ---------------------------------------------------------------- the reader


def read_flattened_table(lines: list[str], pages: list[int]) -> tuple[list[str], list[RawRow]]:
    """Columns and rows of a flattened table region; ``([], [])`` when it cannot be read.

    ``lines`` are the region's lines in order, header first (no caption, no
    notes); ``pages[i]`` is the page of ``lines[i]``.
    """
    if len(lines) != len(pages):
        return [], []
    kept = [(text.strip(), page) for text, page in zip(lines, pages) if text.strip()]
    read = read_cell_line_table(kept)
    if read is not None:
        return read
    header = read_header([text for text, _ in kept])
    if header is None:
        return [], []
    header_count, header_words = header
    plan = _column_plan([normalize_text(word) for word in header_words])
    if plan is None:
        return [], []
    body = _without_repeated_headers(kept[header_count:], "".join(header_words))
    words = _words_of_lines([text for text, _ in body])
    if plan.attribute_last:
        printed_rows = _rows_ending_in_attributes(words)
    else:
        printed_rows = [(row, "") for row in _rows_by_count(words, plan.value_count)]
    parts = [_read_row(row, attribute, plan.value_count) for row, attribute in printed_rows]
    # Words after the last attribute may be no row but the sequence column printed late.
    late = _late_sequence_numbers(printed_rows[-1][0]) if plan.attribute_last and printed_rows and not printed_rows[-1][1] else []
    before_late = [part for part in parts[:-1] if part is not None]
    parts = [part for part in parts if part is not None]
    if not parts:
        return [], []
    # Rows are numbered when the header prints a 序号 column or most rows start with a number.
    numbered = plan.sequence is not None or 2 * sum(part.sequence_line is not None for part in parts) >= len(parts)
    pages_of_lines = [page for _, page in body]
    if late and numbered and before_late:
        rows = _assemble_rows(before_late, pages_of_lines, numbered, plan)
        if _number_late_rows(rows, late):
            return plan.columns(numbered), rows
    rows = _assemble_rows(parts, pages_of_lines, numbered, plan)
    return plan.columns(numbered), rows


def _late_sequence_numbers(words: list[_Word]) -> list[int]:
    """The row numbers in words printed after the last row, when they hold
    only row numbers and labels (no value, no unit): merged sequence and
    group cells that a dump prints after the rows they span (pdftotext
    without -layout: 5 / 污染减排 / 6 / 7 / 应对气候变化 / …); else []."""
    rules = table_rules()
    texts = [word.text for word in words if word.text]
    numbers = [int(text) for text in texts if rules.sequence_number.fullmatch(text)]
    labels = [text for text in texts if not rules.sequence_number.fullmatch(text)]
    if not numbers or any(is_value(text) or is_unit(text) for text in labels):
        return []
    return numbers


def _number_late_rows(rows: list[RawRow], numbers: list[int]) -> bool:
    """Give the rows printed without their number the row numbers printed
    after the table, when those are exactly the numbers that go on from the
    last row printed with one (4, then 5 … 10 for six rows); True when done.
    The labels among them cannot be told apart by row: those rows get no
    groups."""
    missing = 0
    while missing < len(rows) and not rows[len(rows) - missing - 1].cells[0]:
        missing += 1
    before = rows[len(rows) - missing - 1].cells[0] if missing < len(rows) else ""
    if not missing or not table_rules().sequence_number.fullmatch(before):
        return False
    if numbers != list(range(int(before) + 1, int(before) + 1 + missing)):
        return False
    for row, number in zip(rows[len(rows) - missing :], numbers):
        row.cells[0] = str(number)
        row.groups = []  # their groups are among the labels printed late, not the ones carried down
    return True


# ---------------------------------------------------------------- header


def _without_repeated_headers(body: list[tuple[str, int]], header: str) -> list[tuple[str, int]]:
    """Body lines without the header a table may repeat at the top of a new page."""
    kept: list[tuple[str, int]] = []
    index = 0
    while index < len(body):
        new_page = index > 0 and body[index][1] != body[index - 1][1]
        repeated = _repeated_header_length(body[index:], header) if new_page else 0
        if repeated:
            index += repeated
        else:
            kept.append(body[index])
            index += 1
    return kept


def _repeated_header_length(lines: list[tuple[str, int]], header: str) -> int:
    """How many of ``lines`` spell ``header`` exactly (0 when they do not)."""
    joined = ""
    for count, (text, _) in enumerate(lines, start=1):
        joined += remove_spaces(text)
        if joined == header:
            return count
        if not header.startswith(joined):
            return 0
    return 0


@dataclass(frozen=True)
class _ColumnPlan:
    """What the header says about the rows: where the name is, what follows it."""

    headers: list[str]
    name: int
    # The printed sequence column (序号), if any; columns left of the name
    # other than this one hold row groups and are not output.
    sequence: int | None
    attribute_last: bool

    @property
    def trailing(self) -> list[str]:
        return self.headers[self.name + 1 :]

    @property
    def value_count(self) -> int:
        """Cells of a row between its name and its attribute (or its end)."""
        return len(self.trailing) - (1 if self.attribute_last else 0)

    @property
    def groups_after_number(self) -> bool:
        """Do group columns stand between the sequence column and the name
        (序号 类别 指标), so that a row's group cell follows its number?"""
        return self.sequence is not None and self.name - self.sequence > 1

    def columns(self, numbered: bool) -> list[str]:
        return output_columns(self.headers, self.name, self.sequence, numbered)


def _column_plan(headers: list[str]) -> _ColumnPlan | None:
    roles = [classify_header(header) for header in headers]
    names = [index for index, role in enumerate(roles) if role == ("column", "name", None)]
    if not names:
        return None
    name = names[0]
    sequences = [index for index in range(name) if roles[index] == ("column", "seq", None)]
    attribute_last = name < len(headers) - 1 and roles[-1] == ("column", "attribute", None)
    return _ColumnPlan(headers, name, sequences[0] if sequences else None, attribute_last)


# ---------------------------------------------------------------- words


@dataclass(frozen=True)
class _Word:
    """A piece of a body line between spaces: a cell, or a line of a wrapped cell."""

    text: str  # "" for an empty cell shown by extra spaces
    line: int  # index of its body line
    first: bool  # the first word of its line
    last: bool  # the last word of its line


def _words_of_lines(texts: list[str]) -> list[_Word]:
    words = []
    for line, text in enumerate(texts):
        pieces = line_pieces(text)
        words.extend(
            _Word(piece, line, index == 0, index == len(pieces) - 1) for index, piece in enumerate(pieces)
        )
    return words


# ---------------------------------------------------------------- cells


def _runs_on(above: str, below: str, below_alone: bool) -> bool:
    """Does the cell whose line reads ``above`` go on in the next line, ``below``?

    A wrapped cell fills the width of its column on every line but its last,
    so a line no wider than the one above it may continue it.  A line of
    several cells (``below_alone`` false) starts afresh, and so does a line
    after a finished cell (a name closed by its unit, ``…比例(%)``; a plain
    value, ``80.1``) and a line that is a cell of its own (a numbered label,
    ``（2）大气环``; a unit, ``%``; a number under text, ``森林覆盖率`` /
    ``23``, unless it is a footnote marker, ``…断面水质`` / ``2``).
    """
    if not above or not below:
        return False
    if _must_run_on(above, below):
        return True
    if not below_alone or ends_with_unit(above) or _is_complete_value(above) or stands_alone(above, below):
        return False
    # Widths as printed: a Chinese character is one em, other characters about half.
    return text_ems(below) <= text_ems(above)


def _must_run_on(above: str, below: str) -> bool:
    """Lines that cannot end or start a cell: ``46(ug`` / ``/m3)``, ``1.1、1.`` / ``4、6、6``,
    or a unit in brackets under its number (``46`` / ``(ug/m3)``)."""
    rules = table_rules()
    return (
        unclosed_bracket(above)
        or bool(rules.runs_on.search(above))
        or bool(rules.continues.search(below))
        or (_is_complete_value(above) and _is_unit_in_brackets(below))
    )


def _is_unit_in_brackets(text: str) -> bool:
    found = _UNIT_IN_BRACKETS.fullmatch(text)
    return bool(found) and is_unit(found.group("unit"))


def _is_complete_value(text: str) -> bool:
    """A number (with its comparator or unit) or an empty-cell dash: such cells do not wrap."""
    cell = parse_cell_value(text)
    return cell.value is not None or cell.raw in table_rules().empty_cells


def _is_name(text: str) -> bool:
    """A cell that can only be a name or a group: numbered, or closed by a unit and not a value."""
    return starts_numbered(text) or (ends_with_unit(text) and not is_value(text))


def _cell_start(words: list[_Word], end: int) -> int:
    """Where the cell whose last word is ``words[end - 1]`` begins."""
    start = end - 1
    while start > 0 and _joined(words[start - 1], words[start]):
        start -= 1
    return start


def _cell_end(words: list[_Word], start: int) -> int:
    """Where the cell whose first word is ``words[start]`` ends."""
    end = start + 1
    while end < len(words) and _joined(words[end - 1], words[end]):
        end += 1
    return end


def _joined(before: _Word, after: _Word) -> bool:
    """Is ``after`` the next line of the cell ``before`` ends?  Words of one line are separate cells."""
    return before.line != after.line and _runs_on(before.text, after.text, after.last)


def _cell_text(words: list[_Word]) -> str:
    """The normalised text of a cell: its words on one line joined by spaces, its lines run together."""
    return join_lines([" ".join(line_words) for _, line_words in _words_by_line(words)])


def _words_by_line(words: list[_Word]) -> list[tuple[int, list[str]]]:
    """The texts of ``words`` line by line, as (line index, texts); empty cells dropped."""
    lines: dict[int, list[str]] = {}
    for word in words:
        if word.text:
            lines.setdefault(word.line, []).append(word.text)
    return list(lines.items())


# ---------------------------------------------------------------- rows


def _rows_ending_in_attributes(words: list[_Word]) -> list[tuple[list[_Word], str]]:
    """The words of each row before its attribute cell (约束性, or 约束/性
    wrapped), and the attribute.

    Words after the last attribute make a row of their own (a last row
    printed without attribute)."""
    rows: list[tuple[list[_Word], str]] = []
    start = index = 0
    while index < len(words):
        end = _attribute_end(words, index)
        if end is None:
            index += 1
        else:
            rows.append((words[start:index], "".join(word.text for word in words[index:end])))
            start = index = end
    if start < len(words):
        rows.append((words[start:], ""))
    return rows


def _attribute_end(words: list[_Word], start: int) -> int | None:
    """The index after an attribute cell starting at ``words[start]``, or
    ``None``.  The longest attribute wins: 约束 / 性 is 约束性 wrapped, not
    the short form 约束 and a word 性."""
    attributes = table_rules().attributes
    text = ""
    end = None
    for index in range(start, len(words)):
        text += remove_spaces(words[index].text)
        if text in attributes:
            end = index + 1
        # A wrapped attribute goes on only across a line break.
        if not text or not words[index].last or not any(word.startswith(text) and word != text for word in attributes):
            break
    return end


def _rows_by_count(words: list[_Word], value_count: int) -> list[list[_Word]]:
    """The words of each row of a table without a closing attribute column.

    When the rows are numbered (序号 1, 2, 3 … starting lines), each number
    opens a row; the words after a row's values and before the next number
    (a group line such as 环境治理) belong to the next row.  Otherwise a row
    ends after its name and ``value_count`` cells."""
    segments = _split_before_row_numbers(words)
    if len(segments) == 1:
        return _unnumbered_rows(words, value_count)
    rows: list[list[_Word]] = []
    carried: list[_Word] = []
    for segment in segments[:-1]:
        pending = carried + segment
        end = _values_end(pending, _values_start(pending, 0, value_count), value_count)
        rows.append(pending[:end])
        carried = pending[end:]
    # The last numbered row may be followed by rows whose numbers break the count.
    return rows + _unnumbered_rows(carried + segments[-1], value_count)


def _unnumbered_rows(words: list[_Word], value_count: int) -> list[list[_Word]]:
    rows = []
    start = 0
    while start < len(words):
        end = _unnumbered_row_end(words, start, value_count)
        rows.append(words[start:end])
        start = end
    return rows


def _split_before_row_numbers(words: list[_Word]) -> list[list[_Word]]:
    """``words`` cut before each line that starts with the next row number
    (n, n+1, n+2 … counting on from the first)."""
    cuts = []
    expected: int | None = None
    for index, word in enumerate(words):
        if _is_row_number(words, index) and (expected is None or int(word.text) == expected):
            cuts.append(index)
            expected = int(word.text) + 1
    if len(cuts) < 2:
        return [words]
    bounds = [0] + cuts[1:] + [len(words)]
    return [words[begin:end] for begin, end in zip(bounds, bounds[1:])]


def _unnumbered_row_end(words: list[_Word], start: int, value_count: int) -> int:
    """Where the row starting at ``words[start]`` ends: after its values, or
    before a label that can only open the next row."""
    values_start = _values_start(words, start, value_count)
    next_label = _next_row_label(words[:values_start], start, value_count)
    if next_label < values_start:
        return next_label
    return _values_end(words, values_start, value_count)


def _next_row_label(words: list[_Word], start: int, value_count: int) -> int:
    """The first name or numbered label (``…比例(%)``, ``（2）大气环``) that
    starts a line after as many cells as a name and its values take: it
    opens the next row.  The label's line must not go on from the line
    above, which may be one cell with spaces in it (地表水国控断面劣 V类水)."""
    cells = 0
    index = start
    while index < len(words):
        end = _cell_end(words, index)
        opens_line = index > start and words[index].first
        if (
            cells > value_count
            and opens_line
            and _is_name(_cell_text(words[index:end]))
            and not _runs_on(_line_text(words, index - 1), _line_text(words, index), below_alone=True)
        ):
            return index
        cells += 1
        index = end
    return len(words)


def _line_text(words: list[_Word], index: int) -> str:
    """The text of the line ``words[index]`` is on."""
    line = words[index].line
    return " ".join(word.text for word in words if word.line == line and word.text)


def _values_start(words: list[_Word], start: int, value_count: int) -> int:
    """Where the value cells of the row starting at ``words[start]`` begin:
    the first cell after some name text that is empty, follows a name closed
    by its unit, looks like a value, or ends a line of as many cells as the
    row has values (湟水河出省断面年均水质 III 类 III 类)."""
    rules = table_rules()
    for index in range(start + 1, len(words)):
        before, word = words[index - 1], words[index]
        has_name = any(w.text and not rules.sequence_number.match(w.text) for w in words[start:index])
        if not has_name or _joined(before, word):
            continue
        if word.text == "" or ends_with_unit(before.text):
            return index
        if _is_row_number(words, index) or _is_footnote_marker(before, word):
            continue
        if is_value(word.text) or _ends_line_of_values(words, index, value_count):
            return index
    return len(words)


def _ends_line_of_values(words: list[_Word], index: int, value_count: int) -> bool:
    """Do the words from ``words[index]`` to the end of its line, after other
    words of that line, number as many as the row's values (and are no name)?"""
    if words[index].first or _is_name(words[index].text):
        return False
    count = 1
    while not words[index + count - 1].last:
        count += 1
    return count == value_count


def _values_end(words: list[_Word], start: int, value_count: int) -> int:
    """The end of ``value_count`` cells from ``words[start]``; fewer when a name
    or a group label (``（5）…``) comes first."""
    end = start
    for _ in range(value_count):
        if end >= len(words):
            break
        cell_end = _cell_end(words, end)
        if end > start and _is_name(_cell_text(words[end:cell_end])):
            break
        end = cell_end
    return end


def _is_row_number(words: list[_Word], index: int) -> bool:
    """A sequence number opening a row: it starts a line and its name follows
    (on that line or the next), not a value."""
    word = words[index]
    if not (word.first and table_rules().sequence_number.match(word.text)) or index + 1 == len(words):
        return False
    return bool(words[index + 1].text) and not is_value(words[index + 1].text)


def _is_footnote_marker(before: _Word, word: _Word) -> bool:
    """A digit printed after a name on its line (全省地表水国控断面 1)."""
    return (
        before.line == word.line
        and bool(before.text)
        and not before.text[-1].isdigit()
        and bool(table_rules().footnote_marker.match(word.text))
    )


# A lead line: its index among the body lines and its words.
_LeadLine = tuple[int, list[str]]


@dataclass
class _RowParts:
    """One row cut into its lead (the lines before its values), its value cells and its attribute."""

    lead: list[_LeadLine]
    values: list[str]
    attribute: str
    # Index in ``lead`` of the line that starts with a sequence number, if one does.
    sequence_line: int | None


def _read_row(words: list[_Word], attribute: str, value_count: int) -> _RowParts | None:
    """Split a row's words into its lead and its value cells (read from the end)."""
    values, lead_words = _take_values(words, value_count)
    lead = _words_by_line(lead_words)
    if not lead:
        return None
    return _RowParts(lead, values, attribute, _sequence_line(lead))


def _take_values(words: list[_Word], value_count: int) -> tuple[list[str], list[_Word]]:
    """``value_count`` value cells from the end of ``words``, and the words before them.

    Fewer cells are read when the cell before is a name (``…比例(%)``,
    ``(5)…``) or would leave no name; the missing cells are the row's first
    ones (an empty 基准值 printed as nothing) and come out empty."""
    values: list[str] = []
    end = len(words)
    while len(values) < value_count and end > 0:
        start = _cell_start(words, end)
        text = _cell_text(words[start:end])
        if not any(word.text for word in words[:start]) or _is_name(text):
            break
        values.insert(0, text)
        end = start
    return [""] * (value_count - len(values)) + values, words[:end]


def _sequence_line(lead: list[_LeadLine]) -> int | None:
    """The first lead line that starts with a sequence number followed by more text."""
    rules = table_rules()
    for index, (_, words) in enumerate(lead):
        if rules.sequence_number.match(words[0]) and (len(words) > 1 or index + 1 < len(lead)):
            return index
    return None


# ---------------------------------------------------------------- assembly


@dataclass
class _Lead:
    """What a row's lead holds."""

    number: str
    groups: list[str]
    name: str
    first_line: int  # the body line the row starts on (its number or its name)


def _assemble_rows(parts: list[_RowParts], pages: list[int], numbered: bool, plan: _ColumnPlan) -> list[RawRow]:
    rows = []
    groups: list[str] = []
    for part in parts:
        if numbered and part.sequence_line is not None:
            lead = _numbered_lead(part.lead, part.sequence_line, plan.groups_after_number)
        else:
            lead = _unnumbered_lead(part.lead)
        groups = place_groups(groups, lead.groups)
        cells = ([lead.number] if numbered else []) + [lead.name] + part.values
        if plan.attribute_last:
            cells.append(normalize_text(part.attribute))
        rows.append(RawRow(cells=cells, groups=list(groups), page=pages[lead.first_line]))
    return rows


def _numbered_lead(lead: list[_LeadLine], sequence_line: int, groups_after_number: bool = False) -> _Lead:
    """The lines above the number are group cells; the name follows the
    number.  Where the header puts group columns between the number and the
    name (序号 类别 指标), cells after the number before the last are group
    cells too (1 / 环境质量 / 细颗粒物（PM2.5）年均 / 浓度)."""
    line, words = lead[sequence_line]
    groups = [join_lines(texts) for _, texts in _lead_cells(lead[:sequence_line])]
    after = ([(line, words[1:])] if len(words) > 1 else []) + lead[sequence_line + 1 :]
    cells = _lead_cells(after) if groups_after_number else []
    if len(cells) > 1:
        groups += [join_lines(texts) for _, texts in cells[:-1]]
        return _Lead(words[0], groups, join_lines(cells[-1][1]), line)
    name_lines = [" ".join(words[1:])] + [" ".join(more) for _, more in lead[sequence_line + 1 :]]
    return _Lead(words[0], groups, join_lines(name_lines), line)


def _unnumbered_lead(lead: list[_LeadLine]) -> _Lead:
    """The lead's last cell is the name, the cells before it are group cells."""
    cells = _lead_cells(lead)
    if len(cells) > 1 and table_rules().footnote_marker.match("".join(cells[-1][1])):
        # A footnote marker on a line of its own after a name closed by its unit.
        cells[-2][1].extend(cells.pop()[1])
    first_line, name_lines = cells[-1]
    return _Lead("", [join_lines(texts) for _, texts in cells[:-1]], join_lines(name_lines), first_line)


def _lead_cells(lead: list[_LeadLine]) -> list[tuple[int, list[str]]]:
    """The lead's lines gathered into cells, as (first line, text of each line);
    a line runs on as ``_runs_on`` says."""
    cells: list[tuple[int, list[str]]] = []
    for line, words in lead:
        text = " ".join(words)
        if cells and _runs_on(cells[-1][1][-1], text, below_alone=True):
            cells[-1][1].append(text)
        else:
            cells.append((line, [text]))
    return cells
