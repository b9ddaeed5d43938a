"""The label of a finding's text field is no part of its text.

Tried as a new user would: a finding written as fields (`* **Description:** …`, `- **Problem:**
…`, then `* **Fix:** …`) had its Fix read, but its text kept the seat's label: the report
printed "* **Description:** `sub` returns …". Other fields' labels (`- **Impact:** …`) say what
their text is and stay.
"""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import review_printed

_REVIEW = (
    "## Executive Summary\n\nTwo problems.\n\n## Findings\n\n### Important Issues\n\n"
    "**I1. `sub` ignores its second argument** — `calc.py:5`\n\n"
    "* **Description:** `sub` returns `a` alone, so every subtraction is wrong.\n"
    "* **Impact:** totals drift.\n"
    "* **Fix:** return `a - b`.\n\n"
    "### Suggestions\n\n"
    "- **`shout` has no docstring** — `util/strings.py:2`\n"
    "  - **Problem:** callers cannot tell what it does.\n"
    "  - **Recommendation:** add a one-line docstring.\n"
)


def test_the_text_label_is_left_out_and_other_labels_stay(tmp_path: Path) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": _REVIEW})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    bodies = {f["title"]: (f["body"], f["fix"]) for f in report["findings"]}
    assert bodies["`sub` ignores its second argument"] == (
        "`sub` returns `a` alone, so every subtraction is wrong.\n* **Impact:** totals drift.",
        "return `a - b`.",
    ), bodies
    assert bodies["`shout` has no docstring"] == (
        "callers cannot tell what it does.",
        "add a one-line docstring.",
    ), bodies
