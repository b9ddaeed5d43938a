"""A list of problems, each led by its place, in a review with no findings section.

    No issues found.

    1. `calc.py:5` — `sub` does not validate its inputs; passing strings raises TypeError.
    2. `util/strings.py:2` — `shout(None)` crashes with AttributeError.

Whatever the sentence before it says ("No issues found.", "LGTM overall, a few notes:", "No
blocking issues. Minor points:"), each item names a problem at a place: it is a finding. With no
level of its own it is taken as important and listed as unrated (the seat's retro says so), as
any finding without one; a stressed word gives its level (`a **critical** bug`).

Narrowly: every item of the list starts with a place with a line (`path:line`, in backticks or
bold or bare) and its text names a problem (`raises`, `crashes`, `does not`, `missing`, a
problem word, or a quiet fault: `silently untaxed`, `can go negative`, `divides by zero`,
`loses`, `without a floor`), and none says it is fixed or pre-existing. A list of places with
what the change does there (`- `calc.py:5` — adds `sub`.`) names no problem and stays prose.
Where some items of a free-form list (no findings section) are harmless remarks (`… (line 40);
that is fine here.`, `… is well named (line 12).`), each item is judged on its own: only one that
names a fault (`problem_words.names_a_fault`, not denied, not said to be fine) at a place with a
line is a finding (`_a_plain_fault`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from deepreview.findings.counted_faults import ORDINAL, counted_fault, without_ordinal
from deepreview.findings.finding_draft import Draft, make_draft, one_line
from deepreview.findings.findings import NOT_READ_REMARK, FindingsResult, parse_findings_block
from deepreview.findings.item_lists import sentence_head
from deepreview.findings.levels import stressed_level
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.log_lines import STAMP, is_log_line
from deepreview.findings.problem_words import (
    FAULT_TOLD,
    PROBLEM,
    names_a_fault,
    names_an_exposure,
    says_undenied,
    tells_a_stale_doc,
    tells_what_a_doc_gets_wrong,
)
from deepreview.findings.prose_levels import rates_itself
from deepreview.findings.prose_places import led_by_words, one_place, places_in_prose
from deepreview.findings.prose_problems import asks_for_changes, names_a_placed_problem
from deepreview.findings.sentences import lead_sentence
from deepreview.findings.suggestion_blocks import suggestion_drafts
from deepreview.model import Severity

_ITEM: Final = re.compile(rf"^(?P<indent>[ \t]*){LIST_MARKER}[ \t]+(?P<rest>\S.*)$")
# The item opens with its place: `calc.py:5`, **`a/b.py:3-7`**, a/b.py:3, [a.py:3](…), and may
# mark it first (`⚠️ `upload.py:88`: …`, `🔴 a.py:3`); a log line's timestamp
# (`2026-03-01T10:22:33Z`) is no place
_PLACE_FIRST: Final = re.compile(
    rf"^(?!{STAMP})(?:[^\w\s`*_\[(]{{1,3}}[ \t]*)?(?:\*\*|__)?"
    r"\[?`?[^\s`*\[\]]+:\d+(?:[-–]\d+)?`?\]?"
)
# Advice at a sentence's start: `Cap the attempts`, `…; patch `time.sleep` so …`
_ASKS: Final = re.compile(
    r"(?:^|[.;!]\s+|\s[—–]\s+)(?:cap|patch|mock|add|replace|remove|avoid|consider|move|rename|"
    r"guard|validate|handle|wrap|limit|bound|catch|close|escape|pass|return|raise|split|"
    r"extract|inline|use(?!\s+of\b))\b",
    re.IGNORECASE,
)
_SETTLED: Final = re.compile(
    r"\b(?:(?:is|are|was|were|been|now)\s+(?:now\s+)?(?:fixed|resolved|addressed)|"
    r"pre-?existing|not\s+introduced)\b",
    re.IGNORECASE,
)


def placed_problems(
    lines: list[str], fenced: list[bool], prefixes: tuple[str, ...], *, listed: bool = False
) -> tuple[list[Draft], FindingsResult] | None:
    """The section's list of place-led problems as drafts with no level of their own, and the
    read that found them (for where the list starts and ends); None when it holds none. Items
    with a level of their own may stand among them (`1. … Severity: important.`, `- **Nit:**
    …`): each item is one finding, a place-led one never the text of the item before it. An
    item may tell its place in the sentence instead (`In `a.py`, … (line 88)`: `prose_places`).

    `listed`: the seat put the list under its findings (`placed_section`): when it holds a
    fault, each place-led item is one whatever its words, as the same list with `-` bullets is
    read; an item set aside (a spot said to be fine, praise) stays as text we did not read,
    with a warning."""
    lines, grouped = places_in_prose(lines, fenced, prefixes)
    lines = [line if fenced[i] else _dash_after_place(line) for i, line in enumerate(lines)]
    res = parse_findings_block(lines, fenced, Severity.IMPORTANT, prefixes)
    if not res.drafts:
        return None
    items = [
        (i, m)
        for i in range(res.first, res.closing or len(lines))
        if not fenced[i] and (m := _ITEM.match(lines[i])) is not None
    ]
    top = [(i, m) for i, m in items if m.group("indent") == items[0][1].group("indent")]
    # An item the read set aside as a spot checked (`…; that is fine here.`) is a harmless
    # remark: the list is a mixed one, its other items paired with their drafts
    checked = {i for i, _m in top if _set_aside(lines[i], res.unparsed)}
    if checked and len(top) - len(checked) == len(res.drafts):
        top = [(i, m) for i, m in top if i not in checked]
        if listed:
            res = replace(res, warnings=[*res.warnings, *_told(lines, sorted(checked))])
    if len(top) != len(res.drafts) or (top and _tight_item_above(lines, fenced, top[0])):
        # praise with no place around a placed item (`- The loop is clear.` + `- ⚠️ `a.py:88`:
        # the error is swallowed.` + `- ✅ Tests pass.`): the praise was read as the text of
        # the item before it, so each item is judged on its own
        return _each_on_its_own(lines, fenced, prefixes, res, top, grouped, listed=listed)
    paired = list(zip(top, res.drafts, strict=True))
    kept = res.drafts
    if checked or not all(
        (_PLACE_FIRST.match(m.group("rest")) or not _unrated(d))
        # an item under a file's heading may ask for the change instead (`Line 12: … patch
        # `time.sleep``): that group layout lists findings
        and (
            not _unrated(d)
            or _names_a_problem(d)
            or _rated_in_words(d)
            or (i in grouped and _asks(d))
        )
        for (i, m), d in paired
    ):
        # Harmless remarks beside a real problem (`… (line 40); that is fine here.` + `… never
        # applied (line 77), so a slow upstream hangs the worker.`): each item judged on its
        # own, and only a fault told plainly at a place with a line is one
        # (an item of a file's group names the problem or asks for the change: `Line 42: …
        # raises `TypeError` …`, its praised or merely described siblings are none)
        def judged(docs: bool) -> list[Draft]:
            return [
                d
                for (i, m), d in paired
                if not _unrated(d)
                or _rated_in_words(d)
                or _a_plain_fault(m, d, docs=docs, grouped=i in grouped)
                or (
                    i in grouped
                    and (_names_a_problem(d) or _asks(d))
                    and not _SETTLED.search(d.body)
                )
            ]

        kept = judged(docs=False)
        if not any(_unrated(d) for d in kept):
            return None
        # beside a fault of the code, a stale doc the seat points a place at is one too (alone,
        # or beside remarks only, the list stays as it was: "A few things: …")
        kept = judged(docs=True)
        if listed:
            # under the seat's findings, a list that holds a fault is its list of findings:
            # every place-led item of it is one, as the same list with `-` bullets is read
            kept = [d for _item, d in paired]
    drafts = [
        make_draft(d.head, None, body=d.body, fix=d.fix, has_fix=d.has_fix, prefixes=prefixes)
        for d in kept
    ]
    return drafts, res


def placed_section(
    lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]
) -> FindingsResult | None:
    """A findings section with no level (`## Findings`, `**Findings**`) that is such a list: its
    read with those items as findings with no level of their own (the text around the list read
    as any findings section's), or None when it is no such list. Where the section has no
    finding of another shape, its items were otherwise findings text we could not read."""
    placed = placed_problems(lines, fenced, prefixes, listed=True) or placed_paragraphs(
        lines, fenced, prefixes, listed=True
    )
    if placed is None:
        # placed paragraphs each with a ```suggestion fence to commit (`suggestion_blocks`)
        suggested, taken = suggestion_drafts(lines, fenced, prefixes)
        if not suggested:
            return None
        return FindingsResult(drafts=suggested, first=min(taken), closing=max(taken) + 1)
    drafts, listed = placed
    return replace(listed, drafts=drafts)


def placed_paragraphs(
    lines: list[str], fenced: list[bool], prefixes: tuple[str, ...], *, listed: bool = False
) -> tuple[list[Draft], FindingsResult] | None:
    """`placed_problems` of a section written as paragraphs each led by its place with no list
    mark (`Line 2 of src/a.py: … raises …`), the same list written without marks; None when
    the section is no such list."""
    items = _paragraph_items(lines, fenced, prefixes)
    placed = placed_problems(items, fenced, prefixes, listed=listed) if items != lines else None
    return None if placed is None else counted_fault(lines, items, prefixes, *placed)


def _paragraph_items(lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]) -> list[str]:
    """`lines` with each paragraph at the margin that tells a problem at its place made a list
    item, the rest of its paragraph that item's text (one line for one); `lines` as they are
    unless the section is such paragraphs (a heading, a table or a list beside them: not one).

    A paragraph tells its place by leading with it (`` `a.py:3` — … ``, `Line 2 of a.py: …`) or
    in its first sentence, when that names one place with a line and the paragraph a problem
    there (`The `load()` helper in store/io.py line 12 crashes …`: a small model's prose
    finding). Paragraphs with no place before the first such one are the section's intro (`I
    read the change.`), after the last its closing words; one between two is the text of the
    one before (`Return an empty dict instead.`)."""
    # the paragraphs, each cut again before a line that leads with its place (two findings
    # on two lines with no blank between them) when the paragraph leads with one too (a
    # run-on paragraph of other words is no list: `prose_problems` reads its lines)
    paras: list[tuple[int, int]] = []
    led: dict[int, str] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if fenced[i] or line[:1].isspace() or line[:1] in "#|" or _ITEM.match(line):
            return lines
        if (_PLACE_FIRST.match(line) or led_by_words(line)) and (
            not i or not lines[i - 1].strip() or paras[-1][0] in led
        ):
            led[i] = f"- {line}"
        if i and lines[i - 1].strip() and i not in led:
            paras[-1] = (paras[-1][0], i + 1)
        else:
            paras.append((i, i + 1))
    for start, end in paras:
        if start in led or is_log_line(lines[start]):
            continue  # (a pasted log is the program's words, whatever place and failure it names)
        place = _sentence_place(lines[start:end], prefixes) or _ordinal_place(
            lines[start:end], prefixes
        )
        if place:
            led[start] = f"- `{place}` — {without_ordinal(lines[start])}"
    if not led:
        return lines
    out = list(lines)
    first, last = min(led), max(led)
    for start, end in paras:
        if start in led:
            out[start] = led[start]
        elif not first < start < last:
            continue  # the intro or the closing words: the section's prose
        else:
            out[start] = f"  {lines[start]}"
        for k in range(start + 1, end):
            out[k] = f"  {lines[k]}"
    return out


def _sentence_place(lines: list[str], prefixes: tuple[str, ...]) -> str | None:
    """The one place with a line that the paragraph's first sentence names, when the paragraph
    names a problem there (`prose_problems.names_a_placed_problem`); None otherwise (two places:
    which is the finding's is the reader's call; a verdict with its reason, `Do not merge:
    `a.py:2` …`, is the seat's verdict, not a finding)."""
    text = " ".join(line.strip() for line in lines)
    place = one_place(lead_sentence(text), prefixes)
    if place is None or asks_for_changes(text):
        return None
    # a paragraph the seat rates as its own (`This is a P1:`, `Finally a P3 nit: `a.go:14` …`)
    # is a finding whatever its words: the rating says it is one
    rated = rates_itself(text)
    return place if rated or names_a_placed_problem(text, prefixes, tells=_tells_a_fault) else None


def _ordinal_place(lines: list[str], prefixes: tuple[str, ...]) -> str | None:
    """`Second, the scratch file is never deleted. The error path at `a.py:44` …`: a paragraph
    the reviewer counts (`Second,`, `Also,`, `Finally,`) is a problem of its own, its place
    in any of its sentences (the first tells what is wrong, the next where), when it names
    one place with a line and a fault there; a counted paragraph that only explains (`Also,
    the preview calls this helper too: `b.py:33`.`) stays the text of the one before."""
    if not ORDINAL.match(lines[0]):
        return None
    text = " ".join(line.strip() for line in lines)
    place = one_place(text, prefixes)
    if place is None or asks_for_changes(text):
        return None
    return place if names_a_placed_problem(text, prefixes, tells=_tells_a_fault) else None


# How code fails, told plainly (`raises a TypeError`, `panics`, `is slow`), beside the problem
# and fault words (`problem_words.names_a_fault`)
_FAILS: Final = re.compile(
    r"\b(?:raises?|throws?|panics?|crash\w*|\w+(?:Error|Exception)|slow(?:s|er|ly)?|"
    r"inefficient|quadratic)\b"
)


def _tells_a_fault(text: str) -> bool:
    return names_a_fault(text) or says_undenied(_FAILS, text)


# `1. `a.py:40` raises a `KeyError` …`: the place in code, then its sentence with no dash
_PLACE_THEN_VERB: Final = re.compile(
    rf"^(?P<lead>[ \t]*{LIST_MARKER}[ \t]+`[^`\s]+:\d+(?:[-–]\d+)?`)[ \t]+(?=[a-z])"
)


