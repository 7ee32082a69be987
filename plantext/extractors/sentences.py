"""Sentences of a paragraph, with the page on which each one starts.

The annotation guidelines define a sentence as the text up to 。, ！ or ？; a
semicolon does not end it (``到2025年，…；…。`` is one sentence, so its lead-in
governs both halves).  Closing quotes and brackets printed right after the
end mark belong to the sentence they close (``…作出示范。”``).
"""

from __future__ import annotations

from dataclasses import dataclass

from plantext.layout import Paragraph

SENTENCE_END_MARKS = "。！？!?"
# Printed after an end mark, these still belong to the sentence: …。” or …。）
CLOSING_MARKS = "”’」』）)》"


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph: its text and where it starts."""

    text: str
    start: int  # offset of the sentence in its paragraph's text
    page: int  # the page of its first character


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the sentences of ``text``, in order.

    Whitespace between sentences belongs to no sentence; the last sentence may
    end without an end mark.

    >>> split_sentences("到2025年，治理6.67万亩。到2035年，基本实现。")
    [(0, 16), (16, 28)]
    """
    spans = []
    start = _skip_spaces(text, 0)
    position = start
    while position < len(text):
        if text[position] in SENTENCE_END_MARKS:
            end = position + 1
            while end < len(text) and (text[end] in SENTENCE_END_MARKS or text[end] in CLOSING_MARKS):
                end += 1
            spans.append((start, end))
            start = _skip_spaces(text, end)
            position = start
        else:
            position += 1
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return spans


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def paragraph_sentences(paragraph: Paragraph) -> list[Sentence]:
    """The sentences of a layout paragraph, each with the page where it starts."""
    return [
        Sentence(paragraph.text[start:end], start, paragraph.page_at(start))
        for start, end in split_sentences(paragraph.text)
    ]
