"""Layout: headings, paragraphs, furniture, boxes and tables from positioned lines."""

from __future__ import annotations

import pytest

from plantext.ingest.model import Line, Page, SourceDocument
from plantext.ingest.text import read_text
from plantext.layout import BoxRegion, Paragraph, TableRegion, analyse, match_heading, match_run_in_heading


@pytest.mark.parametrize(
    "line,style,label,number,title",
    [
        ("第一章   准确把握生态环境保护新形势", "chapter", "第一章", 1, "准确把握生态环境保护新形势"),
        ("第十一章 推进治理体系和治理能力现代化", "chapter", "第十一章", 11, "推进治理体系和治理能力现代化"),
        ("第 三 节  建立健全绿色发展保障机制", "section", "第三节", 3, "建立健全绿色发展保障机制"),
        ("第二篇 总体要求", "part", "第二篇", 2, "总体要求"),
        ("第一部分　规划背景", "part", "第一部分", 1, "规划背景"),
        ("一、发展基础与形势", "chinese_list", "一、", 1, "发展基础与形势"),
        ("（二）主要目标", "chinese_parenthesised", "（二）", 2, "主要目标"),
        ("(三)保障措施", "chinese_parenthesised", "（三）", 3, "保障措施"),
        ("3. 强化风险防控", "arabic_list", "3.", 3, "强化风险防控"),
        ("（12）加强监测", "arabic_parenthesised", "（12）", 12, "加强监测"),
        ("1　发展基础", "numbered_chapter", "1", 1, "发展基础"),
        ("专栏 4   水生态环境维护重大工程", "box", "专栏 4", 4, "水生态环境维护重大工程"),
        ("专栏1 污染治理重点工程", "box", "专栏 1", 1, "污染治理重点工程"),
        ("专栏2 医疗废物处置重点工程（共2项，总投资约1.2亿元）", "box", "专栏 2", 2, "医疗废物处置重点工程（共2项，总投资约1.2亿元）"),
        ("表 2 青海省“十四五”生态环境保护主要指标", "table", "表 2", 2, "青海省“十四五”生态环境保护主要指标"),
        ("表1    “十四五”生态环境保护主要指标", "table", "表 1", 1, "“十四五”生态环境保护主要指标"),
        ("附表1　湖北省生态文明建设主要指标", "table", "附表 1", 1, "湖北省生态文明建设主要指标"),
        ("专栏一　固体废物利用处置重点工程", "box", "专栏 1", 1, "固体废物利用处置重点工程"),
        ("专栏3-1土壤污染防治重点工程", "box", "专栏 3-1", None, "土壤污染防治重点工程"),  # numbered within its chapter
        ("专栏 3-2   地下水污染防治重点工程", "box", "专栏 3-2", None, "地下水污染防治重点工程"),
        ("附表　云溪区“十四五”生态环境保护重点项目表", "table", "附表", None, "云溪区“十四五”生态环境保护重点项目表"),  # a single annexed table
        ("表二　重点工程项目清单", "table", "表 2", 2, "重点工程项目清单"),
        ("1.1     “十三五”工作成效", "decimal_section", "1.1", 1, "“十三五”工作成效"),
        ("4.1.2   加强移动源和面源管控", "decimal_subsection", "4.1.2", 2, "加强移动源和面源管控"),
        ("附件    名词解释", "annex", "附件", None, "名词解释"),
        ("附件 2", "annex", "附件 2", 2, ""),
        # an appendix is an annex, labelled as printed (review plan qingya)
        ("附录　名词解释", "annex", "附录", None, "名词解释"),
        ("附录 1", "annex", "附录 1", 1, ""),
    ],
)
def test_match_heading_reads_numbering_styles(line, style, label, number, title):
    found = match_heading(line)
    assert (found.style, found.label, found.number, found.title) == (style, label, number, title)


@pytest.mark.parametrize(
    "line",
    [
        "一是，加大综合治理力度，减少多污染物排放",  # running text opening with 一是
        "一、全面控制污染物排放；二、推动经济结构转型升级",  # a list inside a sentence
        "附件:名词解释",  # the list of annexes at the end of the main text
        "1.“三个最大”:2016 年 8 月习近平总书记在青海视察时指出，青海最大",  # a glossary item
        "第十四个五年规划和二〇三五年远景目标纲要",  # 第… that is no heading
        "表明生态环境质量持续改善",  # 表 opening a word
        "附表所列项目由各区县负责实施",  # a sentence mentioning the annexed table
    ],
)
def test_running_text_is_not_a_heading(line):
    assert match_heading(line) is None


def layout_of(tmp_path, text: str):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return analyse(read_text(path))


def test_paragraph_joins_across_a_page_break_and_drops_page_numbers(tmp_path):
    text = (
        "某省“十四五”生态环境保护规划\n\n"
        "  “十三五”时期，全省生态环境质量持续改善，人民群众的生态环境获得\n"
        "感不断增强，生态文明建设取得\n\n\n                — 1 —\n\f"
        "显著成效。\n"
        "  第二段从这里开始。\n"
    )
    layout = layout_of(tmp_path, text)
    paragraphs = layout.paragraphs
    assert [p.text for p in paragraphs] == [
        "“十三五”时期，全省生态环境质量持续改善，人民群众的生态环境获得感不断增强，生态文明建设取得显著成效。",
        "第二段从这里开始。",
    ]
    assert (paragraphs[0].page, paragraphs[0].page_at(len(paragraphs[0].text) - 2)) == (1, 2)


def test_title_wrapped_over_two_centred_lines(tmp_path):
    text = " 甘肃省“十四五”生态环境保护规划（测试语\n                  料）\n  正文第一段。\n"
    assert layout_of(tmp_path, text).title == "甘肃省“十四五”生态环境保护规划（测试语料）"


def test_heading_split_over_two_centred_lines(tmp_path):
    text = (
        "某省规划\n\n"
        "          第十一章 推进治理体系和\n"
        "            治理能力现代化\n\n"
        "  正文第一段，内容足够长以便形成一个完整的段落而不是标题行。\n"
    )
    headings = layout_of(tmp_path, text).headings
    assert [(h.match.label, h.match.title) for h in headings] == [("第十一章", "推进治理体系和治理能力现代化")]


def test_letter_spaced_annex_title_on_the_next_line(tmp_path):
    text = "某省规划\n\n附件\n\n名 词 解 释\n\n1.碳达峰:指二氧化碳排放达到峰值。\n"
    headings = layout_of(tmp_path, text).headings
    assert [(h.kind, h.match.label, h.match.title) for h in headings] == [("annex", "附件", "名词解释")]


def test_list_styles_become_chapters_and_sections_without_named_levels(tmp_path):
    text = "某省规划\n\n一、发展基础\n\n（一）主要进展\n\n  全省持续推进生态环境问题整改。\n"
    headings = layout_of(tmp_path, text).headings
    assert [(h.kind, h.level) for h in headings] == [("chapter", 1), ("section", 2)]


def test_list_styles_are_subsections_under_chapters_and_sections(tmp_path):
    text = "某省规划\n\n第一章 总体要求\n\n第一节 主要目标\n\n一、空气质量\n\n  全省空气质量持续改善。\n"
    headings = layout_of(tmp_path, text).headings
    assert [(h.kind, h.level) for h in headings] == [("chapter", 1), ("section", 2), ("subsection", 3)]


@pytest.mark.parametrize(
    "line,label,title",
    [
        ("（一）加强组织领导。国家发展改革委、生态环境部要会同有关部门", "（一）", "加强组织领导"),
        ("2.补齐污水收集短板。“十四五”期间，全省新增污水管网", "2.", "补齐污水收集短板"),
        ("三、强化政策支持。加大中央预算内投资支持力度", "三、", "强化政策支持"),
    ],
)
def test_a_short_lead_closed_by_a_full_stop_is_a_run_in_heading(line, label, title):
    found = match_run_in_heading(line)
    assert (found.label, found.title) == (label, title)


