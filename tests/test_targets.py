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
        # a metric named before a colon, its base year and value before the target
        ("1.森林覆盖率：2020年35.2%，2025年达到36%（约束性）。", [("森林覆盖率", 36, "%", ">=", "level", "2025年")]),
        ("湿地保护率：2025年达到55%。", [("湿地保护率", 55, "%", ">=", "level", "2025年")]),
        (
            "全省森林覆盖率2025年达到24.1%，2030年达到25%。",
            [("全省森林覆盖率", 24.1, "%", ">=", "level", "2025年"), ("全省森林覆盖率", 25, "%", ">=", "level", "2030年")],
        ),
        # footnote marks printed after a word are no part of the metric
        ("到2025年，全市声环境功能区②夜间达标率达到85%以上。", [("全市声环境功能区夜间达标率", 85, "%", ">=", "level", "到2025年")]),
        ("到2025年，生态保护红线¹面积不低于1.2万平方公里。", [("生态保护红线面积", 1.2, "万平方公里", ">=", "level", "到2025年")]),
        # a share of things that meet a standard
        (
            "加快已有矿山升级改造，“十四五”期间25%以上的矿山达到绿色矿山建设规范要求。",
            [("达到绿色矿山建设规范要求的矿山比例", 25, "%", ">=", "level", "“十四五”期间")],
        ),
        # the share run into the things without 的
        (
            "到2025年，60%以上可治理沙化土地得到治理，全省90%以上县（市、区）达到国家生态文明建设示范区标准。",
            [
                ("得到治理的可治理沙化土地比例", 60, "%", ">=", "level", "到2025年"),
                ("全省达到国家生态文明建设示范区标准的县（市、区）比例", 90, "%", ">=", "level", "到2025年"),
            ],
        ),
        # a scope before the share opens the metric
        (
            "到“十四五”末，重点区域90%以上的钢铁产能完成超低排放改造，全国80%左右的钢铁产能完成超低排放改造。",
            [
                ("重点区域完成超低排放改造的钢铁产能比例", 90, "%", ">=", "level", "到“十四五”末"),
                ("全国完成超低排放改造的钢铁产能比例", 80, "%", "~", "level", "到“十四五”末"),
            ],
        ),
        # the things printed before the share, after their scope (not from the corpora)
        (
            "到2025年，全省钢铁产能的90%以上完成超低排放改造。",
            [("全省完成超低排放改造的钢铁产能比例", 90, "%", ">=", "level", "到2025年")],
        ),
        # a share of a whole named after 达到
        (
            "到2025年，新能源汽车新车销售量达到汽车新车销售总量的20%左右，铁路、水路货运量占比提高0.5个百分点。",
            [
                ("新能源汽车新车销售量占汽车新车销售总量的比例", 20, "%", "~", "level", "到2025年"),
                ("铁路、水路货运量占比", 0.5, "个百分点", ">=", "increase", "到2025年"),
            ],
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
        # a share in ten-thousandths
        (
            "到2025年，重点行业企业事故率控制在万分之一以下。",
            [("重点行业企业事故率", 1, "‱", "<=", "level", "到2025年")],
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
        ("到2025年，城乡居民收入差距缩小到2.5倍以内。", "<=", "level"),
        # not from the corpora: the remaining comparator words
        ("到2025年，细颗粒物浓度不高于25微克/立方米。", "<=", "level"),
        ("到2025年，森林覆盖率约为8%。", "~", "level"),
        ("到2025年，可再生能源发电装机突破6000万千瓦。", ">", "level"),
        ("到2025年，县级城市建成区黑臭水体比例不足5%。", "<", "level"),
        ("到2025年，全市劣V类水体比例不到2%。", "<", "level"),
    ],
)
def test_comparator_and_change(sentence, comparator, change):
    (target,) = targets(sentence)
    assert (target.comparator, target.change) == (comparator, change)


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # the 增加 of 增加值 names the measure: a comparator alone states a level
        ("到2025年，万元工业增加值用水量≤28立方米。", [("万元工业增加值用水量", 28, "立方米", "<=", "level", "到2025年")]),
        ("到2025年，工业增加值占地区生产总值比重达到35%。", [("工业增加值占地区生产总值比重", 35, "%", ">=", "level", "到2025年")]),
        # the verb after the name states the change
        ("到2025年，单位工业增加值能耗下降13.5%。", [("单位工业增加值能耗", 13.5, "%", ">=", "decrease", "到2025年")]),
        ("到2025年，规模以上工业增加值增长8%。", [("规模以上工业增加值", 8, "%", ">=", "increase", "到2025年")]),
        # a verb and a comparator word together before the value
        ("到2025年，单位工业增加值能耗降低约15%。", [("单位工业增加值能耗", 15, "%", "~", "decrease", "到2025年")]),
        # a verb before its object, with no verb before the value
        ("到2025年，累计削减化学需氧量1000吨。", [("削减化学需氧量", 1000, "吨", ">=", "decrease", "到2025年")]),
    ],
)
def test_a_change_is_stated_by_the_words_before_the_value_not_by_the_metric_s_name(sentence, expected):
    assert summary(sentence) == expected


