"""Through the real `deep-review review` with command seats: which findings a careful lead merges
(trial tm59) — the evidence is the place, the quoted code, the names and what the findings say,
never the place or a name alone.

- A seat that puts a folder before a changed file's path (`src/ledger/export.py` for
  `ledger/export.py`, no such file at the review SHA) places its finding on that file, and the
  bare basename another seat writes is still that one file: three seats' one leak is one finding.
  A path that is in the tree (`vendor/ledger/export.py`) stays that other file.
- An analyzer's rule and a model's finding at one line are one finding only when they share a
  name, words or the failure they name; the model seat's words are shown, whatever the grades.
- A leak and an off-by-one at one line, sharing the function's name, are two findings; two
  seats' off-by-one there in different words is one.
- The same bug two lines apart, titled apart and explained alike, graded alike, is one finding;
  two lines apart saying different things about the same function stay two.
- A merged finding keeps a fix: a member's unlabelled ```` ```diff ```` block is its fix when
  another member's explanation is shown, and is not repeated when its own is.
- A finding that says a test is missing, placed at the test file to add, is no "file not
  found" suspected false positive; one that places a claim at a line of a test file that is
  not there is.
- A merged finding's places are where the code is: a member's line in a file that is not at the
  review SHA (a misspelt path) stays in that member's source, not in the finding's places.
- One finding that lists two places, one item each, beside another seat's two findings there:
  it joins one, and its item credits it on the other; an item near a finding about something
  else credits nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change, printing_seats, stored_report
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


# An analyzer's finding (the static seat: ruff, its secret scan) beside a model seat's.
SAMPLER = (
    "import random\n\n"
    'SIGNING_KEY = "sk_live_4f9a8b7c6d5e4f3a2b1c"\n\n\n'
    "def sample_rows(rows, k=3):\n"
    "    unused = len(rows)\n"
    "    return [random.choice(rows) for _ in range(k)]\n"
)


def _static_findings(tmp: Path, review: str) -> list[dict[str, Any]]:
    return findings_of_change(tmp, {"ledger/sample.py": SAMPLER}, {"alpha": review}, static=True)


def _by_reviewers(found: list[dict[str, Any]]) -> dict[str, list[str]]:
    return {f["title"]: sorted(s["title"] for s in f["sources"]) for f in found}


def test_an_analyzer_finding_about_another_problem_at_a_model_findings_line_stays_apart(
    tmp_path: Path,
) -> None:
    # ruff's S311 (not for cryptography) and F841 (`unused`) sit on lines a model finding
    # faults for something else; the model's F841 twin, in its own words, is the same finding
    found = _static_findings(
        tmp_path,
        _doc(
            "### Important Issues\n\n1. **`sample_rows` raises for an empty input** — "
            "`ledger/sample.py:8` (important, regression)\n\n`random.choice` raises "
            "`IndexError` when no rows are given; return `[]` first.\n\n"
            "### Suggestions\n\n2. **`unused` is assigned and never read** — "
            "`ledger/sample.py:7` (suggestion, regression)\n\nDrop the local.\n"
        ),
    )
    merged = [f for f in found if len(f["sources"]) > 1]
    assert [sorted(s["reviewer"] for s in f["sources"]) for f in merged] == [
        ["Alpha", "Static analysis"]
    ], _by_reviewers(found)
    assert "unused" in merged[0]["title"]
    short = next(f for f in found if f["title"] == "`sample_rows` raises for an empty input")
    assert short["reviewers"] == ["Alpha"]
    assert "ruff" not in short["fix"] and "return `[]`" in short["body"]


def test_a_model_seats_explanation_and_diff_outrank_an_analyzers_generic_text(
    tmp_path: Path,
) -> None:
    # the secret scan calls it critical, the model important: critical by the even split, in
    # the model's words and with its diff, the analyzer's message not shown
    found = _static_findings(
        tmp_path,
        _doc(
            "### Important Issues\n\n1. **Live signing key committed** — `ledger/sample.py:3` "
            "(important, security)\n\nEvery clone of the repository can sign payouts as the "
            'service; rotate the key.\n\nFix:\n```diff\n-SIGNING_KEY = "sk_live_…"\n'
            '+SIGNING_KEY = os.environ["SIGNING_KEY"]\n```\n'
        ),
    )
    (secret,) = [f for f in found if f["locations"][0]["start"] == 3]
    assert secret["severity"] == "critical"
    assert sorted(secret["reviewers"]) == ["Alpha", "Static analysis"]
    assert secret["title"] == "Live signing key committed"
    assert "sign payouts" in secret["body"]
    assert 'os.environ["SIGNING_KEY"]' in secret["fix"]


READ = "def first_rows(path, count):\n    return open(path).read().splitlines()[1:count]\n"


def _read_findings(tmp: Path, **seats: str) -> list[dict[str, Any]]:
    return findings_of_change(tmp, {"ledger/read.py": READ}, seats)


LEAK = _doc(
    "### Important Issues\n\n1. **`first_rows` never closes the file** — `ledger/read.py:2` "
    "(important, regression)\n\nThe handle `open` returns is dropped without `close()`.\n\n"
    "Fix:\n```diff\n-    return open(path).read().splitlines()[1:count]\n"
    "+    with open(path) as fh:\n+        return fh.read().splitlines()[1:count]\n```\n"
)


def test_a_leak_and_an_off_by_one_at_one_line_stay_two(tmp_path: Path) -> None:
    found = _read_findings(
        tmp_path,
        alpha=LEAK,
        bravo=_doc(
            "### Important Issues\n\n1. **`first_rows` returns one row too few** — "
            "`ledger/read.py:2` (important, regression)\n\nThe slice starts at index 1: "
            "`first_rows(p, 2)` gives the second row only.\n\nFix: slice `[:count]`.\n"
        ),
    )
    assert sorted((f["title"], f["reviewers"]) for f in found) == [
        ("`first_rows` never closes the file", ["Alpha"]),
        ("`first_rows` returns one row too few", ["Bravo"]),
    ], found


def test_two_seats_off_by_one_at_one_line_in_other_words_is_one(tmp_path: Path) -> None:
    found = _read_findings(
        tmp_path,
        alpha=_doc(
            "### Important Issues\n\n1. **`first_rows` skips the first row** — "
            "`ledger/read.py:2` (important, regression)\n\nIndex 1 is the second line.\n"
        ),
        bravo=_doc(
            "### Important Issues\n\n1. **Off-by-one in `first_rows`** — `ledger/read.py:2` "
            "(important, regression)\n\n`[1:count]` should be `[:count]`.\n"
        ),
    )
    assert [sorted(f["reviewers"]) for f in found] == [["Alpha", "Bravo"]], found


TAIL = (
    "def last_rows(path, count):\n"
    "    with open(path) as fh:\n"
    "        rows = fh.read().splitlines()\n"
    "    return rows[-count:]\n"
)


def _tail_findings(tmp: Path, **seats: str) -> list[dict[str, Any]]:
    return findings_of_change(tmp, {"ledger/tail.py": TAIL}, seats)


ZERO_AT_RETURN = _doc(
    "### Important Issues\n\n1. **`last_rows(p, 0)` returns the whole file** — "
    "`ledger/tail.py:4` (important, regression)\n\n`rows[-0:]` is `rows[0:]`: asking for "
    "zero rows returns every row.\n"
)


def test_the_same_bug_two_lines_apart_titled_apart_is_one(tmp_path: Path) -> None:
    found = _tail_findings(
        tmp_path,
        alpha=ZERO_AT_RETURN,
        bravo=_doc(
            "### Important Issues\n\n1. **A zero count is not handled** — `ledger/tail.py:1-2` "
            "(important, regression)\n\nA caller asking for no rows gets every row back; "
            "return `[]` when `count <= 0`.\n"
        ),
    )
    assert [sorted(f["reviewers"]) for f in found] == [["Alpha", "Bravo"]], found


def test_two_lines_apart_saying_different_things_stay_two(tmp_path: Path) -> None:
    found = _tail_findings(
        tmp_path,
        alpha=ZERO_AT_RETURN,
        bravo=_doc(
            "### Important Issues\n\n1. **`last_rows` opens the file without an encoding** — "
            "`ledger/tail.py:2` (important, regression)\n\n`open(path)` decodes with the "
            "locale's encoding, so a UTF-8 log breaks on a Windows runner; pass "
            '`encoding="utf-8"`.\n'
        ),
    )
    assert sorted(f["reviewers"] for f in found) == [["Alpha"], ["Bravo"]], found


EXPLAINED = _doc(
    "### Important Issues\n\n1. **`first_rows` starts at the second line** — `ledger/read.py:2` "
    "(important, regression)\n\n```python\n    return open(path).read().splitlines()[1:count]\n"
    "```\n\nIndex 1 is the second line, so `first_rows(p, 1)` returns the second row and the "
    "first row is never returned to any caller.\n"
)
DIFF_ONLY = _doc(
    "### Important Issues\n\n1. **Off-by-one in `first_rows`** — `ledger/read.py:2` "
    "(important, regression)\n\nThe slice skips the first row.\n\n```diff\n"
    "-    return open(path).read().splitlines()[1:count]\n"
    "+    return open(path).read().splitlines()[:count]\n```\n"
)


def test_a_members_unlabelled_diff_is_the_merged_findings_fix(tmp_path: Path) -> None:
    (found,) = _read_findings(tmp_path, alpha=EXPLAINED, bravo=DIFF_ONLY)
    assert sorted(found["reviewers"]) == ["Alpha", "Bravo"]
    assert "never returned to any caller" in found["body"]
    assert "+    return open(path).read().splitlines()[:count]" in found["fix"]


def test_a_diff_in_the_shown_explanation_is_not_repeated_as_the_fix(tmp_path: Path) -> None:
    terse = _doc(
        "### Important Issues\n\n1. **`first_rows` skips the first row** — `ledger/read.py:2` "
        "(important, regression)\n\nIt starts at 1.\n"
    )
    (found,) = _read_findings(tmp_path, alpha=terse, bravo=DIFF_ONLY)
    assert "+    return open(path).read().splitlines()[:count]" in found["body"]
    assert found["fix"] == ""


def _retro_cells(report: dict[str, Any], seat: str) -> dict[str, str]:
    (entry,) = [s for s in report["retro"]["seats"] if s["seat"] == seat]
    return dict(entry["cells"])


def test_a_missing_test_file_named_as_its_place_is_no_false_positive(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(repo, "ledger/read.py", READ)
    commit_all(repo, "Read the first rows")
    printing_seats(
        tmp_path,
        {
            "alpha": _doc(
                "### Important Issues\n\n1. **No tests for `first_rows`** — "
                "`tests/test_read.py` (important, gap)\n\nThere is no `tests/test_read.py`; "
                "add one covering an empty file and `count=0`.\n\n"
                "2. **`test_first_rows` expects the header row** — `tests/test_first.py:12` "
                "(important, regression)\n\nThe assertion compares against the second row.\n"
            )
        },
    )
    report = stored_report(tmp_path, repo, ["alpha"])
    scopes = {f["title"]: f["scope"] for f in report["findings"]}
    assert scopes == {
        "No tests for `first_rows`": None,
        "`test_first_rows` expects the header row": "file not found at review SHA",
    }, scopes
    ids = {f["title"]: f["id"] for f in report["findings"]}
    fp = _retro_cells(report, "alpha")["False positives"]
    assert "1 suspected" in fp and ids["`test_first_rows` expects the header row"] in fp, fp
    assert ids["No tests for `first_rows`"] not in fp, fp


def test_a_members_line_in_a_file_not_in_the_tree_is_no_place_of_the_merged_finding(
    tmp_path: Path,
) -> None:
    (found,) = _read_findings(
        tmp_path,
        alpha=_doc(
            "### Important Issues\n\n1. **`first_rows` skips the first row** — "
            "`ledger/read.py:2` (important, regression)\n\n`[1:count]` starts at the second "
            "line.\n"
        ),
        bravo=_doc(
            "### Important Issues\n\n1. **`first_rows` drops the first row** — "
            "`ledger/reader.py:2` (important, regression)\n\nThe slice `[1:count]` starts at "
            "index 1.\n"
        ),
    )
    assert sorted(found["reviewers"]) == ["Alpha", "Bravo"]
    assert _places(found) == ["ledger/read.py:2"]
    assert found["scope"] is None
    assert sorted(loc["path"] for s in found["sources"] for loc in s["locations"]) == [
        "ledger/read.py",
        "ledger/reader.py",
    ]


LUMPED = _doc(
    "### Important Issues\n\n1. **Both new readers are off by one** — `ledger/read.py:2`, "
    "`ledger/tail.py:4` (important, regression)\n\nThe new bounds are each one row off:\n"
    "- `ledger/read.py:2`: `[1:count]` skips the first row.\n"
    "- `ledger/tail.py:4`: `rows[-count:]` returns every row for `count=0`.\n"
)


def _two_file_findings(tmp: Path, **seats: str) -> list[dict[str, Any]]:
    return findings_of_change(tmp, {"ledger/read.py": READ, "ledger/tail.py": TAIL}, seats)


def test_a_finding_listing_two_places_is_credited_on_both_of_another_seats_findings(
    tmp_path: Path,
) -> None:
    found = _two_file_findings(
        tmp_path,
        alpha=LUMPED,
        bravo=_doc(
            "### Important Issues\n\n1. **`first_rows` skips the first row** — "
            "`ledger/read.py:2` (important, regression)\n\nThe slice starts at index 1.\n\n"
            "2. **`last_rows(p, 0)` returns every row** — `ledger/tail.py:4` (important, "
            "regression)\n\n`rows[-0:]` is the whole list.\n"
        ),
    )
    assert sorted(sorted(f["reviewers"]) for f in found) == [["Alpha", "Bravo"]] * 2, found


def test_an_item_near_a_finding_about_something_else_credits_nothing(tmp_path: Path) -> None:
    found = _two_file_findings(
        tmp_path,
        alpha=LUMPED,
        bravo=_doc(
            "### Important Issues\n\n1. **`first_rows` skips the first row** — "
            "`ledger/read.py:2` (important, regression)\n\nThe slice starts at index 1.\n\n"
            "2. **`last_rows` opens the file without an encoding** — `ledger/tail.py:2` "
            "(important, regression)\n\n`open(path)` decodes with the locale's encoding; pass "
            '`encoding="utf-8"`.\n'
        ),
    )
    got = {f["title"]: sorted(f["reviewers"]) for f in found}
    assert got["`last_rows` opens the file without an encoding"] == ["Bravo"], got
