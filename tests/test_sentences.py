"""Sentences of a paragraph, as the annotation guidelines define them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plantext.extractors.sentences import CLOSING_MARKS, SENTENCE_END_MARKS, paragraph_sentences, split_sentences
from plantext.layout import Paragraph


def sentences_of(text):
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    "text,sentences",
    [
        (
            "到2025年，湟水流域出境断面水质稳定保持在Ⅲ类，水土保持率达到77%。到2035年，城乡人居环境持续改善，水土保持功能显著提升。",
            [
                "到2025年，湟水流域出境断面水质稳定保持在Ⅲ类，水土保持率达到77%。",
                "到2035年，城乡人居环境持续改善，水土保持功能显著提升。",
            ],
        ),
        # A semicolon does not end a sentence.
        (
            "2021年7月1日，全面实施重型车国6a排放标准;2023年7月1日，实施轻型车和重型车国6b排放标准;全面实施非道路移动柴油机械第四阶段、船舶第二阶段排放标准。",
            ["2021年7月1日，全面实施重型车国6a排放标准;2023年7月1日，实施轻型车和重型车国6b排放标准;全面实施非道路移动柴油机械第四阶段、船舶第二阶段排放标准。"],
        ),
        # A run-in heading ending in 。 is a sentence of its own.
        (
            "———环境质量持续保持全国一流。主要城市空气质量优良天数比例达到90%以上，实现细颗粒物和臭氧“双控双减”。",
            ["———环境质量持续保持全国一流。", "主要城市空气质量优良天数比例达到90%以上，实现细颗粒物和臭氧“双控双减”。"],
        ),
        # Closing quotes after the end mark belong to the sentence they close.
        (
            "强调“要把青海生态文明建设好。”全省上下深入践行！是否完成？",
            ["强调“要把青海生态文明建设好。”", "全省上下深入践行！", "是否完成？"],
        ),
        # The last sentence may lack its end mark.
        ("2024年底前完成规划实施情况中期评估。结果向社会公开", ["2024年底前完成规划实施情况中期评估。", "结果向社会公开"]),
        # Whitespace between sentences belongs to none of them.
        ("  到2025年，完成整治。\n  结果向社会公开。 ", ["到2025年，完成整治。", "结果向社会公开。"]),
        ("", []),
        ("  \n", []),
    ],
)
def test_a_sentence_ends_at_a_full_stop_exclamation_or_question_mark(text, sentences):
    assert sentences_of(text) == sentences


def test_each_sentence_starts_on_the_page_of_its_first_character():
    text = "到2025年，地级城市再生水利用率达到25%。到2025年，全省主要河流生态流量管理措施全面落实。"
    second = text.index("到2025年，全省")
    paragraph = Paragraph(text=text, page=46, lines=[], page_starts=[(0, 46), (second + 3, 47)])
    assert [(sentence.text[:7], sentence.page) for sentence in paragraph_sentences(paragraph)] == [
        ("到2025年，", 46),
        ("到2025年，", 46),
    ]
    paragraph.page_starts = [(0, 46), (second, 47)]
    assert [sentence.page for sentence in paragraph_sentences(paragraph)] == [46, 47]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("到年，达完成" + SENTENCE_END_MARKS + CLOSING_MARKS + " \n\u3000")))
def test_sentences_cover_every_printed_character_once_in_order(text):
    spans = split_sentences(text)
    covered = [position for start, end in spans for position in range(start, end)]
    assert covered == sorted(set(covered))
    assert {position for position, char in enumerate(text) if not char.isspace()} <= set(covered)
    for index, (start, end) in enumerate(spans):
        assert not text[start].isspace() and not text[end - 1].isspace()
        if index < len(spans) - 1:
            assert text[end - 1] in SENTENCE_END_MARKS + CLOSING_MARKS
