"""The comparison tables: long (one row per value) and wide (one row per indicator).

The long table has one row per document × indicator × value, for every
indicator-table row and every prose target, aligned or not
(``LONG_COLUMNS``).  Values are given in the catalogue's unit when the
printed unit converts to it (``printed_unit`` keeps what was printed).

The wide table has one row per catalogue indicator and one column group per
document (``WIDE_FIELDS``): the document's baseline and target for the
indicator, its attribute and scope, and the derived change.  Of the rows a
document has for one indicator, the wide table shows the one that states the
plan's own target: a target for the last year of the plan period (a review
table of the previous plan is left to the long table), from the indicator
table rather than the prose, covering the whole region rather than part of
it (a river basin), with the most confident alignment.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from plantext.compare.align import Aligner, Alignment
from plantext.compare.catalogue import Catalogue, CatalogueEntry
from plantext.models import Indicator, Plan, Target, Value
from plantext.numbers import find_quantities
from plantext.vocab import load_vocabulary

LONG_COLUMNS = [
    "indicator_id",  # catalogue id; empty when the row stays unaligned
    "indicator_name",  # catalogue name
    "document_id",
    "region",
    "source_name",  # the indicator name or target metric as printed
    "source_table",  # label of the table (表 2); empty for prose targets
    "role",  # baseline, target, actual
    "year",
    "raw",  # the cell as printed; for a prose target, its sentence
    "value",  # the number, in `unit`
    "comparator",
    "unit",  # the catalogue's unit when the printed one converts to it
    "attribute",  # 约束性 / 预期性
    "page",
    "confidence",  # of the alignment (of the best candidate when unaligned)
    "scope",  # scope words of the name: 全省, 地级及以上城市, 湟水流域
    "rule",  # alias, normalised, pattern, compound, fuzzy, none
    "source_kind",  # indicator (a table row) or target (prose)
    "source_index",  # position in the document's `indicators` or `targets`
    "part",  # position of the indicator in a compound name
    "partial_scope",  # the scope covers part of the region only
    "change",  # level, or the change a prose target states
    "cumulative",  # a five-year cumulative value (〔18〕, 累计)
    "printed_unit",
    "value_is_level",  # the value is a value of the indicator, not a change of it
]

UNALIGNED_COLUMNS = [
    "document_id", "region", "source_kind", "source_index", "source_name", "unit", "page",
    "candidate", "confidence", "reason",
]

# Cells printed for "no value".
EMPTY_CELLS = ("", "-", "—", "/")

# How a comparator is written before a number in a cell.
COMPARATOR_SYMBOLS = {"=": "", ">": ">", ">=": "≥", "<": "<", "<=": "≤", "~": "~"}

WIDE_FIELDS = ("scope", "baseline_raw", "baseline", "target_raw", "target", "attribute", "change", "change_pct")


@dataclass(frozen=True)
class AlignedRecord:
    """An indicator row or prose target of a plan, with its alignments."""

    plan: Plan
    kind: str  # "indicator" or "target"
    index: int  # position in the plan's `indicators` or `targets`
    record: Indicator | Target
    alignments: tuple[Alignment, ...]  # one, or one per part of a compound name

    @property
    def name(self) -> str:
        return self.record.name if self.kind == "indicator" else self.record.metric


def align_records(plans: list[Plan], aligner: Aligner) -> list[AlignedRecord]:
    """Align every indicator row and every prose target of ``plans``."""
    records = []
    for plan in plans:
        for index, row in enumerate(plan.indicators):
            records.append(AlignedRecord(plan, "indicator", index, row, tuple(aligner.align(row.name, row.unit))))
        for index, target in enumerate(plan.targets):
            alignments = aligner.align_target(target.metric, target.unit, target.change)
            records.append(AlignedRecord(plan, "target", index, target, tuple(alignments)))
    return records


def records_of(frame: pd.DataFrame) -> list[dict]:
    """The rows of ``frame`` as dicts, with missing values as None (pandas gives NaN)."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def period_end(plan: Plan) -> int | None:
    """The last year of the plan period: the year of the plan's own targets."""
    return plan.document.period.end if plan.document.period else None


