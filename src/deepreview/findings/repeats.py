"""One problem a review tells twice: in its summary's list and in its findings sections, or in
two severity sections (trial 46b #19, #16).

`assemble` merges repeats at one level; these are the repeats it cannot see. A summary that
lists the key issues (`Key problems: 1. **`sub` is inverted** — `calc.py:5``) gives drafts with
no level of their own: they are the summary, not more findings, when the findings sections hold
the same problem. A finding listed under two levels by one seat is one finding at the higher.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from deepreview.findings.assemble import completeness, same_title
from deepreview.findings.finding_draft import Draft
from deepreview.findings.list_marker import ID_LED_ITEM
from deepreview.findings.locations import parse_location
from deepreview.findings.problem_words import about_faults, fault_kinds
from deepreview.model import Finding, Location


def in_summary(is_summary: bool, level: int, summary_level: int | None) -> int | None:
    """The summary's heading level while the blocks read lie inside its section (`Key
    problems:` under `## Executive Summary`), else None; `level`: the block's heading level."""
    if is_summary:
        return level
    if summary_level is not None and (level <= summary_level or level == 0):
        return None
    return summary_level


def summary_repeats(drafts: list[Draft], from_summary: set[int]) -> list[Draft]:
    """`drafts` without the summary's items (`id()`s in `from_summary`) that a finding of the
    findings sections also holds: the same title, or the same places. A summary item no
    findings section holds stays a finding (a review may list its findings only there). A
    recap of findings already read is what agents often write, not a fault of the seat: it
    goes without a warning, as a recap table does (fx80)."""
    listed = [d for d in drafts if id(d) not in from_summary]
    return [
        d
        for d in drafts
        if id(d) not in from_summary or not any(_holds(e, d) or _row_inside(e, d) for e in listed)
    ]


def one_line_item(d: Draft) -> bool:
    """The draft says no more than its own line (`- **C1** `a.py:3` — crash on empty input`):
    a summary's item, which a finding told in full may hold; text below it would make it a
    finding written in the summary (kept with its text when told twice)."""
    return _norm(d.body) in ("", _norm(d.head.title))


def recap_table(told: list[Draft], rows: list[Draft]) -> bool:
    """`rows`, a block's findings read from a table after findings `told` above it, are a recap
    of those (`## Summary table` with a row per finding): every row tells one of them again.
    A table with a row no finding above holds is findings of its own, and so is a table that
    comes first (a review may give its findings only as a table)."""
    return (
        bool(told)
        and bool(rows)
        and all(r.head.style == "table" for r in rows)
        and all(any(_holds(e, r) or _inside(e, r) for e in told) for r in rows)
    )


# a place an item gives: a code span, or a bare `path:line`
_ITEM_PLACE: Final = re.compile(r"`([^`\n]+)`|(?<!\S)([\w./-]+:\d+(?:-\d+)?)")


def recap_list(text: str, findings: list[Finding]) -> bool:
    """`text` (findings text left unread) is a list each of whose one-line items names a finding
    read above by its ID, at one of that finding's places when the item gives one: a closing
    `## Summary of findings` telling the findings again, not findings that could not be read.
    An item naming an ID no finding has, or a read ID at another place, is something else."""
    by_id = {f.id: f for f in findings}
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return False
    for line in lines:
        m = ID_LED_ITEM.match(line)
        finding = by_id.get(f"{m[1]}{m[2]}") if m else None
        if m is None or finding is None:
            return False
        for span, bare in _ITEM_PLACE.findall(line[m.end() :]):
            place = parse_location(span or bare)
            if place is not None and not any(
                place.path == q.path and (place.start is None or _within(place, q))
                for q in finding.locations
            ):
                return False
    return True


def _row_inside(finding: Draft, item: Draft) -> bool:
    """A recap table's row names a line inside the finding's range (`a.go:57` for `a.go:57-71`)."""
    return item.head.style == "table" and _inside(finding, item)


