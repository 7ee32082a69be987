"""Interpreting indicator tables: headers, names, units, markers, notes, value roles."""

from __future__ import annotations

import pytest

from plantext.extractors.indicators import (
    assign_value_roles,
    explains_mark,
    extract_indicators,
    mentions,
    parse_attribute_legend,
    parse_notes,
    split_sequence,
    split_unit,
    strip_markers,
)
from plantext.extractors.tables import RawRow, RawTable, assemble, classify_header
from plantext.models import Period


@pytest.mark.parametrize(
    "header,expected",
    [
        ("序号", ("column", "seq", None)),
        ("类别", ("column", "category", None)),
        ("规划指标", ("column", "name", None)),
        ("指标名称", ("column", "name", None)),
        ("单位", ("column", "unit", None)),
        ("指标属性", ("column", "attribute", None)),
        ("属性", ("column", "attribute", None)),
        ("规划目标完成情况", ("column", "status", None)),
        ("基准值", ("value", "baseline", None)),
        ("目标值", ("value", "target", None)),
        ("完成值", ("value", "actual", None)),
        ("2020年", ("value", None, 2020)),
        ("2025 年", ("value", None, 2025)),
        ("2025年目标值", ("value", "target", 2025)),
        ("2020年现状值", ("value", "baseline", 2020)),
        ("2020年规划目标", ("value", "target", 2020)),
        ("2020年实际完成", ("value", "actual", 2020)),
        ("2035年远景值", ("value", "target", 2035)),
        # growth and cumulative columns state the plan's aim
        ("年均增长（累计）", ("value", "target", None)),
        ("年均增速/累计", ("value", "target", None)),
        ("五年累计", ("value", "target", None)),
        # right after the year, a bare role word names the column (2020 年 / 完成 wrapped)
        ("2020年完成", ("value", "actual", 2020)),
        ("2020 年完成", ("value", "actual", 2020)),
        ("2020年目标", ("value", "target", 2020)),
        ("2020年实际", ("value", "actual", 2020)),
        # the role word in brackets, or before the year
        ("2023年（基准）", ("value", "baseline", 2023)),
        ("2023年(基准年)", ("value", "baseline", 2023)),
        ("基准年（2023年）", ("value", "baseline", 2023)),
        ("2025年（目标）", ("value", "target", 2025)),
        ("2020年完成情况", ("column", "status", None)),
        # a group header spanning the years names no role: the year and
        # the column's place give it, as for a bare year
        ("指标值", ("value", None, None)),
        ("指标值2020年", ("value", None, 2020)),
        ("2025年指标值", ("value", None, 2025)),
        # the stages of an action plan are its targets, each of its year
        ("近期（2025年）", ("value", "target", 2025)),
        ("中期（2027年）", ("value", "target", 2027)),
        ("远期（2030年）", ("value", "target", 2030)),
        ("2025年（近期）", ("value", "target", 2025)),
        ("近期目标（2025年）", ("value", "target", 2025)),
        # a monitored place names its row, and where it lies groups the rows
        ("断面名称", ("column", "name", None)),
        ("点位名称", ("column", "name", None)),
        ("监测断面", ("column", "name", None)),
        ("所在河流", ("column", "location", None)),
        ("所属区县", ("column", "location", None)),
        # a year with what its values are graded by is a bare year's column
        ("2020 年水质", ("value", None, 2020)),
        # elsewhere the word is a cell's
        ("完成国家下达任务", None),
        ("备注", None),
    ],
)
def test_classify_header(header, expected):
    assert classify_header(header) == expected


@pytest.mark.parametrize(
    "printed,name,markers",
    [
        ("全省地表水国控断面1水质达到或好于Ⅲ类比例(%)", "全省地表水国控断面水质达到或好于Ⅲ类比例(%)", ["1"]),
        ("长江、黄河、澜沧江干流及黑河出境断面水质2", "长江、黄河、澜沧江干流及黑河出境断面水质", ["2"]),
        ("生态保护红线面积变(%)4", "生态保护红线面积变(%)", ["4"]),
        ("5城市黑臭水体比例(%)", "城市黑臭水体比例(%)", ["5"]),
        ("地级及以上城市细颗粒物（PM2.5）浓度1", "地级及以上城市细颗粒物（PM2.5）浓度", ["1"]),
        ("细颗粒物(PM2.5)浓度(微克/立方米)", "细颗粒物(PM2.5)浓度(微克/立方米)", []),
        ("单位GDP二氧化碳(CO2)排放降低", "单位GDP二氧化碳(CO2)排放降低", []),
        ("“十四五”期间新增3个国家公园", "“十四五”期间新增3个国家公园", []),
        ("臭氧日最大8小时平均浓度", "臭氧日最大8小时平均浓度", []),
        ("PM2.5平均浓度¹", "PM2.5平均浓度", ["1"]),
        ("地级及以上城市空气质量优良天数比例[1]", "地级及以上城市空气质量优良天数比例", ["1"]),
        ("草原综合植被盖度 ［2］", "草原综合植被盖度", ["2"]),
        # brackets and number raised together (Word's endnotes), read so from a PDF
        ("草原综合植被盖度[²]", "草原综合植被盖度", ["2"]),
        ("地表水达到或好于Ⅲ类水体比例②", "地表水达到或好于Ⅲ类水体比例", ["2"]),
        # a circled number opening the name is its list label, not a marker
        ("①森林覆盖率", "①森林覆盖率", []),
        # a mark after the name (a note says what it stands for) is a marker too
        ("细颗粒物（PM2.5）平均浓度★", "细颗粒物（PM2.5）平均浓度", ["★"]),
        ("单位地区生产总值二氧化碳排放降低 ▲", "单位地区生产总值二氧化碳排放降低", ["▲"]),
        ("受污染耕地安全利用率①*", "受污染耕地安全利用率", ["1", "*"]),
    ],
)
def test_strip_markers(printed, name, markers):
    assert strip_markers(printed) == (name, markers)


@pytest.mark.parametrize("printed", ["污水处理率：①县城②建制镇", "城市生活垃圾无害化处理率：[1]市区[2]县城"])
def test_numbers_followed_by_more_of_the_name_are_its_list_labels(printed):
    assert strip_markers(printed) == (printed, [])


