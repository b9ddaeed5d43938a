"""Design Observations without `Concerns` / `Strengths` labels (trial 47a #13): praise ("Good
use of an options object", "The tests are well structured") used to be filed as concerns, in
the report and in the retro's count."""

from __future__ import annotations

import json
from pathlib import Path

from support.consolidating import consolidate_reviews

_EMPTY_FINDINGS = (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n"
    "### Important Issues\n\nNone.\n\n### Suggestions\n\nNone.\n\n"
)


def _consolidate(tmp_path: Path, design: str, fmt: str) -> str:
    text = f"{_EMPTY_FINDINGS}## Design Observations\n\n{design}"
    return consolidate_reviews(tmp_path, {"alpha": text}, fmt)


PRAISE = (
    "- Good use of an options object; it leaves room for jitter.\n"
    "- Nice, small, well-named helper `sleep`.\n"
    "- The tests are well structured.\n"
)


def test_unlabelled_praise_is_a_strength_in_the_report_and_the_retro(tmp_path: Path) -> None:
    md = _consolidate(tmp_path, PRAISE, "md")
    section = md.split("## Design Observations", 1)[1].split("\n---", 1)[0]
    assert "**Concerns**" not in section
    assert "**Strengths**" in section
    assert "| Design observations | 3 strengths |" in md


def test_unlabelled_items_keep_concerns_apart_from_praise(tmp_path: Path) -> None:
    got = json.loads(
        _consolidate(
            tmp_path,
            "1. **Options object** (in-scope) — replacing the positional `attempts` with an "
            "options object is a breaking API change; consider an overload.\n"
            "2. The backoff has no jitter, so many clients retry in lockstep (future).\n"
            "3. Clean separation of `sleep` from the loop is nice.\n"
            "4. Good idea, but the helper is not exported, so callers cannot reuse it.\n",
            "json",
        )
    )
    kinds = sorted((o["text"][:20], o["kind"]) for o in got["design_observations"])
    assert kinds == sorted(
        [
            ("**Options object** —", "concern"),
            ("The backoff has no j", "concern"),
            ("Clean separation of ", "strength"),
            ("Good idea, but the h", "concern"),
        ]
    )