@pytest.mark.parametrize(
    "line",
    [
        # nothing after the lead on its line
        "（一）加强组织领导。",
        # a lead too long for a title, or one holding a comma
        "（一）到2025年，全省地表水国控断面水质优良比例达到85%以上。其余",
        # a figure makes the lead a goal, not a title
        "1.森林覆盖率达到30%。到2025年，全市新增造林5万亩",
        # a named label is never run-in
        "第一章 总体要求。本章",
        # no label
        "加强组织领导。国家发展改革委",
    ],
)
def test_what_is_no_run_in_heading(line):
    assert match_run_in_heading(line) is None


def test_run_in_sections_carry_on_the_outline_and_keep_their_paragraph(tmp_path):
    text = (
        "某某工作方案\n\n一、总体要求\n\n（一）指导思想\n\n  以生态文明思想为指导。\n\n"
        "二、保障措施\n\n"
        "  （一）加强组织领导。国家发展改革委要会同有关部门加强统筹协调。\n\n"
        "  （二）强化政策支持。加大中央预算内投资支持力度。\n"
    )
    layout = layout_of(tmp_path, text)
    assert [(h.kind, h.match.label, h.match.title) for h in layout.headings] == [
        ("chapter", "一、", "总体要求"),
        ("section", "（一）", "指导思想"),
        ("chapter", "二、", "保障措施"),
        ("section", "（一）", "加强组织领导"),
        ("section", "（二）", "强化政策支持"),
    ]
    assert [p.text for p in layout.paragraphs][-2:] == [
        "（一）加强组织领导。国家发展改革委要会同有关部门加强统筹协调。",
        "（二）强化政策支持。加大中央预算内投资支持力度。",
    ]


def test_a_run_in_label_that_breaks_its_styles_numbering_is_running_text(tmp_path):
    text = "某某工作方案\n\n一、总体要求\n\n  （三）加强组织领导。国家发展改革委要会同有关部门加强统筹协调。\n"
    assert [h.match.label for h in layout_of(tmp_path, text).headings] == ["一、"]


def test_box_runs_to_the_next_heading(tmp_path):
    text = (
        "某省规划\n\n第一章 生态保护\n\n"
        "          专栏 1   生态保护重大工程\n\n"
        "  祁连山生态保护工程。推进矿山迹地修复。\n\n"
        "第二章 污染防治\n\n  正文。\n"
    )
    blocks = layout_of(tmp_path, text).blocks
    box = next(block for block in blocks if isinstance(block, BoxRegion))
    assert [p.text for p in box.paragraphs] == ["祁连山生态保护工程。推进矿山迹地修复。"]
    assert isinstance(blocks[-1], Paragraph) and blocks[-1].text == "正文。"


def test_flattened_table_cells_are_not_headings_and_notes_stay_with_the_table(tmp_path):
    body = "生态环境质量持续改善，主要污染物排放总量持续减少，生态系统稳定性明显增强，人居环境显著改善。"
    text = (
        "某省规划\n\n"
        "表 1 某省“十三五”主要指标\n（1）水环\n境质量\n80 >85 100 完成\n"
        "注:1.全省地表水国控断面为19个。\n"
        f"{body}\n"
    )
    layout = layout_of(tmp_path, text)
    table = next(block for block in layout.blocks if isinstance(block, TableRegion))
    assert [line.text for line in table.lines] == ["（1）水环", "境质量", "80 >85 100 完成"]
    assert [note.text for note in table.notes] == ["注:1.全省地表水国控断面为19个。"]
    assert [h.match.label for h in layout.headings] == ["表 1"]
    assert layout.paragraphs[-1].text == body


@pytest.mark.parametrize(
    "line",
    [
        "表1确定的约束性指标制定年度计划，逐项分解落实",  # a sentence that mentions a table
        "专栏2所列重点工程由各地负责实施",
        "附件中的重点项目纳入年度计划",
        "附录中的术语按国家标准执行",
        "专栏2（见附件）所列重点工程，由各地负责实施",  # a comma outside the aside
    ],
)
def test_sentences_mentioning_tables_boxes_and_annexes_are_not_headings(line):
    assert match_heading(line) is None


def test_a_list_heading_may_hold_a_comma():
    assert match_heading("（三）强化源头治理，推进减污降碳").title == "强化源头治理，推进减污降碳"


def test_a_label_alone_takes_its_title_from_the_next_line(tmp_path):
    text = "某省规划\n\n第二章\n\n保障措施\n\n  加强组织领导，落实工作责任。\n"
    assert [(h.match.label, h.match.title) for h in layout_of(tmp_path, text).headings] == [("第二章", "保障措施")]


def test_list_headings_in_a_dump_without_paragraph_marks(tmp_path):
    text = (
        "杭州市生态环境保护“十四五”规划\n"
        "一、规划背景\n"
        "“十三五”期间，全市生态环境质量持续改善，主要污染物排放总量持续减少，生态系统稳定性明显增强。\n"
        "二、主要任务\n"
        "坚持精准治污、科学治污、依法治污，深入打好污染防治攻坚战，持续改善生态环境质量。\n"
    )
    assert [h.match.title for h in layout_of(tmp_path, text).headings] == ["规划背景", "主要任务"]


def test_a_list_heading_after_a_table_ends_the_table_when_it_carries_on_the_outline(tmp_path):
    text = (
        "某省规划\n\n一、总体要求\n\n（一）主要目标\n\n  到2025年，生态环境质量持续改善。\n\n"
        "表 1 主要指标\n 序号   指标        2020 年   2025 年   属性\n 1      森林覆盖率（%）   40.2     41      约束性\n"
        "（二）保障措施\n\n  加强组织领导，落实工作责任。\n"
    )
    layout = layout_of(tmp_path, text)
    table = next(block for block in layout.blocks if isinstance(block, TableRegion))
    assert [line.text for line in table.lines][-1].startswith("1")
    assert [h.match.label for h in layout.headings] == ["一、", "（一）", "表 1", "（二）"]


def test_a_tables_own_group_row_that_happens_to_carry_on_the_outline_stays_in_the_table(tmp_path):
    # 三、防洪减灾 follows the outline's 二、, but also the table's 一、 and 二、.
    text = (
        "某省规划\n\n一、发展基础\n\n  水利基础设施不断完善。\n\n二、规划目标\n\n  到2025年，水安全保障能力明显增强。\n\n"
        "表 2 主要指标\n"
        "指标名称                          2020年现状值   2025年目标值   指标属性\n"
        "一、水资源节约集约\n"
        "1.用水总量（亿立方米）            245            ＜260          约束性\n"
        "二、水生态保护\n"
        "2.重要河湖生态流量达标率（%）     90             ≥95            约束性\n"
        "三、防洪减灾\n"
        "3.县级以上城市防洪标准达标率（%） 78             90             预期性\n\n"
        "  注：表中〔〕内为五年累计数。\n\n"
        "第二部分 主要任务\n\n  全面强化节水。\n"
    )
    layout = layout_of(tmp_path, text)
    table = next(block for block in layout.blocks if isinstance(block, TableRegion))
    assert [h.match.label for h in layout.headings] == ["一、", "二、", "表 2", "第二部分"]
    assert table.lines[-1].text.startswith("3.县级以上城市防洪标准达标率")


def test_a_list_heading_after_the_tables_last_group_is_the_outlines(tmp_path):
    # 三、 carries on the table's 一、 and 二、, but prose follows it, not rows.
    text = (
        "某市规划\n\n一、规划基础\n\n  城市生态空间格局不断优化。\n\n二、目标指标\n\n  到2025年，全市森林覆盖率达到41%。\n\n"
        "表 1 主要指标\n"
        "序号         指标          2020 年  2025 年    属性\n"
        "一、生态保护\n"
        " 1       森林覆盖率（%）       40.2    41     约束性\n"
        "二、城市绿化\n"
        " 2     建成区绿化覆盖率（%）    43.5    ≥45    预期性\n\n"
        "三、主要任务\n\n"
        "（一）建设龙泉山城市森林公园\n\n  推进龙泉山生态修复。\n"
    )
    layout = layout_of(tmp_path, text)
    assert [h.match.label for h in layout.headings] == ["一、", "二、", "表 1", "三、", "（一）"]


