"""Tables from text dumps that print one cell per line.

pdftotext without -layout prints each cell of a ruled table as a block of
its own, in its reading order rather than row by row (a line here stands
for a printed line; " / " parts them):

    序号 / 指标 / 单位 / 2020 年现 / 2025 年目标 / 指标属 / 状值 / 值 / 性
    82.5 / ≥85.2 / 约束性 / 其中：长江流域 / 95.2 / 100 / …
    水环境 / 1 / 地表水国控断面水质优良（达到或好于 / % / III 类）比例 / 2 / …

Header cells that wrap come out line by line across the header (the first
lines of all, then the second lines), a two-level header as its two rows
(基准值 / 目标值 / 2020 年 / 2025 年), the caption and a merged category
cell wherever they fall (类别 / 能源总量 / caption / 指标 …).  In the body
the cells of a row right of its name (unit, values, attribute: its
"values" here) come out together, but the values of a run of rows may come
before or after their names, and the second line of a cell may come after
the cells right of it (3.5 左 / — / 约束性 / 右) or after a later row.

``read_cell_line_table`` reads such a region (``read_flattened_table``
of ``plantext.extractors.flattened`` tries it first on every region, and
reads those it leaves):

1. Header: the cells of the header are picked out of the first lines by
   the header words of ``tables.yaml``, wherever they fall among body
   cells, and put together as the header prints them: a line joins the
   column it completes (指标属 + 性, 2020 + 年), else starts a column; a
   run of value words over a run of years as long is a two-level header
   (基准值 + 2020年).  Lines before the name column's header that are no
   header are the caption or category cells printed with it: dropped.
   The header printed again at the top of a later page is dropped too,
   with the mark of a table carried on above it (续表 1, 表 1（续）).
2. Cells: each body line is typed (sequence number, unit, value,
   attribute, text) and joins the cell it ends — one left open by its text
   (an unclosed bracket, a value or unit only begun: 〔, 微克/立, 完成省下达)
   or by its width (a name line as wide as the widest, which wraps) — or
   opens a cell of its own.  Units, values and attributes fill the slots of
   a row's values in header order.
3. Rows: a name followed by values is a row; names and values left over
   are paired in order, names of numbered rows and 其中 parts first, other
   texts as they fit; texts left without values are category cells.

Nothing here knows a particular table: the vocabulary is in ``tables.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from plantext.cellvalue import parse_cell_value
from plantext.extractors.table_cells import (
    UNIT_AT_END,
    ends_with_unit,
    is_value,
    line_pieces,
    output_columns,
    place_groups,
    read_header,
    split_header_words,
    stands_alone,
    starts_header_word,
    starts_numbered,
    table_rules,
    unclosed_bracket,
)
from plantext.extractors.tables import RawRow, classify_header, classify_headers
from plantext.layout import match_heading, numbering_styles, text_ems
from plantext.numbers import alternation, parse_chinese_numeral
from plantext.normalize import join_lines, normalize_text, remove_spaces
from plantext.vocab import clear_on_change, load_vocabulary, vocabulary_table


@dataclass(frozen=True)
class _CellLineRules:
    """The vocabulary of the reader of dumps of one cell per line."""

    # A value cell as a whole (tables.yaml flattened.cell_lines.value_cells),
    # matched partially too: a line that only begins one.
    value: regex.Pattern
    value_start: regex.Pattern
    # A unit cell as a whole (units.yaml), matched partially too (微克/立).
    unit: regex.Pattern
    page_number: regex.Pattern
    # Words that name a value column's role only after its year (目标, 完成).
    year_words: frozenset[str]
    # Levels of an indicator system heading columns (一级指标, 二级 / 指标).
    levels: tuple[str, ...]


def _build_cell_line_rules(tables, furniture, units) -> _CellLineRules:
    cell_lines = tables["flattened"]["cell_lines"]
    forms = [*units["ratio_units"], *units["units"], *units["aliases"]]
    forms += [multiplier + unit for unit in units["units"] for multiplier in units["multipliers"]]
    per = f"(?:{alternation(units['per_separators'])})(?:{alternation(units['per_units'])})"
    return _CellLineRules(
        value=regex.compile("^(?:" + "|".join(f"(?:{pattern})" for pattern in cell_lines["value_cells"]) + ")$"),
        value_start=regex.compile(cell_lines["value_start"]),
        unit=regex.compile(f"^(?:{alternation(forms)})(?:{per})?$"),
        page_number=regex.compile("^(?:" + "|".join(furniture["page_numbers"]) + ")$"),
        year_words=frozenset(word for words in tables["year_value_roles"].values() for word in words),
        levels=tuple(tables["indicator_levels"]),
    )


def _cell_line_rules() -> _CellLineRules:
    return vocabulary_table(_build_cell_line_rules, "tables", "furniture", "units")


def _value_state(text: str) -> str | None:
    """"complete" for a value cell (tables.yaml flattened.cell_lines.value_cells),
    "partial" for a line that only begins one, ``None`` for neither."""
    found = _cell_line_rules().value.fullmatch(remove_spaces(normalize_text(text)), partial=True)
    if found is None:
        return None
    return "partial" if found.partial else "complete"


def _unit_state(text: str) -> str | None:
    """"complete" for a unit cell, "partial" for a line that only begins one
    (微克/立), ``None`` for neither."""
    found = _cell_line_rules().unit.fullmatch(remove_spaces(text), partial=True)
    if found is None:
        return None
    return "partial" if found.partial else "complete"


def _is_page_number(text: str) -> bool:
    """A page number printed among the cells (— 2 —): the dump puts the foot
    of a page where its reading order takes it."""
    return bool(_cell_line_rules().page_number.match(remove_spaces(text))) and not is_value(text)


def read_cell_line_table(kept: list[tuple[str, int]]) -> tuple[list[str], list[RawRow]] | None:
    """Columns and rows of a table region printed one cell per line, from its
    non-empty lines and their pages; ``None`` when the region sets cells
    side by side, when its header prints each column's lines together (the
    reader of ``plantext.extractors.flattened`` reads both), or when it
    cannot be read."""
    texts = [text for text, _ in kept]
    if not one_cell_per_line(texts) or _header_column_by_column(texts):
        return None
    return _read_cell_lines(kept)


def one_cell_per_line(texts: list[str]) -> bool:
    """Does the region print one cell per line (pdftotext without -layout)?
    A dump that sets cells side by side on a line (31.6 0 0 完成, 28.1 完成,
    1 森林覆盖率(%) 7.5 8.0 约束性) does not."""
    texts = [text.strip() for text in texts if not _is_page_number(text)]
    return not any(_side_by_side(text) for text in texts)


def _side_by_side(text: str) -> bool:
    """Does a line hold a value or an attribute beside another cell?  Not a
    value with its comparator (25 左), a year header (2020 年), or a name with
    its footnote marker (…浓度 1)."""
    rules = table_rules()
    pieces = [piece for piece in line_pieces(text) if piece]
    if len(pieces) < 2 or _value_state(text) is not None:
        return False
    cells = [
        piece
        for index, piece in enumerate(pieces)
        if not rules.footnote_marker.match(piece)
        and not (index + 1 < len(pieces) and pieces[index + 1].startswith(rules.year_word))
        and not _inside_text(pieces, index)
        and (is_value(piece) or remove_spaces(piece) in rules.attributes)
    ]
    return bool(cells)


def _inside_text(pieces: list[str], index: int) -> bool:
    """Is a piece a number inside a name, text on both sides of it
    (O3 日最大 8 小时平均第 90 百分位数: pdftotext spaces digits off)?"""
    if index == 0 or index + 1 == len(pieces):
        return False
    return all(
        not is_value(piece) and _value_state(piece) is None and remove_spaces(piece) not in table_rules().attributes
        for piece in (pieces[index - 1], pieces[index + 1])
    )


def _header_column_by_column(texts: list[str]) -> bool:
    """Does the header print each column's lines together, before the body
    (规划指标 / 基准 / 值 / 目标值 完成值 / 规划 / 目标 / 完成 / 情况 / 指标 /
    属性), as the dumps read by ``read_header`` do?  So it is when that
    reading makes fewer columns of its lines than they make read line by
    line across the header (规划目标完成情况, not 规划目标 and 完成情况)."""
    read = read_header(texts)
    if read is None:
        return False
    count, words = read
    scan = _HeaderScan([])
    if not all(scan.place_line(text) for text in texts[:count]):
        return False
    across = _arrange_header(scan.pieces) or scan.columns
    return len(words) < len(across)


@dataclass(frozen=True)
class _Fragment:
    """A line of the region."""

    text: str
    page: int
    # The line after it in the dump went to the header (or was a page number):
    # it is not the line the dump printed next to it.
    broken: bool = False


# The most lines a region read by the cell-per-line reader may have (the
# longest table read has 291): its work grows faster than its lines, and a
# longer region is left to the reader of flattened headers, whose work grows
# with them, so that no input takes long.
_CELL_LINES_MOST = 1200


def _read_cell_lines(kept: list[tuple[str, int]]) -> tuple[list[str], list[RawRow]] | None:
    if len(kept) > _CELL_LINES_MOST:
        return None
    fragments = [_Fragment(text, page) for text, page in kept if not _is_page_number(text)]
    header = _read_stream_header(fragments)
    if header is None:
        return None
    columns, taken = header
    plan = _stream_plan(columns)
    if plan is None:
        return None
    body = [
        _Fragment(fragment.text, fragment.page, index + 1 in taken)
        for index, fragment in enumerate(fragments)
        if index not in taken
    ]
    reader = _StreamReader(plan, body)
    reader.run()
    rows = reader.rows()
    if not rows:
        return None
    return plan.output_columns(reader.numbered), rows


# ------------------------------------------------- one cell per line: header

_BRACKET_MARKER = regex.compile(r"[\[［][1-9][\]］]")
_HEADER_MARKS = regex.compile(r"[()（）/／、\[\]［］]")
_BARE_YEAR_END = regex.compile(r"(?:19|20)[0-9]{2}$")
_OPEN_BRACKETS = "（("
_CLOSE_BRACKETS = "）)"


def _one_header(words: list[str], cut: bool) -> bool:
    """Do header words make the header of one column: one word, or the words
    of one value column (基准值 2020年, 年均增长 累计: one role and one year at
    most)?  ``cut``: the last word is only begun."""
    if len(words) == 1:
        return cut or classify_header(words[0]) is not None
    roles = [classify_header(word) for word in (words[:-1] if cut else words)]
    if any(role is None or role[0] != "value" for role in roles):
        return False
    return sum(role[2] is not None for role in roles) <= 1 and len({role[1] for role in roles if role[1]}) <= 1


@lru_cache(maxsize=4096)
def _header_state(text: str) -> str | None:
    """"complete" for the header of a column, "partial" for its beginning
    (指标属, 2020, 基准值（2025), ``None`` for no header."""
    bare = _HEADER_MARKS.sub("", remove_spaces(text))
    if not bare or (bare.isdigit() and not _BARE_YEAR_END.fullmatch(bare)):
        return None  # a number, not the beginning of a year
    levels = _cell_line_rules().levels
    if bare in levels:
        return "partial"  # 二级 / 指标; alone it heads a column too (see _arrange_header)
    level = next((level for level in levels if bare.startswith(level)), None)
    if level is not None:
        # 二级指 / 标: a level and a name word
        rest = bare[len(level) :]
        names = load_vocabulary("tables")["column_roles"]["name"]
        if rest in names:
            return "complete"
        return "partial" if any(name.startswith(rest) for name in names) else None
    whole = split_header_words(bare, allow_cut=False)
    if whole is not None:
        if not _one_header(whole, cut=False):
            return None
        unclosed = sum(text.count(mark) for mark in _OPEN_BRACKETS) > sum(text.count(mark) for mark in _CLOSE_BRACKETS)
        return "partial" if unclosed or _BARE_YEAR_END.search(bare) else "complete"
    if starts_header_word(bare):
        return "partial"
    cut = split_header_words(bare, allow_cut=True)
    return "partial" if cut is not None and _one_header(cut, cut=True) else None


clear_on_change(_header_state.cache_clear)


def _lengthens(column: str, piece: str) -> bool:
    """Does a piece that heads no column alone (值) make a whole header longer
    (2020年现状 + 值)?  The longer header is of the column's kind and keeps
    its role, naming one it lacked at most (2020年 + 完成): 值 under
    2020年现状 goes on it, not on 指标 beside it, which 指标值 would make a
    value column."""
    if _header_state(column + piece) != "complete":
        return False
    before, after = classify_header(column), classify_header(column + piece)
    if before is None or after is None:
        return True  # a header of no role (备注) reads on as it likes
    return after[0] == before[0] and before[1] in (None, after[1])


def _orphan_header(text: str) -> str | None:
    """The header word a line ends when the line that began it went elsewhere
    (号 under 序, which a dump printed as the caption): the one column word
    ending so, in all its forms of one role."""
    bare = remove_spaces(text)
    vocab = load_vocabulary("tables")["column_roles"]
    found = [(role, word) for role, words in vocab.items() for word in words if len(word) > len(bare) and word.endswith(bare)]
    if not bare or not found or len({role for role, _ in found}) != 1:
        return None
    return found[0][1]


@dataclass
class _HeaderScan:
    """The columns of a header being read line by line."""

    columns: list[str]
    # The pieces placed, in order: the header is put together again from them
    # once all are known (_arrange_header).
    pieces: list[str] = field(default_factory=list)

    def place(self, text: str, continuation_only: bool = False) -> bool:
        """Add a line to the header; False when it is no part of it."""
        text = remove_spaces(text)
        if not text:
            return False
        if self._place(text, continuation_only):
            self.pieces.append(text)
            return True
        return False

    def _place(self, text: str, continuation_only: bool) -> bool:
        # The column it goes on: the first one still begun that it continues,
        # else (a line that cannot begin a header: 值, 号) the first whole one
        # it makes longer (2020年现状 + 值).
        for index, column in enumerate(self.columns):
            if _header_state(column) == "partial" and _header_state(column + text) is not None:
                self.columns[index] += text
                return True
        alone = _header_state(text)
        if alone is None:
            for index, column in enumerate(self.columns):
                if _lengthens(column, text):
                    self.columns[index] += text
                    return True
            orphan = _orphan_header(text)
            if orphan is not None and not self.has_role(classify_header(orphan)):
                self.columns.insert(self.name_index() if self.name_index() is not None else len(self.columns), orphan)
                return True
            return False
        if continuation_only:
            return False
        self.columns.append(text)
        return True

    def place_line(self, text: str, continuation_only: bool = False) -> bool:
        """A line may hold several headers (2020 年 2025 年 2035 年): placed
        piece by piece when it is no header as a whole."""
        if self.place(text, continuation_only):
            return True
        pieces = text.split()
        if len(pieces) < 2:
            return False
        trial = _HeaderScan(list(self.columns), list(self.pieces))
        if all(trial.place(piece, continuation_only) for piece in pieces):
            self.columns, self.pieces = trial.columns, trial.pieces
            return True
        return False

    def has_role(self, role) -> bool:
        return any(classify_header(column) == role for column in self.columns)

    def name_index(self) -> int | None:
        roles = [classify_header(column) for column in self.columns]
        return next((index for index, role in enumerate(roles) if role == ("column", "name", None)), None)

    def has_values(self) -> bool:
        return any((classify_header(column) or ("",))[0] == "value" for column in self.columns)

    def complete(self) -> bool:
        return all(_header_state(column) == "complete" for column in self.columns)


def _value_kind(column: str) -> str | None:
    """"year" for a year without a role (2020年), "role" for a role without
    a year (基准值, and 目标 or 完成, which only name a role after a year)."""
    if remove_spaces(column) in _cell_line_rules().year_words:
        return "role"
    role = classify_header(column)
    if role is None or role[0] != "value":
        return None
    if role[1] is None and role[2] is not None:
        return "year"
    return "role" if role[1] is not None and role[2] is None else None


def _two_level(columns: list[str]) -> list[str]:
    """A two-level header printed as its two rows: a run of value columns of
    one kind (基准值 目标值), then, after other columns maybe (属性), a run as
    long of the other kind (2020年 2025年): each pair is one column
    (基准值2020年), where the first run stands."""
    columns = list(columns)
    kinds = [_value_kind(column) for column in columns]
    start = 0
    while start < len(columns):
        kind = kinds[start]
        end = start
        while end < len(columns) and kind is not None and kinds[end] == kind:
            end += 1
        if kind is None:
            start += 1
            continue
        other = "year" if kind == "role" else "role"
        later = end
        while later < len(columns) and kinds[later] is None and (classify_header(columns[later]) or ("",))[0] == "column":
            later += 1
        second = later
        while second < len(columns) and kinds[second] == other:
            second += 1
        pairs = list(zip(range(start, end), range(later, second)))
        if second - later == end - start and all(_header_state(columns[a] + columns[b]) == "complete" for a, b in pairs):
            for a, b in pairs:
                columns[a] += columns[b]
                kinds[a] = None
            del columns[later:second]
            del kinds[later:second]
        start = end
    return columns


def _read_stream_header(fragments: list[_Fragment]) -> tuple[list[str], set[int]] | None:
    """The columns of the header, and the lines it took: with the caption and
    the category cells printed before the name column's header, and the
    header printed again at the top of later pages.

    The header's lines are read up to the first attribute cell (or, in a
    table without one, the first value once the header is whole), among the
    body's first cells wherever they fall; after that only a line that ends
    a column (号 under 序) or heads one the header lacks (属性) is taken."""
    if not fragments:
        return None
    attributes = table_rules().attributes
    pages: dict[int, list[int]] = {}
    for index, fragment in enumerate(fragments):
        pages.setdefault(fragment.page, []).append(index)
    has_attributes = any(remove_spaces(fragment.text) in attributes for fragment in fragments)
    taken: set[int] = set()
    header: list[str] | None = None
    for number, indices in enumerate(pages.values()):
        if number > 0:
            # A later page may open with the mark of a table carried on
            # (续表 1) above the header printed again: the mark is no cell.
            marks = 0
            while marks < len(indices) - 1 and _continued_table_mark(fragments[indices[marks]].text):
                marks += 1
            if not _HeaderScan([]).place_line(fragments[indices[marks]].text):
                continue  # the table goes on without its header
            taken.update(indices[:marks])
            indices = indices[marks:]
        scan = _HeaderScan([])
        reading = True
        for index in indices:
            text = fragments[index].text
            if reading and remove_spaces(text) in attributes:
                reading = _stop_reading(scan, header)
            if reading:
                if scan.place_line(text):
                    taken.add(index)
                elif not has_attributes and _ends_header(scan, text, header):
                    reading = _stop_reading(scan, header)
                elif header is None and (scan.name_index() is None or _reads_as_caption(text)):
                    taken.add(index)  # the caption, or categories printed before the name's header
            elif _late_header_line(scan, text, header):
                taken.add(index)
        if reading:
            _stop_reading(scan, header)
        if header is None:
            header = scan.columns
    if not header:
        return None
    header = [column for column in _two_level(_without_spanning_groups(header)) if _header_state(column) is not None]
    return header, taken


def _without_spanning_groups(columns: list[str]) -> list[str]:
    """The columns with a value header that names neither a role nor a year
    (指标值) replaced by the run of year headers printed after it: it spans
    them (指标值 over 2020年 | 2025年, left of 属性, dumped 指标值 / 属性 /
    2020 年 / 2025 年), and they stand where it stands."""
    columns = list(columns)
    roles = [classify_header(column) for column in columns]
    for group in reversed([index for index, role in enumerate(roles) if role == ("value", None, None)]):
        first = next((index for index in range(group + 1, len(columns)) if _is_bare_year(roles[index])), None)
        if first is None:
            continue
        last = first
        while last + 1 < len(columns) and _is_bare_year(roles[last + 1]):
            last += 1
        columns[group : last + 1] = columns[first : last + 1] + columns[group + 1 : first]
        roles[group : last + 1] = roles[first : last + 1] + roles[group + 1 : first]
    return columns


def _is_bare_year(role) -> bool:
    return role is not None and role[0] == "value" and role[1] is None and role[2] is not None


_TABLE_NUMBER = regex.compile(r"[0-9]{1,2}(?:[-－—.．][0-9]{1,2})?")


def _continued_table_mark(text: str) -> bool:
    """A line saying only that a table goes on: 续表, （续）, or one of those
    with the table's number (续表 1, 表 1（续）); numbering.yaml
    continued_table_words."""
    bare = remove_spaces(normalize_text(text))
    heading = match_heading(bare)
    if heading is not None and heading.style == "table":
        bare = remove_spaces(heading.title)  # 表 1（续）: the title is the mark
    for word in sorted(load_vocabulary("numbering")["continued_table_words"], key=len, reverse=True):
        if bare.startswith(word):
            rest = bare[len(word) :]
            return not rest or bool(_TABLE_NUMBER.fullmatch(rest)) or parse_chinese_numeral(rest) is not None
    return False


def _reads_as_caption(text: str) -> bool:
    """A line among the header's that holds a name column's header word
    but is no header: the caption (青澜市“无废城市”建设指标体系), printed
    where the dump's reading order put it."""
    names = load_vocabulary("tables")["column_roles"]["name"]
    bare = remove_spaces(text)
    return _header_state(bare) is None and any(name in bare for name in names)


