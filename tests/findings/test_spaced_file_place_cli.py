"""Through the real `deep-review review`: a seat writes the place of a file of the change whose
name holds a blank without backticks (`— docs/Release Notes.md:2`, `(docs/Release Notes.md:1)`).
It is that file, not a folder `docs/Release` and a file `Notes.md:2` that are "not found at
review SHA" and the seat's suspected false positives (trial 57b #5)."""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import printing_seats, stored_report
from support.repos import commit_all, make_repo, write

REVIEW = """### Findings

- [P2] **Notes promise a flat fee** — docs/Release Notes.md:2
  The code charges a percentage now.

**I3. Title casing** (docs/Release Notes.md:1) — use sentence case.
"""


def test_an_unquoted_place_in_a_file_with_a_blank_is_that_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(repo, "docs/Release Notes.md", "# Release Notes\n\nA flat fee of 2.\n")
    commit_all(repo, "notes")
    printing_seats(tmp_path, {"bob": REVIEW})
    report = stored_report(tmp_path, repo, ["bob"])
    places = sorted(
        (loc["path"], loc["start"]) for f in report["findings"] for loc in f["locations"]
    )
    assert places == [("docs/Release Notes.md", 1), ("docs/Release Notes.md", 2)]
    assert [f["scope"] for f in report["findings"]] == [None, None]
    (bob,) = report["retro"]["seats"]
    assert "suspected" not in dict(bob["cells"])["False positives"]
