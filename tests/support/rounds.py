"""Two-round scenarios: a branch whose first round raises I1 on `calc.py:3`, and a helper
that runs one round through the real command with one command seat."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from support.repos import commit_all, git, template_copy, write

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

# A later round's review that raises nothing (its fix verdicts, if any, follow).
NO_FINDINGS = """## Executive Summary

{summary}

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

None.
"""


# Round 2 of ROUND1 when the seat finds I1 fixed and nothing new.
ROUND2_FIXED = (
    NO_FINDINGS.format(summary="The zero divisor is handled now.")
    + "\n## Round 2 Fix Verdicts\n\n- I1: fixed — `calc.py:3` no longer raises on a zero divisor\n"
)


def feature_branch_repo(root: Path, path: str, base: str, change: str, subject: str) -> Path:
    """`root/repo`: `path` holding `base` on `main`, then a `feature` branch whose commit
    (`subject`) makes it `change`."""

    def build(repo: Path) -> None:
        repo.mkdir()
        git(repo, "init", "-q", "-b", "main")
        write(repo, path, base)
        commit_all(repo, "Initial commit")
        git(repo, "checkout", "-q", "-b", "feature")
        write(repo, path, change)
        commit_all(repo, subject)

    # Built once per test process and copied: the 8 git calls cost more than the copy, and
    # over two hundred tests start from one of these few repositories.
    key = hashlib.sha256(json.dumps([path, base, change, subject]).encode()).hexdigest()[:16]
    return template_copy(root / "repo", f"branch-{key}", build)


def make_branch_repo(root: Path) -> Path:
    return feature_branch_repo(
        root,
        "calc.py",
        "def add(a, b):\n    return a + b\n",
        "def div(a, b):\n    # divide\n    return a / b\n",
        "Add div",
    )


def read_branch_repo(root: Path) -> Path:
    """A `feature` branch that adds `read` to `util.py`, whose line 5 leaks its file handle."""
    return feature_branch_repo(
        root,
        "util.py",
        "import os\n",
        "import os\n\n\ndef read(path):\n    return open(path).read()\n",
        "Add read",
    )


def alpha_seat(fakes: Fakes, review_text: str) -> dict[str, Any]:
    """The `[seats]` table of one command seat, `alpha`, that prints `review_text`."""
    review_file = fakes.tmp / "review.md"
    review_file.write_text(review_text, encoding="utf-8")
    return {"alpha": fakes.seat("ok", "--review-file", str(review_file))}


def run_round(fakes: Fakes, repo: Path, review_text: str) -> dict[str, Any]:
    fakes.write_config(alpha_seat(fakes, review_text))
    res = fakes.review(repo, "--agents", "alpha", "--format", "md")
    assert res.returncode == 0, res.stderr
    out: dict[str, Any] = res.json()
    return out


def stored(fakes: Fakes, rid: str, suffix: str) -> str:
    return (fakes.store / f"{rid}{suffix}").read_text(encoding="utf-8")


def numbered_lib(version: int) -> str:
    """`lib.py` with twenty functions; each `version` changes every one of them."""
    return "".join(f"def f{n}():\n    return {n + version}\n" for n in range(1, 21))


def many_findings_repo(root: Path) -> Path:
    """A branch `feature` that adds `lib.py` (see `numbered_lib`)."""
    repo = root / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "lib.py", "")
    commit_all(repo, "Initial commit")
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, "lib.py", numbered_lib(0))
    commit_all(repo, "Add lib")
    return repo


def round1_many(titles: dict[int, str]) -> str:
    """A first-round review raising one important finding `I<n>` on `lib.py` per title."""
    items = "\n\n".join(
        f"I{n}. **{title}** — `lib.py:{2 * n}` (important, regression)\n\n"
        f"Seen by reading line {2 * n}."
        for n, title in titles.items()
    )
    return (
        "## Executive Summary\n\nMany problems.\n\n## Findings\n\n### Critical Issues\n\nNone."
        f"\n\n### Important Issues\n\n{items}\n\n### Suggestions\n\nNone.\n"
    )


def start_review(repo: Path, env: dict[str, str], seat: str) -> subprocess.Popen[bytes]:
    """`deep-review review` with one seat, running in its own process (for reviews that must
    overlap in time)."""
    args = ["review", "--agents", seat, "--lead", "none", "--json", "--format", "md"]
    return subprocess.Popen(
        [sys.executable, "-m", "deepreview", *args],
        cwd=repo,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def finish_review(proc: subprocess.Popen[bytes]) -> str:
    """The review ID of a `start_review` process, once it has exited 0."""
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode(errors="replace")
    rid: str = json.loads(out)["review_id"]
    return rid


def rewrite_history(repo: Path) -> None:
    """Rebase `feature` onto a moved main and let the old commits go (reflog, gc)."""
    git(repo, "checkout", "-q", "main")
    write(repo, "other.py", "x = 1\n")
    commit_all(repo, "Main moves")
    git(repo, "checkout", "-q", "feature")
    git(repo, "rebase", "-q", "main")
    git(repo, "reflog", "expire", "--expire=now", "--all")
    git(repo, "gc", "-q", "--prune=now")


def amend_renaming_read(repo: Path) -> None:
    """`read_branch_repo`'s commit amended: util.py renamed files.py (a comment added, `read`'s
    leak now at line 7), and the old commit let go (reflog, gc)."""
    git(repo, "mv", "util.py", "files.py")
    write(
        repo,
        "files.py",
        "import os\n\n# helpers\n\n\ndef read(path):\n    return open(path).read()\n",
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--amend", "-m", "Add read (amended)")
    git(repo, "reflog", "expire", "--expire=now", "--all")
    git(repo, "gc", "-q", "--prune=now")
