"""Alignment of printed indicator names to the catalogue: the rule, the confidence, the scope.

The names are those of the bundled plans (青海省, national and 甘肃 indicator
tables and prose targets), plus wordings other provinces print.
"""

from __future__ import annotations

import pytest

from plantext.compare.align import Aligner
from plantext.compare.catalogue import build_catalogue, load_catalogue

# The confidence each rule gives (plantext/data/alignment.yaml); fuzzy gives a range.
CONFIDENCE = {"alias": (1.0, 1.0), "normalised": (0.95, 0.95), "pattern": (0.9, 0.9), "fuzzy": (0.75, 0.9)}


@pytest.fixture(scope="module")
def aligner():
    return Aligner(load_catalogue())


# (name as printed, unit, expected id, rule)
ALIGNED = [
    # 青海省 表 2
    ("细颗粒物(PM2.5)浓度", "微克/立方米", "air.pm25_concentration", "alias"),
    ("空气质量优良天数比率", "%", "air.good_days_ratio", "alias"),
    ("地表水国控断面达到或好于Ⅲ类水体比例", "%", "water.surface_good_ratio", "alias"),
    ("地表水国控断面劣Ⅴ类水体比例", "%", "water.surface_worst_ratio", "alias"),
    ("草原综合植被覆盖度", "%", "ecology.grassland_vegetation_cover", "alias"),
    ("单位国内生产总值二氧化碳排放降低", "%", "climate.co2_intensity_reduction", "alias"),
    ("湟水河出省断面年均水质", None, "water.outbound_section_class", "pattern"),
    # 青海省 表 1 (十三五)
    ("全省地表水国控断面水质达到或好于Ⅲ类比例", "%", "water.surface_good_ratio", "normalised"),
    ("主要城市细颗粒物浓度下降比例", "%", "air.pm25_reduction", "normalised"),
    ("湟水流域劣Ⅴ类水质比例", "%", "water.surface_worst_ratio", "normalised"),
    ("重点生态功能区县域生态环境状况指数变化值(ΔE)", None, "ecology.county_eco_index_change", "normalised"),
    # national 表 1
    ("地级及以上城市细颗粒物（PM2.5）浓度下降", "%", "air.pm25_reduction", "alias"),
    ("地表水质量达到或好于Ⅲ类水体比例", "%", "water.surface_good_ratio", "alias"),
    ("近岸海域水质优良（一、二类）比例", "%", "marine.nearshore_good_ratio", "alias"),
    ("地下水国控点位Ⅴ类水比例", "%", "soil.groundwater_worst_ratio", "alias"),
    # 甘肃省 表 1
    ("地级及以上城市细颗粒物（PM2.5）浓度", "微克/立方米", "air.pm25_concentration", "normalised"),
    ("地级及以上城市空气质量优良天数比例", "%", "air.good_days_ratio", "normalised"),
    ("地表水国考断面达到或优于Ⅲ类水体比例", "%", "water.surface_good_ratio", "alias"),
    ("单位地区生产总值能源消耗累计降低", "%", "climate.energy_intensity_reduction", "alias"),
    ("非化石能源装机比重", "%", "climate.non_fossil_power_capacity_share", "alias"),
    # wordings of other plans
    ("城市细颗粒物（PM2.5）平均浓度", "微克/立方米", "air.pm25_concentration", "alias"),
    ("设区市PM2.5年均浓度", "微克/立方米", "air.pm25_concentration", "normalised"),
    ("地表水质量优良（Ⅰ～Ⅲ类）水体比例", "%", "water.surface_good_ratio", "alias"),
    ("国控断面水质优良（达到或优于Ⅲ类）比例", "%", "water.surface_good_ratio", "normalised"),
    ("单位GDP二氧化碳排放降低（%）", None, "climate.co2_intensity_reduction", "normalised"),
    ("森林覆盖率1", "%", "ecology.forest_cover", "normalised"),
    ("县级城市建成区黑臭水体消除比例", "%", "water.black_odorous_eliminated_ratio", "alias"),
    ("重点行业重点重金属污染物排放量下降", "%", "emissions.heavy_metal_reduction", "pattern"),
    ("草原植被综合盖度", "%", "ecology.grassland_vegetation_cover", "fuzzy"),
    ("污泥无害化处理处置率", "%", "waste.sludge_safe_disposal_rate", "fuzzy"),
    # other provinces' energy, water and forestry plans
    ("城市建成区绿化覆盖率", "%", "ecology.urban_green_coverage", "alias"),
    ("可再生能源装机容量", "万千瓦", "climate.renewable_power_capacity", "alias"),
    ("全省能源消费总量", "万吨标准煤", "climate.energy_consumption_total", "normalised"),
    ("煤电机组平均供电煤耗", "克标准煤/千瓦时", "climate.coal_power_supply_coal_use", "alias"),
    ("设区市城市公共供水管网漏损率", "%", "resources.water_supply_leakage_rate", "normalised"),
]


@pytest.mark.parametrize("name, unit, expected_id, rule", ALIGNED)
def test_names_align_to_their_catalogue_id_by_the_expected_rule(aligner, name, unit, expected_id, rule):
    [alignment] = aligner.align(name, unit)
    assert (alignment.indicator_id, alignment.rule) == (expected_id, rule)
    low, high = CONFIDENCE[rule]
    assert low <= alignment.confidence <= high


