"""When the tool overrides the lead's verdict, the Executive Summary says so first: the lead's
own summary (written for its verdict) never stands uncontradicted under a stricter one.

Through the real `deep-review review` with the fake `claude` lead of tests/lead: the answer
keeps K1 (important) yet judges "Merge as-is", so the findings' rule ("Merge with fixes")
stands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lead_cli import review_with_lead
from lead_kit import answer, fenced


def _review(tmp_path: Path, verdict: dict[str, str]) -> tuple[dict[str, Any], str, str]:
    """The stored report JSON, its Markdown and HTML for a lead answering `verdict`."""
    lead = answer(executive_summary="All good, ship it.", verdict=verdict)
    run = review_with_lead(tmp_path, [fenced(lead)])
    return run.report, run.md, Path(run.out["paths"]["html"]).read_text("utf-8")


def _summary(md: str) -> str:
    return md.split("## Executive Summary\n", 1)[1].split("\n---\n", 1)[0].strip()


@pytest.mark.parametrize(
    ("verdict", "why"),
    [
        (
            {"label": "Merge as-is", "reason": "Nothing blocks it."},
            "is milder than the findings kept in this report allow",
        ),
        (
            {"label": "Rework", "reason": "K9 breaks every caller."},
            "rests only on findings that are not in this report",
        ),
    ],
    ids=["milder", "rests-on-nothing"],
)
def test_an_overridden_lead_verdict_is_said_first_in_the_summary(
    tmp_path: Path, verdict: dict[str, str], why: str
) -> None:
    report, md, html = _review(tmp_path, verdict)
    assert "**Verdict** | **Merge with fixes** — I1 needs attention" in md
    summary = _summary(md)
    first, _, rest = summary.partition("\n\n")
    assert first == (
        f"**The lead's verdict was overridden.** The lead judged *{verdict['label']}*, which "
        f"{why}; the verdict is **Merge with fixes** (I1 needs attention). The lead's summary "
        "below was written for its own verdict."
    ), summary
    assert rest == "All good, ship it."  # the lead's words are kept, after the override
    assert report["executive_summary"].startswith("**The lead's verdict was overridden.**")
    assert "The lead&#39;s verdict was overridden." in html or (
        "The lead's verdict was overridden." in html
    )


def test_a_lead_verdict_that_stands_leaves_the_summary_alone(tmp_path: Path) -> None:
    report, md, _ = _review(tmp_path, {"label": "Merge with fixes", "reason": "K1 first."})
    assert _summary(md) == "All good, ship it."
    # Stricter than the rule: the lead's verdict stands (Reconciliation says it raised it).
    report, md, _ = _review(tmp_path / "strict", {"label": "Rework", "reason": "K1 is serious."})
    assert _summary(md) == "All good, ship it."
    assert report["header"]["verdict"]["label"] == "Rework"


def test_a_verdict_that_rests_on_no_kept_finding_but_stands_is_no_override(
    tmp_path: Path,
) -> None:
    """The lead's label is the rule's, but its reason names a cluster that is not in the report:
    the verdict gives the rule's reason (the report's findings), and nothing says the lead's
    verdict was overridden: it was not (trial 57b #7)."""
    report, md, _ = _review(tmp_path, {"label": "Merge with fixes", "reason": "K9 first."})
    assert "**Verdict** | **Merge with fixes** — I1 needs attention" in md
    assert _summary(md) == "All good, ship it."
    assert "rests only on findings" not in md
    assert report["header"]["verdict"]["label"] == "Merge with fixes"