@pytest.mark.parametrize(
    "printed,name,markers",
    [
        ("森林覆盖率①（%）", "森林覆盖率（%）", ["1"]),
        ("地级及以上城市空气质量优良天数比例[1](%)", "地级及以上城市空气质量优良天数比例(%)", ["1"]),
        ("森林覆盖率★（%）", "森林覆盖率（%）", ["★"]),
    ],
)
def test_a_marker_before_the_unit_closing_a_name_is_a_marker(printed, name, markers):
    assert strip_markers(printed) == (name, markers)


def test_a_number_before_brackets_that_hold_no_unit_is_no_marker():
    assert strip_markers("细颗粒物①（PM2.5）浓度") == ("细颗粒物①（PM2.5）浓度", [])


def test_two_markers_closing_a_name_are_both_markers():
    assert strip_markers("地表水达到或好于Ⅲ类水体比例①②") == ("地表水达到或好于Ⅲ类水体比例", ["1", "2"])


def test_the_exponent_of_a_power_in_a_name_stays():
    # 10⁴ had become 104 (and could lose its 10 as a marker)
    assert strip_markers("万元工业增加值用水量（立方米/10⁴元）") == ("万元工业增加值用水量（立方米/10⁴元）", [])


@pytest.mark.parametrize(
    "printed,name,unit",
    [
        ("森林覆盖率(%)", "森林覆盖率", "%"),
        ("地表水质量劣Ⅴ类水体比例（%）", "地表水质量劣Ⅴ类水体比例", "%"),
        ("细颗粒物(PM2.5)浓度(微克/立方米)", "细颗粒物(PM2.5)浓度", "微克/立方米"),
        ("生态保护红线面积(万平方公里)", "生态保护红线面积", "万平方公里"),
        ("清洁能源装机总量(万KW)", "清洁能源装机总量", "万千瓦"),
        ("人均预期寿命（岁）", "人均预期寿命", "岁"),
        ("每万人口高价值发明专利拥有量（件）", "每万人口高价值发明专利拥有量", "件"),
        ("生态质量指数(EQI)", "生态质量指数(EQI)", None),
        ("重点生态功能区县域生态环境状况指数变化值(ΔE)", "重点生态功能区县域生态环境状况指数变化值(ΔE)", None),
        ("近岸海域水质优良（一、二类）比例", "近岸海域水质优良（一、二类）比例", None),
    ],
)
def test_split_unit(printed, name, unit):
    assert split_unit(printed) == (name, unit)


@pytest.mark.parametrize(
    "printed,seq,name",
    [
        ("(5)化学需氧量、氨氮排放量下降比例", 5, "化学需氧量、氨氮排放量下降比例"),  # a merged name cell
        ("1.用水总量（亿立方米）", 1, "用水总量（亿立方米）"),  # a table without a 序号 column
        ("12、森林覆盖率", 12, "森林覆盖率"),
        ("2.5微米以下颗粒物浓度", None, "2.5微米以下颗粒物浓度"),
        ("PM2.5浓度", None, "PM2.5浓度"),
    ],
)
def test_split_sequence(printed, seq, name):
    assert split_sequence(printed) == (seq, name)
    assert split_sequence("森林覆盖率") == (None, "森林覆盖率")


def test_numbered_notes_are_split_by_their_numbers():
    notes = parse_notes(["注:1.全省地表水国控断面为19个。2.长江、澜沧江出境断面水质达到Ⅰ类(溶解氧指标除外)。"])
    assert notes == {"1": ["全省地表水国控断面为19个。"], "2": ["长江、澜沧江出境断面水质达到Ⅰ类(溶解氧指标除外)。"]}


@pytest.mark.parametrize(
    "paragraphs,notes",
    [
        (["[1]2015年基数为76.2%。", "[2]草原综合植被盖度为全省平均值。"], {"1": ["2015年基数为76.2%。"], "2": ["草原综合植被盖度为全省平均值。"]}),
        (["① 空气质量优良天数比例按照国家统一评价标准计算。", "③ 含重点行业工程减排量。"], {"1": ["空气质量优良天数比例按照国家统一评价标准计算。"], "3": ["含重点行业工程减排量。"]}),
        # what comes before the first numbered note is an unnumbered one
        (["注：〔〕内为五年累计数。①按国家统一标准计算。②以考核断面为统计范围。"], {None: ["〔〕内为五年累计数。"], "1": ["按国家统一标准计算。"], "2": ["以考核断面为统计范围。"]}),
    ],
)
def test_notes_opening_with_their_marker_are_numbered_by_it(paragraphs, notes):
    assert parse_notes(paragraphs) == notes


@pytest.mark.parametrize(
    "note,marked,rest",
    [
        ("注：带★的为约束性指标，其余为预期性指标。", {"★": "约束性"}, "预期性"),
        ("注：标“▲”的指标为预期性指标，其他为约束性指标。", {"▲": "预期性"}, "约束性"),
        ("说明：带★号者为约束性指标，带☆号者为预期性指标。", {"★": "约束性", "☆": "预期性"}, None),
        ("注：加*的指标为约束指标，其余指标均为预期指标。", {"*": "约束性"}, "预期性"),
        # no mark named: no legend, whatever the rest is said to be
        ("注：〔〕内为五年累计数，其余为预期性指标。", {}, None),
    ],
)
def test_a_note_saying_what_a_mark_stands_for_is_an_attribute_legend(note, marked, rest):
    legend = parse_attribute_legend([note])
    assert (legend.marked, legend.rest) == (marked, rest)


def test_a_note_loses_the_separator_before_the_next_note_on_its_line():
    notes = parse_notes(["注：1.近岸海域水质优良（一、二类）比例按监测点位代表面积计算；2.海漂垃圾常态化清理岸滩长度为“十四五”期间累计清理的沙滩、岸滩长度。"])
    assert notes == {
        "1": ["近岸海域水质优良（一、二类）比例按监测点位代表面积计算"],
        "2": ["海漂垃圾常态化清理岸滩长度为“十四五”期间累计清理的沙滩、岸滩长度。"],
    }


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["注：①主要农作物化肥利用率为水稻、小麦、玉米三大粮食作物当季化肥利用率；②农膜回收率为农膜回收面积占当年覆膜面积的比例。〔〕内为五年累计数。"],
        # each note on a line of its own
        ["注：①主要农作物化肥利用率为水稻、小麦、玉米三大粮食作物当季化肥利用率；", "②农膜回收率为农膜回收面积占当年覆膜面积的比例。〔〕内为五年累计数。"],
    ],
)
def test_notes_listed_as_one_sentence_end_at_its_full_stop_and_what_follows_is_unnumbered(paragraphs):
    assert parse_notes(paragraphs) == {
        "1": ["主要农作物化肥利用率为水稻、小麦、玉米三大粮食作物当季化肥利用率"],
        "2": ["农膜回收率为农膜回收面积占当年覆膜面积的比例"],
        None: ["〔〕内为五年累计数。"],
    }


