"""Reading tables: ruled grids with merged cells, aligned text, tables across pages."""

from __future__ import annotations

import pytest

from plantext.cellvalue import is_year_label
from plantext.extractors.tables import (
    RawRow,
    RawTable,
    assemble,
    column_bounds,
    looks_like_value,
    read_aligned_table,
    transposed,
)
from plantext.ingest.text import text_line


def lines_of(text: str, page: int = 1):
    return [text_line(raw, page, index, False) for index, raw in enumerate(text.split("\n")) if raw.strip()]


def test_merged_group_cells_are_carried_down_and_a_merged_name_cell_is_the_name():
    header = [["规划指标", None, None, "基准值", "目标值", "完成值", "指标属性"]]
    spans = [0, 0, 0, 3, 4, 5, 6]
    body = [
        (6, ["环境质量", "（1）水环境质量", "湟水流域劣Ⅴ类水质比例(%)", "31.6", "0", "0", "约束性"]),
        (6, [None, None, "湟水流域出境控制断面水质达到Ⅲ类以上比例(%)", "41.7", "≥50", "100", "约束性"]),
        (7, ["", "", "主要城市细颗粒物浓度下降比例(%)", "46(ug/m3)", "控制在国家下达指标之内", "28.1", "约束性"]),
        (7, ["污染物排放总量", "(6)重点重金属污染物排放量累计下降比例(%)", None, "-", "10", "14.5", "预期性"]),
    ]
    columns, rows = assemble(header, spans, body)
    assert columns == ["规划指标", "基准值", "目标值", "完成值", "指标属性"]
    assert [row.groups for row in rows] == [
        ["环境质量", "（1）水环境质量"],
        ["环境质量", "（1）水环境质量"],
        ["环境质量", "（1）水环境质量"],
        ["污染物排放总量"],
    ]
    assert rows[3].cells[0] == "(6)重点重金属污染物排放量累计下降比例(%)"
    assert [row.page for row in rows] == [6, 6, 7, 7]


@pytest.mark.parametrize(
    "levels",
    [
        ["一级指标", "二级指标", "序号", "三级指标"],
        ["一级", "二级", "序号", "三级"],
    ],
)
def test_the_deepest_level_of_an_indicator_system_names_the_indicator_and_the_levels_above_group_it(levels):
    header = [levels + ["单位", "2020年现状", "2025年目标", "指标类型"]]
    body = [
        (2, ["固体废物源头减量", "工业源头减量", "1", "一般工业固体废物产生强度", "吨/万元", "1.32", "持续下降", "必选"]),
        (2, [None, None, "2", "工业危险废物产生强度", "吨/万元", "0.021", "持续下降", "必选"]),
        (2, [None, "农业源头减量", "5", "化肥使用量", "万吨", "12.6", "≤12", "可选"]),
    ]
    columns, rows = assemble(header, list(range(8)), body)
    assert columns == levels[2:] + ["单位", "2020年现状", "2025年目标", "指标类型"]
    assert [(row.groups, row.cells[1]) for row in rows] == [
        (["固体废物源头减量", "工业源头减量"], "一般工业固体废物产生强度"),
        (["固体废物源头减量", "工业源头减量"], "工业危险废物产生强度"),
        (["固体废物源头减量", "农业源头减量"], "化肥使用量"),
    ]
    assert rows[0].group_headers == levels[:2]


@pytest.mark.parametrize(
    "levels",
    [
        ["一级指标", "二级指标", "指标名称"],
        ["一级指标", "指标"],
    ],
)
def test_levels_of_an_indicator_system_group_the_rows_where_another_column_names_the_indicators(levels):
    header = [levels + ["单位", "2025年"]]
    body = [(3, ["生态保护", "森林", "森林覆盖率", "%", "≥41"][-len(levels) - 2 :])]
    columns, rows = assemble(header, list(range(len(levels) + 2)), body)
    assert columns == [levels[-1], "单位", "2025年"]
    assert (rows[0].groups, rows[0].cells[0]) == (body[0][1][: len(levels) - 1], "森林覆盖率")


def test_a_location_column_right_of_the_name_groups_the_rows_and_its_merged_cells_are_carried_down():
    header = [["序号", "断面名称", "所在河流", "2020 年水质", "2025 年目标"]]
    body = [
        (2, ["1", "石门水库", "白沙河", "Ⅱ类", "Ⅱ类"]),
        (2, ["2", "城关桥", None, "Ⅳ类", "Ⅲ类"]),
        (2, ["4", "柳塘", "柳溪", "劣Ⅴ类", "Ⅳ类"]),
    ]
    columns, rows = assemble(header, list(range(5)), body)
    assert columns == ["序号", "断面名称", "2020年水质", "2025年目标"]
    assert [(row.groups, row.cells) for row in rows] == [
        (["白沙河"], ["1", "石门水库", "Ⅱ类", "Ⅱ类"]),
        (["白沙河"], ["2", "城关桥", "Ⅳ类", "Ⅲ类"]),
        (["柳溪"], ["4", "柳塘", "劣Ⅴ类", "Ⅳ类"]),
    ]
    assert rows[0].group_headers == ["所在河流"]


MONITORING_TABLE = """\
 序号          断面名称         所在河流     2020 年水质      2025 年目标
 1           石门水库         白沙河        Ⅱ类               Ⅱ类
 2           城关桥                     Ⅳ类               Ⅲ类
 4            柳塘           柳溪       劣Ⅴ类               Ⅳ类
 7           清水河口  ①
                                     Ⅳ类               Ⅲ类"""


def test_a_table_of_monitoring_sections_from_a_layout_text_dump():
    columns, rows = read_aligned_table(lines_of(MONITORING_TABLE, page=2), frozenset({"1"}))
    assert columns == ["序号", "断面名称", "2020年水质", "2025年目标"]
    assert [(row.groups, row.cells) for row in rows] == [
        (["白沙河"], ["1", "石门水库", "Ⅱ类", "Ⅱ类"]),
        (["白沙河"], ["2", "城关桥", "Ⅳ类", "Ⅲ类"]),
        (["柳溪"], ["4", "柳塘", "劣Ⅴ类", "Ⅳ类"]),
        (["柳溪"], ["7", "清水河口①", "Ⅳ类", "Ⅲ类"]),
    ]


