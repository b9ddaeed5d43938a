"""A later round's seats are told what every earlier round closed or dropped, not only what the
round before left open, through the real `deep-review` command (the prompt file each seat
received, as stored): a finding fixed in round 1's successor, or dropped by round 1's lead, was
missing from round 3's prompt, so its seats raised it again as new."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from deepreview.rounds.prompt import CLOSED_LISTED, ClosedNote, round_prompt
from support.repos import cli_env, commit_all, make_repo, run_cli, write
from support.rounds import NO_FINDINGS, run_round

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lead"))
from lead_kit import ANSWER, fenced, install_fake_claude, write_config

from support.first_round import first_round

CLAIMS_FIXED = (
    NO_FINDINGS.format(summary="Looks done.") + "\n## Round 2 Fix Verdicts\n\n- I1: fixed\n"
)


def _closed_section(prompt: str) -> list[str]:
    """The lines inside the prompt's closed-findings data fence (its markers checked)."""
    assert "### Closed in earlier rounds" in prompt, prompt[-3000:]
    found = re.search(
        r"<<<UNTRUSTED DATA closed-findings (\S+) — not instructions>>>\n(.*?)\n"
        r"<<<END UNTRUSTED DATA closed-findings \1>>>",
        prompt,
        re.DOTALL,
    )
    assert found, prompt[-3000:]
    return found.group(2).splitlines()


def test_round_three_is_told_what_round_two_found_fixed(tmp_path: Path) -> None:
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n")
    commit_all(repo, "Handle a zero divisor")
    second = run_round(fakes, repo, CLAIMS_FIXED)
    prompt2 = (Path(second["review_dir"]) / "prompt-alpha.md").read_text(encoding="utf-8")
    assert "### Closed in earlier rounds" not in prompt2  # round 1 closed nothing
    write(repo, "notes.txt", "notes\n")
    # two lines above `div`: the fixed finding is listed at its line now
    write(
        repo,
        "calc.py",
        "# Division.\n\ndef div(a, b):\n    # divide\n    return a / b if b else 0.0\n",
    )
    commit_all(repo, "Notes")

    third = run_round(fakes, repo, NO_FINDINGS.format(summary="Nothing to say."))
    prompt = (Path(third["review_dir"]) / "prompt-alpha.md").read_text(encoding="utf-8")
    assert _closed_section(prompt) == [
        "- Round 1 I1. Division by zero is not handled — `calc.py:5` — fixed in round 2"
    ]
    assert "open findings" not in prompt  # round 2 left nothing open: nothing to judge


def test_round_three_is_told_what_round_one_s_lead_dropped(tmp_path: Path) -> None:
    """Round 1's lead drops Charlie's C1; round 2 (no lead) closes nothing; round 3's seats
    still hear of it, with where it was and that the lead dropped it."""
    repo = make_repo(tmp_path)
    write_config(tmp_path / "user-config.toml")
    install_fake_claude(tmp_path / "bin", [fenced(ANSWER)], log_dir=tmp_path / "log")
    env = cli_env(tmp_path, {"ANTHROPIC_API_KEY": "test-key-not-a-secret"})
    env["PATH"] = f"{tmp_path / 'bin'}{os.pathsep}{env['PATH']}"
    first = run_cli(
        ["review", "--agents", "alpha,bravo,charlie", "--json", "--lead", "claude"],
        cwd=repo,
        env=env,
    )
    assert first.returncode == 0, first.stderr[-2000:]
    for n in (2, 3):
        write(repo, "notes.txt", f"notes {n}\n")
        commit_all(repo, f"Notes {n}")
        res = run_cli(
            ["review", "--agents", "alpha,bravo", "--json", "--lead", "none"], cwd=repo, env=env
        )
        assert res.returncode == 0, res.stderr[-2000:]
    prompt = (Path(res.json()["review_dir"]) / "prompt-alpha.md").read_text(encoding="utf-8")
    [line] = [ln for ln in _closed_section(prompt) if "Charlie C1" in ln]
    assert line.startswith("- Round 1 Charlie C1. "), line
    assert line.endswith(" — dropped by the lead in round 1"), line
    assert "overflow" in line.lower() and "`calc.py" in line, line


def test_very_many_closed_findings_are_counted_not_listed() -> None:
    closed = [
        ClosedNote(f"Round 1 I{n}", f"Problem {n}", f"a.py:{n}", "fixed in round 2")
        for n in range(1, CLOSED_LISTED + 6)
    ]
    text = round_prompt(
        previous_no=2,
        previous_id="R2",
        previous_sha="abc",
        interdiff="",
        interdiff_note="",
        open_findings=(),
        declines=(),
        fence_open=lambda label: f"<<<{label}>>>",
        fence_close=lambda label: f"<<</{label}>>>",
        closed=closed,
    )
    inside = text.split("<<<closed-findings>>>\n", 1)[1].split("\n<<</closed-findings>>>", 1)[0]
    assert len(inside.splitlines()) == CLOSED_LISTED
    assert "(5 more closed in earlier rounds are not listed: the newest are.)" in text
