"""`deep-review review` / `relead` with a lead, through the real CLI and the real Claude adapter.

The seats are `command` seats printing canned reviews; the lead is a fake `claude` on PATH that
prints Claude's stream-json events (fake_claude_lead.py) with a scripted answer.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from lead_kit import (
    ANSWER,
    answer,
    fenced,
    install_fake_claude,
    prompts_seen,
    write_config,
)

from deepreview.consolidate.decisions import DecisionError
from deepreview.model import Report
from deepreview.pipeline import lead_step
from deepreview.serialize import report_from_data
from support.id_links import without_id_links
from support.repos import CliResult, cli_env, make_repo, run_cli

AGENTS = ["--agents", "alpha,bravo,charlie"]
API_KEY = {"ANTHROPIC_API_KEY": "test-key-not-a-secret"}


class Setup:
    def __init__(
        self,
        tmp: Path,
        answers: list[str] | None = None,
        *,
        sleep: float = 0.0,
        claude: dict[str, Any] | None = None,
        crash: dict[str, Any] | None = None,
    ) -> None:
        self.tmp = tmp
        self.repo = make_repo(tmp)
        self.log = tmp / "lead-log"
        self.bin = tmp / "bin"
        write_config(tmp / "user-config.toml", seats={"claude": claude} if claude else None)
        if answers is not None:
            install_fake_claude(self.bin, answers, log_dir=self.log, sleep=sleep, crash=crash)

    def env(self, *, with_bin: bool = True) -> dict[str, str]:
        env = cli_env(self.tmp, API_KEY)
        if with_bin:
            env["PATH"] = f"{self.bin}{os.pathsep}{env['PATH']}"
        return env

    def run(self, *args: str, env: dict[str, str] | None = None) -> CliResult:
        return run_cli([*args, "--json"], cwd=self.repo, env=env or self.env())


def _outputs(res: CliResult) -> tuple[dict[str, Any], str, Report, dict[str, Any]]:
    assert res.returncode == 0, res.stderr[-3000:]
    out = res.json()
    md = without_id_links(Path(out["paths"]["md"]).read_text(encoding="utf-8"))
    report = report_from_data(json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8")))
    run = json.loads((Path(out["review_dir"]) / "run.json").read_text(encoding="utf-8"))
    return out, md, report, run


def _section(md: str, start: str, end: str) -> str:
    return md.split(start, 1)[1].split(end, 1)[0]


def _row(md: str, label: str) -> str:
    return next(line for line in md.splitlines() if line.startswith(f"| {label} |"))


def test_lead_decisions_shape_the_report(tmp_path: Path) -> None:
    s = Setup(tmp_path, [fenced(ANSWER)])
    out, md, report, run = _outputs(s.run("review", *AGENTS, "--lead", "claude"))

    assert report.lead is not None and report.lead.status == "ok"
    assert [(f.id, f.reviewers) for f in report.findings] == [
        ("I1", ("Alpha", "Bravo")),
        ("S1", ("Bravo", "Charlie")),
        ("S2", ("lead",)),
        ("S3", ("Alpha",)),
    ]
    assert "Integer overflow" not in _section(md, "## Critical Issues", "## Design Observations")
    assert (
        _row(md, "False positives")
        == "| False positives | 0 | 0 | 1 (Charlie C1 (Integer overflow in `add` for large…)) |"
    )
    assert _row(md, "Downgraded") == "| Downgraded | 1 (I→S) | 0 | 0 |"
    assert _row(md, "Dropped") == "| Dropped | 0 | 0 | 0 |"
    # S1 and S3 both name `sub`: their short titles must still differ
    assert (
        _row(md, "Unique insights")
        == "| Unique insights | S3 (README does not document `sub`) | 0 | 0 |"
    )
    assert "Consolidated without a lead" not in md
    assert "_Lead: claude (claude-opus-4-6) — " in md and "1 tool call," in md
    # the lead wrote the testing assessment: its statement is credited to it
    testing = _section(md, "## Testing Assessment", "---")
    assert testing.strip() == "1. No test calls `shout(None)` (I1). [lead]"

    review_dir = Path(out["review_dir"])
    for name in (
        "prompt-lead.md",
        "transcript-lead-pass-1.jsonl",
        "stderr-lead-pass-1.log",
        "review-lead-pass-1.md",
        "lead-answer-1.json",
    ):
        assert (review_dir / name).is_file(), name
    assert json.loads((review_dir / "lead-answer-1.json").read_text()) == ANSWER
    lead = run["lead"]
    assert (lead["seat"], lead["status"], lead["passes"]) == ("claude", "ok", 1)
    assert lead["run"]["tool_calls"] == 1 and lead["run"]["cost_usd"] == 0.0312
    assert lead["run"]["shell_breakdown"] == [["git blame", 1]]

    (prompt,) = prompts_seen(s.log)
    assert '"member": "charlie:C1"' in prompt
    assert (review_dir / "prompt-lead.md").read_text() == prompt
    argv = json.loads((s.log / "argv-1.json").read_text())
    assert "--disallowedTools" in argv  # read-only like a seat


def test_invalid_json_twice_falls_back_and_says_so(tmp_path: Path) -> None:
    bad_schema = answer(decisions=[{"cluster": "K1", "action": "delete", "reason": "x"}])
    s = Setup(tmp_path, ["I am done, it all looks fine.", fenced(bad_schema)])
    res = s.run("review", *AGENTS, "--lead", "claude")
    out, md, report, run = _outputs(res)
    # `--json` and the command line say so too, not only the report
    assert out["lead"]["status"] == "fallback" and out["lead"]["seat"] == "claude"
    assert out["lead"]["note"].startswith("The lead (claude) answered 2 times without")

    first, second = prompts_seen(s.log)
    assert "## Your previous answer was not usable" not in first
    assert "- no JSON object found in the answer" in second
    assert "I am done, it all looks fine." in second.split("## Your previous answer", 1)[1]

    assert report.lead is not None and report.lead.status == "fallback"
    note = next(n for n in report.header_notes if n.startswith("The lead (claude)"))
    assert note.startswith(
        "The lead (claude) answered 2 times without a valid JSON document for the schema "
        "(decisions[0].action: "
    )
    assert f"> {note}" in md
    assert "Consolidated without a lead" in md
    assert "_Lead: claude (claude-opus-4-6), fallback — " in md and "2 tool calls" in md
    # the deterministic report: every cluster kept, the overflow claim still critical
    assert [f.id for f in report.findings] == ["C1", "I1", "I2", "S1", "S2"]
    assert report.header.verdict.label == "Rework"
    assert _row(md, "False positives") == "| False positives | 0 | 0 | 0 |"

    review_dir = Path(out["review_dir"])
    for name in (
        "prompt-lead.md",
        "prompt-lead-pass-2.md",
        "transcript-lead-pass-2.jsonl",
        "lead-errors-1.txt",
        "lead-errors-2.txt",
        "lead-answer-2.json",
    ):
        assert (review_dir / name).is_file(), name
    assert (review_dir / "prompt-lead.md").read_text() == first
    assert (review_dir / "prompt-lead-pass-2.md").read_text() == second
    assert not (review_dir / "lead-answer-1.json").exists()
    assert run["lead"]["status"] == "fallback" and run["lead"]["passes"] == 2
    # without --json the command line says the lead fell back (its run line said `ok`); the
    # fake lead answers a third prompt with no JSON either
    plain = run_cli(["relead", out["review_id"]], cwd=s.repo, env=s.env())
    assert "  lead (claude): fallback — The lead (claude) answered" in plain.stderr, plain.stderr


def test_second_attempt_can_succeed(tmp_path: Path) -> None:
    s = Setup(tmp_path, ['```json\n{"decisions": [\n```', fenced(ANSWER)])
    _, md, report, run = _outputs(s.run("review", *AGENTS, "--lead", "claude"))
    assert report.lead is not None and report.lead.status == "ok"
    assert run["lead"]["passes"] == 2
    assert run["lead"]["run"]["tool_calls"] == 2  # both passes measured
    assert run["lead"]["run"]["cost_usd"] == 0.0624
    assert "the JSON document stops before its end" in prompts_seen(s.log)[1]
    assert (
        _row(md, "False positives")
        == "| False positives | 0 | 0 | 1 (Charlie C1 (Integer overflow in `add` for large…)) |"
    )


def test_unknown_cluster_is_rejected_and_recorded(tmp_path: Path) -> None:
    doc = answer()
    doc["decisions"].append(
        {"cluster": "K9", "action": "drop", "false_positive": True, "reason": "invented"}
    )
    s = Setup(tmp_path, [fenced(doc)])
    _, md, report, _ = _outputs(s.run("review", *AGENTS, "--lead", "claude"))

    assert report.lead is not None and report.lead.status == "ok"
    assert "1 of the lead's claims rejected" in report.lead.note
    assert len(prompts_seen(s.log)) == 1  # unknown IDs are rejected, not retried
    reconciliation = md.split("**Reconciliation**", 1)[1]
    assert (
        "- Lead decision `drop` about 'K9' rejected: no finding of this review has that ID."
        in reconciliation
    )
    assert "invented" not in md
    # everything else still applied
    assert [f.id for f in report.findings] == ["I1", "S1", "S2", "S3"]


def test_rejected_decisions_name_findings_as_the_report_does(tmp_path: Path) -> None:
    """The lead's cluster IDs (K1...) appear nowhere else in the report: a note about a rejected
    decision names each finding by its report ID and short title, or by its seats' labels when
    it is gone; an ID the lead made up is quoted as written. The lead's answer keeps its IDs."""
    doc = answer()
    keep_k1 = doc["decisions"].pop(0)  # K1's only decision is rejected: the lead note says so
    assert keep_k1["cluster"] == "K1"
    doc["decisions"] += [
        {"cluster": "K1", "action": "merge", "merge_into": "K9", "reason": "same"},
        {"cluster": "K4", "action": "merge", "merge_into": "K1", "reason": "same claim"},
        {"cluster": "K5", "action": "severity", "severity": "critical", "reason": "bad"},
        {"cluster": "K2", "action": "split", "split_members": ["gemini:C3"], "reason": "two"},
    ]
    s = Setup(tmp_path, [fenced(doc)])
    out, md, report, run = _outputs(s.run("review", *AGENTS, "--lead", "claude"))

    expected = [
        "Lead decision `split` about S3 (README does not document `sub`) rejected: the members "
        "to split out must be among "
        "Alpha I2; got 'gemini:C3'.",
        "Lead decision `merge` about I1 (`shout` crashes on `None` input) rejected: it merges "
        "into 'K9', which names no "
        "finding of this review.",
        "Lead decision `merge` about Charlie C1 (Integer overflow in `add` for large…) rejected: "
        "it is dropped; drop both if they "
        "make the same claim.",
        "Lead decision `severity` about S1's Charlie S1 rejected: it is merged into S1 (New `sub` "
        "and `shout` ship without tests); "
        "give the severity or title on the merge decision or on that finding.",
    ]
    reconciliation = _section(md, "**Reconciliation**", "## Review Process Notes")
    for text in expected:
        assert f"- {text}\n" in reconciliation, text
    stored = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    notes = [e for e in stored["retro"]["reconciliation"] if "rejected" in e["text"]]
    assert [(e["text"], e["finding_ids"]) for e in notes] == list(
        zip(expected, [["S3"], ["I1"], [], ["S1"]], strict=True)
    )
    note = (
        "4 of the lead's claims rejected (see Reconciliation); no accepted decision for I1 "
        "(`shout` crashes on `None` input), "
    )
    assert report.lead is not None and report.lead.note == note + "kept as consolidated."
    assert out["lead"]["note"] == run["lead"]["note"] == report.lead.note
    html = Path(out["paths"]["html"]).read_text(encoding="utf-8")
    body = html.split("</head>", 1)[1]  # (the CSP's hashes are base64)
    for text in (md, json.dumps(stored), body, json.dumps(out)):
        assert not re.search(r"\bK\d+\b(?!')", text)  # only the quoted 'K9'
    # the lead's own answer, stored as data, keeps its IDs
    kept = json.loads((Path(out["review_dir"]) / "lead-answer-1.json").read_text())
    assert kept["decisions"][-1]["cluster"] == "K2"