@pytest.mark.parametrize(
    "paragraph,numbered,unnumbered",
    [
        # the note keeps the full stop closing its sentence
        (
            "注：①指标值为既有大型数据中心目标，新建大型数据中心控制在1.3以内。〔 〕内为五年累计数。",
            "指标值为既有大型数据中心目标，新建大型数据中心控制在1.3以内。",
            "〔 〕内为五年累计数。",
        ),
        # and loses a separator, as a note listed before another
        ("注：①按白沙河流域7个国省控断面计；〔 〕内为五年累计数。", "按白沙河流域7个国省控断面计", "〔 〕内为五年累计数。"),
        ("注：①以2020年为基数。带★的为约束性指标，其余为预期性指标。", "以2020年为基数。", "带★的为约束性指标，其余为预期性指标。"),
        ("注：①以2020年为基数。带*的指标为本规划新增指标。", "以2020年为基数。", "带*的指标为本规划新增指标。"),
    ],
)
def test_a_numbered_note_ends_before_a_note_of_the_whole_table_printed_after_it(paragraph, numbered, unnumbered):
    assert parse_notes([paragraph]) == {"1": [numbered], None: [unnumbered]}


def test_a_numbered_note_of_two_sentences_is_kept_whole():
    paragraph = "注：①清水河口断面为2021年新增省控断面。2020年水质为加密监测结果。"
    assert parse_notes([paragraph]) == {"1": ["清水河口断面为2021年新增省控断面。2020年水质为加密监测结果。"]}


def test_unnumbered_note_is_kept_whole():
    assert parse_notes(["注：〔〕内为五年累计数。"]) == {None: ["〔〕内为五年累计数。"]}


def test_unnumbered_note_goes_to_rows_it_names_even_when_misprinted():
    note = "森林覆盖率、草原综合植被盖度、湿地保护率等指标暂按现行林草行业调查体系和标准设定。"
    assert mentions(note, "森林覆盖率")
    assert mentions(note, "草原综合植被覆盖度")
    assert not mentions(note, "水土保持率")


def test_years_come_from_the_period_when_headers_print_none():
    columns = assign_value_roles([(1, "baseline", None), (2, "target", None), (3, "actual", None)], Period(start=2016, end=2020))
    assert [(column.role, column.year) for column in columns] == [("baseline", 2015), ("target", 2020), ("actual", 2020)]


def test_an_actual_value_of_the_plans_base_year_is_its_baseline():
    # 2020年实际 | 2025年目标 in a 2021–2025 plan
    columns = assign_value_roles([(3, "actual", 2020), (4, "target", 2025)], Period(start=2021, end=2025))
    assert [(column.role, column.year) for column in columns] == [("baseline", 2020), ("target", 2025)]


def test_an_actual_value_beside_its_years_target_reviews_the_last_plan():
    # 2020年目标 | 2020年实际 | 2025年目标: the 十三五 review stays actual
    columns = assign_value_roles([(2, "target", 2020), (3, "actual", 2020), (4, "target", 2025)], Period(start=2021, end=2025))
    assert [(column.role, column.year) for column in columns] == [("target", 2020), ("actual", 2020), ("target", 2025)]


def test_bare_year_columns_are_baseline_then_target():
    columns = assign_value_roles([(2, None, 2020), (3, None, 2025)], Period(start=2021, end=2025))
    assert [(column.role, column.year) for column in columns] == [("baseline", 2020), ("target", 2025)]


@pytest.mark.parametrize(
    "values,expected",
    [
        ([(2, None, 2023), (3, "target", 2025), (4, "target", 2030)], [("baseline", 2023), ("target", 2025), ("target", 2030)]),
        # a bare year after a named target, or after a named baseline, is a later target
        ([(2, "target", 2025), (3, None, 2030)], [("target", 2025), ("target", 2030)]),
        ([(2, "baseline", 2020), (3, None, 2025), (4, None, 2030)], [("baseline", 2020), ("target", 2025), ("target", 2030)]),
    ],
)
def test_without_a_period_a_bare_year_is_the_baseline_only_when_earliest_of_all(values, expected):
    assert [(column.role, column.year) for column in assign_value_roles(values, None)] == expected


def test_an_indicator_row_from_a_table():
    table = RawTable(
        label="表 1",
        caption="甘肃省“十四五”生态环境保护主要指标",
        page=2,
        columns=["序号", "指标名称", "单位", "2020年", "2025年", "指标属性"],
        rows=[RawRow(["2", "地级及以上城市细颗粒物（PM2.5）浓度1", "微克/立方米", "-", "≤25", "约束性"], ["环境质量"], 2)],
        notes=["注：1.地级及以上城市指全省14个市（州）政府所在地城市。"],
    )
    (row,) = extract_indicators([table], None)
    assert (row.seq, row.name, row.unit, row.category, row.attribute) == (
        2, "地级及以上城市细颗粒物（PM2.5）浓度", "微克/立方米", "环境质量", "约束性"
    )
    assert [(v.role, v.year, v.raw, v.value, v.comparator) for v in row.values] == [
        ("baseline", 2020, "-", None, None),
        ("target", 2025, "≤25", 25, "<="),
    ]
    assert row.notes == ["地级及以上城市指全省14个市（州）政府所在地城市。"]