def test_breaking_through_a_level_names_the_metric_without_the_verb():
    sentence = "到2025年，全市地区生产总值突破1.6万亿元。"
    assert summary(sentence) == [("全市地区生产总值", 1.6, "万亿元", ">", "level", "到2025年")]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("到2025年，农田灌溉水有效利用系数提高到0.57。", [("农田灌溉水有效利用系数", 0.57, None, ">=", "level", "到2025年")]),
        (
            "“十四五”时期，农田灌溉水有效利用系数由0.519提高到0.54。",
            [("农田灌溉水有效利用系数", 0.54, None, ">=", "level", "“十四五”时期")],
        ),
        (
            "到2025年，县域农村人居环境综合评价系数达到0.6左右，森林覆盖率达到45%。",
            [
                ("县域农村人居环境综合评价系数", 0.6, None, "~", "level", "到2025年"),
                ("森林覆盖率", 45, "%", ">=", "level", "到2025年"),
            ],
        ),
        (
            "到2025年，农田灌溉水有效利用系数从2020年的0.519提高到0.54。",
            [("农田灌溉水有效利用系数", 0.54, None, ">=", "level", "到2025年")],
        ),
        # an efficiency, and a comparator word instead of a verb
        (
            "到2025年，新建大型数据中心电能利用效率不超过1.3。",
            [("新建大型数据中心电能利用效率", 1.3, None, "<=", "level", "到2025年")],
        ),
        (
            "到2025年，全省农田灌溉水有效利用系数不低于0.6。",
            [("全省农田灌溉水有效利用系数", 0.6, None, ">=", "level", "到2025年")],
        ),
        (
            "到2025年，新建数据中心电能利用效率降到1.3以下。",
            [("新建数据中心电能利用效率", 1.3, None, "<=", "level", "到2025年")],
        ),
        # the measure's abbreviation in brackets before the verb; the abbreviation alone
        (
            "到2025年，新建大型数据中心电能利用效率（PUE）控制在1.3以内。",
            [("新建大型数据中心电能利用效率（PUE）", 1.3, None, "<=", "level", "到2025年")],
        ),
        (
            "严格新建数据中心能效准入，新建大型数据中心电能利用效率（PUE）控制在1.3以内，既有大型数据中心2024年底前PUE降至1.5以下。",
            [("既有大型数据中心PUE", 1.5, None, "<=", "level", "2024年底前")],
        ),
        # a measure named as a value
        ("到2025年，全市大型数据中心PUE值降至1.3以下。", [("全市大型数据中心PUE值", 1.3, None, "<=", "level", "到2025年")]),
        (
            "到2025年，城市水质指数（CWQI）降至4.5以下。",
            [("城市水质指数（CWQI）", 4.5, None, "<=", "level", "到2025年")],
        ),
        # a ratio of two like amounts
        ("到2025年，城乡居民收入比缩小到2.2以内。", [("城乡居民收入比", 2.2, None, "<=", "level", "到2025年")]),
        ("到2025年，城乡居民收入倍差缩小到1.9。", [("城乡居民收入倍差", 1.9, None, "<=", "level", "到2025年")]),
        # a number without unit and without a coefficient is still no target
        ("到2025年，全省建成国家级示范区达到3。", []),
        ("到2025年，全省建成国家级示范区（园区）达到3。", []),
        ("到2025年，全市出台配套政策文件达到5。", []),
        ("到2025年，城镇污水处理厂出水水质达到一级A。", []),
        ("到2025年，全市节能综合排名提升至第5。", []),
    ],
)
def test_a_coefficient_reaches_a_number_without_unit(sentence, expected):
    assert summary(sentence) == expected


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
            "到2025年，主要农作物化肥、农药利用率均达到43%以上。",
            [("主要农作物化肥利用率", 43), ("主要农作物农药利用率", 43)],
        ),
        (
            "到2025年，非化石能源装机和消费比重分别达到65%和30%。",
            [("非化石能源装机比重", 65), ("非化石能源消费比重", 30)],
        ),
        # each value with its comparator word before the conjunction
        (
            "到2025年，秸秆综合利用率和农膜回收率分别稳定在86%以上和85%以上。",
            [("秸秆综合利用率", 86), ("农膜回收率", 85)],
        ),
        (
            "到2025年，城市和县城污水处理率分别达到95%左右、90%左右。",
            [("城市污水处理率", 95), ("县城污水处理率", 90)],
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
        # a kind noun and a substance printed once, after the last subject
        (
            "到2025年，钢铁、焦化行业二氧化碳排放强度分别下降10%、8%。",
            [("钢铁行业二氧化碳排放强度", 10), ("焦化行业二氧化碳排放强度", 8)],
        ),
        # a run of kind nouns printed once is shared whole
        (
            "到2025年，化工、制药产业园区挥发性有机物排放量分别下降10%、8%。",
            [("化工产业园区挥发性有机物排放量", 10), ("制药产业园区挥发性有机物排放量", 8)],
        ),
        # a kind noun with a qualifier after it is shared with the qualifier
        (
            "到2025年，国有、民营企业单位产值能耗分别下降10%和12%。",
            [("国有企业单位产值能耗", 10), ("民营企业单位产值能耗", 12)],
        ),
        # 使用 is a measure word the last item lends with its head; a type word
        # (溶剂型) is not lent, for it may be the first item's own (大型企业、中小企业)
        (
            "到2025年，溶剂型工业涂料、油墨使用比例分别降低20个百分点、10个百分点，溶剂型胶粘剂使用量降低20%。",
            [("溶剂型工业涂料使用比例", 20), ("油墨使用比例", 10), ("溶剂型胶粘剂使用量", 20)],
        ),
        # places printed before the metric they share: each place takes the
        # whole metric after the last place (雁塘县 review plan)
        (
            "到2030年，县城建成区、重点镇和一般乡镇生活污水集中收集率分别达到85%、70%和60%，农村生活污水治理率力争达到65%。",
            [
                ("县城建成区生活污水集中收集率", 85),
                ("重点镇生活污水集中收集率", 70),
                ("一般乡镇生活污水集中收集率", 60),
                ("农村生活污水治理率", 65),
            ],
        ),
        (
            "到2025年，城市、县城和建制镇污水处理率分别达到95%、90%和70%。",
            [("城市污水处理率", 95), ("县城污水处理率", 90), ("建制镇污水处理率", 70)],
        ),
        # an area named after the last place is every place's (建成区)
        (
            "到2025年，地级及以上城市、县城和重点镇建成区绿地率分别达到40%、38%和35%。",
            [("地级及以上城市建成区绿地率", 40), ("县城建成区绿地率", 38), ("重点镇建成区绿地率", 35)],
        ),
        # not from the corpora: the last place ends in a word of its own (工业园区)
        (
            "到2025年，开发区和工业园区污水集中处理率分别达到95%和90%。",
            [("开发区污水集中处理率", 95), ("工业园区污水集中处理率", 90)],
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


@pytest.mark.parametrize(
    "sentence,metrics_and_values",
    [
        (
            "到2025年，全省森林覆盖率达到30%以上和草原综合植被盖度达到60%。",
            [("全省森林覆盖率", 30), ("全省草原综合植被盖度", 60)],
        ),
        (
            "到2025年，全省森林覆盖率达到30%、草原综合植被盖度达到60%。",
            [("全省森林覆盖率", 30), ("全省草原综合植被盖度", 60)],
        ),
        (
            "到2025年，城市生活污水集中收集率达到70%以上及县城污水处理率达到95%。",
            [("城市生活污水集中收集率", 70), ("县城污水处理率", 95)],
        ),
        (
            "到2025年，单位地区生产总值能耗降低13.5%和二氧化碳排放降低18%。",
            [("单位地区生产总值能耗", 13.5), ("二氧化碳排放", 18)],
        ),
        # a list of values after one verb stays one statement
        (
            "到2025年，化学需氧量和氨氮排放总量分别下降8%和5%。",
            [("化学需氧量排放总量", 8), ("氨氮排放总量", 5)],
        ),
    ],
)
def test_a_conjunction_joining_a_second_metric_with_its_own_verb_parts_two_statements(sentence, metrics_and_values):
    assert [(t.metric, t.value) for t in targets(sentence)] == metrics_and_values


def test_values_sharing_a_unit_printed_once_pair_with_their_metrics():
    found = targets("到2025年，地级及以上城市PM2.5和PM10浓度分别下降到30和50微克/立方米。")
    assert [(t.metric, t.comparator, t.value, t.unit) for t in found] == [
        ("地级及以上城市PM2.5浓度", "<=", 30, "微克/立方米"),
        ("地级及以上城市PM10浓度", "<=", 50, "微克/立方米"),
    ]


@pytest.mark.parametrize(
    "metric,parts",
    [
        ("焦化行业二氧化碳排放强度", ("", "焦化行业", "二氧化碳排放", "强度")),
        ("全省钢铁行业二氧化碳排放强度", ("全省", "钢铁行业", "二氧化碳排放", "强度")),
        ("化工园区挥发性有机物排放量", ("", "化工园区", "挥发性有机物", "排放量")),
        # a substance that opens the metric is its subject
        ("化学需氧量排放总量", ("", "化学需氧量", "排放", "总量")),
    ],
)
def test_a_substance_after_the_subject_of_a_metric_begins_its_measure(metric, parts):
    from plantext.extractors.targets import _parts, _rules

    item = _parts(metric, _rules())
    assert (item.scope, item.subject, item.measure, item.head) == parts


@pytest.mark.parametrize(
    "sentence,expected",
    [
        (
            "到2025年，城市细颗粒物（PM2.5）浓度>35微克/立方米的天数比例控制在5%以内。",
            [("城市细颗粒物（PM2.5）浓度>35微克/立方米的天数比例", 5, "%", "<=")],
        ),
        (
            "到2025年，PM2.5浓度超过75微克/立方米的重污染天数比率下降到1%以内。",
            [("PM2.5浓度超过75微克/立方米的重污染天数比率", 1, "%", "<=")],
        ),
    ],
)
def test_a_threshold_inside_a_later_metric_is_no_target_of_its_own(sentence, expected):
    assert [(t.metric, t.value, t.unit, t.comparator) for t in targets(sentence)] == expected


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
        # a clause with a region of its own does not take the opening one
        (
            "到“十四五”末，京津冀及周边地区细颗粒物浓度比2020年下降15%左右，汾渭平原细颗粒物浓度下降12%左右。",
            ["京津冀及周边地区细颗粒物浓度", "汾渭平原细颗粒物浓度"],
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


def test_words_printed_before_the_first_measure_name_a_scope_of_their_own():
    # not from the corpora: 长株潭城市群 is no region the vocabulary knows
    sentence = "到2025年，全省细颗粒物浓度下降10%，长株潭城市群细颗粒物浓度下降12%。"
    assert [t.metric for t in targets(sentence)] == ["全省细颗粒物浓度", "长株潭城市群细颗粒物浓度"]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # the clause before prints the verb, then its object
        (
            "加快淘汰国三及以下排放标准营运柴油货车，2023年底前淘汰3000辆以上。",
            [("淘汰国三及以下排放标准营运柴油货车", 3000, "辆", ">=", "level", "2023年底前")],
        ),
        # the clause before ends with the action, its object before it; the
        # verb opening that clause (实施) is no part of it (汉屏省 review plan, a 专栏 item)
        (
            "煤电机组节能降碳改造工程：实施煤电机组节能降碳和灵活性改造，到2024年累计完成改造1200万千瓦。",
            [("煤电机组节能降碳和灵活性改造", 1200, "万千瓦", ">=", "level", "到2024年")],
        ),
        # not from the corpora: the date opening the clause before is no part of the object
        (
            "到2023年完成煤电改造，到2024年累计完成改造1200万千瓦。",
            [("煤电改造", 1200, "万千瓦", ">=", "level", "到2024年")],
        ),
    ],
)
def test_a_metric_that_is_only_a_verb_takes_its_object_from_the_clause_before(sentence, expected):
    assert summary(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("到2025年，建成10个以上的示范县。", [("建成示范县", 10)]),
        ("到2025年，建成10个以上的示范县、20个示范乡镇。", [("建成示范县", 10), ("建成示范乡镇", 20)]),
    ],
)
def test_a_count_names_the_things_it_counts_after_its_comparator_and_de(sentence, expected):
    # not from the corpora
    assert [(t.metric, t.value) for t in targets(sentence)] == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("到2025年，实现新增造林100万亩以上的目标。", [("新增造林面积", 100, "万亩", ">=", "level", "到2025年")]),
        ("到2025年，完成新增造林100万亩以上的任务。", [("完成新增造林面积", 100, "万亩", ">=", "level", "到2025年")]),
        ("到2025年，全省完成营造林200万亩以上的建设任务。", [("全省完成营造林面积", 200, "万亩", ">=", "level", "到2025年")]),
    ],
)
def test_a_goal_named_after_de_keeps_its_amount_a_target(sentence, expected):
    assert summary(sentence) == expected


