"""A seat that repeats its own earlier finding in a later pass, in other words, at a line of
the same place: one finding in the report (the more severe grade), and the pass counts it as
nothing new. Two findings of one pass stay two."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.rounds import ROUND1, make_branch_repo, stored

# ROUND1's I1 ("Division by zero is not handled" at `calc.py:3`) again, reworded and re-graded,
# beside one new suggestion.
PASS2_REPEAT = """## Executive Summary

Looked again.

## Findings

### Critical Issues

C1. **A zero divisor crashes `div` (request lost)** — `calc.py:3` (critical, regression)

```python
    return a / b
```

Re-checked: `div(1, 0)` raises ZeroDivisionError and the request is lost.

### Important Issues

None.

### Suggestions

S1. **The `# divide` comment says nothing** — `calc.py:2` (suggestion, gap)

Drop it or say what the function promises.
"""


def _run(tmp_path: Path, pass2: str) -> tuple[Fakes, dict]:  # type: ignore[type-arg]
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    first = fakes.tmp / "pass1.md"
    first.write_text(ROUND1, encoding="utf-8")
    second = fakes.tmp / "pass2.md"
    second.write_text(pass2, encoding="utf-8")
    when = f"## Pass 2: look where={second}"
    seat = fakes.seat("ok", "--review-file", str(first), "--when", when)
    fakes.write_config({"alpha": seat})
    res = fakes.review(repo, "--agents", "alpha", "--format", "md", "--passes", "2")
    assert res.returncode == 0, res.stderr
    out: dict = res.json()  # type: ignore[type-arg]
    return fakes, out


def test_a_seat_repeating_its_pass_1_finding_in_pass_2_is_one_finding(tmp_path: Path) -> None:
    fakes, out = _run(tmp_path, PASS2_REPEAT)
    rid = out["review_id"]
    data = json.loads(stored(fakes, rid, ".json"))
    got = [(f["id"], f["locations"][0]["start"]) for f in data["findings"]]
    assert len(data["findings"]) == 2, got
    first, second = data["findings"]
    # the repeat keeps the more severe grade the seat gave it
    assert first["id"] == "C1" and first["locations"][0]["start"] == 3
    assert second["id"] == "S1"
    md = stored(fakes, rid, ".md")
    retro = md.split("## Agent Performance Retro", 1)[1]
    assert "pass 2: 1C 0I 1S (1 new)" in retro, retro
