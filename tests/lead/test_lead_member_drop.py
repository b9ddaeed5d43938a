"""A lead that drops one member of a merged cluster (trial34 items 2, 3 and 5), through the real
`deep-review review` with command seats and the fake `claude` lead.

The canned reviews (fixtures/member-drop) consolidate into three clusters:

    K1  alpha:I1 + bravo:C1               `shout` crashes on None        (critical: C1)
    K2  alpha:I2                          README does not document `sub` (important: I1)
    K3  alpha:S1 + bravo:S1 + charlie:I1  `sub` has no test, and Charlie's claim that `sub`
                                          overflows (wrong: Python ints), grouped on `sub`

Alpha's Testing Assessment says "would have caught I1": its own I1, the report's C1.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from lead_kit import FIXTURES, fenced, install_fake_claude, prompts_seen, write_config

from deepreview.model import Report
from deepreview.serialize import report_from_data
from support.repos import cli_env, make_repo, run_cli

AGENTS = ["--agents", "alpha,bravo,charlie"]
REVIEWS = FIXTURES / "member-drop"
OVERFLOW = "No test for `sub`, which overflows for large operands"


def _seat(seat: str) -> dict[str, Any]:
    return {"argv": ["sh", "-c", f'cat >/dev/null; cat "{REVIEWS / f"review-{seat}.md"}"']}


def _decisions(*extra: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"cluster": "K1", "action": "keep", "reason": "util/strings.py:2 calls `s.upper()`."},
        {"cluster": "K2", "action": "keep", "reason": "README.md:1-3 never mentions `sub`."},
        *extra,
    ]


def _answer(decisions: list[dict[str, Any]], **more: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "decisions": decisions,
        "executive_summary": "The change adds `sub` and `shout`; K1 must be fixed.",
        "verdict": {"label": "Rework", "reason": "K1 crashes every caller passing `None`."},
    }
    doc.update(more)
    return doc


def _review(tmp: Path, answer: dict[str, Any] | None) -> tuple[str, Report, list[str]]:
    """(Markdown, report, lead prompts seen) of one review; `answer` None: `--lead none`."""
    repo = make_repo(tmp)
    write_config(
        tmp / "user-config.toml", seats={s: _seat(s) for s in ("alpha", "bravo", "charlie")}
    )
    env = cli_env(tmp, {"ANTHROPIC_API_KEY": "test-key-not-a-secret"})
    log = tmp / "lead-log"
    if answer is not None:
        install_fake_claude(tmp / "bin", [fenced(answer)], log_dir=log)
        env["PATH"] = f"{tmp / 'bin'}{os.pathsep}{env['PATH']}"
    lead = "claude" if answer is not None else "none"
    res = run_cli(["review", *AGENTS, "--lead", lead, "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr[-3000:]
    out = res.json()
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    report = report_from_data(json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8")))
    return md, report, prompts_seen(log) if answer is not None else []


def _section(md: str, start: str, end: str) -> str:
    return md.split(start, 1)[1].split(end, 1)[0]


def _row(md: str, label: str) -> str:
    return next(line for line in md.splitlines() if line.startswith(f"| {label} |"))


def test_the_canned_reviews_cluster_as_the_docstring_says(tmp_path: Path) -> None:
    _, report, _ = _review(tmp_path, None)
    assert [(f.id, f.reviewers) for f in report.findings] == [
        ("C1", ("Alpha", "Bravo")),
        ("I1", ("Alpha",)),
        ("S1", ("Alpha", "Bravo", "Charlie")),
    ]
    assert "README" in report.findings[1].title


# Dropping one member of a merged cluster (trial34 item 2) ------------------------------------

FP_REASON = "Python ints are arbitrary precision, so `a - b` at calc.py:6 cannot wrap."


def _assert_charlie_dropped(md: str, report: Report) -> None:
    """Charlie's overflow claim is gone from S1 and counted as its false positive."""
    assert [(f.id, f.reviewers) for f in report.findings] == [
        ("C1", ("Alpha", "Bravo")),
        ("I1", ("Alpha",)),
        ("S1", ("Alpha", "Bravo")),
    ]
    s1 = report.findings[2]
    for text in (s1.title, s1.body, s1.fix):
        assert "overflow" not in text and "Decimal" not in text
    assert _row(md, "False positives").startswith("| False positives | 0 | 0 | 1 (Charlie I1 ")
    reconciliation = _section(md, "**Reconciliation**", "## Review Process Notes")
    assert (
        f"- Dropped Charlie I1 ({OVERFLOW}) from S1 as a false positive: {FP_REASON}\n"
        in reconciliation
    ), reconciliation
    assert "- S1 merges Alpha S1, Bravo S1 — " in reconciliation
    assert "Charlie I1" not in reconciliation.split("- S1 merges", 1)[1].split("\n", 1)[0]
    assert "rejected" not in md
    assert report.lead is not None and report.lead.note == ""


def test_the_lead_drops_one_member_of_a_merged_cluster_by_its_key(tmp_path: Path) -> None:
    doc = _answer(
        _decisions(
            {"cluster": "K3", "action": "keep", "reason": "Nothing tests `sub` (calc.py:5-6)."},
            {
                "cluster": "charlie:I1",
                "action": "drop",
                "false_positive": True,
                "reason": FP_REASON,
            },
        )
    )
    md, report, (prompt,) = _review(tmp_path, doc)
    _assert_charlie_dropped(md, report)
    # the prompt says a member can be dropped on its own
    assert "`drop` a member key" in prompt


def test_the_lead_drops_the_part_it_split_out_in_the_same_answer(tmp_path: Path) -> None:
    doc = _answer(
        _decisions(
            {"cluster": "K3", "action": "split", "split_members": ["charlie:I1"],
             "reason": "charlie:I1 claims an overflow at calc.py:6, a different problem."},
            {"cluster": "K3.2", "action": "drop", "false_positive": True, "reason": FP_REASON},
        )
    )  # fmt: skip
    md, report, (prompt,) = _review(tmp_path, doc)
    reconciliation = _section(md, "**Reconciliation**", "## Review Process Notes")
    assert "- Split Charlie I1 out of S1: charlie:I1" not in reconciliation
    assert "- Split Charlie I1 out of S1: Charlie I1 claims an overflow" in reconciliation
    assert [(f.id, f.reviewers) for f in report.findings][2] == ("S1", ("Alpha", "Bravo"))
    assert _row(md, "False positives").startswith("| False positives | 0 | 0 | 1 (Charlie I1 ")
    assert "rejected" not in md
    # the prompt tells the lead a split's part can be named in the same answer
    assert "`K3.2`" in prompt


def test_the_lead_regrades_the_part_it_split_out(tmp_path: Path) -> None:
    doc = _answer(
        _decisions(
            {"cluster": "K3", "action": "split", "split_members": ["charlie:I1"],
             "reason": "charlie:I1 claims an overflow at calc.py:6, a different problem."},
            {"cluster": "K3.2", "action": "severity", "severity": "suggestion",
             "reason": "Only huge operands at calc.py:6 would matter."},
        )
    )  # fmt: skip
    md, report, _ = _review(tmp_path, doc)
    assert [(f.id, f.reviewers) for f in report.findings] == [
        ("C1", ("Alpha", "Bravo")),
        ("I1", ("Alpha",)),
        ("S1", ("Alpha", "Bravo")),
        ("S2", ("Charlie",)),
    ]
    assert "rejected" not in md
    assert "Charlie I1 (important) → suggestion S2: Only huge operands" in md