@pytest.mark.parametrize(
    "sentence,metrics",
    [
        (
            "到2025年，治理采煤沉陷区面积2万亩；到2035年，累计治理面积达到6万亩以上，沉陷区生态功能得到恢复。",
            ["治理采煤沉陷区面积", "治理采煤沉陷区面积"],
        ),
        (
            "近期（2021—2025年），完成大别山区水土流失综合治理面积1500平方公里；"
            "远期（2026—2035年），累计治理面积达到4000平方公里，区域水土保持率达到92%以上。",
            ["完成大别山区水土流失综合治理面积", "大别山区水土流失综合治理面积", "区域水土保持率"],
        ),
        # the verb of the clause before is its action, not part of the object
        (
            "到2025年，新增水土流失综合治理面积5000平方公里；到2035年，累计治理面积达到1.2万平方公里。",
            ["新增水土流失综合治理面积", "水土流失综合治理面积"],
        ),
    ],
)
def test_a_measure_alone_repeating_the_metric_before_it_takes_that_metric_s_object(sentence, metrics):
    # not from the corpora: parallel clauses of a restoration plan
    assert [t.metric for t in targets(sentence)] == metrics


@pytest.mark.parametrize(
    "sentence, metrics",
    [
        # not from the corpora
        ("到2025年，西宁市空气质量优良天数比例达到90%，海东市达到88%。", ["西宁市空气质量优良天数比例", "海东市空气质量优良天数比例"]),
        # the national plans' regions: an economic belt, and a region whose name joins its parts with 及
        (
            "到2025年，城市生活污水集中收集率达到70%以上，长江经济带力争达到75%。",
            ["城市生活污水集中收集率", "长江经济带生活污水集中收集率"],
        ),
        (
            "到2025年，全国地级及以上城市空气质量优良天数比率达到87.5%，京津冀及周边地区、汾渭平原分别达到70%、75%。",
            ["全国地级及以上城市空气质量优良天数比率", "京津冀及周边地区空气质量优良天数比率", "汾渭平原空气质量优良天数比率"],
        ),
        # a scope replaces the scope of its kind (地区), the others stay (农村)
        (
            "二〇二六年底前，东部地区农村生活污水治理率达到65%以上，中西部有条件的地区达到45%左右。",
            ["东部地区农村生活污水治理率", "中西部有条件的地区农村生活污水治理率"],
        ),
        (
            "到2025年，东部地区农村生活污水治理率达到60%，中西部地区达到40%。",
            ["东部地区农村生活污水治理率", "中西部地区农村生活污水治理率"],
        ),
        # a scope of another kind replaces all of the scope before
        ("到2025年，城市生活垃圾回收利用率达到35%以上，县城达到30%。", ["城市生活垃圾回收利用率", "县城生活垃圾回收利用率"]),
        (
            "到2025年，地级及以上城市污泥无害化处置率达到90%以上，县城达到80%以上。",
            ["地级及以上城市污泥无害化处置率", "县城污泥无害化处置率"],
        ),
        (
            "到2025年，设区市生活垃圾无害化处理率达到100%，县城达到90%，其他地区达到80%。",
            ["设区市生活垃圾无害化处理率", "县城生活垃圾无害化处理率", "其他地区生活垃圾无害化处理率"],
        ),
        ("到2025年，城市建成区绿化覆盖率达到43%，县城建成区达到38%。", ["城市建成区绿化覆盖率", "县城建成区绿化覆盖率"]),
    ],
)
def test_a_region_alone_takes_the_measure_of_the_target_before_it(sentence, metrics):
    assert [t.metric for t in targets(sentence)] == metrics


