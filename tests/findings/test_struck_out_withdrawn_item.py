"""A finding the seat strikes out after its ID and withdraws (`S2. ~~**Title**~~ — withdrawn: on
re-reading, …`, `- I3. ~~Title~~ (withdrawn)`) is taken back by the seat: not a finding.

Before, such an item was counted, titled with its strike marks (`'~~**Title**~~'`) and no place.
A struck item whose line goes on to a problem at a place is still a finding.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed
from support.read_findings import read_findings

_REVIEW = (
    "#### Important Issues\n\n"
    "I1. **Token bucket is never refilled** — `jobs/budget.py:31`\n\n"
    "Each failure takes a token and none is put back.\n\n"
    "#### Suggestions\n\n"
    "S1. **Queue name is hard-coded** — `jobs/queue.py:12`\n\n"
    "Read it from the settings.\n\n"
    "S2. ~~**Retry count is a magic number**~~ — withdrawn: on a second look, `MAX_TRIES` "
    "already names it.\n\n"
    "S3. ~~Log line repeats the job id~~ (withdrawn)\n"
)


def _got(text: str) -> list[tuple[str, str]]:
    return [(r.id, r.title) for r in read_findings(text)]


def test_a_struck_out_withdrawn_item_is_no_finding() -> None:
    assert _got(_REVIEW) == [
        ("I1", "Token bucket is never refilled"),
        ("S1", "Queue name is hard-coded"),
    ]


def test_a_struck_out_numbered_or_bulleted_item_is_no_finding() -> None:
    text = (
        "#### Suggestions\n\n"
        "1. **Queue name is hard-coded** — `jobs/queue.py:12`\n"
        "2. ~~**Retry count is a magic number** — `jobs/budget.py:9`~~ — withdrawn.\n\n"
        "#### Important Issues\n\n"
        "- ~~**Token bucket is never refilled** (`jobs/budget.py:31`)~~ — withdrawn: the "
        "`finally` refills it.\n"
        "- **Wrong error on an empty queue** (`jobs/queue.py:77`)\n"
    )
    assert _got(text) == [
        ("S1", "Queue name is hard-coded"),
        ("I1", "Wrong error on an empty queue"),
    ]


def test_a_struck_item_that_goes_on_to_a_problem_is_still_a_finding() -> None:
    text = (
        "#### Important Issues\n\n"
        "I1. ~~**Token bucket is never refilled**~~ — withdrawn, but `jobs/budget.py:40` "
        "still drops the refill on error.\n"
    )
    assert [f.id for f in parse_review(text, seat="alpha").findings] == ["I1"]


def test_the_report_does_not_count_the_withdrawn_item(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _REVIEW})
    titles = [f["title"] for f in report["findings"]]
    assert titles == ["Token bucket is never refilled", "Queue name is hard-coded"], titles
