"""Batch speed-up from worker processes: ``-j 1`` against ``-j 2`` in one run.

    python benchmarks/bench_batch.py [--copies N]

Copies the bundled corpus N times into a temporary folder (so the batch has
enough files to share out), warms up once, then times ``extract_many`` with
one and with two workers on the same files and prints the ratio.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4)
    args = parser.parse_args()

    from plantext.batch import extract_many
    from plantext.executors import warm_up

    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "inputs"
        for copy in range(args.copies):
            shutil.copytree(ROOT / "corpora", inputs / f"copy{copy}")
        warm_up()
        extract_many([str(ROOT / "corpora")], str(Path(folder) / "warm"), jobs=1)
        seconds = {}
        for jobs in (1, 2):
            started = time.perf_counter()
            results = extract_many([str(inputs)], str(Path(folder) / f"out{jobs}"), jobs=jobs)
            seconds[jobs] = time.perf_counter() - started
            pages = sum(result.pages for result in results)
            print(f"-j {jobs}: {len(results)} files, {pages} pages in {seconds[jobs]:.2f} s ({pages / seconds[jobs]:.0f} pages/s)")
        print(f"speed-up -j 2 over -j 1: {seconds[1] / seconds[2]:.2f}x  (goal >= 1.7x)")


if __name__ == "__main__":
    main()
