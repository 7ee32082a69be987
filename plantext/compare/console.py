"""The comparison's main indicators as a ``rich`` table on the terminal.

The main indicators are the ones two or more documents share (all of them
when only one document is compared): one row each, one column per document,
each cell the baseline → target as printed, bold when the target is binding
(约束性).
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from plantext.compare.table import baseline_and_target, baseline_text, chosen_sources, target_text


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


def print_comparison(comparison, console: Console | None = None) -> None:
    """Print the table of the main indicators."""
    (console or Console()).print(comparison_table(comparison))


def _cell(rows, plan) -> str:
    if not rows:
        return "[dim]—[/dim]"
    baseline, target = baseline_and_target(rows, plan)
    text = target_text(target)
    if baseline_text(baseline):
        text = f"{baseline_text(baseline)} → {text}"
    text = text.replace("[", r"\[")  # rich markup
    return f"[bold]{text}[/bold]" if target["attribute"] == "约束性" else text