def test_groups_inside_a_box_do_not_close_it(tmp_path):
    text = (
        "某省规划\n\n第三章 污染防治\n\n第一节 大气\n\n          专栏 1   重点工程\n\n"
        "一、大气污染防治工程\n\n  钢铁行业超低排放改造。推进钢铁企业改造。\n\n"
        "二、水污染防治工程\n\n  九大高原湖泊保护治理。实施湖泊保护治理。\n\n"
        "第二节 水\n\n  正文。\n"
    )
    box = next(block for block in layout_of(tmp_path, text).blocks if isinstance(block, BoxRegion))
    assert len(box.paragraphs) == 4


def test_a_bare_page_number_is_dropped_only_where_the_document_prints_them(tmp_path):
    pages = [f"第{n}页的正文，生态环境质量持续改善，主要污染物排放总量持续减少。\n{n}\n" for n in range(1, 5)]
    layout = layout_of(tmp_path, "某省规划\n\n" + "\f".join(pages))
    assert all(not paragraph.text.endswith(("1", "2", "3", "4")) for paragraph in layout.paragraphs)
    table_page = "表 1 主要指标\n规划指标\n2020年\n2025年\n指标属性\n森林覆盖率(%)\n7.5\n8.0\n约束性\n"
    prose = "全省生态环境质量持续改善，主要污染物排放总量持续减少，生态系统稳定性明显增强。\n" * 3
    layout = layout_of(tmp_path, "某省规划\n\n" + prose + table_page + "\f" + "4\n湿地保护率(%)\n64.31\n≥66\n约束性\n")
    table = next(block for block in layout.blocks if isinstance(block, TableRegion))
    assert "4" in [line.text for line in table.lines]


def test_a_running_footer_above_the_page_number_is_dropped(tmp_path):
    pages = [f"  正文第{n}页，全省生态环境质量持续改善，主要污染物排放\n总量持续减少。\n某省生态环境厅印发\n— {n} —\n" for n in range(1, 5)]
    layout = layout_of(tmp_path, "某省规划\n\n" + "\f".join(pages))
    assert not any("印发" in paragraph.text for paragraph in layout.paragraphs)


@pytest.mark.parametrize(
    "title,region",
    [
        ("青海省“十四五”生态环境保护规划", "青海省"),
        ("杭州市生态环境保护“十四五”规划", "杭州市"),
        ("西宁市“十四五”生态环境保护规划", "西宁市"),
        ("“十四五”生态环境保护规划", "全国"),
        # titles naming other kinds of plan: 实施方案, 行动计划
        ("洛阳市臭氧污染防治攻坚行动实施方案（2023—2025年）", "洛阳市"),
        ("河南省洛阳市大气污染防治行动计划", "河南省洛阳市"),
        # a province the vocabulary lacks
        ("汉屏省“十四五”生态环境保护规划", "汉屏省"),
    ],
)
def test_region_from_the_title(title, region):
    from plantext.extractors.document import find_region

    assert find_region(title) == region


def test_title_after_a_cover_letter_and_running_as_page_header(tmp_path):
    cover = (
        "广西壮族自治区人民政府办公厅关于印发\n广西生态环境保护“十四五”规划的通知\n\n"
        "  经自治区人民政府同意，现将《广西生态环境保护“十四五”规划》印发给你们，请认真贯彻执行。\n"
    )
    body = "广西生态环境保护“十四五”规划\n  全区生态环境质量持续改善，主要污染物排放总量持续减少，生态系统稳定性明显增强。\n"
    layout = layout_of(tmp_path, cover + "\f" + "\f".join([body] * 4))
    assert layout.title == "广西生态环境保护“十四五”规划"


def test_a_title_printed_under_the_same_running_header_on_the_first_page_is_kept(tmp_path):
    # review plan nfga: a ministry plan runs its title at the head of every page
    header = "            “十四五”全国湿地保护规划\n\n"
    first = (
        header + "        “十四五”全国湿地保护规划\n"
        "  为加强湿地保护修复，国家林业和草原局\n会同有关部门编制本规划。规划期为 2021—2025 年。\n\n"
        "            第一章     发展基础\n\n  “十三五”期间，全国新增湿地面积 20.26 万公顷。\n"
    )
    later = header + "  全国湿地保护率达到50%以上，国际重要湿地达到64处，湿地保护体系不断完善。\n"
    layout = layout_of(tmp_path, "\f".join([first, later, later, later]))
    assert layout.title == "“十四五”全国湿地保护规划"
    assert [heading.match.label for heading in layout.headings][:1] == ["第一章"]


def test_a_sentence_naming_the_plan_and_the_heading_under_it_are_no_title(tmp_path):
    text = (
        "  为加强湿地保护修复，国家林业和草原局\n会同有关部门编制本规划。规划期为 2021—2025 年。\n"
        "            第一章     发展基础\n\n  “十三五”期间，全国新增湿地面积 20.26 万公顷。\n"
    )
    assert "第一章" not in layout_of(tmp_path, text).title


def test_a_text_that_opens_with_its_first_heading_has_no_title_line(tmp_path):
    layout = layout_of(tmp_path, "第一章 总则\n\n  为推进生态环境保护工作，制定本规划。\n")
    assert layout.title == ""
    assert [h.match.title for h in layout.headings] == ["总则"]


def test_a_continued_caption_carries_on_the_same_table(tmp_path):
    text = (
        "某省规划\n\n表 1 主要指标\n 序号   指标        2020 年   2025 年   属性\n 1      森林覆盖率（%）   40.2     41      约束性\n"
        "\f表 1 主要指标（续）\n 序号   指标        2020 年   2025 年   属性\n 2      湿地保护率（%）   50     55      预期性\n"
    )
    layout = layout_of(tmp_path, text)
    tables = [block for block in layout.blocks if isinstance(block, TableRegion)]
    assert len(tables) == 1 and [h.match.label for h in layout.headings] == ["表 1"]
    assert tables[0].lines[-1].text.startswith("2")


def test_frames_drawn_as_four_rules_and_sides_in_pieces():
    from plantext.ingest.model import Box
    from plantext.ingest.pdf import frames_from_rules

    top, bottom = Box(73, 342, 527, 344), Box(73, 659, 527, 661)
    left_pieces = [Box(74, 342, 76, 371), Box(74, 369, 76, 481), Box(74, 479, 76, 662)]
    right_pieces = [Box(525, 342, 527, 371), Box(525, 369, 527, 662)]
    assert frames_from_rules([top, bottom, *left_pieces, *right_pieces], 595) == [Box(73, 342, 527, 661)]


def test_a_ruled_table_is_no_frame():
    from plantext.ingest.model import Box
    from plantext.ingest.pdf import frames_from_rules

    rules = [Box(73, 100, 527, 101), Box(73, 200, 527, 201), Box(73, 100, 74, 201), Box(526, 100, 527, 201), Box(300, 100, 301, 201)]
    assert frames_from_rules(rules, 595) == []


def test_subsections_are_kept_apart_from_the_outline(tmp_path):
    from plantext.extractors.outline import extract_outline, extract_subheadings

    text = "某省规划\n\n第一章 总体要求\n\n第一节 主要目标\n\n一、空气质量\n\n  全省空气质量持续改善。\n"
    layout = layout_of(tmp_path, text)
    assert [h.label for h in extract_outline(layout)] == ["第一章", "第一节"]
    assert [(h.kind, h.label, h.level) for h in extract_subheadings(layout)] == [("subsection", "一、", 3)]


def test_a_box_label_added_by_a_researcher_is_read_after_a_first_extraction(tmp_path):
    import plantext.vocab as vocab

    assert match_heading("方框 3 重点工程") is None  # the numbering styles are built by now
    extra = tmp_path / "numbering.yaml"
    extra.write_text('boxes:\n  pattern: "(?:专栏|方框)\\\\s*(?P<num>{arabic}|{chinese})"\n', encoding="utf-8")
    vocab.extend_vocabulary("numbering", extra)
    try:
        found = match_heading("方框 3 重点工程")
        assert (found.style, found.label, found.title) == ("box", "专栏 3", "重点工程")
    finally:
        vocab.reset_vocabularies()
    assert match_heading("方框 3 重点工程") is None


