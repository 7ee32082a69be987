"""The cells of tables whose columns a text dump lost: what both readers of
such tables use (``plantext.extractors.flattened`` for dumps that print a
row's cells on its lines, ``plantext.extractors.cell_lines`` for dumps of one
cell per line).

- the vocabulary both read with (``table_rules``, from ``tables.yaml``,
  ``normalization.yaml``, ``comparators.yaml``);
- header words: a header run together cut into the words of its columns
  (``read_header``, ``split_header_words``, ``starts_header_word``);
- cells: a line cut into its cells (``line_pieces``), and what a cell is
  (``is_value``, ``is_unit``, ``ends_with_unit``, ``starts_numbered``,
  ``stands_alone``, ``unclosed_bracket``);
- the output: its columns (``output_columns``) and the groups of its rows
  (``place_groups``).

Nothing here knows a particular table: the vocabulary is in ``tables.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from plantext.cellvalue import parse_cell_value
from plantext.layout import numbering_styles
from plantext.normalize import remove_spaces
from plantext.vocab import vocabulary_table

# The header of the sequence column when the table prints numbers but no header for them.
SEQUENCE_HEADER = "序号"
# A body line's pieces: words, and runs of spaces that stand for empty cells.
_PIECE = regex.compile(r"\S+| {2,}")
_ANY_SPACE = regex.compile(r"\s")
# A unit in brackets closing a name, perhaps with a footnote marker (…比例(%)4).
UNIT_AT_END = regex.compile(r"[(（](?P<unit>[^()（）]*)[)）]\s*[0-9]?$")


@dataclass(frozen=True)
class TableRules:
    """The vocabulary both readers use, built once from the YAML files."""

    # The header words by their first character, longest first: a header is
    # cut into words at each of its characters, and only these can start there.
    header_words_by_first: dict[str, tuple[str, ...]]
    year_header: regex.Pattern
    year_suffixes: tuple[str, ...]
    max_header_lines: int
    year_word: str  # 年, printed apart from its year (2020 年)
    attributes: tuple[str, ...]
    brackets: tuple[str, ...]
    runs_on: regex.Pattern
    continues: regex.Pattern
    sequence_number: regex.Pattern
    footnote_marker: regex.Pattern
    # A circled or superscript footnote marker, which no cell is alone (①, ²).
    printed_marker: regex.Pattern
    unit: regex.Pattern
    roman_numeral: regex.Pattern
    class_words: tuple[str, ...]
    comparators_before: frozenset[str]
    comparators_after: frozenset[str]
    empty_cells: frozenset[str]


def _build_table_rules(tables, normalization, comparators) -> TableRules:
    flattened = tables["flattened"]
    roles = list(tables["column_roles"].values()) + list(tables["value_roles"].values())
    header_words = {word for words in roles for word in words} | set(tables["other_columns"])
    value_words = {word for words in tables["value_roles"].values() for word in words}
    value_words |= {word for words in tables["year_value_roles"].values() for word in words}
    numerals = normalization["roman_numerals"]
    romans = sorted(set(numerals) | set(numerals.values()), key=len, reverse=True)
    header_words_by_first: dict[str, list[str]] = {}
    for word in sorted(header_words, key=len, reverse=True):
        header_words_by_first.setdefault(word[:1], []).append(word)
    return TableRules(
        header_words_by_first={first: tuple(words) for first, words in header_words_by_first.items()},
        year_header=regex.compile(tables["year_header"]),
        year_suffixes=tuple(sorted(value_words, key=len, reverse=True)),
        max_header_lines=flattened["max_header_lines"],
        year_word=flattened["year_word"],
        attributes=tuple(tables["attributes"]) + tuple(tables["attribute_aliases"]),
        brackets=tuple(flattened["brackets"]),
        runs_on=regex.compile(flattened["runs_on"]),
        continues=regex.compile(flattened["continues"]),
        sequence_number=regex.compile(flattened["sequence_number"]),
        footnote_marker=regex.compile(flattened["footnote_marker"]),
        printed_marker=regex.compile(f"[{regex.escape(tables['circled_digits'] + tables['superscript_digits'])}]+"),
        unit=regex.compile(tables["unit_pattern"]),
        roman_numeral=regex.compile("(?:" + "|".join(romans) + ")+"),
        class_words=tuple(normalization["class_words"]),
        comparators_before=frozenset(comparators["before_number"]),
        comparators_after=frozenset(comparators["after_number"]),
        empty_cells=frozenset(comparators["cells"]["empty"]),
    )


def table_rules() -> TableRules:
    """The vocabulary of both readers, built again only when a vocabulary changes."""
    return vocabulary_table(_build_table_rules, "tables", "normalization", "comparators")


# ---------------------------------------------------------------- header words


def read_header(texts: list[str]) -> tuple[int, list[str]] | None:
    """The number of header lines and the header words they spell, run together.

    Header lines are taken while their text can still be read as header words
    (the last one possibly cut by a line break: 基准/值); the header is the
    longest run of them that reads as whole words.
    """
    joined = ""
    header = None
    for count, text in enumerate(texts[: table_rules().max_header_lines], start=1):
        joined += remove_spaces(text)
        if split_header_words(joined, allow_cut=True) is None:
            break
        words = split_header_words(joined, allow_cut=False)
        if words is not None:
            header = (count, words)
    return header


def split_header_words(text: str, allow_cut: bool) -> list[str] | None:
    """``text`` cut into header words (longer words first), or ``None``.

    With ``allow_cut``, the text may end inside a word (a header still
    being read line by line).
    """
    # splits[i] is the reading of text[i:]; filled from the end.
    splits: list[list[str] | None] = [None] * len(text) + [[]]
    for start in range(len(text) - 1, -1, -1):
        for length in _header_word_lengths(text, start):
            rest = splits[start + length]
            if rest is not None:
                splits[start] = [text[start : start + length]] + rest
                break
        else:
            if allow_cut and starts_header_word(text[start:]):
                splits[start] = [text[start:]]
    return splits[0]


def _header_word_lengths(text: str, start: int) -> list[int]:
    """Lengths of the header words ``text`` has at ``start``, longest first."""
    rules = table_rules()
    candidates = rules.header_words_by_first.get(text[start], ())
    lengths = {len(word) for word in candidates if text.startswith(word, start)}
    year = rules.year_header.match(text, start)
    if year and year.end() > start:
        lengths.add(year.end() - start)
        lengths.update(year.end() - start + len(word) for word in rules.year_suffixes if text.startswith(word, year.end()))
    return sorted(lengths, reverse=True)


def starts_header_word(text: str) -> bool:
    """Does ``text`` begin a header word (a line break may have cut it: 基准 of 基准值)?"""
    rules = table_rules()
    candidates = rules.header_words_by_first.get(text[:1], ())
    return any(word.startswith(text) for word in candidates) or bool(
        rules.year_header.fullmatch(text, partial=True)
    )


# ---------------------------------------------------------------- cells


def line_pieces(text: str) -> list[str]:
    """A line cut at single spaces; a run of n spaces stands for n−1 empty cells."""
    pieces: list[str] = []
    for found in _PIECE.finditer(_ANY_SPACE.sub(" ", text.strip())):
        if found.group().startswith(" "):
            pieces.extend([""] * (len(found.group()) - 1))
        elif pieces and _belong_together(pieces[-1], found.group()):
            pieces[-1] += " " + found.group()
        else:
            pieces.append(found.group())
    return pieces


def _belong_together(before: str, after: str) -> bool:
    """Two space-separated pieces of one line that make one cell:
    ``(万 KW)``, ``III 类``, ``≥ 50``, ``15 左右``, ``82.6 ①`` (a marker)."""
    rules = table_rules()
    if not before:
        return False
    return (
        unclosed_bracket(before)
        or bool(rules.printed_marker.fullmatch(after))
        or (bool(rules.roman_numeral.fullmatch(before)) and after.startswith(rules.class_words))
        or before in rules.comparators_before
        or after in rules.comparators_after
    )


def unclosed_bracket(text: str) -> bool:
    """Does ``text`` open a bracket it does not close (``46(ug``): its cell goes on."""
    return any(text.count(pair[0]) > text.count(pair[1]) for pair in table_rules().brackets)


def stands_alone(above: str, below: str) -> bool:
    """A line that begins a cell whatever its width."""
    number_under_text = (
        is_value(below) and not above[-1].isdigit() and not table_rules().footnote_marker.match(below)
    )
    return starts_numbered(below) or is_unit(below) or number_under_text


def ends_with_unit(text: str) -> bool:
    """A name closed by its unit in brackets, perhaps with a footnote marker: ``…比例(%)``, ``(%)4``."""
    found = UNIT_AT_END.search(text)
    return bool(found) and is_unit(found.group("unit"))


def is_unit(text: str) -> bool:
    """A unit cell (``%``, ``万吨``), spaces aside."""
    return bool(table_rules().unit.fullmatch(remove_spaces(text)))


def is_value(text: str) -> bool:
    """A number, a list of numbers or an empty-cell dash (qualitative cells such as 稳中向好 are not)."""
    cell = parse_cell_value(text)
    return cell.value is not None or cell.values_list is not None or cell.raw in table_rules().empty_cells


def starts_numbered(text: str) -> bool:
    """Starts with a list number (（1）, 一、, 1.): a group or item label begins here."""
    return any(style.group == "list" and style.pattern.match(text) for style in numbering_styles())


# ---------------------------------------------------------------- output


def output_columns(headers: list[str], name: int, sequence: int | None, numbered: bool) -> list[str]:
    """The columns either reader reads a table into: the sequence column
    when the rows are numbered (序号 when the header prints none), then the
    name's and those right of it; columns of row groups are not output."""
    printed_sequence = []
    if numbered:
        printed_sequence = [headers[sequence] if sequence is not None else SEQUENCE_HEADER]
    return printed_sequence + headers[name:]


def place_groups(carried: list[str], new: list[str]) -> list[str]:
    """The groups of a row: the groups carried from the rows above, with the
    row's own group cells put at their level.

    The first new cell takes the level of the carried group with the same
    numbering style (plain, （1）, 一、 …), or goes below them all when no
    carried group has its style; further cells are the levels below it.
    """
    if not new:
        return carried
    style = _numbering_style(new[0])
    levels = [index for index, group in enumerate(carried) if _numbering_style(group) == style]
    level = levels[0] if levels else len(carried)
    return carried[:level] + new


def _numbering_style(text: str) -> str:
    for style in numbering_styles():
        if style.group == "list" and style.pattern.match(text):
            return style.name
    return "plain"

