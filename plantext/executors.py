"""Where the per-file extraction runs: in this process, in worker processes, on Dask.

Every executor takes the batch's jobs and yields one ``Result`` per job as
it completes; none of them raises for a bad input.

- ``run_inline``: one after another in this process (``-j 1``, no timeout).
- ``run_in_processes``: ``workers`` forked worker processes take one file
  at a time.  A worker that crashes or exceeds ``timeout`` seconds is
  reported as that file's failure, replaced, and the batch goes on; workers
  are also replaced after ``FILES_PER_WORKER`` files, so memory does not grow
  with the size of the batch.
- ``run_on_dask``: the same per-file function on a Dask cluster (a local
  one when no scheduler address is given).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import signal
import time
from collections import deque
from collections.abc import Iterator

from plantext.batch import Job, Result, failure, run_job

POLL_SECONDS = 0.05
# A worker is replaced after this many files, so that its memory stays bounded.
FILES_PER_WORKER = 50


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

    def give(self, job: Job) -> None:
        self.job, self.started = job, time.monotonic()
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
    over ``timeout`` or has done ``FILES_PER_WORKER`` files is replaced."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    warm_up()
    queue = deque(jobs)
    pool = [_Worker(context) for _ in range(workers)]
    try:
        while queue or any(worker.job for worker in pool):
            for index, worker in enumerate(pool):
                if worker.job is None and queue:
                    if not worker.alive() or worker.done >= FILES_PER_WORKER:
                        worker.stop()
                        pool[index] = worker = _Worker(context)
                    worker.give(queue.popleft())
            busy = {worker.connection: worker for worker in pool if worker.job is not None}
            for connection in multiprocessing.connection.wait(list(busy), timeout=POLL_SECONDS):
                yield busy[connection].collect()
            if timeout is not None:
                yield from _stop_overdue(pool, context, timeout)
    finally:
        for worker in pool:
            worker.stop(kill=worker.job is not None)


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
        futures = client.map(run_job, jobs, pure=False)
        job_of = {future.key: job for future, job in zip(futures, jobs)}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as error:  # a worker lost with its task: that file failed, the rest go on
                job = job_of[future.key]
                yield failure(job.path, job.document_id, f"worker failed ({type(error).__name__}: {error})")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
