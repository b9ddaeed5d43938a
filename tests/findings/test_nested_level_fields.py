"""A finding's level as a nested field bullet under its item: Gemini CLI's

    **File: `sched/cron.ts`**

    *   **Potential Bug:** In `nextRun()` (line 34), the month is read zero-based.
        *   **Severity:** High
        *   **Recommendation:** Add 1.

The level sat one list deeper than the item it rates, so the item had none and the review
read as no findings at all. A nested `**Severity:**` (or `Priority:`) bullet is that item's
level; a nested bullet that only mentions severity in a sentence is not, and an item that
already names its level keeps it.
"""

from __future__ import annotations

from deepreview.findings import parse_review


def _item(kind: str, text: str, level: str) -> str:
    return (
        f"*   **{kind}:** {text}\n"
        f"    *   **Severity:** {level}\n"
        "    *   **Recommendation:** Fix it.\n\n"
    )


def _read(text: str) -> list[tuple[str, str]]:
    return [
        (f.severity.letter, str(f.locations[0]) if f.locations else "")
        for f in parse_review(text, seat="alpha").findings
    ]


def test_a_nested_severity_bullet_rates_its_item() -> None:
    text = "Here's my feedback:\n\n**File: `sched/cron.ts`**\n\n"
    text += _item("Potential Bug", "In `nextRun()` (line 34), the month is zero-based.", "High")
    text += _item("Code Style", "The `parseField` function (line 80) is too long.", "Low")
    text += "**File: `sched/run.ts`**\n\n"
    text += _item("Error Handling", "On line 22, a job that throws stops the runner.", "Medium")
    assert _read(text) == [
        ("C", "sched/cron.ts:34"),
        ("S", "sched/cron.ts:80"),
        ("I", "sched/run.ts:22"),
    ]


def test_a_sentence_about_severity_is_no_level() -> None:
    text = (
        "## Findings\n\n"
        "- **Bug:** `sched/run.ts:22` — a job that throws stops the runner.\n"
        "  - The severity depends on how often jobs throw; low in practice.\n"
    )
    assert [level for level, _ in _read(text)] != ["S"]


def test_an_item_with_its_own_level_keeps_it() -> None:
    text = (
        "## Findings\n\n"
        "- **Bug (high):** `sched/run.ts:22` — a job that throws stops the runner.\n"
        "  - **Severity:** Low\n"
    )
    assert [level for level, _ in _read(text)] == ["C"]
