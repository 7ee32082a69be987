"""Time expressions and plan periods, by example."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plantext.numbers import compact_text
from plantext.timeexpr import (
    find_bare_stages,
    find_period,
    find_stage_years,
    find_time_expressions,
    parse_time_expression,
    period_years,
)

GOLD = Path(__file__).resolve().parent / "gold"
GOLD_DOCUMENTS = ["qinghai", "gansu-14th-eco-plan", "national-14th-eco-plan"]

TIME_ALPHABET = list("0123456789 年月日底前末中到至以之后每两三十四五〇二一“”《》，。期间时本世纪叶上半展望规划第个")
TIME_TEXT = st.one_of(st.text(), st.text(alphabet=TIME_ALPHABET))


def only_expression(text):
    expressions = find_time_expressions(text)
    assert len(expressions) == 1, expressions
    return expressions[0]


@pytest.mark.parametrize(
    "sentence,raw,date,kind",
    [
        ("到2025年，全省地级及以上城市空气质量优良天数比例达到93.8%", "到2025年", "2025-12-31", "by"),
        ("到 2025 年，湿地保护率提高到 55%", "到2025年", "2025-12-31", "by"),
        ("到2025年底，完成排查", "到2025年底", "2025-12-31", "by"),
        ("2025年前完成", "2025年前", "2025-12-31", "by"),
        ("2025年以前完成", "2025年以前", "2025-12-31", "by"),
        ("2022 年底前，完成长江、黄河干流入河排污口排查", "2022年底前", "2022-12-31", "by"),
        ("2025年底对规划执行情况进行总结评估", "2025年底", "2025-12-31", "by"),
        ("2022年年底前完成", "2022年年底前", "2022-12-31", "by"),
        ("2025年末实现", "2025年末", "2025-12-31", "by"),
        ("2023年年中开展规划实施情况中期评估", "2023年年中", "2023-06-30", "by"),
        ("2023年中，开展评估", "2023年中", "2023-06-30", "by"),
        ("2023年上半年完成", "2023年上半年", "2023-06-30", "by"),
        ("2022 年 6 月底前，各市（州）完成柴油货车污染治理攻坚方案的编制", "2022年6月底前", "2022-06-30", "by"),
        ("2022年6月底完成", "2022年6月底", "2022-06-30", "by"),
        ("2021年7月完成", "2021年7月", "2021-07-31", "by"),
        # the first, middle and last ten days of a month
        ("2024年3月上旬完成", "2024年3月上旬", "2024-03-10", "by"),
        ("2024年11月中旬前完成", "2024年11月中旬前", "2024-11-20", "by"),
        ("2024年2月下旬前完成", "2024年2月下旬前", "2024-02-29", "by"),
        # a year run into the level it is to see, at a clause's start or after its metric
        ("森林覆盖率：2020年35.2%，2025年达到36%", "2025年", "2025-12-31", "by"),
        ("全省森林覆盖率2025年达到24.1%", "2025年", "2025-12-31", "by"),
        ("2024年2月底前", "2024年2月底前", "2024-02-29", "by"),
        ("2023年 7月 1日，实施轻型车和重型车国 6b排放标准", "2023年7月1日", "2023-07-01", "on"),
        ("二〇二三年十二月三十一日", "二〇二三年十二月三十一日", "2023-12-31", "on"),
        ("2023年12月31日前完成", "2023年12月31日前", "2023-12-31", "by"),
        ("到2023年7月1日，完成", "到2023年7月1日", "2023-07-01", "by"),
        # from a year, a month or a day on: 起 is part of the expression, 自 not
        ("自2022年起，新建项目全面执行特别排放限值", "2022年起", "2022-01-01", "on"),
        ("自2023年7月起，全面实施", "2023年7月起", "2023-07-01", "on"),
        ("自2023年7月1日起，全市全面实施轻型汽车国六b排放标准", "2023年7月1日起", "2023-07-01", "on"),
        ("从2024年1月1日起，禁止使用", "2024年1月1日起", "2024-01-01", "on"),
        ("“十四五”末，地表水国考断面达到或优于Ⅲ类水体比例不低于94.6%", "“十四五”末", "2025-12-31", "by"),
        ("十四五末全省新型储能装机规模达到600万千瓦左右", "十四五末", "2025-12-31", "by"),
        ("到“十四五”末，基本消除", "到“十四五”末", "2025-12-31", "by"),
        ("“十四五”时期，围绕打造青藏高原生态文明高地", "“十四五”时期", "2025-12-31", "during"),
        ("“十四五”期间，单位地区生产总值能源消耗累计降低13%", "“十四五”期间", "2025-12-31", "during"),
        ("第十四个五年规划期间", "第十四个五年规划期间", "2025-12-31", "during"),
        ("“十三五”期间，全省生态环境质量持续改善", "“十三五”期间", "2020-12-31", "during"),
        ("“十四五”中期开展评估", "“十四五”中期", "2023-12-31", "by"),
        # the late and the early part of a period: by its end, and by the end
        # of the year before its middle
        ("“十四五”中后期，全面推进碳达峰", "“十四五”中后期", "2025-12-31", "by"),
        ("“十四五”后期，基本完成", "“十四五”后期", "2025-12-31", "by"),
        ("“十四五”前期，完成规划编制", "“十四五”前期", "2022-12-31", "by"),
        # a range of years: during it, with 期间 or without
        ("2021—2025年期间，全省新增造林500万亩", "2021—2025年期间", "2025-12-31", "during"),
        ("2021-2025年时期，累计完成", "2021-2025年时期", "2025-12-31", "during"),
        ("2023—2025年，每年完成50个村庄整治", "2023—2025年", "2025-12-31", "during"),
        # a stage of the plan with its years in brackets: as a range opening a clause
        ("近期（2021—2025年），完成大别山区水土流失综合治理面积1500平方公里", "近期（2021—2025年）", "2025-12-31", "during"),
        ("态系统退化趋势；远期（2026—2035 年），全面推进各生态功能区", "远期（2026—2035年）", "2035-12-31", "during"),
        ("近期（2021-2025年）完成岸线修复100公里", "近期（2021-2025年）", "2025-12-31", "during"),
        ("中期（2026—2030年），基本建成生态安全屏障", "中期（2026—2030年）", "2030-12-31", "during"),
        # the 到 of a verb of change is the verb's: the year it reaches is bare
        ("全省森林覆盖率由2020年的7.5%提高到2025年的8%", "2025年", "2025-12-31", "by"),
        ("2030年前碳排放达峰", "2030年前", "2030-12-31", "by"),
        # a verb or a preposition before a document noun: no name
        ("2025年前完成实施方案编制", "2025年前", "2025-12-31", "by"),
        ("到二〇三五年，绿色生产生活方式广泛形成", "到二〇三五年", "2035-12-31", "by"),
        ("锚定到二〇三五年目标", "到二〇三五年", "2035-12-31", "by"),
        ("展望二〇三五年，全面建立青海特色生态文明体系", "二〇三五年", "2035-12-31", "by"),
        ("开展规模化水产养殖退水治理。2025年，完成全省重点流域所有入河排污口排查", "2025年", "2025-12-31", "by"),
        # a bare year opening a clause runs into a verb of action without a comma
        ("建立规划实施年度监测和中期评估制度，2028年开展规划实施中期评估", "2028年", "2028-12-31", "by"),
        ("2027年基本建成美丽河湖", "2027年", "2027-12-31", "by"),
        # or after a preposition of time
        ("生态环境部会同有关部门于2023年开展规划实施中期评估", "2023年", "2023-12-31", "by"),
        ("在2025年完成全省入河排污口整治", "2025年", "2025-12-31", "by"),
        # around a year: the year's end, not the 前 of 2030年前
        ("2030年前后，全国细颗粒物浓度力争降至30微克/立方米以下", "2030年前后", "2030-12-31", "by"),
        ("力争2030年前后达到峰值", "2030年前后", "2030-12-31", "by"),
        ("2030年左右，全国细颗粒物浓度降至30微克/立方米以下", "2030年左右", "2030-12-31", "by"),
        # the heating season: due the day before it begins (15 November), or
        # by the end (15 March) of the season that begins in the printed year
        ("2023年采暖季前，完成剩余燃煤锅炉淘汰", "2023年采暖季前", "2023-11-14", "by"),
        ("到2024年供暖期前完成清洁取暖改造", "到2024年供暖期前", "2024-11-14", "by"),
        ("2023年采暖季结束前，完成散煤替代", "2023年采暖季结束前", "2024-03-15", "by"),
        # a season named by the two years it spans begins in the first
        ("2023—2024年采暖季前，完成农村散煤清洁替代", "2023—2024年采暖季前", "2023-11-14", "by"),
        ("2023-2024年供暖期结束前，完成散煤替代", "2023-2024年供暖期结束前", "2024-03-15", "by"),
        ("到本世纪中叶，建成美丽中国", "到本世纪中叶", "2050-12-31", "by"),
    ],
)
def test_find_time_expressions(sentence, raw, date, kind):
    expression = only_expression(sentence)
    assert (expression.raw, expression.date, expression.kind) == (raw, date, kind)
    assert expression.year == int(date[:4])
    assert compact_text(sentence[expression.start : expression.end]).text == raw


@pytest.mark.parametrize(
    "sentence",
    [
        "党的十九届五中全会审议通过的《中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》",
        "《青海省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》",
        "省生态环境厅每年向省政府报告生态环境保护重点工作进展情况",
        "实施核技术利用等单位安全隐患排查三年行动",
        "至少每两年开展一次",
        "营运车辆单位运输周转量二氧化碳排放比2020年下降4%",
        "2025年前三季度",
        "2023年中国生态环境状况公报",
        "“十四五”规划",
        "2023年2月30日",
        "到〇〇〇〇年",
        # the name of a document printed without 《》
        "按照国家2030年前碳达峰行动方案要求，推进减排",
        "制定青海省二〇三〇年前碳排放达峰行动方案",
        # 前期工作 is preparatory work
        "加快“十四五”前期工作",
        # a bare year running into what is told, not into a verb of action
        "2021年全国“两会”期间，习近平总书记参加青海代表团审议",
        # a bare year before a verb that qualifies a noun, with its adverb or not
        "严格执行排放标准，2023年实施的《锅炉大气污染物排放标准》对新建锅炉提出更严要求",
        "2016年全面实施的河长制成效明显",
        "国家于2023年实施的《锅炉大气污染物排放标准》",
        # stages named as the parts of a plan, or qualifying a noun, set nothing
        "规划分为两个阶段：近期（2021—2025年）和远期（2026—2035年）",
        "近期（2021—2025年）的主要任务是遏制生态系统退化",
        "其中，近期（2021—2025年）为攻坚期",
        "近期（2021—2025年）、远期（2026—2035年）两个阶段分步推进",
    ],
)
def test_titles_durations_recurrences_and_references_are_not_time_expressions(sentence):
    assert find_time_expressions(sentence) == []


def test_several_expressions_in_one_sentence_come_in_order():
    sentence = "在 2023 年年中和 2025 年年底，开展规划执行情况的评估"
    assert [(e.raw, e.date) for e in find_time_expressions(sentence)] == [
        ("2023年年中", "2023-06-30"),
        ("2025年年底", "2025-12-31"),
    ]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("到2025年和2030年，森林覆盖率分别达到45%和48%", [("到2025年", "2025-12-31"), ("2030年", "2030-12-31")]),
        ("到2025年、2030年，非化石能源消费比重分别达到20%、25%左右", [("到2025年", "2025-12-31"), ("2030年", "2030-12-31")]),
        ("2025年和2030年，森林覆盖率分别达到45%和48%", [("2025年", "2025-12-31"), ("2030年", "2030-12-31")]),
        # the years shared by a 到 need no comma after them
        ("非化石能源消费比重到2025年、2030年分别达到20%、25%左右", [("到2025年", "2025-12-31"), ("2030年", "2030-12-31")]),
        ("到2025年和2030年森林覆盖率分别达到45%和48%", [("到2025年", "2025-12-31"), ("2030年", "2030-12-31")]),
        (
            "到2025年、2030年和2035年，比重分别达到20%、25%、30%",
            [("到2025年", "2025-12-31"), ("2030年", "2030-12-31"), ("2035年", "2035-12-31")],
        ),
    ],
)
def test_a_year_listed_after_another_is_an_expression_of_its_own(sentence, expected):
    assert [(e.raw, e.date) for e in find_time_expressions(sentence)] == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("畜禽粪污综合利用率由2023年的78.3%提高到2025年的80%以上、2030年的85%以上", ["2025年", "2030年"]),
        ("全省森林覆盖率提高到2025年的60%和2035年的75%", ["2025年", "2035年"]),
        ("收集率由2020年的60%提高到2025年的70%、2030年的75%及2035年的80%", ["2025年", "2030年", "2035年"]),
        ("单位GDP能耗降低到2025年的0.45吨和2030年的0.4吨", ["2025年", "2030年"]),
        # a year after a clause mark starts another clause, not the list
        ("森林覆盖率提高到2025年的60%，2035年的规划另定", ["2025年"]),
    ],
)
def test_each_level_a_verb_of_change_reaches_is_dated_by_its_own_year(sentence, expected):
    assert [e.raw for e in find_time_expressions(sentence)] == expected


def test_a_goal_named_next_to_a_title_is_kept():
    sentence = (
        "党的十九届五中全会审议通过的《中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》，"
        "把“生态文明建设实现新进步”作为“十四五”时期经济社会发展主要目标之一，"
        "将“广泛形成绿色生产生活方式”作为到2035年基本实现社会主义现代化远景目标之一。"
    )
    assert [e.raw for e in find_time_expressions(sentence)] == ["“十四五”时期", "到2035年"]


def test_a_narrated_month_is_read_as_its_end():
    """Telling narration from commitment is the caller's job (it knows the plan period)."""
    expression = only_expression("2021年6月，习近平总书记在青海考察时指出")
    assert (expression.raw, expression.date, expression.kind) == ("2021年6月", "2021-06-30", "by")