def test_a_table_of_monitoring_sections_from_a_dump_of_one_cell_per_line():
    from plantext.extractors.cell_lines import read_cell_line_table

    printed = ["序号", "断面名称", "2020 年水质", "2025 年目标", "1", "柳塘", "劣Ⅴ类", "Ⅳ类", "2", "新桥", "Ⅲ类", "Ⅲ类"]
    columns, rows = read_cell_line_table([(text, 2) for text in printed])
    assert columns == ["序号", "断面名称", "2020年水质", "2025年目标"]
    assert [row.cells for row in rows] == [["1", "柳塘", "劣Ⅴ类", "Ⅳ类"], ["2", "新桥", "Ⅲ类", "Ⅲ类"]]


def test_a_column_of_numbers_without_header_is_the_sequence_column():
    header = [["规划指标", None, None, "2020年", "2025年", "指标属性"]]
    body = [(16, ["生态保护", "1", "森林覆盖率(%)", "7.5", "8.0", "约束性"]), (16, [None, "2", "湿地保护率(%)", "64.31", "≥66", "约束性"])]
    columns, rows = assemble(header, [0, 0, 0, 3, 4, 5], body)
    assert columns == ["序号", "规划指标", "2020年", "2025年", "指标属性"]
    assert rows[1].cells == ["2", "湿地保护率(%)", "64.31", "≥66", "约束性"]
    assert rows[1].groups == ["生态保护"]


def test_a_row_with_one_cell_is_a_group_row():
    header = [["序号", "指标名称", "单位", "2020年", "2025年", "指标属性"]]
    body = [(2, ["环境质量", None, None, None, None, None]), (2, ["1", "农村生活污水治理率", "%", "-", "25", "预期性"])]
    _, rows = assemble(header, list(range(6)), body)
    assert [(row.groups, row.cells[1]) for row in rows] == [(["环境质量"], "农村生活污水治理率")]


@pytest.mark.parametrize(
    "header,spans,row,group_header",
    [
        (
            [["类别", "序号", "指标名称", "单位", "2020年", "2025年", "指标属性"]],
            list(range(7)),
            ["环境治理", "1", "中心城区细颗粒物（PM2.5）年均浓度", "微克/立方米", "48", "40", "约束性"],
            "类别",
        ),
        # The name column's header merged over the group column heads no group of its own.
        (
            [["指标", None, "单位", "2020年", "2025年", "指标属性"]],
            [0, 0, 2, 3, 4, 5],
            ["环境治理", "中心城区细颗粒物（PM2.5）年均浓度", "微克/立方米", "48", "40", "约束性"],
            "",
        ),
    ],
)
def test_the_groups_of_a_table_record_are_headed_by_their_columns_header(header, spans, row, group_header):
    from plantext.extractors.tables import RawTable, table_record

    columns, rows = assemble(header, spans, [(3, row)])
    record = table_record(RawTable("表 1", "主要指标", 3, columns, rows))
    assert record.header[0][:2] == [group_header, columns[0]]
    assert record.rows[0][0] == "环境治理"


def test_a_group_row_above_a_category_column_heads_nothing():
    from plantext.extractors.tables import RawTable, table_record

    header = [["类别", "序号", "指标", "2020年", "2025年"]]
    body = [(2, ["水环境", None, None, None, None]), (2, ["水质", "1", "国控断面水质优良比例", "82.5", "85.2"])]
    columns, rows = assemble(header, list(range(5)), body)
    record = table_record(RawTable("表 1", None, 2, columns, rows))
    assert record.header[0][:3] == ["", "类别", "序号"]
    assert record.rows[0][:3] == ["水环境", "水质", "1"]


NATIONAL_TABLE = """\
 类别    序号           指标           2020 年   2025 年   属性

环境治     1   地级及以上城市细颗粒物            —      〔10〕     约束性
 理          （PM2.5）浓度下降（%）

        2   地级及以上城市空气质量优良          87      87.5    约束性
            天数比率（%）

生态保    10   森林覆盖率（%）             23.04     24.1    约束性
 护
       11   湿地保护率（%）             50 以上      55     预期性"""


def test_aligned_table_from_a_layout_text_dump():
    columns, rows = read_aligned_table(lines_of(NATIONAL_TABLE, page=3))
    assert columns == ["序号", "指标", "2020年", "2025年", "属性"]
    assert [(row.groups, row.cells) for row in rows] == [
        (["环境治理"], ["1", "地级及以上城市细颗粒物（PM2.5）浓度下降（%）", "—", "〔10〕", "约束性"]),
        (["环境治理"], ["2", "地级及以上城市空气质量优良天数比率（%）", "87", "87.5", "约束性"]),
        (["生态保护"], ["10", "森林覆盖率（%）", "23.04", "24.1", "约束性"]),
        (["生态保护"], ["11", "湿地保护率（%）", "50以上", "55", "预期性"]),
    ]


GANSU_TABLE = """\
序号        指标名称               单位   2020   2025 年   指标
                                   年              属性

环境质量

 1   地级及以上城市空气质量优良天          %     -      93.8    约束
     数比例 1                                         性

 2   地级及以上城市细颗粒物        微克/立方      -      ≤25     约束
     （PM2.5）浓度 1          米                        性"""


def test_aligned_table_with_group_rows_and_wrapped_cells():
    columns, rows = read_aligned_table(lines_of(GANSU_TABLE, page=2))
    assert columns == ["序号", "指标名称", "单位", "2020年", "2025年", "指标属性"]
    assert [(row.groups, row.cells) for row in rows] == [
        (["环境质量"], ["1", "地级及以上城市空气质量优良天数比例1", "%", "-", "93.8", "约束性"]),
        (["环境质量"], ["2", "地级及以上城市细颗粒物（PM2.5）浓度1", "微克/立方米", "-", "≤25", "约束性"]),
    ]


def test_columns_are_separated_by_gutters_no_row_crosses():
    lines = lines_of(" 1   森林覆盖率      7.5    8.0\n 2   湿地保护率      64.31  ≥66")
    assert len(column_bounds(lines)) == 4


# A table of the UTF-8 dump above as ``pdftotext -layout -enc GBK`` prints
# it: a Chinese character two cells wide, the gutter between the 2025 and
# 2030 columns two cells wide, narrower than half the gap between two cells
# of a line.
GBK_WIDE_TABLE = """\
 指标                                            2020 年   2025 年    2030 年
 非化石能源消费比重（%）                           6.8     13 左右    25 左右
 单位地区生产总值能耗降低（%）                     —      〔14〕    完成省下达
                                                                        任务
 森林覆盖率（%）                                  18.5      19.5         20"""


