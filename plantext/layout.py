"""Layout: positioned lines become headings, paragraphs, 专栏 boxes and table regions.

The rules are stated in ems (the width of one CJK character), so the same code
reads PDF points and text-dump columns:

- page furniture (page numbers, running headers and footers) is dropped;
- a line whose start matches a numbering style and that stands alone is a
  heading (``第三章 …``, ``（二）…``, ``专栏 4 …``, ``表 2 …``, ``附件``);
- wrapped lines join into paragraphs, across page breaks too; a paragraph
  ends at a marked break, a short line closing a sentence, or before an
  indented line;
- a table region runs from its ``表 N`` caption over the grid (PDF) or the
  cell lines (text) and the ``注`` lines under it;
- a 专栏 box runs from its heading over its frame (PDF), or else to the next
  heading.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace

import regex

from plantext.cellvalue import is_year_label
from plantext.footnotes import is_lone_mark, set_footnotes_apart
from plantext.ingest.model import Grid, Line, Page, SourceDocument
from plantext.normalize import NARROW_CHARACTERS, join_lines, normalize_text, remove_spaces
from plantext.numbers import parse_chinese_numeral
from plantext.vocab import load_vocabulary, vocabulary_table

SENTENCE_END = "。！？；：”’）)…"
# A paragraph's first line is indented by about two characters.
INDENT_EMS = 0.75
# A line ending this far short of the right edge ends its paragraph.
SHORT_LINE_EMS = 1.5
# Headings with a word of their own (章, 节, 专栏, 表, 附件), unlike list styles.
NAMED_STYLES = ("part", "chapter", "section", "box", "table", "annex")
# A list-style heading line shorter than this share of a full line stands
# alone even where the dump marks no paragraph ends.
SHORT_HEADING_SHARE = 0.6
# Labels that may stand stacked on lines of their own, their titles below
# (第一章 / 第一节 / 规划背景 / 主要成效).
STACKED_STYLES = ("part", "chapter", "section")
# The first piece of a column header wrapped in its cell (序 of 序 / 号) is
# at most this many characters.
HEADER_PIECE_CHARS = 2
# How many lines after a caption read ahead of its bare 表 label may hold the
# name column's own header (表1 / 序号 / 主要指标 / 指标).
CAPTION_HEADER_LINES = 3
# How far under a bare 表 label its caption is looked for among header
# cells, and how long a caption is at least (主要指标 alone is a header).
CAPTION_SEARCH_LINES = 8
MIN_CAPTION_CHARS = 4
# A line of at least this many cells, each a known column header, opens a
# table that has no rules and no 表 label (序号 重点任务 牵头单位 完成时限).
HEADER_ROW_CELLS = 3
# A row of column headers wraps over at most this many more lines (2020 / 年).
HEADER_ROW_WRAPPED_LINES = 2
# Table cell lines of a flattened dump are short; prose lines are long.
PROSE_WIDTH_SHARE = 0.75


@dataclass
class HeadingMatch:
    style: str
    label: str
    number: int | None
    title: str
    # The number of the heading it is numbered within (1 of 1.2), for the
    # styles that print it (numbering.yaml's `within`).
    parent: str = ""

    @property
    def path(self) -> str:
        """The heading's full number (2 of 第2章, 2.1 of 2.1), which opens the
        numbers of the headings within it."""
        return f"{self.parent}.{self.number}" if self.parent else str(self.number)


@dataclass
class Heading:
    match: HeadingMatch
    page: int
    lines: list[Line]
    kind: str = ""
    level: int = 0
    # Printed run-in (（一）加强组织领导。国家发展改革委…): its line is also the
    # first of the paragraph after it, which the heading does not interrupt.
    run_in: bool = False


@dataclass
class Paragraph:
    text: str
    page: int
    lines: list[Line]
    # (offset in text, page) where each page's part of the paragraph starts.
    page_starts: list[tuple[int, int]] = field(default_factory=list)

    def page_at(self, offset: int) -> int:
        """The page of the character at ``offset`` (a paragraph may span pages)."""
        if len(self.page_starts) == 1:
            return self.page_starts[0][1]  # most paragraphs stay on one page
        offsets = [start for start, _ in self.page_starts]
        index = max(bisect_right(offsets, offset) - 1, 0)
        return self.page_starts[index][1] if self.page_starts else self.page

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """Bounding box of the paragraph's lines on its first page."""
        first = [line for line in self.lines if line.page == self.page]
        return (
            min(line.x0 for line in first),
            min(line.top for line in first),
            max(line.x1 for line in first),
            max(line.bottom for line in first),
        )


@dataclass
class BoxRegion:
    heading: Heading
    paragraphs: list[Paragraph] = field(default_factory=list)
    # Printed in a drawn frame, which ends it; a box without one (a text
    # dump's) runs on to the next heading, taking in the text after it.
    framed: bool = False


@dataclass
class TableRegion:
    heading: Heading | None
    page: int
    lines: list[Line] = field(default_factory=list)
    grids: list[tuple[int, Grid]] = field(default_factory=list)
    notes: list[Paragraph] = field(default_factory=list)
    # A ruled table without a 表 caption of its own: the label and caption of
    # the 专栏 box it is printed in, if any.
    label: str | None = None
    caption: str | None = None


Block = Heading | Paragraph | BoxRegion | TableRegion