def _dash_after_place(line: str) -> str:
    """An item led by its place in code and going straight on with its sentence, the place
    parted from it by a dash as the items are read (`` `a.py:40` — raises … ``)."""
    return _PLACE_THEN_VERB.sub(r"\g<lead> — ", line, count=1)


def _tight_item_above(
    lines: list[str], fenced: list[bool], first: tuple[int, re.Match[str]]
) -> bool:
    """The list's first placed item has an item of the same list right above it
    (`- The README does not mention the flag.` + `- `a.py:12` — …`): read before the list."""
    i, m = first
    above = _ITEM.match(lines[i - 1]) if i and not fenced[i - 1] else None
    return above is not None and above.group("indent") == m.group("indent")


def _set_aside(line: str, unparsed: list[str]) -> bool:
    return any(text.startswith(line.strip()) for text in unparsed)


def _unrated(d: Draft) -> bool:
    return d.head.severity is None


def _rated_in_words(d: Draft) -> bool:
    """The item rates itself in a sentence (`This is a P1:`, `a P3 nit:`): the level its final
    draft takes (`finding_draft.make_draft`), so a finding whatever its words."""
    return rates_itself(f"{d.head.title}\n{d.head.leftover}\n{d.body}")


def _names_a_problem(d: Draft) -> bool:
    if not any(loc.start is not None for loc in d.head.locations):
        return False
    text = f"{d.head.title}\n{d.head.leftover}\n{d.body}"
    if _SETTLED.search(text):
        return False
    return bool(
        PROBLEM.search(text)
        or FAULT_TOLD.search(text)
        or stressed_level(text)
        or names_an_exposure(text)  # `anonymous requests reach the admin view`
    )


