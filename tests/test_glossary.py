"""The glossary annex (名词解释) and inline abbreviations."""

from __future__ import annotations

import pytest

from plantext.extractors.glossary import (
    expansion_before,
    extract_abbreviations,
    extract_glossary,
    strip_term_quotes,
    table_terms,
)
from plantext.extractors.projects import extract_projects
from plantext.ingest.text import read_text
from plantext.layout import analyse

QUOTES = [["“", "”"], ['"', '"']]


def layout_of(tmp_path, text):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return analyse(read_text(path))


@pytest.mark.parametrize(
    "printed,term",
    [
        ("“三个最大”", "三个最大"),
        ("“四地”建设", "“四地”建设"),
        ("能源消费总量和强度“双控”制度", "能源消费总量和强度“双控”制度"),
        ("“天空地一体化”生态环境监测网络体系", "“天空地一体化”生态环境监测网络体系"),
        ("碳达峰", "碳达峰"),
    ],
)
def test_only_quotes_wrapping_the_whole_term_are_dropped(printed, term):
    assert strip_term_quotes(printed, QUOTES) == term


def test_glossary_items_numbered_with_dots_run_over_lines(tmp_path):
    text = (
        "某省规划\n\n附件\n\n名 词 解 释\n\n"
        "  1.“三个最大”:2016 年 8 月习近平总书记在青海视察时指出，青海最大\n"
        "的价值在生态、最大的责任在生态、最大的潜力也在生态。\n"
        "  2.碳达峰:指在某一个时点，二氧化碳的排放不再增长达到峰值，之后逐步\n"
        "回落。\n"
    )
    terms = extract_glossary(layout_of(tmp_path, text))
    assert [(t.number, t.term, t.definition) for t in terms] == [
        (1, "三个最大", "2016年8月习近平总书记在青海视察时指出，青海最大的价值在生态、最大的责任在生态、最大的潜力也在生态。"),
        (2, "碳达峰", "指在某一个时点，二氧化碳的排放不再增长达到峰值，之后逐步回落。"),
    ]


def test_a_glossary_title_standing_alone_opens_the_glossary_up_to_the_next_heading(tmp_path):
    text = (
        "“十四五”全国农业绿色发展规划\n\n第九章 保障措施\n\n"
        "  健全农业绿色发展监测评价体系，定期发布农业绿色发展指数。\n\n"
        "             名词解释\n\n"
        "  1.农业面源污染：指农业生产过程中由于化肥、农药、地膜等化学投入品不合理使用\n"
        "所产生的环境污染。\n"
        "  2.耕地轮作休耕：指对耕地实行作物轮换种植的耕作制度。\n\n"
        "第十章 附则\n\n"
        "  1.实施主体：各级农业农村部门负责组织实施本规划。\n"
    )
    terms = extract_glossary(layout_of(tmp_path, text))
    assert [(t.number, t.term, t.definition) for t in terms] == [
        (1, "农业面源污染", "指农业生产过程中由于化肥、农药、地膜等化学投入品不合理使用所产生的环境污染。"),
        (2, "耕地轮作休耕", "指对耕地实行作物轮换种植的耕作制度。"),
    ]


def test_glossary_items_numbered_in_parentheses_with_full_width_colons(tmp_path):
    text = (
        "某省规划\n\n          附件    名词解释\n\n"
        "  （1）“三线一单”：指生态保护红线、环境质量底线、资\n"
        "源利用上线和生态环境准入清单。\n"
        "  （2）重点工程减排量：指通过实施治污工程新增形成的污染物削减能力。\n"
    )
    terms = extract_glossary(layout_of(tmp_path, text))
    assert [(t.number, t.term) for t in terms] == [(1, "三线一单"), (2, "重点工程减排量")]
    assert terms[0].definition == "指生态保护红线、环境质量底线、资源利用上线和生态环境准入清单。"


def test_glossary_items_numbered_with_chinese_numerals(tmp_path):
    text = (
        "某省规划\n\n          附件    名词解释\n\n"
        "  （一）林长制：指按照“分级负责”原则，构建省市县乡村五级林长体系。\n"
        "  （二）国家储备林：指为满足经济社会发展对优质木材的需要而培育的森林。\n"
        "  三、碳汇：指森林植物吸收大气中的二氧化碳并将其固定在植被或土壤中。\n"
    )
    terms = extract_glossary(layout_of(tmp_path, text))
    assert [(t.number, t.term) for t in terms] == [(1, "林长制"), (2, "国家储备林"), (3, "碳汇")]