def test_member_keys_and_design_ids_in_the_lead_prose_are_named_as_the_report_does(
    tmp_path: Path,
) -> None:
    """The prompt names members `charlie:C1` and design observations `D1`; the report calls
    them `Charlie C1` and does not number its design observations."""
    doc = answer(
        executive_summary="alpha:I1 and Bravo:I1 agree (K1); charlie:C1 is wrong. D1 is fair; "
        "see calc.py:2, zulu:C1 and D7 cache.",
        design_observations=[{"id": "D1", "action": "keep", "reason": "as D1 says"}],
    )
    s = Setup(tmp_path, [fenced(doc)])
    _, md, report, _ = _outputs(s.run("review", *AGENTS, "--lead", "claude"))
    assert report.executive_summary == (
        "Alpha I1 and Bravo I1 agree (I1); Charlie C1 is wrong. The design concern (Helpers "
        "live in a grab-bag `util` package —…) is fair; see calc.py:2, zulu:C1 and D7 cache."
    )
    assert _section(md, "## Executive Summary\n\n", "\n").startswith("Alpha I1 and Bravo I1")


def test_cluster_ids_in_an_added_finding_are_renumbered_outside_code(tmp_path: Path) -> None:
    added = dict(ANSWER["added_findings"][0])
    added["title"] = "`shout` grows some strings, unlike the K1 crash"
    added["body"] = "Unlike K1, this is no crash:\n\n```python\nK1 = 'ß'.upper()  # K1\n```\n"
    added["fix"] = "Document it next to the guard K1 adds: `K1`."
    doc = answer(added_findings=[added])
    s = Setup(tmp_path, [fenced(doc)])
    _, md, report, _ = _outputs(s.run("review", *AGENTS, "--lead", "claude"))
    (lead_finding,) = [f for f in report.findings if f.reviewers == ("lead",)]
    assert lead_finding.title == "`shout` grows some strings, unlike the I1 crash"
    assert lead_finding.body.startswith("Unlike I1, this is no crash:")
    assert "K1 = 'ß'.upper()  # K1" in lead_finding.body  # code is kept as written
    assert lead_finding.fix == "Document it next to the guard I1 adds: `K1`."
    assert "unlike the I1 crash" in md


