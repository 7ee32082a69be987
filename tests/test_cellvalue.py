"""Indicator-table cells, read as the output contract and the gold records say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plantext.cellvalue import note_number, parse_cell_value
from plantext.numbers import match_comparator
from plantext.vocab import load_vocabulary

GOLD = Path(__file__).resolve().parent / "gold"
GOLD_DOCUMENTS = ["qinghai", "gansu-14th-eco-plan", "national-14th-eco-plan"]

CELL_ALPHABET = list("0123456789.,、%％８ -—/〔〕[]()（）≥≤<>＞＜约左右以上下内不低于高超过类ⅡⅢIV累计稳中向好ug/m3①③¹²★*▲到至降控制在达提")
CELL_TEXT = st.one_of(st.text(), st.text(alphabet=CELL_ALPHABET))


@pytest.mark.parametrize(
    "printed,raw,value,comparator",
    [
        ("比2020年下降20", "比2020年下降20", 20, "="),
        ("比 2020 年下降 20", "比2020年下降20", 20, "="),
        ("较2020年提高5%", "较2020年提高5%", 5, "="),
        ("与2020年相比下降10%以上", "与2020年相比下降10%以上", 10, ">="),
    ],
)
def test_a_change_counted_from_a_year_reads_as_the_change_and_keeps_the_year_in_raw(printed, raw, value, comparator):
    cell = parse_cell_value(printed)
    assert (cell.raw, cell.value, cell.comparator) == (raw, value, comparator)


@pytest.mark.parametrize(
    "printed,raw,value,comparator",
    [
        ("7.5", "7.5", 7.5, "="),
        ("80", "80", 80, "="),
        ("8.0", "8.0", 8.0, "="),
        ("0", "0", 0, "="),
        ("3637", "3637", 3637, "="),
        ("８５", "85", 85, "="),
        ("≥66", "≥66", 66, ">="),
        ("≥0", "≥0", 0, ">="),
        (">85", ">85", 85, ">"),
        ("＞85", "＞85", 85, ">"),
        ("<15", "<15", 15, "<"),
        ("≤25", "≤25", 25, "<="),
        ("15左右", "15左右", 15, "~"),
        ("79 左右", "79左右", 79, "~"),
        ("约15", "约15", 15, "~"),
        ("50以上", "50以上", 50, ">="),
        ("50 以上", "50以上", 50, ">="),
        ("10以下", "10以下", 10, "<="),
        ("10以内", "10以内", 10, "<="),
        ("不低于94.6", "不低于94.6", 94.6, ">="),
        ("不高于30", "不高于30", 30, "<="),
        ("不超过30", "不超过30", 30, "<="),
        ("46(ug/m3)", "46(ug/m3)", 46, "="),
        ("50%", "50%", 50, "="),
    ],
)
def test_a_number_with_its_comparator(printed, raw, value, comparator):
    cell = parse_cell_value(printed)
    assert (cell.raw, cell.value, cell.comparator, cell.cumulative, cell.values_list) == (raw, value, comparator, False, None)
    assert type(cell.value) is type(value)


@pytest.mark.parametrize(
    "printed,value",
    [("〔18〕", 18), ("〔13.5〕", 13.5), ("〔 10 〕", 10), ("[18]", 18)],
)
def test_bracketed_values_are_cumulative(printed, value):
    cell = parse_cell_value(printed)
    assert (cell.value, cell.comparator, cell.cumulative) == (value, "=", True)


@pytest.mark.parametrize(
    "printed,value,comparator,cumulative",
    [
        ("22.5（力争23）", 22.5, "=", False),
        ("≥85（力争）", 85, ">=", False),
        ("40以内（力争35以内）", 40, "<=", False),
        ("〔18〕（力争20）", 18, "=", True),
        # a unit in brackets is the value's, no remark
        ("95（%）", 95, "=", False),
    ],
)
def test_a_bracketed_remark_after_the_value_is_no_part_of_it(printed, value, comparator, cumulative):
    cell = parse_cell_value(printed)
    assert (cell.raw, cell.value, cell.comparator, cell.cumulative) == (printed, value, comparator, cumulative)


@pytest.mark.parametrize("printed", ["（18）", "达到国家要求（约束性）"])
def test_a_remark_alone_or_after_words_gives_no_value(printed):
    assert parse_cell_value(printed).value is None


@pytest.mark.parametrize("printed,comparator", [("〔19〕左右", "~"), ("约〔19〕", "~"), ("≥〔19〕", ">=")])
def test_a_comparator_outside_the_brackets_still_reads(printed, comparator):
    cell = parse_cell_value(printed)
    assert (cell.value, cell.comparator, cell.cumulative) == (19, comparator, True)


@pytest.mark.parametrize(
    "printed,raw,value,comparator,cumulative,markers",
    [
        ("82.6①", "82.6", 82.6, "=", False, ("1",)),
        ("≥92②", "≥92", 92, ">=", False, ("2",)),
        ("〔3.1〕③", "〔3.1〕", 3.1, "=", True, ("3",)),
        ("82.6 ①", "82.6", 82.6, "=", False, ("1",)),
        ("≥92²", "≥92", 92, ">=", False, ("2",)),
        ("不减少①", "不减少", None, None, False, ("1",)),
        ("—②", "—", None, None, False, ("2",)),
    ],
)
def test_footnote_markers_after_a_value_are_left_out_of_it(printed, raw, value, comparator, cumulative, markers):
    # Like the markers after a name, which the name loses (strip_markers).
    cell = parse_cell_value(printed)
    assert (cell.raw, cell.value, cell.comparator, cell.cumulative, cell.markers) == (raw, value, comparator, cumulative, markers)


@pytest.mark.parametrize(
    "printed,raw,value,comparator,markers",
    [
        ("≥76[1]", "≥76", 76, ">=", ("1",)),
        ("≥58 [2]", "≥58", 58, ">=", ("2",)),
        ("〔18〕[1]", "〔18〕", 18, "=", ("1",)),
        # brackets and number raised together (Word's endnotes), read so from a PDF
        ("≥76[¹]", "≥76", 76, ">=", ("1",)),
    ],
)
def test_a_number_in_square_brackets_after_a_value_is_the_marker_of_a_note(printed, raw, value, comparator, markers):
    cell = parse_cell_value(printed, note_markers={"1", "2"})
    assert (cell.raw, cell.value, cell.comparator, cell.markers) == (raw, value, comparator, markers)
    assert cell.cumulative is (raw == "〔18〕")


@pytest.mark.parametrize(
    "printed,raw,value,cumulative",
    [("〔0.61〕2", "〔0.61〕", 0.61, True), ("（18）2", "（18）", None, False), ("[18]2", "[18]", 18, True)],
)
def test_a_number_right_after_the_closing_bracket_of_a_value_is_the_marker_of_a_note(printed, raw, value, cumulative):
    # A superscript marker that a text dump printed on the line.
    cell = parse_cell_value(printed, note_markers={"1", "2"})
    assert (cell.raw, cell.value, cell.cumulative, cell.markers) == (raw, value, cumulative, ("2",))


def test_a_number_after_a_closing_bracket_without_its_note_invents_no_number():
    # Neither a marker nor more digits of the bracketed number (0.612).
    cell = parse_cell_value("〔0.61〕2", note_markers={"1"})
    assert (cell.raw, cell.value, cell.comparator, cell.cumulative, cell.markers) == ("〔0.61〕2", None, None, False, ())


@pytest.mark.parametrize("printed,comparator", [("[18]", "="), ("[1]", "="), ("≥[18]", ">="), ("约[18]", "~")])
def test_a_number_in_square_brackets_alone_is_cumulative_even_with_notes(printed, comparator):
    cell = parse_cell_value(printed, note_markers={"1", "18"})
    assert (cell.raw, cell.comparator, cell.cumulative, cell.markers) == (printed, comparator, True, ())


@pytest.mark.parametrize("printed", ["18[65]", "≥76[1]"])
def test_square_brackets_after_a_value_without_their_note_invent_no_number(printed):
    # No note of that number: neither a marker nor the value's own brackets
    # (18[65] once read as a cumulative 1865).
    cell = parse_cell_value(printed, note_markers=set())
    assert (cell.raw, cell.value, cell.comparator, cell.cumulative, cell.markers) == (printed, None, None, False, ())


def test_a_marker_needs_a_value_before_it():
    cell = parse_cell_value("①")
    assert (cell.raw, cell.value, cell.markers) == ("①", None, ())


@pytest.mark.parametrize("printed,value", [("12万m³", 12), ("5km²", 5)])
def test_a_superscript_after_a_letter_is_the_power_of_a_unit(printed, value):
    cell = parse_cell_value(printed)
    assert (cell.raw, cell.value, cell.markers) == (printed, value, ())


@pytest.mark.parametrize("printed", ["5×10⁴", "10²", "≤1×10⁶", "3.2×10⁻²"])
def test_a_superscript_after_the_base_10_of_a_power_is_its_exponent(printed):
    # Not a marker (5×10 with note 4 had been read); the cell is no plain
    # number either, so none is invented.
    cell = parse_cell_value(printed)
    assert (cell.raw, cell.value, cell.comparator, cell.markers) == (printed, None, None, ())


@pytest.mark.parametrize("printed,raw,value,markers", [("110²", "110", 110, ("2",)), ("2.10³", "2.10", 2.10, ("3",))])
def test_a_superscript_after_a_longer_number_than_10_is_a_marker(printed, raw, value, markers):
    cell = parse_cell_value(printed)
    assert (cell.raw, cell.value, cell.markers) == (raw, value, markers)


def test_a_marker_after_a_power_is_a_marker():
    cell = parse_cell_value("5×10⁴①")
    assert (cell.raw, cell.markers) == ("5×10⁴", ("1",))


@pytest.mark.parametrize("printed,number", [("①", "1"), ("⑫", "12"), ("⑳", "20"), ("²", "2"), ("¹²", "12"), ("3", "3")])
def test_a_printed_marker_is_the_number_of_its_note(printed, number):
    assert note_number(printed) == number


def test_round_brackets_do_not_mark_a_cumulative_value():
    cell = parse_cell_value("（18）")
    assert (cell.raw, cell.value, cell.comparator, cell.cumulative) == ("（18）", None, None, False)


def test_a_value_in_a_row_named_cumulative_is_cumulative():
    cell = parse_cell_value("13", indicator_name="单位地区生产总值能源消耗累计降低")
    assert (cell.value, cell.comparator, cell.cumulative) == (13, "=", True)


def test_a_count_of_what_stands_built_is_no_cumulative_sum():
    cell = parse_cell_value("68", indicator_name="省级美丽河湖累计建成数量")
    assert (cell.value, cell.cumulative) == (68, False)


def test_a_dash_in_a_row_named_cumulative_is_not():
    cell = parse_cell_value("-", indicator_name="重点重金属污染物排放量累计下降比例")
    assert (cell.value, cell.comparator, cell.cumulative) == (None, None, False)


@pytest.mark.parametrize(
    "printed,value,comparator",
    [
        ("下降13.5%", 13.5, "="),
        ("降低18%", 18, "="),
        ("下降13.5%以上", 13.5, ">="),
        ("提高2个百分点", 2, "="),
        ("增长 5% 左右", 5, "~"),
    ],
)
def test_a_change_stated_with_its_verb_gives_its_amount(printed, value, comparator):
    # As 〔13.5〕 in the same kind of row does; the direction stays in raw.
    cell = parse_cell_value(printed)
    assert (cell.raw, cell.value, cell.comparator) == (printed.replace(" ", ""), value, comparator)


@pytest.mark.parametrize("printed", ["下降", "明显下降", "下降明显"])
def test_a_change_verb_without_an_amount_has_no_value(printed):
    assert parse_cell_value(printed).value is None


@pytest.mark.parametrize(
    "printed,raw,value,comparator",
    [
        ("下降到30", "下降到30", 30, "<="),
        ("降至0.45", "降至0.45", 0.45, "<="),
        ("提高到95", "提高到95", 95, ">="),
        ("提高到 95", "提高到95", 95, ">="),
        ("控制在25以内", "控制在25以内", 25, "<="),
        ("达到98以上", "达到98以上", 98, ">="),
        ("达到95%", "达到95%", 95, ">="),
        ("下降到30%", "下降到30%", 30, "<="),
        ("控制在25微克/立方米以内", "控制在25微克/立方米以内", 25, "<="),
        ("超过50", "超过50", 50, ">"),
        # a word next to the number wins over the verb, as in prose
        ("控制在25左右", "控制在25左右", 25, "~"),
        ("保持在90以上", "保持在90以上", 90, ">="),
        ("下降到不高于30", "下降到不高于30", 30, "<="),
        # a verb that gives no comparator: the cell's own default, as for 80
        ("稳定在100", "稳定在100", 100, "="),
    ],
)
def test_a_level_stated_with_its_verb_gives_the_level_and_the_verbs_comparator(printed, raw, value, comparator):
    cell = parse_cell_value(printed)
    assert (cell.raw, cell.value, cell.comparator, cell.cumulative, cell.values_list) == (raw, value, comparator, False, None)
    assert type(cell.value) is type(value)


def _level_verbs():
    for verb, reading in load_vocabulary("comparators")["verbs"].items():
        yield pytest.param(verb, reading, id=verb)


@pytest.mark.parametrize("verb,reading", list(_level_verbs()))
def test_every_verb_of_the_prose_reads_in_a_cell_as_the_prose_reads_it(verb, reading):
    # The same words, the same comparator: the prose's (match_comparator)
    # where the verb gives one; where it gives none (下降, 稳定在) the prose
    # falls back on its floor for bare amounts, the cell on = as for 80.
    for after in ("", "以内", "左右"):
        cell = parse_cell_value(f"{verb}30{after}")
        prose, _ = match_comparator(verb, after)
        expected = prose if (after or reading.get("comparator")) else "="
        assert (cell.value, cell.comparator) == (30, expected), (verb, after)


@pytest.mark.parametrize(
    "printed,value,comparator",
    [
        ("保持90以上", 90, ">="),
        ("保持 90 以上", 90, ">="),
        ("稳定保持95以上", 95, ">="),
        ("稳定在95以上", 95, ">="),
        ("保持100", 100, "="),
        ("维持100%", 100, "="),
        ("保持不低于90", 90, ">="),
        ("不低于90", 90, ">="),
    ],
)
def test_a_level_kept_is_the_level_with_the_comparator_its_words_give(printed, value, comparator):
    # 保持 + number: the level to keep (全国农村生态环境改善提升规划 表1: 保持90以上).
    cell = parse_cell_value(printed)
    assert (cell.raw, cell.value, cell.comparator) == (printed.replace(" ", ""), value, comparator)


@pytest.mark.parametrize("printed", ["保持稳定", "总体保持稳定", "持续改善", "保持Ⅱ类", "保持优良"])
def test_a_kept_state_without_a_number_stays_qualitative(printed):
    cell = parse_cell_value(printed)
    assert (cell.raw, cell.value, cell.comparator) == (printed, None, None)


@pytest.mark.parametrize("printed", ["提高到Ⅱ类", "达到国家标准", "下降到", "控制在国家下达指标以内"])
def test_a_level_verb_without_a_number_has_no_value(printed):
    cell = parse_cell_value(printed)
    assert (cell.value, cell.comparator) == (None, None)


@pytest.mark.parametrize(
    "printed,raw,value,comparator,cumulative,markers",
    [
        ("≥92★", "≥92", 92, ">=", False, ("★",)),
        ("60*", "60", 60, "=", False, ("*",)),
        ("95▲", "95", 95, "=", False, ("▲",)),
        ("≥92 ★", "≥92", 92, ">=", False, ("★",)),
        ("〔18〕★", "〔18〕", 18, "=", True, ("★",)),
        ("提高到95★", "提高到95", 95, ">=", False, ("★",)),
        ("≥92★①", "≥92", 92, ">=", False, ("★", "1")),
        ("不减少★", "不减少", None, None, False, ("★",)),
    ],
)
def test_a_mark_after_a_value_is_left_out_of_it_as_after_a_name(printed, raw, value, comparator, cumulative, markers):
    # Kept as printed, as strip_markers keeps a name's mark: the table's
    # legend (带★的为约束性指标) reads it.
    cell = parse_cell_value(printed)
    assert (cell.raw, cell.value, cell.comparator, cell.cumulative, cell.markers) == (raw, value, comparator, cumulative, markers)


@pytest.mark.parametrize("mark", list(load_vocabulary("tables")["name_marks"]))
def test_every_mark_of_a_name_is_a_mark_after_a_value(mark):
    cell = parse_cell_value(f"≥92{mark}")
    assert (cell.value, cell.comparator, cell.markers) == (92, ">=", (mark,))


@pytest.mark.parametrize("printed", ["★", "▲", "*"])
def test_a_mark_alone_is_no_marker(printed):
    cell = parse_cell_value(printed)
    assert (cell.raw, cell.value, cell.markers) == (printed, None, ())


@pytest.mark.parametrize(
    "printed,values",
    [("1.1、1.4、6、6", (1.1, 1.4, 6, 6)), ("11.9、23.5、17.4、15.9", (11.9, 23.5, 17.4, 15.9))],
)
def test_a_list_keeps_its_values_and_no_single_value(printed, values):
    cell = parse_cell_value(printed)
    assert (cell.raw, cell.value, cell.comparator, cell.values_list) == (printed, None, "=", values)


@pytest.mark.parametrize("printed", ["-", "—", "--", "/", "——"])
def test_a_dash_has_no_value_and_keeps_its_text(printed):
    cell = parse_cell_value(printed)
    assert (cell.raw, cell.value, cell.comparator) == (printed, None, None)


@pytest.mark.parametrize("printed", ["", " ", "\n"])
def test_an_empty_cell_has_no_value(printed):
    cell = parse_cell_value(printed)
    assert (cell.raw, cell.value, cell.comparator) == ("", None, None)


@pytest.mark.parametrize(
    "printed,raw",
    [
        ("不减少", "不减少"),
        ("稳中向好", "稳中向好"),
        ("国家下达指标", "国家下达指标"),
        ("完成国家下达目标", "完成国家下达目标"),
        ("控制在国家下达指标之内", "控制在国家下达指标之内"),
        ("达到国家确定的指标", "达到国家确定的指标"),
        ("II 类及以上", "Ⅱ类及以上"),
        ("III类", "Ⅲ类"),
        ("V类", "Ⅴ类"),
        ("Ⅲ类", "Ⅲ类"),
        ("劣V类", "劣Ⅴ类"),
        ("基本消除", "基本消除"),
        ("地级城市全部消除", "地级城市全部消除"),
        ("县级城市 基本消除", "县级城市基本消除"),
        ("不发生", "不发生"),
        ("未发生", "未发生"),
        ("有效保障", "有效保障"),
        # Two cells run together: the table reader splits them, no number is guessed here.
        ("≥0 稳中向好", "≥0稳中向好"),
    ],
)
def test_a_qualitative_cell_has_no_value(printed, raw):
    cell = parse_cell_value(printed)
    assert (cell.raw, cell.value, cell.comparator, cell.cumulative, cell.values_list) == (raw, None, None, False, None)


def _gold_cells():
    for document in GOLD_DOCUMENTS:
        rows = json.loads((GOLD / document / "indicators.json").read_text(encoding="utf-8"))
        for row in rows:
            for value in row["values"]:
                yield pytest.param(row["name"], value, id=f"{document}-{row['name']}-{value['role']}")


@pytest.mark.parametrize("indicator_name,gold", list(_gold_cells()))
def test_every_gold_cell_is_read_as_the_gold_says(indicator_name, gold):
    cell = parse_cell_value(gold["raw"], indicator_name=indicator_name)
    values_list = list(cell.values_list) if cell.values_list is not None else None
    assert (cell.raw, cell.value, cell.comparator, cell.cumulative, values_list) == (
        gold["raw"],
        gold["value"],
        gold["comparator"],
        gold["cumulative"],
        gold.get("values_list"),
    )
    assert type(cell.value) is type(gold["value"])


@settings(max_examples=200, deadline=None)
@given(CELL_TEXT)
def test_parse_cell_value_never_crashes(text):
    assert parse_cell_value(text, note_markers={"1"}).comparator in {None, "=", ">", ">=", "<", "<=", "~"}
    cell = parse_cell_value(text)
    assert cell.comparator in {None, "=", ">", ">=", "<", "<=", "~"}
    assert cell.value is None or cell.values_list is None
