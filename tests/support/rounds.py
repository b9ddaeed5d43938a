"""Two-round scenarios: a branch whose first round raises I1 on `calc.py:3`, and a helper
that runs one round through the real command with one command seat."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from support.repos import commit_all, git, write

if TYPE_CHECKING:
    from fakebin.harness import Fakes

ROUND1 = """## Executive Summary

Adds `div`; it crashes on a zero divisor.

## Findings

### Critical Issues

None.

### Important Issues

I1. **Division by zero is not handled** — `calc.py:3` (important, regression)

```python
    return a / b
```

`div(1, 0)` raises ZeroDivisionError; verified by running it.

Fix:

```diff
-    return a / b
+    return a / b if b else 0.0
```

### Suggestions

None.
"""


def make_branch_repo(root: Path) -> Path:
    repo = root / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "calc.py", "def add(a, b):\n    return a + b\n")
    commit_all(repo, "Initial commit")
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b\n")
    commit_all(repo, "Add div")
    return repo


def run_round(fakes: Fakes, repo: Path, review_text: str) -> dict[str, Any]:
    review_file = fakes.tmp / "review.md"
    review_file.write_text(review_text, encoding="utf-8")
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review_file))})
    res = fakes.review(repo, "--agents", "alpha", "--format", "md")
    assert res.returncode == 0, res.stderr
    out: dict[str, Any] = res.json()
    return out


def stored(fakes: Fakes, rid: str, suffix: str) -> str:
    return (fakes.store / f"{rid}{suffix}").read_text(encoding="utf-8")
