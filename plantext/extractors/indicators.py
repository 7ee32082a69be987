"""Indicator rows: the interpreted view of indicator tables (主要指标).

A table is an indicator table when its header names an indicator column
(指标, 规划指标, 指标名称 …) and at least one value column (a year such as
``2025年``, or 基准值/目标值/完成值).  Each body row becomes one ``Indicator``:

- the name loses its unit in parentheses (``(%)``, ``（微克/立方米）``) and
  the footnote markers glued to it (``国控断面1水质`` → ``国控断面水质``,
  ``盖度[2]``, ``比例①``); values lose theirs too (``82.6①``, ``≥76[1]``,
  see ``plantext.cellvalue``), and so does a unit cell that a dump printed
  the name's marker over (``微克/立1方米``: a unit holds no lone digit);
- a row whose name and unit column give no unit takes the one its values
  print (``82%``, ``≥90%``), when all that print one agree;
- each value column gives a role (baseline, target, actual) and a year,
  from the header or, when the header prints no year, from the plan period
  named in the caption (``“十三五”``) or the document;
- the attribute is written as the contract has it (``约束`` → ``约束性``);
  a table without an attribute column may mark its indicators after their
  names (``平均浓度★``) and say in a note what the mark stands for
  (``注：带★的为约束性指标，其余为预期性指标。``): the mark is left out of the
  name like a footnote marker and gives the attribute (the note is no
  footnote of the rows it marks: the attributes hold what it says);
- a row printed with ``其中：`` (``其中：长江流域``) is a part of the indicator
  above it, and so are the rows without a number that follow it in a
  numbered table (``黄河流域``, ``淮河流域``): each is named as printed, without
  ``其中：``, says in ``part_of`` which indicator it is a part of, and shares
  the unit and attribute it leaves blank;
- markers of the name and the values resolve to the numbered notes under the
  table (``注：1.…2.…``, ``[1]…``, ``①…``), without the separator before
  the next one (``…计算；2.…``); an unnumbered note goes to the rows whose
  names it mentions.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from plantext.cellvalue import CellValue, footnote_marks, note_number, parse_cell_value
from plantext.extractors.tables import RawRow, RawTable, classify_header, classify_headers, is_sequence_number, transposed
from plantext.models import Indicator, Period, Value
from plantext.normalize import remove_spaces
from plantext.numbers import ARABIC_NUMBER, read_unit
from plantext.vocab import load_vocabulary, vocabulary_table


# A number printed in a value cell, which its unit may follow.
_ARABIC_NUMBER = regex.compile(ARABIC_NUMBER)

# What closes a name in brackets: its unit, or a symbol (PM2.5).
_CLOSING_BRACKETS = regex.compile(r"[（(]([^（）()]+)[）)]$")


@dataclass(frozen=True)
class ValueColumn:
    index: int
    role: str
    year: int | None


@dataclass(frozen=True)
class ColumnPlan:
    """Which column holds what, for one indicator table."""

    seq: int | None
    name: int
    unit: int | None
    attribute: int | None
    status: int | None
    values: tuple[ValueColumn, ...]


def extract_indicators(tables: list[RawTable], period: Period | None) -> list[Indicator]:
    indicators: list[Indicator] = []
    for table in tables:
        turned = transposed(table)
        if turned is not None:
            indicators.extend(read_indicator_rows(turned, plan_year_columns(turned, period)))
            continue
        plan = plan_columns(table, period)
        if plan is not None:
            indicators.extend(read_indicator_rows(table, plan))
    return indicators


# ---------------------------------------------------------------- columns


def plan_columns(table: RawTable, period: Period | None) -> ColumnPlan | None:
    roles: dict[str, int] = {}
    values: list[tuple[int, str | None, int | None]] = []
    for index, found in enumerate(classify_headers(table.columns)):
        if found is None:
            continue
        kind, role, year = found
        if kind == "value":
            values.append((index, role, year))
        elif role not in roles:
            roles[role] = index
    if "name" not in roles or not values:
        return None
    if "attribute" not in roles:
        roles.update(_attribute_by_content(table, roles))
    table_period = _period_of(table.caption) or period
    return ColumnPlan(
        seq=roles.get("seq"),
        name=roles["name"],
        unit=roles.get("unit"),
        attribute=roles.get("attribute"),
        status=roles.get("status"),
        values=tuple(assign_value_roles(values, table_period)),
    )


def plan_year_columns(table: RawTable, period: Period | None) -> ColumnPlan:
    """The columns of a transposed table turned round (``tables.transposed``):
    the names in the first, then a column per year, whose label gives its
    role as a year column's header does (2022年（基期） → baseline, 2025年目标
    → target; a bare year by its place, ``assign_value_roles``), and the
    columns a row of units or attributes became (单位, 指标属性)."""
    roles: dict[str, int] = {}
    values = []
    for index, label in enumerate(table.columns[1:], start=1):
        kind, role, year = classify_header(label)  # as tables.transposed found it
        if kind == "value":
            values.append((index, role, year))
        else:
            roles.setdefault(role, index)
    table_period = _period_of(table.caption) or period
    return ColumnPlan(
        seq=None,
        name=0,
        unit=roles.get("unit"),
        attribute=roles.get("attribute"),
        status=None,
        values=tuple(assign_value_roles(values, table_period)),
    )


def _attribute_by_content(table: RawTable, roles: dict[str, int]) -> dict[str, int]:
    """A column whose cells are all 约束性/预期性 holds the attribute, whatever
    its header says (指标类型)."""
    vocab = load_vocabulary("tables")
    attributes = set(vocab["attributes"]) | set(vocab["attribute_aliases"])
    taken = set(roles.values())
    for index in range(len(table.columns)):
        cells = [remove_spaces(row.cells[index]) for row in table.rows if row.cells[index]]
        if index not in taken - {roles.get("category")} and cells and all(cell in attributes for cell in cells):
            return {"attribute": index}
    return {}


def _period_of(caption: str | None) -> Period | None:
    from plantext.timeexpr import find_period

    years = find_period(caption or "")
    return Period(start=years[0], end=years[1]) if years else None


def assign_value_roles(values, period: Period | None) -> list[ValueColumn]:
    """Roles and years: named roles keep their role, but for an actual value
    of the plan's base year that no target of that year goes with, which is
    the baseline; missing years come from the period.  Bare years: with a plan period, years before it are baselines
    (2015年, 2020年 in a 2021–2025 plan) and later ones targets; without one,
    a bare year earliest of all the columns' is the baseline (2023年 before
    近期（2025年）| 远期（2030年）) and the others targets: a bare year after a
    named target (2025年目标 | 2030年) is a later target."""
    years = [year for _, _, year in values if year is not None]
    earliest = min(years) if years else None
    target_years = {year for _, role, year in values if role == "target"}
    columns = []
    for index, role, year in values:
        if role == "actual" and period is not None and year == period.start - 1 and year not in target_years:
            # 2020年实际 beside 2025年目标 in a 2021–2025 plan is where the
            # plan starts from; beside a 2020年目标 it reviews the last plan.
            role = "baseline"
        elif role is None and period is not None and year is not None and len(values) > 1:
            role = "baseline" if year < period.start else "target"
        elif role is None:
            role = "baseline" if (year == earliest and len(values) > 1) else "target"
        if year is None and period is not None:
            year = period.start - 1 if role == "baseline" else period.end
        columns.append(ValueColumn(index, role, year))
    named_baselines = [column for column, (_, role, _) in zip(columns, values) if role == "baseline"]
    return _later_baselines_achieved(columns, named_baselines)


def _later_baselines_achieved(columns: list[ValueColumn], named_baselines: list[ValueColumn]) -> list[ValueColumn]:
    """Of two or more columns a header names as baselines (基期值 2020年 |
    现状值 2023年 | 目标值 2025年), the earliest year's is the baseline and a
    later one before the first target year is what the plan has achieved
    since: its role is ``actual``.  现状值 alone is the baseline.  Bare years
    keep their roles: which of two past years a plan starts from is not
    printed (2020年 | 2022年 | 2025年 in a 2023–2025 plan)."""
    dated = [column for column in named_baselines if column.year is not None]
    if len(dated) < 2:
        return columns
    earliest = min(column.year for column in dated)
    first_target = min((column.year for column in columns if column.role == "target" and column.year is not None), default=None)
    achieved = {
        column.index
        for column in dated
        if column.year > earliest and (first_target is None or column.year < first_target)
    }
    return [ValueColumn(column.index, "actual", column.year) if column.index in achieved else column for column in columns]


# ---------------------------------------------------------------- rows


def read_indicator_rows(table: RawTable, plan: ColumnPlan) -> list[Indicator]:
    notes = parse_notes(table.notes)
    note_numbers = {marker for marker in notes if marker is not None}
    legend = parse_attribute_legend(table.notes) if plan.attribute is None else AttributeLegend({}, None)
    rows: list[Indicator] = []
    whole: Indicator | None = None  # the indicator the rows of a 其中 run are parts of
    for row in table.rows:
        raw_name = row.cells[plan.name]
        if not raw_name:
            continue
        seq, raw_name = split_sequence(raw_name)
        if plan.seq is not None and is_sequence_number(row.cells[plan.seq]):
            seq = int(row.cells[plan.seq])
        whole = _whole_of(raw_name, seq, plan, rows, whole)
        name, markers = strip_markers(_sub_row_prefix().sub("", raw_name))
        name, unit = split_unit(name)
        unit_cell = row.cells[plan.unit] if plan.unit is not None else ""
        if unit_cell:
            unit_text, unit_markers = split_unit_marker(unit_cell, note_numbers)
            # A dash says only that the unit column holds none for the row:
            # a unit printed in the name (降低（%）) or after the values (4.2%)
            # still is the row's.
            unit = normalise_unit(unit_text) or _unit_as_printed(unit_text) or (unit if _is_dash(unit_text) else None)
            markers += unit_markers  # the name's marker, printed over the unit column
        cells = [parse_cell_value(row.cells[column.index], indicator_name=name, note_markers=note_numbers) for column in plan.values]
        # 82.6①, ≥76[1], and the marks a legend reads after a value too (≥92★).
        markers += [marker for cell in cells for marker in cell.markers]
        attribute = _attribute(row, plan) or legend.marked_attribute(markers)
        # What a part leaves blank is its whole's, printed once for both (a
        # merged cell in a text dump).
        if whole is not None and unit is None and not unit_cell:
            unit = whole.unit
        if whole is not None and attribute is None:
            attribute = whole.attribute
        attribute = attribute or legend.rest
        if unit is None and not unit_cell:
            unit = unit_of_values(cells) or _table_unit(table)
        elif unit is None and _is_dash(unit_cell):
            unit = unit_of_values(cells)
        rows.append(
            Indicator(
                table=table.label or "",
                category=row.groups[-1] if row.groups else None,
                category_path=list(row.groups),
                seq=seq,
                name=name,
                part_of=whole.name if whole is not None else None,
                unit=unit,
                values=[_value(cell, column) for cell, column in zip(cells, plan.values)],
                attribute=attribute,
                notes=[],
                status=(row.cells[plan.status] or None) if plan.status is not None else None,
                page=row.page,
            )
        )
        rows[-1].notes.extend(resolve_notes(list(dict.fromkeys(markers)), name, notes))
    return rows


def _whole_of(raw_name: str, seq: int | None, plan: ColumnPlan, rows: list[Indicator], whole: Indicator | None) -> Indicator | None:
    """The indicator a row is a part of, or ``None``.

    ``其中：`` opens a run of parts of the nearest row above that is no part
    itself; in a numbered table the rows without a number that follow go on
    with the run (其中：长江流域 / 黄河流域 / 淮河流域), and the next numbered
    row ends it.  Without numbers nothing but ``其中`` tells a part from an
    indicator of its own.
    """
    if _sub_row_prefix().match(raw_name):
        return next((row for row in reversed(rows) if row.part_of is None), None)
    if seq is None and plan.seq is not None:
        return whole
    return None


def _compile_sub_row_prefix(tables) -> regex.Pattern:
    return regex.compile(tables["sub_row_prefix"])


def _sub_row_prefix() -> regex.Pattern:
    return vocabulary_table(_compile_sub_row_prefix, "tables")


def _value(parsed: CellValue, column: ValueColumn) -> Value:
    return Value(
        role=column.role,
        year=column.year,
        raw=parsed.raw,
        value=parsed.value,
        comparator=parsed.comparator,
        cumulative=parsed.cumulative,
        values_list=list(parsed.values_list) if parsed.values_list is not None else None,
    )


def _attribute(row: RawRow, plan: ColumnPlan) -> str | None:
    if plan.attribute is None:
        return None
    text = remove_spaces(row.cells[plan.attribute])
    return load_vocabulary("tables")["attribute_aliases"].get(text, text) or None


def _compile_name_sequence(tables) -> regex.Pattern:
    return regex.compile(tables["name_sequence"])


def _name_sequence() -> regex.Pattern:
    return vocabulary_table(_compile_name_sequence, "tables")


def split_sequence(name: str) -> tuple[int | None, str]:
    """A number printed in front of a name: (5)化学需氧量… → 5, 1.用水总量 → 1."""
    found = _name_sequence().match(name)
    if found:
        return int(found.group("num")), name[found.end():]
    return None, name


@dataclass(frozen=True)
class _MarkerPatterns:
    # 1–2 digits glued to a name
    digits: regex.Pattern
    # numbers in square brackets, circled numbers or marks (★) closing the
    # name, or just before its closing brackets (森林覆盖率①（%）: ``tail``,
    # kept when it holds a unit)
    printed: regex.Pattern
    # one of them
    printed_one: regex.Pattern


def _compile_marker_patterns(tables) -> _MarkerPatterns:
    followers = regex.escape(tables["quantity_followers"])
    marks = footnote_marks()
    opening = regex.escape("".join(open_ for open_, _ in tables["marker_brackets"]))
    one = rf"(?:{marks.bracketed}|(?P<circled>[{regex.escape(marks.circled)}])|(?P<mark>[{regex.escape(tables['name_marks'])}]))"
    return _MarkerPatterns(
        # 1–2 digits not part of a number or a Latin symbol (PM2.5, CO2), and
        # not counting something (3个, 2020年); 第 before them makes an
        # ordinal; nor the base of a power (10⁴) or a number in square
        # brackets, which are markers only where the name ends.
        digits=regex.compile(
            rf"(?<![A-Za-z0-9.．第{opening}])([0-9]{{1,2}})(?![0-9.．%{followers}{regex.escape(tables['superscript_digits'])}])"
        ),
        # Not at the start, where a circled number is the row's list label
        # (①森林覆盖率), nor before more of the name, where it labels a
        # part of it (污水处理率：①县城②建制镇).
        printed=regex.compile(rf"(?<=\S)\s*(?P<markers>(?:\s*{one})+)\s*(?P<tail>[（(][^（()）]*[)）])?\s*$"),
        printed_one=regex.compile(one),
    )


def _marker_patterns() -> _MarkerPatterns:
    return vocabulary_table(_compile_marker_patterns, "tables")


def strip_markers(name: str) -> tuple[str, list[str]]:
    """Remove footnote markers glued to a name (digits, superscripts such as
    ¹², numbers in square brackets such as [1], circled numbers such as ①,
    marks such as ★); return the name and the markers, as note numbers
    (a mark as printed).

    A bracketed or circled number is a marker only where the name ends: at
    its very end or before its unit in brackets (森林覆盖率①（%）); followed
    by more of the name it is a label (污水处理率：①县城②建制镇).  Superscripts
    are markers as in cells (``plantext.cellvalue``: not the exponent of 10⁴)."""
    patterns = _marker_patterns()
    markers: list[str] = []
    found = patterns.printed.search(name)
    if found and (found.group("tail") is None or normalise_unit(found.group("tail")[1:-1]) is not None):
        for one in patterns.printed_one.finditer(found.group("markers")):
            markers.append(one.group("mark") or note_number(one.group("circled") or one.group("bracketed")))
        name = name[: found.start()] + (found.group("tail") or "")
    name = footnote_marks().superscript.sub(lambda superscript: note_number(superscript.group()), name)
    markers += [match.group(1) for match in patterns.digits.finditer(name)]
    return patterns.digits.sub("", name).strip(), markers


def split_unit(name: str) -> tuple[str, str | None]:
    """``森林覆盖率(%)`` → (森林覆盖率, %); symbols such as (PM2.5) or (EQI) stay."""
    found = _CLOSING_BRACKETS.search(name)
    if found:
        unit = normalise_unit(found.group(1))
        if unit is not None:
            return name[: found.start()].strip(), unit
    return name, None


def _table_unit(table: RawTable) -> str | None:
    """The unit printed once for the whole table (单位：微克/立方米), read as a
    unit cell is."""
    if table.unit is None:
        return None
    return normalise_unit(table.unit) or _unit_as_printed(table.unit)


def _unit_as_printed(cell: str) -> str | None:
    """A unit cell the units vocabulary does not know (起, 千克/人·日) is the
    unit as printed, unless it is a dash (—) or holds a digit (tables.yaml
    ``dash_cell``, ``no_unit_cell``)."""
    compact = remove_spaces(cell)
    return None if _is_dash(compact) or _no_unit_cell().fullmatch(compact) else compact


def _is_dash(cell: str) -> bool:
    """Is a unit cell a dash (—, /), the mark of a cell left empty (tables.yaml
    ``dash_cell``)?"""
    return bool(vocabulary_table(_compile_dash_cell, "tables").fullmatch(remove_spaces(cell)))


def _compile_dash_cell(tables) -> regex.Pattern:
    return regex.compile(tables["dash_cell"])


def _compile_no_unit_cell(tables) -> regex.Pattern:
    return regex.compile(tables["no_unit_cell"])


def _no_unit_cell() -> regex.Pattern:
    return vocabulary_table(_compile_no_unit_cell, "tables")


def unit_of_values(cells: list[CellValue]) -> str | None:
    """The unit a row prints only after its values (82%, ≥90%): the one every
    value printing a unit prints; None when none does or they differ."""
    units = {_printed_unit(cell.raw) for cell in cells if cell.value is not None} - {None}
    return units.pop() if len(units) == 1 else None


def _printed_unit(raw: str) -> str | None:
    """The unit printed right after a cell's last number (≥90% → %)."""
    numbers = list(_ARABIC_NUMBER.finditer(raw))
    found = read_unit(raw, numbers[-1].end()) if numbers else None
    return found.unit if found is not None else None


