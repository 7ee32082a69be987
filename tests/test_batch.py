"""Batches: worker processes, timeouts, crashes, resume and the Dask executor."""

from __future__ import annotations

import json
import os
import shutil

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
    big.write_text("\f".join([page] * 3000), encoding="utf-8")  # several seconds of work
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


def test_a_timeout_cannot_be_asked_of_the_dask_executor(small_corpus, tmp_path):
    with pytest.raises(ValueError, match="dask"):
        extract_many([str(small_corpus)], str(tmp_path / "out"), executor="dask", timeout=5)
