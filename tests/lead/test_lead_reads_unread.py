"""A seat's findings text the tool could not read goes to the lead, who may turn what it names
into findings credited to that seat; a finding it cannot credit stays the lead's own. Through
the real `deep-review review` with the fake CLIs (tests/fakebin)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.id_links import without_id_links
from support.repos import CliResult, make_repo

# make_repo's change adds `sub` (calc.py:5-6) and `shout` (util/strings.py:1-2).
CODEX = """**Findings**

- [P3] Missing test for `sub` — calc.py:5-6
  Nothing calls `sub` in the tests; add `test_sub`.
"""
# Findings in prose: no severity, ID or place the parser reads as a finding.
GEMINI = """## Executive Summary

One real problem.

## Findings

### Critical Issues

The new upper-casing helper falls over when it is handed nothing at all, and every caller
that passes an optional name will crash with it.

### Suggestions

None.
"""
ADD = {
    "severity": "important",
    "title": "`shout(None)` raises AttributeError",
    "locations": [{"path": "util/strings.py", "start": 2}],
    "body": "`return s.upper()` with `s = None`.",
    "fix": "Guard `None`.",
    "reason": "util/strings.py:2 calls .upper() unguarded.",
}


def _review(tmp_path: Path, lead: dict[str, Any], *args: str) -> tuple[CliResult, str, dict]:  # type: ignore[type-arg]
    fakes = Fakes(tmp_path)
    repo = make_repo(tmp_path)
    fakes.agent("codex", {"review": CODEX})
    fakes.agent("gemini", {"review": GEMINI})
    fakes.agent("claude", {"review": json.dumps(lead)})
    res = fakes.review(
        repo, "--agents", "codex,gemini", *args, lead="claude", env=fakes.env(agents=True)
    )
    out = res.json()
    md = without_id_links(Path(out["paths"]["md"]).read_text(encoding="utf-8"))
    data = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    assert data["lead"]["status"] == "ok", data["lead"]
    return res, md, data


def _lead(added: dict[str, Any]) -> dict[str, Any]:
    return {
        "decisions": [{"cluster": "K1", "action": "keep", "reason": "calc.py:5 is untested."}],
        "added_findings": [added],
        "executive_summary": "One crash, read in Gemini's prose.",
        "verdict": {"label": "Merge with fixes", "reason": "L1 crashes."},
    }


def test_the_lead_reads_unread_findings_and_credits_the_seat(tmp_path: Path) -> None:
    res, md, data = _review(tmp_path, _lead({**ADD, "seat": "gemini"}), "--fail-on", "critical")
    # the prompt gave the lead the text, fenced as data
    prompt = (Path(res.json()["paths"]["json"]).with_suffix("") / "prompt-lead.md").read_text()
    section = prompt.split("## Findings text the tool could not read", 1)[1]
    assert "falls over when it is handed nothing at all" in section.split("## What to decide")[0]
    crash = next(f for f in data["findings"] if f["title"].startswith("`shout(None)`"))
    assert (crash["id"], crash["reviewers"]) == ("I1", ["Gemini 2.5 Pro"])
    verdict = data["header"]["verdict"]
    assert verdict["label"] == "Merge with fixes"
    assert verdict["reason"] == (
        "I1 crashes; the lead read Gemini's findings text, which the tool could not"
    )
    assert any(
        "I1 added by the lead from Gemini's findings text, which the tool could not read" in ln
        for ln in md.splitlines()
    ), md
    # the lead read it: the gate judges the findings, and none is critical
    assert res.returncode == 0, res.stderr


def test_a_credit_to_a_seat_whose_findings_were_read_is_refused(tmp_path: Path) -> None:
    _, md, data = _review(tmp_path, _lead({**ADD, "seat": "codex"}))
    crash = next(f for f in data["findings"] if f["title"].startswith("`shout(None)`"))
    assert crash["reviewers"] == ["lead"]
    assert "to seat 'codex' rejected: only a seat whose findings text the tool could not read" in md


def test_a_seats_finding_the_lead_read_at_a_missing_file_stays_the_seats(tmp_path: Path) -> None:
    # the place is the seat's, not the lead's: kept and tagged as the seat's own finding would be
    # (a finding the lead adds as its own at such a place is rejected: test_lead_made_up_place)
    gone = {**ADD, "seat": "gemini", "locations": [{"path": "lib/gone.py", "start": 3}]}
    _, md, data = _review(tmp_path, _lead(gone))
    crash = next(f for f in data["findings"] if f["title"].startswith("`shout(None)`"))
    assert crash["reviewers"] == ["Gemini 2.5 Pro"]
    assert crash["scope"] == "file not found at review SHA"
    assert "rejected: file not found" not in md
