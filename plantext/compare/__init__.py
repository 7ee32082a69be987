"""Comparing targets across plans: align, tabulate, report.

>>> from plantext.compare import compare
>>> comparison = compare(["extracted/"])                 # doctest: +SKIP
>>> comparison.wide.loc["air.pm25_concentration"]       # doctest: +SKIP
>>> comparison.write("comparison/")                     # doctest: +SKIP

``compare`` reads plans (``Plan`` objects, their JSON dicts, or paths of
JSON/JSONL files or folders of them), keeps one document per plan, aligns
every indicator row and prose target to the catalogue
(``plantext.compare.align``) and builds the long and wide tables
(``plantext.compare.table``).  ``Comparison.write`` writes the tables, the
unaligned rows and the HTML report.

One plan is often extracted twice, from its PDF and from its text dump.
Documents with the same region, title and plan period are one plan: the
first one given is kept and the others are listed in
``Comparison.duplicates``, so a plan never counts as two regions.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from plantext.errors import PlantextError

if TYPE_CHECKING:  # imported when used: `plantext --help` stays fast
    import pandas as pd

    from plantext.compare.catalogue import Catalogue
    from plantext.models import Plan

PLAN_SUFFIXES = (".json", ".jsonl")
# extract's manifest sits beside the plans it describes; it is not a plan.
SKIPPED_FILE_NAMES = ("_manifest.jsonl",)

OUTPUT_FILES = (
    "comparison_long.csv",
    "comparison_long.parquet",
    "comparison_wide.csv",
    "comparison_wide.xlsx",
    "unaligned.csv",
    "report.html",
)


@dataclass
class Comparison:
    """The result of ``compare``: the documents kept and the tables built from them."""

    plans: list[Plan]  # one per plan compared, in input order
    duplicates: list[tuple[str, str]]  # (document id left out, document id kept in its place)
    catalogue: Catalogue
    threshold: float
    long: pd.DataFrame  # plantext.compare.table.LONG_COLUMNS
    wide: pd.DataFrame  # indexed by indicator_id, columns <document id>.<field>
    unaligned: pd.DataFrame  # plantext.compare.table.UNALIGNED_COLUMNS

    def write(self, out_dir: str | Path) -> list[Path]:
        """Write the tables and ``report.html`` into ``out_dir``; return the paths.

        Each file is written to a temporary file in ``out_dir`` and renamed,
        so a reader never sees half a file.
        """
        from plantext.compare.report import render_report

        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        writers = {
            "comparison_long.csv": lambda path: self.long.to_csv(path, index=False, encoding="utf-8"),
            "comparison_long.parquet": lambda path: self.long.to_parquet(path, index=False),
            "comparison_wide.csv": lambda path: self.wide.to_csv(path, encoding="utf-8"),
            "comparison_wide.xlsx": self._write_workbook,
            "unaligned.csv": lambda path: self.unaligned.to_csv(path, index=False, encoding="utf-8"),
            "report.html": lambda path: path.write_text(render_report(self, out), encoding="utf-8"),
        }
        return [write_atomically(out / name, writers[name]) for name in OUTPUT_FILES]

    def _write_workbook(self, path: Path) -> None:
        import pandas as pd

        from plantext.compare.table import documents_table

        with pd.ExcelWriter(path, engine="openpyxl") as workbook:
            self.wide.to_excel(workbook, sheet_name="comparison", freeze_panes=(1, 2))
            documents_table(self.plans, self.duplicates).to_excel(workbook, sheet_name="documents", index=False)
            self.unaligned.to_excel(workbook, sheet_name="unaligned", index=False)


def compare(
    plans: Iterable,
    catalogue: Catalogue | str | Path | Iterable[str | Path] | None = None,
    threshold: float | None = None,
    on_error: Callable[[PlantextError], None] | None = None,
) -> Comparison:
    """Align the indicators and targets of ``plans`` and tabulate them side by side.

    ``plans``: ``Plan`` objects, plan dicts, or paths of plan JSON/JSONL files
    and folders.  ``catalogue``: a ``Catalogue``, or paths of YAML files
    merged over the shipped catalogue (``--catalogue``).  ``threshold``: the
    least confidence of an alignment (``--threshold``; alignment.yaml's by
    default).  ``on_error``: called with each unreadable input, which is then
    left out; without it the first one raises ``PlantextError``.
    """
    from plantext.compare.align import Aligner
    from plantext.compare.table import align_records, long_table, unaligned_table, wide_table

    catalogue = resolve_catalogue(catalogue)
    kept, duplicates = deduplicate(load_plans(plans, on_error))
    aligner = Aligner(catalogue, threshold)
    records = align_records(kept, aligner)
    long = long_table(records, catalogue)
    return Comparison(
        plans=kept,
        duplicates=duplicates,
        catalogue=catalogue,
        threshold=aligner.threshold,
        long=long,
        wide=wide_table(long, kept, catalogue),
        unaligned=unaligned_table(records),
    )


def resolve_catalogue(catalogue) -> Catalogue:
    """A ``Catalogue`` from ``None`` (the shipped one), a path or paths of extra files, or a ``Catalogue``."""
    from plantext.compare.catalogue import Catalogue, load_catalogue

    if isinstance(catalogue, Catalogue):
        return catalogue
    if catalogue is None:
        return load_catalogue()
    if isinstance(catalogue, (str, Path)):
        return load_catalogue([catalogue])
    return load_catalogue(catalogue)


# ---------------------------------------------------------------- reading plans


def load_plans(items: Iterable, on_error: Callable[[PlantextError], None] | None = None) -> list[Plan]:
    """``Plan`` objects from plans, plan dicts, and paths of plan files or folders.

    A folder stands for the ``*.json`` and ``*.jsonl`` files below it
    (extract's ``_manifest.jsonl`` excepted), in name order.  A file that is
    missing, not JSON, or not a plantext document raises ``PlantextError``
    naming it, or is passed to ``on_error`` and left out.
    """
    from plantext.models import Plan

    plans = []
    for item in ([items] if isinstance(items, (str, Path)) else items):
        if isinstance(item, Plan):
            plans.append(item)
            continue
        try:
            if isinstance(item, dict):
                plans.append(_validated(item, "<plan dict>"))
            else:
                plans.extend(_read_plans(Path(item)))
        except PlantextError as error:
            if on_error is None:
                raise
            on_error(error)
    return plans


def _read_plans(path: Path) -> list[Plan]:
    if path.is_dir():
        files = sorted(
            found for found in path.rglob("*")
            if found.suffix in PLAN_SUFFIXES and found.name not in SKIPPED_FILE_NAMES and found.is_file()
        )
        if not files:
            raise PlantextError(path, "no plan JSON files in this folder")
        return [plan for found in files for plan in _read_plans(found)]
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlantextError(path, "no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PlantextError(path, f"cannot read ({error})") from None
    if path.suffix == ".jsonl":
        lines = [(number, line) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
        return [_validated(_parsed(line, path, number), f"{path}:{number}") for number, line in lines]
    return [_validated(_parsed(text, path), str(path))]


def _parsed(text: str, path: Path, line: int | None = None) -> dict:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {line}" if line else f"line {error.lineno}"
        raise PlantextError(path, f"not valid JSON ({error.msg}, {where})") from None
    return data


def _validated(data, where: str) -> Plan:
    from pydantic import ValidationError

    from plantext.models import Plan

    try:
        return Plan.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"]) or "document"
        raise PlantextError(where, f"not a plantext document ({location}: {first['msg']})") from None


def deduplicate(plans: list[Plan]) -> tuple[list[Plan], list[tuple[str, str]]]:
    """Keep the first document of each plan (same region, title and period).

    Returns the kept plans and the (left out, kept) pairs of document ids.
    """
    kept, duplicates, seen = [], [], {}
    for plan in plans:
        document = plan.document
        period = (document.period.start, document.period.end) if document.period else None
        key = (document.region, document.title, period)
        if key in seen:
            duplicates.append((document.id, seen[key]))
        else:
            seen[key] = document.id
            kept.append(plan)
    return kept, duplicates


# ---------------------------------------------------------------- atomic files


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(temporary_path)`` in ``path``'s folder, then rename it to ``path``."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        write(Path(temporary))
        os.chmod(temporary, 0o666 & ~current_umask())  # mkstemp's files are private (0600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def current_umask() -> int:
    """The process's umask (reading it means setting it, so it is set back at once)."""
    umask = os.umask(0)
    os.umask(umask)
    return umask
