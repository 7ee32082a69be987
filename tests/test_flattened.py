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

from plantext.extractors.cell_lines import one_cell_per_line
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


# ---------------------------------------------------------------- one cell per line
#
# pdftotext without -layout prints every cell of a ruled table as a line of
# its own, in its reading order rather than row by row.  The snippets are
# table regions of the review plans' .raw.txt dumps as the layout hands them
# over; the expected rows are those the ruled-PDF reader gives for the PDF.


def read_raw(lines: list[str], pages: list[int] | None = None):
    columns, rows = read_flattened_table(lines, pages or [2] * len(lines))
    return columns, [(row.groups, row.cells) for row in rows]


def test_a_dump_of_one_cell_per_line_is_told_from_one_of_cells_side_by_side():
    assert one_cell_per_line(["序号", "指标", "2020 年 2025 年 2035 年", "1", "森林覆盖率（%）", "40.2", "42 左右", "约束性"])
    assert not one_cell_per_line(TABLE_1_HEADER + ["湟水流域劣 V类水质比", "例(%)", "31.6 0 0 完成", "约束", "性"])


def test_a_two_level_header_pairs_its_value_words_with_the_years_under_them():
    lines = [
        "序号", "指标", "单位", "基准值", "目标值", "2020 年", "2025 年", "属性",
        "1", "一般工业固体废物综合利用率", "%", "55", "60", "预期性",
        "2", "工业危险废物利用处置率", "%", "95", "100", "约束性",
    ]
    assert read_raw(lines) == (["序号", "指标", "单位", "基准值2020年", "目标值2025年", "属性"], [
        ([], ["1", "一般工业固体废物综合利用率", "%", "55", "60", "预期性"]),
        ([], ["2", "工业危险废物利用处置率", "%", "95", "100", "约束性"]),
    ])


def test_category_cells_printed_with_the_header_are_no_header_and_no_row():
    lines = [
        "类别", "经济发展", "创新驱动", "民生福祉", "绿色生态", "序", "号", "指标", "2020年", "2025年", "年均增长（累", "计）", "属性",
        "1", "地区生产总值增长（%）", "3.6", "—", "6左右", "预期性",
        "2", "全员劳动生产率增长（%）", "—", "—", "高于GDP增长", "预期性",
    ]
    assert read_raw(lines) == (["序号", "指标", "2020年", "2025年", "年均增长（累计）", "属性"], [
        ([], ["1", "地区生产总值增长（%）", "3.6", "—", "6左右", "预期性"]),
        ([], ["2", "全员劳动生产率增长（%）", "—", "—", "高于GDP增长", "预期性"]),
    ])


def test_a_header_wrapped_line_by_line_across_and_values_printed_before_their_name():
    lines = [
        "序号", "指标", "单位", "2020 年现", "2025 年目标", "指标属", "状值", "值", "性",
        "82.5", "≥85.2", "约束性",
        "其中：长江流域", "95.2", "100", "黄河流域", "79.3", "≥82.8", "淮河流域", "70.4", "≥76.5",
        "水环境", "1", "地表水国控断面水质优良（达到或好于", "%", "III 类）比例",
        "2", "地表水国控断面劣 V 类水体比例", "%", "1.0", "0", "约束性",
    ]
    # the parts (其中) print no unit and no attribute: those of the merged
    # cells of their whole, which the indicator reader gives them
    assert read_raw(lines, [2] * 26 + [3] * 6) == (["序号", "指标", "单位", "2020年现状值", "2025年目标值", "指标属性"], [
        (["水环境"], ["1", "地表水国控断面水质优良（达到或好于Ⅲ类）比例", "%", "82.5", "≥85.2", "约束性"]),
        (["水环境"], ["", "其中：长江流域", "", "95.2", "100", ""]),
        (["水环境"], ["", "黄河流域", "", "79.3", "≥82.8", ""]),
        (["水环境"], ["", "淮河流域", "", "70.4", "≥76.5", ""]),
        (["水环境"], ["2", "地表水国控断面劣Ⅴ类水体比例", "%", "1.0", "0", "约束性"]),
    ])