def region_of(plan: Plan) -> str:
    """The region a plan is shown under: as printed, else its document id."""
    return plan.document.region or plan.document.id


# ---------------------------------------------------------------- long


def long_table(records: list[AlignedRecord], catalogue: Catalogue) -> pd.DataFrame:
    """One row per document × indicator × value (``LONG_COLUMNS``)."""
    rows = []
    for record in records:
        for alignment in record.alignments:
            entry = catalogue[alignment.indicator_id] if alignment.aligned else None
            if record.kind == "indicator":
                rows.extend(_indicator_rows(record, alignment, entry))
            else:
                rows.append(_target_row(record, alignment, entry))
    return pd.DataFrame(rows, columns=LONG_COLUMNS).astype({"year": "Int64", "page": "Int64", "part": "Int64"})


def _common(record: AlignedRecord, alignment: Alignment, entry: CatalogueEntry | None) -> dict:
    return {
        "indicator_id": alignment.indicator_id,
        "indicator_name": entry.name if entry else None,
        "document_id": record.plan.document.id,
        "region": region_of(record.plan),
        "source_name": record.name,
        "confidence": alignment.confidence,
        "scope": alignment.scope,
        "rule": alignment.rule,
        "source_kind": record.kind,
        "source_index": record.index,
        "part": alignment.part,
        "partial_scope": alignment.partial_scope,
    }


def _indicator_rows(record: AlignedRecord, alignment: Alignment, entry: CatalogueEntry | None) -> list[dict]:
    row: Indicator = record.record
    rows = []
    for value in row.values:
        printed_unit = cell_unit(value.raw) or row.unit
        number, unit = in_catalogue_unit(value_of_part(value, alignment), printed_unit, entry)
        rows.append({
            **_common(record, alignment, entry),
            "source_table": row.table,
            "role": value.role,
            "year": value.year,
            "raw": value.raw,
            "value": number,
            "comparator": value.comparator,
            "unit": unit,
            "attribute": row.attribute,
            "page": row.page,
            "change": "level",
            "cumulative": value.cumulative,
            "printed_unit": printed_unit,
            "value_is_level": cell_value_is_level(unit, entry),
        })
    return rows


def _target_row(record: AlignedRecord, alignment: Alignment, entry: CatalogueEntry | None) -> dict:
    target: Target = record.record
    number, unit = in_catalogue_unit(target.value, target.unit, entry)
    # A target without a deadline of its own is tied to the plan period.
    year = target.deadline.year if target.deadline else period_end(record.plan)
    return {
        **_common(record, alignment, entry),
        "source_table": None,
        "role": "target",
        "year": year,
        "raw": target.text,
        "value": number,
        "comparator": target.comparator,
        "unit": unit,
        "attribute": None,
        "page": target.page,
        "change": target.change,
        "cumulative": False,
        "printed_unit": target.unit,
        "value_is_level": target_value_is_level(target.change, entry),
    }


def target_value_is_level(change: str, entry: CatalogueEntry | None) -> bool:
    """Whether a prose target's value is a value of the indicator it is aligned to.

    ``达到90%`` is; ``提高2个百分点`` is a change of it, unless the indicator
    is itself that change (``单位GDP能耗`` decrease 13.5% is the value of
    单位GDP能耗降低).
    """
    if change == "level":
        return True
    return entry is not None and entry.change == change


def cell_value_is_level(unit: str | None, entry: CatalogueEntry | None) -> bool:
    """Whether a table cell's value, in ``unit`` once converted, can be a
    value of the indicator it is aligned to: not in a unit the indicator's
    does not convert to (能源消费总量 in 万吨标准煤, its 年均增长 cell 2.3%)."""
    return entry is None or not entry.unit or not unit or unit == entry.unit


def value_of_part(value: Value, alignment: Alignment):
    """The value of one part of a compound name: the matching item of a list cell."""
    if alignment.part is not None and value.values_list and len(value.values_list) == alignment.parts:
        return value.values_list[alignment.part]
    return value.value


