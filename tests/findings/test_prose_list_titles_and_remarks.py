"""A finding read from a free-form list whose items tell their place in the sentence ("In
`server.py`, the timeout is never applied … (line 77)"), beside harmless remarks.

Its title kept the "In `server.py`," lead-in (the place is the finding's place already); the
title starts at the problem now. And a remark the no-change rules set aside (`…; that is fine
here.`) no longer makes the list unreadable: before, the problem beside it was lost, and the
seat's closing "Overall: request changes." was findings text that could not be read.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_LIST = (
    "A few observations:\n\n"
    "* The handler in `api/server.py` is well named (line 12).\n"
    "* In `api/server.py`, the timeout is never applied to the upstream call (line 77), so a "
    "slow upstream hangs the worker.\n"
    "* The retry count in `api/server.py` is read from settings (line 40); that is fine here.\n\n"
    "Overall: request changes.\n"
)


def test_the_title_starts_at_the_problem() -> None:
    text = (
        "Some remarks:\n\n"
        "- In `jobs/queue.py`, the acknowledgement is never sent when the handler raises "
        "(line 51), so a failing message is redelivered forever.\n"
        "- The `drain` helper has a clear docstring (line 5).\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.locations[0].path, f.locations[0].start) for f in review.findings] == [
        ("jobs/queue.py", 51)
    ]
    assert review.findings[0].title.startswith("The acknowledgement is never sent"), review


def test_the_problem_beside_a_remark_called_fine_is_a_finding() -> None:
    review = parse_review(_LIST, seat="alpha")
    assert [(f.id, f.locations[0].start) for f in review.findings] == [("I1", 77)]
    assert review.findings[0].title.startswith("The timeout is never applied"), review
    assert not review.unread_findings, review.unread_findings
    assert "well named" not in review.preamble, review.preamble


def test_the_verdict_asks_for_fixes(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _LIST})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge with fixes", verdict
