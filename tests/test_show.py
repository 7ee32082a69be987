"""The HTML view: a document's paragraphs with targets and deadlines highlighted, by page."""

from __future__ import annotations

import re

import pytest

from conftest import CORPORA
from plantext.cli import main
from plantext.show import render_html

QINGHAI_TXT = CORPORA / "qinghai-14th-eco-plan.txt"


@pytest.fixture(scope="module")
def page():
    return render_html(QINGHAI_TXT)


def marks(page):
    """(highlighted text, label, note) of every displaCy mark."""
    found = re.findall(r'<mark class="entity"[^>]*>\s*(.*?)\s*<span[^>]*>(\w+)\s*<a[^>]*>(.*?)</a>', page, re.S)
    return [(text, label, note) for text, label, note in found]


def test_targets_are_highlighted_with_their_metric(page):
    assert ("600万千瓦", "TARGET", "全省新型储能装机规模 level ≈ 600万千瓦 · “十四五”末") in marks(page)
    assert ("85%", "TARGET", "公路干线废旧路面材料循环利用率 level ≥ 85% · 到2025年") in marks(page)


def test_deadlines_are_highlighted_with_their_date_and_kind(page):
    assert ("2022年底前", "DEADLINE", "2022-12-31 by") in marks(page)
    assert ("2021年7月1日", "DEADLINE", "2021-07-01 on") in marks(page)


def test_every_record_of_the_extraction_is_highlighted(page, extracted):
    plan = extracted("qinghai-14th-eco-plan", "txt")
    labels = [label for _, label, _ in marks(page)]
    # No value of this plan is shared by two metrics, so each target has its mark.
    assert labels.count("TARGET") == len(plan["targets"])
    assert labels.count("DEADLINE") == len(plan["deadlines"])


def test_paragraphs_are_headed_and_anchored_by_their_page(page):
    assert 'id="p-35"' in page
    assert '<a class="page" href="#p-35">p. 35</a>' in page
    assert len(re.findall(r'id="p-35"', page)) == 1


def test_the_page_is_self_contained(page):
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert "http" not in page and "<script" not in page


def test_only_marked_leaves_out_paragraphs_without_records(page):
    marked = render_html(QINGHAI_TXT, only_marked=True)
    assert marks(marked) == marks(page)
    assert marked.count('<section class="paragraph"') < page.count('<section class="paragraph"')


def test_the_show_command_writes_the_page(tmp_path):
    out = tmp_path / "qinghai.html"
    with pytest.raises(SystemExit) as exit_info:
        main(["show", str(QINGHAI_TXT), "--html", str(out), "--only-marked", "--title", "青海"], standalone_mode=True)
    assert exit_info.value.code in (0, None)
    text = out.read_text(encoding="utf-8")
    assert "<title>青海</title>" in text and "2022年底前" in text


def test_every_prose_paragraph_is_shown(page):
    from plantext.ingest import read_source
    from plantext.layout import BoxRegion, Paragraph, analyse

    layout = analyse(read_source(QINGHAI_TXT))
    prose = [block for block in layout.blocks if isinstance(block, Paragraph)]
    prose += [paragraph for block in layout.blocks if isinstance(block, BoxRegion) for paragraph in block.paragraphs]
    assert page.count('<section class="paragraph"') == len(prose)