def split_unit_marker(text: str, note_numbers: set[str]) -> tuple[str, list[str]]:
    """A unit cell holding a footnote marker that a text dump printed apart
    from the name it follows, in the unit's column: ``微克/立1方米`` with a
    note 1 → (``微克/立方米``, ["1"]).  A unit holds no lone digit between its
    parts, so a lone digit or circled number whose removal leaves a unit,
    and that numbers a note, is the marker; any other cell is returned as it is."""
    if normalise_unit(text) is not None:
        return text, []
    for found in _lone_marker().finditer(text):
        rest = text[: found.start()] + text[found.end() :]
        number = note_number(found.group())
        if number in note_numbers and normalise_unit(rest) is not None:
            return rest, [number]
    return text, []


def _compile_lone_marker(tables) -> regex.Pattern:
    return regex.compile(rf"(?<![0-9.．])(?:[0-9]|[{regex.escape(tables['circled_digits'])}])(?![0-9.．])")


def _lone_marker() -> regex.Pattern:
    return vocabulary_table(_compile_lone_marker, "tables")


def normalise_unit(text: str) -> str | None:
    """The unit when ``text`` is wholly one (万 KW → 万千瓦), else None."""
    compact = remove_spaces(text)
    found = read_unit(compact)
    if found is None or found.start != 0 or found.end != len(compact):
        return None
    return found.unit