@dataclass
class Layout:
    title: str
    blocks: list[Block]
    # The pages' footnotes (① 声环境功能区：指…), apart from the running text.
    footnotes: list[Paragraph] = field(default_factory=list)

    @property
    def headings(self) -> list[Heading]:
        out = []
        for block in self.blocks:
            if isinstance(block, Heading):
                out.append(block)
            elif isinstance(block, (BoxRegion, TableRegion)) and block.heading is not None:
                out.append(block.heading)
        return out

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Body paragraphs and box paragraphs, in reading order."""
        out = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                out.append(block)
            elif isinstance(block, BoxRegion):
                out.extend(block.paragraphs)
        return out


# ---------------------------------------------------------------- numbering


# Every numbering style's pattern opens with this: a label may be indented.
_INDENT = r"^\s*"


@dataclass(frozen=True)
class _Style:
    name: str
    pattern: regex.Pattern
    kind: str | None
    label: str | None
    # "named", "list", "box", "table", "annex"; "nested" for a list style
    # numbered within another heading (1.1): outside the outline a decimal of
    # the text (2.5 万亩), no list item.
    group: str
    within: str | None = None  # the style (or outline kind) whose heading's number opens this one's
    # Must carry on its numbering, 1 first (a bare-numbered chapter: 1 发展基础).
    sequential: bool = False


def numbering_styles() -> tuple[_Style, ...]:
    return vocabulary_table(_build_numbering_styles, "numbering")


def _build_numbering_styles(vocab) -> tuple[_Style, ...]:
    numerals = vocab["numerals"]

    def compile_(pattern: str) -> regex.Pattern:
        for name, numeral in numerals.items():
            pattern = pattern.replace("{" + name + "}", numeral)
        return regex.compile(_INDENT + pattern)

    styles = []
    for entry in vocab["hierarchy"]:
        group = "named" if entry.get("kind") else "nested" if entry.get("within") else "list"
        styles.append(
            _Style(
                entry["name"],
                compile_(entry["pattern"]),
                entry.get("kind"),
                entry.get("label"),
                group,
                entry.get("within"),
                entry.get("sequential", False),
            )
        )
    for group, name in (("boxes", "box"), ("tables", "table"), ("annexes", "annex")):
        entry = vocab[group]
        styles.append(_Style(name, compile_(entry["pattern"]), name, entry["label"], name))
    return tuple(styles)


def _any_label() -> regex.Pattern:
    """One pattern for the opening of every numbering style.  The indent is
    matched once, before the styles: trying it again for each style made the
    pattern twice as slow on the many lines that match none."""
    return vocabulary_table(_build_any_label, "numbering")


def _build_any_label(vocab) -> regex.Pattern:
    styles = _build_numbering_styles(vocab)
    labels = "|".join(f"(?:{style.pattern.pattern.removeprefix(_INDENT)})" for style in styles)
    return regex.compile(f"{_INDENT}(?:{labels})")


def starts_with_list_label(text: str) -> bool:
    """Does the line open with an item number (1. （2） 三、) of a list style?"""
    return any(style.group == "list" and style.pattern.match(text) for style in numbering_styles())


def _numbering():
    return load_vocabulary("numbering")


def match_heading(text: str) -> HeadingMatch | None:
    """Match a line's text against the numbering styles; ``None`` for running text.

    Only the line itself is judged here (label, title length, punctuation);
    whether it stands alone is the caller's business.
    """
    if not _any_label().match(text):
        return None  # most lines open with no label at all: answer them fast
    vocab = _numbering()
    limits = vocab["max_title_length"]
    for style in numbering_styles():
        found = style.pattern.match(text)
        if not found:
            continue
        printed = remove_spaces(found.group("num") or "")
        title = normalize_text(text[found.end():]).lstrip("　 ：:、.．")
        if style.group == "annex":
            if title and (_ends_a_sentence(title, vocab, caption=True) or len(title) > limits["named"] or not _reads_as_caption(title, vocab)):
                return None
            number = int(printed) if printed else None
            word = style.label.format(word=remove_spaces(found.group("word")))
            label = word if number is None else f"{word} {number}"
            return HeadingMatch("annex", label, number, remove_spaces(title))
        limit = limits["named" if style.group == "named" else style.group if style.group in limits else "list"]
        if not title and style.group == "list":
            # Only a named label (第二章, 专栏 2) or one numbered within its
            # chapter (1.1) may stand alone, its title below.
            return None
        if title and (len(title) > limit or _ends_a_sentence(title, vocab, caption=style.group in ("box", "table"))):
            return None
        if style.group in ("list", "nested") and any(mark in title for mark in vocab["list_title_breaks"]):
            return None
        if style.group in ("box", "table") and not _reads_as_caption(title, vocab):
            return None
        number = parse_chinese_numeral(printed) if not printed.isdigit() else int(printed)
        if style.group == "named":
            label = remove_spaces(text[: found.end()])
        elif style.group in ("box", "table"):
            # 专栏一 and 表一 are labelled 专栏 1 and 表 1, as the plan refers to
            # them; 表 1-2 keeps its printed number, and an unnumbered 附表
            # is labelled as printed.
            shown = printed if printed.isdigit() or number is None else number
            label = style.label.format(num=shown, prefix=found.groupdict().get("prefix") or "").strip()
        else:
            parent = normalize_text(remove_spaces(found.groupdict().get("parent") or ""))
            label = style.label.format(num=printed, parent=parent)
            return HeadingMatch(style.name, label, number, title, parent)
        return HeadingMatch(style.name, label, number, title)
    return None


def match_run_in_heading(text: str) -> HeadingMatch | None:
    """A list heading printed run-in: its label and a short lead closed by
    ``。`` open the paragraph on its line (``（一）加强组织领导。国家发展改革委…``),
    as work plans print their sections.  The lead is the title; ``None`` when
    the line's label and lead would not be a heading line of their own, or
    when nothing follows the lead on the line."""
    if not _any_label().match(text):
        return None
    vocab = _numbering()
    lead, mark, rest = text.partition(vocab["run_in_lead_end"])
    if not mark or not rest.strip():
        return None
    found = match_heading(lead)
    if found is None or _style_named(found.style).group != "list" or not found.title:
        return None
    if len(found.title) > vocab["max_title_length"]["run_in"] or any(char in found.title for char in vocab["run_in_lead_breaks"]):
        return None
    return found


def _style_named(name: str) -> _Style:
    return next(style for style in numbering_styles() if style.name == name)


def _latest_within(latest: dict[str, HeadingMatch], within: str) -> HeadingMatch | None:
    """The last heading of the style ``within`` or, for an outline kind, of
    a style of that kind (第2章 or a bare-numbered 2 for 2.1)."""
    if within in latest:
        return latest[within]
    return next((latest[style.name] for style in numbering_styles() if style.kind == within and style.name in latest), None)


def _stacks(style: str) -> bool:
    """May a label of this style stand stacked with others on lines of their
    own (第1章 / 1.1 / 规划基础 / “十三五”工作成效)?"""
    return style in STACKED_STYLES or _style_named(style).within is not None


def _reads_as_caption(title: str, vocab) -> bool:
    """A caption has no sentence punctuation outside its asides and does not
    continue a sentence (表1确定的…, 专栏2所列…, 附件中的… are running text)."""
    if any(mark in _without_asides(title, vocab) for mark in vocab["caption_breaks"]):
        return False
    return not title.startswith(tuple(vocab["not_caption_openers"]))


def _ends_a_sentence(title: str, vocab, caption: bool) -> bool:
    """Does the title end in sentence punctuation?  A caption's is judged
    without its asides: …重点工程（共5项， may end its line in a comma."""
    judged = _asides(title, vocab)[0] if caption else title
    return judged[-1:] in tuple(vocab["sentence_punctuation"])


def _closes_aside(title: str, line: Line, nxt: Line) -> bool:
    """Does ``nxt``, on the same page, close the aside the title on ``line``
    leaves open, and end there (…重点工程（共5项，总投资约 / 18.3亿元）)?"""
    vocab = _numbering()
    if nxt.page != line.page or _asides(title, vocab)[1] == 0:
        return False
    rest, depth = _asides(title + nxt.text.strip(), vocab)
    return depth == 0 and rest == _without_asides(title, vocab)


def _without_asides(text: str, vocab) -> str:
    return _asides(text, vocab)[0]


def _asides(text: str, vocab) -> tuple[str, int]:
    """The text less its bracketed asides, and how many asides are left open
    at its end (…重点工程（共5项，总投资约 leaves one open)."""
    openers = "".join(pair[0] for pair in vocab["caption_asides"])
    closers = "".join(pair[1] for pair in vocab["caption_asides"])
    depth, kept = 0, []
    for char in text:
        if char in openers:
            depth += 1
        elif char in closers and depth:
            depth -= 1
        elif not depth:
            kept.append(char)
    return "".join(kept), depth


# ---------------------------------------------------------------- furniture


def _page_number_pattern() -> regex.Pattern:
    return vocabulary_table(_build_page_number_pattern, "furniture")


def _build_page_number_pattern(furniture) -> regex.Pattern:
    patterns = furniture["page_numbers"]
    return regex.compile("^(?:" + "|".join(patterns) + ")$")


def drop_furniture(pages: list[Page]) -> tuple[list[list[Line]], list[Line]]:
    """Each page's lines without page numbers and running headers/footers,
    and the first running header (a plan often runs its title at the head of
    every page).

    Page numbers go first, so that a running footer printed above the page
    number is seen at the page's edge.  A bare number (``7``) counts as a page
    number only where the document habitually prints one (on a good share of
    its pages), so that a table cell at the top of a page is kept.
    """
    vocab = load_vocabulary("furniture")
    pages_lines = [_strip_edges(lines, _is_page_number) for lines in _without_web_chrome(pages, vocab)]
    threshold = max(vocab["running_min_pages"], vocab["running_share"] * len(pages))
    for position in (0, -1):
        bare = sum(1 for lines in pages_lines if lines and _is_bare_number(lines[position]))
        if bare >= threshold:
            pages_lines = [_strip_edges(lines, _is_bare_number, (position,)) for lines in pages_lines]
    edge_counts: Counter[str] = Counter()
    for lines in pages_lines:
        if lines:
            edge_counts.update({_furniture_key(lines[0]), _furniture_key(lines[-1])})
    running = {text for text, count in edge_counts.items() if count >= threshold}
    headers = [line for lines in pages_lines for line in lines[:1] if _furniture_key(line) in running]
    kept = [_strip_running_lines(lines, running) for lines in pages_lines]
    return kept, headers[:1]


def _strip_running_lines(lines: list[Line], running: set[str]) -> list[Line]:
    """The page's lines less the running lines at its edges, each once: a
    line repeating the running header right under it is the page's own (the
    title on the first page of a plan that runs its title as header)."""
    for position in (-1, 0):
        stripped: set[str] = set()
        while lines and (key := _furniture_key(lines[position])) in running and key not in stripped:
            stripped.add(key)
            lines.pop(position)
    return lines


def _without_web_chrome(pages: list[Page], vocab) -> list[list[Line]]:
    """Each page's lines, less the web page's chrome (breadcrumb, 打印本页,
    主办：…) among the document's first and last lines."""
    is_chrome = vocabulary_table(_build_web_chrome, "furniture")
    edge = vocab["web_chrome"]["edge_lines"]
    flow = [(number, line) for number, page in enumerate(pages) for line in page.lines]
    pages_lines: list[list[Line]] = [[] for _ in pages]
    for position, (number, line) in enumerate(flow):
        at_edge = position < edge or position >= len(flow) - edge
        if not (at_edge and is_chrome(line)):
            pages_lines[number].append(line)
    return pages_lines


