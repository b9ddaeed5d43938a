"""A finding's places: their union in the order a reviewer gave them, and the key place.

A reviewer lists first the place where the problem is and after it the places it cites as
context (`svc/orders.py:11-12, docs/notes.md:3`): the report, SARIF's one `locations` entry and
the inline comment all start from that first place. But the fingerprint, the rounds' matching,
a decline's line and the report's numbering key a finding by its `key_location`: the place that
sorted first when places were kept sorted by path and line, so fingerprints stored then (declines,
code scanning alerts, inline comment markers) still match.
"""

from __future__ import annotations

from collections.abc import Sequence

from deepreview.model import Finding, Location


def union_locations(locations: Sequence[Location]) -> tuple[Location, ...]:
    """`locations` with overlapping ranges in one file joined and a whole-file place dropped
    when a line range in that file is known, each kept where its first part was given."""
    ranges: dict[str, list[tuple[int, int, int]]] = {}  # path -> (lo, hi, position given)
    whole: dict[str, int] = {}
    for n, loc in enumerate(locations):
        if loc.start is None:
            whole.setdefault(loc.path, n)
            continue
        end = loc.end if loc.end is not None else loc.start
        ranges.setdefault(loc.path, []).append((min(loc.start, end), max(loc.start, end), n))
    out: list[tuple[int, Location]] = []
    for path, at in whole.items():
        if path not in ranges:
            out.append((at, Location(path)))
    for path, spans in ranges.items():
        merged: list[list[int]] = []  # [lo, hi, first position given]
        for lo, hi, n in sorted(spans):
            if merged and lo <= merged[-1][1]:  # overlapping: one range
                merged[-1][1] = max(merged[-1][1], hi)
                merged[-1][2] = min(merged[-1][2], n)
            else:
                merged.append([lo, hi, n])
        if path in whole:
            # the file named whole before its lines: its first-given range takes that place
            first = min(merged, key=lambda m: m[2])
            first[2] = min(first[2], whole[path])
        out.extend((n, Location(path, lo, None if hi == lo else hi)) for lo, hi, n in merged)
    return tuple(loc for _, loc in sorted(out, key=lambda t: t[0]))


def sorted_locations(locations: Sequence[Location]) -> tuple[Location, ...]:
    """`union_locations` sorted by path and line: how a finding's places were kept before they
    kept the reviewer's order."""
    return tuple(sorted(union_locations(locations), key=lambda loc: (loc.path, loc.start or 0)))


def key_location(finding: Finding) -> Location | None:
    """The place a finding is keyed by (fingerprint, rounds, declines, numbering): the first of
    its reviewers' own places sorted by path and line — what `locations[0]` was while places
    were stored sorted. Its reviewers' places are its `sources` (a place cited only in their
    explanations, appended after them, never was first); a finding without any (the lead's,
    an older report's) is keyed by its own places."""
    own = [loc for s in finding.sources if s.kind == "finding" for loc in s.locations]
    first = sorted_locations(own or finding.locations)
    return first[0] if first else None


def key_path(finding: Finding) -> str:
    loc = key_location(finding)
    return loc.path if loc is not None else ""