# ---------------------------------------------------------------- deadlines and lead-ins


def test_a_deadline_earlier_in_the_sentence_governs_every_target_after_it():
    sentence = "推动储能项目建设，“十四五”末全省新型储能装机规模达到600万千瓦左右，应用规模位居全国前列。"
    (target,) = targets(sentence)
    assert (target.metric, target.value, target.unit, target.comparator) == ("全省新型储能装机规模", 600, "万千瓦", "~")
    assert (target.deadline.raw, target.deadline.year, target.deadline.date) == ("“十四五”末", 2025, "2025-12-31")


def test_the_nearest_deadline_before_a_target_governs_it():
    sentence = "“十四五”期间新增完成环境整治的村庄8万个，到2025年农村生活污水治理率达到40%。"
    assert [t.deadline.raw for t in targets(sentence)] == ["“十四五”期间", "到2025年"]


def test_a_date_opening_a_later_clause_does_not_date_the_work_before_it():
    # review plan wuling: the date is the platform's, not the phase-out's
    sentence = "淘汰国三及以下排放标准营运柴油货车2.3万辆，2022年年底前完成全省重型柴油车远程在线监控平台建设。"
    assert summary(sentence) == []


def test_a_period_in_a_later_clause_spans_the_values_before_it():
    # review plan changting: a yearly amount and the period's total
    sentence = "每年完成低效林改造1万亩以上，“十五五”期间累计改造5万亩。"
    assert [(t.value, t.deadline.raw) for t in targets(sentence)] == [(1, "“十五五”期间"), (5, "“十五五”期间")]


