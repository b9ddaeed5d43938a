"""`review --panel auto` never keeps "for diversity" a seat that keeps failing, through the
real command: five reviews where `claude` finds something only it finds and `gemini` exits
with an error every time, then a review that lets the history choose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stats_kit import FIXTURES

from fakebin.harness import Fakes, run_json
from support.repos import make_repo

# a review with one finding only this seat makes (the stats kit's truthful seat)
CLAUDE_REVIEW = (FIXTURES / "review-truthful.md").read_text(encoding="utf-8")
QUOTA = {"mode": "exit", "exit_code": 1, "stderr": "quota exhausted for this key"}


def _history(fakes: Fakes, repo: Path, *, gemini: dict[str, Any], reviews: int = 5) -> None:
    fakes.agent("claude", {"review": CLAUDE_REVIEW})
    fakes.agent("gemini", gemini)
    for _ in range(reviews):
        res = fakes.review(repo, "--agents", "claude,gemini", env=fakes.env(agents=True))
        assert res.returncode == 0, res.stderr


def _panel(fakes: Fakes, repo: Path) -> dict[str, Any]:
    res = fakes.review(
        repo, "--agents", "claude,gemini", "--panel", "auto", env=fakes.env(agents=True)
    )
    assert res.returncode == 0, res.stderr
    panel: dict[str, Any] = run_json(Path(res.json()["review_dir"]))["panel"]
    return panel


def test_a_seat_that_failed_every_review_is_not_kept_for_diversity(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_repo(tmp_path)
    _history(fakes, repo, gemini=QUOTA)
    panel = _panel(fakes, repo)
    assert panel["mode"] == "history"
    assert panel["seats"] == ["claude"]
    reasons = {c["seat"]: c["reason"] for c in panel["choices"]}
    assert reasons["gemini"].startswith("dropped: no unique insight in 5 reviews")
    assert "; failed in 5 of 5 reviews;" in reasons["gemini"]
    assert "Not kept for diversity either" in reasons["gemini"]
    # The summary says the panel is down to one family, and why.
    assert "one model family (anthropic)" in panel["summary"]
    assert "gemini (google) failed in 5 of 5 reviews" in panel["summary"]
