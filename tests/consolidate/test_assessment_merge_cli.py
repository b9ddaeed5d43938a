"""Through the real `deep-review consolidate`: merged Testing Assessment items keep every seat's
distinct statement, each credited to the seats that said it (trial 34 item 4)."""

from __future__ import annotations

from pathlib import Path

from support.consolidating import consolidate_reviews

_EMPTY_FINDINGS = (
    "## Executive Summary\n\nSmall change.\n\n## Findings\n\n### Critical Issues\n\nNone.\n\n"
    "### Important Issues\n\nNone.\n\n### Suggestions\n\nNone.\n\n"
)
TESTING = {
    "claude": (
        "1. **No tests for `div`** — the change adds a function and no test calls it.\n"
        "2. **No test caught the `add` regression** — the repository has no test suite at all; "
        "a single `assert add(2, 3) == 5` would have caught it.\n"
    ),
    "codex": (
        "Ran `python -m pytest -q`: no tests collected.\n\n"
        "1. Nothing exercises `add` or `div`; the `add` regression would be caught by any test.\n"
    ),
    "gemini": (
        "The PR contains no tests.\n"
        "1. **Division edge cases:** `div` should be tested with zero and negative divisors.\n"
    ),
}


def _testing_section(tmp_path: Path, testing: dict[str, str]) -> str:
    """The consolidated report's Testing Assessment (above the appendix of original reviews)."""
    reviews = {
        seat: f"{_EMPTY_FINDINGS}## Testing Assessment\n\n{text}" for seat, text in testing.items()
    }
    body = consolidate_reviews(tmp_path, reviews, "md").split("## Appendix", 1)[0]
    return body.split("## Testing Assessment", 1)[1].split("\n---", 1)[0]


def test_distinct_testing_items_are_all_kept_with_their_own_credit(tmp_path: Path) -> None:
    section = _testing_section(tmp_path, TESTING)
    lines = [line.strip() for line in section.splitlines() if line.strip()]
    assert any(line.endswith("[Gemini]") and "negative divisors" in line for line in lines), section
    assert any(line.endswith("[Claude]") and "No tests for `div`" in line for line in lines), (
        section
    )
    codex = next(line for line in lines if "Nothing exercises" in line)
    assert codex.endswith("[Codex]"), section  # Claude and Gemini said other things
    # nothing a seat said is lost: six statements, six lines
    assert len(lines) == 6, section


def test_the_same_statement_from_two_seats_is_one_item_credited_to_both(tmp_path: Path) -> None:
    section = _testing_section(
        tmp_path,
        {
            "claude": "1. No unit tests for `div`; it is a pure function.\n",
            "codex": "1. Missing unit tests for `div`, a pure function.\n",
        },
    )
    lines = [line.strip() for line in section.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].endswith("[Claude, Codex]"), section
