"""Deadlines: the time expressions of the prose that set when something must be done.

``plantext.timeexpr`` finds every time expression of a sentence (``到2025年``,
``2022年底前``, ``“十四五”期间``); this module keeps those that are deadlines,
following the annotation guidelines.  Not deadlines:

- years of the past, before the plan's period (``“十三五”时期，…``,
  ``2020年，全省…达97.2%``): narration and achievements;
- the date of an event told (``2021年6月，…考察``), a point of reference
  (``截至2016年``), a period described (``“十四五”时期是…的五年``), and the
  sentence that says why the plan is made (``…，制定本规划``);
- years in the titles of other documents, durations and recurrences, which
  ``timeexpr`` does not report in the first place.

``find_deadlines_in_sentence`` works on one sentence (the spaCy component uses
it on any text); ``extract_deadlines`` runs it over a document's paragraphs.
The words these rules rest on are in ``plantext/data/deadlines.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from plantext.extractors.sentences import paragraph_sentences
from plantext.layout import Layout
from plantext.models import Deadline
from plantext.numbers import compact_text, vocabulary_table
from plantext.timeexpr import TimeExpression, find_period, find_time_expressions


@dataclass(frozen=True)
class _DeadlineRules:
    event_dates: list[regex.Pattern]
    as_of_before: list[str]
    description_after: list[str]
    plan_statement_words: list[str]
    lead_in_marks: str
    lead_in_openers: list[str]
    clause_marks: regex.Pattern


def _build_rules(vocabulary) -> _DeadlineRules:
    return _DeadlineRules(
        event_dates=[regex.compile(pattern) for pattern in vocabulary["event_dates"]],
        as_of_before=vocabulary["as_of_before"],
        description_after=vocabulary["description_after"],
        plan_statement_words=vocabulary["plan_statement_words"],
        lead_in_marks=vocabulary["lead_in_marks"],
        lead_in_openers=vocabulary["lead_in_openers"],
        clause_marks=regex.compile(f"[{regex.escape(vocabulary['clause_marks'])}]"),
    )


def _rules() -> _DeadlineRules:
    return vocabulary_table(_build_rules, "deadlines")


def plan_start_year(layout: Layout) -> int | None:
    """The first year of the plan's period, named in its title (``“十四五”`` → 2021)."""
    period = find_period(layout.title)
    return period[0] if period else None


def is_past(expression: TimeExpression, plan_start: int | None) -> bool:
    """True when the expression ends before the plan's period begins."""
    return plan_start is not None and expression.year < plan_start


def governing_expressions(text: str) -> list[TimeExpression]:
    """The time expressions of a sentence that can govern what it says.

    These are the deadlines plus the dates of the past: a target stated under
    ``2020年，…`` is an achievement, so the caller needs to see that year to
    know that the numbers after it are no targets.  Left out are expressions
    that govern nothing (a point of reference, a description of the period).
    """
    rules = _rules()
    compact = compact_text(text).text
    if any(word in compact for word in rules.plan_statement_words):
        return []
    return [
        expression
        for expression in find_time_expressions(text)
        if not _is_reference(text, expression, rules)
    ]


def is_deadline(expression: TimeExpression, plan_start: int | None = None) -> bool:
    """True for an expression that sets when something must be done or reached."""
    if is_past(expression, plan_start):
        return False
    return not any(pattern.match(expression.raw) for pattern in _rules().event_dates)


def find_deadlines_in_sentence(text: str, plan_start: int | None = None) -> list[TimeExpression]:
    """The deadlines of one sentence, in order (offsets into ``text``).

    ``plan_start`` is the first year of the plan's period: expressions ending
    before it narrate the past.  Without it, no year counts as past.

    >>> [found.raw for found in find_deadlines_in_sentence("2022年底前，完成县级应急预案修编。", 2021)]
    ['2022年底前']
    """
    return [
        expression
        for expression in governing_expressions(text)
        if is_deadline(expression, plan_start)
    ]


def find_lead_in(text: str, plan_start: int | None = None) -> TimeExpression | None:
    """The last deadline of ``text`` that opens a clause and is set off by a comma
    or colon (``到2025年，…``, ``“十四五”时期，…``), or ``None``.

    A lead-in governs the targets that follow it, also beyond its sentence in
    the goals section of a plan.
    """
    rules = _rules()
    lead_in = None
    for expression in find_deadlines_in_sentence(text, plan_start):
        after = compact_text(text[expression.end :]).text[:1]
        clause_before = rules.clause_marks.split(compact_text(text[: expression.start]).text)[-1]
        if after and after in rules.lead_in_marks and (not clause_before or clause_before in rules.lead_in_openers):
            lead_in = expression
    return lead_in


def _is_reference(text: str, expression: TimeExpression, rules: _DeadlineRules) -> bool:
    """True for ``截至2016年`` (as of) and ``“十四五”时期是…`` (a description)."""
    # The expression may begin with the 至 of 截至, so its first character is
    # looked at together with the words before it.
    longest = max(len(word) for word in rules.as_of_before)
    before = compact_text(text[: expression.start + 1]).text[-(longest + 1) :]
    after = compact_text(text[expression.end :]).text
    if any(word in before for word in rules.as_of_before):
        return True
    return any(after.startswith(word) for word in rules.description_after)


def extract_deadlines(layout: Layout) -> list[Deadline]:
    """Every deadline of the document's prose (body and 专栏 paragraphs), in reading order."""
    plan_start = plan_start_year(layout)
    deadlines = []
    for paragraph in layout.paragraphs:
        for sentence in paragraph_sentences(paragraph):
            for expression in find_deadlines_in_sentence(sentence.text, plan_start):
                deadlines.append(
                    Deadline(
                        raw=expression.raw,
                        date=expression.date,
                        year=expression.year,
                        kind=expression.kind,
                        text=sentence.text,
                        page=sentence.page,
                    )
                )
    return deadlines