def _gold_deadlines():
    for document in GOLD_DOCUMENTS:
        data = json.loads((GOLD / document / "deadlines.json").read_text(encoding="utf-8"))
        for number, record in enumerate(data["records"] if isinstance(data, dict) else data):
            yield pytest.param(record, id=f"{document}-{number}-{record['raw']}")


@pytest.mark.parametrize("deadline", list(_gold_deadlines()))
def test_every_gold_deadline_is_found_in_its_sentence(deadline):
    found = [(e.raw, e.date, e.year, e.kind) for e in find_time_expressions(deadline["text"])]
    assert (deadline["raw"], deadline["date"], deadline["year"], deadline["kind"]) in found


# --- parse_time_expression ----------------------------------------------------


@pytest.mark.parametrize(
    "raw,normalised,date,kind",
    [
        ("2022 年底前", "2022年底前", "2022-12-31", "by"),
        ("到 2025 年", "到2025年", "2025-12-31", "by"),
        ("2025年", "2025年", "2025-12-31", "by"),
        ("“十四五”期间", "“十四五”期间", "2025-12-31", "during"),
        ("2023年7月1日", "2023年7月1日", "2023-07-01", "on"),
    ],
)
def test_parse_time_expression(raw, normalised, date, kind):
    expression = parse_time_expression(raw)
    assert (expression.raw, expression.date, expression.kind) == (normalised, date, kind)
    assert (expression.start, expression.end) == (0, len(raw.rstrip()))


