"""What ``plantext extract`` shows while it works: a progress bar on a terminal,
plain lines otherwise, and a closing summary."""

from __future__ import annotations

import sys
import time

import click


class BatchReporter:
    """Receives the batch's events; the CLI passes its methods to ``extract_many``.

    On a terminal (and unless ``quiet``) a rich progress bar counts files and
    pages with the elapsed time and an estimate of the time left; each
    document's summary line is printed above it.  Elsewhere (a pipe, a log,
    ``--quiet``) the summaries are plain lines, and ``quiet`` keeps only errors.
    """

    def __init__(self, quiet: bool, stream):
        self.quiet = quiet
        self.stream = stream
        self.started = time.perf_counter()
        self.pages = 0
        self.counts = {"ok": 0, "failed": 0, "skipped": 0}
        self.progress = None
        self.task = None

    def start(self, jobs) -> None:
        if self.quiet or not sys.stderr.isatty():
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("[bold]extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files · {task.fields[pages]} pages"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.task = self.progress.add_task("extract", total=len(jobs), pages=0)
        self.progress.start()

    def report(self, result) -> None:
        self.counts[result.status] += 1
        if result.status == "ok":
            self.pages += result.pages
        if result.status == "failed":
            self._print(f"plantext: {result.error}", err=True)
        elif not self.quiet:
            self._print(result.summary())
        if self.progress is not None:
            self.progress.update(self.task, advance=1, pages=self.pages)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress.stop()
        if self.quiet:
            return
        seconds = time.perf_counter() - self.started
        rate = self.pages / seconds if seconds > 0 else 0.0
        click.echo(
            f"{self.counts['ok']} ok, {self.counts['failed']} failed, {self.counts['skipped']} skipped"
            f" · {self.pages} pages in {seconds:.1f} s ({rate:.0f} pages/s)",
            file=self.stream,
        )

    def _print(self, text: str, err: bool = False) -> None:
        if self.progress is not None:
            self.progress.console.print(text, markup=False, highlight=False)
        else:
            click.echo(text, err=err, file=None if err else self.stream)
