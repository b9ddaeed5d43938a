"""Trial 53 through the real `deep-review review`: a seat's output that only looks like a
clean review is never approval.

- #1 a review cut off inside its last findings-table row, or inside the tag of its last
  finding's heading, is cut off (the verdict says so; "Merge as-is" becomes Unverified).
- #2 an API or transport error that closes with "No issues found." is no review; a review
  whose summary says the seat reviewed nothing is an unfinished one.
- #8 a Coverage Summary row saying the seat ran out of turns before a file is an unfinished
  review, not "no issues found".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.printing_seats import review_printed

_review = review_printed

# --- #1 --------------------------------------------------------------------------------------

_TABLE_HEAD = (
    "## Executive Summary\n\nSmall helper additions.\n\n## Findings\n\n"
    "| ID | Severity | Location | Issue |\n|----|----------|----------|-------|\n"
    "| S1 | Suggestion | `calc.py:5` | Prefer a clearer name for `sub` |\n"
    "| S2 | Suggestion | `util/strings.py:2` | `shout` lacks a docstring |\n"
)
CUT_INSIDE = {
    "table-row-at-its-level": _TABLE_HEAD + "| I1 | Impor\n",
    "table-row-in-its-text": _TABLE_HEAD
    + "| I1 | Important | `calc.py:5` | `sub` raises TypeError on str",
    "heading-tag": (
        "## Executive Summary\n\nAdds sub and shout.\n\n## Findings\n\n### Critical Issues\n\n"
        "None.\n\n### Important Issues\n\nNone.\n\n### Suggestions\n\n"
        "S1. **Prefer a clearer name** — `calc.py:5` (suggestion, naming)\n\n"
        "The name `sub` reads as a submarine.\n\n"
        "S2. **Name the argument** — `util/strings.py:2` (sugg"
    ),
}


@pytest.mark.parametrize("name", sorted(CUT_INSIDE))
def test_a_review_cut_inside_its_last_finding_is_cut_off(tmp_path: Path, name: str) -> None:
    res, out, report = _review(tmp_path, {"alpha": CUT_INSIDE[name]}, "--fail-on", "important")
    assert out["seats"][0]["status"] == "ok", out["seats"]
    verdict = report["header"]["verdict"]
    assert verdict["label"] != "Merge as-is", verdict
    assert "Alpha's review is cut off" in verdict["reason"], verdict
    assert res.returncode == 4, res.stderr


def test_a_whole_findings_table_is_not_cut_off(tmp_path: Path) -> None:
    res, _, report = _review(tmp_path, {"alpha": _TABLE_HEAD}, "--fail-on", "important")
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge as-is", verdict
    assert "cut off" not in verdict["reason"]
    assert res.returncode == 0, res.stderr


def test_a_whole_last_row_missing_only_its_closing_pipe_is_not_cut_off(tmp_path: Path) -> None:
    text = _TABLE_HEAD + "| S3 | Suggestion | `calc.py:9` | `add` could use `sum` instead.\n"
    res, _, report = _review(tmp_path, {"alpha": text}, "--fail-on", "important")
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge as-is", verdict
    assert "cut off" not in verdict["reason"]
    assert res.returncode == 0, res.stderr


# --- #2 --------------------------------------------------------------------------------------

ERROR_THEN_CLEAN = {
    "error-status": "Error 401: Unauthorized\nNo findings.\n",
    "http-status-line": "HTTP 429 Too Many Requests\nNo issues found.\n",
    "bare-status-line": "401 Unauthorized\n\nNo issues found.\n",
    "status-code": "Request failed with status code 429\nNo findings.\n",
    "connection": "connect ECONNREFUSED 127.0.0.1:8080\nNo issues found.\n",
    "api-key": "Invalid API key. Please run /login\nNo issues found.\n",
    "auth": "Authentication failed.\nNo issues found.\n",
    "overloaded": "The model is currently overloaded. No issues found.\n",
}


@pytest.mark.parametrize("name", sorted(ERROR_THEN_CLEAN))
def test_an_api_error_closing_with_no_issues_is_no_review(tmp_path: Path, name: str) -> None:
    res, out, _ = _review(tmp_path, {"alpha": ERROR_THEN_CLEAN[name]}, "--fail-on", "important")
    assert (out["seats"][0]["status"], out["seats"][0]["reason"]) == (
        "failed",
        "unparseable review",
    )
    assert res.returncode == 3, (res.stdout, res.stderr)


_NONE_SECTIONS = (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
    "### Suggestions\n\nNone.\n"
)
REVIEWED_NOTHING = {
    "no-access": (
        "## Executive Summary\n\nI could not access the repository (permission denied), so I "
        "reviewed nothing.\n\n" + _NONE_SECTIONS
    ),
    "empty-diff": (
        "## Executive Summary\n\nThe diff was empty when I ran `git diff`, so there was nothing "
        "to review.\n\n## Findings\n\nNo issues found.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(REVIEWED_NOTHING))
def test_a_review_that_says_it_reviewed_nothing_is_unfinished(tmp_path: Path, name: str) -> None:
    res, out, _ = _review(tmp_path, {"alpha": REVIEWED_NOTHING[name]}, "--fail-on", "important")
    assert (out["seats"][0]["status"], out["seats"][0]["reason"]) == (
        "failed",
        "unfinished review",
    )
    assert res.returncode == 3, (res.stdout, res.stderr)


STILL_CLEAN = {
    # a status code or an unreachable service in the code under review is no error of the seat
    "status-in-code": (
        "## Executive Summary\n\n`shout` returns 429 Too Many Requests to callers unchanged; "
        "that is the intent.\n\n" + _NONE_SECTIONS
    ),
    "overloaded-function": "`sub` is overloaded for strings by design. No issues found.\n",
    # an error word that opens a sentence about the code is no error line
    "forbidden-characters": "Forbidden characters in `shout` are escaped now. No issues found.\n",
    "unauthorized-callers": "Unauthorized callers now get a 403 from `sub`. No issues found.\n",
    "nothing-in-a-file": (
        "## Executive Summary\n\nI reviewed `calc.py` and `util/strings.py`; the lock file had "
        "nothing worth a comment.\n\n" + _NONE_SECTIONS
    ),
    # a part of the change (or of its context) the seat could not see is no review left undone
    "missed-one-part": (
        "## Executive Summary\n\nI could not access the PR description, so I read the commits; "
        "I could not access the repository's CI logs either. The lock file is generated, so "
        "there is nothing to review there. I reviewed nothing beyond the diff.\n\n" + _NONE_SECTIONS
    ),
    # a transport error, a refused key or an overloaded service the code handles is no error
    # of the seat: only as a line's first words is it the seat's own error
    "handles-a-connection-error": (
        "`sub` now retries on ECONNRESET, twice, with a pause between tries. No issues found.\n"
    ),
    "rejects-a-bad-key": "`shout` now answers 401 for an invalid API key. No issues found.\n",
    "retries-a-failed-status": (
        "When the upstream call failed with status code 503, `sub` used to crash; now it "
        "retries. No issues found.\n"
    ),
    "reports-an-overloaded-service": (
        "`shout` says when the service is temporarily overloaded instead of hanging. "
        "No issues found.\n"
    ),
    # an error the code threw before the change is no error of the seat's run
    "threw-before-the-fix": (
        "Before this change `sub` threw an error on an empty list; it now returns 0. LGTM, no "
        "issues found.\n"
    ),
    "raised-before-the-fix": (
        "`shout` raised a type error on None and now returns an empty string. No issues found.\n"
    ),
    "handles-rate-limit-responses": (
        "Rate limit exceeded responses from the upstream API now reach the user of `sub` as a "
        "short message instead of a traceback. No issues found.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(STILL_CLEAN))
def test_a_clean_review_that_mentions_errors_stays_clean(tmp_path: Path, name: str) -> None:
    res, out, report = _review(tmp_path, {"alpha": STILL_CLEAN[name]}, "--fail-on", "important")
    assert out["seats"][0]["status"] == "ok", out["seats"]
    assert report["header"]["verdict"]["label"] == "Merge as-is"
    assert res.returncode == 0, res.stderr


# --- #8 --------------------------------------------------------------------------------------

_COVERAGE = (
    "\n## Coverage Summary\n\n| File | Status |\n|---|---|\n| `calc.py` | Reviewed, no issues |\n"
)
RAN_OUT_ON_A_FILE = (
    "## Executive Summary\n\nLooks fine.\n\n"
    + _NONE_SECTIONS
    + _COVERAGE
    + "| `util/strings.py` | Not reviewed — I ran out of turns before reaching it |\n"
)


def test_a_coverage_row_that_ran_out_of_turns_is_an_unfinished_review(tmp_path: Path) -> None:
    res, out, _ = _review(tmp_path, {"alpha": RAN_OUT_ON_A_FILE}, "--fail-on", "important")
    assert (out["seats"][0]["status"], out["seats"][0]["reason"]) == (
        "failed",
        "unfinished review",
    )
    assert res.returncode == 3, (res.stdout, res.stderr)


def test_a_coverage_row_that_ran_out_of_turns_cuts_off_a_review_with_findings(
    tmp_path: Path,
) -> None:
    text = RAN_OUT_ON_A_FILE.replace(
        "### Suggestions\n\nNone.\n",
        "### Suggestions\n\nS1. **Prefer a clearer name** — `calc.py:5` (suggestion, naming)\n\n"
        "The name `sub` reads as a submarine.\n",
    )
    res, out, report = _review(tmp_path, {"alpha": text}, "--fail-on", "important")
    assert out["seats"][0]["status"] == "ok", out["seats"]
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Unverified", verdict
    assert verdict["reason"].endswith("Alpha's review is cut off"), verdict
    assert res.returncode == 4, res.stderr


def test_a_file_not_reviewed_for_what_it_is_stays_a_clean_review(tmp_path: Path) -> None:
    text = (
        "## Executive Summary\n\nLooks fine.\n\n"
        + _NONE_SECTIONS
        + _COVERAGE
        + "| `util/strings.py` | Not reviewed (trivial) |\n"
    )
    res, _, report = _review(tmp_path, {"alpha": text}, "--fail-on", "important")
    assert report["header"]["verdict"]["label"] == "Merge as-is"
    assert res.returncode == 0, res.stderr
