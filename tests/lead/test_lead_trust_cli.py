"""What a lead's answer may and may not do to the report, through the real `deep-review review`
with the fake `codex`, `gemini` and `claude` CLIs (tests/fakebin).

* A lead's merge without a severity never lowers the finding it merges into: each reviewer
  counts once however many of its findings the merged finding holds, so `--fail-on important`
  still fails on an important finding the lead merged a suggestion into.
* The retro writes a seat's own finding IDs as `Gemini C1` and the report's as `I1`, and two
  findings about the same function get short titles that tell them apart.
* The lead's cluster IDs (`K1`) never reach the report: its verdict, summary and testing items
  say the report's IDs, and a verdict that rests only on clusters that do not exist gives way
  to the rule's verdict, with a Reconciliation note.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.id_links import without_id_links
from support.repos import CliResult, make_repo

# make_repo's change adds `sub` (calc.py:5-6) and `shout` (util/strings.py:1-2).
CODEX = """**Findings**

- [P1] `shout` crashes on `None` — util/strings.py:2
  `shout(None)` calls `None.upper()` and raises AttributeError; guard the argument.

- [P1] README is stale — README.md:1
  The README lists the helpers but not the new one.

- [P3] Missing test for `sub` — calc.py:5-6
  Nothing calls `sub` in the tests; add `test_sub`.
"""

GEMINI = """## Executive Summary

Two helpers added; one crashes.

## Findings

### Critical Issues

C1. **`shout` crashes on `None`** — `util/strings.py:2` (critical, regression)

`return s.upper()` raises AttributeError for `None`.

### Important Issues

None.

### Suggestions

S1. **No test covers `sub`** — `calc.py:5-6` (suggestion, gap)

Add a test for `sub`.

## Coverage Summary

| File | Status |
|------|--------|
| `calc.py` | S1 |
| `util/strings.py` | C1 |
"""

NOTHING = """## Executive Summary

Nothing wrong.

## Findings

No issues found.
"""

# The clusters of CODEX + GEMINI: K1 the crash (Codex I1, Gemini C1), K2 the README
# (Codex I2), K3 the `sub` suggestions (Codex S1, Gemini S1).
DROP_README = {
    "cluster": "K2",
    "action": "drop",
    "false_positive": True,
    "reason": "README.md:1 lists no helpers at all.",
}
# The crash kept, the README claim dropped, the missing `sub` test merged into the crash.
KEEP_K1_FOLD_K3_INTO_IT = [
    {"cluster": "K1", "action": "keep", "reason": "util/strings.py:2 has no guard."},
    DROP_README,
    {
        "cluster": "K3",
        "action": "merge",
        "merge_into": "K1",
        "reason": "calc.py:5 is the same missing care for inputs as K1.",
    },
]


def _review(
    tmp_path: Path, lead: dict[str, Any], codex: str = CODEX, gemini: str = GEMINI, *args: str
) -> tuple[CliResult, str, dict[str, Any]]:
    fakes = Fakes(tmp_path)
    repo = make_repo(tmp_path)
    fakes.agent("codex", {"review": codex})
    fakes.agent("gemini", {"review": gemini})
    fakes.agent("claude", {"review": json.dumps(lead)})
    res = fakes.review(
        repo, "--agents", "codex,gemini", *args, lead="claude", env=fakes.env(agents=True)
    )
    assert res.returncode in (0, 4), res.stderr[-3000:]
    out = res.json()
    md = without_id_links(Path(out["paths"]["md"]).read_text(encoding="utf-8"))
    data = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    assert data["lead"]["status"] == "ok", data["lead"]
    return res, md, data


def _reconciliation(md: str) -> list[str]:
    block = md.split("**Reconciliation**:", 1)[1].split("\n---", 1)[0]
    return [ln[2:] for ln in block.splitlines() if ln.startswith("- ")]


def _seat_retro(md: str, seat: str) -> str:
    return md.split(f"### [{seat}]", 1)[1].split("\n### ", 1)[0]


def _row(md: str, label: str) -> str:
    return next(line for line in md.splitlines() if line.startswith(f"| {label} |"))


def test_a_merge_without_severity_keeps_the_absorbing_findings_severity(tmp_path: Path) -> None:
    lead = {
        "decisions": KEEP_K1_FOLD_K3_INTO_IT,
        "executive_summary": "K1 is the one real problem.",
        "verdict": {"label": "Rework", "reason": "fix K1 (K3 folded in)."},
    }
    res, md, data = _review(tmp_path, lead, CODEX, GEMINI, "--fail-on", "important")

    # the crash was important (Codex) and critical (Gemini): merging two suggestions into it
    # must not make it a suggestion, nor let --fail-on important pass
    (finding,) = data["findings"]
    assert (finding["id"], finding["severity"]) == ("C1", "critical")
    assert res.returncode == 4, res.stderr
    severity = [ln for ln in _reconciliation(md) if " → " in ln and "reviewers" in ln]
    # two seats reviewed: two reviewers, whatever the number of their findings merged here
    # (four votes would be critical, important and two suggestions: an important)
    assert severity == [
        "Codex I1 (important) → critical C1: 1 of 2 reviewers rated it critical (rule: the "
        "median of the reviewers' severities; an even split takes the more severe of the two "
        "middle ones; a single reviewer's severity stands)"
    ]
    assert "of 4 reviewers" not in md
    assert _row(md, "Downgraded") == "| Downgraded | 0 | 0 |"
    # the merged cluster is named by its seats' labels, not as "C1 (C1 …)" nor "C1's … into C1":
    # the sentence names the finding that absorbed it already
    assert data["header"]["verdict"]["reason"] == "fix C1 (Codex S1 + Gemini S1 folded in)."


def test_a_summary_naming_a_merged_away_cluster_says_whose_it_was(tmp_path: Path) -> None:
    """trial47a #15: "K3 folds into K1" read "C1's Codex S1 + Gemini S1 folds into C1"."""
    lead = {
        "decisions": KEEP_K1_FOLD_K3_INTO_IT,
        "executive_summary": "K1 needs a fix. K2 was a false positive and K3 folds into K1. "
        "K3 alone would be minor.",
        "verdict": {"label": "Rework", "reason": "fix K1."},
    }
    _, md, data = _review(tmp_path, lead)
    summary = data["executive_summary"]
    # where the sentence names the absorbing finding, the merged cluster is its seats' labels;
    # alone in its sentence it is still placed inside that finding
    assert (
        "C1 needs a fix. Codex I2 was a false positive and Codex S1 + Gemini S1 folds into C1. "
        "C1's Codex S1 + Gemini S1 alone would be minor."
    ) in summary, summary
    assert "C1's Codex S1 + Gemini S1 folds into C1" not in md


