"""Deadlines: which time expressions of the prose set when something must be done."""

from __future__ import annotations

import pytest

from plantext.extractors.deadlines import extract_deadlines, find_deadlines_in_sentence, find_lead_in, plan_start_year
from plantext.ingest import read_source
from plantext.layout import analyse

PLAN_START = 2021  # a “十四五” plan


def deadlines(sentence, plan_start=PLAN_START):
    return [(found.raw, found.date, found.kind) for found in find_deadlines_in_sentence(sentence, plan_start)]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("到2025年，地级城市再生水利用率达到25%。", [("到2025年", "2025-12-31", "by")]),
        (
            "推进企业环境应急预案电子化备案，2022年底前完成县级及以上政府突发环境事件应急预案修编。",
            [("2022年底前", "2022-12-31", "by")],
        ),
        ("2022年6月底前，各市（州）完成柴油货车污染治理攻坚方案的编制。", [("2022年6月底前", "2022-06-30", "by")]),
        # a bare year after 其中 dates the part of the amount it singles out
        (
            "到2026年，累计修复河湖生态缓冲带600公里，其中2024年完成150公里。",
            [("到2026年", "2026-12-31", "by"), ("2024年", "2024-12-31", "by")],
        ),
        # an exact date in a sentence that sets a task is no date of issue
        ("2023年12月31日前，省生态环境厅完成排查。", [("2023年12月31日前", "2023-12-31", "by")]),
        (
            "在2023年年中和2025年年底，开展规划执行情况的中期评估和终期考核。",
            [("2023年年中", "2023-06-30", "by"), ("2025年年底", "2025-12-31", "by")],
        ),
        ("2025年，完成全省重点流域所有入河排污口排查。", [("2025年", "2025-12-31", "by")]),
        # A bare year opening a later clause of a commitment counts as one
        # opening the sentence, with or without a comma after it.
        (
            "建立规划实施年度监测和中期评估制度，2028年开展规划实施中期评估，2031年6月底前完成总结评估。",
            [("2028年", "2028-12-31", "by"), ("2031年6月底前", "2031-06-30", "by")],
        ),
        ("展望二〇三五年，全面建立青海特色生态文明体系。", [("二〇三五年", "2035-12-31", "by")]),
        ("力争2030年前实现碳达峰。", [("2030年前", "2030-12-31", "by")]),
        (
            "“十四五”末，实现清洁能源装机容量规模翻一番。",
            [("“十四五”末", "2025-12-31", "by")],
        ),
        # 期间 and 时期 are during the period; the date is its last day.
        ("“十四五”期间，单位地区生产总值能源消耗累计降低13%。", [("“十四五”期间", "2025-12-31", "during")]),
        (
            "“十四五”时期，围绕打造青藏高原生态文明高地，必须高层次高标准推进生态环境保护。",
            [("“十四五”时期", "2025-12-31", "during")],
        ),
        # A standard that applies from a day is `on` that day.
        (
            "2021年7月1日，全面实施重型车国6a排放标准;2023年7月1日，实施轻型车和重型车国6b排放标准。",
            [("2021年7月1日", "2021-07-01", "on"), ("2023年7月1日", "2023-07-01", "on")],
        ),
        # A goal for the future named while narrating a past meeting is kept.
        (
            "党的十九届五中全会审议通过的《中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》，"
            "把“生态文明建设实现新进步”作为“十四五”时期经济社会发展主要目标之一，"
            "将“美丽中国建设目标基本实现”作为到2035年基本实现社会主义现代化远景目标之一。",
            [("“十四五”时期", "2025-12-31", "during"), ("到2035年", "2035-12-31", "by")],
        ),
        # Not from the corpora: forms of other provinces' plans.
        ("2021—2025年期间，全省新增造林500万亩。", [("2021—2025年期间", "2025-12-31", "during")]),
        ("2023—2025年，每年完成50个村庄整治。", [("2023—2025年", "2025-12-31", "during")]),
        ("2022—2024年完成第一轮省级生态环境保护督察。", [("2022—2024年", "2024-12-31", "during")]),
        ("2023—2025年累计建成污水管网500公里。", [("2023—2025年", "2025-12-31", "during")]),
        ("“十四五”中后期，全面推进碳达峰。", [("“十四五”中后期", "2025-12-31", "by")]),
        ("“十四五”前期，完成规划编制。", [("“十四五”前期", "2022-12-31", "by")]),
        # Years listed together are a deadline each.
        (
            "到2025年和2030年，森林覆盖率分别达到45%和48%。",
            [("到2025年", "2025-12-31", "by"), ("2030年", "2030-12-31", "by")],
        ),
        (
            "到2025年、2030年，非化石能源消费比重分别达到20%、25%左右。",
            [("到2025年", "2025-12-31", "by"), ("2030年", "2030-12-31", "by")],
        ),
        # The year a verb of change reaches, without the verb's 到.
        ("全省森林覆盖率由2020年的7.5%提高到2025年的8%。", [("2025年", "2025-12-31", "by")]),
        # Each level of a list the verb reaches has its year; the starting point's year is none.
        (
            "畜禽粪污综合利用率由2023年的78.3%提高到2025年的80%以上、2030年的85%以上。",
            [("2025年", "2025-12-31", "by"), ("2030年", "2030-12-31", "by")],
        ),
        # Quarters, the flood season, and a rule applying from a year on.
        ("2024年第三季度前完成入河排污口排查。", [("2024年第三季度前", "2024-09-30", "by")]),
        ("2023年一季度末前出台实施方案。", [("2023年一季度末前", "2023-03-31", "by")]),
        ("2025年汛期前，完成病险水库除险加固。", [("2025年汛期前", "2025-05-31", "by")]),
        ("在2024年汛期到来前，完成堤防加固。", [("2024年汛期到来前", "2024-05-31", "by")]),
        (
            "2022年10月底前，关中地区完成散煤治理“清零”；2023年采暖季前，完成剩余燃煤锅炉淘汰。",
            [("2022年10月底前", "2022-10-31", "by"), ("2023年采暖季前", "2023-11-14", "by")],
        ),
        # a heating season named by the two years it spans begins in the first
        ("2023—2024年采暖季前，完成农村散煤清洁替代。", [("2023—2024年采暖季前", "2023-11-14", "by")]),
        ("自2022年起，新建项目全面执行特别排放限值。", [("2022年起", "2022-01-01", "on")]),
        ("2023年起，新建燃煤锅炉全部实施超低排放。", [("2023年起", "2023-01-01", "on")]),
        # a guide or document to be made by a date is a commitment
        ("2023年底前，出台生态保护补偿指导性文件。", [("2023年底前", "2023-12-31", "by")]),
        # after 是, a date to reach and a period set off as a lead-in stay
        ("主要目标是到2025年基本建成生态文明示范省。", [("到2025年", "2025-12-31", "by")]),
        ("主要任务是“十四五”期间，完成全省重点河湖的综合治理。", [("“十四五”期间", "2025-12-31", "during")]),
        # and so does a period whose clause sets a task or a level, a 的 in it
        # or not
        ("主要任务是“十四五”期间完成全省重点河湖的综合治理。", [("“十四五”期间", "2025-12-31", "during")]),
        (
            "主要目标是“十四五”期间全省的森林覆盖率提高到35%，草原综合植被盖度达到58%。",
            [("“十四五”期间", "2025-12-31", "during")],
        ),
        # a bare year after a preposition of time, and a year with 前后 (around)
        (
            "生态环境部会同有关部门于2023年开展规划实施中期评估，2026年上半年完成总结评估。",
            [("2023年", "2023-12-31", "by"), ("2026年上半年", "2026-06-30", "by")],
        ),
        (
            "2030年前后，全国细颗粒物浓度力争降至30微克/立方米以下，重污染天气全面消除。",
            [("2030年前后", "2030-12-31", "by")],
        ),
        # A bare year under which a level is reported narrates; the deadline
        # after it stays.
        (
            "2021年，全省PM2.5平均浓度为26微克/立方米，到2025年下降到24微克/立方米。",
            [("到2025年", "2025-12-31", "by")],
        ),
    ],
)
def test_deadlines_of_a_sentence(sentence, expected):
    assert deadlines(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # the past: achievements and narration before the plan's period
        "2020年，全省环境空气质量优良天数比例达97.2%，细颗粒物平均浓度下降到21微克/立方米。",
        "“十三五”时期，全省上下深入践行习近平生态文明思想。",
        "尽管“十三五”时期全省生态环境明显改善，但生态环境保护任重道远。",
        # the date of an event told
        "2021年6月，习近平总书记在青海考察工作时强调，保护好青海生态环境，是“国之大者”。",
        # a point of reference
        "根据IUCN《荒野保护地管理指南》，截至2016年，世界上共有48个国家和地区通过法律认定了荒野保护区。",
        # a description of the period, and of what the plan is for it
        "“十四五”时期是开启全面建设社会主义现代化国家新征程、向第二个百年奋斗目标进军的五年。",
        "本纲要依据《湖北省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》《长江经济带发展规划纲要》编制，"
        "是“十四五”时期全省生态文明建设的行动指南。",
        # a verb of guidance after 是 is part of the description (not from the corpora)
        "本规划依据《浙江省生态环境保护“十五五”规划》和《绍兴市国民经济和社会发展第十五个五年规划纲要》编制，"
        "是指导“十五五”时期全市生态环境保护工作的纲领性文件。",
        # why the plan is made, and what it sets out (not from the corpora)
        "为推进“十四五”时期全省生态环境保护工作，依据《“十四五”生态环境保护规划》，制定本规划。",
        "本篇章根据《中共贵州省委关于制定国民经济和社会发展第十五个五年规划的建议》编制，"
        "主要阐明“十五五”时期全省生态文明建设的战略意图和主要任务。",
        # the years the plan covers
        "本规划期为2021—2025年，展望到2035年。",
        "规划基准年为2020年，规划期限为2021—2025年，远期展望到2035年。",
        # titles, recurrences and durations
        "依据《青海省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》。",
        # titles without 《》: a time expression followed by the rest of a document's name
        "制定青海省二〇三〇年前碳排放达峰行动方案。",
        "按照国家2030年前碳达峰行动方案要求，推进减排。",
        "督促危险废物填埋场责任单位至少每两年开展一次环境安全性能评估。",
        "启动“厕所革命”新五年行动。",
        # from a past year on, and words that begin with 起
        "2016年起实施的河长制成效明显。",
        "2022年起草的条例已提请审议。",
        # a bare year in a later clause that reports a level, or that tells
        # work done before the plan's period
        "生态环境质量持续改善，2021年全省PM2.5平均浓度为26微克/立方米。",
        "持续推进生态保护，2019年完成全省生态保护红线划定。",
        # a bare year before a verb that qualifies a noun
        "严格执行排放标准，2023年实施的《锅炉大气污染物排放标准》对新建锅炉提出更严要求。",
        "2021—2023年完成的项目已全部通过验收。",
        "2021—2023年完成情况良好。",
        "2022—2024年完成了第一轮省级生态环境保护督察。",
        # a year printed alone: a table's year cell read as prose, a label
        "2023年",
        "2022年（基期）",
        # the date of issue of a notice, alone or after the issuing body
        "国务院办公厅2023年2月20日（此件公开发布）",
        "青海省人民政府2022年1月18日",
        "2023年2月20日",
    ],
)
def test_sentences_without_deadlines(sentence):
    assert deadlines(sentence) == []


