"""Trial 47a through the real `deep-review review`: findings written as free-form lists are read
as findings, never dropped in favour of a clean verdict.

- #1 a numbered list of `file:line — problem. Severity: important.` items, one of them led by
  `Minor:`: every item is a finding with its own level, and the paragraphs after the list are
  not the last item's text.
- #7 a fix written as the last sentence of the finding's paragraph (`… forever. Fix: x.`) is
  the finding's fix: an analyzer's generic advice merged into it does not replace it.
- #16 "No issues found." followed by `file:line — problem` items whose problems are not told
  with crash words ("silently untaxed", "can return a negative total") is still findings.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.printing_seats import review_printed
from support.repos import cli_env, make_repo, run_cli

# --- #1 --------------------------------------------------------------------------------------

SEVERITY_SENTENCES = (
    "I looked at the diff and ran the existing tests.\n\n"
    "Overall this is a reasonable change but there are two things I'd fix before merging.\n\n"
    "1. `calc.py:5` — `sub` accepts anything, so a string argument produces a string. This "
    "should be an error. Severity: important.\n\n"
    "2. `util/strings.py:2` — `shout` upper-cases `None` into a crash; a caller passing `None` "
    "gets no message. Severity: important.\n\n"
    "3. Minor: `sub` has no docstring, so its order of operands is unclear. "
    "Severity: suggestion.\n\n"
    "Tests: the existing test passes. The path is covered by `tests/test_calc.py`, so I have "
    "no testing concerns.\n\n"
    "Docs look fine.\n"
)


def test_items_with_a_closing_severity_sentence_are_all_findings(tmp_path: Path) -> None:
    res, out, report = _review(tmp_path, SEVERITY_SENTENCES)
    assert out["seats"][0]["status"] == "ok", out["seats"]
    got = [
        (f["severity"], [(loc["path"], loc["start"]) for loc in f["locations"]])
        for f in report["findings"]
    ]
    assert got == [
        ("important", [("calc.py", 5)]),
        ("important", [("util/strings.py", 2)]),
        ("suggestion", []),
    ]
    titles = [f["title"] for f in report["findings"]]
    assert not any("Severity" in t for t in titles), titles
    # the words after the list are the review's, not the suggestion's text
    assert "Docs look fine" not in report["findings"][2]["body"]
    assert "tests/test_calc.py" not in report["findings"][2]["body"]
    assert report["header"]["verdict"]["label"] != "Merge as-is"
    assert res.returncode == 4, res.stderr


MIXED_LISTS = {
    "numbered": (
        "I read the diff.\n\n"
        "1. `calc.py:5` — `sub` returns a string for string input. Severity: important.\n\n"
        "2. `util/strings.py:2` — `shout(None)` crashes with AttributeError.\n\n"
        "3. Minor: `sub` has no docstring. Severity: suggestion.\n"
    ),
    "bullets": (
        "I read the diff.\n\n"
        "- **Important:** `calc.py:5` — `sub` returns a string for string input.\n"
        "- `util/strings.py:2` — `shout(None)` crashes with AttributeError.\n"
        "- **Nit:** `sub` has no docstring.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(MIXED_LISTS))
def test_a_place_led_item_without_a_level_is_no_part_of_the_item_before(
    tmp_path: Path, name: str
) -> None:
    """Items with a level and a place-led problem without one, in one list: each is a finding
    (the one without a level is taken as important), none is the text of the one before."""
    res, out, report = _review(tmp_path, MIXED_LISTS[name])
    assert out["seats"][0]["status"] == "ok", out["seats"]
    got = [
        (f["severity"], [(loc["path"], loc["start"]) for loc in f["locations"]])
        for f in report["findings"]
    ]
    assert got == [
        ("important", [("calc.py", 5)]),
        ("important", [("util/strings.py", 2)]),
        ("suggestion", []),
    ]
    assert "shout" not in report["findings"][0]["body"]
    assert res.returncode == 4, res.stderr


def test_parse_reads_the_closing_severity_sentence(tmp_path: Path) -> None:
    parsed = _parse(tmp_path, SEVERITY_SENTENCES)
    assert [f["severity"] for f in parsed["findings"]] == ["important", "important", "suggestion"]
    assert "1. `calc.py:5`" not in parsed["preamble"]
    assert parsed["findings"][0]["title"].endswith("This should be an error")


# --- #16 -------------------------------------------------------------------------------------

QUIET_PROBLEMS = {
    "silently": (
        "No issues found.\n\n"
        "1. `calc.py:5` — strings are silently concatenated instead of subtracted.\n"
        "2. `util/strings.py:2` — `shout` can return a negative length for empty input.\n"
    ),
    "neutral-opener": (
        "I looked at the diff.\n\n"
        "1. `calc.py:5` — unknown inputs are silently accepted.\n"
        "2. `util/strings.py:2` — the result can go negative.\n"
    ),
    "divides-by-zero": (
        "A few notes:\n\n"
        "1. `calc.py:5` — `div` divides by zero when `b` is 0\n"
        "2. `util/strings.py:2` — `shout` loses the last character\n"
    ),
}


@pytest.mark.parametrize("name", sorted(QUIET_PROBLEMS))
def test_placed_problems_in_plain_words_are_findings(tmp_path: Path, name: str) -> None:
    res, out, report = _review(tmp_path, QUIET_PROBLEMS[name])
    assert out["seats"][0]["status"] == "ok", out["seats"]
    places = [(f["locations"][0]["path"], f["locations"][0]["start"]) for f in report["findings"]]
    assert places == [("calc.py", 5), ("util/strings.py", 2)]
    assert {f["severity"] for f in report["findings"]} == {"important"}
    assert report["header"]["verdict"]["label"] != "Merge as-is"
    assert res.returncode == 4, res.stderr


def test_a_change_list_naming_numbers_is_still_no_finding(tmp_path: Path) -> None:
    """The quiet-fault words are faults, not any mention of what they name."""
    text = (
        "LGTM. The change:\n\n- `calc.py:5` — adds `sub`, which accepts negative numbers.\n"
        "- `util/strings.py:2` — adds `shout`, guarding against division by zero.\n"
    )
    res, _, report = _review(tmp_path, text)
    assert report["findings"] == []
    assert report["header"]["verdict"]["label"] == "Merge as-is"
    assert res.returncode == 0, res.stderr


def _review(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    return review_printed(tmp_path, {"alpha": text}, "--fail-on", "important")


def _parse(tmp_path: Path, text: str) -> dict:  # type: ignore[type-arg]
    path = tmp_path / "review.md"
    path.write_text(text, encoding="utf-8")
    res = run_cli(["parse", str(path)], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)  # type: ignore[no-any-return]


# --- #7 --------------------------------------------------------------------------------------

INLINE_FIX = (
    "## Executive Summary\n\nAdds `sub`.\n\n## Findings\n\n### Critical Issues\n\nNone.\n\n"
    "### Important Issues\n\n"
    "I1. **`sub` accepts strings** — `calc.py:5` (important, regression)\n\n"
    "A string argument produces a string instead of an error. Fix: check the types first.\n\n"
    "### Suggestions\n\nNone.\n"
)
# an analyzer's finding at the same place, with less to say: generic advice as its fix
ANALYZER = (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\n"
    "I1. **`sub` accepts strings without a type check** — `calc.py:5` (important, gap)\n\n"
    "Rule T100.\n\n"
    "Fix: Change the code so the rule no longer applies.\n\n### Suggestions\n\nNone.\n"
)


def test_a_fix_in_the_findings_paragraph_is_its_fix(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_repo(tmp_path)
    (tmp_path / "claude.md").write_text(INLINE_FIX, encoding="utf-8")
    (tmp_path / "lint.md").write_text(ANALYZER, encoding="utf-8")
    fakes.agent("claude", {"review_file": str(tmp_path / "claude.md")})
    lint = ["sh", "-c", f"cat >/dev/null; cat '{tmp_path / 'lint.md'}'"]
    fakes.write_config({"lint": {"argv": lint}})
    res = fakes.review(repo, "--agents", "claude,lint", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    out = res.json()
    report = json.loads(Path(out["paths"]["json"]).read_text())
    [finding] = report["findings"]
    assert finding["fix"].startswith("check the types first"), finding
    assert "Fix:" not in finding["body"], finding
    md = Path(out["paths"]["md"]).read_text()
    assert "rule no longer applies" not in md.split("## Agent", 1)[0]
    assert "A string argument produces a string instead of an error." in md


def test_parse_reads_a_fix_after_a_full_stop_only(tmp_path: Path) -> None:
    parsed = _parse(tmp_path, INLINE_FIX.replace("error. Fix:", "error (see `Fix:` in git log):"))
    [finding] = parsed["findings"]
    assert finding["fix"] == ""
    parsed = _parse(tmp_path, INLINE_FIX)
    [finding] = parsed["findings"]
    assert (finding["body"], finding["fix"]) == (
        "A string argument produces a string instead of an error.",
        "check the types first.",
    )


def test_parse_reads_a_fix_on_the_findings_own_line(tmp_path: Path) -> None:
    text = (
        "## Findings\n\n### Important Issues\n\n"
        "I1. **No timeout** — `calc.py:5` (important): a hung call blocks forever. "
        "Fix: pass `timeout=10`.\n\n### Suggestions\n\n"
        "- `calc.py:2` — the name `a` is vague. Fix: rename it to `total`.\n"
    )
    got = [(f["title"], f["body"], f["fix"]) for f in _parse(tmp_path, text)["findings"]]
    assert got == [
        ("No timeout", "a hung call blocks forever.", "pass `timeout=10`"),
        ("the name `a` is vague", "", "rename it to `total`"),
    ]
