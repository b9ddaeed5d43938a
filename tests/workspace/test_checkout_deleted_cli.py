"""The user's checkout is deleted while the seats run (`rm -rf` in another terminal, a CI
workspace cleaned up): through the real `deep-review` command with a seat that deletes it.
The seats' worktrees can no longer be checked by git: that reads as unknown, never as the seat
having changed its worktree ("HEAD moved to nothing"); the review stops with one line saying
the repository is gone instead of running the lead in it, and keeps what the seats wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deepreview.lockfile import release, take
from deepreview.store.runlock import runner
from fakebin.harness import Fakes
from support.repos import CliResult, make_repo, run_cli


def test_a_checkout_deleted_mid_review_stops_it_and_keeps_the_seats(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    # One seat: a second one removing its worktree while the checkout is deleted could take
    # the repository's lock just before and make its `.git` folder again.
    fakes.write_config({"vandal": fakes.seat("delete-victim", "--victim", str(repo))})
    res = fakes.review(repo, "--agents", "vandal", lead="none")
    assert not repo.exists(), (res.stdout, res.stderr)
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr, res.stderr
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("deep-review:")]
    assert len(errors) == 1, res.stderr
    assert f"the repository {repo} is gone" in errors[0], errors[0]
    assert "modified its worktree" not in res.stderr + res.stdout
    (review_dir,) = [p for p in fakes.store.iterdir() if (p / "run.json").is_file()]
    state = json.loads((review_dir / "run.json").read_text(encoding="utf-8"))
    assert state["status"] == "failed"
    assert f"deep-review resume {review_dir.name}" in errors[0], errors[0]
    entry = state["seats"]["vandal"]
    assert entry["status"] == "ok", entry
    assert not entry["run"].get("worktree_changes"), entry  # was "HEAD moved to nothing"
    assert (review_dir / "review-vandal-pass-1.md").is_file()
    assert not list(fakes.store.glob(f"{review_dir.name}.*"))  # no report from a lost repository


def _assert_stopped_with_seats_kept(
    res: CliResult, fakes: Fakes, repo: Path, seats: tuple[str, ...], *, racing: bool
) -> None:
    """One line, exit 2, every seat's raw output kept, nothing left running or locked."""
    assert not repo.exists(), (res.stdout, res.stderr)  # not made again by a seat's cleanup
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr, res.stderr
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("deep-review:")]
    assert len(errors) == 1, res.stderr
    assert f"the repository {repo} is gone" in errors[0], errors[0]
    (review_dir,) = [p for p in fakes.store.iterdir() if (p / "run.json").is_file()]
    assert f"deep-review resume {review_dir.name}" in errors[0], errors[0]
    state = json.loads((review_dir / "run.json").read_text(encoding="utf-8"))
    assert state["status"] == "failed"
    for seat in seats:
        entry = state["seats"][seat]
        # Racing the deletion, a seat may find the repository gone before its worktree is set
        # up: failed then, with one line, and its (empty) output files kept all the same.
        # While `rm -rf` is still under way the folder exists and git fails on the object it
        # read last ("unable to read sha1 file"): the seat then could not be prepared, and says
        # so with git's line; once the folder is gone it says the repository is gone.
        prepared = entry["status"] == "ok"
        unprepared = entry["status"] == "failed" and (
            "is gone" in entry["reason"]
            or entry["reason"].startswith("could not prepare the seat: ")
        )
        assert prepared or (racing and unprepared), entry
        for name in (f"review-{seat}-pass-1.md", f"stderr-{seat}-pass-1.log"):
            assert (review_dir / name).is_file(), name
    assert not list(fakes.store.glob(f"{review_dir.name}.*"))
    # the review's locks went with it: the store's and the review's
    assert runner(review_dir) is None
    fd = take(fakes.store / ".index.lock")
    assert fd is not None, "the store's lock is still held"
    release(fd)
    temp = fakes.tmp / "tmp"  # TMPDIR (`repos.cli_env`): the seats' worktrees and homes
    assert [p.name for p in temp.iterdir() if p.name.startswith(("review-", "deep-"))] == []
    listed = run_cli(
        ["list", "--json", "--store", str(fakes.store)], cwd=fakes.tmp, env=fakes.env()
    )
    assert listed.returncode == 0, listed.stderr
    assert [r["status"] for r in listed.json()["reviews"]] == ["failed"]


@pytest.mark.parametrize("others", ["race", "after"])
def test_three_seats_racing_a_deleted_checkout_stop_it_once(tmp_path: Path, others: str) -> None:
    """Three seats: one deletes the checkout while the two others run. `race`: they finish
    (and remove their worktrees) as it deletes; `after`: once it is gone."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    gone = tmp_path / "gone.flag"
    started = tmp_path / "started.txt"
    other = (
        fakes.seat("ok")
        if others == "race"
        else fakes.seat(
            "slow", "--sleep", "60", "--wait-lines", f"{gone}=1", "--count-file", str(started)
        )
    )
    # `after`: the checkout goes only once both others run in their worktrees; deleting it
    # before one of them is set up is the `race` case.
    waits = () if others == "race" else ("--sleep", "60", "--wait-lines", f"{started}=2")
    fakes.write_config(
        {
            "vandal": fakes.seat(
                "delete-victim", "--victim", str(repo), "--flag", str(gone), *waits
            ),
            "second": other,
            "third": other,
        }
    )
    res = fakes.review(repo, "--agents", "vandal,second,third", lead="none")
    seats = ("vandal", "second", "third")
    _assert_stopped_with_seats_kept(res, fakes, repo, seats, racing=others == "race")


def test_a_seat_whose_worktree_fails_as_the_checkout_goes_says_it_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race above, made certain: the checkout is deleted while a seat's worktree is being
    made, and git fails on the object it was reading ("unable to read sha1 file"). The seat's
    reason names the cause the user can act on, the repository gone, not git's message."""
    import contextlib
    import shutil
    from collections.abc import Iterator

    from deepreview import runner as seat_runner
    from deepreview.errors import GitError

    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"late": fakes.seat("ok")})

    @contextlib.contextmanager
    def vanishing(*_args: object, **_kwargs: object) -> Iterator[None]:
        shutil.rmtree(repo)
        raise GitError("git checkout-index failed: error: unable to read sha1 file of a.py")
        yield  # pragma: no cover

    monkeypatch.setattr(seat_runner, "seat_worktree", vanishing)
    res = fakes.review(repo, "--agents", "late", lead="none")
    assert not repo.exists()
    assert "Traceback" not in res.stderr, res.stderr
    (review_dir,) = [p for p in fakes.store.iterdir() if (p / "run.json").is_file()]
    entry = json.loads((review_dir / "run.json").read_text(encoding="utf-8"))["seats"]["late"]
    assert entry["status"] == "failed", entry
    assert f"the repository {repo} is gone" in entry["reason"], entry
    assert "sha1" not in entry["reason"], entry