def test_two_cells_of_one_line_are_never_one_column():
    lines = [text_line(raw, 2, index, False, wide=True) for index, raw in enumerate(GBK_WIDE_TABLE.split("\n"))]
    columns, rows = read_aligned_table(lines)
    assert columns == ["指标", "2020年", "2025年", "2030年"]
    assert [row.cells for row in rows] == [
        ["非化石能源消费比重（%）", "6.8", "13左右", "25左右"],
        ["单位地区生产总值能耗降低（%）", "—", "〔14〕", "完成省下达任务"],
        ["森林覆盖率（%）", "18.5", "19.5", "20"],
    ]


def test_value_shapes():
    assert [looks_like_value(text) for text in ["80", "≥66", "〔18〕", "-", "—", "15左右", "2020年", "2020 年", "2015 2020", "约束性"]] == [
        True, True, True, True, True, True, False, False, False, False
    ]


def test_a_year_that_names_its_column_is_a_header_not_a_value():
    assert [looks_like_value(text) for text in ["2020年基期值", "2025年目标值", "2020年实际完成", "2035年远景值"]] == [
        False, False, False, False
    ]


def test_a_header_repeated_on_a_new_page_is_no_row():
    text = NATIONAL_TABLE + "\n 类别    序号           指标           2020 年   2025 年   属性\n"
    text += "        12   地下水国控点位Ⅴ类水比例（%）   —      25 左右    预期性"
    columns, rows = read_aligned_table(lines_of(text, page=3))
    assert [row.cells[0] for row in rows] == ["1", "2", "10", "11", "12"]


WRAPPED_CELLS_TABLE = """\
类别    序        指标           单位    基准值    目标值     属性
      号
环境质   1    地级及以上城市空气质量优     %     90.8   ≥90.4   约束
 量             良天数比例                              性
污染减   8    氮氧化物重点工程减排量      万吨     —       〔     约束
 排                                       8.7〕     性
      9    挥发性有机物重点工程减排     万吨     —       〔     约束
                 量                       4.2〕     性"""


def test_a_value_wrapped_onto_the_next_line_continues_its_cell_where_rows_are_numbered():
    columns, rows = read_aligned_table(lines_of(WRAPPED_CELLS_TABLE, page=3))
    assert columns == ["序号", "指标", "单位", "基准值", "目标值", "属性"]
    assert [(row.groups, row.cells) for row in rows] == [
        (["环境质量"], ["1", "地级及以上城市空气质量优良天数比例", "%", "90.8", "≥90.4", "约束性"]),
        (["污染减排"], ["8", "氮氧化物重点工程减排量", "万吨", "—", "〔8.7〕", "约束性"]),
        (["污染减排"], ["9", "挥发性有机物重点工程减排量", "万吨", "—", "〔4.2〕", "约束性"]),
    ]


CENTRED_GROUPS_TABLE = """\
序号           指标名称              2020 年   2025 年   属性
                 （1）大气环境质量
 1    地级城市空气质量优良天数比例（%）1        91.7     91.5    约束性
 3        重污染天数比例（%）            0.8      <0.8    预期性
                    （2）水环境质量
 4      国考断面水质优良比例（%）2          93.3    ≥93.3    约束性"""


NAMES_NUMBERED_TABLE = """\
指标名称                             2020年现状值   2025年目标值   指标属性
一、水资源节约集约
1.用水总量（亿立方米）               245            ＜260          约束性
2.万元地区生产总值用水量下降（%）    —              〔16〕         约束性
二、水生态保护
3.重要河湖生态流量达标率（%）        90             ≥95            约束性"""


def test_group_rows_in_chinese_numerals_where_the_names_carry_the_row_numbers():
    _, rows = read_aligned_table(lines_of(NAMES_NUMBERED_TABLE))
    assert [(row.groups, row.cells[0]) for row in rows] == [
        (["一、水资源节约集约"], "1.用水总量（亿立方米）"),
        (["一、水资源节约集约"], "2.万元地区生产总值用水量下降（%）"),
        (["二、水生态保护"], "3.重要河湖生态流量达标率（%）"),
    ]


def test_group_rows_centred_over_the_names_open_with_a_list_label():
    _, rows = read_aligned_table(lines_of(CENTRED_GROUPS_TABLE, page=2))
    assert [(row.groups, row.cells[:2]) for row in rows] == [
        (["（1）大气环境质量"], ["1", "地级城市空气质量优良天数比例（%）1"]),
        (["（1）大气环境质量"], ["3", "重污染天数比例（%）"]),
        (["（2）水环境质量"], ["4", "国考断面水质优良比例（%）2"]),
    ]


SPANNING_GROUPS_TABLE = """\
指标                  单位       2020 年    2025 年   属性
土壤环境
受污染耕地安全利用率              %     90.2     93 左右    约束性
涉镉等重金属重点行业企业整治数量        家      —       〔500〕    预期性
地下水环境
地下水国控点位 V 类水比例          %     27.6     25 左右    预期性
“双源”点位水质                —      —      总体保持稳定    预期性
农业农村环境
农村生活污水治理率               %     31.5       40     预期性"""


def test_group_rows_without_a_list_label_spanning_a_table_whose_rows_are_not_numbered():
    _, rows = read_aligned_table(lines_of(SPANNING_GROUPS_TABLE, page=2))
    assert [(row.groups, row.cells[0]) for row in rows] == [
        (["土壤环境"], "受污染耕地安全利用率"),
        (["土壤环境"], "涉镉等重金属重点行业企业整治数量"),
        (["地下水环境"], "地下水国控点位Ⅴ类水比例"),
        (["地下水环境"], "“双源”点位水质"),
        (["农业农村环境"], "农村生活污水治理率"),
    ]


SPANNING_GROUPS_WRAPPED_NAME_TABLE = """\
指标                        单位     2020 年    2025 年    属性
土壤环境
污染地块安全利             %       90       95       约束性
用率
受污染耕地安全利用率              %     90.2     93 左右    约束性
地下水环境
地下水国控点位 V 类水比例          %     27.6     25 左右    预期性"""


def test_a_lone_line_going_on_with_a_word_the_name_above_breaks_off_is_no_group_row():
    _, rows = read_aligned_table(lines_of(SPANNING_GROUPS_WRAPPED_NAME_TABLE, page=2))
    assert [(row.groups, row.cells[0]) for row in rows] == [
        (["土壤环境"], "污染地块安全利用率"),
        (["土壤环境"], "受污染耕地安全利用率"),
        (["地下水环境"], "地下水国控点位Ⅴ类水比例"),
    ]


LABELLED_GROUPS_WRAPPED_NAME_TABLE = """\
指标                  单位    2020    2025 年   2035 年   属性
三、生态质量
生态质量指数（EQI）          —     62.5   稳中向好     持续改善     预期性
重点河湖生态流量保障目标满        %     90      ≥90     95 以上    约束性
足程度
国家重点保护野生动植物物种        %     —       ≥95      ≥98     预期性
保护率"""