# ---------------------------------------------------------------- notes


def parse_notes(paragraphs: list[str]) -> dict[str | None, list[str]]:
    """Notes by marker: 注：1.…2.… → {"1": […], "2": […]}, as [1]… or ①…
    too (① → "1"); unnumbered notes, and text before a paragraph's first
    numbered one (注：〔〕内为五年累计数。①…), under None.  Notes listed as
    one sentence, each closed by a list separator (①…利用率；②…比例。), end
    with its full stop: what follows is a note numbered by none
    (〔〕内为五年累计数。), on the same line or the next.  Any other numbered
    note ends before a note of the whole table printed after it
    (①…以内。〔〕内为五年累计数。, see ``_before_general_note``)."""
    vocab = load_vocabulary("tables")
    notes: dict[str | None, list[str]] = {}
    listed = False  # the note before ends with a list separator
    for paragraph in paragraphs:
        text = regex.sub(vocab["note_prefix"], "", paragraph, count=1)
        items = list(regex.finditer(vocab["note_item"], text))
        lead = _note_text(text[: items[0].start()] if items else text)
        if lead:
            notes.setdefault(None, []).append(lead)
        rest = ""
        for item, following in zip(items, items[1:] + [None]):
            end = following.start() if following is not None else len(text)
            printed = text[item.end() : end].strip()
            if following is None and listed:
                printed, rest = _closing_sentence(printed, vocab)
            elif following is None:
                printed, rest = _before_general_note(printed, vocab)
            number = item.group("num") or note_number(item.group("circled"))
            notes.setdefault(number, []).append(_note_text(printed))
            listed = printed[-1:] in vocab["note_separators"]
        if _note_text(rest):
            notes.setdefault(None, []).append(_note_text(rest))
        if not items:
            listed = False  # a paragraph of no numbered note ends the list
    return notes