def test_a_lead_in_governs_the_targets_of_a_sentence_without_a_deadline():
    lead_in = find_lead_in("锚定到二〇三五年目标，“十四五”时期，生态文明高地建设取得系统性突破性标志性成果。", PLAN_START)
    sentence = "主要城市空气质量优良天数比例达到90%以上，实现细颗粒物和臭氧“双控双减”。"
    assert summary(sentence) == []
    assert summary(sentence, lead_in) == [("主要城市空气质量优良天数比例", 90, "%", ">=", "level", "“十四五”时期")]


def test_a_stage_of_the_plan_with_its_years_governs_the_targets_after_it():
    # not from the corpora: a 2021—2035 plan in two stages
    sentence = "近期（2021—2025年），开展全域土地综合整治试点乡镇50个以上，新增耕地面积不少于5万亩。"
    assert summary(sentence) == [
        ("开展全域土地综合整治试点乡镇", 50, "个", ">=", "level", "近期（2021—2025年）"),
        ("新增耕地面积", 5, "万亩", ">=", "level", "近期（2021—2025年）"),
    ]


def test_a_year_around_which_a_level_is_reached_wins_over_the_lead_in():
    lead_in = parse_time_expression("“十四五”期间")
    sentence = "2030年前后，全国细颗粒物浓度力争降至30微克/立方米以下，重污染天气全面消除。"
    assert summary(sentence, lead_in) == [("全国细颗粒物浓度", 30, "微克/立方米", "<=", "level", "2030年前后")]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # what has held since a year is the past: no lead-in
        ("2020年以来，全省地表水国考断面水质优良比例保持在90%以上。", []),
        # years of a comparison, a starting point or a title date nothing
        ("全省PM2.5浓度较2020年下降10%。", [("全省PM2.5浓度", 10, "“十四五”期间")]),
        ("森林覆盖率由2020年的23%提高到25%。", [("森林覆盖率", 25, "“十四五”期间")]),
        ("落实《2030年前碳达峰行动方案》，非化石能源消费比重达到20%。", [("非化石能源消费比重", 20, "“十四五”期间")]),
        ("全市单位地区生产总值能耗在2020年基础上下降14%。", [("全市单位地区生产总值能耗", 14, "“十四五”期间")]),
        ("全面完成2021年度碳排放配额清缴，单位GDP二氧化碳排放下降18%。", [("单位GDP二氧化碳排放", 18, "“十四五”期间")]),
    ],
)
def test_a_lead_in_governs_every_sentence_but_one_reporting_since_a_year(sentence, expected):
    # not from the corpora
    lead_in = parse_time_expression("“十四五”期间")
    assert [(t.metric, t.value, t.deadline.raw) for t in targets(sentence, lead_in)] == expected


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


