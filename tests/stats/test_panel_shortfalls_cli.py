"""`review --panel auto` judges a seat whose reviews were all read but never delivered findings
(its findings text could not be read, or it was cut off) as it judges one that failed them:
no second model family to count on. Through the real command: five reviews where `claude` finds
something only it finds and `gemini` names a fault in prose no finding shape holds, then a
review that lets the history choose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stats_kit import FIXTURES

from fakebin.harness import Fakes, run_json
from support.repos import make_repo

CLAUDE_REVIEW = (FIXTURES / "review-truthful.md").read_text(encoding="utf-8")
# prose naming a fault with no finding shape: the seat's findings text could not be read (a
# paragraph of its own led by the place is a finding since fp65: here the place comes only in
# the paragraph's second sentence)
UNREAD = (
    "Reviewed every file. The one problem: `calc.py:5` — `sub` is broken for negative inputs."
    "\n\nOtherwise, no issues found.\n"
)


def test_a_seat_whose_reviews_are_all_unread_is_not_kept_for_diversity(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_repo(tmp_path)
    fakes.agent("claude", {"review": CLAUDE_REVIEW})
    fakes.agent("gemini", {"review": UNREAD})
    for _ in range(5):
        res = fakes.review(repo, "--agents", "claude,gemini", env=fakes.env(agents=True))
        assert res.returncode == 0, res.stderr
        reasons = {s["seat"]: s["reason"] for s in res.json()["seats"]}
        assert reasons["gemini"] == "findings text could not be read", reasons
    res = fakes.review(
        repo, "--agents", "claude,gemini", "--panel", "auto", env=fakes.env(agents=True)
    )
    assert res.returncode == 0, res.stderr
    panel: dict[str, Any] = run_json(Path(res.json()["review_dir"]))["panel"]
    assert panel["mode"] == "history"
    assert panel["seats"] == ["claude"], panel
    reasons = {c["seat"]: c["reason"] for c in panel["choices"]}
    assert reasons["gemini"].startswith("dropped: no unique insight in 5 reviews"), reasons
    assert "; unread in 5 of 5 reviews;" in reasons["gemini"], reasons
    assert "Not kept for diversity either" in reasons["gemini"]
    assert "gemini (google) unread in 5 of 5 reviews" in panel["summary"], panel["summary"]