@pytest.mark.parametrize("raw", ["", "每年", "到2025年，完成", "十四五", "2025"])
def test_parse_time_expression_refuses_anything_but_one_expression(raw):
    assert parse_time_expression(raw) is None


# --- periods ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,years",
    [
        ("十一五", (2006, 2010)),
        ("十三五", (2016, 2020)),
        ("十四五", (2021, 2025)),
        ("“十四五”", (2021, 2025)),
        ("第十四个五年", (2021, 2025)),
        ("十五五", (2026, 2030)),
        ("十六五", (2031, 2035)),
        ("十七五", None),
        ("十四", None),
    ],
)
def test_period_years(name, years):
    assert period_years(name) == years


@pytest.mark.parametrize(
    "title,years",
    [
        ("青海省“十四五”生态环境保护规划", (2021, 2025)),
        ("甘肃省“十四五”生态环境保护规划（测试语料）", (2021, 2025)),
        ("中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要", (2021, 2025)),
        ("“十三五”规划实施情况总结评估报告", (2016, 2020)),
        ("青海省生态环境保护条例", None),
        # a plan named by its years
        ("广东省生态环境保护规划（2021—2025年）", (2021, 2025)),
        ("某市生态环境保护规划2021-2025年", (2021, 2025)),
        ("某市生态环境保护规划（2021～2025）", (2021, 2025)),
        ("某市生态环境保护规划（二〇二一—二〇二五年）", (2021, 2025)),
        ("国土空间规划（2021—2035年）", (2021, 2035)),
        ("某市规划（2025—2021年）", None),
    ],
)
def test_find_period(title, years):
    assert find_period(title) == years