def _closing_sentence(printed: str, vocab) -> tuple[str, str]:
    """The last of notes listed as one sentence and what follows the full
    stop closing the list.  Parting it from a note after it, the stop is left
    out as a separator is (…比例。〔〕内… → …比例); closing the paragraph, it
    stays (…长度。)."""
    found = regex.search(vocab["note_list_end"], printed)
    if found is None or not printed[found.end() :].strip():
        return printed, ""
    return printed[: found.start()], printed[found.end() :]


def _before_general_note(printed: str, vocab) -> tuple[str, str]:
    """A numbered note and a note of the whole table printed after it
    (general_note: 〔〕内为五年累计数。, 带★的为约束性指标。), which no
    number points to.  The note keeps the full stop closing its sentence
    (…以内。) and loses a separator (…计；), as a note listed before another."""
    for end in regex.finditer(vocab["general_note_after"], printed):
        rest = printed[end.end() :].strip()
        if rest and _is_general_note(rest, vocab):
            return printed[: end.end()], rest
    return printed, ""


def _is_general_note(text: str, vocab) -> bool:
    sentence = regex.split(vocab["general_note_after"], text, maxsplit=1)[0]
    if regex.match(vocab["general_note"], sentence) or _legend_patterns().marked.search(sentence):
        return True
    return any(pattern.search(sentence) for pattern in vocabulary_table(_compile_mark_notes, "tables").values())


