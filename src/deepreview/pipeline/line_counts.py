"""The files at a review's SHA and the line counts of those its findings may point at: what
`consolidate.scope` checks a finding's place against ("file not found", "line past the end")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from deepreview.consolidate import SeatReview
from deepreview.consolidate.scope import referenced_files
from deepreview.model import Finding
from deepreview.targets.git import Git
from deepreview.targets.target import Target
from deepreview.targets.tree import files_at


def present_files(target: Target, seat_reviews: list[SeatReview]) -> dict[str, int | None] | None:
    """The files at the review SHA (None when its commit is gone), with the line count of each
    file a seat's finding may point at: the longer of its head and base versions, so a line
    only the base had (a finding about deleted code) is not past the end."""
    tracked = files_at(target.repo_root, target.head_sha)
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


# A file larger than this is not read for `cited_sources` (generated code, a vendored bundle):
# which function a line of it is in is no evidence worth the memory.
SOURCE_BYTES = 1_000_000


def cited_sources(
    target: Target, seat_reviews: list[SeatReview], present: Mapping[str, int | None] | None
) -> dict[str, str]:
    """The text at the review SHA of each file a seat's finding may point at (repo path ->
    text): where `consolidate.code_sites` reads which function a finding's lines are in and
    which they call. Empty when the files at the SHA are not known."""
    if present is None:
        return {}
    findings = [f for sr in seat_reviews if sr.review is not None for f in sr.review.findings]
    cited = referenced_files(findings, present)
    texts = Git(target.repo_root).show_files(target.head_sha, cited)
    return {p: t for p, t in texts.items() if len(t) <= SOURCE_BYTES}


__all__ = ["cited_sources", "present_files", "with_line_counts"]
