"""Key projects: the items of 专栏 boxes."""

from __future__ import annotations

import pytest

from plantext.extractors.projects import bracketed_name, extract_projects, is_project_name
from plantext.ingest.text import read_text
from plantext.layout import analyse


def projects_of(tmp_path, box_text):
    path = tmp_path / "plan.txt"
    path.write_text(f"某省规划\n\n第三章 生态保护\n\n          专栏 1   维护国家生态安全重大工程\n\n{box_text}\n第四章 绿色发展\n", encoding="utf-8")
    return [(p.box, p.box_title, p.name, p.description) for p in extract_projects(analyse(read_text(path)))]


def names_and_descriptions(tmp_path, box_text):
    return [(name, description) for _, _, name, description in projects_of(tmp_path, box_text)]


@pytest.mark.parametrize(
    "sentence,is_name",
    [
        ("“中华水塔”保护工程", True),
        ("建设用地土壤风险管控和修复工程", True),
        ("推动柴油机清洁化工程", True),
        ("实施钾肥扩能改造项目", False),  # a verb-led sentence describes work
        ("开展在产企业边生产边管控土壤污染风险管控工程", False),
        ("在甘河工业园区开展水气土协同预警体系建设试点", False),
        ("深入推进黄南、果洛全域无垃圾试点", False),
        ("推进水资源涵养功能稳固、冰川冻土雪山预防保护等项目", False),  # 等: a list, not a name
        ("加强生态保护修复", False),  # no project word at its end
        ("近零碳排放示范区建设", True),
        ("推动其它区域清洁能源项目建设", False),  # 建设 ends work sentences too: no verb may open the name
        ("2023年底前完成干流城区段建设", False),  # a dated sentence is work of the item above
        ("到2025年建成城市绿道示范", False),
    ],
)
def test_is_project_name(sentence, is_name):
    assert is_project_name(sentence) is is_name


def test_items_that_run_together_on_one_line_are_split_at_the_full_stop(tmp_path):
    box = (
        "  国土绿化巩固提升工程。推进湟水规模化林场建设。实施国有林场森林培育和附属设施建设项目。\n"
        "城市群生态安全构筑工程。共同推进东部干旱山区生态保护。\n"
    )
    assert projects_of(tmp_path, box) == [
        ("专栏 1", "维护国家生态安全重大工程", "国土绿化巩固提升工程", "推进湟水规模化林场建设。实施国有林场森林培育和附属设施建设项目。"),
        ("专栏 1", "维护国家生态安全重大工程", "城市群生态安全构筑工程", "共同推进东部干旱山区生态保护。"),
    ]


def test_numbered_items_and_colon_names(tmp_path):
    box = (
        "  1.祁连山生态保护与修复工程。推进历史遗留矿山迹地修复。\n\n"
        "  2.生态环境保护科技支撑工程:建设野外科学观测研究站。\n"
    )
    assert names_and_descriptions(tmp_path, box) == [
        ("祁连山生态保护与修复工程", "推进历史遗留矿山迹地修复。"),
        ("生态环境保护科技支撑工程", "建设野外科学观测研究站。"),
    ]


def test_a_numbered_items_later_sentences_describe_it_even_when_they_read_as_names(tmp_path):
    box = (
        "  1.公共机构节能改造工程。完成500家公共机构节能改造。\n\n"
        "  2.近零碳排放示范区建设项目。选择10个园区、社区开展近零碳排放示范。\n"
    )
    assert names_and_descriptions(tmp_path, box) == [
        ("公共机构节能改造工程", "完成500家公共机构节能改造。"),
        ("近零碳排放示范区建设项目", "选择10个园区、社区开展近零碳排放示范。"),
    ]


