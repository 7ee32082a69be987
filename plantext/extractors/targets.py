"""Targets: quantified commitments in the prose, one record per value.

A target is a quantity (``plantext.numbers.find_quantities``) governed by a
deadline: one in its sentence (the nearest before it, else the first after
it), or the lead-in of the goals section it is listed in (``“十四五”时期，…``
before the bullet points of 主要目标).  Deadlines listed together
(``到2025年和2030年，…分别达到45%和48%``) pair with as many values in order.  A
quantity governed by a year of the past (``2020年，全省…达97.2%``) or by a
year whose level is reported (``2021年，…浓度为26微克/立方米``) is no target,
nor are quantities that are names, durations, articles (``一个``), starting
points (``由64.5%``) and thresholds that scope a thing
(``30万千瓦及以上燃煤发电机组``, ``年销售汽油量大于5000吨的加油站``).  A sentence
reporting what has held since a year (``2020年以来，…``) takes no lead-in.

The metric is the phrase the sentence gives for what is measured, read from
the quantity's clause:

- ``X达到N`` (or any verb or comparator word of ``comparators.yaml``): X;
- ``N%以上的X达到Y`` (also ``X的N%以上达到Y``): ``达到Y的X比例``, after the
  scope printed before the share (``重点区域``); ``X达到Y的20%``: ``X占Y的比例``;
- ``系数不低于0.6``, ``效率降到1.3以下``: a measure without unit;
- ``治理沙化土地6.67万亩``: the clause before the amount, named by what the
  unit measures (``治理沙化土地面积``); ``建设10个示范县、100个示范乡镇``: each
  count with the things it counts;
- ``A和B分别达到N和M``: one metric per item of the list, paired in order,
  each completed from the others (``公路干线废旧路面材料回收率和循环利用率`` →
  ``…回收率``, ``公路干线废旧路面材料循环利用率``); a bracketed list after the
  values pairs the same way (``…达到95%、90%、70%（城市、县城、建制镇）``);
- a clause that names no metric, only a part of a whole (``占…比重``) or only
  a region (``其中西安市达到80%``) is completed from the value before it in
  the sentence, target or not; one opened by ``即`` from the goal the clause
  before it names; one naming only a verb (``淘汰3000辆``) from that verb's
  object in the clause before;
- a region opening the sentence's first target (``全省``, ``青海湖流域``) is
  part of each later metric of the sentence that names no scope of its own; a
  monitoring scope (``地级城市``) only of the later metrics of a quality
  monitored there (``浓度``); a later metric that prints words before the
  first one's measure (``汾渭平原细颗粒物浓度``) names a scope of its own.

``find_targets_in_sentence`` works on one sentence (the spaCy component uses
it); ``extract_targets`` walks a document's paragraphs and sections.  The
words these rules rest on are in ``plantext/data/targets.yaml``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Iterator, Mapping, Sequence

import jieba
import jieba.posseg
import regex

from plantext.extractors.deadlines import (
    find_deadlines_in_sentence,
    find_lead_in,
    governing_expressions,
    may_hold_deadlines,
    plan_stages,
    plan_start_year,
)
from plantext.extractors.sentences import Sentence, paragraph_sentences
from plantext.layout import BoxRegion, Heading, Layout, Paragraph, TableRegion
from plantext.models import Target, TargetDeadline
from plantext.numbers import (
    ARABIC_NUMBER,
    CompactText,
    Number,
    Quantity,
    alternation,
    compact_text,
    derived_from,
    enclosed_pattern,
    find_quantities,
    match_comparator,
    parse_number,
)
from plantext.timeexpr import TimeExpression
from plantext.vocab import vocabulary_table

# jieba reports loading its dictionary on first use; that is no news to a user.
jieba.setLogLevel(logging.WARNING)

# jieba's tags of place names, and of names it mistakes for people's (玉树).
_PLACE_FLAGS = ("ns", "nr")
# jieba's tags of verbs (v, vn, vd): a metric made of verbs alone names no object.
_VERB_FLAG = "v"
# Punctuation and spaces that may be left at either end of a metric.
_SEPARATORS = "，,、；;：: "


@dataclass(frozen=True)
class FoundTarget:
    """A target found in a sentence, before it becomes a ``Target`` record."""

    start: int  # offsets of the quantity in the sentence as given
    end: int
    metric: str
    value: Number
    unit: str | None
    comparator: str
    change: str
    deadline: TimeExpression


@dataclass(frozen=True)
class _Stated:
    """A value stated in a sentence, target or not: what it measures and the
    expression that governs it (``None`` when none does)."""

    quantity: Quantity
    metric: str  # empty when its clause names none
    comparator: str
    change: str
    deadline: TimeExpression | None


# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _TargetRules:
    goal_section_words: list[str]
    footnote_marks: regex.Pattern  # ② in 声环境功能区②夜间达标率: no part of a metric
    item_label: regex.Pattern  # 1. of 1.森林覆盖率：…, a list item's label
    base_year_before_value: regex.Pattern  # 2020年 of 森林覆盖率2020年为35.2%
    clause_marks: str
    brackets: list[tuple[str, str]]
    remark: regex.Pattern  # a bracketed remark, matched right after a value
    remark_openers: str
    triggers: regex.Pattern  # verbs and comparator words before a quantity
    respectively: set[str]
    list_conjunctions: regex.Pattern
    region_name_conjunctions: tuple[str, ...]
    starts_with_conjunction: regex.Pattern
    ends_with_conjunction: regex.Pattern
    alternative_words: tuple[str, ...]
    leading_words: tuple[str, ...]
    trailing_words: tuple[str, ...]
    part_of_whole: regex.Pattern  # 占 of 占能源消费总量比重
    restatement_words: tuple[str, ...]
    restated_goal: regex.Pattern
    goal_words: tuple[str, ...]
    comparison: regex.Pattern
    reported_since: regex.Pattern  # a year and 以来: 2020年以来
    titles: regex.Pattern  # 《…》: a year in another document's title
    baseline: regex.Pattern
    baseline_before: regex.Pattern
    per_before: list[str]
    duration_units: list[str]
    article_numerals: list[str]
    count_units: set[str]
    plan_parts_counted: tuple[str, ...]  # 指标: 约束性指标9项 describes the plan
    after_words: regex.Pattern  # 以上, 左右, … right after a quantity
    threshold_before: regex.Pattern  # 大于, 不低于, … right before a quantity
    after_target: regex.Pattern
    attributive: str  # the 的 of 大于5000吨的加油站
    share: regex.Pattern  # 的X达到Y, after a share and its comparator word
    share_after: regex.Pattern  # 完成Y, after a share whose things precede it (X的90%以上)
    share_units: list[str]
    share_metric: str  # a template of {verb}, {rest} and {things}
    share_of_whole: regex.Pattern  # X达到Y的, before a share of the whole Y
    share_of_whole_metric: str  # a template of {part} and {whole}
    amount_nouns: dict[str, str]
    regions: list[regex.Pattern]
    scopes: list[regex.Pattern]
    monitored_measures: list[list[str]]  # the measures of each monitored medium
    place_suffixes: tuple[str, ...]
    place_endings: tuple[str, ...]  # 区, 镇, …: 建成区 and 重点镇 name kinds of place
    qualifiers: regex.Pattern
    substances: regex.Pattern
    substance_at_end: regex.Pattern
    kind_nouns: tuple[str, ...]
    measure_heads: tuple[str, ...]
    measure_words: set[str]
    unitless: regex.Pattern  # 系数(由0.519)提高到0.57, 效率不超过1.3: the number, after the measure and a verb
    unitless_baseline: regex.Pattern  # 0.519 in 由0.519提高到: a starting point without unit
    opening_verb: regex.Pattern  # 减少 of 减少二氧化碳排放1500万吨: a verb before its object


def _build_rules(targets, comparators, time_patterns, numerals) -> _TargetRules:
    triggers = [*comparators["verbs"], *comparators["before_number"], *targets["trigger_words"]]
    verbs = alternation(comparators["verbs"])
    share_verbs = alternation(targets["share_verbs"])
    return _TargetRules(
        footnote_marks=regex.compile(targets["footnote_marks"]),
        item_label=regex.compile(targets["item_label"]),
        base_year_before_value=regex.compile(targets["base_year_before_value"]),
        goal_section_words=targets["goal_section_words"],
        clause_marks=targets["clause_marks"],
        brackets=[tuple(pair) for pair in targets["brackets"]],
        remark=enclosed_pattern(targets["remark_brackets"]),
        remark_openers="".join(open_ for open_, _ in targets["remark_brackets"]),
        triggers=regex.compile(alternation(triggers)),
        respectively=set(targets["respectively"]),
        list_conjunctions=regex.compile(targets["list_conjunctions"]),
        region_name_conjunctions=tuple(targets["region_name_conjunctions"]),
        starts_with_conjunction=regex.compile(f"^(?:{targets['list_conjunctions']})"),
        ends_with_conjunction=regex.compile(f"(?:{targets['list_conjunctions']})$"),
        alternative_words=tuple(targets["alternative_words"]),
        leading_words=tuple(targets["leading_words"]),
        trailing_words=tuple(targets["trailing_words"]),
        part_of_whole=regex.compile(alternation(targets["part_of_whole_words"])),
        restatement_words=tuple(targets["restatement_words"]),
        restated_goal=regex.compile(targets["restated_goal"].replace("{verbs}", verbs)),
        goal_words=tuple(targets["goal_words"]),
        comparison=regex.compile(targets["comparison"]),
        reported_since=regex.compile(
            f"(?:{time_patterns['parts']['any_year']})年(?:{alternation(targets['reported_since_words'])})"
        ),
        titles=enclosed_pattern(numerals["title_brackets"]),
        baseline=regex.compile(targets["baseline"]),
        baseline_before=regex.compile(f"(?:{targets['baseline']})$"),
        per_before=targets["per_before"],
        duration_units=targets["duration_units"],
        article_numerals=targets["article_numerals"],
        count_units=set(targets["count_units"]),
        plan_parts_counted=tuple(targets["plan_parts_counted"]),
        after_words=regex.compile(f"^(?:{alternation(comparators['after_number'])})"),
        threshold_before=regex.compile(f"(?:{alternation(comparators['before_number'])})$"),
        after_target=regex.compile(targets["after_target"]),
        attributive=targets["attributive"],
        share=regex.compile(targets["share"].replace("{verbs}", share_verbs)),
        share_after=regex.compile(targets["share_after"].replace("{verbs}", share_verbs)),
        share_units=targets["share_units"],
        share_metric=targets["share_metric"],
        share_of_whole=regex.compile(targets["share_of_whole"]),
        share_of_whole_metric=targets["share_of_whole_metric"],
        amount_nouns=targets["amount_nouns"],
        regions=[regex.compile(pattern) for pattern in targets["region_patterns"]],
        scopes=[regex.compile(pattern) for pattern in targets["scope_patterns"]],
        monitored_measures=list(targets["monitored_measures"].values()),
        place_suffixes=tuple(targets["place_suffixes"]),
        place_endings=tuple(targets["place_endings"]),
        qualifiers=regex.compile(alternation(targets["qualifiers"])),
        substances=regex.compile(alternation(targets["substances"])),
        substance_at_end=regex.compile(f"(?:{alternation(targets['substances'])})$"),
        kind_nouns=tuple(targets["kind_nouns"]),
        measure_heads=tuple(targets["measure_heads"]),
        measure_words=set(targets["measure_words"]),
        unitless_baseline=regex.compile(rf"{ARABIC_NUMBER}(?=(?:{verbs}))"),
        opening_verb=regex.compile(f"^(?:{verbs})"),
        unitless=regex.compile(
            rf"(?:{alternation(targets['unitless_measures'])})"
            # its abbreviation or a remark may follow the measure: 电能利用效率（PUE）控制在1.3以内
            rf"(?:{enclosed_pattern(targets['remark_brackets']).pattern})?"
            rf"(?:{targets['baseline']}{ARABIC_NUMBER})?"
            rf"(?:{verbs}|{alternation(comparators['before_number'])})(?P<number>{ARABIC_NUMBER})(?![0-9.])"
        ),
    )


def _rules() -> _TargetRules:
    return vocabulary_table(_build_rules, "targets", "comparators", "time_patterns", "numerals")


# ---------------------------------------------------------------------------
# One sentence
# ---------------------------------------------------------------------------


def find_targets_in_sentence(
    text: str,
    lead_in_deadline: TimeExpression | None = None,
    plan_start: int | None = None,
    stages: Mapping[str, tuple[int, int]] | None = None,
) -> list[FoundTarget]:
    """The targets of one sentence, in order.

    ``lead_in_deadline`` governs the quantities that no deadline of the
    sentence governs (the lead-in of a goals section); ``plan_start`` is the
    first year of the plan's period, before which years are the past;
    ``stages`` date the stages of the plan named without their years
    (``plan_stages``).  Offsets of the results point into ``text``.

    >>> [(t.metric, t.value, t.unit, t.comparator) for t in find_targets_in_sentence("到2025年，地级城市再生水利用率达到25%。")]
    [('地级城市再生水利用率', 25, '%', '>=')]
    """
    compact = compact_text(text)
    sentence = compact.text
    deadlines = find_deadlines_in_sentence(sentence, plan_start, stages)
    rules = _rules()
    if lead_in_deadline is not None and _reports_since(sentence, rules):
        lead_in_deadline = None
    if lead_in_deadline is not None:
        deadlines.append(lead_in_deadline)
    if not deadlines:
        return []  # nothing could govern a quantity: a target needs a date
    expressions = governing_expressions(sentence, stages)
    stated: list[tuple[int, _Stated]] = []  # every value, with the start of its clause
    previous: _Stated | None = None
    previous_clause = ""
    previous_statement = ""  # the clause before without its dates, for the object of a verb
    for clause_start, clause_end in _clauses(sentence, rules):
        # A clause may state its metric twice (达到70%以上或比2020年提高5个百分点):
        # each statement reads its metric from its own part of the clause.
        part_start = clause_start
        for group in _value_groups(sentence, clause_start, clause_end, expressions, rules):
            governing = _governing_each(sentence, expressions, group, clause_end, lead_in_deadline, rules)
            restated = _restated_goal(sentence[part_start:clause_end], previous_clause, rules) or _label_before(
                sentence, clause_start, previous_statement, rules
            )
            # A value inside a remark (…300万亩（其中人工造林100万亩）) is stated by the remark.
            start = max(part_start, _remark_start(sentence, clause_start, group[0].start, rules))
            for value in _group_values(sentence, start, clause_end, group, governing, expressions, rules):
                value = _with_object_before(value, previous_statement, rules)
                previous = _completed(value, previous, restated, rules)
                stated.append((clause_start, previous))
            part_start = _alternative_start(sentence, group[-1].end, clause_end, rules) or part_start
        previous_clause = sentence[clause_start:clause_end]
        previous_statement = _without_expressions(sentence, clause_start, clause_end, expressions)
    targets = [
        (clause_start, _target(value))
        for clause_start, value in _without_thresholds(stated)
        if value.metric and value.deadline in deadlines and not _counts_plan_parts(value, rules)
    ]
    return [_in_original(target, compact) for target in _with_opening_scope(sentence, targets, expressions, rules)]


def _reports_since(sentence: str, rules: _TargetRules) -> bool:
    """True when the sentence reports what has held since a year (``2020年以来，
    …保持在90%以上``): it tells the past, in a form no time pattern reads, so
    no lead-in governs it.  Other years that are no time expression date
    nothing (较2020年, 在2020年基础上, 2021年度, a title's year)."""
    return rules.reported_since.search(rules.titles.sub("", sentence)) is not None


def _without_thresholds(stated: list[tuple[int, _Stated]]) -> list[tuple[int, _Stated]]:
    """The values that are not thresholds defining a later value's metric.

    ``浓度>35微克/立方米的天数比例控制在5%以内`` states one target, the share
    of days; the 35 is printed again inside that target's metric, and a value
    printed inside the metric of a later value of its clause is part of it.
    """
    kept = []
    for index, (clause_start, value) in enumerate(stated):
        defines_later_metric = any(
            later_clause == clause_start and later.quantity.start >= value.quantity.end and value.quantity.raw in later.metric
            for later_clause, later in stated[index + 1 :]
        )
        if not defines_later_metric:
            kept.append((clause_start, value))
    return kept


def _counts_plan_parts(value: _Stated, rules: _TargetRules) -> bool:
    """True for a count of the plan's own parts (``其中约束性指标9项``): the
    plan describing itself, no target."""
    return value.quantity.unit in rules.count_units and value.metric.endswith(rules.plan_parts_counted)


def _target(value: _Stated) -> FoundTarget:
    """The target record of a value governed by a deadline; the footnote
    marks printed in its metric (声环境功能区②夜间达标率) are left out."""
    return FoundTarget(
        start=value.quantity.start,
        end=value.quantity.end,
        metric=_rules().footnote_marks.sub("", value.metric),
        value=value.quantity.value,
        unit=value.quantity.unit,
        comparator=value.comparator,
        change="multiple" if value.quantity.multiple else value.change,
        deadline=value.deadline,
    )


def _in_original(target: FoundTarget, compact: CompactText) -> FoundTarget:
    """The target with the offsets of its quantity in the text as given."""
    start, end = compact.original_span(target.start, target.end)
    return replace(target, start=start, end=end)


def _clauses(sentence: str, rules: _TargetRules) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a sentence: split at commas, semicolons,
    colons and end marks that are not inside brackets or quotes."""
    clauses = []
    start = 0
    depth = 0
    openers = {open_ for open_, _ in rules.brackets}
    closers = {close for _, close in rules.brackets}
    for position, char in enumerate(sentence):
        if char in openers:
            depth += 1
        elif char in closers:
            depth = max(depth - 1, 0)
        elif char in rules.clause_marks and depth == 0:
            clauses.append((start, position))
            start = position + 1
    clauses.append((start, len(sentence)))
    return [
        statement
        for start, end in clauses
        if end > start
        for statement in _joined_statements(sentence, start, end, rules)
    ]


def _joined_statements(sentence: str, start: int, end: int, rules: _TargetRules) -> list[tuple[int, int]]:
    """(start, end) of the statements of one clause: a conjunction after a
    value that joins a second metric with a verb and value of its own
    (``森林覆盖率达到30%以上和草原综合植被盖度达到60%``) parts two statements,
    each read as a clause; a list of values (``分别达到98%和85%``) stays one."""
    clause = sentence[start:end]
    if not rules.list_conjunctions.search(clause):
        return [(start, end)]  # most clauses
    statements = []
    statement_start = 0
    quantities = find_quantities(clause)
    for quantity, following in zip(quantities, quantities[1:]):
        between = clause[quantity.end : following.start]
        after_word = rules.after_words.match(between)
        rest = between[after_word.end() :] if after_word else between
        conjunction = rules.starts_with_conjunction.match(rest)
        if conjunction is None or not _states_metric_and_verb(rest[conjunction.end() :], rules):
            continue
        conjunction_start = quantity.end + len(between) - len(rest)
        statements.append((start + statement_start, start + conjunction_start))
        statement_start = conjunction_start + conjunction.end()
    statements.append((start + statement_start, end))
    return statements


def _states_metric_and_verb(text: str, rules: _TargetRules) -> bool:
    """True for the words of a statement before its value: a metric, then a
    verb or comparator word (草原综合植被盖度达到)."""
    trigger = _last_trigger(text, rules)
    return trigger is not None and bool(_clean(text[: trigger.start()], rules))


def _alternative_start(sentence: str, value_end: int, clause_end: int, rules: _TargetRules) -> int | None:
    """Where another statement of a value's metric begins, when the value is
    followed by one (``达到70%以上或比2020年提高5个百分点``: after 或), else ``None``."""
    after = _after_value(sentence[value_end:clause_end], rules)
    for word in rules.alternative_words:
        if after.startswith(word):
            return clause_end - len(after) + len(word)
    return None


def _remark_start(sentence: str, clause_start: int, position: int, rules: _TargetRules) -> int:
    """Where the text of the bracketed remark that holds ``position`` begins
    (right after its opening bracket), or ``clause_start`` outside remarks."""
    for opening in range(position - 1, clause_start - 1, -1):
        if sentence[opening] in rules.remark_openers:
            closed = rules.remark.match(sentence, opening)
            if closed is None or closed.end() > position:
                return opening + 1
    return clause_start


def _value_groups(
    sentence: str, clause_start: int, clause_end: int, expressions: Sequence[TimeExpression], rules: _TargetRules
) -> list[list[Quantity]]:
    """The candidate quantities of a clause, grouped into lists of values
    (``98%和85%``, ``1.84万吨、0.7万吨、2.27万吨和0.03万吨``, ``10个示范县、100个示范乡镇``)."""
    clause = sentence[clause_start:clause_end]
    candidates = [
        replace(quantity, start=quantity.start + clause_start, end=quantity.end + clause_start)
        for quantity in find_quantities(clause)
    ]
    candidates = _with_unitless_values(sentence, clause_start, clause_end, candidates, rules)
    candidates = [
        quantity
        for quantity in candidates
        if _is_candidate(sentence, quantity, clause_start, clause_end, expressions, rules)
    ]
    groups: list[list[Quantity]] = []
    for quantity in candidates:
        if groups and _joined_as_list(groups[-1][-1], quantity, sentence[groups[-1][-1].end : quantity.start], rules):
            groups[-1].append(quantity)
        else:
            groups.append([quantity])
    # A count that names things before other values of its clause is part of
    # their metric (四项主要污染物排放总量分别下降…), not a target of its own.
    return [
        group
        for index, group in enumerate(groups)
        if index == len(groups) - 1 or not _counted_things(sentence[group[-1].end : clause_end], group[-1], rules)
    ]


def _with_unitless_values(
    sentence: str, clause_start: int, clause_end: int, quantities: list[Quantity], rules: _TargetRules
) -> list[Quantity]:
    """The clause's quantities and, in order among them, the numbers that a
    measure without a unit reaches (系数提高到0.57), unless a unit follows
    them (then they are quantities already)."""
    taken = {quantity.start for quantity in quantities}
    unitless = [
        Quantity(
            start=found.start("number"),
            end=found.end("number"),
            raw=found.group("number"),
            value=parse_number(found.group("number")),
            value_high=None,
            unit=None,
            value_base=None,
            unit_base=None,
        )
        for found in rules.unitless.finditer(sentence, clause_start, clause_end)
        if found.start("number") not in taken
    ]
    return sorted(quantities + unitless, key=lambda quantity: quantity.start)


def _joined_as_list(previous: Quantity, quantity: Quantity, between: str, rules: _TargetRules) -> bool:
    """True when ``between`` joins two values of one list: a conjunction
    (``98%和85%``), also after the first value's comparator word
    (``86%以上和85%以上``, ``95%左右、90%左右``); between two counts the
    things the first one counts and a conjunction (``10个示范县、100个``);
    between two values of any unit a conjunction and the thing the second
    measures (``造林25万亩、森林抚育40万亩``)."""
    after_word = rules.after_words.match(between)
    if rules.list_conjunctions.fullmatch(between[after_word.end() :] if after_word else between):
        return True
    split = _things_between_values(between, rules)
    if split is None or find_quantities(between):
        # Another quantity printed between them (30万千瓦、60万千瓦机组…10台)
        # makes them no neighbours in a list.
        return False
    # A measure followed by a noun scopes that noun (30万千瓦燃煤机组): only
    # counts name their things after them.
    named_after_first, _ = split
    return not named_after_first or (previous.unit in rules.count_units and quantity.unit in rules.count_units)


def _things_between_values(between: str, rules: _TargetRules) -> tuple[str, str] | None:
    """The text between two values of a list, past the first value's
    comparator word, split at the conjunction into the things the first
    counts and those the second measures: ("示范县", "") in 10个示范县、100个,
    ("", "美丽海湾") in 50条和美丽海湾3个, ("", "森林抚育") in 25万亩以上、森林抚育;
    ``None`` when there are no things on one side of a conjunction."""
    between = _after_comparator_word(between, rules)
    after_first = rules.ends_with_conjunction.search(between)
    if after_first and after_first.start() > 0:
        return between[: after_first.start()], ""
    before_second = rules.starts_with_conjunction.match(between)
    if before_second and before_second.end() < len(between):
        return "", between[before_second.end() :]
    return None


def _is_candidate(
    sentence: str,
    quantity: Quantity,
    clause_start: int,
    clause_end: int,
    expressions: Sequence[TimeExpression],
    rules: _TargetRules,
) -> bool:
    """False for quantities that cannot be targets whatever governs them."""
    if any(quantity.start < expression.end and expression.start < quantity.end for expression in expressions):
        return False
    if quantity.unit in rules.duration_units:
        return False
    if quantity.value == 1 and quantity.raw[:1] in rules.article_numerals:
        return False
    before = sentence[clause_start : quantity.start]
    if any(before.endswith(word) for word in rules.per_before) or rules.baseline_before.search(before):
        return False
    after = sentence[quantity.end : clause_end]
    if rules.after_target.match(_after_value(after, rules)):
        return not _qualifies_a_noun(before, after, quantity, rules)
    if _is_share_of_things_before(before, after, quantity, rules) or _is_share_of_things_after(after, quantity, rules):
        return True
    if _names_next_value(after, rules):
        return True
    # A quantity followed by the name of a thing: a count of those things
    # (400个建制村) is a target, a measure (30万千瓦及以上燃煤发电机组) scopes them.
    return quantity.unit in rules.count_units


def _is_share_of_things_before(before: str, after: str, quantity: Quantity, rules: _TargetRules) -> bool:
    """True for a share of the things printed before it that meet what follows:
    钢铁产能的90%以上完成超低排放改造."""
    return (
        quantity.unit in rules.share_units
        and before.endswith(rules.attributive)
        and rules.share_after.match(_after_comparator_word(after, rules)) is not None
    )


def _is_share_of_things_after(after: str, quantity: Quantity, rules: _TargetRules) -> bool:
    """True for a share of the things printed after it that meet what
    follows, without 的 between (60%以上可治理沙化土地得到治理)."""
    return quantity.unit in rules.share_units and rules.share.match(_after_comparator_word(after, rules)) is not None


def _names_next_value(after: str, rules: _TargetRules) -> bool:
    """True when a conjunction follows a value and then the thing the next
    value of the clause measures (25万亩、森林抚育40万亩): the value closes
    an item of a list, as it would before the end of its clause."""
    rest = _after_comparator_word(after, rules)
    conjunction = rules.starts_with_conjunction.match(rest)
    if conjunction is None:
        return False
    following = find_quantities(rest)
    return bool(following) and bool(_clean(rest[conjunction.end() : following[0].start], rules))


def _qualifies_a_noun(before: str, after: str, quantity: Quantity, rules: _TargetRules) -> bool:
    """True for a measure stated as a threshold and followed by 的 and a noun,
    which it qualifies: 年销售汽油量大于5000吨的加油站.  A share (90%以上的钢铁
    产能) and a count (10个以上的示范县) stay targets, as does a goal
    (新增造林100万亩以上的目标)."""
    if quantity.unit in rules.share_units or quantity.unit in rules.count_units:
        return False
    if not _qualified_noun(_after_value(after, rules), rules):
        return False
    return bool(rules.threshold_before.search(before) or rules.after_words.match(after))


# The word a noun phrase opens with: its run of Chinese characters.
_HAN_RUN = regex.compile(r"\p{Han}+")


def _qualified_noun(rest: str, rules: _TargetRules) -> str:
    """The noun after the 的 that opens ``rest`` (的加油站 → 加油站); "" when
    there is no 的 or the noun is a goal (的目标, 的建设任务)."""
    if not rest.startswith(rules.attributive):
        return ""
    noun = rest[len(rules.attributive) :]
    word = _HAN_RUN.match(noun)
    return "" if word and word.group().endswith(rules.goal_words) else noun


def _after_comparator_word(after: str, rules: _TargetRules) -> str:
    found = rules.after_words.match(after)
    return after[found.end() :] if found else after


def _after_value(after: str, rules: _TargetRules) -> str:
    """What follows a value past its comparator word and a bracketed remark
    (``86.8%以上（国家考核目标）``)."""
    after = _after_comparator_word(after, rules)
    remark = rules.remark.match(after)
    return after[remark.end() :] if remark else after


def _governing(
    expressions: Sequence[TimeExpression], position: int, clause_end: int, lead_in_deadline: TimeExpression | None
) -> TimeExpression | None:
    """The expression that governs a quantity at ``position``: the nearest before
    it in the sentence, else the first after it, else the lead-in.  A date in
    a later clause dates that clause's work (淘汰柴油货车2.3万辆，2022年年底前
    完成监控平台建设), not this one's; a period there still spans the sentence
    (每年完成改造1万亩以上，“十五五”期间累计改造5万亩)."""
    before = [expression for expression in expressions if expression.end <= position]
    if before:
        return before[-1]
    after = [
        expression
        for expression in expressions
        if expression.start >= position and (expression.start < clause_end or expression.kind == "during")
    ]
    return after[0] if after else lead_in_deadline


def _governing_each(
    sentence: str,
    expressions: Sequence[TimeExpression],
    group: list[Quantity],
    clause_end: int,
    lead_in_deadline: TimeExpression | None,
    rules: _TargetRules,
) -> list[TimeExpression | None]:
    """The expression that governs each value of a list: a list of as many
    expressions before it pairs with the values in order (``到2025年和2030年，
    …分别达到45%和48%``); a value printed after a year of its own
    (``提高到2025年的80%以上、2030年的85%以上``) is governed by that year;
    otherwise the one that governs the first governs all."""
    listed = _listed_before(sentence, expressions, group[0].start, rules)
    if len(group) > 1 and len(listed) == len(group):
        return listed
    first = _governing(expressions, group[0].start, clause_end, lead_in_deadline)
    return [_own_year(sentence, expressions, quantity, rules) or first for quantity in group]


def _own_year(
    sentence: str, expressions: Sequence[TimeExpression], quantity: Quantity, rules: _TargetRules
) -> TimeExpression | None:
    """The expression printed right before a value and its 的 (the 2030年 of
    2030年的85%), which dates that value alone; ``None`` when there is none."""
    for expression in expressions:
        if sentence[expression.end : quantity.start] == rules.attributive:
            return expression
    return None


def _listed_before(
    sentence: str, expressions: Sequence[TimeExpression], position: int, rules: _TargetRules
) -> list[TimeExpression]:
    """The last expressions before ``position`` that form one list (joined by
    conjunctions: ``到2025年、2030年``); a single expression is a list of one."""
    before = [expression for expression in expressions if expression.end <= position]
    listed = before[-1:]
    for earlier in reversed(before[:-1]):
        if not rules.list_conjunctions.fullmatch(sentence[earlier.end : listed[0].start]):
            break
        listed.insert(0, earlier)
    return listed


# ---------------------------------------------------------------------------
# Metrics
# ---------------------------------------------------------------------------


def _group_values(
    sentence: str,
    part_start: int,
    clause_end: int,
    group: list[Quantity],
    governing: list[TimeExpression | None],
    expressions: Sequence[TimeExpression],
    rules: _TargetRules,
) -> list[_Stated]:
    """The values of one list, each with the metric its clause names (possibly
    none), its comparator, change and governing expression."""
    before = _without_baselines(_without_expressions(sentence, part_start, group[0].start, expressions), rules)
    after = sentence[group[-1].end : clause_end]
    # The text after each value up to the next: the things a count counts.
    # The year of a value listed after another (、2030年的85%) dates it and
    # names nothing, nor does the 的 joining it to the value.
    betweens = [
        _without_own_years(sentence, quantity.end, following.start, expressions, rules)
        for quantity, following in zip(group, group[1:])
    ]
    comparator, change = match_comparator(_stating_words(before, rules), after)
    metrics = _metrics(before, betweens + [after], group, rules)
    items = _bracketed_items(after, rules)
    if len(group) > 1 and len(items) == len(group):
        metrics = [
            (quantity, _with_scope_named(metric, item, rules)) for (quantity, metric), item in zip(metrics, items)
        ]
    deadline_of = dict(zip(group, governing))
    return [_Stated(quantity, metric, comparator, change, deadline_of[quantity]) for quantity, metric in metrics]


def _stating_words(before: str, rules: _TargetRules) -> str:
    """The words of ``before`` (a clause up to its value) that state how the
    value relates to its metric, for its comparator and change: the verbs and
    comparator words right before the value (下降不低于, 降至, ≤), or, when
    none stands there, the verb that opens the metric as its object
    (减少二氧化碳排放1500万吨).  A change word inside the metric's name states
    no change: the 增加 of 万元工业增加值用水量≤28立方米."""
    start = _stating_start(before, rules)
    if start < len(before):
        return before[start:]
    metric = _clean(before, rules)
    opening = rules.opening_verb.match(metric, len(scope_prefix(metric, rules)))
    return opening.group() if opening else ""


def _stating_start(before: str, rules: _TargetRules) -> int:
    """Where the verbs and comparator words right before the value begin
    (the 降低 of 能耗降低约15%), or ``len(before)`` when none stands there."""
    start = len(before)
    trigger = _last_trigger(before, rules)
    while trigger is not None:
        start = trigger.start()
        trigger = _last_trigger(before[:start], rules)
    return start


def _without_expressions(sentence: str, start: int, end: int, expressions: Sequence[TimeExpression]) -> str:
    """``sentence[start:end]`` with the time expressions in it cut out."""
    kept = []
    position = start
    for expression in expressions:
        if expression.start >= position and expression.end <= end:
            kept.append(sentence[position : expression.start])
            position = expression.end
    kept.append(sentence[position:end])
    return "".join(kept)


def _without_own_years(
    sentence: str, start: int, end: int, expressions: Sequence[TimeExpression], rules: _TargetRules
) -> str:
    """``sentence[start:end]``, the text between two values of a list, without
    the year that dates the second and its 的 (以上、2030年的 → 以上、)."""
    for expression in expressions:
        if start <= expression.start and expression.end <= end and sentence[expression.end : end] == rules.attributive:
            return sentence[start : expression.start]
    return sentence[start:end]


def _without_baselines(text: str, rules: _TargetRules) -> str:
    """``text`` without the starting points it states (``由2020年的7.5%``)."""
    for found in rules.baseline.finditer(text):
        end = _baseline_end(text, found.end(), rules)
        if end is not None:
            return text[: found.start()] + _without_baselines(text[end:], rules)
    return text


def _baseline_end(text: str, position: int, rules: _TargetRules) -> int | None:
    """Where the starting point printed at ``position`` ends: a quantity, or a
    number without unit before a verb (由0.519提高到)."""
    quantities = find_quantities(text[position:])
    if quantities and quantities[0].start == 0:
        return position + quantities[0].end
    bare = rules.unitless_baseline.match(text, position)
    return bare.end() if bare else None


def _bracketed_items(after: str, rules: _TargetRules) -> list[str]:
    """The items of a bracketed list right after a list of values
    (``（城市、县城、建制镇）``), or ``[]``."""
    remark = rules.remark.match(_after_comparator_word(after, rules))
    return _list_items(remark.group()[1:-1], rules) if remark else []


def _with_scope_named(metric: str, scope: str, rules: _TargetRules) -> str:
    """``metric`` with ``scope`` in place of its own scope: 城镇污水处理率 → 城市污水处理率."""
    return scope + metric[len(scope_prefix(metric, rules)) :]


def _metrics(before: str, afters: list[str], group: list[Quantity], rules: _TargetRules) -> list[tuple[Quantity, str]]:
    """The metric of each value of ``group`` (an empty string where there is
    none); a list of metrics with one value gives one pair per metric.
    ``afters`` holds the text after each value, up to the next value or the
    end of the clause."""
    first, after = group[0], afters[-1]
    trigger = _last_trigger(before, rules)
    share = _share_metric(before, after, rules) if trigger is None and first.unit in rules.share_units else ""
    if share:
        return [(quantity, share) for quantity in group]
    # The words before the first value, less its verbs and comparator words (下降不低于).
    opening = before[: _stating_start(before, rules)]
    named = _things_named_before_values(afters, group, rules)
    if named:
        return list(zip(group, [_clean(opening, rules)] + named))
    if trigger is not None:
        subject = _clean(opening, rules)
    else:
        counted = _count_list_metrics(before, afters, group, rules)
        if counted:
            return list(zip(group, counted))
        # 治理沙化土地6.67万亩, 完成400个建制村生活污水治理任务
        things = _counted_things(after, first, rules)
        subject = _clean(before + things, rules)
        noun = rules.amount_nouns.get(first.unit_base, "")
        if subject and not things and not subject.endswith(noun):
            subject += noun
    # Whole words: the 均 of 年均浓度 is no 均 (each).
    respectively = _holds_word(before, rules.respectively)
    items = _list_items(subject, rules) if respectively or len(group) > 1 else [subject]
    if len(items) > 1:
        items = _places_sharing_metric(items, rules) or _complete_items(items, rules)
    if len(items) == 1:
        return [(quantity, items[0]) for quantity in group]
    if len(group) == 1:
        # 化学需氧量和氨氮排放总量分别下降8%: every item reaches the one value.
        return [(first, item) for item in items] if respectively else [(first, subject)]
    return list(zip(group, items + [""] * len(group)))


def _share_metric(before: str, after: str, rules: _TargetRules) -> str:
    """The metric of a share stated without a verb before it, or "":

    - ``（重点区域）90%以上的钢铁产能完成超低排放改造``: 重点区域完成超低排放改造的
      钢铁产能比例, the words before the share opening the metric;
    - ``重点区域钢铁产能的90%以上完成超低排放改造``: the same, the things
      printed before the share, after its scope;
    - ``新能源汽车新车销售量达到汽车新车销售总量的20%``: 新能源汽车新车销售量占
      汽车新车销售总量的比例.
    """
    after = _after_comparator_word(after, rules)
    share = rules.share.match(after)
    if share:
        return _clean(before, rules) + _clean(rules.share_metric.format(**share.groupdict()), rules)
    if not before.endswith(rules.attributive):
        return ""
    whole = rules.share_of_whole.match(before)
    if whole:
        part, whole_named = _clean(whole.group("part"), rules), _clean(whole.group("whole"), rules)
        return rules.share_of_whole_metric.format(part=part, whole=whole_named) if part and whole_named else ""
    share = rules.share_after.match(after)
    if share:
        things = _clean(before, rules)
        scope = scope_prefix(things, rules)
        return scope + _clean(rules.share_metric.format(things=things[len(scope) :], **share.groupdict()), rules)
    return ""


def _last_trigger(before: str, rules: _TargetRules) -> regex.Match | None:
    """The verb or comparator word right before the quantity (only filler such
    as 分别 or 平均 may come between), the longest on a tie; ``None`` if none."""
    last = None
    for found in rules.triggers.finditer(before, overlapped=True):
        if not _is_filler(before[found.end() :], rules):
            continue
        if last is None or found.end() > last.end() or (found.end() == last.end() and found.start() < last.start()):
            last = found
    return last


def _is_filler(gap: str, rules: _TargetRules) -> bool:
    """True when the words between a verb and its quantity are no metric (分别, 平均)."""
    return not _clean(gap, rules)


def _counted_things(after: str, quantity: Quantity, rules: _TargetRules) -> str:
    """The things a count names after it: 400个建制村生活污水治理任务, also
    after 的 (10个以上的示范县), but not a goal (…个的目标)."""
    if quantity.unit not in rules.count_units:
        return ""
    rest = _things_named(after, rules)
    return "" if rules.after_target.match(rest) else rest


def _things_named(after: str, rules: _TargetRules) -> str:
    """The text after a count without its comparator word, remark and 的
    (以上的示范县 → 示范县); a goal keeps its 的 (的目标)."""
    rest = _after_value(after, rules)
    return _qualified_noun(rest, rules) or rest


def _things_named_before_values(afters: list[str], group: list[Quantity], rules: _TargetRules) -> list[str]:
    """The metrics of the values after the first of a list whose items each
    name their thing before their value, or ``[]`` for other lists: 建成示范区
    10个、创新基地5个 → 创新基地, 累计完成造林25万亩、森林抚育40万亩 → 森林抚育.
    The first item's words before its value are its metric (the verb printed
    once opens it)."""
    if len(group) < 2:
        return []
    splits = [_things_between_values(between, rules) for between in afters[:-1]]
    if any(split is None or not split[1] for split in splits):
        return []
    return [_clean(before_value, rules) for _, before_value in splits]


def _count_list_metrics(before: str, afters: list[str], group: list[Quantity], rules: _TargetRules) -> list[str]:
    """The metrics of a list of counts each naming what it counts after it,
    or ``[]`` for other lists: 建设10个示范县、100个示范乡镇 → 建设示范县,
    建设示范乡镇."""
    if len(group) < 2 or any(quantity.unit not in rules.count_units for quantity in group):
        return []
    splits = [_things_between_values(between, rules) for between in afters[:-1]]
    if any(split is None or not split[0] for split in splits):
        return []
    things = [_things_named(after_count, rules) for after_count, _ in splits]
    things.append(_counted_things(afters[-1], group[-1], rules))
    return [_clean(before + thing, rules) for thing in things]


def _clean(metric: str, rules: _TargetRules) -> str:
    """A metric without the words around it that are not part of it.

    Words are dropped as whole jieba tokens, so that the 使 of 使用率 stays.
    """
    metric = rules.base_year_before_value.sub("", rules.comparison.sub("", metric)).strip(_SEPARATORS)
    if not metric:
        return ""
    if not metric.startswith(rules.leading_words) and not metric.endswith(rules.trailing_words):
        # jieba's words are a partition of the text: its first (last) word is
        # a leading (trailing) one only if the text starts (ends) with that
        # word, and separators are already stripped.  Most metrics need no cut.
        return metric
    words = _words(metric)
    while words and (words[0] in rules.leading_words or words[0].strip(_SEPARATORS) == ""):
        words.pop(0)
    while words and (words[-1] in rules.trailing_words or words[-1].strip(_SEPARATORS) == ""):
        words.pop()
    return "".join(words)


def _holds_word(text: str, words: set[str]) -> bool:
    """True when one of jieba's words of ``text`` is one of ``words``; the
    text is cut only when one of them is printed in it at all."""
    return any(word in text for word in words) and any(word in words for word in _words(text))


def _words(text: str) -> list[str]:
    """jieba's words of ``text``.  A sentence's clauses and metrics are cut
    several times over, so each text is cut once per document (see
    ``derived_from``); the caller gets a list of its own."""
    return list(derived_from(text, _cut))


def _cut(text: str) -> tuple[str, ...]:
    return tuple(jieba.lcut(text))


def _tagged_words(text: str) -> list:
    """jieba's words of ``text`` with their part-of-speech tags, cut once per document."""
    return list(derived_from(text, _cut_tagged))