def _stop_reading(scan: _HeaderScan, header: list[str] | None) -> bool:
    """The header's lines but the late ones are read: the first header's are
    put together (``_arrange_header``).  False, for the flag of reading."""
    if header is None:
        scan.columns = _arrange_header(scan.pieces) or scan.columns
    return False


# How many ways of putting a header together are tried before the first one
# found line by line is kept.
_HEADER_TRIALS = 5000
# A header of more pieces than this is no header (the longest read has 16):
# the search goes one level deeper for each piece.
_HEADER_MOST_PIECES = 80


def _arrange_header(pieces: list[str]) -> list[str] | None:
    """The header put together from its pieces so that every column reads as
    a whole (after the two-level stitching): each piece goes on a column it
    continues, or starts one, the first way that works in the order
    ``_HeaderScan.place`` tries them (the first column it continues first)."""
    if len(pieces) > _HEADER_MOST_PIECES:
        return None
    trials = 0

    def complete(columns: list[str]) -> bool:
        # A year or a level may head a column alone (2020, 一级).
        levels = _cell_line_rules().levels
        return all(_header_state(column) == "complete" or _BARE_YEAR_END.fullmatch(column) or column in levels for column in columns)

    def ways(columns: list[str], piece: str, joined: int | None):
        """Each way of placing the piece: the column and the new columns."""
        alone = _header_state(piece)
        for index, column in enumerate(columns):
            if _header_state(column) == "partial" and _header_state(column + piece) is not None:
                yield index, columns[:index] + [column + piece] + columns[index + 1 :]
        if alone is not None and joined is not None:
            # A printed line of the header's second lines goes on left to
            # right: after 2025 + 年目标, 类型 goes on 指标 (指标类型).
            for index in range(joined + 1, len(columns)):
                if _header_state(columns[index]) == "complete" and _header_state(columns[index] + piece) == "complete":
                    yield index, columns[:index] + [columns[index] + piece] + columns[index + 1 :]
        if alone is None:
            for index, column in enumerate(columns):
                if _header_state(column) == "complete" and _lengthens(column, piece):
                    yield index, columns[:index] + [column + piece] + columns[index + 1 :]
            orphan = _orphan_header(piece)
            scan = _HeaderScan(list(columns))
            if orphan is not None and not scan.has_role(classify_header(orphan)):
                at = scan.name_index() if scan.name_index() is not None else len(columns)
                yield None, columns[:at] + [orphan] + columns[at:]
        else:
            yield None, columns + [piece]

    def search(index: int, columns: list[str], joined: int | None) -> list[str] | None:
        nonlocal trials
        trials += 1
        if trials > _HEADER_TRIALS:
            return None
        if index == len(pieces):
            return _two_level(columns) if complete(_two_level(columns)) else None
        for column, way in ways(columns, pieces[index], joined):
            found = search(index + 1, way, column)
            if found is not None:
                return found
        return None

    return search(0, [], None)