def test_without_a_plan_period_no_year_is_past():
    assert deadlines("2020年，全省环境空气质量优良天数比例达97.2%。", plan_start=None) == [
        ("2020年", "2020-12-31", "by")
    ]


def test_offsets_point_into_the_sentence_as_printed():
    sentence = "到 2025 年，湿地保护率提高到 55%。"
    (found,) = find_deadlines_in_sentence(sentence, PLAN_START)
    assert sentence[found.start : found.end] == "到 2025 年"
    assert found.raw == "到2025年"


@pytest.mark.parametrize(
    "text,lead_in",
    [
        ("锚定到二〇三五年目标，“十四五”时期，生态文明高地建设取得系统性突破性标志性成果。", "“十四五”时期"),
        ("展望二〇三五年，全面建立青海特色生态文明体系。", "二〇三五年"),
        ("力争到2025年，全省秸秆综合利用率达到90%以上。", "到2025年"),
        ("持续推进能源革命，“十四五”末全省新型储能装机规模达到600万千瓦左右。", None),
        ("“十三五”时期，全省上下深入践行习近平生态文明思想。", None),
    ],
)
def test_a_lead_in_opens_a_clause_and_is_set_off_by_a_comma(text, lead_in):
    found = find_lead_in(text, PLAN_START)
    assert (found.raw if found else None) == lead_in


