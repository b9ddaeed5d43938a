"""What a later round says became of a prior finding, through the real `deep-review` command:
a `fixed` claimed on code no commit touched is not taken, a finding closed or dropped before
and raised again is no new finding, and the report's Fix Verdicts table, the carried finding's
tag and the PR summary say one status."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from deepreview.publish.followup import may_reply, plan_replies, round_lines
from deepreview.serialize import report_from_data
from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import commit_all, run_cli, write
from support.rounds import ROUND1, make_branch_repo, run_round, stored

ROUND1_BODY = ROUND1.split("## Findings", 1)[1]
# A later round's review raising I1 again as round 1 did, with the fix verdicts given.
RAISED_AGAIN = "## Executive Summary\n\nStill divides.\n\n## Findings" + ROUND1_BODY
CLAIMS_FIXED = """## Executive Summary

Looks done.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

None.

## Round {n} Fix Verdicts

- I1: fixed
"""


def _round(fakes: Fakes, repo: Path, text: str) -> tuple[dict[str, Any], str]:
    rid = run_round(fakes, repo, text)["review_id"]
    return json.loads(stored(fakes, rid, ".json")), stored(fakes, rid, ".md")


def _verdict_row(md: str, number: int) -> str:
    section = md.split(f"## Round {number} Fix Verdicts", 1)[1].split("\n## ", 1)[0]
    return next(line for line in section.splitlines() if line.startswith("| I1."))


def _unrelated_commit(repo: Path, n: int) -> None:
    write(repo, "notes.txt", f"note {n}\n")
    commit_all(repo, f"Notes {n}")


def test_a_fixed_claim_on_code_no_commit_touched_keeps_the_finding_open(tmp_path: Path) -> None:
    """Round 1 raises I1 at calc.py:3; round 2's commit changes only notes.txt, and the seat
    says `- I1: fixed`. Nobody changed the code: the claim is not taken, I1 stays open, the
    PR gets no `Fixed` reply; round 3 raising it again carries it (not `new`)."""
    fakes, repo, _ = first_round(tmp_path)
    _unrelated_commit(repo, 1)
    data, md = _round(fakes, repo, CLAIMS_FIXED.format(n=2))

    [fv] = data["round_info"]["fix_verdicts"]
    assert (fv["verdict"], fv["code_unchanged"], fv["carried_as"]) == (None, True, "I1")
    assert [f["carry_forward"] for f in data["findings"]] == [
        "Round 1 I1, claimed fixed, code unchanged"
    ]
    assert "(Round 1 I1, claimed fixed, code unchanged)" in md
    row = _verdict_row(md, 2)
    assert "| claimed fixed, code unchanged | Alpha: fixed — “fixed” | [I1](#i1) |" in row, row
    assert "no commit since round 1 touched its files" in md
    assert data["header"]["verdict"]["label"] == "Merge with fixes"
    assert "1 still open from round 1" in data["executive_summary"]

    report = report_from_data(data)
    assert not may_reply(report)  # no `Fixed` reply, no thread resolved
    assert plan_replies(report, None, [], "x") == ()
    lines = "\n".join(round_lines(report))
    assert "claimed fixed, code unchanged (Alpha), still open as **I1**" in lines, lines

    # Round 3: a seat raises it again: the same finding, still open — not new.
    _unrelated_commit(repo, 2)
    data3, md3 = _round(fakes, repo, RAISED_AGAIN)
    assert [f["carry_forward"] for f in data3["findings"]] == ["Round 2 I1, raised again"]
    assert data3["round_info"]["new_findings"] == []
    assert "(new)" not in md3


def test_a_fixed_claim_on_changed_code_still_closes_the_finding(tmp_path: Path) -> None:
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n")
    commit_all(repo, "Handle a zero divisor")
    data, md = _round(fakes, repo, CLAIMS_FIXED.format(n=2))
    [fv] = data["round_info"]["fix_verdicts"]
    assert (fv["verdict"], fv["code_unchanged"], fv["carried_as"]) == ("fixed", False, None)
    assert data["findings"] == []
    assert "| fixed | Alpha: fixed — “fixed” | closed |" in _verdict_row(md, 2)
    assert may_reply(report_from_data(data))


def test_a_finding_raised_again_says_so_alike_in_table_tag_and_pr_summary(
    tmp_path: Path,
) -> None:
    """A seat raises I1 again and gives no verdict line: the tag said `raised again`, the Fix
    Verdicts table and the PR summary `no verdict`. One status, everywhere."""
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide a by b\n    return a / b\n")
    commit_all(repo, "Reword the comment")
    data, md = _round(fakes, repo, RAISED_AGAIN)
    assert [f["carry_forward"] for f in data["findings"]] == ["Round 1 I1, raised again"]
    row = _verdict_row(md, 2)
    assert "| raised again | Alpha: raised it again | [I1](#i1) |" in row, row
    lines = "\n".join(round_lines(report_from_data(data)))
    assert "calc.py:3`: raised again, still open as **I1**" in lines, lines


def test_a_finding_closed_in_the_previous_round_and_raised_again_is_not_new(
    tmp_path: Path,
) -> None:
    """Round 2 finds I1 fixed (its code changed); round 3 raises it again: it is round 1's
    finding back, not a new one."""
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n")
    commit_all(repo, "Handle a zero divisor")
    run_round(fakes, repo, CLAIMS_FIXED.format(n=2))
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b\n")
    commit_all(repo, "Revert the guard")
    data, md = _round(fakes, repo, RAISED_AGAIN)
    assert [f["carry_forward"] for f in data["findings"]] == [
        "Round 1 I1, fixed in round 2, raised again"
    ]
    assert data["round_info"]["new_findings"] == []
    assert "(new)" not in md
    assert "1 fixed in round 2, raised again" in data["executive_summary"]
    assert (
        "| Unique insights | 0 (no other model reviewed); "
        "re-raised from round 1: [I1](#i1) (Division by zero is not handled) |" in md
    )


SUBTRACTS = """I1. **`add` returns `a - b` instead of the sum** — `calc.py:2` (important, \
regression)

