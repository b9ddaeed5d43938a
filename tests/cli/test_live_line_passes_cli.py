"""The plain live lines of `deep-review review --passes 2` (stderr not a terminal): a seat's
second pass says which pass it is, and carries no figures of the pass before. It read
`[claude] ok (0.2 s, 5 tool calls)` then `[claude] running (0.2 s, 5 tool calls)`: "running"
beside a finished pass's time and calls, as if the seat had started over."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from deepreview.agents.base import ProgressEvent
from deepreview.cli.progress import Progress
from fakebin.harness import Fakes
from support.repos import make_repo

REVIEW = Path(__file__).resolve().parent.parent / "fixtures" / "trial34" / "claude.md"

pytestmark = pytest.mark.slow  # a review of two passes


def test_a_second_pass_says_so_on_its_live_line(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    # important findings: a seat goes on to a second pass only after serious new ones
    fakes.agent("claude", {"tools": 3, "review_file": str(REVIEW)})
    fakes.write_config({})
    res = fakes.review(repo, "--agents", "claude", "--passes", "2", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr[-3000:]
    lines = [ln for ln in res.stderr.splitlines() if ln.startswith("[claude]")]
    shapes = [re.sub(r"\d+(\.\d+)? s,", "T s,", ln) for ln in lines]
    assert shapes == [
        "[claude] running",
        "[claude] ok (T s, 3 tool calls)",
        "[claude] running pass 2",
        "[claude] ok (T s, 6 tool calls)",
    ], lines


def test_the_table_of_a_later_pass_shows_no_figures_of_the_pass_before() -> None:
    """On a terminal the table's elapsed time ran frozen at the first pass's duration all
    through the second pass: a later pass clears the finished figures until it ends."""
    stream = io.StringIO()
    progress = Progress(["claude"], stream=stream, live=False)
    progress(ProgressEvent("claude", "state", "running"))
    progress(ProgressEvent("claude", "state", "ok", 1, duration_s=0.5))
    progress(ProgressEvent("claude", "state", "running", 1))
    row = progress.rows["claude"]
    assert row.duration is None and row.ended is None
    progress(ProgressEvent("claude", "state", "ok", 2, duration_s=0.9))
    assert stream.getvalue().splitlines() == [
        "[claude] running",
        "[claude] ok (0.5 s, 1 tool call)",
        "[claude] running pass 2",
        "[claude] ok (0.9 s, 2 tool calls)",
    ]
