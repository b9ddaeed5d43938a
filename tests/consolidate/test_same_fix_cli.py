"""Through the real `deep-review review --lead none`: two findings a few lines apart that
propose the same fix in their own words ("declare the reasons as named values next to the
failure reasons and use them in the reconciler and the wait helper") are one problem, as a
careful lead reads it (`same_fix`); the same findings with different fixes stay two."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

STATUS = "".join(f"value_{n} = {n}\n" for n in range(1, 41))

ALPHA = (
    "## Findings\n\n### Suggestions\n\n"
    "S1. **Progress reasons are bare string literals** — `app/status.py:20-22` "
    "(suggestion, regression)\n\n"
    '`"Pulling"` and `"Done"` are written inline while `FAILURE_REASONS` names the failure '
    "ones; the wait helper compares against the same spellings, so a typo on either side breaks "
    "it silently.\n\n"
    "Fix: declare `REASON_PULLING` and `REASON_DONE` next to the failure reasons and use them "
    "in the reconciler and in the wait helper.\n"
)
BRAVO = (
    "## Findings\n\n### Suggestions\n\n"
    "S1. **Status reason strings are repeated across modules** — `app/status.py:30-34` "
    "(suggestion)\n\n"
    "The reason texts written to the status are spelled out again wherever they are read, with "
    "nothing tying the copies together, unlike `FAILURE_REASONS`.\n\nFix: {fix}\n"
)


def _credited(tmp: Path, fix: str) -> list[list[str]]:
    seats = {"alpha": ALPHA, "bravo": BRAVO.format(fix=fix)}
    found: list[dict[str, Any]] = findings_of_change(tmp, {"app/status.py": STATUS}, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_the_same_fix_in_other_words_is_one_problem(tmp_path: Path) -> None:
    fix = (
        "declare the reasons as named values next to the failure reasons, and use them in the "
        "reconciler and the wait helper."
    )
    assert _credited(tmp_path, fix) == [["Alpha", "Bravo"]]


def test_another_fix_keeps_them_apart(tmp_path: Path) -> None:
    fix = "log the status at debug level only when it changes between two passes."
    assert _credited(tmp_path, fix) == [["Alpha"], ["Bravo"]]
