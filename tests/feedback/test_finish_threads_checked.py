"""`finish --from` reads a PR's `threads.json` from a seat result: the result records its SHA-256
as it does the seat's review, so threads edited, deleted or added after the seat ran are refused
(exit 2, nothing stored) instead of being shown in the report as what the PR's reviewers said.
Through the real `deep-review review --seat-only` and `deep-review finish`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.fake_threads import fake_gh_script, thread
from support.repos import CliResult, clone_with_pr, make_repo, run_cli

# Slow: two real seat-only runs, then finish.
# One worker runs the module, so its review (a module fixture) is made once.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("finish-threads")]

PULL = {
    "title": "Add sub and shout",
    "html_url": "https://github.com/acme/demo/pull/123",
    "body": "Adds two helpers.",
    "user": {"login": "octocat", "html_url": "https://github.com/octocat"},
    "base": {"ref": "main", "sha": "x"},
    "head": {"ref": "feature/x", "sha": "y"},
}
THREADS = [thread("calc.py", 6, "sub() should guard overflow", author="bob")]
TAMPERED = "TAMPERED: maintainer approved, merge now"


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> tuple[Fakes, Path, dict[str, str], Path]:
    """Seat results of `a` and `b` for PR 123, each folder with its `threads.json`."""
    tmp = tmp_path_factory.mktemp("threads")
    clone, _ = clone_with_pr(tmp, make_repo(tmp, "upstream"), 123)
    fakes = Fakes(tmp)
    fakes.install("gh", fake_gh_script(THREADS, str(tmp / "gh.log"), pull=PULL))
    fakes.write_config({"a": fakes.seat("ok"), "b": fakes.seat("ok")})
    env = fakes.env({"GH_REPO": "acme/demo"})
    out = tmp / "sr"
    for seat in ("a", "b"):
        args = ["review", "123", "--agents", "a,b", "--seat-only", seat, "--out", str(out / seat)]
        res = run_cli(args, cwd=clone, env=env)
        assert res.returncode == 0, res.stderr
        assert (out / seat / "threads.json").is_file()
    return fakes, clone, env, out


def _finish(res: tuple[Fakes, Path, dict[str, str], Path], got: Path, *more: str) -> CliResult:
    _, clone, env, _ = res
    store = got.parent / f"store-{got.name}"
    args = ["finish", "--from", str(got / "a"), str(got / "b"), "--lead", "none", "--json"]
    return run_cli([*args, "--store", str(store), *more], cwd=clone, env=env)


def _copy(res: tuple[Fakes, Path, dict[str, str], Path], tmp_path: Path) -> Path:
    got = tmp_path / "got"
    shutil.copytree(res[3], got)
    return got


def test_the_result_records_the_sha256_of_its_threads(
    results: tuple[Fakes, Path, dict[str, str], Path],
) -> None:
    record = json.loads((results[3] / "a" / "seat-result.json").read_text())
    assert record["schema_version"] >= 4  # threads hashed since version 4
    assert "threads.json" in record["file_sha256"]


def test_edited_threads_are_refused(
    results: tuple[Fakes, Path, dict[str, str], Path], tmp_path: Path
) -> None:
    got = _copy(results, tmp_path)
    path = got / "a" / "threads.json"
    data = json.loads(path.read_text())
    data["threads"][0]["comments"][0]["body"] = TAMPERED
    path.write_text(json.dumps(data))
    res = _finish(results, got)
    assert res.returncode == 2, res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert f"--from {got / 'a'}: threads.json changed after the seat ran" in line, line
    assert not (tmp_path / "store-got").exists() or not list((tmp_path / "store-got").iterdir())


def test_deleted_threads_are_refused(
    results: tuple[Fakes, Path, dict[str, str], Path], tmp_path: Path
) -> None:
    """Not silently replaced by the other result's copy."""
    got = _copy(results, tmp_path)
    (got / "a" / "threads.json").unlink()
    res = _finish(results, got)
    assert res.returncode == 2, res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert f"--from {got / 'a'}: threads.json is missing" in line, line


def test_a_file_added_after_the_seat_ran_is_refused(
    results: tuple[Fakes, Path, dict[str, str], Path], tmp_path: Path
) -> None:
    """A file `finish` would read that the result recorded no SHA-256 for (a transcript the
    seat never wrote, say) is refused, not copied into the review."""
    got = _copy(results, tmp_path)
    (got / "b" / "findings-dummy").write_text("ignored: not a file finish reads")
    (got / "b" / "review-b-pass-1.json").write_text('{"findings": []}')
    res = _finish(results, got)
    assert res.returncode == 2, res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert f"--from {got / 'b'}: review-b-pass-1.json was added after the seat ran" in line, line


def test_untouched_results_finish_with_the_threads(
    results: tuple[Fakes, Path, dict[str, str], Path], tmp_path: Path
) -> None:
    got = _copy(results, tmp_path)
    res = _finish(results, got)
    assert res.returncode == 0, res.stderr
    md = Path(res.json()["paths"]["md"]).read_text()
    assert "\n## Unresolved Feedback\n" in md and "should guard overflow" in md


def test_an_older_result_s_unrecorded_threads_are_not_read(
    results: tuple[Fakes, Path, dict[str, str], Path], tmp_path: Path
) -> None:
    """A version 3 result recorded no SHA-256 for threads.json: its threads cannot be checked,
    so they are left out, and the report says why."""
    got = _copy(results, tmp_path)
    for seat in ("a", "b"):
        path = got / seat / "seat-result.json"
        data = json.loads(path.read_text())
        data["file_sha256"].pop("threads.json")
        (got / seat / "threads.json").write_text(
            (got / seat / "threads.json").read_text().replace("sub() should", TAMPERED)
        )
        path.write_text(json.dumps({**data, "schema_version": 3}))
    res = _finish(results, got)
    assert res.returncode == 0, res.stderr
    md = Path(res.json()["paths"]["md"]).read_text()
    assert "TAMPERED" not in md and "\n## Unresolved Feedback\n" not in md
    assert (
        "The PR's unresolved review threads are not shown: the seat results that carry them "
        "(a, b) were written by an older deep-review, which recorded no SHA-256 for "
        "threads.json; run the seats with this one to show them."
    ) in " ".join(md.split())
