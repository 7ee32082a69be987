"""Deadlines of task tables (重点任务分工表): each row's 完成时限 cell dates its task.

An action plan often lists its tasks in a table, one row a task with the
units in charge of it and the time it is due (``2024年底前``, ``长期坚持``).
Such a row is a dated commitment as much as a sentence ``2024年底前，完成…``
is: its deadline is the expression in the time cell, its text the task.
The header words of these columns are kept in ``tables.yaml``
(``schedule_roles``).
"""

from __future__ import annotations

from dataclasses import replace

from plantext.extractors.deadlines import deadline_record, is_past
from plantext.extractors.tables import RawTable, year_headings
from plantext.models import Deadline
from plantext.normalize import remove_spaces
from plantext.timeexpr import find_time_expressions
from plantext.vocab import load_vocabulary


def extract_schedule_deadlines(tables: list[RawTable], plan_start: int | None = None) -> list[Deadline]:
    """One deadline per time expression in the 完成时限 cells of task tables.

    ``plan_start`` is the first year of the plan's period; earlier years are
    the past, as in the text (``find_deadlines_in_sentence``).
    """
    deadlines = []
    for table in tables:
        columns = schedule_columns(table.columns)
        if columns is None:
            continue
        task, due = columns
        built_in = _is_construction_period(table.columns[due])
        for row in table.rows:
            if not row.cells[task]:
                continue
            for expression in find_time_expressions(row.cells[due]):
                if built_in and _is_bare_year(row.cells[due]):
                    expression = replace(expression, kind="during")
                if not is_past(expression, plan_start):
                    deadlines.append(deadline_record(expression, row.cells[task], row.page))
    return deadlines


def _is_construction_period(header: str) -> bool:
    """Does the time column give the years the work is built in (建设年限),
    rather than the time it is due (完成时限)?"""
    words = load_vocabulary("tables")["schedule_roles"]["construction"]
    return any(word in remove_spaces(header) for word in words)


def _is_bare_year(cell: str) -> bool:
    """A cell that is one year and nothing else (2022年): under a construction
    period the year the work is done during, as a range (2021—2023年) is."""
    return len(year_headings(cell)) == 1


def schedule_columns(headers: list[str]) -> tuple[int, int] | None:
    """The task column and the time column of a task table's headers, or
    ``None`` when the table is no task table.

    The time column is found first: its header may name the task too
    (任务完成时限).
    """
    roles = load_vocabulary("tables")["schedule_roles"]
    compact = [remove_spaces(header) for header in headers]
    due = _column(compact, roles["deadline"], taken=None)
    if due is None:
        return None
    task = _column(compact, roles["task"], taken=due)
    return None if task is None else (task, due)


def _column(headers: list[str], words: list[str], taken: int | None) -> int | None:
    """The column other than ``taken`` whose header is one of ``words``, the
    first of them first; else the first whose header holds one (任务完成时限).
    An exact header wins: 工作任务 over 任务类别."""
    for word in words:
        for index, header in enumerate(headers):
            if index != taken and header == word:
                return index
    for index, header in enumerate(headers):
        if index != taken and any(word in header for word in words):
            return index
    return None