def in_catalogue_unit(number, unit: str | None, entry: CatalogueEntry | None):
    """(value, unit) in the catalogue entry's unit when ``unit`` converts to it; as given otherwise."""
    return entry.convert(number, unit) if entry else (number, unit)


def cell_unit(raw: str) -> str | None:
    """A unit printed inside a value cell (``46(ug/m3)`` → ``微克/立方米``), or None."""
    text = raw
    for opening, closing in load_vocabulary("alignment")["brackets"]:
        text = text.replace(opening, "").replace(closing, "")
    quantities = find_quantities(text)
    return quantities[0].unit if quantities else None


# ---------------------------------------------------------------- unaligned


def unaligned_table(records: list[AlignedRecord]) -> pd.DataFrame:
    """One row per indicator row or target left unaligned, with its best candidate."""
    rows = [
        {
            "document_id": record.plan.document.id,
            "region": region_of(record.plan),
            "source_kind": record.kind,
            "source_index": record.index,
            "source_name": record.name,
            "unit": record.record.unit,
            "page": record.record.page,
            "candidate": alignment.candidate,
            "confidence": alignment.confidence,
            "reason": alignment.reason,
        }
        for record in records
        for alignment in record.alignments
        if not alignment.aligned
    ]
    return pd.DataFrame(rows, columns=UNALIGNED_COLUMNS)


# ---------------------------------------------------------------- wide


def wide_table(long: pd.DataFrame, plans: list[Plan], catalogue: Catalogue) -> pd.DataFrame:
    """One row per indicator, one column group per document (``WIDE_FIELDS``).

    Columns are named ``<document id>.<field>``.  ``change`` is target −
    baseline (percentage points for a share) and ``change_pct`` the change
    in percent of the baseline, given when both are numbers in the same
    unit and neither is a five-year cumulative figure.
    """
    chosen = chosen_sources(long, plans)
    indicator_ids = sorted({indicator_id for _, indicator_id in chosen}, key=catalogue.order)
    rows = []
    for indicator_id in indicator_ids:
        entry = catalogue[indicator_id]
        row = {
            "indicator_id": indicator_id,
            "indicator_name": entry.name,
            "domain": entry.domain,
            "unit": entry.unit,
            "direction": entry.direction,
            "documents": sum(1 for plan in plans if (plan.document.id, indicator_id) in chosen),
        }
        for plan in plans:
            source_rows = chosen.get((plan.document.id, indicator_id))
            cells = _wide_cells(source_rows, plan) if source_rows else dict.fromkeys(WIDE_FIELDS)
            row.update({f"{plan.document.id}.{name}": value for name, value in cells.items()})
        rows.append(row)
    columns = ["indicator_id", "indicator_name", "domain", "unit", "direction", "documents"] + [
        f"{plan.document.id}.{name}" for plan in plans for name in WIDE_FIELDS
    ]
    numeric = [f"{plan.document.id}.{name}" for plan in plans for name in ("baseline", "target", "change", "change_pct")]
    return pd.DataFrame(rows, columns=columns).astype({column: "float64" for column in numeric}).set_index("indicator_id")


def chosen_sources(long: pd.DataFrame, plans: list[Plan]) -> dict[tuple[str, str], list[dict]]:
    """(document id, indicator id) → the long rows of the source the wide table shows."""
    last_years = {plan.document.id: period_end(plan) for plan in plans}
    groups: dict[tuple, list[dict]] = {}
    for row in records_of(long[long["indicator_id"].notna()]):
        key = (row["document_id"], row["indicator_id"], row["source_kind"], row["source_index"], row["part"])
        groups.setdefault(key, []).append(row)
    best: dict[tuple[str, str], tuple] = {}
    for (document_id, indicator_id, kind, index, _), rows in groups.items():
        # Only values of the indicator are shown: a change of it (a
        # cumulative cell, 提高2个百分点) is no value to compare.
        rows = [row for row in rows if row["value_is_level"]]
        if not _states_plan_target(rows, last_years[document_id]):
            continue
        rank = (kind != "indicator", bool(rows[0]["partial_scope"]), -rows[0]["confidence"], index)
        if (document_id, indicator_id) not in best or rank < best[(document_id, indicator_id)][0]:
            best[(document_id, indicator_id)] = (rank, rows)
    return {key: rows for key, (_, rows) in best.items()}


