"""Comparing the bundled plans: same-concept indicators meet on one row, nothing is forced.

The plans are the text dumps of 青海省, the national plan and 甘肃省, extracted
once per test session (conftest's ``extracted``).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from conftest import load_gold

from plantext.compare import OUTPUT_FILES, compare, deduplicate
from plantext.models import Plan, Target

QINGHAI, NATIONAL, GANSU = "qinghai-14th-eco-plan", "national-14th-eco-plan", "gansu-14th-eco-plan"
STEMS = (QINGHAI, NATIONAL, GANSU)


@pytest.fixture(scope="module")
def plans(extracted):
    return [Plan.model_validate(extracted(stem, "txt")) for stem in STEMS]


@pytest.fixture(scope="module")
def comparison(plans):
    return compare(plans)


def cells(comparison, indicator_id: str, stem: str) -> tuple:
    """(baseline, target, target as printed) of one document on one row of the wide table."""
    row = comparison.wide.loc[indicator_id]  # columns are <document id>.<field>; ids are the file stems
    baseline, target, printed = row[f"{stem}.baseline"], row[f"{stem}.target"], row[f"{stem}.target_raw"]
    return tuple(None if pd.isna(value) else value for value in (baseline, target, printed))


# indicator id → {document: (baseline, target, target as printed)}; a document
# missing here has no row for the indicator in its plan period.
SAME_CONCEPT_ROWS = {
    "air.pm25_concentration": {QINGHAI: (21, 21, "21"), GANSU: (None, 25, "≤25")},
    "air.good_days_ratio": {QINGHAI: (97.2, 96.3, "96.3"), NATIONAL: (87, 87.5, "87.5"), GANSU: (None, 93.8, "93.8")},
    "water.surface_good_ratio": {QINGHAI: (100, 100, "100"), NATIONAL: (83.4, 85, "85"), GANSU: (None, 94.6, "94.6")},
    "water.surface_worst_ratio": {QINGHAI: (0, 0, "0"), NATIONAL: (0.6, None, "基本消除"), GANSU: (None, 1.4, "1.4")},
    "ecology.forest_cover": {QINGHAI: (7.5, 8.0, "8.0"), NATIONAL: (23.04, 24.1, "24.1")},
    "climate.co2_intensity_reduction": {
        QINGHAI: (None, None, "国家下达指标"), NATIONAL: (None, 18, "〔18〕"), GANSU: (None, None, "完成国家下达目标"),
    },
    "climate.energy_intensity_reduction": {
        QINGHAI: (None, None, "国家下达指标"), NATIONAL: (None, 13.5, "〔13.5〕"), GANSU: (None, 13, "13"),
    },
}


@pytest.mark.parametrize("indicator_id", SAME_CONCEPT_ROWS)
def test_same_concept_indicators_of_the_three_plans_meet_on_one_row(comparison, indicator_id):
    expected = SAME_CONCEPT_ROWS[indicator_id]
    assert comparison.wide.loc[indicator_id, "documents"] == len(expected)
    for stem in STEMS:
        if stem in expected:
            assert cells(comparison, indicator_id, stem) == expected[stem], stem
        else:
            assert cells(comparison, indicator_id, stem) == (None, None, None), stem


def test_a_national_pm25_decrease_is_not_put_on_the_pm25_concentration_row(comparison):
    assert cells(comparison, "air.pm25_reduction", NATIONAL) == (None, 10, "〔10〕")
    assert comparison.wide.loc["air.pm25_concentration", "documents"] == 2


# (indicator id, document) → (change, change in % of the baseline)
DERIVED_CHANGES = [
    ("air.good_days_ratio", QINGHAI, -0.9, -0.93),
    ("air.good_days_ratio", NATIONAL, 0.5, 0.57),
    ("water.surface_good_ratio", NATIONAL, 1.6, 1.92),
    ("ecology.forest_cover", NATIONAL, 1.06, 4.6),
    ("ecology.forest_cover", QINGHAI, 0.5, 6.67),
    ("ecology.wetland_protection_rate", QINGHAI, 1.69, 2.63),
    ("water.surface_worst_ratio", QINGHAI, 0.0, None),  # no percent of a zero baseline
    ("water.surface_worst_ratio", NATIONAL, None, None),  # 基本消除 is not a number
    ("climate.energy_intensity_reduction", NATIONAL, None, None),  # 〔13.5〕 has no baseline
]


@pytest.mark.parametrize("indicator_id, stem, change, change_pct", DERIVED_CHANGES)
def test_the_change_from_baseline_to_target_is_derived(comparison, indicator_id, stem, change, change_pct):
    row = comparison.wide.loc[indicator_id]
    found = tuple(None if pd.isna(value) else value for value in (row[f"{stem}.change"], row[f"{stem}.change_pct"]))
    assert found == (change, change_pct)


def test_every_row_is_aligned_above_the_threshold_or_listed_as_unaligned(comparison):
    long = comparison.long
    aligned = long[long["indicator_id"].notna()]
    assert (aligned["confidence"] >= comparison.threshold).all()
    left = long[long["indicator_id"].isna()]
    listed = set(zip(comparison.unaligned["document_id"], comparison.unaligned["source_kind"],
                     comparison.unaligned["source_index"]))
    assert set(zip(left["document_id"], left["source_kind"], left["source_index"])) == listed


def test_the_cut_short_qinghai_row_is_listed_unaligned_not_forced(comparison):
    unaligned = comparison.unaligned.set_index("source_name")
    row = unaligned.loc["生态保护红线面积变"]
    assert (row["document_id"], row["candidate"], row["page"]) == (QINGHAI, "ecology.redline_area", 7)
    assert row["reason"] == "unit % does not fit ecology.redline_area (万平方公里)"


def test_every_indicator_row_of_the_three_plans_but_one_is_aligned(comparison):
    rows = comparison.long[comparison.long["source_kind"] == "indicator"]
    names = rows.drop_duplicates(["document_id", "source_index", "part"])
    assert names["indicator_id"].isna().sum() == 1
    assert len(names) == 40 + 11 + 16 + 3  # 表 1 四项主要污染物 gives 4 rows


def test_a_compound_row_gives_each_indicator_its_item_of_the_list_cell(comparison):
    long = comparison.long
    targets = long[(long["document_id"] == QINGHAI) & (long["role"] == "target") & (long["rule"] == "compound")]
    assert dict(zip(targets["indicator_id"], targets["value"])) == {
        "emissions.cod_total_reduction": 1.1,
        "emissions.nh3n_total_reduction": 1.4,
        "emissions.so2_total_reduction": 6,
        "emissions.nox_total_reduction": 6,
    }


def test_the_scope_of_each_document_is_kept_on_the_wide_row(comparison):
    row = comparison.wide.loc["air.good_days_ratio"]
    assert pd.isna(row[f"{QINGHAI}.scope"])  # 空气质量优良天数比率: no scope printed
    assert (row[f"{NATIONAL}.scope"], row[f"{GANSU}.scope"]) == ("地级及以上城市", "地级及以上城市")


def test_prose_targets_align_to_the_rows_of_the_table(plans):
    """The gold targets of the plans (the contract's shape) meet the table rows."""
    gansu = plans[2].model_copy(update={"targets": [Target(**record) for record in load_gold(GANSU, "targets")]})
    national = plans[1].model_copy(update={"targets": [Target(**record) for record in load_gold(NATIONAL, "targets")]})
    long = compare([national, gansu]).long
    targets = long[long["source_kind"] == "target"].set_index(["document_id", "source_name"])

    assert targets.loc[(GANSU, "单位地区生产总值能源消耗"), "indicator_id"] == "climate.energy_intensity_reduction"
    assert targets.loc[(NATIONAL, "单位国内生产总值二氧化碳排放"), "indicator_id"] == "climate.co2_intensity_reduction"
    assert targets.loc[(NATIONAL, "地表水Ⅰ～Ⅲ类水体比例"), "indicator_id"] == "water.surface_good_ratio"
    assert pd.isna(targets.loc[(GANSU, "营运车辆单位运输周转量二氧化碳排放"), "indicator_id"])
    assert targets.loc[targets["indicator_id"].notna(), "value_is_level"].all()


def test_the_pdf_and_text_of_one_plan_count_once(plans):
    copy = plans[2].model_copy(deep=True)
    copy.document.id = "gansu-14th-eco-plan-pdf"
    kept, duplicates = deduplicate([plans[2], copy, plans[0]])

    assert [plan.document.id for plan in kept] == [GANSU, QINGHAI]
    assert duplicates == [("gansu-14th-eco-plan-pdf", GANSU)]


def test_write_produces_every_output_file_readable(comparison, tmp_path):
    written = comparison.write(tmp_path)

    assert [path.name for path in written] == list(OUTPUT_FILES)
    assert len(pd.read_csv(tmp_path / "comparison_long.csv")) == len(comparison.long)
    assert len(pd.read_parquet(tmp_path / "comparison_long.parquet")) == len(comparison.long)
    wide = pd.read_csv(tmp_path / "comparison_wide.csv", index_col="indicator_id")
    assert wide.loc["ecology.forest_cover", f"{NATIONAL}.target"] == 24.1
    workbook = pd.read_excel(tmp_path / "comparison_wide.xlsx", sheet_name=None)
    assert list(workbook) == ["comparison", "documents", "unaligned"]
    assert not list(tmp_path.glob(".*.tmp"))


def test_the_long_table_has_the_columns_of_the_issue(comparison):
    assert list(comparison.long.columns[:15]) == [
        "indicator_id", "indicator_name", "document_id", "region", "source_name", "source_table", "role", "year",
        "raw", "value", "comparator", "unit", "attribute", "page", "confidence",
    ]


# ---------------------------------------------------------------- the command


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "plantext.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=300)


def test_the_compare_command_writes_the_outputs_and_reports_a_missing_input(plans, tmp_path):
    inputs = []
    for plan in plans:
        path = tmp_path / f"{plan.document.id}.json"
        path.write_text(plan.to_json(), encoding="utf-8")
        inputs.append(path)
    out = tmp_path / "out"

    result = run("compare", *inputs, tmp_path / "missing.json", "-o", out)

    assert result.returncode == 1
    assert result.stderr.strip() == f"plantext: {tmp_path / 'missing.json'}: no such file"
    assert sorted(path.name for path in out.iterdir()) == sorted(OUTPUT_FILES)
    assert "Targets compared" in result.stdout


def test_the_compare_command_names_an_input_that_is_not_a_plan(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"document": {}}), encoding="utf-8")

    result = run("compare", bad, "-o", tmp_path / "out")

    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith(f"plantext: {bad}: not a plantext document (")


