"""The document record: the plan period, from the title or stated in the text."""

from __future__ import annotations

import pytest

from plantext.extractors.document import find_plan_period, find_region


@pytest.mark.parametrize(
    "title,texts,period",
    [
        ("青海省“十四五”生态环境保护规划", [], (2021, 2025)),
        ("广东省生态环境保护规划（2021—2025年）", [], (2021, 2025)),
        ("云南省生态环境保护规划", ["本规划以2025年为基准年，规划期为2026—2030年，展望到2035年。"], (2026, 2030)),
        ("某市生态环境保护规划", ["规划期限：“十四五”时期。"], (2021, 2025)),
        ("某市生态环境保护规划", ["规划时限为2021年至2025年。"], (2021, 2025)),
        # the title wins over the text
        ("某市“十四五”生态环境保护规划", ["规划期为2026—2030年。"], (2021, 2025)),
        # 规划期内 states no period
        ("某市生态环境保护规划", ["规划期内，全市新增造林面积2021—2025年累计50万亩。"], None),
        ("某市生态环境保护规划", ["到2025年，全市森林覆盖率达到32.5%。"], None),
        # a later statement after a 规划期内 that states none
        ("某市生态环境保护规划", ["按照规划期内全面完成各项任务的要求，规划期为2021—2025年。"], (2021, 2025)),
        # the period of the plan before is no statement of this one's
        ("某市生态环境保护规划", ["上一轮规划期为2016—2020年。规划期为2021—2025年。"], (2021, 2025)),
        # a plan for one year, named in its title
        ("禾源县2024年农村人居环境整治工作方案", [], (2024, 2024)),
        ("某市2025年度生态环境保护工作要点", [], (2025, 2025)),
        # a year a goal is set by is no period, nor is a year of a plan that is not a yearly one
        ("某省2030年前碳达峰实施方案", [], None),
        ("某市2024年大气污染防治规划", [], None),
    ],
)
def test_the_plan_period_is_read_from_the_title_or_from_the_period_the_plan_states(title, texts, period):
    found = find_plan_period(title, texts)
    assert ((found.start, found.end) if found else None) == period


def test_a_plan_that_states_its_period_in_the_text_gets_it_in_its_document_record(tmp_path):
    from plantext.api import extract

    path = tmp_path / "plan.txt"
    path.write_text(
        "某市生态环境保护规划\n\n第一章 总则\n\n本规划以2020年为基准年，规划期为2021—2025年。\n", encoding="utf-8"
    )
    period = extract(path).document.period
    assert (period.start, period.end) == (2021, 2025)


def test_years_before_a_stated_period_are_the_past(tmp_path):
    from plantext.api import extract

    path = tmp_path / "plan.txt"
    path.write_text(
        "某市生态环境保护规划\n\n第一章 总则\n\n规划期为2021—2025年。\n\n"
        "“十三五”期间，全市建成污水处理厂18座。到2025年，全市新建污水处理厂10座。\n",
        encoding="utf-8",
    )
    assert [deadline.raw for deadline in extract(path).deadlines] == ["到2025年"]


@pytest.mark.parametrize(
    "cover_letter,region",
    [
        ("国务院办公厅关于印发塑料污染治理攻坚工作", "全国"),
        ("生态环境部关于印发某某工作方案的通知", "全国"),
        ("江苏省人民政府办公厅关于印发某某工作方案的通知", "江苏省"),
        ("青海省生态环境厅关于印发某某工作方案的通知", "青海省"),
        ("宁川市人民政府关于印发某某工作方案的通知", "宁川市"),
        # bodies issuing jointly, the government last; a bureau of the city
        ("中共宁川市委办公室 宁川市人民政府办公室关于印发某某方案的通知", "宁川市"),
        ("宁川市生态环境局关于印发某某方案的通知", "宁川市"),
        # no issuer before 关于, or no cover letter
        ("关于印发某某工作方案的通知", None),
        ("全省关于生态环境保护的工作持续推进", None),
    ],
)
def test_a_title_naming_no_region_takes_the_region_of_its_cover_letters_issuer(cover_letter, region):
    assert find_region("某某工作方案（2023—2025年）", [cover_letter]) == region


def test_the_region_printed_in_the_title_wins_over_the_cover_letters():
    assert find_region("青海省某某工作方案", ["生态环境部关于印发某某工作方案的通知"]) == "青海省"


@pytest.mark.parametrize(
    "title,region",
    [
        ("禾源县2024年农村人居环境整治工作方案", "禾源县"),
        ("青崖市2023—2025年大气污染防治行动方案", "青崖市"),
        ("宁川市清溪河流域水生态环境保护规划（2023—2030年）", "宁川市"),
    ],
)
def test_a_local_region_opening_the_title_may_be_followed_by_the_plans_years(title, region):
    assert find_region(title, []) == region
