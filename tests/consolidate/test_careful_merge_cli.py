"""Through the real `deep-review review` with command seats: which findings a careful lead merges
(trial tm59) — the evidence is the place, the quoted code, the names and what the findings say,
never the place or a name alone.

- A seat that puts a folder before a changed file's path (`src/ledger/export.py` for
  `ledger/export.py`, no such file at the review SHA) places its finding on that file, and the
  bare basename another seat writes is still that one file: three seats' one leak is one finding.
  A path that is in the tree (`vendor/ledger/export.py`) stays that other file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import printing_seats, stored_report
from support.repos import commit_all, commit_on_base, make_repo, write

EXPORT = (
    "import csv\n\n\n"
    "def export_rows(path, rows):\n"
    "    out = open(path, 'w')\n"
    "    writer = csv.writer(out)\n"
    "    for row in rows[1:]:\n"
    "        writer.writerow(row)\n"
    "    return len(rows)\n"
)
VENDORED = "def export_rows(path, rows):\n    raise NotImplementedError\n"


def _repo(tmp: Path) -> Path:
    repo = make_repo(tmp)
    # the vendored copy is on the base branch: in the tree, not in the change
    commit_on_base(repo, "vendor/ledger/export.py", VENDORED, "Vendor the old exporter")
    write(repo, "ledger/export.py", EXPORT)
    commit_all(repo, "CSV export")
    return repo


def _doc(findings: str) -> str:
    return f"## Executive Summary\n\nRead the export module.\n\n## Findings\n\n{findings}"


def _findings(tmp: Path, **seats: str) -> list[dict[str, Any]]:
    repo = _repo(tmp)
    printing_seats(tmp, seats)
    found: list[dict[str, Any]] = stored_report(tmp, repo, list(seats))["findings"]
    return found


def _places(f: dict[str, Any]) -> list[str]:
    return [f"{loc['path']}:{loc.get('start')}" for loc in f["locations"]]


def test_a_folder_put_before_a_changed_path_and_a_bare_basename_are_that_file(
    tmp_path: Path,
) -> None:
    found = _findings(
        tmp_path,
        alpha=_doc(
            "### Important Issues\n\n1. **`export_rows` never closes its output file** — "
            "`export.py:5` (important, regression)\n\nThe handle from `open` is left to the "
            "garbage collector.\n"
        ),
        bravo=_doc(
            "### Important Issues\n\n1. **Output file handle leaked in `export_rows`** — "
            "`src/ledger/export.py:5` (important, regression)\n\nWrap it in `with`.\n"
        ),
        charlie=_doc(
            "### Important Issues\n\n- [P2] **`export_rows` leaks its output file** — "
            "`ledger/export.py:5-6`\n  Nothing closes `out`; use `with open(path, 'w') as out:`.\n"
        ),
    )
    assert [(sorted(f["reviewers"]), _places(f)) for f in found] == [
        (["Alpha", "Bravo", "Charlie"], ["ledger/export.py:5"])
    ], found


def test_a_prefixed_path_that_is_in_the_tree_stays_that_file(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        alpha=_doc(
            "### Important Issues\n\n1. **`export_rows` never closes its output file** — "
            "`ledger/export.py:5` (important, regression)\n\nThe handle from `open` is left "
            "to the garbage collector.\n"
        ),
        bravo=_doc(
            "### Suggestions\n\n1. **The vendored `export_rows` is a stub** — "
            "`vendor/ledger/export.py:2` (suggestion, gap)\n\nIt raises "
            "`NotImplementedError`; delete the copy.\n"
        ),
    )
    got = sorted((f["reviewers"], _places(f), f["scope"]) for f in found)
    assert got == [
        (["Alpha"], ["ledger/export.py:5"], None),
        (["Bravo"], ["vendor/ledger/export.py:2"], "outside this change"),
    ], found
