"""The value of one cell of an indicator table (表 1 主要指标), as the output contract reads it.

``parse_cell_value`` turns the printed cell into its number and comparator:

- a number, possibly with a comparator symbol or word (``≥66``, ``>85``,
  ``不低于94.6``, ``15左右``, ``约15``, ``50以上``, ``10以内``) and a unit
  (``46(ug/m3)``): ``value`` and ``comparator`` (``=`` when none is printed);
- a change stated with its verb (``下降13.5%``, ``提高2个百分点``): the
  amount of the change, as a bare or bracketed one would read (``=`` when
  no comparator is printed); the direction stays in ``raw``, as the
  output's values have no field for it, and so does the year it is
  counted from (``比2020年下降20`` → 20; targets.yaml ``comparison``, the
  prose's phrase);
- a level stated with its verb (``下降到30``, ``降至0.45``, ``提高到95``,
  ``控制在25以内``, ``达到98以上``): the level, with the comparator the words
  give as the prose reads them (``plantext.numbers.stated_comparator``: a
  word after the number, else one before it, else the verb's own:
  提高到/达到 ``>=``, 下降到/降至/控制在 ``<=``), and ``=`` where none gives one
  (``稳定在100``; the prose's default floor is for bare amounts in text);
  a verb of keeping (tables.yaml ``keeping_verbs``) reads so too:
  ``保持90以上`` → 90 ``>=``, ``保持100`` → 100 ``=``;
- a five-year cumulative value (``〔18〕``, ``[18]``, ``约〔19〕``, or any value in
  a row named ``…累计…``): ``cumulative`` is true;
- a list (``1.1、1.4、6、6``): ``value`` is ``None``, ``values_list`` holds the
  numbers, ``comparator`` is ``=``;
- an empty cell, a dash (``-``, ``—``, ``/``) or a qualitative cell (``不减少``,
  ``稳中向好``, ``Ⅱ类及以上``): ``value`` and ``comparator`` are ``None``.

Footnote markers printed after the value (``82.6①``, ``≥92²``, ``〔3.1〕③``,
``≥76[1]``), and the marks a table prints after names (``≥92★``, ``60*``,
``95▲``: tables.yaml ``name_marks``, which a note under the table may say
stand for 约束性 or 预期性), are left out of ``raw`` and the value, as the
markers after an indicator's name are left out of the name, and kept in
``markers`` for the row's notes and attribute (a mark as printed, ``★``).
A number in square brackets after a value, or a plain one
right after the closing bracket of a value (``〔0.61〕2``, a superscript that
a text dump printed on the line), is a marker only when the table has a note
of that number (``note_markers``); alone in a cell (``[18]``) a bracketed
number is a cumulative value.  Superscript digits are no marker after
a letter (``m³``, a unit's power) nor right after the base 10 of a power
(``5×10⁴``, ``10⁶``: an exponent; tables.yaml ``power_base``).
``note_number`` reads any printed marker as the number of its note (① → 1,
¹² → 12), for the names and notes of a table as for its cells.

A cell that is not wholly one of these forms counts as qualitative, so that
no number is invented: ``（18）`` (round brackets may mean a negative number),
``18[65]`` (brackets after a number, no note 65), or ``≥0稳中向好`` (two cells
run together, for the table reader to split).

The comparator words, verbs and cell markup live in
``plantext/data/comparators.yaml``, the footnote markers and marks in
``plantext/data/tables.yaml``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import regex

from plantext.normalize import normalize_text, remove_spaces
from plantext.numbers import ARABIC_NUMBER, alternation, enclosed_pattern, parse_number, read_unit, stated_comparator
from plantext.vocab import load_vocabulary, vocabulary_table

Number = int | float


@dataclass(frozen=True)
class CellValue:
    """One indicator-table cell: ``≥66`` → value 66, comparator ``>=``."""

    raw: str  # the cell text, normalised as the contract says (II 类 → Ⅱ类)
    value: Number | None
    comparator: str | None  # =, >, >=, <, <=, ~ ; None when there is no value
    cumulative: bool = False
    values_list: tuple[Number, ...] | None = None
    # Footnote markers printed after the value, as note numbers (82.6① → ("1",)),
    # and marks as printed (≥92★ → ("★",)).
    markers: tuple[str, ...] = ()


@dataclass(frozen=True)
class _CellRules:
    # [verb] [comparator before] number [unit, maybe in brackets] [comparator after]
    single: regex.Pattern
    before_number: dict[str, str]
    empty: list[str]
    cumulative_brackets: list[list[str]]
    cumulative_words: list[str]
    trailing_remark: regex.Pattern  # a bracketed remark ending the cell: （力争23）
    list_separator: str
    # A footnote marker closing a cell: superscripts (not after a letter, as
    # in m³, nor an exponent, as in 10⁴), a circled number, a number in
    # square brackets, perhaps after a space, a number right after a
    # closing bracket (〔0.61〕2), or a mark (★).
    trailing_marker: regex.Pattern
    # The year a change is counted from, opening a cell: 比2020年, 较2020年.
    comparison: regex.Pattern


def _build_cell_rules(comparators, numerals, tables, targets) -> _CellRules:
    before = alternation(comparators["before_number"])
    after = alternation(comparators["after_number"])
    # Any verb of the prose: of a change (下降13.5%) or of a level (下降到30);
    # or a verb of keeping, which only a cell reads as a level (保持90以上).
    verbs = alternation([*comparators["verbs"], *tables["keeping_verbs"]])
    single = regex.compile(
        rf"(?:{verbs})?(?P<before>{before})? ?(?P<number>[-−]?{ARABIC_NUMBER})(?P<rest>.*?) ?(?P<after>{after})?"
    )
    cells = comparators["cells"]
    marks = _build_footnote_marks(tables)
    closing = regex.escape(tables["value_closing_brackets"])
    trailing_marker = regex.compile(
        rf"\s*(?:(?P<circled>[{regex.escape(marks.circled)}])|(?P<superscript>{marks.superscript.pattern})|{marks.bracketed}"
        rf"|(?<=[{closing}])(?P<bracketed>[0-9]{{1,2}})|(?P<mark>[{regex.escape(tables['name_marks'])}]))$"
    )
    return _CellRules(
        single=single,
        before_number=comparators["before_number"],
        empty=cells["empty"],
        cumulative_brackets=cells["cumulative_brackets"],
        cumulative_words=cells["cumulative_words"],
        trailing_remark=regex.compile(rf"(?:{enclosed_pattern(cells['remark_brackets']).pattern})\s*$"),
        list_separator=numerals["list_separator"],
        trailing_marker=trailing_marker,
        comparison=regex.compile(rf"^(?:{targets['comparison']})\s*"),
    )


def _cell_rules() -> _CellRules:
    return vocabulary_table(_build_cell_rules, "comparators", "numerals", "tables", "targets")


@dataclass(frozen=True)
class FootnoteMarks:
    """How footnote markers are printed (tables.yaml): the circled numbers
    in order from ①, and patterns for a run of superscript digits that is a
    marker and for a number in square brackets (its number in ``bracketed``)."""

    circled: str
    # superscript digits, whole, after neither a letter (m³) nor the base of a power (10⁴)
    superscript: regex.Pattern
    bracketed: str
    from_superscripts: dict[int, int]


def _build_footnote_marks(tables) -> FootnoteMarks:
    superscripts = regex.escape(tables["superscript_digits"])
    # The number in brackets may be printed raised with them ([¹], Word's endnotes).
    brackets = "|".join(
        rf"{regex.escape(open_)}(?P<bracketed>[0-9]{{1,2}}|[{superscripts}]{{1,2}}){regex.escape(close)}"
        for open_, close in tables["marker_brackets"]
    )
    return FootnoteMarks(
        circled=tables["circled_digits"],
        superscript=regex.compile(rf"(?<![A-Za-z{superscripts}])(?<!{tables['power_base']})[{superscripts}]+"),
        bracketed=f"(?:{brackets})",
        from_superscripts=str.maketrans(tables["superscript_digits"], "0123456789"),
    )


def footnote_marks() -> FootnoteMarks:
    return vocabulary_table(_build_footnote_marks, "tables")


def note_number(marker: str) -> str:
    """The number of the note a printed marker points to: ``①`` → ``1``,
    ``⑫`` → ``12``, ``¹²`` → ``12``; digits are their own number (``3``).
    Brackets are not part of it (``[¹]`` is read as its ``¹``)."""
    marks = footnote_marks()
    if len(marker) == 1 and marker in marks.circled:
        return str(marks.circled.index(marker) + 1)
    return marker.translate(marks.from_superscripts)


def parse_cell_value(raw: str, *, indicator_name: str = "", note_markers: Collection[str] | None = None) -> CellValue:
    """Read one table cell.

    ``indicator_name`` is the name of the cell's row: a value in a row named
    with 累计 (``单位地区生产总值能源消耗累计降低``) is cumulative although it is
    printed without brackets.  ``note_markers`` are the numbers of the notes
    under the table: a number in square brackets after a value is a footnote
    marker when it is one of them (``None``: the notes are not known, and
    any such number is a marker).
    """
    rules = _cell_rules()
    text, markers = split_value_markers(normalize_text(raw), note_markers)
    if not text or text in rules.empty:
        return CellValue(text, None, None, markers=markers)
    inner, bracketed = _without_cumulative_brackets(text, rules)
    inner = rules.comparison.sub("", inner, count=1)
    cumulative = bracketed or any(word in indicator_name for word in rules.cumulative_words)
    values = _read_list(inner, rules)
    if values is not None:
        return CellValue(text, None, "=", cumulative, values, markers)
    reading = _read_single(inner, rules)
    if reading is None:
        return CellValue(text, None, None, markers=markers)
    value, comparator = reading
    return CellValue(text, value, comparator, cumulative, markers=markers)


def split_value_markers(text: str, note_markers: Collection[str] | None = None) -> tuple[str, tuple[str, ...]]:
    """The cell without the footnote markers printed after its value, and the
    markers as note numbers: ``82.6①`` → (``82.6``, ("1",)), ``〔3.1〕③`` →
    (``〔3.1〕``, ("3",)), ``≥76[1]`` → (``≥76``, ("1",)) when note 1 is
    among ``note_markers`` (or they are not known).  A mark is kept as
    printed, as after a name: ``≥92★`` → (``≥92``, ("★",)).

    A marker follows something: ``[18]`` or ``≥[18]`` is a cumulative value,
    ``①`` or ``★`` alone no marker."""
    rules = _cell_rules()
    markers: list[str] = []
    while True:
        found = rules.trailing_marker.search(text)
        if found is None:
            break
        before = text[: found.start()].rstrip()
        if not before or before in rules.before_number:
            break
        if found.group("mark"):
            marker = found.group("mark")
        elif found.group("circled") or found.group("superscript"):
            marker = note_number(found.group("circled") or found.group("superscript"))
        else:
            marker = note_number(found.group("bracketed"))
            if note_markers is not None and marker not in note_markers:
                break
        markers.insert(0, marker)
        text = before
    return text, tuple(markers)


def _without_cumulative_brackets(text: str, rules: _CellRules) -> tuple[str, bool]:
    """``〔18〕`` → (``18``, True), ``〔19〕左右`` → (``19左右``, True),
    ``约〔19〕`` → (``约19``, True); other text is returned as it is, with
    False.  The brackets hold the cell's number: before them there may only
    be a comparator (``18[65]`` is no cumulative 1865), and no digit may
    follow them (``〔0.61〕2`` is no 0.612)."""
    for open_, close in rules.cumulative_brackets:
        start, end = text.find(open_), text.find(close)
        if 0 <= start < end - 1 and text.count(open_) == 1 and text.count(close) == 1:
            before = text[:start].strip()
            if before and before not in rules.before_number:
                continue
            if text[end + len(close) :].strip()[:1].isdigit():
                continue
            inner = text[:start] + text[start + len(open_) : end] + text[end + len(close) :]
            return inner.strip(), True
    return text, False


def _read_list(text: str, rules: _CellRules) -> tuple[Number, ...] | None:
    """``1.1、1.4、6、6`` → (1.1, 1.4, 6, 6); ``None`` unless every item is a number."""
    items = text.split(rules.list_separator)
    if len(items) < 2:
        return None
    values = tuple(parse_number(item) for item in items)
    return None if None in values else values


def _read_single(text: str, rules: _CellRules) -> tuple[Number, str] | None:
    """One number with its comparator, or ``None``.

    The comparator is what the words around the number say, read as the
    prose reads them (``stated_comparator``: 以内 after it, 不低于 before it,
    else the verb's, 降至 ``<=``); ``=`` when no word gives one (``80``,
    ``下降13.5%``, ``稳定在100``)."""
    found = rules.single.fullmatch(text)
    if found is not None and not _is_unit(found.group("rest")):
        found = _without_remark(text, rules)
    if found is None:
        return None
    comparator, _ = stated_comparator(text[: found.start("number")], found.group("after") or "")
    return parse_number(found.group("number")), comparator or "="


def _without_remark(text: str, rules: _CellRules) -> regex.Match | None:
    """The reading of a cell whose value a bracketed remark follows
    (``22.5（力争23）``, ``≥85（力争）``) without the remark, or ``None``."""
    remark = rules.trailing_remark.search(text)
    if remark is None or remark.start() == 0:
        return None
    found = rules.single.fullmatch(text[: remark.start()].rstrip())
    return found if found is not None and _is_unit(found.group("rest")) else None


def _is_unit(text: str) -> bool:
    """True for nothing, a unit (``%``) or a unit in brackets (``(ug/m3)``)."""
    text = text.strip()
    if not text:
        return True
    if len(text) > 2 and text[0] in "(（" and text[-1] in ")）":
        text = text[1:-1]
    unit = read_unit(text)
    return unit is not None and unit.start == 0 and unit.end == len(text)


# ---------------------------------------------------------------- year labels

# The value_roles entry of words that make a header a value column without
# naming the values' role (指标值).
UNNAMED_VALUE_ROLE = "unnamed"


def is_year_label(text: str) -> bool:
    """Does the cell name a year, alone or with the role of its values
    (2023年, 2022年（基期）, 2025年目标, 2020年现状值): a year column's header,
    printed as a row's label (a table whose rows are years)?"""
    compact = remove_spaces(text)
    found = vocabulary_table(_compile_year_start, "tables").match(compact)
    if found is None:
        return False
    rest = compact[found.end() :]
    return not rest or _is_role_word(rest)


def _compile_year_start(tables) -> regex.Pattern:
    return regex.compile(tables["year_header"])


def _is_role_word(text: str) -> bool:
    """Is the text, brackets removed, a word naming the role of a year's
    values (基期, 目标值)?"""
    vocab = load_vocabulary("tables")
    bare = text.removeprefix("（").removeprefix("(").removesuffix("）").removesuffix(")")
    words = [word for words in vocab["year_value_roles"].values() for word in words]
    words += [word for role, role_words in vocab["value_roles"].items() if role != UNNAMED_VALUE_ROLE for word in role_words]
    return bare in words
