"""Through the real `deep-review review --lead none`: a finding about the commit message has no
file and line, yet it has a place, the commit message. Two reviewers who each say the message
leaves out what the change does ("describes only the first part", "omits the retry limit and
the `max_attempts` setting") told one problem there, as a careful lead reads it; a finding with
no place that is not about the commit message (a missing integration suite) is not there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

CODE = "".join(f"value_{n} = {n}\n" for n in range(1, 31))

ALPHA = (
    "## Findings\n\n### Suggestions\n\n"
    "S1. **The commit message describes only the first part of the change** "
    "(suggestion, gap)\n\n"
    "The message still says the change adds the fetch helper. It says nothing of the retry "
    "limit, the `max_attempts` setting or the backoff that later commits added, so a reader of "
    "the history cannot tell why `fetch_all` now sleeps.\n\n"
    "Fix: rewrite the message to list the retry limit and `max_attempts`.\n"
)
BRAVO = (
    "## Findings\n\n### Suggestions\n\n"
    "S1. **Commit message omits the retry limit and `max_attempts`** — `Commit message` "
    "(suggestion, gap)\n\n"
    "Only the original helper is described; the retry limit and the `max_attempts` setting "
    "are missing from the message.\n\n"
    "Fix: update the commit message to name the retry behaviour.\n"
)
CHARLIE = (
    "## Findings\n\n### Suggestions\n\n"
    "S1. **No integration suite exercises the retry limit** (suggestion, gap)\n\n"
    "Unit tests cover `fetch_all`, but nothing runs the retry limit or the `max_attempts` "
    "setting against a server that fails.\n\n"
    "Fix: add an integration test with a failing server.\n"
)


def _credited(tmp: Path, seats: dict[str, str]) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, {"app/fetch.py": CODE}, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_two_findings_on_the_commit_message_are_one(tmp_path: Path) -> None:
    assert _credited(tmp_path, {"alpha": ALPHA, "bravo": BRAVO}) == [["Alpha", "Bravo"]]


def test_a_placeless_finding_about_something_else_is_not_there(tmp_path: Path) -> None:
    assert _credited(tmp_path, {"alpha": ALPHA, "charlie": CHARLIE}) == [["Alpha"], ["Charlie"]]