def _cut_tagged(text: str) -> tuple:
    return tuple(jieba.posseg.lcut(text))


# ---------------------------------------------------------------------------
# Metrics completed from the rest of the sentence
# ---------------------------------------------------------------------------


def _completed(value: _Stated, previous: _Stated | None, restated: str, rules: _TargetRules) -> _Stated:
    """The value with its metric completed from what the sentence measured
    before it: a clause naming no metric, or only a goal (国家下达目标),
    measures what the value before it measured (or the goal it restates);
    ``占…比重`` names the whole of the previous metric's part; a region alone
    takes the previous measure; a measure alone (治理面积) takes the object of
    the previous metric."""
    metric = value.metric
    if not metric:
        metric = previous.metric if previous else restated
    elif previous is None:
        return value
    elif metric.endswith(rules.goal_words):
        metric = previous.metric
    elif rules.part_of_whole.match(metric):
        metric = _part_measured(previous.metric, rules) + metric
    elif scope_prefix(metric, rules) == metric:
        # 西宁市…比例达到90%，海东市达到88% → 海东市空气质量优良天数比例
        metric = _in_scope(metric, previous.metric, rules)
    else:
        metric = _with_object_measured_before(metric, previous.metric, rules)
    return replace(value, metric=metric)


def _in_scope(scope: str, previous_metric: str, rules: _TargetRules) -> str:
    """The previous metric measured in ``scope``, a clause's subject that
    names only a scope.  ``scope`` takes the place of the previous metric's
    scope of the same kind of place (the same ending: 地区, 市) and of the
    scopes before it, and keeps those after it: 东部地区农村生活污水治理率…，
    中西部有条件的地区达到… → 中西部有条件的地区农村生活污水治理率; 全省地级城市
    空气质量优良天数比例…，西安市达到… → 西安市空气质量优良天数比例.  Without
    one, it takes the place of all the scopes: 城市生活垃圾回收利用率…，县城
    达到… → 县城生活垃圾回收利用率."""
    kind = _place_kind(scope, rules)
    replaced = len(scope_prefix(previous_metric, rules))
    position = 0
    for previous_scope, _ in _opening_scopes(previous_metric, rules):
        position += len(previous_scope)
        if kind and _place_kind(previous_scope, rules) == kind:
            replaced = position
    return scope + previous_metric[replaced:]


