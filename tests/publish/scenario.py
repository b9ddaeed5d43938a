"""A pull request #7 of acme/demo in a real git clone, served by the fake GitHub, and a seat
whose review has findings on, near and off the PR diff."""

from __future__ import annotations

import atexit
import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

from fakebin.harness import Fakes
from support.fake_github import FakeGitHub
from support.repos import CliResult, clone_with_pr, commit_all, git, write

REPO = "acme/demo"
NUMBER = 7

BASE_LINES = [f"v{i} = {i}" for i in range(1, 31)]
HEAD_LINES = list(BASE_LINES)
HEAD_LINES[9] = "v10 = compute(10)"  # line 10
HEAD_LINES[24] = "v25 = risky(25)"  # line 25

# I1 sits on a changed line; I2's line number is off but its quoted code is on the diff
# (re-anchored to line 25); S1 is on an unchanged line outside every hunk (summary only).
REVIEW = """## Executive Summary

Two risky calls; one style nit.

## Findings

### Critical Issues

None.

### Important Issues

I1. **compute() fails, ask @octocat <img src=x onerror=y>** — `calc.py:10` (important, regression)

```python
v10 = compute(10)
```

`compute` is not defined for ten. <!-- deep-review:summary -->

Fix:

```diff
-v10 = compute(10)
+v10 = 10
```

I2. **risky() swallows errors** — `calc.py:40` (important, regression)

```python
v25 = risky(25)
```

The call hides failures.

### Suggestions

S1. **Name the constant** — `calc.py:2` (suggestion, enhancement)

```python
v2 = 2
```

A name would read better.
"""

SUGGESTIONS_ONLY = """## Executive Summary

Fine.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

S1. **Name the constant** — `calc.py:2` (suggestion, enhancement)

```python
v2 = 2
```

A name would read better.
"""


# Round 2 after the push that fixed `compute` (round 1's I1): risky() is still there.
ROUND_2 = """## Executive Summary

compute is fixed; risky() is still called.

## Round 2 Fix Verdicts

- I1: fixed — `calc.py:10` is now `v10 = 10` @octocat <img src=x onerror=y> as in #12
- I2: not fixed — `calc.py:25` still calls risky()
- S1: not fixed — unchanged

## Unresolved Feedback Verdicts

- T1: not addressed — `calc.py:25` still calls risky()

## Findings

### Critical Issues

None.

### Important Issues

I1. **risky() swallows errors** — `calc.py:25` (important, regression)

```python
v25 = risky(25)
```

The call hides failures.

### Suggestions

S1. **Name the constant** — `calc.py:2` (suggestion, enhancement)

```python
v2 = 2
```

A name would read better.
"""


def push_fix(
    tmp: Path, gh: FakeGitHub, *, force: bool = False, line_25: str = HEAD_LINES[24]
) -> str:
    """A push to the PR that fixes line 10: the PR's diff keeps only the hunk at line 25.
    `force`: the fix rewrites the reviewed commit (amend, force-push), which leaves the PR.
    `line_25`: what line 25 says after the push."""
    upstream = tmp / "upstream"
    git(upstream, "checkout", "-q", "feature")
    lines = list(HEAD_LINES)
    lines[9] = "v10 = 10"
    lines[24] = line_25
    write(upstream, "calc.py", "\n".join(lines) + "\n")
    if force:
        git(upstream, "reset", "-q", "--soft", "HEAD~1")
    head = commit_all(upstream, "Fix compute")
    git(upstream, "checkout", "-q", "main")
    git(upstream, "push", "-q", "--force", str(tmp / "origin.git"), f"{head}:refs/pull/7/head")
    diff = git(upstream, "diff", "main", head, "--", "calc.py")
    files = [{"filename": "calc.py", "status": "modified", "patch": diff[diff.index("@@") :]}]
    gh.push(REPO, NUMBER, head, files, force=force)
    return head


