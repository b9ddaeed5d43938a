"""The lead end to end: `deep-review review --agents alpha,bravo,charlie --lead claude` with the
REAL Claude Code CLI as the lead, talking to the scripted model server.

The three seats are fast `command` seats printing canned reviews (tests/lead/fixtures), so only
the lead uses a real CLI. The scripted lead runs `git blame` as a tool call, then answers with
the JSON of `lead.lead_kit.ANSWER`: keep K1, downgrade K2, merge K5 into K3, drop K4 as a false
positive, add one finding. The rendered report must show exactly those changes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from deepreview.serialize import report_from_data
from e2e.agentkit import SCRIPTED_KEY, require_cli
from lead.lead_kit import ANSWER, fenced, write_config
from scripted_server import Shell, Step
from support.id_links import without_id_links
from support.repos import cli_env, make_repo, run_cli

pytestmark = pytest.mark.e2e

LEAD_SCRIPT = [
    Step.tools([Shell("git blame calc.py", "Blame calc.py")]),
    Step.text(fenced(ANSWER)),
]


def _review_with_claude_lead(tmp_path: Path, cli_bin_dir: Path, url: str) -> dict[str, Any]:
    """`review --agents alpha,bravo,charlie --lead claude --json` with the real Claude CLI as the
    lead, talking to the scripted server at `url`; the command's JSON output."""
    require_cli(cli_bin_dir, "claude")
    repo = make_repo(tmp_path)
    write_config(tmp_path / "user-config.toml", seats={"claude": {"model": "claude-sonnet-4-5"}})
    home = tmp_path / "user-home"
    home.mkdir()
    env = cli_env(
        tmp_path,
        {"ANTHROPIC_BASE_URL": url, "ANTHROPIC_API_KEY": SCRIPTED_KEY, "HOME": str(home)},
    )
    env["PATH"] = f"{cli_bin_dir}{os.pathsep}{env['PATH']}"
    res = run_cli(
        ["review", "--agents", "alpha,bravo,charlie", "--lead", "claude", "--json"],
        cwd=repo,
        env=env,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr[-3000:]
    out: dict[str, Any] = res.json()
    return out


def _row(md: str, label: str) -> str:
    return next(line for line in md.splitlines() if line.startswith(f"| {label} |"))


def test_real_claude_lead_reshapes_the_report(
    tmp_path: Path, cli_bin_dir: Path, scripted_server
) -> None:
    srv = scripted_server(LEAD_SCRIPT)
    out = _review_with_claude_lead(tmp_path, cli_bin_dir, srv.url)
    review_dir = Path(out["review_dir"])
    # what the report says, without the anchors and ID links the renderer adds
    md = without_id_links(Path(out["paths"]["md"]).read_text(encoding="utf-8"))
    report = report_from_data(json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8")))
    run = json.loads((review_dir / "run.json").read_text(encoding="utf-8"))
    lead = run["lead"]
    assert lead["status"] == "ok", (lead, (review_dir / "stderr-lead-pass-1.log").read_text())

    # The server played the lead's script once: blame, then the answer.
    turns = srv.turns()
    assert [t.step for t in turns] == [0, 1]
    assert srv.clients() == {"127.0.0.1"}
    assert turns[0].contains('"member": "charlie:C1"')  # the clusters, as JSON
    assert turns[0].contains("UNTRUSTED DATA clusters")
    assert turns[1].contains("Test Author")  # git blame's output went back to the model

    # Findings: K4 gone (false positive), K5 merged into K3 (retitled), K2 downgraded, L1 added.
    assert [(f.id, f.severity.value, f.title, f.reviewers) for f in report.findings] == [
        ("I1", "important", "`shout` crashes on `None` input", ("Alpha", "Bravo")),
        ("S1", "suggestion", "New `sub` and `shout` ship without tests", ("Bravo", "Charlie")),
        ("S2", "suggestion", "`shout` changes the length of strings containing `ß`", ("lead",)),
        ("S3", "suggestion", "README does not document `sub`", ("Alpha",)),
    ]
    assert "## Critical Issues\n\nNone." in md
    assert "Integer overflow" not in md.split("## Agent Performance Retro", 1)[0]
    assert "[lead] (suggestion, regression, added-by-lead)" in md
    assert report.header.verdict.label == "Merge with fixes"
    assert "| **Verdict** | **Merge with fixes** — I1 needs a guard for `None` first. |" in md

    # The Summary table rows that come from the lead's decisions.
    assert (
        _row(md, "False positives")
        == "| False positives | 0 | 0 | 1 (Charlie C1 (Integer overflow in `add` for large…)) |"
    )
    assert _row(md, "Downgraded") == "| Downgraded | 1 (I→S) | 0 | 0 |"
    assert _row(md, "Dropped") == "| Dropped | 0 | 0 | 0 |"
    assert (
        _row(md, "Unique insights")
        == "| Unique insights | S3 (README does not document `sub`) | 0 | 0 |"
    )

    # Reconciliation: the deterministic merge, then exactly the lead's four changes.
    entries = [(e.kind, e.text) for e in report.retro.reconciliation]
    assert [k for k, _ in entries] == ["merge", "merge", "severity", "drop", "add"]
    assert entries[0][1].startswith("I1 merges Alpha I1, Bravo I1 — Bravo I1 joins Alpha I1:")
    assert entries[1][1] == (
        "S1 merges Bravo S1, Charlie S1 — lead merged Charlie S1: Both report that the helpers "
        "added at calc.py:5-6 and util/strings.py:1-2 have no test; one test module fixes both."
    )
    assert entries[2][1] == (
        "Alpha I2 (important) → suggestion S3: README.md:1-3 is prose only; not mentioning "
        "`sub` breaks nothing. (lead)"
    )
    assert entries[3][1].startswith(
        "Dropped Charlie C1 (Integer overflow in `add` for large…) as a false positive: "
        "Python integers are arbitrary precision"
    )
    assert entries[4][1] == (
        "S2 added by the lead: Read util/strings.py:2; `str.upper` applies full case mapping."
    )
    for _, text in entries:
        assert f"- {text}" in md

    # The lead's prose, renumbered; its retro narratives; its process notes.
    assert "I1 is a real crash on `None` and must be fixed; S1 and S2 are small follow-ups." in md
    assert (
        "### [Charlie]\n\nCharlie's overflow claim was a false positive; its test gap joined S1."
        in md
    )
    assert (
        '- [repo] Add: "Python ints do not overflow." Why: Charlie flagged `add` (Charlie C1).'
        in md
    )
    assert "Consolidated without a lead" not in md

    # The lead's run is measured like a seat's and shown in the footer.
    assert lead["run"]["model"] == "claude-sonnet-4-5"
    assert lead["run"]["tool_calls"] == 1
    assert lead["run"]["shell_breakdown"] == [["git blame", 1]]
    assert lead["run"]["duration_s"] > 0
    assert report.lead is not None and report.lead.run is not None
    assert "_Lead: claude (claude-sonnet-4-5) — " in md and ", 1 tool call," in md
    for name in (
        "prompt-lead.md",
        "transcript-lead-pass-1.jsonl",
        "stderr-lead-pass-1.log",
        "lead-answer-1.json",
    ):
        assert (review_dir / name).stat().st_size > 0, name
    assert json.loads((review_dir / "lead-answer-1.json").read_text()) == ANSWER
    assert SCRIPTED_KEY not in (review_dir / "transcript-lead-pass-1.jsonl").read_text()
    # read-only: the lead's worktree is gone and the user's checkout untouched
    assert report.lead.run.worktree_changes == ()


# A lead whose answer the model's output limit cut mid-document (tl65).
WHOLE = fenced(ANSWER)
CUT = WHOLE[: WHOLE.index('"verdict"')]  # the output limit struck mid-document

CUT_SCRIPT = [
    Step.tools([Shell("git blame calc.py", "Blame calc.py")]),
    Step.text(CUT, cut=True),
]


def test_a_lead_cut_by_the_output_limit_is_asked_again(
    tmp_path: Path, cli_bin_dir: Path, scripted_server
) -> None:
    """The answer is no answer (a JSON fence never closed): the lead is asked again once, told
    its answer was cut off and to answer shorter; cut again, the report is the deterministic
    one and says why in those words."""
    srv = scripted_server(CUT_SCRIPT)
    out = _review_with_claude_lead(tmp_path, cli_bin_dir, srv.url)
    review_dir = Path(out["review_dir"])
    run = json.loads((review_dir / "run.json").read_text(encoding="utf-8"))
    lead = run["lead"]
    # asked twice: the second prompt says the first answer was cut off
    assert lead["passes"] == 2, lead
    retry = (review_dir / "prompt-lead-pass-2.md").read_text(encoding="utf-8")
    assert "cut off by the output limit" in retry
    assert lead["status"] == "fallback"
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert "Consolidated without a lead" in md
    assert "cut off by the output limit" in lead["note"]
