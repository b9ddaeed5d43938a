"""Two reviews of one branch running at the same time, through two real `deep-review`
processes: each report compares with the round its seats were asked about, not with a round
that finished while it ran."""

from __future__ import annotations

import json
import time
from pathlib import Path

from support.first_round import first_round
from support.repos import commit_all, run_cli, write
from support.rounds import (
    ROUND1,
    ROUND2_FIXED,
    finish_review,
    run_round,
    start_review,
    stored,
)

# Review A (started first, finished first): a new finding of its own, I1, on another line.
REVIEW_A = """## Executive Summary

Handles a zero divisor; the new default hides the error.

## Findings

### Critical Issues

None.

### Important Issues

I1. **A zero divisor silently returns 0.0** — `calc.py:3` (important, regression)

Callers cannot tell a real 0.0 from a division by zero; seen by reading the line.

### Suggestions

None.
"""

# Review B (started second, finished last): its seat was asked about round 1's I1.
REVIEW_B = ROUND2_FIXED


def _wait_for_new_review(store: Path, known: set[str]) -> str:
    """The ID of a review not in `known` once its run.json is written (after its prompt)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        new = [
            d.name for d in store.iterdir() if d.name not in known and (d / "run.json").is_file()
        ]
        if new:
            return new[0]
        time.sleep(0.05)
    raise AssertionError("the review never started")


def test_a_review_compares_with_the_round_its_seats_were_asked_about(tmp_path: Path) -> None:
    """A starts, B starts a second later: both prompts say "since round 1". A finishes first.
    B's report still compares with round 1 (its seat's verdict is about round 1's I1), says
    that A finished in between, and leaves A's own I1 alone."""
    fakes, repo, round1 = first_round(tmp_path)
    first = round1["review_id"]
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n")
    commit_all(repo, "Handle a zero divisor")
    files = {}
    for name, text in (("a", REVIEW_A), ("b", REVIEW_B)):
        review = tmp_path / f"review-{name}.md"
        review.write_text(text, encoding="utf-8")
        release = tmp_path / f"release-{name}"
        files[name] = release
    seats = {
        name: fakes.seat(
            "slow",
            "--sleep",
            "60",
            "--wait-lines",
            f"{files[name]}=1",
            "--review-file",
            str(tmp_path / f"review-{name}.md"),
        )
        for name in ("a", "b")
    }
    fakes.write_config(seats)
    env = fakes.env()
    proc_a = start_review(repo, env, "a")
    proc_b = None
    try:
        a_id = _wait_for_new_review(fakes.store, {first})
        time.sleep(1.1)  # B is created in a later second than A
        proc_b = start_review(repo, env, "b")
        b_id = _wait_for_new_review(fakes.store, {first, a_id})
        files["a"].write_text("go\n", encoding="utf-8")
        assert finish_review(proc_a) == a_id
    finally:
        for release in files.values():
            release.write_text("go\n", encoding="utf-8")
    assert proc_b is not None
    assert finish_review(proc_b) == b_id

    for rid, seat in ((a_id, "a"), (b_id, "b")):
        prompt = (fakes.store / rid / f"prompt-{seat}.md").read_text(encoding="utf-8")
        assert "## A later round: what changed since round 1" in prompt, prompt
    b = json.loads(stored(fakes, b_id, ".json"))
    info = b["round_info"]
    assert info["previous_review_id"] == first, info
    assert [(v["prior_id"], v["verdict"]) for v in info["fix_verdicts"]] == [("I1", "fixed")]
    assert "Division by zero" in json.dumps(info["fix_verdicts"]), info["fix_verdicts"]
    assert a_id in info["interdiff_note"], info["interdiff_note"]
    b_md = stored(fakes, b_id, ".md")
    assert "A zero divisor silently returns 0.0" not in b_md
    # B is round 3: it names the round it compares with by that round's own number.
    assert f"Round 3 reviewed the changes since round 1 (`{first}`" in b_md, b_md
    assert "| Round 1 finding |" in b_md


