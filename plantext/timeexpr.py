"""Time expressions that set when something must be done: 到2025年, 2022年底前, “十四五”末.

- ``find_time_expressions`` finds them in a sentence, ``parse_time_expression``
  reads one.  Each becomes a ``TimeExpression`` with the latest day it allows
  (``2022年底前`` → 2022-12-31, ``2023年年中`` → 2023-06-30).
- ``period_years`` and ``find_period`` read the names of five-year plan
  periods (``十四五`` → 2021–2025); ``find_period`` also reads a plan's years
  printed as a range (``（2021—2025年）``).

The patterns live in ``plantext/data/time_patterns.yaml`` and the period names
in ``plantext/data/periods.yaml``.  Input may have whitespace between Chinese
characters and digits (``到 2025 年``); ``raw`` is given without it.

These are expressions of time only: whether a year is past (narration) or
future (a commitment) is for the caller, who knows the plan's period.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import regex

from plantext.numbers import CompactText, alternation, compact_text, enclosed_pattern, parse_number
from plantext.vocab import vocabulary_table


@dataclass(frozen=True)
class TimeExpression:
    """A time expression in a sentence: ``到2025年`` → year 2025, date 2025-12-31, kind ``by``."""

    start: int  # offsets into the text searched
    end: int
    raw: str  # as printed, whitespace removed, quotes kept: “十四五”末
    year: int
    date: str  # ISO date of the latest day allowed
    kind: str  # by, on or during


@dataclass(frozen=True)
class _Pattern:
    regex: regex.Pattern
    kind: str
    date: str  # exact, end_of_month, start_of_month, part_of_month, end_of_period, middle_of_period or MM-DD
    year: int | None  # for patterns without a year group (本世纪中叶)
    clues: frozenset[str]  # a text holding none of these has no match
    years_after: int  # an MM-DD date falls this many years after the printed year
    # part_of_month: the last day of each part a group `part` names (中旬 → 20).
    part_days: dict[str, int]


@dataclass(frozen=True)
class _TimeRules:
    patterns: list[_Pattern]
    # A sentence without any of these words holds no time expression; most
    # sentences have none, and looking for the words costs a tenth of running
    # the patterns.  (The standard ``re`` is used for these plain words: it
    # searches several times faster.)
    clue_words: re.Pattern
    # Every clue word of the patterns: a sentence is looked at for each once,
    # not once for each pattern that needs it.
    pattern_clues: frozenset[str]
    titles: regex.Pattern  # 《…》: years in other documents' titles are not deadlines
    # The rest of a document's name printed without 《》 (…碳达峰行动方案),
    # matched right after an expression.
    document_name: regex.Pattern
    periods: dict[str, tuple[int, int]]  # every spelling of a period name → its years
    period_quotes: str
    year_range: regex.Pattern  # a plan's years: （2021—2025年）
    stage_words: tuple[str, ...]
    stage_definition: regex.Pattern  # 近期（2021—2025年）, 近期为2021—2025年
    bare_stage: _Pattern  # 近期，重点实施…: a stage named without its years
    # A plan for one year: the stage name its year goes by (plan_year_stage),
    # and what it dates within that year without printing it (3月底前, 年内).
    plan_year_stage: str
    yearless: list[_Pattern]


def _build_time_rules(time_patterns, periods, numerals, comparators) -> _TimeRules:
    spellings = _period_spellings(periods)
    quotes = periods["quotes"]
    period = (
        f"(?P<period>[{regex.escape(quotes['open'])}]?"
        f"(?:{alternation(spellings)})"
        f"[{regex.escape(quotes['close'])}]?)"
    )
    parts = _parts(time_patterns, comparators)
    patterns = [_pattern(entry, parts, period) for entry in time_patterns["patterns"]]
    return _TimeRules(
        patterns=patterns,
        clue_words=re.compile("|".join(map(re.escape, time_patterns["clue_words"]))),
        pattern_clues=frozenset(clue for pattern in patterns for clue in pattern.clues),
        titles=enclosed_pattern(numerals["title_brackets"]),
        document_name=_document_name_pattern(time_patterns["document_names"]),
        periods=spellings,
        period_quotes=quotes["open"] + quotes["close"],
        year_range=regex.compile(_insert_parts(periods["year_range"], parts)),
        stage_words=tuple(time_patterns["stage_words"]),
        stage_definition=regex.compile(_insert_parts(time_patterns["stage_definition"], parts)),
        bare_stage=_pattern(time_patterns["bare_stage"], parts, period),
        plan_year_stage=time_patterns["plan_year_stage"],
        yearless=[_pattern(entry, parts, period) for entry in time_patterns["yearless"]],
    )


def _pattern(entry: dict, parts: dict[str, str], period: str) -> _Pattern:
    expression = _insert_parts(entry["regex"], parts).replace("{period}", period)
    return _Pattern(
        regex.compile(expression),
        entry["kind"],
        str(entry["date"]),
        entry.get("year"),
        frozenset(entry.get("clues", ())),
        entry.get("years_after", 0),
        dict(entry.get("part_days", {})),
    )


def _parts(time_patterns, comparators) -> dict[str, str]:
    """The parts patterns are built from, with ``year`` made from ``any_year``,
    ``lead`` and ``verb_lead`` from the lead words and the verbs of change
    that end in one (提高到), and ``stage`` from the stage words (近期)."""
    lead_words = time_patterns["lead_words"]
    verb_stems = [verb[:-1] for verb in comparators["verbs"] if verb.endswith(tuple(lead_words))]
    parts = dict(time_patterns["parts"])
    parts["year"] = f"(?P<year>{parts['any_year']})"
    parts["lead"] = f"(?<!{alternation(verb_stems)}){alternation(lead_words)}"
    parts["verb_lead"] = f"(?:{alternation(verb_stems)})(?:{alternation(lead_words)})"
    parts["stage"] = alternation(time_patterns["stage_words"])
    parts["task_opener"] = alternation(time_patterns["task_openers"])
    return parts


def _insert_parts(expression: str, parts: dict[str, str]) -> str:
    for name, part in parts.items():
        # Grouped, so that a quantifier after {part} applies to all of it.
        expression = expression.replace("{" + name + "}", f"(?:{part})")
    return expression


def _document_name_pattern(names) -> regex.Pattern:
    """The rest of a document's name: up to ``longest_gap`` characters without
    punctuation, a verb of action or a preposition, then a document noun
    (行动方案, 纲要)."""
    gap = rf"(?:(?!{alternation(names['breaks'])})[\p{{Han}}A-Za-z0-9.]){{1,{names['longest_gap']}}}?"
    return regex.compile(gap + f"(?:{alternation(names['nouns'])})")


def _period_spellings(periods) -> dict[str, tuple[int, int]]:
    spellings = {}
    for name, period in periods["periods"].items():
        years = (period["start"], period["end"])
        spellings[name] = years
        for other in period.get("also", []):
            spellings[other] = years
    return spellings


def _rules() -> _TimeRules:
    return vocabulary_table(_build_time_rules, "time_patterns", "periods", "numerals", "comparators")


def find_time_expressions(text: str) -> list[TimeExpression]:
    """Every time expression in ``text``, in order; overlapping matches keep the longest.

    Years inside document titles (``《…二〇三五年远景目标纲要》``, also without
    the brackets: ``国家2030年前碳达峰行动方案``) are left out, and durations or
    recurrences (``每年``, ``三年行动``) are not time expressions.
    """
    if not may_hold_time_expressions(text):
        return []
    rules = _rules()
    compact = compact_text(text)
    titles = [found.span() for found in rules.titles.finditer(compact.text)]
    clues = {clue for clue in rules.pattern_clues if clue in compact.text}
    matches = []
    for pattern in rules.patterns:
        if pattern.clues and clues.isdisjoint(pattern.clues):
            continue  # most patterns, for most sentences; one without clues always runs
        for match in pattern.regex.finditer(compact.text):
            in_title = any(start < match.end() and match.start() < end for start, end in titles)
            if not in_title and not rules.document_name.match(compact.text, match.end()):
                matches.append((match, pattern))
    expressions = []
    for match, pattern in _longest_first(matches):
        expression = _expression(match, pattern, compact, rules)
        if expression is not None:
            expressions.append(expression)
    return expressions


def may_hold_time_expressions(text: str) -> bool:
    """False when no part of ``text`` holds a time expression, for it holds none
    of the clue words (``time_patterns.yaml``).

    The compact form of a sentence is a part of its paragraph's, so a paragraph
    that may hold none has no sentence with one: its sentences need not be read.
    """
    return _rules().clue_words.search(compact_text(text).text) is not None


def find_stage_years(texts: Iterable[str]) -> dict[str, tuple[int, int]]:
    """The years each stage of a plan covers, as the plan gives them
    (``近期（2021—2025年）``, ``其中近期为2021—2025年``): stage word → (first
    year, last year).  The first definition of a stage holds."""
    rules = _rules()
    stages: dict[str, tuple[int, int]] = {}
    for text in texts:
        if not any(word in text for word in rules.stage_words):
            continue  # most paragraphs
        for found in rules.stage_definition.finditer(compact_text(text).text):
            start, end = parse_number(found.group("start")), parse_number(found.group("year"))
            if start <= end:
                stages.setdefault(found.group("stage"), (start, end))
    return stages


def find_bare_stages(text: str, stages: Mapping[str, tuple[int, int]]) -> list[TimeExpression]:
    """The stages named without their years in ``text`` (``近期，重点实施…``),
    dated by the years ``stages`` gives them (see ``find_stage_years``); a
    stage the plan does not define is no time expression."""
    rules = _rules()
    plan_year = stages.get(rules.plan_year_stage) if stages else None
    if not stages or not (plan_year or any(word in text for word in stages)):
        return []
    pattern = rules.bare_stage
    compact = compact_text(text)
    expressions = []
    for match in pattern.regex.finditer(compact.text):
        years = stages.get(match.group("stage"))
        if years is not None:
            expressions.append(_dated(match, pattern, years[1], compact))
    if plan_year is not None:
        matches = [(match, yearless) for yearless in rules.yearless for match in yearless.regex.finditer(compact.text)]
        expressions += [_dated(match, yearless, plan_year[1], compact) for match, yearless in _longest_first(matches)]
    return sorted(filter(None, expressions), key=lambda expression: expression.start)


def plan_year_stage() -> str:
    """The stage name under which a plan for one year gives ``find_bare_stages`` its year."""
    return _rules().plan_year_stage


def _dated(match: regex.Match, pattern: _Pattern, year: int, compact: CompactText) -> TimeExpression | None:
    """The expression a pattern without a year matched, dated in ``year``."""
    latest_day = _latest_day(pattern, {**match.groupdict(), "year": str(year)}, None)
    if latest_day is None:
        return None
    start, end = compact.original_span(match.start(), match.end())
    return TimeExpression(start, end, match.group(), latest_day.year, latest_day.isoformat(), pattern.kind)


def parse_time_expression(raw: str) -> TimeExpression | None:
    """Read ``raw`` as one time expression (``2022 年底前``, ``“十四五”末``), or ``None``."""
    rules = _rules()
    compact = compact_text(raw)
    if not compact.text:
        return None
    for pattern in rules.patterns:
        match = pattern.regex.fullmatch(compact.text)
        expression = _expression(match, pattern, compact, rules) if match else None
        if expression is not None:
            return expression
    return None


def period_years(name: str) -> tuple[int, int] | None:
    """The years of a plan period: ``十四五``, ``“十四五”`` or ``第十四个五年`` → (2021, 2025)."""
    rules = _rules()
    return rules.periods.get(compact_text(name).text.strip(rules.period_quotes))


def find_period(text: str) -> tuple[int, int] | None:
    """The years of the first plan period named in ``text``, or ``None``.

    A period is named (``青海省“十四五”生态环境保护规划`` → 2021–2025) or printed
    as a range of years (``广东省生态环境保护规划（2021—2025年）``).
    """
    rules = _rules()
    compact = compact_text(text).text
    first = None
    for spelling, years in rules.periods.items():
        position = compact.find(spelling)
        if position >= 0 and (first is None or position < first[0]):
            first = (position, years)
    year_range = _first_year_range(compact, rules)
    if year_range is not None and (first is None or year_range[0] < first[0]):
        first = year_range
    return first[1] if first else None


def _first_year_range(compact: str, rules: _TimeRules) -> tuple[int, tuple[int, int]] | None:
    """Where the first range of years in ``compact`` is (``2021—2025年``), and its years."""
    for found in rules.year_range.finditer(compact):
        start, end = parse_number(found.group("start")), parse_number(found.group("end"))
        if start <= end:
            return found.start(), (start, end)
    return None


def _expression(match: regex.Match, pattern: _Pattern, compact: CompactText, rules: _TimeRules) -> TimeExpression | None:
    """The expression a pattern matched in ``compact``; ``None`` when the printed date does not exist."""
    groups = match.groupdict()
    period = rules.periods[groups["period"].strip(rules.period_quotes)] if groups.get("period") else None
    latest_day = _latest_day(pattern, groups, period)
    if latest_day is None:
        return None
    start, end = compact.original_span(match.start(), match.end())
    return TimeExpression(start, end, match.group(), latest_day.year, latest_day.isoformat(), pattern.kind)


def _latest_day(pattern: _Pattern, groups: dict, period: tuple[int, int] | None) -> date | None:
    """The latest day a pattern's date rule allows, or ``None`` when the printed date does not exist."""
    if pattern.date == "end_of_period":
        return date(period[1], 12, 31)
    if pattern.date == "middle_of_period":
        return date(_middle_year(period), 12, 31)
    if pattern.date == "early_of_period":
        return date(_middle_year(period) - 1, 12, 31)
    year = parse_number(groups["year"]) if groups.get("year") else pattern.year
    if pattern.date in ("exact", "end_of_month", "start_of_month", "part_of_month"):
        month = parse_number(groups["month"])
        if not 1 <= month <= 12:
            return None
        last_day = calendar.monthrange(year, month)[1]
        if pattern.date == "exact":
            day = parse_number(groups["day"])
        elif pattern.date == "start_of_month":
            day = 1
        elif pattern.date == "part_of_month":
            day = min(pattern.part_days[groups["part"]], last_day)
        else:
            day = last_day
        if not 1 <= day <= last_day:
            return None
        return date(year, month, day)
    month, day = (int(part) for part in pattern.date.split("-"))
    return date(year + pattern.years_after, month, day)


def _middle_year(period: tuple[int, int]) -> int:
    """The year of a period's mid-term review: the third of five."""
    return period[0] + (period[1] - period[0]) // 2


def _longest_first(matches: list[tuple[regex.Match, _Pattern]]) -> list[tuple[regex.Match, _Pattern]]:
    """Drop matches that overlap a longer (or, on a tie, earlier) one; keep text order."""
    kept: list[tuple[regex.Match, _Pattern]] = []
    for match, pattern in sorted(matches, key=lambda item: (item[0].start() - item[0].end(), item[0].start())):
        if all(match.end() <= other.start() or other.end() <= match.start() for other, _ in kept):
            kept.append((match, pattern))
    return sorted(kept, key=lambda item: item[0].start())
