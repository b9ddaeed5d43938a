"""A rate limit hit while publishing names when it resets as a date and time in UTC, and how
long that is from now, through the real `deep-review publish`: a bare `22:13 UTC` could be
today or tomorrow, and read as local time."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from deepreview.github.client import reset_words
from publish.scenario import review, setup
from support.fake_github import FakeGitHub
from support.repos import run_cli

pytestmark = pytest.mark.slow  # a real review, then a publish


def _publish_limited(tmp_path: Path, reset_at: int) -> str:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        gh.fail_next(403, rate_limited=True, method="POST", reset_at=reset_at)
        res = run_cli(["publish", rid], cwd=clone, env=env)
        assert res.returncode == 5
        [line] = res.stderr.strip().splitlines()
        return line


def test_the_reset_time_has_a_date_and_how_long_from_now(tmp_path: Path) -> None:
    # Two and a half hours ahead: the message says which day, and about how long.
    reset_at = int(time.time()) + 2 * 3600 + 30 * 60
    line = _publish_limited(tmp_path, reset_at)
    stamp = datetime.fromtimestamp(reset_at, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")
    assert f"wait for it to reset (at {stamp}, in 2 h " in line, line
    assert re.search(r"in 2 h \d{1,2} min\) and run the command again", line), line


def test_a_reset_time_already_past_says_so(tmp_path: Path) -> None:
    line = _publish_limited(tmp_path, 1_700_000_000)
    assert "(at 2023-11-14 22:13 UTC, already past) and run the command again" in line, line


def test_reset_words_round_up_to_the_minute() -> None:
    now = 1_800_000_000.0
    assert reset_words(int(now) + 30, now).endswith(", in 1 min)")
    assert reset_words(int(now) + 3600, now).endswith(", in 1 h)")
    assert reset_words(int(now) + 3661, now).endswith(", in 1 h 2 min)")
    assert reset_words(int(now) + 26 * 3600, now) == "(at 2027-01-16 10:00 UTC, in 26 h)"
    assert reset_words(int(now), now).endswith(", already past)")


def test_a_secondary_rate_limit_waits_as_long_as_retry_after_says(tmp_path: Path) -> None:
    """GitHub's secondary limit (too many writes at once) answers 403 with `Retry-After`: that
    is the wait, not the primary limit's `X-RateLimit-Reset` (an hour away, or past)."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        rid = review(fakes, clone, env).json()["review_id"]
        message = "You have exceeded a secondary rate limit. Please wait a few minutes."
        gh.fail_next(403, message=message, method="POST", retry_after=150)
        res = run_cli(["publish", rid], cwd=clone, env=env)
    assert res.returncode == 5
    [line] = res.stderr.strip().splitlines()
    assert "GitHub rate limit reached (the summary comment: HTTP 403)" in line, line
    assert re.search(
        r"wait for it to reset \(at \d{4}-\d\d-\d\d \d\d:\d\d UTC, in [23] min\)", line
    )
