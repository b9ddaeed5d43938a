"""A finding one seat calls fixed while another raises it again is still open: the report
does not call it fixed, and publishing neither replies "Fixed" on its inline comment nor
resolves its thread (trial 2026-12-03, defect 1)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from deepreview.consolidate.fingerprint import fingerprint
from deepreview.model import (
    Finding,
    FixVerdict,
    Header,
    Location,
    Report,
    RoundInfo,
    SeatFixVerdict,
    Severity,
)
from deepreview.publish.followup import may_reply, plan_replies, round_lines
from deepreview.publish.safe import finding_marker
from publish.scenario import NUMBER, REPO, REVIEW, push_fix
from publish.scenario import setup as setup_pr
from support.fake_github import FakeGitHub
from support.repos import run_cli

pytestmark = pytest.mark.slow  # two real reviews of a PR

# Round 2, seat alpha: every finding of round 1 fixed, nothing new.
ALL_FIXED = """## Executive Summary

All fixed.

## Round 2 Fix Verdicts

- I1: fixed
- I2: fixed
- S1: fixed

## Findings

No issues found.
"""


def test_a_finding_a_seat_raises_again_is_not_fixed_and_its_thread_stays_open(
    tmp_path: Path,
) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup_pr(tmp_path, gh)
        alpha, bravo = tmp_path / "alpha.md", tmp_path / "bravo.md"
        alpha.write_text(REVIEW, encoding="utf-8")
        bravo.write_text(REVIEW, encoding="utf-8")
        fakes.write_config(
            {
                "alpha": fakes.seat("ok", "--review-file", str(alpha)),
                "bravo": fakes.seat("ok", "--review-file", str(bravo)),
            }
        )
        panel = ("#7", "--agents", "alpha,bravo")
        first = fakes.review(clone, *panel, "--post", "--inline", env=env)
        assert first.returncode == 0, first.stderr
        pull = gh.pull(REPO, NUMBER)
        assert len(pull.review_comments) == 2  # I1 and I2 inline

        push_fix(tmp_path, gh)
        alpha.write_text(ALL_FIXED, encoding="utf-8")
        bravo.write_text(REVIEW.replace("calc.py:40", "calc.py:25"), encoding="utf-8")
        second = fakes.review(clone, *panel, env=env)
        assert second.returncode == 0, second.stderr
        rid = second.json()["review_id"]
        report = json.loads(Path(second.json()["paths"]["json"]).read_text(encoding="utf-8"))
        verdicts = {v["prior_id"]: v for v in report["round_info"]["fix_verdicts"]}
        for prior in ("I1", "I2", "S1"):
            v = verdicts[prior]
            assert v["carried_as"], v
            assert v["verdict"] not in ("fixed", "no longer applies"), v
            assert v["disagreement"], v
        md = Path(second.json()["paths"]["md"]).read_text(encoding="utf-8")
        assert "| not fixed (seats disagree) |" in md
        assert "| fixed (seats disagree) |" not in md
        assert "Alpha: fixed — “fixed”; Bravo: raised it again" in md

        published = run_cli(["publish", rid, "--inline"], cwd=clone, env=env)
        assert published.returncode == 0, published.stderr
        (summary,) = pull.issue_comments
        assert ": fixed (Alpha), still open" not in summary["body"], summary["body"]
        replies = [c for c in pull.review_comments if c.get("in_reply_to_id")]
        assert not any("Fixed in round 2" in r["body"] for r in replies), replies
        assert pull.resolved_threads == set()


def test_a_stored_report_calling_a_carried_finding_fixed_is_not_published_as_fixed() -> None:
    """A report stored before the fix above says `fixed` for a finding still open as I1:
    the summary says not fixed, and no reply says "Fixed" or resolves its thread."""
    prior = Finding(
        id="I1",
        severity=Severity.IMPORTANT,
        title="risky() swallows errors",
        locations=(Location("calc.py", 25),),
        reviewers=("Alpha",),
    )
    fv = FixVerdict(
        prior_id="I1",
        title=prior.title,
        severity=prior.severity,
        location="calc.py:25",
        verdict="fixed",
        seats=(SeatFixVerdict(seat="Alpha", verdict="fixed", evidence="gone"),),
        disagreement=True,
        carried_as="I1",
    )
    info = RoundInfo(2, "pr:7", "20261203-000000-pr-7", "0" * 40, fix_verdicts=(fv,))
    report = Report(header=Header(review_id="r2"), round_info=info)
    previous = Report(header=Header(review_id="r1"), findings=(prior,))
    ours = {"id": 5, "body": f"{finding_marker(fingerprint(prior))}\n\nrisky"}
    assert "- **I1** risky() swallows errors — `calc.py:25`: not fixed, still open as **I1**" in (
        round_lines(report)
    )
    assert not may_reply(report)
    assert plan_replies(report, previous, [ours], "r2") == ()
    # The same verdict on a finding not carried is replied to and resolved, as before.
    gone = dataclasses.replace(info, fix_verdicts=(dataclasses.replace(fv, carried_as=None),))
    (reply,) = plan_replies(dataclasses.replace(report, round_info=gone), previous, [ours], "r2")
    assert reply.resolve and "**Fixed in round 2**" in reply.body
