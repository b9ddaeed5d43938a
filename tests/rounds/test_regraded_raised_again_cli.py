"""A lead's re-grade does not split one problem in two across rounds, through the real
`deep-review` command (three command seats, a fake `claude` lead): a seat raising a prior finding
again at the grade it gave it before a lead re-graded it (round 1's lead, or this round's) raises
that finding again — one finding, carried — not a `(new)` one beside the carried prior."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from support.repos import cli_env, commit_all, make_repo, run_cli, write

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lead"))
from lead_kit import ANSWER, fenced, install_fake_claude, write_config

_EMPTY = """## Executive Summary

Nothing new.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

None.
"""


def _review(important: str = "None.", suggestions: str = "None.") -> str:
    return _EMPTY.replace(
        "### Important Issues\n\nNone.", f"### Important Issues\n\n{important}"
    ).replace("### Suggestions\n\nNone.", f"### Suggestions\n\n{suggestions}")


def _rounds(
    tmp_path: Path, round2: dict[str, str], answers: list[str], lead2: str
) -> dict[str, Any]:
    """Round 1: the canned seats, the lead answering ANSWER (Alpha's README I2 downgraded to a
    suggestion; the `ß` finding added). Round 2 after a commit to util/strings.py: each seat
    prints `round2[seat]`, with `--lead lead2`. The round-2 report JSON."""
    repo = make_repo(tmp_path)
    write_config(tmp_path / "user-config.toml")
    install_fake_claude(tmp_path / "bin", answers, log_dir=tmp_path / "log")
    env = cli_env(tmp_path, {"ANTHROPIC_API_KEY": "test-key-not-a-secret"})
    env["PATH"] = f"{tmp_path / 'bin'}{os.pathsep}{env['PATH']}"
    seats = ["--agents", "alpha,bravo,charlie", "--json"]
    first = run_cli(["review", *seats, "--lead", "claude"], cwd=repo, env=env)
    assert first.returncode == 0, first.stderr[-2000:]

    tables = {}
    for seat, text in round2.items():
        path = tmp_path / f"{seat}-round-2.md"
        path.write_text(text, encoding="utf-8")
        tables[seat] = {"argv": ["sh", "-c", f'cat >/dev/null; cat "{path}"']}
    write_config(tmp_path / "user-config.toml", seats=tables)
    write(repo, "util/strings.py", 'def shout(s):\n    return (s or "").upper()\n')
    commit_all(repo, "Guard None in shout")
    second = run_cli(["review", *seats, "--lead", lead2], cwd=repo, env=env)
    assert second.returncode == 0, second.stderr[-2000:]
    data: dict[str, Any] = json.loads(
        Path(second.json()["paths"]["json"]).read_text(encoding="utf-8")
    )
    return data


def test_a_seat_raising_again_what_round_1s_lead_downgraded_raises_it_again(
    tmp_path: Path,
) -> None:
    """Round 1's lead graded Alpha's README finding down to a suggestion; in round 2 (no lead)
    Alpha raises it again in its own words at its own grade, important."""
    readme = (
        "I1. **README omits the new `sub` helper** — `README.md:1-3` (important, gap)\n\n"
        "The README describes the repository but never mentions the new `sub` function.\n"
    )
    data = _rounds(
        tmp_path,
        {"alpha": _review(important=readme), "bravo": _EMPTY, "charlie": _EMPTY},
        [fenced(ANSWER)],
        "none",
    )
    about_readme = [f for f in data["findings"] if f["locations"][0]["path"] == "README.md"]
    assert len(about_readme) == 1, [(f["id"], f["title"], f["carry_forward"]) for f in about_readme]
    [readme_finding] = about_readme
    assert readme_finding["carry_forward"].startswith("Round 1 S")
    assert readme_finding["carry_forward"].endswith("raised again")
    assert data["round_info"]["new_findings"] == []


@pytest.mark.parametrize("judged", [True, False])
def test_a_re_raise_this_rounds_lead_grades_up_is_the_prior_finding(
    tmp_path: Path, judged: bool
) -> None:
    """Round 1's lead added the `ß` suggestion; in round 2 Charlie raises it again in its own
    words as a suggestion and round 2's lead grades that up to important. With no seat judging
    round 1's I1 (`shout` crashes on `None`, the same line) the re-raise scores with I1 too
    (0.48) but far higher with the `ß` finding: it is that one's (tr63: I1, first in order, took
    it and the `ß` finding was carried besides, one problem twice)."""
    sharp_s = (
        "S1. **`shout` output length differs for the German sharp s** — `util/strings.py:2` "
        "(suggestion, regression)\n\n"
        "`'ß'.upper()` is `'SS'`, so callers that slice by the input's length get the wrong "
        "text.\n"
    )
    regrade = {
        "decisions": [
            {
                "cluster": "K1",
                "action": "severity",
                "severity": "important",
                "reason": "Callers slice by length: the `ß` growth at util/strings.py:2 corrupts "
                "their output.",
            }
        ],
        "executive_summary": "K1 is graver than Charlie said.",
        "verdict": {"label": "Merge with fixes", "reason": "K1 needs fixing."},
    }
    fixed = _EMPTY + "\n## Round 2 Fix Verdicts\n\n- I1: fixed — `shout` guards `None` now\n"
    data = _rounds(
        tmp_path,
        {
            "alpha": fixed if judged else _EMPTY,
            "bravo": _EMPTY,
            "charlie": _review(suggestions=sharp_s),
        },
        [fenced(ANSWER), fenced(regrade)],
        "claude",
    )
    about_sharp_s = [f for f in data["findings"] if "ß" in f["title"] or "sharp s" in f["title"]]
    assert len(about_sharp_s) == 1, [(f["id"], f["title"]) for f in about_sharp_s]
    [finding] = about_sharp_s
    assert finding["severity"] == "important"
    assert finding["carry_forward"].startswith("Round 1 S")
    assert data["round_info"]["new_findings"] == []
