"""A code identifier written like a file name (`c.m`: Go field `m` of receiver `c`; `r.json`:
a response's method), trial 50a #9, is no place: a bare name with no directory and no line is
a file when the change holds it, else only when it has a file extension and its stem is not a
variable's shape (one letter, or a receiver such as `self`, `this`, `res`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from deepreview.findings import parse_review
from deepreview.model import Location
from support.printing_seats import printing_seats
from support.repos import cli_env, make_repo, run_cli

REVIEW = (
    "## Findings\n\n### Important Issues\n\n"
    "1. **Unlocked write in `add`** — `add` assigns to `c.m` without holding `c.mu`, so it "
    "races with `sub`.\n"
    "2. **Unchecked response** — `shout` reads `r.json` without checking `r.ok`.\n"
    "3. **Stale README** — `README.md` still documents the old `add`.\n"
)


def test_member_names_are_no_places_in_the_report(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    printing_seats(tmp_path, {"s": REVIEW})
    res = run_cli(
        ["review", "--agents", "s", "--lead", "none", "--json"], cwd=repo, env=cli_env(tmp_path)
    )
    data: dict[str, Any] = res.json()
    assert [s["status"] for s in data["seats"]] == ["ok"], res.stderr[-2000:]
    report = json.loads(Path(data["paths"]["json"]).read_text(encoding="utf-8"))
    assert {f["title"]: [p["path"] for p in f["locations"]] for f in report["findings"]} == {
        "Unlocked write in `add`": [],
        "Unchecked response": [],
        "Stale README": ["README.md"],
    }


@pytest.mark.parametrize("span", ["c.m", "r.json", "self.json", "this.html", "res.json", "m.lock"])
def test_variable_shaped_names_are_no_files(span: str) -> None:
    r = parse_review(
        f"## Findings\n\n### Important Issues\n\n1. **Title** — uses `{span}` badly.\n", seat="s"
    )
    assert [f.locations for f in r.findings] == [()]


@pytest.mark.parametrize(
    ("span", "known", "place"),
    [
        ("c.m", ("src/c.m",), Location("c.m")),  # the change's own file, named by its name
        ("a.py:3", (), Location("a.py", 3)),  # a line makes it a place
        ("pkg/c.m", (), Location("pkg/c.m")),  # so does a directory
        ("data.json", (), Location("data.json")),  # a file's name, not a variable's
        ("go.sum", (), Location("go.sum")),
        ("b.go", (), Location("b.go")),  # a source file named by one letter
        ("x.py", (), Location("x.py")),
    ],
)
def test_file_names_stay_places(span: str, known: tuple[str, ...], place: Location) -> None:
    r = parse_review(
        f"## Findings\n\n### Important Issues\n\n1. **Title** — see `{span}`.\n",
        seat="s",
        known_files=known,
    )
    assert [f.locations for f in r.findings] == [(place,)]


def test_consolidation_reads_member_names_as_the_parser_does() -> None:
    """The merger's file references follow the same rule (a member is no shared file)."""
    from deepreview.consolidate.features import parse_file_ref

    assert parse_file_ref("r.json") is None
    assert parse_file_ref("c.m") is None
    assert parse_file_ref("c.m:4") == Location("c.m", 4)
    assert parse_file_ref("data.json") == Location("data.json")
