"""Deadlines: the time expressions of the prose that set when something must be done.

``plantext.timeexpr`` finds every time expression of a sentence (``到2025年``,
``2022年底前``, ``“十四五”期间``); this module keeps those that are deadlines,
following the annotation guidelines.  Not deadlines:

- years of the past, before the plan's period (``“十三五”时期，…``,
  ``2020年，全省…达97.2%``): narration and achievements;
- a bare year under which a level is reported (``2021年，…浓度为26微克/立方米``);
- the date of an event told (``2021年6月，…考察``), a point of reference
  (``截至2016年``), a period described (``“十四五”时期是…的五年``, ``是“十四五”
  时期…的行动指南``), and the sentence that says why the plan is made
  (``…，制定本规划``);
- years in the names of other documents (``《…二〇三五年远景目标纲要》``,
  ``国家2030年前碳达峰行动方案``), durations and recurrences, which
  ``timeexpr`` does not report in the first place.

A sentence's time expressions are read once (``derived_from``): the targets
of the sentence are read from them as well.

``find_deadlines_in_sentence`` works on one sentence (the spaCy component uses
it on any text); ``extract_deadlines`` runs it over a document's paragraphs.
The words these rules rest on are in ``plantext/data/deadlines.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import regex

from plantext.extractors.document import find_plan_period
from plantext.extractors.sentences import paragraph_sentences
from plantext.layout import Layout
from plantext.models import Deadline
from plantext.numbers import alternation, compact_text, derived_from, find_quantities
from plantext.timeexpr import (
    TimeExpression,
    find_bare_stages,
    find_stage_years,
    find_time_expressions,
    may_hold_time_expressions,
    plan_year_stage,
)
from plantext.vocab import vocabulary_table


@dataclass(frozen=True)
class _DeadlineRules:
    event_dates: list[regex.Pattern]
    as_of_before: list[str]
    description_after: list[str]
    description_before: tuple[str, ...]
    attributive_mark: str
    action_verbs: regex.Pattern  # 完成, 实施, 提高到: a period they follow sets a task
    plan_statement_words: list[str]
    bare_year: regex.Pattern
    report_verbs: tuple[str, ...]
    lead_in_marks: str
    lead_in_openers: list[str]
    lead_in_end_marks: str
    goal_announcements: list[str]
    clause_marks: regex.Pattern
    issuing_body_endings: tuple[str, ...]
    issue_remark: regex.Pattern


def _build_rules(vocabulary, time_patterns, comparators) -> _DeadlineRules:
    # The verbs of action a bare year runs into, and the verbs of change that
    # state a target's level.
    action_verbs = f"{time_patterns['parts']['clause_verb']}|{alternation(comparators['verbs'])}"
    return _DeadlineRules(
        event_dates=[regex.compile(pattern) for pattern in vocabulary["event_dates"]],
        as_of_before=vocabulary["as_of_before"],
        description_after=vocabulary["description_after"],
        description_before=tuple(vocabulary["description_before"]),
        attributive_mark=vocabulary["attributive_mark"],
        action_verbs=regex.compile(action_verbs),
        plan_statement_words=vocabulary["plan_statement_words"],
        bare_year=regex.compile(vocabulary["bare_year"]),
        report_verbs=tuple(vocabulary["report_verbs"]),
        lead_in_marks=vocabulary["lead_in_marks"],
        lead_in_openers=vocabulary["lead_in_openers"],
        lead_in_end_marks=vocabulary["lead_in_end_marks"],
        goal_announcements=vocabulary["goal_announcements"],
        clause_marks=regex.compile(f"[{regex.escape(vocabulary['clause_marks'])}]"),
        issuing_body_endings=tuple(vocabulary["issuing_body_endings"]),
        issue_remark=regex.compile(vocabulary["issue_remark"]),
    )


def _rules() -> _DeadlineRules:
    return vocabulary_table(_build_rules, "deadlines", "time_patterns", "comparators")


@dataclass(frozen=True)
class _SentenceTimes:
    """What the time expressions of one sentence do, whatever the plan's period."""

    governing: tuple[TimeExpression, ...]  # those that can govern what the sentence says
    narrating: tuple[TimeExpression, ...]  # those of them that date what is told, not a commitment


# The times of a sentence that holds no time expression: most sentences.
_NO_TIMES = _SentenceTimes((), ())


def _sentence_times(text: str) -> _SentenceTimes:
    """The governing and narrating expressions of ``text``; shared through
    ``derived_from`` by the targets and the deadlines of a sentence."""
    expressions = find_time_expressions(text)
    if not expressions:
        return _NO_TIMES
    rules = _rules()
    compact = compact_text(text).text
    if any(word in compact for word in rules.plan_statement_words):
        return _NO_TIMES
    governing = tuple(
        expression
        for expression in expressions
        if not _is_reference(text, expression, rules) and not _is_date_of_issue(text, expression, rules)
    )
    narrating = tuple(expression for expression in governing if _narrates(text, expression, rules))
    return _SentenceTimes(governing, narrating)


