"""The contract's text normalisation, applied to every text plantext outputs.

- full-width digits, letters and ％ become half-width, as does a full-width
  decimal point between digits; Chinese punctuation stays;
- whitespace next to a Chinese character or Chinese punctuation is removed;
  other runs of whitespace become one space;
- Roman numerals of water classes become Unicode numerals (III 类 → Ⅲ类).
"""

from __future__ import annotations

import re

import regex

from plantext.vocab import vocabulary_table

# Full-width forms of digits and Latin letters, and ％ (U+FF05).
_FULL_WIDTH_FORMS = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}
_FULL_WIDTH_FORMS.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})
_FULL_WIDTH_FORMS.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})
_FULL_WIDTH_FORMS[0xFF05] = ord("%")
# The contract's whitespace rules take the ideographic space for a space.
_FULL_WIDTH = {**_FULL_WIDTH_FORMS, 0x3000: ord(" ")}
# Most text holds none of those characters, and finding that out costs far
# less than translating it character by character.  (The standard ``re`` is
# used for this plain character class: it searches several times faster.)
_ANY_FULL_WIDTH = re.compile("[" + re.escape("".join(map(chr, sorted(_FULL_WIDTH)))) + "]")
_ANY_FULL_WIDTH_FORM = re.compile("[" + re.escape("".join(map(chr, sorted(_FULL_WIDTH_FORMS)))) + "]")
# Characters as wide as a CJK character (East Asian width Wide or Fullwidth),
# and runs of narrower ones.  Ingest and layout both ask these, one table of
# widths (the ``regex`` module's), so that they agree on every character.
WIDE_CHARACTER = regex.compile(r"[\p{East_Asian_Width=Wide}\p{East_Asian_Width=Fullwidth}]")
NARROW_CHARACTERS = regex.compile(r"[^\p{East_Asian_Width=Wide}\p{East_Asian_Width=Fullwidth}]+")
# Characters two cells wide in a text dump whose columns count a CJK
# character two cells (a GBK dump, a table typed in a CJK editor): those of
# ambiguous width (“ ” — ≥ Ⅲ ①) too, which East Asian encodings and
# terminals make two cells wide (two bytes each in GBK).  Only the dump's
# columns are counted so; the text's width in ems is WIDE_CHARACTER's.
DUMP_WIDE_CHARACTER = regex.compile(
    r"[\p{East_Asian_Width=Wide}\p{East_Asian_Width=Fullwidth}\p{East_Asian_Width=Ambiguous}]"
)
# Any whitespace at all (``re``'s \s takes in all of ``regex``'s).
_ANY_WHITESPACE = re.compile(r"\s")


def _patterns():
    return vocabulary_table(_build_patterns, "normalization")


def _build_patterns(vocab):
    cjk = f"[{vocab['cjk_ranges']}{regex.escape(vocab['cjk_punctuation'])}]"
    romans = sorted(vocab["roman_numerals"], key=len, reverse=True)
    roman = "(?:" + "|".join(romans) + ")"
    separators = f"[{vocab['range_separators']}]"
    words = "|".join(map(regex.escape, vocab["class_words"]))
    class_range = regex.compile(
        rf"(?<![A-Za-z]){roman}(?:\s*{separators}\s*{roman})*(?=\s*(?:{words}))"
    )
    return {
        "space_after_cjk": regex.compile(rf"(?<={cjk})\s+"),
        "space_before_cjk": regex.compile(rf"\s+(?={cjk})"),
        "spaces": regex.compile(r"\s+"),
        # A full-width point between digits is a decimal point (0．5); so is
        # an ideographic full stop (0。5), unless it ends a sentence before
        # one that opens with a date (0.625。2023年底前) or closes a number
        # that has its decimal point already.
        "decimal_point": regex.compile(r"(?<=[0-9])(?:．|(?<![.．][0-9]*)。(?![0-9]+[年月日]))(?=[0-9])"),
        "class_range": class_range,
        "roman": regex.compile(roman),
        "space_before_class": regex.compile(rf"(?<=[ⅠⅡⅢⅣⅤⅥ])\s+(?=(?:{words}))"),
        "romans": vocab["roman_numerals"],
        "cjk": regex.compile(cjk),
        # What each rule of normalize_text needs in the text, looked for
        # before the rule runs: most text (a paragraph with no decimal point,
        # no whitespace or no class word) needs few of them.  Each is looked
        # for on its own: a joint pattern scans several times slower than a
        # single class or a plain word.  (``re`` is used for these plain
        # patterns, and its \s takes in all of ``regex``'s.)
        "any_decimal_point": re.compile(r"[0-9][．。][0-9]"),
        "class_words": tuple(vocab["class_words"]),
    }


def to_half_width(text: str) -> str:
    if _ANY_FULL_WIDTH.search(text) is None:
        return text
    return text.translate(_FULL_WIDTH)


def half_width_forms(text: str) -> str:
    """Full-width digits, letters and ％ made half-width, one character for
    one.  The ideographic space stays: a dump typed in a word processor may
    part a table's cells with it."""
    if _ANY_FULL_WIDTH_FORM.search(text) is None:
        return text
    return text.translate(_FULL_WIDTH_FORMS)


def normalize_text(text: str) -> str:
    """Apply the contract's normalisation rules to one piece of text."""
    p = _patterns()
    text = to_half_width(text)
    if p["any_decimal_point"].search(text) is not None:
        text = p["decimal_point"].sub(".", text)
    if _ANY_WHITESPACE.search(text) is not None:
        text = p["space_after_cjk"].sub("", text)
        text = p["space_before_cjk"].sub("", text)
        text = p["spaces"].sub(" ", text)
    text = text.strip()
    if any(word in text for word in p["class_words"]):
        # Both rules end at a class word: 类 of III 类.
        text = p["class_range"].sub(_unicode_classes, text)
        text = p["space_before_class"].sub("", text)
    return text


def _unicode_classes(match) -> str:
    p = _patterns()
    return p["roman"].sub(lambda m: p["romans"][m.group()], match.group())


def remove_spaces(text: str) -> str:
    """Drop all whitespace: for labels and terms printed letter-spaced (名 词 解 释)."""
    text = to_half_width(text)
    if _ANY_WHITESPACE.search(text) is None:
        return text
    return _patterns()["spaces"].sub("", text)


def is_cjk(char: str) -> bool:
    return bool(_patterns()["cjk"].match(char))


def join_lines(texts: list[str]) -> str:
    """Join wrapped lines of one paragraph: no space, except between two Latin words."""
    joined = ""
    for text in texts:
        if joined and text and joined[-1].isascii() and joined[-1].isalpha() and text[0].isascii() and text[0].isalpha():
            joined += " "
        joined += text
    return normalize_text(joined)
