"""Where the per-file extraction runs: in this process, in worker processes, on Dask.

Every executor takes the batch's jobs and yields one ``Result`` per job as
it completes; none of them raises for a bad input.

- ``run_inline``: one after another in this process (``-j 1``, no timeout).
- ``run_in_processes``: ``workers`` forked worker processes take one job
  at a time.  A worker that crashes or exceeds ``timeout`` seconds is
  reported as that file's failure, replaced, and the batch goes on; workers
  are also replaced after ``JOBS_PER_WORKER`` jobs, so memory does not grow
  with the size of the batch.  A long PDF that the batch shares out
  (``batch.share_out``) is read in parts by several workers at once: its
  first worker gives the page ranges, the parts go first in the queue, and
  when the last part is in, so does the join of the parts.
- ``run_on_dask``: the same per-file function on a Dask cluster (a local
  one when no scheduler address is given); a long PDF shared out is read in
  parts there too, each part and the join a task of its own.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import signal
import time
from collections import deque
from collections.abc import Iterator

from plantext.batch import Job, JoinJob, Result, failure, part_jobs, run_job

POLL_SECONDS = 0.05
# A worker is replaced after this many jobs, so that its memory stays bounded.
JOBS_PER_WORKER = 50


def run_inline(jobs: list[Job]) -> Iterator[Result]:
    for job in jobs:
        yield run_job(job)


def warm_up() -> None:
    """Import and initialise the heavy libraries once, before forking workers,
    so that each worker starts with them loaded."""
    import jieba
    import jieba.posseg  # noqa: F401  (its model loads on import)

    import plantext.api  # noqa: F401
    import plantext.extractors.glossary  # noqa: F401
    import plantext.extractors.indicators  # noqa: F401
    import plantext.ingest.pdf  # noqa: F401
    import plantext.ingest.pdfium  # noqa: F401

    jieba.setLogLevel(60)
    jieba.initialize()


def _worker(connection) -> None:
    """A worker process: extract each job it is sent until it is sent None."""
    # The parent decides when a worker must stop; Ctrl-C goes to the parent.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        job = connection.recv()
        if job is None:
            break
        connection.send(run_job(job))
    connection.close()


class _Worker:
    """A worker process, the job it is running and since when."""

    def __init__(self, context):
        self.connection, child_end = context.Pipe(duplex=True)
        self.process = context.Process(target=_worker, args=(child_end,), daemon=True)
        self.process.start()
        child_end.close()
        self.job: Job | None = None
        self.started = 0.0
        self.done = 0

    def give(self, job: Job, started: float) -> None:
        """Send the job; ``started`` is when its document's first job started,
        from which its timeout counts."""
        self.job, self.started = job, started
        self.connection.send(job)

    def collect(self) -> Result:
        job, self.job = self.job, None
        self.done += 1
        try:
            return self.connection.recv()
        except (EOFError, OSError):
            self.process.join()
            return failure(job.path, job.document_id, f"worker crashed (exit code {self.process.exitcode})")

    def alive(self) -> bool:
        return self.process.is_alive()

    def stop(self, kill: bool = False) -> None:
        if kill or not self.alive():
            self.process.kill()
        else:
            self.connection.send(None)
        self.process.join()
        self.connection.close()


def run_in_processes(jobs: list[Job], workers: int, timeout: float | None = None) -> Iterator[Result]:
    """Run jobs on ``workers`` worker processes; a worker that crashes, runs
    over ``timeout`` or has done ``JOBS_PER_WORKER`` jobs is replaced."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    warm_up()
    queue = deque(jobs)
    documents = _Documents()
    pool = [_Worker(context) for _ in range(workers)]
    try:
        while queue or any(worker.job for worker in pool):
            for index, worker in enumerate(pool):
                if worker.job is None and queue:
                    if not worker.alive() or worker.done >= JOBS_PER_WORKER:
                        worker.stop()
                        pool[index] = worker = _Worker(context)
                    job = queue.popleft()
                    worker.give(job, documents.start(job))
            busy = {worker.connection: worker for worker in pool if worker.job is not None}
            for connection in multiprocessing.connection.wait(list(busy), timeout=POLL_SECONDS):
                yield from documents.collect(busy[connection].collect(), queue)
            if timeout is not None:
                for result in _stop_overdue(pool, context, timeout):
                    yield from documents.collect(result, queue)
    finally:
        for worker in pool:
            worker.stop(kill=worker.job is not None)


class _Documents:
    """When each document started, and the parts read of the split ones.

    ``collect`` turns the workers' results into the batch's: a file's result
    passes through; a split PDF's page ranges put its parts first in the
    queue; a part is kept until the document's last part is in, and then
    its JoinJob is put first in the queue; the first failure of a split
    document is its result, its other jobs are dropped.
    """

    def __init__(self):
        self.started: dict[str, float] = {}
        self.part_count: dict[str, int] = {}
        self.parts: dict[str, list] = {}
        self.failed: set[str] = set()

    def start(self, job: Job) -> float:
        return self.started.setdefault(job.document_id, time.monotonic())

    def collect(self, result: Result, queue: deque) -> Iterator[Result]:
        document_id = result.document_id
        if result.status == "split":
            parts = part_jobs(Job(result.path, document_id), result.ranges)
            self.part_count[document_id] = len(parts)
            self.parts[document_id] = []
            queue.extendleft(reversed(parts))
        elif document_id not in self.part_count:
            yield result
        elif document_id in self.failed:
            return
        elif result.status == "failed":
            self.failed.add(document_id)
            self.parts.pop(document_id, None)  # none left once the join was queued
            others = [job for job in queue if job.document_id != document_id]
            queue.clear()
            queue.extend(others)
            yield result
        elif result.status == "part":
            parts = self.parts[document_id]
            parts.append(result.part)
            if len(parts) == self.part_count[document_id]:
                queue.appendleft(JoinJob(result.path, document_id, parts=self.parts.pop(document_id)))
        else:
            # The joined document: its time runs from its first job's start.
            result.seconds = round(time.monotonic() - self.started[document_id], 3)
            yield result


def _stop_overdue(pool: list[_Worker], context, timeout: float) -> Iterator[Result]:
    now = time.monotonic()
    for index, worker in enumerate(pool):
        if worker.job is not None and now - worker.started > timeout:
            job = worker.job
            worker.stop(kill=True)
            pool[index] = _Worker(context)
            yield failure(job.path, job.document_id, f"timed out after {timeout:g} s")


def run_on_dask(jobs: list[Job], scheduler: str | None = None, workers: int = 2) -> Iterator[Result]:
    """Run the jobs on the Dask cluster at ``scheduler`` (host:port), or on a
    LocalCluster of ``workers`` processes when none is given."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise RuntimeError("the dask executor needs the extra: pip install 'plantext[dask]'") from None
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True)
    client = Client(scheduler or cluster)
    try:
        queue = deque(jobs)
        documents = _Documents()
        job_of = {}
        running = as_completed()
        while queue or running.count():
            # The jobs queued so far go to the cluster at once; the results of
            # split PDFs queue their parts and joins (``_Documents.collect``).
            while queue:
                job = queue.popleft()
                documents.start(job)
                future = client.submit(run_job, job, pure=False)
                job_of[future.key] = job
                running.add(future)
            future = next(running)
            job = job_of.pop(future.key)
            try:
                result = future.result()
            except Exception as error:  # a worker lost with its task: that file failed, the rest go on
                result = failure(job.path, job.document_id, f"worker failed ({type(error).__name__}: {error})")
            yield from documents.collect(result, queue)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
