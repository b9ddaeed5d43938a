"""Ranges, review IDs and the words a user reads (issue 13 items 2 and 10)."""

from __future__ import annotations

import json
import re
import signal
from pathlib import Path

from fakebin.harness import Fakes, processes_with, run_json
from support.interrupt import Interrupted, interrupt_review
from support.repos import commit_all, git, make_repo, run_cli, write

REVIEW_WITH_FINDINGS = """## Executive Summary

Two problems in the change.

## Findings

### Critical Issues

None.

### Important Issues

I1. **Unbounded `subprocess` call can hang the review** — `calc.py:5` (important, gap)

The call has no timeout, so a stuck child blocks the whole review.

### Suggestions

S1. **`os` imported but never used** — `util/strings.py:1` (suggestion, gap)

Drop the import.
"""


def _paths(out: dict) -> set[str]:  # type: ignore[type-arg]
    return {f["path"] for f in run_json(Path(out["review_dir"]))["target"]["changed_files"]}


# -- item 2: `main..topic` after main moved on ----------------------------------------------------
def test_two_dot_range_reviews_from_the_merge_base_when_main_moved_on(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)  # feature/x branched from main
    fakes = Fakes(tmp_path)
    plain = fakes.review(repo, "main..feature/x", "--agents", "static")
    assert plain.returncode == 0, plain.stderr
    assert "not an ancestor" not in plain.stderr  # main is an ancestor: nothing to say

    git(repo, "checkout", "-q", "main")
    write(repo, "main_only.py", "VALUE = 1\n")
    commit_all(repo, "main moves on")
    git(repo, "checkout", "-q", "feature/x")
    mb = git(repo, "merge-base", "main", "feature/x")

    res = fakes.review(repo, "main..feature/x", "--agents", "static")
    assert res.returncode == 0, res.stderr
    assert "main is not an ancestor of feature/x" in res.stderr
    assert "--exact-range" in res.stderr
    out = res.json()
    assert _paths(out) == {"calc.py", "util/strings.py"}  # not main_only.py "deleted"
    assert run_json(Path(out["review_dir"]))["target"]["base_sha"] == mb
    md = Path(out["paths"]["md"]).read_text()
    header = md.split("## ", 1)[0]
    assert f"from the merge-base of main and feature/x ({mb[:7]})" in header

    exact = fakes.review(repo, "main..feature/x", "--exact-range", "--agents", "static")
    assert exact.returncode == 0, exact.stderr
    assert "not an ancestor" not in exact.stderr
    assert "main_only.py" in _paths(exact.json())


