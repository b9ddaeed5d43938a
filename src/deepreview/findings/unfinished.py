"""Did the review stop before it was done?

An agent that runs out of turns, time or output prints what it had: a sentence cut mid-word
(`… to make sure th`), a finding title with its bold still open (`1. **`add` returns the
differ`), or an announcement of work it never did (`Let me now check `calc.py`.`, `I still need
to check X, which I did not get to.`, `Looks good so far.`).  Read as a whole review, its silence
would be approval.  `cut_off` says why the text looks unfinished ("" when it does not); the
seat then fails as "unfinished review" when nothing in it is usable (`readable.py`), else the
verdict keeps its findings and says the review is cut off (`consolidate/verdict.py`).

A review whose text ends inside a code block that never closes (a fix's diff cut mid-way)
stopped there too, and so did one whose last findings section is a heading with nothing under
it (`### Important Issues`, then the end): an empty section says `None.` (or its heading says
0: `## Suggestions (0)`).

An output that is only a short error message or refusal (`no_review.py`) is not cut off either,
whether or not it ends with a full stop: it is no review at all ("unparseable review").

Normal endings are not cut off: a plain bullet with no full stop (`- app.py:1: constant name is
vague`), a one-word body, a label and its value, a table row, a verdict, a place or a level at
the end of a finding's line. A table row is cut off when it lacks the closing `|` the row
before it has (`| I1 | Impor`). A line without its full stop is only cut off when it ends
inside bold, code or a bracket (`— `a.py:15` (sugg`), on a word that cannot end a sentence
(`the`, `for`, `to`), or is a long sentence of prose (not a list item, not a `## Verdict` of
one sentence: `Merge after fixing the export path`) with no end — or when it
is the end of a finding's text, stops on a word, and every other finding of the review ends its
text with a full stop (a review that writes terse items ends them all without one); a finding
alone, with no closing section after it, is measured by its own text (an earlier sentence that
ends, or a long last sentence with no end: `… which means the caller will`). Announcements
count only in the review's last paragraph, and not in a Limitations, Testing or Coverage
section, where "I did not get to the integration tests" is a limitation stated, not work left
undone; nor is running out of time for one check ("I ran out of time to benchmark it").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from deepreview.findings.blocks import Block
from deepreview.findings.code_lines import ends_inside_fence
from deepreview.findings.gave_up import skips_one_check
from deepreview.findings.labels import LABEL
from deepreview.findings.levels import tag_level
from deepreview.findings.log_lines import is_log_line
from deepreview.findings.no_review import says_it_did_not_review
from deepreview.findings.none_statements import BARE_MARKERS
from deepreview.findings.section_titles import FINDING_KINDS, Kind
from deepreview.markdown_fence import is_fence_line, strip_code
from deepreview.model import Finding

_BOLD_LABEL_VALUE: Final = re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*|__)[^*_\n]{1,40}:(?:\*\*|__)\s*\S")
_ENDS_WITH_PLACE: Final = re.compile(
    r"(?:\S\.[A-Za-z]\w{0,9}:\d+(?:[-–]\d+)?|\blines?\s+\d+)\s*$", re.IGNORECASE
)
# Words no sentence ends on: a line ending on one stopped mid-sentence. (Not `in`, `on`, `is`,
# `that`: "the guard is in", "turned on", "as is", "I agree with that" end sentences.)
_OPEN_WORD: Final = re.compile(
    r"(?<![\w-])(?:the|a|an|to|of|and|or|with|for|from|into|than|but|if|when|whether|because|"
    r"its|their|our|your|my)$",
    re.IGNORECASE,
)
# A word that opens a clause, at the end of a step of a terse list (`- [ ] the same bug is in
# `q.py:20` which`): the step stopped there, as on an open word.
_CLAUSE_WORD: Final = re.compile(
    r"(?<![\w-])(?:which|whose|where|is|are|was|were|will|would|should|must|could|can|by|"
    r"whom)$",
    re.IGNORECASE,
)
# A bracket opened on the line and still open at its end, words in it: `(sugg`, `(important, bu`.
_OPEN_BRACKET: Final = re.compile(r"\([\w \t,'’-]*[A-Za-z0-9]$")
_LIST_ITEM: Final = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)]|[A-Z]\d{1,9}[.):])\s+")
# A sentence of prose this long with no end is not a terse note but a sentence that stopped.
_LONG_SENTENCE: Final = 8
# A finding's last sentence shorter than this is a terse note, whatever the other findings do.
_SHORT_TEXT: Final = 3

# The agent says what it does next, or that it did not finish.
_MORE_WORK: Final = re.compile(
    r"\b(?:let\s+me\s+(?:now\s+|next\s+|also\s+)?(?:check|look|review|verify|examine|read|"
    r"inspect|run|open|see|continue|start|dig|trace|search|grep|test)"
    r"|let['’]s\s+(?:now\s+)?(?:check|look|review|verify|examine|read|inspect|see|continue)"
    r"|(?:now|next|then),?\s+I['’]?(?:ll|\s+will|\s+need\s+to)\s+\w+"
    r"|I['’]?(?:ll|\s+will)\s+now\s+\w+"
    r"|I\s+(?:still\s+)?(?:need|have)\s+to\s+(?:check|look|review|verify|examine|read|inspect|"
    r"finish|go\s+through)"
    r"|did(?:\s+not|n['’]t)\s+get\s+to"
    r"|(?:ran|run|running)\s+out\s+of\s+(?:time|turns|budget|context|tokens)"
    r"|(?:is|are)\s+next\b)",
    re.IGNORECASE,
)
# "Looks good so far." as the review's last sentence: a progress report, not a verdict.
_SO_FAR: Final = re.compile(r"\bso\s+far\b[^.!?\n]*[.!]?\s*$", re.IGNORECASE)
_SENTENCE_END: Final = re.compile(r"[.!?]\s+(?=\S)")
# A finding's text that ends its last sentence (`… the tenant.`, `… (see `a.py:3`).`).
_ENDS_SENTENCE: Final = re.compile(r"[.!?][)\]\"'’”*_`]*$")

# `## Suggestions (0)`, `## Critical Issues: 0`: the heading says its section is empty.
_ZERO_COUNT: Final = re.compile(
    r"(?:[(\[]\s*(?:0|zero|none)\s*[)\]]|[:—–-]\s*(?:0|zero|none))\s*$", re.IGNORECASE
)
# Sections where "I did not get to X" states a limitation of a finished review.
_STATED_LIMITS: Final = frozenset({Kind.LIMITATIONS, Kind.TESTING, Kind.DOCS, Kind.COVERAGE})


def cut_off(
    lines: list[str], mask: list[bool], blocks: list[Block], findings: Sequence[Finding] = ()
) -> str:
    """Why the review looks unfinished ("… ends mid-sentence: '…make sure th'"), or "".
    `findings`: the review's findings as read, to tell a finding's text that stopped."""
    last_i = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip()), None)
    if last_i is None or not blocks:
        return ""
    if not findings and says_it_did_not_review("\n".join(lines)):
        # A short error message or refusal (`429 Too Many Requests: rate limit exceeded, retry
        # after 60s`) is no review that stopped mid-way, full stop or not: no review at all.
        return ""
    last = lines[last_i]
    if ends_inside_fence(lines, mask):
        # (the fence mask already reads a fence with a section heading after it as a forgotten
        # opening line: what is still open here runs to the end of the text)
        return f"review ends inside an unclosed code block: '…{_quote(last)}'"
    if mask[last_i]:
        return ""  # a closed code block ends the review
    tail = blocks[-1]
    if tail.kind is Kind.COVERAGE:
        return ""
    if (
        tail.kind in FINDING_KINDS
        and tail.title
        and not tail.text.strip()
        and not _ZERO_COUNT.search(tail.title)
    ):
        # `### Important Issues` and nothing after it: the output stopped at the heading (a
        # section with nothing to report says so: `None.`)
        return f"review may be cut off right after its heading: '{_quote(tail.title)}'"
    if tail.kind in FINDING_KINDS and last.strip() in BARE_MARKERS:
        return ""  # `### Suggestions` + `-`: the section's "none", not an item cut short
    if _row_stops(lines, last_i):
        return f"review may be cut off mid-row: '…{_quote(last)}'"
    terse = _terse_list_end(lines, last_i)
    if (
        _mid_sentence(last, verdict=_one_sentence_verdict(tail))
        or (terse and _CLAUSE_WORD.search(last.rstrip()) is not None)
        or (tail.kind in FINDING_KINDS and not terse and _finding_stops(last, findings))
    ):
        return f"review may be cut off mid-sentence: '…{_quote(last)}'"
    if tail.kind in _STATED_LIMITS:
        return ""
    paragraph = _last_paragraph(lines, mask, last_i)
    said = next(
        (
            m
            for m in _MORE_WORK.finditer(paragraph)
            # "I ran out of time to benchmark it": one check skipped, not the review
            if not ("out" in m.group(0).lower() and skips_one_check(paragraph, m.end()))
        ),
        None,
    )
    if said is not None or _SO_FAR.search(_last_sentence(paragraph)):
        return f"review ends before its work is done: '{_clip(paragraph)}'"
    return ""


def _one_sentence_verdict(tail: Block) -> bool:
    """The closing `## Verdict` section is one sentence (`Merge after fixing the export
    path`): a verdict is often written as a label, with no full stop."""
    text = " ".join(tail.text.split())
    return tail.kind is Kind.VERDICT and bool(text) and not _SENTENCE_END.search(text)


def _mid_sentence(last: str, *, verdict: bool = False) -> bool:
    """`verdict`: `last` is a one-sentence verdict, cut off only on an open word or mark."""
    text = last.rstrip()
    if _whole_line(last):
        return False
    if text.count("**") % 2 or text.count("`") % 2:
        return re.search(r"[A-Za-z0-9]$", text) is not None  # bold or code left open
    if _OPEN_BRACKET.search(text):
        return True  # a bracket left open on a word: `— `a.py:15` (sugg`
    if _ends_whole(last):
        return False
    if _OPEN_WORD.search(text) or text.endswith((",", ";", "(", "-")):
        return True
    sentence = _SENTENCE_END.split(text)[-1]
    return (
        not verdict and _LIST_ITEM.match(last) is None and len(sentence.split()) >= _LONG_SENTENCE
    )


def _row_stops(lines: list[str], last_i: int) -> bool:
    """The last line is a table row with no closing `|` where the row before it has one: the
    output stopped inside the row (`| I1 | Impor`). A table written without outer pipes has
    none on any row, and ends whole. So does a row with all its cells whose last one ends its
    sentence (`| S1 | Suggestion | `a.ts:8` | Prefer `const` here.`): only the pipe is missing."""
    last, before = lines[last_i].strip(), lines[last_i - 1].strip() if last_i else ""
    if not (
        last.startswith("|")
        and not last.endswith("|")
        and before.startswith("|")
        and before.endswith("|")
    ):
        return False
    cells = last.count("|") - last.count("\\|")
    whole = cells == before.count("|") - before.count("\\|") - 1
    return not (whole and _ENDS_SENTENCE.search(last))


def _whole_line(line: str) -> bool:
    """A table row, heading, quote, bold line, rule `---`, fence line or a pasted log line: it
    ends whole."""
    return (
        is_fence_line(line)
        or is_log_line(line)
        or bool(re.match(r"^\s*(?:[|#>]|\*\*[^*]+\*\*\s*$|[-*_=]{3,}\s*$)", line))
    )


def _ends_whole(line: str) -> bool:
    """A line that ends as a line may without a full stop: a label and its value, a place, a
    closing bracket or mark, `None`, a level word."""
    text = line.rstrip()
    return (
        LABEL.match(line) is not None
        or _BOLD_LABEL_VALUE.match(line) is not None
        or _ENDS_WITH_PLACE.search(line) is not None
        or re.search(r"[A-Za-z0-9,;(\-]$", text) is None
        or re.search(r"\b(?:None|N/A)$", text.strip()) is not None
        or tag_level(text.split()[-1]) is not None
    )


def _finding_stops(last: str, findings: Sequence[Finding]) -> bool:
    """`- **I2** `a.py:4` — the loop never` as the review's last line: the end of a finding's
    text, stopped on a plain word, in a review whose other findings all end their text with a
    full stop.  A review with terse items gives no such measure.  A finding alone (no other
    finding's text to compare) is measured by its own text: cut off when an earlier sentence
    of its last paragraph ends with a full stop, or when its last sentence is a long one with
    no end (`… which means the caller will`); a short note (`loop never sleeps`) ends whole."""
    if _whole_line(last) or _ends_whole(last) or re.search(r"[A-Za-z]$", last.rstrip()) is None:
        return False
    if last.count("`") % 2 or last.count("**") % 2:
        return False  # (open code or bold: `_mid_sentence` judges those)
    own = [f for f in findings if any(_ends_with(t, last) for t in (f.body, f.fix) if t)]
    if not own:
        return False
    # Its last paragraph's sentences: an earlier paragraph (another item the parser joined to
    # it, a quote) says nothing about how this one ends.
    paragraph = re.split(r"\n\s*\n", _text_end(own[0]))[-1]
    sentences = _SENTENCE_END.split(" ".join(paragraph.split()))
    if len(sentences[-1].split()) < _SHORT_TEXT:
        return False  # (a word or two, `Rename it`, is a note, not a sentence cut short)
    ends = [_text_end(f) for f in findings if f not in own]
    ends = [e for e in ends if e]
    if ends:
        return all(_ENDS_SENTENCE.search(e) for e in ends)
    return len(sentences) > 1 or len(sentences[-1].split()) >= _LONG_SENTENCE


def _terse_list_end(lines: list[str], last_i: int) -> bool:
    """The last line is an item of a list whose item before it also ends without a full stop
    (`- [ ] move the clock past the limit` / `- [ ] assert the session is gone`): steps written
    as notes, the list's own style, not a sentence that stopped (an open word still is one)."""
    before = next((ln for ln in reversed(lines[:last_i]) if ln.strip()), "")
    return (
        _LIST_ITEM.match(lines[last_i]) is not None
        and _LIST_ITEM.match(before) is not None
        and not _ENDS_SENTENCE.search(before.rstrip())
    )


def _ends_with(text: str, line: str) -> bool:
    """A finding's text ends with `line`: the line holds all of it (after a bullet, an ID, a
    place), or it is the text's last line (its last words are the text's)."""
    flat, said = " ".join(text.split()), " ".join(line.split())
    return said.endswith(flat) or flat.endswith(" ".join(said.split()[-3:]))


def _text_end(finding: Finding) -> str:
    """The prose a finding's text ends with (its Fix, else its body), code blocks left out;
    "" when it has none."""
    for text in (finding.fix, finding.body):
        prose = strip_code(text, "").strip()
        if prose:
            return prose
    return ""


def _quote(line: str) -> str:
    return " ".join(line.split())[-50:]


def _last_paragraph(lines: list[str], mask: list[bool], last_i: int) -> str:
    start = last_i
    while start > 0 and lines[start - 1].strip() and not mask[start - 1]:
        start -= 1
    return " ".join(" ".join(lines[start : last_i + 1]).split())


def _last_sentence(paragraph: str) -> str:
    return _SENTENCE_END.split(paragraph)[-1]


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else "…" + text[-limit:]