def _place_kind(scope: str, rules: _TargetRules) -> str:
    """The ending that tells what kind of place a scope is (地区 of 东部地区,
    市 of 西安市 and of 地级城市), the longest; "" for none."""
    endings = [ending for ending in (*rules.place_suffixes, *rules.place_endings) if scope.endswith(ending)]
    return max(endings, key=len, default="")


def _with_object_measured_before(metric: str, previous_metric: str, rules: _TargetRules) -> str:
    """``metric`` with the object the previous metric measures, when it names
    only a measure (measure words and a head: 治理面积) that the previous metric
    names with its object among or before its words: a parallel clause repeats
    the measure and leaves out the object they share (治理采煤沉陷区面积2万亩；
    …累计治理面积达到6万亩 → 治理采煤沉陷区面积).  The verb opening the previous
    metric is that clause's action, not the object's (完成大别山区水土流失综合
    治理面积…；…累计治理面积 → 大别山区水土流失综合治理面积)."""
    words = _words(metric)
    if len(metric) >= len(previous_metric) or not all(_is_measure_word(word, rules) for word in words):
        return metric
    measure = regex.search(".*?".join(regex.escape(word) for word in words) + "$", previous_metric)
    if measure is None:
        return metric
    before = _tagged_words(previous_metric[: measure.start()])
    while before and before[0].flag == _VERB_FLAG:
        before.pop(0)
    return "".join(word.word for word in before) + measure.group()


