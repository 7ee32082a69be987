"""Speed of plantext's extraction against raw pdfplumber and raw PDFium, in one run.

    python benchmarks/bench_extract.py [PDF ...] [--repeat N]

For each PDF (default: the bundled Qinghai plan) it times, after a warm-up,
on the same file in the same process:

- raw pypdfium2: the text of every page;
- raw pdfplumber: ``extract_text`` and ``extract_tables`` on every page;
- plantext: the full extraction (``plantext.extract``) of the PDF;
- plantext: the full extraction of the text dump beside it, when there is one,
  and the reading and layout alone of both (the extractors after the layout
  are the same work for a PDF and its dump);

and prints seconds (best of N), pages per second and the ratios.  Figures
are ratios measured in one run, so they compare fairly on any machine.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def raw_pdfium(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    for page in document:
        page.get_textpage().get_text_range()
    pages = len(document)
    document.close()
    return pages


def raw_pdfplumber(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
            page.close()
        return len(pdf.pages)


def plantext_full(path: Path) -> int:
    import plantext
    from plantext.numbers import compact_text

    # Sentences repeat between runs of one file, never between plans: start
    # each run with an empty sentence cache, as a new document would.
    compact_text.cache_clear()
    return plantext.extract(path).document.source.pages


def plantext_reading(path: Path) -> int:
    """Reading alone: the file into positioned lines, and the layout."""
    from plantext.ingest import read_source
    from plantext.layout import analyse

    source = read_source(path)
    analyse(source)
    return len(source.pages)


def best_time(function, path: Path, repeat: int) -> tuple[float, int]:
    function(path)  # warm-up: imports, caches, the file in the OS cache
    best, pages = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        pages = function(path)
        best = min(best, time.perf_counter() - started)
    return best, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path, default=[ROOT / "corpora" / "qinghai-14th-eco-plan.pdf"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for pdf in args.pdfs:
        rows = [
            ("raw pypdfium2 (text)", raw_pdfium, pdf),
            ("raw pdfplumber (text+tables)", raw_pdfplumber, pdf),
            ("plantext extract (PDF)", plantext_full, pdf),
        ]
        dump = pdf.with_suffix(".txt")
        if dump.exists():
            rows.append(("plantext extract (text dump)", plantext_full, dump))
            rows.append(("plantext reading+layout (PDF)", plantext_reading, pdf))
            rows.append(("plantext reading+layout (text)", plantext_reading, dump))
        print(f"{pdf.name}")
        times = {}
        for label, function, path in rows:
            seconds, pages = best_time(function, path, args.repeat)
            times[label] = seconds
            print(f"  {label:32s} {seconds:7.3f} s  {pages / seconds:8.1f} pages/s")
        plumber = times["raw pdfplumber (text+tables)"]
        ours = times["plantext extract (PDF)"]
        print(f"  plantext PDF / raw pdfplumber     {ours / plumber:6.2f}x  (goal <= 0.5x)")
        print(f"  raw pdfplumber / raw pypdfium2    {plumber / times['raw pypdfium2 (text)']:6.1f}x")
        if "plantext extract (text dump)" in times:
            print(f"  plantext PDF / text dump          {ours / times['plantext extract (text dump)']:6.1f}x  (goal >= 20x)")
            reading = times["plantext reading+layout (PDF)"] / times["plantext reading+layout (text)"]
            print(f"  reading+layout, PDF / text dump   {reading:6.1f}x")


if __name__ == "__main__":
    main()