def test_a_lone_short_line_is_a_wrapped_name_where_the_group_rows_carry_list_labels():
    _, rows = read_aligned_table(lines_of(LABELLED_GROUPS_WRAPPED_NAME_TABLE, page=4))
    assert [(row.groups, row.cells[0]) for row in rows] == [
        (["三、生态质量"], "生态质量指数（EQI）"),
        (["三、生态质量"], "重点河湖生态流量保障目标满足程度"),
        (["三、生态质量"], "国家重点保护野生动植物物种保护率"),
    ]


WRAPPED_PROJECT_TABLE = """\
序   项目名称         建设内容                总投资     建设年限     责任单位
号                                    （万元）
1   溪口工业园区污水处理   污水处理规模 2 万吨/         8600   2021—    区住建局
    厂提标改造工程      日，出水提标至地表水                  2023 年
                 准Ⅳ类
3   挥发性有机物综合治理   完成 28 家涉 VOCs 企业深    3200   2022 年   区生态环境
    工程           度治理                                   分局"""


def test_a_project_table_joins_its_wrapped_header_words_and_wrapped_cells():
    columns, rows = read_aligned_table(lines_of(WRAPPED_PROJECT_TABLE, page=6))
    assert columns == ["序号", "项目名称", "建设内容", "总投资（万元）", "建设年限", "责任单位"]
    assert [row.cells for row in rows] == [
        ["1", "溪口工业园区污水处理厂提标改造工程", "污水处理规模2万吨/日，出水提标至地表水准Ⅳ类", "8600", "2021—2023年", "区住建局"],
        ["3", "挥发性有机物综合治理工程", "完成28家涉VOCs企业深度治理", "3200", "2022年", "区生态环境分局"],
    ]


def test_year_headings_printed_one_space_apart_are_separate_headings():
    from plantext.extractors.tables import _header_pieces
    from plantext.ingest.model import Segment

    pieces = _header_pieces(Segment("2015 2020", 33, 42))
    assert [(piece.text, piece.x0, piece.x1) for piece in pieces] == [("2015", 33, 37), ("2020", 38, 42)]
    pieces = _header_pieces(Segment("2020 年 2025 年 2035 年", 20, 40))
    assert [(piece.text, piece.x0, piece.x1) for piece in pieces] == [("2020 年", 20, 26), ("2025 年", 27, 33), ("2035 年", 34, 40)]


def test_a_header_line_of_year_headings_one_space_apart_is_no_row():
    table = (
        "序号         指标          2020 年 2025 年 2035 年    属性\n"
        " 1       森林覆盖率（%）       40.2    41     42 左右   约束性\n"
        " 2     森林蓄积量（万立方米）      3900   4200    ≥4500   约束性"
    )
    columns, rows = read_aligned_table(lines_of(table))
    assert columns == ["序号", "指标", "2020年", "2025年", "2035年", "属性"]
    assert [row.cells for row in rows] == [
        ["1", "森林覆盖率（%）", "40.2", "41", "42左右", "约束性"],
        ["2", "森林蓄积量（万立方米）", "3900", "4200", "≥4500", "约束性"],
    ]


def dump_lines(tmp_path, text: str):
    """The lines of a text dump as ``read_text`` gives them (with the empty
    lines between them marked)."""
    from plantext.ingest.text import read_text

    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    return [line for page in read_text(path).pages for line in page.lines]


# pdftotext -layout of a table whose cells wrap over narrow columns: a
# row's cells are centred on its line, so wrapped cells begin above it;
# empty lines part the rows.
CENTRED_ROWS_TABLE = """\
          序                               2020年现   2025年目标
类别            指标名称                单位                         指标属性
          号                               状值       值

          1   空气质量优良天数比例          %       64.2     ≥70       约束性

                                  微克/立方
          2   细颗粒物（PM2.5）年均浓度             51       ≤42       约束性
                                  米
环境质量
          3   地表水达到或好于Ⅲ类水体比例      %       80       85左右      约束性

              城市集中式饮用水水源地水质达标
          4                       %       100      100       约束性
              率

          5   化学需氧量重点工程减排量        万吨      —        〔1.52〕    约束性
污染减排
          6   氮氧化物重点工程减排量         万吨      —        〔0.86〕    约束性
"""


def test_wrapped_cells_above_a_centred_row_belong_to_that_row(tmp_path):
    columns, rows = read_aligned_table(dump_lines(tmp_path, CENTRED_ROWS_TABLE))
    assert columns[-5:] == ["指标名称", "单位", "2020年现状值", "2025年目标值", "指标属性"]
    assert [row.cells[-5:] for row in rows][1:4] == [
        ["细颗粒物（PM2.5）年均浓度", "微克/立方米", "51", "≤42", "约束性"],
        ["地表水达到或好于Ⅲ类水体比例", "%", "80", "85左右", "约束性"],
        ["城市集中式饮用水水源地水质达标率", "%", "100", "100", "约束性"],
    ]


# A header wrapped over three lines (序 / 号, 年均增长（累 / 计）) shows fewer
# cells on each line than the rows have.
WRAPPED_HEADER_TABLE = """\
        序                                        年均增长（累
类别          指标                   2020年   2025年             属性
        号                                        计）

        1   地区生产总值增长（%）          3.6     —       6左右       预期性

经济发展    2   全员劳动生产率增长（%）         —       —       高于GDP增长   预期性

        3   常住人口城镇化率（%）          66.8    72      〔5.2〕     预期性

        4   研发经费投入增长（%）          —       —       10以上      预期性"""


def test_a_header_wrapped_over_lines_takes_its_columns_from_the_rows(tmp_path):
    columns, rows = read_aligned_table(dump_lines(tmp_path, WRAPPED_HEADER_TABLE))
    assert columns[-5:] == ["指标", "2020年", "2025年", "年均增长（累计）", "属性"]
    assert [row.cells[-5:] for row in rows][:2] == [
        ["地区生产总值增长（%）", "3.6", "—", "6左右", "预期性"],
        ["全员劳动生产率增长（%）", "—", "—", "高于GDP增长", "预期性"],
    ]


# The last word of a value column's header wrapped onto a line of its own
# (年均增速/累 / 计), between the header and the first row.
WRAPPED_VALUE_HEADER_TABLE = """\
                                                      年均增速/累
类别      指标               单位          2020年   2025年             属性
                                                      计

        能源综合生产能力         万吨标准煤       4500    5200     2.9%     预期性

        非化石能源消费比重        %           19.4    25       〔5.6〕    约束性"""


