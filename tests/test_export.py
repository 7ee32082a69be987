"""Exports: every record of every plan round-trips through DuckDB and SQLite."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import duckdb
import pandas as pd
import pytest

from plantext.export import SIMPLE_KINDS, TABLES, export, table_rows
from plantext.models import Plan

STEMS = ("qinghai-14th-eco-plan", "national-14th-eco-plan", "gansu-14th-eco-plan")


@pytest.fixture(scope="module")
def plans(extracted):
    return [Plan.model_validate(extracted(stem, "txt")) for stem in STEMS]


@pytest.fixture(scope="module")
def rows(plans):
    return table_rows(plans)


def read_table(database: str, path, table: str) -> list[dict]:
    """The rows of ``table`` as dicts, json columns parsed, booleans as bool, ordered as written."""
    columns = TABLES[table]
    if database == "duckdb":
        with duckdb.connect(str(path), read_only=True) as connection:
            records = connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
    else:
        with sqlite3.connect(path) as connection:
            records = connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
    return [
        {name: decode(value, kind) for (name, kind), value in zip(columns, record)}
        for record in records
    ]


def decode(value, kind: str):
    if value is None:
        return None
    if kind == "json":
        return json.loads(value)
    if kind == "boolean":
        return bool(value)
    return value


def without(record: dict, *names: str) -> dict:
    return {key: value for key, value in record.items() if key not in names}


def rebuilt_indicators(indicator_rows: list[dict], document_id: str) -> list[dict]:
    """The indicator records of one document, rebuilt from the flattened table."""
    value_fields = ("role", "year", "raw", "value", "comparator", "cumulative", "values_list")
    row_fields = ("category", "category_path", "seq", "name", "part_of", "unit", "attribute", "notes", "status", "page")
    records: dict[int, dict] = {}
    for row in indicator_rows:
        if row["document_id"] != document_id or row["part"] not in (None, 0):
            continue  # the parts of a compound name repeat the same record
        record = records.setdefault(row["indicator_index"], {
            "table": row["source_table"], **{name: row[name] for name in row_fields}, "values": [],
        })
        if row["value_index"] is not None:
            record["values"].append({name: row[name] for name in value_fields})
    return [records[index] for index in sorted(records)]


@pytest.fixture(scope="module", params=["duckdb", "sqlite"])
def database(request, plans, tmp_path_factory):
    path = tmp_path_factory.mktemp(request.param) / f"plans.{request.param}"
    counts = export(plans, request.param, path)
    return request.param, path, counts


def test_each_table_holds_as_many_rows_as_records_were_exported(database, rows):
    kind, path, counts = database
    for table in TABLES:
        assert len(read_table(kind, path, table)) == counts[table] == len(rows[table]), table


def test_documents_round_trip(database, plans):
    kind, path, _ = database
    documents = read_table(kind, path, "documents")
    rebuilt = [
        {
            "schema_version": row["schema_version"],
            "generator": row["generator"],
            "document": {
                "id": row["document_id"],
                "title": row["title"],
                "region": row["region"],
                "period": {"start": row["period_start"], "end": row["period_end"]},
                "source": {
                    "path": row["source_path"], "sha256": row["source_sha256"], "format": row["source_format"],
                    "pages": row["source_pages"], "encoding": row["source_encoding"],
                },
            },
        }
        for row in documents
    ]
    assert rebuilt == [
        {"schema_version": plan.schema_version, "generator": plan.generator, "document": plan.document.model_dump(mode="json")}
        for plan in plans
    ]


@pytest.mark.parametrize("kind_name", list(SIMPLE_KINDS))
def test_records_of_each_kind_round_trip_field_for_field(database, plans, kind_name):
    kind, path, _ = database
    exported = read_table(kind, path, kind_name)
    index_column = SIMPLE_KINDS[kind_name]
    for plan in plans:
        found = [without(row, "document_id", index_column) for row in exported if row["document_id"] == plan.document.id]
        assert found == [record.model_dump(mode="json") for record in getattr(plan, kind_name)], plan.document.id


def test_indicator_rows_round_trip_with_their_values(database, plans):
    kind, path, _ = database
    exported = read_table(kind, path, "indicators")
    for plan in plans:
        assert rebuilt_indicators(exported, plan.document.id) == [
            row.model_dump(mode="json") for row in plan.indicators
        ], plan.document.id


def test_targets_round_trip(database, plans):
    kind, path, _ = database
    exported = read_table(kind, path, "targets")
    for plan in plans:
        rows = [row for row in exported if row["document_id"] == plan.document.id and row["part"] in (None, 0)]
        rebuilt = [
            {
                **{name: row[name] for name in ("metric", "value", "unit", "comparator", "change")},
                "deadline": {"raw": row["deadline_raw"], "year": row["deadline_year"], "date": row["deadline_date"]}
                if row["deadline_raw"] is not None else None,
                "text": row["text"],
                "page": row["page"],
            }
            for row in rows
        ]
        assert [row["target_index"] for row in rows] == list(range(len(plan.targets)))
        assert rebuilt == [target.model_dump(mode="json") for target in plan.targets], plan.document.id


def test_the_issue_query_finds_the_pm25_targets_by_region(database):
    kind, path, _ = database
    query = ("SELECT region, value FROM indicators "
             "WHERE indicator_id = 'air.pm25_concentration' AND role = 'target' ORDER BY region")
    if kind == "duckdb":
        with duckdb.connect(str(path), read_only=True) as connection:
            found = connection.execute(query).fetchall()
    else:
        with sqlite3.connect(path) as connection:
            found = connection.execute(query).fetchall()
    assert found == [("甘肃省", 25.0), ("青海省", 21.0)]


def test_a_compound_row_is_found_under_each_of_its_indicators(rows):
    found = {
        row["indicator_id"]: row["indicator_value"]
        for row in rows["indicators"]
        if row["document_id"] == "qinghai-14th-eco-plan" and row["rule"] == "compound" and row["role"] == "target"
    }
    assert found == {
        "emissions.cod_total_reduction": 1.1,
        "emissions.nh3n_total_reduction": 1.4,
        "emissions.so2_total_reduction": 6,
        "emissions.nox_total_reduction": 6,
    }


def test_parquet_writes_one_file_per_table(plans, rows, tmp_path):
    target = tmp_path / "plans"
    export(plans, "parquet", target)

    assert sorted(path.name for path in target.iterdir()) == sorted(f"{name}.parquet" for name in TABLES)
    for name in TABLES:
        assert len(pd.read_parquet(target / f"{name}.parquet")) == len(rows[name]), name


def test_jsonl_writes_one_line_per_row_named_by_its_table(plans, rows, tmp_path):
    target = tmp_path / "plans.jsonl"
    export(plans, "jsonl", target)

    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == sum(len(table) for table in rows.values())
    glossary = [line for line in lines if line["table"] == "glossary"]
    assert glossary[0] == {"table": "glossary", **rows["glossary"][0]}


def test_an_export_replaces_the_previous_one_and_leaves_no_temporary_files(plans, tmp_path):
    database, folder = tmp_path / "plans.sqlite", tmp_path / "parquet"
    database.write_text("an older export", encoding="utf-8")
    folder.mkdir()
    (folder / "stale.parquet").write_text("old", encoding="utf-8")

    export(plans[2:], "sqlite", database)
    export(plans[2:], "parquet", folder)

    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT document_id FROM documents").fetchall() == [("gansu-14th-eco-plan",)]
    assert not (folder / "stale.parquet").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["parquet", "plans.sqlite"]


def test_the_export_command_reports_a_bad_input_and_exports_the_rest(plans, tmp_path):
    good = tmp_path / "gansu.json"
    good.write_text(plans[2].to_json(), encoding="utf-8")
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    target = tmp_path / "plans.duckdb"

    result = subprocess.run(
        [sys.executable, "-m", "plantext.cli", "export", good, bad, "--to", "duckdb", target],
        capture_output=True, text=True, timeout=300,
    )

    assert result.returncode == 1
    assert result.stderr.strip() == f"plantext: {bad}: not valid JSON (Expecting property name enclosed in double quotes, line 1)"
    with duckdb.connect(str(target), read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM documents").fetchone() == (1,)
