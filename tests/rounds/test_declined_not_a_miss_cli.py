"""A later round leaves a declined finding out of its report: the retro of a seat that did not
raise it does not list it among "Found by others but not by X" (it is no miss, and its ID names
no finding of this report); a finding still in the report stays listed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.repos import commit_all, run_cli, write
from support.rounds import make_branch_repo, stored

ALPHA = """## Findings

### Critical Issues

None.

### Important Issues

I1. **Division by zero is not handled** — `calc.py:3` (important, regression)

`div(1, 0)` raises ZeroDivisionError.

I2. **The divide comment says nothing** — `calc.py:2` (important)

`# divide` repeats the function's name instead of saying what happens for a zero divisor.

### Suggestions

S1. **`div` has no docstring** — `calc.py:1`

Callers cannot tell what it returns.
"""

BETA = """## Findings

### Critical Issues

None.

### Important Issues

I1. **Division by zero is not handled** — `calc.py:3` (important, regression)

`div(1, 0)` raises ZeroDivisionError.

### Suggestions

None.
"""


def _review(fakes: Fakes, repo: Path) -> dict[str, Any]:
    seats = {}
    for name, text in (("alpha", ALPHA), ("beta", BETA)):
        path = fakes.tmp / f"{name}.md"
        path.write_text(text, encoding="utf-8")
        seats[name] = fakes.seat("ok", "--review-file", str(path))
    fakes.write_config(seats)
    res = fakes.review(repo, "--agents", "alpha,beta", "--format", "md")
    assert res.returncode == 0, res.stderr
    out: dict[str, Any] = res.json()
    return out


def _beta_narrative(md: str) -> str:
    return md.split("Beta raised", 1)[1].split("\n### ", 1)[0]


def test_a_declined_finding_is_no_miss_of_the_seat_that_did_not_raise_it(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    rid1 = _review(fakes, repo)["review_id"]
    md1 = stored(fakes, rid1, ".md")
    assert "Found by others but not by Beta: [I2](#i2) (Alpha), [S1](#s1) (Alpha)." in (
        _beta_narrative(md1)
    )
    res = run_cli(["decline", rid1, "I2", "--reason", "by design"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr

    write(repo, "notes.txt", "unrelated\n")
    commit_all(repo, "Add notes")
    md2 = stored(fakes, _review(fakes, repo)["review_id"], ".md")
    important = md2.split("## Important Issues", 1)[1].split("## Suggestions", 1)[0]
    assert "The divide comment" not in important, important
    beta = _beta_narrative(md2)
    assert "Found by others but not by Beta: [S1](#s1) (Alpha)." in beta, beta
    assert "I2" not in beta, beta
