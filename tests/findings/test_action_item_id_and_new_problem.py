"""A recap item that names a finding by its ID may also name a new problem at a place no
finding holds (`Move the header write up (I1), and close the handle opened at `export.py:30`,
which leaks`): that clause is a finding of its own, not lost with the restated one
(`findings/recap_items.py`)."""

from __future__ import annotations

from deepreview.findings import parse_review
from deepreview.model import Severity

REVIEW = (
    "## Executive Summary\n\nAdds a CSV export.\n\n"
    "## Findings\n\n### Important Issues\n\n**I1. Export drops the header row** — "
    "`export.py:14`\n\nThe header is written after the rows are flushed.\n\n"
    "Fix: write the header first.\n\n"
    "## Next steps\n\n{items}\n\n## Verdict\n\nMerge after the fixes.\n"
)


def test_a_new_problem_beside_a_finding_id_is_read() -> None:
    items = (
        "- Before merge: move the header write up (I1), and close the file handle opened at "
        "`export.py:30`, which leaks on every export.\n- Add a test for the empty table.\n"
    )
    r = parse_review(REVIEW.format(items=items), seat="s")
    assert len(r.findings) == 2, r.warnings
    new = r.findings[1]
    assert [(loc.path, loc.start) for loc in new.locations] == [("export.py", 30)]
    assert new.severity is Severity.IMPORTANT
    assert "(I1)" not in new.title


def test_an_item_with_an_id_and_only_its_finding_stays_the_recap() -> None:
    items = "- Move the header write up in `export.py:14` (I1); it drops the header.\n"
    r = parse_review(REVIEW.format(items=items), seat="s")
    assert [f.title for f in r.findings] == ["Export drops the header row"]