def test_a_header_word_wrapped_under_a_value_column_is_no_group_row(tmp_path):
    columns, rows = read_aligned_table(dump_lines(tmp_path, WRAPPED_VALUE_HEADER_TABLE))
    assert columns[-4:] == ["2020年", "2025年", "年均增速/累计", "属性"]
    assert [(row.groups, row.cells[-4:]) for row in rows] == [
        ([], ["4500", "5200", "2.9%", "预期性"]),
        ([], ["19.4", "25", "〔5.6〕", "约束性"]),
    ]


# pdftotext -layout of a LibreOffice table: a superscript marker printed
# apart from its wrapped name (降低   1), merged 类别 cells wrapped onto the
# next row's line (增加生态碳 / 汇) and over a page break (优化能源结 / 构).
MARKERS_AND_WRAPPED_GROUPS_TABLE = """\
        表1    河北省应对气候变化“十四五”主要指标
 类别             指标名称               单位   2020 年   2025 年   指标属
                                                           性
控制温室气   单位地区生产总值二氧化碳排放             %      —      〔19〕     约束性
 体排放             降低   1


        单位地区生产总值能源消耗降低             %      —      〔15〕左    约束性
                                                   右
               煤炭消费比重              %     80.5     ＜70     预期性
优化能源结        非化石能源消费比重 2           %     7.6      ≥13     约束性




                           — 1 —
   构       可再生能源装机容量       万千瓦     3600   8000   预期性
增加生态碳         森林覆盖率            %    35    36.5   约束性
   汇          森林蓄积量        亿立方     1.4    1.6    约束性
                               米
注：1.以 2020 年为基数。
2.非化石能源包括风能、太阳能、水能、生物质能和核能等。"""


def tables_of_dump(tmp_path, text: str):
    from plantext.extractors.tables import read_tables
    from plantext.ingest.text import read_text
    from plantext.layout import analyse

    path = tmp_path / "plan.txt"
    path.write_text("某省应对气候变化规划\n\n" + text, encoding="utf-8")
    return read_tables(analyse(read_text(path)))


def test_a_marker_printed_apart_from_a_wrapped_name_starts_no_row(tmp_path):
    (table,) = tables_of_dump(tmp_path, MARKERS_AND_WRAPPED_GROUPS_TABLE)
    assert [row.cells[0] for row in table.rows][:2] == ["单位地区生产总值二氧化碳排放降低1", "单位地区生产总值能源消耗降低"]


# pdftotext -layout of a table whose name cell is vertically centred: the
# superscript marker raised the name a line above the row's values.
MARKER_LINE_ABOVE_ROW_TABLE = """\
            表1   安徽省国土空间生态修复主要指标
指标                  单位     2020     2025 年    2035 年   属性
                            年
一、生态保护
生态保护红线面积          万平方公      2.11   不低于国家下    不低于国家下    约束性
                     里              达任务       达任务
森林覆盖率   1
                     %     30.22     30.5      ≥31     约束性
森林蓄积量             亿立方米      2.7      3.0       3.6     约束性
注：1．森林覆盖率以第三次全国国土调查成果为基数统计。
"""


def test_a_name_and_its_marker_on_a_line_above_a_row_without_a_name_are_that_rows(tmp_path):
    (table,) = tables_of_dump(tmp_path, MARKER_LINE_ABOVE_ROW_TABLE)
    assert [row.cells for row in table.rows] == [
        ["生态保护红线面积", "万平方公里", "2.11", "不低于国家下达任务", "不低于国家下达任务", "约束性"],
        ["森林覆盖率1", "%", "30.22", "30.5", "≥31", "约束性"],
        ["森林蓄积量", "亿立方米", "2.7", "3.0", "3.6", "约束性"],
    ]


# pdftotext -layout of a table whose names carry raised circled footnote
# marks: the dump prints each mark on a line of its own below its word's
# line, inside a wrapped name too (…监测站 / ⑥ / 点).
RAISED_MARKS_TABLE = """\
           表1    汀溪市噪声污染防治主要指标
序号   指标                  单位     2023   2025        2027    指标属性
                                 年      年           年
 1   声环境功能区昼间达标率          %     91.2   ≥93         ≥95     约束性
                  ⑤
 2   声环境功能区夜间达标率          %     78.6   ≥85         ≥88     约束性
 3   城市区域环境噪声昼间平均等效声     分贝     55.3   ≤54.5       ≤54.0   预期性
     级
 6   新建功能区声环境质量自动监测站      个      —     〔20〕        〔45〕    预期性
      ⑥
     点
"""


def test_a_raised_marker_alone_on_a_line_inside_a_wrapped_name_follows_the_whole_name(tmp_path):
    (table,) = tables_of_dump(tmp_path, RAISED_MARKS_TABLE)
    assert [row.cells[1] for row in table.rows][3] == "新建功能区声环境质量自动监测站点⑥"


def test_a_raised_marker_alone_on_a_line_between_two_rows_is_the_lower_rows(tmp_path):
    # The PDF prints 声环境功能区夜间达标率⑤: the raised ⑤ went a line up.
    (table,) = tables_of_dump(tmp_path, RAISED_MARKS_TABLE)
    assert [row.cells[1] for row in table.rows][:3] == [
        "声环境功能区昼间达标率",
        "声环境功能区夜间达标率⑤",
        "城市区域环境噪声昼间平均等效声级",
    ]


def test_a_merged_group_cell_wrapped_onto_the_next_rows_line_is_one_group(tmp_path):
    (table,) = tables_of_dump(tmp_path, MARKERS_AND_WRAPPED_GROUPS_TABLE)
    assert [(row.groups, row.cells[0]) for row in table.rows][3:] == [
        (["优化能源结构"], "非化石能源消费比重2"),
        (["优化能源结构"], "可再生能源装机容量"),
        (["增加生态碳汇"], "森林覆盖率"),
        (["增加生态碳汇"], "森林蓄积量"),
    ]


def grid_of(rows):
    """A ruled grid from rows of (text, x0, top, x1, bottom) cells, None where a merged cell runs."""
    from plantext.ingest.model import Box, Grid, GridCell

    cells = tuple(tuple(None if cell is None else GridCell(cell[0], Box(*cell[1:])) for cell in row) for row in rows)
    return Grid(box=Box(0, 0, 280, 60), rows=cells)


