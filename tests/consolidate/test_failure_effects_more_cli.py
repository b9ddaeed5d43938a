"""Through the real `deep-review consolidate --format json`: one problem told by two or three
seats in other words at one place is one finding, once each title names the failure in words
of `consolidate/failure_effects.py` (read off merge cases 56-60); another failure there stays
apart.

- A late answer overwriting a newer one: "An older lookup can overwrite the newer suggestions"
  / "replies come back out of order; the last to arrive wins" / "Suggestions for an earlier
  prefix replace the current ones": one. "The lookup fires on every keystroke" there: two.
- A query per row: "one query per invoice" / "a database round trip per invoice": one.
- An owner never checked: "Any signed-in user can download any receipt" / "Cross-tenant data
  access" / "does not check receipt.owner_id": one.
- A connection never given back: "`open_db` does not close the connection when the handler
  raises" / "closed only on the success path" / "Connection pool exhaustion after failing
  calls": one.
- An error no one sees: "Every exception is treated as a bad message" / "Failed writes are
  silently skipped": one.
- Open permissions: "Archives are world-readable" / "readable by every user on the host" a line
  apart: one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.consolidating import consolidated_findings


def _claude(title: str, place: str, body: str, grade: str = "Important") -> str:
    return (
        f"## Findings\n\n### {grade} Issues\n\n"
        f"**I1. {title}** — `{place}` ({grade.lower()}, regression)\n\n{body}\n"
    )


def _codex(place: str, text: str, grade: str = "P1") -> str:
    return f"- [{grade}] {place} — {text}\n"


def _gemini(level: str, title: str, place: str, body: str) -> str:
    return f"## Findings\n\n**{level} — {title}** (`{place}`): {body}\n"


def _opencode(place: str, text: str) -> str:
    return f"- major: {place} {text}\n"


def _reviewers(tmp: Path, reviews: dict[str, str]) -> list[list[str]]:
    found = consolidated_findings(tmp, reviews)
    return sorted(sorted(f["reviewers"]) for f in found)


_LATE_CLAUDE = _claude(
    "An older lookup can overwrite the newer suggestions",
    "web/Autocomplete.svelte:31",
    "When the reply for `ca` is slower than the reply for `cat`, it lands second and replaces "
    "the list; the user sees suggestions for what they typed before.",
)
_LATE_CODEX = _codex(
    "web/Autocomplete.svelte:29-32",
    "lookups are never aborted; replies come back out of order and the last to arrive wins, "
    "not the last one sent. Keep a request counter and drop stale replies",
)
_LATE_GEMINI = _gemini(
    "High",
    "Suggestions for an earlier prefix can replace the current ones",
    "web/Autocomplete.svelte:30",
    "each keystroke starts a fetch and whichever settles last writes `items`.",
)


def test_a_late_answer_overwriting_a_newer_one_is_one(tmp_path: Path) -> None:
    got = _reviewers(
        tmp_path, {"claude": _LATE_CLAUDE, "codex": _LATE_CODEX, "gemini": _LATE_GEMINI}
    )
    assert got == [["Claude", "Codex", "Gemini"]], got


def test_a_lookup_on_every_keystroke_is_not_the_late_answer(tmp_path: Path) -> None:
    opencode = _opencode(
        "Autocomplete.svelte:29",
        "the lookup fires on every keystroke, no debounce; typing a word sends one request per "
        "letter",
    )
    got = _reviewers(tmp_path, {"claude": _LATE_CLAUDE, "opencode": opencode})
    assert got == [["Claude"], ["opencode"]], got


@pytest.mark.parametrize(
    ("reviews", "want"),
    [
        (
            {
                "claude": _claude(
                    "One query per invoice for its payments",
                    "billing/Statements.cs:42",
                    "The loop awaits `Payments.Where(...)` for every invoice.",
                ),
                "gemini": _gemini(
                    "High",
                    "Statement page makes a database round trip per invoice",
                    "billing/Statements.cs:40-43",
                    "each pass of the `foreach` sends its own query, so the page slows down with "
                    "the number of invoices.",
                ),
            },
            [["Claude", "Gemini"]],
        ),
        (
            {
                "claude": _claude(
                    "Any signed-in user can download any receipt",
                    "api/receipts.py:27",
                    "`get_receipt` loads the receipt by id and returns it without comparing its "
                    "owner with the caller.",
                    grade="Critical",
                ),
                "gemini": _gemini(
                    "Critical",
                    "Cross-tenant data access",
                    "api/receipts.py:25-28",
                    "ids are sequential, so anyone can walk through other customers' receipts.",
                ),
                "opencode": _opencode(
                    "receipts.py:25", "get_receipt does not check receipt.owner_id == user.id"
                ),
            },
            [["Claude", "Gemini", "opencode"]],
        ),
        (
            {
                "claude": _claude(
                    "`open_db` does not close the connection when the handler raises",
                    "api/db.py:14",
                    "The `yield` is outside any `try`/`finally`; an exception in the endpoint "
                    "skips `conn.close()`.",
                ),
                "codex": _codex(
                    "api/db.py:12-15",
                    "the connection is closed only on the success path; an exception raised by "
                    "the endpoint propagates through the `yield` and the connection is never "
                    "returned to the pool",
                ),
                "gemini": _gemini(
                    "Medium",
                    "Connection pool exhaustion after failing calls",
                    "api/db.py:15",
                    "every request that raises keeps its connection checked out.",
                ),
            },
            [["Claude", "Codex", "Gemini"]],
        ),
        (
            {
                "claude": _claude(
                    "Every exception is treated as a bad message",
                    "src/main/java/shop/StockListener.java:48",
                    "The catch meant for unparseable JSON also catches the warehouse database "
                    "being down; those updates are logged and dropped.",
                ),
                "gemini": _gemini(
                    "High",
                    "Failed stock writes are silently skipped",
                    "src/main/java/shop/StockListener.java:46-50",
                    "a timeout from the repository lands in the same catch as a parse error.",
                ),
            },
            [["Claude", "Gemini"]],
        ),
        (
            {
                "claude": _claude(
                    "Archives are world-readable",
                    "ops/archive.sh:11",
                    "The file is created under the default umask, 0644.",
                ),
                "opencode": _opencode(
                    "archive.sh:12",
                    "archive created with umask 022 -> whole database readable by every user on "
                    "the host",
                ),
            },
            [["Claude", "opencode"]],
        ),
    ],
)
def test_one_failure_in_other_words_is_one(
    tmp_path: Path, reviews: dict[str, str], want: list[list[str]]
) -> None:
    assert _reviewers(tmp_path, reviews) == want
