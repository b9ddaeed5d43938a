"""What the branch itself changed between two rounds, when its base moved in between.

A branch rebased onto a newer base (or with the base merged in) has a new merge-base: `git diff
OLD NEW` then holds the base's own commits too, which the seats would review as the author's
work, and a `fixed` claim on lines only the base touched would pass as a change of the branch.
As a rebase-aware interdiff does, the earlier version is first replayed onto the new base (a
three-way merge of it with the new base, in memory: `git merge-tree --write-tree`, which writes
objects only), and the interdiff is the diff from that to the new head: only what the author
changed. A file whose earlier version does not merge cleanly keeps the plain diff between the
two reviewed commits, and the note says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from deepreview.targets.attributes import CONFIG, attribute_blind, blind_run
from deepreview.targets.build import shown_as_text_between
from deepreview.targets.git import Git
from deepreview.targets.nul_text import show_nul, text_attributes

# `-M`: a renamed file is one file (its findings follow it, `rounds.renames`), whatever the
# user's `diff.renames` says.
_DIFF = ("diff", "--no-color", "--no-ext-diff", "-M")


@dataclass(frozen=True)
class Interdiff:
    text: str
    note: str = ""  # "" when the base did not move


def branch_interdiff(
    git: Git,
    old_base: str,
    old_sha: str,
    new_base: str,
    new_sha: str,
    text: Sequence[str] = (),
) -> Interdiff:
    """The interdiff from `old_sha` (reviewed from `old_base`) to `new_sha` (from `new_base`);
    both SHAs exist. Bases unknown or equal: the plain diff. `text`: the files the review's
    diff shows as text though git calls them binary (`targets.build.shown_as_text`), shown
    as text here too, each NUL as `␀`, and so are those of the interdiff's own change."""
    if not old_base or not new_base or old_base == new_base or git.rev(new_base) is None:
        return Interdiff(_diff(git, old_sha, new_sha, text=text))
    res = _merge_tree(git, new_base, old_sha)
    if res is None:
        return Interdiff(
            _diff(git, old_sha, new_sha, text=text),
            f"The base moved since the previous round ({old_base[:12]} → {new_base[:12]}) and "
            "the earlier version could not be replayed onto it: the interdiff is the plain diff "
            "between the two reviewed commits and may include the base's changes.",
        )
    tree, conflicted = res
    diff = _diff(git, tree, new_sha, exclude=conflicted, text=text)
    said = (
        f"The branch was rebased onto a newer base since the previous round ({old_base[:12]} → "
        f"{new_base[:12]}): the interdiff holds only the branch's own changes since then, not "
        "the base's"
    )
    if not diff.strip() and not conflicted:
        said += "; the branch's own changes are as they were"
    if conflicted:
        diff += _diff(git, old_sha, new_sha, only=conflicted, text=text)
        said += (
            f"; {', '.join(conflicted)}: the earlier version does not apply cleanly to the new "
            "base, so their interdiff is the plain diff between the two reviewed commits and "
            "may include the base's changes"
        )
    return Interdiff(diff, said + ".")


def _merge_tree(git: Git, base: str, old_sha: str) -> tuple[str, tuple[str, ...]] | None:
    """(the tree of `old_sha`'s changes replayed onto `base`, the paths that conflicted), or
    None when git cannot merge them (no common history). Blind to `.gitattributes`, as every
    diff of the review: the change's own attributes pick no merge driver."""
    args = ["merge-tree", "--write-tree", "--name-only", "--no-messages", "-z", base, old_sha]
    with attribute_blind(git.common_dir()) as blind:
        res = git.run([*CONFIG, *args], env=blind.env, cwd=blind.cwd, check=False)
    # Exit 0: clean; 1: conflicts (the tree holds conflict markers for those paths).
    if res.timed_out or res.returncode not in (0, 1) or not res.stdout:
        return None
    parts = [p for p in res.stdout.decode("utf-8", errors="surrogateescape").split("\0") if p]
    if not parts:
        return None
    return parts[0], tuple(dict.fromkeys(parts[1:]))


def _diff(
    git: Git,
    old: str,
    new: str,
    *,
    only: Sequence[str] = (),
    exclude: Sequence[str] = (),
    text: Sequence[str] = (),
) -> str:
    # Literal pathspecs: a file named `*.py` names itself only.
    if only:
        spec = [f":(literal){p}" for p in only]
    else:
        spec = [f":(exclude,literal){p}" for p in exclude]
    args = [*_DIFF, old, new, *(["--", *spec] if spec else [])]
    # the review's own diff shows a NUL-text file as text: so does every diff the seats see,
    # those of this diff's own change too (changed between the rounds only: the base's, or
    # renamed since the previous round)
    text = sorted({*text, *shown_as_text_between(git, old, new)})
    with text_attributes(text) as as_text:
        return show_nul(blind_run(git, [*as_text, *args])).decode("utf-8", errors="replace")