def _inside(finding: Draft, row: Draft) -> bool:
    """Every place of the row lies in one of the finding's (`a.go:57` in `a.go:57-71`), and the
    row tells no kind of fault the finding does not."""
    places = row.head.locations
    return (
        bool(places)
        and all(any(_within(p, q) for q in finding.head.locations) for p in places)
        and not _other_fault(finding, row)
    )


def _within(p: Location, q: Location) -> bool:
    if p.path != q.path or p.start is None or q.start is None:
        return False
    return q.start <= p.start <= (q.end or q.start) and (p.end or p.start) <= (q.end or q.start)


def _holds(finding: Draft, item: Draft) -> bool:
    """The summary's item tells `finding` again: its ID (`| I1 | Important | Stale cache |`),
    its title, its places, or its file alone (a `| File |` column) with a word of its title."""
    if item.head.id is not None and item.head.id == finding.head.id:
        return True
    if _norm(item.head.title) and same_title(finding.head.title, item.head.title):
        return not item.head.locations or not finding.head.locations or _near(finding, item)
    places = set(item.head.locations)
    if places and places <= set(finding.head.locations):
        # `2. `a.py:14` also leaks the handle` beside I1 about the header order at `a.py:14`:
        # another problem at that place when the item tells a kind of fault I1 never names
        return not _other_fault(finding, item)
    # `| 2 | `calc.py` | Zero divisor |` for `Division by zero crashes` at `calc.py:9`
    files = {x.path for x in places}
    return (
        bool(places)
        and all(x.start is None for x in places)
        and files <= {x.path for x in finding.head.locations}
        and bool(_words(item.head.title) & _words(f"{finding.head.title} {finding.body}"))
    )


def _other_fault(finding: Draft, item: Draft) -> bool:
    """The item tells a kind of fault (a leak, a crash: `fault_kinds`) the finding's words
    are not about (`about_faults`: a leak is about `never closed` too)."""
    told = fault_kinds(f"{item.head.title}\n{item.body}")
    held = about_faults(f"{finding.head.title}\n{finding.body}\n{finding.fix}")
    return bool(told - held)


def _words(text: str) -> set[str]:
    """The words that tell what a title is about (not `the`, `for`, `in`)."""
    return {w for w in _norm(text).split() if len(w) > 3}


def _near(a: Draft, b: Draft) -> bool:
    """Two drafts name the same file (the summary may give a line the finding does not)."""
    return bool({x.path for x in a.head.locations} & {x.path for x in b.head.locations})


def level_repeats(
    findings: list[Finding], unrated: tuple[str, ...], earlier: list[str]
) -> tuple[list[Finding], tuple[str, ...], list[str]]:
    """One finding for one told at two levels, or twice at one level under two IDs (same
    title, same places, same text: `same_finding`): kept at the higher
    level — or at the level the review gave, when the other copy had none — in the place of
    that copy, with the more complete text. `earlier`: `assemble`'s warnings, returned with
    those about the copies that are gone dropped and the merges added."""
    out: list[Finding] = []
    warnings: list[str] = []
    gone: set[str] = set()
    # `same_finding` needs one (non-empty) normalised title and one set of places: only the
    # kept findings with `f`'s are compared, in `out`'s order (the first that matches, as a scan
    # of `out` finds). Comparing each finding with every kept one made 20,000 findings take
    # ~45 s to parse. A merged copy keeps both (the copies shared them): its key stands.
    alike: dict[tuple[str, frozenset[Location]], list[int]] = {}
    for f in findings:
        title = _norm(f.title)
        same = alike.setdefault((title, frozenset(f.locations)), []) if title else []
        k = next((i for i in same if same_finding(out[i], f)), None)
        if k is None:
            if title:
                same.append(len(out))
            out.append(f)
            continue
        e = out[k]
        keep, drop = _ranked(e, f, unrated)
        text = e if completeness(e) >= completeness(f) else f
        out[k] = replace(
            text, id=keep.id, severity=keep.severity, locations=keep.locations or text.locations
        )
        gone.add(drop.id)
        if keep.severity == drop.severity:
            warnings.append(f"finding {drop.id} repeats {keep.id}; counted once")
        elif drop.id not in unrated:
            warnings.append(
                f"finding {drop.id} repeats {keep.id} at another level; kept as one "
                f"{keep.severity.value} finding"
            )
    if not gone:
        return findings, unrated, earlier
    kept = [w for w in earlier if not any(w == f"finding {g} has no Fix" for g in gone)]
    return out, tuple(u for u in unrated if u not in gone), kept + warnings


