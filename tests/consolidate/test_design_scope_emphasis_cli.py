"""A concern's scope tag set in emphasis leaves no empty markers behind (at76).

Seats tag a concern `*(in-scope)*`, `_(future)_` or `**(in-scope)**` as often as bare. The
tag is read into `scope`; the markers around it are part of the tag, so the concern's text
must not keep them: "**Stale cache entries** **." shows two stray asterisks in the report.
A tag inside the bold title ("**Stale cache entries (in-scope).**") keeps the title's own
markers. Through the real `consolidate` command.
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


def _concern(tmp_path: Path, concern: str) -> dict[str, object]:
    path = tmp_path / "alpha.md"
    path.write_text(_REVIEW.format(concern=concern), encoding="utf-8")
    res = run_cli(
        ["consolidate", str(path), "--seat", "alpha", "--format", "json"],
        cwd=tmp_path,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    (found,) = [o for o in data["design_observations"] if o["kind"] == "concern"]
    return found


@pytest.mark.parametrize(
    ("tag", "scope"),
    [
        ("*(in-scope)*", "in-scope"),
        ("_(future)_", "future"),
        ("**(in-scope)**", "in-scope"),
        ("*`(future)`*", "future"),
    ],
)
def test_a_tag_in_emphasis_takes_its_markers_along(tmp_path: Path, tag: str, scope: str) -> None:
    got = _concern(
        tmp_path,
        f"**Stale cache entries are never evicted** {tag}. `evict()` in `cache/store.py:40` "
        "runs only at start-up, so entries written later stay forever.",
    )
    assert got["scope"] == scope, got
    text = str(got["text"])
    assert text.startswith("**Stale cache entries are never evicted**. `evict()`"), text
    assert "****" not in text and "** **" not in text and "__" not in text, text


def test_a_tag_inside_the_bold_title_keeps_the_title_bold(tmp_path: Path) -> None:
    # the negative case: the markers are the title's, not the tag's
    got = _concern(
        tmp_path,
        "**Stale cache entries are never evicted (in-scope).** `evict()` runs only at start-up.",
    )
    assert got["scope"] == "in-scope", got
    assert str(got["text"]).startswith("**Stale cache entries are never evicted.** `evict()`"), got
