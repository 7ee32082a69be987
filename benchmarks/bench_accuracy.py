"""Accuracy of plantext against hand-checked gold, per document, form and section.

Scores every document that has gold: the bundled corpora (gold in
``tests/gold``) and the review plans in ``benchmarks/review_plans`` (plans
written for review in the style of real ones, each in the forms researchers
receive: the PDF, ``pdftotext -layout`` (``.txt``), the same in GBK
(``.gbk.txt``), ``pdftotext`` without layout (``.raw.txt``), and, for three
of them, copies from a web page, a word processor and OCR-like dumps
(``*-copies``, whose gold counts every page as page 1)).

Prints one line per input and section (F1 and exact-match share of matched
records), then the mean of each section over every input and per form.
Measured, not asserted: compare the figures before and after a change.

usage: python benchmarks/bench_accuracy.py [--plans DIR ...] [--quiet]
"""

from __future__ import annotations

import argparse
import importlib.util
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("outline", "indicators", "targets", "deadlines", "glossary", "projects")
# The bundled corpora and the directory of their gold in tests/gold.
CORPUS_GOLD = {
    "qinghai-14th-eco-plan": "qinghai",
    "national-14th-eco-plan": "national-14th-eco-plan",
    "gansu-14th-eco-plan": "gansu-14th-eco-plan",
}


def load_scorer():
    """The scorer shipped with the gold (``tests/gold/score.py``)."""
    spec = importlib.util.spec_from_file_location("gold_score", ROOT / "tests" / "gold" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def documents(plan_dirs: list[Path]) -> list[tuple[Path, Path]]:
    """(input file, gold directory) of every document with gold."""
    found = []
    for stem, gold in CORPUS_GOLD.items():
        for suffix in (".pdf", ".txt"):
            path = ROOT / "corpora" / f"{stem}{suffix}"
            if path.exists():
                found.append((path, ROOT / "tests" / "gold" / gold))
    for plans in plan_dirs:
        for plan in sorted(path for path in plans.iterdir() if (path / "gold").is_dir()):
            for path in sorted(plan.iterdir()):
                if path.suffix in (".pdf", ".txt"):
                    found.append((path, plan / "gold"))
    return found


def shown_path(path: Path) -> Path:
    """The path relative to the repository when it is inside it (``--plans`` may
    name a folder anywhere, relative to the working directory or not)."""
    resolved = path.resolve()
    return resolved.relative_to(ROOT) if resolved.is_relative_to(ROOT) else path


def form_of(path: Path) -> str:
    """The form of an input: pdf, txt (a layout dump), gbk.txt, raw.txt, or the copy's kind."""
    if path.parent.name.endswith("-copies"):
        return "copy:" + path.stem.split("-")[1]
    return "".join(path.suffixes[-2:]) if len(path.suffixes) > 1 else path.suffix


def section_scores(scorer, plan: dict, gold: Path) -> dict[str, tuple[float, float]]:
    """(F1, share of gold records matched exactly) of each section the gold holds."""
    scores = {}
    for section, result in scorer.score(plan, gold).items():
        if section in SECTIONS and result is not None:
            scores[section] = (result["f1"], result["exact_rate"])
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", nargs="*", type=Path, default=[ROOT / "benchmarks" / "review_plans"])
    parser.add_argument("--quiet", action="store_true", help="print the means only")
    args = parser.parse_args()

    import plantext

    scorer = load_scorer()
    by_section: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_form: dict[tuple[str, str], list[float]] = defaultdict(list)
    for path, gold in documents(args.plans):
        plan = plantext.extract(path).model_dump(mode="json")
        scores = section_scores(scorer, plan, gold)
        for section, (f1, exact) in scores.items():
            by_section[section].append((f1, exact))
            by_form[(form_of(path), section)].append(f1)
            if not args.quiet:
                print(f"{shown_path(path)!s:78} {section:11} F1 {f1:.3f}  exact {exact:.3f}")
    print("\nmean over every input")
    for section in SECTIONS:
        values = by_section.get(section)
        if values:
            f1 = sum(value for value, _ in values) / len(values)
            exact = sum(value for _, value in values) / len(values)
            print(f"  {section:11} F1 {f1:.3f}  exact {exact:.3f}  ({len(values)} inputs)")
    print("\nmean F1 per form")
    forms = sorted({form for form, _ in by_form})
    print("  " + " " * 16 + "".join(f"{section[:10]:>11}" for section in SECTIONS))
    for form in forms:
        cells = []
        for section in SECTIONS:
            values = by_form.get((form, section))
            cells.append(f"{sum(values) / len(values):11.3f}" if values else " " * 11)
        print(f"  {form:16}" + "".join(cells))


if __name__ == "__main__":
    main()