def _with_object_before(value: _Stated, previous_clause: str, rules: _TargetRules) -> _Stated:
    """The value with the object of its verb, when its metric is only verbs
    whose object the clause before it names:

    - the clause before prints the verb and then its object: 加快淘汰国三及以下
      排放标准营运柴油货车，2023年底前淘汰3000辆以上 → 淘汰国三及以下排放标准营运
      柴油货车, from the verb to the end of that clause or its first quantity;
    - the clause before ends with the action the metric names last, its object
      printed before it: 实施煤电机组节能降碳和灵活性改造，到2024年累计完成改造
      1200万千瓦 → 煤电机组节能降碳和灵活性改造, without the verbs opening that
      clause (实施), which are no part of the action.
    """
    verb = value.metric
    # Whether the clause before names the metric at all is asked first: it
    # is far cheaper than tagging the metric's words.
    if not verb or not any(word in previous_clause for word in _words(verb)):
        return value
    words = _tagged_words(verb)
    if not all(word.flag.startswith(_VERB_FLAG) for word in words):
        return value
    position = previous_clause.find(verb)
    if position >= 0:
        phrase = previous_clause[position:]
        quantities = find_quantities(phrase)
        metric = _clean(phrase[: quantities[0].start] if quantities else phrase, rules)
        return replace(value, metric=metric) if len(metric) > len(verb) else value
    action = words[-1].word
    if previous_clause.strip(_SEPARATORS).endswith(action):
        metric = _object_of_action(previous_clause, rules)
        return replace(value, metric=metric) if len(metric) > len(action) else value
    return value


