"""Which base a branch review starts from when none is given, and the line that names it
(trial46a #7: a stale local `main` was taken before an up-to-date `origin/main`)."""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes, run_json
from support.repos import commit_all, git, make_repo, write


def _paths(out: dict) -> set[str]:  # type: ignore[type-arg]
    return {f["path"] for f in run_json(Path(out["review_dir"]))["target"]["changed_files"]}


def _clone_behind(tmp: Path) -> Path:
    """A clone whose local `main` was never pulled: upstream has three newer commits, fetched
    into `origin/main`, and the branch `topic` starts from `origin/main`."""
    up = make_repo(tmp, "up")
    git(up, "checkout", "-q", "main")
    work = tmp / "work"
    git(tmp, "clone", "-q", str(up), str(work))
    for n in range(3):
        write(up, f"colleague{n}.py", f"X = {n}\n")
        commit_all(up, f"colleague {n}")
    git(work, "fetch", "-q")
    git(work, "switch", "-q", "-c", "topic", "origin/main")
    write(work, "mine.py", "MINE = 1\n")
    commit_all(work, "mine")
    return work


def test_an_up_to_date_origin_main_is_the_base_over_a_stale_local_main(tmp_path: Path) -> None:
    work = _clone_behind(tmp_path)
    fakes = Fakes(tmp_path)
    with_head = fakes.review(work, "--agents", "static")
    assert with_head.returncode == 0, with_head.stderr
    assert _paths(with_head.json()) == {"mine.py"}
    assert "Reviewing branch topic against origin/main (1 file)" in with_head.stderr

    git(work, "remote", "set-head", "origin", "-d")  # a `git init; remote add; fetch` checkout
    res = fakes.review(work, "--agents", "static")
    assert res.returncode == 0, res.stderr
    assert _paths(res.json()) == {"mine.py"}  # not the colleagues' three files as well
    assert "Reviewing branch topic against origin/main (1 file)" in res.stderr


def test_a_local_main_ahead_of_origin_stays_the_base(tmp_path: Path) -> None:
    work = _clone_behind(tmp_path)
    git(work, "remote", "set-head", "origin", "-d")
    git(work, "checkout", "-q", "main")
    git(work, "merge", "-q", "--ff-only", "origin/main")
    write(work, "local_only.py", "L = 1\n")
    commit_all(work, "not pushed yet")  # main is now ahead of origin/main
    git(work, "switch", "-q", "-c", "topic2")
    write(work, "mine2.py", "M = 2\n")
    commit_all(work, "mine2")
    res = Fakes(tmp_path).review(work, "--agents", "static")
    assert res.returncode == 0, res.stderr
    assert _paths(res.json()) == {"mine2.py"}
    assert "Reviewing branch topic2 against main (1 file)" in res.stderr