# (name as printed, unit, words of the reason it stays unaligned)
UNALIGNED = [
    ("生态保护红线面积变", "%", "unit % does not fit ecology.redline_area"),  # 青海省 表 1, cut short
    ("PM2.5浓度", "%", "unit % does not fit air.pm25_concentration"),
    ("单位GDP二氧化碳排放降低", "万吨", "unit 万吨 does not fit climate.co2_intensity_reduction"),
    ("营运车辆单位运输周转量二氧化碳排放降低", "%", "below the threshold"),  # 甘肃省 prose: not per GDP
    ("单位工业增加值二氧化碳排放降低", "%", "below the threshold"),
    ("城市道路机械化清扫率", "%", "below the threshold"),  # not in the catalogue
    ("湿地保有率", "%", "below the threshold"),  # not 湿地保护率
    ("细颗粒物浓度达标城市比例", "%", "below the threshold"),
    ("旅游接待人次", "万人次", "below the threshold"),
]


@pytest.mark.parametrize("name, unit, reason", UNALIGNED)
def test_names_without_a_sure_match_stay_unaligned_with_the_reason(aligner, name, unit, reason):
    [alignment] = aligner.align(name, unit)
    assert alignment.indicator_id is None
    assert alignment.rule == "none"
    assert reason in alignment.reason
    assert alignment.candidate is not None


# (name, scope as kept, whether it covers only part of the region)
SCOPES = [
    ("地级及以上城市空气质量优良天数比例", "地级及以上城市", False),
    ("全省地表水国控断面水质达到或好于Ⅲ类比例", "全省/国控断面", False),
    ("主要城市空气质量优良天数比例", "主要城市", False),
    ("湟水流域劣Ⅴ类水质比例", "湟水流域", True),
    ("青海湖流域草原综合植被盖度", "青海湖流域", True),
    ("森林覆盖率", None, False),
]


@pytest.mark.parametrize("name, scope, partial", SCOPES)
def test_the_scope_of_a_name_is_kept_on_its_alignment(aligner, name, scope, partial):
    [alignment] = aligner.align(name, "%")
    assert alignment.aligned
    assert (alignment.scope, alignment.partial_scope) == (scope, partial)


def test_a_name_listing_several_indicators_aligns_each_in_order(aligner):
    alignments = aligner.align("化学需氧量、氨氮、二氧化硫、氮氧化物四项主要污染物排放量下降比例", "%")

    assert [a.indicator_id for a in alignments] == [
        "emissions.cod_total_reduction",
        "emissions.nh3n_total_reduction",
        "emissions.so2_total_reduction",
        "emissions.nox_total_reduction",
    ]
    assert [(a.rule, a.part, a.parts, a.confidence) for a in alignments] == [("compound", i, 4, 0.85) for i in range(4)]


# (metric of a prose target, unit, change) → id: a change is read with the metric
TARGETS = [
    ("单位国内生产总值能源消耗", "%", "decrease", "climate.energy_intensity_reduction"),
    ("单位地区生产总值能源消耗", "%", "decrease", "climate.energy_intensity_reduction"),
    ("地级及以上城市细颗粒物（PM2.5）浓度", "%", "decrease", "air.pm25_reduction"),
    ("氮氧化物排放总量", "%", "decrease", "emissions.nox_total_reduction"),
    ("地级及以上城市细颗粒物浓度", "微克/立方米", "level", "air.pm25_concentration"),
    ("森林覆盖率", "个百分点", "increase", "ecology.forest_cover"),
    ("新增完成环境整治的村庄", "万个", "level", "rural.villages_renovated"),
]


@pytest.mark.parametrize("metric, unit, change, expected_id", TARGETS)
def test_prose_targets_align_with_their_kind_of_change(aligner, metric, unit, change, expected_id):
    [alignment] = aligner.align_target(metric, unit, change)
    assert alignment.indicator_id == expected_id


def test_a_higher_threshold_leaves_pattern_matches_unaligned_but_not_aliases():
    strict = Aligner(load_catalogue(), threshold=0.92)

    [by_pattern] = strict.align("湟水河出省断面年均水质")
    [by_alias] = strict.align("森林覆盖率", "%")

    assert by_pattern.indicator_id is None
    assert by_pattern.candidate == "water.outbound_section_class"
    assert by_pattern.reason == "pattern match water.outbound_section_class (0.90) is below the threshold 0.92"
    assert by_alias.indicator_id == "ecology.forest_cover"


def test_a_name_matching_the_patterns_of_two_ids_is_ambiguous_and_stays_unaligned():
    entry = {"domain": "air", "unit": "微克/立方米", "direction": "down"}
    catalogue = build_catalogue({
        "domains": {"air": "大气环境"},
        "indicators": {
            "air.pm25_concentration": {**entry, "name": "细颗粒物浓度", "patterns": ["细颗粒物.*浓度"]},
            "air.pm25_annual_mean": {**entry, "name": "细颗粒物年均值", "patterns": ["细颗粒物年均"]},
        },
    })

    [alignment] = Aligner(catalogue).align("细颗粒物年均监测浓度", "微克/立方米")

    assert alignment.indicator_id is None
    assert alignment.reason == "ambiguous: the name matches air.pm25_concentration, air.pm25_annual_mean"