def test_each_section_of_a_table_of_monitoring_sections_is_an_indicator_graded_by_water_class():
    table = RawTable(
        label="表 2",
        caption="白沙河流域地表水监测断面水质目标",
        page=2,
        columns=["序号", "断面名称", "2020 年水质", "2025 年目标"],
        rows=[
            RawRow(["1", "石门水库", "Ⅱ类", "Ⅱ类"], ["白沙河"], 2),
            RawRow(["4", "柳塘", "劣Ⅴ类", "Ⅳ类"], ["柳溪"], 2),
            RawRow(["7", "清水河口①", "Ⅳ类", "Ⅲ类"], ["清水河"], 2),
        ],
        notes=["注：①清水河口断面为2021年新增省控断面，2020年水质为加密监测结果。"],
    )
    rows = extract_indicators([table], Period(start=2021, end=2025))
    assert [(row.category, row.seq, row.name, row.unit, row.attribute) for row in rows] == [
        ("白沙河", 1, "石门水库", None, None),
        ("柳溪", 4, "柳塘", None, None),
        ("清水河", 7, "清水河口", None, None),
    ]
    assert [[(v.role, v.year, v.raw, v.value, v.comparator) for v in row.values] for row in rows][1] == [
        ("baseline", 2020, "劣Ⅴ类", None, None),
        ("target", 2025, "Ⅳ类", None, None),
    ]
    assert rows[2].notes == ["清水河口断面为2021年新增省控断面，2020年水质为加密监测结果。"]


def test_a_table_without_value_columns_gives_no_indicators():
    table = RawTable("表 3", "重点工程", 5, ["序号", "工程名称", "建设内容"], [RawRow(["1", "祁连山修复工程", "矿山修复"], [], 5)])
    assert extract_indicators([table], None) == []


def test_a_current_value_beside_a_base_period_value_is_achieved():
    # 基期值 2020年 | 现状值 2023年 | 目标值 2025年 2030年 in a 2024–2030 plan
    values = [(3, "baseline", 2020), (4, "baseline", 2023), (5, "target", 2025), (6, None, 2030)]
    columns = assign_value_roles(values, Period(start=2024, end=2030))
    assert [(column.role, column.year) for column in columns] == [
        ("baseline", 2020), ("actual", 2023), ("target", 2025), ("target", 2030)
    ]


def test_a_current_value_column_alone_is_the_baseline():
    columns = assign_value_roles([(3, "baseline", 2023), (4, "target", 2027)], Period(start=2024, end=2027))
    assert [(column.role, column.year) for column in columns] == [("baseline", 2023), ("target", 2027)]


def test_a_later_baseline_column_is_no_achievement_from_the_first_target_year_on():
    # a 2025年现状 after a 2025年目标 is no value achieved before the targets
    values = [(2, "baseline", 2020), (3, "target", 2025), (4, "baseline", 2025)]
    columns = assign_value_roles(values, Period(start=2021, end=2025))
    assert [(column.role, column.year) for column in columns] == [("baseline", 2020), ("target", 2025), ("baseline", 2025)]


def test_a_table_with_base_period_and_current_columns_gives_baseline_actual_and_targets():
    table = RawTable(
        label="表 1",
        caption="农村生态环境改善提升主要指标",
        page=2,
        columns=["一级指标", "二级指标", "单位", "基期值2020年", "现状值2023年", "目标值2025年", "2030年", "指标属性"],
        rows=[RawRow(["", "农村生活垃圾进行收运处理的自然村比例", "%", "90", "91.5", "保持90以上", "95以上", "预期性"], ["农村环境整治"], 2)],
        notes=[],
    )
    (row,) = extract_indicators([table], Period(start=2024, end=2030))
    assert [(v.role, v.year, v.raw, v.value, v.comparator) for v in row.values] == [
        ("baseline", 2020, "90", 90, "="),
        ("actual", 2023, "91.5", 91.5, "="),
        ("target", 2025, "保持90以上", 90, ">="),
        ("target", 2030, "95以上", 95, ">="),
    ]


def test_three_year_columns_read_against_the_plan_period():
    # Bare past years all stay baselines: the header does not say which the
    # plan starts from, so none is called achieved.
    columns = assign_value_roles([(2, None, 2015), (3, None, 2020), (4, None, 2025)], Period(start=2021, end=2025))
    assert [(column.role, column.year) for column in columns] == [("baseline", 2015), ("baseline", 2020), ("target", 2025)]


@pytest.mark.parametrize("printed", [("约束性", "预期性"), ("约束", "预期")])
def test_a_column_of_attribute_words_is_the_attribute_whatever_its_header(printed):
    table = RawTable(
        label="表 1",
        caption="主要指标",
        page=3,
        columns=["序号", "指标名称", "2020年", "2025年", "指标类型"],
        rows=[RawRow(["1", "森林覆盖率(%)", "40.2", "41", printed[0]], [], 3), RawRow(["2", "湿地保护率(%)", "50", "55", printed[1]], [], 3)],
    )
    assert [row.attribute for row in extract_indicators([table], Period(start=2021, end=2025))] == ["约束性", "预期性"]


def test_a_level_of_an_indicator_system_names_the_rows_and_a_type_of_required_or_optional_is_no_attribute():
    header = [["一级指标", "二级指标", "序号", "三级指标", "单位", "2020年现状", "2025年目标", "指标类型"]]
    body = [(2, ["固体废物源头减量", "工业源头减量", "3", "开展清洁生产审核的企业数量", "家", "46", "≥80", "可选"])]
    columns, rows = assemble(header, list(range(8)), body)
    (row,) = extract_indicators([RawTable("表 1", "青澜市“无废城市”建设指标体系", 2, columns, rows)], Period(start=2022, end=2025))
    assert (row.seq, row.name, row.unit, row.category, row.category_path, row.attribute) == (
        3, "开展清洁生产审核的企业数量", "家", "工业源头减量", ["固体废物源头减量", "工业源头减量"], None
    )


def test_a_group_header_spanning_the_years_leaves_the_baseline_its_column():
    # 指标值 printed over 2020年 | 2025年: composed with the first year only
    header = [["序号", "指标", "单位", "指标值", "", "属性"], ["", "", "", "2020年", "2025年", ""]]
    body = [(2, ["1", "地级及以上城市细颗粒物（PM2.5）浓度", "微克/立方米", "32", "28", "约束性"])]
    columns, rows = assemble(header, [0, 1, 2, 3, 3, 5], body)
    (row,) = extract_indicators([RawTable("表 1", "梧岭省“十四五”生态环境保护主要指标", 2, columns, rows)], Period(start=2021, end=2025))
    assert (row.name, row.unit) == ("地级及以上城市细颗粒物（PM2.5）浓度", "微克/立方米")
    assert [(v.role, v.year, v.raw) for v in row.values] == [("baseline", 2020, "32"), ("target", 2025, "28")]


