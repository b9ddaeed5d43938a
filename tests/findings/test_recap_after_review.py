"""A review followed by a short recap of itself (trial 53 #3): after a `---` the seat writes its
Executive Summary, Findings and Coverage Summary again, only to sum up ("To summarize the review
above", Findings "No additional findings."). That recap is no new draft withdrawing the review's
findings: the findings stand, and the verdict asks for their fixes. More generally a later copy
of the sections that leaves out an earlier copy's finding without saying it withdraws it loses
no finding (`findings/drafts.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

REVIEW = (
    "## Executive Summary\n\nAdds `sub`; it is broken.\n\n"
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\n"
    "I1. **`sub` subtracts in the wrong order** — `calc.py:5-6` (important, regression)\n\n"
    "Every caller gets the negated difference.\n\nFix: return `a - b`.\n\n"
    "### Suggestions\n\nNone.\n\n"
    "## Coverage Summary\n\n| File | Status |\n|---|---|\n| `calc.py` | I1 |\n"
    "| `util/strings.py` | Reviewed, no issues |\n"
)


def recap(findings: str) -> str:
    return (
        "\n---\n\n## Executive Summary\n\n"
        "To summarize the review above: one important issue in `sub`.\n\n"
        f"## Findings\n\n{findings}\n\n"
        "## Coverage Summary\n\n| File | Status |\n|---|---|\n| `calc.py` | I1 |\n"
        "| `util/strings.py` | Reviewed, no issues |\n"
    )


@pytest.mark.parametrize(
    "findings",
    [
        "No additional findings.",
        "None beyond I1 above.",
        "No new issues.",
        "No further issues found.",
        "See the findings above (I1).",
    ],
)
def test_a_recap_after_the_review_keeps_its_findings(tmp_path: Path, findings: str) -> None:
    res, out, report = review_printed(
        tmp_path, {"keen": REVIEW + recap(findings)}, "--fail-on", "important"
    )
    assert out["verdict"] == "Merge with fixes", res.stderr[-2000:]
    assert res.returncode == 4, res.stdout + res.stderr  # --fail-on important: a finding at it
    assert [f["title"] for f in report["findings"]] == ["`sub` subtracts in the wrong order"]
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert "twice; the later draft was read" not in md


SHOUT = (
    "S1. **`shout` has no docstring** — `util/strings.py:1` (suggestion, style)\n\n"
    "Callers cannot tell it upper-cases.\n\nFix: add one.\n\n"
)


def two_copies(between: str, second_suggestions: str) -> str:
    first = REVIEW.replace("### Suggestions\n\nNone.", f"### Suggestions\n\n{SHOUT}")
    second = REVIEW.replace("in the wrong order", "its arguments in the wrong order").replace(
        "### Suggestions\n\nNone.", f"### Suggestions\n\n{second_suggestions}"
    )
    return first + between + second


@pytest.mark.parametrize("between", ["\n---\n\n", "\nFinal review:\n\n"])
def test_a_later_copy_that_silently_leaves_out_a_finding_loses_none(between: str) -> None:
    r = parse_review(two_copies(between, "None."), seat="s")
    assert "`shout` has no docstring" in [f.title for f in r.findings]
    assert any(f.id == "I1" for f in r.findings)


@pytest.mark.parametrize(
    "between",
    [
        "\nOn reflection S1 is only style and not worth raising. Final review:\n\n",
        "\nI withdraw S1 (`shout` is documented elsewhere). Revised review:\n\n",
        "\nLet me revise: the `shout` docstring nit is not worth raising.\n\n",
    ],
)
def test_a_later_draft_that_says_it_drops_a_finding_replaces_the_earlier(between: str) -> None:
    r = parse_review(two_copies(between, "None."), seat="s")
    assert [f.title for f in r.findings] == ["`sub` subtracts its arguments in the wrong order"]
    assert r.redrafted


def test_a_later_draft_that_restates_every_finding_replaces_the_earlier() -> None:
    r = parse_review(two_copies("\n---\n\n", SHOUT.replace("no docstring", "no doc")), seat="s")
    assert [f.title for f in r.findings] == [
        "`sub` subtracts its arguments in the wrong order",
        "`shout` has no doc",
    ]
    assert r.redrafted