def test_finish_compares_with_the_round_the_seat_only_run_was_asked_about(tmp_path: Path) -> None:
    """`review --seat-only` is asked about round 1; round 2 (review A) then completes before
    `finish` runs. The finished report still compares with round 1, the round the seat's
    verdicts are about, and says that A finished in between."""
    fakes, repo, round1 = first_round(tmp_path)
    first = round1["review_id"]
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n")
    commit_all(repo, "Handle a zero divisor")
    review_b = tmp_path / "review-b.md"
    review_b.write_text(REVIEW_B, encoding="utf-8")
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review_b))})
    out = tmp_path / "seat-alpha"
    env = fakes.env()
    seat = run_cli(["review", "--seat-only", "alpha", "--out", str(out)], cwd=repo, env=env)
    assert seat.returncode == 0, seat.stderr
    prompt = (out / "prompt-alpha.md").read_text(encoding="utf-8")
    assert "## A later round: what changed since round 1" in prompt
    # (Most likely run in the same second as round 1: the ID a review made now would get.)
    assert json.loads((out / "seat-result.json").read_text())["previous_round"] == first
    a_id = run_round(fakes, repo, REVIEW_A)["review_id"]

    done = run_cli(["finish", "--from", str(out), "--lead", "none", "--json"], cwd=repo, env=env)
    assert done.returncode == 0, done.stderr
    report = json.loads(Path(done.json()["paths"]["json"]).read_text(encoding="utf-8"))
    info = report["round_info"]
    assert info["previous_review_id"] == first, info
    assert [(v["prior_id"], v["verdict"]) for v in info["fix_verdicts"]] == [("I1", "fixed")]
    assert "Division by zero" in json.dumps(info["fix_verdicts"]), info["fix_verdicts"]
    assert (
        f"Review {a_id} (round 2) of this series finished while this one ran"
        in (info["interdiff_note"])
    ), info["interdiff_note"]
    assert report["header"]["round"].startswith("3 ")
    assert "A zero divisor silently returns 0.0" not in json.dumps(report["findings"])


def test_a_report_names_the_compared_round_by_its_own_number(tmp_path: Path) -> None:
    """`--seat-only` is asked about round 1 and raises its I1 again; round 2 completes before
    `finish`, which makes round 3. Everything in round 3's report that names the round it
    compares with says round 1 (its section, its table, its summary, its retro), never
    round 2 (trial 2026-12-03, defect 4)."""
    fakes, repo, round1 = first_round(tmp_path)
    first = round1["review_id"]
    write(repo, "calc.py", "def div(a, b):\n    # divide two numbers\n    return a / b\n")
    commit_all(repo, "Reword a comment")
    again = tmp_path / "again.md"
    again.write_text(ROUND1, encoding="utf-8")
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(again))})
    out = tmp_path / "seat-alpha"
    env = fakes.env()
    seat = run_cli(["review", "--seat-only", "alpha", "--out", str(out)], cwd=repo, env=env)
    assert seat.returncode == 0, seat.stderr
    run_round(fakes, repo, REVIEW_A)

    done = run_cli(["finish", "--from", str(out), "--lead", "none", "--json"], cwd=repo, env=env)
    assert done.returncode == 0, done.stderr
    paths = done.json()["paths"]
    report = json.loads(Path(paths["json"]).read_text(encoding="utf-8"))
    assert report["header"]["round"].startswith("3 ")
    assert report["round_info"]["previous_review_id"] == first
    md = Path(paths["md"]).read_text(encoding="utf-8")
    assert f"Round 3 reviewed the changes since round 1 (`{first}`" in md
    assert "| Round 1 finding |" in md
    assert "1 still open from round 1" in md
    assert "(Round 1 I1, raised again)" in md or "Round 1 I1, raised again" in md
    assert "re-raised from round 1" in md or "what round 1 reported" in md
    assert "round 2" not in md.replace(first, "").lower().replace("(round 2)", ""), md
