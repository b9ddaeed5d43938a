"""Items a later round marks closed: the earlier round's findings it checked, not new ones.

A round-2 review often keeps the earlier items in its severity sections with their status on
the item's own line: `### I1 — Title — ✅ Fixed`, `1. **[Resolved] Title**`,
`1. **[Won't fix — author declined] Title**`, `- ✅ S1 (…, `a.py:22`): resolved.`, a ticked
task (`- [x] `a.py:40` — …`, the reviewer's own checklist marking it done), or the item
struck out: `~~I1. **Title** — `a.py:40`~~ — fixed in `a1b2c3d``, `S2. ~~**Title**~~ —
withdrawn: …`. Read as findings, they are
counted again (and in a later round read as "raised again"). `Still open`, `not fixed`,
`partially fixed` keep the item open, and a title that only names a fix (`Fixed-size buffer`,
`— fixed delay causes …`) is no status: the status closes the line or leads it.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.ids import FINDING_ID
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.problem_words import names_a_fault

_MARK: Final = r"(?:✅|✔️?|☑️?)"
# Words that close an item; `won't fix` and `declined` close it without a fix.
_DONE: Final = (
    r"(?:fixed|resolved|addressed|done|implemented|won['’]?t[ \t]+fix|wontfix|declined|withdrawn)"
)
# (an ID may come before the strike: `S2. ~~**Title**~~ — withdrawn: on re-reading, …`)
_ITEM: Final = re.compile(
    r"^[ \t]{0,3}(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+)?"
    rf"(?:(?:\*\*)?{FINDING_ID}[.:)]?(?:\*\*)?[ \t]+(?=~~|<(?:del|s|strike)>))?",
    re.IGNORECASE,
)
_STRUCK: Final = re.compile(r"~~|</?(?:del|s|strike)>", re.IGNORECASE)
# (no `^`: matched at the item's text, after its marker, where `^` never matches)
_STRUCK_OPEN: Final = re.compile(r"(?:~~|<(?:del|s|strike)>)", re.IGNORECASE)
# `[Resolved] Title`, `[Won't fix — declined] Title`, `✅ Fixed: Title`, `✅ S1 (…): resolved.`
_LEAD_TAG: Final = re.compile(rf"^\[[ \t]*(?:{_MARK}[ \t]*)?{_DONE}\b[^\]\n]*\]", re.IGNORECASE)
_LEAD_MARK: Final = re.compile(rf"^{_MARK}", re.IGNORECASE)
_ANY_DONE: Final = re.compile(rf"\b{_DONE}\b", re.IGNORECASE)
# `Title — ✅ Fixed`, `… (`a.py:22`): resolved.`, `Title (fixed in `a1b2c3d`)`: the line's end
_TAIL: Final = re.compile(
    rf"(?:[ \t][—–-]+|:|\()[ \t]*(?:{_MARK}[ \t]*)?{_DONE}(?:[ \t]+in[ \t]+\S+)?[ \t.!)]*$",
    re.IGNORECASE,
)


def unstruck(line: str) -> str | None:
    """The line without its strike-through marks when the item opens struck out
    (`~~I1. **Title**~~ — fixed`), else None."""
    m = _ITEM.match(line)
    at = m.end() if m else 0
    if not _STRUCK_OPEN.match(line, at):
        return None
    return _STRUCK.sub("", line)


# `✅ Fixed the null check, but the handle now leaks`, `[Resolved] … — resolved, but the new line
# prints the hash`, `Status: Fixed. However, …`: after its status the line tells what is wrong
# now, and the item is this round's problem.
_TAKEN_BACK: Final = re.compile(
    r"\b(?:but|however|though|although|yet|except|still|unless)\b", re.IGNORECASE
)


# A sentence after the status that tells a fault at a place (`✅ I1 (`a.py:22`): resolved. The
# new check at `a.py:40` is wrong across DST.`): a problem of this round, told on the closed line.
_NEXT_SENTENCE: Final = re.compile(r"[.;!]\s+(?=\S)")
_PLACE: Final = re.compile(r"`[^`\s]+:\d+")


def _taken_back(text: str) -> bool:
    done = _ANY_DONE.search(text)
    if done is None:
        return False
    if _TAKEN_BACK.search(text, done.end()) is not None:
        return True
    after = _NEXT_SENTENCE.search(text, done.end())
    rest = text[after.end() :] if after else ""
    return bool(_PLACE.search(rest)) and names_a_fault(rest)


_BOLD_MARKS: Final = re.compile(r"\*\*|__")


# A ticked task (`- [x] `a.py:40` — …`): the reviewer's checklist marks it done, whatever its
# words tell (an unticked `- [ ]` one is still to do).
_TICKED: Final = re.compile(rf"^[ \t]{{0,3}}{LIST_MARKER}[ \t]+\[[xX]\](?=[ \t])")


def says_closed(line: str) -> bool:
    """The item opened by `line` is ticked, struck out or marked closed by its status, and
    says nothing after its status that takes it back."""
    if _TICKED.match(line):
        return True
    if _taken_back(line):
        return False
    if unstruck(line) is not None:
        return True
    m = _ITEM.match(line)
    text = _BOLD_MARKS.sub("", line[m.end() if m else 0 :]).strip()
    if _LEAD_TAG.match(text) or _TAIL.search(text):
        return True
    return bool(_LEAD_MARK.match(text) and _ANY_DONE.search(text))


# `**Status:** ✅ Fixed in `a1b2c3d``, `Status: resolved.` among the item's first lines; not
# `Status: Still open`, `Status: partially fixed`, `Status: fixed, but untested`.
_STATUS: Final = re.compile(
    rf"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:status|fix[ \t]+verdict)[ \t]*:?(?:\*\*|__)?[ \t]*:?"
    rf"[ \t]*(?:\*\*|__)?[ \t]*(?:{_MARK}[ \t]*)?{_DONE}(?:[ \t]+in[ \t]+\S+)?(?:\*\*|__)?"
    r"(?:[ \t]*[.!)]?[ \t]*$|[.!][ \t]+\S)",
    re.IGNORECASE,
)
_LABEL_LINES: Final = 6


def status_closes(body: list[str]) -> bool:
    """A `Status:` line among the first lines of an item's text says the item is closed."""
    shown = [ln for ln in body if ln.strip()][:_LABEL_LINES]
    return any(_STATUS.match(ln) and not _taken_back(ln) for ln in shown)


