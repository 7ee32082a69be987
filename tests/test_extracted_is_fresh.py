"""extracted/ holds the main job's output on corpora/; it must not go stale."""

from __future__ import annotations

from conftest import ROOT


def test_extracted_outputs_match_a_fresh_run(tmp_path, monkeypatch):
    from plantext.batch import extract_many

    monkeypatch.chdir(ROOT)  # the README runs the main job from the project folder
    results = extract_many(["corpora/"], str(tmp_path), jobs=2)
    assert all(result.status == "ok" for result in results)
    fresh = sorted(path.name for path in tmp_path.glob("*.json"))
    committed = sorted(path.name for path in (ROOT / "extracted").glob("*.json"))
    assert fresh == committed
    for name in fresh:
        assert (ROOT / "extracted" / name).read_bytes() == (tmp_path / name).read_bytes(), (
            f"extracted/{name} is stale: run the README's first command"
        )