# ---------------------------------------------------------------- other provinces' plans
# Not from the corpora: sentences in the style of other provinces' 十四五
# 生态环境保护规划, each the specification of a general rule.


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a bracketed remark after a value
        (
            "到2025年，地级以上城市空气质量优良天数比率达到86.8%以上（国家考核目标）。",
            [("地级以上城市空气质量优良天数比率", 86.8, "%", ">=", "level", "到2025年")],
        ),
        # a bracketed list after as many values names each value's scope, in order
        (
            "到2025年，城镇污水处理率达到95%、90%、70%（城市、县城、建制镇）。",
            [
                ("城市污水处理率", 95, "%", ">=", "level", "到2025年"),
                ("县城污水处理率", 90, "%", ">=", "level", "到2025年"),
                ("建制镇污水处理率", 70, "%", ">=", "level", "到2025年"),
            ],
        ),
        # deadlines listed together pair with as many values in order
        (
            "到2025年和2030年，森林覆盖率分别达到45%和48%。",
            [
                ("森林覆盖率", 45, "%", ">=", "level", "到2025年"),
                ("森林覆盖率", 48, "%", ">=", "level", "2030年"),
            ],
        ),
        (
            "到2025年、2030年，非化石能源消费比重分别达到20%、25%左右。",
            [
                ("非化石能源消费比重", 20, "%", "~", "level", "到2025年"),
                ("非化石能源消费比重", 25, "%", "~", "level", "2030年"),
            ],
        ),
        # a clause naming no metric measures what the value before it measured,
        # also when that value is a level reported for a bare year (no target)
        (
            "2021年，全省PM2.5平均浓度为26微克/立方米，到2025年下降到24微克/立方米。",
            [("全省PM2.5平均浓度", 24, "微克/立方米", "<=", "level", "到2025年")],
        ),
        # 占… names the whole; the part is the metric before it
        (
            "到2025年，煤炭消费量控制在1.2亿吨以内，占能源消费总量比重下降到55%。",
            [
                ("煤炭消费量", 1.2, "亿吨", "<=", "level", "到2025年"),
                ("煤炭消费量占能源消费总量比重", 55, "%", "<=", "level", "到2025年"),
            ],
        ),
        # 即 restates the goal named before it
        (
            "到2025年，完成国家下达的单位GDP二氧化碳排放降低目标，即下降18%。",
            [("单位GDP二氧化碳排放", 18, "%", ">=", "decrease", "到2025年")],
        ),
        # a region alone (其中 dropped) measures what was measured before it, there
        (
            "到2025年，全省地级城市空气质量优良天数比例达到90%，其中西安市达到80%。",
            [
                ("全省地级城市空气质量优良天数比例", 90, "%", ">=", "level", "到2025年"),
                ("西安市空气质量优良天数比例", 80, "%", ">=", "level", "到2025年"),
            ],
        ),
        (
            "到2025年，珠三角地区PM2.5浓度达到22微克/立方米，粤东西北地区达到24微克/立方米。",
            [
                ("珠三角地区PM2.5浓度", 22, "微克/立方米", ">=", "level", "到2025年"),
                ("粤东西北地区PM2.5浓度", 24, "微克/立方米", ">=", "level", "到2025年"),
            ],
        ),
        # 回升 rises as 上升 does
        (
            "到2026年，超采区地下水水位较2023年回升0.5米以上。",
            [("超采区地下水水位", 0.5, "米", ">=", "increase", "到2026年")],
        ),
        # a starting point and the year a verb of change reaches are no part of the metric
        (
            "全省森林覆盖率由2020年的7.5%提高到2025年的8%。",
            [("全省森林覆盖率", 8, "%", ">=", "level", "2025年")],
        ),
        # each level of a list is dated by the year printed before it, the metric is shared
        (
            "畜禽粪污综合利用率由2023年的78.3%提高到2025年的80%以上、2030年的85%以上；到2025年，农膜回收率稳定在85%以上。",
            [
                ("畜禽粪污综合利用率", 80, "%", ">=", "level", "2025年"),
                ("畜禽粪污综合利用率", 85, "%", ">=", "level", "2030年"),
                ("农膜回收率", 85, "%", ">=", "level", "到2025年"),
            ],
        ),
        (
            "全省森林覆盖率提高到2025年的60%和2035年的75%。",
            [
                ("全省森林覆盖率", 60, "%", ">=", "level", "2025年"),
                ("全省森林覆盖率", 75, "%", ">=", "level", "2035年"),
            ],
        ),
        (
            "单位GDP能耗由2020年的0.5吨降低到2025年的0.45吨和2030年的0.4吨。",
            [
                ("单位GDP能耗", 0.45, "吨", "<=", "level", "2025年"),
                ("单位GDP能耗", 0.4, "吨", "<=", "level", "2030年"),
            ],
        ),
        # years listed after 到 pair with the values, also without a comma after them
        (
            "非化石能源消费比重到2025年、2030年分别达到20%、25%左右。",
            [
                ("非化石能源消费比重", 20, "%", "~", "level", "到2025年"),
                ("非化石能源消费比重", 25, "%", "~", "level", "2030年"),
            ],
        ),
        # a list of counts, each naming what it counts
        (
            "到2025年，全面完成“十百千”工程，建设10个示范县、100个示范乡镇。",
            [
                ("建设示范县", 10, "个", ">=", "level", "到2025年"),
                ("建设示范乡镇", 100, "个", ">=", "level", "到2025年"),
            ],
        ),
        # 或 begins another statement of the same metric
        (
            "到2025年，全市城市生活污水集中收集率达到70%以上或比2020年提高5个百分点以上。",
            [
                ("全市城市生活污水集中收集率", 70, "%", ">=", "level", "到2025年"),
                ("全市城市生活污水集中收集率", 5, "个百分点", ">=", "increase", "到2025年"),
            ],
        ),
        # units per another unit, and ranges of years
        (
            "到2025年，煤电机组平均供电煤耗降至300克标准煤/千瓦时以下。",
            [("煤电机组平均供电煤耗", 300, "克标准煤/千瓦时", "<=", "level", "到2025年")],
        ),
        (
            "2021—2025年期间，全省新增造林500万亩。",
            [("全省新增造林面积", 500, "万亩", ">=", "level", "2021—2025年期间")],
        ),
        (
            "“十四五”中后期，全省非化石能源消费比重提高到20%。",
            [("全省非化石能源消费比重", 20, "%", ">=", "level", "“十四五”中后期")],
        ),
    ],
)
def test_forms_of_other_provinces_plans(sentence, expected):
    assert summary(sentence) == expected