def test_web_page_chrome_is_dropped_and_the_title_is_the_plans(tmp_path):
    text = (
        "首页 > 政务公开 > 规划计划\n"
        "某市“十四五”生态环境保护规划\n"
        "发布时间：2021-12-30  来源：市政府办公厅\n"
        "第一章　规划背景\n"
        "“十三五”期间，全市建成污水处理厂18座。\n"
        "【打印本页】【关闭窗口】\n"
        "主办：市人民政府办公厅  版权所有\n"
    )
    layout = layout_of(tmp_path, text)
    assert layout.title == "某市“十四五”生态环境保护规划"
    assert [p.text for p in layout.paragraphs] == ["“十三五”期间，全市建成污水处理厂18座。"]


def test_a_plan_sentence_holding_a_chrome_word_is_kept(tmp_path):
    text = (
        "某市“十四五”生态环境保护规划\n"
        "来源：生态环境部门监测数据表明，到2025年，全市空气质量优良天数比例达到90%。\n"
        "依法打击侵犯版权所有人合法权益的行为。\n"
    )
    assert [p.text for p in layout_of(tmp_path, text).paragraphs] == [
        "来源：生态环境部门监测数据表明，到2025年，全市空气质量优良天数比例达到90%。依法打击侵犯版权所有人合法权益的行为。"
    ]


def test_chrome_words_in_the_body_of_a_document_are_its_text(tmp_path):
    body = "".join(f"第{number}段，全市生态环境持续改善。\n" for number in range(1, 15))
    text = "某市“十四五”生态环境保护规划\n" + body + "字号：大 中 小\n" + body
    assert any("字号：大中小" in p.text for p in layout_of(tmp_path, text).paragraphs)


def test_a_prose_line_naming_a_period_and_a_plan_is_no_title(tmp_path):
    text = (
        "某市国土空间生态修复规划\n前言\n“十四五”时期是我市生态修复规划实施的关键阶段\n"
        "，必须坚持系统观念。规划期限为2021—2035年。\n第一章　规划背景\n"
    )
    assert layout_of(tmp_path, text).title == "某市国土空间生态修复规划"


def test_a_title_naming_the_period_wins_over_a_menu_line_naming_a_plan(tmp_path):
    text = "政务公开  规划计划\n某市“十四五”生态环境保护规划\n第一章　规划背景\n“十三五”期间，全市生态环境持续改善。\n"
    assert layout_of(tmp_path, text).title == "某市“十四五”生态环境保护规划"


def test_a_title_wrapped_inside_its_years_wins_over_a_cover_letter_sentence_naming_it(tmp_path):
    text = (
        "国务院办公厅关于印发塑料污染治理攻坚工作\n       方案（2023—2025 年）的通知\n"
        "  《塑料污染治理攻坚工作方案（2023—2025 年）》已经国\n务院同意，现印发给你们。\n\f"
        " 塑料污染治理攻坚工作方案（2023—2025\n               年）\n"
        "  为深入贯彻落实党中央、国务院决策部署，制定本方案。\n\n  一、总体要求\n"
    )
    assert layout_of(tmp_path, text).title == "塑料污染治理攻坚工作方案（2023—2025年）"


def test_a_title_wrapped_inside_its_plan_word(tmp_path):
    text = "广西壮族自治区“十四五”固体废物污染防治规\n划\n第一部分\n规划背景\n一、工作基础\n“十三五”期间，全区累计建成焚烧发电厂18座。\n"
    layout = layout_of(tmp_path, text)
    assert layout.title == "广西壮族自治区“十四五”固体废物污染防治规划"
    assert [(h.match.label, h.match.title) for h in layout.headings] == [("第一部分", "规划背景"), ("一、", "工作基础")]


@pytest.mark.parametrize(
    "opening,title",
    [
        # the second line names a plan, but only the two together name its period
        ("江澜省“十四五”土壤、地下水和农村生态环境\n             保护规划\n", "江澜省“十四五”土壤、地下水和农村生态环境保护规划"),
        ("江澜省“十四五”土壤、地下水和农村生态环境\n保护规划\n", "江澜省“十四五”土壤、地下水和农村生态环境保护规划"),
        # a line above a title that names the period on its own is not part of it
        ("生态环境部\n“十四五”生态环境保护规划\n", "“十四五”生态环境保护规划"),
    ],
)
def test_a_title_wrapped_before_a_line_that_names_the_plan_alone(tmp_path, opening, title):
    text = opening + "  为深入打好净土保卫战，持续改善全省土壤环境质量，编制本规划。\n第一部分　规划背景\n"
    assert layout_of(tmp_path, text).title == title


def test_stacked_labels_take_the_title_lines_below_them_in_order(tmp_path):
    text = (
        "某市“十四五”生态环境保护规划\n第一章\n第一节\n\n规划背景\n\n主要成效\n\n"
        "“十三五”期间，全市环境持续改善。\n第二节\n\n面临形势\n\n问题突出。\n"
    )
    headings = layout_of(tmp_path, text).headings
    assert [(h.match.label, h.match.title) for h in headings] == [("第一章", "规划背景"), ("第一节", "主要成效"), ("第二节", "面临形势")]


def test_a_bare_table_label_takes_its_caption_after_a_column_header_read_before_it(tmp_path):
    text = "某市“十四五”规划\n表1\n序号\n主要指标\n指标\n单位\n2020年\n2025年\n属性\n1\n森林覆盖率\n%\n31.9\n32.5\n预期性\n"
    layout = layout_of(tmp_path, text)
    table = next(block for block in layout.blocks if isinstance(block, TableRegion))
    assert (table.heading.match.label, table.heading.match.title) == ("表 1", "主要指标")
    assert [line.text for line in table.lines][:2] == ["序号", "指标"]


def test_a_bare_table_label_takes_its_caption_printed_among_header_and_group_cells(tmp_path):
    text = (
        "某市“十四五”林业发展规划\n表1\n类别\n国土绿化\n生态保护\n序号\n"
        "某市“十四五”林业发展主要指标\n指标（单位）\n2020年实际\n2025年目标\n属性\n1\n森林覆盖率（%）\n41.3\n42.5\n约束性\n"
    )
    table = next(block for block in layout_of(tmp_path, text).blocks if isinstance(block, TableRegion))
    assert (table.heading.match.label, table.heading.match.title) == ("表 1", "某市“十四五”林业发展主要指标")
    assert [line.text for line in table.lines][:3] == ["类别", "国土绿化", "生态保护"]


def test_a_bare_continued_table_mark_carries_on_the_table_and_is_no_row(tmp_path):
    text = (
        "某县规划\n\n        表1    长汀县“十五五”生态文明建设主要指标\n"
        "  类别     指标                    2025 年   2030 年   属性\n"
        " 生态保护    森林覆盖率（%）               80.3     80.5    约束\n"
        "\f                       续表\n"
        "  类别    指标                   2025 年   2030 年   属性\n"
        " 环境质量   集中式饮用水水源地水质达标率（%）     100      100     约束\n"
    )
    layout = layout_of(tmp_path, text)
    tables = [block for block in layout.blocks if isinstance(block, TableRegion)]
    assert len(tables) == 1 and "续表" not in [line.text.strip() for line in tables[0].lines]
    assert tables[0].lines[-1].text.strip().startswith("环境质量")


def test_a_short_group_line_of_a_box_ends_its_paragraph_before_the_first_item(tmp_path):
    text = (
        "某市“十四五”生态环境保护规划\n第一章　主要任务\n专栏1　重点工程\n"
        "（一）工业固体废物\n（1）赤泥综合利用工程：在百色建设示范基地。\n"
        "（二）生活垃圾\n（1）焚烧发电工程：新建焚烧发电厂12座。\n"
    )
    box = next(block for block in layout_of(tmp_path, text).blocks if isinstance(block, BoxRegion))
    assert [p.text for p in box.paragraphs] == [
        "（一）工业固体废物",
        "（1）赤泥综合利用工程：在百色建设示范基地。",
        "（二）生活垃圾",
        "（1）焚烧发电工程：新建焚烧发电厂12座。",
    ]


def test_a_bare_table_label_above_its_column_headers_opens_a_table_without_a_caption(tmp_path):
    text = "某市“十四五”生态环境保护规划\n第一章　主要目标\n表1\n序号\n指标\n单位\n2020年\n2025年\n属性\n"
    tables = [block for block in layout_of(tmp_path, text).blocks if isinstance(block, TableRegion)]
    assert [(table.heading.match.label, table.heading.match.title, table.lines[0].text) for table in tables] == [("表 1", "", "序号")]