# --- properties --------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(TIME_TEXT)
def test_find_time_expressions_never_crashes_and_points_into_the_text(text):
    for expression in find_time_expressions(text):
        assert compact_text(text[expression.start : expression.end]).text == expression.raw
        assert expression.kind in {"by", "on", "during"}
        assert expression.date.startswith(str(expression.year))


@settings(max_examples=200, deadline=None)
@given(TIME_TEXT)
def test_parse_time_expression_never_crashes(text):
    parse_time_expression(text)


CLUE_WORDS = ["年", "五", "世纪"]  # time_patterns.yaml: clue_words


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([char for char in TIME_ALPHABET if char not in "年五世"] + ["世界"])).map("".join))
def test_no_pattern_matches_text_without_a_clue_word(text):
    """Sentences without a clue word are not searched: no pattern could match them."""
    from plantext.timeexpr import _rules

    compact = compact_text(text).text
    if any(word in compact for word in CLUE_WORDS):
        return
    assert all(pattern.regex.search(compact) is None for pattern in _rules().patterns)


def test_every_time_pattern_needs_a_clue_word():
    """Each pattern of time_patterns.yaml prints a clue word or a period name (which holds 五)."""
    from plantext.vocab import load_vocabulary

    for entry in load_vocabulary("time_patterns")["patterns"]:
        assert any(word in entry["regex"] for word in CLUE_WORDS + ["{period}"]), entry["name"]
    for name, period in load_vocabulary("periods")["periods"].items():
        assert all("五" in spelling for spelling in [name, *period.get("also", [])])