@pytest.mark.parametrize(
    "sentence,expansion",
    [
        ("有条件的区域和行业探索开展二氧化碳捕集利用与封存(CCUS)", "二氧化碳捕集利用与封存"),
        ("探究开展生态环境导向的城市开发(EOD)", "生态环境导向的城市开发"),
        ("建立生态系统生产总值(GEP)", "生态系统生产总值"),
        ("加强细颗粒物（PM2.5）", "细颗粒物"),
    ],
)
def test_expansion_is_the_noun_phrase_before_the_parenthesis(sentence, expansion):
    assert expansion_before(sentence, sentence.index("(") if "(" in sentence else sentence.index("（")) == expansion


def test_abbreviations_are_kept_once_where_first_defined(tmp_path):
    text = (
        "某省规划\n\n"
        "  加强细颗粒物(PM2.5)和臭氧协同控制，推动碳捕集利用与封存(CCUS)示范。\n\n"
        "  细颗粒物(PM2.5)浓度持续下降。\n"
    )
    found = extract_abbreviations(layout_of(tmp_path, text))
    assert [(a.term, a.expansion, a.page) for a in found] == [("PM2.5", "细颗粒物", 1), ("CCUS", "碳捕集利用与封存", 1)]


def test_numbered_entries_with_a_quoted_term_and_no_colon(tmp_path):
    text = (
        "某省规划\n\n附件\n\n名词解释\n\n"
        "  1.“三线一单”是指生态保护红线、环境质量底线、资源利用上线和生态环境准入清单。\n\n"
        "  2.“无废城市”是以创新、协调、绿色、开放、共享的新发展理念为引领的城市发展模式。\n"
    )
    terms = extract_glossary(layout_of(tmp_path, text))
    assert [(t.number, t.term, t.definition[:6]) for t in terms] == [(1, "三线一单", "是指生态保护"), (2, "无废城市", "是以创新、协")]


def test_a_web_pages_footer_under_the_glossary_is_no_term(tmp_path):
    text = (
        "某市“十四五”生态环境保护规划\n第一章　规划背景\n到2025年，全市森林覆盖率达到32.5%。\n"
        "附件　名词解释\n1.雨污分流：指将雨水和污水分别收集的方式。\n\n"
        "【打印本页】【关闭窗口】\n主办：市人民政府办公厅  版权所有\n"
    )
    terms = extract_glossary(layout_of(tmp_path, text))
    assert [(t.number, t.term, t.definition) for t in terms] == [(1, "雨污分流", "指将雨水和污水分别收集的方式。")]


def test_an_unnumbered_paragraph_after_numbered_entries_carries_on_the_definition(tmp_path):
    text = (
        "某省规划\n\n附件\n\n名词解释\n\n"
        "  1.重点行业：指排放量大的行业。\n\n"
        "  其中：钢铁、水泥、平板玻璃为重点。\n\n"
        "  2.碳达峰：指二氧化碳排放达到峰值。\n"
    )
    terms = extract_glossary(layout_of(tmp_path, text))
    assert [(t.number, t.term, t.definition) for t in terms] == [
        (1, "重点行业", "指排放量大的行业。其中：钢铁、水泥、平板玻璃为重点。"),
        (2, "碳达峰", "指二氧化碳排放达到峰值。"),
    ]


def test_a_term_opening_with_a_decimal_is_no_numbered_entry(tmp_path):
    text = (
        "某省规划\n\n附件\n\n名词解释\n\n"
        "  碳达峰：指二氧化碳排放达到峰值。\n\n"
        "  1.5℃温控目标：指将全球平均气温上升幅度控制在1.5摄氏度以内。\n\n"
        "  碳中和：指企业、团体或个人在一定时间内直接或间接产生的温室气体排放总量与吸收量相抵。\n"
    )
    terms = extract_glossary(layout_of(tmp_path, text))
    assert [(t.number, t.term) for t in terms] == [(None, "碳达峰"), (None, "1.5℃温控目标"), (None, "碳中和")]


