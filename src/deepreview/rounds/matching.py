"""Whether a finding of this round is one reported before: a previous round's finding raised
again, or a declined one. Equal fingerprints, or the same file and the same normalised title,
of the finding itself or of any seat's finding merged into it."""

from __future__ import annotations

from deepreview.consolidate.fingerprint import fingerprint, normalised_title
from deepreview.model import Finding
from deepreview.store.declines import Decline


def same_finding(a: Finding, b: Finding) -> bool:
    """The same problem: equal fingerprints, or the same file and the same normalised title."""
    if fingerprint(a) == fingerprint(b):
        return True
    path_a = a.locations[0].path if a.locations else ""
    path_b = b.locations[0].path if b.locations else ""
    return path_a == path_b and normalised_title(a.title) == normalised_title(b.title)


def _member_keys(f: Finding) -> set[tuple[str, str]]:
    """(file, normalised title) of each reviewer's own finding merged into `f`: a finding that
    took one seat's title still holds what the other seat raised."""
    return {
        (s.locations[0].path if s.locations else "", normalised_title(s.title))
        for s in f.sources
        if s.kind == "finding"
    }


def raises(f: Finding, p: Finding) -> bool:
    """Whether this round's `f` raises the earlier `p` again: itself, or one of the findings
    merged into it."""
    path = p.locations[0].path if p.locations else ""
    return same_finding(f, p) or (path, normalised_title(p.title)) in _member_keys(f)


def matches_decline(f: Finding, d: Decline) -> bool:
    """Whether `f` is the declined finding `d` (raised again, or the prior finding itself)."""
    path = f.locations[0].path if f.locations else ""
    return (
        fingerprint(f) == d.fingerprint
        or (path == d.path and normalised_title(f.title) == normalised_title(d.title))
        or (d.path, normalised_title(d.title)) in _member_keys(f)
    )
