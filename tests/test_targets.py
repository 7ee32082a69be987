"""Targets: quantified commitments in the prose, by the annotation guidelines' rules.

Sentences are from the bundled plans (corpora/*.txt) unless said otherwise.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plantext.extractors.deadlines import find_deadlines_in_sentence, find_lead_in
from plantext.extractors.targets import extract_targets, find_targets_in_sentence
from plantext.ingest import read_source
from plantext.layout import analyse
from plantext.timeexpr import parse_time_expression

PLAN_START = 2021  # a “十四五” plan


def targets(sentence, lead_in=None):
    return find_targets_in_sentence(sentence, lead_in, PLAN_START)


def summary(sentence, lead_in=None):
    """(metric, value, unit, comparator, change, deadline) of each target."""
    return [
        (t.metric, t.value, t.unit, t.comparator, t.change, t.deadline.raw) for t in targets(sentence, lead_in)
    ]


# ---------------------------------------------------------------- one target per value


@pytest.mark.parametrize(
    "sentence,expected",
    [
        (
            "到2025年，地级城市再生水利用率达到25%。",
            [("地级城市再生水利用率", 25, "%", ">=", "level", "到2025年")],
        ),
        (
            "到2025年，湟水流域出境断面水质稳定保持在Ⅲ类，水土保持率达到77%。",
            [("水土保持率", 77, "%", ">=", "level", "到2025年")],
        ),
        # a bare amount to reach, named by what its unit measures
        (
            "到2025年，治理沙化土地6.67万亩，水资源利用效率效益显著提升。",
            [("治理沙化土地面积", 6.67, "万亩", ">=", "level", "到2025年")],
        ),
        (
            "“十四五”期间新增完成环境整治的村庄8万个，到2025年农村生活污水治理率达到40%。",
            [
                ("新增完成环境整治的村庄", 8, "万个", ">=", "level", "“十四五”期间"),
                ("农村生活污水治理率", 40, "%", ">=", "level", "到2025年"),
            ],
        ),
        # a count names the things counted after it
        (
            "到2025年底，完成400个建制村生活污水治理任务，生活污水乱排乱放得到管控。",
            [("完成建制村生活污水治理任务", 400, "个", ">=", "level", "到2025年底")],
        ),
        # a share of things that meet a standard
        (
            "加快已有矿山升级改造，“十四五”期间25%以上的矿山达到绿色矿山建设规范要求。",
            [("达到绿色矿山建设规范要求的矿山比例", 25, "%", ">=", "level", "“十四五”期间")],
        ),
        (
            "到2025年，80%的学校社区达到绿色创建标准，65%的家庭达到绿色家庭标准。",
            [
                ("达到绿色创建标准的学校社区比例", 80, "%", ">=", "level", "到2025年"),
                ("达到绿色家庭标准的家庭比例", 65, "%", ">=", "level", "到2025年"),
            ],
        ),
        # words around the metric that are not part of it: 力争, 平均, 累计, 比2020年
        (
            "加快充电基础设施建设，力争“十四五”末城市公交车中新能源和清洁能源车辆占比达到95.5%。",
            [("城市公交车中新能源和清洁能源车辆占比", 95.5, "%", ">=", "level", "“十四五”末")],
        ),
        (
            "到2025年，耕地基础地力平均提高0.5个等级，土壤有机质含量提高0.1个百分点。",
            [
                ("耕地基础地力", 0.5, "个等级", ">=", "increase", "到2025年"),
                ("土壤有机质含量", 0.1, "个百分点", ">=", "increase", "到2025年"),
            ],
        ),
        (
            "到2025年，营运车辆单位运输周转量二氧化碳排放比2020年下降4%。",
            [("营运车辆单位运输周转量二氧化碳排放", 4, "%", ">=", "decrease", "到2025年")],
        ),
    ],
)
def test_each_value_tied_to_a_deadline_is_a_target(sentence, expected):
    assert summary(sentence) == expected


# ---------------------------------------------------------------- comparators and changes


@pytest.mark.parametrize(
    "sentence,comparator,change",
    [
        ("到2025年，湿地保护率提高到55%。", ">=", "level"),
        ("到2025年，全省测土配方施肥覆盖率达到90%以上。", ">=", "level"),
        ("启动“厕所革命”新五年行动，到2025年，农村卫生厕所普及率达70%。", ">=", "level"),
        ("到2025年，受污染耕地安全利用率达到93%左右。", "~", "level"),
        ("“十四五”期间，地级及以上缺水城市污水资源化利用率超过25%。", ">", "level"),
        ("“十四五”末，地表水国考断面达到或优于Ⅲ类水体比例不低于94.6%。", ">=", "level"),
        ("“十四五”末，劣Ⅴ类水体比例控制在1.4%以内。", "<=", "level"),
        ("到2025年，单位国内生产总值用水量下降16%左右。", "~", "decrease"),
        ("到2025年，氮氧化物排放总量下降10%以上。", ">=", "decrease"),
        ("“十四五”期间，单位地区生产总值能源消耗累计降低13%。", ">=", "decrease"),
        ("到2025年，土壤有机质含量提高0.1个百分点。", ">=", "increase"),
        # not from the corpora: the remaining comparator words
        ("到2025年，细颗粒物浓度不高于25微克/立方米。", "<=", "level"),
        ("到2025年，森林覆盖率约为8%。", "~", "level"),
    ],
)
def test_comparator_and_change(sentence, comparator, change):
    (target,) = targets(sentence)
    assert (target.comparator, target.change) == (comparator, change)


def test_doubling_is_a_multiple_of_two_without_unit():
    sentence = "加快建设特高压外送通道，“十四五”末，实现清洁能源装机容量规模翻一番。"
    assert summary(sentence) == [("清洁能源装机容量规模", 2, None, ">=", "multiple", "“十四五”末")]


# ---------------------------------------------------------------- lists: 分别, shared subjects


@pytest.mark.parametrize(
    "sentence,metrics_and_values",
    [
        (
            "到2025年，公路干线废旧路面材料回收率和循环利用率分别达到98%和85%，省道、县道及乡村公路废旧沥青路面材料循环利用率达到80%以上。",
            [
                ("公路干线废旧路面材料回收率", 98),
                ("公路干线废旧路面材料循环利用率", 85),
                ("省道、县道及乡村公路废旧沥青路面材料循环利用率", 80),
            ],
        ),
        (
            "到2025年，城市、县城(建成区)生活垃圾无害化处理率分别达到97%和92%。",
            [("城市生活垃圾无害化处理率", 97), ("县城(建成区)生活垃圾无害化处理率", 92)],
        ),
        (
            "到2025年，单位国内生产总值能源消耗和二氧化碳排放分别降低13.5%和18%，森林覆盖率提高到24.1%。",
            [("单位国内生产总值能源消耗", 13.5), ("单位国内生产总值二氧化碳排放", 18), ("森林覆盖率", 24.1)],
        ),
        (
            "到2025年，非化石能源装机和消费比重分别达到65%和30%。",
            [("非化石能源装机比重", 65), ("非化石能源消费比重", 30)],
        ),
        (
            "“十四五”期间，氮氧化物、挥发性有机物、化学需氧量和氨氮重点工程减排量分别达到1.84万吨、0.7万吨、2.27万吨和0.03万吨。",
            [
                ("氮氧化物重点工程减排量", 1.84),
                ("挥发性有机物重点工程减排量", 0.7),
                ("化学需氧量重点工程减排量", 2.27),
                ("氨氮重点工程减排量", 0.03),
            ],
        ),
        # one value for a list of metrics: one target per metric
        (
            "到2025年，化学需氧量和氨氮排放总量分别下降8%。",
            [("化学需氧量排放总量", 8), ("氨氮排放总量", 8)],
        ),
        # without 分别 a list of words is one metric
        (
            "力争“十四五”末城市公交车中新能源和清洁能源车辆占比达到95.5%。",
            [("城市公交车中新能源和清洁能源车辆占比", 95.5)],
        ),
    ],
)
def test_lists_give_one_target_per_value_with_their_metrics_paired_in_order(sentence, metrics_and_values):
    assert [(t.metric, t.value) for t in targets(sentence)] == metrics_and_values


def test_a_list_of_values_shares_the_comparator_after_its_last_value():
    sentence = (
        "到2025年，全省地级及以上城市空气质量优良天数比例达到93.8%，"
        "细颗粒物和可吸入颗粒物浓度分别控制在25微克/立方米和55微克/立方米以内。"
    )
    assert [(t.metric, t.value, t.unit, t.comparator) for t in targets(sentence)] == [
        ("全省地级及以上城市空气质量优良天数比例", 93.8, "%", ">="),
        ("全省地级及以上城市细颗粒物浓度", 25, "微克/立方米", "<="),
        ("全省地级及以上城市可吸入颗粒物浓度", 55, "微克/立方米", "<="),
    ]


# ---------------------------------------------------------------- regions


@pytest.mark.parametrize(
    "sentence,metrics",
    [
        (
            "到2025年，青海湖流域草原综合植被盖度提高到60.6%，湿地保护率达到70%，水陆域生态系统结构稳定。",
            ["青海湖流域草原综合植被盖度", "青海湖流域湿地保护率"],
        ),
        (
            "到2025年，全省测土配方施肥覆盖率达到90%以上，秸秆综合利用率达到90%以上，废弃物基本实现资源化利用。",
            ["全省测土配方施肥覆盖率", "全省秸秆综合利用率"],
        ),
        (
            "到2025年，地级及以上城市细颗粒物（PM2.5）浓度比2020年下降10%，空气质量优良天数比率达到87.5%，重污染天气基本消除。",
            ["地级及以上城市细颗粒物（PM2.5）浓度", "地级及以上城市空气质量优良天数比率"],
        ),
        (
            "“十四五”末，地表水国考断面达到或优于Ⅲ类水体比例不低于94.6%，劣Ⅴ类水体比例控制在1.4%以内，农村生活污水治理率达到25%。",
            ["地表水国考断面达到或优于Ⅲ类水体比例", "地表水国考断面劣Ⅴ类水体比例", "农村生活污水治理率"],
        ),
        # a metric with a region of its own keeps it
        (
            "“十四五”期间，地级及以上缺水城市污水资源化利用率超过25%，城市污泥无害化处置率达到90%。",
            ["地级及以上缺水城市污水资源化利用率", "城市污泥无害化处置率"],
        ),
        # a qualifier of a measure is not a region: it stays in its list
        (
            "到2025年，单位国内生产总值能源消耗和二氧化碳排放分别降低13.5%和18%，森林覆盖率提高到24.1%。",
            ["单位国内生产总值能源消耗", "单位国内生产总值二氧化碳排放", "森林覆盖率"],
        ),
    ],
)
def test_a_region_opening_the_first_target_is_part_of_the_later_metrics(sentence, metrics):
    assert [t.metric for t in targets(sentence)] == metrics


def test_a_region_alone_takes_the_measure_of_the_target_before_it():
    # not from the corpora
    sentence = "到2025年，西宁市空气质量优良天数比例达到90%，海东市达到88%。"
    assert [t.metric for t in targets(sentence)] == ["西宁市空气质量优良天数比例", "海东市空气质量优良天数比例"]


# ---------------------------------------------------------------- deadlines and lead-ins


def test_a_deadline_earlier_in_the_sentence_governs_every_target_after_it():
    sentence = "推动储能项目建设，“十四五”末全省新型储能装机规模达到600万千瓦左右，应用规模位居全国前列。"
    (target,) = targets(sentence)
    assert (target.metric, target.value, target.unit, target.comparator) == ("全省新型储能装机规模", 600, "万千瓦", "~")
    assert (target.deadline.raw, target.deadline.year, target.deadline.date) == ("“十四五”末", 2025, "2025-12-31")


def test_the_nearest_deadline_before_a_target_governs_it():
    sentence = "“十四五”期间新增完成环境整治的村庄8万个，到2025年农村生活污水治理率达到40%。"
    assert [t.deadline.raw for t in targets(sentence)] == ["“十四五”期间", "到2025年"]


def test_a_lead_in_governs_the_targets_of_a_sentence_without_a_deadline():
    lead_in = find_lead_in("锚定到二〇三五年目标，“十四五”时期，生态文明高地建设取得系统性突破性标志性成果。", PLAN_START)
    sentence = "主要城市空气质量优良天数比例达到90%以上，实现细颗粒物和臭氧“双控双减”。"
    assert summary(sentence) == []
    assert summary(sentence, lead_in) == [("主要城市空气质量优良天数比例", 90, "%", ">=", "level", "“十四五”时期")]


def test_a_deadline_of_the_sentence_wins_over_the_lead_in():
    lead_in = parse_time_expression("“十四五”时期")
    (target,) = targets("到2025年，地级城市再生水利用率达到25%。", lead_in)
    assert target.deadline.raw == "到2025年"


GOALS_SECTION = """青海省“十四五”示例规划