def test_the_values_of_a_run_of_rows_printed_before_their_names_are_paired_in_order():
    lines = [
        "类别", "序", "指标", "单位", "号", "环境质", "1", "量", "2020", "2025 年", "属性", "年",
        "地级及以上城市细颗粒物（PM2.5）", "%", "—", "〔10〕", "约束性", "%", "87", "87.5", "约束性",
        "%", "1.2", "基本消除", "约束性", "天", "12", "≤8", "预期性", "微克/立", "138", "稳中有降", "预期性",
        "—", "下降", "约束性", "浓度下降",
        "2", "地级及以上城市空气质量优良天数", "比率", "3", "地级及以上城市重度及以上污染天", "数比率",
        "4", "京津冀及周边地区重度及以上污染", "天数", "5", "地级及以上城市臭氧浓度", "方米",
        "节能降", "6", "单位国内生产总值能源消耗", "%", "碳", "13.5%",
    ]
    assert read_raw(lines, [3] * len(lines)) == (["序号", "指标", "单位", "2020年", "2025年", "属性"], [
        (["环境质量"], ["1", "地级及以上城市细颗粒物（PM2.5）浓度下降", "%", "—", "〔10〕", "约束性"]),
        (["环境质量"], ["2", "地级及以上城市空气质量优良天数比率", "%", "87", "87.5", "约束性"]),
        (["环境质量"], ["3", "地级及以上城市重度及以上污染天数比率", "%", "1.2", "基本消除", "约束性"]),
        (["环境质量"], ["4", "京津冀及周边地区重度及以上污染天数", "天", "12", "≤8", "预期性"]),
        (["环境质量"], ["5", "地级及以上城市臭氧浓度", "微克/立方米", "138", "稳中有降", "预期性"]),
        (["节能降碳"], ["6", "单位国内生产总值能源消耗", "%", "—", "下降13.5%", "约束性"]),
    ])


def test_an_attribute_column_before_the_unit_is_filled_in_header_order():
    lines = [
        "序", "号", "指标名称", "指标属性", "单位", "2020年基期", "值", "2025年目标", "值", "2035年远景", "值",
        "1", "森林覆盖率", "约束性", "%", "59.96", "60左右", "60以上",
        "2", "森林蓄积量", "约束性", "亿立方米", "6.18", "7.0", "8.5",
    ]
    assert read_raw(lines) == (["序号", "指标名称", "指标属性", "单位", "2020年基期值", "2025年目标值", "2035年远景值"], [
        ([], ["1", "森林覆盖率", "约束性", "%", "59.96", "60左右", "60以上"]),
        ([], ["2", "森林蓄积量", "约束性", "亿立方米", "6.18", "7.0", "8.5"]),
    ])


def test_a_header_of_three_lines_printed_after_the_first_names_and_a_page_number():
    lines = [
        "序", "类别", "指标名称", "单位", "号", "1", "2", "环境质", "地级及以上城市细颗粒物", "微克/立", "量",
        "（PM2.5）平均浓度", "方米", "地级及以上城市空气质量", "%", "优良天数比例", "— 2 —",
        "基准值", "目标值", "远景值", "指标属", "（2025", "（2030", "（2035", "性", "年）", "年）", "年）",
        "21.5", "≤20", "≤18", "约束性", "98.5", "≥98.5", "≥99", "约束性",
    ]
    assert read_raw(lines) == (["序号", "指标名称", "单位", "基准值（2025年）", "目标值（2030年）", "远景值（2035年）", "指标属性"], [
        (["环境质量"], ["1", "地级及以上城市细颗粒物（PM2.5）平均浓度", "微克/立方米", "21.5", "≤20", "≤18", "约束性"]),
        (["环境质量"], ["2", "地级及以上城市空气质量优良天数比例", "%", "98.5", "≥98.5", "≥99", "约束性"]),
    ])


def test_values_of_a_row_printed_in_two_runs_fill_its_slots_in_order():
    lines = [
        "序号", "指标", "单位", "2020 年", "2020 年", "完成情", "目标", "完成", "况",
        "%", "≥76[1]", "80.1", "完成", "%", "≥70.8", "90.9", "完成", "45", "完成", "60.3", "完成",
        "一、环境质量", "1", "地级及以上城市空气质量优良天数比", "例", "2", "地表水达到或好于Ⅲ类水体比例",
        "二、生态保护", "3", "森林覆盖率", "%", "43", "4", "草原综合植被盖度", "%", "≥58", "[2]",
    ]
    # 45 / 完成 and 60.3 / 完成: the last cells of rows 3 and 4, printed
    # before their names; [2] is the marker of ≥58, printed apart
    assert read_raw(lines, [1] * len(lines)) == (["序号", "指标", "单位", "2020年目标", "2020年完成", "完成情况"], [
        (["一、环境质量"], ["1", "地级及以上城市空气质量优良天数比例", "%", "≥76[1]", "80.1", "完成"]),
        (["一、环境质量"], ["2", "地表水达到或好于Ⅲ类水体比例", "%", "≥70.8", "90.9", "完成"]),
        (["二、生态保护"], ["3", "森林覆盖率", "%", "43", "45", "完成"]),
        (["二、生态保护"], ["4", "草原综合植被盖度", "%", "≥58[2]", "60.3", "完成"]),
    ])


