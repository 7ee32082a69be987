"""Shared fixtures: the bundled corpora, their gold records, and their extractions.

Each corpus document is extracted once per test session (PDF and text dump),
so the whole-document tests share the cost.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
GOLD = Path(__file__).resolve().parent / "gold"

# document stem in corpora/ → gold folder in tests/gold/
DOCUMENTS = {
    "qinghai-14th-eco-plan": "qinghai",
    "national-14th-eco-plan": "national-14th-eco-plan",
    "gansu-14th-eco-plan": "gansu-14th-eco-plan",
}
INPUTS = [(stem, fmt) for stem in DOCUMENTS for fmt in ("pdf", "txt")]


def load_gold(stem: str, section: str) -> list[dict]:
    data = json.loads((GOLD / DOCUMENTS[stem] / f"{section}.json").read_text(encoding="utf-8"))
    return data["records"] if isinstance(data, dict) else data


@pytest.fixture(scope="session")
def extracted():
    """``extracted(stem, fmt)`` → the plan's JSON dict, extracted once per session."""
    from plantext.api import extract

    cache: dict[tuple[str, str], dict] = {}

    def get(stem: str, fmt: str) -> dict:
        if (stem, fmt) not in cache:
            cache[(stem, fmt)] = extract(CORPORA / f"{stem}.{fmt}").to_dict()
        return cache[(stem, fmt)]

    return get
