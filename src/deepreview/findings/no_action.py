"""An item in a findings section that says it needs no change: a spot the reviewer checked
(`- 👍 `a.py:70` — nice use of `yield from`; no change needed.`, `- (No action) `a.py:80` —
the broad `except` is intentional here.`, `- **Info** — `a.py:7` uses `yield from`, which is
fine.`), not a suggestion. Told apart narrowly: the item opens with a no-action mark, or its
last clause says no change is needed; and no clause of it takes that back (`but`, `however`)
or names a problem or a fault (`the cache leaks`, `drops the last row`). `this is fine for
small files; large ones exhaust memory` says fine first and then what is wrong: still a finding."""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.list_marker import LIST_MARKER, MARGIN_ITEM
from deepreview.findings.problem_words import names_a_fault
from deepreview.markdown_fence import without_code_spans

_MARK: Final = re.compile(
    r"^\W*(?:👍|\(\s*no[- ]action(?:\s+needed)?\s*\)|\[\s*no[- ]action(?:\s+needed)?\s*\])",
    re.IGNORECASE,
)
_SAYS: Final = re.compile(
    r"\bno\s+(?:further\s+)?(?:changes?|action|fix(?:es)?)\s+(?:is\s+|are\s+)?"
    r"(?:needed|required|necessary|warranted)\b"
    r"|\bnothing\s+to\s+(?:do|change|fix)\b"
    r"|\b(?:which|this|that|it)(?:\s+is|['’]s)\s+(?:fine|ok|okay|correct|intended|intentional)\b"
    r"|\b(?:both|they|these|those)\s+are\s+(?:both\s+)?(?:fine|correct|intended|intentional)\b"
    r"|\bis\s+intentional\b|\bas\s+intended\b"
    # the item's whole last sentence: `… so it is bounded after all. **No issue.**`
    r"|^\W*(?:no|not\s+an?)\s+(?:real\s+)?(?:issue|problem|bug)(?:\s+here)?\W*$",
    re.IGNORECASE,
)
# a reservation, a condition or a question: `which is fine if callers pass ints`, `check
# whether it is correct`; or no change needed only for the rest (`… so Ctrl-C is ignored; no
# change needed otherwise`)
_BUT: Final = re.compile(
    r"\b(?:but|however|though|although|except|unless|yet|still|if|whether|verify|confirm|"
    r"check|ensure|make\s+sure|otherwise|apart\s+from|aside\s+from|other\s+than)\b|\?",
    re.IGNORECASE,
)
_CLAUSE: Final = re.compile(r"[.;!?]\s+|\s+[—–]\s+|:\s+")
# `… stalls every export. Nothing to change in the tests.`, `no change needed for the docs`:
# the no-change words are about another part, not the item before them
_ELSEWHERE: Final = re.compile(
    r"\s+(?:in|to|for|on|at|outside|beyond|elsewhere)\b(?!\s+(?:now|here|all|this\s+pr)\b)",
    re.IGNORECASE,
)


def notes_need_no_action(paras: list[str]) -> bool:
    """A lead-in that asks for nothing (`**Minor observations (no action required):**`) above
    list items at places, none of which names a fault: notes, no findings. An item that does
    (`… is never closed, so the handle leaks`) keeps the list findings text."""
    lines = [ln for p in paras for ln in p.splitlines() if ln.strip()]
    # one pass splits the lines (a membership test in `intro` per line was quadratic: seconds
    # on a seat's megabyte of log lines); equal lines fall on the same side, as before
    intro: list[str] = []
    rest: list[str] = []
    for ln in lines:
        (rest if MARGIN_ITEM.match(ln) or ln[:1].isspace() else intro).append(ln)
    items = "\n".join(rest)
    # each distinct intro line once, and only until one asks for nothing (a seat's log repeats
    # its lines by the thousand; `any` is the same over them)
    plain = (" ".join(without_code_spans(ln).split()) for ln in dict.fromkeys(intro))
    return (
        any(_SAYS.search(p) and not _BUT.search(p) for p in plain)
        and bool(items)
        and not names_a_fault(items)
    )


def needs_no_change(text: str) -> bool:
    """The item's text (its line and body) says it needs no change, and names no problem."""
    plain = " ".join(without_code_spans(text).split())
    if not plain or _BUT.search(plain) or names_a_fault(plain):
        return False
    clauses = [c for c in _CLAUSE.split(plain.rstrip(" .!")) if c.strip()]
    if not clauses:
        return False
    if _MARK.match(re.sub(rf"^\s*{LIST_MARKER}\s+", "", plain)) is not None:
        return True
    says = _SAYS.search(clauses[-1])
    return says is not None and (
        len(clauses) == 1 or _ELSEWHERE.match(clauses[-1], says.end()) is None
    )