def test_an_attribute_wrapped_and_printed_after_the_next_row_number_is_its_rows():
    lines = [
        "类别", "序", "指标", "单位", "号", "环境质", "1", "2020", "2025 年", "属性", "≤33", "约束", "年",
        "细颗粒物（PM2.5）年均浓度", "微克/立", "量", "36", "方米",
        "2", "空气质量优良天数比例", "%", "性", "84.7", "≥87", "约束", "性",
        "3", "地表水国省控断面达到或好于 III 类", "%", "75", "87.5", "水体比例", "4", "约束", "性",
        "县级集中式饮用水水源地水质达标率", "%", "100", "100", "约束", "性",
    ]
    assert read_raw(lines, [3] * len(lines))[1] == [
        (["环境质量"], ["1", "细颗粒物（PM2.5）年均浓度", "微克/立方米", "36", "≤33", "约束性"]),
        (["环境质量"], ["2", "空气质量优良天数比例", "%", "84.7", "≥87", "约束性"]),
        (["环境质量"], ["3", "地表水国省控断面达到或好于Ⅲ类水体比例", "%", "75", "87.5", "约束性"]),
        (["环境质量"], ["4", "县级集中式饮用水水源地水质达标率", "%", "100", "100", "约束性"]),
    ]


def test_footnote_markers_and_a_unit_printed_apart_go_on_their_rows():
    lines = [
        "类别", "序", "指标名称", "单位", "2020 年", "2025 年", "2035 年", "指标属", "现状值", "目标值", "远景目标", "性",
        "48", "40", "≤35", "约束性", "%", "78.1", "≥82", "85 左右", "约束性", "%", "1.9", "基本消除", "—", "预期性",
        "%", "91.7", "≥95", "100", "约束性", "%", "0", "0", "0", "约束性", "%", "100", "100", "100", "约束性",
        "%", "—", "0", "0", "预期性",
        "号", "环境", "1", "治理", "中心城区细颗粒物", "（PM2.5）年均浓度", "2", "中心城区空气质量优", "良天数比例",
        "3", "微克/立", "1", "方米", "1", "重度及以上污染天数", "比例", "4", "国考断面水质优良", "（达到或好于Ⅲ类）", "比例",
        "5", "国考断面劣Ⅴ类水体", "比例", "6", "县级及以上城市集中", "式饮用水水源地水质", "达标率", "7", "城市建成区黑臭水体", "比例",
    ]
    # the 1s are the raised markers of rows 1 and 2 (…浓度¹), 微克/立方米 row 1's unit
    assert read_raw(lines, [3] * len(lines)) == (["序号", "指标名称", "单位", "2020年现状值", "2025年目标值", "2035年远景目标", "指标属性"], [
        (["环境治理"], ["1", "中心城区细颗粒物（PM2.5）年均浓度1", "微克/立方米", "48", "40", "≤35", "约束性"]),
        (["环境治理"], ["2", "中心城区空气质量优良天数比例1", "%", "78.1", "≥82", "85左右", "约束性"]),
        (["环境治理"], ["3", "重度及以上污染天数比例", "%", "1.9", "基本消除", "—", "预期性"]),
        (["环境治理"], ["4", "国考断面水质优良（达到或好于Ⅲ类）比例", "%", "91.7", "≥95", "100", "约束性"]),
        (["环境治理"], ["5", "国考断面劣Ⅴ类水体比例", "%", "0", "0", "0", "约束性"]),
        (["环境治理"], ["6", "县级及以上城市集中式饮用水水源地水质达标率", "%", "100", "100", "100", "约束性"]),
        (["环境治理"], ["7", "城市建成区黑臭水体比例", "%", "—", "0", "0", "预期性"]),
    ])


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


def test_a_region_of_header_words_alone_is_read_without_exhausting_the_stack():
    # 1,200 header pieces one per line, and one value: at most one row, and
    # no RecursionError from the search for the header's columns.
    lines = ["指标", "单位"] * 600 + ["82.5"]
    _, rows = read_flattened_table(lines, [1] * len(lines))
    assert len(rows) <= 1


def test_a_name_left_with_an_open_bracket_does_not_take_the_next_rows_name():
    lines = ["序号", "指标", "单位", "2020年", "2025年", "属性"]
    lines += ["1", "森林覆盖率（按", "%", "30", "35", "约束性"]
    lines += ["2", "草原综合植被盖度", "%", "50", "55", "预期性"]
    lines += ["3", "湿地保护率", "%", "40", "45", "约束性"]
    _, rows = read_flattened_table(lines, [1] * len(lines))
    assert [row.cells[1] for row in rows] == ["森林覆盖率（按", "草原综合植被盖度", "湿地保护率"]
