"""`review --json` is what CI reads. Its `verdict` is the report's label, which for a clean
review with a failed seat is "Merge as-is": on its own a plain approval although a seat never
reviewed the change. The document carries the verdict's reason too, the same words as the
report's header, so a job reading it sees "1 of 2 seats failed" — and
the listed verdict (`list --json`) agrees."""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import NO_FINDINGS, review_printed
from support.repos import cli_env, run_cli

RATE_LIMITED = "I could not access the repository. Error: rate limit exceeded.\n"


def test_review_json_says_which_seats_failed_beside_an_approval(tmp_path: Path) -> None:
    res, out, report = review_printed(tmp_path, {"calm": NO_FINDINGS, "limited": RATE_LIMITED})
    assert res.returncode == 0, res.stderr[-2000:]
    assert {s["seat"]: s["status"] for s in out["seats"]} == {"calm": "ok", "limited": "failed"}
    assert out["verdict"] == "Merge as-is"
    assert out["verdict_reason"] == "no issues found; 1 of 2 seats failed"
    assert out["verdict_reason"] == report["header"]["verdict"]["reason"]

    listed = run_cli(["list", "--json"], cwd=tmp_path / "repo", env=cli_env(tmp_path)).json()
    assert [r["verdict"] for r in listed["reviews"]] == ["Merge as-is (1 of 2 seats failed)"]


def test_review_json_reason_of_a_review_every_seat_failed(tmp_path: Path) -> None:
    res, out, _ = review_printed(tmp_path, {"limited": RATE_LIMITED})
    assert res.returncode == 3, res.stderr[-2000:]
    assert (out["verdict"], out["verdict_reason"]) == ("Failed", "no seat produced a review")
