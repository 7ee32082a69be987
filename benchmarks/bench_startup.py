"""Start-up time of the command line: ``plantext --version`` and ``--help``.

    python benchmarks/bench_startup.py [--repeat N]

Heavy libraries (pdfplumber, PDFium, jieba, spaCy, pandas) are imported only
when a command needs them; this measures that the bare commands stay fast
(goal: under 0.5 s), against ``python -c pass`` measured in the same run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time


def best_of(command: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    baseline = best_of([sys.executable, "-c", "pass"], args.repeat)
    print(f"python -c pass        {baseline:.3f} s")
    for flag in ("--version", "--help"):
        seconds = best_of([sys.executable, "-m", "plantext.cli", flag], args.repeat)
        print(f"plantext {flag:10s}   {seconds:.3f} s  ({seconds / baseline:.1f}x bare Python; goal < 0.5 s)")


if __name__ == "__main__":
    main()
