"""Numbers, quantities and comparators as printed in plan text, by example."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plantext.numbers import (
    compact_text,
    derived_from,
    find_quantities,
    match_comparator,
    parse_chinese_numeral,
    parse_number,
    read_unit,
    stated_comparator,
)
from plantext.vocab import load_vocabulary

GOLD = Path(__file__).resolve().parent / "gold"
GOLD_DOCUMENTS = ["qinghai", "gansu-14th-eco-plan", "national-14th-eco-plan"]
REVIEW_PLANS = Path(__file__).resolve().parent.parent / "benchmarks" / "review_plans"

# Characters that numbers, units and their surroundings are made of, so that
# generated text reaches the interesting paths more often than random Unicode.
PLAN_ALPHABET = list("0123456789.,%％８５ -—~～至、第年月日底前末到万亿千百十一二三四五六七八九〇零两点分之翻番个吨亩瓦时“”《》（）()PMug/m3kW以上左右约≥≤<>")
PLAN_TEXT = st.one_of(st.text(), st.text(alphabet=PLAN_ALPHABET))


# --- parse_number ----------------------------------------------------------


@pytest.mark.parametrize(
    "printed,value",
    [
        ("7.5", 7.5),
        ("80", 80),
        ("8.0", 8.0),
        ("0", 0),
        ("1,234.5", 1234.5),
        ("3,637", 3637),
        ("８５", 85),
        (" 64.31 ", 64.31),
        ("-1.5", -1.5),
        ("3万", 30000),
        ("二〇三〇", 2030),
        ("二○三五", 2035),
        ("十一", 11),
        ("二十三", 23),
        ("一百零五", 105),
        ("一千二百", 1200),
        ("三万", 30000),
        ("一亿五千万", 150000000),
        ("两", 2),
        ("零", 0),
        ("零点五", 0.5),
        ("七点五", 7.5),
        ("百分之九十", 90),
        ("百分之零点五", 0.5),
        # the whole
        ("百分之百", 100),
        ("百分之5", 5),
        # shares of a thousand and of ten thousand, like 百分之
        ("千分之五", 5),
        ("万分之一", 1),
        ("万分之零点五", 0.5),
    ],
)
def test_parse_number(printed, value):
    parsed = parse_number(printed)
    assert parsed == value
    assert type(parsed) is type(value)


def test_parse_number_reads_a_fraction_as_a_float():
    assert parse_number("三分之一") == pytest.approx(1 / 3)
    assert parse_number("二分之一") == 0.5
    assert isinstance(parse_number("四分之四"), float)


def test_a_printed_decimal_point_keeps_a_float():
    assert type(parse_number("3.5万")) is float
    assert parse_number("3.5万") == 35000


@pytest.mark.parametrize(
    "printed",
    ["", " ", "-", "—", "abc", "十四五", "一百五", "1,23", "1.2.3", "第十一章", "稳中向好", "三分之", "零分之一", "点五"],
)
def test_parse_number_refuses_what_is_not_one_number(printed):
    assert parse_number(printed) is None


def test_parse_number_reads_numbers_longer_than_python_converts_from_text():
    assert parse_number("9" * 5000) == 10**5000 - 1
    assert parse_number("一" * 5000) == (10**5000 - 1) // 9


# --- parse_chinese_numeral -------------------------------------------------


@pytest.mark.parametrize(
    "printed,value",
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("二十三", 23),
        ("一百零五", 105),
        ("一千零五", 1005),
        ("一千二百", 1200),
        ("两千", 2000),
        ("一万零五百", 10500),
        ("一万亿", 1000000000000),
        ("二〇三〇", 2030),
        ("〇", 0),
    ],
)
def test_parse_chinese_numeral(printed, value):
    assert parse_chinese_numeral(printed) == value


@pytest.mark.parametrize("printed", ["", "11", "十四五", "一百五", "三万五", "百", "万", "第十一", "一二十"])
def test_parse_chinese_numeral_refuses_what_is_not_one_integer(printed):
    assert parse_chinese_numeral(printed) is None


# --- find_quantities: what is found ----------------------------------------


def only_quantity(text):
    quantities = find_quantities(text)
    assert len(quantities) == 1, quantities
    return quantities[0]


@pytest.mark.parametrize(
    "sentence,raw,value,unit,value_base,unit_base",
    [
        ("主要城市空气质量优良天数比例达到90%以上", "90%", 90, "%", None, None),
        ("青海湖流域草原综合植被盖度提高到 60.6%", "60.6%", 60.6, "%", None, None),
        ("比例达到８５％", "８５％", 85, "%", None, None),
        ("全省新型储能装机规模达到 600 万千瓦左右", "600 万千瓦", 600, "万千瓦", 6000000, "千瓦"),
        ("治理沙化土地 6.67 万亩", "6.67 万亩", 6.67, "万亩", 66700, "亩"),
        ("总核准经营规模近 190 万吨/年", "190 万吨/年", 190, "万吨/年", 1900000, "吨/年"),
        ("新增完成环境整治的村庄8万个", "8万个", 8, "万个", 80000, "个"),
        ("重点工程减排量分别达到1.84万吨", "1.84万吨", 1.84, "万吨", 18400, "吨"),
        ("分别控制在25微克/立方米", "25微克/立方米", 25, "微克/立方米", 25, "微克/立方米"),
        ("PM2.5年均浓度46ug/m3", "46ug/m3", 46, "微克/立方米", 46, "微克/立方米"),
        ("清洁能源装机总量3637万KW", "3637万KW", 3637, "万千瓦", 36370000, "千瓦"),
        ("年发电量达到 1000 亿千瓦时", "1000 亿千瓦时", 1000, "亿千瓦时", 100000000000, "千瓦时"),
        ("土壤有机质含量提高 0.1 个百分点", "0.1 个百分点", 0.1, "个百分点", None, None),
        ("进水生化需氧量浓度低于 100 毫克/升", "100 毫克/升", 100, "毫克/升", 100, "毫克/升"),
        ("累计整治村庄和游牧民定居点 4462 个", "4462 个", 4462, "个", 4462, "个"),
        ("实际供水人口在 10000 人或", "10000 人", 10000, "人", 10000, "人"),
        ("推进自然保护区 85 宗退出矿业权", "85 宗", 85, "宗", 85, "宗"),
        ("单位GDP能耗0.5吨标准煤/万元", "0.5吨标准煤/万元", 0.5, "吨标准煤/万元", 0.5, "吨标准煤/万元"),
        ("环境质量连续 9 年通过国家考核", "9 年", 9, "年", 9, "年"),
        ("考核持续 3 个月", "3 个月", 3, "个月", 3, "个月"),
        ("建设两个示范基地", "两个", 2, "个", 2, "个"),
        ("治理三万亩", "三万亩", 30000, "亩", 30000, "亩"),
        ("耕地基础地力平均提高 0.5 个等级", "0.5 个等级", 0.5, "个等级", 0.5, "个等级"),
        ("全市地区生产总值达到1.6万亿元", "1.6万亿元", 1.6, "万亿元", 1600000000000, "元"),
        ("粮食产量稳定在600亿斤以上", "600亿斤", 600, "亿斤", 60000000000, "斤"),
        ("人均预期寿命达到79.5岁", "79.5岁", 79.5, "岁", 79.5, "岁"),
        ("每万人口高价值发明专利拥有量达到12件", "12件", 12, "件", 12, "件"),
        ("每千人口医疗卫生机构床位数达到7张", "7张", 7, "张", 7, "张"),
        ("城市人均日生活用水量控制在180升以内", "180升", 180, "升", 180, "升"),
        ("新增变电容量500万千伏安", "500万千伏安", 500, "万千伏安", 5000000, "千伏安"),
        ("新能源装机达到10GW", "10GW", 10, "吉瓦", 10, "吉瓦"),
        ("集装箱吞吐量达到300万标准箱", "300万标准箱", 300, "万标准箱", 3000000, "标准箱"),
        ("城市区域昼间噪声平均值不超过55dB(A)", "55dB(A)", 55, "分贝", 55, "分贝"),
        # an amount per another unit (an intensity)
        ("人均生活用水量达到180升/人·日", "180升/人·日", 180, "升/人·日", 180, "升/人·日"),
        ("煤电机组平均供电煤耗降至300克标准煤/千瓦时以下", "300克标准煤/千瓦时", 300, "克标准煤/千瓦时", 300, "克标准煤/千瓦时"),
        ("单位GDP能耗降至0.5千克标准煤/万元", "0.5千克标准煤/万元", 0.5, "千克标准煤/万元", 500, "克标准煤/万元"),
        ("万元工业增加值用水量降至12吨/万元", "12吨/万元", 12, "吨/万元", 12, "吨/万元"),
        ("万元GDP用水量降至30立方米/万元", "30立方米/万元", 30, "立方米/万元", 30, "立方米/万元"),
        ("用水量降至30立方米／万元", "30立方米／万元", 30, "立方米/万元", 30, "立方米/万元"),
    ],
)
def test_find_quantities(sentence, raw, value, unit, value_base, unit_base):
    quantity = only_quantity(sentence)
    assert (quantity.raw, quantity.value, quantity.unit) == (raw, value, unit)
    assert (quantity.value_base, quantity.unit_base) == (value_base, unit_base)
    assert sentence[quantity.start : quantity.end] == raw


def test_the_longest_unit_wins():
    assert only_quantity("发电量 20 万千瓦时").unit == "万千瓦时"
    assert only_quantity("装机 20 万千瓦").unit == "万千瓦"
    assert only_quantity("人工影响天气作业 500 人次").unit == "人次"


def test_a_unit_printed_as_a_multiple_of_a_smaller_one_is_the_unit_itself():
    quantity = only_quantity("新建管网 12 千米")
    assert (quantity.unit, quantity.value_base, quantity.unit_base) == ("千米", 12, "千米")


@pytest.mark.parametrize(
    "sentence,value,value_high,unit",
    [
        ("比例提高到60%—70%", 60, 70, "%"),
        ("比例提高到60%~70%", 60, 70, "%"),
        ("比例提高到60%～70%", 60, 70, "%"),
        ("比例提高到60-70%", 60, 70, "%"),
        ("新建 30 万千瓦-50 万千瓦储能", 30, 50, "万千瓦"),
        ("每年开展 5 至 10 次", None, None, None),
    ],
)
def test_a_range_gives_both_ends(sentence, value, value_high, unit):
    quantities = find_quantities(sentence)
    if value is None:
        assert quantities == []
        return
    assert len(quantities) == 1
    assert (quantities[0].value, quantities[0].value_high, quantities[0].unit) == (value, value_high, unit)


def test_a_range_of_two_different_units_is_two_quantities():
    assert [q.unit for q in find_quantities("下降5%-1个百分点")] == ["%", "个百分点"]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("分别下降到30和50微克/立方米", [("30", 30, "微克/立方米"), ("50微克/立方米", 50, "微克/立方米")]),
        ("分别削减30、40和50万吨", [("30", 30, "万吨"), ("40", 40, "万吨"), ("50万吨", 50, "万吨")]),
        # years are no quantities, printed with one 年 or not
        ("2020和2025年", []),
        # no unit after the last number: none shared
        ("分别为1、2", []),
    ],
)
def test_a_bare_number_joined_to_a_number_with_a_unit_shares_that_unit(sentence, expected):
    assert [(q.raw, q.value, q.unit) for q in find_quantities(sentence)] == expected


def test_a_long_run_of_bare_numbers_shares_the_unit_with_the_last_few_only():
    # a table's column read as one line: no recursion, no time spent per pair
    quantities = find_quantities("、".join(str(number) for number in range(1, 2000)) + "、5万元")
    assert [q.value for q in quantities] == [*range(1992, 2000), 5]


@pytest.mark.parametrize(
    "sentence,raw,value,unit",
    [
        ("森林覆盖率达到百分之二十五以上", "百分之二十五", 25, "%"),
        ("婴儿死亡率控制在千分之五以内", "千分之五", 5, "‰"),
        ("重点排污单位自动监控联网率达到百分之百", "百分之百", 100, "%"),
    ],
)
def test_a_share_printed_in_words_is_marked_as_such(sentence, raw, value, unit):
    quantity = only_quantity(sentence)
    assert (quantity.raw, quantity.value, quantity.unit, quantity.share_in_words) == (raw, value, unit, True)


def test_a_share_printed_in_figures_is_not_in_words():
    assert only_quantity("森林覆盖率达到25%以上").share_in_words is False


@pytest.mark.parametrize(
    "sentence,raw,value,unit",
    [
        ("重点行业企业事故率控制在万分之一以下", "万分之一", 1, "‱"),
        ("婴儿死亡率控制在千分之五以内", "千分之五", 5, "‰"),
        ("事故率控制在0.5‱以下", "0.5‱", 0.5, "‱"),
    ],
)
def test_a_share_of_a_thousand_or_ten_thousand_is_a_ratio_quantity(sentence, raw, value, unit):
    quantity = only_quantity(sentence)
    assert (quantity.raw, quantity.value, quantity.unit) == (raw, value, unit)
    assert (quantity.value_base, quantity.unit_base) == (None, None)


@pytest.mark.parametrize("sentence,raw,value", [("清洁能源装机容量规模翻一番", "翻一番", 2), ("经济总量翻两番", "翻两番", 4), ("规模翻番", "翻番", 2)])
def test_doubling_is_a_multiple_without_unit(sentence, raw, value):
    quantity = only_quantity(sentence)
    assert (quantity.raw, quantity.value, quantity.unit, quantity.multiple) == (raw, value, None, True)
    assert (quantity.value_base, quantity.unit_base) == (None, None)


@pytest.mark.parametrize(
    "sentence,raw",
    [
        ("到2030年，全省化学需氧量排放量较2025年下降三分之一。", "三分之一"),
        ("排放量下降三分之一以上", "三分之一"),
        ("占比提高到五分之二", "五分之二"),
        ("十分之一", "十分之一"),
        # the denominator 200, not the share prefix 百分之
        ("二百分之一", "二百分之一"),
        ("3分之1", "3分之1"),
    ],
)
def test_a_fraction_in_words_is_a_quantity_without_unit(sentence, raw):
    # Its value is the float parse_number reads (三分之一 → 0.333…), which the
    # output writes as it is (gold: guizhou 全省磷石膏堆存量 0.3333333333333333).
    quantity = only_quantity(sentence)
    assert (quantity.raw, quantity.unit, quantity.fraction) == (raw, None, True)
    assert quantity.value == parse_number(raw)
    assert type(quantity.value) is float
    assert (quantity.value_base, quantity.unit_base, quantity.share_in_words, quantity.multiple) == (None, None, False, False)
    assert sentence[quantity.start : quantity.end] == raw


def test_a_fraction_after_a_change_verb_is_the_amount_it_decreases_by():
    sentence = "到2030年，全省化学需氧量排放量较2025年下降三分之一。"
    quantity = only_quantity(sentence)
    assert quantity.value == pytest.approx(1 / 3)
    assert match_comparator(sentence[5 : quantity.start], sentence[quantity.end :]) == (">=", "decrease")


def test_a_comparator_word_after_a_fraction_is_its_comparator_not_its_unit():
    sentence = "排放量下降三分之一以上"
    quantity = only_quantity(sentence)
    assert (quantity.raw, quantity.unit) == ("三分之一", None)
    assert match_comparator(sentence[: quantity.start], sentence[quantity.end :]) == (">=", "decrease")


def test_a_share_in_words_is_a_share_not_a_fraction():
    quantity = only_quantity("森林覆盖率提高百分之三十")
    assert (quantity.raw, quantity.value, quantity.unit, quantity.share_in_words, quantity.fraction) == (
        "百分之三十",
        30,
        "%",
        True,
        False,
    )


def test_a_fraction_opening_a_noun_phrase_is_still_a_quantity():
    # 三分之一以上的县: a quantity of the sentence like 90%以上的县; whether it is a
    # target is the targets extractor's to say (it needs a deadline).
    quantity = only_quantity("三分之一以上的县建成示范县")
    assert (quantity.raw, quantity.value, quantity.unit) == ("三分之一", parse_number("三分之一"), None)


@pytest.mark.parametrize(
    "sentence",
    ["零分之一", "三分之", "分之一", "“三分之一”工程", "《三分之一计划》", "实施三分之一行动"],
)
def test_what_is_no_fraction_is_no_quantity(sentence):
    # No denominator, none that is not 0, no numerator; a quoted name, a title
    # or a campaign (names_after_quantity).
    assert find_quantities(sentence) == []


def _fraction_gold_targets():
    """Review-plan gold targets whose value is printed as a fraction in words."""
    numerals = load_vocabulary("numerals")
    fraction = numerals["fraction"]
    for gold in sorted(REVIEW_PLANS.glob("*/gold/targets.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        for record in data["records"] if isinstance(data, dict) else data:
            # Unitless and no multiple (翻一番), in a sentence printing 分之
            # other than a share's (百分之九十五 is no fraction).
            text = record["text"]
            for prefix in numerals["share_prefixes"]:
                text = text.replace(prefix, "")
            if record["unit"] is None and record["change"] != "multiple" and fraction in text:
                yield pytest.param(record, id=f"{gold.parent.parent.name}-{record['metric']}")


@pytest.mark.parametrize("target", list(_fraction_gold_targets()))
def test_every_gold_target_printed_as_a_fraction_is_a_quantity_with_its_comparator_and_change(target):
    """As the gold targets of the corpora below: the target extractor's use of
    this module reproduces the records (二〇二八年底前…下降三分之一)."""
    text = target["text"]
    matching = [q for q in find_quantities(text) if q.fraction and q.value == target["value"]]
    assert matching, find_quantities(text)
    quantity = matching[0]
    clause_start = max(text.rfind(mark, 0, quantity.start) for mark in "，。；") + 1
    comparator, change = match_comparator(text[clause_start : quantity.start], text[quantity.end :])
    assert (comparator, change) == (target["comparator"], target["change"])


def test_quantities_come_in_order_with_offsets_into_the_printed_text():
    sentence = "到 2025 年，地级及以上城市空气质量优良天数比率达到 87.5%，\n细颗粒物浓度下降 10%以上。"
    quantities = find_quantities(sentence)
    assert [q.raw for q in quantities] == ["87.5%", "10%"]
    assert all(sentence[q.start : q.end] == q.raw for q in quantities)


def test_a_number_and_its_unit_may_be_split_by_a_line_break():
    quantity = only_quantity("治理沙化土地 6.67\n万亩")
    assert (quantity.value, quantity.unit, quantity.raw) == (6.67, "万亩", "6.67\n万亩")


def test_lists_of_quantities_give_one_each():
    sentence = "氮氧化物、挥发性有机物、化学需氧量和氨氮重点工程减排量分别达到1.84万吨、0.7万吨、2.27万吨和0.03万吨。"
    assert [q.value for q in find_quantities(sentence)] == [1.84, 0.7, 2.27, 0.03]


# --- find_quantities: what is not a quantity ------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "到2025年，美丽甘肃建设目标基本实现",
        "2022 年底前完成",
        "2030年前碳排放达峰",
        "2020年末",
        "展望二〇三五年",
        "《青海省“十四五”生态环境保护规划（2021—2025年）》",
        "《中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》",
        "细颗粒物（PM2.5）浓度",
        "PM10年均浓度",
        "全面实施重型车国 6a 排放标准",
        "实施轻型车和重型车国VI排放标准",
        "构建“1+4”生态环境保护格局",
        "落实“六个百分百”要求",
        "牢记“三个最大”省情定位",
        "“十四五”时期",
        "实施安全隐患排查三年行动",
        "第十四个五年规划",
        "第二个百年奋斗目标",
        "国控断面 11.9、23.5、17.4、15.9",
        "水质达到Ⅲ类",
        "统一规划",
    ],
)
def test_names_years_and_bare_numbers_are_not_quantities(sentence):
    assert find_quantities(sentence) == []


def test_a_quoted_clause_is_not_a_name():
    sentence = "提出“到2025年森林覆盖率达到24.1%，草原综合植被盖度达到58%”的目标"
    assert [q.raw for q in find_quantities(sentence)] == ["24.1%", "58%"]


# --- read_unit ------------------------------------------------------------


@pytest.mark.parametrize(
    "printed,unit,base_unit,factor",
    [
        ("%", "%", None, 1),
        ("万千瓦", "万千瓦", "千瓦", 10000),
        ("万kW", "万千瓦", "千瓦", 10000),
        ("μg/m³", "微克/立方米", "微克/立方米", 1),
        ("亿立方米", "亿立方米", "立方米", 100000000),
        ("万平方公里", "万平方公里", "平方公里", 10000),
        ("万吨标准煤", "万吨标准煤", "吨标准煤", 10000),
        ("克标准煤/千瓦时", "克标准煤/千瓦时", "克标准煤/千瓦时", 1),
        ("千克标准煤/万元", "千克标准煤/万元", "克标准煤/万元", 1000),
        ("万吨/万元", "万吨/万元", "吨/万元", 10000),
    ],
)
def test_read_unit(printed, unit, base_unit, factor):
    found = read_unit(printed)
    assert (found.unit, found.base_unit, found.factor, found.end) == (unit, base_unit, factor, len(printed))


def test_read_unit_finds_nothing_where_there_is_no_unit():
    assert read_unit("稳中向好") is None


# --- match_comparator -------------------------------------------------------


@pytest.mark.parametrize(
    "before,after,comparator,change",
    [
        ("化学需氧量排放总量下降", "以上", ">=", "decrease"),
        ("细颗粒物浓度控制在", "以内", "<=", "level"),
        ("受污染耕地安全利用率达到", "左右", "~", "level"),
        ("主要城市空气质量优良天数比例达到", "以上，实现", ">=", "level"),
        ("水土保持率达到", "。", ">=", "level"),
        ("青海湖流域草原综合植被盖度提高到", "，", ">=", "level"),
        ("土壤有机质含量提高", "。", ">=", "increase"),
        ("单位国内生产总值用水量下降", "左右。", "~", "decrease"),
        ("营运车辆单位运输周转量二氧化碳排放比2020年下降", "。", ">=", "decrease"),
        ("单位地区生产总值能源消耗累计降低", "。", ">=", "decrease"),
        ("地表水国考断面达到或优于Ⅲ类水体比例不低于", "，", ">=", "level"),
        ("劣Ⅴ类水体比例控制在", "以内，", "<=", "level"),
        ("细颗粒物和可吸入颗粒物浓度分别控制在", "和55微克/立方米以内", "<=", "level"),
        ("地级及以上缺水城市污水资源化利用率超过", "，", ">", "level"),
        ("地下水国控点位Ⅴ类水比例保持在", "左右。", "~", "level"),
        ("单位国内生产总值能源消耗和二氧化碳排放分别降低13.5%和", "，", ">=", "decrease"),
        ("重点工程减排量分别达到", "、0.7万吨", ">=", "level"),
        ("治理沙化土地", "，", ">=", "level"),
        ("细颗粒物平均浓度降至", "。", "<=", "level"),
        ("单位产品能耗下降约", "。", "~", "decrease"),
        ("比例达到 ", " 左右", "~", "level"),
        ("森林覆盖率约为", "。", "~", "level"),
    ],
)
def test_match_comparator(before, after, comparator, change):
    assert match_comparator(before, after) == (comparator, change)


@pytest.mark.parametrize(
    "before,after,comparator,change",
    [
        ("下降到", "", "<=", "level"),
        ("提高到", "", ">=", "level"),
        ("控制在", "以内", "<=", "level"),
        ("控制在", "左右", "~", "level"),
        ("不低于", "", ">=", None),
        ("", "以上", ">=", None),
        ("下降", "", None, "decrease"),
        ("稳定在", "", None, "level"),
        ("", "", None, None),
    ],
)
def test_stated_comparator_gives_what_the_words_say_and_no_default(before, after, comparator, change):
    assert stated_comparator(before, after) == (comparator, change)


@settings(max_examples=200, deadline=None)
@given(PLAN_TEXT, PLAN_TEXT)
def test_match_comparator_is_the_stated_comparator_with_the_defaults(before, after):
    default = load_vocabulary("comparators")["default"]
    comparator, change = stated_comparator(before, after)
    assert match_comparator(before, after) == (comparator or default["comparator"], change or default["change"])


def _gold_targets():
    for document in GOLD_DOCUMENTS:
        data = json.loads((GOLD / document / "targets.json").read_text(encoding="utf-8"))
        for record in data["records"] if isinstance(data, dict) else data:
            yield pytest.param(record, id=f"{document}-{record['metric']}")


@pytest.mark.parametrize("target", list(_gold_targets()))
def test_every_gold_target_is_a_quantity_with_its_comparator_and_change(target):
    """The way the target extractor will use this module reproduces the gold records."""
    text = target["text"]
    matching = [q for q in find_quantities(text) if (q.value, q.unit) == (target["value"], target["unit"])]
    assert matching, find_quantities(text)
    quantity = matching[0]
    clause_start = max(text.rfind(mark, 0, quantity.start) for mark in "，。；") + 1
    comparator, change = match_comparator(text[clause_start : quantity.start], text[quantity.end :])
    if quantity.multiple:
        change = "multiple"
    assert (comparator, change) == (target["comparator"], target["change"])


# --- compact_text ----------------------------------------------------------


def test_compact_text_removes_whitespace_next_to_chinese_and_maps_back():
    compact = compact_text(" 到 2025 年，CCER 是指 VOCs and NOx ")
    assert compact.text == "到2025年，CCER是指VOCs and NOx"
    start = compact.text.index("2025")
    assert compact.original_span(start, start + 4) == (3, 7)


def test_what_is_derived_from_a_text_is_worked_out_once_and_dropped_with_its_compact_form():
    calls = []

    def length(text):
        calls.append(text)
        return len(text)

    assert derived_from("到2025年，达到90%", length) == derived_from("到2025年，达到90%", length) == 12
    assert len(calls) == 1
    compact_text.cache_clear()
    assert derived_from("到2025年，达到90%", length) == 12
    assert len(calls) == 2


# --- properties --------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(PLAN_TEXT)
def test_parse_number_never_crashes(text):
    value = parse_number(text)
    assert value is None or isinstance(value, (int, float))


@settings(max_examples=200, deadline=None)
@given(PLAN_TEXT)
def test_find_quantities_never_crashes_and_points_into_the_text(text):
    quantities = find_quantities(text)
    for quantity in quantities:
        assert text[quantity.start : quantity.end] == quantity.raw
    ends = [q.end for q in quantities]
    starts = [q.start for q in quantities]
    assert all(end <= next_start for end, next_start in zip(ends, starts[1:]))


@settings(max_examples=200, deadline=None)
@given(PLAN_TEXT, PLAN_TEXT)
def test_match_comparator_always_answers(before, after):
    comparator, change = match_comparator(before, after)
    assert comparator in {"=", ">", ">=", "<", "<=", "~"}
    assert change in {"level", "increase", "decrease"}


# --- vocabulary ---------------------------------------------------------------


def test_a_unit_added_by_a_researcher_is_read(tmp_path):
    import plantext.vocab as vocab

    extra = tmp_path / "units.yaml"
    extra.write_text("units: [标准箱]\n", encoding="utf-8")
    vocab.extend_vocabulary("units", extra)
    try:
        quantity = only_quantity("年产卷烟 100 万标准箱")
        assert (quantity.unit, quantity.value_base, quantity.unit_base) == ("万标准箱", 1000000, "标准箱")
    finally:
        vocab.reset_vocabularies()


def test_a_change_of_vocabulary_drops_the_compact_texts_worked_out_before(tmp_path):
    import yaml

    import plantext.vocab as vocab

    assert compact_text("COD # BOD").text == "COD # BOD"
    punctuation = vocab.load_vocabulary("normalization")["cjk_punctuation"]
    extra = tmp_path / "normalization.yaml"
    extra.write_text(yaml.safe_dump({"cjk_punctuation": punctuation + "#"}, allow_unicode=True), encoding="utf-8")
    vocab.extend_vocabulary("normalization", extra)
    try:
        assert compact_text("COD # BOD").text == "COD#BOD"
    finally:
        vocab.reset_vocabularies()
    assert compact_text("COD # BOD").text == "COD # BOD"
