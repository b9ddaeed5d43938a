"""A prior finding raised again in other words: this round's finding that the consolidation
would merge with it were both raised in one round (the same file, near or at its lines, saying
enough of the same — `consolidate.score.evidence` at the link threshold), when no title or
fingerprint matched (`rounds.matching`). Without it one problem is reported twice in round 2:
carried as the prior finding and again as a seat's "new" one (trial47a #9)."""

from __future__ import annotations

from collections.abc import Sequence

from deepreview.consolidate.claim_pairs import one_sided_failure
from deepreview.consolidate.features import PathResolver, extract
from deepreview.consolidate.partition import LINK_THRESHOLD
from deepreview.consolidate.places import key_path
from deepreview.consolidate.score import evidence
from deepreview.consolidate.word_weights import rarity
from deepreview.model import SEVERITIES, Finding, Location
from deepreview.rounds.matching import declined_matches, elsewhere_than, graded
from deepreview.store.declines import Decline


def alike_pairs(
    priors: Sequence[Finding],
    findings: Sequence[Finding],
    taken: set[str],
    all_prior: Sequence[Finding],
) -> dict[int, Finding]:
    """Each of `priors` (by index) raised again in other words: the finding of this round, not
    `taken` (by ID), of its severity class (as a lead or a seat graded either: `graded`) and
    file, that the consolidation would link with it (scoring at least `LINK_THRESHOLD`). Best
    pairs first, each finding and prior paired once: two problems at one line score alike
    (0.5-0.6 on a shared line and function name), so a prior finding taking the first of them
    that links could take the other prior's re-raise, scoring far higher with that one, and
    leave it "new" (tr62). Nor a pair of which one names a failure the other never does
    (`claim_pairs.one_sided_failure`: the seat had the prior finding before it, so one that
    never names its failure is another problem), nor one at other code of the prior's file
    (`matching.elsewhere_than`: the same title far below, naming none of its code). Ties go to
    the earlier prior, then the earlier finding.
    `all_prior`: the earlier round's findings, which weigh how rare a word is with this round's
    (the function every finding names says little)."""
    free = [f for f in findings if f.id not in taken]
    known = {loc.path for f in (*all_prior, *findings) for loc in f.locations}
    resolver = PathResolver(known)
    now = {f.id: extract("this", f, resolver) for f in free}
    idf = rarity(
        [extract("previous", q, resolver) for q in all_prior]
        + [extract("this", f, resolver) for f in findings]
    )
    scored: list[tuple[float, int, int]] = []
    for i, p in enumerate(priors):
        path = key_path(p)
        if not path:
            continue
        before = extract("previous", p, resolver)
        for j, f in enumerate(free):
            if (
                graded(f) & graded(p)
                and any(loc.path == path for loc in f.locations)
                and not one_sided_failure(before, now[f.id])
                and not elsewhere_than(f, p)
            ):
                score = evidence(before, now[f.id], idf=idf).score
                if score >= LINK_THRESHOLD:
                    scored.append((score, i, j))
    pairs: dict[int, Finding] = {}
    used: set[int] = set()
    for _, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if i not in pairs and j not in used:
            pairs[i] = free[j]
            used.add(j)
    return pairs


def _as_finding(d: Decline) -> Finding | None:
    """The declined finding as its decline kept it (title, place, first sentence), to score
    against this round's; None when its ID names no severity or it has no file."""
    severity = next((s for s in SEVERITIES if s.letter == d.finding_id[:1].upper()), None)
    if severity is None or not d.path:
        return None
    return Finding(
        id=d.finding_id,
        severity=severity,
        title=d.title,
        locations=(Location(d.path, d.start_line, d.end_line),),
        body=d.text,
    )


def declined_alike(
    declines: Sequence[Decline], findings: Sequence[Finding], all_prior: Sequence[Finding]
) -> dict[int, Finding]:
    """Each decline (by index) that no finding of this round is by title or fingerprint
    (`declined_matches`), with the finding of this round most like what it kept (`alike_pairs`;
    findings another decline took are not free). Only a likeness: the finding stays reported as
    it is (a decline keeps one sentence, too little to leave a finding out or re-open the
    decline on), but the Declined entry names it as possibly the declined one rather than say
    nobody raised it (tr62 #5)."""
    taken = {f.id for d in declines for f in declined_matches(d, findings)}
    kept = [
        (i, f)
        for i, d in enumerate(declines)
        if not declined_matches(d, findings) and (f := _as_finding(d)) is not None
    ]
    pairs = alike_pairs([f for _, f in kept], findings, taken, all_prior)
    return {kept[k][0]: f for k, f in pairs.items()}
