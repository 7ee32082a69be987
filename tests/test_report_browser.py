"""report.html in headless Chromium: it loads with no console error and shows its charts.

Chromium (Debian package ``chromium``) prints the page's console messages on
standard error with ``--enable-logging=stderr`` (``…:INFO:CONSOLE:2] "Uncaught
ReferenceError: …"``); a canary page checks that this still works.  The
report runs no script, so any console message is a fault.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from plantext.compare import compare
from plantext.compare.report import shared_indicator_ids
from plantext.compare.table import chosen_sources
from plantext.models import Plan

CHROMIUM = shutil.which("chromium")
STEMS = ("qinghai-14th-eco-plan", "national-14th-eco-plan", "gansu-14th-eco-plan")
CONSOLE_MESSAGE = re.compile(r":CONSOLE[:(]|Uncaught")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")


def chromium(page, tmp_path, *options: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    return subprocess.run(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
            "--enable-logging=stderr", "--v=0", *options, page.resolve().as_uri(),
        ],
        capture_output=True, text=True, timeout=120,
    )


def console_messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if CONSOLE_MESSAGE.search(line)]


@pytest.fixture(scope="module")
def comparison(extracted):
    return compare([Plan.model_validate(extracted(stem, "txt")) for stem in STEMS])


@pytest.fixture(scope="module")
def report(comparison, tmp_path_factory):
    out = tmp_path_factory.mktemp("comparison")
    comparison.write(out)
    return out / "report.html"


def test_the_console_check_catches_a_script_error(tmp_path):
    canary = tmp_path / "canary.html"
    canary.write_text('<!DOCTYPE html><html><head><link rel="icon" href="data:,"></head><body>'
                      "<script>console.error('canary'); notDefined();</script></body></html>", encoding="utf-8")

    messages = console_messages(chromium(canary, tmp_path, "--dump-dom").stderr)

    assert any('"canary"' in line for line in messages)
    assert any("Uncaught ReferenceError" in line for line in messages)


def test_the_report_loads_without_console_messages_and_shows_a_chart_per_shared_indicator(
    report, comparison, tmp_path
):
    result = chromium(report, tmp_path, "--dump-dom")
    dom = result.stdout

    assert result.returncode == 0
    assert console_messages(result.stderr) == []
    shared = shared_indicator_ids(comparison, chosen_sources(comparison.long, comparison.plans))
    charts = re.findall(r'<figure class="chart" id="chart-([^"]+)">', dom)
    assert charts == shared
    assert {"air.pm25_concentration", "air.good_days_ratio", "ecology.forest_cover"} <= set(charts)
    assert dom.count('<svg class="chart"') == len(shared)
    assert dom.count('<circle class="target"') >= len(shared)
    for section in ("documents", "matrix", "charts", "unaligned", "alignments"):
        assert f'<section id="{section}">' in dom


def test_the_report_needs_no_network(report):
    html = report.read_text(encoding="utf-8")

    assert "<script" not in html
    assert re.findall(r"https?://[^\"' )]+", html) == ["http://www.w3.org/2000/svg"] * html.count("<svg")


def test_values_link_to_their_source_page(report):
    html = report.read_text(encoding="utf-8")

    # 青海省 表 2 is on page 16 of the text dump, which is found from the report's folder.
    assert re.search(r'href="[^"]*corpora/qinghai-14th-eco-plan\.txt#page=16"', html)


def test_a_screenshot_of_the_report_is_taken(report, tmp_path):
    screenshot = tmp_path / "report.png"

    result = chromium(report, tmp_path, f"--screenshot={screenshot}", "--window-size=1400,2000")

    assert result.returncode == 0
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
