"""Through the real `deep-review consolidate`: a Coverage Summary entry whose verdict carries a
remark citing lines of its file and naming the failure another seat's finding there names is
that seat noting it outside its findings (notes._coverage_remark); a bare "Reviewed, no
issues", a remark that checked the lines and approves them, and one about another failure
credit nobody."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.consolidating import consolidate_reviews
from support.id_links import without_id_links

FINDER = """## Findings

### Important Issues

I1. **Panel watcher is never removed, so panels leak** — `web/panel.ts:30-32` (important, gap)

The `bus.on('config-changed', …)` handler is added in `mounted()` and nothing removes it in
`unmounted()`: each visit adds one more and keeps the old panel alive.

## Coverage Summary

- `web/panel.ts` — I1
"""

NOTER = """## Findings

### Suggestions

S1. **Retry delay is not capped** — `web/fetcher.ts:12` (suggestion, gap)

`delay *= 2` grows without bound.

## Coverage Summary

- `web/panel.ts` — {status}
- `web/fetcher.ts` — S1
"""

REMARK = (
    "Reviewed, no issues (pre-existing: the `config-changed` handler at `:30-32` is never"
    " removed on unmount — a per-visit leak, but this PR does not touch it)"
)


def _consolidate(tmp_path: Path, status: str, fmt: str) -> str:
    return consolidate_reviews(
        tmp_path, {"claude": FINDER, "codex": NOTER.format(status=status)}, fmt
    )


def _watcher(out: str) -> dict[str, object]:
    return next(f for f in json.loads(out)["findings"] if "watcher" in f["title"])


def test_a_coverage_remark_on_the_lines_credits_its_seat_as_a_note(tmp_path: Path) -> None:
    watcher = _watcher(_consolidate(tmp_path, REMARK, "json"))
    assert watcher["reviewers"] == ["Claude", "Codex"]
    note = watcher["sources"][-1]
    assert (note["reviewer"], note["finding_id"], note["kind"]) == (
        "Codex",
        "Coverage Summary",
        "note",
    )
    # the remark, its lines given their file, without the verdict it follows
    assert note["title"].startswith(
        "pre-existing: the `config-changed` handler at `web/panel.ts:30"
    )
    assert note["locations"][0] == {"path": "web/panel.ts", "start": 30, "end": 32}
    md = without_id_links(_consolidate(tmp_path, REMARK, "md"))
    assert "*Also noted by Codex (Coverage Summary).*" in md


@pytest.mark.parametrize(
    "status",
    [
        "Reviewed, no issues",
        "Reviewed, no issues (the handler at `:30-32` is removed on unmount: verified, no leak)",
        "Reviewed, no issues (the handler at `:30-32` logs the whole config; not a leak of"
        " panels but noisy)",
        "Reviewed, no issues (the handler at `:31` should log less)",
    ],
    ids=["bare-verdict", "checked-and-approved", "negated-failure", "other-problem"],
)
def test_near_misses_credit_nobody(tmp_path: Path, status: str) -> None:
    watcher = _watcher(_consolidate(tmp_path, status, "json"))
    assert watcher["reviewers"] == ["Claude"]
