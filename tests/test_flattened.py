"""Flattened tables: text dumps that print every table cell on a line of its own.

The snippets are the Qinghai dump's 表 1 (pages 6–7) and 表 2 (pages 16–17)
as the layout hands them over (one string per printed line); the expected
rows are what the ruled-PDF reader gives for the same rows of the PDF.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from plantext.extractors.flattened import read_flattened_table
from plantext.extractors.tables import read_region
from plantext.ingest import read_source
from plantext.layout import TableRegion, analyse, match_heading
from plantext.vocab import load_vocabulary

from conftest import CORPORA

TABLE_1_HEADER = ["规划指标", "基准", "值", "目标值 完成值", "规划", "目标", "完成", "情况", "指标", "属性"]
TABLE_1_COLUMNS = ["规划指标", "基准值", "目标值", "完成值", "规划目标完成情况", "指标属性"]
TABLE_2_HEADER = ["规划指标 2020年 2025年 指标属性"]
TABLE_2_COLUMNS = ["序号", "规划指标", "2020年", "2025年", "指标属性"]


def read(lines: list[str], page: int = 6):
    """Columns and rows as (page, groups, cells), all lines on one page."""
    columns, rows = read_flattened_table(lines, [page] * len(lines))
    return columns, [(row.page, row.groups, row.cells) for row in rows]


def test_header_words_wrapped_over_lines_are_the_columns():
    columns, _ = read(TABLE_1_HEADER + ["环境质量", "（1）水环境", "质量", "湟水流域劣 V类水质比", "例(%)", "31.6 0 0 完成", "约束", "性"])
    assert columns == TABLE_1_COLUMNS


def test_a_row_ends_with_its_attribute_wrapped_over_two_lines():
    lines = TABLE_1_HEADER + [
        "环境质量", "（1）水环境", "质量",
        "湟水流域劣 V类水质比", "例(%)", "31.6 0 0 完成", "约束", "性",
        "湟水流域出境控制断面", "水质达到Ⅲ类以上比例", "(%)", "41.7 ≥50 100 完成", "约束", "性",
    ]
    assert read(lines)[1] == [
        (6, ["环境质量", "（1）水环境质量"], ["湟水流域劣Ⅴ类水质比例(%)", "31.6", "0", "0", "完成", "约束性"]),
        (6, ["环境质量", "（1）水环境质量"], ["湟水流域出境控制断面水质达到Ⅲ类以上比例(%)", "41.7", "≥50", "100", "完成", "约束性"]),
    ]


def test_a_group_cell_replaces_the_carried_group_of_its_own_level():
    lines = TABLE_1_HEADER + [
        "环境质量", "（1）水环境", "质量",
        "湟水流域劣 V类水质比", "例(%)", "31.6 0 0 完成", "约束", "性",
        "（2）大气环", "境质量",
        "主要城市细颗粒物浓度", "下降比例(%)", "46(ug", "/m3)", "控制在", "国家下", "达指标", "之内", "28.1 完成", "约束", "性",
        "污染物排放总量",
        "(6)重点重金属污染物排放量 5累计下", "降比例(%)", "- 10 14.5 完成", "预期", "性",
    ]
    assert [groups for _, groups, _ in read(lines)[1]] == [
        ["环境质量", "（1）水环境质量"],
        ["环境质量", "（2）大气环境质量"],
        ["污染物排放总量"],
    ]


def test_values_wrapped_over_lines_are_joined():
    lines = TABLE_1_HEADER + [
        "（2）大气环", "境质量",
        "主要城市细颗粒物浓度", "下降比例(%)", "46(ug", "/m3)", "控制在", "国家下", "达指标", "之内", "28.1 完成", "约束", "性",
    ]
    assert read(lines)[1] == [
        (6, ["（2）大气环境质量"], ["主要城市细颗粒物浓度下降比例(%)", "46(ug/m3)", "控制在国家下达指标之内", "28.1", "完成", "约束性"]),
    ]


def test_a_list_value_wrapped_inside_a_number_is_joined():
    lines = TABLE_1_HEADER + [
        "污染物排放总量",
        "(5)化学需氧量、氨氮、二氧化硫、氮", "氧化物四项主要污染物排放量下降比", "例(%)",
        "1.1、1.", "4、6、6", "11.9、23.", "5、17.4、1", "5.9", "完成", "约束", "性",
    ]
    _, [(_, _, cells)] = read(lines)
    assert cells[2:4] == ["1.1、1.4、6、6", "11.9、23.5、17.4、15.9"]


def test_a_numbered_merged_cell_is_the_name_and_leaves_only_the_top_group():
    lines = TABLE_1_HEADER + [
        "污染物排放总量",
        "(5)化学需氧量、氨氮、二氧化硫、氮", "氧化物四项主要污染物排放量下降比", "例(%)",
        "1.1、1.", "4、6、6", "11.9、23.", "5、17.4、1", "5.9", "完成", "约束", "性",
    ]
    assert read(lines)[1] == [
        (6, ["污染物排放总量"], ["(5)化学需氧量、氨氮、二氧化硫、氮氧化物四项主要污染物排放量下降比例(%)",
                                "", "1.1、1.4、6、6", "11.9、23.5、17.4、15.9", "完成", "约束性"]),
    ]


def test_extra_spaces_stand_for_empty_cells():
    lines = TABLE_1_HEADER + [
        "环境质量", "（4）生态环", "境状况",
        "生态保护红线面积变", "(%)4", "- ≥0   预期", "性",
        "环境风险",
        "(7)重大放射源辐射事故  不发生 未发生 达到", "预期", "性",
    ]
    assert read(lines, page=7)[1] == [
        (7, ["环境质量", "（4）生态环境状况"], ["生态保护红线面积变(%)4", "-", "≥0", "", "", "预期性"]),
        (7, ["环境风险"], ["(7)重大放射源辐射事故", "", "不发生", "未发生", "达到", "预期性"]),
    ]


def test_footnote_markers_stay_in_the_name_as_printed():
    lines = TABLE_1_HEADER + [
        "环境质量", "（1）水环境", "质量",
        "全省地表水国控断面 1", "水质达到或好于Ⅲ类比", "例(%)", "80 >85 100 完成", "约束", "性",
        "长江、黄河、澜沧江干", "流及黑河出境断面水质", "2", "Ⅱ类", "Ⅱ类及", "以上", "Ⅱ类及以上 完成", "约束", "性",
        "（2）大气环", "境质量",
        "主要城市 3空气质量优", "良天数比例(%)", "80.1", "达到国", "家确定", "的指标", "97.2 完成", "约束", "性",
    ]
    assert read(lines)[1] == [
        (6, ["环境质量", "（1）水环境质量"], ["全省地表水国控断面1水质达到或好于Ⅲ类比例(%)", "80", ">85", "100", "完成", "约束性"]),
        (6, ["环境质量", "（1）水环境质量"], ["长江、黄河、澜沧江干流及黑河出境断面水质2", "Ⅱ类", "Ⅱ类及以上", "Ⅱ类及以上", "完成", "约束性"]),
        (6, ["环境质量", "（2）大气环境质量"], ["主要城市3空气质量优良天数比例(%)", "80.1", "达到国家确定的指标", "97.2", "完成", "约束性"]),
    ]


def test_numbered_rows_get_a_sequence_column_and_the_lines_above_the_number_are_groups():
    lines = TABLE_2_HEADER + [
        "生态保护",
        "1 森林覆盖率(%) 7.5 8.0 约束性",
        "6", "生态保护红线面积(万平方", "公里)", "- 不减少 约束性",
        "环境治理",
        "9", "细颗粒物(PM2.5)浓度", "(微克/立方米)", "21 21 约束性",
    ]
    assert read(lines, page=16) == (TABLE_2_COLUMNS, [
        (16, ["生态保护"], ["1", "森林覆盖率(%)", "7.5", "8.0", "约束性"]),
        (16, ["生态保护"], ["6", "生态保护红线面积(万平方公里)", "-", "不减少", "约束性"]),
        (16, ["环境治理"], ["9", "细颗粒物(PM2.5)浓度(微克/立方米)", "21", "21", "约束性"]),
    ])


def test_spaces_inside_a_cell_do_not_split_it():
    lines = TABLE_2_HEADER + [
        "环境治理",
        "13", "三大河流干流出省断面水", "质", "II 类及以", "上", "III 类 约束性",
        "14 湟水河出省断面年均水质 III 类 III 类 约束性",
        "16 地下水质量 V类水比例(%) 15左右 <15 预期性",
        "24 清洁能源装机总量(万 KW) 3637 ≥7500 预期性",
    ]
    assert [cells for _, _, cells in read(lines, page=16)[1]] == [
        ["13", "三大河流干流出省断面水质", "Ⅱ类及以上", "Ⅲ类", "约束性"],
        ["14", "湟水河出省断面年均水质", "Ⅲ类", "Ⅲ类", "约束性"],
        ["16", "地下水质量Ⅴ类水比例(%)", "15左右", "<15", "预期性"],
        ["24", "清洁能源装机总量(万KW)", "3637", "≥7500", "预期性"],
    ]


def test_a_manually_broken_name_after_its_number_is_joined():
    lines = TABLE_2_HEADER + [
        "应对气候", "变化",
        "22", "单位国内生产总值", "二氧化碳排放降低(%)", "-", "国家下达指", "标", "约束性",
    ]
    assert read(lines, page=17)[1] == [
        (17, ["应对气候变化"], ["22", "单位国内生产总值二氧化碳排放降低(%)", "-", "国家下达指标", "约束性"]),
    ]


@pytest.mark.parametrize(
    "lines,rows",
    [
        (
            [
                "环境治理",
                "12", "地表水国控断面劣 V类水", "体比例(%)", "0 0",
                "13", "三大河流干流出省断面水", "质", "II 类及以", "上", "III 类",
                "14 湟水河出省断面年均水质 III 类 III 类",
                "15 5城市黑臭水体比例(%)", "地级城市全", "部消除", "县级城市基", "本消除",
                "16 地下水质量 V类水比例(%) 15左右 <15",
            ],
            [
                (16, ["环境治理"], ["12", "地表水国控断面劣Ⅴ类水体比例(%)", "0", "0"]),
                (16, ["环境治理"], ["13", "三大河流干流出省断面水质", "Ⅱ类及以上", "Ⅲ类"]),
                (16, ["环境治理"], ["14", "湟水河出省断面年均水质", "Ⅲ类", "Ⅲ类"]),
                (16, ["环境治理"], ["15", "5城市黑臭水体比例(%)", "地级城市全部消除", "县级城市基本消除"]),
                (16, ["环境治理"], ["16", "地下水质量Ⅴ类水比例(%)", "15左右", "<15"]),
            ],
        ),
        (
            [
                "环境治理",
                "21", "氨氮重点工程减排量(万", "吨)", "- 0.03",
                "应对气候", "变化",
                "22", "单位国内生产总值", "二氧化碳排放降低(%)", "-", "国家下达指", "标",
                "23", "单位国内生产总值能源消", "耗降低(%)", "-", "国家下达指", "标",
            ],
            [
                (16, ["环境治理"], ["21", "氨氮重点工程减排量(万吨)", "-", "0.03"]),
                (16, ["应对气候变化"], ["22", "单位国内生产总值二氧化碳排放降低(%)", "-", "国家下达指标"]),
                (16, ["应对气候变化"], ["23", "单位国内生产总值能源消耗降低(%)", "-", "国家下达指标"]),
            ],
        ),
    ],
    ids=["qualitative values", "a group line before a number"],
)
def test_without_attribute_column_a_row_ends_after_its_values(lines, rows):
    # 表 2 with its attribute column taken away.
    assert read(["规划指标 2020年 2025年"] + lines, page=16) == (["序号", "规划指标", "2020年", "2025年"], rows)


def test_without_numbers_or_attribute_a_row_ends_after_its_values():
    lines = ["规划指标 2020年 2025年", "森林覆盖率(%) 7.5 8.0", "湿地保护率(%)", "64.31", "≥66", "国家公园占自然保护地面", "积比例(%)", "55.6 ≥70"]
    assert read(lines, page=16) == (["规划指标", "2020年", "2025年"], [
        (16, [], ["森林覆盖率(%)", "7.5", "8.0"]),
        (16, [], ["湿地保护率(%)", "64.31", "≥66"]),
        (16, [], ["国家公园占自然保护地面积比例(%)", "55.6", "≥70"]),
    ])


def test_rows_keep_the_page_they_start_on():
    lines = TABLE_1_HEADER + [
        "（2）大气环", "境质量",
        "主要城市 3空气质量优", "良天数比例(%)", "80.1", "达到国", "家确定", "的指标", "97.2 完成", "约束", "性",
        "主要城市细颗粒物浓度", "下降比例(%)", "46(ug", "/m3)", "控制在", "国家下", "达指标", "之内", "28.1 完成", "约束", "性",
    ]
    pages = [6] * (len(lines) - 11) + [7] * 11
    _, rows = read_flattened_table(lines, pages)
    assert [row.page for row in rows] == [6, 7]


def test_a_header_repeated_at_the_top_of_a_new_page_is_skipped():
    lines = TABLE_2_HEADER + ["21", "氨氮重点工程减排量(万", "吨)", "- 0.03 约束性"] + TABLE_2_HEADER + [
        "24 清洁能源装机总量(万 KW) 3637 ≥7500 预期性",
    ]
    _, rows = read_flattened_table(lines, [16] * 5 + [17] * 2)
    assert [(row.page, row.cells[0]) for row in rows] == [(16, "21"), (17, "24")]


def test_attributes_printed_short_end_their_rows_and_a_wrapped_one_stays_whole():
    lines = TABLE_2_HEADER + ["21 氨氮重点工程减排量(万吨) - 0.03 约束", "22 森林覆盖率(%) 35 36 约束", "性", "23 湿地保护率(%) 50 55 预期"]
    _, rows = read(lines)
    assert [row[2] for row in rows] == [
        ["21", "氨氮重点工程减排量(万吨)", "-", "0.03", "约束"],
        ["22", "森林覆盖率(%)", "35", "36", "约束性"],
        ["23", "湿地保护率(%)", "50", "55", "预期"],
    ]


# pdftotext without -layout prints merged sequence and 类别 cells after the
# rows they span (NJ 表 1): 5 / 污染减排 / 6 / 7 / 应对气候变化 / 8 / 9 10 / 生态保护.
LATE_SEQUENCE_COLUMN = ["序号 类别 指标 单位 2020 年 2025 年 属性"] + [
    "1", "环境质量", "细颗粒物（PM2.5）年均", "浓度", "微克/立", "方米", "31", "≤28", "约束性",
    "2", "空气质量优良天数比例", "%", "83.1", "85 左右", "约束性",
    "氮氧化物重点工程减排", "量", "万吨", "—", "〔", "1.2〕", "约束性",
    "单位地区生产总值二氧", "化碳排放降低", "%", "—", "〔20〕", "约束性",
    "林木覆盖率", "%", "31.9", "32.5", "预期性",
    "3", "污染减排", "4", "应对气候", "变化", "5", "生态保护",
]


def test_sequence_cells_printed_after_the_rows_number_the_rows_without_one():
    columns, rows = read_flattened_table(LATE_SEQUENCE_COLUMN, [2] * len(LATE_SEQUENCE_COLUMN))
    assert columns == ["序号", "指标", "单位", "2020年", "2025年", "属性"]
    assert [(row.groups, row.cells) for row in rows] == [
        # the group cell of a row's first line follows its number (序号 类别 指标)
        (["环境质量"], ["1", "细颗粒物（PM2.5）年均浓度", "微克/立方米", "31", "≤28", "约束性"]),
        (["环境质量"], ["2", "空气质量优良天数比例", "%", "83.1", "85左右", "约束性"]),
        # a row numbered late stands where its number does: the category
        # printed right after the number is its own (3 / 污染减排)
        (["污染减排"], ["3", "氮氧化物重点工程减排量", "万吨", "—", "〔1.2〕", "约束性"]),
        (["应对气候变化"], ["4", "单位地区生产总值二氧化碳排放降低", "%", "—", "〔20〕", "约束性"]),
        (["生态保护"], ["5", "林木覆盖率", "%", "31.9", "32.5", "预期性"]),
    ]


def test_numbers_after_the_rows_that_are_not_the_missing_ones_number_no_row():
    lines = LATE_SEQUENCE_COLUMN[:-7] + ["7", "污染减排"]
    _, rows = read_flattened_table(lines, [2] * len(lines))
    # 7 is not 3 to 5, the numbers missing: no row takes it, and the text
    # after it is a category cell, not a row of its own
    assert [row.cells[:2] for row in rows] == [
        ["1", "细颗粒物（PM2.5）年均浓度"],
        ["2", "空气质量优良天数比例"],
        ["", "氮氧化物重点工程减排量"],
        ["", "单位地区生产总值二氧化碳排放降低"],
        ["", "林木覆盖率"],
    ]


def test_a_circled_marker_printed_apart_from_its_value_stays_with_it():
    lines = TABLE_2_HEADER + ["21 空气质量优良天数比例(%) 80.1 82.6 ① 约束性", "22 森林覆盖率(%) 35 36 约束性"]
    _, rows = read(lines)
    assert [row[2] for row in rows] == [
        ["21", "空气质量优良天数比例(%)", "80.1", "82.6 ①", "约束性"],
        ["22", "森林覆盖率(%)", "35", "36", "约束性"],
    ]


@pytest.mark.parametrize(
    "lines",
    [
        [],
        ["站在“两个一百年”奋斗目标历史交汇点上，我国生态文明建设发生历史", "性、转折性、全局性变化"],
        TABLE_1_HEADER,
        ["2020年 2025年", "7.5 8.0"],
    ],
    ids=["no lines", "prose", "a header without body", "no name column"],
)
def test_a_region_that_is_no_flattened_table_gives_nothing(lines):
    assert read_flattened_table(lines, [1] * len(lines)) == ([], [])


def _dump_table_regions(path) -> dict[str, tuple[list[str], list[int]]]:
    """Each table of a text dump as its lines from the line after its ``表 N``
    caption up to its notes (注:…), with their pages.

    The regions are cut here rather than taken from the layout, so that the
    test judges this reader alone."""
    notes = regex.compile(load_vocabulary("tables")["note_prefix"])
    regions: dict[str, tuple[list[str], list[int]]] = {}
    current: tuple[list[str], list[int]] | None = None
    for page in read_source(path).pages:
        for line in page.lines:
            heading = match_heading(line.text)
            if heading is not None and heading.style == "table":
                current = regions.setdefault(heading.label, ([], []))
            elif current is not None and notes.match(line.text):
                current = None
            elif current is not None:
                current[0].append(line.text)
                current[1].append(line.page)
    return regions


def test_the_qinghai_dump_reads_as_the_pdf_reader_reads_the_pdf():
    layout = analyse(read_source(CORPORA / "qinghai-14th-eco-plan.pdf"))
    pdf_tables = [read_region(block) for block in layout.blocks if isinstance(block, TableRegion)]
    dump_regions = _dump_table_regions(CORPORA / "qinghai-14th-eco-plan.txt")
    assert [table.label for table in pdf_tables] == list(dump_regions) == ["表 1", "表 2"]
    # The dump prints the PDF's superscript markers (断面¹) as plain digits.
    plain = str.maketrans(load_vocabulary("tables")["superscript_digits"], "0123456789")
    for table in pdf_tables:
        columns, rows = read_flattened_table(*dump_regions[table.label])
        assert columns == table.columns
        assert [(row.page, row.groups, row.cells) for row in rows] == [
            (row.page, row.groups, [cell.translate(plain) for cell in row.cells]) for row in table.rows
        ]


CELL_ALPHABET = list("规划指标基准值目标完成情况属性序号约束预期性环境质量（）()%、.,0123456789 -—≥<>IIIV类万KW左右以上注")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.text(max_size=12), st.text(alphabet=CELL_ALPHABET, max_size=12), st.sampled_from(TABLE_1_HEADER)),
        max_size=40,
    )
)
def test_any_lines_are_read_without_error(lines):
    columns, rows = read_flattened_table(lines, [1] * len(lines))
    assert all(len(row.cells) == len(columns) for row in rows)