@pytest.mark.parametrize(
    "sentence,metrics_and_values",
    [
        # counts that name their things before them
        (
            "到2025年，全省建成国家生态文明建设示范区10个、“两山”实践创新基地5个。",
            [("全省建成国家生态文明建设示范区", 10), ("全省“两山”实践创新基地", 5)],
        ),
        ("到2025年，建设10个示范县和100个示范乡镇。", [("建设示范县", 10), ("建设示范乡镇", 100)]),
        # a value inside a remark is stated by the remark
        (
            "“十四五”期间，全省完成营造林300万亩（其中人工造林100万亩）。",
            [("全省完成营造林面积", 300), ("全省人工造林面积", 100)],
        ),
        (
            "到2025年，城市污水处理率、县城污水处理率分别达到97%、95%（其中建制镇达到70%）。",
            [("城市污水处理率", 97), ("县城污水处理率", 95), ("建制镇污水处理率", 70)],
        ),
        # a goal named instead of a metric refers to the metric before it
        (
            "到2025年，全省地表水省控以上断面达到或好于Ⅲ类水体比例达到90%（国家下达目标为86%）。",
            [("全省地表水省控以上断面达到或好于Ⅲ类水体比例", 90), ("全省地表水省控以上断面达到或好于Ⅲ类水体比例", 86)],
        ),
        # the part of a share carries over to the next share
        (
            "到2025年，全省非化石能源占能源消费总量比重达到25%，占发电装机比重达到60%。",
            [("全省非化石能源占能源消费总量比重", 25), ("全省非化石能源占发电装机比重", 60)],
        ),
        # 即 after a value restates that value's metric
        (
            "到2025年，全省单位GDP能耗下降13.5%，即下降到0.5吨标准煤/万元。",
            [("全省单位GDP能耗", 13.5), ("全省单位GDP能耗", 0.5)],
        ),
        # 其中 opens the metric of a part
        ("到2025年，新增造林100万亩，其中人工造林60万亩。", [("新增造林面积", 100), ("人工造林面积", 60)]),
    ],
)
def test_further_forms_the_same_rules_cover(sentence, metrics_and_values):
    assert [(t.metric, t.value) for t in targets(sentence)] == metrics_and_values


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # the verb printed once opens the first item's metric only
        (
            "“十四五”期间，全市累计完成造林25万亩、森林抚育40万亩，每年新增城市绿道不少于50公里。",
            [
                ("全市累计完成造林", 25, "万亩", ">=", "level", "“十四五”期间"),
                ("全市森林抚育", 40, "万亩", ">=", "level", "“十四五”期间"),
                ("全市每年新增城市绿道", 50, "公里", ">=", "level", "“十四五”期间"),
            ],
        ),
        # each item with a verb of its own
        (
            "到2025年，新建污水管网120公里、改造雨污合流管网80公里。",
            [
                ("新建污水管网", 120, "公里", ">=", "level", "到2025年"),
                ("改造雨污合流管网", 80, "公里", ">=", "level", "到2025年"),
            ],
        ),
        # joined by 和, each value with its comparator word
        (
            "到2025年，新增造林100万亩以上和森林抚育50万亩以上。",
            [
                ("新增造林", 100, "万亩", ">=", "level", "到2025年"),
                ("森林抚育", 50, "万亩", ">=", "level", "到2025年"),
            ],
        ),
        # after a verb of the first item's metric: the second item is named, not that metric
        (
            "到2025年，森林覆盖率达到30%、森林蓄积量2050万立方米。",
            [
                ("森林覆盖率", 30, "%", ">=", "level", "到2025年"),
                ("森林蓄积量", 2050, "万立方米", ">=", "level", "到2025年"),
            ],
        ),
        (
            "到2025年，创建“无废园区”5个、“无废工厂”50家。",
            [
                ("创建“无废园区”", 5, "个", ">=", "level", "到2025年"),
                ("“无废工厂”", 50, "家", ">=", "level", "到2025年"),
            ],
        ),
    ],
)
def test_a_value_before_a_conjunction_and_the_next_items_name_closes_an_item(sentence, expected):
    assert summary(sentence) == expected


@pytest.mark.parametrize(
    "sentence,metrics",
    [
        # 地级城市 scopes the air metric: only the region 全省 spreads to 森林覆盖率
        (
            "到2025年，全省地级城市空气质量优良天数比例达到92.5%，森林覆盖率达到58.7%。",
            ["全省地级城市空气质量优良天数比例", "全省森林覆盖率"],
        ),
        # a monitoring scope goes to a quality monitored there
        (
            "到2025年，全省地级城市空气质量优良天数比例达到85%，PM2.5浓度下降到33微克/立方米。",
            ["全省地级城市空气质量优良天数比例", "全省地级城市PM2.5浓度"],
        ),
        # a water section scopes water quality, not an air concentration
        (
            "到2025年，全省地表水国控断面水质优良比例较2020年提高3个百分点，细颗粒物年均浓度控制在35微克/立方米以下。",
            ["全省地表水国控断面水质优良比例", "全省细颗粒物年均浓度"],
        ),
        # 城镇 is a scope, no region (青海 p. 39)
        (
            "到2025年，城镇新建建筑中绿色建筑占比达到70%，装配式建筑占新建建筑比例达到15%。",
            ["城镇新建建筑中绿色建筑占比", "装配式建筑占新建建筑比例"],
        ),
    ],
)
def test_only_regions_spread_over_a_list_and_monitoring_scopes_only_to_monitored_qualities(sentence, metrics):
    assert [t.metric for t in targets(sentence)] == metrics