def test_the_stages_of_an_action_plan_are_targets_after_the_base_year():
    table = RawTable(
        label="表 1",
        caption="沅州市大宗固体废弃物综合利用主要指标",
        page=2,
        columns=["序号", "指标名称", "单位", "2023年", "近期（2025年）", "中期（2027年）", "远期（2030年）"],
        rows=[RawRow(["1", "大宗固体废弃物综合利用率", "%", "52", "57", "60", "65"], [], 2)],
    )
    (row,) = extract_indicators([table], None)
    assert [(v.role, v.year, v.raw) for v in row.values] == [
        ("baseline", 2023, "52"), ("target", 2025, "57"), ("target", 2027, "60"), ("target", 2030, "65"),
    ]


@pytest.mark.parametrize(
    "name,cells,unit",
    [
        ("典型生态系统保护率", ["82%", "≥90%", "≥95%"], "%"),
        # a value without a unit, or no value at all, leaves the others' unit
        ("国家重点保护野生动植物物种保护率", ["78", "≥85%", "—"], "%"),
        # the name's unit is the row's
        ("森林覆盖率（%）", ["66.2", "68", "69"], "%"),
        ("生态保护红线面积", ["5820", "不减少", "不减少"], None),
        # values that print different units give none
        ("新增造林面积", ["50万亩", "30公顷", "40"], None),
    ],
)
def test_a_unit_printed_only_after_the_values_is_the_rows(name, cells, unit):
    table = RawTable(
        label="表 1",
        caption="武陵州生物多样性保护主要指标",
        page=2,
        columns=["指标", "2020年", "2025年", "2030年", "属性"],
        rows=[RawRow([name] + cells + ["约束性"], ["生态系统保护"], 2)],
    )
    (row,) = extract_indicators([table], Period(start=2021, end=2030))
    assert row.unit == unit


@pytest.mark.parametrize(
    "unit_cell,unit",
    [
        ("万吨", "万吨"),
        # units the units vocabulary does not know stay as printed
        ("起", "起"),
        ("千克/人·日", "千克/人·日"),
        # a dash or a slash, of any width and length, says the row has none
        ("—", None),
        ("———", None),
        ("／", None),
    ],
)
def test_a_unit_cell_is_the_rows_unit_as_printed(unit_cell, unit):
    table = RawTable(
        label="表 1",
        caption="青澜市“无废城市”建设指标体系",
        page=3,
        columns=["序号", "三级指标", "单位", "2020年现状", "2025年目标", "指标类型"],
        rows=[RawRow(["30", "发生固体废物非法转移倾倒事件", unit_cell, "0", "0", "必选"], [], 3)],
    )
    (row,) = extract_indicators([table], Period(start=2022, end=2025))
    assert row.unit == unit


@pytest.mark.parametrize(
    "name,unit_cell,cells,unit",
    [
        # a dash in the unit column leaves the unit printed in the name
        ("单位地区生产总值二氧化碳排放降低（%）①", "—", ["—", "〔18〕"], "%"),
        ("生态保护红线面积（万平方公里）", "—", ["4.52", "不减少"], "万平方公里"),
        # or the one printed after the values
        ("地级及以上城市建成区黑臭水体比例", "—", ["4.2%", "≤1.5%"], "%"),
        ("地级及以上城市建成区黑臭水体比例", "／", ["4.2%", "≤1.5%"], "%"),
        # with neither, the row has none
        ("重点建设用地安全利用", "—", ["—", "达到国家要求"], None),
    ],
)
def test_a_dash_unit_cell_leaves_the_unit_printed_in_the_name_or_the_values(name, unit_cell, cells, unit):
    table = RawTable(
        label="表 1",
        caption="梧岭省“十四五”生态环境保护主要指标",
        page=2,
        columns=["序号", "指标", "单位", "指标值2020年", "2025年", "属性"],
        rows=[RawRow(["7", name, unit_cell, *cells, "约束性"], ["二、绿色低碳发展"], 2)],
        notes=["注：①〔〕内为五年累计数。"],
    )
    (row,) = extract_indicators([table], Period(start=2021, end=2025))
    assert row.unit == unit


def test_a_unit_column_wins_over_the_units_after_the_values():
    table = RawTable(
        label="表 1",
        caption="主要指标",
        page=2,
        columns=["序号", "指标", "单位", "2020年", "2025年"],
        rows=[RawRow(["1", "城市生活垃圾回收利用率", "个百分点", "32%", "40%"], [], 2)],
    )
    (row,) = extract_indicators([table], Period(start=2021, end=2025))
    assert row.unit == "个百分点"


def test_rows_printing_no_unit_take_the_unit_printed_once_for_the_table():
    table = RawTable(
        label="表 1",
        caption="临江市环境空气质量规划目标",
        page=3,
        columns=["污染物", "2020年现状", "2025年目标", "2030年目标"],
        rows=[
            RawRow(["PM2.5", "42", "35", "30"], [], 3),
            RawRow(["优良天数比例（%）", "80", "85", "90"], [], 3),
        ],
        unit="微克/立方米",
    )
    rows = extract_indicators([table], Period(start=2021, end=2030))
    assert [row.unit for row in rows] == ["微克/立方米", "%"]


def test_a_name_numbering_added_by_a_researcher_is_read_after_a_first_extraction(tmp_path):
    import plantext.vocab as vocab

    assert split_sequence("①森林覆盖率") == (None, "①森林覆盖率")  # the patterns are built by now
    extra = tmp_path / "tables.yaml"
    extra.write_text('name_sequence: "^(?:[（(](?P<num>[0-9]{1,3})[）)]|(?P<num>[0-9]{1,3})[.．、]|(?P<num>[1-9])[)）])\\\\s*"\n', encoding="utf-8")
    vocab.extend_vocabulary("tables", extra)
    try:
        assert split_sequence("3)森林覆盖率") == (3, "森林覆盖率")
    finally:
        vocab.reset_vocabularies()


def _shaanxi_table(notes):
    return RawTable(
        label="表 2",
        caption="“十三五”规划主要指标完成情况",
        page=1,
        columns=["序号", "指标", "单位", "2020年目标", "2020年完成", "完成情况"],
        rows=[
            RawRow(["1", "地级及以上城市空气质量优良天数比例", "%", "≥76[1]", "80.1", "完成"], ["一、环境质量"], 1),
            RawRow(["4", "草原综合植被盖度[2]", "%", "≥58", "60.3", "完成"], ["二、生态保护"], 1),
            RawRow(["5", "化学需氧量排放总量", "万吨", "[18]", "〔3.1〕③", "完成"], ["二、生态保护"], 1),
        ],
        notes=notes,
    )


