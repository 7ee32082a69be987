"""``report.html``: the comparison as one self-contained page.

The page needs no network and runs no script: the styles are inline and the
charts are SVG written here.  It shows

- the documents compared (and those left out as duplicates of one plan);
- the matrix: one row per catalogue indicator, one column per document, each
  cell the baseline → target as printed, the attribute, the scope and a link
  to the page of the source it came from;
- one chart per indicator shared by two or more documents: each document's
  baseline → target on one axis (hollow dot → filled dot), coloured by
  whether the target improves on the baseline in the indicator's direction;
- the rows left unaligned, with their best candidate and the reason;
- every alignment, with its rule and confidence, for checking.

Links point to the source file (``#page=N`` opens a PDF at the page) when
it can be found from the report's folder; otherwise the page number is shown
with the document id and source path.
"""

from __future__ import annotations

import math
import os
from html import escape
from pathlib import Path
from urllib.parse import quote


from plantext import __version__
from plantext.compare.table import (
    baseline_and_target,
    baseline_text,
    chosen_sources,
    documents_table,
    number_of,
    records_of,
    target_text,
)

# Chart geometry, in SVG user units (pixels at 100 %).
CHART_WIDTH = 760
LABEL_WIDTH = 170
VALUE_MARGIN = 150
ROW_HEIGHT = 34
AXIS_HEIGHT = 34
TOP_MARGIN = 12

COLOURS = {"better": "#1a7f37", "worse": "#cf222e", "same": "#57606a", "baseline": "#57606a"}

STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei",
       "PingFang SC", sans-serif; margin: 2rem auto; max-width: 1200px; color: #1f2328; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; margin-top: 2.2rem; }