def test_header_cells_merged_down_over_two_header_rows_keep_their_columns():
    from plantext.extractors.tables import read_grid_table

    grid = grid_of([
        [("序号", 0, 0, 30, 40), ("指标", 30, 0, 130, 40), ("单位", 130, 0, 160, 40),
         ("基准值", 160, 0, 200, 20), ("目标值", 200, 0, 240, 20), ("属性", 240, 0, 280, 40)],
        [None, None, None, ("2020年", 160, 20, 200, 40), ("2025年", 200, 20, 240, 40), None],
        [("1", 0, 40, 30, 60), ("一般工业固体废物综合利用率", 30, 40, 130, 60), ("%", 130, 40, 160, 60),
         ("55", 160, 40, 200, 60), ("60", 200, 40, 240, 60), ("预期性", 240, 40, 280, 60)],
    ])
    columns, rows = read_grid_table([(1, grid)], [])
    assert columns == ["序号", "指标", "单位", "基准值2020年", "目标值2025年", "属性"]
    assert rows[0].cells == ["1", "一般工业固体废物综合利用率", "%", "55", "60", "预期性"]


def test_a_unit_and_an_attribute_merged_down_over_rows_hold_for_each():
    from plantext.extractors.tables import read_grid_table

    # 序号, 单位 and 属性 merged over the indicator and its parts (其中：长江流域, 黄河流域).
    grid = grid_of([
        [("序号", 0, 0, 30, 20), ("指标", 30, 0, 130, 20), ("单位", 130, 0, 160, 20),
         ("2020年", 160, 0, 200, 20), ("2025年", 200, 0, 240, 20), ("指标属性", 240, 0, 280, 20)],
        [("1", 0, 20, 30, 80), ("地表水国控断面水质优良比例", 30, 20, 130, 40), ("%", 130, 20, 160, 80),
         ("82.5", 160, 20, 200, 40), ("≥85.2", 200, 20, 240, 40), ("约束性", 240, 20, 280, 80)],
        [None, ("其中：长江流域", 30, 40, 130, 60), None, ("95.2", 160, 40, 200, 60), ("100", 200, 40, 240, 60), None],
        [None, ("黄河流域", 30, 60, 130, 80), None, ("79.3", 160, 60, 200, 80), ("≥82.8", 200, 60, 240, 80), None],
        [("2", 0, 80, 30, 100), ("地表水国控断面劣Ⅴ类水体比例", 30, 80, 130, 100), ("%", 130, 80, 160, 100),
         ("1.0", 160, 80, 200, 100), ("0", 200, 80, 240, 100), None],
    ])
    _, rows = read_grid_table([(2, grid)], [])
    assert [row.cells for row in rows] == [
        ["1", "地表水国控断面水质优良比例", "%", "82.5", "≥85.2", "约束性"],
        ["", "其中：长江流域", "%", "95.2", "100", "约束性"],
        ["", "黄河流域", "%", "79.3", "≥82.8", "约束性"],
        # A cell that ends above the row (the attribute of row 1) is not merged into it.
        ["2", "地表水国控断面劣Ⅴ类水体比例", "%", "1.0", "0", ""],
    ]


# pdftotext -layout of a table whose numbered indicator has parts printed
# on lines of their own, with values but no number, unit or attribute.
SUB_ROWS_TABLE = """\
序号    指标                  单位   2020 年现   2025 年目标   指标属
                                状值          值        性
1     地表水国控断面水质优良（达到或好于    %    82.5      ≥85.2     约束性
      III 类）比例
      其中：长江流域                   95.2       100
      黄河流域                      79.3      ≥82.8
2     地表水国控断面劣Ⅴ类水体比例       %    1.0       0         约束性
3     县级城市建成区黑臭水体比例        %    —         基本消除      约束性"""


def test_a_line_with_values_of_its_own_starts_a_row_without_a_number(tmp_path):
    _, rows = read_aligned_table(dump_lines(tmp_path, SUB_ROWS_TABLE))
    assert [row.cells for row in rows] == [
        ["1", "地表水国控断面水质优良（达到或好于Ⅲ类）比例", "%", "82.5", "≥85.2", "约束性"],
        ["", "其中：长江流域", "", "95.2", "100", ""],
        ["", "黄河流域", "", "79.3", "≥82.8", ""],
        ["2", "地表水国控断面劣Ⅴ类水体比例", "%", "1.0", "0", "约束性"],
        ["3", "县级城市建成区黑臭水体比例", "%", "—", "基本消除", "约束性"],
    ]


# A bracketed value wrapped onto the next line, beside the end of the name.
WRAPPED_VALUE_TABLE = """\
序号   指标名称              单位     2020 年   2025 年   指标属性
11   氨氮重点工程减排量     万吨        —     〔0.08〕     约束性
12   氮氧化物重点工程减     万吨        —       〔        约束性
     排量                            0.61〕
13   挥发性有机物重点工     万吨        —     〔0.29〕     约束性"""


def test_a_value_wrapped_onto_the_next_line_continues_its_cell(tmp_path):
    _, rows = read_aligned_table(dump_lines(tmp_path, WRAPPED_VALUE_TABLE))
    assert [row.cells[1:5] for row in rows] == [
        ["氨氮重点工程减排量", "万吨", "—", "〔0.08〕"],
        ["氮氧化物重点工程减排量", "万吨", "—", "〔0.61〕"],
        ["挥发性有机物重点工", "万吨", "—", "〔0.29〕"],
    ]


# pdftotext -layout of a table continued under 表 1（续）, its header repeated
# and wrapped over two lines (2020 / 年, 年均增 / 长).
CONTINUED_WRAPPED_HEADER_TABLE = """\
     表1    江西省“十四五”城乡供水保障主要指标
序   类别        指标         单位    2020   2025   年均增    属性
号                               年      年      长
1   供水覆    农村自来水普及率      %      85    ≥92     —     约束性
2    盖    城乡供水一体化覆盖率     %      45     70     —     预期性
3         规模化供水工程覆盖农     %      62     80     —     预期性
            村人口比例
4         县城公共供水普及率      %     96.5    98     —     预期性
5   供水能   全省城乡供水总能力     万吨/日   1850   2150   3.1    预期性
6    力      县城供水能力      万吨/日   320    640    14.9   预期性
7         应急备用水源覆盖县      %      60    100     —     约束性
           （市、区）比例




                      — 2 —
                      表 1（续）
 序     类别        指标         单位   2020   2025   年均增   属性
 号                                年      年      长
 8           城市供水管网压力合格     %     96    ≥98     —    预期性
                 率
 9     水质安   农村供水工程水质达标     %     80     88    〔8〕   约束性
        全        率"""