@pytest.mark.parametrize(
    "text,lead_in",
    [
        ("“十四五”时期生态环境保护的主要目标是：", "“十四五”时期"),
        ("到2025年主要目标是：", "到2025年"),
        ("力争到2025年实现以下目标：", "到2025年"),
        ("“十四五”时期主要目标是：生态环境持续改善，主要污染物排放总量持续减少。", "“十四五”时期"),
        # a bare 主要目标 announces nothing
        ("把“生态文明建设实现新进步”作为“十四五”时期经济社会发展主要目标之一。", None),
    ],
)
def test_a_sentence_that_announces_goals_is_a_lead_in(text, lead_in):
    found = find_lead_in(text, PLAN_START)
    assert (found.raw if found else None) == lead_in


def test_a_document_gives_one_deadline_per_expression_with_its_sentence_and_page(tmp_path):
    source = tmp_path / "青海省“十四五”示例规划.txt"
    source.write_text(
        "青海省“十四五”示例规划\n\n"
        "    2020年，全省环境空气质量优良天数比例达97.2%。\n\f"
        "    在2023年年中和2025年年底，开展规划执行情况的中期评估和终期考核。\n",
        encoding="utf-8",
    )
    records = extract_deadlines(analyse(read_source(source)))
    assert [(d.raw, d.date, d.year, d.kind, d.page) for d in records] == [
        ("2023年年中", "2023-06-30", 2023, "by", 2),
        ("2025年年底", "2025-12-31", 2025, "by", 2),
    ]
    assert records[0].text == "在2023年年中和2025年年底，开展规划执行情况的中期评估和终期考核。"