def _note_text(printed: str) -> str:
    """A note without the separator before the next note (…计算；2.…)."""
    return printed.strip().rstrip(load_vocabulary("tables")["note_separators"]).strip()


@dataclass(frozen=True)
class AttributeLegend:
    """What a note under a table without an attribute column says the marks
    after the names stand for: 带★的为约束性指标，其余为预期性指标 →
    marked {"★": "约束性"}, rest 预期性 (None when the note names no rest)."""

    marked: dict[str, str]
    rest: str | None

    def marked_attribute(self, markers: list[str]) -> str | None:
        return next((self.marked[marker] for marker in markers if marker in self.marked), None)


@dataclass(frozen=True)
class _LegendPatterns:
    marked: regex.Pattern
    rest: regex.Pattern


def _compile_legend_patterns(tables) -> _LegendPatterns:
    mark = rf"(?P<mark>[{regex.escape(tables['name_marks'])}])"
    legend = tables["attribute_legend"]
    return _LegendPatterns(marked=regex.compile(legend["marked"].replace("{mark}", mark)), rest=regex.compile(legend["rest"]))


def _legend_patterns() -> _LegendPatterns:
    return vocabulary_table(_compile_legend_patterns, "tables")


def parse_attribute_legend(paragraphs: list[str]) -> AttributeLegend:
    """The marks the notes assign an attribute to, and the attribute of the
    unmarked rows; a rest without any mark's attribute is no legend."""
    patterns = _legend_patterns()
    aliases = load_vocabulary("tables")["attribute_aliases"]
    marked: dict[str, str] = {}
    rest: str | None = None
    for paragraph in paragraphs:
        for found in patterns.marked.finditer(paragraph):
            marked.setdefault(found.group("mark"), aliases.get(found.group("attribute"), found.group("attribute")))
        found = patterns.rest.search(paragraph)
        if found and rest is None:
            rest = aliases.get(found.group("attribute"), found.group("attribute"))
    return AttributeLegend(marked, rest if marked else None)


