"""The glossary (名词解释 annex) and the abbreviations defined inline in the text."""

from __future__ import annotations

import math

import regex

from plantext.cellvalue import footnote_marks, note_number
from plantext.extractors.tables import RawTable, column_bounds, column_of, read_region
from plantext.ingest.model import Line
from plantext.layout import BoxRegion, Heading, Layout, Paragraph, TableRegion
from plantext.models import Abbreviation, Term
from plantext.normalize import join_lines, remove_spaces
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
    return [block for block in glossary_blocks(layout) if isinstance(block, Paragraph)]


def glossary_blocks(layout: Layout) -> list[Paragraph | TableRegion]:
    """The glossary's paragraphs (see ``glossary_paragraphs``) and its tables,
    in reading order: a table under a glossary heading or title, and a table
    that is itself a box or table titled as a glossary (专栏1 名词解释 ruled
    as a table)."""
    blocks: list[Paragraph | TableRegion] = []
    inside_level: float | None = None
    for block in layout.blocks:
        if isinstance(block, Heading):
            if is_glossary_title(block.match.title):
                inside_level = block.level
                continue
            if inside_level is not None and block.level <= inside_level:
                inside_level = None
        elif isinstance(block, BoxRegion) and is_glossary_title(block.heading.match.title):
            blocks.extend(block.paragraphs if block.framed else _without_trailing_text(block.paragraphs))
        elif isinstance(block, Paragraph) and is_glossary_title(block.text):
            # A title without a label has no rank: any heading after it ends
            # the glossary.
            inside_level = math.inf
        elif isinstance(block, Paragraph) and inside_level is not None:
            blocks.append(block)
        elif isinstance(block, TableRegion) and (inside_level is not None or _titled_as_glossary(block)):
            blocks.append(block)
    return blocks


def _titled_as_glossary(region: TableRegion) -> bool:
    title = region.heading.match.title if region.heading else region.caption
    return bool(title) and is_glossary_title(title)


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
    terms: list[Term] = []
    blocks = glossary_blocks(layout)
    # Text after a table carries on no definition of it: a table's cells
    # hold the whole of each definition.
    carries_on = True
    index = 0
    while index < len(blocks):
        block = blocks[index]
        found = None if isinstance(block, TableRegion) else _text_table(blocks, index, vocab)
        if isinstance(block, TableRegion):
            terms.extend(table_terms(read_region(block), vocab))
            index += 1
        elif found is not None:
            header, lines, index = found
            terms.extend(_text_table_terms(header, lines, vocab))
        else:
            carries_on = _read_entry(block, terms, vocab, carries_on)
            index += 1
            continue
        carries_on = False
    defined = {term.term for term in terms}
    return terms + [term for term in footnote_terms(layout, vocab) if term.term not in defined]


# ---------------------------------------------------------------- footnotes


def footnote_terms(layout: Layout, vocab) -> list[Term]:
    """The terms explained in footnotes (① 生态保护红线：是指…), each once: a
    note opening with a mark that the body prints right after the same
    term (生态保护红线①).  A footnote the layout found at the foot of a
    page (the text above prints its mark) needs only its term in the body:
    a text dump prints the raised mark apart from the term.  Other notes
    (①〔 〕内为五年累计数, ① 数据来源：…) define nothing."""
    paragraphs = layout.paragraphs
    terms: list[Term] = []
    for paragraph, at_page_foot in [(p, False) for p in paragraphs] + [(p, True) for p in layout.footnotes]:
        for note in _note_pieces(paragraph.text, vocab):
            term = _footnote_term(note, paragraph.page, paragraphs, at_page_foot, vocab)
            if term is not None and term.term not in {known.term for known in terms}:
                terms.append(term)
    return terms


def _footnote_term(note: str, page: int, paragraphs: list[Paragraph], at_page_foot: bool, vocab) -> Term | None:
    """The term a note explains, or None."""
    found = _footnote_mark_pattern().match(note)
    split = split_term(note[found.end() :], vocab, numbered=True) if found else None
    if split is None:
        return None
    printed, definition = split
    term = strip_term_quotes(printed, vocab["term_quotes"])
    number = note_number(found.group("mark"))
    in_body = at_page_foot and any(term in paragraph.text for paragraph in paragraphs)
    if not in_body and not _marked_in_body(paragraphs, note, (printed, term), number):
        return None
    return Term(number=int(number), term=term, definition=definition, page=page)