def _build_web_chrome(furniture):
    chrome = furniture["web_chrome"]
    # The standard ``re`` searches a plain alternation of words several times
    # faster than a test for each word, or than ``regex``.
    words = re.compile("|".join(map(re.escape, sorted(chrome["words"], key=len, reverse=True))))
    openers = tuple(chrome["openers"])
    separators = chrome["breadcrumb_separators"]
    breadcrumb = regex.compile(chrome["breadcrumb"])
    sentence_marks = chrome["sentence_marks"]

    def is_chrome(line: Line) -> bool:
        text = line.text.strip()
        if any(mark in text for mark in sentence_marks):
            return False
        if text.startswith(openers) or words.search(text) is not None:
            return True
        return any(separator in text for separator in separators) and bool(breadcrumb.match(remove_spaces(text)))

    return is_chrome


def _strip_edges(lines: list[Line], is_furniture, positions=(-1, 0)) -> list[Line]:
    for position in positions:
        while lines and is_furniture(lines[position]):
            lines.pop(position)
    return lines


_DIGITS = regex.compile(r"[0-9]+")


def _furniture_key(line: Line) -> str:
    return _DIGITS.sub("#", remove_spaces(line.text))


def _is_page_number(line: Line) -> bool:
    return bool(_page_number_pattern().match(remove_spaces(line.text)))


def _is_bare_number(line: Line) -> bool:
    return bool(_line_patterns().bare_page_number.fullmatch(remove_spaces(line.text)))


@dataclass(frozen=True)
class _LinePatterns:
    """Patterns tried on many lines of a document, compiled once."""

    bare_page_number: regex.Pattern
    note_prefix: regex.Pattern  # 注：
    note_item: regex.Pattern  # 2. of 注：1.…2.…


def _build_line_patterns(furniture, tables) -> _LinePatterns:
    return _LinePatterns(
        bare_page_number=regex.compile(furniture["bare_page_number"]),
        note_prefix=regex.compile(tables["note_prefix"]),
        note_item=regex.compile(r"^\s*" + tables["note_item"]),
    )


def _line_patterns() -> _LinePatterns:
    return vocabulary_table(_build_line_patterns, "furniture", "tables")


# ---------------------------------------------------------------- metrics


@dataclass
class _Metrics:
    em: float
    left: float
    right: float
    ends_marked: bool

    def is_indented(self, line: Line) -> bool:
        return line.x0 > self.left + INDENT_EMS * line.em

    def is_short(self, line: Line) -> bool:
        return line.x1 < self.right - SHORT_LINE_EMS * line.em

    full_ems: float = 1.0

    def is_prose_width(self, line: Line) -> bool:
        """Does the line's text fill most of a full line?  Measured on the text
        (a CJK character is one em, other characters half of one), because a
        text dump's positions count characters, not their widths."""
        return text_ems(line.text) >= PROSE_WIDTH_SHARE * self.full_ems


def text_ems(text: str) -> float:
    """The width of a text in ems: CJK and full-width characters one, others half."""
    # One substitution counts the narrow characters in C, where a look-up per
    # character cost a tenth of the layout's time.
    narrow = len(text) - len(NARROW_CHARACTERS.sub("", text))
    return len(text) - 0.5 * narrow


def measure(lines: list[Line], ends_marked: bool) -> _Metrics:
    if not lines:
        return _Metrics(1.0, 0.0, 1.0, ends_marked)
    em = Counter(round(line.em * 2) / 2 for line in lines).most_common(1)[0][0]
    body = [line for line in lines if abs(line.em - em) < 0.6] or lines
    left = Counter(round(line.x0) for line in body).most_common(1)[0][0]
    # The right edge of full lines: short lines (headings, last lines,
    # table cells) are left out so that a short document measures right too,
    # and so are table rows (three cells or more), which a dump may print
    # wider than its prose (a short plan with a wide table).
    prose = [line for line in body if len(line.segments) < HEADER_ROW_CELLS] or body
    longest = max(line.x1 for line in prose)
    widths = sorted(line.x1 for line in prose if line.x1 >= longest / 2)
    right = widths[math.ceil(0.9 * (len(widths) - 1))]
    ems = sorted(text_ems(line.text) for line in body)
    full_ems = ems[math.ceil(0.9 * (len(ems) - 1))]
    return _Metrics(float(em), float(left), float(right), ends_marked, full_ems)


# ---------------------------------------------------------------- assembly


def analyse(source: SourceDocument) -> Layout:
    """Turn a source's pages into the document's title and blocks."""
    page_lines, running_headers = drop_furniture(source.pages)
    page_lines, footnotes, footnote_marks = set_footnotes_apart(page_lines, _is_note_line)
    flow = [line for lines in page_lines for line in lines]
    metrics = measure(flow, source.paragraph_ends_marked)
    title, start, end = read_title(flow, metrics, source)
    if start == 0 and running_headers and _names_a_plan(running_headers[0].text) and not _names_a_plan(flow[0].text):
        title, start, end = join_lines([running_headers[0].text]), 0, 0
    frames = {page.number: page.frames for page in source.pages}
    grids = {page.number: page.grids for page in source.pages}
    builder = _Builder(metrics, frames, grids, footnote_marks)
    builder.run(flow[:start] + flow[end:])
    layout = Layout(title=title, blocks=builder.blocks, footnotes=[make_paragraph(lines) for lines in footnotes])
    assign_heading_kinds(layout.headings)
    return layout


