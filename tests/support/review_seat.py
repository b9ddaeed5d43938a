"""A command seat named `fast` that prints a review the test wrote: the store and decline tests'
way to get a stored review with known findings, without an agent."""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes

# one Critical finding, C1 at `calc.py:1` of `support.repos.make_repo`'s repository
C1_REVIEW = "## Findings\n### Critical Issues\n- **C1** `calc.py:1` — add subtracts.\n"
# `--lead none`: the seat's findings are the report's as written
REVIEW_FAST = ["review", "--agents", "fast", "--lead", "none", "--json"]


def fast_seat(tmp_path: Path, review: str = C1_REVIEW) -> Fakes:
    """Fakes whose config defines the seat `fast`, printing `review` (kept in tmp_path)."""
    fakes = Fakes(tmp_path)
    path = tmp_path / "review.md"
    path.write_text(review, encoding="utf-8")
    fakes.write_config({"fast": fakes.seat("ok", "--review-file", str(path))})
    return fakes
