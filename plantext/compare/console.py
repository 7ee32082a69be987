"""The comparison's main indicators as a ``rich`` table on the terminal.

The main indicators are the ones two or more documents share (all of them
when only one document is compared): one row each, one column per document,
each cell the baseline → target as printed, bold when the target is binding
(约束性).  When the documents are too many for a column each on the
terminal, each row sums up the targets instead: how many documents set one,
the lowest, the median and the highest, with the regions that set the
extremes (the tables written to disk keep every cell).
"""

from __future__ import annotations

import statistics

from rich.console import Console
from rich.table import Table

from plantext.compare.table import baseline_and_target, baseline_text, chosen_sources, number_of, target_text

# Terminal cells a document's column needs to be readable (≥94.6 → 95.5),
# and those the indicator and unit columns take.
DOCUMENT_COLUMN_CELLS = 14
NAME_COLUMNS_CELLS = 30


def main_indicator_ids(comparison) -> list[str]:
    """Indicators shared by two or more documents, or all when one document is compared."""
    least = 2 if len(comparison.plans) > 1 else 1
    return [indicator_id for indicator_id, count in comparison.wide["documents"].items() if count >= least]


def comparison_table(comparison) -> Table:
    """A ``rich.table.Table`` of the main indicators."""
    chosen = chosen_sources(comparison.long, comparison.plans)
    aligned = comparison.long.drop_duplicates(["document_id", "source_kind", "source_index", "part"])
    caption = (f"{int(aligned['indicator_id'].notna().sum())} rows and targets aligned, "
               f"{len(comparison.unaligned)} unaligned; bold: binding (约束性)")
    table = Table(title="Targets compared: baseline → target", caption=caption, show_lines=False)
    # Chinese has no spaces to wrap at: fold long cells instead of cutting them.
    table.add_column("Indicator", overflow="fold")
    table.add_column("Unit", overflow="fold")
    for plan in comparison.plans:
        table.add_column(plan.document.region or plan.document.id, overflow="fold")
    for indicator_id in main_indicator_ids(comparison):
        entry = comparison.catalogue[indicator_id]
        cells = [_cell(chosen.get((plan.document.id, indicator_id)), plan) for plan in comparison.plans]
        table.add_row(entry.name, entry.unit or "", *cells)
    return table


def summary_table(comparison) -> Table:
    """A ``rich.table.Table`` of the main indicators, a row each summing up
    the documents' targets: their number, lowest, median and highest value
    (in the indicator's unit), and the regions setting the lowest and the highest."""
    chosen = chosen_sources(comparison.long, comparison.plans)
    table = Table(title=f"Targets of {len(comparison.plans)} documents compared", show_lines=False)
    for header in ("Indicator", "Unit", "Documents", "Lowest", "Median", "Highest"):
        table.add_column(header, overflow="fold")
    for indicator_id in main_indicator_ids(comparison):
        entry = comparison.catalogue[indicator_id]
        targets = _target_values(chosen, indicator_id, comparison.plans)
        if not targets:
            table.add_row(entry.name, entry.unit or "", "0", "—", "—", "—")
            continue
        lowest, highest = min(targets), max(targets)
        table.add_row(
            entry.name,
            entry.unit or "",
            str(len(targets)),
            f"{lowest[0]:g} ({lowest[1]})",
            f"{statistics.median(value for value, _ in targets):g}",
            f"{highest[0]:g} ({highest[1]})",
        )
    return table


def _target_values(chosen, indicator_id: str, plans) -> list[tuple[float, str]]:
    """(target value, region or document id) of each document that sets one."""
    values = []
    for plan in plans:
        rows = chosen.get((plan.document.id, indicator_id))
        if not rows:
            continue
        _, target = baseline_and_target(rows, plan)
        value = number_of(target)
        if value is not None:
            values.append((value, plan.document.region or plan.document.id))
    return values


def print_comparison(comparison, console: Console | None = None) -> None:
    """Print the table of the main indicators: a column per document when
    they fit the terminal, else a row of figures summing up each indicator."""
    console = console or Console()
    needed = NAME_COLUMNS_CELLS + DOCUMENT_COLUMN_CELLS * len(comparison.plans)
    console.print(comparison_table(comparison) if needed <= console.width else summary_table(comparison))


def _cell(rows, plan) -> str:
    if not rows:
        return "[dim]—[/dim]"
    baseline, target = baseline_and_target(rows, plan)
    text = target_text(target)
    if baseline_text(baseline):
        text = f"{baseline_text(baseline)} → {text}"
    text = text.replace("[", r"\[")  # rich markup
    return f"[bold]{text}[/bold]" if target["attribute"] == "约束性" else text