GLOSSARY_BOX = (
    "某省“十四五”水生态环境保护规划\n\n第一章　规划背景\n\n"
    "  到2025年，全省地表水国控断面水质优良比例达到80%以上。\n\n"
    "                      专栏 1   名词解释\n\n"
    "      1.水质优良比例：指水质达到或好于Ⅲ类的国控断面数量占国控\n"
    " 断面总数的比例。\n"
    "      2.美丽河湖：指水质优良、生态健康、岸线优美、人水和谐的河流和湖库。\n\n"
    "  各省辖市要结合实际，制定本地区水生态环境保护规划。\n"
)


def test_a_box_titled_as_a_glossary_holds_terms(tmp_path):
    terms = extract_glossary(layout_of(tmp_path, GLOSSARY_BOX))
    assert [(t.number, t.term, t.definition) for t in terms] == [
        (1, "水质优良比例", "指水质达到或好于Ⅲ类的国控断面数量占国控断面总数的比例。"),
        (2, "美丽河湖", "指水质优良、生态健康、岸线优美、人水和谐的河流和湖库。"),
    ]


def test_a_glossary_box_holds_no_projects(tmp_path):
    assert extract_projects(layout_of(tmp_path, GLOSSARY_BOX)) == []


def test_a_framed_glossary_box_keeps_a_definitions_paragraph_after_the_last_entry():
    from plantext.ingest.model import Box, Line, Page, SourceDocument

    def line(text: str, top: float) -> Line:
        return Line(text=text, page=1, x0=100.0, top=top, x1=100.0 + 10.0 * len(text), bottom=top + 10.0, em=10.0)

    lines = [
        line("某省“十四五”水生态环境保护规划", 60.0),
        line("专栏1　名词解释", 100.0),
        line("1.水质优良比例：指水质达到或好于Ⅲ类的国控断面数量占国控断面", 120.0),
        line("总数的比例。", 140.0),
        line("其中：国控断面按国家考核要求计，省控断面按省里的考核要求计。", 160.0),
    ]
    page = Page(number=1, width=595.0, height=842.0, lines=lines, frames=[Box(90.0, 95.0, 500.0, 180.0)])
    layout = analyse(SourceDocument(path="plan.pdf", format="pdf", sha256="", pages=[page]))
    assert [(t.term, t.definition) for t in extract_glossary(layout)] == [
        ("水质优良比例", "指水质达到或好于Ⅲ类的国控断面数量占国控断面总数的比例。其中：国控断面按国家考核要求计，省控断面按省里的考核要求计。")
    ]


GLOSSARY_TABLE = (
    "宁川市清溪河流域水生态环境保护规划（2023—2030年）\n\n第四章　保障措施\n\n"
    "  建立规划实施年度调度和中期评估制度，在规划实施中期和期末分别开展评估。\n\n"
    "              附件    名词解释\n"
    "  术语     解释\n"
    " 生态流量    指为维系河流、湖泊等水生态系统的结构和功能，需要保留在\n"
    "         河湖内符合水质要求的流量（水量、水位）及其过程。\n"
    "“一河一策”   指针对每条河流的突出问题，逐河制定治理目标、任务清单和\n"
    "         责任清单，实行精准施策的管理方式。\n"
    " 再生水     指污水经适当处理后，达到一定水质标准，满足某种使用要\n"
    "         求，可以进行有益使用的水。\n"
)


def test_a_glossary_table_gives_a_term_per_row_with_its_wrapped_definition(tmp_path):
    terms = extract_glossary(layout_of(tmp_path, GLOSSARY_TABLE))
    assert [(t.number, t.term, t.definition, t.page) for t in terms] == [
        (None, "生态流量", "指为维系河流、湖泊等水生态系统的结构和功能，需要保留在河湖内符合水质要求的流量（水量、水位）及其过程。", 1),
        (None, "一河一策", "指针对每条河流的突出问题，逐河制定治理目标、任务清单和责任清单，实行精准施策的管理方式。", 1),
        (None, "再生水", "指污水经适当处理后，达到一定水质标准，满足某种使用要求，可以进行有益使用的水。", 1),
    ]