def resolve_notes(markers: list[str], name: str, notes: dict[str | None, list[str]]) -> list[str]:
    """The notes a row points to: by its markers, notes saying what its marks
    stand for (* → 5. 带*的指标为本规划新增指标), or unnumbered notes that
    name it."""
    resolved = [note for marker in markers for note in notes.get(marker, [])]
    every_note = [note for printed in notes.values() for note in printed]
    for marker in markers:
        resolved += [note for note in every_note if explains_mark(note, marker)]
    for note in notes.get(None, []):
        if mentions(note, name):
            resolved.append(note)
    return list(dict.fromkeys(resolved))


def _compile_mark_notes(tables) -> dict[str, regex.Pattern]:
    """Each name mark's pattern of a note explaining it, matching the mark in
    either of its widths (＊ and *)."""
    marks = tables["name_marks"]
    plain = {mark: tables["mark_variants"].get(mark, mark) for mark in marks}
    patterns = {}
    for mark in marks:
        either = "".join(other for other in marks if plain[other] == plain[mark])
        patterns[mark] = regex.compile(tables["mark_note"].replace("{mark}", f"[{regex.escape(either)}]"))
    return patterns


def explains_mark(note: str, marker: str) -> bool:
    """Does the note say what the mark stands for (带*的指标为本规划新增指标)?
    An attribute legend (带★的为约束性指标) gives the rows their attribute
    instead and is no note of theirs."""
    pattern = vocabulary_table(_compile_mark_notes, "tables").get(marker)
    if pattern is None or not pattern.search(note):
        return False
    return not _legend_patterns().marked.search(note)


def mentions(note: str, name: str) -> bool:
    """Does the note name the indicator?  Printed names vary by a character
    (草原综合植被盖度 for 草原综合植被覆盖度), so a close partial match counts."""
    from rapidfuzz import fuzz

    if len(name) < 4:
        return False
    if name in note:
        return True
    return len(name) >= 6 and fuzz.partial_ratio(name, note) >= 85
