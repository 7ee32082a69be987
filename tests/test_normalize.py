"""The contract's normalisation rules, by example."""

from __future__ import annotations

import pytest

from plantext.normalize import join_lines, normalize_text


@pytest.mark.parametrize(
    "printed,normalised",
    [
        ("到 2025 年，地级城市再生水利用率达到 25%", "到2025年，地级城市再生水利用率达到25%"),
        ("2022 年底前", "2022年底前"),
        ("湟水河出省断面水质达到 III 类", "湟水河出省断面水质达到Ⅲ类"),
        ("湟水流域劣 V类水质比例", "湟水流域劣Ⅴ类水质比例"),
        ("II 类及以上", "Ⅱ类及以上"),
        ("地表水Ⅰ～III类水体比例", "地表水Ⅰ～Ⅲ类水体比例"),
        ("CCER 是指中国核证减排量", "CCER是指中国核证减排量"),
        ("全面实施重型车国 6a 排放标准", "全面实施重型车国6a排放标准"),
        ("浓度降至３３微克/立方米，比例达到８７．５％", "浓度降至33微克/立方米，比例达到87.5%"),
        ("第一章\u3000\u3000把握生态环境保护新形势", "第一章把握生态环境保护新形势"),
        ("VOCs and NOx", "VOCs and NOx"),
        ("（PM2.5）浓度", "（PM2.5）浓度"),
        # an ideographic full stop between digits is a decimal point…
        ("利用系数达到0。57", "利用系数达到0.57"),
        # …unless a sentence opening with a date follows it, or the number has its point already
        ("系数提高到0.625。2023年底前，完成", "系数提高到0.625。2023年底前，完成"),
        ("系数提高到0.625。2个示范区", "系数提高到0.625。2个示范区"),
    ],
)
def test_normalize_text(printed, normalised):
    assert normalize_text(printed) == normalised


def test_join_lines_joins_chinese_without_space():
    assert join_lines(["全省生态环境质量持续改善，人民生态环境福祉", "不断提高。"]) == "全省生态环境质量持续改善，人民生态环境福祉不断提高。"


def test_join_lines_keeps_a_space_between_latin_words():
    assert join_lines(["Carbon Capture", "Utilization"]) == "Carbon Capture Utilization"