def _pdf_line(text: str, top: float, bold: bool = False, x0: float = 90.0) -> Line:
    """A line of a PDF page set in 10-point type, its text one em per character."""
    return Line(text=text, page=1, x0=x0, top=top, x1=x0 + 10.0 * len(text), bottom=top + 10.0, em=10.0, bold=bold)


def _pdf_source(lines: list[Line]) -> SourceDocument:
    page = Page(number=1, width=595.0, height=842.0, lines=lines)
    return SourceDocument(path="plan.pdf", format="pdf", sha256="", pages=[page])


def test_a_bold_run_in_lead_does_not_end_its_paragraph_at_the_first_line():
    lines = [
        _pdf_line("（二）持续改善水环境质量", 100.0, bold=True),
        _pdf_line("2.补齐城镇污水收集处理短板。“十四五”期间，全省新", 120.0, bold=True, x0=110.0),
        _pdf_line("增城镇污水处理能力150万吨/日，城市生活污水集中收", 140.0),
        _pdf_line("集率达到70%以上，县城污水处理率达到95%以上。", 160.0),
        _pdf_line("3.加强工业园区污水治理。推进工业园区污水管网排查", 180.0, bold=True, x0=110.0),
        _pdf_line("整治，到2025年实现污水集中处理设施全覆盖，出水稳", 200.0),
        _pdf_line("定达标。", 220.0),
    ]
    paragraphs = [block.text for block in analyse(_pdf_source(lines)).blocks if isinstance(block, Paragraph)]
    assert paragraphs == [
        "2.补齐城镇污水收集处理短板。“十四五”期间，全省新增城镇污水处理能力150万吨/日，城市生活污水集中收集率达到70%以上，县城污水处理率达到95%以上。",
        "3.加强工业园区污水治理。推进工业园区污水管网排查整治，到2025年实现污水集中处理设施全覆盖，出水稳定达标。",
    ]


def test_the_plans_years_on_the_line_under_its_title_belong_to_the_title(tmp_path):
    text = (
        "  洛阳市臭氧污染防治攻坚行动实施方案\n\n"
        "          （2023—2025 年）\n"
        "  2022 年，全市臭氧日最大 8 小时平均浓度第 90 百分位数为\n"
        "178 微克/立方米，超标天数达 46 天。\n\n"
        "  一、总体要求\n"
    )
    assert layout_of(tmp_path, text).title == "洛阳市臭氧污染防治攻坚行动实施方案（2023—2025年）"


def test_a_row_of_column_headers_opens_a_table_without_rules_or_label(tmp_path):
    text = (
        "某市臭氧污染防治攻坚行动实施方案\n\n"
        "  一、总体要求\n\n"
        "  到2025年，全市细颗粒物浓度控制在40微克/立方米以下。\n\n"
        "     附件\n\n"
        "          某市臭氧污染防治攻坚行动重点任务分工表\n"
        "序号   重点任务                  牵头单位    配合单位        完成时限\n"
        "1    完成全市“两高”项目清单更新       市发展改革委   市工业和信息化局    2023年底前\n"
        "2    完成低效治理设施升级改造         市生态环境局   各县（市、区）政府   2024年底前\n"
    )
    tables = [block for block in layout_of(tmp_path, text).blocks if isinstance(block, TableRegion)]
    assert [(table.caption, len(table.lines)) for table in tables] == [("某市臭氧污染防治攻坚行动重点任务分工表", 3)]


def test_a_header_row_with_an_investment_column_and_its_unit_opens_a_table(tmp_path):
    text = (
        "某省生态环境保护规划\n\n"
        "  一、重点项目\n\n"
        "  全省共安排重点项目二项。\n\n"
        "           某省生态环境保护重点项目表\n"
        "序号   项目名称         建设内容              建设期限        总投资（亿\n"
        "                                                 元）\n"
        "1    汉江干流生态缓冲带修   修复干流两岸生态缓冲带 120   2021—2024    18.6\n"
        "     复工程          公里，建设人工湿地 6 处        年\n"
    )
    tables = [block for block in layout_of(tmp_path, text).blocks if isinstance(block, TableRegion)]
    assert [(table.caption, len(table.lines)) for table in tables] == [("某省生态环境保护重点项目表", 4)]


def test_a_caption_line_naming_a_table_above_its_header_row_is_its_caption(tmp_path):
    text = (
        "某市生态环境保护规划\n\n"
        "  一、重点项目\n\n"
        "  全市共安排重点项目二项。\n\n"
        "          重点项目清单\n"
        "序号   重点任务                  牵头单位        完成时限\n"
        "1    建成污水处理厂一座             市住房城乡建设局   2024年底前\n"
    )
    tables = [block for block in layout_of(tmp_path, text).blocks if isinstance(block, TableRegion)]
    assert [table.caption for table in tables] == ["重点项目清单"]


@pytest.mark.parametrize("mark", ["续表", "续表 1", "续表1-2", "（续）"])
def test_a_continued_table_mark_on_a_new_page_is_no_row_of_the_table(tmp_path, mark):
    header = "指标                  单位     2020 年     2025 年    属性\n"
    text = (
        "某省生态保护修复规划\n\n"
        "          表 1   主要指标\n" + header + "生态保护红线面积          万平方公里   2.11     不减少      约束性\n"
        f"\f                          {mark}\n" + header + "森林覆盖率               %          19.5     20          约束性\n"
        "\n\n第二章 主要任务\n"
    )
    tables = [block for block in layout_of(tmp_path, text).blocks if isinstance(block, TableRegion)]
    assert [line.text.split()[0] for line in tables[0].lines] == ["指标", "生态保护红线面积", "森林覆盖率"]


def test_a_header_printed_again_on_a_later_page_is_no_row_of_its_table(tmp_path):
    header = "指标                  单位     2020     2025 年    属性\n                            年\n"
    text = (
        "某省生态保护修复规划\n\n"
        "          表 1   主要指标\n" + header + "生态保护红线面积          万平方公里   2.11     不减少      约束性\n"
        "\f" + header + "生态质量指数（EQI）       —          62.5     稳中向好    预期性\n"
        "\n\n第二章 主要任务\n"
    )
    tables = [block for block in layout_of(tmp_path, text).blocks if isinstance(block, TableRegion)]
    assert [line.text.split()[0] for line in tables[0].lines] == ["指标", "年", "生态保护红线面积", "生态质量指数（EQI）"]


def test_a_line_naming_a_list_above_a_table_in_a_box_stays_the_boxs_text(tmp_path):
    text = (
        "某市生态环境保护规划\n\n第三章 重点工程\n\n"
        "            专栏 1   重点工程\n"
        "  以下为全市今后五年重点推进的生态环境保护工程项目清单\n"
        "序号   项目名称                 建设内容\n"
        "1     污水处理厂提标改造工程        新增处理规模 10 万吨/日。\n"
        "\n\n第四章 保障措施\n\n  加强组织领导。\n"
    )
    blocks = layout_of(tmp_path, text).blocks
    boxes = [block for block in blocks if isinstance(block, BoxRegion)]
    tables = [block for block in blocks if isinstance(block, TableRegion)]
    assert [paragraph.text for paragraph in boxes[0].paragraphs] == ["以下为全市今后五年重点推进的生态环境保护工程项目清单"]
    assert [(table.label, table.caption) for table in tables] == [("专栏 1", "重点工程")]


def test_a_header_cell_joining_two_headers_is_a_header(tmp_path):
    text = (
        "某省国民经济和社会发展第十五个五年规划纲要\n\n第十章 推进生态文明建设\n\n"
        "            专栏 1   “十五五”时期生态环境主要指标\n"
        "类别    指标                     2025 年   2030 年   年均/累计   属性\n"
        "环境    地级城市空气质量优良天数比例（%）  98.5      99        —        约束性\n"
        "\n\n第十一章 保障措施\n\n  加强组织领导。\n"
    )
    tables = [block for block in layout_of(tmp_path, text).blocks if isinstance(block, TableRegion)]
    assert [(table.label, len(table.lines)) for table in tables] == [("专栏 1", 2)]


