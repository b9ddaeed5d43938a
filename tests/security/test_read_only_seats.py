"""Seats are read-only by default; when one still writes, the report says so.

The real CLIs' refusals are driven through the scripted model server elsewhere; here: a
command seat that edits or commits in its worktree is flagged (and the user's checkout and
branches are untouched), and a refusal reported in Claude's own result event shows up in the
seat's stats.
"""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes, assert_no_leftovers, run_json
from support.repos import git, make_repo


def _refs(repo: Path) -> str:
    return git(repo, "for-each-ref", "--format=%(refname) %(objectname)")


def test_seat_that_commits_in_its_worktree_is_flagged(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    refs_before = _refs(repo)
    head = git(repo, "rev-parse", "HEAD")
    fakes = Fakes(tmp_path)
    fakes.write_config({"committer": fakes.seat("commit"), "reader": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "committer,reader")
    assert res.returncode == 0, res.stderr
    seats = {s["seat"]: s for s in res.json()["seats"]}
    assert seats["committer"]["modified_worktree"] is True
    assert seats["reader"]["modified_worktree"] is False
    changes = run_json(Path(res.json()["review_dir"]))["seats"]["committer"]["run"][
        "worktree_changes"
    ]
    assert changes == [f"HEAD moved from {head[:12]} to {changes[0].split()[-1]}"]
    report = Path(res.json()["paths"]["md"]).read_text()
    assert "Seat Committer modified its worktree" in report
    # The user's branch, checkout and refs are exactly as before.
    assert git(repo, "rev-parse", "HEAD") == head
    assert _refs(repo) == refs_before
    assert git(repo, "status", "--porcelain") == ""
    assert_no_leftovers(fakes, repo)


def test_seat_writing_into_the_users_checkout_is_flagged(tmp_path: Path) -> None:
    """Trial 29: a seat wrote into the user's own checkout (outside its worktree); the report
    said nothing, and even claimed "the user's checkout was not touched"."""
    repo = make_repo(tmp_path)
    (repo / "notes.txt").write_text("the user's own untracked file\n")
    fakes = Fakes(tmp_path)
    fakes.write_config(
        {
            "writer": fakes.seat("write-outside", "--victim", str(repo)),
            "editor": fakes.seat("edit"),
        }
    )
    res = fakes.review(repo, "--agents", "writer,editor")
    assert res.returncode == 0, res.stderr
    out = res.json()
    report = Path(out["paths"]["md"]).read_text()
    assert "Your checkout changed while the seats ran (2 paths: " in report
    assert "TOUCHED_BY_SEAT.txt" in report and "README.md" in report
    assert "notes.txt" not in report  # dirty before the review: not the seats' doing
    assert "checkout changed while the seats ran" in Path(out["paths"]["html"]).read_text()
    assert "not touched" not in report
    assert "Seat Editor modified its worktree" in report


def test_a_store_inside_the_checkout_is_not_a_seat_change(tmp_path: Path) -> None:
    """The review's own files, written while the seats run, are not flagged as a seat's."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"reader": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "reader", "--store", str(repo / "reviews"))
    assert res.returncode == 0, res.stderr
    assert git(repo, "status", "--porcelain").startswith("?? reviews/")  # it is untracked
    assert "checkout changed" not in Path(res.json()["paths"]["md"]).read_text()


def test_seat_edits_are_flagged_in_every_format(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"editor": fakes.seat("edit")})
    res = fakes.review(repo, "--agents", "editor")
    assert res.returncode == 0, res.stderr
    out = res.json()
    assert out["seats"][0]["modified_worktree"] is True
    assert "Seat Editor modified its worktree (3 paths" in Path(out["paths"]["md"]).read_text()
    assert "modified the worktree (3 paths)" in Path(out["paths"]["html"]).read_text()
    assert "worktree_changes" in Path(out["paths"]["json"]).read_text()
    assert (repo / "README.md").is_file() and not (repo / "new-file.txt").exists()
    assert_no_leftovers(fakes, repo)


def test_cleanup_never_deletes_through_a_swapped_worktree(tmp_path: Path) -> None:
    """A seat replaces its worktree by a symlink to another folder: removing the worktree
    afterwards must not delete that folder's files."""
    repo = make_repo(tmp_path)
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "precious.txt").write_text("keep me\n")
    (victim / "sub").mkdir()
    (victim / "sub" / "data.txt").write_text("and me\n")
    fakes = Fakes(tmp_path)
    fakes.write_config({"swapper": fakes.seat("swap-worktree", "--victim", str(victim))})
    res = fakes.review(repo, "--agents", "swapper")
    assert res.returncode == 0, res.stderr
    assert (victim / "precious.txt").read_text() == "keep me\n"
    assert (victim / "sub" / "data.txt").read_text() == "and me\n"
    assert res.json()["seats"][0]["modified_worktree"] is True
    assert_no_leftovers(fakes, repo)
    # The symlink left in the worktree's place was removed (the link, not its target).
    temp = tmp_path / "tmp"  # TMPDIR (`repos.cli_env`)
    assert [p for p in temp.glob("review-swapper-*.moved")]  # the seat's own mess, left
    assert not [p for p in temp.glob("review-swapper-*") if p.is_symlink()]


def test_claude_permission_denial_counts_in_stats(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent("claude", {"mode": "denial", "tools": 3})
    fakes.write_config({})
    res = fakes.review(repo, "--agents", "claude", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    (seat,) = res.json()["seats"]
    assert seat["status"] == "ok"
    run = run_json(Path(res.json()["review_dir"]))["seats"]["claude"]["run"]
    assert run["permission_denials"] == 1
    assert run["tool_calls"] == 3
    report = Path(res.json()["paths"]["md"]).read_text()
    assert "1 tool call denied" in report
    assert_no_leftovers(fakes, repo)


def test_claude_refused_write_tool_and_refused_command_both_count(tmp_path: Path) -> None:
    """Trial 29: a `Write` Claude Code refused as "not enabled" (absent from its result's
    permission_denials) beside a blocked command showed as "1 denied"."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent("claude", {"mode": "write_denial", "tools": 3})
    fakes.write_config({})
    res = fakes.review(repo, "--agents", "claude", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    run = run_json(Path(res.json()["review_dir"]))["seats"]["claude"]["run"]
    assert run["permission_denials"] == 2
    assert dict(run["tool_counts"]) == {"Bash": 2, "Write": 1}
    report = Path(res.json()["paths"]["md"]).read_text()
    assert (
        "Tried to write files: 1 Write call. 2 tool calls denied "
        "(`git blame calc.py && touch x`, 1 other)." in report
    )
    assert_no_leftovers(fakes, repo)