def test_markers_after_values_and_names_resolve_to_their_notes():
    rows = extract_indicators([_shaanxi_table(["[1]2015年基数为76.2%。", "[2]草原综合植被盖度为全省平均值。", "③ 含工程减排量。"])], None)
    assert [[(v.role, v.year, v.raw, v.value, v.comparator, v.cumulative) for v in row.values] for row in rows] == [
        [("target", 2020, "≥76", 76, ">=", False), ("actual", 2020, "80.1", 80.1, "=", False)],
        [("target", 2020, "≥58", 58, ">=", False), ("actual", 2020, "60.3", 60.3, "=", False)],
        [("target", 2020, "[18]", 18, "=", True), ("actual", 2020, "〔3.1〕", 3.1, "=", True)],
    ]
    assert [row.name for row in rows] == ["地级及以上城市空气质量优良天数比例", "草原综合植被盖度", "化学需氧量排放总量"]
    assert [row.notes for row in rows] == [["2015年基数为76.2%。"], ["草原综合植被盖度为全省平均值。"], ["含工程减排量。"]]


@pytest.mark.parametrize(
    "note,marker,explains",
    [
        ("带*的指标为本规划新增指标，2025年基准值为试点监测结果。", "*", True),
        ("标“▲”的指标2025年基准值为预计值。", "▲", True),
        ("*号指标为试点监测结果。", "*", True),
        ("*为新增指标。", "*", True),
        # the mark in the other width is the same mark
        ("带*的指标为本规划新增指标。", "＊", True),
        # another mark's note
        ("带▲的指标为本规划新增指标。", "*", False),
        # a mark's attribute is no note: the legend gives it
        ("带★的为约束性指标，其余为预期性指标。", "★", False),
        ("空气质量指标统计范围为县城建成区。", "*", False),
    ],
)
def test_a_note_explaining_a_mark_is_told_from_the_others(note, marker, explains):
    assert explains_mark(note, marker) is explains


def test_a_mark_after_a_name_takes_the_numbered_note_explaining_it():
    table = RawTable(
        label="表1",
        caption="主要指标",
        page=3,
        columns=["序号", "指标名称", "单位", "2025年", "2030年", "属性"],
        rows=[
            RawRow(["1", "县城空气质量优良天数比例[1]", "%", "93.4", "≥95", "约束性"], [], 3),
            RawRow(["2", "土壤健康指数*", "—", "0.78", "≥0.80", "预期性"], [], 3),
        ],
        notes=["注：1. 空气质量指标统计范围为县城建成区。", "2. 带*的指标为本规划新增指标，2025年基准值为试点监测结果。"],
    )
    rows = extract_indicators([table], Period(start=2026, end=2030))
    assert [(row.name, row.notes) for row in rows] == [
        ("县城空气质量优良天数比例", ["空气质量指标统计范围为县城建成区。"]),
        ("土壤健康指数", ["带*的指标为本规划新增指标，2025年基准值为试点监测结果。"]),
    ]


def test_an_attribute_legend_gives_the_marked_rows_their_attribute_and_no_note():
    table = RawTable(
        label="表1",
        caption="绍兴市生态环境保护“十五五”主要指标",
        page=3,
        columns=["类别", "序号", "指标", "单位", "2025年基准值", "2030年目标值"],
        rows=[
            RawRow(["环境质量", "2", "空气质量优良天数比例★", "%", "90.1", "≥92"], ["环境质量"], 3),
            RawRow(["生态保护", "14", "森林覆盖率", "%", "53.2", "53.5"], ["生态保护"], 3),
        ],
        notes=["注：带★的为约束性指标，其余为预期性指标。"],
    )
    rows = extract_indicators([table], Period(start=2026, end=2030))
    assert [(row.name, row.attribute, row.notes) for row in rows] == [("空气质量优良天数比例", "约束性", []), ("森林覆盖率", "预期性", [])]


def test_list_labels_in_a_name_link_no_notes():
    # Circled numbers inside a name are its list labels: the notes ① ② belong to other rows.
    table = RawTable(
        label="表1",
        caption="主要指标",
        page=1,
        columns=["序号", "指标", "单位", "2020年", "2025年", "属性"],
        rows=[
            RawRow(["1", "城镇生活污水集中收集率①", "%", "65", "70", "预期性"], [], 1),
            RawRow(["2", "污水处理率：①县城②建制镇", "%", "95、70", "97、75", "约束性"], [], 1),
        ],
        notes=["注：①按城市建成区统计。②含工业园区。"],
    )
    rows = extract_indicators([table], Period(start=2021, end=2025))
    assert [(row.name, row.notes) for row in rows] == [
        ("城镇生活污水集中收集率", ["按城市建成区统计。"]),
        ("污水处理率：①县城②建制镇", []),
    ]


def test_brackets_after_a_value_with_no_note_of_their_number_are_no_marker():
    (row, *_) = extract_indicators([_shaanxi_table([])], None)
    assert (row.values[0].raw, row.values[0].value, row.values[0].cumulative, row.notes) == ("≥76[1]", None, False, [])


@pytest.mark.parametrize("printed,attribute", [("约束", "约束性"), ("预期", "预期性"), ("约束 性", "约束性"), ("预期性", "预期性")])
def test_short_attributes_are_written_in_full(printed, attribute):
    table = RawTable(
        label="表 1",
        caption="主要指标",
        page=2,
        columns=["类别", "指标", "2025年", "2030年", "属性"],
        rows=[RawRow(["生态保护", "森林覆盖率（%）", "80.3", "80.5", printed], [], 2)],
    )
    (row,) = extract_indicators([table], Period(start=2026, end=2030))
    assert row.attribute == attribute