# A round-2 review's sub-headings that sort the findings by status: `### Resolved` / `### ✅ Fixed
# since round 1` above the items it closes, `### Still open` / `### New` above the open ones.
_STATUS_HEADING: Final = re.compile(
    rf"^ {{0,3}}#{{1,6}}[ \t]+(?:\*\*)?(?:{_MARK}[ \t]*|❌[ \t]*|🆕[ \t]*)?(?:"
    r"(?P<done>resolved|fixed|addressed|closed)"
    r"|(?P<open>still[ \t]+open|open|unresolved|not[ \t]+(?:yet[ \t]+)?fixed|remaining|new)"
    r")(?:[ \t]+(?:findings?|issues?|items?))?"
    r"(?:[ \t]+(?:since|from|in)[ \t]+(?:round|pass)[ \t]+\d+|[ \t]*\([^)\n]{0,30}\))?"
    r"[ \t]*:?(?:\*\*)?[ \t]*$",
    re.IGNORECASE,
)


def status_heading(line: str) -> bool | None:
    """True for a sub-heading that marks the items under it fixed (`### Resolved`), False for
    one that marks them open (`### Still open`, `### New`), None for any other line."""
    m = _STATUS_HEADING.match(line)
    return None if m is None else m.group("done") is not None


# An item under a `### Resolved` sub-heading whose own line says it is not: `**not resolved**`,
# `partially fixed; `a.py:33` still returns before closing`, `regressed`, `reopened`. The
# sub-heading sorted it wrongly; the item is this round's problem.
_REOPENED: Final = re.compile(
    r"\b(?:not[ \t]+(?:yet[ \t]+|fully[ \t]+|actually[ \t]+)?(?:resolved|fixed|addressed|closed)|"
    r"unresolved|unfixed|partial(?:ly)?|incomplete|still|remains?|regress\w*|reopen\w*|"
    r"but|however)\b",
    re.IGNORECASE,
)


def reopens(line: str) -> bool:
    """The item opened by `line`, under a `### Resolved` sub-heading, says it is not closed."""
    return _REOPENED.search(re.sub(r"\*\*|__|~~", "", line)) is not None
