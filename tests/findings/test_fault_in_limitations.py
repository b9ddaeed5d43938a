"""An item of `### Acknowledged limitations` that tells a fault in the change at a place
(`- `a.py:12` drops the last row`) is a finding; true limitations (what the seat did not run,
see or verify) stay limitations text (`recap_items.limitation_faults`)."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity

LIMITS = "- I did not run the tests.\n- Not tested on Windows.\n"


def review(title: str, items: str) -> str:
    return (
        "## Executive Summary\n\nAdds an export.\n\n## Findings\n\n### Important Issues\n\n"
        "**I1. Header written late** — `export.py:14`\n\nThe header comes after the rows.\n\n"
        f"### {title}\n\n{items}\n## Verdict\n\nFix I1.\n"
    )


@pytest.mark.parametrize("title", ["Acknowledged Limitations", "Limitations"])
def test_a_fault_at_a_place_is_a_finding(title: str) -> None:
    item = "- `a.py:12` drops the last row when the table has an odd length.\n"
    r = parse_review(review(title, LIMITS + item), seat="s")
    assert [(f.severity, f.locations[0].path) for f in r.findings] == [
        (Severity.IMPORTANT, "export.py"),
        (Severity.IMPORTANT, "a.py"),
    ]
    assert "drops the last row" not in r.limitations
    assert "did not run the tests" in r.limitations


@pytest.mark.parametrize(
    "item",
    [
        "- I could not verify whether `a.py:12` drops the last row.\n",
        "- `a.py:12` was not tested with an empty table.\n",
        "- The Windows path in `a.py:30` may fail; I had no Windows machine.\n",
        '- `a.py:40`: "TODO: retry in parallel." The loop is slow; a known issue, deferred.\n',
        "- **Windows rename race** — `a.py:50` can lose the cache file; the author accepts it.\n",
    ],
)
def test_true_limitations_stay_limitations(item: str) -> None:
    r = parse_review(review("Acknowledged Limitations", LIMITS + item), seat="s")
    assert [f.title for f in r.findings] == ["Header written late"]
    assert item.strip("- \n") in r.limitations
