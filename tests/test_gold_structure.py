"""Outline, glossary, projects and indicators equal the hand-checked gold, record for record.

The gold lives in tests/gold (copied from shared/gold); both the PDF and the
text dump of every bundled plan must reproduce it.  Only the fields the gold
holds are compared (plantext adds fields of its own, such as values_list).
"""

from __future__ import annotations

import pytest

from conftest import INPUTS, load_gold


def project(record, like):
    """``record`` cut down to the keys of ``like``, recursively."""
    if isinstance(like, dict):
        return {key: project(record.get(key), value) for key, value in like.items()}
    if isinstance(like, list) and like and isinstance(like[0], dict) and isinstance(record, list):
        return [project(item, model) for item, model in zip(record, like)] + record[len(like):]
    return record


@pytest.mark.parametrize("stem,fmt", INPUTS)
@pytest.mark.parametrize("section", ["outline", "glossary", "projects", "indicators"])
def test_section_equals_gold(extracted, stem, fmt, section):
    gold = load_gold(stem, section)
    predicted = extracted(stem, fmt)[section]
    assert [project(record, like) for record, like in zip(predicted, gold)] == gold
    assert len(predicted) == len(gold)
