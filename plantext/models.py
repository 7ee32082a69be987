"""The output records of plantext: the one place the JSON shape is defined.

Every model here maps to a section of ``shared/spec/output-contract.md``
(schema version 1) plus the fields plantext adds.  The JSON Schema shipped in
``plantext/schema/plan.schema.json`` is generated from these models by
``python -m plantext.models``; a test fails when the file is stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"
SCHEMA_PATH = Path(__file__).parent / "schema" / "plan.schema.json"


class Record(BaseModel):
    """Base of every record: unknown fields are refused, so typos fail loudly."""

    model_config = ConfigDict(extra="forbid")


class Period(Record):
    start: int
    end: int


class Source(Record):
    path: str = Field(description="the input path as given (POSIX separators)")
    sha256: str
    format: Literal["pdf", "txt"]
    pages: int
    encoding: str | None = Field(None, description="detected text encoding (text sources only)")


class Document(Record):
    id: str = Field(description="stable id derived from the file name, unique within a batch")
    title: str
    region: str | None
    period: Period | None
    source: Source


HeadingKind = Literal["part", "chapter", "section", "subsection", "box", "table", "annex"]


class Heading(Record):
    kind: HeadingKind
    label: str = Field(description="the numbering as printed, normalised: 第三章, 专栏 4, 表 2, 一、")
    number: int | None
    title: str
    level: int
    page: int


class Value(Record):
    role: Literal["baseline", "target", "actual"]
    year: int | None
    raw: str
    value: int | float | None
    comparator: Literal["=", ">", ">=", "<", "<=", "~"] | None
    cumulative: bool = False
    values_list: list[int | float] | None = None


class Indicator(Record):
    table: str
    category: str | None
    category_path: list[str] = Field(default_factory=list)
    seq: int | None
    name: str
    part_of: str | None = Field(
        None, description="the name of the indicator this row is a part of (其中：长江流域 under its whole), or null"
    )
    unit: str | None
    values: list[Value]
    attribute: str | None
    notes: list[str] = Field(default_factory=list)
    status: str | None = None
    page: int


class Deadline(Record):
    raw: str
    date: str
    year: int
    kind: Literal["by", "on", "during"]
    text: str
    page: int


class TargetDeadline(Record):
    raw: str
    year: int
    date: str


class Target(Record):
    metric: str
    value: int | float
    unit: str | None
    comparator: Literal["=", ">", ">=", "<", "<=", "~"]
    change: Literal["level", "increase", "decrease", "multiple"]
    deadline: TargetDeadline | None
    text: str
    page: int


class Term(Record):
    number: int | None
    term: str
    definition: str
    page: int


class Abbreviation(Record):
    term: str = Field(description="the abbreviation printed in parentheses, e.g. CCUS")
    expansion: str = Field(description="the phrase it abbreviates, e.g. 碳捕集利用与封存")
    page: int


class Project(Record):
    box: str
    box_title: str
    name: str
    description: str
    page: int


class Table(Record):
    """A table as printed: the raw grid, so nothing of a plan is lost."""

    label: str | None
    caption: str | None
    page: int
    header: list[list[str]]
    rows: list[list[str]]
    notes: list[str] = Field(default_factory=list)


class Plan(Record):
    """Everything plantext extracts from one document."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    generator: str = Field(description="plantext version that wrote this output")
    document: Document
    outline: list[Heading] = Field(default_factory=list)
    subheadings: list[Heading] = Field(
        default_factory=list,
        description="headings below the outline's kinds (一、 or 1. under a 节), kind subsection",
    )
    indicators: list[Indicator] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    glossary: list[Term] = Field(default_factory=list)
    abbreviations: list[Abbreviation] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")

    def to_json(self, indent: int | None = 1) -> str:
        """Deterministic JSON: fixed field order, UTF-8 text, no floats like 1e-05."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent) + "\n"


def plan_json_schema() -> dict:
    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://plantext.invalid/schema/plan-v1.json"
    return schema


def write_schema(path: Path = SCHEMA_PATH) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(plan_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_schema()
    print(SCHEMA_PATH)
