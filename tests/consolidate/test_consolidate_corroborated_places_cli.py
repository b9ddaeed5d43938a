"""Through the real `deep-review consolidate`: two seats place one finding at a setting's
comment in the code, and each says in its explanation that the design doc, another file,
describes the setting the other way (`docs/queue.md:40-41`). Both point there on their own, so
that place is part of the issue: the merged finding lists it after the members' own places.
A place only one reviewer's explanation names is its reasoning, not a place of the finding.
"""

from __future__ import annotations

import json
from pathlib import Path

from support.consolidating import consolidate_reviews

_REVIEW = """## Findings

### Critical Issues

None.

### Important Issues

{important}

### Suggestions

None.
"""

CLAUDE = """I1. **`max_wait` comment says seconds, the code uses milliseconds** —\
 `queue/config.py:12-13` (important, gap)

```python
# max_wait: how long a worker waits for a job, in seconds
max_wait: int = 5000
```

`Worker.poll` passes `max_wait` to `wait_for(timeout_ms=...)`. The design doc says seconds as
well (`docs/queue.md:40-41`), so an operator who sets `max_wait: 5` polls every 5 ms.

Fix: say milliseconds in the comment and in the doc."""

CODEX = """I1. **The unit of `max_wait` is documented wrongly** — `queue/config.py:12` (important,\
 gap)

The comment above `max_wait` promises seconds, but the value is handed to `wait_for` as
milliseconds. `docs/queue.md:40` repeats the same unit, so both readers of the setting are
misled. `queue/worker.py:88` is where the value is used.

Fix: correct the unit in both places."""


def _findings(tmp_path: Path, reviews: dict[str, str]) -> list[dict[str, object]]:
    texts = {name: _REVIEW.format(important=important) for name, important in reviews.items()}
    findings: list[dict[str, object]] = json.loads(consolidate_reviews(tmp_path, texts))["findings"]
    return findings


def _places(finding: dict[str, object]) -> list[tuple[str, int | None, int | None]]:
    locations = finding["locations"]
    assert isinstance(locations, list)
    return [(loc["path"], loc["start"], loc["end"]) for loc in locations]


def test_a_place_two_reviewers_cite_is_a_place_of_the_merged_finding(tmp_path: Path) -> None:
    (finding,) = _findings(tmp_path, {"claude": CLAUDE, "codex": CODEX})
    assert finding["reviewers"] == ["Claude", "Codex"]
    # the members' own place first; then the doc both cite; not the worker line only Codex names
    assert _places(finding) == [("queue/config.py", 12, 13), ("docs/queue.md", 40, 41)]


def test_a_place_one_reviewer_cites_is_not(tmp_path: Path) -> None:
    (finding,) = _findings(tmp_path, {"claude": CLAUDE})
    assert _places(finding) == [("queue/config.py", 12, 13)]