def test_bulleted_and_list_numbered_items_lose_their_marks(tmp_path):
    box = (
        "  ●随州百万千瓦级风光储一体化基地：建设风电100万千瓦、光伏发电150万千瓦。\n\n"
        "  一、长江岸线湖南段造林绿化工程：在长江岸线湖南段开展造林绿化10万亩。\n"
    )
    assert names_and_descriptions(tmp_path, box) == [
        ("随州百万千瓦级风光储一体化基地", "建设风电100万千瓦、光伏发电150万千瓦。"),
        ("长江岸线湖南段造林绿化工程", "在长江岸线湖南段开展造林绿化10万亩。"),
    ]


def test_a_numbered_name_alone_on_its_line_is_parted_from_the_description_below(tmp_path):
    box = (
        "01 公共卫生服务能力提升工程\n"
        "建设市公共卫生临床中心，新增床位1000张。\n\n"
        "02 合肥滨湖科学城\n"
        "建设大科学装置集中区，布局一批前沿交叉研究平台和产业创新中心。\n"
    )
    assert names_and_descriptions(tmp_path, box) == [
        ("公共卫生服务能力提升工程", "建设市公共卫生临床中心，新增床位1000张。"),
        ("合肥滨湖科学城", "建设大科学装置集中区，布局一批前沿交叉研究平台和产业创新中心。"),
    ]


def test_a_numbered_item_wrapped_over_full_lines_keeps_its_sentence_as_name(tmp_path):
    box = (
        "  1.推进祁连山国家公园体制试点区域内历史遗留矿山迹地的生态修复与\n"
        "保护工程。推进历史遗留矿山迹地修复。\n"
    )
    assert names_and_descriptions(tmp_path, box) == [
        ("推进祁连山国家公园体制试点区域内历史遗留矿山迹地的生态修复与保护工程", "推进历史遗留矿山迹地修复。"),
    ]


def test_a_box_printed_as_a_ruled_table_gives_its_rows_as_projects():
    from plantext.ingest.model import Box, Grid, GridCell, Line, Page, Segment, SourceDocument

    def line(text, top, x0=72.0):
        return Line(text, 1, x0, top, x0 + 15 * len(text), top + 15, 15.0, segments=(Segment(text, x0, x0 + 15 * len(text)),))

    def cell(text, x0, x1, top):
        return GridCell(text, Box(x0, top, x1, top + 20))

    rows = [("序号", "工程名称", "主要建设内容"), ("1", "长江岸线生态修复工程", "修复长江干线岸线。"), ("2", "饮用水水源保护工程", "完成县级水源地规范化建设。")]
    grid = Grid(
        box=Box(40, 200, 560, 260),
        rows=tuple(tuple(cell(text, x0, x1, 200 + 20 * index) for text, (x0, x1) in zip(row, [(40, 80), (80, 300), (300, 560)])) for index, row in enumerate(rows)),
    )
    grid_lines = [
        Line("  ".join(row), 1, 45, 202 + 20 * index, 550, 215 + 20 * index, 15.0,
             segments=tuple(Segment(text, x0 + 5, x0 + 5 + 15 * len(text)) for text, x0 in zip(row, (40, 80, 300))))
        for index, row in enumerate(rows)
    ]
    page = Page(1, 595, 842, lines=[line("湖北省生态环境保护“十四五”规划", 100, 150), line("专栏 3 长江保护修复重点工程", 170, 200), *grid_lines], grids=[grid])
    from plantext.layout import analyse

    layout = analyse(SourceDocument("plan.pdf", "pdf", "0" * 64, [page]))
    assert [(p.box, p.box_title, p.name, p.description) for p in extract_projects(layout)] == [
        ("专栏 3", "长江保护修复重点工程", "长江岸线生态修复工程", "修复长江干线岸线。"),
        ("专栏 3", "长江保护修复重点工程", "饮用水水源保护工程", "完成县级水源地规范化建设。"),
    ]


