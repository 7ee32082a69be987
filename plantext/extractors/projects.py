"""Key projects: the items of every 专栏 box, as name and description."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from plantext.extractors.glossary import is_glossary_title
from plantext.layout import BoxRegion, Layout, Paragraph, TableRegion, match_heading, numbering_styles
from plantext.models import Project
from plantext.timeexpr import find_time_expressions
from plantext.vocab import load_vocabulary, vocabulary_table


@dataclass
class _Item:
    name: str
    page: int
    description: str = ""


def _item_number() -> regex.Pattern:
    return vocabulary_table(_build_item_number, "projects")


def _build_item_number(vocab) -> regex.Pattern:
    return regex.compile(vocab["item_number"])


def _item_number_anywhere() -> regex.Pattern:
    return vocabulary_table(_build_item_number_anywhere, "projects")


def _build_item_number_anywhere(vocab) -> regex.Pattern:
    return regex.compile(vocab["item_number"].lstrip("^"))


def extract_projects(layout: Layout) -> list[Project]:
    projects: list[Project] = []
    for block in layout.blocks:
        if isinstance(block, BoxRegion) and not is_glossary_title(block.heading.match.title):
            # A box may hold the glossary (专栏1 名词解释): its entries are terms, not projects.
            projects.extend(box_projects(block))
        elif isinstance(block, TableRegion) and block.heading is None and block.label:
            projects.extend(box_table_projects(block))
    return projects


def box_table_projects(region: TableRegion) -> list[Project]:
    """Projects of a 专栏 laid out as a table (序号 | 工程名称 | 主要建设内容)."""
    from plantext.extractors.tables import read_region

    table = read_region(region)
    if table is None:
        return []
    vocab = load_vocabulary("projects")
    name = _column(table.columns, vocab["table_name_headers"])
    description = _column(table.columns, vocab["table_description_headers"])
    if name is None:
        return []
    return [
        Project(
            box=region.label,
            box_title=region.caption or "",
            name=row.cells[name],
            description=row.cells[description] if description is not None else "",
            page=row.page,
        )
        for row in table.rows
        if row.cells[name]
    ]


def _column(headers: list[str], words: list[str]) -> int | None:
    for word in words:
        for index, header in enumerate(headers):
            if word in header:
                return index
    return None


def box_projects(box: BoxRegion) -> list[Project]:
    items: list[_Item] = []
    paragraphs = box.paragraphs
    index = 0
    while index < len(paragraphs):
        if _is_group_heading(paragraphs, index):
            index += 1
            continue  # a group of items inside the box (一、大气污染防治工程), not an item
        count = len(items)
        read_paragraph(paragraphs[index], items)
        sub_items = _sub_items(paragraphs, index) if len(items) > count else []
        for sub_item in sub_items:
            items[-1].description += sub_item.text
        index += 1 + len(sub_items)
    return [
        Project(
            box=box.heading.match.label,
            box_title=box.heading.match.title,
            name=item.name,
            description=item.description,
            page=item.page,
        )
        for item in items
    ]


def _sub_items(paragraphs: list[Paragraph], index: int) -> list[Paragraph]:
    """The paragraphs after the item at ``index`` numbered at a lower rank
    than it (1.城镇污水处理提质增效工程 / （1）扩建…。 / （2）新建…。): they
    describe the item, labels kept.  Sub-items that read as named items
    (（1）赤泥综合利用工程：…) are items of their own, the line above them
    their group.  A name with no list label of its own (【…工程】, ■ …工程,
    or none) alone on its paragraph takes the numbered work below it the
    same way: any list label is a rank below it."""
    rank = _list_rank(paragraphs[index].text)
    if rank is None and not _is_name_only(paragraphs[index]):
        return []
    sub_items = []
    for paragraph in paragraphs[index + 1 :]:
        sub_rank = _list_rank(paragraph.text)
        if sub_rank is None or (rank is not None and sub_rank <= rank) or _names_an_item(paragraph):
            break
        sub_items.append(paragraph)
    return sub_items


def _list_rank(text: str) -> int | None:
    """The rank of the list label opening the text, 0 for the outermost, in
    the order of numbering.yaml's hierarchy (一、 （一） 1. （1）), then the
    marks projects.yaml ranks below them (①); None for a text opening with
    no list label."""
    list_styles = [style for style in numbering_styles() if style.group == "list"]
    rank = next((rank for rank, style in enumerate(list_styles) if style.pattern.match(text)), None)
    if rank is None and _sub_item_mark().match(text):
        return len(list_styles)
    return rank


def _sub_item_mark() -> regex.Pattern:
    return vocabulary_table(_build_sub_item_mark, "projects")


def _build_sub_item_mark(vocab) -> regex.Pattern:
    return regex.compile(vocab["sub_item_mark"])


def _names_an_item(paragraph: Paragraph) -> bool:
    """Does the numbered paragraph open with a project name: before a colon,
    as its first sentence, or alone on its first line?  A sub-item of work
    (（1）扩建第二污水处理厂，新增…。) does not."""
    numbered = _item_number().match(paragraph.text)
    position = numbered.end() if numbered else 0
    return _opens_with_name(paragraph.text) or name_line(paragraph, position) is not None


def _opens_with_name(text: str) -> bool:
    """Does the text, after its item number, open with a name before a
    colon or a first sentence that reads as a project name?"""
    numbered = _item_number().match(text)
    position = numbered.end() if numbered else 0
    head, _ = split_colon_name(text[position:])
    first_sentence, _ = next(sentences(text, position), ("", 0))  # a label alone has none
    return head is not None or is_project_name(first_sentence.rstrip("。"))


def _is_group_heading(paragraphs: list[Paragraph], index: int) -> bool:
    """Does the paragraph at ``index`` head a group of items rather than
    name one: a group label of the outline's lists above items of its own,
    or any numbered line with no text of its own above named items a rank
    deeper (1.重要生态系统保护修复 / （1）梧岭山脉…工程。实施…)?"""
    if _is_group(paragraphs[index].text) and _heads_items(paragraphs, index):
        return True
    return _heads_named_sub_items(paragraphs, index)


def _heads_named_sub_items(paragraphs: list[Paragraph], index: int) -> bool:
    """A numbered line that is a name only, followed by a paragraph numbered
    a rank deeper that names an item, or heads a group itself, is a group:
    its items are the projects.  Followed by lines of work (（1）扩建…，…。)
    it is an item, they its description (see ``_sub_items``); with text of
    its own (1.…工程。推进…。) it is an item whatever follows."""
    rank = _list_rank(paragraphs[index].text)
    if rank is None or index + 1 >= len(paragraphs) or not _is_name_only(paragraphs[index]):
        return False
    sub_rank = _list_rank(paragraphs[index + 1].text)
    if sub_rank is None or sub_rank <= rank:
        return False
    return _names_an_item(paragraphs[index + 1]) or _is_group_heading(paragraphs, index + 1)


def _is_name_only(paragraph: Paragraph) -> bool:
    """Is the numbered paragraph a label and a short name, nothing after it?"""
    numbered = _item_number().match(paragraph.text)
    rest = paragraph.text[numbered.end() if numbered else 0 :]
    return _is_short_name(rest.removesuffix("。")) and ":" not in rest and "：" not in rest


def _is_group(text: str) -> bool:
    """Does the paragraph open with a group label of the outline's list styles (一、 （一）)?"""
    label = match_heading(text)
    return label is not None and label.style in ("chinese_list", "chinese_parenthesised")