# The item says the spot is fine after all (`…; that is fine for small payloads`)
_FINE: Final = re.compile(
    r"\b(?:which|this|that|it)(?:\s+is|['’]s)\s+(?:fine|ok|okay|acceptable|harmless|intended|"
    r"intentional|correct|safe)\b",
    re.IGNORECASE,
)


def _a_plain_fault(
    m: re.Match[str], d: Draft, *, docs: bool = False, grouped: bool = False
) -> bool:
    """An item of a list that mixes remarks and problems that names a fault (not denied, not
    said to be fine) at a place with a line it leads with. With `docs` (the list names a fault
    of the code too), a stale doc the seat points a place at (`` `a.py:30` — the docstring is
    stale ``) is one; in a per-file group read as led by its lines (`grouped`: Gemini's
    `**Line 7:** The module docstring is now out of date.`) only when it says what the doc
    gets wrong, a passing note there being the seat's remark."""
    text = f"{d.head.title}\n{d.head.leftover}\n{d.body}"
    stale = docs and (tells_what_a_doc_gets_wrong(text) if grouped else tells_a_stale_doc(text))
    return (
        _PLACE_FIRST.match(m.group("rest")) is not None
        and any(loc.start is not None for loc in d.head.locations)
        # (or in this list's own words, `Unused import: `os` is never used.`, beside an item
        # told in the others: `Last row dropped: …`; a denied risk, `no risk of a deadlock`,
        # is none)
        and (names_a_fault(text) or says_undenied(FAULT_TOLD, text) or stale)
        and not _SETTLED.search(text)
        and not _FINE.search(text)
    )


