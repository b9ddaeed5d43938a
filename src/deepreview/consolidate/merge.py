"""One consolidated finding per group of members, numbered by severity and importance.

Severity rule (quoted in the report's Reconciliation as `SEVERITY_RULE`): a finding gets the
median of its reviewers' severities; when the reviewers split evenly, the more severe of the two
middle severities, so one dismissive reviewer cannot silently demote a seat's Critical (and the
`--fail-on` gate never passes a finding one of two reviewers called Critical); a single
reviewer's severity stands. A reviewer is
counted once: when the lead merged several of its findings into one, it votes with the most
severe of them (`votes`), since two findings of one seat are not two opinions. And a lead's merge
without a severity of its own never lowers the finding that absorbs it (`Group.floor`): folding
a suggestion into an important finding must not turn it into a suggestion. Every voting member
whose own severity differs from the result is recorded in Reconciliation.

The text of a consolidated finding comes from a member whose severity the finding ends with (the
Critical seat's explanation, not the dismissive seat's "maybe intentional?"), and among those
from the most complete (a model seat before an analyzer such as the static seat, then a code
excerpt in the body, a fix, then the longest body);
the fix from that member when it has one, else from the most complete member with that severity
that has one (`fix_member`): never from a member the severity rule outvoted. A model seat's
text and fix come before an analyzer's whatever the grades (`_worded`): the analyzer's grade
votes, but its generic message argues nothing. But an empty body
argues no grade: when that member explains nothing, the explanation (and a fix, when none was
found) comes from the most complete member that has one (`text_members`).
After a lead's merge, only the members of the cluster that absorbed the others give the text
(`text_pool`): the merged finding is that cluster's problem.
Locations are the union of the members' locations (overlapping ranges in one file joined, whole-file
references dropped when a line range in that file is known), the shown member's first in the order
it gave them (its first place is where the problem is), then the other members' new ones, then the
lines of another file that two or more reviewers' explanations both name (`corroborated`), then
the lines of another file where a member's explanation puts the code its fix changes
(`fix_places`). Reviewers are credited in the order the seats were given. The classification is
the members' most common one; a tie goes to the most complete member's.

Numbering: C1.., I1.., S1.. ordered by severity, then by the number of reviewers (more first),
then classification (regression, gap, pre-existing, anything else), then key location
(`places.key_location`: the first by path and line), then
the group's key.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from deepreview.consolidate.cluster import Member
from deepreview.consolidate.fingerprint import location_title
from deepreview.consolidate.fix_places import fix_places
from deepreview.consolidate.labels import member_label
from deepreview.consolidate.places import key_location, union_locations
from deepreview.consolidate.score import FAULT_CLASSES
from deepreview.markdown_fence import code_blocks, has_code
from deepreview.model import SEVERITIES, Finding, FindingSource, Location, Reviewer, Severity

SEVERITY_RULE = (
    "the median of the reviewers' severities; an even split takes the more severe of the two "
    "middle ones; a single reviewer's severity stands"
)
CLASSIFICATION_ORDER = FAULT_CLASSES
LEAD = "lead"  # credit of findings the lead adds


MERGE_RULE = "a lead's merge that gives no severity never lowers the finding merged into"


def reconcile_severity(severities: Sequence[Severity]) -> Severity:
    """The median severity; an even split takes the more severe middle one."""
    if not severities:
        raise ValueError("reconcile_severity needs at least one severity")
    ranks = sorted(s.rank for s in severities)  # 0 = critical first
    # (n - 1) // 2 is the middle of an odd count and the first (more severe) of an even one's two
    return SEVERITIES[ranks[(len(ranks) - 1) // 2]]


def votes(members: Sequence[Member]) -> tuple[Member, ...]:
    """One member per seat, in the given order: the seat's most severe (the first on a tie)."""
    best: dict[str, int] = {}  # seat -> index of its voting member
    for i, m in enumerate(members):
        held = best.get(m.seat)
        if held is None or m.finding.severity.rank < members[held].finding.severity.rank:
            best[m.seat] = i
    chosen = set(best.values())
    return tuple(m for i, m in enumerate(members) if i in chosen)


