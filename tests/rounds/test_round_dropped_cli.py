"""A finding the lead dropped in round 1 that a seat raises again in round 2, through the real
`deep-review` command (a fake `claude` lead, three command seats): it says it was dropped by
the lead, not that it is new."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from support.repos import cli_env, commit_all, run_cli, write

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lead"))
from lead_kit import ANSWER, fenced, install_fake_claude, write_config

from support.repos import make_repo


def _with_a_claude_lead(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A repository, and seats alpha, bravo, charlie (Charlie claims `add` overflows) with a
    fake Claude lead that drops Charlie's claim as a false positive."""
    repo = make_repo(tmp_path)
    write_config(tmp_path / "user-config.toml")
    install_fake_claude(tmp_path / "bin", [fenced(ANSWER)], log_dir=tmp_path / "log")
    env = cli_env(tmp_path, {"ANTHROPIC_API_KEY": "test-key-not-a-secret"})
    env["PATH"] = f"{tmp_path / 'bin'}{os.pathsep}{env['PATH']}"
    return repo, env


def _reviewed(
    repo: Path, env: dict[str, str], lead: str, *more: str, agents: str = "alpha,bravo,charlie"
) -> tuple[dict[str, Any], dict[str, str]]:
    """A review by `agents` led by `lead` ("claude" or "none"): its JSON report and the paths
    of its files."""
    res = run_cli(
        ["review", "--agents", agents, "--json", "--lead", lead, *more], cwd=repo, env=env
    )
    assert res.returncode == 0, res.stderr[-2000:]
    paths: dict[str, str] = res.json()["paths"]
    return json.loads(Path(paths["json"]).read_text(encoding="utf-8")), paths


def _charlie_says(tmp_path: Path, name: str, review: str) -> None:
    """Charlie's review from now on: `review`, kept in `name` and printed by his command."""
    kept = tmp_path / name
    kept.write_text(review, encoding="utf-8")
    charlie = {"argv": ["sh", "-c", f'cat >/dev/null; cat "{kept}"']}
    write_config(tmp_path / "user-config.toml", seats={"charlie": charlie})


def test_a_finding_the_lead_dropped_and_a_seat_raises_again_is_not_new(tmp_path: Path) -> None:
    repo, env = _with_a_claude_lead(tmp_path)

    # Round 1: the lead drops Charlie's C1 (`add` overflows) as a false positive.
    data1, _ = _reviewed(repo, env, "claude")
    assert not any("overflow" in f["title"].lower() for f in data1["findings"])

    # Round 2, without a lead: Charlie raises it again.
    write(repo, "notes.txt", "notes\n")
    commit_all(repo, "Add notes")
    data, paths = _reviewed(repo, env, "none")
    md = Path(paths["md"]).read_text(encoding="utf-8")
    [overflow] = [f for f in data["findings"] if "overflow" in f["title"].lower()]
    assert overflow["carry_forward"] == "Round 1 Charlie C1, dropped by the lead, raised again"
    assert overflow["id"] not in data["round_info"]["new_findings"]
    assert "(Round 1 Charlie C1, dropped by the lead, raised again)" in md
    assert "1 dropped by the lead in round 1, raised again" in data["executive_summary"]
    # a claim round 1's lead judged false is no finding the other seats missed
    for seat in data["retro"]["seats"]:
        if seat["seat"] in ("alpha", "bravo"):
            assert overflow["id"] not in seat["narrative"], seat["narrative"]


def test_a_previous_finding_whose_re_raise_the_lead_drops_closes(tmp_path: Path) -> None:
    """Round 1 (no lead) reports Charlie's overflow claim; in round 2 Charlie raises it again and
    the lead drops it as a false positive: the round-1 finding closes, dropped by the lead — it
    is not carried as an open finding without a verdict (which moved the verdict and tripped
    --fail-on), and round 3 does not bring it back."""
    repo, env = _with_a_claude_lead(tmp_path)

    data1, _ = _reviewed(repo, env, "none")
    [c1] = [f for f in data1["findings"] if "overflow" in f["title"].lower()]
    assert c1["severity"] == "critical"

    # Round 2 on the same code, the lead drops Charlie's re-raise (K4) as a false positive.
    data, paths = _reviewed(repo, env, "claude", "--fail-on", "critical")
    md = Path(paths["md"]).read_text(encoding="utf-8")
    assert not any("overflow" in f["title"].lower() for f in data["findings"])
    [fv] = [v for v in data["round_info"]["fix_verdicts"] if v["prior_id"] == c1["id"]]
    assert fv["carried_as"] is None
    assert fv["dropped_by_lead"] is True
    row = next(line for line in md.splitlines() if line.startswith(f"| {c1['id']}. **Integer"))
    assert "| dropped by the lead | Charlie: raised it again | closed |" in row
    assert "closed without a verdict" not in data["executive_summary"]

    # Round 3, Charlie no longer reviewing: nothing of the overflow claim comes back.
    write(repo, "notes.txt", "notes\n")
    commit_all(repo, "Add notes")
    data3, _ = _reviewed(repo, env, "none", agents="alpha,bravo")
    assert not any("overflow" in f["title"].lower() for f in data3["findings"])
    assert not any("overflow" in v["title"].lower() for v in data3["round_info"]["fix_verdicts"])


