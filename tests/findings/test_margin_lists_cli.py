"""Plain-text level labels (`BLOCKING:`, `NICE TO HAVE:`) over lists set in by two spaces, each
item led by a place (`path#L45` anchors among them). Before, the set-in items were no findings
(kept as unread text with a warning each), though Markdown reads a list set in by up to three
spaces as a list at the margin. Now such a list under a line of words is read at the margin. An
item set in under a list item is that item's point: it stays part of its finding.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings.margin_lists import margin_lists
from support.read_findings import parsed_by_cli

_LABELS = """Went through the queue worker. By priority:

BLOCKING:
  * jobs/worker.py#L52 - a job that raises is acked before the retry is queued, so it is lost
    when the process dies in between.

NICE TO HAVE:
  * jobs/worker.py#L90-L95 - the backoff could cap at a minute.
"""

_NESTED = """## Findings

- **I1** `jobs/worker.py:52` — a job that raises is acked before the retry is queued:
  - `jobs/worker.py:60` — the ack runs first and is never undone;
  - `jobs/retry.py:14` — the queueing runs second and may fail.
"""


def _found(parsed: dict[str, object]) -> list[tuple[str, str, int]]:
    findings = parsed["findings"]
    assert isinstance(findings, list)
    return sorted(
        (f["severity"], f["locations"][0]["path"], f["locations"][0]["start"]) for f in findings
    )


def test_a_set_in_list_under_a_label_is_read_at_the_margin(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, _LABELS)
    assert _found(parsed) == [
        ("critical", "jobs/worker.py", 52),
        ("suggestion", "jobs/worker.py", 90),
    ]
    assert parsed["unread_findings"] == []


def test_an_item_set_in_under_an_item_stays_its_point(tmp_path: Path) -> None:
    assert _found(parsed_by_cli(tmp_path, _NESTED)) == [("important", "jobs/worker.py", 52)]


def test_the_pass_leaves_an_item_set_in_under_an_item_in_place() -> None:
    # (the reading above is the same either way; the lines a finding's body keeps are not)
    lines = _NESTED.split("\n")
    assert margin_lists(lines, [False] * len(lines)) is lines
