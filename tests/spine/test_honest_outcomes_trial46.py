"""Trial 46b through the real `deep-review review`: a seat's output that only looks like a
clean review is never approval.

- #12 terminal escape sequences (a command seat whose tool colours its output) are removed
  before the review is read and stored: its Critical finding is kept.
- #13 an error or refusal that closes with "no findings" / "nothing to report" is no review.
- #1 "No issues found." / "LGTM overall, a few notes:" followed by `file:line — problem` items:
  the items are findings.
- #17 a seat that says it ran out of turns or context, or lists every file as not reviewed, is
  an `unfinished review`.
- #3 a review cut right after an empty findings heading is cut off, not "None.".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.printing_seats import NO_FINDINGS, review_printed
from support.repos import cli_env, make_repo, run_cli

_review = review_printed


# --- #12 -------------------------------------------------------------------------------------

COLOURED = (
    "\x1b[1m## Findings\x1b[0m\n\n\x1b[31m### Critical Issues\x1b[0m\n\n"
    "1. **`sub` is inverted** — \x1b[36mcalc.py:5\x1b[0m: wrong sign.\n\n"
    "\x1b[1m### Important Issues\x1b[0m\n\nNone.\n\n### Suggestions\n\nNone.\n"
    # an OSC hyperlink and title, as `ls --hyperlink` or a shell prompt prints them
    "\x1b]0;review\x07\x1b]8;;file:///tmp/x\x1b\\\x1b]8;;\x1b\\"
)


def test_escape_sequences_are_removed_before_the_review_is_read(tmp_path: Path) -> None:
    res, out, report = _review(tmp_path, {"alpha": COLOURED}, "--fail-on", "critical")
    assert out["seats"][0]["status"] == "ok", out["seats"]
    [finding] = report["findings"]
    assert (finding["id"], finding["severity"]) == ("C1", "critical")
    assert [(loc["path"], loc["start"]) for loc in finding["locations"]] == [("calc.py", 5)]
    assert report["header"]["verdict"]["label"] == "Rework"
    assert res.returncode == 4, res.stderr
    # the seat's review file is the text that was read; its transcript keeps what it printed
    folder = Path(out["paths"]["json"]).with_suffix("")
    stored = (folder / "review-alpha-pass-1.md").read_text(encoding="utf-8")
    assert "\x1b" not in stored and "**`sub` is inverted** — calc.py:5: wrong sign." in stored
    assert "\x1b[36mcalc.py:5" in (folder / "transcript-alpha-pass-1.jsonl").read_text()


def test_parse_reads_a_coloured_review_as_the_plain_one(tmp_path: Path) -> None:
    path = tmp_path / "coloured.md"
    path.write_text(COLOURED, encoding="utf-8")
    res = run_cli(["parse", str(path)], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    parsed = json.loads(res.stdout)
    assert [(f["id"], f["severity"]) for f in parsed["findings"]] == [("C1", "critical")]
    assert "\x1b" not in res.stdout and "\\u001b" not in res.stdout


# --- #13 -------------------------------------------------------------------------------------

NOT_A_REVIEW = {
    "quota": "Error: You exceeded your current quota. No findings.\n",
    "no-access": "I'm sorry, I can't access the repository, so I found no issues.\n",
    "rate-limit": "The tool returned an error: rate limit exceeded. Nothing to report.\n",
    "permission": "I could not read the diff (permission denied), so no issues found.\n",
    "skipped": "Review skipped: the change is too large. No issues found.\n",
    "as-an-ai": "As an AI, I cannot review code. No issues.\n",
}


@pytest.mark.parametrize("name", sorted(NOT_A_REVIEW))
def test_an_error_or_refusal_saying_no_findings_is_no_review(tmp_path: Path, name: str) -> None:
    res, out, _ = _review(tmp_path, {"alpha": NOT_A_REVIEW[name]}, "--fail-on", "important")
    assert res.returncode == 3, (res.stdout, res.stderr)
    assert out["seats"][0]["status"] == "failed"
    assert out["seats"][0]["reason"] == "unparseable review"
    md = Path(out["paths"]["md"]).read_text()
    first = NOT_A_REVIEW[name].strip()[:20]
    assert "Seat Alpha failed: unparseable review (it said: “" + first in md, md


CLEAN_SHORT = {
    "no-issues": "No issues found.\n",
    "lgtm": "LGTM\n",
    "did-not-find": "I reviewed `calc.py` and `util/strings.py` and did not find any issues.\n",
    "sections": NO_FINDINGS,
    # an error the seat ran into and worked around is no failed review
    "tests-failed-to-run": (
        "No issues found. I could not run the tests (permission denied), so I read them.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(CLEAN_SHORT))
def test_a_genuine_short_clean_review_stays_a_review(tmp_path: Path, name: str) -> None:
    res, out, report = _review(tmp_path, {"alpha": CLEAN_SHORT[name]}, "--fail-on", "important")
    assert out["seats"][0]["status"] == "ok", out["seats"]
    assert report["header"]["verdict"]["label"] == "Merge as-is"
    assert res.returncode == 0, res.stderr


def test_a_later_pass_that_is_an_error_saying_no_findings_fails(tmp_path: Path) -> None:
    first = tmp_path / "pass1.md"
    first.write_text(
        "## Findings\n\n### Critical Issues\n\n1. **`sub` is inverted** — `calc.py:5`: returns "
        "a - b.\n\n### Important Issues\n\nNone.\n\n### Suggestions\n\nNone.\n",
        encoding="utf-8",
    )
    second = tmp_path / "pass2.md"
    second.write_text(NOT_A_REVIEW["quota"], encoding="utf-8")
    script = (
        f"p=$(cat); if printf '%s' \"$p\" | grep -q '## Pass 2'; "
        f"then cat '{second}'; else cat '{first}'; fi"
    )
    (tmp_path / "user-config.toml").write_text(
        f"[seats.alpha]\nargv = {json.dumps(['sh', '-c', script])}\n", encoding="utf-8"
    )
    repo = make_repo(tmp_path)
    res = run_cli(
        ["review", "--agents", "alpha", "--lead", "none", "--passes", "2", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    out = res.json()
    state = json.loads((Path(out["paths"]["json"]).with_suffix("") / "run.json").read_text())
    entry = state["seats"]["alpha"]
    assert [(e["pass_no"], e["status"]) for e in entry["passes"]] == [(1, "ok"), (2, "failed")]
    assert entry["run"]["reason"] == "pass 2 failed: unparseable review (pass 1 kept)"
    md = Path(out["paths"]["md"]).read_text()
    assert "pass 2: 0C 0I 0S" not in md


# --- #1 --------------------------------------------------------------------------------------

CLEAN_OPENER_THEN_PROBLEMS = {
    "no-issues-numbered": (
        "No issues found.\n\n"
        "1. `calc.py:5` — `sub` does not validate its inputs; passing strings raises TypeError.\n"
        "2. `util/strings.py:2` — `shout(None)` crashes with AttributeError.\n"
    ),
    "lgtm-bullets": (
        "LGTM overall, a few notes:\n\n"
        '- `calc.py:5` — `sub` does not handle strings; `sub("a","b")` raises TypeError.\n'
        "- `util/strings.py:2` — `shout(None)` raises AttributeError.\n"
    ),
    "no-major": (
        "No major issues found; a few minor notes:\n\n"
        '- `calc.py:5` — `sub` does not handle strings; `sub("a","b")` raises TypeError.\n'
        "- `util/strings.py:2` — `shout(None)` raises AttributeError.\n"
    ),
    "overall-lgtm": (
        "Overall LGTM.\n\n"
        '- `calc.py:5` — `sub` does not handle strings; `sub("a","b")` raises TypeError.\n'
        "- `util/strings.py:2` — `shout(None)` raises AttributeError.\n"
    ),
    "no-blocking": (
        "No blocking issues. Minor points:\n\n"
        '- `calc.py:5` — `sub` does not handle strings; `sub("a","b")` raises TypeError.\n'
        "- `util/strings.py:2` — `shout(None)` raises AttributeError.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(CLEAN_OPENER_THEN_PROBLEMS))
def test_placed_problems_after_a_clean_opener_are_findings(tmp_path: Path, name: str) -> None:
    res, out, report = _review(
        tmp_path, {"alpha": CLEAN_OPENER_THEN_PROBLEMS[name]}, "--fail-on", "important"
    )
    assert out["seats"][0]["status"] == "ok", out["seats"]
    places = [(f["locations"][0]["path"], f["locations"][0]["start"]) for f in report["findings"]]
    assert places == [("calc.py", 5), ("util/strings.py", 2)]
    # no level of their own: taken as important, as any finding without one (and said so)
    assert {f["severity"] for f in report["findings"]} == {"important"}
    assert report["header"]["verdict"]["label"] != "Merge as-is"
    assert "no issues found" not in report["header"]["verdict"]["reason"]
    assert res.returncode == 4, res.stderr
    md = Path(out["paths"]["md"]).read_text()
    assert "Alpha gave no severity for 2 findings of its own" in md, md


def test_a_change_list_after_lgtm_is_no_finding(tmp_path: Path) -> None:
    """Places listed with what the change does there name no problem: still a clean review."""
    text = (
        "LGTM. The change:\n\n- `calc.py:5` — adds `sub`.\n"
        "- `util/strings.py:2` — adds `shout`, which upper-cases its argument.\n"
    )
    res, _, report = _review(tmp_path, {"alpha": text}, "--fail-on", "important")
    assert report["findings"] == []
    assert report["header"]["verdict"]["label"] == "Merge as-is"
    assert res.returncode == 0, res.stderr


# --- #17 -------------------------------------------------------------------------------------

SECTIONS_NONE = (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
    "### Suggestions\n\nNone.\n"
)
NOT_REVIEWED_TABLE = (
    "\n## Coverage Summary\n\n| File | Status |\n|------|--------|\n"
    "| `calc.py` | Not reviewed |\n| `util/strings.py` | Not reviewed |\n"
)
GAVE_UP = {
    "turns-and-table": (
        "## Executive Summary\n\nI ran out of turns before finishing the review.\n\n"
        + SECTIONS_NONE
        + NOT_REVIEWED_TABLE
    ),
    "turns": (
        "## Executive Summary\n\nI ran out of turns before finishing the review.\n\n"
        + SECTIONS_NONE
    ),
    "context": (
        "## Executive Summary\n\nI ran out of context partway through.\n\n" + SECTIONS_NONE
    ),
    "all-skipped": (
        SECTIONS_NONE + "\n## Coverage Summary\n\n| File | Status |\n|------|--------|\n"
        "| `calc.py` | Skipped — could not open the file |\n"
        "| `util/strings.py` | Skipped — could not open the file |\n"
    ),
    "all-not-reviewed": SECTIONS_NONE + NOT_REVIEWED_TABLE,
}


@pytest.mark.parametrize("name", sorted(GAVE_UP))
def test_a_seat_that_says_it_did_not_finish_is_an_unfinished_review(
    tmp_path: Path, name: str
) -> None:
    res, out, _ = _review(tmp_path, {"alpha": GAVE_UP[name]}, "--fail-on", "important")
    assert res.returncode == 3, (res.stdout, res.stderr)
    assert out["seats"][0]["status"] == "failed"
    assert out["seats"][0]["reason"] == "unfinished review"


def test_a_seat_that_ran_out_of_turns_keeps_its_findings_cut_off(tmp_path: Path) -> None:
    text = (
        "## Executive Summary\n\nI ran out of turns before finishing the review.\n\n"
        "## Findings\n\n### Critical Issues\n\n1. **`sub` is inverted** — `calc.py:5`: wrong "
        "sign.\n\n### Important Issues\n\nNone.\n\n### Suggestions\n\nNone.\n"
    )
    res, out, report = _review(tmp_path, {"alpha": text, "bravo": NO_FINDINGS})
    assert out["seats"][0]["status"] == "ok"
    assert [f["id"] for f in report["findings"]] == ["C1"]
    assert report["header"]["verdict"]["reason"].endswith("Alpha's review is cut off")
    assert res.returncode == 0, res.stderr  # (no --fail-on)


def test_a_limitation_or_some_files_not_reviewed_is_no_unfinished_review(tmp_path: Path) -> None:
    text = (
        "## Executive Summary\n\nBoth helpers are fine.\n\n"
        + SECTIONS_NONE
        + "\n## Acknowledged Limitations\n\nI ran out of time to run the integration tests.\n"
        "\n## Coverage Summary\n\n| File | Status |\n|------|--------|\n"
        "| `calc.py` | Reviewed, no issues |\n| `util/strings.py` | Not reviewed (trivial) |\n"
    )
    res, out, report = _review(tmp_path, {"alpha": text}, "--fail-on", "important")
    assert out["seats"][0]["status"] == "ok", out["seats"]
    assert report["header"]["verdict"]["label"] == "Merge as-is"
    assert res.returncode == 0, res.stderr


# --- #3 --------------------------------------------------------------------------------------

CUT_AFTER_HEADING = {
    "important": (
        "## Executive Summary\n\nI found two important problems in `sub`.\n\n## Findings\n\n"
        "### Critical Issues\n\nNone.\n\n### Important Issues\n\n"
    ),
    "findings": "## Executive Summary\n\nThe change adds `sub` and `shout`.\n\n## Findings\n",
}


@pytest.mark.parametrize("name", sorted(CUT_AFTER_HEADING))
def test_a_review_cut_after_an_empty_findings_heading_is_cut_off(tmp_path: Path, name: str) -> None:
    res, out, report = _review(
        tmp_path, {"alpha": CUT_AFTER_HEADING[name]}, "--fail-on", "important"
    )
    if out["seats"][0]["status"] == "failed":
        assert out["seats"][0]["reason"] == "unfinished review"
        assert res.returncode == 3, res.stderr
        return
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Unverified", verdict
    assert verdict["reason"].endswith("Alpha's review is cut off"), verdict
    assert res.returncode == 4, res.stderr


def test_parse_says_where_a_review_cut_after_a_heading_stopped(tmp_path: Path) -> None:
    path = tmp_path / "cut.md"
    path.write_text(CUT_AFTER_HEADING["important"], encoding="utf-8")
    res = run_cli(["parse", str(path)], cwd=tmp_path, env=cli_env(tmp_path))
    warnings = json.loads(res.stdout)["warnings"]
    assert any("cut off" in w and "Important Issues" in w for w in warnings), warnings
