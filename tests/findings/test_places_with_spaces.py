"""Places written in shapes that used to lose their line (trial 53).

- `**File:** `a.py` **Lines:** 13-17`: both labels on one line;
- a backticked path with a space followed by `, line 2` or ` L2` (a label, a table cell);
- `` `a.py`:13 ``: the colon outside the code span;
- Codex's `- [P2] Title — /abs/review-codex-XXXX/dir x/a.py:2-2`: an unbackticked path with a
  space after the seat's scratch worktree.

Each lost its line, so the finding sat on the whole file and merged with nothing: two seats'
same two findings were four in the report; Codex's place was lost altogether and its dead
absolute path stayed in the title.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from deepreview.findings import parse_review
from deepreview.findings.head import locations_in
from deepreview.model import Finding, Location
from support.printing_seats import stored_report
from support.repos import commit_all, make_repo, write

SPACED = "lib dir/naïve.py"


def _findings(section: str, *, known: tuple[str, ...] = ()) -> list[Finding]:
    review = f"## Findings\n\n### Important Issues\n\n{section}\n"
    return list(parse_review(review, seat="beta", known_files=known).findings)


def test_file_and_lines_labels_on_one_line() -> None:
    [f] = _findings("#### I1. Totals are wrong\n\n**File:** `calc.py` **Lines:** 13-17\n\nWhy.")
    assert f.locations == (Location("calc.py", 13, 17),)
    [f] = _findings("#### I1. Totals are wrong\n\n**File:** `calc.py`, **Line:** 4\n\nWhy.")
    assert f.locations == (Location("calc.py", 4),)


@pytest.mark.parametrize("after", [", line 2", " line 2", " L2", " (line 2)"])
def test_a_backticked_path_with_a_space_keeps_the_line_written_after_it(after: str) -> None:
    [f] = _findings(f"#### I1. Crash on import\n\n**File:** `{SPACED}`{after}\n\nWhy.")
    assert f.locations == (Location(SPACED, 2),)
    assert locations_in(f"`{SPACED}`{after}") == [Location(SPACED, 2)]


def test_a_table_cell_with_a_spaced_path_and_its_line() -> None:
    table = (
        "| # | Severity | Location | Finding |\n|---|---|---|---|\n"
        f"| 1 | Important | `{SPACED}` L2 | Import-time crash |\n"
        "| 2 | Important | `calc.py` L9 | `sub` is wrong |\n"
    )
    found = parse_review(f"## Findings\n\n{table}", seat="beta").findings
    assert [f.locations for f in found] == [(Location(SPACED, 2),), (Location("calc.py", 9),)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("`calc.py`:13", Location("calc.py", 13)),
        ("`calc.py`:13-17", Location("calc.py", 13, 17)),
        (f"`{SPACED}`:2", Location(SPACED, 2)),
    ],
)
def test_the_line_after_a_code_span_and_a_colon(text: str, want: Location) -> None:
    assert locations_in(text) == [want]
    [f] = _findings(f"I1. **Totals are wrong** — {text} (important, regression)\n\nWhy.")
    assert (f.title, f.locations) == ("Totals are wrong", (want,))


def test_a_colon_after_a_code_span_that_is_no_path_stays_text() -> None:
    assert locations_in("`x`:13") == []


def test_a_codex_place_with_a_space_after_the_scratch_worktree() -> None:
    wt = "/tmp/review-codex-ab12cd"
    text = f"Review comments:\n\n- [P2] Module raises at import — {wt}/{SPACED}:2-2\n  x / 0.\n"
    for known in ((SPACED,), ()):
        [f] = parse_review(text, seat="codex", known_files=known).findings
        assert (f.title, f.locations) == ("Module raises at import", (Location(SPACED, 2),))
    # the seat's own worktree, given as a prefix, is stripped the same way
    given = "/home/u/scratch/wt"
    text = text.replace(wt, given)
    [f] = parse_review(text, seat="codex", worktree_prefixes=(given,)).findings
    assert (f.title, f.locations) == ("Module raises at import", (Location(SPACED, 2),))


def test_an_absolute_path_with_a_space_outside_any_worktree_is_no_place() -> None:
    text = "Review comments:\n\n- [P2] Module raises at import — /etc/my dir/x.py:2\n  x / 0.\n"
    [f] = parse_review(text, seat="codex").findings
    assert f.locations == ()


def _review_repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path)
    write(repo, SPACED, "x = 1\ny = x / 0\n")
    write(repo, "calc.py", "def add(a, b):\n    return a + b\n" + "\n" * 10 + "# end\n")
    commit_all(repo, "Add a module with a space in its directory")
    return repo


def _review(tmp_path: Path, repo: Path, seats: dict[str, list[str]]) -> dict[str, Any]:
    config = "".join(f"[seats.{name}]\nargv = {json.dumps(a)}\n" for name, a in seats.items())
    (tmp_path / "user-config.toml").write_text(config, "utf-8")
    return stored_report(tmp_path, repo, list(seats))


def _cat(tmp_path: Path, name: str, text: str) -> list[str]:
    out = tmp_path / f"{name}.out"
    out.write_text(text, encoding="utf-8")
    return ["sh", "-c", f"cat >/dev/null; cat '{out}'"]


ALPHA = (
    "## Findings\n\n### Important Issues\n\n"
    "I1. **`add` drops the carry** — `calc.py:2` (important, regression)\n\n`a + b` overflows.\n\n"
    f"I2. **Import-time ZeroDivisionError** — `{SPACED}:2` (important, regression)\n\n"
    "`y = x / 0` runs on import.\n"
)


def test_two_seats_naming_the_same_places_in_other_shapes_are_merged(tmp_path: Path) -> None:
    repo = _review_repo(tmp_path)
    beta = (
        "## Findings\n\n### Important Issues\n\n"
        "#### I1. The sum loses its carry\n\n**File:** `calc.py` **Lines:** 2-2\n\n"
        "`a + b` overflows.\n\n"
        f"#### I2. Crash on import\n\n**File:** `{SPACED}`, line 2\n\n`y = x / 0`.\n"
    )
    report = _review(
        tmp_path, repo, {"alpha": _cat(tmp_path, "alpha", ALPHA), "beta": _cat(tmp_path, "b", beta)}
    )
    got = [
        (f["id"], [(p["path"], p["start"]) for p in f["locations"]], len(f["reviewers"]))
        for f in report["findings"]
    ]
    assert got == [("I1", [("calc.py", 2)], 2), ("I2", [(SPACED, 2)], 2)]


def test_a_codex_place_with_a_space_in_the_report(tmp_path: Path) -> None:
    repo = _review_repo(tmp_path)
    codex = (
        "Review comments:\n\n"
        f"- [P2] Module raises at import — WT/{SPACED}:2-2\n  Division by zero on import.\n"
    )
    out = tmp_path / "codex.out"
    out.write_text(codex, encoding="utf-8")
    argv = ["sh", "-c", f"cat >/dev/null; sed \"s#WT#$1#g\" '{out}'", "sh", "{worktree}"]
    report = _review(tmp_path, repo, {"codex": argv, "alpha": _cat(tmp_path, "alpha", ALPHA)})
    crash = [f for f in report["findings"] if "import" in f["title"].lower()]
    assert [(f["title"], len(f["reviewers"])) for f in crash] == [
        ("Import-time ZeroDivisionError", 2)
    ]
    assert [(p["path"], p["start"]) for p in crash[0]["locations"]] == [(SPACED, 2)]
    # (the seat's raw text in the appendix still shows what it wrote)
    assert "review-codex-" not in json.dumps(report["findings"])


# END
