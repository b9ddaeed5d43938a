"""Through the real `deep-review review`: a seat places a finding at a file of the repository
that has no extension and lies outside every folder the change touches (`ops/bootstrap:3`, a
script beside a change to `src/x.py`). The repository holds that file at the review SHA, so it
is the finding's place; before, a path-shaped name with no extension outside the change's
folders read as a package or an action's name (`` `ops/bootstrap` line 2 ``), a bare one with
its line (`ops/bootstrap:3`) was no place either, and the finding lost its place. A name the
repository has nowhere (`acme/widgets`) is still no place."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.printing_seats import printing_seats, stored_report
from support.repos import cli_env, commit_all, git, make_repo, run_cli, write

BOOTSTRAP = "#!/bin/sh\nset -e\ncurl -fsSL https://get.example.com | sh\n"


def _report(tmp_path: Path, review: str) -> dict[str, Any]:
    """A review of a branch that changes only `src/x.py` of a repository whose base holds the
    script `ops/bootstrap` and the folder `docs/adr`, by one seat printing `review`."""
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "main")
    write(repo, "ops/bootstrap", BOOTSTRAP)
    write(repo, "docs/adr/0001-start.md", "# Start here\n")
    commit_all(repo, "Add the bootstrap script and the first decision record")
    git(repo, "checkout", "-q", "-b", "topic")
    write(repo, "src/x.py", "def x():\n    return 1\n")
    commit_all(repo, "Add x")
    printing_seats(tmp_path, {"bob": review})
    return stored_report(tmp_path, repo, ["bob"])


def _places(report: dict[str, Any]) -> list[list[str]]:
    return [
        [loc["path"] + (f":{loc['start']}" if loc["start"] else "") for loc in f["locations"]]
        for f in report["findings"]
    ]


def test_an_extensionless_file_of_the_repository_keeps_its_place(tmp_path: Path) -> None:
    review = (
        "## Findings\n\n### Critical Issues\n\n"
        "- **C1** ops/bootstrap:3 pipes a downloaded script straight into sh, unchecked.\n\n"
        "### Suggestions\n\n"
        "- **S1** `ops/bootstrap` line 2 sets -e but not -u, so an unset variable passes.\n"
    )
    report = _report(tmp_path, review)
    assert _places(report) == [["ops/bootstrap:3"], ["ops/bootstrap:2"]]
    # the file is there at the review SHA: no suspected false positive
    assert [f["scope"] for f in report["findings"]] == ["outside this change"] * 2


def test_a_folder_of_the_repository_is_a_place_found_there(tmp_path: Path) -> None:
    review = (
        "## Findings\n\n### Suggestions\n\n"
        "- **S1** `docs/adr` has no record of why `x` returns 1, so the decision is lost.\n"
    )
    report = _report(tmp_path, review)
    assert _places(report) == [["docs/adr"]]
    # a folder the repository has is no made-up place: not "file not found", not suspected
    assert [f["scope"] for f in report["findings"]] == ["outside this change"]
    (bob,) = report["retro"]["seats"]
    assert "suspected" not in dict(bob["cells"])["False positives"]


def test_a_name_the_repository_has_nowhere_is_still_no_place(tmp_path: Path) -> None:
    review = (
        "## Findings\n\n### Important Issues\n\n"
        "- **I1** The change pins acme/widgets to a fork that no longer gets security fixes.\n"
    )
    report = _report(tmp_path, review)
    assert _places(report) == [[]]


def test_a_text_parsed_on_its_own_knows_no_repository(tmp_path: Path) -> None:
    # `deep-review parse` reads no repository: a bare extensionless name with a line stays
    # words, as it did before (a line of prose such as `ratio/limit:3` is no file)
    (tmp_path / "review.md").write_text(
        "## Findings\n\n### Critical Issues\n\n"
        "- **C1** ops/bootstrap:3 pipes a downloaded script straight into sh, unchecked.\n",
        encoding="utf-8",
    )
    res = run_cli(["parse", "review.md", "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    assert [f["locations"] for f in json.loads(res.stdout)["findings"]] == [[]]