def _asks(d: Draft) -> bool:
    return _ASKS.search(f"{d.head.title}. {d.head.leftover}\n{d.body}") is not None


def _each_on_its_own(
    lines: list[str],
    fenced: list[bool],
    prefixes: tuple[str, ...],
    res: FindingsResult,
    top: list[tuple[int, re.Match[str]]],
    grouped: set[int],
    *,
    listed: bool = False,
) -> tuple[list[Draft], FindingsResult] | None:
    """The list's items read one by one: an item that plainly names a fault at the place it
    leads with is a finding; praise or a harmless remark is none. None when no item is such a
    fault, or when an item with no place names one (a problem we cannot place is not dropped:
    the list stays findings text we could not read)."""
    if not top:
        return None
    indent = top[0][1].group("indent")
    start = top[0][0]
    while start > 0 and not fenced[start - 1] and lines[start - 1].strip():
        m = _ITEM.match(lines[start - 1])
        if m is None and not lines[start - 1].startswith((indent + " ", indent + "\t")):
            break
        if m is not None and m.group("indent") != indent:
            break
        start -= 1  # a tight list's earlier items (the praise the read set aside)
    end = res.closing or len(lines)
    heads = [
        i for i in range(start, end) if (m := _ITEM.match(lines[i])) and m.group("indent") == indent
    ]
    kept: list[Draft] = []
    left: list[int] = []  # the items read as no finding
    faults = 0
    for n, i in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else end
        one = parse_findings_block(lines[i:stop], fenced[i:stop], Severity.IMPORTANT, prefixes)
        m = _ITEM.match(lines[i])
        assert m is not None  # (heads are item lines)
        d = one.drafts[0] if len(one.drafts) == 1 else None
        if d is not None and (not _unrated(d) or _a_plain_fault(m, d, grouped=i in grouped)):
            kept.append(d)
            faults += _unrated(d)
        elif d is not None and _a_plain_fault(m, d, docs=True, grouped=i in grouped):
            kept.append(d)  # a stale doc: a finding beside a fault of the code only
        elif _a_fault(" ".join(lines[i:stop])) and (d is None or not _lined(d)):
            # `- The README does not mention the flag.` beside `- `a.py:12` — …`: a problem
            # with no place (or no line), a finding all the same, never the whole list unread
            kept.append(d or _placeless(lines[i:stop], fenced[i:stop], prefixes))
        else:
            left.append(n)
    if not faults:
        return None
    items = {lines[i].strip() for i in heads}
    rest = [t for t in res.unread if t.strip().split("\n", 1)[0] not in items]
    unparsed = [t for t in res.unparsed if t.strip().split("\n", 1)[0] not in items]
    warnings = list(res.warnings)
    if listed:
        # under the seat's findings an item read as none is kept and told, never gone in silence
        for n in left:
            stop = heads[n + 1] if n + 1 < len(heads) else end
            unparsed.append("\n".join(lines[heads[n] : stop]).strip())
        warnings += _told(lines, [heads[n] for n in left])
    drafts = [
        make_draft(d.head, None, body=d.body, fix=d.fix, has_fix=d.has_fix, prefixes=prefixes)
        for d in kept
    ]
    return drafts, replace(res, drafts=drafts, unread=rest, unparsed=unparsed, warnings=warnings)


def _told(lines: list[str], items: list[int]) -> list[str]:
    return [f"{NOT_READ_REMARK}{one_line(lines[i].strip(), 120)}" for i in items]


def _lined(d: Draft) -> bool:
    return any(loc.start is not None for loc in d.head.locations)


def _placeless(lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]) -> Draft:
    """The item `lines` (a plain sentence, its text below it) as a draft with no place."""
    head = sentence_head(lines[0], prefixes)
    return make_draft(head, None, body="\n".join(lines[1:]).strip(), prefixes=prefixes)


def _a_fault(text: str) -> bool:
    return (
        (names_a_fault(text) or FAULT_TOLD.search(text) is not None)
        and not _SETTLED.search(text)
        and not _FINE.search(text)
    )