def test_a_repeated_header_wrapped_over_two_lines_is_no_part_of_the_next_row(tmp_path):
    (table,) = tables_of_dump(tmp_path, CONTINUED_WRAPPED_HEADER_TABLE)
    assert [row.cells[:6] for row in table.rows][7:9] == [
        ["8", "城市供水管网压力合格率", "%", "96", "≥98", "—"],
        ["9", "农村供水工程水质达标率", "%", "80", "88", "〔8〕"],
    ]


def test_short_groups_of_one_row_each_stay_apart():
    header = [["类别", "指标", "2020年", "2025年"]]
    body = [
        (1, ["大气环境", "细颗粒物浓度（微克/立方米）", "30", "28"]),
        (1, ["水体", "地表水优良比例（%）", "80", "85"]),
        (1, ["土壤环境", "受污染耕地安全利用率（%）", "90", "93"]),
    ]
    _, rows = assemble(header, [0, 1, 2, 3], body)
    assert [row.groups for row in rows] == [["大气环境"], ["水体"], ["土壤环境"]]


def test_a_group_cell_wrapped_over_two_rows_lines_is_one_group_when_the_break_cuts_a_word():
    # 农业面 / 源污染 in a column three characters wide, a line on each of two rows
    header = [["一级指标", "二级指标", "2020年", "2025年"]]
    body = [
        (2, ["农业面", "主要农作物化肥利用率", "40.2", "43"]),
        (2, ["源污染", "畜禽粪污综合利用率", "75", "80以上"]),
        (2, [None, "农膜回收率", "80", "85"]),
    ]
    _, rows = assemble(header, [0, 1, 2, 3], body, line_widths=[3, 10, 4, 4])
    assert [row.groups for row in rows] == [["农业面源污染"], ["农业面源污染"], ["农业面源污染"]]


def test_a_group_cell_wrapped_over_three_rows_lines_is_one_group_on_each_of_them():
    # 资源 / 化利 / 用 in a column two characters wide (无废城市 indicator system)
    header = [["一级指标", "三级指标", "2020年", "2025年"]]
    body = [
        (2, ["资源", "农作物秸秆综合利用率", "93.5", "≥95"]),
        (2, ["化利", "畜禽粪污综合利用率", "88", "≥90"]),
        (2, ["用", "农膜回收率", "82", "＞90"]),
    ]
    _, rows = assemble(header, [0, 1, 2, 3], body, line_widths=[2, 10, 4, 4])
    assert [row.groups for row in rows] == [["资源化利用"], ["资源化利用"], ["资源化利用"]]


def test_groups_filling_their_column_on_rows_of_their_own_stay_apart_where_they_meet_between_words():
    header = [["类别", "指标", "2020年", "2025年"]]
    body = [
        (1, ["大气环境", "细颗粒物浓度（微克/立方米）", "30", "28"]),
        (1, ["土壤环境", "受污染耕地安全利用率（%）", "90", "93"]),
    ]
    _, rows = assemble(header, [0, 1, 2, 3], body, line_widths=[4, 14, 4, 4])
    assert [row.groups for row in rows] == [["大气环境"], ["土壤环境"]]


# pdftotext -layout: footnotes under a table each open with their marker,
# [1] without a 注： line, ① after one; the marker after a value is printed
# apart from it (≥58   [2]).
BRACKETED_NOTES_TABLE = """\
            表2    “十三五”规划主要指标完成情况
序号    指标                    单位   2020 年        2020 年   完成情
                                   目标           完成       况
一、环境质量
  1   地级及以上城市空气质量优良天数比       %     ≥76[1]       80.1    完成
      例
二、生态保护
  4   草原综合植被盖度               %     ≥58   [2]
                                                60.3    完成
[1]2015 年基数为 76.2%。
[2]草原综合植被盖度为全省平均值。
"""

CIRCLED_NOTES_TABLE = """\
          表1   陕西省“十四五”生态环境保护主要指标
序号   指标                   单位   2020 年   2025 年   属性
一、环境质量
 2   地级及以上城市空气质量优良天数比      %     80.1   82.6①    约束性
     例
 3   地表水达到或好于Ⅲ类水体比例        %     90.9   ≥92②     约束性
注：〔    〕内为五年累计数。
① 空气质量优良天数比例按照国家统一评价标准计算。
② 以国家地表水考核断面为统计范围。
"""


def test_notes_opening_with_bracketed_markers_are_notes_not_rows(tmp_path):
    (table,) = tables_of_dump(tmp_path, BRACKETED_NOTES_TABLE)
    assert table.columns == ["序号", "指标", "单位", "2020年目标", "2020年完成", "完成情况"]
    assert [row.cells for row in table.rows] == [
        ["1", "地级及以上城市空气质量优良天数比例", "%", "≥76[1]", "80.1", "完成"],
        ["4", "草原综合植被盖度", "%", "≥58[2]", "60.3", "完成"],
    ]
    assert table.notes == ["[1]2015年基数为76.2%。", "[2]草原综合植被盖度为全省平均值。"]


def test_circled_notes_after_a_note_line_stay_with_the_table(tmp_path):
    (table,) = tables_of_dump(tmp_path, CIRCLED_NOTES_TABLE)
    assert [row.cells[3:5] for row in table.rows] == [["80.1", "82.6①"], ["90.9", "≥92②"]]
    assert table.notes == ["注：〔〕内为五年累计数。", "①空气质量优良天数比例按照国家统一评价标准计算。", "②以国家地表水考核断面为统计范围。"]


# pdftotext -layout: a unit for the whole table printed on a line of its own
# between the caption and the header, right-aligned over the last column.
TABLE_UNIT_LINE_TABLE = """\
                 表1       临江市环境空气质量规划目标
                                                                单位：微克/立方米
  污染物                                2020 年现状   2025 年目标   2030 年目标
  PM2.5                                     42            35            30
  PM10                                      68            60            55
  O3 日最大 8 小时平均第 90 百分位数        168           160           155
  NO2                                       32            30            28
"""


def test_a_unit_line_above_the_header_is_the_tables_unit_not_part_of_a_header_cell(tmp_path):
    (table,) = tables_of_dump(tmp_path, TABLE_UNIT_LINE_TABLE)
    assert table.unit == "微克/立方米"
    assert table.columns == ["污染物", "2020年现状", "2025年目标", "2030年目标"]
    assert [row.cells for row in table.rows] == [
        ["PM2.5", "42", "35", "30"],
        ["PM10", "68", "60", "55"],
        ["O3日最大8小时平均第90百分位数", "168", "160", "155"],
        ["NO2", "32", "30", "28"],
    ]