def _object_of_action(clause: str, rules: _TargetRules) -> str:
    """The action a clause opened by verbs names after them, with its object:
    加快实施煤电机组改造 → 煤电机组改造; "" for a clause opened by other words
    (a date, a place), which is no such statement."""
    words = _tagged_words(_clean(clause, rules))
    if not words or words[0].flag != _VERB_FLAG:
        return ""
    while words and words[0].flag == _VERB_FLAG:
        words.pop(0)
    return "".join(word.word for word in words)


def _part_measured(metric: str, rules: _TargetRules) -> str:
    """The part a metric measures: the metric itself, or what comes before 占
    in a share (非化石能源占能源消费总量比重 → 非化石能源)."""
    found = rules.part_of_whole.search(metric, 1)
    return metric[: found.start()] if found else metric


def _label_before(sentence: str, clause_start: int, previous_statement: str, rules: _TargetRules) -> str:
    """The metric a clause after a colon states the values of, named before
    the colon with nothing else (湿地保护率：2025年达到55%); "" for others."""
    if clause_start == 0 or sentence[clause_start - 1] not in ":：" or find_quantities(previous_statement):
        return ""
    return _clean(rules.item_label.sub("", previous_statement), rules)


def _restated_goal(part: str, previous_clause: str, rules: _TargetRules) -> str:
    """The goal a clause opened by 即 restates, named at the end of the clause
    before it (``…的单位GDP二氧化碳排放降低目标，即下降18%`` →
    ``单位GDP二氧化碳排放``); "" for other clauses."""
    if not part.startswith(rules.restatement_words):
        return ""
    goal = rules.restated_goal.search(previous_clause)
    return _clean(goal.group("goal"), rules) if goal else ""


