"""Issue 11 §4 through the real `deep-review review`: what the report says must be true.

A seat that prints no review fails ("unparseable review"); a static-only run says no model
reviewed it; failed seats are counted in the verdict line and never listed as reviewers.
"""

from __future__ import annotations

import json
import random
import string
from html import escape as html_escape
from pathlib import Path

from support.printing_seats import NO_FINDINGS, printing_seats
from support.repos import cli_env, commit_all, make_repo, run_cli, write


def _noise(n: int) -> str:
    rng = random.Random(11)
    alphabet = string.ascii_letters + string.digits + " .,;:!?-_()[]{}"
    return "".join(rng.choice(alphabet) for _ in range(n))


def _review(tmp: Path, repo: Path, agents: str) -> tuple[int, dict, dict, str]:  # type: ignore[type-arg]
    res = run_cli(
        ["review", "--agents", agents, "--lead", "none", "--json"], cwd=repo, env=cli_env(tmp)
    )
    out = res.json()
    report = json.loads(Path(out["paths"]["json"]).read_text()) if out["paths"].get("json") else {}
    md = Path(out["paths"]["md"]).read_text() if out["paths"].get("md") else ""
    return res.returncode, out, report, md


def _sources(report: dict) -> set[tuple[str, str, str]]:  # type: ignore[type-arg]
    """(reviewer, severity, title) of every seat's own finding inside the report's findings."""
    return {
        (src["reviewer"], src["severity"], src["title"])
        for f in report["findings"]
        for src in f["sources"]
    }


def _places(report: dict) -> dict[str, list[tuple[str, int | None]]]:  # type: ignore[type-arg]
    """Each seat finding's title -> its (path, start line) places, as the report keeps them."""
    return {
        src["title"]: [(loc["path"], loc["start"]) for loc in src["locations"]]
        for f in report["findings"]
        for src in f["sources"]
    }