def _ends_header(scan: _HeaderScan, text: str, header: list[str] | None) -> bool:
    """In a table without attribute cells the header ends at the first value
    once it has a name and a value column, all complete."""
    if header is not None:
        return is_value(text) and not table_rules().sequence_number.match(remove_spaces(text))
    if not is_value(text) or table_rules().sequence_number.match(remove_spaces(text)):
        return False
    arranged = _HeaderScan(_arrange_header(scan.pieces) or scan.columns)
    return arranged.name_index() is not None and arranged.has_values() and arranged.complete()


def _late_header_line(scan: _HeaderScan, text: str, header: list[str] | None) -> bool:
    """A line of the header printed after the first row's cells: it ends a
    column still begun (号 under 序), or it is the whole header of a column
    the page's header lacks (属性)."""
    if is_value(text) or remove_spaces(text) in table_rules().attributes:
        return False
    orphan = _orphan_header(text)
    if orphan is not None and header is not None and not any(classify_header(column) == classify_header(orphan) for column in header):
        return False
    if scan.place(text, continuation_only=True):
        return True
    role = classify_header(remove_spaces(text))
    if _header_state(text) != "complete" or role is None or role[0] != "column" or scan.has_role(role):
        return False
    if header is not None and not any(classify_header(column) == role for column in header):
        return False
    scan.columns.append(remove_spaces(text))
    return True