def _heads_items(paragraphs: list[Paragraph], index: int) -> bool:
    """Is the group paragraph at ``index`` followed by items of its own: a
    numbered paragraph, or one opening with a name and a colon?  A group
    line followed by plain text (（一）空气质量预报预警能力建设 / 完善…) is
    itself an item, the text its description."""
    if index + 1 >= len(paragraphs):
        return False
    following = paragraphs[index + 1].text
    if bracketed_name(following) is not None:
        return True  # 一、生态屏障工程 / 【琅山…工程】实施…: a named item of the group
    if _is_group(following):
        # A group of the same rank after it is its sibling, no item of its
        # own: (一)…工程 / (二)…工程 are the items of a box numbered in groups only.
        return match_heading(following).style != match_heading(paragraphs[index].text).style
    if _item_number().match(following) is not None:
        # A numbered line under it opens an item of the group only when it
        # names one or heads a group of its own; lines of work (（一）… /
        # 1.扩建…，…。) describe it.
        return _names_an_item(paragraphs[index + 1]) or _heads_named_sub_items(paragraphs, index + 1)
    name, _ = split_colon_name(following)
    return name is not None and is_project_name(name)


def read_paragraph(paragraph: Paragraph, items: list[_Item]) -> None:
    """Split one box paragraph into item names and description text."""
    text = paragraph.text
    for start, end in item_spans(text):
        read_item(text[start:end], start, paragraph, items)


def item_spans(text: str) -> list[tuple[int, int]]:
    """Spans of a paragraph that open an item with a number or a bracketed
    name: items often run together on one line (1.…工程。推进…。2.…工程。…,
    【…工程】…。【…工程】…。); a paragraph without them is one span."""
    vocab = load_vocabulary("projects")
    separators = vocab["item_separators"]
    starts = [0]
    rank = _list_rank(text)
    for found in _item_number_anywhere().finditer(text):
        if found.start() > 0 and text[found.start() - 1] in separators and not _is_run_on_sub_item(text[found.start() :], rank):
            starts.append(found.start())
    openings = tuple(opening for opening, _ in vocab["name_brackets"])
    for index in range(1, len(text)):
        if text[index - 1] in separators and text.startswith(openings, index) and bracketed_name(text[index:]) is not None:
            starts.append(index)
    starts.sort()
    return [(start, end) for start, end in zip(starts, starts[1:] + [len(text)]) if end > start]


