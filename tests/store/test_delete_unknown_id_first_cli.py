"""`delete` of an ID no review has says so before anything else: before it asks to delete it
(a prompt `Delete review 20261206 …?` reads as if the date typed from `list` were a review
about to go), before it asks for `--yes`, and before it takes the store's lock, which would
make the folder of a default store that holds no review yet."""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import one_stored_review
from support.repos import cli_env, make_repo, run_cli

REVIEW = (
    "## Executive Summary\n\nChecked.\n\n## Findings\n\n### Important Issues\n\n"
    "I1. **sub ignores types** — `calc.py:5` (important, regression)\n\nBad.\n"
)


def test_an_id_typed_short_is_refused_before_asking_for_yes(tmp_path: Path) -> None:
    repo, env, rid = one_stored_review(tmp_path, REVIEW)
    for typed in (rid[:8], "nope"):
        # no terminal and no --yes: the unknown ID, not the missing confirmation
        res = run_cli(["delete", typed], cwd=repo, env=env)
        assert res.returncode == 2, res.stderr
        [line] = [ln for ln in res.stderr.splitlines() if ln.strip()]
        assert f"no review '{typed}'" in line, line
        assert "--yes" not in line, line
    short = run_cli(["delete", rid[:8]], cwd=repo, env=env)
    assert f"did you mean {rid}?" in short.stderr, short.stderr
    assert (tmp_path / "store" / rid).is_dir()


def test_an_unknown_id_makes_no_default_store(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    del env["DEEP_REVIEW_STORE"]  # the default store, under the user data dir: not made yet
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["HOME"] = str(tmp_path / "home")
    res = run_cli(["delete", "nope", "--yes"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    assert "no review 'nope'" in res.stderr, res.stderr
    assert not (tmp_path / "data").exists(), sorted(p.name for p in (tmp_path / "data").rglob("*"))