YEARS_IN_TITLE = """广东省生态环境保护规划（2021—2025年）

第一章 发展基础

    “十三五”期间，全省PM2.5平均浓度下降到22微克/立方米。2020年，全省地级城市空气质量优良天数比例达到92.5%，森林覆盖率达到58.7%。

第二章 主要目标

    到2025年，全省PM2.5平均浓度下降到20微克/立方米。
"""


def test_the_years_of_a_plan_in_its_title_make_earlier_figures_achievements(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(YEARS_IN_TITLE, encoding="utf-8")
    records = extract_targets(analyse(read_source(source)))
    assert [(t.metric, t.value, t.deadline.raw) for t in records] == [("全省PM2.5平均浓度", 20, "到2025年")]


GOALS_ANNOUNCED = """某某市“十四五”生态环境保护规划

第一章 总体要求

第二节 主要目标

    “十四五”时期生态环境保护的主要目标是：

    ——大气环境质量持续改善。全市PM2.5平均浓度下降到30微克/立方米，空气质量优良天数比例达到85%。

    ——水环境质量稳步提升。地表水国考断面水质优良比例达到80%。

第三节 远景目标

    全市森林覆盖率达到50%。
"""


def test_a_sentence_announcing_the_goals_is_their_lead_in(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(GOALS_ANNOUNCED, encoding="utf-8")
    records = extract_targets(analyse(read_source(source)))
    assert [(t.metric, t.value, t.deadline.raw) for t in records] == [
        ("全市PM2.5平均浓度", 30, "“十四五”时期"),
        ("全市空气质量优良天数比例", 85, "“十四五”时期"),
        ("地表水国考断面水质优良比例", 80, "“十四五”时期"),
    ]


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
        "加快推进加油站油气回收治理，年销售汽油量大于5000吨的加油站2024年6月底前全部安装油气回收自动监控设备并联网。",
        # water-quality classes are grades, not quantities
        "到2025年，源头活水水质保持在Ⅰ类以上，干支流生态水量充足。",
        # aims without a number
        "到2025年，力争州府所在地“无废城市”建设全覆盖。",
        # durations, recurrences and articles
        "到2025年，督促危险废物填埋场责任单位至少每两年开展一次环境安全性能评估。",
        "到2025年，确保项目建设一个、运行一个、见效一个。",
        # a starting point is not the target
        "“十三五”期间，全国地表水优良水质断面比例由2015年的64.5%上升到83.4%。",
        # a level reported for a bare year
        "2021年，全省PM2.5平均浓度为26微克/立方米。",
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


def test_a_stage_named_alone_governs_the_targets_of_its_clause_in_a_plan_that_gave_its_years(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(
        "某州生物多样性保护规划（2021—2030年）\n\n"
        "第一章 总体要求\n\n"
        "    近期（2021—2025年）：全州生物多样性保护网络基本建成。\n\n"
        "第二章 重点任务\n\n"
        "    近期，重点实施极小种群物种拯救保护，建成珍稀植物迁地保护基地3处。\n",
        encoding="utf-8",
    )
    targets = extract_targets(analyse(read_source(source)))
    assert [(t.metric, t.value, t.unit, t.deadline.raw, t.deadline.date) for t in targets] == [
        ("建成珍稀植物迁地保护基地", 3, "处", "近期", "2025-12-31"),
    ]


def test_a_count_of_the_plans_own_indicators_is_no_target_under_a_lead_in():
    lead_in = parse_time_expression("到2025年")
    sentence = "规划共设置环境质量、污染减排、生态保护三类10项指标，其中约束性指标9项，预期性指标1项。"
    assert find_targets_in_sentence(sentence, lead_in, plan_start=2021) == []


def test_run_in_sections_of_a_goals_chapter_keep_its_lead_in(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(
        "某市生态环境保护规划\n\n第一章 主要目标\n\n  到2025年，全市生态环境质量持续改善。\n\n"
        "  （一）空气质量持续改善。全市细颗粒物浓度下降到30微克/立方米，优良天数比例达到90%。\n\n"
        "  （二）水环境质量稳步提升。地表水优良水体比例达到85%。\n",
        encoding="utf-8",
    )
    from plantext.api import extract

    found = extract(path).targets
    assert [(t.metric, t.value, t.deadline.raw) for t in found] == [
        ("全市细颗粒物浓度", 30, "到2025年"),
        ("全市优良天数比例", 90, "到2025年"),
        ("地表水优良水体比例", 85, "到2025年"),
    ]


def test_values_with_another_quantity_printed_between_are_no_list_of_amounts():
    found = targets("到2025年，30万千瓦、60万千瓦机组分别完成改造10台和20台。")
    assert [(t.value, t.unit) for t in found] == [(10, "台"), (20, "台")]