def rule_severity(members: Sequence[Member], floor: Severity | None = None) -> Severity:
    """The severity rule over `members` (each seat once), never less severe than `floor`."""
    severity = reconcile_severity([m.finding.severity for m in votes(members)])
    if floor is not None and floor.rank < severity.rank:
        return floor
    return severity


@dataclass(frozen=True)
class Group:
    """What becomes one consolidated finding: a cluster after the lead's decisions."""

    key: str  # the cluster ID (K3), a split's ID (K3.2), or an added finding's (L1)
    members: tuple[Member, ...]
    reasons: tuple[str, ...] = ()  # why the members belong together (Markdown)
    severity: Severity | None = None  # the lead's severity; None: SEVERITY_RULE decides
    severity_reason: str = ""
    # the absorbing finding's severity before the lead merged others into it (MERGE_RULE)
    floor: Severity | None = None
    title: str | None = None  # the lead's title
    classification: str | None = None  # the lead's classification
    classification_reason: str = ""
    added: Finding | None = None  # a finding the lead added (credited `lead`)
    # keys of the members the lead merged in from other clusters (`text_pool`)
    absorbed: frozenset[str] = frozenset()


def text_pool(group: Group) -> tuple[Member, ...]:
    """The members whose words the finding may show: after a lead's merge, those of the
    cluster that absorbed the others (the merged finding is its problem, the others are
    named inside it), however much longer an absorbed member's text is."""
    own = tuple(m for m in group.members if m.key not in group.absorbed)
    return own or group.members


def completeness(f: Finding) -> tuple[int, int, int]:
    """(has a code excerpt, has a fix, body length): larger is more complete."""
    return (1 if has_code(f.body) else 0, 1 if f.fix.strip() else 0, len(f.body))


def member_rank(m: Member) -> tuple[int, tuple[int, int, int]]:
    """A model seat's finding before an analyzer's generic message, then the most complete."""
    return (1 if m.model_backed else 0, completeness(m.finding))


def _worded(members: Sequence[Member]) -> list[Member]:
    """The model seats' members, when there are any: an analyzer's grade is its rule's
    default and its words a rule's message, so they argue nothing a model seat's explanation
    and fix would not say better, whatever the two graded it."""
    return [m for m in members if m.model_backed] or list(members)


def best_member(members: Sequence[Member], severity: Severity | None = None) -> Member:
    """The most complete member, among those rated `severity` when any is (the text should
    argue the grade the finding carries), a model seat's before an analyzer's (`_worded`);
    ties go to the first in the given (canonical) order."""
    worded = _worded(members)
    graded = [m for m in worded if m.finding.severity == severity]
    pool = graded or worded
    best = pool[0]
    for m in pool[1:]:
        if member_rank(m) > member_rank(best):
            best = m
    return best


def fix_of(m: Member) -> str:
    """A member's fix: its `Fix:` text, else the diff its explanation ends up holding (an
    unlabelled ```` ```diff ```` block: the change the reviewer proposes), for when another
    member's explanation is the one shown."""
    if m.finding.fix.strip():
        return m.finding.fix
    diffs = [
        b
        for b in code_blocks(m.finding.body)
        if b.closed and b.info.split()[:1] in (["diff"], ["patch"])
    ]
    return "\n\n".join(f"```{b.info}\n{b.body}```" for b in diffs)


def fix_member(members: Sequence[Member], severity: Severity, best: Member) -> Member | None:
    """Whose fix the finding shows: the member whose text it shows, when that one has a fix;
    else the most complete member graded `severity` that has one. A member outvoted on the
    grade is never the source: its fix answers its own reading of the problem (an "overflow"
    seat's `Decimal(a) / Decimal(b)` under a zero-divisor finding). When no member has the
    finding's grade (the lead set one), the most complete member with a fix. Another
    member's fix may be a diff in its explanation (`fix_of`); the shown member's is there."""
    if best.finding.fix.strip():
        return best
    # a model seat's fix before an analyzer's generic one (`_worded`), then any member's
    for candidates in (_worded(members), list(members)):
        graded = [m for m in candidates if m.finding.severity == severity]
        with_fix = [
            m for m in graded or candidates if (m.finding.fix if m is best else fix_of(m)).strip()
        ]
        if with_fix:
            return max(with_fix, key=member_rank)
    return None