# ------------------------------------------------- one cell per line: cells


@dataclass(frozen=True)
class _StreamPlan:
    """The header's columns: the name's, those left of it (a sequence column,
    category columns: row groups) and the kinds of those right of it."""

    headers: list[str]
    name: int
    sequence: int | None
    # The kind of each column right of the name: unit, value, attribute, status or other.
    slots: list[str]

    @property
    def has_categories(self) -> bool:
        """Are there category columns left of the name (类别), whose cells a
        dump may print right after a row number?"""
        return any(index != self.sequence for index in range(self.name))

    def output_columns(self, numbered: bool) -> list[str]:
        return output_columns(self.headers, self.name, self.sequence, numbered)


_SLOT_KINDS = {"unit": "unit", "attribute": "attribute", "status": "status"}


def _stream_plan(headers: list[str]) -> _StreamPlan | None:
    roles = classify_headers(headers)
    values = [index for index, role in enumerate(roles) if role is not None and role[0] == "value"]
    # Of several name columns (levels of an indicator system, 二级指标 三级指标,
    # or 指标 printed under a level that went into the caption), the last
    # before the values is the name; the others group the rows.
    names = [index for index, role in enumerate(roles) if role == ("column", "name", None) and values and index < values[0]]
    if not names:
        return None
    name = names[-1]
    sequences = [index for index in range(name) if roles[index] == ("column", "seq", None)]
    slots = []
    for role in roles[name + 1 :]:
        if role is not None and role[0] == "value":
            slots.append("value")
        else:
            slots.append(_SLOT_KINDS.get(role[1], "other") if role is not None else "other")
    return _StreamPlan(list(headers), name, sequences[0] if sequences else None, slots)


@dataclass(eq=False)
class _Cell:
    """A cell of the body: its printed lines, where it starts and ends among
    the body's lines."""

    kind: str  # seq, text, unit, value, attr, status
    lines: list[str]
    start: int
    end: int
    page: int
    row: "_Values | None" = None
    # A text cell: the row number from which on it takes no more lines (a
    # later row's number printed after it: its lines are above that row's).
    sealed_at: int | None = None
    # A footnote marker printed on a line of its own that went on it.
    marker: str = ""

    @property
    def text(self) -> str:
        return join_lines(self.lines + [self.marker])

    def add(self, index: int, text: str) -> None:
        self.lines.append(text)
        self.end = index


@dataclass(eq=False)
class _Values:
    """The cells of one row right of its name, a slot per column."""

    slots: list[_Cell | None]
    start: int
    last: int = -1  # the last slot filled
    closed: bool = False

    def free(self, kinds: list[str], kind: str) -> int | None:
        for index in range(self.last + 1, len(kinds)):
            if kinds[index] == kind:
                return index
        return None

    def filled(self, kinds: list[str], kind: str) -> list[_Cell]:
        return [cell for cell, slot in zip(self.slots, kinds) if slot == kind and cell is not None]

    def unit_only(self, kinds: list[str]) -> bool:
        return all(cell is None or slot == "unit" for cell, slot in zip(self.slots, kinds))


# The narrowest piece a wrapped line can begin with: a character with the
# brackets and marks that cannot be parted from it (（%）, （达, 例）), or a
# run of Latin letters and digits (PM2.5).
_FIRST_UNIT = regex.compile(r"^[（(\[〔【“‘《]*(?:[A-Za-z0-9.%]+|.)[）)\]〕】”’》，。、：；％%]*")
# A short name in Latin letters and digits (NO2, CO, PM10): a whole name
# when values follow it, not the end of a cell.
_LATIN_NAME = regex.compile(r"[A-Za-z]+[0-9]*(?:\.[0-9]+)?")
# How many row numbers a dump may leave out before the next one it prints
# (numbers that went into the header or the caption, rows without one).
_NUMBERS_SKIPPED = 4
# The widest category cell, in ems, that reads as such when it might be a
# name whose values the dump printed elsewhere (生态保护, 应对气候变化).
_CATEGORY_EMS = 6