def test_decisions_that_do_not_apply_fall_back_without_cluster_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A gap in the checks (`DecisionError`): the deterministic report, and a note that does not
    quote the error's cluster IDs (the lead's answer file keeps the decisions)."""

    def gap(*_: Any, **__: Any) -> Report:
        raise DecisionError("merge of K3 needs merge_into naming another existing cluster")

    monkeypatch.setattr(lead_step, "report_from_answer", gap)
    s = Setup(tmp_path, [fenced(ANSWER)])
    out, md, report, run = _outputs(s.run("review", *AGENTS, "--lead", "claude"))
    assert report.lead is not None and report.lead.status == "fallback"
    assert report.lead.note.startswith(
        "The lead (claude) gave decisions that did not apply (a gap in deep-review's checks; "
        "its answer file in the review folder holds them)."
    )
    assert "K3" not in md and "K3" not in json.dumps(out) and "K3" not in run["lead"]["note"]


@pytest.mark.slow
def test_lead_timeout_gives_the_deterministic_report(tmp_path: Path) -> None:
    s = Setup(tmp_path, [fenced(ANSWER)], sleep=60, claude={"timeout": 2})
    _, md, report, run = _outputs(s.run("review", *AGENTS, "--lead", "claude"))

    assert report.lead is not None and report.lead.status == "failed"
    # (under load the reason may go on: "… (killed with SIGKILL after ignoring SIGTERM)")
    assert "> The lead (claude) failed: timed out after 2.0 s" in md
    assert "Consolidated without a lead" in md
    assert "_Lead: claude (claude-opus-4-6), failed — " in md
    assert [f.id for f in report.findings] == ["C1", "I1", "I2", "S1", "S2"]
    assert run["lead"]["status"] == "failed"
    assert run["lead"]["reason"].startswith("timed out after 2.0 s")
    assert run["lead"]["run"]["status"] == "timeout"


def test_a_crashed_lead_names_its_stderr_file(tmp_path: Path) -> None:
    """A lead that dies leaves a note naming the file with its stderr, as a failed seat's note
    does: its reason is one clipped line, the CLI's full words are in that file."""
    crash = {"stderr": "Error: invalid API key\n    at main (cli.js:1:1)\n", "code": 7}
    s = Setup(tmp_path, [fenced(ANSWER)], crash=crash)
    out, md, report, run = _outputs(s.run("review", *AGENTS, "--lead", "claude"))

    assert report.lead is not None and report.lead.status == "failed"
    rid = Path(out["review_dir"]).name
    pointer = f"; its stderr is in {rid}/stderr-lead-pass-1.log. Consolidated without a lead"
    assert "> The lead (claude) failed: exited with code 7" in md
    assert pointer in md
    assert pointer in run["lead"]["note"]
    # `--json` carries its reason as run.json does
    assert out["lead"]["reason"] == run["lead"]["reason"]
    assert out["lead"]["reason"].startswith("exited with code 7")
    stderr = (Path(out["review_dir"]) / "stderr-lead-pass-1.log").read_text(encoding="utf-8")
    assert "invalid API key" in stderr


