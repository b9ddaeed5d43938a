"""Which copy of the repository's `.deep-review.toml` a review reads, said when it is not the
work tree's.

The base revision's copy is read on purpose (a change must not configure its own review). A user
who just wrote or edited the file needs to hear that, and the two ways to use theirs; but when
the work tree's copy is the one committed on the branch under review, the change itself edits
the file, and advising `--config` or a commit to the base would hand the review to the change.
"""

from __future__ import annotations

import re

from deepreview.config import REPO_CONFIG_NAME


def change_edits_config(
    work_text: str | None, base_text: str | None, head_text: str | None
) -> bool:
    """The work tree's copy is the reviewed head's, and it is not the base's: the change's own."""
    return work_text is not None and work_text == head_text and work_text != base_text


def work_tree_copy_note(
    work_text: str | None,
    base_text: str | None,
    *,
    base_label: str,
    base_branch: str | None,
    head_text: str | None = None,
) -> str | None:
    """Why the work tree's `.deep-review.toml` is not the copy a review reads, or None.

    `head_text` is the copy committed at the reviewed head (None: no such commit, as for
    uncommitted edits, or no file there)."""
    if work_text is None or work_text == base_text:
        return None
    if change_edits_config(work_text, base_text, head_text):
        if base_text is None:
            what, read = "adds", f"none is read (the base revision, {base_label}, has none)"
        else:
            what, read = "edits", f"the base revision's copy ({base_label}) is read"
        return (
            f"this change {what} {REPO_CONFIG_NAME}; a change never configures its own review, "
            f"so {read}"
        )
    if base_text is None:
        why = f"the base revision ({base_label}) has none, and a review reads the base's copy"
    else:
        why = f"it differs from the base revision's copy ({base_label}), which is used instead"
    # `HEAD~1`, `main^` or a SHA is a revision, not a branch one can commit to
    branch = base_branch if base_branch and re.fullmatch(r"[\w./-]+", base_branch) else None
    if branch is not None and (branch == "HEAD" or re.fullmatch(r"[0-9a-f]{7,40}", branch)):
        branch = None
    where = f"commit it to {branch}" if branch else "commit it to the base branch"
    return (
        f"the work tree's {REPO_CONFIG_NAME} is not the one used: {why}; to use yours, "
        f"{where} or pass `--config {REPO_CONFIG_NAME}`"
    )