def test_numbered_items_that_run_together_in_one_paragraph(tmp_path):
    box = "  1.焦化行业超低排放改造工程。推进焦化企业改造。2.焦化行业深度治理工程。开展深度治理。3.工业园区监测工程：建设园区监测站。\n"
    assert names_and_descriptions(tmp_path, box) == [
        ("焦化行业超低排放改造工程", "推进焦化企业改造。"),
        ("焦化行业深度治理工程", "开展深度治理。"),
        ("工业园区监测工程", "建设园区监测站。"),
    ]


def test_items_numbered_01_02():
    from plantext.extractors.projects import _item_number

    assert _item_number().match("01湘江流域综合治理工程").end() == 2
    assert _item_number().match("2020年完成") is None


def test_group_lines_of_a_box_in_a_paragraph_per_line_dump_are_no_projects(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(
        "某市“十四五”生态环境保护规划\n第一章　主要任务\n专栏1　重点工程\n"
        "（一）工业固体废物\n（1）赤泥综合利用工程：在百色建设示范基地。\n"
        "（二）生活垃圾\n（1）焚烧发电工程：新建焚烧发电厂12座。\n",
        encoding="utf-8",
    )
    projects = extract_projects(analyse(read_text(path)))
    assert [(p.box, p.name, p.description) for p in projects] == [
        ("专栏 1", "赤泥综合利用工程", "在百色建设示范基地。"),
        ("专栏 1", "焚烧发电工程", "新建焚烧发电厂12座。"),
    ]


@pytest.mark.parametrize(
    "group,first,second",
    [
        ("（一）就地保护", "■ 自然保护地整合优化工程：整合优化雾峰山、清江源等自然保", "■ 生态廊道建设工程：在雾峰山—云台山之间建设野生动物生态"),
        ("（一）滨海湿地保护修复", "自然保护地整合优化工程：整合优化雾峰山、清江源等自然保", "生态廊道建设工程：在雾峰山—云台山之间建设野生动物生态"),
    ],
)
def test_a_group_line_of_a_dump_without_layout_above_items_without_a_list_label_is_no_project(tmp_path, group, first, second):
    # pdftotext without -layout: no indents and no blank lines inside the box.
    path = tmp_path / "plan.txt"
    path.write_text(
        "雾岭州生物多样性保护规划（2021—2030年）\n第一章\n\n主要任务\n\n专栏 1\n\n生物多样性保护重点工程\n\n"
        f"{group}\n{first}\n护地，完成勘界立标，新建管护站点 12 处。\n{second}\n廊道 3 条，修复栖息地 8000 公顷。\n",
        encoding="utf-8",
    )
    projects = extract_projects(analyse(read_text(path)))
    assert [(p.name, p.description) for p in projects] == [
        ("自然保护地整合优化工程", "整合优化雾峰山、清江源等自然保护地，完成勘界立标，新建管护站点12处。"),
        ("生态廊道建设工程", "在雾峰山—云台山之间建设野生动物生态廊道3条，修复栖息地8000公顷。"),
    ]


def test_a_group_line_followed_by_plain_text_is_an_item_and_the_text_its_description(tmp_path):
    box = (
        "（一）空气质量预报预警能力建设\n"
        "  完善国家、区域、省、市四级空气质量预报体系，提升重污染天\n"
        "气过程中长期预报能力。\n"
        "（二）应急减排清单化管理\n"
        "  建立全国统一的重污染天气应急减排清单管理平台。\n"
    )
    assert names_and_descriptions(tmp_path, box) == [
        ("空气质量预报预警能力建设", "完善国家、区域、省、市四级空气质量预报体系，提升重污染天气过程中长期预报能力。"),
        ("应急减排清单化管理", "建立全国统一的重污染天气应急减排清单管理平台。"),
    ]


def test_group_lines_of_one_rank_with_nothing_under_them_are_the_items(tmp_path):
    box = "（一）燃煤锅炉综合整治工程\n（二）重点行业超低排放改造工程\n（三）城镇污水管网建设工程\n"
    assert names_and_descriptions(tmp_path, box) == [
        ("燃煤锅炉综合整治工程", ""),
        ("重点行业超低排放改造工程", ""),
        ("城镇污水管网建设工程", ""),
    ]


def test_a_box_numbered_in_chinese_is_labelled_with_its_number(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("某市规划\n\n专栏一　固体废物利用处置重点工程\n\n  1.赤泥综合利用工程。在百色建设示范基地。\n", encoding="utf-8")
    assert [(p.box, p.name) for p in extract_projects(analyse(read_text(path)))] == [("专栏 1", "赤泥综合利用工程")]


@pytest.mark.parametrize(
    "layout_text",
    [
        # a dump keeping the layout: label and title on one line
        "             专栏 3-1   土壤污染防治重点工程\n\n     1.受污染耕地安全利用工程：实施受污染耕地安全利用。\n\n"
        "             专栏 3-2   地下水污染防治重点工程\n\n     1.地下水污染防治试验区建设工程：建设 2 个试验区。\n",
        # a dump without layout: the label on a line of its own, its title below
        "专栏 3-1\n\n土壤污染防治重点工程\n\n1.受污染耕地安全利用工程：实施受污染耕地安全利用。\n\n"
        "专栏 3-2\n\n地下水污染防治重点工程\n\n1.地下水污染防治试验区建设工程：建设 2 个试验区。\n",
    ],
)
def test_boxes_numbered_within_their_chapter_keep_their_own_labels(tmp_path, layout_text):
    path = tmp_path / "plan.txt"
    path.write_text("江澜省“十四五”土壤保护规划\n\n第三章　主要任务\n\n" + layout_text, encoding="utf-8")
    assert [(p.box, p.box_title, p.name) for p in extract_projects(analyse(read_text(path)))] == [
        ("专栏 3-1", "土壤污染防治重点工程", "受污染耕地安全利用工程"),
        ("专栏 3-2", "地下水污染防治重点工程", "地下水污染防治试验区建设工程"),
    ]


PROJECT_TABLE_BOX = (
    "某市“十五五”生态环境保护规划\n\n第三章 重点工程\n\n"
    "            专栏 1   “十五五”生态环境保护重点项目\n"
    "序号   项目名称           建设内容                      建设期限\n"
    " 1   曹娥江流域水生态修复工    实施曹娥江干流及支流生态缓冲带建设，修复       2026—2028\n"
    "     程              河道岸线 45 公里。                             年\n"
    " 2   滨海新区污水处理厂提标    对滨海新区污水处理厂实施提标改造，新增处       2026—2027\n"
    "     改造工程         理规模 10 万吨/日。                             年\n"
    "\f序号   项目名称          建设内容                     建设期限\n"
    " 3   会稽山生物多样性保护工   开展会稽山区域生物多样性本底调查，建设      2026—2029\n"
    "     程             生物多样性观测站点 5 个。                   年\n"
    "\n\n                   第四章 保障措施\n\n"
    "     各区、县（市）政府是规划实施的责任主体。\n"
)


def test_a_box_whose_first_line_is_a_row_of_column_headers_is_read_as_a_table_of_projects(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PROJECT_TABLE_BOX, encoding="utf-8")
    projects = extract_projects(analyse(read_text(path)))
    assert [(p.box, p.name, p.description, p.page) for p in projects] == [
        ("专栏 1", "曹娥江流域水生态修复工程", "实施曹娥江干流及支流生态缓冲带建设，修复河道岸线45公里。", 1),
        ("专栏 1", "滨海新区污水处理厂提标改造工程", "对滨海新区污水处理厂实施提标改造，新增处理规模10万吨/日。", 1),
        ("专栏 1", "会稽山生物多样性保护工程", "开展会稽山区域生物多样性本底调查，建设生物多样性观测站点5个。", 2),
    ]


@pytest.mark.parametrize(
    "text,rank",
    [
        ("一、河湖生态修复", 0),
        ("（一）岸线修复", 1),
        ("1.城镇污水处理提质增效工程", 2),
        ("（1）扩建宁川市第二污水处理厂，新增处理能力5万吨/日。", 3),
        ("(2)厨余垃圾处理工程：在设区市建设厨余垃圾集中处理设施。", 3),
        ("①实施青河流域水土流失综合治理，治理面积200平方公里。", 4),  # below every list style
        ("01 公共卫生服务能力提升工程", None),  # no list style of the outline
        ("2025年底前完成管网改造。", None),
    ],
)
def test_list_rank_follows_the_outline_hierarchy(text, rank):
    from plantext.extractors.projects import _list_rank

    assert _list_rank(text) == rank


def test_sub_items_numbered_a_rank_below_an_item_name_are_its_description(tmp_path):
    box = (
        "     1.城镇污水处理提质增效工程\n"
        "     （1）扩建宁川市第二污水处理厂，新增处理能力 5 万吨/日，出\n"
        "水执行地表水准Ⅳ类标准。\n"
        "     （2）新建改造城镇污水管网 180 公里，实施雨污分流改造 40 平\n"
        "方公里。\n"
        "     2.工业园区污水治理工程\n"
        "     （1）建设清溪化工园区污水集中处理设施和在线监控系统。\n"
        "     （2）实施园区初期雨水收集处理和事故应急池建设。\n"
    )
    assert names_and_descriptions(tmp_path, box) == [
        (
            "城镇污水处理提质增效工程",
            "（1）扩建宁川市第二污水处理厂，新增处理能力5万吨/日，出水执行地表水准Ⅳ类标准。（2）新建改造城镇污水管网180公里，实施雨污分流改造40平方公里。",
        ),
        ("工业园区污水治理工程", "（1）建设清溪化工园区污水集中处理设施和在线监控系统。（2）实施园区初期雨水收集处理和事故应急池建设。"),
    ]


def test_circled_work_lines_below_a_numbered_item_are_its_description(tmp_path):
    box = (
        "1.山水林田湖草沙一体化保护修复工程。\n"
        "①实施青河流域水土流失综合治理，治理面积 200 平方公里。\n"
        "②实施北山矿山生态修复，修复面积 30 平方公里。\n"
        "2.生物多样性保护工程。\n"
        "①建设青山自然保护区监测站 5 个。\n"
    )
    assert names_and_descriptions(tmp_path, box) == [
        ("山水林田湖草沙一体化保护修复工程", "①实施青河流域水土流失综合治理，治理面积200平方公里。②实施北山矿山生态修复，修复面积30平方公里。"),
        ("生物多样性保护工程", "①建设青山自然保护区监测站5个。"),
    ]


def test_circled_items_that_name_projects_below_a_numbered_group_are_the_projects(tmp_path):
    box = (
        "1.水污染治理工程\n"
        "①青河污水处理厂扩建工程：新增处理能力 5 万吨/日。\n"
        "②北山工业园区污水管网工程：新建管网 40 公里。\n"
    )
    assert names_and_descriptions(tmp_path, box) == [
        ("青河污水处理厂扩建工程", "新增处理能力5万吨/日。"),
        ("北山工业园区污水管网工程", "新建管网40公里。"),
    ]


def test_items_numbered_in_chinese_take_the_arabic_numbered_work_below_them_as_description(tmp_path):
    box = (
        "（一）城镇污水处理提质增效工程\n"
        "1.扩建宁川市第二污水处理厂，新增处理能力 5 万吨/日。\n"
        "2.新建改造城镇污水管网 180 公里，实施雨污分流改造 40 平方公里。\n"
        "（二）农业农村面源污染治理工程\n"
        "1.在沿河 12 个乡镇实施农村生活污水治理，建设一体化污水处理设施 60 座。\n"
    )
    assert names_and_descriptions(tmp_path, box) == [
        ("城镇污水处理提质增效工程", "1.扩建宁川市第二污水处理厂，新增处理能力5万吨/日。2.新建改造城镇污水管网180公里，实施雨污分流改造40平方公里。"),
        ("农业农村面源污染治理工程", "1.在沿河12个乡镇实施农村生活污水治理，建设一体化污水处理设施60座。"),
    ]


def test_a_box_item_keeps_its_page_when_its_sub_items_run_onto_the_next(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(
        "宁川市清溪河流域水生态环境保护规划（2023—2030年）\n\n第三章 主要任务\n\n"
        "                专栏 1   水污染治理重点工程\n\n"
        "     2.工业园区污水治理工程\n\n                         — 3 —\n"
        "\f     （1）建设清溪化工园区污水集中处理设施和在线监控系统。\n"
        "     （2）实施园区初期雨水收集处理和事故应急池建设。\n\n"
        "第四章 保障措施\n",
        encoding="utf-8",
    )
    assert [(p.name, p.page) for p in extract_projects(analyse(read_text(path)))] == [("工业园区污水治理工程", 1)]


def test_arabic_numbered_projects_under_a_chinese_numbered_group_stay_projects(tmp_path):
    box = (
        "（一）岸线修复\n"
        "1.沿江化工企业关改搬转工程。推动宜昌、荆州等地化工企业退城入园。\n"
        "2.长江岸线生态复绿工程。对已腾退岸线实施复绿，恢复滨江湿地。\n"
    )
    assert names_and_descriptions(tmp_path, box) == [
        ("沿江化工企业关改搬转工程", "推动宜昌、荆州等地化工企业退城入园。"),
        ("长江岸线生态复绿工程", "对已腾退岸线实施复绿，恢复滨江湿地。"),
    ]


def test_a_box_of_parenthesised_items_only_gives_a_project_per_item(tmp_path):
    box = (
        "（1）赤泥综合利用工程：在百色、崇左建设赤泥综合利用示范基地。\n"
        "（2）工业危险废物处置工程：新建柳州、钦州危险废物综合处置中心。\n"
    )
    assert names_and_descriptions(tmp_path, box) == [
        ("赤泥综合利用工程", "在百色、崇左建设赤泥综合利用示范基地。"),
        ("工业危险废物处置工程", "新建柳州、钦州危险废物综合处置中心。"),
    ]


@pytest.mark.parametrize("opening,closing", [("【", "】"), ("〔", "〕"), ("〖", "〗")])
def test_a_paragraph_opening_with_a_name_in_brackets_is_an_item_and_the_rest_its_description(tmp_path, opening, closing):
    box = (
        f"     {opening}琅山生态屏障保护修复工程{closing}实施琅山山脉退化林修复 12 万\n"
        "亩，建设生物多样性保护廊道 3 条，开展重要水源涵养林封育管护。\n"
        f"     {opening}琅江沿岸防护林提升工程{closing}新建和改造琅江干流两岸防护林带\n"
        "80 公里。2023 年底前完成干流城区段建设。\n"
    )
    assert projects_of(tmp_path, box) == [
        ("专栏 1", "维护国家生态安全重大工程", "琅山生态屏障保护修复工程", "实施琅山山脉退化林修复12万亩，建设生物多样性保护廊道3条，开展重要水源涵养林封育管护。"),
        ("专栏 1", "维护国家生态安全重大工程", "琅江沿岸防护林提升工程", "新建和改造琅江干流两岸防护林带80公里。2023年底前完成干流城区段建设。"),
    ]


def test_items_named_in_brackets_that_run_together_in_one_paragraph_are_split_at_the_full_stop(tmp_path):
    box = "【琅山生态屏障保护修复工程】实施琅山山脉退化林修复12万亩。【城市森林廊道工程】建设环城森林带和城市绿道。\n"
    assert names_and_descriptions(tmp_path, box) == [
        ("琅山生态屏障保护修复工程", "实施琅山山脉退化林修复12万亩。"),
        ("城市森林廊道工程", "建设环城森林带和城市绿道。"),
    ]


def test_a_dated_sentence_of_a_box_stays_in_the_description_of_the_item_above(tmp_path):
    box = "  琅江沿岸防护林提升工程。新建和改造琅江干流两岸防护林带80公里。2023年底前完成干流城区段建设。\n"
    assert names_and_descriptions(tmp_path, box) == [
        ("琅江沿岸防护林提升工程", "新建和改造琅江干流两岸防护林带80公里。2023年底前完成干流城区段建设。"),
    ]


def test_a_group_line_above_items_named_in_brackets_is_no_project(tmp_path):
    box = "  一、生态屏障工程\n\n  【城市森林廊道工程】建设环城森林带和城市绿道。\n"
    assert names_and_descriptions(tmp_path, box) == [("城市森林廊道工程", "建设环城森林带和城市绿道。")]


@pytest.mark.parametrize(
    "text,name_and_description",
    [
        ("【城市森林廊道工程】建设环城森林带。", ("城市森林廊道工程", "建设环城森林带。")),
        ("【城市森林廊道工程】：建设环城森林带。", ("城市森林廊道工程", "建设环城森林带。")),  # a colon after the bracket only parts
        ("〔25〕万亩造林工程", None),  # a bracket of figures: a five-year total, no name
        ("【造林25万亩，抚育40万亩】", None),  # a clause, not a name
        ("【城市森林廊道工程建设环城森林带。", None),  # never closed
    ],
)
def test_bracketed_name(text, name_and_description):
    assert bracketed_name(text) == name_and_description


def test_a_numbered_line_with_no_text_of_its_own_above_named_items_a_rank_deeper_is_their_group(tmp_path):
    box = (
        "1.重要生态系统保护修复\n"
        "  （1）梧岭山脉生物多样性保护工程。实施退化林修复 20 万亩，\n"
        "建设野生动物迁徙廊道 4 条。\n"
        "  （2）澜沧湖湿地保护修复工程。实施退耕还湿 3.5 万亩。\n"
        "2.矿山生态修复\n"
        "  （1）历史遗留矿山生态修复工程。2025 年前后完成治理恢复面积 1.2 万公顷。\n"
    )
    assert names_and_descriptions(tmp_path, box) == [
        ("梧岭山脉生物多样性保护工程", "实施退化林修复20万亩，建设野生动物迁徙廊道4条。"),
        ("澜沧湖湿地保护修复工程", "实施退耕还湿3.5万亩。"),
        ("历史遗留矿山生态修复工程", "2025年前后完成治理恢复面积1.2万公顷。"),
    ]


def test_groups_nested_over_several_ranks_above_named_items_are_no_projects(tmp_path):
    box = (
        "一、生态保护修复\n"
        "1.重要生态系统保护修复\n"
        "（1）澜沧湖湿地保护修复工程：实施退耕还湿3.5万亩。\n"
        "2.矿山生态修复\n"
        "（1）绿色矿山建设工程：新建绿色矿山150座。\n"
    )
    assert names_and_descriptions(tmp_path, box) == [
        ("澜沧湖湿地保护修复工程", "实施退耕还湿3.5万亩。"),
        ("绿色矿山建设工程", "新建绿色矿山150座。"),
    ]


def test_an_item_with_text_of_its_own_stays_a_project_above_named_items_a_rank_deeper(tmp_path):
    box = (
        "1.城镇污水处理提质增效工程。推进城镇污水处理厂提标改造。\n"
        "（1）第二污水处理厂扩建工程：新增处理能力5万吨/日。\n"
    )
    assert names_and_descriptions(tmp_path, box) == [
        ("城镇污水处理提质增效工程", "推进城镇污水处理厂提标改造。"),
        ("第二污水处理厂扩建工程", "新增处理能力5万吨/日。"),
    ]


@pytest.mark.parametrize(
    "box,expected",
    [
        (
            "  1.城镇污水处理提质增效工程：（1）扩建第二污水处理厂，新增处理能力5万吨/日；（2）新建改造城镇污水管网180公里。\n",
            [("城镇污水处理提质增效工程", "（1）扩建第二污水处理厂，新增处理能力5万吨/日；（2）新建改造城镇污水管网180公里。")],
        ),
        (
            "  1.城镇污水处理提质增效工程。（1）扩建第二污水处理厂，新增处理能力5万吨/日。（2）新建改造城镇污水管网180公里。\n",
            [("城镇污水处理提质增效工程", "（1）扩建第二污水处理厂，新增处理能力5万吨/日。（2）新建改造城镇污水管网180公里。")],
        ),
        (
            "  【城镇污水处理提质增效工程】1.扩建第二污水处理厂，新增处理能力5万吨/日；2.新建改造城镇污水管网180公里。\n",
            [("城镇污水处理提质增效工程", "1.扩建第二污水处理厂，新增处理能力5万吨/日；2.新建改造城镇污水管网180公里。")],
        ),
        (  # sub-items that name projects are items of their own
            "  1.城镇污水处理工程。（1）第二污水处理厂扩建工程：新增处理能力5万吨/日。（2）管网改造工程：新建管网180公里。\n",
            [("城镇污水处理工程", ""), ("第二污水处理厂扩建工程", "新增处理能力5万吨/日。"), ("管网改造工程", "新建管网180公里。")],
        ),
    ],
)
def test_sub_items_run_together_with_their_item_in_one_paragraph_are_its_description(tmp_path, box, expected):
    assert names_and_descriptions(tmp_path, box) == expected


@pytest.mark.parametrize("name_line", ["【城镇污水处理提质增效工程】", "■ 城镇污水处理提质增效工程", "城镇污水处理提质增效工程"])
def test_numbered_lines_of_work_below_a_name_without_a_list_label_are_its_description(tmp_path, name_line):
    box = (
        f"{name_line}\n"
        "1.扩建宁川市第二污水处理厂，新增处理能力 5 万吨/日。\n"
        "2.新建改造城镇污水管网 180 公里。\n"
        "【工业园区污水治理工程】\n"
        "1.建设清溪化工园区污水集中处理设施。\n"
    )
    assert names_and_descriptions(tmp_path, box) == [
        ("城镇污水处理提质增效工程", "1.扩建宁川市第二污水处理厂，新增处理能力5万吨/日。2.新建改造城镇污水管网180公里。"),
        ("工业园区污水治理工程", "1.建设清溪化工园区污水集中处理设施。"),
    ]


def test_an_opening_line_of_a_box_that_names_no_project_takes_no_work_lines(tmp_path):
    box = "围绕重点流域实施以下工程。\n1.扩建宁川市第二污水处理厂，新增处理能力5万吨/日。\n2.新建改造城镇污水管网180公里。\n"
    assert names_and_descriptions(tmp_path, box) == [
        ("扩建宁川市第二污水处理厂，新增处理能力5万吨/日", ""),
        ("新建改造城镇污水管网180公里", ""),
    ]


def test_a_footnote_under_a_box_at_the_foot_of_its_page_is_no_project(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(
        "汀溪市噪声污染防治行动方案\n\n"
        "专栏1　噪声污染防治重点工程\n\n"
        "1.宁静小区建设工程。创建宁静小区10个，夜间②施工噪声投诉下降。\n\n"
        "② 夜间：指晚上十点至次日早晨六点之间的期间。\n\n"
        "                     — 3 —\n\f",
        encoding="utf-8",
    )
    assert [p.name for p in extract_projects(analyse(read_text(path)))] == ["宁静小区建设工程"]
