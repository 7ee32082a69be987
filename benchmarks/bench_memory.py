"""Peak memory of one extraction worker, and whether it grows with the batch.

    python benchmarks/bench_memory.py [PDF]

Runs, each in a fresh child process, (1) one extraction of the PDF (default:
the bundled 97-page Qinghai plan) and (2) a batch of 1 and of 10 copies with
two workers, and prints the peak resident memory of the children
(``ru_maxrss``).  Goal: under 300 MB, and the same for 1 and 10 files.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ONE = "import sys, plantext; plantext.extract(sys.argv[1])"
BATCH = "import sys; from plantext.batch import extract_many; extract_many([sys.argv[1]], sys.argv[2], jobs=2)"


def peak_megabytes(code: str, *args: str) -> float:
    """Peak RSS of the largest process a child python ran (itself or its workers)."""
    probe = (
        "import resource, subprocess, sys\n"
        f"subprocess.run([sys.executable, '-c', {code!r}, *sys.argv[1:]], check=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    output = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True)
    return int(output.stdout.strip().splitlines()[-1]) / 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=ROOT / "corpora" / "qinghai-14th-eco-plan.pdf")
    args = parser.parse_args()
    print(f"one extraction of {args.pdf.name}: peak {peak_megabytes(ONE, str(args.pdf)):.0f} MB")
    with tempfile.TemporaryDirectory() as folder:
        for copies in (1, 10):
            inputs = Path(folder) / f"in{copies}"
            inputs.mkdir()
            for copy in range(copies):
                shutil.copy(args.pdf, inputs / f"plan{copy}.pdf")
            peak = peak_megabytes(BATCH, str(inputs), str(Path(folder) / f"out{copies}"))
            print(f"batch of {copies:2d} files, 2 workers: peak of any process {peak:.0f} MB")


if __name__ == "__main__":
    main()
