"""Page-bottom footnotes, set apart from the running text.

A word processor prints a page's footnotes under its text: ``① 数据来源：…``,
``② 声环境功能区：指…``.  Read in order with the body, they would cut the
paragraph that runs on to the next page, and a dump of the text would make
prose, 专栏 items or deadlines of them.  Here each page's footnotes are found
and taken out of the flow, and the marks a text dump prints on lines of their
own (a superscript ``②`` under the word it marks) are told apart, so that the
layout can leave them out of the prose.

A page's footnotes are its last lines from a line opening with a mark that
the text above prints too, on to the end of the page; the marks that open
lines after it run in order (②, ③ …), and a PDF sets them no larger than the
text above.  The marks are those of table notes (``tables.yaml``), what they
follow a vocabulary (``furniture.yaml``: ``footnotes``).
"""

from __future__ import annotations

from statistics import median

import regex

from plantext.cellvalue import note_number
from plantext.ingest.model import Line
from plantext.vocab import vocabulary_table

# A PDF sets its footnotes smaller than the text: at least this many points
# below the body's type size (dumps of text have one size for all).
SMALLER_BY = 0.5
# How a note numbered in plain digits ends: as a sentence.
NOTE_ENDS = "。！？；）)”"


class _Marks:
    def __init__(self, furniture, tables) -> None:
        footnotes = furniture["footnotes"]
        characters = regex.escape(tables["circled_digits"] + tables["superscript_digits"])
        self.superscripts = str.maketrans("0123456789", tables["superscript_digits"])
        # A note numbered in plain digits (2 声环境功能区：…) opens with the
        # number, a space and its text, as a table's cell rarely does.
        self.opening = regex.compile(rf"^\s*(?P<mark>[{characters}]+|[0-9]{{1,2}}(?=\s+\S))")
        self.lone = regex.compile(rf"^[\s{characters}]+$")
        self.word_end = footnotes["word_end"]
        self.after_words: dict[str, regex.Pattern] = {}

    def after_word(self, mark: str) -> regex.Pattern:
        """The mark printed after a word, and not run on into more digits."""
        if mark not in self.after_words:
            self.after_words[mark] = regex.compile(rf"(?<=[{self.word_end}]){regex.escape(mark)}(?![0-9⁰¹²³⁴⁵⁶⁷⁸⁹])")
        return self.after_words[mark]


def _is_plain_number(mark: str) -> bool:
    """Is the mark a number in plain digits (not ①, which Python counts as a digit too)?"""
    return mark.isascii() and mark.isdigit()


def _marks() -> _Marks:
    return vocabulary_table(_Marks, "furniture", "tables")


def is_lone_mark(text: str, page_marks: frozenset[str] = frozenset()) -> bool:
    """Is the text nothing but footnote marks (a superscript a dump printed
    apart)?  Plain digits count only as one of ``page_marks``, the numbers
    of the notes at the foot of the page: alone they are mostly table cells."""
    stripped = text.strip()
    return bool(stripped) and (_marks().lone.match(text) is not None or stripped in page_marks)


def set_footnotes_apart(
    page_lines: list[list[Line]], is_note
) -> tuple[list[list[Line]], list[list[Line]], dict[int, frozenset[str]]]:
    """Each page's lines without its footnotes, the footnotes (one list of
    lines per note, in page order), and by page number the marks opening
    its notes.  ``is_note`` tells a line of a table's notes (注：…), after
    which marked lines are more notes, not footnotes."""
    body_em = _body_em(page_lines)
    kept: list[list[Line]] = []
    notes: list[list[Line]] = []
    marks: dict[int, frozenset[str]] = {}
    for lines in page_lines:
        start = footnotes_start(lines, body_em, is_note)
        kept.append(lines if start is None else lines[:start])
        if start is not None:
            page_notes = _notes(lines[start:])
            notes.extend(page_notes)
            marks[lines[0].page] = frozenset(_opening_mark(note[0]) for note in page_notes)
    return kept, notes, marks


def footnotes_start(lines: list[Line], body_em: float, is_note) -> int | None:
    """Where the page's footnotes start, or None for a page without them."""
    marks = _marks()
    for index in range(1, len(lines)):
        opening = marks.opening.match(lines[index].text)
        if opening is None or is_lone_mark(lines[index].text) or is_note(lines[index - 1]):
            continue
        if not _marked_above(lines[:index], opening.group("mark")):
            continue
        rest = lines[index:]
        if not (all(line.em <= body_em - SMALLER_BY for line in rest) or all(line.em == body_em for line in lines)):
            continue
        if _in_order([_opening_mark(line) for line in rest if _opening_mark(line)]) and _reads_as_notes(rest):
            return index
    return None


def _reads_as_notes(lines: list[Line]) -> bool:
    """Notes numbered in plain digits are sentences each (a dump's table
    rows, 10 以上 / 预期性, open with numbers too); marked ones need not be."""
    if not _is_plain_number(_opening_mark(lines[0])):
        return True
    return all(note[-1].text.rstrip()[-1] in NOTE_ENDS for note in _notes(lines))


def _notes(lines: list[Line]) -> list[list[Line]]:
    notes: list[list[Line]] = []
    for line in lines:
        if _opening_mark(line) or not notes:
            notes.append([line])
        else:
            notes[-1].append(line)
    return notes


def _opening_mark(line: Line) -> str:
    return opening_mark(line.text)


def opening_mark(text: str) -> str:
    """The mark a footnote opens with (② of ② 声环境功能区：…), or ""."""
    opening = _marks().opening.match(text)
    return opening.group("mark") if opening else ""


def is_marked_in(mark: str, text: str) -> bool:
    """Does the text print the footnote mark right after a word (功能区②,
    红线¹, 78.6%①; a number raised, for a note numbered in plain digits)?
    A mark after punctuation or at the start opens an item of a list
    (包括：①…；②…), and digits raised after a letter are a power (m²)."""
    return _marks().after_word(raised_mark(mark)).search(text) is not None


def raised_mark(mark: str) -> str:
    """The mark as the text it explains prints it: a plain number raised (2 → ²)."""
    return mark.translate(_marks().superscripts) if _is_plain_number(mark) else mark


def _marked_above(lines: list[Line], mark: str) -> bool:
    """Does the text above print the mark after a word, or apart from it as
    a dump prints a raised mark: on a line of marks, or far out at the end of
    a line?  A note numbered in plain digits is marked by the number raised
    (²), or printed apart in plain digits."""
    return any(
        is_marked_in(mark, line.text)
        or (is_lone_mark(line.text) or _is_plain_number(mark)) and line.text.strip() == mark
        or (is_lone_mark(line.text) and mark in line.text)
        or (len(line.segments) > 1 and line.segments[-1].text == mark)
        for line in lines
    )


def _in_order(marks: list[str]) -> bool:
    numbers = [note_number(mark) for mark in marks]
    if not all(number.isdigit() for number in numbers):
        return False
    return all(int(later) > int(earlier) for earlier, later in zip(numbers, numbers[1:]))


def _body_em(page_lines: list[list[Line]]) -> float:
    """The type size of most of the document's lines."""
    sizes = [line.em for lines in page_lines for line in lines]
    return median(sizes) if sizes else 0.0
