"""Seats' reviews written as review files and put through the real `deep-review consolidate`:
how a test shows what consolidation makes of reviews in given words, with no repository."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.repos import cli_env, run_cli


def consolidate_reviews(tmp: Path, reviews: dict[str, str], fmt: str = "json") -> str:
    """`deep-review consolidate` of one `review-NAME-pass-1.md` per seat (the seat's name comes
    from the file name); its stdout in `fmt`, once it exited 0."""
    paths = []
    for name, text in reviews.items():
        path = tmp / f"review-{name}-pass-1.md"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    res = run_cli(["consolidate", *paths, "--format", fmt], cwd=tmp, env=cli_env(tmp))
    assert res.returncode == 0, res.stderr
    return res.stdout


def consolidated_findings(tmp: Path, reviews: dict[str, str]) -> list[dict[str, Any]]:
    """The `findings` of `consolidate_reviews`' JSON."""
    found: list[dict[str, Any]] = json.loads(consolidate_reviews(tmp, reviews))["findings"]
    return found


# Two seats' findings as one cluster, or as two: what `reviewer_sets` returns for each.
ONE = [["Claude", "Codex"]]
TWO = [["Claude"], ["Codex"]]


def full_finding(title: str, place: str, body: str) -> str:
    """A review of one important finding written in full: bold ID and title, place, text."""
    return (
        "## Findings\n\n### Important Issues\n\n"
        f"**I1. {title}** — `{place}` (important, regression)\n\n{body}\n"
    )


def bullet_finding(place: str, text: str) -> str:
    """A review of one important finding as a terse bullet: ID, place, the rest in one line."""
    return f"## Findings\n\n### Important Issues\n\n- **I1** `{place}` — {text}\n"


def heading_finding(title: str, body: str, place: str) -> str:
    """A review of one important finding under its own heading (`#### I1. title`), its place on
    a `**File:**` line, then its text: how Claude writes one."""
    return (
        "## Findings\n\n### Important Issues\n\n"
        f"#### I1. {title}\n\n**File:** `{place}`\n\n{body}\n"
    )


def severity_line_finding(title: str, body: str, place: str) -> str:
    """A review of one finding in one line: its severity and title in bold, its place, its
    text: how Gemini writes one."""
    return f"## Findings\n\n**High — {title}** (`{place}`): {body}\n"


def reviewer_sets(tmp: Path, reviews: dict[str, str]) -> list[list[str]]:
    """The reviewers of each consolidated finding, sorted: `ONE` when the seats' findings
    were merged, `TWO` when they stayed apart."""
    found = consolidated_findings(tmp, reviews)
    return sorted(sorted(f["reviewers"]) for f in found)