# Sentences in which each pattern of time_patterns.yaml matches, one at least.
PATTERN_EXAMPLES = [
    "2023年7月1日，实施标准",
    "2023年12月31日前完成",
    "到2023年7月1日，完成",
    "2022年6月底前完成",
    "2023年上半年完成，2023年年中评估，2023年中，开展评估",
    "2024年第一季度前，2024年二季度末，2024年第三季度前，到2024年第四季度",
    "2025年汛期前完成",
    "2023年采暖季前完成，2023年采暖季结束前完成",
    "自2022年起实施，自2023年7月起实施，2023年9月1日起实施",
    "2022年底前完成",
    "2030年前达峰",
    "2030年前后达峰，2030年左右达峰",
    "到2025年，全省…；到二〇三五年，基本实现",
    "到2025年和2030年，分别达到45%和48%",
    "由2020年的7.5%提高到2025年的8%",
    "由2023年的78.3%提高到2025年的80%以上、2030年的85%以上",
    "比重到2025年、2030年分别达到20%、25%左右",
    "2021—2025年期间，完成",
    "2023—2025年，每年完成",
    "近期（2021—2025年），完成",
    "“十四五”末，“十四五”时期，“十四五”中期，“十四五”后期，“十四五”前期",
    "到本世纪中叶，全面建成",
    "2024年11月中旬前完成",
    "全省森林覆盖率2025年达到24.1%",
]


def _blotted(text, words):
    for word in words:
        text = text.replace(word, "※")
    return text


def test_every_pattern_needs_one_of_its_clues():
    """A pattern is not run on a sentence without one of its clues: where it
    matches, it matches no more once the clues are blotted out."""
    from plantext.timeexpr import _rules

    sentences = [compact_text(text).text for text in PATTERN_EXAMPLES]
    sentences += [compact_text(record.values[0]["text"]).text for record in _gold_deadlines()]
    for pattern in _rules().patterns:
        matched = [sentence for sentence in sentences if pattern.regex.search(sentence)]
        assert matched, pattern.regex.pattern  # every pattern has an example
        for sentence in matched:
            assert any(clue in sentence for clue in pattern.clues)
            assert pattern.regex.search(_blotted(sentence, pattern.clues)) is None, (sentence, pattern.clues)


CLUE_ALPHABET = TIME_ALPHABET + list("季度汛起和与及、的—-~～至")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=CLUE_ALPHABET))
def test_a_pattern_matches_only_text_with_one_of_its_clues(text):
    from plantext.timeexpr import _rules

    compact = compact_text(text).text
    for pattern in _rules().patterns:
        if pattern.regex.search(compact):
            assert any(clue in compact for clue in pattern.clues), (compact, pattern.clues)


@settings(max_examples=300, deadline=None)
@given(TIME_TEXT, st.integers(min_value=0, max_value=40), st.integers(min_value=0, max_value=40))
def test_no_part_of_a_text_without_clue_words_holds_a_time_expression(text, start, length):
    """Paragraphs that may_hold_time_expressions rules out are not split into
    sentences: no part of them may hold one either (and the patterns need a
    clue word: test_no_pattern_matches_text_without_a_clue_word)."""
    from plantext.timeexpr import may_hold_time_expressions

    if not may_hold_time_expressions(text):
        assert not may_hold_time_expressions(text[start : start + length])


