"""Review shapes read wrongly before round ten of the parse cases, tried through the command.

- a findings table whose level cell is a ditto mark (`〃`, `"`, `same`): the level of the row
  above, as a merged cell written out; it was read as no level (important);
- comments each under a bold place line of their own (`**web/avatars.py:40**`, the text on the
  lines below), as GitHub Copilot writes them after its overview, a `[nitpick]` tag opening
  the text for its level: read as findings text that could not be read;
- answers to a checklist's bold questions, problems told inside the answers (one to be fixed
  before merging, a test asked for at a file): only a `Nit:` among them was read, the others
  were findings text that could not be read.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import read_by_cli

DITTO_TABLE = """# Review

| Where | Issue | Severity |
|-------|-------|----------|
| `jobs/queue.py:12` | a failed job is pushed back with no delay, so it spins | High |
| `jobs/queue.py:30` | `pop()` holds the lock while it sleeps | 〃 |
| `jobs/worker.py:8` | the worker logs the job's secrets | " |
| `jobs/worker.py:51` | `retries` shadows the module constant | Low |
| `docs/jobs.md:4` | the example still passes `timeout=` | same |
"""

# A ditto mark in the first row has no row above: nothing to copy.
DITTO_FIRST_ROW = """# Review

| Where | Issue | Severity |
|-------|-------|----------|
| `jobs/queue.py:12` | a failed job is pushed back with no delay, so it spins | 〃 |
| `jobs/queue.py:30` | `pop()` holds the lock while it sleeps | Low |
"""

COPILOT = """## Pull Request Overview

This PR caches resized avatars.

### Reviewed Changes

Copilot reviewed 2 out of 2 changed files in this pull request and generated 2 comments.

| File | Description |
| ---- | ----------- |
| web/avatars.py | Caches resized avatars |
| web/cache.py | Adds an LRU helper |

---

**web/avatars.py:40**
The cache key is the user ID alone, so every size asked for after the first gets the wrong
image.

**web/cache.py:12**
[nitpick] `maxsize` could be a keyword-only argument.
"""

# Bold place lines over what each place now does: a walkthrough of the change, no problem told.
WALKTHROUGH = """## Changes

**web/avatars.py:40**
Looks the resized avatar up in the cache before resizing.

**web/cache.py:12**
Adds a small LRU helper with a `maxsize` argument.
"""

# Bold place lines under level headings, one right below its heading.
BOLD_PLACES_UNDER_LEVELS = """## Review

### Critical

**a/loop.py:3**
The loop never ends when the queue is empty.

### Suggestions
**a/names.py:9**
[nit] `tmp` says nothing.
"""

CHECKLIST = """## Checklist

**1. Is the feature complete?**
Partly. The new `--since` option is parsed, but `logs/filter.py:58` compares the dates as
strings, so `2026-10-01` sorts before `2026-9-30`. This must be fixed before merging.

**2. Is it tested?**
Only the happy path. Nothing covers an empty log; please add a case to `tests/test_filter.py`.

**3. Is the documentation updated?**
Yes.

**4. Style?**
Mostly fine. Nit: `logs/filter.py:12` shadows the builtin `input`.
"""

# The same questions answered with nothing to fix: a test pointed at is no problem.
CHECKLIST_CLEAN = """## Checklist

**1. Is the feature complete?**
Yes.

**2. Is it tested?**
Yes, `tests/test_filter.py:20` covers the empty log.

**3. Is the documentation updated?**
Yes.
"""

# The seat's questions to the author, with what it would want if so: asked, not answered.
QUESTIONS_ASKED = """## Findings

### Important

1. **Retry never stops** (`svc/retry.py:40`) — the loop ignores the deadline.

## Questions for the author

**Is the cache meant to be per process?**
If so, `svc/cache.py:12` should document it.

**Why was the timeout raised?**
The old value in `svc/config.py:8` seemed fine.
"""


def _read(tmp_path: Path, text: str) -> tuple[list[tuple[str, str | None]], list[str]]:
    found, unread = read_by_cli(tmp_path, text)
    return [(level, place) for level, place, _title in found], unread


def test_ditto_level_cells_take_the_level_above(tmp_path: Path) -> None:
    assert _read(tmp_path, DITTO_TABLE) == (
        [
            ("critical", "jobs/queue.py:12"),
            ("critical", "jobs/queue.py:30"),
            ("critical", "jobs/worker.py:8"),
            ("suggestion", "jobs/worker.py:51"),
            ("suggestion", "docs/jobs.md:4"),
        ],
        [],
    )


def test_ditto_in_the_first_row_copies_nothing(tmp_path: Path) -> None:
    found, _ = _read(tmp_path, DITTO_FIRST_ROW)
    assert found == [
        ("important", "jobs/queue.py:12"),
        ("suggestion", "jobs/queue.py:30"),
    ]


def test_comments_under_bold_place_lines_are_findings(tmp_path: Path) -> None:
    assert _read(tmp_path, COPILOT) == (
        [("important", "web/avatars.py:40"), ("suggestion", "web/cache.py:12")],
        [],
    )


def test_bold_place_lines_over_what_changed_are_no_findings(tmp_path: Path) -> None:
    assert _read(tmp_path, WALKTHROUGH) == ([], [])


def test_bold_place_lines_under_level_headings(tmp_path: Path) -> None:
    assert _read(tmp_path, BOLD_PLACES_UNDER_LEVELS) == (
        [("critical", "a/loop.py:3"), ("suggestion", "a/names.py:9")],
        [],
    )


def test_problems_inside_checklist_answers_are_findings(tmp_path: Path) -> None:
    found, unread = _read(tmp_path, CHECKLIST)
    assert sorted(found) == [
        ("critical", "logs/filter.py:58"),
        ("important", "tests/test_filter.py"),
        ("suggestion", "logs/filter.py:12"),
    ]
    assert unread == []


def test_checklist_answers_that_find_nothing_hold_no_finding(tmp_path: Path) -> None:
    assert _read(tmp_path, CHECKLIST_CLEAN) == ([], [])


def test_the_seats_questions_to_the_author_are_no_answers(tmp_path: Path) -> None:
    assert _read(tmp_path, QUESTIONS_ASKED) == ([("important", "svc/retry.py:40")], [])