h3.domain { font-size: 1rem; margin: 0; }
p.meta, .small { color: #59636e; font-size: .85rem; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
th, td { border: 1px solid #d0d7de; padding: .3rem .45rem; vertical-align: top; text-align: left; }
th { background: #f6f8fa; }
tr.domain th { background: #eaeef2; }
td.missing { color: #afb8c1; text-align: center; }
td.cell .values { white-space: nowrap; }
td.cell .target { font-weight: 600; }
.badge { display: inline-block; font-size: .72rem; padding: 0 .3rem; border-radius: .6rem; margin-left: .25rem; }
.badge.binding { background: #ffebe9; color: #a40e26; }
.badge.expected { background: #ddf4ff; color: #0550ae; }
.scope { color: #59636e; font-size: .75rem; }
.id { font-family: "DejaVu Sans Mono", monospace; font-size: .72rem; color: #59636e; }
a.page { font-size: .75rem; color: #0969da; text-decoration: none; margin-left: .3rem; white-space: nowrap; }
figure.chart { margin: 1.2rem 0 1.8rem; }
figure.chart figcaption { font-weight: 600; margin-bottom: .3rem; }
figure.chart figcaption .small { font-weight: normal; }
svg text { font-size: 12px; fill: #1f2328; }
svg .axis text { fill: #59636e; font-size: 11px; }
svg .grid { stroke: #eaeef2; }
.legend { font-size: .8rem; color: #59636e; }
.legend .dot { display: inline-block; width: .7rem; height: .7rem; border-radius: 50%; vertical-align: middle; }
"""


def render_report(comparison, out_dir: str | Path) -> str:
    """The HTML of the report for ``comparison``, to be saved in ``out_dir``."""
    chosen = chosen_sources(comparison.long, comparison.plans)
    links = _Links(Path(out_dir))
    sections = [
        _documents_section(comparison),
        _matrix_section(comparison, chosen, links),
        _charts_section(comparison, chosen),
        _unaligned_section(comparison, links),
        _alignments_section(comparison, links),
    ]
    title = "规划目标对比 · Plan targets compared"
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',  # no favicon request
        f"<title>{title}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
        f'<p class="meta">{len(comparison.plans)} documents · plantext {__version__} · '
        f"catalogue {escape(' + '.join(comparison.catalogue.sources))} · "
        f"alignment threshold {comparison.threshold:.2f}</p>",
        *sections,
        "</body>",
        "</html>",
        "",
    ])


def shared_indicator_ids(comparison, chosen) -> list[str]:
    """Indicators with a chart: in two or more documents, with at least one number."""
    shared = []
    for indicator_id in comparison.wide.index:
        sources = [chosen[(plan.document.id, indicator_id)] for plan in comparison.plans
                   if (plan.document.id, indicator_id) in chosen]
        numbers = [number_of(row) for rows in sources for row in rows]
        if len(sources) >= 2 and any(number is not None for number in numbers):
            shared.append(indicator_id)
    return shared


# ---------------------------------------------------------------- links


class _Links:
    """Links from the report's folder to the pages of the source documents."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir.resolve()

    def page(self, plan, page) -> str:
        if page is None:
            return ""
        document = plan.document
        label = f"p. {int(page)}"
        tooltip = escape(f"{document.id}: {document.source.path}, page {int(page)}", quote=True)
        source = Path(document.source.path)
        if not source.is_absolute():
            source = Path.cwd() / source
        if not source.exists():
            return f'<span class="small" title="{tooltip}">{label}</span>'
        relative = Path(os.path.relpath(source.resolve(), self.out_dir)).as_posix()
        return f'<a class="page" href="{quote(relative)}#page={int(page)}" title="{tooltip}">{label}</a>'


# ---------------------------------------------------------------- sections


def _documents_section(comparison) -> str:
    table = documents_table(comparison.plans, comparison.duplicates)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_text(value)}</td>" for value in record.values()) + "</tr>"
        for record in records_of(table)
    )
    header = "".join(f"<th>{escape(column)}</th>" for column in table.columns)
    note = ""
    if comparison.duplicates:
        pairs = ", ".join(f"{escape(left)} (same plan as {escape(kept)})" for left, kept in comparison.duplicates)
        note = (f'<p class="small">Left out: {pairs}. Documents with the same region, title and plan '
                "period are one plan; the first one given is compared.</p>")
    return f'<section id="documents"><h2>Documents</h2><table><tr>{header}</tr>{rows}</table>{note}</section>'


def _matrix_section(comparison, chosen, links: _Links) -> str:
    plans = comparison.plans
    header = "<tr><th>Indicator</th><th>Unit</th>" + "".join(
        f'<th>{escape(plan.document.region or plan.document.id)}<br><span class="id">{escape(plan.document.id)}</span></th>'
        for plan in plans
    ) + "</tr>"
    rows, domain = [], None
    for indicator_id in comparison.wide.index:
        entry = comparison.catalogue[indicator_id]
        if entry.domain != domain:
            domain = entry.domain
            label = comparison.catalogue.domains[domain]
            rows.append(f'<tr class="domain"><th colspan="{2 + len(plans)}"><h3 class="domain">'
                        f"{escape(label)} <span class=\"id\">{escape(domain)}</span></h3></th></tr>")
        cells = "".join(_matrix_cell(chosen.get((plan.document.id, indicator_id)), plan, links) for plan in plans)
        arrow = "↑" if entry.direction == "up" else "↓"
        rows.append(
            f'<tr><td>{escape(entry.name)}<br><span class="id">{escape(indicator_id)}</span></td>'
            f'<td>{escape(entry.unit or "")} <span title="improves {entry.direction}">{arrow}</span></td>{cells}</tr>'
        )
    explanation = ("Baseline → target as printed; 约束 binding (约束性), 预期 expected (预期性). "
                   "A dash: the document has no target for the indicator in its plan period.")
    return (f'<section id="matrix"><h2>Matrix</h2><p class="small">{explanation}</p>'
            f"<table>{header}{''.join(rows)}</table></section>")


def _matrix_cell(rows, plan, links: _Links) -> str:
    if not rows:
        return '<td class="missing">—</td>'
    baseline, target = baseline_and_target(rows, plan)
    values = f'<span class="target">{escape(target_text(target))}</span>'
    if baseline_text(baseline):
        values = f"{escape(baseline_text(baseline))} → {values}"
    badge = _attribute_badge(target["attribute"])
    scope = f'<br><span class="scope">{escape(target["scope"])}</span>' if target["scope"] else ""
    tooltip = escape(f"{target['source_name']} ({target['rule']}, {target['confidence']:.2f})", quote=True)
    return (f'<td class="cell" title="{tooltip}"><span class="values">{values}</span>{badge}'
            f"{links.page(plan, target['page'])}{scope}</td>")


def _attribute_badge(attribute) -> str:
    if attribute == "约束性":
        return '<span class="badge binding">约束</span>'
    if attribute == "预期性":
        return '<span class="badge expected">预期</span>'
    return ""


def _charts_section(comparison, chosen) -> str:
    figures = [_chart_figure(comparison, chosen, indicator_id) for indicator_id in shared_indicator_ids(comparison, chosen)]
    legend = (
        '<p class="legend"><span class="dot" style="border:2px solid #57606a"></span> baseline '
        f'<span class="dot" style="background:{COLOURS["better"]}"></span> target better than baseline '
        f'<span class="dot" style="background:{COLOURS["worse"]}"></span> worse '
        f'<span class="dot" style="background:{COLOURS["same"]}"></span> same or no baseline</p>'
    )
    body = "".join(figures) or '<p class="small">No indicator is shared by two documents.</p>'
    return f'<section id="charts"><h2>Shared indicators</h2>{legend}{body}</section>'


def _unaligned_section(comparison, links: _Links) -> str:
    table = comparison.unaligned
    plans = {plan.document.id: plan for plan in comparison.plans}
    if table.empty:
        return '<section id="unaligned"><h2>Unaligned rows</h2><p class="small">Every row was aligned.</p></section>'
    header = ("<tr><th>Document</th><th>Kind</th><th>Name as printed</th><th>Unit</th><th>Page</th>"
              "<th>Best candidate</th><th>Confidence</th><th>Reason</th></tr>")
    rows = "".join(
        f"<tr><td>{escape(record['region'])}</td><td>{escape(record['source_kind'])}</td>"
        f"<td>{escape(record['source_name'])}</td><td>{_text(record['unit'])}</td>"
        f"<td>{links.page(plans[record['document_id']], record['page'])}</td>"
        f'<td class="id">{_text(record["candidate"])}</td><td>{record["confidence"]:.2f}</td>'
        f"<td>{escape(record['reason'] or '')}</td></tr>"
        for record in records_of(table)
    )
    explanation = ("These rows were not given a catalogue id: no rule decided and no catalogue name was similar "
                   "enough. Add an alias or pattern in a catalogue file of your own (--catalogue) to align them.")
    return (f'<section id="unaligned"><h2>Unaligned rows ({len(table)})</h2><p class="small">{explanation}</p>'
            f"<table>{header}{rows}</table></section>")


def _alignments_section(comparison, links: _Links) -> str:
    long = comparison.long
    keys = ["document_id", "source_kind", "source_index", "part"]
    sources = records_of(long.drop_duplicates(subset=keys))
    plans = {plan.document.id: plan for plan in comparison.plans}
    header = ("<tr><th>Document</th><th>Kind</th><th>Name as printed</th><th>Indicator</th><th>Rule</th>"
              "<th>Confidence</th><th>Scope</th><th>Page</th></tr>")
    rows = "".join(
        f"<tr><td>{escape(record['region'])}</td><td>{escape(record['source_kind'])}</td>"
        f"<td>{escape(record['source_name'])}</td><td class=\"id\">{_text(record['indicator_id'])}</td>"
        f"<td>{escape(record['rule'])}</td><td>{record['confidence']:.2f}</td><td>{_text(record['scope'])}</td>"
        f"<td>{links.page(plans[record['document_id']], record['page'])}</td></tr>"
        for record in sources
    )
    return (f'<section id="alignments"><h2>Alignments</h2><details><summary>{len(sources)} indicator rows and '
            f"targets, with the rule that aligned each</summary><table>{header}{rows}</table></details></section>")


# ---------------------------------------------------------------- charts


def _chart_figure(comparison, chosen, indicator_id: str) -> str:
    entry = comparison.catalogue[indicator_id]
    points = []
    for plan in comparison.plans:
        rows = chosen.get((plan.document.id, indicator_id))
        if rows:
            baseline, target = baseline_and_target(rows, plan)
            points.append((plan, baseline, target))
    better = "higher is better ↑" if entry.direction == "up" else "lower is better ↓"
    caption = (f"{escape(entry.name)} <span class=\"small\">{escape(entry.unit or '')} · {better} · "
               f'<span class="id">{escape(indicator_id)}</span></span>')
    return (f'<figure class="chart" id="chart-{escape(indicator_id)}"><figcaption>{caption}</figcaption>'
            f"{_dumbbell_svg(entry, points)}</figure>")


def _dumbbell_svg(entry, points) -> str:
    """Baseline → target of each document on one horizontal axis."""
    numbers = [number for _, baseline, target in points for number in (number_of(baseline), number_of(target))
               if number is not None]
    low, high, ticks = _axis(min(numbers), max(numbers))
    plot_left, plot_right = LABEL_WIDTH, CHART_WIDTH - VALUE_MARGIN
    height = TOP_MARGIN + ROW_HEIGHT * len(points) + AXIS_HEIGHT

    def x(value: float) -> float:
        return round(plot_left + (value - low) / (high - low) * (plot_right - plot_left), 1)

    parts = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{CHART_WIDTH}" height="{height}" '
             f'viewBox="0 0 {CHART_WIDTH} {height}" role="img" aria-label="{escape(entry.name, quote=True)}">']
    axis_y = TOP_MARGIN + ROW_HEIGHT * len(points)
    parts.append('<g class="axis">')
    for tick in ticks:
        parts.append(f'<line class="grid" x1="{x(tick)}" y1="{TOP_MARGIN}" x2="{x(tick)}" y2="{axis_y}"/>')
        parts.append(f'<text x="{x(tick)}" y="{axis_y + 16}" text-anchor="middle">{_tick_label(tick)}</text>')
    parts.append(f'<line x1="{plot_left}" y1="{axis_y}" x2="{plot_right}" y2="{axis_y}" stroke="#8c959f"/></g>')
    for row, (plan, baseline, target) in enumerate(points):
        parts.append(_dumbbell_row(entry, plan, baseline, target, TOP_MARGIN + ROW_HEIGHT * row + ROW_HEIGHT / 2, x))
    parts.append("</svg>")
    return "".join(parts)


def _dumbbell_row(entry, plan, baseline, target, y: float, x) -> str:
    before, after = number_of(baseline), number_of(target)
    label = escape(plan.document.region or plan.document.id)
    parts = [f'<text x="{LABEL_WIDTH - 10}" y="{y + 4}" text-anchor="end">{label}</text>']
    colour = COLOURS[_verdict(entry.direction, before, after)]
    if before is not None and after is not None:
        parts.append(f'<line x1="{x(before)}" y1="{y}" x2="{x(after)}" y2="{y}" stroke="{colour}" stroke-width="2.5"/>')
    if before is not None:
        tip = escape(f"{plan.document.id}: baseline {baseline['year']} {baseline['raw']}", quote=True)
        parts.append(f'<circle class="baseline" cx="{x(before)}" cy="{y}" r="6" fill="#fff" '
                     f'stroke="{COLOURS["baseline"]}" stroke-width="2"><title>{tip}</title></circle>')
    if after is not None:
        tip = escape(f"{plan.document.id}: target {target['year']} {target_text(target)} (p. {target['page']})", quote=True)
        parts.append(f'<circle class="target" cx="{x(after)}" cy="{y}" r="6.5" fill="{colour}"><title>{tip}</title></circle>')
    # A target without a number (完成国家下达目标) is still shown, in grey, by its words.
    style = "" if after is not None else ' style="fill:#8c959f"'
    parts.append(f'<text x="{CHART_WIDTH - VALUE_MARGIN + 10}" y="{y + 4}"{style}>'
                 f"{escape(_shorten(target_text(target)))}</text>")
    return "".join(parts)


def _verdict(direction: str, before: float | None, after: float | None) -> str:
    if before is None or after is None or before == after:
        return "same"
    improved = after > before if direction == "up" else after < before
    return "better" if improved else "worse"


def _axis(low: float, high: float) -> tuple[float, float, list[float]]:
    """An axis range with room around the dots, and about five round ticks.

    An axis of values that are all zero or more does not go below zero.
    """
    non_negative = low >= 0
    if low == high:
        spread = abs(low) / 2 or 1
        low, high = low - spread, high + spread
    step = _round_step((high - low) / 5)
    start, end = math.floor(low / step) * step, math.ceil(high / step) * step
    if start == low:
        start -= step
    if end == high:
        end += step
    if non_negative:
        start = max(start, 0)
    count = round((end - start) / step)
    return start, end, [round(start + step * index, 10) for index in range(count + 1)]


def _round_step(raw_step: float) -> float:
    magnitude = 10 ** math.floor(math.log10(raw_step))
    for factor in (1, 2, 5, 10):
        if raw_step <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _tick_label(value: float) -> str:
    return f"{value:g}"


def _shorten(text: str, limit: int = 10) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(value) -> str:
    return "" if value is None else escape(str(value))