def same_finding(a: Finding, b: Finding) -> bool:
    """The same finding twice: one title (an untitled finding is told by its text alone, so
    never), the same places, and the same text, one copy's (non-empty) text within the other's,
    or one copy's text only pointing back at the other ("Same as above, lower priority.").
    At one level `assemble` has merged a repeated ID; two IDs there (`I1`, then `I2` with the
    same title, place and text: a model repeating itself) are one finding too."""
    if a.severity == b.severity and (not a.id or not b.id or a.id == b.id):
        return False
    if not _norm(a.title) or _norm(a.title) != _norm(b.title):
        return False
    if set(a.locations) != set(b.locations):
        return False
    if _points_back(a.body) or _points_back(b.body):
        return True  # "Same as above, lower priority.": the copy names the other, says no more
    ta, tb = _norm(a.body), _norm(b.body)
    # Two copies with no text are told apart by nothing the seat wrote: keep both.
    return bool(ta and tb) and (ta in tb or tb in ta)


# A copy's text that only refers to the other copy: "Same as above", "See I1", "Duplicate of
# C2", "As noted above", "Already mentioned under Important Issues", "This is the same issue as
# I1". Read at the start of a short text that names no code (`_POINTER_WORDS`): a copy that goes
# on to say something of its own ("Same as above applies to `mul`: …") is another finding.
_OTHER: Final = (
    r"(?:above|below|before|earlier|[a-z]{1,2}-?\d+"
    r"|the\s+(?:\w+\s+)?(?:one|finding|issue)\s+(?:above|below))"
)
_POINTER: Final = re.compile(
    r"^[\s(\[*_~-]*(?:(?:this|it)(?:\s+is|'s)\s+)?(?:also\s+)?(?:"
    rf"(?:the\s+)?same(?:\s+(?:issue|problem|finding|point|thing|bug))?\s+as\s+{_OTHER}"
    rf"|see\s+{_OTHER}"
    r"|(?:a\s+)?(?:duplicate|repeat)(?:s|d|ed)?\s+(?:of|from|above|below|here)\b"
    r"|(?:already|as)\s+(?:noted|mentioned|listed|reported|covered|raised|described|discussed)\b"
    r"|(?:listed|noted|reported|raised)\s+(?:above|below|under|earlier|as\s+[a-z]{1,2}-?\d+)"
    r")",
    re.IGNORECASE,
)
# Longer than this, a text that starts by pointing back says something of its own as well.
_POINTER_WORDS: Final = 12


def _points_back(body: str) -> bool:
    text = body.strip()
    return (
        bool(_POINTER.match(text))
        and "`" not in text  # it names code of its own
        and len(text.split()) <= _POINTER_WORDS
    )


def _ranked(a: Finding, b: Finding, unrated: tuple[str, ...]) -> tuple[Finding, Finding]:
    """(the copy whose level stands, the other)."""
    if (a.id in unrated) != (b.id in unrated):
        return (b, a) if a.id in unrated else (a, b)
    return (a, b) if a.severity.rank <= b.severity.rank else (b, a)


def _norm(text: str) -> str:
    """Lower-case words only (as `assemble` compares titles)."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