第二章 奋力推动生态环境保护迈上新台阶

第四节 主要目标

    锚定到二〇三五年目标，“十四五”时期，生态文明高地建设取得系统性突破性标志性成果。
    ———环境质量持续保持全国一流。主要城市空气质量优良天数比例达到90%以上，实现细颗粒物和臭氧“双控双减”。

第五节 重点任务

    “十四五”时期，全面推进水源保护。
    县级及以上城市饮用水水源水质达标率保持100%。
"""


def test_the_lead_in_of_a_goals_section_governs_the_goals_listed_after_it_and_no_other_section(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(GOALS_SECTION, encoding="utf-8")
    records = extract_targets(analyse(read_source(source)))
    assert [(t.metric, t.value, t.deadline.raw, t.page) for t in records] == [
        ("主要城市空气质量优良天数比例", 90, "“十四五”时期", 1)
    ]
    assert records[0].text == "主要城市空气质量优良天数比例达到90%以上，实现细颗粒物和臭氧“双控双减”。"


# ---------------------------------------------------------------- what is not a target


@pytest.mark.parametrize(
    "sentence",
    [
        # achievements of past years
        "2020年，全省环境空气质量优良天数比例达97.2%，细颗粒物平均浓度下降到21微克/立方米。",
        "“十三五”时期，森林覆盖率、草地综合植被覆盖率、湿地保护率分别达到7.5%、57.4%和64.31%。",
        # counts of work already done, with no time phrase
        "持续推进农村环境综合整治，累计整治村庄和游牧民定居点4462个，实现整治全覆盖。",
        # numeric aims with no time phrase at all
        "巩固城市饮用水水源保护与治理成果，县级及以上城市饮用水水源水质达标率保持100%。",
        "各市(州)政府所在地建成至少1个符合要求的医疗废物集中处置设施并保障稳定运行。",
        # numbers that are names
        "2021年7月1日，全面实施重型车国6a排放标准;2023年7月1日，实施轻型车和重型车国6b排放标准。",
        "到2025年，健全“1+4”省级生态环境督查工作体系。",
        "到2025年，建筑工地全面落实“六个百分百”要求。",
        "启动“厕所革命”新五年行动，到2025年，实现高原美丽乡村建设全覆盖。",
        # scope thresholds
        "到2025年，巩固单机容量30万千瓦及以上燃煤发电机组超低排放改造成果。",
        "到2025年，开展灌溉规模10万亩及以上农田灌区灌溉水质监测。",
        "到2025年，探索25度以上黑土滩综合治理等技术成果应用。",
        # water-quality classes are grades, not quantities
        "到2025年，源头活水水质保持在Ⅰ类以上，干支流生态水量充足。",
        # aims without a number
        "到2025年，力争州府所在地“无废城市”建设全覆盖。",
        # durations, recurrences and articles
        "到2025年，督促危险废物填埋场责任单位至少每两年开展一次环境安全性能评估。",
        "到2025年，确保项目建设一个、运行一个、见效一个。",
        # a starting point is not the target
        "“十三五”期间，全国地表水优良水质断面比例由2015年的64.5%上升到83.4%。",
        # the date of an event told
        "2019年1月，国务院办公厅印发《“无废城市”建设试点工作方案》，西宁市成为第一批试点城市。",
    ],
)
def test_what_is_not_a_target(sentence):
    assert summary(sentence) == []


# ---------------------------------------------------------------- offsets and robustness


def test_offsets_point_to_the_quantity_as_printed():
    sentence = "到 2025 年，湿地保护率提高到 55 %。"
    (target,) = targets(sentence)
    assert sentence[target.start : target.end] == "55 %"


PLAN_ALPHABET = list(
    "0123456789.,%％ -—~～至、第年月日底前末到万亿千百十一二三四五六七八九〇零两点分之翻番个吨亩瓦时"
    "“”《》（）()PMug/m3kW以上左右约≥≤<>，。；：达到提高下降分别和及全省城市率比例的十四五期间截是为"
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet=PLAN_ALPHABET)), st.sampled_from([None, PLAN_START]))
def test_no_text_crashes_the_sentence_finders(text, plan_start):
    for target in find_targets_in_sentence(text, plan_start=plan_start):
        assert 0 <= target.start < target.end <= len(text)
    for deadline in find_deadlines_in_sentence(text, plan_start):
        assert 0 <= deadline.start < deadline.end <= len(text)
    find_lead_in(text, plan_start)
