"""A lead's answer is used, or asked for again, as its run allows: an empty final answer is asked
again like any unusable answer; a complete answer after which the CLI exits non-zero is read,
as a seat's review is (README: "A CLI that exits non-zero after a complete, successful run")."""

from __future__ import annotations

import json
from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import ANSWER, fenced


def test_an_empty_lead_answer_is_asked_again(tmp_path: Path) -> None:
    run = review_with_lead(tmp_path, ["", fenced(ANSWER)])
    assert run.out["lead"]["status"] == "ok"
    state = json.loads((run.review_dir / "run.json").read_text(encoding="utf-8"))
    assert state["lead"]["passes"] == 2
    errors = (run.review_dir / "lead-errors-1.txt").read_text(encoding="utf-8")
    assert "the answer is empty" in errors
    assert "Merge with fixes" in run.report["header"]["verdict"]["label"]


def test_an_empty_lead_answer_twice_falls_back(tmp_path: Path) -> None:
    run = review_with_lead(tmp_path, ["", ""])
    lead = run.out["lead"]
    assert lead["status"] == "fallback"
    assert "the answer is empty" in lead["reason"]
    assert "Consolidated without a lead" in run.md


def _exits_1_after_answering(bin_dir: Path) -> None:
    """`claude` that answers as the fake does, then exits 1 (a hook failing on the way out)."""
    real = bin_dir / "claude-real"
    (bin_dir / "claude").rename(real)
    wrapper = bin_dir / "claude"
    wrapper.write_text(
        f'#!/bin/sh\n"{real}" "$@" || exit $?\n[ "$1" = "--version" ] && exit 0\n'
        'echo "Error: socket hang up" >&2\nexit 1\n',
        encoding="utf-8",
    )
    wrapper.chmod(0o755)


def test_a_lead_exiting_1_after_a_complete_answer_is_used(tmp_path: Path) -> None:
    run = review_with_lead(tmp_path, [fenced(ANSWER)], wrap=_exits_1_after_answering)
    lead = run.out["lead"]
    assert lead["status"] == "ok", lead
    assert run.report["header"]["verdict"]["label"] == "Merge with fixes"
    assert "Consolidated without a lead" not in run.md
    state = json.loads((run.review_dir / "run.json").read_text(encoding="utf-8"))
    assert state["lead"]["run"]["reason"] == "exited with code 1"
    lead_line = next(line for line in run.md.splitlines() if line.startswith("_Lead: claude"))
    assert lead_line.startswith("_Lead: claude (claude-opus-4-6), exited with code 1 — ")