def _assert_without_lead(md: str, report: Report, run: dict[str, Any], why: str) -> None:
    assert f"> Consolidated without a lead: {why}" in md
    assert md.count("Consolidated without a lead") == 1
    assert report.lead is not None and report.lead.status == "none"
    assert run["lead"]["status"] == "none"
    # still a complete report: findings, retro table, reconciliation, appendix
    assert [f.id for f in report.findings] == ["C1", "I1", "I2", "S1", "S2"]
    for heading in (
        "## Executive Summary",
        "### Summary",
        "**Reconciliation**",
        "## Review Process Notes",
        "## Appendix: Original Reviews",
    ):
        assert heading in md, heading


def test_lead_none(tmp_path: Path) -> None:
    s = Setup(tmp_path, [fenced(ANSWER)])
    out, md, report, run = _outputs(s.run("review", *AGENTS, "--lead", "none"))
    _assert_without_lead(md, report, run, "none was requested.")
    assert out["lead"]["reason"] is None  # not asked for: nothing went wrong
    # each statement of the merged assessment says which seat made it
    testing = _section(md, "## Testing Assessment", "---")
    assert "1. Nothing tests `shout` with `None`. [Alpha]" in testing
    assert not s.log.exists()  # the fake claude never ran


def test_no_usable_agent_means_no_lead(tmp_path: Path) -> None:
    s = Setup(tmp_path)  # no claude on PATH; HOME without credentials
    env = s.env(with_bin=False)
    env["HOME"] = str(tmp_path / "home")
    for var in API_KEY:
        env.pop(var)
    _, md, report, run = _outputs(s.run("review", *AGENTS, env=env))
    why = "no lead was named, and none of the default leads (claude, codex, gemini) is usable"
    _assert_without_lead(md, report, run, why)