def test_a_year_header_naming_its_values_role_opens_a_table_in_a_box(tmp_path):
    # 2020 年基期值 / 2025 年目标值, wrapped in their cells as 2020 年基 / 期值.
    text = (
        "“十四五”全国农业绿色发展规划\n\n第二章 总体要求\n\n"
        "        专栏 1   “十四五”农业绿色发展主要指标\n"
        " 指标                 2020 年基    2025 年目   年均增速   指标属性\n"
        "                        期值      标值\n"
        " 主要农作物化肥利用率（%）①         40.2    43 以上     —     预期性\n"
        "\n\n第三章 重点任务\n\n  加强组织领导。\n"
    )
    tables = [block for block in layout_of(tmp_path, text).blocks if isinstance(block, TableRegion)]
    assert [(table.label, len(table.lines)) for table in tables] == [("专栏 1", 3)]


@pytest.mark.parametrize(
    "group,item",
    [
        ("（一）就地保护", "■ 自然保护地整合优化工程：整合优化雾峰山、清江源等自然保"),
        ("（一）滨海湿地保护修复", "漳江口红树林保护修复工程：在漳江口、九龙江口营造红树林"),
    ],
)
def test_a_short_group_line_of_a_box_ends_its_paragraph_before_an_item_without_a_list_label(tmp_path, group, item):
    # pdftotext without -layout: no indents, no blank lines inside the box.
    text = (
        "雾岭州生物多样性保护规划（2021—2030年）\n第一章\n\n主要任务\n\n专栏 1\n\n重点工程\n\n"
        f"{group}\n{item}\n"
        "护地，完成勘界立标，新建管护站点 12 处，修复栖息地 8000 公顷。\n"
    )
    box = next(block for block in layout_of(tmp_path, text).blocks if isinstance(block, BoxRegion))
    assert [p.text for p in box.paragraphs][0] == group


def test_a_list_heading_filling_its_line_in_a_dump_without_indents_or_paragraph_marks(tmp_path):
    # The style's short headings (（二）强化建筑垃圾全过程管理) show that its
    # headings stand alone; the first fills its line like a paragraph's.
    text = (
        "青澜市“无废城市”建设实施方案（2022—2025年）\n三、主要任务\n"
        "（一）推动工业绿色低碳发展，减少工业固体废物产生\n"
        "全面推行清洁生产，推动化工、建材、有色金属等重点行\n"
        "业绿色化改造。2023 年底前，全市完成 30 家重点企业强制性清\n"
        "洁生产审核。\n"
        "（二）强化建筑垃圾全过程管理\n"
        "推行建筑垃圾分类收集和资源化利用，推广装配式建筑和\n"
        "绿色建材。\n"
    )
    layout = layout_of(tmp_path, text)
    assert [h.match.title for h in layout.headings] == [
        "主要任务",
        "推动工业绿色低碳发展，减少工业固体废物产生",
        "强化建筑垃圾全过程管理",
    ]
    assert layout.paragraphs[0].text.startswith("全面推行清洁生产")


def test_a_long_list_line_is_running_text_where_the_style_never_stands_alone(tmp_path):
    text = (
        "青澜市“无废城市”建设实施方案（2022—2025年）\n三、主要任务\n"
        "（一）推动工业绿色低碳发展，全面推行清洁生产，推动化工\n"
        "、建材、有色金属等重点行业绿色化改造。2023 年底前，全市完成\n"
        " 30 家重点企业强制性清洁生产审核。\n"
    )
    layout = layout_of(tmp_path, text)
    assert [h.match.title for h in layout.headings] == ["主要任务"]


def test_a_list_heading_filling_its_line_stands_alone_above_a_paragraph_indented_as_far():
    lines = [
        _pdf_line("（一）推动工业绿色低碳发展，减少工业固体废物产生", 100.0, bold=True, x0=110.0),
        _pdf_line("全面推行清洁生产，推动化工、建材、有色金属等重点行", 120.0, x0=110.0),
        _pdf_line("业绿色化改造。二〇二三年底前，全市完成三十家重点企业强", 140.0),
        _pdf_line("制性清洁生产审核，创建“无废园区”五个、“无废工厂”五", 160.0),
        _pdf_line("十家。", 180.0),
    ]
    blocks = analyse(_pdf_source(lines)).blocks
    assert [block.match.title for block in blocks if not isinstance(block, Paragraph)] == ["推动工业绿色低碳发展，减少工业固体废物产生"]
    assert [block.text for block in blocks if isinstance(block, Paragraph)] == [
        "全面推行清洁生产，推动化工、建材、有色金属等重点行业绿色化改造。二〇二三年底前，全市完成三十家重点企业强制性清洁生产审核，创建“无废园区”五个、“无废工厂”五十家。"
    ]


def test_a_run_in_item_filling_its_line_goes_on_at_the_margin():
    lines = [
        _pdf_line("（一）推动工业绿色低碳发展，全面推行清洁生产，推动化工", 100.0, x0=110.0),
        _pdf_line("、建材、有色金属等重点行业绿色化改造。2023年底前，全市完成", 120.0),
        _pdf_line("30家重点企业强制性清洁生产审核。", 140.0),
    ]
    blocks = analyse(_pdf_source(lines)).blocks
    assert [type(block) for block in blocks] == [Paragraph]


@pytest.mark.parametrize(
    "caption",
    [
        # pdftotext -layout: the label and the caption's first line, the aside closing on the next.
        "专栏 2   生活领域固体废物资源化利用重点工程（共 5 项，总投资约\n                   18.3 亿元）\n",
        # pdftotext without -layout: the bare label, then the caption over two lines.
        "专栏 2\n\n生活领域固体废物资源化利用重点工程（共 5 项，总投资约\n18.3 亿元）\n\n",
    ],
)
def test_a_box_caption_whose_aside_wraps_onto_the_next_line_keeps_it(tmp_path, caption):
    text = (
        "青澜市“无废城市”建设实施方案（2022—2025年）\n三、主要任务\n"
        f"{caption}"
        "1.城东生活垃圾焚烧发电厂二期工程：新增生活垃圾焚烧处理能\n"
        "力 1500 吨/日，总投资约 8.6 亿元。\n"
    )
    box = next(block for block in layout_of(tmp_path, text).blocks if isinstance(block, BoxRegion))
    assert (box.heading.match.title, box.paragraphs[0].text[:2]) == ("生活领域固体废物资源化利用重点工程（共5项，总投资约18.3亿元）", "1.")


def test_a_bulleted_item_opens_a_paragraph_after_a_group_line_of_any_length(tmp_path):
    text = (
        "雾岭州生物多样性保护规划（2021—2030年）\n第一章\n\n主要任务\n\n专栏 1\n\n重点工程\n\n"
        "（一）重要生态系统保护和修复重大工程\n"
        "■ 自然保护地整合优化工程：整合优化雾峰山、清江源等自然保\n"
        "护地，完成勘界立标，新建管护站点 12 处，修复栖息地 8000 公顷。\n"
        "■ 生态廊道建设工程：在雾峰山—云台山之间建设野生动物生态\n"
        "廊道 3 条。\n"
    )
    box = next(block for block in layout_of(tmp_path, text).blocks if isinstance(block, BoxRegion))
    assert [p.text for p in box.paragraphs] == [
        "（一）重要生态系统保护和修复重大工程",
        "■自然保护地整合优化工程：整合优化雾峰山、清江源等自然保护地，完成勘界立标，新建管护站点12处，修复栖息地8000公顷。",
        "■生态廊道建设工程：在雾峰山—云台山之间建设野生动物生态廊道3条。",
    ]


DECIMAL_PLAN = (
    "        云溪区“十四五”生态环境保护规划\n"
    "                  第1章   规划基础\n\n"
    "  1.1     “十三五”工作成效\n\n"
    "  1.1.1    环境质量持续改善\n\n"
    "  “十三五”期间，全区新增造林面积 2.6 万亩，森林覆盖率达到\n"
    "52.3%。\n"
    "2.5 万亩退化林完成修复，成效明显\n\n"
    "  1.2     面临的形势\n\n"
    "  全区产业结构偏重。\n\n"
    "               第2章   总体要求\n"
    "  2.1   指导思想\n\n"
    "  坚持以习近平新时代中国特色社会主义思想为指导。\n"
)