def test_the_compare_command_without_an_output_folder_is_a_usage_error(tmp_path):
    assert run("compare", tmp_path / "a.json").returncode == 2


def test_the_terminal_shows_a_column_per_document_when_they_fit(comparison):
    from rich.console import Console

    from plantext.compare.console import print_comparison

    console = Console(width=200, record=True)
    print_comparison(comparison, console)
    text = console.export_text()
    assert "Targets compared: baseline → target" in text
    assert "青海省" in text.splitlines()[2]  # a document's column header


def test_the_terminal_sums_up_each_indicator_when_the_documents_do_not_fit(comparison):
    from rich.console import Console

    from plantext.compare.console import print_comparison

    console = Console(width=60, record=True)
    print_comparison(comparison, console)
    assert "Targets of 3 documents compared" in console.export_text()


def test_the_summary_gives_the_count_lowest_median_and_highest_target_with_their_regions(comparison):
    from rich.console import Console

    from plantext.compare.console import summary_table

    console = Console(width=200, record=True)
    console.print(summary_table(comparison))
    forest = next(line for line in console.export_text().splitlines() if line.startswith("│ 森林覆盖率"))
    assert [cell.strip() for cell in forest.strip("│").split("│")] == ["森林覆盖率", "%", "2", "8 (青海省)", "16.05", "24.1 (全国)"]


def test_of_two_targets_for_the_plans_last_year_the_first_is_compared(plans):
    from plantext.compare.table import baseline_and_target

    # 合肥市's 森林覆盖率 row: its 2025 target, then the five-year change (a 累计 column).
    rows = [
        {"role": "baseline", "year": 2020, "raw": "38.2"},
        {"role": "target", "year": 2025, "raw": "39"},
        {"role": "target", "year": 2025, "raw": "〔0.8〕"},
    ]
    baseline, target = baseline_and_target(rows, plans[0])  # 青海省, 2021–2025
    assert (baseline["raw"], target["raw"]) == ("38.2", "39")


@pytest.mark.parametrize(
    "unit,level",
    [("万吨标准煤", True), ("%", False), (None, True)],
)
def test_a_cell_in_a_unit_other_than_its_indicators_is_no_value_of_it(unit, level):
    from plantext.compare.catalogue import load_catalogue
    from plantext.compare.table import cell_value_is_level

    entry = load_catalogue()["climate.energy_consumption_total"]
    assert entry.unit == "万吨标准煤"
    assert cell_value_is_level(unit, entry) is level
