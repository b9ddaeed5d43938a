"""Two seats' design concern merged into one keeps the stricter scope (trial47a #10).

One seat wants the concern addressed in this change (`in-scope`), the other later (`future`):
the merged concern is `in-scope`, whichever seat wrote the longer sentence — as findings keep
the more severe grade. Through the real `consolidate` command.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.repos import cli_env, run_cli

_REVIEW = """## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

None.

## Design Observations

**Concerns**

- {concern}
"""
SHORT = (
    "**Tax rates are hard-coded in `invoicing/totals.py`** ({scope}) — `TAX_RATES` should come "
    "from configuration so finance can update rates without a release."
)
LONG = (
    "**Hard-coded `TAX_RATES`** ({scope}) — the tax rates in `invoicing/totals.py` are "
    "hard-coded; move them to configuration so finance can update them without a release."
)


def _concerns(tmp_path: Path, alpha: str, bravo: str, fmt: str) -> str:
    paths = []
    for seat, concern in (("alpha", alpha), ("bravo", bravo)):
        path = tmp_path / f"{seat}.md"
        path.write_text(_REVIEW.format(concern=concern), encoding="utf-8")
        paths.append(str(path))
    res = run_cli(
        ["consolidate", *paths, "--seat", "alpha", "--seat", "bravo", "--format", fmt],
        cwd=tmp_path,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    return res.stdout


@pytest.mark.parametrize(
    ("alpha", "bravo"),
    [
        (SHORT.format(scope="in-scope"), LONG.format(scope="future")),  # the longer says future
        (LONG.format(scope="in-scope"), SHORT.format(scope="future")),
        (SHORT.format(scope="future"), LONG.format(scope="in-scope")),
    ],
)
def test_a_merged_concern_keeps_the_stricter_scope(tmp_path: Path, alpha: str, bravo: str) -> None:
    data = json.loads(_concerns(tmp_path, alpha, bravo, "json"))
    (concern,) = [o for o in data["design_observations"] if o["kind"] == "concern"]
    assert len(concern["reviewers"]) == 2, concern  # one concern, credited to both
    assert concern["scope"] == "in-scope", concern
    md = _concerns(tmp_path, alpha, bravo, "md")
    assert "(in-scope)" in md and "(future)" not in md.split("## Appendix")[0]


def test_two_future_concerns_stay_future(tmp_path: Path) -> None:
    data = json.loads(
        _concerns(tmp_path, SHORT.format(scope="future"), LONG.format(scope="future"), "json")
    )
    (concern,) = [o for o in data["design_observations"] if o["kind"] == "concern"]
    assert concern["scope"] == "future", concern