def read_title(flow: list[Line], metrics: _Metrics, source: SourceDocument) -> tuple[str, int, int]:
    """The title and where its lines start and end in the flow.

    The title is the first line that names a plan (规划, 方案 …) and is no
    cover letter's (关于印发…的通知), on the first pages; else the first line.
    It takes its continuation lines (a title may wrap).
    """
    if not flow:
        return (source.metadata_title or "", 0, 0)
    start, index = _title_lines(flow)
    if start == 0 and match_heading(flow[0].text) is not None:
        return (source.metadata_title or "", 0, 0)  # the text opens with its first heading
    first = flow[start]
    parts = [line.text for line in flow[start:index]]
    while index < len(flow) and flow[index].page == first.page and _continues_title(first, flow[index], metrics):
        parts.append(flow[index].text)
        index += 1
    return join_lines(parts), start, index


def _title_lines(flow: list[Line]) -> tuple[int, int]:
    """Where the title's opening lines start and end in the flow.

    A title is a line that names a plan, or two lines that do so together
    (see ``_wrapped_title``).  Of the titles before the first heading, the first to name the plan's period
    (“十四五”, 2021—2025年) and end as a title does (…规划, …规划（2021—2025年）)
    wins: an earlier line naming a plan without one is a site's menu
    (规划计划) or a heading's title (规划背景), while a line of prose may name
    both (“十四五”时期是我市生态修复规划实施的关键阶段); else the first
    title wins.
    """
    vocab = _numbering()["titles"]
    window = [line for line in flow[: vocab["search_lines"]] if line.page <= vocab["search_pages"]]
    candidates = []
    for index, line in enumerate(window):
        if candidates and match_heading(line.text) is not None:
            break
        following = window[index + 1] if index + 1 < len(window) else None
        if _names_a_plan(line.text):
            # A title wrapped inside its bracketed years (…工作方案（2023—2025 / 年）)
            # is full only with its second line.
            wrapped = (
                following is not None
                and not _is_full_title(line.text)
                and not _is_full_title(following.text)
                and _is_full_title(line.text + following.text)
            )
            span = (index, index + 2) if wrapped else (index, index + 1)
        elif following is not None and _wrapped_title(line.text, following.text):
            span = (index, index + 2)
        else:
            continue
        if _is_full_title("".join(line.text for line in window[span[0] : span[1]])):
            return span
        candidates.append(span)
    return candidates[0] if candidates else (0, 1)


def _wrapped_title(first: str, second: str) -> bool:
    """Do two lines name a plan together, the first naming none: a line break
    parts the plan word (…污染防治规 / 划), or the second line names the plan
    but only the two name its period (江澜省“十四五”…生态环境 / 保护规划)?
    A second line naming the period itself is the title alone (生态环境部 /
    “十四五”生态环境保护规划).  A line ending a sentence, or a heading after
    it, is no part of a title (…编制本规划。 / 第一章 发展基础)."""
    if remove_spaces(first)[-1:] in _numbering()["sentence_punctuation"] or match_heading(second) is not None:
        return False
    if not _names_a_plan(first + second):
        return False
    return not _names_a_plan(second) or (_is_full_title(first + second) and not _is_full_title(second))


def _is_full_title(text: str) -> bool:
    """Does the text name the plan's period and end as a title does, with no
    mark of running text (“十四五”…规划, …规划（2021—2025年）)?"""
    from plantext.timeexpr import find_period

    text = remove_spaces(text)
    not_in_title = _numbering()["titles"]["not_in_title"]
    return bool(find_period(text)) and _ends_as_title(text) and not any(mark in text for mark in not_in_title)


# What may follow a plan's name at the end of its title: its years in brackets.
_TRAILING_BRACKETS = regex.compile(r"[（(][^（()）]*[）)]$")


def _is_bracketed_period(text: str) -> bool:
    """Is the text only a plan's years in brackets (（2023—2025 年）)?"""
    from plantext.timeexpr import find_period

    compact = remove_spaces(text)
    return _TRAILING_BRACKETS.fullmatch(compact) is not None and find_period(compact) is not None


def _ends_as_title(text: str) -> bool:
    """Does the text end with a plan word, or with one and its bracketed years?"""
    name = _TRAILING_BRACKETS.sub("", remove_spaces(text))
    return name.endswith(tuple(_numbering()["titles"]["plan_words"]))


def _names_a_plan(text: str) -> bool:
    """Could the text be a plan's title (names a plan, no cover letter's words)?"""
    vocab = _numbering()["titles"]
    text = remove_spaces(text)
    return (
        len(text) <= vocab["max_length"]
        and text[-1:] not in _numbering()["sentence_punctuation"]
        and any(word in text for word in vocab["plan_words"])
        and not any(word in text for word in vocab["cover_words"])
        and match_heading(text) is None
    )


def _continues_title(first: Line, line: Line, metrics: _Metrics) -> bool:
    if match_heading(line.text) or first.text.rstrip()[-1:] in "。；：":
        return False
    if _is_bracketed_period(line.text):
        return True  # the plan's years on a line of their own: （2023—2025年）
    if first.em > metrics.em + 0.5:
        return abs(line.em - first.em) < 0.5 and line.bold == first.bold
    # Text dumps: a wrapped title's continuation is centred and short.
    return line.x0 >= metrics.left + 2 * line.em and len(line.text) < 12