def test_no_review_no_lead_run(tmp_path: Path) -> None:
    s = Setup(tmp_path, [fenced(ANSWER)])
    write_config(
        tmp_path / "user-config.toml",
        seats={"broken": {"argv": ["sh", "-c", "cat >/dev/null; echo boom >&2; exit 3"]}},
    )
    res = s.run("review", "--agents", "broken", "--lead", "claude")
    assert res.returncode == 3, res.stderr  # every seat failed
    out = res.json()
    md = without_id_links(Path(out["paths"]["md"]).read_text(encoding="utf-8"))
    assert "> Consolidated without a lead: no seat produced a review" in md
    assert "**Failed**" in md
    assert not s.log.exists()  # the lead was not started


@pytest.mark.slow
def test_relead_reruns_only_the_lead(tmp_path: Path) -> None:
    s = Setup(tmp_path, [fenced(ANSWER)])
    first, md_before, _, _ = _outputs(s.run("review", *AGENTS, "--lead", "none"))
    rid = first["review_id"]
    seat_transcript = Path(first["review_dir"]) / "transcript-alpha-pass-1.jsonl"
    seat_stamp = seat_transcript.stat().st_mtime_ns

    out, md, report, run = _outputs(s.run("relead", rid, "--lead", "claude"))
    assert out["review_id"] == rid and out["paths"]["md"] == first["paths"]["md"]
    assert report.lead is not None and report.lead.status == "ok"
    assert "Consolidated without a lead" in md_before and "Consolidated without a lead" not in md
    assert (
        _row(md, "False positives")
        == "| False positives | 0 | 0 | 1 (Charlie C1 (Integer overflow in `add` for large…)) |"
    )
    assert report.header.verdict.label == "Merge with fixes"
    assert run["lead"]["status"] == "ok" and run["status"] == "complete"
    assert seat_transcript.stat().st_mtime_ns == seat_stamp  # the seats did not run again
    index = (Path(out["store"]) / "index.html").read_text(encoding="utf-8")
    assert rid in index

    # relead again with no lead: back to the deterministic report; the paid lead run's files
    # are set aside under earlier-leads/1/, not deleted
    folder = Path(out["review_dir"])
    lead_files = sorted(p.name for p in folder.glob("*lead*"))
    assert "transcript-lead-pass-1.jsonl" in lead_files and "lead-answer-1.json" in lead_files
    _, md2, report2, _ = _outputs(s.run("relead", rid, "--lead", "none"))
    assert report2.lead is not None and report2.lead.status == "none"
    assert md2.count("Consolidated without a lead") == 1
    assert len(prompts_seen(s.log)) == 1
    assert not [p for p in folder.glob("*lead*") if p.is_file()]
    kept = folder / "earlier-leads" / "1"
    assert sorted(p.name for p in kept.iterdir()) == lead_files