@dataclass(frozen=True)
class TextMembers:
    """Whose words a consolidated finding shows."""

    best: Member  # its title (unless the lead gave one): `best_member`
    body: Member  # its explanation: `best`, or `explainer` when `best` explains nothing
    fix: Member | None  # its fix (None: no fix)


def text_members(members: Sequence[Member], severity: Severity) -> TextMembers:
    """Whose text a finding graded `severity` shows: its title and body from `best_member`,
    its fix from `fix_member` (None: no fix). When that member explains nothing (a table row's
    title and a few words of fix), the explanation is the most complete member's that has one,
    whatever its grade (an empty body argues no grade), as is the fix when none is found."""
    best = best_member(members, severity)
    fix = fix_member(members, severity, best)
    if best.finding.body.strip():
        return TextMembers(best, best, fix)
    explained = [m for m in members if m.finding.body.strip()]
    if not explained:
        return TextMembers(best, best, fix)
    body = max(explained, key=member_rank)
    if fix is body and not body.finding.fix.strip():
        fix = None  # its diff is in the explanation shown
    return TextMembers(best, body, fix or (body if body.finding.fix.strip() else None))


def borrowed_text(group: Group, fid: str, severity: Severity, names: dict[str, str]) -> str | None:
    """Reconciliation's note that finding `fid` shows another member's explanation than that
    of the member it is titled after, which explains nothing (`text_members`); else None."""
    text = text_members(text_pool(group), severity)
    if text.body is text.best:
        return None
    shown, terse = member_label(text.body, names), member_label(text.best, names)
    return f"{fid} shows {shown}'s explanation: {terse} gives none"


def title_of(members: Sequence[Member], severity: Severity, best: Member) -> str:
    """The finding's title: the text member's, unless that is only a place (`` `a.py:3` ``,
    a reviewer's terse item); then the title of the most complete member whose title says
    what the problem is (one graded `severity` first)."""
    if not location_title(best.finding.title):
        return best.finding.title
    worded = [m for m in members if not location_title(m.finding.title)]
    graded = [m for m in worded if m.finding.severity == severity]
    pool = graded or worded
    return best_member(pool).finding.title if pool else best.finding.title


def locations_of(members: Sequence[Member], first: Member | None = None) -> tuple[Location, ...]:
    """The members' places, `first`'s (the member whose text the finding shows) before the
    others' as each gave them, then the places the text of two or more reviewers' members names
    in a file none of them is placed in (`corroborated`), then where a member's fix goes in
    another file (`fix_places`)."""
    ordered = ([first] if first is not None else []) + [m for m in members if m is not first]
    own = union_locations([loc for m in ordered for loc in m.finding.locations])
    seconded = corroborated(members, {loc.path for loc in own})
    return own + seconded + fix_places(members, {loc.path for loc in (*own, *seconded)})


def corroborated(members: Sequence[Member], own: Collection[str]) -> tuple[Location, ...]:
    """Lines of another file that the explanations of two or more reviewers both name: two
    seats placed the finding at the code and each cites the design doc it contradicts
    (`api.md:764-765`), or the caller that prints the message. Each reviewer points there
    independently, so the place is part of the issue; one reviewer's citation is its reasoning
    (the code it calls, the test it read), not a place of the finding."""
    cited = [(m.seat, c) for m in members for c in m.cited if c.path not in own]
    return union_locations(
        [a for seat, a in cited if any(s != seat and _overlap(a, b) for s, b in cited)]
    )


def _overlap(a: Location, b: Location) -> bool:
    if a.path != b.path or a.start is None or b.start is None:
        return False
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)


