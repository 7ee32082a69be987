"""The ``plantext`` command: a thin layer over the Python API.

Every option maps to an argument of a Python function (``plantext.batch.
extract_many`` for ``extract``).  Exit status: 0 when every input succeeded,
1 when any failed, 2 on a usage error.
"""

from __future__ import annotations

import os
import sys

import click

from plantext import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plantext")
def main() -> None:
    """Turn Chinese plan documents (规划, PDF or text) into structured, verifiable JSON."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "output", default="-", show_default=True,
              help="Output folder, or - for standard output.")
@click.option("--format", "output_format", type=click.Choice(["json", "jsonl"]), default="json",
              show_default=True, help="json: one file per document; jsonl: one line per document.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: number of cores].")
@click.option("--resume", is_flag=True, help="Skip inputs whose output was written from the same input by this version.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def extract(paths, output, output_format, jobs, resume, quiet) -> None:
    """Extract PATHS (PDF or .txt files, or folders searched recursively)."""
    from plantext.batch import extract_many

    summary_stream = sys.stderr if output == "-" else sys.stdout

    def report(result) -> None:
        if result.status == "failed":
            click.echo(f"plantext: {result.error}", err=True)
        elif not quiet:
            click.echo(result.summary(), file=summary_stream)

    results = extract_many(
        list(paths),
        output,
        output_format=output_format,
        jobs=jobs or os.cpu_count() or 1,
        resume=resume,
        report=report,
    )
    failed = sum(1 for result in results if result.status == "failed")
    if not quiet:
        done = sum(1 for result in results if result.status == "ok")
        skipped = sum(1 for result in results if result.status == "skipped")
        click.echo(f"{done} ok, {failed} failed, {skipped} skipped", file=summary_stream)
    sys.exit(1 if failed else 0)


@main.command()
def schema() -> None:
    """Print the JSON Schema of plantext's output."""
    from plantext.models import SCHEMA_PATH

    click.echo(SCHEMA_PATH.read_text(encoding="utf-8"), nl=False)


if __name__ == "__main__":
    main()
