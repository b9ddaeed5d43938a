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
from support.id_links import without_id_links
from support.repos import cli_env, make_repo, run_cli

AGENTS = ["--agents", "alpha,bravo,charlie"]
REVIEWS = FIXTURES / "member-drop"
OVERFLOW = "No test for `sub`, which overflows for large operands"
OVERFLOW_LABEL = "No test for `sub`, which overflows for…"  # the retro's label of it


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
    md = without_id_links(Path(out["paths"]["md"]).read_text(encoding="utf-8"))
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


# Seat-local finding IDs in the seats' prose (trial34 item 5) ---------------------------------


def test_a_seats_own_finding_ids_in_its_prose_become_the_reports(tmp_path: Path) -> None:
    """Alpha's "would have caught I1" means its own I1, which is the report's C1 (the report's
    I1 is the README finding); `I1` in code, and an I1 in Bravo's text (Bravo has no I1), stay."""
    md, report, _ = _review(tmp_path, None)
    testing = _section(md, "## Testing Assessment", "\n---")
    assert "a single `shout(None)` test would have caught C1 (see `I1` in code). [Alpha]" in testing
    assert "(C1 here; another review may number it I1). [Bravo]" in testing
    assert "1. Large operands of `sub` are untested; see S1. [Charlie]" in md.replace("3. ", "1. ")
    design = _section(md, "## Design Observations", "\n---")
    assert "— C1 shows what that costs. [Alpha]" in design
    # the seat's own review in the appendix is the seat's, word for word
    assert "would have caught I1 (see `I1` in code)." in _section(md, "## Appendix", "### [Bravo]")
    assert not any("caught I1" in i for i in report.testing.items)


def test_the_lead_sees_a_seats_own_finding_ids_as_cluster_ids(tmp_path: Path) -> None:
    """The lead prompt's merged sections name the seats' findings by the cluster IDs the lead
    is told to use; an item the lead keeps word for word stays the seat's, renumbered."""
    kept = (
        "**No test caught the `shout` crash** — a single `shout(None)` test would have caught "
        "K1 (see `I1` in code)."
    )
    doc = _answer(
        _decisions({"cluster": "K3", "action": "keep", "reason": "calc.py:5-6 is untested."}),
        testing={"intro": "", "items": [kept]},
    )
    md, _, (prompt,) = _review(tmp_path, doc)
    merged = prompt.split("## Design observations (merged from the seats)", 1)[1]
    merged = merged.split("## What to decide and write", 1)[0]
    assert "would have caught K1 (see `I1` in code)" in merged
    assert "(K1 here; another review may number it I1)" in merged
    assert "— K1 shows what that costs." in merged
    assert "untested; see K3." in merged
    testing = _section(md, "## Testing Assessment", "\n---")
    assert testing.strip() == (
        "1. **No test caught the `shout` crash** — a single `shout(None)` test would have caught "
        "C1 (see `I1` in code). [Alpha]"
    )


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
        f"- Dropped Charlie I1 ({OVERFLOW_LABEL}) from S1 as a false positive: {FP_REASON}\n"
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


# The lead's prose about a cluster it split (trial34 item 3) ----------------------------------


def test_prose_about_a_split_cluster_names_the_part_it_means_or_all_parts(tmp_path: Path) -> None:
    doc = _answer(
        _decisions(
            {"cluster": "K3", "action": "split", "split_members": ["charlie:I1"],
             "reason": "charlie:I1 claims an overflow at calc.py:6, a different problem."},
            {"cluster": "K3", "action": "keep", "reason": "K3 holds: nothing tests `sub`."},
            {"cluster": "K3.2", "action": "drop", "false_positive": True,
             "reason": "Unlike the rest of K3, this claim is wrong: " + FP_REASON},
        ),
        executive_summary="The change adds `sub` and `shout`; K1 must be fixed, and K3 was "
        "partly wrong.",
        retro=[
            {"seat": "bravo", "narrative": "Bravo found K1 and K3."},
            {"seat": "charlie", "narrative": "Charlie's overflow claim (K3) is a false positive."},
        ],
    )  # fmt: skip
    md, report, _ = _review(tmp_path, doc)
    assert report.executive_summary == (
        "The change adds `sub` and `shout`; C1 must be fixed, and S1/Charlie I1 was partly wrong."
    )
    narratives = {s.seat: s.narrative for s in report.retro.seats}
    assert narratives["charlie"] == "Charlie's overflow claim (Charlie I1) is a false positive."
    assert narratives["bravo"] == "Bravo found C1 and S1."
    reconciliation = _section(md, "**Reconciliation**", "## Review Process Notes")
    assert "Unlike the rest of S1/Charlie I1, this claim is wrong" in reconciliation


def test_prose_about_a_split_cluster_kept_whole_names_both_findings(tmp_path: Path) -> None:
    doc = _answer(
        _decisions(
            {"cluster": "K3", "action": "split", "split_members": ["charlie:I1"],
             "reason": "charlie:I1 claims an overflow at calc.py:6, a different problem."},
            {"cluster": "K3.2", "action": "keep", "reason": "K3.2 is its own claim."},
        ),
        executive_summary="K3 covers `sub`.",
        retro=[{"seat": "charlie", "narrative": "Charlie raised K3."}],
    )  # fmt: skip
    _, report, _ = _review(tmp_path, doc)
    assert [(f.id, f.reviewers) for f in report.findings] == [
        ("C1", ("Alpha", "Bravo")),
        ("I1", ("Charlie",)),
        ("I2", ("Alpha",)),
        ("S1", ("Alpha", "Bravo")),
    ]
    assert report.executive_summary == "S1/I1 covers `sub`."
    narratives = {s.seat: s.narrative for s in report.retro.seats}
    assert narratives["charlie"] == "Charlie raised I1."


def test_prose_naming_a_split_cluster_beside_its_part_means_what_the_split_left(
    tmp_path: Path,
) -> None:
    """The lead writes "K3 and K3.2 need fixing": the sentence names the part on its own, so
    K3 is the rest of K3 (S1), never both parts again ("S1/I1 and I1")."""
    doc = _answer(
        _decisions(
            {"cluster": "K3", "action": "split", "split_members": ["charlie:I1"],
             "reason": "charlie:I1 claims an overflow at calc.py:6, a different problem."},
            {"cluster": "K3.2", "action": "keep", "reason": "K3.2 is its own claim."},
        ),
        executive_summary="K3 and K3.2 both need work; K3 alone is about tests.",
        verdict={"label": "Rework", "reason": "K1, K3 and K3.2 need fixing."},
    )  # fmt: skip
    _, report, _ = _review(tmp_path, doc)
    assert [(f.id, f.reviewers) for f in report.findings][1] == ("I1", ("Charlie",))
    assert report.header.verdict.reason == "C1, S1 and I1 need fixing."
    assert report.executive_summary == "S1 and I1 both need work; S1 alone is about tests."