# ---------------------------------------------------------------------------
# Lists of metrics
# ---------------------------------------------------------------------------


@dataclass
class _Item:
    """A metric of a list, in its parts: 全省 + 非化石能源 + 装机 + 比重."""

    scope: str
    subject: str
    measure: str  # words before the head: 排放, 重点工程减排
    head: str  # the measure's last word: 总量, 率, 比重

    @property
    def text(self) -> str:
        return self.scope + self.subject + self.measure + self.head


def _list_items(subject: str, rules: _TargetRules) -> list[str]:
    """The items of a list of metrics, split at conjunctions outside brackets."""
    items = []
    start = 0
    depth = 0
    openers = {open_ for open_, _ in rules.brackets}
    closers = {close for _, close in rules.brackets}
    position = 0
    while position < len(subject):
        char = subject[position]
        if char in openers:
            depth += 1
        elif char in closers:
            depth = max(depth - 1, 0)
        elif depth == 0 and position == start:
            # An item opened by a region of joined parts (京津冀及周边地区)
            # goes on past the conjunction inside the region's name.
            position = max(position, _joined_region_end(subject, start, rules))
            if position > start:
                continue
        elif depth == 0:
            found = rules.list_conjunctions.match(subject, position)
            if found and position > start:
                items.append(subject[start:position])
                start = position = found.end()
                continue
        position += 1
    items.append(subject[start:])
    return [item for item in items if item]


