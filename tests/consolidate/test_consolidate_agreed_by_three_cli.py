"""Through the real `deep-review consolidate`: three seats agree that a setting is read once at
import; a fourth seat says the same thing from the tests' side, in its own words, ten lines
further down. Each of its pairs with the three scores a little (shared names, nearby lines) but
none is a link; that it resembles every finding of an issue three reviewers agree on makes it
that issue (`partition.AGREED_BY`). Beside only two agreeing seats it stays a finding of its own.
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

CLAUDE = """I1. **The retry delay is read once at import, so changing `RETRY_DELAY` later has no\
 effect** — `client/retry.py:20-22` (important, regression)

```python
DELAY = float(os.environ.get("RETRY_DELAY", "1.5"))
```

`backoff()` uses the module constant `DELAY`, captured when the module is imported; a caller
that sets `RETRY_DELAY` afterwards still waits 1.5 s.

Fix: read the variable inside `backoff()`."""

CODEX = """I1. **`RETRY_DELAY` frozen at import time** — `client/retry.py:20-21` (important,\
 regression)

The module-level `DELAY` is computed when `retry.py` is imported. Setting the environment
variable at run time is silently ignored by `backoff()`.

Fix: look the value up on each call."""

GEMINI = """I1. **Environment override of the retry delay is ignored after import** —\
 `client/retry.py:21` (important, regression)

```python
DELAY = float(os.environ.get("RETRY_DELAY", "1.5"))
```

Because `DELAY` is a module constant, `backoff()` never sees a new `RETRY_DELAY`.

Fix: move the lookup into `backoff()`."""

QWEN = """I1. **Tests must reload the module to try another delay** — `client/retry.py:30-32`\
 (important, regression)

`test_backoff_waits` calls `importlib.reload(retry)` after `monkeypatch.setenv`, because
`backoff()` keeps the `DELAY` it had when the module was first loaded. Any caller that tunes
the delay at run time gets the old one.

Fix: let `backoff()` take the delay from the environment each time, and drop the reload."""


def _credits(tmp_path: Path, reviews: dict[str, str]) -> list[list[str]]:
    """The reviewers of each consolidated finding, for these seats' Important sections."""
    texts = {name: _REVIEW.format(important=important) for name, important in reviews.items()}
    return [f["reviewers"] for f in json.loads(consolidate_reviews(tmp_path, texts))["findings"]]


def test_a_fourth_seat_joins_an_issue_three_seats_agree_on(tmp_path: Path) -> None:
    credits = _credits(tmp_path, {"claude": CLAUDE, "codex": CODEX, "gemini": GEMINI, "qwen": QWEN})
    assert credits == [["Claude", "Codex", "Gemini", "Qwen"]]


def test_beside_two_agreeing_seats_it_stays_apart(tmp_path: Path) -> None:
    credits = _credits(tmp_path, {"claude": CLAUDE, "codex": CODEX, "qwen": QWEN})
    assert sorted(credits) == [["Claude", "Codex"], ["Qwen"]]