@pytest.mark.parametrize(
    "unit_cell,notes,unit,row_notes",
    [
        # The name's marker, printed in a dump on the line between the unit's two lines (微克/立 / 方米).
        ("微克/立1方米", ["注：1．空气质量指标统计范围为中心城区。"], "微克/立方米", ["空气质量指标统计范围为中心城区。"]),
        ("万吨①", ["注：①含工程减排量。"], "万吨", ["含工程减排量。"]),
        # No note of that number: the digit is no marker, and the cell no unit.
        ("微克/立1方米", ["注：2．含工程减排量。"], None, []),
        # A unit's own digit is no marker, even where a note of that number exists.
        ("万m3", ["注：3．按城市建成区统计。"], "万立方米", []),
    ],
)
def test_a_footnote_marker_in_the_unit_column_is_the_names(unit_cell, notes, unit, row_notes):
    table = RawTable(
        label="表 1",
        caption="主要指标",
        page=3,
        columns=["序号", "指标名称", "单位", "2020年", "2025年", "指标属性"],
        rows=[RawRow(["1", "中心城区细颗粒物（PM2.5）年均浓度", unit_cell, "48", "40", "约束性"], ["环境治理"], 3)],
        notes=notes,
    )
    (row,) = extract_indicators([table], Period(start=2021, end=2025))
    assert (row.name, row.unit, row.notes) == ("中心城区细颗粒物（PM2.5）年均浓度", unit, row_notes)


def _sub_rows_table(sub_unit: str):
    return RawTable(
        label="表1",
        caption="河南省“十四五”水生态环境保护主要指标",
        page=2,
        columns=["序号", "指标", "单位", "2020年现状值", "2025年目标值", "指标属性"],
        rows=[
            RawRow(["1", "地表水国控断面水质优良（达到或好于Ⅲ类）比例", "%", "82.5", "≥85.2", "约束性"], ["水环境"], 2),
            RawRow(["", "其中：长江流域", sub_unit, "95.2", "100", ""], ["水环境"], 2),
            RawRow(["", "黄河流域", "", "79.3", "≥82.8", ""], ["水环境"], 2),
            RawRow(["2", "地表水国控断面劣Ⅴ类水体比例", "", "1.0", "0", "约束性"], ["水环境"], 2),
        ],
    )


def test_the_parts_of_a_numbered_indicator_are_named_as_printed_and_share_its_unit_and_attribute():
    rows = extract_indicators([_sub_rows_table("")], Period(start=2021, end=2025))
    assert [(row.seq, row.name, row.unit, row.attribute) for row in rows] == [
        (1, "地表水国控断面水质优良（达到或好于Ⅲ类）比例", "%", "约束性"),
        (None, "长江流域", "%", "约束性"),
        (None, "黄河流域", "%", "约束性"),
        # A numbered row is no part: its blank unit stays blank.
        (2, "地表水国控断面劣Ⅴ类水体比例", None, "约束性"),
    ]


def test_each_part_names_the_indicator_it_is_a_part_of():
    rows = extract_indicators([_sub_rows_table("")], Period(start=2021, end=2025))
    whole = "地表水国控断面水质优良（达到或好于Ⅲ类）比例"
    assert [row.part_of for row in rows] == [None, whole, whole, None]


def test_in_a_table_without_numbers_only_a_row_printed_with_qizhong_is_a_part():
    table = RawTable(
        label="表 2",
        caption="能源发展主要指标",
        page=4,
        columns=["指标", "单位", "2020年", "2025年", "属性"],
        rows=[
            RawRow(["能源消费总量", "万吨标准煤", "1.2", "1.4", "预期性"], ["能源总量"], 4),
            RawRow(["其中：煤炭消费量", "", "0.8", "0.7", ""], ["能源总量"], 4),
            RawRow(["非化石能源消费比重", "%", "15", "20", ""], ["能源结构"], 4),
        ],
    )
    rows = extract_indicators([table], Period(start=2021, end=2025))
    assert [(row.name, row.part_of, row.unit, row.attribute) for row in rows] == [
        ("能源消费总量", None, "万吨标准煤", "预期性"),
        ("煤炭消费量", "能源消费总量", "万吨标准煤", "预期性"),
        ("非化石能源消费比重", None, "%", None),
    ]


def test_an_unnumbered_row_without_qizhong_in_a_numbered_table_is_no_part():
    table = RawTable(
        label="表1",
        caption="主要指标",
        page=2,
        columns=["序号", "指标", "单位", "2020年", "2025年", "属性"],
        rows=[
            RawRow(["1", "森林覆盖率", "%", "40.2", "41", "约束性"], ["生态保护"], 2),
            RawRow(["", "城市绿道长度", "", "5000", "7000", ""], ["城市绿化"], 2),
        ],
    )
    rows = extract_indicators([table], Period(start=2021, end=2025))
    assert [(row.name, row.part_of, row.unit, row.attribute) for row in rows] == [
        ("森林覆盖率", None, "%", "约束性"),
        ("城市绿道长度", None, None, None),
    ]


def test_a_part_that_prints_its_own_unit_keeps_it():
    rows = extract_indicators([_sub_rows_table("个")], Period(start=2021, end=2025))
    assert [(row.name, row.unit) for row in rows[1:3]] == [("长江流域", "个"), ("黄河流域", "%")]


def _starred_table(columns, cells):
    return RawTable(
        label="表1",
        caption="绍兴市生态环境保护“十五五”主要指标",
        page=3,
        columns=columns,
        rows=[RawRow(row, ["环境质量"], 3) for row in cells],
        notes=["注：带★的为约束性指标，其余为预期性指标。"],
    )


def test_a_legend_note_gives_the_attributes_of_a_table_without_an_attribute_column():
    table = _starred_table(
        ["序号", "指标", "单位", "2025年基准值", "2030年目标值"],
        [
            ["1", "细颗粒物（PM2.5）平均浓度★", "微克/立方米", "27", "≤24"],
            ["4", "县级以上城市集中式饮用水水源水质达标率", "%", "100", "100"],
        ],
    )
    rows = extract_indicators([table], Period(start=2026, end=2030))
    assert [(row.name, row.attribute, row.notes) for row in rows] == [
        ("细颗粒物（PM2.5）平均浓度", "约束性", []),
        ("县级以上城市集中式饮用水水源水质达标率", "预期性", []),
    ]


