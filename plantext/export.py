"""Exports for other systems: DuckDB, SQLite, Parquet and JSON Lines.

>>> from plantext.export import export
>>> export(["extracted/"], "duckdb", "plans.duckdb")     # doctest: +SKIP
{'documents': 6, 'outline': 222, 'indicators': 355, ...}

One table per record kind, keyed by ``document_id`` (``TABLES`` gives every
column): ``documents``, ``outline``, ``indicators``, ``targets``,
``deadlines``, ``glossary``, ``abbreviations``, ``projects``, ``tables``, and
``catalogue`` (the indicator catalogue used).  Each record keeps its position
in its document (``outline_index``, ``indicator_index``, …), so the JSON can
be rebuilt from the tables.

``indicators`` has one row per value of an indicator row (its ``values``
flattened: ``value_index``, ``role``, ``year``, ``raw``, ``value``, …), with
the row's fields repeated, the document's ``region`` and the catalogue id the
row is aligned to, so that

    SELECT region, value FROM indicators
    WHERE indicator_id = 'air.pm25_concentration' AND role = 'target'

works.  A row naming several indicators (``化学需氧量和氨氮排放总量下降``) has
one set of rows per indicator (``part`` 0, 1, …); ``indicator_value`` is then
the value of that part (an item of a list cell), in the catalogue's unit.
Prose targets are aligned the same way in ``targets``.

Columns of type ``json`` (lists) hold JSON text in DuckDB, SQLite and Parquet,
and JSON values in JSON Lines.  Every output is written to a temporary file
(a temporary folder for Parquet) beside the target and renamed into place.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Iterable

FORMATS = ("duckdb", "sqlite", "parquet", "jsonl")

ALIGNMENT_COLUMNS = [
    ("part", "integer"), ("indicator_id", "text"), ("indicator_name", "text"), ("confidence", "real"),
    ("rule", "text"), ("scope", "text"),
]

TABLES: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("document_id", "text"), ("title", "text"), ("region", "text"), ("period_start", "integer"),
        ("period_end", "integer"), ("source_path", "text"), ("source_sha256", "text"), ("source_format", "text"),
        ("source_pages", "integer"), ("source_encoding", "text"), ("schema_version", "text"), ("generator", "text"),
    ],
    "outline": [
        ("document_id", "text"), ("outline_index", "integer"), ("kind", "text"), ("label", "text"),
        ("number", "integer"), ("title", "text"), ("level", "integer"), ("page", "integer"),
    ],
    "indicators": [
        ("document_id", "text"), ("region", "text"), ("indicator_index", "integer"), ("value_index", "integer"),
        *ALIGNMENT_COLUMNS,
        ("source_table", "text"), ("category", "text"), ("category_path", "json"), ("seq", "integer"),
        ("name", "text"), ("part_of", "text"), ("unit", "text"), ("attribute", "text"), ("notes", "json"),
        ("status", "text"),
        ("page", "integer"), ("role", "text"), ("year", "integer"), ("raw", "text"), ("value", "real"),
        ("comparator", "text"), ("cumulative", "boolean"), ("values_list", "json"),
        ("indicator_value", "real"), ("indicator_unit", "text"),
    ],
    "targets": [
        ("document_id", "text"), ("region", "text"), ("target_index", "integer"), *ALIGNMENT_COLUMNS,
        ("metric", "text"), ("value", "real"), ("unit", "text"), ("comparator", "text"), ("change", "text"),
        ("deadline_raw", "text"), ("deadline_year", "integer"), ("deadline_date", "text"), ("text", "text"),
        ("page", "integer"), ("indicator_value", "real"), ("indicator_unit", "text"), ("value_is_level", "boolean"),
    ],
    "deadlines": [
        ("document_id", "text"), ("deadline_index", "integer"), ("raw", "text"), ("date", "text"),
        ("year", "integer"), ("kind", "text"), ("text", "text"), ("page", "integer"),
    ],
    "glossary": [
        ("document_id", "text"), ("term_index", "integer"), ("number", "integer"), ("term", "text"),
        ("definition", "text"), ("page", "integer"),
    ],
    "abbreviations": [
        ("document_id", "text"), ("abbreviation_index", "integer"), ("term", "text"), ("expansion", "text"),
        ("page", "integer"),
    ],
    "projects": [
        ("document_id", "text"), ("project_index", "integer"), ("box", "text"), ("box_title", "text"),
        ("name", "text"), ("description", "text"), ("page", "integer"),
    ],
    "tables": [
        ("document_id", "text"), ("table_index", "integer"), ("label", "text"), ("caption", "text"),
        ("page", "integer"), ("header", "json"), ("rows", "json"), ("notes", "json"),
    ],
    "catalogue": [
        ("indicator_id", "text"), ("name", "text"), ("domain", "text"), ("domain_name", "text"), ("unit", "text"),
        ("direction", "text"), ("change", "text"),
    ],
}

# Record kinds exported field for field, each with the column of its position.
SIMPLE_KINDS = {
    "outline": "outline_index",
    "deadlines": "deadline_index",
    "glossary": "term_index",
    "abbreviations": "abbreviation_index",
    "projects": "project_index",
    "tables": "table_index",
}

SQL_TYPES = {
    "sqlite": {"text": "TEXT", "integer": "INTEGER", "real": "REAL", "boolean": "INTEGER", "json": "TEXT"},
    "duckdb": {"text": "VARCHAR", "integer": "BIGINT", "real": "DOUBLE", "boolean": "BOOLEAN", "json": "VARCHAR"},
}


def export(
    plans_or_paths: Iterable,
    to: str,
    target: str | Path,
    catalogue=None,
    threshold: float | None = None,
    on_error: Callable | None = None,
) -> dict[str, int]:
    """Write the plans to ``target`` in the format ``to``; return the row count of each table.

    ``plans_or_paths``: ``Plan`` objects, plan dicts, or paths of plan
    JSON/JSONL files and folders.  ``to``: one of ``FORMATS``; ``target`` is
    a file, or a folder for ``parquet``.  ``catalogue`` and ``threshold``
    are those of ``plantext.compare.compare``; ``on_error`` is called with
    each unreadable input, which is left out (without it, the first one
    raises ``PlantextError``).
    """
    if to not in FORMATS:
        raise ValueError(f"unknown export format {to!r}: use one of {', '.join(FORMATS)}")
    rows = table_rows(plans_or_paths, catalogue, threshold, on_error)
    writers = {"duckdb": _write_duckdb, "sqlite": _write_sqlite, "parquet": _write_parquet, "jsonl": _write_jsonl}
    writers[to](rows, Path(target))
    return {name: len(table) for name, table in rows.items()}


def table_rows(plans_or_paths: Iterable, catalogue=None, threshold=None, on_error=None) -> dict[str, list[dict]]:
    """The rows of every table (``TABLES``), as dicts; json columns hold Python lists."""
    from plantext.compare import load_plans, resolve_catalogue
    from plantext.compare.align import Aligner
    from plantext.compare.table import align_records

    catalogue = resolve_catalogue(catalogue)
    plans = _unique_documents(load_plans(plans_or_paths, on_error), on_error)
    records = align_records(plans, Aligner(catalogue, threshold))
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for plan in plans:
        rows["documents"].append(_document_row(plan))
        for kind, index_column in SIMPLE_KINDS.items():
            for index, record in enumerate(getattr(plan, kind)):
                rows[kind].append({"document_id": plan.document.id, index_column: index, **record.model_dump(mode="json")})
    for record in records:
        for alignment in record.alignments:
            entry = catalogue[alignment.indicator_id] if alignment.aligned else None
            if record.kind == "indicator":
                rows["indicators"].extend(_indicator_rows(record, alignment, entry))
            else:
                rows["targets"].append(_target_row(record, alignment, entry))
    rows["catalogue"] = [_catalogue_row(entry, catalogue) for entry in catalogue]
    return rows


def _unique_documents(plans: list, on_error: Callable | None) -> list:
    """Plans with distinct document ids: a later plan with a used id is an error."""
    from plantext.errors import PlantextError

    kept, seen = [], set()
    for plan in plans:
        if plan.document.id in seen:
            error = PlantextError(plan.document.source.path, f"document id {plan.document.id!r} was already read")
            if on_error is None:
                raise error
            on_error(error)
            continue
        seen.add(plan.document.id)
        kept.append(plan)
    return kept


# ---------------------------------------------------------------- rows


def _document_row(plan) -> dict:
    document = plan.document
    return {
        "document_id": document.id,
        "title": document.title,
        "region": document.region,
        "period_start": document.period.start if document.period else None,
        "period_end": document.period.end if document.period else None,
        "source_path": document.source.path,
        "source_sha256": document.source.sha256,
        "source_format": document.source.format,
        "source_pages": document.source.pages,
        "source_encoding": document.source.encoding,
        "schema_version": plan.schema_version,
        "generator": plan.generator,
    }


def _alignment_columns(record, alignment, entry) -> dict:
    return {
        "document_id": record.plan.document.id,
        "region": record.plan.document.region,
        "part": alignment.part,
        "indicator_id": alignment.indicator_id,
        "indicator_name": entry.name if entry else None,
        "confidence": alignment.confidence,
        "rule": alignment.rule,
        "scope": alignment.scope,
    }


def _indicator_rows(record, alignment, entry) -> list[dict]:
    """One row per value of an indicator row (one row with empty values when it has none)."""
    from plantext.compare.table import cell_unit, in_catalogue_unit, value_of_part

    row = record.record
    fields = {
        **_alignment_columns(record, alignment, entry),
        "indicator_index": record.index,
        "source_table": row.table,
        "category": row.category,
        "category_path": row.category_path,
        "seq": row.seq,
        "name": row.name,
        "part_of": row.part_of,
        "unit": row.unit,
        "attribute": row.attribute,
        "notes": row.notes,
        "status": row.status,
        "page": row.page,
    }
    if not row.values:
        return [{**fields, "value_index": None}]
    rows = []
    for index, value in enumerate(row.values):
        number, unit = in_catalogue_unit(value_of_part(value, alignment), cell_unit(value.raw) or row.unit, entry)
        rows.append({
            **fields,
            "value_index": index,
            **value.model_dump(mode="json"),
            "indicator_value": number,
            "indicator_unit": unit,
        })
    return rows


def _target_row(record, alignment, entry) -> dict:
    from plantext.compare.table import in_catalogue_unit, target_value_is_level

    target = record.record
    deadline = target.deadline
    number, unit = in_catalogue_unit(target.value, target.unit, entry)
    return {
        **_alignment_columns(record, alignment, entry),
        "target_index": record.index,
        "metric": target.metric,
        "value": target.value,
        "unit": target.unit,
        "comparator": target.comparator,
        "change": target.change,
        "deadline_raw": deadline.raw if deadline else None,
        "deadline_year": deadline.year if deadline else None,
        "deadline_date": deadline.date if deadline else None,
        "text": target.text,
        "page": target.page,
        "indicator_value": number,
        "indicator_unit": unit,
        "value_is_level": target_value_is_level(target.change, entry),
    }


def _catalogue_row(entry, catalogue) -> dict:
    return {
        "indicator_id": entry.id,
        "name": entry.name,
        "domain": entry.domain,
        "domain_name": catalogue.domains[entry.domain],
        "unit": entry.unit,
        "direction": entry.direction,
        "change": entry.change,
    }


def _stored(row: dict, columns: list[tuple[str, str]]) -> dict:
    """A row with exactly the table's columns, json columns as JSON text."""
    return {
        name: json.dumps(row.get(name), ensure_ascii=False) if kind == "json" and row.get(name) is not None
        else row.get(name)
        for name, kind in columns
    }


