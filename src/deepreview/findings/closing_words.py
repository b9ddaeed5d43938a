"""The seat's closing word on the whole change, written after its last finding.

`Overall, the change needs work before it can be merged.`, `I'd hold this PR until I1 is
addressed; everything else looks fine.`, `That's everything I found; the rest looks good.`:
a paragraph back at the margin after the last finding (often after a `---`) that speaks of the
change as a whole, or a sign-off (`sign_off.py`). Read as the last finding's text it became the
end of its Fix. Told apart narrowly: every sentence speaks of the whole change and its merging
(or is a stock closing), and none names a place or code or takes itself back (`but …`): `Overall
the PR is fine, but the logger leaks the token` stays the finding's text (it may be a finding).
Nor does a paragraph that goes on explaining the finding (`_continues`): `This change blocks the
worker forever when the server is down.` speaks of "this change" and "blocks", but tells what
fails, so it is the finding's last paragraph, not the review's closing word.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.finding_draft import is_rule
from deepreview.findings.sign_off import is_sign_off

_MAX: Final = 300  # a closing word is a sentence or two
_SENTENCE: Final = re.compile(r"(?<=[.!?])\s+")
# It speaks of the whole change: `Overall`, `In short`, `this PR`, `I'd hold …`, `everything else`
_WHOLE: Final = re.compile(
    r"^(?:overall|all\s+in\s+all|in\s+(?:short|summary|sum)|to\s+sum\s+up|summary)\b"
    r"|\b(?:this|the)\s+(?:PR|pull\s+request|change(?:set)?|patch|diff)\b"
    r"|^(?:I['’]d|I\s+would|I\s+recommend|my\s+recommendation)\b"
    r"|(?:\beverything\s+else|\bthe\s+rest|^otherwise(?:,?\s+it)?)\s+(?:looks|seems|is)\s+"
    r"(?:good|fine|solid|sound|ok(?:ay)?|correct)\b"
    r"|^that['’]?s\s+(?:everything|all|it)\b",
    re.IGNORECASE,
)
# ... and of its merging: merge, approve, ship, hold, block, needs work, ready
_MERGING: Final = re.compile(
    r"\b(?:merg(?:e|ed|ing)|approv\w*|ship(?:ping)?|land(?:ing)?|request(?:ing)?\s+changes"
    r"|changes\s+requested|hold\s+(?:this|the|it)|block(?:s|ing)?|needs?\s+(?:more\s+)?work"
    r"|ready|looks?\s+(?:good|fine|solid|sound)|(?:is|seems)\s+(?:good|fine|solid|sound)"
    r"|everything\s+I\s+found|all\s+I\s+found)\b",
    re.IGNORECASE,
)
# A place, code, or a sentence that takes itself back names something of its own.
_OWN: Final = re.compile(
    r"[\w/.-]\.[A-Za-z]\w{0,7}\b|:\d|\bline\s+\d|https?://"
    r"|\b(?:but|however|though|although|except|apart\s+from)\b",
    re.IGNORECASE,
)
_ID: Final = re.compile(r"`?\b[CIS]\d{1,3}\b`?")
_CODE: Final = re.compile(r"`[^`\n]+`")


def closing_words(lines: list[str], fenced: list[bool], last: int, end: int) -> int:
    """Where the closing word after the finding opened at `last` begins, in `lines[:end]`
    (`end` when there is none): its paragraphs, and the `---` before them."""
    cut = end
    k = end
    while True:
        while k > last + 1 and (not lines[k - 1].strip() or is_rule(lines[k - 1])):
            k -= 1
        start = k
        while start > last + 1 and lines[start - 1].strip() and not is_rule(lines[start - 1]):
            start -= 1
        if start <= last + 1 or start == k or lines[start - 1].strip():
            break  # the finding's own first lines, or no blank line apart from them
        para = "\n".join(lines[start:k])
        if any(fenced[start:k]) or para[:1].isspace() or not _closes(para):
            break
        if _continues(para, "\n".join(lines[last:start])):
            break
        cut = k = start
    return cut


def _closes(text: str) -> bool:
    """`text` is a closing word on the whole change (see the module doc)."""
    if is_sign_off(text):
        return True
    plain = text.replace("*", "").replace("_", " ").strip()
    if not plain or len(plain) > _MAX or _OWN.search(plain):
        return False
    if _CODE.search(_ID.sub("", text)):
        return False
    parts = [s.strip() for s in _SENTENCE.split(plain) if s.strip()]
    return all(
        is_sign_off(s) or (_WHOLE.search(s) is not None and _MERGING.search(s) is not None)
        for s in parts
    )


# A call (`retry()`), written with or without backticks: code the finding is about.
_CALL: Final = re.compile(r"\b[A-Za-z_][\w.]*\(\)")
_NAME: Final = re.compile(r"[A-Za-z_]\w{2,}")
# What fails: the worker `never returns`, `hangs forever`, `blocks the worker` (not `blocks
# merging`, `blocks this PR`: those are the closing word's own).
_FAILS: Final = re.compile(
    r"\b(?:never|forever|hangs?|hung|crash\w*|panic\w*|leak\w*|spins?|deadlock\w*"
    r"|fails?|failing|stuck|loses?|corrupt\w*|throws?|silently"
    r"|blocks?\s+(?:the|every|each|all|any)\s+(?!merg|PR\b|pull|change|patch|release)\w+)\b",
    re.IGNORECASE,
)
# A sentence that opens as a closing word does (`Overall …`, `I'd hold …`) may name the failure
# it waits on (`Overall ready to merge once the hang is fixed`): still the closing word.
_CLOSING_LEAD: Final = re.compile(
    r"^(?:overall|all\s+in\s+all|in\s+(?:short|summary|sum)|to\s+sum\s+up|summary"
    r"|I['’]d|I\s+would|I\s+recommend|my\s+recommendation)\b",
    re.IGNORECASE,
)


def _continues(text: str, finding: str) -> bool:
    """`text`, a paragraph `_closes` took for a closing word, goes on explaining the finding
    whose text is `finding`: it names code (a call), or in a sentence that does not open as a
    closing word it names a name the finding quotes as code or says what fails (`This change
    blocks the worker forever when the server is down.`)."""
    if _CALL.search(text):
        return True
    quoted = {n for span in _CODE.findall(finding) for n in _NAME.findall(span)}
    plain = text.replace("*", "").strip()
    for sentence in (s.strip() for s in _SENTENCE.split(plain)):
        if _CLOSING_LEAD.match(sentence):
            continue
        if _FAILS.search(sentence) or any(
            re.search(rf"\b{re.escape(n)}\b", sentence) for n in quoted
        ):
            return True
    return False