def make_pr(tmp: Path, gh: FakeGitHub, attributes: str | None = None, nul: bool = False) -> Path:
    """A clone whose origin has `refs/pull/7/head`; the fake serves the PR and its files.
    `attributes`: the PR's commit also writes them to `.gitattributes`. `nul`: its calc.py
    holds a NUL byte in a comment on line 18 (binary to git, text to a review)."""
    built, base, head, patch = _pr_template(attributes, nul)
    for name in ("upstream", "origin.git", "work"):
        shutil.copytree(built / name, tmp / name, symlinks=True)
    # The copies' remotes name the template's folders: point them at the test's own.
    git(tmp / "origin.git", "remote", "set-url", "origin", str(tmp / "upstream"))
    clone = tmp / "work"
    git(clone, "remote", "set-url", "origin", str(tmp / "origin.git"))
    gh.add_pull(
        REPO,
        NUMBER,
        base_sha=base,
        head_sha=head,
        head_ref="feature",
        files=[{"filename": "calc.py", "status": "modified", "patch": patch}],
    )
    return clone


# The upstream, its bare origin and the clone, built with real git once per test process per
# (attributes, nul) and copied for each test (~12 git calls each before; over 100 tests).
_PR_TEMPLATES: dict[tuple[str | None, bool], tuple[Path, str, str, str]] = {}


def _pr_template(attributes: str | None, nul: bool) -> tuple[Path, str, str, str]:
    """(folder holding upstream/, origin.git/ and work/, base SHA, head SHA, the PR's patch)."""
    key = (attributes, nul)
    if key not in _PR_TEMPLATES:
        tmp = Path(tempfile.mkdtemp(prefix="deepreview-pr-"))
        atexit.register(shutil.rmtree, tmp, ignore_errors=True)
        upstream = tmp / "upstream"
        upstream.mkdir(parents=True)
        git(upstream, "init", "-q", "-b", "main")
        write(upstream, "calc.py", "\n".join(BASE_LINES) + "\n")
        base = commit_all(upstream, "Initial commit")
        git(upstream, "checkout", "-q", "-b", "feature")
        lines = (
            [*HEAD_LINES[:17], f"{HEAD_LINES[17]}  # \0", *HEAD_LINES[18:]] if nul else HEAD_LINES
        )
        write(upstream, "calc.py", ("\n".join(lines) + "\n").encode())
        if attributes is not None:
            write(upstream, ".gitattributes", attributes)
        head = commit_all(upstream, "Risky calls")
        git(upstream, "checkout", "-q", "main")  # the clone checks out main
        clone_with_pr(tmp, upstream, NUMBER, "feature", drop_branch=True)
        diff = git(upstream, "diff", "--text", base, head, "--", "calc.py")
        _PR_TEMPLATES[key] = (tmp, base, head, diff[diff.index("@@") :] + "\n")
    return _PR_TEMPLATES[key]


def setup(
    tmp: Path,
    gh: FakeGitHub,
    review: str = REVIEW,
    attributes: str | None = None,
    nul: bool = False,
) -> tuple[Fakes, Path, dict[str, str]]:
    clone = make_pr(tmp, gh, attributes, nul)
    fakes = Fakes(tmp)
    review_file = tmp / "review.md"
    review_file.write_text(review, encoding="utf-8")
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review_file))})
    env = fakes.env({"GH_REPO": REPO, **gh.env()})
    env.pop("GH_TOKEN", None)
    return fakes, clone, env


def install_fake_gh(fakes: Fakes, gh: FakeGitHub) -> None:
    """`gh` on PATH, logged in, forwarding `gh api` to the fake server."""
    src = Path(__file__).resolve().parents[1] / "fakebin" / "fake_gh.py"
    body = src.read_text(encoding="utf-8").split("\n", 1)[1]
    fakes.install("gh", f"#!{sys.executable}\n{body}")


def review(fakes: Fakes, clone: Path, env: dict[str, str], *args: str) -> CliResult:
    return fakes.review(clone, f"#{NUMBER}", "--agents", "alpha", *args, env=env)


def store_digest(store: Path) -> str:
    """One hash over every stored file's name and bytes (index.sqlite aside)."""
    h = hashlib.sha256()
    for path in sorted(p for p in store.rglob("*") if p.is_file()):
        if path.name.startswith("index.sqlite"):
            continue
        h.update(str(path.relative_to(store)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()
