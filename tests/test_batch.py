"""Batches: worker processes, timeouts, crashes, resume and the Dask executor."""

from __future__ import annotations

import json
import os
import shutil
import time

import pytest

from conftest import CORPORA
from plantext import executors
from plantext.batch import extract_many


@pytest.fixture()
def small_corpus(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ["gansu-14th-eco-plan.txt", "national-14th-eco-plan.txt", "gansu-14th-eco-plan.pdf"]:
        shutil.copy(CORPORA / name, folder / name)
    return folder


def outputs(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.json"))}


def test_two_workers_write_the_same_bytes_as_one(small_corpus, tmp_path):
    extract_many([str(small_corpus)], str(tmp_path / "one"), jobs=1)
    extract_many([str(small_corpus)], str(tmp_path / "two"), jobs=2)
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    assert len(outputs(tmp_path / "one")) == 3


def test_a_file_over_the_timeout_fails_and_the_rest_go_on(tmp_path):
    big = tmp_path / "plans" / "big.txt"
    big.parent.mkdir()
    page = "第一章 总体要求\n" + "全省生态环境质量持续改善，主要污染物排放总量持续减少，生态系统稳定性明显增强。\n" * 30
    big.write_text("\f".join([page] * 6000), encoding="utf-8")  # several seconds of work
    shutil.copy(CORPORA / "gansu-14th-eco-plan.txt", tmp_path / "plans" / "gansu.txt")
    results = extract_many([str(tmp_path / "plans")], str(tmp_path / "out"), jobs=2, timeout=1.0)
    by_id = {result.document_id: result for result in results}
    assert by_id["big"].status == "failed" and "timed out after 1 s" in by_id["big"].error
    assert by_id["gansu"].status == "ok"
    assert not (tmp_path / "out" / "big.json").exists()


def test_a_crashing_worker_is_reported_and_replaced(small_corpus, tmp_path, monkeypatch):
    real_run_job = executors.run_job

    def crash_on_national(job):
        if "national" in job.path:
            os._exit(3)  # what a segfault in a native library looks like to the parent
        return real_run_job(job)

    # Workers are forked, so they run the patched function.
    monkeypatch.setattr(executors, "run_job", crash_on_national)
    results = executors.run_in_processes(
        [job for job in _jobs(small_corpus)], workers=2
    )
    by_id = {result.document_id: result for result in results}
    assert by_id["national-14th-eco-plan"].error.endswith("worker crashed (exit code 3)")
    assert by_id["gansu-14th-eco-plan-txt"].status == "ok"
    assert by_id["gansu-14th-eco-plan-pdf"].status == "ok"


def _jobs(folder):
    from plantext.batch import assign_document_ids, discover_inputs

    inputs, _ = discover_inputs([str(folder)])
    return assign_document_ids(inputs)


def test_resume_reruns_a_changed_input(small_corpus, tmp_path):
    out = tmp_path / "out"
    extract_many([str(small_corpus)], str(out), jobs=1)
    with open(small_corpus / "national-14th-eco-plan.txt", "a", encoding="utf-8") as stream:
        stream.write("\n补充说明。\n")
    results = extract_many([str(small_corpus)], str(out), jobs=1, resume=True)
    assert sorted((result.document_id, result.status) for result in results) == [
        ("gansu-14th-eco-plan-pdf", "skipped"),
        ("gansu-14th-eco-plan-txt", "skipped"),
        ("national-14th-eco-plan", "ok"),
    ]


def test_dask_local_cluster_gives_the_same_outputs_and_manifest(small_corpus, tmp_path):
    pytest.importorskip("dask.distributed")
    extract_many([str(small_corpus)], str(tmp_path / "local"), jobs=1)
    results = extract_many([str(small_corpus)], str(tmp_path / "dask"), jobs=2, executor="dask")
    assert all(result.status == "ok" for result in results)
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")
    manifest = [json.loads(line) for line in (tmp_path / "dask" / "_manifest.jsonl").read_text().splitlines()]
    assert [entry["status"] for entry in manifest] == ["ok", "ok", "ok"]
    resumed = extract_many([str(small_corpus)], str(tmp_path / "dask"), jobs=2, executor="dask", resume=True)
    assert {result.status for result in resumed} == {"skipped"}


def test_resume_keeps_skipping_on_every_later_run(small_corpus, tmp_path):
    out = tmp_path / "out"
    extract_many([str(small_corpus)], str(out), jobs=1)
    extract_many([str(small_corpus)], str(out), jobs=1, resume=True)
    third = extract_many([str(small_corpus)], str(out), jobs=1, resume=True)
    assert {result.status for result in third} == {"skipped"}


def test_an_input_that_now_fails_loses_its_old_output(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    plan = plans / "plan.txt"
    plan.write_text((CORPORA / "gansu-14th-eco-plan.txt").read_text(encoding="utf-8"), encoding="utf-8")
    extract_many([str(plans)], str(tmp_path / "out"), jobs=1)
    plan.write_bytes(b"")
    (result,) = extract_many([str(plans)], str(tmp_path / "out"), jobs=1)
    assert result.status == "failed"
    assert not (tmp_path / "out" / "plan.json").exists()


def test_outputs_are_ordinary_readable_files(small_corpus, tmp_path):
    extract_many([str(small_corpus)], str(tmp_path / "out"), jobs=1)
    assert all(path.stat().st_mode & 0o044 for path in (tmp_path / "out").iterdir())


def test_dask_reads_a_shared_out_pdf_in_parts_and_joins_them():
    pytest.importorskip("dask.distributed")
    from plantext.batch import Job, SplitJob, run_job
    from plantext.executors import run_on_dask

    path = str(CORPORA / "qinghai-14th-eco-plan.pdf")
    results = list(run_on_dask([SplitJob(path, "qinghai", workers=2)], workers=2))
    assert [(result.status, result.pages) for result in results] == [("ok", 97)]
    assert results[0].text == run_job(Job(path, "qinghai")).text


def test_a_timeout_cannot_be_asked_of_the_dask_executor(small_corpus, tmp_path):
    with pytest.raises(ValueError, match="dask"):
        extract_many([str(small_corpus)], str(tmp_path / "out"), executor="dask", timeout=5)


# Long PDFs read in parts by several workers


def test_a_pdf_read_in_parts_and_joined_is_the_pdf_read_whole():
    from plantext.ingest import join_parts, read_pdf_part, read_source

    path = CORPORA / "national-14th-eco-plan.pdf"
    parts = [read_pdf_part(path, range(first, stop)) for first, stop in [(5, 7), (0, 3), (3, 5), (7, 9)]]
    assert [len(part.pages) for part in parts] == [2, 3, 2, 0]
    assert join_parts(parts) == read_source(path)


def test_parts_read_from_different_bytes_are_not_joined(tmp_path):
    from plantext import PlantextError
    from plantext.ingest import join_parts, read_pdf_part

    path = tmp_path / "plan.pdf"
    shutil.copy(CORPORA / "national-14th-eco-plan.pdf", path)
    first = read_pdf_part(path, range(0, 3))
    shutil.copy(CORPORA / "gansu-14th-eco-plan.pdf", path)
    second = read_pdf_part(path, range(3, 6))
    with pytest.raises(PlantextError, match="file changed while it was being read"):
        join_parts([first, second])


def test_parts_without_any_text_are_a_pdf_without_a_text_layer(tmp_path):
    from pypdf import PdfWriter

    from plantext import PlantextError
    from plantext.ingest import join_parts, read_pdf_part

    path = tmp_path / "blank.pdf"
    writer = PdfWriter()
    for _ in range(20):
        writer.add_blank_page(width=595, height=842)
    with open(path, "wb") as stream:
        writer.write(stream)
    parts = [read_pdf_part(path, range(0, 10)), read_pdf_part(path, range(10, 20))]
    with pytest.raises(PlantextError, match="no text layer"):
        join_parts(parts)


def jobs_for(*names):
    from plantext.batch import Job

    return [Job(str(CORPORA / name), name) for name in names]


def test_a_pdf_over_a_workers_share_of_the_batch_is_shared_out():
    from plantext.batch import SplitJob, share_out

    shared = share_out(jobs_for("qinghai-14th-eco-plan.pdf", "gansu-14th-eco-plan.txt"), workers=2)
    assert [type(job).__name__ for job in shared] == ["SplitJob", "Job"]
    assert shared[0].workers == 2


def test_a_long_pdf_is_read_in_parts_of_at_least_eight_pages_two_per_worker():
    from plantext.batch import part_ranges

    assert part_ranges(97, workers=2) == [(0, 24), (24, 48), (48, 73), (73, 97)]
    assert part_ranges(20, workers=2) == [(0, 10), (10, 20)]


def test_a_pdf_too_short_for_two_parts_is_read_whole():
    from plantext.batch import part_ranges

    assert part_ranges(15, workers=2) == []
    assert part_ranges(0, workers=2) == []  # PDFium could not open it: its extraction will say why


def test_the_worker_of_a_shared_out_pdf_gives_its_page_ranges():
    from plantext.batch import SplitJob, run_job

    result = run_job(SplitJob(str(CORPORA / "qinghai-14th-eco-plan.pdf"), "qinghai", workers=2))
    assert (result.status, result.pages, result.ranges) == ("split", 97, [(0, 24), (24, 48), (48, 73), (73, 97)])


def test_the_worker_of_a_short_shared_out_pdf_extracts_it_whole():
    from plantext.batch import SplitJob, run_job

    result = run_job(SplitJob(str(CORPORA / "national-14th-eco-plan.pdf"), "national", workers=2))
    assert (result.status, result.pages) == ("ok", 7)


def test_pdfs_within_a_workers_share_of_the_batch_are_kept_whole():
    from plantext.batch import share_out

    # Two long PDFs and a dump on two workers: each PDF is under half the batch.
    jobs = jobs_for("qinghai-14th-eco-plan.pdf", "qinghai-14th-eco-plan.pdf", "qinghai-14th-eco-plan.txt")
    assert share_out(jobs, workers=2) == jobs


def test_one_worker_reads_every_pdf_whole():
    from plantext.batch import share_out

    jobs = jobs_for("qinghai-14th-eco-plan.pdf")
    assert share_out(jobs, workers=1) == jobs


def test_the_pdfplumber_engine_reads_every_pdf_whole():
    from plantext.batch import share_out

    jobs = jobs_for("qinghai-14th-eco-plan.pdf", "gansu-14th-eco-plan.txt")
    for job in jobs:
        job.pdf_engine = "pdfplumber"
    assert share_out(jobs, workers=2) == jobs


@pytest.fixture()
def long_pdf_batch(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ["qinghai-14th-eco-plan.pdf", "gansu-14th-eco-plan.txt"]:
        shutil.copy(CORPORA / name, folder / name)
    return folder


def test_a_pdf_split_over_two_workers_gives_the_bytes_and_manifest_of_one(long_pdf_batch, tmp_path):
    extract_many([str(long_pdf_batch)], str(tmp_path / "one"), jobs=1)
    results = extract_many([str(long_pdf_batch)], str(tmp_path / "two"), jobs=2)
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    assert sorted((result.document_id, result.status, result.pages) for result in results) == [
        ("gansu-14th-eco-plan", "ok", 6),
        ("qinghai-14th-eco-plan", "ok", 97),
    ]
    manifest = [json.loads(line) for line in (tmp_path / "two" / "_manifest.jsonl").read_text().splitlines()]
    assert [(entry["document_id"], entry["status"]) for entry in manifest] == [
        ("gansu-14th-eco-plan", "ok"),
        ("qinghai-14th-eco-plan", "ok"),
    ]


def crash_workers_on(monkeypatch, crashes) -> None:
    """Make a worker die (as a segfault would) on the jobs ``crashes`` picks;
    workers are forked, so they run the patched function."""
    real_run_job = executors.run_job

    def run_or_crash(job):
        if crashes(job):
            os._exit(3)
        return real_run_job(job)

    monkeypatch.setattr(executors, "run_job", run_or_crash)


def statuses(results):
    return sorted((result.document_id, result.status) for result in results)


def test_a_crash_in_one_part_fails_its_document_once(long_pdf_batch, tmp_path, monkeypatch):
    from plantext.batch import PartJob

    crash_workers_on(monkeypatch, lambda job: isinstance(job, PartJob) and job.first == 24)
    results = extract_many([str(long_pdf_batch)], str(tmp_path / "out"), jobs=2)
    assert statuses(results) == [("gansu-14th-eco-plan", "ok"), ("qinghai-14th-eco-plan", "failed")]
    failed = next(result for result in results if result.status == "failed")
    assert failed.error.endswith("worker crashed (exit code 3)")
    assert outputs(tmp_path / "out").keys() == {"gansu-14th-eco-plan.json"}


def test_the_timeout_of_a_split_pdf_counts_from_its_first_part(long_pdf_batch, tmp_path, monkeypatch):
    from plantext.batch import PartJob

    real_run_job = executors.run_job

    def slow_parts(job):
        if isinstance(job, PartJob):
            time.sleep(0.6)  # four parts on two workers: 1.2 s before the join
        return real_run_job(job)

    monkeypatch.setattr(executors, "run_job", slow_parts)
    results = extract_many([str(long_pdf_batch)], str(tmp_path / "out"), jobs=2, timeout=1.0)
    by_id = {result.document_id: result for result in results}
    assert len(results) == 2
    assert by_id["qinghai-14th-eco-plan"].status == "failed"
    assert by_id["qinghai-14th-eco-plan"].error.endswith("timed out after 1 s")
    assert by_id["gansu-14th-eco-plan"].status == "ok"


def test_a_crash_while_joining_the_parts_fails_the_document_once(long_pdf_batch, tmp_path, monkeypatch):
    from plantext.batch import JoinJob

    crash_workers_on(monkeypatch, lambda job: isinstance(job, JoinJob))
    results = extract_many([str(long_pdf_batch)], str(tmp_path / "out"), jobs=2)
    assert statuses(results) == [("gansu-14th-eco-plan", "ok"), ("qinghai-14th-eco-plan", "failed")]
