"""Through the real `deep-review consolidate --format json`: failures two pieces of code make
together (`failure_steps.TABLE.across`), told by one seat in one file and by another in another
(`consolidate/across_files.py`), each seat naming the failure once: one finding.

- a race: "`hits` is a plain field with no synchronisation" in the counter / "the handlers run
  concurrently against one shared counter" in the server: one. Beside a seat naming a race in
  two files: joined to neither.
- a blocking call: "`fetch_feed` blocks the event loop" in the fetcher / "every request ends
  up in a synchronous HTTP call; the app stops answering" in the handler: one.
- a table rewrite: "A volatile default forces a table rewrite" in the migration / "the runbook
  calls it instant, but every row is rewritten under lock" in the runbook: one.
"""

from __future__ import annotations

from pathlib import Path

from support.consolidating import consolidated_findings

_HEAD = "## Findings\n\n### Important Issues\n\n"


def _finding(n: str, title: str, place: str, body: str) -> str:
    return f"**{n}. {title}** — `{place}` (important, regression)\n\n{body}\n\n"


def _reviewers(tmp: Path, claude: str, codex: str) -> list[list[str]]:
    found = consolidated_findings(tmp, {"claude": claude, "codex": codex})
    return sorted(sorted(f["reviewers"]) for f in found)


_COUNTER = _finding(
    "I1",
    "`hits` is a plain field with no synchronisation",
    "metrics/Counter.java:8",
    "Increments from two threads can be lost.",
)
_SERVER = _HEAD + _finding(
    "I1",
    "The handlers run concurrently against one shared counter",
    "metrics/Server.java:31",
    "The pool has eight threads and every one of them bumps it.",
)


def test_a_race_told_at_the_state_and_at_its_callers_is_one(tmp_path: Path) -> None:
    assert _reviewers(tmp_path, _HEAD + _COUNTER, _SERVER) == [["Claude", "Codex"]]


def test_a_seat_naming_a_race_in_two_files_is_joined_to_neither(tmp_path: Path) -> None:
    claude = (
        _HEAD
        + _COUNTER
        + _finding(
            "I2",
            "`lastSeen` is written concurrently without a lock",
            "metrics/Tracker.java:12",
            "Two requests can leave it older than either.",
        )
    )
    assert _reviewers(tmp_path, claude, _SERVER) == [["Claude"], ["Claude"], ["Codex"]]


def test_a_blocking_call_and_the_server_it_stalls_are_one(tmp_path: Path) -> None:
    claude = _HEAD + _finding(
        "I1",
        "`fetch_feed` blocks the event loop",
        "feeds/fetch.py:12",
        "It uses `urllib` inside a coroutine.",
    )
    codex = _HEAD + _finding(
        "I1",
        "Every request ends up in a synchronous HTTP call",
        "feeds/app.py:40",
        "While one feed is slow the app stops answering anyone.",
    )
    assert _reviewers(tmp_path, claude, codex) == [["Claude", "Codex"]]


def test_a_table_rewrite_and_the_runbook_calling_it_instant_are_one(tmp_path: Path) -> None:
    claude = _HEAD + _finding(
        "I1",
        "A volatile default forces a table rewrite",
        "db/0009_orders.sql:4",
        "`now()` per row cannot be stored as a fast default.",
    )
    codex = _HEAD + _finding(
        "I1",
        "The runbook calls the migration instant, but every row is rewritten under lock",
        "docs/release-9.md:3",
        "Plan a window for it.",
    )
    assert _reviewers(tmp_path, claude, codex) == [["Claude", "Codex"]]