def test_a_glossary_table_with_a_number_column_numbers_the_terms(tmp_path):
    text = (
        "某市“十四五”生态环境保护规划\n\n附件　名词解释\n\n"
        "序号  名词        含义\n"
        " 1    生态流量    指为维系河流、湖泊等水生态系统的结构和功能，需要保留在\n"
        "                  河湖内符合水质要求的流量（水量、水位）及其过程。\n"
        " 2    再生水      指污水经适当处理后，达到一定水质标准，满足某种使用要\n"
        "                  求，可以进行有益使用的水。\n"
    )
    terms = extract_glossary(layout_of(tmp_path, text))
    assert [(t.number, t.term, t.definition) for t in terms] == [
        (1, "生态流量", "指为维系河流、湖泊等水生态系统的结构和功能，需要保留在河湖内符合水质要求的流量（水量、水位）及其过程。"),
        (2, "再生水", "指污水经适当处理后，达到一定水质标准，满足某种使用要求，可以进行有益使用的水。"),
    ]


def test_a_term_wrapped_in_its_cell_is_joined_while_its_definition_runs_on(tmp_path):
    text = (
        "某市规划\n\n附件　名词解释\n\n"
        "  术语              解释\n"
        " 生态环境导向的    指以生态保护和环境治理为基础，以特色产\n"
        " 开发模式          业运营为支撑的项目组织实施方式。\n"
        " 碳达峰            指二氧化碳排放达到峰值\n"
        " 碳中和            指二氧化碳排放总量与吸收量相抵。\n"
    )
    terms = extract_glossary(layout_of(tmp_path, text))
    assert [(t.term, t.definition) for t in terms] == [
        ("生态环境导向的开发模式", "指以生态保护和环境治理为基础，以特色产业运营为支撑的项目组织实施方式。"),
        ("碳达峰", "指二氧化碳排放达到峰值"),
        ("碳中和", "指二氧化碳排放总量与吸收量相抵。"),
    ]


def test_text_after_a_glossary_table_carries_on_no_definition(tmp_path):
    text = GLOSSARY_TABLE + "\n  本附件所列名词由市生态环境局负责解释，自印发之日起施行至规划期末。\n"
    terms = extract_glossary(layout_of(tmp_path, text))
    assert terms[-1].definition == "指污水经适当处理后，达到一定水质标准，满足某种使用要求，可以进行有益使用的水。"


def test_a_glossary_box_laid_out_as_a_table_holds_terms(tmp_path):
    text = (
        "某省“十四五”水生态环境保护规划\n\n第一章　规划背景\n\n"
        "  到2025年，全省地表水国控断面水质优良比例达到80%以上。\n\n"
        "                      专栏 1   名词解释\n\n"
        "  名词          含义\n"
        "  美丽河湖      指水质优良、生态健康、岸线优美、人水和谐的河流和湖库。\n"
        "  再生水        指污水经适当处理后可以进行有益使用的水。\n\n"
        "  各省辖市要结合实际，制定本地区水生态环境保护规划，加强组织实施和监督考核工作。\n"
    )
    terms = extract_glossary(layout_of(tmp_path, text))
    assert [(t.term, t.definition) for t in terms] == [
        ("美丽河湖", "指水质优良、生态健康、岸线优美、人水和谐的河流和湖库。"),
        ("再生水", "指污水经适当处理后可以进行有益使用的水。"),
    ]


def test_a_read_glossary_table_carries_a_definition_split_by_a_page_break_on():
    from plantext.extractors.tables import RawRow, RawTable
    from plantext.vocab import load_vocabulary

    table = RawTable(
        label=None,
        caption=None,
        page=6,
        columns=["序号", "术语", "解释"],
        rows=[
            RawRow(cells=["1", "生态缓冲带", "指河湖水域岸线与陆域之间，对入河污染物具有拦截、过滤和"], groups=[], page=6),
            RawRow(cells=["", "", "净化作用的植被带、湿地带等过渡区域。"], groups=[], page=7),
            RawRow(cells=["2", "“一河一策”", "指针对每条河流的突出问题，逐河制定治理目标的管理方式。"], groups=[], page=7),
        ],
    )
    terms = table_terms(table, load_vocabulary("glossary"))
    assert [(t.number, t.term, t.definition, t.page) for t in terms] == [
        (1, "生态缓冲带", "指河湖水域岸线与陆域之间，对入河污染物具有拦截、过滤和净化作用的植被带、湿地带等过渡区域。", 6),
        (2, "一河一策", "指针对每条河流的突出问题，逐河制定治理目标的管理方式。", 7),
    ]


