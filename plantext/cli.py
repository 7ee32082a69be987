"""The ``plantext`` command: a thin layer over the Python API.

Every option maps to an argument of a Python function (``plantext.batch.
extract_many`` for ``extract``).  Exit status: 0 when every input succeeded,
1 when any failed, 2 on a usage error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from plantext import __version__
from plantext.export import FORMATS as EXPORT_FORMATS  # plantext.export imports only the standard library at first


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
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Stop a file after this many seconds and report it as failed.")
@click.option("--resume", is_flag=True, help="Skip inputs whose output was written from the same input by this version.")
@click.option("--pdf-engine", type=click.Choice(["pdfium", "pdfplumber"]), default="pdfium", show_default=True,
              help="How PDFs are read (both give the same records; pdfium is faster).")
@click.option("--executor", type=click.Choice(["process", "dask"]), default="process", show_default=True,
              help="Run files in local worker processes or on a Dask cluster (pip install 'plantext[dask]').")
@click.option("--scheduler", default=None, help="Dask scheduler address (host:port); a local cluster when omitted.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def extract(paths, output, output_format, jobs, timeout, resume, pdf_engine, executor, scheduler, quiet) -> None:
    """Extract PATHS (PDF or .txt files, or folders searched recursively)."""
    from plantext.batch import extract_many
    from plantext.progress import BatchReporter

    if executor == "dask" and timeout is not None:
        raise click.UsageError("--timeout stops local workers only; it cannot be used with --executor dask")
    if output != "-" and Path(output).exists() and not Path(output).is_dir():
        raise click.BadParameter(f"{output} exists and is not a folder", param_hint="-o/--output")
    reporter = BatchReporter(quiet, sys.stderr if output == "-" else sys.stdout)
    results = extract_many(
        list(paths),
        output,
        output_format=output_format,
        jobs=jobs or os.cpu_count() or 1,
        resume=resume,
        timeout=timeout,
        pdf_engine=pdf_engine,
        executor=executor,
        scheduler=scheduler,
        on_start=reporter.start,
        report=reporter.report,
    )
    reporter.finish()
    sys.exit(1 if any(result.status == "failed" for result in results) else 0)


@main.command()
def schema() -> None:
    """Print the JSON Schema of plantext's output."""
    from plantext.models import SCHEMA_PATH

    click.echo(SCHEMA_PATH.read_text(encoding="utf-8"), nl=False)


@main.command()
@click.argument("path")
@click.option("--html", "html_path", required=True, help="Write the HTML page to this file.")
@click.option("--only-marked", is_flag=True, help="Show only the paragraphs with a target or deadline.")
@click.option("--title", default=None, help="Heading of the page [default: the document's title].")
def show(path, html_path, only_marked, title) -> None:
    """Render PATH's paragraphs with targets and deadlines highlighted, to check them by eye."""
    from plantext.errors import PlantextError
    from plantext.show import save_html

    try:
        save_html(path, html_path, only_marked=only_marked, title=title)
    except PlantextError as error:
        click.echo(f"plantext: {error}", err=True)
        sys.exit(1)


# ---------------------------------------------------------------- compare and export
# Both read extracted JSON (files, JSONL, or folders of them).  An input that
# is missing or not a plantext document gets one error line and is left out;
# the exit status is then 1.


def alignment_options(command):
    """The options both commands that align indicators take."""
    command = click.option("--threshold", type=click.FloatRange(0, 1), default=None,
                           help="Least confidence of an alignment [default: alignment.yaml's, 0.75].")(command)
    return click.option("--catalogue", "catalogues", multiple=True, type=click.Path(exists=True, dir_okay=False),
                        help="Indicator catalogue YAML merged over the shipped one (repeatable).")(command)


@main.command(name="compare")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="Folder for the comparison tables and report.html.")
@alignment_options
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def compare_command(paths, output, catalogues, threshold, quiet) -> None:
    """Compare the targets of plans PATHS (extracted JSON) in tables and an HTML report."""
    from plantext.compare import compare, load_plans
    from plantext.compare.catalogue import CatalogueError
    from plantext.compare.console import print_comparison

    errors = []
    plans = load_plans(list(paths), on_error=_reporter(errors))
    if not plans:
        click.echo("plantext: no plan to compare", err=True)
        sys.exit(1)
    try:
        comparison = compare(plans, catalogue=catalogues, threshold=threshold)
    except CatalogueError as error:
        click.echo(f"plantext: {error}", err=True)
        sys.exit(1)
    written = comparison.write(output)
    if not quiet:
        print_comparison(comparison)
        for left_out, kept in comparison.duplicates:
            click.echo(f"skip  {left_out}: same region, title and period as {kept}")
        click.echo(f"wrote {', '.join(path.name for path in written)} to {output}")
    sys.exit(1 if errors else 0)


@main.command(name="export")
@click.argument("paths", nargs=-1, required=True)
@click.argument("target")
@click.option("--to", "to", required=True, type=click.Choice(EXPORT_FORMATS),
              help="Format: a DuckDB or SQLite database file, a folder of Parquet files, or a JSON Lines file.")
@alignment_options
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def export_command(paths, target, to, catalogues, threshold, quiet) -> None:
    """Export plans PATHS (extracted JSON) to TARGET, one table per record kind."""
    from plantext.compare import load_plans
    from plantext.compare.catalogue import CatalogueError
    from plantext.export import export

    errors = []
    plans = load_plans(list(paths), on_error=_reporter(errors))
    if not plans:
        click.echo("plantext: no plan to export", err=True)
        sys.exit(1)
    try:
        counts = export(plans, to, target, catalogue=catalogues, threshold=threshold, on_error=_reporter(errors))
    except CatalogueError as error:
        click.echo(f"plantext: {error}", err=True)
        sys.exit(1)
    if not quiet:
        tables = ", ".join(f"{name} {count}" for name, count in counts.items())
        click.echo(f"wrote {target} ({to}): {tables}")
    sys.exit(1 if errors else 0)


def _reporter(errors: list):
    """An ``on_error`` callback: print the one-line error and remember it."""

    def report(error) -> None:
        click.echo(f"plantext: {error}", err=True)
        errors.append(error)

    return report

if __name__ == "__main__":
    main()