class _Builder:
    """One pass over the flow of lines, with a state for tables and boxes."""

    def __init__(self, metrics: _Metrics, frames, grids, footnote_marks: dict[int, frozenset[str]]):
        self.metrics = metrics
        self.frames = frames
        self.grids = grids
        # By page, the marks opening the notes at its foot (set_footnotes_apart).
        self.footnote_marks = footnote_marks
        self.blocks: list[Block] = []
        self.pending: list[Line] = []
        self.box: BoxRegion | None = None
        self.table: TableRegion | None = None
        self.in_notes = False
        self.used_grids: set[tuple[int, int]] = set()
        # After a table's header row printed again on a later page: the texts
        # of the lines that followed the header the first time (a wrapped
        # 2020 / 年), still to be dropped if they follow it again.
        self.header_rest: list[str] = []
        # The outline so far: list styles in the order the document first uses
        # them, and the last number printed in each.
        self.style_order: list[str] = []
        self.last_number: dict[str, int] = {}
        # The last numbered heading of each style, whose full number (2.1)
        # opens those of the headings within it (2.1.1).
        self.latest: dict[str, HeadingMatch] = {}
        # The list styles that stand alone as short headings somewhere in the
        # document, found when first needed.
        self.short_styles: set[str] | None = None

    # -- helpers
    def flush(self) -> None:
        if not self.pending:
            return
        paragraph = make_paragraph(self.pending)
        self.pending = []
        if self.table is not None and self.in_notes:
            self.table.notes.append(paragraph)
        elif self.box is not None:
            self.box.paragraphs.append(paragraph)
        else:
            self.blocks.append(paragraph)

    def grid_of(self, line: Line) -> tuple[int, Grid] | None:
        for index, grid in enumerate(self.grids.get(line.page, [])):
            if grid.box.contains(line, slack=line.em / 2):
                return index, grid
        return None

    def in_frame(self, line: Line) -> bool:
        return any(frame.contains(line) for frame in self.frames.get(line.page, []))

    def heading_of(self, lines: list[Line], index: int, found: HeadingMatch) -> list[tuple[HeadingMatch, list[Line]]] | None:
        """The headings opening at ``lines[index]`` when ``found`` stands
        alone, each with the lines it takes (titles are completed in place):
        one heading, or a run of labels stacked on lines of their own."""
        line = lines[index]
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        used = 1
        if not found.title:
            return self.bare_labels(lines, index, found)
        if found.style not in NAMED_STYLES and nxt is not None and not self.stands_alone(lines, line, nxt, found):
            return None
        while nxt is not None and (self.continues_heading(line, nxt, found) or _closes_aside(found.title, line, nxt)):
            found.title = normalize_text(found.title + nxt.text)
            used += 1
            nxt = lines[index + used] if index + used < len(lines) else None
        return [(found, lines[index : index + used])]

    def stands_alone(self, lines: list[Line], line: Line, nxt: Line, found: HeadingMatch) -> bool:
        """Is the list-style heading on ``line`` a line of its own, ``nxt``
        opening the text under it, rather than the first line of a run-in item?"""
        metrics = self.metrics
        if self.is_short_heading(line) or self.starts_paragraph(line, nxt) or match_heading(nxt.text):
            return True
        if metrics.is_indented(line):
            # A heading filling its line (（一）推动工业绿色低碳发展，减少工业固体
            # 废物产生): a run-in item's next line returns to the margin, while
            # a paragraph of its own under the heading is indented as far.
            return metrics.is_indented(nxt) and abs(nxt.x0 - line.x0) < line.em / 2
        # A dump that shows neither indents nor paragraph ends: the heading
        # fills its line as a style's headings do where they are short enough
        # to be seen standing alone elsewhere in the document.
        return not metrics.ends_marked and found.style in self.short_heading_styles(lines)

    def short_heading_styles(self, lines: list[Line]) -> set[str]:
        """The list styles of the document's short heading lines (（四）强化建筑垃圾
        全过程管理), found once."""
        if self.short_styles is None:
            self.short_styles = {match_heading(line.text).style for line in lines if self.is_short_heading(line)}
        return self.short_styles

    def bare_labels(self, lines: list[Line], index: int, found: HeadingMatch) -> list[tuple[HeadingMatch, list[Line]]] | None:
        """A label on a line of its own (第二章 / 附件 / 专栏 2) takes the next
        line as its title.  Labels stacked on lines of their own, as a dump
        without layout prints a chapter and its first section (第一章 /
        第一节 / 规划背景 / 主要成效), take the title lines after them in order."""
        run = [found]
        latest = dict(self.latest, **{found.style: found})
        while index + len(run) < len(lines) and _stacks(found.style):
            label = match_heading(lines[index + len(run)].text)
            if label is None or label.title or not _stacks(label.style) or not self.fits_within(label, latest):
                break
            latest[label.style] = label
            run.append(label)
        if found.style == "table":
            self.bring_caption_forward(lines, index + 1)
            if index + 1 < len(lines) and not _is_caption_at(lines, index + 1):
                return [(found, [lines[index]])]  # a table printed without a caption
        elif found.style == "box" and index + 1 < len(lines) and _opens_column_header(lines[index + 1].text):
            # A box holding a table, its title read after the table's first
            # header (专栏 1 / 序号 / “十四五”湿地保护主要指标 / 指标 …); with
            # no line naming it there, the box has no title and the header
            # opens its table (专栏 2 / 序号 / 工程名称 / 建设内容 …).
            named = _named_caption_after(lines, index + 1)
            if named is None:
                return [(found, [lines[index]])]
            lines.insert(index + 1, lines.pop(named))
        titles = lines[index + len(run) : index + 2 * len(run)]
        if len(titles) < len(run) or not all(self.is_title_line(title, label) for title, label in zip(titles, run)):
            return [(found, [lines[index]])] if found.style == "annex" else None
        for label, title in zip(run, titles):
            label.title = remove_spaces(title.text) if label.style == "annex" else normalize_text(title.text)
        taken = [[lines[index + offset], title] for offset, title in enumerate(titles)]
        after = index + 2 * len(run)
        if after < len(lines) and _closes_aside(run[-1].title, titles[-1], lines[after]):
            # The last title's aside closes on the line below (…重点工程（共 5 项，总投资约 / 18.3 亿元）).
            run[-1].title = normalize_text(run[-1].title + lines[after].text)
            taken[-1].append(lines[after])
        return list(zip(run, taken))

    def bring_caption_forward(self, lines: list[Line], start: int) -> None:
        """A dump may read a table's first column headers (序号) before the
        caption under its bare 表 label (表1 / 序号 / 主要指标 / 指标 …): the
        caption is moved up to follow the label, the headers stay with the
        table.  A caption may read as the name column's header (主要指标),
        not as another column's, and only when the name column's own header
        comes after it (表1 / 序号 / 指标 / 单位: 指标 is that header).
        A header wrapped in its cell comes in pieces (附表 / 序 / 云溪区…重点
        项目表 / … / 号): its first piece is passed over too."""
        named = _named_caption_after(lines, start)
        if named is not None:
            lines.insert(start, lines.pop(named))
            return
        position = start
        while position < len(lines) and _opens_column_header(lines[position].text):
            position += 1
        if start < position < len(lines) and _is_caption_at(lines, position):
            lines.insert(start, lines.pop(position))

    def is_title_line(self, line: Line, found: HeadingMatch) -> bool:
        """Can ``line`` be the title of a label printed alone on the line above?"""
        title = normalize_text(line.text)
        limit = _numbering()["max_title_length"]["named"]
        return (
            bool(title)
            and len(title) <= limit
            and title[-1] not in _numbering()["sentence_punctuation"]
            and match_heading(line.text) is None
        )

    def continues_heading(self, line: Line, nxt: Line, found: HeadingMatch) -> bool:
        if nxt.page != line.page or match_heading(nxt.text) or found.style in ("table", "annex"):
            return False
        if line.em > self.metrics.em + 0.5:
            return abs(nxt.em - line.em) < 0.5 and nxt.bold == line.bold and len(nxt.text) < 20
        return (
            line.x0 >= self.metrics.left + 2 * line.em
            and nxt.x0 >= self.metrics.left + 2 * line.em
            and len(nxt.text) < 15
            and nxt.text[-1] not in SENTENCE_END
        )

    def runs_on(self, line: Line) -> bool:
        """Does the text of ``line`` run on to the next line: a full line that
        ends inside a sentence?"""
        return not self.metrics.is_short(line) and line.text[-1] not in SENTENCE_END

    def starts_paragraph(self, previous: Line, line: Line) -> bool:
        metrics = self.metrics
        if previous.hard_break or (previous.blank_after and previous.page == line.page):
            return True
        if abs(previous.em - line.em) > 0.5:
            return True
        if previous.bold != line.bold and not self.runs_on(previous):
            # A bold run-in lead (2.补齐污水收集短板。“十四五”期间，全省新 / 增…)
            # makes its first line bold, but the sentence runs on to the next.
            return True
        if metrics.is_indented(line) and not metrics.is_indented(previous):
            return True
        if previous.text[-1] in SENTENCE_END and starts_with_list_label(line.text):
            return True
        if line.text.lstrip().startswith(tuple(_numbering()["bullets"])):
            return True  # a bulleted item (■ …) after a group line, or after the item before it
        if metrics.ends_marked:
            return False
        # A short line ends its paragraph when it closes a sentence, or when a
        # list item follows: a box's group line (（一）工业固体废物) above its
        # first item (（1）赤泥综合利用工程：…) in a dump of a line per paragraph.
        if metrics.is_short(previous) and (previous.text[-1] in SENTENCE_END or starts_with_list_label(line.text)):
            return True
        # A group line short enough to stand alone as a heading does so above
        # an item without a list label too (（一）就地保护 / ■ 自然保护地…工程：…,
        # （一）滨海湿地保护修复 / 漳江口…工程：…).
        return self.is_short_heading(previous)

    def is_short_heading(self, line: Line) -> bool:
        """Is the line a list-style heading short enough to stand alone
        where the dump marks no paragraphs (（四）强化建筑垃圾全过程管理)?"""
        if text_ems(line.text) >= SHORT_HEADING_SHARE * self.metrics.full_ems:
            return False
        found = match_heading(line.text)
        return found is not None and found.style not in NAMED_STYLES

    # -- the pass
    def run(self, lines: list[Line]) -> None:
        index = 0
        while index < len(lines):
            line = lines[index]
            # The line's label is matched once, for both questions.
            label = match_heading(line.text)
            found = None
            if label is not None and self.may_be_heading(lines, index, label):
                found = self.heading_of(lines, index, label)
            elif label is None and (run_in := self.run_in_heading(lines, index)) is not None:
                # The heading's line is also the first of its paragraph.
                self.open_heading(Heading(run_in, line.page, [line], run_in=True))
            if found is not None:
                for match, taken in found:
                    self.open_heading(Heading(match, taken[0].page, taken))
                index += sum(len(taken) for _, taken in found)
                continue
            if _is_continued_table_mark(line) and self.continue_last_table():
                index += 1
                continue
            if self.table is None and (
                self.grid_of(line) is not None
                or _is_header_row(line)
                or _opens_year_rows(lines, index)
                or (self.box is not None and _opens_header_column(lines, index))
            ):
                self.open_uncaptioned_table(line)
            if self.table is not None and self.take_table_line(line, lines, index):
                index += 1
                continue
            if self.box is not None and self.box_ends_at(line):
                self.flush()
                self.box = None
            line = self.without_mark_apart(line)
            if line is None:
                index += 1
                continue
            if self.pending and self.starts_paragraph(self.pending[-1], line):
                self.flush()
            self.pending.append(line)
            index += 1
        self.flush()

    def without_mark_apart(self, line: Line) -> Line | None:
        """The prose line without a footnote mark a text dump printed apart
        from the word it marks: on a line of its own (None: the line is
        dropped) or far out at the end of the line.  The empty lines such a
        mark leaves below it end no paragraph, unless a sentence ended."""
        page_marks = self.footnote_marks.get(line.page, frozenset())
        if is_lone_mark(line.text, page_marks):
            if line.blank_after and self.pending and self.pending[-1].text[-1] in SENTENCE_END:
                self.flush()
            return None
        if len(line.segments) < 2 or not is_lone_mark(line.segments[-1].text, page_marks):
            return line
        mark_at = line.text.rfind(line.segments[-1].text)
        if mark_at <= 0:
            return line  # the text writes the mark otherwise than its segment (² as 2)
        segments = line.segments[:-1]
        text = line.text[:mark_at].rstrip()
        return replace(
            line,
            text=text,
            x1=segments[-1].x1,
            segments=segments,
            blank_after=line.blank_after and text[-1] in SENTENCE_END,
        )

    def may_be_heading(self, lines: list[Line], index: int, found: HeadingMatch) -> bool:
        """May the label ``found`` at ``lines[index]`` open a heading?  Named
        headings (章, 节, 专栏, 表, 附件) may interrupt anything; list styles
        (一、 （一） …) only start a paragraph outside tables, where cells such
        as （1）水环境质量 are no headings."""
        if found.style in NAMED_STYLES:
            return True
        if _style_named(found.style).sequential and not self.opens_numbered_chapter(lines, index, found):
            return False
        if not self.fits_within(found, self.latest):
            return False
        if (self.table is not None and not self.in_notes) or self.box is not None:
            # Inside a table (cells such as （1）水环境质量) or a box (groups of
            # its items) a list label is a heading only when it carries on the
            # document's own numbering (（二） after （一）); in a box, whose items
            # may restart at （一）, only a label after the first.
            if not self.continues_outline(found, restart=self.box is None):
                return False
            if self.table is not None:
                # A cell of a ruled table, or a group row carrying on the
                # table's own groups (三、 after its 一、 and 二、) with rows of
                # cells after it, is no heading.
                return self.grid_of(lines[index]) is None and not self.is_table_group(lines, index, found)
        if not self.pending:
            return True
        previous = self.pending[-1]
        return self.starts_paragraph(previous, lines[index]) or previous.text[-1] in SENTENCE_END

    def run_in_heading(self, lines: list[Line], index: int) -> HeadingMatch | None:
        """The run-in heading opening ``lines[index]`` (``match_run_in_heading``),
        or ``None``.  Only outside tables and boxes, at the start of a
        paragraph, and carrying on the numbering of its style: the first of
        its style, or the next number (（二） after （一））."""
        found = match_run_in_heading(lines[index].text)
        if found is None or self.table is not None or self.box is not None:
            return None
        if self.pending and not self.starts_paragraph(self.pending[-1], lines[index]):
            return None
        if found.number != self.last_number.get(found.style, 0) + 1:
            return None
        return found

    def fits_within(self, found: HeadingMatch, latest: dict[str, HeadingMatch]) -> bool:
        """Does a label numbered within another heading (2.1, 2.1.1) open with
        that heading's number (2.1 under 第2章)?  A decimal of the text (2.5
        万亩, a cell's 84.7) rarely does.  Printed alone on its line, with
        nothing of its own to judge it by, it must also carry on its numbering
        (1.2 after 1.1, 2.1 opening 第2章)."""
        within = _style_named(found.style).within
        if within is None:
            return True
        outer = _latest_within(latest, within)
        if outer is None or outer.path != found.parent:
            return False
        if found.title:
            return True
        previous = latest.get(found.style)
        expected = previous.number + 1 if previous is not None and previous.parent == found.parent else 1
        return found.number == expected

    def opens_numbered_chapter(self, lines: list[Line], index: int, found: HeadingMatch) -> bool:
        """May a bare-numbered label (1 发展基础) open a chapter here?  Only
        outside tables and boxes, on a line of label and title alone, carrying
        on the chapters' numbering, with its first section (1.1) soon after:
        a line of prose may open with a count (12 条农村黑臭水体整治)."""
        if self.table is not None or self.box is not None or len(lines[index].segments) > 2:
            return False
        previous = self.latest.get(found.style)
        if found.number != (previous.number if previous is not None else 0) + 1:
            return False
        following = lines[index + 1 : index + 1 + _numbering()["first_section_lines"]]
        return any(
            (match := match_heading(line.text)) is not None and match.parent == str(found.number)
            for line in following
        )

    def continues_outline(self, found: HeadingMatch, restart: bool = True) -> bool:
        """Does this list heading carry on the numbering of the outline so far?
        ``restart``: may it open its style afresh (（一） after a new 节)?"""
        last = self.last_number.get(found.style)
        if last is None or found.number is None or (last == 0 and not restart):
            return False
        return found.number == last + 1

    def is_table_group(self, lines: list[Line], index: int, found: HeadingMatch) -> bool:
        """Is this list label the open table's next group row: does it carry
        on the numbering of the table's groups (一、水资源… and 二、水生态…,
        then 三、) with a row of cells after it?  After the table's last
        group, 三、主要任务 followed by prose is the outline's."""
        numbers = [
            match.number
            for line in self.table.lines
            if (match := match_heading(line.text)) is not None and match.style == found.style and match.number is not None
        ]
        if not numbers or found.number != numbers[-1] + 1:
            return False
        following = lines[index + 1] if index + 1 < len(lines) else None
        return following is not None and len(following.segments) > 1

    def note_outline(self, found: HeadingMatch) -> None:
        """Record a heading's number; a shallower heading restarts deeper numbering."""
        if found.number is not None:
            self.latest[found.style] = found
        if _style_named(found.style).kind in ("part", "chapter", "section"):
            # A new 篇/章/节 (or bare-numbered chapter) restarts every list numbering under it.
            self.last_number = {style: 0 for style in self.last_number}
            return
        if found.style in NAMED_STYLES or found.number is None:
            return
        if found.style not in self.style_order:
            self.style_order.append(found.style)
        for deeper in self.style_order[self.style_order.index(found.style) + 1 :]:
            self.last_number[deeper] = 0
        self.last_number[found.style] = found.number

    def open_heading(self, heading: Heading) -> None:
        self.flush()
        self.note_outline(heading.match)
        self.table = None
        self.in_notes = False
        style = heading.match.style
        if style == "table" and self.continued_table(heading):
            return
        if style == "table":
            self.box = None
            self.table = TableRegion(heading=heading, page=heading.page)
            self.blocks.append(self.table)
        elif style == "box":
            self.box = BoxRegion(heading=heading, framed=any(self.in_frame(line) for line in heading.lines))
            self.blocks.append(self.box)
        else:
            self.box = None
            self.blocks.append(heading)

    def open_uncaptioned_table(self, line: Line) -> None:
        """A ruled table with no 表 caption (or captioned as a 专栏): nothing of a
        plan is lost, so it becomes a table region all the same."""
        box = self.box.heading.match if self.box is not None else None
        caption = self.unlabelled_caption() if box is None else None
        self.flush()
        self.table = TableRegion(
            heading=None,
            page=line.page,
            label=box.label if box else None,
            caption=box.title if box else caption,
        )
        self.blocks.append(self.table)

    def unlabelled_caption(self) -> str | None:
        """The caption of a table without a 表 label: a line of its own right
        above it naming a table (重点项目清单), or the title of the annex it
        opens (附件 / 洛阳市…重点任务分工表).  A caption line is taken from
        the text waiting to become a paragraph."""
        endings = tuple(load_vocabulary("tables")["unlabelled_caption_endings"])
        if len(self.pending) == 1:
            text = normalize_text(self.pending[0].text)
            if text.endswith(endings) and not any(mark in text for mark in SENTENCE_END):
                self.pending.clear()
                return text
            return None
        last = self.blocks[-1] if self.blocks and not self.pending else None
        if isinstance(last, Heading) and last.match.style == "annex" and last.match.title.endswith(endings):
            return last.match.title
        return None

    def continued_table(self, heading: Heading) -> bool:
        """``表 1（续）`` carries on table 1: reopen it instead of starting a table."""
        if not any(word in heading.match.title for word in _numbering()["continued_table_words"]):
            return False
        earlier = [block for block in self.blocks if isinstance(block, TableRegion) and block.heading is not None]
        if not earlier or earlier[-1].heading.match.label != heading.match.label:
            return False
        self.box = None
        self.table = earlier[-1]
        return True

    def continue_last_table(self) -> bool:
        """A bare 续表 at the head of a page carries on the table just before
        it (the open one, or the last block); the mark itself is no row."""
        if self.table is None and self.blocks and isinstance(self.blocks[-1], TableRegion) and not self.pending:
            self.table = self.blocks[-1]
        return self.table is not None and not self.in_notes

    def take_table_line(self, line: Line, lines: list[Line], index: int) -> bool:
        """Add a line to the open table region; False when the table has ended."""
        table = self.table
        grid = self.grid_of(line)
        if grid is not None:
            key = (line.page, grid[0])
            if key not in self.used_grids:
                self.used_grids.add(key)
                table.grids.append((line.page, grid[1]))
            table.lines.append(line)
            return True
        if self.in_notes:
            if self.pending and self.starts_paragraph(self.pending[-1], line) and not _is_note_item(line):
                self.flush()
                self.table = None
                self.in_notes = False
                return False
            if _is_note_line(line) and self.pending:
                self.flush()
            self.pending.append(line)
            return True
        if _is_note_line(line):
            self.in_notes = True
            self.pending.append(line)
            return True
        # Lines outside a grid still belong to the table while they look like
        # cells (a row carried to the next page without its rules).
        if self.metrics.is_prose_width(line) and len(line.segments) <= 1:
            self.table = None
            return False
        if not self.repeats_header(line):
            table.lines.append(line)
        return True

    def repeats_header(self, line: Line) -> bool:
        """Is the line (part of) the open table's header printed again at the
        top of a later page?  It is the table's running header: its row of
        column headers, and the wrapped lines that followed that row the
        first time (2020 / 年)."""
        lines = self.table.lines
        text = remove_spaces(line.text)
        if self.header_rest:
            expected = self.header_rest.pop(0)
            if text == expected:
                return True
            self.header_rest = []
        if not lines or line.page == lines[-1].page or not _is_header_row(line):
            return False
        for index, earlier in enumerate(lines):
            if _is_header_row(earlier) and remove_spaces(earlier.text) == text:
                following = lines[index + 1 : index + 1 + HEADER_ROW_WRAPPED_LINES]
                self.header_rest = [remove_spaces(wrapped.text) for wrapped in following]
                return True
        return False

    def box_ends_at(self, line: Line) -> bool:
        page_frames = self.frames.get(line.page, [])
        return bool(page_frames) and not self.in_frame(line)