def classification_of(members: Sequence[Member], best: Member) -> str | None:
    counts = Counter(c for c in (m.finding.classification for m in members) if c)
    if not counts:
        return None
    top = max(counts.values())
    tied = [c for c, n in counts.items() if n == top]
    if len(tied) == 1:
        return tied[0]
    if best.finding.classification in tied:
        return best.finding.classification
    return min(tied, key=_classification_rank)


def _classification_rank(c: str | None) -> tuple[int, str]:
    c = (c or "").lower()
    return (CLASSIFICATION_ORDER.index(c) if c in CLASSIFICATION_ORDER else 3, c)


def credits(members: Sequence[Member], reviewers: Sequence[Reviewer]) -> tuple[str, ...]:
    """Credit names in the order the seats were given; unknown seats after, by name."""
    seats = {m.seat for m in members}
    known = [r for r in reviewers if r.seat in seats]
    named = {r.seat for r in known}
    return tuple(r.credit for r in known) + tuple(sorted(s for s in seats if s not in named))


def sources(members: Sequence[Member], reviewers: Sequence[Reviewer]) -> tuple[FindingSource, ...]:
    """Each member as the reviewer wrote it, in credit order: which reviewer said what."""
    rank = {r.seat: n for n, r in enumerate(reviewers)}
    credit = {r.seat: r.credit for r in reviewers}
    ordered = sorted(members, key=lambda m: (rank.get(m.seat, len(rank)), m.seat))
    return tuple(
        FindingSource(
            reviewer=credit.get(m.seat, m.seat),
            finding_id=m.finding.id,
            severity=m.finding.severity,
            title=m.finding.title,
            locations=m.finding.locations,
        )
        for m in ordered
    )


def draft(group: Group, reviewers: Sequence[Reviewer]) -> Finding:
    """The consolidated finding of one group, with the group's key as its provisional ID."""
    if group.added is not None:
        f = group.added
        # Read by the lead in a seat's unread findings text: that seat's finding, not the lead's.
        credit = {r.seat: r.credit for r in reviewers}
        by = tuple(credit.get(s, s) for s in f.reviewers) or (LEAD,)
        return replace(
            f,
            id=group.key,
            locations=union_locations(f.locations),
            reviewers=by,
            verification=f.verification or "added-by-lead",
        )
    members = group.members
    severity = group.severity or rule_severity(members, group.floor)
    pool = text_pool(group)
    text = text_members(pool, severity)
    best, fix_from = text.best, text.fix
    return Finding(
        id=group.key,
        severity=severity,
        title=group.title or title_of(pool, severity, best),
        locations=locations_of(members, best),
        classification=group.classification or classification_of(members, best),
        reviewers=credits(members, reviewers),
        body=text.body.finding.body,
        fix=""
        if fix_from is None
        else fix_of(fix_from)
        if fix_from is not text.body
        else fix_from.finding.fix,
        carry_forward=best.finding.carry_forward,
        verification=best.finding.verification,
        sources=sources(members, reviewers),
    )


def _order(f: Finding, key: str) -> tuple[object, ...]:
    # keyed as while places were sorted: the numbering of a report does not change
    first = key_location(f) or Location("")
    return (
        f.severity.rank,
        -len(f.reviewers),
        _classification_rank(f.classification),
        first.path == "",
        first.path,
        first.start or 0,
        key_order(key),
    )


def key_order(key: str) -> tuple[str, tuple[int, ...]]:
    """K3 < K10 < K10.2 < L1: prefix, then the numbers in it."""
    return key[:1], tuple(int(n) for n in re.findall(r"\d+", key))


def number(drafts: Sequence[Finding]) -> tuple[tuple[str, Finding], ...]:
    """(group key, finding with its final ID) in report order: C1.., I1.., S1.."""
    ordered = sorted(drafts, key=lambda f: _order(f, f.id))
    counters: Counter[Severity] = Counter()
    out: list[tuple[str, Finding]] = []
    for f in ordered:
        counters[f.severity] += 1
        out.append((f.id, replace(f, id=f"{f.severity.letter}{counters[f.severity]}")))
    return tuple(out)