def test_relead_of_an_unfinished_review_is_refused(tmp_path: Path) -> None:
    s = Setup(tmp_path, [fenced(ANSWER)])
    first, _, _, _ = _outputs(s.run("review", *AGENTS, "--lead", "none"))
    run_json = Path(first["review_dir"]) / "run.json"
    state = json.loads(run_json.read_text())
    state["status"] = "interrupted"
    run_json.write_text(json.dumps(state))
    res = s.run("relead", first["review_id"])
    assert res.returncode == 2
    assert "not complete; finish it with `deep-review resume" in res.stderr


def test_relead_wall_clock_counts_only_the_lead_it_ran(tmp_path: Path) -> None:
    """A replaced lead's time is no part of the review's wall clock any more, and releads do not
    add up: each restarts from where the lead step began (run.json `before_lead_s`, set here
    to 1000 s so the check does not depend on how long anything took)."""
    s = Setup(tmp_path, [fenced(ANSWER)] * 3)
    first, _, _, run = _outputs(s.run("review", *AGENTS, "--lead", "claude"))
    rid, review_dir = first["review_id"], Path(first["review_dir"])
    assert 0 < run["before_lead_s"] <= run["elapsed_s"]
    walls = []
    for _ in range(2):
        state = json.loads((review_dir / "run.json").read_text(encoding="utf-8"))
        state["before_lead_s"] = 1000.0
        (review_dir / "run.json").write_text(json.dumps(state), encoding="utf-8")
        _, _, report, _ = _outputs(s.run("relead", rid, "--lead", "none"))
        walls.append(report.header.wall_clock_s)
    assert all(w is not None and 1000 <= w < 1060 for w in walls), walls


def test_a_relead_whose_lead_fails_keeps_the_earlier_report(tmp_path: Path) -> None:
    """The relead's whole job is the lead: when it falls back the command fails (exit 6), and a
    report an earlier lead judged stands as it was (files, index, run.json), since that judgement
    was paid for and the new run added nothing; the failed run is kept under failed-leads/1."""
    s = Setup(tmp_path, [fenced(ANSWER), "no JSON here", "still none"])
    first, _, report, run = _outputs(s.run("review", *AGENTS, "--lead", "claude"))
    assert report.lead is not None and report.lead.status == "ok"
    store, folder = Path(first["store"]), Path(first["review_dir"])
    stored = {k: Path(v).read_bytes() for k, v in first["paths"].items()}
    lead_files = sorted(p.name for p in folder.glob("*lead*") if p.is_file())
    listed = s.run("list").json()
    index_before = (store / "index.html").read_text(encoding="utf-8"), listed

    res = run_cli(["relead", first["review_id"], "--json"], cwd=s.repo, env=s.env())
    assert res.returncode == 6, res.stderr
    assert "the lead (claude) fell back" in res.stderr
    assert "the earlier report stands" in res.stderr and "failed-leads/1" in res.stderr
    out = res.json()
    assert out["lead"]["status"] == "ok" and "fell back" in out["lead_failed"]
    assert {k: Path(v).read_bytes() for k, v in first["paths"].items()} == stored
    listed = s.run("list").json()
    assert ((store / "index.html").read_text(encoding="utf-8"), listed) == index_before
    assert json.loads((folder / "run.json").read_text(encoding="utf-8")) == run
    assert sorted(p.name for p in folder.glob("*lead*") if p.is_file()) == lead_files
    assert not (folder / "earlier-leads").exists()
    failed = folder / "failed-leads" / "1"
    assert "transcript-lead-pass-1.jsonl" in {p.name for p in failed.iterdir()}


