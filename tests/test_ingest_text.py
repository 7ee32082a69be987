"""Text dumps: encodings, page breaks, double spacing and marked paragraph ends."""

from __future__ import annotations

import pytest

from plantext.errors import PlantextError
from plantext.ingest.text import (
    decode_text,
    is_double_spaced,
    parts_cells_by_two_spaces,
    read_text,
    spaced_cells,
    split_pages,
)

SAMPLE = "第一章   准确把握生态环境保护新形势\n“十三五”时期，全省上下深入践行习近平生态文明思想。\n"


@pytest.mark.parametrize(
    "data,encoding",
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_decode_text_detects_encoding(data, encoding):
    assert decode_text(data, "plan.txt") == (SAMPLE, encoding)


def test_decode_text_refuses_bytes_that_are_no_known_encoding():
    with pytest.raises(PlantextError, match="plan.txt: unreadable encoding"):
        decode_text(bytes(range(128, 256)) * 4, "plan.txt")


def test_split_pages_on_form_feeds():
    assert split_pages("第一页\n\f第二页\n\f") == ["第一页\n", "第二页\n"]


def test_a_utf8_file_with_a_stray_nul_byte_is_not_read_as_utf16():
    data = SAMPLE.encode("utf-8") + b"\x00"
    assert decode_text(data, "plan.txt") == (SAMPLE + "\x00", "utf-8")


def test_split_pages_on_two_or_more_empty_lines_between_pages():
    pages = ["\n".join(f"第{page}页第{line}行。" for line in range(1, 21)) for page in (1, 2, 3)]
    text = pages[0] + "\n\n\n" + pages[1] + "\n\n\n\n" + pages[2]
    assert split_pages(text) == pages


def test_two_empty_lines_between_paragraphs_of_a_web_page_are_no_page_break():
    text = "某市“十四五”生态环境保护规划\n\n\n第一章　规划背景\n\n\n到2025年，全市森林覆盖率达到32.5%。\n\n\n第二章　主要任务\n"
    assert split_pages(text) == [text]


def test_short_pages_between_empty_lines_stay_pages():
    pages = ["\n".join(f"第{page}页第{line}行。" for line in range(1, 6)) for page in (1, 2, 3)]
    assert split_pages("\n\n\n".join(pages)) == pages


def test_a_title_page_stays_a_page_before_a_long_one():
    title = "某市“十四五”生态环境保护规划\n某市人民政府"
    body = "\n".join(f"第{line}行。" for line in range(1, 21))
    assert split_pages(title + "\n\n\n" + body) == [title, body]


def test_single_empty_line_is_not_a_page_break():
    assert split_pages("一段。\n\n另一段。") == ["一段。\n\n另一段。"]


def test_double_spaced_dump_is_recognised():
    assert is_double_spaced(["第一行\n\n第二行\n\n第三行\n\n"])
    assert not is_double_spaced(["第一行\n第二行\n\n第三行\n"])


def test_qinghai_dump_pages_match_the_published_pdf(tmp_path):
    from conftest import CORPORA

    source = read_text(CORPORA / "qinghai-14th-eco-plan.txt")
    assert len(source.pages) == 97
    assert source.paragraph_ends_marked
    assert source.pages[1].lines[0].text == "第一章   准确把握生态环境保护新形势"


def test_trailing_space_marks_paragraph_end_in_dumps_that_use_it(tmp_path):
    lines = ["生态安全屏障功能持续稳固。扎实推进实施三江源二期、环青海湖生态环", "境保护综合治理。 ", "污染防治攻坚战取得阶段性胜利。 ", "全面打响蓝天保卫战"]
    path = tmp_path / "dump.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    source = read_text(path)
    assert [line.hard_break for line in source.pages[0].lines] == [False, True, True, False]


def test_text_lines_carry_columns_for_layout_dumps(tmp_path):
    path = tmp_path / "layout.txt"
    path.write_text("  第一节   指导思想\n 1   森林覆盖率（%）    23.04     24.1    约束性\n", encoding="utf-8")
    first, row = read_text(path).pages[0].lines
    assert (first.x0, first.x1) == (2.0, 12.0)
    assert [segment.text for segment in row.segments] == ["1", "森林覆盖率（%）", "23.04", "24.1", "约束性"]


# A table typed in a monospace editor: columns line up on screen, where a
# CJK character is two cells wide (序号 takes four).
TYPED_TABLE = """\
序号   指标名称           指标属性   单位       2020年基期值   2025年目标值
1      森林覆盖率         约束性     %          59.96          60左右
2      森林蓄积量         约束性     亿立方米   6.18           7.0
3      草原综合植被盖度   预期性     %          86.5           87
"""


def test_a_dump_whose_columns_line_up_on_screen_counts_cjk_characters_two_cells(tmp_path):
    path = tmp_path / "typed.txt"
    path.write_text(TYPED_TABLE, encoding="utf-8")
    header, first, second, third = read_text(path).pages[0].lines
    starts = [[segment.x0 for segment in line.segments] for line in (header, first, second, third)]
    assert starts[0] == starts[1] == starts[2] == starts[3] == [0, 7, 26, 37, 48, 63]
    assert first.em == 2.0


# A GBK layout dump (pdftotext -layout -enc GBK): every character beyond
# ASCII is two bytes, so the columns line up where the quotes, ≥ and Ⅲ of
# a cell count two cells, as its CJK characters do.
GBK_TABLE = """\
序号   指标                     2020年     2025年     属性
1      “无废园区”数量         2          ≥5        预期性
2      Ⅲ类水体比例             80         ≥85       约束性
3      生活垃圾回收利用率       30         35         预期性
"""


def test_a_dump_counting_cjk_characters_two_cells_counts_ambiguous_ones_two_as_well(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(GBK_TABLE.encode("gbk"))
    lines = read_text(path).pages[0].lines
    assert [[(segment.text, segment.x0) for segment in line.segments] for line in lines[1:3]] == [
        [("1", 0), ("“无废园区”数量", 7), ("2", 32), ("≥5", 43), ("预期性", 54)],
        [("2", 0), ("Ⅲ类水体比例", 7), ("80", 32), ("≥85", 43), ("约束性", 54)],
    ]


# pdftotext -layout: one cell a character, numbers right-aligned in their
# columns (1200 / 800), so that the cells' starts alone line up about as
# well counted two cells a CJK character; their ends tell.
RIGHT_ALIGNED_LAYOUT_TABLES = """\
 污染物                       2020 年现状   2025 年目标   2030 年目标
 PM2.5                        42         35         30
 PM10                         68         60         55
 O3 日最大 8 小时平均第 90 百分位数      168        160        155
 NO2                          32         30         28
 序号   工程名称                     减排量（吨）      完成时限
 1    临江电厂燃煤机组深度治理               1200   2023 年 10 月底前
 2    钢铁企业超低排放改造                 3500     2025 年底前
 3    工业炉窑综合治理                   800    2024 年 6 月底前
 4    重点行业挥发性有机物综合治理             1500      2025 年
 5    国三及以下排放标准柴油货车淘汰            600      2022 年底前
"""


def test_a_layout_dump_whose_numbers_line_up_at_their_ends_counts_one_cell_a_character(tmp_path):
    path = tmp_path / "layout.txt"
    path.write_text(RIGHT_ALIGNED_LAYOUT_TABLES, encoding="utf-8")
    lines = read_text(path).pages[0].lines
    assert lines[0].em == 1.0
    assert [segment.text for segment in lines[6].segments] == ["1", "临江电厂燃煤机组深度治理", "1200", "2023 年 10 月底前"]


def test_a_layout_dump_counts_every_character_one_cell(tmp_path):
    path = tmp_path / "layout.txt"
    path.write_text(
        " 1   森林覆盖率（%）     23.04     24.1    约束性\n"
        " 2   草原综合植被盖度（%）  57.4      58      预期性\n"
        " 3   湿地保护率（%）     64.31     ≥66     约束性\n",
        encoding="utf-8",
    )
    lines = read_text(path).pages[0].lines
    assert [[segment.x0 for segment in line.segments] for line in lines] == [[1, 5, 18, 28, 36]] * 3
    assert lines[0].em == 1.0


def test_empty_text_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(PlantextError, match="empty text file"):
        read_text(path)


def test_full_width_digits_and_letters_are_read_half_width(tmp_path):
    path = tmp_path / "ocr.txt"
    path.write_text("表１　主要指标\n", encoding="utf-8")
    assert read_text(path).pages[0].lines[0].text == "表1　主要指标"


def test_reading_half_width_keeps_every_character_in_its_place(tmp_path):
    path = tmp_path / "ocr.txt"
    path.write_text("  ＰＭ２.５浓度  ３１\n", encoding="utf-8")
    row = read_text(path).pages[0].lines[0]
    assert [(segment.text, segment.x0, segment.x1) for segment in row.segments] == [("PM2.5浓度", 2, 9), ("31", 11, 13)]


def test_an_ideographic_space_still_parts_the_cells_of_a_line(tmp_path):
    path = tmp_path / "typed.txt"
    path.write_text("森林覆盖率（%）　２３.０４　２４.１\n", encoding="utf-8")
    row = read_text(path).pages[0].lines[0]
    assert [segment.text for segment in row.segments] == ["森林覆盖率（%）", "23.04", "24.1"]


# A table copied from a web page: cells parted by tabs, each as wide as its
# text; the browser leaves out the 类别 cell merged down from the row above.
WEB_TABLE = (
    "序号\t类别\t指标\t单位\t2020年\t2025年\t属性\n"
    "1\t生态保护\t森林覆盖率\t%\t31.9\t32.5\t预期性\n"
    "2\t湿地保护率\t%\t51\t55\t预期性\n"
)


def _cell_starts(text: str, tmp_path) -> list[list[tuple[str, float]]]:
    path = tmp_path / "copy.txt"
    path.write_text(text, encoding="utf-8")
    return [[(segment.text, segment.x0) for segment in line.segments] for line in read_text(path).pages[0].lines]


def test_a_tab_separated_table_is_laid_out_in_columns_by_the_order_of_its_cells(tmp_path):
    header, first, _ = _cell_starts(WEB_TABLE, tmp_path)
    assert [x0 for _, x0 in header] == [x0 for _, x0 in first] == [0, 4, 10, 17, 21, 28, 35]


def test_a_tab_separated_row_reads_as_its_cells_two_spaces_apart(tmp_path):
    path = tmp_path / "web.txt"
    path.write_text(WEB_TABLE, encoding="utf-8")
    first = read_text(path).pages[0].lines[1]
    assert (first.text, first.x0, first.x1) == ("1  生态保护  森林覆盖率  %  31.9  32.5  预期性", 0.0, 38.0)


def test_a_row_copied_without_its_merged_cell_keeps_its_number_first_and_its_other_cells_last(tmp_path):
    second = _cell_starts(WEB_TABLE, tmp_path)[2]
    assert second == [("2", 0), ("湿地保护率", 10), ("%", 17), ("51", 21), ("55", 28), ("预期性", 35)]


def test_a_word_processor_copy_gives_merged_cells_as_empty_cells(tmp_path):
    second = _cell_starts("环境质量\t1\tPM2.5浓度\t31\n\t2\t优良天数比例\t83.1\n", tmp_path)[1]
    assert second == [("2", 6), ("优良天数比例", 9), ("83.1", 18)]


def test_an_empty_last_cell_keeps_the_cells_of_its_row_in_their_columns(tmp_path):
    rows = _cell_starts("序号\t指标\t2025年\t属性\n1\t森林覆盖率\t32.5\t\n2\t湿地保护率\t55\t预期性\n", tmp_path)
    assert rows[1] == [("1", 0), ("森林覆盖率", 4), ("32.5", 11)]


def test_the_rows_of_a_tab_separated_table_around_its_group_rows_share_its_columns(tmp_path):
    rows = _cell_starts(
        "序号\t指标\t2020年\t2025年\n一、环境质量\n1\t细颗粒物（PM2.5）浓度\t31\t28\n二、生态保护\n2\t森林覆盖率\t31.9\t32.5\n",
        tmp_path,
    )
    assert [[x0 for _, x0 in row] for row in rows[2:5:2]] == [[0, 4, 19, 26], [0, 4, 19, 26]]


def test_a_caption_between_two_tab_separated_tables_parts_them(tmp_path):
    rows = _cell_starts(
        "序号\t指标\t2020年\t2025年\t属性\n1\t森林覆盖率\t31.9\t32.5\t预期性\n"
        "表2　重点工程\n"
        "序号\t工程名称\t投资\n1\t水源地保护工程\t3.5\n",
        tmp_path,
    )
    assert rows[3] == [("序号", 0), ("工程名称", 4), ("投资", 13)]


def test_a_note_line_with_a_tab_under_a_table_is_no_row_of_it(tmp_path):
    rows = _cell_starts(
        "序号\t指标\t单位\t2020年\t2025年\t属性\n1\t森林覆盖率\t%\t31.9\t32.5\t预期性\n"
        "2\t湿地保护率\t%\t51\t55\t预期性\n注：\t[ ]内为五年累计数。\n",
        tmp_path,
    )
    assert rows[3] == [("注：", 0), ("[ ]内为五年累计数。", 3)]


def test_a_cell_holding_a_line_break_is_joined_into_its_row(tmp_path):
    rows = _cell_starts(
        "序号\t指标\t单位\t2020年\t2025年\t属性\n"
        "1\t森林覆盖率\t%\t31.9\t32.5\t预期性\n"
        "2\t单位地区生产总值二氧化碳\n排放降低\t%\t—\t[18]\t约束性\n",
        tmp_path,
    )
    assert [text for text, _ in rows[2]] == ["2", "单位地区生产总值二氧化碳排放降低", "%", "—", "[18]", "约束性"]


def test_a_row_short_of_a_merged_cell_is_not_joined_with_the_note_under_it(tmp_path):
    rows = _cell_starts(
        "类别\t序号\t指标\t2020年\t2025年\n环境质量\t1\tPM2.5浓度\t31\t28\n2\t优良天数比例\t85\t88\n注：\t带*的为约束性指标\n",
        tmp_path,
    )
    assert [text for text, _ in rows[3]] == ["注：", "带*的为约束性指标"]


def test_a_lone_line_with_a_tab_is_no_table(tmp_path):
    heading, _ = _cell_starts("第一章\t总体要求\n到2025年，全市森林覆盖率达到32.5%。\n", tmp_path)
    assert heading == [("第一章", 0), ("总体要求", 4)]


def test_a_short_row_right_under_the_header_is_the_lower_row_of_the_header(tmp_path):
    rows = _cell_starts("序号\t指标\t基准值\t目标值\n2020年\t2025年\n1\t森林覆盖率\t31.9\t32.5\n", tmp_path)
    assert rows[1] == [("2020年", 11), ("2025年", 18)]


@pytest.mark.parametrize(
    "line,cells",
    [
        ("1  用水总量（亿立方米）  163.9  ≤165  约束性", ["1", "用水总量（亿立方米）", "163.9", "≤165", "约束性"]),
        # four spaces: an empty (merged) cell between two
        ("2    空气质量优良天数比例  %  83.1  85左右", ["2", "", "空气质量优良天数比例", "%", "83.1", "85左右"]),
        # two spaces at an end: the row goes on from, or on to, another line
        ("1  环境质量  细颗粒物年均浓度  微克/立方米  31  ", ["1", "环境质量", "细颗粒物年均浓度", "微克/立方米", "31", ""]),
        ("  —  〔20〕  约束性", ["", "—", "〔20〕", "约束性"]),
        # padding to a column (an odd run of three or more spaces) is no such row
        ("1   用水总量     163.9    <165", None),
        # prose
        ("　　到2025年，全市用水总量控制在165亿立方米以内。", None),
        # a heading parted from its title by two spaces is two cells: too few for a table row
        ("第一章  总体要求", ["第一章", "总体要求"]),
    ],
)
def test_spaced_cells_are_parted_by_two_spaces(line, cells):
    assert spaced_cells(line) == cells


@pytest.mark.parametrize(
    "lines,spaced",
    [
        (["序号  指标名称  2020年  2025年", "1  用水总量  163.9  <165", "2  漏损率  9.8  ≤9"], True),
        # a layout dump pads its cells to columns; a row with even gaps by chance is no sign
        (["序号   指标名称       2020年   2025年", "1      用水总量       163.9    <165", "2  漏损率  9.8  ≤9"], False),
        (["　　到2025年，全市用水总量控制在165亿立方米以内。"], False),
        # prose indented by two spaces, with two spaces inside: no row of cells
        (["  到2025年，全市地表水优良比例达到85%，  劣V类水体基本消除。", "  全面推进生态保护。"] * 3, False),
    ],
)
def test_a_dump_parts_cells_by_two_spaces_when_it_pads_no_line_to_columns(lines, spaced):
    assert parts_cells_by_two_spaces(lines) is spaced


# A table a word processor or an OCR engine wrote as text: two spaces
# between cells, each as wide as its text, so that the rows do not line up.
SPACED_TABLE = (
    "表1　主要指标\n"
    "序号  指标名称  2020年  2025年  指标属性\n"
    "1  用水总量（亿立方米）  163.9  <165  约束性\n"
    "2  万元国内生产总值用水量下降（%）  —  〔16〕  约束性\n"
    "注：〔　〕内为五年累计数。\n"
)


def test_a_table_parted_by_two_spaces_is_laid_out_in_columns_by_the_order_of_its_cells(tmp_path):
    _, header, first, second, _ = _cell_starts(SPACED_TABLE, tmp_path)
    assert [x0 for _, x0 in header] == [x0 for _, x0 in first] == [x0 for _, x0 in second] == [0, 4, 22, 29, 36]


def test_a_table_whose_rows_line_up_keeps_the_positions_of_its_cells(tmp_path):
    # the empty cell of the second row (eight spaces) is a place, not three empty cells
    rows = _cell_starts("1  森林  31.9  32.5\n2  湿地        55.0\n", tmp_path)
    assert rows[1] == [("2", 0), ("湿地", 3), ("55.0", 13)]


def test_a_row_wrapped_between_its_cells_is_joined_into_one_row(tmp_path):
    rows = _cell_starts(
        "序号  类别  指标  单位  2020年  2025年  属性\n"
        "1  环境质量  细颗粒物年均浓度  微克/立方米  31  \n"
        "≤28  约束性\n"
        "2    空气质量优良天数比例  %  83.1  85左右  约束性\n",
        tmp_path,
    )
    assert [[text for text, _ in row] for row in rows[1:]] == [
        ["1", "环境质量", "细颗粒物年均浓度", "微克/立方米", "31", "≤28", "约束性"],
        ["2", "空气质量优良天数比例", "%", "83.1", "85左右", "约束性"],
    ]


def test_a_table_padded_with_ideographic_spaces_lines_up_in_screen_cells(tmp_path):
    path = tmp_path / "typed.txt"
    path.write_text(
        "序号　指标　　　　　　单位　2020年\n"
        "1 　　森林覆盖率　　　% 　　31.9\n"
        "2 　　湿地保护率　　　% 　　51\n"
        "3 　　地表水优良比例　% 　　80\n",
        encoding="utf-8",
    )
    lines = read_text(path).pages[0].lines
    assert [[segment.x0 for segment in line.segments] for line in lines] == [[0, 6, 22, 28]] * 4


# pdftotext -layout -enc GBK lines a table up counting two cells for a CJK
# character (its bytes); its centred names make the one-cell count line up by
# chance in many places, a few rows at a time.
GBK_LAYOUT_TABLE = """\
序号                  指标                       单位   基准值    目标值     属性
 1        一般工业固体废物综合利用率              %       55        60      预期性
 2          工业危险废物利用处置率                %       95        100     约束性
 3          城市生活垃圾回收利用率                %       30        35      预期性
 4         城市生活垃圾资源化利用率               %       60       ≥80     预期性
 5        地级城市生活垃圾分类覆盖率              %       40        90      约束性
 6         县城生活垃圾无害化处理率               %       96       ≥98     约束性
 7       城市生活垃圾焚烧处理能力占比             %       58      65 左右   预期性
 8            建筑垃圾综合利用率                  %       35        50      预期性
 9         主要农作物秸秆综合利用率               %       86       ＞86     预期性
 10           畜禽粪污综合利用率                  %       88       ≥90     约束性
 11                农膜回收率                     %       80        85      预期性
 12           医疗废物集中处置率                  %       100       100     约束性
 13     县级以上城市医疗废物无害化处置率          %       98        100     约束性
 14        “无废城市”建设试点城市               个      1          5      预期性
 15        危险废物集中利用处置能力         万吨/年       180       300     预期性
序号                 指标                    单位   基准值    目标值     属性
 16           塑料垃圾填埋量下降              %       —      〔30〕    预期性
 17            再生资源回收总量              万吨    1200      1600     预期性
 18           快递包装绿色转型率              %       —        90      预期性
"""


def test_a_gbk_layout_dump_whose_columns_line_up_in_screen_cells_is_read_so(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(GBK_LAYOUT_TABLE.encode("gb18030"))
    assert read_text(path).pages[0].lines[0].em == 2.0