# ---------------------------------------------------------------- footnotes
# Not from the corpora: provincial plans explain terms in footnotes.

FOOTNOTED_PAGE = (
    "某市“十四五”生态环境保护规划\n\n"
    "  到2025年，全市生态保护红线①面积不减少，“无废城市”②建设取得明显成效，生态环境质量持续改善，\n"
    "主要污染物排放总量持续减少。\n\n"
    "① 生态保护红线：是指在生态空间范围内具有特殊重要生态功能、必须强制性严格保护的区域。\n"
    "② “无废城市”：是以新发展理念为引领，推动形成绿色发展方式和生活方式的城市发展模式。\n"
)


def test_a_footnote_explaining_a_term_marked_in_the_text_is_a_glossary_entry(tmp_path):
    terms = extract_glossary(layout_of(tmp_path, FOOTNOTED_PAGE))
    assert [(t.number, t.term, t.definition, t.page) for t in terms] == [
        (1, "生态保护红线", "是指在生态空间范围内具有特殊重要生态功能、必须强制性严格保护的区域。", 1),
        (2, "无废城市", "是以新发展理念为引领，推动形成绿色发展方式和生活方式的城市发展模式。", 1),
    ]


def test_a_footnote_with_a_superscript_mark_printed_as_a_digit_is_a_glossary_entry(tmp_path):
    text = (
        "某市“十四五”生态环境保护规划\n\n  严格落实“三线一单”¹生态环境分区管控要求，生态环境质量持续改善。\n\n\n"
        "1 “三线一单”：指生态保护红线、环境质量底线、资源利用上线和生态环境准入清单。\n"
    )
    assert [(t.number, t.term) for t in extract_glossary(layout_of(tmp_path, text))] == [(1, "三线一单")]


def test_a_note_whose_term_the_text_does_not_mark_is_no_glossary_entry(tmp_path):
    text = (
        "某市“十四五”生态环境保护规划\n\n  到2025年，全市生态环境质量持续改善，主要污染物排放总量持续减少。\n\n\n"
        "① 数据来源：市统计局、市生态环境局。\n"
    )
    assert extract_glossary(layout_of(tmp_path, text)) == []


def test_notes_joined_into_one_paragraph_are_each_an_entry(tmp_path):
    # a full line of body text and full-width notes run on in a dump
    text = (
        "某市“十四五”生态环境保护规划\n\n"
        "  严守生态保护红线①，推进“无废城市”②建设，全面提升生态系统质量和稳定性，持续改善生态环境质量。\n"
        "① 生态保护红线：是指在生态空间范围内具有特殊重要生态功能、必须强制性严格保护的区域。\n"
        "② “无废城市”：指以绿色发展方式为引领的城市发展模式。\n"
    )
    assert [(t.number, t.term, t.definition) for t in extract_glossary(layout_of(tmp_path, text))] == [
        (1, "生态保护红线", "是指在生态空间范围内具有特殊重要生态功能、必须强制性严格保护的区域。"),
        (2, "无废城市", "指以绿色发展方式为引领的城市发展模式。"),
    ]


def test_a_note_marked_zero_matches_no_circled_mark(tmp_path):
    text = "某市规划\n\n  严守生态保护红线⑳，持续改善生态环境质量。\n\f⁰ 生态保护红线：是指必须强制性严格保护的区域。\n"
    assert extract_glossary(layout_of(tmp_path, text)) == []


def test_a_footnote_at_the_foot_of_a_page_needs_only_its_term_in_the_text_when_a_dump_prints_the_mark_apart(tmp_path):
    text = (
        "汀溪市噪声污染防治行动方案\n\n"
        "   到 2025 年，全市声环境功能区 夜间达标率达到 85%以上。\n"
        "                             ②\n\n"
        "① 数据来源：《2023 年汀溪市生态环境状况公报》。\n\n"
        "② 声环境功能区：指按照区域的使用功能特点和环境质量要求划分的区域。\n\f"
    )
    text = text.replace("85%以上。", "85%以上①。")
    assert [(t.number, t.term, t.definition, t.page) for t in extract_glossary(layout_of(tmp_path, text))] == [
        (2, "声环境功能区", "指按照区域的使用功能特点和环境质量要求划分的区域。", 1)
    ]
