"""Which commit a range's or an --uncommitted review's instructions and config come from.

A review reads reviewer instructions and `.deep-review.toml` from its base so that a change
cannot steer its own review. A branch or PR review's base is a merge-base with a base branch;
a range's base is whatever commit the user typed (`HEAD~1..HEAD`), and --uncommitted's is HEAD:
either may be a commit of the reviewed branch itself, written by the change's author. Such a
base that is not on the default branch gives way to its merge-base with the default branch.
"""

from __future__ import annotations

import dataclasses

from deepreview.targets.git import Git
from deepreview.targets.target import Target


def off_default_branch(git: Git, target: Target, default: tuple[str, str] | None) -> Target:
    """`target` reading its steering files from the default branch when its base is not on
    it (`default`: the default branch's name and tip, None when there is none), with a note."""
    if target.kind not in ("range", "uncommitted") or default is None:
        return target
    name, tip = default
    base = target.base_sha
    if git.ok("merge-base", "--is-ancestor", base, tip):
        return target
    mb = git.run(["merge-base", base, tip], check=False).stdout_text.strip()
    # no shared history: the default branch's tip is the only commit known not to be the change's
    steering = mb or tip
    where = f"its merge-base with {name}" if mb else name
    note = (
        f"the base {target.base_ref or base[:7]} ({base[:7]}) is not on {name}, so it may be "
        f"part of the change: reviewer instructions and .deep-review.toml are read from {where} "
        f"({steering[:7]}) instead."
    )
    return dataclasses.replace(target, steering_sha=steering, notes=(*target.notes, note))