def _is_run_on_sub_item(text: str, rank: int | None) -> bool:
    """Is the number opening ``text``, inside a paragraph whose own label
    has list rank ``rank`` (None: no list label), a sub-item of work run on
    after its item (1.…工程：（1）扩建…；（2）新建…。)?  It is when it is
    numbered a rank deeper and names no project, as ``_sub_items`` decides
    for sub-items on lines of their own."""
    sub_rank = _list_rank(text)
    deeper = sub_rank is not None and (rank is None or sub_rank > rank)
    return deeper and not _opens_with_name(text)


def read_item(text: str, offset: int, paragraph: Paragraph, items: list[_Item]) -> None:
    numbered = _item_number().match(text)
    position = numbered.end() if numbered else 0
    bracketed = bracketed_name(text[position:])
    if bracketed is not None:
        name, description = bracketed
        items.append(_Item(name, paragraph.page_at(offset + position), description))
        return
    if numbered and offset == 0:
        name = name_line(paragraph, position)
        if name is not None:
            items.append(_Item(name, paragraph.page))
            position += len(name)
            if position < len(text):
                items[-1].description = text[position:]
            return
    first = True
    for sentence, start in sentences(text, position):
        page = paragraph.page_at(offset + start)
        head, rest = split_colon_name(sentence) if first else (None, None)
        if head is not None and (numbered or is_project_name(head)):
            items.append(_Item(head, page, rest))
        elif (first and numbered) or (not numbered and is_project_name(sentence.rstrip("。"))):
            # A numbered item's later sentences describe it: the next item
            # has a number of its own.
            items.append(_Item(sentence.rstrip("。"), page))
        elif items:
            items[-1].description += sentence
        first = False


def name_line(paragraph: Paragraph, position: int) -> str | None:
    """The name of a numbered item printed alone on the paragraph's first
    line (01 公共卫生服务能力提升工程 / 建设市公共卫生临床中心…。): a line
    without sentence marks that reads as a project name or ends clearly
    before the lines after it (so it is no line of wrapped text)."""
    from plantext.normalize import normalize_text

    lines = paragraph.lines
    if len(lines) < 2:
        return None
    first = normalize_text(lines[0].text)
    if not paragraph.text.startswith(first) or len(first) <= position:
        return None
    name = first[position:]
    vocab = load_vocabulary("projects")
    if len(name) > vocab["max_name_length"] or any(mark in name for mark in vocab["not_in_name"] + "。:："):
        return None
    longest = max(line.x1 for line in lines[1:])
    ends_early = longest - lines[0].x1 >= vocab["name_line_short_by_ems"] * lines[0].em
    return name if ends_early or is_project_name(name) else None


def sentences(text: str, position: int = 0):
    """Sentences ending in 。 (the last may end without), with their offsets."""
    while position < len(text):
        end = text.find("。", position)
        end = len(text) if end < 0 else end + 1
        yield text[position:end], position
        position = end


def bracketed_name(text: str) -> tuple[str, str] | None:
    """``【名称】说明`` → (名称, 说明) when the text opens with a bracket of
    projects.yaml's ``name_brackets`` holding a short name.  A bracket of
    figures (〔25〕, a five-year total) holds no name."""
    vocab = load_vocabulary("projects")
    for opening, closing in vocab["name_brackets"]:
        if not text.startswith(opening):
            continue
        end = text.find(closing, len(opening))
        name = text[len(opening) : end] if end >= 0 else ""
        if _is_short_name(name):
            # 【名称】：说明 — a colon after the bracket only parts name and description.
            return name, text[end + len(closing) :].lstrip(":：")
    return None


def _is_short_name(text: str) -> bool:
    vocab = load_vocabulary("projects")
    return (
        0 < len(text) <= vocab["max_name_length"]
        and not any(mark in text for mark in vocab["not_in_name"] + "。")
        and regex.search(r"\p{Han}", text) is not None
    )


def split_colon_name(sentence: str) -> tuple[str | None, str | None]:
    """``名称：说明`` → (名称, 说明) when a short name comes before the colon."""
    vocab = load_vocabulary("projects")
    for index, char in enumerate(sentence[: vocab["max_name_length"] + 1]):
        if char in ":：":
            name = sentence[:index]
            if name and not any(mark in name for mark in vocab["not_in_name"] + "。"):
                return name, sentence[index + 1 :]
            break
    return None, None


def is_project_name(text: str) -> bool:
    import jieba
    import jieba.posseg

    vocab = load_vocabulary("projects")
    if not text or len(text) > vocab["max_name_length"]:
        return False
    if any(mark in text for mark in vocab["not_in_name"]) or "。" in text:
        return False
    if not text.endswith(tuple(vocab["name_suffixes"])):
        return False
    if any(expression.start == 0 for expression in find_time_expressions(text)):
        # 2023年底前完成干流城区段建设: a dated sentence is work of the item above.
        return False
    # A description opens with a verb (实施…工程); jieba's first word is a
    # prefix of the text, so only a text opening with one of the verbs is cut.
    verbs = vocab["description_verbs"]
    if text.startswith(tuple(verbs)) and next(iter(jieba.cut(text)), "") in verbs:
        return False
    if text.endswith(tuple(vocab["weak_name_suffixes"])):
        first = next(iter(jieba.posseg.cut(text)), None)
        return first is not None and not first.flag.startswith("v")
    return True
