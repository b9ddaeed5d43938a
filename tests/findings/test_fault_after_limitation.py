"""A limitations item that says what the seat did not do and then, after `but`/`however`,
tells a fault in the change at a place (`I did not run the tests, but `store.py:30` truncates
the file before writing …`) holds a finding: the fault is read, the limitation stays. A doubt
after the contrast (`but `a.py:12` may drop …`) stays a limitation
(`recap_items.limitation_faults`)."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity


def review(items: str) -> str:
    return (
        "## Executive Summary\n\nAdds a store.\n\n## Findings\n\nNone.\n\n"
        f"### Acknowledged Limitations\n\n{items}\n## Verdict\n\nMerge as-is.\n"
    )


@pytest.mark.parametrize(
    "item",
    [
        "- I did not run the tests, but `store.py:30` truncates the file before writing, so a "
        "crash mid-save loses every record.\n",
        "- Not run on CI; however, `store.py:30` truncates the file before writing, which "
        "loses every record on a crash.\n",
    ],
)
def test_a_fault_after_a_limitation_is_a_finding(item: str) -> None:
    r = parse_review(review(item + "- Not tested on Windows.\n"), seat="s")
    assert [(f.severity, f.locations[0].path, f.locations[0].start) for f in r.findings] == [
        (Severity.IMPORTANT, "store.py", 30)
    ], r.limitations
    assert "Not tested on Windows" in r.limitations


@pytest.mark.parametrize(
    "item",
    [
        "- I did not run the tests, but `store.py:30` may truncate the file on a crash.\n",
        "- I did not run the tests, but `store.py:30` looked fine when I read it.\n",
    ],
)
def test_a_doubt_after_a_limitation_stays_one(item: str) -> None:
    r = parse_review(review(item), seat="s")
    assert not r.findings
    assert item.strip("- \n") in r.limitations
