"""Outline, glossary and projects equal the hand-checked gold, record for record.

The gold lives in tests/gold (copied from shared/gold); both the PDF and the
text dump of every bundled plan must reproduce it.
"""

from __future__ import annotations

import pytest

from conftest import INPUTS, load_gold


def project(records: list[dict], fields: list[str]) -> list[dict]:
    return [{field: record.get(field) for field in fields} for record in records]


@pytest.mark.parametrize("stem,fmt", INPUTS)
@pytest.mark.parametrize("section", ["outline", "glossary", "projects"])
def test_section_equals_gold(extracted, stem, fmt, section):
    gold = load_gold(stem, section)
    fields = list(gold[0])
    assert project(extracted(stem, fmt)[section], fields) == gold
