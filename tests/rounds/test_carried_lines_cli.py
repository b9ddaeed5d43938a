"""A finding carried to a later round names the lines its code moved to (trial 58b, defect 3):
six lines added above `return hi` move round 1's `calc.py:3` to `calc.py:9` in the report,
its JSON and SARIF, and in the next round's prompt."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import commit_all, write
from support.rounds import alpha_seat, feature_branch_repo, stored

CLAMP = "def clamp(x, lo, hi):\n    if x < lo:\n        return hi\n    return min(x, hi)\n"
ROUND1 = """## Findings

### Critical Issues

None.

### Important Issues

I1. **`clamp` returns the upper bound for values below `lo`** — `calc.py:3` (important, regression)

`clamp(-5, 0, 10)` returns 10 instead of 0.

### Suggestions

None.
"""
ROUND2 = """## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

None.

## Round 1 Fix Verdicts

- I1: not fixed — `clamp` still returns `hi` for `x < lo`
"""


def _round(fakes: Fakes, repo: Path, text: str) -> str:
    fakes.write_config(alpha_seat(fakes, text))
    res = fakes.review(repo, "--agents", "alpha", "--format", "md", "--format", "sarif")
    assert res.returncode == 0, res.stderr
    rid: str = res.json()["review_id"]
    return rid


def test_a_carried_finding_follows_its_lines(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = feature_branch_repo(tmp_path, "calc.py", "def noop():\n    pass\n", CLAMP, "Add clamp")
    _round(fakes, repo, ROUND1)

    write(repo, "calc.py", '"""Clamping.\n\nSix lines of\nmodule docs.\n"""\n\n' + CLAMP)
    commit_all(repo, "Document the module")
    rid2 = _round(fakes, repo, ROUND2)
    data = json.loads(stored(fakes, rid2, ".json"))
    [carried] = data["findings"]
    assert carried["carry_forward"] == "Round 1 I1, not fixed"
    assert carried["locations"][0]["start"] == 9
    assert "`calc.py:9`" in stored(fakes, rid2, ".md").split("## Important Issues", 1)[1]
    sarif = json.loads(stored(fakes, rid2, ".sarif"))
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 9

    # Round 3's seats are asked about it where it is (one more line above it now).
    write(repo, "calc.py", '"""Clamping.\n\nSeven lines of\nmodule\ndocs.\n"""\n\n' + CLAMP)
    commit_all(repo, "More docs")
    rid3 = _round(fakes, repo, ROUND2.replace("Round 1", "Round 2"))
    prompt = (fakes.store / rid3 / "prompt-alpha.md").read_text(encoding="utf-8")
    assert "calc.py:10" in prompt and "calc.py:9" not in prompt
