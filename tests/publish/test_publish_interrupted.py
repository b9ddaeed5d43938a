"""Ctrl-C while `review --post --inline` publishes: after the summary comment is posted, with
the inline review's request still unanswered (the fake holds it), SIGINT to the process group.
The stored review stays whole, the exit is 130 (interrupted), and `publish ID --inline`
afterwards updates the one summary instead of posting a second."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from publish.scenario import NUMBER, REPO, setup
from support.fake_github import FakeGitHub
from support.repos import run_cli

# a real process, a review and two publishes (~5 s alone)
pytestmark = pytest.mark.slow

COMMENTS = f"/repos/{REPO}/issues/{NUMBER}/comments"


def test_ctrl_c_between_summary_and_inline_review(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        _, clone, env = setup(tmp_path, gh)
        held = gh.hold_next("POST", f"/repos/{REPO}/pulls/{NUMBER}/reviews")
        args = ["review", f"#{NUMBER}", "--agents", "alpha", "--lead", "none", "--post"]
        proc = subprocess.Popen(
            [sys.executable, "-m", "deepreview", *args, "--inline", "--json"],
            cwd=clone,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches
        )
        try:
            assert held.arrived.wait(120), "the inline review was never sent"
            assert len(gh.requests_to("POST", COMMENTS)) == 1  # the summary is posted
            os.killpg(proc.pid, signal.SIGINT)
            out, err = proc.communicate(timeout=120)
        finally:
            held.release.set()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        stderr = err.decode(errors="replace")
        assert proc.returncode == 130, stderr[-3000:]
        doc = json.loads(out)
        rid = doc["review_id"]
        assert doc["publish"]["error"], doc["publish"]

        # the stored review is whole: shown as it was written
        report = Path(doc["paths"]["json"])
        assert json.loads(report.read_text(encoding="utf-8"))["findings"], report
        shown = run_cli(["show", rid, "--format", "json"], cwd=clone, env=env)
        assert shown.returncode == 0, shown.stderr
        assert gh.pull(REPO, NUMBER).reviews == []  # the held write never landed

        writes = len(gh.writes)
        again = run_cli(["publish", rid, "--inline"], cwd=clone, env=env)
        assert again.returncode == 0, again.stderr
        (summary,) = gh.pull(REPO, NUMBER).issue_comments
        assert [(w.method, w.path) for w in gh.writes[writes:]] == [
            ("PATCH", f"/repos/{REPO}/issues/comments/{summary['id']}"),  # the one summary
            ("POST", f"/repos/{REPO}/pulls/{NUMBER}/reviews"),
        ]
        assert len(gh.pull(REPO, NUMBER).reviews) == 1  # the inline review, now posted