_HAN = regex.compile(r"\p{Han}")


def _is_column_header(text: str) -> bool:
    """Is the line a table's column header other than the name column's
    (序号, 单位, 2025年, 属性)?"""
    return vocabulary_table(_build_column_headers, "tables")(remove_spaces(text))


def _opens_column_header(text: str) -> bool:
    """Is the line a column header other than the name column's, or the first
    piece of one wrapped in its cell (序 of 序 / 号)?"""
    return _is_column_header(text) or remove_spaces(text) in vocabulary_table(_build_header_openings, "tables")


def _build_header_openings(tables) -> frozenset[str]:
    # A cell wraps after a character or two; a piece that is a header of its
    # own (指标 of 指标类别) is read as that header.
    words = {word for role, role_words in tables["column_roles"].items() if role != "name" for word in role_words}
    every_header = {word for role_words in tables["column_roles"].values() for word in role_words}
    return frozenset(word[:cut] for word in words for cut in range(1, min(len(word), HEADER_PIECE_CHARS + 1))) - every_header


def _named_caption_after(lines: list[Line], start: int) -> int | None:
    """The position of the first of the few lines from ``start`` on its page
    that names a table (ends with a caption word: …林业发展主要指标), is no
    column header and no sentence; ``None`` when there is none."""
    endings = tuple(load_vocabulary("tables")["caption_endings"])
    breaks = _numbering()["caption_breaks"]
    page = lines[start].page if start < len(lines) else None
    for position in range(start, min(start + CAPTION_SEARCH_LINES, len(lines))):
        line = lines[position]
        text = remove_spaces(line.text)
        if line.page != page or _is_known_header(text):
            continue
        if text.endswith(endings) and len(text) > MIN_CAPTION_CHARS and not any(mark in text for mark in breaks):
            return position
    return None