def _joined_region_end(text: str, start: int, rules: _TargetRules) -> int:
    """The end of the region opening ``text`` at ``start`` when its name joins
    parts with a conjunction (京津冀及周边地区), else ``start``."""
    end = start
    for pattern in rules.regions:
        found = pattern.match(text, start)
        if found and found.end() > end and any(word in found.group() for word in rules.region_name_conjunctions):
            end = found.end()
    return end


def _complete_items(texts: list[str], rules: _TargetRules) -> list[str]:
    """Complete each metric of a list with the parts it shares with the others.

    The first item lends its scope and subject to the items that lack them
    (…回收率和循环利用率 → …循环利用率); the last lends its measure
    (氮氧化物和挥发性有机物排放总量 → 氮氧化物排放总量), or only its head to an
    item that has measure words but no head (非化石能源装机和消费比重).
    """
    items = [_parts(text, rules) for text in texts]
    first, last = items[0], items[-1]
    completed = []
    for index, item in enumerate(items):
        item = replace(item)
        if not (item.subject or item.measure or item.head):
            item.subject, item.measure, item.head = last.subject, last.measure, last.head
        elif index != len(items) - 1 and not item.head:
            if not item.measure:
                item.measure = last.measure
                item.subject += _shared_kind_noun(item.subject, last.subject, rules)
            item.head = last.head
        if index and not item.subject:
            item.subject = first.subject
        if not item.scope:
            item.scope = first.scope
        completed.append(item.text)
    return completed


def _places_sharing_metric(texts: list[str], rules: _TargetRules) -> list[str]:
    """The metrics of a list of places printed before the one metric they
    share, or ``[]`` for other lists: every item but the last names only a
    place, and the last names its place and then the metric
    (县城建成区、重点镇和一般乡镇生活污水集中收集率 → 县城建成区生活污水集中收集率,
    重点镇…, 一般乡镇…).  Each place takes the whole metric: it is no subject
    sharing a measure with the others."""
    if not all(_is_place(text, rules) for text in texts[:-1]):
        return []
    last = texts[-1]
    shared = last[_place_length(last, rules) :]
    if len(shared) in (0, len(last)):
        return []
    return [text + shared for text in texts[:-1]] + [last]


def _is_place(text: str, rules: _TargetRules) -> bool:
    """True when ``text`` is only the name of a place: a scope (城市, 县城(建成区))
    or a name ending like a kind of place (重点镇, 一般乡镇)."""
    return scope_prefix(text, rules) == text or text.endswith(rules.place_endings)


def _place_length(text: str, rules: _TargetRules) -> int:
    """The length of the place that opens ``text``: its scopes, or else its
    words up to the first that ends like a kind of place (一般 + 乡镇, 重点 +
    镇); 0 for none.  An area named after it (重点镇 + 建成区绿地率) is the
    list's, printed once for every place."""
    scope = scope_prefix(text, rules)
    if scope:
        return len(scope)
    length = 0
    for word in _words(text):
        length += len(word)
        if word.endswith(rules.place_endings):
            return length
    return 0


def _parts(text: str, rules: _TargetRules) -> _Item:
    """Split a metric into scope, subject, measure words and head.

    A known substance (化学需氧量, whose name ends like a measure) that opens
    the metric is the subject; otherwise the subject ends where the trailing
    run of measure words and heads begins (公路干线废旧路面材料 | 回收率), or
    where a substance before that run begins (焦化行业 | 二氧化碳排放强度).
    """
    scope = scope_prefix(text, rules, with_qualifiers=True)
    body = text[len(scope) :]
    substance = rules.substances.match(body)
    if substance:
        subject, rest = substance.group(), body[substance.end() :]
        words = _words(rest) if rest else []
    else:
        words = _words(body) if body else []
        split = len(words)
        while split > 0 and _is_measure_word(words[split - 1], rules):
            split -= 1
        subject, words = "".join(words[:split]), words[split:]
        substance = rules.substance_at_end.search(subject)
        if substance and substance.start() > 0:
            subject, words = subject[: substance.start()], [substance.group(), *words]
    head = words[-1] if words and words[-1].endswith(rules.measure_heads) else ""
    measure = "".join(words[:-1] if head else words)
    return _Item(scope, subject, measure, head)


def _shared_kind_noun(subject: str, last_subject: str, rules: _TargetRules) -> str:
    """The kind nouns that end the last subject of a list (焦化行业), for a
    subject that names none (钢铁); "" otherwise.

    All of the trailing run is shared, as printed once for the whole list:
    化工、制药产业园区 → 化工产业园区, not 化工园区.  The run stops short of
    the whole subject, which names the last item.  When a qualifier follows
    the kind noun (国有、民营企业单位产值能耗), the kind noun is shared with
    all that follows it: 国有企业单位产值能耗.
    """
    if not subject or subject.endswith(rules.kind_nouns):
        return ""
    start = len(last_subject)
    while noun := next((noun for noun in rules.kind_nouns if last_subject.endswith(noun, 0, start)), ""):
        if start == len(noun):
            break
        start -= len(noun)
    if start == len(last_subject):
        starts = [found for noun in rules.kind_nouns if (found := last_subject.find(noun, 1)) > 0]
        start = min(starts, default=start)
    return last_subject[start:]


def _is_measure_word(word: str, rules: _TargetRules) -> bool:
    return word in rules.measure_words or word.endswith(rules.measure_heads)


# ---------------------------------------------------------------------------
# Scopes
# ---------------------------------------------------------------------------


