"""The JSON Schema file is generated from the models and every output validates."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import INPUTS
from plantext.models import SCHEMA_PATH, plan_json_schema


def test_schema_file_is_generated_from_the_models():
    shipped = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert shipped == plan_json_schema(), "run `python -m plantext.models` to regenerate"


@pytest.mark.parametrize("stem,fmt", INPUTS)
def test_output_validates_against_schema(extracted, stem, fmt):
    jsonschema.validate(extracted(stem, fmt), json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def test_schema_keeps_every_contract_section():
    properties = plan_json_schema()["properties"]
    for section in ["schema_version", "document", "outline", "indicators", "targets", "deadlines", "glossary", "projects"]:
        assert section in properties