def test_decimal_headings_under_a_chapter_are_its_sections_and_subsections(tmp_path):
    from plantext.extractors.outline import extract_outline, extract_subheadings

    layout = layout_of(tmp_path, DECIMAL_PLAN)
    assert [(h.kind, h.label, h.number, h.title, h.level) for h in extract_outline(layout)] == [
        ("chapter", "第1章", 1, "规划基础", 1),
        ("section", "1.1", 1, "“十三五”工作成效", 2),
        ("section", "1.2", 2, "面临的形势", 2),
        ("chapter", "第2章", 2, "总体要求", 1),  # 2.1 on the next line is no wrapped part of its title
        ("section", "2.1", 1, "指导思想", 2),
    ]
    assert [(h.kind, h.label, h.title) for h in extract_subheadings(layout)] == [("subsection", "1.1.1", "环境质量持续改善")]


def test_a_decimal_not_opening_with_its_chapters_number_is_text(tmp_path):
    # 2.5 万亩 under 第1章 opens a short line of its own after a sentence, as 1.2 would.
    paragraphs = [p.text for p in layout_of(tmp_path, DECIMAL_PLAN).paragraphs]
    assert "2.5万亩退化林完成修复，成效明显" in paragraphs


def test_decimal_labels_stacked_under_a_chapter_take_their_titles_below(tmp_path):
    text = (
        "云溪区“十四五”生态环境保护规划\n第1章\n1.1\n\n规划基础\n\n“十三五”工作成效\n\n"
        "1.1.1\n\n环境质量持续改善\n\n全区空气质量持续改善。\n1.2\n\n面临的形势\n\n短板明显。\n\n"
        "第2章\n2.1\n\n总体要求\n\n指导思想\n\n坚持生态优先。\n"
    )
    headings = layout_of(tmp_path, text).headings
    assert [(h.match.label, h.match.title) for h in headings] == [
        ("第1章", "规划基础"),
        ("1.1", "“十三五”工作成效"),
        ("1.1.1", "环境质量持续改善"),
        ("1.2", "面临的形势"),
        ("第2章", "总体要求"),
        ("2.1", "指导思想"),
    ]


def test_a_bare_decimal_that_does_not_carry_on_the_numbering_is_no_heading(tmp_path):
    # A cell 1.5 alone on its line under 第1章, after its 1.1: no 1.2 came before it.
    text = "某区规划\n第1章\n\n规划基础\n\n1.1\n\n工作成效\n\n全区改善明显。\n1.5\n\n万吨\n\n"
    assert [h.match.label for h in layout_of(tmp_path, text).headings] == ["第1章", "1.1"]


def test_a_wrapped_line_opening_with_a_decimal_carries_on_its_paragraph(tmp_path):
    text = (
        "成都市林业发展规划\n\n  （三）加强林业资源保护\n\n"
        "  全面推行林长制，严格林地用途管制。到 2025 年末，林业\n"
        "有害生物成灾率控制在 3.5‰以下，森林火灾受害率稳定在\n\f"
        "0.9‰以内。2022 年起，每年开展一次森林资源管理“一张\n图”年度更新。\n"
    )
    paragraphs = [p.text for p in layout_of(tmp_path, text).paragraphs]
    assert any("稳定在0.9‰以内" in paragraph for paragraph in paragraphs)


def test_a_bare_table_label_takes_its_caption_after_the_first_piece_of_a_wrapped_header(tmp_path):
    text = "某区规划\n\n第1章 主要任务\n\n附表\n序\n\n云溪区“十四五”生态环境保护重点项目表\n\n项目名称\n\n建设内容\n\n号\n"
    tables = [block for block in layout_of(tmp_path, text).blocks if isinstance(block, TableRegion)]
    assert [(t.heading.match.label, t.heading.match.title) for t in tables] == [("附表", "云溪区“十四五”生态环境保护重点项目表")]


# A dump without layout (pdftotext without -layout) of a 专栏 holding the
# plan's indicator table: the box title is read after the table's first header.
BOX_WITH_TABLE_ONE_CELL_PER_LINE = (
    "  展望 2035 年，湿地保护率达到 60%以上。\n"
    "专栏 1\n序号\n\n“十四五”湿地保护主要指标\n\n指标\n\n2020 年\n\n2025 年\n\n属性\n\n"
    "1\n\n湿地保有量（亿亩）\n\n8.0\n\n不低于 8.0\n\n约束性\n\n"
    "2\n\n湿地保护率（%）\n\n50\n\n55\n\n约束性\n\n"
    "3\n\n国际重要湿地（处）\n\n64\n\n80\n\n预期性\n"
)


def test_a_box_label_takes_its_title_from_after_the_first_header_of_its_table(tmp_path):
    layout = layout_of(tmp_path, BOX_WITH_TABLE_ONE_CELL_PER_LINE)
    (box,) = [heading for heading in layout.headings if heading.match.style == "box"]
    assert (box.match.label, box.match.title) == ("专栏 1", "“十四五”湿地保护主要指标")


def test_a_header_printed_one_cell_per_line_opens_the_table_of_a_box(tmp_path):
    layout = layout_of(tmp_path, BOX_WITH_TABLE_ONE_CELL_PER_LINE)
    (table,) = [block for block in layout.blocks if isinstance(block, TableRegion)]
    assert (table.label, table.caption) == ("专栏 1", "“十四五”湿地保护主要指标")
    assert [line.text for line in table.lines][:3] == ["序号", "指标", "2020 年"]


def test_a_table_wider_than_the_prose_does_not_make_full_prose_lines_short(tmp_path):
    # review plan chengyang: a short plan whose table rows run past the
    # prose's right edge; a full line closing a bracket runs on
    text = (
        "某流域“十四五”水生态环境保护规划\n\n"
        "      到 2025 年，流域国省控断面水质优良（达到或好于Ⅲ类）\n"
        "比例达到 85.7%以上，劣Ⅴ类水体全面消除，白沙河城关桥断\n"
        "面水质稳定达到Ⅲ类，河口桥断面水质达到Ⅱ类，城市污水处\n"
        "理率达到 97%以上。\n\n"
        "        表1      白沙河流域水生态环境保护主要指标\n"
        "序号     类别     指标                     2020 年   2025 年   属性\n"
        " 1     水环境    劣Ⅴ类断面比例（%）                14.3      0      约束性\n"
        " 2            城市污水处理率（%）                  93.5     ≥97     预期性\n"
        " 3            城市再生水利用率（%）                18.0     ≥25     预期性\n"
    )
    paragraphs = [paragraph.text for paragraph in layout_of(tmp_path, text).paragraphs]
    assert paragraphs[0].startswith("到2025年，流域国省控断面水质优良（达到或好于Ⅲ类）比例达到85.7%以上")


def test_a_header_row_opened_by_a_year_column_over_rows_of_years_opens_a_table(tmp_path):
    # review plan qingshui: a target table turned round, its rows years
    text = (
        "青水县农村生活污水治理三年行动方案（2023—2025年）\n\n"
        "   附件 1\n\n           青水县农村生活污水治理三年行动主要目标\n"
        "   年度        农村生活污水治   累计完成治理行   设施运维覆盖率   黑臭水体整治完\n"
        "              理率（%）     政村（个）      （%）      成率（%）\n"
        "2022 年（基期）      38        35        70        —\n"
        "  2023 年        45        55        85        40\n"
        "  2025 年       ≥60       ≥100      100       100\n"
    )
    (table,) = [block for block in layout_of(tmp_path, text).blocks if isinstance(block, TableRegion)]
    assert [line.text.split()[0] for line in table.lines] == ["年度", "理率（%）", "2022", "2023", "2025"]


# A city plan numbered 1 / 1.1 / 1.1.1, without 第1章 (review plan qingya).
NUMBERED_CHAPTERS = (
    "某市“十四五”节能规划\n\n"
    "  1     发展基础\n\n  1.1   “十三五”节能成效\n\n"
    "  “十三五”期间，全市单位地区生产总值能耗累计下降16.8%，超额完成目标任务。到2020年，共完成\n"
    "12 个重点用能单位节能改造。\n\n"
    "  1.2   面临形势\n\n  全市产业结构偏重，能源消费总量仍将刚性增长。\n\n"
    "  2     总体要求\n\n  2.1   指导思想\n\n  坚持节约优先，推动能源消费革命。\n\n"
    "  2.1.1   总体目标\n\n  到2025年，单位地区生产总值能耗下降14.5%。\n"
)