YEARS_IN_TITLE = """广东省生态环境保护规划（2021—2025年）

第一章 发展基础

    “十三五”期间，全省PM2.5平均浓度下降到22微克/立方米。2020年，全省地级城市空气质量优良天数比例达到92.5%，森林覆盖率达到58.7%。

第二章 主要目标

    到2025年，全省PM2.5平均浓度下降到20微克/立方米。
"""


def test_a_plan_period_printed_as_years_in_the_title_makes_earlier_years_the_past(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(YEARS_IN_TITLE, encoding="utf-8")
    layout = analyse(read_source(source))
    assert plan_start_year(layout) == 2021
    assert [(d.raw, d.date, d.kind) for d in extract_deadlines(layout)] == [("到2025年", "2025-12-31", "by")]


STAGED_PLAN = """某州生物多样性保护规划（2021—2030年）

第一章 总体要求

    近期（2021—2025年）：全州生物多样性保护网络基本建成，典型生态系统保护率达到90%以上。

第二章 重点任务

    近期，重点实施极小种群物种拯救保护，建成珍稀植物迁地保护基地3处。
"""


def test_a_stage_the_plan_gave_its_years_is_a_deadline_where_it_is_named_alone(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(STAGED_PLAN, encoding="utf-8")
    assert [(d.raw, d.date, d.kind, d.text) for d in extract_deadlines(analyse(read_source(source)))] == [
        ("近期（2021—2025年）", "2025-12-31", "during", "近期（2021—2025年）：全州生物多样性保护网络基本建成，典型生态系统保护率达到90%以上。"),
        ("近期", "2025-12-31", "during", "近期，重点实施极小种群物种拯救保护，建成珍稀植物迁地保护基地3处。"),
    ]


ONE_YEAR_PLAN = (
    "禾源县2024年农村人居环境整治工作方案\n\n"
    "  3月底前，县农业农村局制定年度改厕实施计划，年内新建改造农村卫生户厕3000户。\n"
    "  各乡镇每年10月底前组织“最美庭院”评选，2024年11月中旬前创建美丽宜居示范村15个。\n"
    "  完成整治任务的村庄3个月内组织验收。\n"
)


def test_a_plan_for_one_year_dates_what_it_sets_within_the_year_without_printing_it(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(ONE_YEAR_PLAN, encoding="utf-8")
    assert [(d.raw, d.date, d.kind) for d in extract_deadlines(analyse(read_source(source)))] == [
        ("3月底前", "2024-03-31", "by"),
        ("年内", "2024-12-31", "by"),
        ("每年10月底前", "2024-10-31", "by"),
        ("2024年11月中旬前", "2024-11-20", "by"),
    ]


def test_a_plan_for_several_years_dates_no_month_printed_without_its_year(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(ONE_YEAR_PLAN.replace("2024年农村", "2024—2026年农村"), encoding="utf-8")
    assert [d.raw for d in extract_deadlines(analyse(read_source(source)))] == ["2024年11月中旬前"]