class _StreamReader:
    """Reads the body of a cell-per-line region into cells and rows."""

    def __init__(self, plan: _StreamPlan, body: list[_Fragment]):
        self.plan = plan
        self.body = body
        self.kinds = [self._kind(fragment.text) for fragment in body]
        texts = [remove_spaces(fragment.text) for fragment, kind in zip(body, self.kinds) if kind == "text"]
        # The width of the name column: its widest line.
        self.width = max((text_ems(text) for text in texts), default=0.0)
        self.cells: list[_Cell] = []
        self.values: list[_Values] = []
        self.current: _Values | None = None
        self.open: list[_Cell] = []  # cells whose text is only begun (〔, 微克/立, 完成省下达, …（达到或好于)
        self.expected = 1
        self.last_number = 0
        # Values whose attribute the dump may print after the next row number.
        self.awaiting: _Values | None = None
        self.numbered = plan.sequence is not None

    # -- typing

    def _kind(self, text: str) -> str:
        rules = table_rules()
        bare = remove_spaces(text)
        if bare in rules.attributes:
            return "attr"
        if rules.sequence_number.fullmatch(bare):
            return "number"
        if is_value(text) or _value_state(text) == "complete":
            return "value"
        if _value_state(text) == "partial" and (_cell_line_rules().value_start.match(bare) or not _is_short(text)):
            # a value only begun: 〔, 3.5 左, 完成省下达, 不低于国家下 (but 低, 降:
            # the ends of cells)
            return "value"
        if "unit" in self.plan.slots and _unit_state(text) is not None:
            return "unit"
        return "text"

    def _begun(self, cell: _Cell) -> bool:
        """Is the cell's text only begun, so that a later line must end it?"""
        text = remove_spaces(cell.text)
        if cell.kind == "value":
            return not is_value(cell.text) and _value_state(cell.text) == "partial"
        if cell.kind == "unit":
            return _unit_state(text) == "partial"
        if cell.kind == "text":
            return unclosed_bracket(text) or bool(table_rules().runs_on.search(text))
        if cell.kind == "attr":
            # 约束 / 性: the short form, or the attribute wrapped
            return any(word.startswith(text) and word != text for word in table_rules().attributes)
        return False

    # -- the pass

    def run(self) -> None:
        for index, fragment in enumerate(self.body):
            self._take(index, fragment)
        self._close()

    def _take(self, index: int, fragment: _Fragment) -> None:
        """Put one line in its cell.  In order: an attribute ends the open row's
        values (or the values a row number interrupted); a row number; a
        footnote marker printed apart; the end of a cell left begun (or of a
        category, two short lines in a row); a unit or a value fills the open
        row's values; a text line goes on the text line above when that is
        full, fills a value (稳中向好) or the status column, goes on a cell
        printed earlier (``_text_target``), or opens a text cell."""
        text, kind = fragment.text.strip(), self.kinds[index]
        if kind == "attr":
            if (self.current is None or self.current.closed) and self.awaiting is not None:
                self.current, self.awaiting = self.awaiting, None
                self.current.closed = False
            self._put(index, fragment, "attr")
            return
        if kind == "number" and self.plan.sequence is not None and self._is_sequence(index):
            values = self.current
            if values is not None and values.free(self.plan.slots, "value") is None and values.free(self.plan.slots, "attribute") is not None:
                self.awaiting = values  # its attribute may come after the number
            self._close()
            self.cells.append(_Cell("seq", [text], index, index, fragment.page))
            self.expected = int(remove_spaces(text)) + 1
            self.last_number = self.expected - 1
            return
        if self._value_marker(index, text):
            previous = self.current.slots[self.current.last]
            previous.lines[-1] += remove_spaces(text)
            return
        if kind == "number" and self._is_marker(index):
            name = next((cell for cell in reversed(self.cells) if self._may_be_name(cell) and not cell.marker), None)
            if name is not None:
                name.marker = remove_spaces(text)
                return
        target = self._shared_line_target(index, text) or self._begun_target(text, kind, fragment.page)
        if target is not None:
            self._continue(target, index, text)
            return
        if kind == "unit":
            self._put(index, fragment, "unit")
            return
        if kind in ("value", "number"):
            self._put(index, fragment, "value")
            return
        target = self._wrapped_from_above(index, text)
        if target is not None:
            self._continue(target, index, text)
            return
        if self._takes_text_value(index, text):
            self._put(index, fragment, "value")
            return
        if self._takes_status(text):
            self._put(index, fragment, "status")
            return
        target = self._text_target(index, text)
        if target is not None:
            self._continue(target, index, text)
            return
        if not _is_short(text):
            self._close()  # a name: the row's values are over (a short line is the end of some cell)
        cell = _Cell("text", [text], index, index, fragment.page)
        previous = self.cells[-1] if self.cells else None
        if previous is not None and previous.kind == "seq":
            cell.sealed_at = int(remove_spaces(previous.text)) + 1
        elif self.plan.sequence is not None:
            cell.sealed_at = self.expected + 1
        self.cells.append(cell)
        if self._begun(cell):
            self.open.append(cell)

    def _continue(self, cell: _Cell, index: int, text: str) -> None:
        values = self.current
        if cell.kind == "text" and values is not None and values.unit_only(self.plan.slots) and self._next_start(cell) == values.start:
            # a name, its unit, then the name's next line: the unit's values
            # are not printed with it (they would come before the lower line)
            self._close()
        cell.add(index, text)
        if cell in self.open and not self._begun(cell):
            self.open.remove(cell)
        elif cell not in self.open and self._begun(cell):
            self.open.append(cell)

    def _begun_target(self, text: str, kind: str, page: int) -> _Cell | None:
        """The begun cell the line ends (〔 + 2.4〕, 微克/立 + 方米, 完成省下达 +
        任务, …（达到或好于 + III 类）比例): the latest one on the page it fits."""
        for cell in reversed(self.open):
            if cell.page != page:
                continue
            joined = cell.text + normalize_text(text)
            if cell.kind == "value":
                state = None if kind == "attr" else _value_state(joined)
                alone = is_value(text) or _value_state(text) == "complete"
                if state == "complete" or (state == "partial" and not alone):
                    return cell
            elif cell.kind == "unit":
                state = _unit_state(joined)
                if state == "complete" or (state == "partial" and _unit_state(text) is None):
                    return cell
            elif cell.kind == "text" and kind == "text" and not stands_alone(cell.lines[-1], text):
                # A name its row's values followed takes only the line that
                # closes its bracket (…年均浓度（微 / 19 / ≤18 / 克/立方米）),
                # not the next row's name (森林覆盖率（按 / % / 30 / … / 草原…).
                if not self._followed_by_values(cell) or any(bracket in text for bracket in _CLOSE_BRACKETS):
                    return cell
            elif cell.kind == "attr" and remove_spaces(joined) in table_rules().attributes:
                return cell
        return None

    def _wraps(self, line: str, below: str) -> bool:
        """Would the first piece of ``below`` have overfilled ``line``, so
        that ``below`` is the next line of its cell?  A line closed by its
        unit or a footnote marker (…比例（%）, …比例 1) ends its cell."""
        first = _FIRST_UNIT.match(remove_spaces(below))
        if first is None or _closes_cell(line):
            return False
        return text_ems(remove_spaces(line)) + text_ems(first.group()) > self.width

    def _text_target(self, index: int, text: str) -> _Cell | None:
        """The text cell a text line printed apart from it goes on, if any.

        Not when the line is a row's name (``_names_row``), follows a text
        line that is not full, or is a category cell after a row number.
        Else a name whose full last line waits for its next line, which the
        dump printed later (…覆盖农 / … / 村人口比例): the name of the row whose
        values were printed last (its next line is below them), else the
        first one waiting.  Else a line of one or two characters goes on the
        last text cell that no values followed: a category (生态保 / 森林覆盖率
        / … / 护)."""
        if starts_numbered(text) or _sub_row(text) or table_rules().footnote_marker.match(remove_spaces(text)):
            return None
        page = self.body[index].page
        texts = [cell for cell in self.cells if cell.kind == "text" and cell.page == page]
        previous = self._text_above(index)
        if self._names_row(index):
            return None
        short = _is_short(text)
        if previous is not None and not short and remove_spaces(text)[:1] not in _OPEN_BRACKETS:
            return None  # after a line that is not full a line starts a cell, unless it can only go on one
        if not short and self._category_by_number(index, text):
            return None
        if not short and self._after_number(index) and self._nameless_values(page):
            return None  # values printed before any name wait for it: the line after a row number opens it
        waiting = [
            cell
            for cell in texts
            if cell is not previous
            and not (cell.sealed_at is not None and self.last_number >= cell.sealed_at)
            and self._wraps(cell.lines[-1], text)
        ]
        # The name of the row whose values were printed last first (its next
        # line is below them), else the first name still waiting.
        latest = self.values[-1] if self.values else None
        for cell in waiting:
            if latest is not None and self._next_start(cell) == latest.start and latest.start > cell.start:
                return cell
        if waiting:
            return waiting[0]
        if short:
            return self._category_before(index, rows_between=1)
        return None

    def _value_marker(self, index: int, text: str) -> bool:
        """A footnote marker in square brackets printed on a line of its own
        after a number (≥58 / [2]): the number's, as ≥76[1] is.  Not after a
        dash (— / [18] is a cumulative value)."""
        values = self.current
        if values is None or values.closed or values.last < 0 or not _BRACKET_MARKER.fullmatch(remove_spaces(text)):
            return False
        previous = values.slots[values.last]
        return previous is not None and previous.end == index - 1 and parse_cell_value(previous.text).value is not None

    def _is_marker(self, index: int) -> bool:
        """A footnote marker printed on a line of its own (a raised 1 after
        a name): one digit, not a row number, with a text after it and no
        row's values waiting for it (个 / 1 / 5 are values)."""
        text = remove_spaces(self.body[index].text)
        if not table_rules().footnote_marker.match(text) or index + 1 >= len(self.body):
            return False
        if self.kinds[index + 1] != "text" or _value_state(self.body[index + 1].text) is not None:
            return False
        values = self.current
        if values is None or values.closed:
            return True
        printed = [cell for cell in values.slots if cell is not None]
        return all(cell.kind == "unit" for cell in printed)

    def _may_be_name(self, cell: _Cell) -> bool:
        """A text cell that may be a row's name: not a category cell (one that
        neither values followed nor a row number preceded)."""
        if cell.kind != "text":
            return False
        previous = next((other for other in reversed(self.cells) if other.end < cell.start), None)
        after_number = previous is not None and previous.kind == "seq" and not self.plan.has_categories
        return after_number or self._followed_by_values(cell) or text_ems(remove_spaces(cell.text)) > _CATEGORY_EMS

    def _category_by_number(self, index: int, text: str) -> bool:
        """A text right after a row number, no wider than the category cells
        so far, is the category cell of that row (5 / 污染减排), not the next
        line of a name printed late (3 / 村人口比例, under …覆盖农)."""
        if not self.plan.has_categories or not self.cells or self.cells[-1].kind != "seq":
            return False
        if self.cells[-1].end != index - 1:
            return False
        widths = [
            text_ems(remove_spaces(line))
            for cell in self.cells
            if cell.kind == "text" and not self._followed_by_values(cell) and text_ems(remove_spaces(cell.lines[0])) <= _CATEGORY_EMS
            for line in cell.lines
        ]
        return bool(widths) and text_ems(remove_spaces(text)) <= max(widths)

    def _after_number(self, index: int) -> bool:
        """Is the line right after a row number?"""
        return bool(self.cells) and self.cells[-1].kind == "seq" and self.cells[-1].end == index - 1

    def _nameless_values(self, page: int) -> bool:
        """Were values printed on the page before any text cell, so that the
        names of their rows come later (a page's first rows printed values
        first, under the header printed again)?"""
        texts = [cell.start for cell in self.cells if cell.kind == "text" and cell.page == page]
        first_text = min(texts, default=len(self.body))
        return any(self.body[values.start].page == page and values.start < first_text for values in self.values)

    def _text_above(self, index: int) -> _Cell | None:
        """The text cell whose last line is the line above."""
        return next((cell for cell in self.cells if cell.kind == "text" and cell.end == index - 1), None)

    def _wrapped_from_above(self, index: int, text: str) -> _Cell | None:
        """The text cell of the line above, when that line is full and the
        line goes on it."""
        if starts_numbered(text) or _sub_row(text) or table_rules().footnote_marker.match(remove_spaces(text)):
            return None
        previous = self._text_above(index)
        if previous is not None and previous.page == self.body[index].page and self._wraps(previous.lines[-1], text):
            return previous
        return None

    def _category_before(self, index: int, rows_between: int | None = None) -> _Cell | None:
        """The last text cell on the page before ``index`` that no values
        followed: a category cell, whose next line a short line may be; with
        at most ``rows_between`` row numbers printed since, if given."""
        page = self.body[index].page
        numbers = 0
        for cell in reversed(self.cells):
            if cell.kind == "seq" and cell.start < index:
                numbers += 1
                if rows_between is not None and numbers > rows_between:
                    return None
            narrow = text_ems(remove_spaces(cell.lines[0])) <= _CATEGORY_EMS
            if cell.kind == "text" and narrow and cell.page == page and cell.start < index and not self._followed_by_values(cell):
                previous = next((other for other in reversed(self.cells) if other.end < cell.start), None)
                if not (previous is not None and previous.kind == "seq" and not self.plan.has_categories):
                    return cell
        return None

    def _shared_line_target(self, index: int, text: str) -> _Cell | None:
        """A short line followed by a line that can only go on a cell (short
        too, or opening with a bracket) are the ends of two cells on one
        printed line, left to right (污染减 / 排 and …总量下 / 降; 环境质 / 量 and
        …细颗粒物 / （PM2.5）平均浓度): the first ends a category cell, left of
        the others."""
        following = index + 1
        if not (_is_short(text) and following < len(self.body) and self.kinds[index] == "text"):
            return None
        if self.kinds[following] != "text" or self.body[index].broken:
            return None
        below = remove_spaces(self.body[following].text)
        if not (_is_short(below) or below[:1] in _OPEN_BRACKETS):
            return None
        return self._category_before(index)

    def _names_row(self, index: int, before_attribute: bool = True) -> bool:
        """A text line followed by a unit, a value or an attribute (not
        counted with ``before_attribute`` false: a value in words may come
        right before it) is the name of their row, whatever cell above waits
        for its next line; so
        is a text line right after a row number where no category column
        stands between them, unless another number follows (3 / 村人口比例 /
        4: the numbers of rows printed apart from their names)."""
        if _is_short(self.body[index].text) and not _LATIN_NAME.fullmatch(remove_spaces(self.body[index].text)):
            return False  # one or two characters: the end of a cell, not a name
        # Past the lines it wraps onto (氮氧化物重点工程减排 / 量 / 万吨 …).
        line, later = self.body[index].text, index + 1
        while (
            later < len(self.body)
            and not self.body[later - 1].broken
            and self.kinds[later] == "text"
            and self._wraps(line, self.body[later].text)
        ):
            line, later = self.body[later].text, later + 1
        following = later < len(self.body) and not self.body[later - 1].broken
        kinds = ("unit", "value", "number", "attr") if before_attribute else ("unit", "value", "number")
        if following and self.kinds[later] in kinds:
            return not (self.kinds[later] == "number" and self._is_sequence_after(later))
        after_number = index > 0 and any(cell.kind == "seq" and cell.end == index - 1 for cell in self.cells)
        return after_number and not self.plan.has_categories

    def _followed_by_values(self, cell: _Cell) -> bool:
        """Did values (a unit, a value) follow the cell in the dump?"""
        return any(values.start > cell.end and values.start == self._next_start(cell) for values in self.values)

    def _next_start(self, cell: _Cell) -> int:
        """Where the next cell after ``cell`` starts, tails aside."""
        starts = [other.start for other in self.cells if other.start > cell.end]
        starts += [values.start for values in self.values if values.start > cell.end]
        return min(starts, default=len(self.body))

    def _takes_text_value(self, index: int, text: str) -> bool:
        """Does a text line fill a value slot of the open row (稳中向好,
        完成国家下达任务)?  A line that reads as a value cell does; another
        only in a row begun with a value or a dash, when it is no name of a
        row and no end of a cell (one or two characters, （EQI）)."""
        values = self.current
        if values is None or values.closed:
            return False
        if values.free(self.plan.slots, "value") is None:
            self._dash_to_unit(values)
        if values.free(self.plan.slots, "value") is None or starts_numbered(text) or _sub_row(text) or _group_label(text):
            return False
        if remove_spaces(text)[:1] in _OPEN_BRACKETS:  # （EQI）, （PM2.5）: the end of a name
            return False
        if _value_state(text) is not None:
            return True
        printed = any(cell.kind == "value" for cell in values.slots if cell is not None)
        return printed and not _is_short(text) and not self._names_row(index, before_attribute=False)

    def _takes_status(self, text: str) -> bool:
        """Does a text fill the open row's status or other column after its
        values (完成, 必选)?"""
        values = self.current
        if values is None or values.closed or values.free(self.plan.slots, "value") is not None or _group_label(text):
            return False
        return values.free(self.plan.slots, "status") is not None or values.free(self.plan.slots, "other") is not None

    def _is_sequence_after(self, index: int) -> bool:
        """Would the number at ``index`` be the row number after the last one?"""
        return remove_spaces(self.body[index].text) == str(self.expected)

    def _is_sequence(self, index: int) -> bool:
        """Is the number the next row number?  It is the one expected (or a
        few more, when some went into the header or the caption), and the
        numbers after it counting on end at a text (3 / 村人口比例, 4 / 5 /
        供水能), not at a value (6 / 7 / 9 / 预期性) — or at a unit opening a
        row's values, or at the attribute of the row above, whose values are
        all printed (4 / 约束性)."""
        number = int(remove_spaces(self.body[index].text))
        if number < self.expected or number > self.expected + _NUMBERS_SKIPPED:
            return False  # a footnote marker, or a value
        if self.body[index].broken:
            return number == self.expected  # the header stood between it and the line after it
        values = self.current
        if number > self.expected and values is not None and not values.closed and values.free(self.plan.slots, "value") is not None:
            return False  # a value of the open row; only the next number may interrupt it
        later = index + 1
        while later < len(self.body) and self.kinds[later] == "number" and int(remove_spaces(self.body[later].text)) == number + later - index:
            later += 1
        if later >= len(self.body):
            return False
        values = self.current
        if self.kinds[later] == "unit":
            # 3 / 微克/立: a unit opens the values of a row, after its name
            return values is None or values.closed
        if self.kinds[later] == "attr":
            # 4 / 约束性: the attribute of the row above, whose values are all printed
            return values is not None and values.free(self.plan.slots, "value") is None
        return self.kinds[later] == "text"

    def _put(self, index: int, fragment: _Fragment, kind: str) -> None:
        """Fill the open row's next slot of this kind, or open a row."""
        slots = self.plan.slots
        slot_kind = {"attr": "attribute"}.get(kind, kind)
        values = self.current
        if kind == "status" and values is not None and values.free(slots, "status") is None:
            slot_kind = "other"
        if values is not None and values.free(slots, slot_kind) is None and slot_kind == "value":
            # a dash in the unit column read as a first value: one value too many
            if self._dash_to_unit(values):
                values.closed = False
        if values is None or values.closed or values.free(slots, slot_kind) is None:
            self._close()
            values = _Values([None] * len(slots), index)
            self.values.append(values)
            self.current = values
            self.awaiting = None
        slot = values.free(slots, slot_kind)
        cell = _Cell(kind, [fragment.text.strip()], index, index, fragment.page, values)
        self.cells.append(cell)

        if slot is None:
            return  # an attribute in a table without an attribute column
        values.slots[slot] = cell
        values.last = slot
        if self._begun(cell):
            self.open.append(cell)
        if slot == len(slots) - 1:
            values.closed = True

    def _dash_to_unit(self, values: _Values) -> bool:
        """A dash printed in the unit column reads as a first value: when
        one value too many comes, the dash moves to the unit's slot."""
        slots = self.plan.slots
        units = [index for index, kind in enumerate(slots) if kind == "unit" and values.slots[index] is None]
        filled = [index for index, kind in enumerate(slots) if kind == "value"]
        if not units or not filled or units[0] > filled[0]:
            return False
        first = values.slots[filled[0]]
        if first is None or first.text not in table_rules().empty_cells:
            return False
        values.slots[units[0]] = first
        moved = [values.slots[index] for index in filled[1:]] + [None]
        for index, cell in zip(filled, moved):
            values.slots[index] = cell
        values.last = max((index for index, cell in enumerate(values.slots) if cell is not None), default=-1)
        return True

    def _close(self) -> None:
        if self.current is not None:
            self.current.closed = True
            self._lone_dash_to_unit(self.current)
        self.current = None

    def _lone_dash_to_unit(self, values: _Values) -> None:
        """A dash alone after a name is its unit cell (the unit column comes
        first): the row's values the dump printed elsewhere."""
        slots = self.plan.slots
        printed = [index for index, cell in enumerate(values.slots) if cell is not None]
        units = [index for index, kind in enumerate(slots) if kind == "unit"]
        if len(printed) == 1 and units and slots[printed[0]] == "value":
            cell = values.slots[printed[0]]
            if cell.text in table_rules().empty_cells and values.slots[units[0]] is None:
                values.slots[units[0]], values.slots[printed[0]] = cell, None

    # -- rows

    def rows(self) -> list[RawRow]:
        """The rows, in the order of their values (a row's values may be
        printed before its name).

        A text cell followed by values is the name of their row.  The names
        left without values (or with a unit only, or without their last
        cells) and the values left over are paired in order, as they fit
        best (``_fit``); units left alone go to the rows lacking one.  Texts
        that are no name are category cells: the rows' groups."""
        slots = self.plan.slots
        texts = [cell for cell in self.cells if cell.kind == "text"]
        items = sorted(
            [(cell.start, 0, cell) for cell in self.cells if cell.kind in ("text", "seq")]
            + [(values.start, 1, values) for values in self.values],
            key=lambda item: item[0],
        )
        paired: dict[int, list[_Values]] = {}
        used: set[int] = set()
        # A name and the values right after it.
        for position, (_, kind, thing) in enumerate(items[:-1]):
            following = items[position + 1][2]
            if kind == 0 and thing.kind == "text" and isinstance(following, _Values) and id(following) not in used:
                if self.body[following.start - 1].broken or self.body[following.start].page != thing.page:
                    continue  # the header printed again stood between them
                paired[id(thing)] = [following]
                used.add(id(following))
        before = {id(items[position + 1][2]): thing for position, (_, _, thing) in enumerate(items[:-1])}
        # Names left without values, and names with only their unit, take
        # the values left over in order.
        waiting = [cell for cell in texts if id(cell) not in paired or self._lacks(paired[id(cell)])]
        left = [values for values in self.values if id(values) not in used and not values.unit_only(slots)]
        for cell, values in _align(waiting, left, lambda cell, values: self._fit(cell, values, paired, before)):
            own = paired.get(id(cell))
            if own is not None and not own[0].unit_only(slots):
                values = self._placed(own, values)
            paired.setdefault(id(cell), []).append(values)
        self._give_units(texts, paired, used)
        names = [cell for cell in texts if id(cell) in paired or self._strong(cell, before)]
        rows = sorted(names, key=lambda cell: self._row_start(cell, paired))
        categories = [cell for cell in texts if cell not in names]
        numbers = self._numbers(rows, before)
        groups = self._groups(names, categories, numbers)
        for above, cell in zip(rows, rows[1:]):
            # A part of the row above (其中：长江流域, and 黄河流域 unnumbered in
            # a numbered table) is in its groups, wherever its name was printed.
            if _sub_row(cell.text) or (self.numbered and numbers and id(cell) not in numbers):
                groups[id(cell)] = groups[id(above)]
        result = []
        for cell in rows:
            values = paired.get(id(cell), [])
            texts_of = [""] * len(slots)
            for part in values:
                for index, slot in enumerate(part.slots):
                    if slot is not None and not texts_of[index]:
                        texts_of[index] = normalize_text(slot.text) if slot.kind == "attr" else slot.text
            lead = [numbers[id(cell)].text if id(cell) in numbers else ""] if self.numbered else []
            result.append(RawRow(cells=lead + [cell.text] + texts_of, groups=groups[id(cell)], page=cell.page))
        return result

    def _lacks(self, values: list[_Values]) -> bool:
        """Does a row lack its values (a unit only), or its last cells, which
        another run of its values may hold?"""
        if values[0].unit_only(self.plan.slots):
            return True
        return bool(self._trailing(values))

    def _trailing(self, values: list[_Values]) -> list[int]:
        """The slots after the last one a row's values fill."""
        filled = [index for part in values for index, cell in enumerate(part.slots) if cell is not None]
        return list(range(max(filled, default=-1) + 1, len(self.plan.slots)))

    def _placement(self, own: list[_Values], values: _Values) -> list[tuple[int, _Cell]] | None:
        """Where a run of values printed apart goes in a row whose last slots
        are empty: its cells in order, into the last of them (45 / 完成 into
        2020年完成 and 完成情况), each in a slot of its kind."""
        slots = self.plan.slots
        cells = [cell for cell in values.slots if cell is not None]
        empty = self._trailing(own)
        if not cells or len(cells) > len(empty):
            return None
        placed = list(zip(empty[len(empty) - len(cells) :], cells))
        fits = {"unit": ("unit",), "value": ("value",), "attr": ("attribute",), "status": ("status", "other")}
        for slot, cell in placed:
            kinds = fits.get(cell.kind, ())
            if slots[slot] not in kinds and not (cell.kind == "value" and slots[slot] in ("status", "other") and not is_value(cell.text)):
                return None
        return placed

    def _placed(self, own: list[_Values], values: _Values) -> _Values:
        """The values printed apart, in the slots ``_placement`` gives them."""
        placed = _Values([None] * len(self.plan.slots), values.start, closed=True)
        for slot, cell in self._placement(own, values) or []:
            placed.slots[slot] = cell
        return placed

    def _give_units(self, texts: list[_Cell], paired, used: set[int]) -> None:
        """Units printed alone, after no name (a unit cell of two lines the
        dump put after the next row's number): in order, to the rows whose
        values lack a unit."""
        slots = self.plan.slots
        if "unit" not in slots:
            return
        units = [values for values in self.values if id(values) not in used and values.unit_only(slots)]
        lacking = [
            (min(values.start for values in paired[id(cell)]), cell)
            for cell in texts
            if id(cell) in paired and not any(values.filled(slots, "unit") for values in paired[id(cell)])
        ]
        for (_, cell), unit in zip(sorted(lacking, key=lambda item: item[0]), units):
            paired[id(cell)].append(unit)
            used.add(id(unit))

    def _strong(self, cell: _Cell, before: dict[int, object]) -> bool:
        """A name even without values: a 其中 part, or a text after a row
        number where no category column stands between number and name."""
        previous = before.get(id(cell))
        after_number = isinstance(previous, _Cell) and previous.kind == "seq"
        return _sub_row(cell.text) or (after_number and not self.plan.has_categories)

    def _fit(self, cell: _Cell, values: _Values, paired, before) -> float:
        """How well a name left over takes values left over: a name with its
        unit only best, a numbered name or a 其中 part next, another text
        least; never a unit twice."""
        slots = self.plan.slots
        if self.body[values.start].page != cell.page:
            return 0.0
        own = paired.get(id(cell))
        if own is not None and own[0].unit_only(slots):
            return 3.0 if not values.filled(slots, "unit") else 0.0
        if own is not None:
            # values split in two: the leftover fills the slots the row lacks
            return 2.5 if self._placement(own, values) is not None else 0.0
        if _group_label(cell.text):
            return 0.0
        if self._strong(cell, before):
            return 2.0
        # Other texts by their width: a category cell is narrow, a name wide.
        return 1.5 if text_ems(remove_spaces(cell.text)) > _CATEGORY_EMS else 0.5

    def _row_start(self, cell: _Cell, paired) -> int:
        """Where a row stands: where its values start (a row's values may be
        printed before its name), or its name."""
        starts = [values.start for values in paired.get(id(cell), []) if not values.unit_only(self.plan.slots)]
        return min(starts) if starts else cell.start

    def _groups(self, names: list[_Cell], categories: list[_Cell], numbers: dict[int, _Cell]) -> dict[int, list[str]]:
        """Each row's groups: the category cells printed before its name,
        each at the level its numbering gives it.  A row whose number the
        dump printed after the rows (5 / 污染减排 / 6 / 7 / 应对气候变化 …)
        stands where its number does, and a category right after the number
        is its own."""
        starts = sorted(cell.start for cell in self.cells)

        def place(cell: _Cell) -> float:
            if cell in categories:
                return cell.start
            number = numbers.get(id(cell))
            if number is None or number.start < cell.start:
                return cell.start
            following = next((start for start in starts if start > number.start), None)
            own = next((category for category in categories if category.start == following), None)
            return own.start + 0.5 if own is not None else number.start + 0.5

        groups: dict[int, list[str]] = {}
        carried: list[str] = []
        for cell in sorted(names + categories, key=place):
            if cell in categories:
                carried = place_groups(carried, [cell.text])
            else:
                groups[id(cell)] = list(carried)
        return groups

    def _numbers(self, rows: list[_Cell], before: dict[int, object]) -> dict[int, _Cell]:
        """The row numbers: in order when there are as many as numbered rows
        (the dump may print them apart from the names), else each before its name."""
        numbers = [cell for cell in self.cells if cell.kind == "seq"]
        numbered = [cell for cell in rows if not _sub_row(cell.text)]
        if len(numbers) == len(numbered):
            return {id(cell): number for cell, number in zip(numbered, numbers)}
        found = {}
        for cell in numbered:
            previous = before.get(id(cell))
            while isinstance(previous, _Cell) and previous.kind == "text" and previous not in rows:
                previous = before.get(id(previous))  # a category cell between number and name
            if isinstance(previous, _Cell) and previous.kind == "seq":
                found[id(cell)] = previous
        return found