def _is_caption_at(lines: list[Line], position: int) -> bool:
    """Can the line at ``position``, under a bare 表 label, be the table's
    caption?  Not a column's header (序号, 单位, 2025年); the name column's
    (主要指标) only when that column's own header follows (表1 / 主要指标 /
    序号 / 指标, not 表1 / 指标 / 单位)."""
    text = lines[position].text
    if not _HAN.search(text) or _opens_column_header(text):
        return False
    following = lines[position + 1 : position + 1 + CAPTION_HEADER_LINES]
    return not _is_name_header(text) or any(_is_name_header(line.text) for line in following)


def _is_name_header(text: str) -> bool:
    """Is the line the header of a table's name column (指标, 主要指标)?"""
    return remove_spaces(text) in vocabulary_table(_build_name_headers, "tables")


def _build_name_headers(tables) -> frozenset[str]:
    return frozenset(tables["column_roles"]["name"])


def _build_column_headers(tables):
    words = {word for role, role_words in tables["column_roles"].items() if role != "name" for word in role_words}
    words.update(word for role_words in tables["value_roles"].values() for word in role_words)
    year = regex.compile(tables["year_header"])
    # After its year a value column's header may name the value's role
    # (2020年基期值, 2025年目标), the words classify_header reads there; a
    # cell wrapped in its column shows only their opening (2020 年基 / 期值).
    role_words = words | {word for role_words in tables["year_value_roles"].values() for word in role_words}
    after_year = {word[:cut] for word in role_words for cut in range(len(word) + 1)}

    def is_column_header(text: str) -> bool:
        found = year.match(text)
        return text in words or (found is not None and text[found.end() :] in after_year)

    return is_column_header


