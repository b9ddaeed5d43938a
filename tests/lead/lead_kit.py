"""Shared pieces of the lead tests (also used by tests/e2e/test_lead_e2e.py).

Three `command` seats (alpha, bravo, charlie) print canned reviews of `support.repos.make_repo`'s
change (`sub` in calc.py, `shout` in util/strings.py). Consolidated deterministically they give
five clusters:

    K1  alpha:I1 + bravo:I1   `shout` crashes on None        (important, both)
    K2  alpha:I2              README does not document `sub`  (important)
    K3  bravo:S1              no unit test for `sub`          (suggestion)
    K4  charlie:C1            `add` overflows                 (critical; wrong: Python ints)
    K5  charlie:S1            string helper has no tests      (suggestion)

`ANSWER` is a lead's answer that keeps K1, downgrades K2, merges K5 into K3, drops K4 as a
false positive and adds one finding (L1).
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

import tomli_w

from deepreview.consolidate import SeatReview
from deepreview.findings.parse import parse_review
from deepreview.model import Reviewer

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
FAKE_CLAUDE = HERE / "fake_claude_lead.py"
SEATS = ("alpha", "bravo", "charlie")
CHANGED = ("calc.py", "util/strings.py")
EXPECTED_CLUSTERS = {
    "K1": ["alpha:I1", "bravo:I1"],
    "K2": ["alpha:I2"],
    "K3": ["bravo:S1"],
    "K4": ["charlie:C1"],
    "K5": ["charlie:S1"],
}

ANSWER: dict[str, Any] = {
    "decisions": [
        {
            "cluster": "K1",
            "action": "keep",
            "reason": "`shout` calls `s.upper()` unguarded at util/strings.py:2, so `shout(None)` "
            "raises AttributeError.",
        },
        {
            "cluster": "K2",
            "action": "severity",
            "severity": "suggestion",
            "reason": "README.md:1-3 is prose only; not mentioning `sub` breaks nothing.",
        },
        {
            "cluster": "K5",
            "action": "merge",
            "merge_into": "K3",
            "title": "New `sub` and `shout` ship without tests",
            "reason": "Both report that the helpers added at calc.py:5-6 and util/strings.py:1-2 "
            "have no test; one test module fixes both.",
        },
        {
            "cluster": "K4",
            "action": "drop",
            "false_positive": True,
            "reason": "Python integers are arbitrary precision, so `a + b` at calc.py:2 cannot "
            "overflow, and git blame shows `add` predates this change.",
        },
    ],
    "added_findings": [
        {
            "severity": "suggestion",
            "title": "`shout` changes the length of strings containing `ß`",
            "locations": [{"path": "util/strings.py", "start": 2}],
            "classification": "regression",
            "body": "```python\n    return s.upper()\n```\n\n`'ß'.upper()` is `'SS'`, so callers "
            "that slice by the input's length get the wrong text.",
            "fix": "```diff\n-    return s.upper()\n+    return s.upper()  # may grow\n```",
            "reason": "Read util/strings.py:2; `str.upper` applies full case mapping.",
        }
    ],
    "executive_summary": "The change adds `sub` and `shout`. K1 is a real crash on `None` and "
    "must be fixed; K3 and L1 are small follow-ups.",
    "verdict": {"label": "Merge with fixes", "reason": "K1 needs a guard for `None` first."},
    "retro": [
        {
            "seat": "alpha",
            "narrative": "Alpha found K1 with a verified repro and overrated the README gap K2.",
        },
        {"seat": "bravo", "narrative": "Bravo found K1 and the missing test for `sub` (K3)."},
        {
            "seat": "charlie",
            "narrative": "Charlie's overflow claim was a false positive; its test gap joined K3.",
        },
    ],
    "testing": {"intro": "", "items": ["No test calls `shout(None)` (K1)."]},
    "repo_context_updates": [
        '[repo] Add: "Python ints do not overflow." Why: Charlie flagged `add` (K4).'
    ],
}


def answer(**changes: Any) -> dict[str, Any]:
    """A deep copy of ANSWER with top-level keys replaced."""
    out = copy.deepcopy(ANSWER)
    out.update(changes)
    return out


def fenced(doc: dict[str, Any] | str) -> str:
    """The answer as a lead typically writes it: chatter, then a ```json fence."""
    body = doc if isinstance(doc, str) else json.dumps(doc, indent=2)
    return f"I verified each cluster against the code.\n\n```json\n{body}\n```\n"


def review_text(seat: str) -> str:
    return (FIXTURES / f"review-{seat}.md").read_text(encoding="utf-8")


def seat_reviews() -> list[SeatReview]:
    return [
        SeatReview(Reviewer(s, s.title()), parse_review(review_text(s), seat=s), None)
        for s in SEATS
    ]


def seat_argv(seat: str) -> list[str]:
    """A command seat that swallows the prompt and prints the canned review."""
    path = FIXTURES / f"review-{seat}.md"
    return ["sh", "-c", f'cat >/dev/null; cat "{path}"']


def write_config(path: Path, *, seats: dict[str, dict[str, Any]] | None = None) -> Path:
    """User config with the three canned seats plus any extra `[seats.NAME]` tables."""
    data: dict[str, Any] = {"seats": {s: {"argv": seat_argv(s)} for s in SEATS}}
    data["seats"].update(seats or {})
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def install_fake_claude(
    bin_dir: Path,
    answers: list[str],
    *,
    log_dir: Path,
    sleep: float = 0.0,
    crash: dict[str, Any] | None = None,
    hang: float = 0.0,
    cut_passes: tuple[int, ...] = (),
) -> Path:
    """`claude` on PATH in `bin_dir`, answering `answers` in turn, or crashing as `crash` says,
    or hanging `hang` seconds after its answer, its answer cut by the output limit on the runs
    `cut_passes` names (see fake_claude_lead.py)."""
    bin_dir.mkdir(parents=True, exist_ok=True)
    body = FAKE_CLAUDE.read_text(encoding="utf-8").split("\n", 1)[1]
    exe = bin_dir / "claude"
    exe.write_text(f"#!{sys.executable}\n{body}", encoding="utf-8")
    exe.chmod(0o755)
    scenario = {
        "answers": answers,
        "sleep": sleep,
        "log_dir": str(log_dir),
        "crash": crash,
        "hang": hang,
        "cut_passes": list(cut_passes),
    }
    (bin_dir / "claude.scenario.json").write_text(json.dumps(scenario), encoding="utf-8")
    return exe


def prompts_seen(log_dir: Path) -> list[str]:
    return [
        (log_dir / f"prompt-{n}.txt").read_text(encoding="utf-8")
        for n in range(1, len(list(log_dir.glob("prompt-*.txt"))) + 1)
    ]