def plan_start_year(layout: Layout) -> int | None:
    """The first year of the plan's period, read from its title (``“十四五”`` or
    ``（2021—2025年）`` → 2021) or, when the title names none, from the period
    the plan states (``规划期为2021—2025年``)."""
    period = find_plan_period(layout.title, (paragraph.text for paragraph in layout.paragraphs))
    return period.start if period else None


def plan_stages(layout: Layout) -> dict[str, tuple[int, int]]:
    """The years of the stages the plan divides its period into, as it
    gives them anywhere (``近期（2021—2025年）``): a stage it names later
    without them (``近期，重点实施…``) is dated by them."""
    stages = find_stage_years(paragraph.text for paragraph in layout.paragraphs)
    period = find_plan_period(layout.title)
    if period is not None and period.start == period.end:
        # A plan for one year dates what it sets within it by that year (3月底前).
        stages[plan_year_stage()] = (period.start, period.end)
    return stages


def is_past(expression: TimeExpression, plan_start: int | None) -> bool:
    """True when the expression ends before the plan's period begins."""
    return plan_start is not None and expression.year < plan_start


def governing_expressions(text: str, stages: Mapping[str, tuple[int, int]] | None = None) -> tuple[TimeExpression, ...]:
    """The time expressions of a sentence that can govern what it says.

    These are the deadlines plus the dates of what is told: a target stated
    under ``2020年，…`` is an achievement, so the caller needs to see that year
    to know that the numbers after it are no targets.  Left out are
    expressions that govern nothing (a point of reference, a description of
    the period).  ``stages`` are the years of the plan's stages
    (``plan_stages``), which date a stage the sentence names alone.
    """
    governing = derived_from(text, _sentence_times).governing
    bare_stages = find_bare_stages(text, stages) if stages else []
    if not bare_stages:
        return governing
    return tuple(sorted((*governing, *bare_stages), key=lambda expression: expression.start))


def find_deadlines_in_sentence(
    text: str, plan_start: int | None = None, stages: Mapping[str, tuple[int, int]] | None = None
) -> list[TimeExpression]:
    """The deadlines of one sentence, in order (offsets into ``text``).

    ``plan_start`` is the first year of the plan's period: expressions ending
    before it narrate the past.  Without it, no year counts as past.
    ``stages`` date the stages of the plan named without their years.

    >>> [found.raw for found in find_deadlines_in_sentence("2022年底前，完成县级应急预案修编。", 2021)]
    ['2022年底前']
    """
    narrating = derived_from(text, _sentence_times).narrating
    return [
        expression
        for expression in governing_expressions(text, stages)
        if expression not in narrating and not is_past(expression, plan_start)
    ]


def find_lead_in(
    text: str, plan_start: int | None = None, stages: Mapping[str, tuple[int, int]] | None = None
) -> TimeExpression | None:
    """The deadline of ``text`` that governs the goals listed after it, or ``None``.

    That is the last deadline that opens a clause and is set off by a comma or
    colon (``到2025年，…``, ``“十四五”时期，…``), or the last deadline of a
    sentence that announces goals (``“十四五”时期生态环境保护的主要目标是：``).
    A lead-in governs the targets that follow it, also beyond its sentence in
    the goals section of a plan.
    """
    rules = _rules()
    deadlines = find_deadlines_in_sentence(text, plan_start, stages)
    if deadlines and _announces_goals(text, rules):
        return deadlines[-1]
    lead_in = None
    for expression in deadlines:
        after = compact_text(text[expression.end :]).text[:1]
        clause_before = rules.clause_marks.split(compact_text(text[: expression.start]).text)[-1]
        if after and after in rules.lead_in_marks and (not clause_before or clause_before in rules.lead_in_openers):
            lead_in = expression
    return lead_in


def _announces_goals(text: str, rules: _DeadlineRules) -> bool:
    """True for a sentence that introduces the goals listed after it."""
    compact = compact_text(text).text
    ends_with_colon = compact.endswith(tuple(rules.lead_in_end_marks))
    return ends_with_colon or any(word in compact for word in rules.goal_announcements)