def test_years_after_dates_a_pattern_in_a_later_year_than_printed(tmp_path):
    import plantext.vocab as vocab
    from plantext.timeexpr import find_time_expressions

    extra = tmp_path / "time_patterns.yaml"
    extra.write_text(
        "patterns:\n  - name: before the end of autumn and winter\n    regex: '{year}年秋冬季结束前'\n"
        "    clues: [秋冬季]\n    kind: by\n    date: '03-31'\n    years_after: 1\n",
        encoding="utf-8",
    )
    vocab.extend_vocabulary("time_patterns", extra)
    try:
        found = find_time_expressions("2023年秋冬季结束前，完成重点行业企业深度治理。")
        assert [(expression.raw, expression.date, expression.year) for expression in found] == [
            ("2023年秋冬季结束前", "2024-03-31", 2024)
        ]
    finally:
        vocab.reset_vocabularies()


def test_a_pattern_added_without_clues_is_tried_on_every_sentence(tmp_path):
    import plantext.vocab as vocab
    from plantext.timeexpr import find_time_expressions

    extra = tmp_path / "time_patterns.yaml"
    extra.write_text(
        "patterns:\n  - name: before the spring ploughing\n    regex: '{year}年春耕前'\n    kind: by\n    date: '03-15'\n",
        encoding="utf-8",
    )
    vocab.extend_vocabulary("time_patterns", extra)
    try:
        found = find_time_expressions("2023年春耕前完成高标准农田建设。")
        assert [(expression.raw, expression.date) for expression in found] == [("2023年春耕前", "2023-03-15")]
    finally:
        vocab.reset_vocabularies()


@pytest.mark.parametrize(
    "text, stages",
    [
        ("近期（2021—2025年）：全州生物多样性保护网络基本建成", {"近期": (2021, 2025)}),
        ("规划分为近期（2021—2025年）和远期（2026—2035年）两个阶段", {"近期": (2021, 2025), "远期": (2026, 2035)}),
        ("规划期为2021—2035年，其中近期为2021—2025年", {"近期": (2021, 2025)}),
        ("近中期（2021-2030年），基本建成", {"近中期": (2021, 2030)}),
        # a stage printed without its years defines nothing
        ("近期，重点实施林麝拯救保护", {}),
    ],
)
def test_a_plan_gives_its_stages_their_years(text, stages):
    assert find_stage_years([text]) == stages


def test_the_first_definition_of_a_stage_holds():
    texts = ["近期（2021—2025年），完成治理", "近期（2021—2023年）的试点"]
    assert find_stage_years(texts) == {"近期": (2021, 2025)}


STAGES = {"近期": (2021, 2025), "远期": (2026, 2035)}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("近期，重点实施林麝、白颈长尾雉等极小种群物种拯救保护", [("近期", "2025-12-31", "during")]),
        ("近期重点实施皖西大别山区和沿江平原生态修复", [("近期", "2025-12-31", "during")]),
        ("保护网络基本建成；远期，全面建成生物多样性保护体系", [("远期", "2035-12-31", "during")]),
        ("远期完成全部受损湿地修复", [("远期", "2035-12-31", "during")]),
        # a stage named as a noun, or inside a clause, dates nothing
        ("近期目标：保护网络基本建成", []),
        ("近期的任务是遏制退化", []),
        ("全省近期将开展评估", []),
        # 近期 meaning "lately": what was done
        ("近期，生态环境部印发了《重点流域水生态环境保护规划》", []),
        ("近期，我市出台了一系列政策措施", []),
        ("近期，为了加快保护网络建设，重点实施就地保护工程", [("近期", "2025-12-31", "during")]),
        # a stage the plan does not define is no time expression
        ("中期，开展规划实施评估", []),
    ],
)
def test_a_stage_named_alone_opening_a_clause_is_dated_by_the_plans_stages(sentence, expected):
    assert [(e.raw, e.date, e.kind) for e in find_bare_stages(sentence, STAGES)] == expected


def test_without_stages_no_bare_stage_is_a_time_expression():
    assert find_bare_stages("近期，重点实施林麝拯救保护", {}) == []
