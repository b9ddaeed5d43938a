"""Through the real `deep-review consolidate`: one seat tells a failure over a block (the worker
crashes when the inbox is empty), another the code's fault at a line inside it (the message is
read before the length check), graded alike and saying the same of it in other words: one
problem, as a careful lead tells it. The same fault beside a range as long as a section (a
remark over the whole module) stays apart: a section holds every remark on its lines. So does
another fault at a line inside the block that says little of what the symptom says."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

_SYMPTOM = """## Findings

### Critical Issues

#### C1. The worker crashes as soon as the inbox runs dry

**File:** `jobs/worker.py:{lines}`

When the inbox queue is empty the polling loop still takes the next message and the process
dies with an exception, so one quiet minute takes the whole worker down until it is restarted.
"""

_CAUSE = """## Findings

**High — `pop_next` is read before the length check** (`jobs/worker.py:14`): the loop reads the
next message from the inbox queue first and only then looks at whether the queue was empty;
move the check above the read.
"""


_OTHER_FAULT = """## Findings

**High — `POLL_SECONDS` is hard-coded** (`jobs/worker.py:14`): the interval should come from
the settings file so operators can tune it per deployment.
"""


def _consolidate(tmp_path: Path, lines: str, other: str = _CAUSE) -> list[list[str]]:
    a, b = tmp_path / "review-claude-pass-1.md", tmp_path / "review-gemini-pass-1.md"
    a.write_text(_SYMPTOM.format(lines=lines), encoding="utf-8")
    b.write_text(other, encoding="utf-8")
    res = run_cli(
        ["consolidate", str(a), str(b), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path)
    )
    assert res.returncode == 0, res.stderr
    return sorted(f["reviewers"] for f in json.loads(res.stdout)["findings"])


def test_the_symptom_over_a_block_merges_with_its_cause_inside(tmp_path: Path) -> None:
    assert _consolidate(tmp_path, "10-20") == [["Claude", "Gemini"]]


def test_a_section_wide_range_does_not_take_in_the_line_inside(tmp_path: Path) -> None:
    assert _consolidate(tmp_path, "2-40") == [["Claude"], ["Gemini"]]


def test_another_fault_inside_the_block_stays_apart(tmp_path: Path) -> None:
    assert _consolidate(tmp_path, "10-20", _OTHER_FAULT) == [["Claude"], ["Gemini"]]
