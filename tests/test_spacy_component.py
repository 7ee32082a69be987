"""The plantext_targets spaCy component, used as a researcher would: spacy.blank + add_pipe."""

from __future__ import annotations

import pytest
import spacy

# spaCy's Chinese tokenizer splits characters unless told to use jieba.
JIEBA = {"nlp": {"tokenizer": {"segmenter": "jieba"}}}

TEXT = (
    "青海省“十四五”生态环境保护规划\n"
    "2020年，全省环境空气质量优良天数比例达97.2%。"
    "到2025年，城市、县城(建成区)生活垃圾无害化处理率分别达到97%和92%。"
    "推进企业环境应急预案电子化备案，2022年底前完成县级及以上政府突发环境事件应急预案修编。"
)


@pytest.fixture(scope="module")
def doc():
    nlp = spacy.blank("zh", config=JIEBA)
    nlp.add_pipe("plantext_targets")
    return nlp(TEXT)


def test_the_factory_is_found_through_its_entry_point():
    # No import of plantext.spacy_component here: spaCy finds it by name.
    nlp = spacy.blank("zh", config=JIEBA)
    nlp.add_pipe("plantext_targets")
    assert nlp.pipe_names == ["plantext_targets"]


def test_targets_are_spans_with_their_attributes(doc):
    spans = doc.spans["plantext_targets"]
    assert [(span.text, span.label_) for span in spans] == [("97%", "TARGET"), ("92%", "TARGET")]
    assert spans[0]._.plantext == {
        "metric": "城市生活垃圾无害化处理率",
        "value": 97,
        "unit": "%",
        "comparator": ">=",
        "change": "level",
        "deadline": {"raw": "到2025年", "year": 2025, "date": "2025-12-31", "kind": "by"},
    }
    assert spans[1]._.plantext["metric"] == "县城(建成区)生活垃圾无害化处理率"


def test_deadlines_are_spans_with_their_attributes(doc):
    spans = doc.spans["plantext_deadlines"]
    assert [(span.text, span.label_) for span in spans] == [("到2025年", "DEADLINE"), ("2022年底前", "DEADLINE")]
    assert spans[1]._.plantext == {"raw": "2022年底前", "year": 2022, "date": "2022-12-31", "kind": "by"}


def test_the_plan_period_named_in_the_text_makes_earlier_years_the_past(doc):
    assert "2020年" not in [span.text for span in doc.spans["plantext_deadlines"]]
    assert "97.2%" not in [span.text for span in doc.spans["plantext_targets"]]


def test_the_plan_start_year_can_be_set():
    nlp = spacy.blank("zh", config=JIEBA)
    nlp.add_pipe("plantext_targets", config={"plan_start_year": 2016})
    doc = nlp("2020年，全省环境空气质量优良天数比例达97.2%。")
    assert [span.text for span in doc.spans["plantext_targets"]] == ["97.2%"]


def test_spans_cover_whole_tokens_with_the_character_segmenter():
    nlp = spacy.blank("zh")
    nlp.add_pipe("plantext_targets")
    doc = nlp("到2025年，地级城市再生水利用率达到25%。")
    assert [span.text for span in doc.spans["plantext_targets"]] == ["25%"]
    assert [span.text for span in doc.spans["plantext_deadlines"]] == ["到2025年"]
