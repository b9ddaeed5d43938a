"""A declined finding's lines as text: kept when it is declined, so that a later round can
still tell whether they changed after a rebase or force push took the declined review's commit
away (a fresh CI clone of a force-pushed PR has none of its old commits)."""

from __future__ import annotations

from deepreview.errors import DeepReviewError
from deepreview.store.declines import Decline
from deepreview.targets.git import Git


def lines_at(git: Git, sha: str, path: str, start: int | None, end: int | None) -> str | None:
    """Lines `start`..`end` of `path` at `sha` (None: the commit, the file or the lines are not
    there, or the finding names no lines)."""
    if not sha or not path or start is None:
        return None
    try:
        text = git.show_file(sha, path)
    except DeepReviewError:
        return None
    if text is None:
        return None
    lines = text.splitlines()
    hi = max(end or start, start)
    if start < 1 or hi > len(lines):
        return None
    return "\n".join(lines[start - 1 : hi])


def unchanged_at(git: Git, head: str, d: Decline) -> bool | None:
    """Whether `d`'s kept lines are still in its file at `head`, wherever they moved to (a
    rebase shifts lines; trailing whitespace is no change). None: no lines were kept, so
    nothing can be told."""
    if d.lines is None:
        return None
    text = git.show_file(head, d.path)
    if text is None:
        return False  # the file is gone: its lines changed
    want = [line.rstrip() for line in d.lines.splitlines()]
    have = [line.rstrip() for line in text.splitlines()]
    n = len(want)
    return any(have[i : i + n] == want for i in range(len(have) - n + 1))
