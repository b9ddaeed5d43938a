"""Review shapes read wrongly before round ten of the parse cases, tried through the command.

- a findings table whose level cell is a ditto mark (`〃`, `"`, `same`): the level of the row
  above, as a merged cell written out; it was read as no level (important).
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