def test_seats_printing_garbage_fail_as_unparseable(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    printing_seats(
        tmp_path,
        {
            "ratelimited": "I could not access the repository. Error: rate limit exceeded.\n",
            "noise": _noise(3000),
            "terse": "No issues found.\n",
            "good": NO_FINDINGS,
        },
    )
    code, out, report, md = _review(tmp_path, repo, "ratelimited,noise,terse,good")
    assert code == 0
    seats = {s["seat"]: s for s in out["seats"]}
    for bad in ("ratelimited", "noise"):
        assert (seats[bad]["status"], seats[bad]["reason"]) == ("failed", "unparseable review")
    assert seats["terse"]["status"] == "ok" and seats["good"]["status"] == "ok"
    # The raw output is kept.
    review_dir = Path(out["review_dir"])
    kept = (review_dir / "review-ratelimited-pass-1.md").read_text()
    assert "rate limit exceeded" in kept
    run = json.loads((review_dir / "run.json").read_text())
    assert run["seats"]["noise"]["reason"] == "unparseable review"
    # Shown as failed, counted in the verdict, and no reviewer.
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge as-is"
    assert verdict["reason"].endswith("; 2 of 4 seats failed")
    assert [r["seat"] for r in report["header"]["reviewers"]] == ["terse", "good"]
    assert "| **Reviewers** | Terse, Good |" in md
    assert (
        "Seat Ratelimited failed: unparseable review (it said: “I could not access the "
        "repository. Error: rate limit exceeded.”)." in md
    )
    assert "2 of 4 seats failed" in md.split("## Executive Summary", 1)[0]
    index = (Path(out["store"]) / "index.html").read_text()
    assert "Ratelimited" not in index and "Noise" not in index


def test_all_seats_unparseable_exits_3(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    printing_seats(tmp_path, {"a": "Error: rate limit exceeded.\n", "b": _noise(500)})
    code, out, report, _md = _review(tmp_path, repo, "a,b")
    assert code == 3
    assert [s["status"] for s in out["seats"]] == ["failed", "failed"]
    assert report["header"]["verdict"]["label"] == "Failed"


def test_static_only_review_says_no_model_reviewed_it(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)  # adds two clean functions: the analyzers find nothing
    code, out, report, md = _review(tmp_path, repo, "static")
    assert code == 0
    verdict = report["header"]["verdict"]
    assert verdict == {"label": "No model review", "reason": "static checks found nothing"}
    assert out["verdict"] == "No model review"
    assert "| **Verdict** | **No model review** — static checks found nothing |" in md


def test_static_only_review_with_findings_still_says_so(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(repo, "svc.py", "import os\n")  # unused import: a suggestion only
    commit_all(repo, "Add svc")
    _code, _out, report, _md = _review(tmp_path, repo, "static")
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "No model review"
    assert verdict["reason"].startswith("static checks found only S1")
    write(repo, "bad.py", "def f(:\n")  # a syntax error: important or worse
    commit_all(repo, "Add bad")
    _code, _out, report, _md = _review(tmp_path, repo, "static")
    verdict = report["header"]["verdict"]
    assert verdict["label"] in ("Rework", "Merge with fixes")
    assert verdict["reason"].endswith("no model reviewed this change (static checks only)")


def test_static_with_a_model_seat_is_a_plain_verdict(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    printing_seats(tmp_path, {"good": NO_FINDINGS})
    _code, _out, report, _md = _review(tmp_path, repo, "static,good")
    assert report["header"]["verdict"] == {"label": "Merge as-is", "reason": "no issues found"}


def test_tool_calls_and_duration_agree_everywhere(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    res = run_cli(["review", "--agents", "static", "--json"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    out = res.json()
    from_json = out["seats"][0]["tool_calls"]
    run = json.loads((Path(out["review_dir"]) / "run.json").read_text())["seats"]["static"]["run"]
    report = json.loads(Path(out["paths"]["json"]).read_text())
    cells = dict(report["retro"]["seats"][0]["cells"])
    # The static seat's steps are its tool calls: detect-secrets, assigned secrets, ruff,
    # git diff --check.
    assert from_json == run["tool_calls"] == 4
    assert cells["Tool calls"].split(" ", 1)[0] == "4"
    # The live line prints the run's own figures, formatted as the retro formats them.
    line = next(ln for ln in res.stderr.splitlines() if ln.startswith("[static] ok"))
    assert line == f"[static] ok ({cells['Duration']}, 4 tool calls)"
    assert cells["Duration"].endswith(" s") and cells["Duration"] != "0 s"


def test_markdown_appendix_demotes_each_reviews_headings(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fenced = NO_FINDINGS + "\n```markdown\n## Not a heading\n```\n"
    printing_seats(tmp_path, {"one": NO_FINDINGS, "two": fenced})
    _code, _out, report, md = _review(tmp_path, repo, "static,one,two")
    # One Executive Summary section: the report's own; the reviews' are below their entry.
    assert md.count("\n## Executive Summary\n") == 1
    appendix = md.split("\n## Appendix: Original Reviews\n", 1)[1]
    marker = "<!-- deep-review: headings demoted by 2 -->"
    assert f"\n### [One] — Pass 1\n\n{marker}\n\n#### Executive Summary\n" in appendix
    assert "\n##### Critical Issues\n" in appendix
    assert "```markdown\n## Not a heading\n```" in appendix  # code is left alone
    # The stored JSON keeps each review verbatim.
    assert report["appendix"][1]["text"].startswith("## Executive Summary")


ODD_NAMES = ("pi|pe.py", "my file.py", "naïve.py", 'q"uote.py', "back`tick.py")


def test_odd_file_names_keep_their_locations_and_coverage(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    for name in ODD_NAMES:
        write(repo, f"odd/{name}", "import os\n")  # F401 on line 1 of each
    commit_all(repo, "Add oddly named files")
    printing_seats(tmp_path, {"good": NO_FINDINGS})
    code, out, report, md = _review(tmp_path, repo, "static,good")
    assert code == 0
    located = {loc["path"] for f in report["findings"] for loc in f["locations"]}
    assert {f"odd/{n}" for n in ODD_NAMES} <= located, located
    static = next(s for s in report["retro"]["seats"] if s["seat"] == "static")
    cells = dict(static["cells"])
    # The static seat covered every changed file, its own oddly named ones included.
    assert cells["Coverage misses"] == "0", cells
    assert cells["Files reviewed"] == "7/7"
    for name in ODD_NAMES:
        assert f"odd/{name}:1" in md, name
    html = Path(out["paths"]["html"]).read_text()
    for name in ODD_NAMES:
        assert f"odd/{html_escape(name)}:1" in html, name


def test_a_seats_statements_about_itself_go_to_its_retro_entry(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    printing_seats(tmp_path, {"good": NO_FINDINGS})
    _code, _out, report, md = _review(tmp_path, repo, "static,good")
    assert "Static analysis does not assess tests" not in md
    assert "--isolated" not in report["limitations"]
    assert not report["testing"]["intro"] and not report["testing"]["items"]
    static = next(s for s in report["retro"]["seats"] if s["seat"] == "static")
    assert "ruff ran with `--isolated`" in static["narrative"]
    retro = md.split("## Agent Performance Retro", 1)[1].split("## Appendix", 1)[0]
    assert "ruff ran with `--isolated`" in retro
    assert md.count("ruff ran with `--isolated`") == 2  # the retro and the seat's own appendix
    assert "ruff not run" not in md


FENCE = "`" * 3
WRAPPED_REVIEW = (
    "Here is my review of the change.\n\n"
    f"{FENCE}markdown\n"
    "## Executive Summary\n\nThe retry helper can sleep forever.\n\n"
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\n"
    "**I1. `backoff()` has no upper bound** — `lib.py:3`\n\n"
    f"{FENCE}python\nreturn base * 2 ** attempt\n{FENCE}\n\n"
    "Fix: cap the delay at 30 s.\n\n### Suggestions\n\nNone.\n"
    f"{FENCE}\n"
)
LEVELS_REVIEW = (
    "## Summary\n\nTwo problems in the helpers.\n\n"
    "## High Severity\n\n1. **`add()` overflows silently** — `lib.py:2`\n\n"
    "## Medium Priority (should fix)\n\nNone.\n\n"
    "## Low / Nits\n\n1. **Name `sub` is vague** — `lib.py:5`\n"
)
BULLETS_REVIEW = (
    "## Summary\n\nOne problem.\n\n## Important\n\n"
    "- **`div()` ignores a zero divisor** (`lib.py:11`): it returns None.\n"
    "  - **Fix:** raise `ZeroDivisionError`.\n\n## Suggestions\n\nNone.\n"
)
HEADINGS_REVIEW = (
    "## Findings\n\n### Critical Issues\n\n#### `pow()` recurses without a base case\n\n"
    "`lib.py:14`: any call overflows the stack.\n\n### Suggestions\n\nNone.\n"
)
BRACKETS_REVIEW = (
    "## Executive Summary\n\nOne problem.\n\n## Findings\n\n### Important Issues\n\n"
    "- **[I1]** `mul()` drops the sign — `lib.py:8` (important, regression)\n\n"
    "### Suggestions\n\nNone.\n"
)


def test_reviews_in_other_shapes_keep_their_findings(tmp_path: Path) -> None:
    """Models often answer with the whole review inside ```markdown … ``` (inner fences and all):
    that is a review, not garbage. Sections called High/Low and IDs written `[I1]` keep their
    findings instead of reading as "ok, 0 findings"."""
    repo = make_repo(tmp_path)
    printing_seats(
        tmp_path,
        {
            "wrapped": WRAPPED_REVIEW,
            "levels": LEVELS_REVIEW,
            "brackets": BRACKETS_REVIEW,
            "bullets": BULLETS_REVIEW,
            "headings": HEADINGS_REVIEW,
        },
    )
    code, out, report, _md = _review(tmp_path, repo, "wrapped,levels,brackets,bullets,headings")
    assert code == 0
    seats = {s["seat"]: s for s in out["seats"]}
    assert seats["wrapped"]["status"] == "ok", seats["wrapped"]
    assert seats["levels"]["status"] == "ok", seats["levels"]
    by_reviewer = _sources(report)
    assert ("Wrapped", "important", "`backoff()` has no upper bound") in by_reviewer
    assert ("Levels", "critical", "`add()` overflows silently") in by_reviewer
    assert ("Levels", "suggestion", "Name `sub` is vague") in by_reviewer
    assert ("Brackets", "important", "`mul()` drops the sign") in by_reviewer
    assert ("Bullets", "important", "`div()` ignores a zero divisor") in by_reviewer
    assert ("Headings", "critical", "`pow()` recurses without a base case") in by_reviewer
    assert report["header"]["verdict"]["label"] != "Merge as-is"


FIELDS_REVIEW = (
    "# Review of the helpers\n\n## Summary\n\nThe helpers need work.\n\n## Findings\n\n"
    "### 1. `sqrt()` loops forever on a negative input\n"
    "**Severity:** High\n**File:** `lib.py:20-24`\n\n"
    "Newton's method never converges below zero.\n\n**Recommendation:** raise `ValueError`.\n\n"
    "### 2. Docstring of `add` names the wrong type\n"
    "- **Severity**: Low\n- **Location**: lib.py, line 2\n\nIt says str; it takes int.\n"
)
TAGS_REVIEW = (
    "**Overall:** mostly fine.\n\n## Issues Found\n\n"
    "1. **[Medium] `mod()` keeps the sign of the dividend** (`lib.py:30`): Python's `%` does not.\n"
    "2. **[Low] Unused import** (`lib.py:1`)\n"
)
TABLE_REVIEW = (
    "## Review\n\n| # | Severity | File | Issue | Suggested fix |\n"
    "|---|----------|------|-------|---------------|\n"
    "| 1 | Major | `lib.py:8` | `mul()` drops the sign | keep it |\n"
    "| 2 | Minor | `lib.py:5` | `sub` is a vague name | rename it |\n\n"
    "No other issues.\n"
)


def test_severity_sections_that_all_say_none_are_a_review(tmp_path: Path) -> None:
    """A terse seat that writes only the severity sections, each `None.`, reviewed the change
    and found nothing: it is not an "unparseable review"."""
    repo = make_repo(tmp_path)
    terse = (
        "### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
        "### Suggestions\n\nNone.\n"
    )
    levels = "## Critical\nNone.\n\n## Major\nNone.\n\n## Minor\nNone.\n"
    printing_seats(tmp_path, {"terse": terse, "levels": levels})
    code, out, _report, _md = _review(tmp_path, repo, "terse,levels")
    assert code == 0
    assert {s["seat"]: (s["status"], s["reason"]) for s in out["seats"]} == {
        "terse": ("ok", None),
        "levels": ("ok", None),
    }


GROUPED_REVIEW = (
    "## Summary\n\nOne file.\n\n## Issues\n\n### `lib.py`\n\n"
    "- **Line 14** (High): `pow()` recurses without a base case — any call overflows.\n"
)

JSON_REVIEW = (
    "Findings:\n\n```json\n"
    '[{"severity": "medium", "file": "lib.py", "line": 30, "title": "`mod()` rounds toward zero"}]'
    "\n```\n"
)


def test_free_form_reviews_keep_their_findings(tmp_path: Path) -> None:
    """Models that ignore the prompt's format answer with a `Severity:` line under each finding,
    `[Medium]` tags in a numbered list, or one table with a Severity column: those are findings,
    and the seat must not read as "ok, 0 findings" (nor fail as unparseable)."""
    repo = make_repo(tmp_path)
    printing_seats(
        tmp_path,
        {
            "fields": FIELDS_REVIEW,
            "tags": TAGS_REVIEW,
            "table": TABLE_REVIEW,
            "grouped": GROUPED_REVIEW,
            "json": JSON_REVIEW,
        },
    )
    code, out, report, _md = _review(tmp_path, repo, "fields,tags,table,grouped,json")
    assert code == 0
    seats = {s["seat"]: s for s in out["seats"]}
    assert {n: s["status"] for n, s in seats.items()} == dict.fromkeys(
        ("fields", "tags", "table", "grouped", "json"), "ok"
    ), seats
    by_reviewer = _sources(report)
    assert ("Fields", "critical", "`sqrt()` loops forever on a negative input") in by_reviewer
    assert ("Fields", "suggestion", "Docstring of `add` names the wrong type") in by_reviewer
    assert ("Tags", "important", "`mod()` keeps the sign of the dividend") in by_reviewer
    assert ("Tags", "suggestion", "Unused import") in by_reviewer
    assert ("Table", "important", "`mul()` drops the sign") in by_reviewer
    assert ("Table", "suggestion", "`sub` is a vague name") in by_reviewer
    where = _places(report)
    assert where["Docstring of `add` names the wrong type"] == [("lib.py", 2)]
    grouped = "`pow()` recurses without a base case — any call overflows"
    assert ("Grouped", "critical", grouped) in by_reviewer
    assert where[grouped] == [("lib.py", 14)]
    assert ("Json", "important", "`mod()` rounds toward zero") in by_reviewer
    assert report["header"]["verdict"]["label"] != "Merge as-is"


def test_findings_text_that_cannot_be_read_is_never_no_issues(tmp_path: Path) -> None:
    """A findings section holding prose we cannot read as findings: the seat is ok (it did
    review), but the verdict must not say "no issues found" on its word alone."""
    repo = make_repo(tmp_path)
    prose = (
        "## Executive Summary\n\nOne real problem.\n\n## Findings\n\n### Important Issues\n\n"
        "The retry loop in the helper never gives up when the server keeps failing; it should "
        "stop after a few attempts.\n\n### Suggestions\n\nNone.\n"
    )
    printing_seats(tmp_path, {"prose": prose})
    code, out, report, md = _review(tmp_path, repo, "prose")
    assert code == 0
    assert out["seats"][0]["status"] == "ok"
    verdict = report["header"]["verdict"]
    assert verdict["reason"] == (
        "no issues found in the findings that could be read; "
        "Prose's findings could not be read (see the appendix)"
    )
    retro = next(s for s in report["retro"]["seats"] if s["seat"] == "prose")
    assert "not findings as written" in retro["narrative"]
    assert "The retry loop in the helper never gives up" in retro["narrative"]
    assert "Prose's findings could not be read" in md.split("## Executive Summary", 1)[0]


def test_a_severity_the_seat_never_gave_is_said_in_its_retro(tmp_path: Path) -> None:
    """A finding with no severity anywhere (no section, tag, label or ID letter) is shown as
    important, and the seat's retro entry says that was a default, not the seat's grade."""
    repo = make_repo(tmp_path)
    untagged = (
        "## Summary\n\nOne thing.\n\n## Other Issues\n\n"
        "1. **`add()` ignores its second argument** (`lib.py:2`): it returns `a`.\n"
    )
    printing_seats(tmp_path, {"plain": untagged})
    code, _out, report, md = _review(tmp_path, repo, "plain")
    assert code == 0
    assert ("Plain", "important", "`add()` ignores its second argument") in _sources(report)
    (retro,) = [s for s in report["retro"]["seats"] if s["seat"] == "plain"]
    assert (
        "Plain gave no severity for 1 finding of its own (Plain I1 (`add()` ignores its second "
        "argument)); each was taken as important." in retro["narrative"]
    )
    assert "each was taken as important" in md


def test_findings_as_top_level_headings_are_findings(tmp_path: Path) -> None:
    """A review with no findings section at all: chatter, then each finding as its own heading
    with a `Severity:` line. Each heading is a finding; the seat is not "unparseable"."""
    repo = make_repo(tmp_path)
    numbered = (
        "I read the change and ran the tests.\n\n"
        "### 1. `sqrt()` loops forever on a negative input\n"
        "**Severity:** High\n**File:** lib.py:20\n\nNewton's method never converges.\n\n"
        "### 2. No test for `sqrt()`\n**Severity:** Low\n**File:** lib.py\n\n"
        "Nothing covers a negative input.\n"
    )
    issues = (
        "# Review\n\n## Issue 1: `mod()` keeps the sign of the dividend\n\n"
        "- **Severity**: Medium\n- **Location**: `lib.py:30`\n\nPython's `%` does not.\n\n"
        "## Overall\n\nOtherwise fine.\n"
    )
    printing_seats(tmp_path, {"numbered": numbered, "issues": issues})
    code, out, report, md = _review(tmp_path, repo, "numbered,issues")
    assert code == 0
    assert {s["seat"]: s["status"] for s in out["seats"]} == {"numbered": "ok", "issues": "ok"}
    by_reviewer = _sources(report)
    sqrt = "`sqrt()` loops forever on a negative input"
    assert ("Numbered", "critical", sqrt) in by_reviewer
    assert ("Numbered", "suggestion", "No test for `sqrt()`") in by_reviewer
    where = _places(report)
    assert where["No test for `sqrt()`"] == [("lib.py", None)]
    assert ("Issues", "important", "`mod()` keeps the sign of the dividend") in by_reviewer
    assert report["header"]["verdict"]["label"] != "Merge as-is"
    assert "Otherwise fine." in md  # the prose section stays a section


def test_severity_phrases_and_bold_kinds_are_findings(tmp_path: Path) -> None:
    """`1. **Title** (`lib.py:20`) — severity: high.` and `* **Bug (high):** …` items: before,
    the first read as an ordinary section (the seat "found nothing") and the second as text the
    verdict could not read."""
    repo = make_repo(tmp_path)
    phrases = (
        "## Review\n\n1. **`sqrt()` loops forever on a negative input** (`lib.py:20`) — "
        "severity: high. Newton's method never converges.\n"
        "2. **`add` docstring names the wrong type** (`lib.py:2`) (low severity)\n"
    )
    kinds = (
        "**Summary:** one bug.\n\n**Issues:**\n\n"
        "* **Bug (medium):** `lib.py:30` — `mod()` keeps the sign of the dividend.\n"
        "* **Nit (low):** the name `sub` is vague.\n"
    )
    printing_seats(tmp_path, {"phrases": phrases, "kinds": kinds})
    code, out, report, _md = _review(tmp_path, repo, "phrases,kinds")
    assert code == 0
    assert {s["seat"]: s["status"] for s in out["seats"]} == {"phrases": "ok", "kinds": "ok"}
    by_reviewer = _sources(report)
    assert ("Phrases", "critical", "`sqrt()` loops forever on a negative input") in by_reviewer
    assert ("Phrases", "suggestion", "`add` docstring names the wrong type") in by_reviewer
    assert ("Kinds", "important", "`mod()` keeps the sign of the dividend") in by_reviewer
    assert ("Kinds", "suggestion", "the name `sub` is vague") in by_reviewer
    assert "could not be read" not in report["header"]["verdict"]["reason"]


def test_task_lists_issue_lines_and_line_columns_keep_their_findings(tmp_path: Path) -> None:
    """Three more shapes models write, each lost or misplaced before: task-list items with a
    trailing level, plain `Issue N (High):` lines, and a table whose line has its own column."""
    repo = make_repo(tmp_path)
    tasks = (
        "## Review checklist\n\n"
        "- [ ] **`sqrt()` loops forever on a negative input** (`lib.py:20`) — High\n"
        "- [x] **Unused import** (`lib.py:1`) — Low\n"
    )
    lines = (
        "Issue 1 (Medium): `mod()` keeps the sign of the dividend at lib.py:30\n"
        "Python's `%` does not.\n"
    )
    table = (
        "### Issues\n\n| # | File | Line | Severity | Description |\n"
        "|---|---|---|---|---|\n| 1 | lib.py | 8 | Medium | `mul()` drops the sign |\n\n"
        "**Suggestions:** None\n"
    )
    printing_seats(tmp_path, {"tasks": tasks, "lines": lines, "table": table})
    code, out, report, _md = _review(tmp_path, repo, "tasks,lines,table")
    assert code == 0
    assert {s["seat"]: s["status"] for s in out["seats"]} == dict.fromkeys(
        ("tasks", "lines", "table"), "ok"
    )
    by_reviewer = _sources(report)
    assert ("Tasks", "critical", "`sqrt()` loops forever on a negative input") in by_reviewer
    # the ticked item is done, by the reviewer's own checklist: no finding (`closed_items`)
    assert not [f for f in by_reviewer if "Unused import" in f[2]], by_reviewer
    assert ("Lines", "important", "`mod()` keeps the sign of the dividend") in by_reviewer
    where = _places(report)
    assert where["`mod()` keeps the sign of the dividend"] == [("lib.py", 30)]
    assert where["`mul()` drops the sign"] == [("lib.py", 8)]


def test_a_suggestions_section_of_plain_sentences_is_read(tmp_path: Path) -> None:
    """`## Suggestions` holding only `- Add a test for `sqrt()`.`: before, the verdict said the
    seat's findings could not be read, and the suggestions were not in the report."""
    repo = make_repo(tmp_path)
    review = (
        "## Summary\n\nSmall helpers.\n\n## Bugs\n\nNone.\n\n"
        "## Suggestions\n\n- Add a test for a negative input to `sqrt()`.\n"
        "- Name `sub` something clearer.\n"
    )
    printing_seats(tmp_path, {"plain": review})
    code, out, report, _md = _review(tmp_path, repo, "plain")
    assert code == 0 and out["seats"][0]["status"] == "ok"
    by_reviewer = _sources(report)
    assert ("Plain", "suggestion", "Add a test for a negative input to `sqrt()`") in by_reviewer
    assert ("Plain", "suggestion", "Name `sub` something clearer") in by_reviewer
    assert "could not be read" not in report["header"]["verdict"]["reason"]


def test_none_with_a_reason_and_optional_tests_are_no_false_alarm(tmp_path: Path) -> None:
    """Two real reviews made the verdict say the seat's findings "could not be read": a
    findings section saying `None. <why>`, and `Optional:` tests in the Testing Assessment."""
    repo = make_repo(tmp_path)
    review = (
        "## Executive Summary\n\nThe helpers are fine.\n\n## Findings\n\n"
        "### Critical Issues\n\nNone.\n\n### Important Issues\n\n"
        "None. The earlier round's finding about `sqrt()` (`lib.py:20`) is fixed at HEAD.\n\n"
        "### Suggestions\n\nNone.\n\n## Testing Assessment\n\nRequired:\n"
        "1. A test for a negative input.\n\nOptional:\n- A test for `sub` with floats.\n"
    )
    printing_seats(tmp_path, {"careful": review})
    code, out, report, md = _review(tmp_path, repo, "careful")
    assert code == 0 and out["seats"][0]["status"] == "ok"
    assert report["findings"] == [] or all(
        src["reviewer"] != "Careful" for f in report["findings"] for src in f["sources"]
    )
    assert "could not be read" not in report["header"]["verdict"]["reason"]
    assert "A test for `sub` with floats." in md


def test_none_as_a_list_item_is_neither_a_finding_nor_unreadable(tmp_path: Path) -> None:
    """`- None.` under a severity heading: no finding titled "None" (which made the verdict
    Rework), and no "findings could not be read"."""
    repo = make_repo(tmp_path)
    review = (
        "## Summary\n\nSmall helpers.\n\n## Critical Issues\n\n- None.\n\n"
        "## Important Issues\n\n* None identified.\n\n"
        "## Suggestions\n\n- Add a test for a negative input to `sqrt()`.\n"
    )
    printing_seats(tmp_path, {"terse": review})
    code, out, report, _md = _review(tmp_path, repo, "terse")
    assert code == 0 and out["seats"][0]["status"] == "ok"
    assert [(f["severity"], f["title"]) for f in report["findings"]] == [
        ("suggestion", "Add a test for a negative input to `sqrt()`")
    ]
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge with fixes" or verdict["label"] == "Merge as-is"
    assert "could not be read" not in verdict["reason"]


def test_a_seat_that_never_got_to_its_findings_fails_and_the_report_quotes_it(
    tmp_path: Path,
) -> None:
    """A summary saying the seat ran out of turns is no review that found nothing: the seat
    fails as unfinished, and the report quotes where it stopped so the reader sees why."""
    repo = make_repo(tmp_path)
    printing_seats(
        tmp_path,
        {
            "tired": "## Executive Summary\n\nI ran out of turns before finishing the review.\n",
            "good": NO_FINDINGS,
        },
    )
    code, out, report, md = _review(tmp_path, repo, "tired,good")
    assert code == 0
    seats = {s["seat"]: s for s in out["seats"]}
    assert (seats["tired"]["status"], seats["tired"]["reason"]) == ("failed", "unfinished review")
    assert report["header"]["verdict"]["reason"].endswith("; 1 of 2 seats failed")
    said = "Seat Tired failed: unfinished review (it ended: “I ran out of turns before finishing"
    assert said in md