def _note_pieces(text: str, vocab) -> list[str]:
    """The text parted before each mark that opens a sentence (…严格保护。② “无废城市”：…):
    a dump may join the notes under a page, or the first of them with the
    body paragraph above, into one paragraph."""
    return regex.split(vocab["footnote_break"], text)


def _marked_in_body(paragraphs: list[Paragraph], note: str, terms: tuple[str, str], number: str) -> bool:
    """Does the text, but for the note itself, print one of the terms followed
    by the note's mark, circled or superscript?"""
    marks = footnote_marks()
    circled = marks.circled[int(number) - 1] if 0 < int(number) <= len(marks.circled) else None
    superscript = number.translate({digit: raised for raised, digit in marks.from_superscripts.items()})
    marked = [term + mark for term in terms for mark in (circled, superscript) if mark]
    return any(any(text in paragraph.text.replace(note, "") for text in marked) for paragraph in paragraphs)


def _footnote_mark_pattern() -> regex.Pattern:
    return vocabulary_table(_build_footnote_mark_pattern, "glossary")


def _build_footnote_mark_pattern(glossary) -> regex.Pattern:
    return regex.compile(glossary["footnote_mark"])


def _read_entry(paragraph: Paragraph, terms: list[Term], vocab, carries_on: bool) -> bool:
    """One glossary paragraph: a new entry (1.术语：定义), or more of the
    last one's definition when ``carries_on``.  Whether the paragraphs after
    it may carry on a definition: they may once it opened an entry."""
    item_number = _entry_number_pattern()
    numbered = item_number.match(paragraph.text)
    body = paragraph.text[numbered.end():] if numbered else paragraph.text
    # Once the entries are numbered, an unnumbered paragraph opens no
    # entry of its own, even with a colon in it (其中：…).
    opens_entry = numbered is not None or not terms or terms[-1].number is None
    split = split_term(body, vocab, numbered is not None) if opens_entry else None
    if split is None:
        if terms and carries_on:  # a definition carried on in a paragraph of its own
            last = terms[-1]
            terms[-1] = last.model_copy(update={"definition": last.definition + paragraph.text})
        return carries_on
    term, definition = split
    terms.append(
        Term(
            number=_item_number(numbered),
            term=strip_term_quotes(term, vocab["term_quotes"]),
            definition=definition,
            page=paragraph.page,
        )
    )
    return True


# ---------------------------------------------------------------- tables of terms


def header_role(header: str, vocab) -> str | None:
    """The column a glossary table's header names: "number" (序号), "definition"
    (解释, 含义) or "term" (术语, 名词), or None."""
    header = remove_spaces(header)
    for role in ("number", "definition", "term"):
        if any(word in header for word in vocab[f"table_{role}_headers"]):
            return role
    return None


def _roles(headers: list[str], vocab) -> dict[str, int]:
    """The index of the first column of each role."""
    roles: dict[str, int] = {}
    for index, header in enumerate(headers):
        role = header_role(header, vocab)
        if role is not None and role not in roles:
            roles[role] = index
    return roles


def table_terms(table: RawTable | None, vocab) -> list[Term]:
    """A term per row of a table whose header names a term column and a
    definition column (术语 | 解释); a 序号 column numbers the terms.  A row
    with no term carries on the definition above (a cell split by a page
    break)."""
    if table is None:
        return []
    roles = _roles(table.columns, vocab)
    if "term" not in roles or "definition" not in roles:
        return []
    terms: list[Term] = []
    for row in table.rows:
        term, definition = row.cells[roles["term"]], row.cells[roles["definition"]]
        if not term:
            if terms and definition:
                last = terms[-1]
                terms[-1] = last.model_copy(update={"definition": last.definition + definition})
            continue
        number = _cell_number(row.cells[roles["number"]]) if "number" in roles else None
        terms.append(Term(number=number, term=strip_term_quotes(term, vocab["term_quotes"]), definition=definition, page=row.page))
    return terms


def _cell_number(cell: str) -> int | None:
    """The number in a 序号 cell: 1, 1., （1）, ①, 一."""
    cell = remove_spaces(cell)
    if cell.isdigit():
        return int(cell)
    numbered = _entry_number_pattern().match(cell)
    if numbered is not None and numbered.end() == len(cell):
        return _item_number(numbered)
    if cell and all(char in "一二三四五六七八九十" for char in cell):
        return parse_chinese_numeral(cell)
    return None


