"""The files at a review's SHA and the line counts of those its findings may point at: what
`consolidate.scope` checks a finding's place against ("file not found", "line past the end")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from deepreview.consolidate import SeatReview
from deepreview.consolidate.scope import referenced_files
from deepreview.model import Finding
from deepreview.targets.git import Git
from deepreview.targets.target import Target


def present_files(target: Target, seat_reviews: list[SeatReview]) -> dict[str, int | None] | None:
    """The files at the review SHA (None when its commit is gone), with the line count of each
    file a seat's finding may point at: the longer of its head and base versions, so a line
    only the base had (a finding about deleted code) is not past the end."""
    git = Git(target.repo_root)
    tracked = git.tracked_files(target.head_sha)
    if tracked is None:
        return None
    findings = [f for sr in seat_reviews if sr.review is not None for f in sr.review.findings]
    return with_line_counts(target, dict.fromkeys(tracked), findings)


def with_line_counts(
    target: Target, present: Mapping[str, int | None], findings: Sequence[Finding]
) -> dict[str, int | None]:
    """`present` (`present_files`) with the line counts of the files `findings` may point at
    that it has not counted yet (the lead's added findings cite files no seat did)."""
    counts = dict(present)
    cited = [p for p in referenced_files(findings, counts) if counts.get(p) is None]
    git = Git(target.repo_root)
    for rev in (target.base_sha, target.head_sha):
        for path, text in git.show_files(rev, cited).items():
            n = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
            counts[path] = max(n, counts.get(path) or 0)
    return counts


__all__ = ["present_files", "with_line_counts"]