def test_a_lead_severity_on_the_merge_still_wins(tmp_path: Path) -> None:
    lead = {
        "decisions": [
            DROP_README,
            {
                "cluster": "K1",
                "action": "merge",
                "merge_into": "K3",
                "severity": "suggestion",
                "reason": "util/strings.py:2 is only reached with str callers.",
            },
        ],
        "executive_summary": "Minor.",
        "verdict": {"label": "Merge with fixes", "reason": "K3 is small."},
    }
    res, _, data = _review(tmp_path, lead, CODEX, GEMINI, "--fail-on", "important")
    assert [(f["id"], f["severity"]) for f in data["findings"]] == [("S1", "suggestion")]
    assert res.returncode == 0, res.stderr


def test_retro_ids_say_whose_they_are_and_short_titles_differ(tmp_path: Path) -> None:
    lead = {
        "decisions": [
            DROP_README,
            {
                "cluster": "K3",
                "action": "split",
                "split_members": ["gemini:S1"],
                "reason": "calc.py:5 the seats ask for different tests.",
            },
        ],
        "executive_summary": "K1 crashes.",
        "verdict": {"label": "Merge with fixes", "reason": "K1 crashes."},
    }
    _, md, data = _review(tmp_path, lead)
    titles = {f["id"]: f["title"] for f in data["findings"]}
    assert titles == {
        "C1": "`shout` crashes on `None`",
        "S1": "No test covers `sub`",
        "S2": "Missing test for `sub`",
    }
    # both suggestions are about `sub`: "S1 (sub)" and "S2 (sub)" would not tell them apart
    assert _row(md, "Unique insights") == (
        "| Unique insights | S2 (Missing test for `sub`) | S1 (No test covers `sub`) |"
    )
    # the split is recorded with the report's IDs, not the lead's cluster IDs
    assert (
        "Split Gemini S1 out of S2 into S1: calc.py:5 the seats ask for different tests."
        in _reconciliation(md)
    )
    # the retro names a seat's own finding as the seat's, the report's by its report ID
    gemini = _seat_retro(md, "Gemini")
    assert "Found by others but not by Gemini: S2 (Codex)." in gemini
    assert "Severity reconciled" not in gemini
    assert "Severity reconciled: Codex I1 (important) → critical C1." in _seat_retro(md, "Codex")
    assert _row(md, "False positives") == (
        "| False positives | 1 (Codex I2 (README is stale)) | 0 |"
    )
    assert "Dropped as false positives: Codex I2 (README is stale)." in _seat_retro(md, "Codex")
    assert not re.search(r"\bK\d+\b", md.split("## Appendix", 1)[0])


def test_a_verdict_resting_on_clusters_that_do_not_exist_is_not_taken(tmp_path: Path) -> None:
    lead = {
        "decisions": [
            {
                "cluster": "K1",
                "action": "severity",
                "severity": "critical",
                "reason": "calc.py:6 every caller breaks.",
            }
        ],
        "added_findings": [
            {
                "severity": "important",
                "title": "No tests for `sub`",
                "locations": [{"path": "calc.py", "start": 5, "end": 6}],
                "body": "`sub` is untested.",
                "reason": "rg found no test files.",
            }
        ],
        "executive_summary": "The change breaks `sub` (K1) and adds an untested helper (L1).",
        "verdict": {"label": "Rework", "reason": "K1 breaks every caller of sub."},
        "testing": {"intro": "No tests changed.", "items": ["Add a regression test (K1)."]},
    }
    _, md, data = _review(tmp_path, lead, NOTHING, NOTHING)

    assert [f["id"] for f in data["findings"]] == ["I1"]
    verdict = _row(md, "**Verdict**")
    # the lead's Rework rested on K1, a cluster no seat raised: the rule's verdict stands
    assert "**Merge with fixes**" in verdict, verdict
    assert "K1" not in verdict and "Rework" not in verdict
    assert data["header"]["verdict"]["label"] == "Merge with fixes"
    notes = _reconciliation(md)
    assert any(
        n.startswith(
            "The lead's verdict (Rework) rests only on findings that are not in this "
            "report; the verdict is Merge with fixes"
        )
        for n in notes
    ), notes
    summary = md.split("## Executive Summary", 1)[1].split("\n---", 1)[0]
    # The summary says first that the lead's verdict was not taken, then gives its words.
    assert summary.strip() == (
        "**The lead's verdict was overridden.** The lead judged *Rework*, which rests only on "
        "findings that are not in this report; the verdict is **Merge with fixes** (I1 needs "
        "attention). The lead's summary below was written for its own verdict.\n\n"
        "The change breaks `sub` (a finding not in this report) and adds an untested helper (I1)."
    )
    assert "1. Add a regression test (a finding not in this report)." in md
