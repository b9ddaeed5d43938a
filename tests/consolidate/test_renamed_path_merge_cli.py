"""Through the real `deep-review review`: two seats flag the same line of a file the change
renames, one at its new path, one at its old path (as the diff's `rename from` line names it).
The old path is the same file: one finding crediting both, not two each "only" found by one
seat (trial 57b #2)."""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import printing_seats, stored_report
from support.repos import commit_all, commit_on_base, git, make_repo, write

OLD = "lib/keys_old.py"
NEW = "lib/keys.py"
BASE = "import os\n\n\ndef token():\n    return os.environ['TOKEN']\n\n\n" + "".join(
    f"def helper_{n}(x):\n    return x + {n}\n\n\n" for n in range(6)
)


ANN = """I1. **`token` falls back to a default in code** — `{place}:5` (important, regression)

`token()` now returns the literal `FALLBACK` when the variable is unset, so a deploy without it
runs with the shared default."""

BOB = """I1. **Missing TOKEN is silently accepted** — `{place}:5` (important, regression)

A host that forgot to export it keeps working with a value every other host shares; fail at
startup instead."""


def _review(finding: str, place: str) -> str:
    return (
        "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\n"
        + finding.format(place=place)
        + "\n\n### Suggestions\n\nNone.\n"
    )


def test_old_and_new_path_of_a_rename_are_one_finding(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    commit_on_base(repo, OLD, BASE, "keys")
    git(repo, "mv", OLD, NEW)
    write(repo, NEW, BASE.replace("os.environ['TOKEN']", "os.environ.get('TOKEN', FALLBACK)"))
    commit_all(repo, "Move keys, add a fallback")
    printing_seats(tmp_path, {"ann": _review(ANN, NEW), "bob": _review(BOB, OLD)})
    report = stored_report(tmp_path, repo, ["ann", "bob"])
    assert [sorted(f["reviewers"]) for f in report["findings"]] == [["Ann", "Bob"]]