def _is_header_line(line: Line, vocab) -> bool:
    """A text dump's line of a glossary table's headers (术语   解释): every
    cell a short header word, a term column and a definition column among them."""
    texts = [remove_spaces(segment.text) for segment in line.segments]
    if len(texts) < 2 or any(len(text) > vocab["max_table_header_length"] for text in texts):
        return False
    roles = [header_role(text, vocab) for text in texts]
    return None not in roles and {"term", "definition"} <= set(roles)


def _text_table(blocks: list[Paragraph | TableRegion], index: int, vocab) -> tuple[Line, list[Line], int] | None:
    """A glossary table a text dump printed as aligned lines, which the
    layout left as paragraphs: its header line (术语   解释) in the paragraph at
    ``index``, the lines of its rows up to the first line of text across
    its columns, and the index of the block after it."""
    lines = blocks[index].lines
    opening = next((at for at, line in enumerate(lines) if _is_header_line(line, vocab)), None)
    if opening is None:
        return None
    header = lines[opening]
    rows: list[Line] = list(lines[opening + 1 :])
    index += 1
    while index < len(blocks) and isinstance(blocks[index], Paragraph):
        rows.extend(blocks[index].lines)
        index += 1
    gutter = _gutter(header, rows)
    for at, line in enumerate(rows):
        if len(line.segments) == 1 and line.segments[0].x0 < gutter < line.segments[0].x1:
            # Text running across the columns: the glossary's text after
            # the table.  The paragraphs from it on are read as entries.
            return header, rows[:at], _block_after(blocks, line)
    return header, rows, index


def _block_after(blocks: list[Paragraph | TableRegion], line: Line) -> int:
    """The index of the paragraph whose first line is ``line`` (or the one
    after the paragraph holding it)."""
    for at, block in enumerate(blocks):
        if isinstance(block, Paragraph) and any(own is line for own in block.lines):
            return at if block.lines[0] is line else at + 1
    return len(blocks)


def _gutter(header: Line, rows: list[Line]) -> float:
    """Where the definition column starts (the x no row's term cell reaches)."""
    columns = column_bounds([header] + [line for line in rows if len(line.segments) > 1])
    return columns[1][0] if len(columns) > 1 else math.inf


def _text_table_terms(header: Line, rows: list[Line], vocab) -> list[Term]:
    """The terms of a glossary table a text dump printed as aligned lines.
    Numbered rows (序号 | 术语 | 解释) are the table reader's to read; where no
    column numbers them, a line with a term cell starts a row, unless the
    definition above runs on to the column's edge without closing (a term
    wrapped onto the next line with its definition), and other lines carry
    on the cells of the row above (a wrapped definition)."""
    headers = [remove_spaces(segment.text) for segment in header.segments]
    if "number" in _roles(headers, vocab):
        region = TableRegion(heading=None, page=header.page, lines=[header] + rows)
        return table_terms(read_region(region), vocab)
    body = [line for line in rows if not _is_header_line(line, vocab)]  # a header repeated on a new page
    columns = column_bounds([header] + [line for line in body if len(line.segments) > 1])
    header_roles: dict[int, str] = {}
    for segment in header.segments:
        header_roles.setdefault(column_of(segment, columns), header_role(segment.text, vocab))
    term_column = next(column for column, role in header_roles.items() if role == "term")
    definition_column = next(column for column, role in header_roles.items() if role == "definition")
    edge = max((line.x1 for line in body), default=0.0)
    rows_read: list[tuple[int, list[list[str]]]] = []
    previous: Line | None = None
    for line in body:
        cells: list[list[str]] = [[] for _ in columns]
        for segment in line.segments:
            cells[column_of(segment, columns)].append(segment.text)
        wrapped = previous is not None and _runs_on(previous, edge, vocab)
        if cells[term_column] and not wrapped or not rows_read:
            rows_read.append((line.page, cells))
        else:
            for column, parts in enumerate(cells):
                rows_read[-1][1][column].extend(parts)
        previous = line
    terms: list[Term] = []
    for page, cells in rows_read:
        term, definition = join_lines(cells[term_column]), join_lines(cells[definition_column])
        if term:
            terms.append(Term(number=None, term=strip_term_quotes(term, vocab["term_quotes"]), definition=definition, page=page))
    return terms


def _runs_on(line: Line, edge: float, vocab) -> bool:
    """Does the line's last cell run on to the next line: it reaches the
    table's right edge and does not close its sentence?"""
    last = line.segments[-1]
    return last.x1 >= edge - vocab["wrapped_cell_slack_ems"] * line.em and not last.text.rstrip().endswith(tuple(vocab["definition_ends"]))


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