def test_a_legend_note_reads_its_mark_after_a_value_too():
    table = _starred_table(
        ["序号", "指标", "单位", "2025年基准值", "2030年目标值"],
        [
            ["1", "细颗粒物（PM2.5）平均浓度", "微克/立方米", "27", "≤24★"],
            ["2", "空气质量优良天数比例", "%", "90.1", "≥92★"],
            ["3", "森林覆盖率", "%", "53.2", "53.5"],
        ],
    )
    rows = extract_indicators([table], Period(start=2026, end=2030))
    assert [(row.name, row.values[1].raw, row.values[1].value, row.attribute, row.notes) for row in rows] == [
        ("细颗粒物（PM2.5）平均浓度", "≤24", 24, "约束性", []),
        ("空气质量优良天数比例", "≥92", 92, "约束性", []),
        ("森林覆盖率", "53.5", 53.5, "预期性", []),
    ]


def test_an_attribute_column_wins_over_a_legend_note():
    table = _starred_table(
        ["序号", "指标", "单位", "2025年", "2030年", "属性"],
        [["1", "细颗粒物（PM2.5）平均浓度★", "微克/立方米", "27", "≤24", "预期性"], ["2", "森林覆盖率", "%", "53.2", "53.5", ""]],
    )
    rows = extract_indicators([table], Period(start=2026, end=2030))
    assert [(row.name, row.attribute) for row in rows] == [("细颗粒物（PM2.5）平均浓度", "预期性"), ("森林覆盖率", None)]


def test_an_unmarked_part_of_a_marked_indicator_shares_its_attribute_under_a_legend():
    table = _starred_table(
        ["序号", "指标", "单位", "2025年", "2030年"],
        [["3", "地表水达到或好于Ⅲ类水体比例★", "%", "95.2", "96"], ["", "其中：曹娥江流域", "", "100", "100"], ["4", "森林覆盖率", "%", "53.2", "53.5"]],
    )
    rows = extract_indicators([table], Period(start=2026, end=2030))
    assert [(row.name, row.attribute) for row in rows] == [
        ("地表水达到或好于Ⅲ类水体比例", "约束性"),
        ("曹娥江流域", "约束性"),
        ("森林覆盖率", "预期性"),
    ]


def _year_rows_table(columns, rows):
    return RawTable("附件 1", "青水县农村生活污水治理三年行动主要目标", 5, columns, [RawRow(cells, [], 5) for cells in rows])


def test_each_column_of_a_table_whose_rows_are_years_is_an_indicator_valued_by_year():
    table = _year_rows_table(
        ["年度", "农村生活污水治理率（%）", "累计完成治理行政村（个）", "黑臭水体整治完成率（%）"],
        [["2022年（基期）", "38", "35", "—"], ["2023年", "45", "55", "40"], ["2024年", "52", "80", "100"], ["2025年", "≥60", "≥100", "100"]],
    )
    indicators = extract_indicators([table], Period(start=2023, end=2025))
    assert [(row.table, row.seq, row.name, row.unit, row.page) for row in indicators] == [
        ("附件 1", None, "农村生活污水治理率", "%", 5),
        ("附件 1", None, "累计完成治理行政村", "个", 5),
        ("附件 1", None, "黑臭水体整治完成率", "%", 5),
    ]
    assert [(v.role, v.year, v.raw, v.value, v.comparator) for v in indicators[0].values] == [
        ("baseline", 2022, "38", 38, "="),
        ("target", 2023, "45", 45, "="),
        ("target", 2024, "52", 52, "="),
        ("target", 2025, "≥60", 60, ">="),
    ]
    assert [(v.role, v.raw, v.value) for v in indicators[2].values][0] == ("baseline", "—", None)


@pytest.mark.parametrize(
    "labels,period,roles",
    [
        # the role word of a year's label names its role, with no period to tell
        (["2023年（基准）", "2024年", "2025年"], None, [("baseline", 2023), ("target", 2024), ("target", 2025)]),
        (["2020年现状", "2025年目标"], None, [("baseline", 2020), ("target", 2025)]),
        # bare years: those before the plan's period are its baseline
        (["2020年", "2023年", "2025年"], Period(start=2021, end=2025), [("baseline", 2020), ("target", 2023), ("target", 2025)]),
        # with no period, the earliest year
        (["2023年", "2025年", "2027年"], None, [("baseline", 2023), ("target", 2025), ("target", 2027)]),
    ],
)
def test_the_year_rows_of_a_turned_table_take_their_roles_as_year_columns_do(labels, period, roles):
    (row,) = extract_indicators([_year_rows_table(["年份", "设施运维覆盖率（%）"], [[label, "85"] for label in labels])], period)
    assert [(v.role, v.year) for v in row.values] == roles


def test_a_row_of_units_and_a_row_of_attributes_under_the_years_give_each_column_its_own():
    table = _year_rows_table(
        ["年度", "农村生活污水治理率", "累计完成治理行政村"],
        [["2022年", "38", "35"], ["2025年", "≥60", "≥100"], ["单位", "%", "个"], ["指标属性", "约束性", "预期性"]],
    )
    indicators = extract_indicators([table], Period(start=2023, end=2025))
    assert [(row.name, row.unit, row.attribute, [(v.role, v.year, v.raw) for v in row.values]) for row in indicators] == [
        ("农村生活污水治理率", "%", "约束性", [("baseline", 2022, "38"), ("target", 2025, "≥60")]),
        ("累计完成治理行政村", "个", "预期性", [("baseline", 2022, "35"), ("target", 2025, "≥100")]),
    ]


def test_a_rows_marker_points_to_a_footnote_at_the_foot_of_the_page_when_the_table_has_no_notes(tmp_path):
    from plantext.extractors.indicators import extract_indicators
    from plantext.extractors.tables import read_tables
    from plantext.ingest.text import read_text
    from plantext.layout import analyse

    path = tmp_path / "plan.txt"
    path.write_text(
        "汀溪市噪声污染防治行动方案\n\n表1　主要指标\n\n"
        "序号  指标                      单位   2023年   2027年   指标属性\n"
        " 1    声环境功能区夜间达标率⑤  %      78.6     88       约束性\n"
        " 2    噪声投诉按期办结率        %      96       100      预期性\n\n"
        "三、重点任务\n\n"
        "⑤ 夜间达标率按各类声环境功能区夜间监测点次达标比例计算。\n\n"
        "                     — 2 —\n\f",
        encoding="utf-8",
    )
    indicators = extract_indicators(read_tables(analyse(read_text(path))), None)
    assert [(row.name, row.notes) for row in indicators] == [
        ("声环境功能区夜间达标率", ["夜间达标率按各类声环境功能区夜间监测点次达标比例计算。"]),
        ("噪声投诉按期办结率", []),
    ]
