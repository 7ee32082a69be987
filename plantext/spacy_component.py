"""A spaCy pipeline component that finds targets and deadlines in a ``Doc``.

Registered as the factory ``plantext_targets`` (also through the
``spacy_factories`` entry point, so importing this module is not needed)::

    import spacy

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("plantext_targets")
    doc = nlp("到2025年，地级城市再生水利用率达到25%。")
    for span in doc.spans["plantext_targets"]:
        print(span.text, span._.plantext["metric"], span._.plantext["value"])

The component runs the same sentence-level rules as ``plantext extract``
(``find_targets_in_sentence``, ``find_deadlines_in_sentence``) on
``doc.text``.  A plain text has no layout, so the lead-in of a goals section
does not reach beyond its sentence here as it does in ``extract_targets``.

Spans (``alignment_mode="expand"``, so they always cover whole tokens):

- ``doc.spans["plantext_targets"]``: the quantity of each target, label
  ``TARGET``; ``span._.plantext`` holds ``metric``, ``value``, ``unit``,
  ``comparator``, ``change`` and ``deadline`` (``raw``, ``year``, ``date``,
  ``kind``);
- ``doc.spans["plantext_deadlines"]``: each deadline, label ``DEADLINE``;
  ``span._.plantext`` holds ``raw``, ``year``, ``date`` and ``kind``.
"""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from plantext.extractors.deadlines import find_deadlines_in_sentence
from plantext.extractors.sentences import split_sentences
from plantext.extractors.targets import find_targets_in_sentence
from plantext.timeexpr import TimeExpression, find_period, find_stage_years

FACTORY_NAME = "plantext_targets"
TARGETS_KEY = "plantext_targets"
DEADLINES_KEY = "plantext_deadlines"
TARGET_LABEL = "TARGET"
DEADLINE_LABEL = "DEADLINE"

if not Span.has_extension("plantext"):
    Span.set_extension("plantext", default=None)


class TargetsComponent:
    """Puts the targets and deadlines of ``doc.text`` into ``doc.spans``."""

    def __init__(self, plan_start_year: Optional[int] = None):
        # The first year of the plan's period: earlier years are the past.
        # When not given, it is read from the first plan period the text
        # names (a plan's title: 青海省“十四五”生态环境保护规划 → 2021).
        self.plan_start_year = plan_start_year

    def __call__(self, doc: Doc) -> Doc:
        plan_start = self.plan_start_year or _plan_start_named_in(doc.text)
        stages = find_stage_years([doc.text])
        targets: list[Span] = []
        deadlines: list[Span] = []
        for sentence_start, sentence_end in split_sentences(doc.text):
            sentence = doc.text[sentence_start:sentence_end]
            for expression in find_deadlines_in_sentence(sentence, plan_start, stages):
                span = _span(doc, sentence_start + expression.start, sentence_start + expression.end, DEADLINE_LABEL)
                if span is not None:
                    span._.plantext = _deadline_attributes(expression)
                    deadlines.append(span)
            for target in find_targets_in_sentence(sentence, plan_start=plan_start, stages=stages):
                span = _span(doc, sentence_start + target.start, sentence_start + target.end, TARGET_LABEL)
                if span is not None:
                    span._.plantext = {
                        "metric": target.metric,
                        "value": target.value,
                        "unit": target.unit,
                        "comparator": target.comparator,
                        "change": target.change,
                        "deadline": _deadline_attributes(target.deadline),
                    }
                    targets.append(span)
        doc.spans[TARGETS_KEY] = targets
        doc.spans[DEADLINES_KEY] = deadlines
        return doc


@Language.factory(FACTORY_NAME, default_config={"plan_start_year": None})
def make_targets_component(nlp: Language, name: str, plan_start_year: Optional[int]) -> TargetsComponent:
    """The factory of the ``plantext_targets`` pipeline component."""
    return TargetsComponent(plan_start_year)


def _plan_start_named_in(text: str) -> int | None:
    period = find_period(text)
    return period[0] if period else None


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """The tokens covering ``doc.text[start:end]`` as a labelled span."""
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def _deadline_attributes(expression: TimeExpression) -> dict:
    return {"raw": expression.raw, "year": expression.year, "date": expression.date, "kind": expression.kind}