def scope_prefix(metric: str, rules: _TargetRules | None = None, with_qualifiers: bool = False) -> str:
    """The regions and other scopes that open a metric (``全省地级及以上城市``,
    ``青海湖流域``, ``地表水国考断面``); with ``with_qualifiers`` also a qualifier
    of the measure (``单位国内生产总值``)."""
    rules = rules or _rules()
    position = sum(len(scope) for scope, _ in _opening_scopes(metric, rules))
    if with_qualifiers:
        qualifier = rules.qualifiers.match(metric, position)
        if qualifier:
            position = qualifier.end()
    return metric[:position]


def region_prefix(metric: str, rules: _TargetRules | None = None) -> str:
    """The regions that open a metric (``全省``, ``青海湖流域``, ``西宁市``), without
    the places of monitoring after them (``全省地级城市…`` → ``全省``)."""
    rules = rules or _rules()
    regions = []
    for scope, is_region in _opening_scopes(metric, rules):
        if not is_region:
            break
        regions.append(scope)
    return "".join(regions)


def _opening_scopes(metric: str, rules: _TargetRules) -> list[tuple[str, bool]]:
    """The run of scopes that opens ``metric``, each with whether it is a region."""
    scopes = []
    position = 0
    while True:
        length, is_region = _scope_at(metric, position, rules)
        if not length:
            return scopes
        scopes.append((metric[position : position + length], is_region))
        position += length


def _scope_at(metric: str, position: int, rules: _TargetRules) -> tuple[int, bool]:
    """The length of the scope that starts at ``position`` (0 for none), and
    whether it is a region.  The longest pattern wins; a place name counts
    only where no pattern matches (城市 is a scope, though jieba tags it ns)."""
    longest, is_region = 0, False
    for patterns, of_region in ((rules.regions, True), (rules.scopes, False)):
        for pattern in patterns:
            found = pattern.match(metric, position)
            if found and found.end() - position > longest:
                longest, is_region = found.end() - position, of_region
    if longest:
        return longest, is_region
    return _place_name_at(metric[position:], rules), True


def _place_name_at(text: str, rules: _TargetRules) -> int:
    """The length of the place name that opens ``text`` (西宁市, 海东市, 果洛州), 0 for none.

    jieba tags place names ns, and splits off the suffix of some it knows as
    names (海东 + 市, 玉树 + 市).
    """
    head = text[:12]
    if not any(suffix in head for suffix in rules.place_suffixes):
        return 0  # the name ends in a suffix or is followed by one; no need to tag the words
    words = _tagged_words(head)
    if not words or words[0].flag not in _PLACE_FLAGS:
        return 0
    if words[0].flag == "ns" and words[0].word.endswith(rules.place_suffixes):
        return len(words[0].word)
    if len(words) > 1 and words[1].word in rules.place_suffixes:
        return len(words[0].word) + len(words[1].word)
    return 0


@dataclass(frozen=True)
class _OpeningScope:
    """The scope of a sentence's first target, to spread over its later metrics."""

    region: str  # 全省
    scope: str  # the region with the places of monitoring: 全省地级城市
    measures: tuple[str, ...]  # the monitored measures of the first metric's medium, if any
    measured: str  # the first metric without its scope: 细颗粒物浓度


def _with_opening_scope(
    sentence: str, targets: list[tuple[int, FoundTarget]], expressions: Sequence[TimeExpression], rules: _TargetRules
) -> list[FoundTarget]:
    """The targets (each with the start of its clause), the later ones with
    the scope of the first before their metrics."""
    if not targets:
        return []
    clause_start, first = targets[0]
    opening = _opening_scope(sentence, clause_start, first.deadline, expressions, first.metric, rules)
    if opening is None:
        return [target for _, target in targets]
    return [first] + [_with_scope(target, opening, rules) for _, target in targets[1:]]


def _opening_scope(
    sentence: str,
    clause_start: int,
    deadline: TimeExpression,
    expressions: Sequence[TimeExpression],
    metric: str,
    rules: _TargetRules,
) -> _OpeningScope | None:
    """The scope of the sentence's first target when its clause opens the
    sentence or directly follows its lead-in (…，到2025年，全省…), else
    ``None``; qualifiers are not scopes."""
    opening_start = deadline.end if deadline in expressions and deadline.end <= clause_start else 0
    opening = _without_expressions(sentence, opening_start, clause_start, expressions)
    if opening.strip(_SEPARATORS):
        return None
    scope = scope_prefix(metric, rules)
    if not scope:
        return None
    medium = next((measures for measures in rules.monitored_measures if any(word in metric for word in measures)), [])
    return _OpeningScope(region_prefix(scope, rules), scope, tuple(medium), metric[len(scope) :])


def _with_scope(target: FoundTarget, opening: _OpeningScope, rules: _TargetRules) -> FoundTarget:
    """The target with the sentence's opening scope before its metric, unless
    it names a scope of its own: the whole scope for a quality of the same
    medium monitored at its places (细颗粒物浓度 after 空气质量优良天数比例),
    else its region only (森林覆盖率).  A metric that prints other words before
    the first target's very measure names a scope of its own, known or not
    (京津冀及周边地区细颗粒物浓度…，汾渭平原细颗粒物浓度…)."""
    if scope_prefix(target.metric, rules) or target.metric.startswith(opening.scope):
        return target
    if target.metric.endswith(opening.measured) and len(target.metric) > len(opening.measured):
        return target
    monitored = any(measure in target.metric for measure in opening.measures)
    return replace(target, metric=(opening.scope if monitored else opening.region) + target.metric)


# ---------------------------------------------------------------------------
# A document
# ---------------------------------------------------------------------------


def document_sentences(
    layout: Layout, every_paragraph: bool = False
) -> Iterator[tuple[Paragraph, Sentence, TimeExpression | None]]:
    """Every prose sentence of a document that may state a target, with its
    paragraph and the lead-in that governs it.

    In a goals section (主要目标) the last lead-in (``“十四五”时期，…``) governs
    the sentences after it, up to the next heading, table or box; elsewhere no
    lead-in reaches beyond its own sentence.  A target needs a deadline, so
    the sentences of a paragraph that no lead-in governs and that holds no
    time expression are left out (most paragraphs of a plan), unless
    ``every_paragraph`` asks for all (a view of the whole text).
    """
    plan_start = plan_start_year(layout)
    stages = plan_stages(layout)
    rules = _rules()
    in_goals = False
    lead_in = None
    for block in layout.blocks:
        if isinstance(block, Heading) and block.run_in:
            # A run-in heading (（一）空气质量持续改善。…) opens a part of the
            # running text: the goals and their lead-in go on through it.
            in_goals = in_goals or any(word in block.match.title for word in rules.goal_section_words)
        elif isinstance(block, Heading):
            in_goals = any(word in block.match.title for word in rules.goal_section_words)
            lead_in = None
        elif isinstance(block, TableRegion):
            lead_in = None
        elif isinstance(block, BoxRegion):
            lead_in = None
            for paragraph in block.paragraphs:
                if not every_paragraph and not may_hold_deadlines(paragraph.text, stages):
                    continue
                for sentence in paragraph_sentences(paragraph):
                    yield paragraph, sentence, None
        elif isinstance(block, Paragraph):
            if not every_paragraph and lead_in is None and not may_hold_deadlines(block.text, stages):
                continue  # nor does it hold a lead-in for the sentences after it
            for sentence in paragraph_sentences(block):
                yield block, sentence, lead_in
                if in_goals:
                    lead_in = find_lead_in(sentence.text, plan_start, stages) or lead_in


def extract_targets(layout: Layout) -> list[Target]:
    """Every target of the document's prose (body and 专栏 paragraphs), in reading order."""
    plan_start = plan_start_year(layout)
    stages = plan_stages(layout)
    targets = []
    for _, sentence, lead_in in document_sentences(layout):
        for found in find_targets_in_sentence(sentence.text, lead_in, plan_start, stages):
            targets.append(
                Target(
                    metric=found.metric,
                    value=found.value,
                    unit=found.unit,
                    comparator=found.comparator,
                    change=found.change,
                    deadline=TargetDeadline(raw=found.deadline.raw, year=found.deadline.year, date=found.deadline.date),
                    text=sentence.text,
                    page=sentence.page,
                )
            )
    return targets
