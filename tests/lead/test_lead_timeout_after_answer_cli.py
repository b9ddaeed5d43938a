"""A lead that wrote its whole answer and then ran out of time (its CLI hung on its way out, no
result event) has answered: its judgment is used, and the report says it ran out of time after
answering. One cut off mid-answer is still a failed lead."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lead_cli import review_with_lead
from lead_kit import ANSWER, fenced, install_fake_claude

HANG = 60.0  # far past the lead's timeout: the timeout, not the fake, ends it
TIMEOUT = {"claude": {"timeout": 2}}


def _hangs_after_answering(bin_dir: Path) -> None:
    scenario = json.loads((bin_dir / "claude.scenario.json").read_text(encoding="utf-8"))
    install_fake_claude(bin_dir, scenario["answers"], log_dir=Path(scenario["log_dir"]), hang=HANG)


@pytest.mark.slow
def test_a_complete_answer_before_the_timeout_is_used(tmp_path: Path) -> None:
    run = review_with_lead(tmp_path, [fenced(ANSWER)], seats=TIMEOUT, wrap=_hangs_after_answering)
    lead = run.out["lead"]
    assert lead["status"] == "ok", lead
    assert run.report["header"]["verdict"]["label"] == "Merge with fixes"
    assert "Consolidated without a lead" not in run.md
    assert "failed" not in run.report["lead"]["status"]
    # the lead's judgment: Charlie's overflow claim dropped, the lead's own finding added
    titles = [f["title"] for f in run.report["findings"]]
    assert "`shout` changes the length of strings containing `ß`" in titles
    assert not any("overflow" in t.lower() for t in titles)
    state = json.loads((run.review_dir / "run.json").read_text(encoding="utf-8"))
    assert state["lead"]["status"] == "ok"
    assert state["lead"]["run"]["status"] == "timeout"
    # the report says what happened: the `_Lead:` line, the lead's note (JSON, HTML, --json)
    late = "ran out of time after answering (timed out after 2.0 s"
    lead_line = next(line for line in run.md.splitlines() if line.startswith("_Lead: claude"))
    assert lead_line.startswith(f"_Lead: claude (claude-opus-4-6), {late}"), lead_line
    assert lead["note"].startswith(f"The lead (claude) {late}")
    assert "its answer was complete and is used." in lead["note"]
    assert run.report["lead"]["note"] == lead["note"]
    assert (run.review_dir / "lead-answer-1.json").is_file()


@pytest.mark.slow
def test_an_answer_cut_off_by_the_timeout_is_a_failed_lead(tmp_path: Path) -> None:
    whole = fenced(ANSWER)
    cut = whole[: whole.index('"verdict"')]  # stopped mid-document: its fence never closes
    run = review_with_lead(tmp_path, [cut], seats=TIMEOUT, wrap=_hangs_after_answering)
    lead = run.out["lead"]
    assert lead["status"] == "failed", lead
    assert lead["reason"].startswith("timed out after 2.0 s")
    assert "ran out of time after answering" not in run.md
    assert "> The lead (claude) failed: timed out after 2.0 s" in run.md
    assert "Consolidated without a lead" in run.md
