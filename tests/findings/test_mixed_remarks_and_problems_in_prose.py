"""A free-form list (no findings section) where harmless remarks stand beside a real problem,
each telling its place in the sentence ("In `queue.py`, … (line 51) …").

Before, one harmless item made the whole list prose: the problem was lost (alone the seat
failed as an unparseable review). Each item is now judged on its own: one that names a fault
at a place with a line is a finding (important, unrated); a remark that the code is fine, well
named, or a risk denied ("no chance of a deadlock here") is none.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_MIXED = (
    "I read through the diff. Some remarks:\n\n"
    "- In `queue.py`, the consumer keeps every message in a list (line 18); that is fine "
    "at the volumes this queue sees.\n"
    "- The `drain` helper has a clear docstring (line 5).\n"
    "- In `queue.py`, the acknowledgement is never sent when the handler raises (line 51), "
    "so a failing message is redelivered forever and stalls the consumer.\n\n"
    "Overall: approve once that is fixed.\n"
)


def _places(review):  # type: ignore[no-untyped-def]
    return [
        (f.id, f.severity.value, [(loc.path, loc.start) for loc in f.locations])
        for f in review.findings
    ]


def test_the_problem_among_harmless_remarks_is_a_finding() -> None:
    review = parse_review(_MIXED, seat="alpha")
    assert _places(review) == [("I1", "important", [("queue.py", 51)])]
    assert list(review.unrated) == ["I1"]
    assert "redelivered" in review.findings[0].title + review.findings[0].body


def test_the_problem_among_harmless_remarks_reaches_the_report(tmp_path: Path) -> None:
    res, out, report = review_printed(tmp_path, {"alpha": _MIXED})
    assert {s["status"] for s in out["seats"]} == {"ok"}, res.stderr[-2000:]
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge with fixes", verdict


def test_harmless_remarks_with_lines_in_the_sentence_stay_no_finding() -> None:
    text = (
        "Some remarks:\n\n"
        "- In `queue.py`, the consumer keeps every message in a list (line 18); that is fine "
        "here.\n"
        "- The `drain` helper has a clear docstring (line 5).\n"
    )
    assert parse_review(text, seat="alpha").findings == ()


def test_a_denied_risk_beside_a_harmless_remark_is_no_finding() -> None:
    text = (
        "Some remarks:\n\n"
        "- In `pool.py`, there is no chance of a deadlock here (line 9), since the lock is "
        "taken once.\n"
        "- The `acquire` helper is well named (line 3).\n"
    )
    assert parse_review(text, seat="alpha").findings == ()
