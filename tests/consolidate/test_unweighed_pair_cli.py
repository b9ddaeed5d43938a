"""Through the real `deep-review consolidate`: three seats tell one problem in three places. One
blames `connect` in the store, one the page's mount calling it, one the symptom on the page (every
notification listed twice after coming back). The mount links both others; the symptom and the
store's line share nothing at all, neither for nor against. A careful lead keeps the three
together: a pair with no evidence either way must not veto what the links say. The same symptom
blaming another function next to the store's line (evidence weighed, and it says little alike)
stays out."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

_STORE = """## Findings

### Important Issues

#### I1. `connect` opens a new socket on every call and never closes the old one

**File:** `src/lib/stores/notifications.js:5`

There is no check for an existing socket before a fresh one is created, so calling it twice
leaves two live connections feeding the same store.
"""

_MOUNT = """## Findings

**High — `connect` runs on every mount and nothing ever closes the socket** \
(`src/routes/inbox/+page.svelte:9`):
`connect` (`src/lib/stores/notifications.js:5`) opens a new socket each time it is called, so
each visit to the inbox page leaves one more live connection behind.
"""

_SYMPTOM = """## Findings

**High — Notifications listed twice after returning to the inbox** \
(`src/routes/inbox/+page.svelte:8-14`):
after navigating away and back, every notification shows up once more per visit to the page{cause}.
"""

_OTHER_CAUSE = (
    ",\nbecause `markAllRead` (`src/lib/stores/notifications.js:20`) appends instead of replacing"
)


def _consolidate(tmp_path: Path, cause: str = "") -> list[list[str]]:
    paths = []
    for seat, text in (
        ("claude", _STORE),
        ("codex", _MOUNT),
        ("gemini", _SYMPTOM.format(cause=cause)),
    ):
        path = tmp_path / f"review-{seat}-pass-1.md"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    res = run_cli(["consolidate", *paths, "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    return sorted(f["reviewers"] for f in json.loads(res.stdout)["findings"])


def test_a_pair_sharing_nothing_does_not_keep_a_linked_finding_out(tmp_path: Path) -> None:
    assert _consolidate(tmp_path) == [["Claude", "Codex", "Gemini"]]


def test_a_pair_weighed_and_found_unlike_still_keeps_it_out(tmp_path: Path) -> None:
    assert _consolidate(tmp_path, _OTHER_CAUSE) == [["Claude", "Codex"], ["Gemini"]]
