"""Targets and deadlines against the gold standard, scored as the evaluation scores them.

The Qinghai gold covers pages 1–33 of the plan (the scorer leaves the rest
out); the national and 甘肃 plans are annotated whole.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from conftest import DOCUMENTS, GOLD, INPUTS

MIN_F1 = 0.90


def _load_scorer():
    path = Path(__file__).resolve().parent / "gold" / "score.py"
    spec = importlib.util.spec_from_file_location("gold_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score = _load_scorer().score


@pytest.mark.parametrize("section", ["targets", "deadlines"])
@pytest.mark.parametrize("stem,fmt", INPUTS)
def test_f1_reaches_the_bar(extracted, stem, fmt, section):
    result = score(extracted(stem, fmt), GOLD / DOCUMENTS[stem])[section]
    assert result["f1"] >= MIN_F1, result
