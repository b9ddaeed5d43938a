"""A prior finding whose file was renamed in a rewrite that took the previous round's commit away
(amend, force push, gc): git sees no rename (`rounds.renames` needs that commit), so the finding
kept a path that no longer exists, and a seat raising it again at the renamed file raised a
"new" finding beside the carried one (tr64 #4). As a decline whose commit is gone is looked for
in the change's files (`renames.follow_declines`), such a finding goes to the one file of the
change where a seat raises a finding of its title and severity class."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from deepreview.consolidate.fingerprint import generic_title, location_title, normalised_title
from deepreview.consolidate.places import key_path
from deepreview.model import Finding
from deepreview.rounds.matching import graded
from deepreview.rounds.renames import follow_finding


def follow_gone_files(
    prior: Sequence[Finding],
    findings: Sequence[Finding],
    gone: Callable[[str], bool],
    candidates: Collection[str],
) -> tuple[Finding, ...]:
    """`prior` with each finding whose file is `gone` (not at this round's head) moved to the
    file of `candidates` (the change's files) where this round raises a finding of its title
    (not a place or a generic phrase) and severity class — when exactly one file does. Only for
    a previous round whose commit is gone: a rename git can see is followed already."""
    out = []
    for p in prior:
        path = key_path(p)
        title = normalised_title(p.title)
        if not path or location_title(p.title) or generic_title(p.title) or not gone(path):
            out.append(p)
            continue
        there = {
            key_path(f)
            for f in findings
            if normalised_title(f.title) == title
            and graded(f) & graded(p)
            and key_path(f) in candidates
            and key_path(f) != path
        }
        out.append(follow_finding(p, {path: there.pop()}) if len(there) == 1 else p)
    return tuple(out)