# ---------------------------------------------------------------- writers


def _write_duckdb(rows: dict[str, list[dict]], target: Path) -> None:
    import duckdb

    def write(path: Path) -> None:
        path.unlink()  # duckdb creates its file itself; an empty one is not a database
        connection = duckdb.connect(str(path))
        try:
            for name, columns in TABLES.items():
                connection.execute(_create_statement(name, columns, "duckdb"))
                incoming = _arrow_table(rows[name], columns)
                connection.register("incoming", incoming)
                connection.execute(f'INSERT INTO "{name}" SELECT * FROM incoming')
                connection.unregister("incoming")
        finally:
            connection.close()

    _replace_file(target, write)


def _write_sqlite(rows: dict[str, list[dict]], target: Path) -> None:
    import sqlite3

    def write(path: Path) -> None:
        connection = sqlite3.connect(path)
        try:
            for name, columns in TABLES.items():
                connection.execute(_create_statement(name, columns, "sqlite"))
                placeholders = ", ".join("?" for _ in columns)
                connection.executemany(
                    f'INSERT INTO "{name}" VALUES ({placeholders})',
                    [tuple(_stored(row, columns).values()) for row in rows[name]],
                )
            connection.commit()
        finally:
            connection.close()

    _replace_file(target, write)


def _write_parquet(rows: dict[str, list[dict]], target: Path) -> None:
    import pyarrow.parquet as parquet

    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    try:
        for name, columns in TABLES.items():
            parquet.write_table(_arrow_table(rows[name], columns), staging / f"{name}.parquet")
        _replace_folder(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _write_jsonl(rows: dict[str, list[dict]], target: Path) -> None:
    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8") as handle:
            for name, columns in TABLES.items():
                for row in rows[name]:
                    record = {"table": name, **{column: row.get(column) for column, _ in columns}}
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    _replace_file(target, write)


def _create_statement(name: str, columns: list[tuple[str, str]], dialect: str) -> str:
    types = SQL_TYPES[dialect]
    definitions = [f'"{column}" {types[kind]}' for column, kind in columns]
    if name == "documents":
        definitions.append('PRIMARY KEY ("document_id")')
    return f'CREATE TABLE "{name}" ({", ".join(definitions)})'


def _arrow_table(rows: list[dict], columns: list[tuple[str, str]]):
    import pyarrow as pa

    types = {"text": pa.string(), "integer": pa.int64(), "real": pa.float64(), "boolean": pa.bool_(), "json": pa.string()}
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    return pa.Table.from_pylist([_stored(row, columns) for row in rows], schema=schema)


def _replace_file(target: Path, write: Callable[[Path], None]) -> None:
    from plantext.compare import write_atomically

    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, write)


def _replace_folder(staging: Path, target: Path) -> None:
    """Move the finished ``staging`` folder to ``target``, replacing an older one."""
    from plantext.compare import current_umask

    os.chmod(staging, 0o777 & ~current_umask())  # mkdtemp's folders are private (0700)
    if not target.exists():
        os.replace(staging, target)
        return
    old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
    os.replace(target, old / target.name)
    os.replace(staging, target)
    shutil.rmtree(old)