def _is_header_row(line: Line) -> bool:
    """Is the line a row of column headers only (序号 重点任务 牵头单位 完成时限)?
    A table without rules or a 表 label (an annex's task table in a text
    dump) opens with one."""
    return len(line.segments) >= HEADER_ROW_CELLS and all(
        all(_is_known_header(part) for part in _HEADER_PARTS.split(remove_spaces(segment.text)))
        for segment in line.segments
    )


def _opens_year_rows(lines: list[Line], index: int) -> bool:
    """Is the line the header of a table whose rows are years (年度  农村生活
    污水治理率（%）  …): a year column's header in its first cell, cells
    after it, and a row opening with a year (2022 年（基期）  38  35) within
    the next lines of its page, under a header wrapped in its cells?"""
    line = lines[index]
    words = load_vocabulary("tables")["transposed"]["year_column_headers"]
    if len(line.segments) < HEADER_ROW_CELLS or remove_spaces(line.segments[0].text) not in words:
        return False
    below = lines[index + 1 : index + 2 + HEADER_ROW_WRAPPED_LINES]
    return any(row.page == line.page and len(row.segments) > 1 and is_year_label(row.segments[0].text) for row in below)


def _opens_header_column(lines: list[Line], index: int) -> bool:
    """Do the line and the next ones on its page each hold one column header
    (序号 / 指标 / 2020 年 / 2025 年 / 属性)?  A dump without layout prints a
    table's header row so, one cell per line; in a box, with no 表 label to
    open it, that is where its table begins."""
    run = lines[index : index + HEADER_ROW_CELLS]
    return (
        len(run) == HEADER_ROW_CELLS
        and all(line.page == lines[index].page and len(line.segments) == 1 for line in run)
        and all(_is_known_header(remove_spaces(line.text)) for line in run)
    )


# A header cell may join two headers: 年均/累计, 基准值/目标值.
_HEADER_PARTS = regex.compile(r"[/／、]")


def _is_known_header(text: str) -> bool:
    text = _without_header_unit(text)
    return _is_column_header(text) or _is_name_header(text) or _is_schedule_header(text) or _is_other_header(text)


# A unit in brackets ending a header (总投资（亿元）), or its opening, the rest
# wrapped to the next line (总投资（亿 / 元）).
_HEADER_UNIT = regex.compile(r"[（(][^（）()]*[）)]?$")


def _without_header_unit(text: str) -> str:
    bare = _HEADER_UNIT.sub("", text)
    return bare or text


def _is_other_header(text: str) -> bool:
    """Is the text the header of a column without a role (总投资, 备注)?"""
    return remove_spaces(text) in load_vocabulary("tables")["other_columns"]


def _is_schedule_header(text: str) -> bool:
    """Is the text the header of a column of a task table (重点任务, 牵头单位,
    完成时限) or of a 专栏's table of projects (项目名称, 建设内容)?"""
    return remove_spaces(text) in vocabulary_table(_build_schedule_headers, "tables", "projects")


def _build_schedule_headers(tables, projects) -> frozenset[str]:
    words = {word for role_words in tables["schedule_roles"].values() for word in role_words}
    words.update(projects["table_name_headers"], projects["table_description_headers"])
    return frozenset(words)


def _is_continued_table_mark(line: Line) -> bool:
    """A line saying only 续表 (or （续）, 续表 1): the table above goes on."""
    words, longest, label = vocabulary_table(_build_continued_table_words, "numbering")
    text = line.text.strip()
    if label.fullmatch(text):
        return True
    # Only short lines (续 表 letter-spaced at most) are worth removing spaces from.
    return len(text) <= 2 * longest and remove_spaces(text) in words


def _build_continued_table_words(numbering) -> tuple[frozenset[str], int, regex.Pattern]:
    words = numbering["continued_table_words"]
    label = regex.compile(numbering["continued_table_label"])
    return frozenset(words), max(map(len, words)), label


def _is_note_line(line: Line) -> bool:
    """A line opening the notes under a table (注：…)."""
    return bool(_line_patterns().note_prefix.match(line.text))


def _is_note_item(line: Line) -> bool:
    """A line opening a further numbered note (2.…) after 注：1.…."""
    return bool(_line_patterns().note_item.match(line.text))


def make_paragraph(lines: list[Line]) -> Paragraph:
    texts = [line.text for line in lines]
    return Paragraph(text=join_lines(texts), page=lines[0].page, lines=list(lines), page_starts=_page_starts(lines))


def _page_starts(lines: list[Line]) -> list[tuple[int, int]]:
    """(offset, page) where each page's part of a paragraph starts, counting the
    normalised text of the lines before.  Most paragraphs stay on one page, so
    the lines are measured only up to the last page break."""
    page_starts = [(0, lines[0].page)]
    offset = 0
    measured = 0  # lines[:measured] are counted in offset
    for index, line in enumerate(lines):
        if line.page != page_starts[-1][1]:
            offset += sum(len(normalize_text(earlier.text)) for earlier in lines[measured:index])
            measured = index
            page_starts.append((offset, line.page))
    return page_starts


def assign_heading_kinds(headings: list[Heading]) -> None:
    """Give each heading its outline kind and level (see numbering.yaml)."""
    vocab = _numbering()
    order = [entry["name"] for entry in vocab["hierarchy"]]
    named_kind = {entry["name"]: entry["kind"] for entry in vocab["hierarchy"] if entry.get("kind")}
    present = {heading.match.style for heading in headings}
    taken = [named_kind[name] for name in order if name in present and name in named_kind]
    free = [kind for kind in vocab["list_kinds"] if kind not in taken]
    list_kind = {}
    for name in order:
        if name in present and name not in named_kind:
            list_kind[name] = free.pop(0) if len(free) > 1 else free[0]
    levels = vocab["levels"]
    for heading in headings:
        style = heading.match.style
        if style in ("box", "table"):
            heading.kind = style
            heading.level = 2
        elif style == "annex":
            heading.kind = "annex"
            heading.level = levels["annex"]
        else:
            heading.kind = named_kind.get(style) or list_kind[style]
            heading.level = levels[heading.kind]
