"""Assemble a review's drafts into findings: IDs for drafts that have none, and one finding for a
draft the review repeats (a second draft of the same finding after a rewrite).
"""

from __future__ import annotations

import re
from dataclasses import replace

from deepreview.findings.finding_draft import Draft
from deepreview.findings.title_decor import plain_title
from deepreview.model import Finding, Severity


def completeness(f: Finding) -> int:
    return len(f.body) + len(f.fix) + 10 * len(f.locations) + (5 if f.classification else 0)


def same_title(a: str, b: str) -> bool:
    """Two drafts' titles for one finding: equal, or mostly the same words."""
    na, nb = _norm(a), _norm(b)
    if na == nb:
        return True
    wa, wb = set(na.split()), set(nb.split())
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.5


def _norm(t: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", t.lower()).strip()


def assemble(drafts: list[Draft]) -> tuple[list[Finding], list[str]]:
    """Assign IDs to drafts that have none, and merge repeats (a second draft of the review).

    A finding ID seen twice with the same title counts once, the more complete version wins
    (kept at the first one's position).  The same ID on a different finding is an agent slip:
    both are kept and the later one is renumbered.
    """
    warnings: list[str] = []
    used: dict[Severity, set[int]] = {s: set() for s in Severity}
    for d in drafts:
        if d.head.id:
            used[Severity.from_letter(d.head.id[0])].add(int(d.head.id[1:]))
        if d.severity_conflict:
            warnings.append(d.severity_conflict)
    out: list[Finding] = []
    has_fix: list[bool] = []
    tabled: list[bool] = []  # the finding was read from a table's row
    by_id: dict[str, int] = {}
    by_title: dict[tuple[Severity, str], int] = {}  # findings that came without an ID
    for d in drafts:
        f = _finding(d)
        if not f.id:
            twin = by_title.get((f.severity, _norm(f.title)))
            if twin is not None:
                if completeness(f) > completeness(out[twin]):
                    out[twin] = replace(f, id=out[twin].id)
                    has_fix[twin] = d.has_fix
                warnings.append(f"finding {out[twin].id} appears twice; merged")
                continue
            f = replace(f, id=_next_id(f.severity, used))
            by_title[(f.severity, _norm(f.title))] = len(out)
        elif f.id in by_id:
            k = by_id[f.id]
            if same_title(out[k].title, f.title):
                if completeness(f) > completeness(out[k]):
                    out[k] = f
                    has_fix[k] = d.has_fix
                if tabled[k] or d.head.style != "table":
                    # (a table's row after the item it names is a recap of it, not the
                    # finding written twice: quiet)
                    warnings.append(f"finding {f.id} appears twice; kept the more complete version")
                continue
            new_id = _next_id(Severity.from_letter(f.id[0]), used)
            warnings.append(f"two different findings are both called {f.id}; the later is {new_id}")
            f = replace(f, id=new_id)
        by_id[f.id] = len(out)
        out.append(f)
        has_fix.append(d.has_fix)
        tabled.append(d.head.style == "table")
    warnings.extend(
        f"finding {f.id} has no Fix" for f, ok in zip(out, has_fix, strict=True) if not ok
    )
    return out, warnings


def unrated_ids(drafts: list[Draft], findings: list[Finding]) -> tuple[str, ...]:
    """IDs of the assembled findings that came from drafts with no severity of their own."""
    guessed = {(d.severity, _finding(d).title) for d in drafts if d.head.unrated}
    return tuple(f.id for f in findings if (f.severity, f.title) in guessed)


def overruled_ids(drafts: list[Draft], findings: list[Finding]) -> tuple[tuple[str, str], ...]:
    """(ID, what its tag overruled) of the findings whose tag gave another severity than their
    heading or ID letter (`Draft.overruled`): the tag was taken, the seat's retro says so."""
    said = {(d.severity, _finding(d).title): d.overruled for d in drafts if d.overruled}
    return tuple(
        (f.id, said[f.severity, f.title]) for f in findings if (f.severity, f.title) in said
    )


def renumbered_ids(drafts: list[Draft], findings: list[Finding]) -> tuple[tuple[str, str], ...]:
    """(ID as written, ID given) of the findings `assemble` renumbered because an earlier,
    different finding of the review had their ID: the seat's retro says which is which."""
    written: dict[tuple[Severity, str], set[str]] = {}
    for d in drafts:
        if d.head.id:
            written.setdefault((d.severity, _finding(d).title), set()).add(d.head.id)
    out = []
    for f in findings:
        was = written.get((f.severity, f.title), set())
        if len(was) == 1 and f.id not in was:
            out.append((next(iter(was)), f.id))
    return tuple(out)


def _next_id(severity: Severity, used: dict[Severity, set[int]]) -> str:
    n = 1
    while n in used[severity]:
        n += 1
    used[severity].add(n)
    return f"{severity.letter}{n}"


def _finding(d: Draft) -> Finding:
    h = d.head
    # (the rules read the title as written; the report's title is the problem: `title_decor`.
    # A finding under its own written ID, `I1. **Another issue**`, was titled by its seat, as
    # our own report's findings are: its title stays whole, however few its words)
    title, body = (h.title, d.body) if h.id else plain_title(h.title, d.body)
    return Finding(
        id=h.id or "",
        severity=d.severity,
        # `**1. Retry never stops:**` + the place on the next line: the colon led to it
        title=title[:-1].rstrip() if title.endswith(":") and len(title) > 1 else title,
        locations=tuple(dict.fromkeys(h.locations)),
        classification=h.classification,
        reviewers=tuple(h.reviewers),
        body=body,
        fix=d.fix,
        carry_forward=h.carry_forward,
        verification=h.verification,
    )