def test_a_relead_whose_lead_fails_after_no_lead_says_so(tmp_path: Path) -> None:
    """With no earlier judgement to keep, the report is the consolidation without a lead, as
    before the relead; the command still fails (exit 6) and says so, `--json` as `lead_failed`
    (README, exit 6) like a relead whose earlier report stands."""
    s = Setup(tmp_path, ["no JSON here", "still none"] * 2)
    first, _, _, _ = _outputs(s.run("review", *AGENTS, "--lead", "none"))
    res = run_cli(["relead", first["review_id"], "--lead", "claude"], cwd=s.repo, env=s.env())
    assert res.returncode == 6, res.stderr
    assert "the lead (claude) fell back" in res.stderr
    assert "consolidation without a lead" in res.stderr
    res = s.run("relead", first["review_id"], "--lead", "claude")
    assert res.returncode == 6, res.stderr
    out = res.json()
    assert out["lead"]["status"] == "fallback"
    assert "fell back" in out["lead_failed"]
    assert "consolidation without a lead" in out["lead_failed"]


def test_progress_says_the_lead_retried_and_fell_back(tmp_path: Path) -> None:
    s = Setup(tmp_path, ["I am done.", "Still no JSON."])
    res = s.run("review", *AGENTS, "--lead", "claude")
    assert res.returncode == 0, res.stderr[-3000:]
    lead_lines = [ln for ln in res.stderr.splitlines() if ln.startswith("[lead]")]
    assert [ln.split(" (")[0] for ln in lead_lines] == [
        "[lead] running",
        "[lead] answer not usable, asking again",
        "[lead] running pass 2",  # its second run, as its files (`*-lead-pass-2.*`) name it
        "[lead] fallback: no usable answer, consolidated without the lead",
    ], res.stderr


def test_a_relead_that_fails_mid_write_leaves_the_index_as_it_was(tmp_path: Path) -> None:
    """The relead's report files are written, its index row too, then writing the store's
    index page fails. The report files are put back, and the index row (its counts, the
    cached facts `stats` reads) says what they say, not what the failed relead wrote."""
    s = Setup(tmp_path, [fenced(ANSWER)])
    first, _, report, _ = _outputs(s.run("review", *AGENTS, "--lead", "none"))
    rid, store = first["review_id"], Path(first["store"])
    stored = {k: Path(v).read_bytes() for k, v in first["paths"].items()}
    listed, stats = s.run("list").json()["reviews"], s.run("stats").json()
    page = store / "index.html"
    page.unlink()
    page.mkdir()  # the page cannot be written: after the row, before run.json

    res = run_cli(["relead", rid, "--lead", "claude"], cwd=s.repo, env=s.env())
    assert res.returncode == 2, res.stderr
    assert "index.html" in res.stderr and "Traceback" not in res.stderr
    assert len(prompts_seen(s.log)) == 1  # the lead ran: its counts differ from the report's
    page.rmdir()
    assert {k: Path(v).read_bytes() for k, v in first["paths"].items()} == stored
    assert s.run("list").json()["reviews"] == listed
    counts = {sev.value: n for sev, n in report.counts().items()}
    row = listed[0]
    assert (row["critical"], row["important"], row["suggestions"]) == (
        counts.get("critical", 0),
        counts.get("important", 0),
        counts.get("suggestion", 0),
    )
    assert s.run("stats").json() == stats
