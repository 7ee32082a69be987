"""Sentences of a paragraph, with the page on which each one starts.

The annotation guidelines define a sentence as the text up to 。, ！ or ？; a
semicolon does not end it (``到2025年，…；…。`` is one sentence, so its lead-in
governs both halves).  Closing quotes and brackets printed right after the
end mark belong to the sentence they close (``…作出示范。”``).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from plantext.layout import Paragraph

SENTENCE_END_MARKS = "。！？!?"
# Printed after an end mark, these still belong to the sentence: …。” or …。）
CLOSING_MARKS = "”’」』）)》"

_ENDS = regex.escape(SENTENCE_END_MARKS)
# A sentence starts at a character that is no whitespace and runs to its end
# marks and the closing marks after them, or to the end of the text.
_SENTENCE = regex.compile(
    rf"(?:[^\s{_ENDS}][^{_ENDS}]*)?[{_ENDS}][{_ENDS}{regex.escape(CLOSING_MARKS)}]*|[^\s{_ENDS}][^{_ENDS}]*"
)


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
    for found in _SENTENCE.finditer(text):
        # Only a last sentence without an end mark can end in whitespace.
        spans.append((found.start(), found.start() + len(found.group().rstrip())))
    return spans


def paragraph_sentences(paragraph: Paragraph) -> list[Sentence]:
    """The sentences of a layout paragraph, each with the page where it starts."""
    return [
        Sentence(paragraph.text[start:end], start, paragraph.page_at(start))
        for start, end in split_sentences(paragraph.text)
    ]
