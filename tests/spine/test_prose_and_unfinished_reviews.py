"""Trial 28 through the real `deep-review review`: a review whose words contradict its empty
findings, or that stops before it is done, is never read as approval.

- A *qualified* "no issues" ("no blocking issues found", "Otherwise, no issues found") does not
  make problems named at `file:line` in prose go away: they are unread findings text.
- Severity sections that all say "None" while the summary or another section names problems at
  places: the findings text could not be read.
- A review that stops mid-work (cut off mid-sentence, or announcing work it never did) fails as
  "unfinished review" when nothing in it is usable, else keeps its findings with the verdict
  saying the review is cut off (never "Merge as-is").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.printing_seats import NO_FINDINGS, printing_seats, review_printed
from support.repos import cli_env, commit_all, make_repo, run_cli, write

SEVERITIES_NONE = (
    "## Critical Issues\n\nNone.\n\n## Important Issues\n\nNone.\n\n## Suggestions\n\nNone.\n"
)


_review = review_printed


QUALIFIED = {
    # (the places in the paragraph's second sentence: a paragraph of its own led by its place
    # is a finding since fp65)
    "otherwise": (
        "Reviewed both files. Two things: `calc.py:2` — `add` is broken: it returns `a - b`;\n"
        "`util/strings.py:1` — hard-coded API key, this is a security bug.\n\n"
        "Otherwise, no issues found.\n"
    ),
    "no-blocking": (
        "Looks good overall, no blocking issues found. The only concern: `add` at `calc.py:2` "
        "is broken, it subtracts.\n"
    ),
    "no-major": "No major issues. One thing: `sub` at `calc.py:5` is broken for negatives.\n",
}


@pytest.mark.parametrize("name", sorted(QUALIFIED))
def test_a_qualified_no_issues_does_not_hide_problems_named_in_prose(
    tmp_path: Path, name: str
) -> None:
    res, _, report = _review(tmp_path, {"alpha": QUALIFIED[name]}, "--fail-on", "important")
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Unverified", verdict
    assert "Alpha's findings could not be read" in verdict["reason"]
    assert res.returncode == 4, res.stderr


CONTRADICTED = {
    "summary": (
        "## Executive Summary\n\nThe change breaks `add` at `calc.py:2` — it now subtracts — and "
        "commits a live API key at `util/strings.py:1`. Both must be fixed before merge.\n\n"
        + SEVERITIES_NONE
    ),
    "observations": (
        "## Critical Issues\n\nNone.\n\n## Important Issues\n\nNone.\n\n## Observations\n\n"
        "1. **`add` now subtracts** — `calc.py:2`. This is a bug that breaks every caller.\n"
        "2. **API key committed** — `util/strings.py:1`.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(CONTRADICTED))
def test_empty_severity_sections_under_problems_named_elsewhere_are_unverified(
    tmp_path: Path, name: str
) -> None:
    res, _, report = _review(tmp_path, {"alpha": CONTRADICTED[name]}, "--fail-on", "important")
    assert report["header"]["verdict"]["label"] == "Unverified", report["header"]["verdict"]
    assert res.returncode == 4, res.stderr


NOT_CONTRADICTED = {
    "fixed": (
        "## Executive Summary\n\nRound 2. The bug at `calc.py:2` reported last round is now "
        "fixed: `add` returns `a + b` again.\n\n" + SEVERITIES_NONE
    ),
    "pre-existing": (
        "## Executive Summary\n\nThe change is fine. Note: `util/strings.py:1` has a "
        "pre-existing problem with unicode input, not introduced by this change.\n\n"
        + SEVERITIES_NONE
    ),
}


@pytest.mark.parametrize("name", sorted(NOT_CONTRADICTED))
def test_fixed_or_pre_existing_problems_are_no_false_alarm(tmp_path: Path, name: str) -> None:
    res, _, report = _review(tmp_path, {"alpha": NOT_CONTRADICTED[name]}, "--fail-on", "important")
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]
    assert res.returncode == 0, res.stderr


UNFINISHED_NOTHING_USABLE = {
    "cut-mid-word": (
        "## Executive Summary\n\nThe change looks fine so far. Let me now check `calc.py` and "
        "the tests for `sub` to make sure th"
    ),
    "did-not-get-to": (
        "## Executive Summary\n\nLooks good so far. I still need to check `calc.py`, which I "
        "did not get to.\n"
    ),
    "let-me-check": "Nothing wrong in `util/strings.py` so far.\n\nLet me now check `calc.py`.\n",
}


@pytest.mark.parametrize("name", sorted(UNFINISHED_NOTHING_USABLE))
def test_an_unfinished_review_with_nothing_usable_fails_the_seat(tmp_path: Path, name: str) -> None:
    res, out, _ = _review(tmp_path, {"alpha": UNFINISHED_NOTHING_USABLE[name]})
    assert res.returncode == 3, (res.stdout, res.stderr)
    assert out["seats"][0]["status"] == "failed"
    assert out["seats"][0]["reason"] == "unfinished review"
    run = json.loads((Path(out["paths"]["json"]).with_suffix("") / "run.json").read_text())
    assert run["seats"]["alpha"]["run"]["reason"] == "unfinished review"
    # the report's note quotes where it stopped
    md = Path(out["paths"]["md"]).read_text()
    assert "Seat Alpha failed: unfinished review (it ended: “" in md


def test_a_cut_off_review_keeps_its_findings_and_is_no_approval(tmp_path: Path) -> None:
    cut = (
        "## Executive Summary\n\nI have read `util/strings.py` so far; `calc.py` is next.\n\n"
        "## Critical Issues\n\nNone.\n\n## Important Issues\n\nNone.\n\n## Suggestions\n\n"
        "1. **Rename `shout`** — `util/strings.py:1`. The name is generic and could be "
        "confused with the"
    )
    res, out, report = _review(
        tmp_path, {"alpha": cut, "bravo": NO_FINDINGS}, "--fail-on", "important"
    )
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Unverified", verdict
    assert "Alpha's review is cut off" in verdict["reason"]
    assert [f["id"] for f in report["findings"]] == ["S1"]
    assert out["verdict"] == "Unverified"
    assert res.returncode == 4, res.stderr
    assert "Alpha's review is cut off" in res.stderr
    md = Path(out["paths"]["md"]).read_text()
    assert "Alpha's review is cut off" in md


CUT_WITH_FINDINGS = {
    # the output stopped inside the fix's diff: its code block never closes
    "open-fence": (
        "## Important Issues\n\n- **I1** `calc.py:2` — `add` subtracts its arguments.\n\n"
        "```diff\n-    return a - b\n+    return a +"
    ),
    # the last finding item stops after an ordinary word
    "item-word": (
        "## Important Issues\n\n- **I1** `calc.py:2` — `add` subtracts its arguments.\n"
        "- **I2** `calc.py:5` — `sub` drops the sign of negative\n"
    ),
    # a lone finding, nothing after it, whose sentence stops after an ordinary word
    "lone-item-word": (
        "## Important Issues\n\n- **I1** `calc.py:2` — `add` subtracts its arguments, which "
        "means the caller will\n"
    ),
}


@pytest.mark.parametrize("name", sorted(CUT_WITH_FINDINGS))
def test_a_review_cut_in_code_or_in_a_finding_item_is_no_approval(
    tmp_path: Path, name: str
) -> None:
    res, out, report = _review(
        tmp_path, {"alpha": CUT_WITH_FINDINGS[name], "bravo": NO_FINDINGS}, "--fail-on", "critical"
    )
    assert out["seats"][0]["status"] == "ok"
    verdict = report["header"]["verdict"]
    assert verdict["reason"].endswith("Alpha's review is cut off"), verdict
    assert report["findings"][0]["id"] == "I1"
    assert "Alpha's review is cut off" in Path(out["paths"]["md"]).read_text()
    assert res.returncode == 4, res.stderr


def test_a_cut_off_review_that_said_none_is_kept_but_no_approval(tmp_path: Path) -> None:
    """Severity sections laid out ("None.") are something to keep: the seat did not fail, but
    where it stopped (mid-sentence, in its design notes) leaves the verdict unverified."""
    cut = NO_FINDINGS + "\n## Design Observations\n\nThe two helpers could be merged into the"
    res, out, report = _review(tmp_path, {"alpha": cut}, "--fail-on", "important")
    assert out["seats"][0]["status"] == "ok"
    assert report["header"]["verdict"] == {
        "label": "Unverified",
        "reason": "no issues found; Alpha's review is cut off",
    }
    assert res.returncode == 4, res.stderr


def test_a_cut_off_review_with_a_critical_finding_says_so_in_its_reason(tmp_path: Path) -> None:
    cut = (
        "## Critical Issues\n\n1. **Hard-coded API key** — `util/strings.py:1` (critical, "
        "security)\n\nThe constant is committed to the repository and will be\n\n"
        "## Important Issues\n\n1. **`add` returns the differ"
    )
    _, _, report = _review(tmp_path, {"alpha": cut})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Rework", verdict
    assert verdict["reason"].endswith("Alpha's review is cut off")


def test_a_partial_panel_is_no_bare_merge_as_is_in_the_store_listing(tmp_path: Path) -> None:
    res, _, report = _review(
        tmp_path,
        {
            "alpha": "## Executive Summary\n\nNo issues found.\n",
            "bravo": "Error: context length exceeded (200k tokens)",
        },
    )
    assert res.returncode == 0, res.stderr
    assert report["header"]["verdict"]["label"] == "Merge as-is"
    shown = "Merge as-is (1 of 2 seats failed)"
    repo, env = tmp_path / "repo", cli_env(tmp_path)
    listed = run_cli(["list", "--json"], cwd=repo, env=env).json()["reviews"]
    assert listed[0]["verdict"] == shown
    table = run_cli(["list"], cwd=repo, env=env)
    assert "1 of 2 seats failed" in table.stdout
    page = (tmp_path / "store" / "index.html").read_text()
    assert shown in page
    assert 'class="pill v-merge-as-is"' in page


def test_consolidate_of_only_failed_reviews_exits_3(tmp_path: Path) -> None:
    failed = tmp_path / "g2_err.md"
    failed.write_text("Error: context length exceeded (200k tokens)\n", encoding="utf-8")
    res = run_cli(
        ["consolidate", str(failed), "--seat", "alpha", "--format", "json"],
        cwd=tmp_path,
        env=cli_env(tmp_path),
    )
    assert json.loads(res.stdout)["header"]["verdict"]["label"] == "Failed"
    assert res.returncode == 3, res.stderr


def test_a_review_no_model_reviewed_says_so_in_the_store_listing(tmp_path: Path) -> None:
    # The only model seat fails; the static seat flags a committed password.
    printing_seats(tmp_path, {"bravo": "Error: context length exceeded (200k tokens)"})
    repo = make_repo(tmp_path)
    write(repo, "settings.py", 'password = "Sup3rS3cretPw9"\n')
    commit_all(repo, "Settings")
    env = cli_env(tmp_path)
    res = run_cli(
        ["review", "--agents", "bravo,static", "--lead", "none", "--json"], cwd=repo, env=env
    )
    assert res.returncode == 0, res.stderr
    report = json.loads(Path(res.json()["paths"]["json"]).read_text())
    assert (
        "no model reviewed this change (static checks only)"
        in report["header"]["verdict"]["reason"]
    )
    shown = "Rework (no model reviewed this change (static checks only); 1 of 2 seats failed)"
    listed = run_cli(["list", "--json"], cwd=repo, env=env).json()["reviews"]
    assert listed[0]["verdict"] == shown
    assert shown in (tmp_path / "store" / "index.html").read_text()