def _is_reference(text: str, expression: TimeExpression, rules: _DeadlineRules) -> bool:
    """True for ``截至2016年`` (as of), and for ``“十四五”时期是…`` and
    ``是“十四五”时期…的行动指南`` (descriptions)."""
    # The expression may begin with the 至 of 截至, so its first character is
    # looked at together with the words before it.
    longest = max(len(word) for word in rules.as_of_before)
    before = compact_text(text[: expression.start + 1]).text[-(longest + 1) :]
    after = compact_text(text[expression.end :]).text
    if any(word in before for word in rules.as_of_before):
        return True
    return any(after.startswith(word) for word in rules.description_after) or _qualifies_a_noun(text, expression, rules)


def _is_date_of_issue(text: str, expression: TimeExpression, rules: _DeadlineRules) -> bool:
    """True for the date a notice or plan is issued: an exact date printed
    alone or after the issuing body only (``国务院办公厅2023年2月20日``),
    followed by nothing but a bracketed remark (``（此件公开发布）``)."""
    if expression.kind != "on":
        return False
    before = compact_text(text[: expression.start]).text
    after = compact_text(text[expression.end :]).text
    if not rules.issue_remark.match(after) or rules.clause_marks.search(before):
        return False
    return not before or before.endswith(rules.issuing_body_endings)


def _qualifies_a_noun(text: str, expression: TimeExpression, rules: _DeadlineRules) -> bool:
    """True for a period after 是 (or 是指导) that qualifies a noun of its clause
    (``是“十四五”时期全省生态文明建设的行动指南``, ``是指导“十五五”时期全市生态
    环境保护工作的纲领性文件``).

    A 的 alone does not tell: the clause of a task or a target holds one too
    (``是“十四五”期间完成全省重点河湖的综合治理``, ``是“十四五”期间全省的森林
    覆盖率提高到35%``), but also a verb of action, which a phrase naming what
    something is for the period lacks.
    """
    if expression.kind != "during" or not compact_text(text[: expression.start]).text.endswith(rules.description_before):
        return False
    clause = rules.clause_marks.split(compact_text(text[expression.end :]).text, maxsplit=1)[0]
    return rules.attributive_mark in clause and not rules.action_verbs.search(clause)


def _narrates(text: str, expression: TimeExpression, rules: _DeadlineRules) -> bool:
    """True for the date of an event told (``2021年6月，…考察``), for a bare
    year that reports a level (``2021年，…浓度为26微克/立方米``), and for a bare
    year printed alone, perhaps with a remark: a label, such as a table's
    year cell read as prose (``2023年``, ``2022年（基期）``), commits to nothing."""
    if any(pattern.match(expression.raw) for pattern in rules.event_dates):
        return True
    if not rules.bare_year.match(expression.raw):
        return False
    return _reports_a_level(text[expression.end :], rules) or _is_label(text, expression, rules)


def _is_label(text: str, expression: TimeExpression, rules: _DeadlineRules) -> bool:
    """Is the expression all the text holds, but for a bracketed remark after it?"""
    before = compact_text(text[: expression.start]).text
    after = compact_text(text[expression.end :]).text.rstrip("。")
    return not before and bool(rules.issue_remark.match(after))


def _reports_a_level(after: str, rules: _DeadlineRules) -> bool:
    """True when the clause after a year states its first quantity with a
    report verb (``，全省PM2.5平均浓度为26微克/立方米``)."""
    compact = compact_text(after).text.lstrip(rules.lead_in_marks)
    clause = rules.clause_marks.split(compact, maxsplit=1)[0]
    quantities = find_quantities(clause)
    return bool(quantities) and clause[: quantities[0].start].endswith(rules.report_verbs)


def extract_deadlines(layout: Layout) -> list[Deadline]:
    """Every deadline of the document's prose (body and 专栏 paragraphs), in reading order."""
    plan_start = plan_start_year(layout)
    stages = plan_stages(layout)
    deadlines = []
    for paragraph in layout.paragraphs:
        if not may_hold_deadlines(paragraph.text, stages):
            continue  # most paragraphs of a plan
        for sentence in paragraph_sentences(paragraph):
            for expression in find_deadlines_in_sentence(sentence.text, plan_start, stages):
                deadlines.append(deadline_record(expression, sentence.text, sentence.page))
    return deadlines


def may_hold_deadlines(text: str, stages: Mapping[str, tuple[int, int]]) -> bool:
    """False when ``text`` holds no deadline: none of the clue words of the
    time expressions, and none of the plan's ``stages`` (近期，重点实施…)."""
    return may_hold_time_expressions(text) or any(stage in text for stage in stages)


def deadline_record(expression: TimeExpression, text: str, page: int) -> Deadline:
    """The output record of a deadline found in ``text`` (a sentence, or a
    task table's task) on ``page``."""
    return Deadline(
        raw=expression.raw,
        date=expression.date,
        year=expression.year,
        kind=expression.kind,
        text=text,
        page=page,
    )
