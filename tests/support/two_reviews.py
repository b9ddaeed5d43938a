"""Two seats' one-finding reviews of a small change, and who the report credits: how the
failure-phrase tests show that one failure told in other words is one finding (ONE) and two
failures at one place stay two (TWO)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

_HEADINGS = {"critical": "Critical Issues", "important": "Important Issues"}
_HEADINGS["suggestion"] = "Suggestions"

ONE = [["Alpha", "Bravo"]]
TWO = [["Alpha"], ["Bravo"]]


def full_review(title: str, place: str, body: str, grade: str = "important") -> str:
    """A review in the project's own format, one finding under its grade's heading."""
    return (
        f"## Executive Summary\n\nRead the change.\n\n## Findings\n\n### {_HEADINGS[grade]}\n\n"
        f"#### 1. {title}\n\n**File:** `{place}`\n\n{body}\n"
    )


def bullet_review(place: str, text: str, grade: str = "major") -> str:
    """A terse review: one bullet, its place and grade first."""
    return f"Reviewed the change.\n\n- ({grade}) {place} — {text}\n"


def reviewers(tmp: Path, files: dict[str, str], alpha: str, bravo: str) -> list[list[str]]:
    """Each finding's reviewers, when seats Alpha and Bravo print these reviews of `files`."""
    found: list[dict[str, Any]] = findings_of_change(tmp, files, {"alpha": alpha, "bravo": bravo})
    return sorted(sorted(f["reviewers"]) for f in found)
