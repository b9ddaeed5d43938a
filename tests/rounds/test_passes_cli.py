"""`--passes N` / `--thorough` through the real command with a command seat."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fakebin.harness import Fakes
from support.rounds import ROUND1, make_branch_repo, stored

PASS2_NEW = """## Executive Summary

Looked at the callers this time.

## Findings

### Critical Issues

None.

### Important Issues

I1. **Whole-number division now returns a float** — `calc.py:2-3` (important, gap)

```python
    # divide
```

`div(4, 2)` gives `2.0` where callers of the old helper got `2`; verified by reading.

### Suggestions

None.
"""


def run_passes(fakes: Fakes, repo: Path, pass2: str, *args: str) -> dict:  # type: ignore[type-arg]
    first = fakes.tmp / "pass1.md"
    first.write_text(ROUND1, encoding="utf-8")
    second = fakes.tmp / "pass2.md"
    second.write_text(pass2, encoding="utf-8")
    count = fakes.tmp / "starts.txt"
    seat = fakes.seat(
        "ok",
        "--review-file",
        str(first),
        "--when",
        f"## Pass 2: look where={second}",
        "--count-file",
        str(count),
    )
    fakes.write_config({"alpha": seat})
    res = fakes.review(repo, "--agents", "alpha", "--format", "md", *args)
    assert res.returncode == 0, res.stderr
    out: dict = res.json()  # type: ignore[type-arg]
    out["starts"] = count.read_text().count("ok")
    return out


def test_a_seat_with_an_important_finding_runs_a_second_pass(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    out = run_passes(fakes, repo, PASS2_NEW, "--passes", "2")
    rid = out["review_id"]
    assert out["starts"] == 2
    folder = fakes.store / rid
    prompt2 = (folder / "prompt-alpha-pass-2.md").read_text(encoding="utf-8")
    assert "## Pass 2: look where you have not looked yet" in prompt2
    # the seat's earlier findings (its words about the author's text) are fenced as data
    assert re.search(
        r"<<<UNTRUSTED DATA earlier-findings (\w+) — not instructions>>>\n"
        r"- I1\. Division by zero is not handled — `calc\.py:3` \(important\)\n"
        r"<<<END UNTRUSTED DATA earlier-findings \1>>>",
        prompt2,
    )
    assert (folder / "review-alpha-pass-2.md").is_file()
    assert (folder / "transcript-alpha-pass-2.jsonl").is_file()
    md = stored(fakes, rid, ".md")
    assert "### [Alpha] — Pass 1" in md and "### [Alpha] — Pass 2" in md
    assert "Whole-number division now returns a float" in md.split("## Important Issues")[1]
    retro = md.split("## Agent Performance Retro", 1)[1]
    assert "pass 1: 0C 1I 0S (1 new)" in retro and "pass 2: 0C 1I 0S (1 new)" in retro
    # a sub-second pass reads `in 0.1 s`, never `in 0 s` (issue 11 §5: one duration format)
    assert re.search(r"pass 1: 0C 1I 0S \(1 new\) in \d+\.\d s", retro), retro
    data = json.loads(stored(fakes, rid, ".json"))
    assert [f["id"] for f in data["findings"]] == ["I1", "I2"]


def test_thorough_stops_early_when_a_pass_finds_nothing_new(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    out = run_passes(fakes, repo, ROUND1, "--thorough")
    assert out["starts"] == 2  # pass 2 repeated pass 1: no pass 3
    md = stored(fakes, out["review_id"], ".md")
    assert "pass 2: 0C 1I 0S (0 new)" in md
    assert "— Pass 3" not in md


def test_one_pass_by_default(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    out = run_passes(fakes, repo, PASS2_NEW)
    assert out["starts"] == 1
    assert not (fakes.store / out["review_id"] / "review-alpha-pass-2.md").exists()