# Charlie's round-1 overflow claim, worded its own way: another title, the same place and fault.
_CHARLIE_REWORDED = """## Executive Summary

`add` still wraps.

## Findings

### Critical Issues

C1. **`add` wraps around on big integers** — `calc.py:2` (critical, regression)

```python
    return a + b
```

Summing two huge integers in `add` overflows and wraps around to a negative value.

### Important Issues

None.

### Suggestions

None.
"""


def test_a_dropped_false_positive_raised_again_in_other_words_is_not_new(tmp_path: Path) -> None:
    """Round 1's lead drops Charlie's `add` overflow claim as a false positive; in round 2
    Charlie raises it again under another title, at the same lines, saying the same: it is the
    dropped claim raised again (as the consolidation would merge the two), not a new Critical
    that makes the round "Rework"."""
    repo, env = _with_a_claude_lead(tmp_path)
    _reviewed(repo, env, "claude")

    _charlie_says(tmp_path, "charlie-round-2.md", _CHARLIE_REWORDED)
    write(repo, "notes.txt", "notes\n")
    commit_all(repo, "Add notes")
    data, _ = _reviewed(repo, env, "none")
    [wraps] = [f for f in data["findings"] if "wraps around" in f["title"]]
    assert wraps["carry_forward"] == "Round 1 Charlie C1, dropped by the lead, raised again"
    assert wraps["id"] not in data["round_info"]["new_findings"]


# Another problem at the line of Charlie's dropped overflow claim: a wrong result, which the
# overflow claim never names.
_CHARLIE_OTHER_PROBLEM = """## Executive Summary

`add` mixes types.

## Findings

### Critical Issues

C1. **`add` returns text instead of a number** — `calc.py:2` (critical, regression)

```python
    return a + b
```

`add("1", "2")` is `"12"`: callers summing form fields get text back.

### Important Issues

None.

### Suggestions

None.
"""


def test_another_problem_at_a_dropped_claims_line_is_new(tmp_path: Path) -> None:
    """Round 1's lead drops Charlie's overflow claim at `calc.py:2`; in round 2 Charlie raises
    at that line a wrong result the overflow claim never named: a new Critical, not the
    false positive raised again (which left it out of the verdict and `--fail-on`)."""
    repo, env = _with_a_claude_lead(tmp_path)
    _reviewed(repo, env, "claude")

    _charlie_says(tmp_path, "charlie-round-2.md", _CHARLIE_OTHER_PROBLEM)
    write(repo, "notes.txt", "notes\n")
    commit_all(repo, "Add notes")
    data, _ = _reviewed(repo, env, "none")
    [text] = [f for f in data["findings"] if "text instead of" in f["title"]]
    assert text["carry_forward"] == "new"
    assert text["id"] in data["round_info"]["new_findings"]


def _charlie_overflow(place: str, function: str, code: str) -> str:
    """Charlie's review: one overflow claim under a title that names no code, at `place`."""
    return f"""## Executive Summary

`{function}` can overflow.

## Findings

### Critical Issues

C1. **Integer overflow is not checked** — `{place}` (critical, regression)

```python
{code}
```

`{function}` on two large integers overflows and wraps around.

### Important Issues

None.

### Suggestions

S1. **The new string helper ships without tests** — `util/strings.py` (suggestion, gap)

No test module exercises the new string helper.
"""


def test_a_dropped_claim_at_other_code_does_not_close_an_open_finding(tmp_path: Path) -> None:
    """Round 1 (no lead) reports Charlie's 'Integer overflow is not checked' at `add`
    (calc.py:1-2). In round 2 `mul` is added 30 lines below and Charlie raises that title at
    `mul` only; the lead drops that claim. The drop is about `mul`: round 1's finding at `add`
    is not closed as 'dropped by the lead' (a title naming no code took any claim of it in the
    file, as raising it again already does not)."""
    repo, env = _with_a_claude_lead(tmp_path)
    _charlie_says(
        tmp_path,
        "charlie-round-1.md",
        _charlie_overflow("calc.py:1-2", "add", "def add(a, b):\n    return a + b"),
    )
    data1, _ = _reviewed(repo, env, "none")
    [c1] = [f for f in data1["findings"] if f["title"] == "Integer overflow is not checked"]

    calc = (repo / "calc.py").read_text(encoding="utf-8")
    filler = "".join(f"\n\ndef const{i}():\n    return {i}\n" for i in range(8))
    write(repo, "calc.py", f"{calc}{filler}\n\ndef mul(a, b):\n    return a * b\n")
    commit_all(repo, "Add mul")
    mul_line = (repo / "calc.py").read_text(encoding="utf-8").splitlines().index(
        "    return a * b"
    ) + 1
    assert mul_line > 30
    _charlie_says(
        tmp_path,
        "charlie-round-2.md",
        _charlie_overflow(f"calc.py:{mul_line}", "mul", "    return a * b"),
    )
    data, _ = _reviewed(repo, env, "claude")
    assert not any(f["title"] == "Integer overflow is not checked" for f in data["findings"])
    [fv] = [v for v in data["round_info"]["fix_verdicts"] if v["prior_id"] == c1["id"]]
    assert fv["dropped_by_lead"] is False, fv