```python
    return a - b
```

`add(1, 2)` returns -1: `add` subtracts."""
SUBTRACTS_TOO = """S1. **`add` subtracts its operands, so the sum is wrong** — `calc.py:2` \
(suggestion, regression)

```python
    return a - b
```

`add` computes `a - b`; callers get the difference."""


def _findings(important: str, suggestions: str, verdicts: str = "") -> str:
    text = (
        "## Executive Summary\n\nArithmetic.\n\n## Findings\n\n### Critical Issues\n\nNone.\n\n"
        f"### Important Issues\n\n{important}\n\n### Suggestions\n\n{suggestions}\n"
    )
    return f"{text}\n## Round 2 Fix Verdicts\n\n{verdicts}\n" if verdicts else text


def _two_seats(fakes: Fakes, repo: Path, alpha: str, beta: str) -> tuple[dict[str, Any], str]:
    files = {}
    for name, text in (("alpha", alpha), ("beta", beta)):
        files[name] = fakes.tmp / f"{name}.md"
        files[name].write_text(text, encoding="utf-8")
    fakes.write_config({n: fakes.seat("ok", "--review-file", str(f)) for n, f in files.items()})
    res = fakes.review(repo, "--agents", "alpha,beta", "--format", "md")
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    return json.loads(stored(fakes, rid, ".json")), stored(fakes, rid, ".md")


def _calc_repo(tmp_path: Path) -> Path:
    repo = make_branch_repo(tmp_path)
    write(repo, "calc.py", "def add(a, b):\n    return a - b\n")
    commit_all(repo, "add")
    return repo


def test_a_declined_finding_raised_again_inside_a_carried_one_is_shown_once(
    tmp_path: Path,
) -> None:
    """Round 1: one seat raises I1 and S1 on calc.py:2; S1 is declined. Round 2 (the line
    changed): Alpha raises I1 again (`not fixed`), Beta raises S1 again; their findings merge
    into one under S1's title. It was shown twice: I1 carried, and the merged finding as
    `(declined, code changed)`. Shown once now, as I1 still open."""
    fakes = Fakes(tmp_path)
    repo = _calc_repo(tmp_path)
    rid1 = run_round(fakes, repo, _findings(SUBTRACTS, SUBTRACTS_TOO))["review_id"]
    res = run_cli(["decline", rid1, "S1", "--reason", "by design"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    write(repo, "calc.py", "def add(a, b):\n    return a - b  # sum\n")
    commit_all(repo, "Comment add")
    data, md = _two_seats(
        fakes,
        repo,
        _findings(SUBTRACTS, "None.", "- I1: not fixed"),
        _findings("None.", SUBTRACTS_TOO),
    )
    assert len(data["findings"]) == 1, [f["title"] for f in data["findings"]]
    [finding] = data["findings"]
    assert finding["carry_forward"] == "Round 1 I1, not fixed"
    assert finding["reviewers"] == ["Alpha", "Beta"]
    [declined] = data["round_info"]["declined"]
    assert (declined["within"], declined["raised_again"]) == (finding["id"], True)
    assert f"declined round 1: by design (raised again within {finding['id']}, still open" in md
    assert "(declined, code changed)" not in md
    summary = data["executive_summary"]
    assert "1 still open from round 1" in summary and "left out" not in summary, summary


def test_a_carried_finding_raised_again_inside_a_merged_finding_is_raised_again(
    tmp_path: Path,
) -> None:
    """The merged finding took the declined finding's title: Alpha's raise of I1 inside it still
    counts, so I1 is `raised again`, not closed without a verdict."""
    fakes = Fakes(tmp_path)
    repo = _calc_repo(tmp_path)
    rid1 = run_round(fakes, repo, _findings(SUBTRACTS, SUBTRACTS_TOO))["review_id"]
    run_cli(["decline", rid1, "S1", "--reason", "by design"], cwd=repo, env=fakes.env())
    write(repo, "calc.py", "def add(a, b):\n    return a - b  # sum\n")
    commit_all(repo, "Comment add")
    data, md = _two_seats(
        fakes, repo, _findings(SUBTRACTS, "None."), _findings("None.", SUBTRACTS_TOO)
    )
    assert [f["carry_forward"] for f in data["findings"]] == ["Round 1 I1, raised again"]
    [fv] = data["round_info"]["fix_verdicts"]
    assert fv["raised_again"] and fv["carried_as"], fv
    assert "| raised again | Alpha: raised it again; Beta: raised it again |" in md
