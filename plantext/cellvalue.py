"""The value of one cell of an indicator table (表 1 主要指标), as the output contract reads it.

``parse_cell_value`` turns the printed cell into its number and comparator:

- a number, possibly with a comparator symbol or word (``≥66``, ``>85``,
  ``不低于94.6``, ``15左右``, ``约15``, ``50以上``, ``10以内``) and a unit
  (``46(ug/m3)``): ``value`` and ``comparator`` (``=`` when none is printed);
- a five-year cumulative value (``〔18〕``, ``[18]``, or any value in a row named
  ``…累计…``): ``cumulative`` is true;
- a list (``1.1、1.4、6、6``): ``value`` is ``None``, ``values_list`` holds the
  numbers, ``comparator`` is ``=``;
- an empty cell, a dash (``-``, ``—``, ``/``) or a qualitative cell (``不减少``,
  ``稳中向好``, ``Ⅱ类及以上``): ``value`` and ``comparator`` are ``None``.

A cell that is not wholly one of these forms counts as qualitative, so that
no number is invented: ``（18）`` (round brackets may mean a negative number),
or ``≥0稳中向好`` (two cells run together, for the table reader to split).

The comparator words and cell markup live in ``plantext/data/comparators.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from plantext.normalize import normalize_text
from plantext.numbers import ARABIC_NUMBER, alternation, parse_number, read_unit
from plantext.vocab import vocabulary_table

Number = int | float


@dataclass(frozen=True)
class CellValue:
    """One indicator-table cell: ``≥66`` → value 66, comparator ``>=``."""

    raw: str  # the cell text, normalised as the contract says (II 类 → Ⅱ类)
    value: Number | None
    comparator: str | None  # =, >, >=, <, <=, ~ ; None when there is no value
    cumulative: bool = False
    values_list: tuple[Number, ...] | None = None


@dataclass(frozen=True)
class _CellRules:
    # [comparator before] number [unit, maybe in brackets] [comparator after]
    single: regex.Pattern
    before_number: dict[str, str]
    after_number: dict[str, str]
    empty: list[str]
    cumulative_brackets: list[list[str]]
    cumulative_words: list[str]
    list_separator: str


def _build_cell_rules(comparators, numerals) -> _CellRules:
    before = alternation(comparators["before_number"])
    after = alternation(comparators["after_number"])
    single = regex.compile(
        rf"(?P<before>{before})? ?(?P<number>[-−]?{ARABIC_NUMBER})(?P<rest>.*?) ?(?P<after>{after})?"
    )
    cells = comparators["cells"]
    return _CellRules(
        single=single,
        before_number=comparators["before_number"],
        after_number=comparators["after_number"],
        empty=cells["empty"],
        cumulative_brackets=cells["cumulative_brackets"],
        cumulative_words=cells["cumulative_words"],
        list_separator=numerals["list_separator"],
    )


def parse_cell_value(raw: str, *, indicator_name: str = "") -> CellValue:
    """Read one table cell.

    ``indicator_name`` is the name of the cell's row: a value in a row named
    with 累计 (``单位地区生产总值能源消耗累计降低``) is cumulative although it is
    printed without brackets.
    """
    rules = vocabulary_table(_build_cell_rules, "comparators", "numerals")
    text = normalize_text(raw)
    if not text or text in rules.empty:
        return CellValue(text, None, None)
    inner, bracketed = _without_cumulative_brackets(text, rules)
    cumulative = bracketed or any(word in indicator_name for word in rules.cumulative_words)
    values = _read_list(inner, rules)
    if values is not None:
        return CellValue(text, None, "=", cumulative, values)
    reading = _read_single(inner, rules)
    if reading is None:
        return CellValue(text, None, None)
    value, comparator = reading
    return CellValue(text, value, comparator, cumulative)


def _without_cumulative_brackets(text: str, rules: _CellRules) -> tuple[str, bool]:
    """``〔18〕`` → (``18``, True), ``〔19〕左右`` → (``19左右``, True); other
    text is returned as it is, with False."""
    for open_, close in rules.cumulative_brackets:
        start, end = text.find(open_), text.find(close)
        if 0 <= start < end - 1 and text.count(open_) == 1 and text.count(close) == 1:
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
    """One number with its comparator (``=`` when none is printed), or ``None``."""
    found = rules.single.fullmatch(text)
    if found is None or not _is_unit(found.group("rest")):
        return None
    if found.group("after"):
        comparator = rules.after_number[found.group("after")]
    elif found.group("before"):
        comparator = rules.before_number[found.group("before")]
    else:
        comparator = "="
    return parse_number(found.group("number")), comparator


def _is_unit(text: str) -> bool:
    """True for nothing, a unit (``%``) or a unit in brackets (``(ug/m3)``)."""
    text = text.strip()
    if not text:
        return True
    if len(text) > 2 and text[0] in "(（" and text[-1] in ")）":
        text = text[1:-1]
    unit = read_unit(text)
    return unit is not None and unit.start == 0 and unit.end == len(text)