def _align(rows: list, values: list, fit) -> list[tuple]:
    """The pairs of rows and values, each list in order, that fit best in all
    (order kept: the i-th name left over takes values after those of the
    names before it)."""
    best = [[0.0] * (len(values) + 1) for _ in range(len(rows) + 1)]
    for i in range(1, len(rows) + 1):
        for j in range(1, len(values) + 1):
            score = fit(rows[i - 1], values[j - 1])
            best[i][j] = max(best[i - 1][j], best[i][j - 1], best[i - 1][j - 1] + score if score > 0 else 0.0)
    # Of pairings as good, the one leaving the last values over (rows and
    # values are each in order; what is missing is likelier at the end).
    pairs = []
    i, j = len(rows), len(values)
    while i > 0 and j > 0:
        score = fit(rows[i - 1], values[j - 1])
        if best[i][j] == best[i][j - 1]:
            j -= 1
        elif score > 0 and best[i][j] == best[i - 1][j - 1] + score:
            pairs.append((rows[i - 1], values[j - 1]))
            i, j = i - 1, j - 1
        else:
            i -= 1
    return pairs[::-1]


def _group_label(text: str) -> bool:
    """A text numbered in Chinese numerals (一、水资源节约集约, （二）…): the
    label of a group of rows, never a row's name."""
    return any(
        style.group == "list" and style.name.startswith("chinese") and style.pattern.match(text) for style in numbering_styles()
    )


def _is_short(text: str) -> bool:
    """A line of one or two characters: the end of a wrapped cell."""
    return text_ems(remove_spaces(text)) <= 2


def _closes_cell(line: str) -> bool:
    """A line closed by its unit in brackets or by a footnote marker after a
    space (空气质量优良天数比例 1): the end of its cell."""
    pieces = line.split()
    found = UNIT_AT_END.search(line)
    in_brackets = found is not None and _unit_state(found.group("unit")) == "complete"
    return ends_with_unit(line) or in_brackets or (len(pieces) > 1 and bool(table_rules().footnote_marker.match(pieces[-1])))


def _sub_row(text: str) -> bool:
    """A name opening with 其中: a part of the row above."""
    return bool(vocabulary_table(_compile_sub_row, "tables").match(remove_spaces(text)))


def _compile_sub_row(tables) -> regex.Pattern:
    return regex.compile(tables["sub_row_prefix"])