# A table carried to a new page under a bare 续表 line (no table number,
# so no caption), then its header again.
CONTINUED_UNNUMBERED_TABLE = """\
        表1    长汀县“十五五”生态文明建设主要指标
  类别     指标                    2025 年   2030 年   属性
 生态保护    森林覆盖率（%）               80.3     80.5    约束
         水土保持率（%）               92.6     93.5    约束
 环境质量    县城空气质量优良天数比例（%）        99.2     ≥99     约束
\f                       续表
  类别    指标                   2025 年   2030 年   属性
 环境质量   集中式饮用水水源地水质达标率（%）     100      100     约束
 环境治理   县城生活污水集中收集率（%）         68       75     预期
注：〔   〕内为五年累计数。
"""


def test_a_bare_continued_table_line_at_the_top_of_a_page_is_no_row(tmp_path):
    (table,) = tables_of_dump(tmp_path, CONTINUED_UNNUMBERED_TABLE)
    assert [(row.page, row.cells[0]) for row in table.rows] == [
        (1, "森林覆盖率（%）"),
        (1, "水土保持率（%）"),
        (1, "县城空气质量优良天数比例（%）"),
        (2, "集中式饮用水水源地水质达标率（%）"),
        (2, "县城生活污水集中收集率（%）"),
    ]




# pdftotext -layout of a table whose 类别 column holds three characters a
# line: 环境质 / 量 wraps within its row, 生态保 / 护 onto the next row's line.
NARROW_GROUP_COLUMN_TABLE = """\
              表1      雁塘县“十五五”生态环境保护主要指标
序   类别      指标名称                     单位    2025     2030     指标属
号                                                  年基准   年目标     性
                                                      值       值
1    环境质    县城细颗粒物（PM2.5）年    微克/立     27     ≤25     约束性
       量      均浓度                       方米
2              受污染耕地安全利用率          %        93     ≥95     约束性
3    生态保   森林覆盖率                     %        68.2    ≥68.5   约束性
4      护     生态保护红线面积          平方公里   412.6    不减少   约束性
5             水土保持率                     %        91.8      93     预期性"""


def test_a_group_cell_filling_its_narrow_column_wraps_onto_the_next_rows_line(tmp_path):
    (table,) = tables_of_dump(tmp_path, NARROW_GROUP_COLUMN_TABLE)
    assert [(row.groups, row.cells[1]) for row in table.rows] == [
        (["环境质量"], "县城细颗粒物（PM2.5）年均浓度"),
        (["环境质量"], "受污染耕地安全利用率"),
        (["生态保护"], "森林覆盖率"),
        (["生态保护"], "生态保护红线面积"),
        (["生态保护"], "水土保持率"),
    ]


# 附件 1 of a county plan printing its annex's table without a 表 label.
ANNEX_TABLE = """\
一、总体要求

到2025年，森林覆盖率达到42%。

\f附件 1

        某县“十四五”林业发展主要指标
序号    指标              2020 年    2025 年    属性
1      森林覆盖率（%）      40.2       42        约束性
2      湿地保护率（%）      50         55        预期性
"""


def test_a_table_without_a_label_opening_an_annex_is_labelled_and_captioned_by_the_annex(tmp_path):
    (table,) = tables_of_dump(tmp_path, ANNEX_TABLE)
    assert (table.label, table.caption, table.page) == ("附件 1", "某县“十四五”林业发展主要指标", 2)


@pytest.mark.parametrize(
    "cell,is_label",
    [
        ("2023年", True),
        ("2022年（基期）", True),
        ("2022 年（基期）", True),
        ("2020年(现状)", True),
        ("2025年目标", True),
        ("2020年现状值", True),
        ("2022", True),
        # a date or a time limit is no year's label, nor is a total
        ("2023年5月底前", False),
        ("2023年底前", False),
        ("合计", False),
        ("2023年完成情况", False),
    ],
)
def test_a_year_label_is_a_year_alone_or_with_the_role_of_its_values(cell, is_label):
    assert is_year_label(cell) is is_label


# 附件 1 of 青水县农村生活污水治理三年行动实施方案: rows are years, columns indicators.
YEAR_ROWS_TABLE = RawTable(
    label="附件 1",
    caption="青水县农村生活污水治理三年行动主要目标",
    page=5,
    columns=["年度", "农村生活污水治理率（%）", "累计完成治理行政村（个）", "黑臭水体整治完成率（%）"],
    rows=[
        RawRow(["2022年（基期）", "38", "35", "—"], [], 5),
        RawRow(["2023年", "45", "55", "40"], [], 5),
        RawRow(["2025年", "≥60", "≥100", "100"], [], 6),
    ],
)


def test_a_table_whose_rows_are_years_is_turned_round_into_a_row_per_indicator():
    turned = transposed(YEAR_ROWS_TABLE)
    assert turned.columns == ["年度", "2022年（基期）", "2023年", "2025年"]
    assert [(row.cells, row.page) for row in turned.rows] == [
        (["农村生活污水治理率（%）", "38", "45", "≥60"], 5),
        (["累计完成治理行政村（个）", "35", "55", "≥100"], 5),
        (["黑臭水体整治完成率（%）", "—", "40", "100"], 5),
    ]


@pytest.mark.parametrize(
    "columns,first_cells",
    [
        # a table printed the usual way: names in the rows, years in the header
        (["序号", "指标", "2020年", "2025年"], ["1", "2"]),
        # a first column of years under a header naming no year
        (["指标", "治理率（%）", "覆盖率（%）"], ["2023年", "2025年"]),
        # a year in the header: a table of years by years
        (["年度", "2023年", "2025年"], ["2023年", "2025年"]),
        # a row that is no year, nor the indicators' units or attributes (合计)
        (["年度", "治理率（%）", "覆盖率（%）"], ["2023年", "合计"]),
    ],
)
def test_a_table_is_turned_round_only_when_its_first_column_is_years_under_a_year_header(columns, first_cells):
    rows = [RawRow([cell] + ["45"] * (len(columns) - 1), [], 5) for cell in first_cells]
    assert transposed(RawTable("附件 1", None, 5, columns, rows)) is None


def test_a_table_of_years_and_their_tasks_is_not_turned_round():
    columns = ["年度", "重点任务", "责任单位"]
    rows = [
        RawRow(["2023年", "完成8个乡镇政府驻地污水处理设施提标改造", "县住建局"], [], 6),
        RawRow(["2024年", "完成12条农村黑臭水体整治", "县生态环境分局"], [], 6),
    ]
    assert transposed(RawTable("附件 2", None, 6, columns, rows)) is None
