"""Extraction over many files: input discovery, unique ids, atomic output, a manifest.

``extract_many`` is what the CLI's ``extract`` command runs; every option of
the command is an argument here.  Each file is extracted by the pure function
``plantext.api.extract`` in a worker process, so one bad file never stops
the batch.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from plantext import __version__
from plantext.errors import PlantextError
from plantext.ingest import SUPPORTED_SUFFIXES

MANIFEST_NAME = "_manifest.jsonl"
JSONL_NAME = "plans.jsonl"
RECORD_KINDS = ("outline", "subheadings", "indicators", "targets", "deadlines", "glossary", "abbreviations", "projects", "tables")


@dataclass
class Job:
    path: str
    document_id: str
    pdf_engine: str = "pdfium"


@dataclass
class PartJob(Job):
    """Read pages ``first`` to ``stop`` (0-based, ``stop`` excluded) of a long
    PDF that the batch shares among workers; ``part_count`` parts make it."""

    first: int = 0
    stop: int = 0
    part_count: int = 1


@dataclass
class SplitJob(Job):
    """A PDF that may hold the batch up: the worker counts its pages (PDFium
    opens it there, never in the parent, so a file that crashes PDFium fails
    alone) and gives the page ranges to read in parts, or, when it is too
    short to share, extracts it whole at once."""

    workers: int = 2


@dataclass
class JoinJob(Job):
    """Extract the records of a long PDF from the parts that workers read
    (each a pickled ``SourceDocument``: see ``Result.part``)."""

    parts: list[bytes] = field(default_factory=list, repr=False)


@dataclass
class Result:
    path: str
    document_id: str
    status: str  # "ok", "failed", "skipped"; "part" for a PartJob (see part), "split" for a SplitJob (see ranges)
    error: str | None = None
    pages: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    sha256: str | None = None
    version: str = __version__
    output: str | None = None
    text: str | None = field(default=None, repr=False)
    # The pages a PartJob read (status "part"): not a result of the batch
    # yet, but the input of the document's JoinJob.  Pickled by the worker,
    # so that the parent passes the bytes on instead of unpickling and
    # pickling again a whole document's lines.
    part: bytes | None = field(default=None, repr=False)
    # The page ranges a SplitJob found its PDF should be read in (status "split").
    ranges: list[tuple[int, int]] = field(default_factory=list, repr=False)

    def manifest_line(self) -> str:
        record = asdict(self)
        record.pop("text")
        record.pop("part")
        record.pop("ranges")
        return json.dumps(record, ensure_ascii=False, sort_keys=True)

    def summary(self) -> str:
        if self.status == "failed":
            return f"error {self.error}"
        if self.status == "skipped":
            return f"skip  {self.document_id}: unchanged since last run"
        counts = " ".join(f"{kind}={self.counts.get(kind, 0)}" for kind in RECORD_KINDS)
        return f"ok    {self.document_id}: {self.pages} pages, {counts} ({self.seconds:.1f} s)"


def discover_inputs(paths: list[str]) -> tuple[list[str], list[Result]]:
    """Files named or found (recursively) under folders; errors for paths that give none."""
    found: list[str] = []
    errors: list[Result] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                str(candidate)
                for candidate in path.rglob("*")
                if candidate.is_file() and candidate.suffix.lower() in SUPPORTED_SUFFIXES
            )
            if not files:
                errors.append(failure(raw, raw, "folder holds no .pdf or .txt files"))
            found.extend(files)
        elif path.exists():
            found.append(str(path))
        else:
            errors.append(failure(raw, raw, "no such file or folder"))
    unique = list(dict.fromkeys(found))
    return unique, errors


def assign_document_ids(paths: list[str]) -> list[Job]:
    """Ids from file stems; the .pdf and .txt of one plan get -pdf / -txt, further clashes -2, -3."""
    from plantext.api import document_id_for

    stems = [document_id_for(path) for path in paths]
    clashing = {stem for stem, count in Counter(stems).items() if count > 1}
    jobs: list[Job] = []
    taken: set[str] = set()
    for path, stem in zip(paths, stems):
        candidate = f"{stem}-{Path(path).suffix.lower().lstrip('.')}" if stem in clashing else stem
        unique, number = candidate, 2
        while unique in taken:
            unique, number = f"{candidate}-{number}", number + 1
        taken.add(unique)
        jobs.append(Job(path, unique))
    return jobs


def run_job(job: Job) -> Result:
    """Run one job (a file, a long PDF to share out, a part of it, or the
    join of its parts); never raises for a bad input."""
    started = time.perf_counter()
    try:
        if isinstance(job, PartJob):
            return _read_part(job, started)
        if isinstance(job, SplitJob):
            ranges = part_ranges(_pdf_pages(job.path), job.workers)
            if ranges:
                return Result(job.path, job.document_id, "split", pages=ranges[-1][1], ranges=ranges)
        plan = _plan(job)
    except PlantextError as error:
        return failure(job.path, job.document_id, error.reason, seconds=time.perf_counter() - started)
    except Exception as error:  # a bug must not stop the batch: report it as this file's failure
        reason = f"internal error ({type(error).__name__}: {error})"
        return failure(job.path, job.document_id, reason, seconds=time.perf_counter() - started)
    data = plan.to_dict()
    return Result(
        path=job.path,
        document_id=job.document_id,
        status="ok",
        pages=plan.document.source.pages,
        counts={kind: len(data[kind]) for kind in RECORD_KINDS},
        seconds=round(time.perf_counter() - started, 3),
        sha256=plan.document.source.sha256,
        text=plan.to_json(),
    )


def _plan(job: Job):
    from plantext.api import extract, extract_source
    from plantext.ingest import join_parts

    if isinstance(job, JoinJob):
        return extract_source(join_parts([pickle.loads(part) for part in job.parts]), job.document_id)
    return extract(job.path, document_id=job.document_id, pdf_engine=job.pdf_engine)


def _read_part(job: PartJob, started: float) -> Result:
    from plantext.ingest import read_pdf_part

    part = read_pdf_part(job.path, range(job.first, job.stop))
    data = pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)
    seconds = round(time.perf_counter() - started, 3)
    return Result(job.path, job.document_id, "part", pages=len(part.pages), seconds=seconds, part=data)


# A PDF holding more than one worker's share of a batch (by size) cannot be
# balanced by handing out whole files: the batch reads it in parts on several
# workers at once.  A part is never shorter than this many pages (each part
# opens the document again), and a document has at most this many parts per
# worker (a few parts each, so that no worker waits long on the last one).
MIN_PART_PAGES = 8
PARTS_PER_WORKER = 2


def share_out(jobs: list[Job], workers: int) -> list[Job]:
    """The jobs, each PDF that alone is more than one worker's share of the
    batch made a ``SplitJob``: its worker tells how to read it in parts.

    Only PDFs read by PDFium are split: the parts are read as pages of one
    PDFium document, and pdfplumber is the engine kept for checking it.
    """
    sizes = [_size(job.path) for job in jobs]
    total = sum(sizes)
    shared: list[Job] = []
    for job, size in zip(jobs, sizes):
        long_pdf = job.pdf_engine == "pdfium" and job.path.lower().endswith(".pdf") and size * workers > total
        if workers > 1 and long_pdf:
            shared.append(SplitJob(job.path, job.document_id, job.pdf_engine, workers=workers))
        else:
            shared.append(job)
    return shared


def part_ranges(pages: int, workers: int) -> list[tuple[int, int]]:
    """The page ranges (0-based, end excluded) to read a PDF of ``pages``
    pages in on ``workers`` workers, or [] when it is too short to share."""
    count = min(PARTS_PER_WORKER * workers, pages // MIN_PART_PAGES)
    if count < 2:
        return []
    bounds = [round(index * pages / count) for index in range(count + 1)]
    return list(zip(bounds, bounds[1:]))


def part_jobs(job: Job, ranges: list[tuple[int, int]]) -> list[PartJob]:
    return [
        PartJob(job.path, job.document_id, job.pdf_engine, first=first, stop=stop, part_count=len(ranges))
        for first, stop in ranges
    ]


def _pdf_pages(path: str) -> int:
    from plantext.ingest import count_pdf_pages

    return count_pdf_pages(path) or 0


def failure(path: str, document_id: str, reason: str, seconds: float = 0.0) -> Result:
    """The result of a file that could not be extracted, with its one-line error."""
    return Result(
        path=str(path),
        document_id=document_id,
        status="failed",
        error=f"{path}: {reason}",
        seconds=round(seconds, 3),
    )


def write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, then rename: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        # mkstemp makes the file private (0600); outputs are ordinary files.
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_manifest(out_dir: Path) -> dict[str, dict]:
    manifest = out_dir / MANIFEST_NAME
    if not manifest.exists():
        return {}
    entries = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            entries[entry["document_id"]] = entry
    return entries


def is_unchanged(job: Job, out_dir: Path, previous: dict[str, dict]) -> bool:
    """True when the output exists and was written from the same input by this version."""
    entry = previous.get(job.document_id)
    if not entry or entry.get("status") != "ok" or entry.get("version") != __version__:
        return False
    if not (out_dir / f"{job.document_id}.json").exists() or not Path(job.path).exists():
        return False
    return entry.get("sha256") == file_sha256(job.path)


EXECUTORS = ("process", "dask")


def extract_many(
    paths: list[str],
    out_dir: str | None,
    *,
    output_format: str = "json",
    jobs: int = 1,
    resume: bool = False,
    timeout: float | None = None,
    pdf_engine: str = "pdfium",
    executor: str = "process",
    scheduler: str | None = None,
    on_start=None,
    report=None,
) -> list[Result]:
    """Extract every input under ``paths`` and write the outputs to ``out_dir``.

    ``out_dir`` None or ``"-"`` writes to standard output.  ``jobs`` worker
    processes run at once; a file taking over ``timeout`` seconds is stopped
    and reported.  ``executor="dask"`` runs the files on the Dask scheduler at
    ``scheduler`` (a local cluster when None).  ``on_start`` is called with
    the jobs about to run, ``report`` with each Result as it completes (the
    CLI shows progress and summaries).  Returns the results in the order
    they completed.
    """
    report = report or (lambda result: None)
    inputs, results = discover_inputs(paths)
    for failed in results:
        report(failed)
    job_list = [Job(job.path, job.document_id, pdf_engine) for job in assign_document_ids(inputs)]
    to_stdout = out_dir in (None, "-")
    target = None if to_stdout else Path(out_dir)
    if target is not None and target.exists() and not target.is_dir():
        raise PlantextError(str(target), "output is not a folder")
    if executor == "dask" and timeout is not None:
        raise ValueError("a timeout stops local workers only; it cannot be used with the dask executor")
    previous = read_manifest(target) if target is not None else {}

    pending = []
    for job in job_list:
        if target is not None and resume and output_format == "json" and is_unchanged(job, target, previous):
            skipped = Result(**{**previous[job.document_id], "status": "skipped"})
            results.append(skipped)
            report(skipped)
        else:
            pending.append(job)
    if on_start is not None:
        on_start(pending)

    for result in _run_all(pending, jobs, timeout, executor, scheduler):
        if target is not None and output_format == "json":
            output = target / f"{result.document_id}.json"
            if result.status == "ok":
                result.output = output.name
                write_atomically(output, result.text)
            else:
                # An output from an earlier run would now contradict the manifest.
                output.unlink(missing_ok=True)
        results.append(result)
        report(result)

    ok = [result for result in results if result.status == "ok" and result.text is not None]
    order = {job.document_id: index for index, job in enumerate(job_list)}
    ok.sort(key=lambda result: order[result.document_id])
    if to_stdout:
        _write_stdout(ok, output_format)
    elif output_format == "jsonl":
        lines = "".join(json.dumps(json.loads(result.text), ensure_ascii=False) + "\n" for result in ok)
        write_atomically(target / JSONL_NAME, lines)
    if target is not None:
        _write_manifest(target, results, previous)
    return results


def _run_all(pending: list[Job], jobs: int, timeout: float | None, executor: str, scheduler: str | None):
    from plantext import executors

    if not pending or (executor != "dask" and jobs <= 1 and timeout is None):
        return executors.run_inline(pending)  # nothing to run, or nothing to run it on but this process
    # Largest files first, so that a big plan does not start last and leave
    # the other workers idle at the end (outputs do not depend on the order).
    largest_first = sorted(pending, key=lambda job: -_size(job.path))
    shared = share_out(largest_first, jobs)
    if executor == "dask":
        return executors.run_on_dask(shared, scheduler, workers=jobs)
    return executors.run_in_processes(shared, workers=max(1, min(jobs, len(shared))), timeout=timeout)


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0  # gone since it was found: its job will say so


def _write_stdout(results: list[Result], output_format: str) -> None:
    if not results:
        return
    if output_format == "jsonl":
        for result in results:
            sys.stdout.write(json.dumps(json.loads(result.text), ensure_ascii=False) + "\n")
    elif len(results) == 1:
        sys.stdout.write(results[0].text)
    else:
        documents = [json.loads(result.text) for result in results]
        sys.stdout.write(json.dumps(documents, ensure_ascii=False, indent=1) + "\n")
    sys.stdout.flush()


def _write_manifest(target: Path, results: list[Result], previous: dict[str, dict]) -> None:
    """Merge this batch's results into the manifest; a skipped input keeps the
    entry of the run that wrote its output, so that it is skipped next time too."""
    entries = dict(previous)
    for result in results:
        if result.status != "skipped":
            entries[result.document_id] = json.loads(result.manifest_line())
    lines = "".join(json.dumps(entries[key], ensure_ascii=False, sort_keys=True) + "\n" for key in sorted(entries))
    write_atomically(target / MANIFEST_NAME, lines)