# -- item 10: review IDs ---------------------------------------------------------------------------
def test_range_review_ids_use_short_shas_or_branch_names(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    head = git(repo, "rev-parse", "HEAD")
    res = fakes.review(repo, "HEAD~1..HEAD", "--agents", "static")
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    assert re.fullmatch(rf"\d{{8}}-\d{{6}}-{head[:7]}", rid), rid
    named = fakes.review(repo, "main..feature/x", "--agents", "static")
    rid2 = named.json()["review_id"]
    assert re.fullmatch(r"\d{8}-\d{6}-main\.\.feature-x", rid2), rid2
    assert (fakes.store / f"{rid2}.md").is_file() and (fakes.store / rid2 / "run.json").is_file()
    branch = fakes.review(repo, "--agents", "static")  # the documented branch form is kept
    assert re.fullmatch(r"\d{8}-\d{6}-feature-x", branch.json()["review_id"])


def test_range_with_non_ascii_names_gets_the_branch_slug(tmp_path: Path) -> None:
    """A range side that is a branch name with non-ASCII letters is still a name: its ID
    spells it as the branch review does (`ü` → `u`), not as the head's short SHA."""
    repo = make_repo(tmp_path)
    git(repo, "branch", "feat/ünï/x", "feature/x")
    fakes = Fakes(tmp_path)
    git(repo, "checkout", "-q", "feat/ünï/x")
    branch = fakes.review(repo, "--agents", "static")
    assert branch.returncode == 0, branch.stderr
    assert re.fullmatch(r"\d{8}-\d{6}-feat-uni-x", branch.json()["review_id"])
    ranged = fakes.review(repo, "main..feat/ünï/x", "--agents", "static")
    assert ranged.returncode == 0, ranged.stderr
    rid = ranged.json()["review_id"]
    assert re.fullmatch(r"\d{8}-\d{6}-main\.\.feat-uni-x", rid), rid


# -- item 10: wording ------------------------------------------------------------------------------
def test_timed_out_seat_wording(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"hang": {**fakes.seat("hang"), "timeout": 1}, "ok": fakes.seat("ok")})
    res = run_cli(["review", "--agents", "hang,ok", "--lead", "none"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    assert re.search(r"^  hang: timed out after \d+(?:\.\d)? s$", res.stderr, re.M), res.stderr
    assert "timeout —" not in res.stderr
    md = next(fakes.store.glob("*.md")).read_text()
    assert re.search(r"Seat Hang timed out after \d+(?:\.\d)? s\.", md), md
    assert "Seat Hang timeout" not in md


def test_interrupted_seat_wording(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"slow": fakes.seat("slow", "--sleep", "120")})
    run = interrupt_review(
        ["review", "--agents", "slow", "--lead", "none"],
        cwd=repo,
        env=fakes.env(),
        when=lambda: any("--sleep" in p for p in processes_with(fakes.marker)),
        what="the slow seat to start",
    )
    stderr = run.stderr
    assert run.returncode == 130, stderr
    assert re.search(r"^  slow: interrupted$", stderr, re.M), stderr
    assert "interrupted — interrupted" not in stderr


def _stopped_after_the_quick_seat(tmp_path: Path, sig: int) -> tuple[Path, Fakes, Interrupted]:
    """`review --agents slow,quick`, sent `sig` once the quick seat is done and the slow one
    works: the repository, the fakes and the run."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"slow": fakes.seat("slow", "--sleep", "120"), "quick": fakes.seat("ok")})
    store = tmp_path / "store"
    run = interrupt_review(
        ["review", "--agents", "slow,quick", "--lead", "none"],
        cwd=repo,
        env=fakes.env(),
        when=lambda: (
            any("--sleep" in p for p in processes_with(fakes.marker))
            and any(
                run_json(d).get("seats", {}).get("quick", {}).get("status") == "ok"
                for d in store.glob("*/")
                if (d / "run.json").is_file()
            )
        ),
        what="the quick seat to finish while the slow one works",
        sig=sig,
    )
    return repo, fakes, run


def _listed_reviewers(repo: Path, fakes: Fakes) -> None:
    listed = run_cli(["list", "--json"], cwd=repo, env=fakes.env()).json()["reviews"]
    assert listed[0]["status"] == "interrupted"
    assert listed[0]["reviewers"] == ["Slow (not finished)", "Quick"]
    table = run_cli(["list"], cwd=repo, env=fakes.env()).stdout
    assert "Slow (not finished), Quick" in table, table


def test_an_interrupted_review_lists_every_seat_asked(tmp_path: Path) -> None:
    """`list` of a review stopped by Ctrl-C: the seat that finished is a reviewer, the one cut
    off is listed as asked but not finished (not left out: the row would read as a review of
    one seat)."""
    repo, fakes, run = _stopped_after_the_quick_seat(tmp_path, signal.SIGINT)
    assert run.returncode == 130, run.stderr
    _listed_reviewers(repo, fakes)


def test_a_review_killed_outright_lists_the_seats_that_finished_as_reviewers(
    tmp_path: Path,
) -> None:
    """Killed outright (SIGKILL, the machine restarted) after one seat finished: its row,
    written as `running` before any seat ran, is read as interrupted, and names its reviewers
    as run.json tells them — the seat whose review is kept is no "not finished" one."""
    repo, fakes, run = _stopped_after_the_quick_seat(tmp_path, signal.SIGKILL)
    assert run.returncode == -signal.SIGKILL, run.stderr
    _listed_reviewers(repo, fakes)


def test_retro_titles_are_not_cut_to_a_module_name(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    review_file = tmp_path / "review.md"
    review_file.write_text(REVIEW_WITH_FINDINGS)
    fakes.write_config(
        {"finder": fakes.seat("ok", "--review-file", str(review_file)), "quiet": fakes.seat("ok")}
    )
    res = fakes.review(repo, "--agents", "finder,quiet")
    assert res.returncode == 0, res.stderr
    md = Path(res.json()["paths"]["md"]).read_text()
    retro = md.split("Agent Performance Retro", 1)[1]
    assert "(subprocess)" not in retro and "(os)" not in retro, retro
    assert "Unbounded `subprocess` call can hang the…" in retro
    assert "`os` imported but never used" in retro
    json.dumps(res.json())


def test_ctrl_c_while_the_lead_works_interrupts_the_review(tmp_path: Path) -> None:
    """Ctrl-C during the lead: exit 130, run.json `interrupted` with the lead pending, nothing
    reported as complete (a `--post` would have published it); `resume` runs the lead again."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"quick": fakes.seat("ok")})
    flag = tmp_path / "lead-may-finish"
    fakes.agent("codex", {"duration": 60, "tools": 4, "slow_unless": str(flag)})
    store = tmp_path / "store"

    def lead_running() -> bool:
        return any(
            run_json(d).get("lead", {}).get("status") == "running"
            for d in store.glob("*/")
            if (d / "run.json").is_file()
        )

    run = interrupt_review(
        ["review", "--agents", "quick", "--lead", "codex", "--json"],
        cwd=repo,
        env=fakes.env(agents=True),
        when=lead_running,
        what="the lead to start",
    )
    assert run.returncode == 130, run.stderr
    (review_dir,) = [d for d in store.glob("*/") if (d / "run.json").is_file()]
    state = run_json(review_dir)
    assert state["status"] == "interrupted" and state["lead"]["status"] == "pending"
    # as after a Ctrl-C during the seats: --json names the review, so a script can resume it
    out = json.loads(run.stdout)
    assert (out["review_id"], out["status"]) == (review_dir.name, "interrupted")
    assert f"deep-review resume {review_dir.name}" in run.stderr
    listed = run_cli(["list", "--json"], cwd=repo, env=fakes.env(agents=True)).json()["reviews"]
    assert listed[0]["status"] == "interrupted"

    flag.write_text("go")
    res = run_cli(["resume", review_dir.name, "--json"], cwd=repo, env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    assert run_json(review_dir)["status"] == "complete"


def test_ctrl_c_during_a_relead_leaves_the_review_as_it_was(tmp_path: Path) -> None:
    """A relead stopped by Ctrl-C: the review stays complete with the earlier lead's entry and
    files (not a lead "running" forever, nor its files set aside), its report unchanged."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"quick": fakes.seat("ok")})
    flag = tmp_path / "lead-may-finish"
    flag.write_text("go")
    fakes.agent("codex", {"duration": 60, "tools": 4, "slow_unless": str(flag)})
    env = fakes.env(agents=True)
    first = fakes.review(repo, "--agents", "quick", lead="codex", env=env)
    assert first.returncode == 0, first.stderr
    out = first.json()
    review_dir = Path(out["review_dir"])
    before = run_json(review_dir)
    assert before["lead"]["seat"] == "codex" and before["lead"]["files"]
    stored = {k: Path(v).read_bytes() for k, v in out["paths"].items()}
    lead_files = sorted(p.name for p in review_dir.glob("*lead*") if p.is_file())
    flag.unlink()

    run = interrupt_review(
        ["relead", out["review_id"], "--json"],
        cwd=repo,
        env=env,
        when=lambda: run_json(review_dir)["lead"]["status"] == "running",
        what="the relead's lead to start",
    )
    assert run.returncode == 130, run.stderr
    assert run_json(review_dir) == before
    assert sorted(p.name for p in review_dir.glob("*lead*") if p.is_file()) == lead_files
    assert {k: Path(v).read_bytes() for k, v in out["paths"].items()} == stored


def test_non_ascii_file_names_reach_the_seat_as_written(tmp_path: Path) -> None:
    """git quotes non-ASCII paths in diff headers by default (`"na\\303\\257ve.py"`): the seat
    would be asked about a file name that exists nowhere."""
    repo = make_repo(tmp_path)
    write(repo, "naïve.py", "def f():\n    return 1\n")
    commit_all(repo, "Add naïve.py")
    fakes = Fakes(tmp_path)
    fakes.write_config({"quick": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "quick")
    assert res.returncode == 0, res.stderr
    prompt = (Path(res.json()["review_dir"]) / "prompt-quick.md").read_text(encoding="utf-8")
    assert "diff --git a/naïve.py b/naïve.py" in prompt
    assert "\\303" not in prompt
