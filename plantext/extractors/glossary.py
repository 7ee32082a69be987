"""The glossary (名词解释 annex) and the abbreviations defined inline in the text."""

from __future__ import annotations

import math

import regex

from plantext.layout import BoxRegion, Heading, Layout, Paragraph
from plantext.models import Abbreviation, Term
from plantext.normalize import remove_spaces
from plantext.numbers import parse_chinese_numeral
from plantext.vocab import load_vocabulary, vocabulary_table


def is_glossary_title(title: str) -> bool:
    """Does a heading or box title name a glossary (名词解释, 术语解释)?"""
    return remove_spaces(title) in load_vocabulary("numbering")["glossary_titles"]


def glossary_paragraphs(layout: Layout) -> list[Paragraph]:
    """The paragraphs under a glossary heading, up to the next heading of its
    rank, those under a glossary title standing as a paragraph of its own
    (名词解释 printed without 附件 or a number), up to the next heading, and
    those of a 专栏 box titled as a glossary."""
    paragraphs: list[Paragraph] = []
    inside_level: float | None = None
    for block in layout.blocks:
        if isinstance(block, Heading):
            if is_glossary_title(block.match.title):
                inside_level = block.level
                continue
            if inside_level is not None and block.level <= inside_level:
                inside_level = None
        elif isinstance(block, BoxRegion) and is_glossary_title(block.heading.match.title):
            paragraphs.extend(block.paragraphs if block.framed else _without_trailing_text(block.paragraphs))
        elif isinstance(block, Paragraph) and is_glossary_title(block.text):
            # A title without a label has no rank: any heading after it ends
            # the glossary.
            inside_level = math.inf
        elif isinstance(block, Paragraph) and inside_level is not None:
            paragraphs.append(block)
    return paragraphs


def _without_trailing_text(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A frameless glossary box's paragraphs up to its last numbered entry
    and the paragraph that entry opens.  Without a frame (a text dump) the
    box runs on into the body text below: unnumbered paragraphs after the
    last entry are that text, not more of the last definition."""
    item_number = _entry_number_pattern()
    numbered = [index for index, paragraph in enumerate(paragraphs) if item_number.match(paragraph.text)]
    return paragraphs[: numbered[-1] + 1] if numbered else paragraphs


def _entry_number_pattern() -> regex.Pattern:
    """The item number opening a glossary entry (1. / （1） / ①), compiled once."""
    return vocabulary_table(_build_entry_number_pattern, "glossary")


def _build_entry_number_pattern(glossary) -> regex.Pattern:
    return regex.compile(glossary["item_number"])


def extract_glossary(layout: Layout) -> list[Term]:
    vocab = load_vocabulary("glossary")
    item_number = _entry_number_pattern()
    terms: list[Term] = []
    for paragraph in glossary_paragraphs(layout):
        numbered = item_number.match(paragraph.text)
        body = paragraph.text[numbered.end():] if numbered else paragraph.text
        # Once the entries are numbered, an unnumbered paragraph opens no
        # entry of its own, even with a colon in it (其中：…).
        opens_entry = numbered is not None or not terms or terms[-1].number is None
        split = split_term(body, vocab, numbered is not None) if opens_entry else None
        if split is None:
            if terms:  # a definition carried on in a paragraph of its own
                last = terms[-1]
                terms[-1] = last.model_copy(update={"definition": last.definition + paragraph.text})
            continue
        term, definition = split
        terms.append(
            Term(
                number=_item_number(numbered),
                term=strip_term_quotes(term, vocab["term_quotes"]),
                definition=definition,
                page=paragraph.page,
            )
        )
    return terms


def split_term(body: str, vocab, numbered: bool) -> tuple[str, str] | None:
    """(term, definition) of a glossary entry: ``术语:定义``, or for a numbered
    entry ``“术语”是指定义`` (a quoted term followed by 是指/指/是)."""
    cut = min((body.find(sep) for sep in vocab["term_separators"] if sep in body), default=-1)
    if 0 < cut <= vocab["max_term_length"]:
        return body[:cut].strip(), body[cut + 1 :].strip()
    if not numbered:
        return None
    for opening, closing in vocab["term_quotes"]:
        end = body.find(closing, len(opening))
        if body.startswith(opening) and 0 < end <= vocab["max_term_length"]:
            rest = body[end + len(closing) :]
            for verb in vocab["definition_verbs"]:
                if rest.startswith(verb):
                    return body[: end + len(closing)], rest.strip()
    return None


def _item_number(found) -> int | None:
    if found is None:
        return None
    if found.group("circled"):
        return ord(found.group("circled")) - ord("①") + 1
    chinese = found.group("cnum") or found.group("cpnum")
    if chinese:
        return parse_chinese_numeral(chinese)
    return int(found.group("num") or found.group("pnum"))


def strip_term_quotes(term: str, quotes: list[list[str]]) -> str:
    """Drop quotation marks that wrap the whole term, keep quotes inside it."""
    for opening, closing in quotes:
        if term.startswith(opening) and term.endswith(closing) and len(term) > 2:
            inner = term[len(opening) : -len(closing)]
            if opening not in inner and closing not in inner:
                return inner
    return term


def _abbreviation_pattern() -> regex.Pattern:
    return vocabulary_table(_build_abbreviation_pattern, "abbreviations")


def _build_abbreviation_pattern(vocab) -> regex.Pattern:
    return regex.compile(r"(?<=\p{Han})[（(](" + vocab["abbreviation"] + r")[）)]")


def extract_abbreviations(layout: Layout) -> list[Abbreviation]:
    """Abbreviations defined in parentheses: 碳捕集利用与封存(CCUS) → CCUS.

    Each abbreviation is kept once, where it is first defined.
    """
    seen: set[str] = set()
    found: list[Abbreviation] = []
    for paragraph in layout.paragraphs:
        if "（" not in paragraph.text and "(" not in paragraph.text:
            continue  # no bracket to define one in: most paragraphs, found faster than by the pattern
        for match in _abbreviation_pattern().finditer(paragraph.text):
            term = match.group(1)
            if term in seen or not any(ch.isalpha() for ch in term):
                continue
            expansion = expansion_before(paragraph.text, match.start())
            if expansion is None:
                continue
            seen.add(term)
            found.append(Abbreviation(term=term, expansion=expansion, page=paragraph.page_at(match.start())))
    return found


def expansion_before(text: str, end: int) -> str | None:
    """The noun phrase just before ``end``: back to punctuation, opening verbs dropped."""
    import jieba.posseg

    vocab = load_vocabulary("abbreviations")
    start = end
    while start > 0 and text[start - 1] not in vocab["boundaries"] and end - start < 40:
        start -= 1
    clause = regex.sub(vocab["leading_number"], "", text[start:end])
    words = list(jieba.posseg.cut(clause))
    for index in reversed(range(len(words))):
        rest = words[index + 1 :]
        if words[index].word in vocab["opening_words"] and sum(len(w.word) for w in rest) >= vocab["min_expansion_length"]:
            words = rest
            break
    strip = set(vocab["leading_flags_to_strip"])
    while words and words[0].flag in strip:
        words.pop(0)
    expansion = "".join(word.word for word in words)
    if not (vocab["min_expansion_length"] <= len(expansion) <= vocab["max_expansion_length"]):
        return None
    return expansion