def _states_plan_target(rows: list[dict], last_year: int | None) -> bool:
    """Whether a source gives a value of the indicator for the plan's own target year."""
    years = [row["year"] for row in rows if row["role"] == "target"]
    return any(last_year is None or year is None or year == last_year for year in years)


def baseline_and_target(rows: list[dict], plan: Plan) -> tuple[dict | None, dict]:
    """The long rows of a source's baseline (if any) and of its target for the plan's last year."""
    last_year = period_end(plan)
    baselines = [row for row in rows if row["role"] == "baseline"]
    targets = [row for row in rows if row["role"] == "target"]
    in_period = [row for row in targets if last_year is None or row["year"] is None or row["year"] == last_year]
    # Of two targets for the plan's last year, the first is the level (目标值
    # 39); a column after it states a change (年均增长, 累计 〔0.8〕).  Without
    # one for that year, the latest target (2035年) is shown.
    return (baselines[-1] if baselines else None), (in_period[0] if in_period else targets[-1])


def baseline_text(row: dict | None) -> str | None:
    """The baseline cell as printed, or None when there is none or it is printed empty (-, —)."""
    if row is None or row["raw"] in EMPTY_CELLS:
        return None
    return row["raw"]


def target_text(row: dict) -> str:
    """The target as printed in a table cell, or a prose target's value written as one: ``≥90%``."""
    if row["source_kind"] == "indicator":
        return row["raw"]
    number = f"{row['value']:g}" if number_of(row) is not None else ""
    return f"{COMPARATOR_SYMBOLS.get(row['comparator'], '')}{number}{row['printed_unit'] or ''}"


def _wide_cells(rows: list[dict], plan: Plan) -> dict:
    baseline, target = baseline_and_target(rows, plan)
    change, change_pct = derived_change(baseline, target)
    return {
        "scope": target["scope"],
        "baseline_raw": baseline["raw"] if baseline else None,
        "baseline": number_of(baseline),
        "target_raw": target_text(target),
        "target": number_of(target),
        "attribute": target["attribute"],
        "change": change,
        "change_pct": change_pct,
    }


def derived_change(baseline: dict | None, target: dict | None) -> tuple[float | None, float | None]:
    """(target − baseline, that in % of the baseline) when both are comparable numbers."""
    if baseline is None or target is None:
        return None, None
    before, after = number_of(baseline), number_of(target)
    if before is None or after is None or baseline["unit"] != target["unit"]:
        return None, None
    if baseline["cumulative"] or target["cumulative"]:
        return None, None
    change = round(after - before, 6)
    return change, (round(change / abs(before) * 100, 2) if before else None)


def number_of(row: dict | None) -> float | None:
    """The value of a long row as a float, or None when it has none."""
    if row is None or row["value"] is None:
        return None
    return float(row["value"])


# ---------------------------------------------------------------- documents


def documents_table(plans: list[Plan], duplicates: list[tuple[str, str]]) -> pd.DataFrame:
    """One row per document compared, with the documents left out as its duplicates."""
    rows = []
    for plan in plans:
        document = plan.document
        rows.append({
            "document_id": document.id,
            "region": document.region,
            "title": document.title,
            "period": f"{document.period.start}–{document.period.end}" if document.period else None,
            "source_path": document.source.path,
            "source_format": document.source.format,
            "pages": document.source.pages,
            "indicators": len(plan.indicators),
            "targets": len(plan.targets),
            "duplicates_left_out": ", ".join(left for left, kept in duplicates if kept == document.id) or None,
        })
    return pd.DataFrame(rows)