def test_bare_numbered_chapters_and_their_decimal_sections_are_the_outline(tmp_path):
    headings = layout_of(tmp_path, NUMBERED_CHAPTERS).headings
    assert [(h.kind, h.match.label, h.match.title, h.level) for h in headings] == [
        ("chapter", "1", "发展基础", 1),
        ("section", "1.1", "“十三五”节能成效", 2),
        ("section", "1.2", "面临形势", 2),
        ("chapter", "2", "总体要求", 1),
        ("section", "2.1", "指导思想", 2),
        ("subsection", "2.1.1", "总体目标", 3),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a count opening a line of prose, after a sentence
        "某市规划\n\n  全市共有重点用能单位 86 家。\n12 个重点用能单位完成节能改造\n\n  推动能源消费革命。\n",
        # a number and a title not followed by its first section
        "某市规划\n\n  全市共有重点用能单位 86 家。\n\n  1     发展基础\n\n  全市产业结构偏重，能源消费总量仍将刚性增长。\n",
    ],
)
def test_a_bare_number_and_words_without_its_first_section_is_no_chapter(tmp_path, text):
    assert [h.match.label for h in layout_of(tmp_path, text).headings] == []


def test_a_box_whose_table_header_follows_its_label_and_names_no_table_has_no_title(tmp_path):
    text = "某省规划\n\n  推进湿地保护修复。\n专栏 2\n序号\n工程名称\n建设内容\n1\n湿地修复工程\n修复湿地1万亩\n"
    layout = layout_of(tmp_path, text)
    (box,) = [heading for heading in layout.headings if heading.match.style == "box"]
    (table,) = [block for block in layout.blocks if isinstance(block, TableRegion)]
    assert (box.match.title, [line.text for line in table.lines][:3]) == ("", ["序号", "工程名称", "建设内容"])


# ---------------------------------------------------------------- footnotes
# Not from the corpora: a city plan with a word processor's footnotes,
# dumped by pdftotext -layout (its raised marks on lines of their own).

FOOTNOTED_PAGES = (
    "汀溪市噪声污染防治行动方案\n\n"
    "   到 2025 年，全市声环境功能区 夜间达标率达到 85%以上，\n"
    "                             ②\n\n\n\n"
    "城市建成区噪声敏感建筑物集中区域 基本实现声环境质量监测     ③\n\n\n\n"
    "全覆盖。到 2027 年，声环境功能区昼间、夜间达标率分别达到\n\n\n"
    "② 声环境功能区：指按照区域的使用功能特点和环境质量要求划分的 0 类至 4 类声环境功能区\n"
    "域，各类区域分别执行相应的环境噪声限值。\n\n"
    "③ 噪声敏感建筑物集中区域：指医疗区、文教科研区和以机关或者居民住宅为主的区域。\n\n\n"
    "                     — 1 —\n"
    "\f95%、88%。\n"
)


def test_footnotes_at_the_foot_of_a_page_are_set_apart_and_the_text_runs_on_across_them(tmp_path):
    layout = layout_of(tmp_path, FOOTNOTED_PAGES)
    assert [p.text for p in layout.paragraphs] == [
        "到2025年，全市声环境功能区夜间达标率达到85%以上，城市建成区噪声敏感建筑物集中区域基本实现声环境质量监测"
        "全覆盖。到2027年，声环境功能区昼间、夜间达标率分别达到95%、88%。"
    ]
    assert [(p.text, p.page) for p in layout.footnotes] == [
        ("②声环境功能区：指按照区域的使用功能特点和环境质量要求划分的0类至4类声环境功能区域，各类区域分别执行相应的环境噪声限值。", 1),
        ("③噪声敏感建筑物集中区域：指医疗区、文教科研区和以机关或者居民住宅为主的区域。", 1),
    ]


def test_numbered_lines_at_the_foot_of_a_page_whose_marks_the_text_does_not_print_stay_text(tmp_path):
    text = "某市规划\n\n  主要任务如下：\n① 加强大气污染防治，持续改善空气质量。\n② 加强水污染防治，保障饮用水安全。\n"
    layout = layout_of(tmp_path, text)
    assert layout.footnotes == []
    assert layout.paragraphs[-1].text.endswith("②加强水污染防治，保障饮用水安全。")


def test_marked_lines_after_a_tables_note_are_more_notes_not_footnotes(tmp_path):
    text = (
        "某市规划\n\n表 1 主要指标\n\n序号   指标             2020 年   2025 年   属性\n"
        "1      森林覆盖率①      35.2      36        约束性\n"
        "2      湿地保护率②      52        55        预期性\n\n"
        "注：① 按国土调查口径。\n② 含小微湿地。\n"
    )
    assert layout_of(tmp_path, text).footnotes == []


def _sized_line(text: str, top: float, em: float, page: int = 1) -> Line:
    from plantext.ingest.model import Segment

    return Line(text=text, page=page, x0=80.0, top=top, x1=80.0 + em * len(text), bottom=top + em, em=em, segments=(Segment(text, 80.0, 80.0 + em * len(text)),))


def test_a_pdfs_footnotes_are_smaller_than_its_text_and_a_larger_marked_line_is_text():
    lines = [
        _sized_line("到2025年，全市声环境功能区②夜间达标率达到85%以上，", 500, 16),
        _sized_line("城市建成区基本实现声环境质量监测全覆盖。", 528, 16),
        _sized_line("②声环境功能区：指按照区域的使用功能特点划分的区域。", 700, 10.5),
    ]
    from plantext.footnotes import footnotes_start

    assert footnotes_start(lines, 16, lambda line: False) == 2
    larger = lines[:2] + [_sized_line("② 加强水污染防治，保障饮用水安全。", 700, 16), _sized_line("正文。", 730, 12)]
    assert footnotes_start(larger, 16, lambda line: False) is None


def test_footnotes_numbered_in_plain_digits_are_set_apart_with_the_numbers_a_dump_prints_apart(tmp_path):
    text = FOOTNOTED_PAGES.replace("②", "2").replace("③", "3")
    layout = layout_of(tmp_path, text)
    assert [p.text for p in layout.paragraphs] == [
        "到2025年，全市声环境功能区夜间达标率达到85%以上，城市建成区噪声敏感建筑物集中区域基本实现声环境质量监测"
        "全覆盖。到2027年，声环境功能区昼间、夜间达标率分别达到95%、88%。"
    ]
    assert [p.text[:8] for p in layout.footnotes] == ["2声环境功能区：", "3噪声敏感建筑物"]


def test_a_lone_number_on_a_page_without_footnotes_stays(tmp_path):
    text = "某市规划\n\n  全市共建成监测站点\n                2\n  个，覆盖全部区县。\n"
    assert "2" in "".join(p.text for p in layout_of(tmp_path, text).paragraphs)



@pytest.mark.parametrize(
    "text",
    [
        # lists of ① items under two headings: a mark opening a line or after punctuation opens an item
        "某县规划\n\n    （一）深入打好蓝天保卫战。重点做好以下工作：\n①推进工业污染深度治理。\n②强化移动源污染防治。\n"
        "    （二）深入打好碧水保卫战。重点做好以下工作：\n①饮用水水源保护：到2025年，水质达标率达到100%。\n"
        "②黑臭水体治理：到2025年，黑臭水体消除比例达到90%以上。\n",
        # an inline list wrapped so that a line opens with its next mark
        "某县规划\n\n    1.高标准农田建设工程：①新建高标准农田20万亩；②改善灌溉面积30万亩；③建设\n"
        "高效节水灌溉示范区5个。\n    2.农田水利建设工程：①新建渠道50公里；\n②改善灌溉面积30万亩。\n",
        # a power (m²) before a wrapped line that opens with a number
        "某市规划\n\n    到 2025 年，人均公园绿地面积达到 14.8 m²。新建口袋公园 50 个，创建国家生态园林城市\n"
        "2 个，省级园林城镇 10 个，城市公园绿化活动场地服务半径覆盖率达到 85% 以上。\n",
    ],
)
def test_marks_opening_list_items_or_powers_are_no_footnote_marks(tmp_path, text):
    assert layout_of(tmp_path, text).footnotes == []
