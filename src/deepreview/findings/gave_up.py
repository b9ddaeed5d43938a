"""A review that says, in so many words, that the seat did not do its work.

"I ran out of turns before finishing the review." in the Executive Summary, "I ran out of
context partway through.", "I could not access the repository (permission denied), so I
reviewed nothing.", "there was nothing to review", "This review is based on the PR title only",
or a Coverage Summary whose every file is
`Not reviewed` / `Skipped — could not open the file`, or one whose row for a file says the seat
ran out of turns before it: by its own account the seat reviewed
nothing (or not all), so its empty severity sections ("None.") are no approval. `gave_up` gives
the reason, which the parser keeps as the review's `cut_off`: with no finding (read or unread)
the seat fails as `unfinished review` (`readable.py`), else its findings are kept and the
verdict says its review is cut off.

Only the seat's own prose counts (preamble, summary, verdict, other sections; not a finding's
text, where "the pool ran out of tokens" is about the code, nor Acknowledged Limitations or
Testing, where "I ran out of time to run the integration tests" is a limitation stated), and
not what it ran out of time for when that is one check beside the review ("I ran out of time to
benchmark it", "… before profiling `shout`": `skips_one_check`), unless the check is the rest
of the review ("… to verify the remaining files"). A coverage table with a file reviewed, or
one not reviewed for what it is (`Not reviewed (trivial)`, generated, a lock file), is a
review's coverage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from deepreview.findings.blocks import Block
from deepreview.findings.section_titles import Kind
from deepreview.model import CoverageEntry

# The start of the reason, which `readable` tells from a review cut mid-sentence.
GAVE_UP: Final = "review says it did not finish"

_PROSE: Final = frozenset({Kind.PREAMBLE, Kind.SUMMARY, Kind.VERDICT, Kind.OTHER})
_OUT_OF: Final = re.compile(
    r"\b(?:(?:ran|run|running|runs)\s+out\s+of\s+(?:(?:the|my|its)\s+)?(?:turns|context(?:\s+window)?"
    r"|(?:turn|tool[\s-]call|token|context|output)\s+(?:budget|limit))"
    r"|I\s+(?:ran|have\s+run|['’]ve\s+run|am\s+running|['’]m\s+running)\s+out\s+of\s+"
    r"(?:time|budget|tokens)"
    r"|(?:hit|reached|exceeded)\s+(?:the|my)\s+(?:max(?:imum)?\s+)?(?:number\s+of\s+turns|"
    r"(?:turn|context(?:\s+window)?|token|output)\s+(?:limit|budget))"
    r"|context\s+window\s+(?:is|was)\s+(?:full|exhausted|exceeded))",
    re.IGNORECASE,
)
# By its own account it looked at nothing: "so I reviewed nothing", "there was nothing to
# review", "I could not access the repository (permission denied)", "I was unable to complete
# the review", "I did not get to review the diff", "Unable to review the change: …", "The review
# is incomplete: …". Only the change or the review as a whole counts: "I could not run the
# tests" or "the lock file had nothing worth a comment" is a review's limitation, not a review
# left undone.
NOT_ABLE: Final = (
    r"(?:could\s+not|couldn['’]?t|was\s+unable\s+to|was\s+not\s+able\s+to"
    r"|wasn['’]?t\s+able\s+to|did\s+not|didn['’]?t|cannot|can['’]?t|am\s+unable\s+to"
    r"|['’]m\s+unable\s+to|never)"
)
_DID_NOTHING: Final = re.compile(
    r"(?:\bI\s+(?:have\s+)?reviewed\s+nothing"
    # "…, so there was nothing to review." (not "in the lock file there is nothing to review")
    r"|(?:^|[.!?]\s+|\bso\s+)there\s+(?:was|is)\s+nothing\s+(?:for\s+me\s+)?to\s+review"
    rf"|(?:\bI\s+{NOT_ABLE}|(?:^|(?<=[.!?]\s))[\W_]*(?:unable|not\s+able)\s+to)"
    r"\s+(?:get\s+to\s+)?(?:access|read|open|fetch|clone|see|load|review|complete|finish|do"
    r"|perform)\s+(?:the|this|your|any|my)\s+(?:(?:code\s+)?review|repository|repo|diff"
    r"|changes?|changeset|pull\s+request|PR|patch)"
    r"|\b(?:the|this|my)\s+review\s+(?:is|was)\s+(?:incomplete|unfinished"
    r"|not\s+(?:complete|completed|finished)))"
    # the words end the clause: "the PR description", "the repository's CI logs", "the review
    # of the PR description" or "nothing beyond the diff" is one part the seat missed or a limit
    # it set, not the change undone
    r"(?=\s*(?:[.,;:!()—–]|\s-\s|$)|\s+(?:so|and|because|since|as|due)\b)",
    re.IGNORECASE,
)


# It read the PR's own words, not its change: "based on the PR title only", "based solely on the
# pull request description", "without access to the diff". Not "based on the description and
# the diff", which read the change too.
_READ_NO_CHANGE: Final = re.compile(
    r"(?:\bbased\s+(?:only\s+|solely\s+|entirely\s+|purely\s+|just\s+)?on\s+the\s+"
    r"(?:(?:PR|pull\s+request|MR|merge\s+request|change)(?:['’]s)?\s+)?"
    r"(?:title|description|summary|body)(?:\s+(?:only|alone))?"
    r"|\bwithout\s+(?:(?:any\s+)?access\s+to|seeing|reading|opening|looking\s+at)\s+the\s+"
    r"(?:diff|code|changes?|changeset|repository|repo|patch|files))"
    r"(?=\s*(?:[.,;:!()—–]|\s-\s|$)|\s+(?:so|because|since|as|due)\b)",
    re.IGNORECASE,
)


def _says_did_nothing(line: str) -> re.Match[str] | None:
    return _DID_NOTHING.search(line) or _READ_NO_CHANGE.search(line)


def did_nothing(text: str) -> bool:
    """A line of `text` says the seat did not do the review at all (`_DID_NOTHING`), or read
    only the PR's title or description (`_READ_NO_CHANGE`)."""
    return any(_says_did_nothing(line) for line in text.splitlines())


# What the seat ran out of time for, when that is one check it skipped: "to benchmark it",
# "before I could run the tests", "for profiling". (To review, read or finish is the review.)
_ONE_CHECK: Final = re.compile(
    r"\s+(?:to|before|for)\s+(?:(?:I|we)\s+(?:could|was\s+able\s+to)\s+)?(?:actually\s+)?"
    r"(?:benchmark|profil|run|test|measur|fuzz|reproduc|execut|build|try|trie|tim(?:e|ing)\b|"
    r"load[\s-]test|stress[\s-]test|smoke[\s-]test|verif|exercis|compil|install|bisect|"
    r"double[\s-]check|confirm|validat)\w*(?P<what>[^.!?;\n]*)",
    re.IGNORECASE,
)
# ... unless the check is the rest of the review: "to verify the remaining files".
_THE_REST: Final = re.compile(
    r"\b(?:rest|remain\w*|everything|every|all|whole|entire|other\s+files|review\w*)\b",
    re.IGNORECASE,
)
_NOT_DONE: Final = re.compile(
    r"^\W*(?:not\s+(?:yet\s+)?(?:reviewed|analy[sz]ed|checked|examined|read|opened|looked\s+at)"
    r"|skipped|unreviewed|pending|todo|to\s+do)\b",
    re.IGNORECASE,
)
# Not reviewed for what the file is: no work left undone.
_NOTHING_TO_DO: Final = re.compile(
    r"\b(?:trivial|generated|binary|vendor\w*|lock\s*file|lockfile|deleted|removed|whitespace|"
    r"formatting|out\s+of\s+scope|not\s+code|no\s+(?:code\s+)?changes?)\b",
    re.IGNORECASE,
)


def gave_up(blocks: list[Block], coverage: Iterable[CoverageEntry]) -> str:
    """Why the review says it did not finish ("review says it did not finish: '…'"), or ""."""
    for block in blocks:
        if block.kind not in _PROSE:
            continue
        for line, fenced in zip(block.lines, block.fenced, strict=True):
            m = None if fenced else _OUT_OF.search(line)
            if m is not None and skips_one_check(line, m.end()):
                m = None
            if m is None and not fenced and block.kind is not Kind.PREAMBLE:
                # (a bare refusal, no sections, is no review at all: `no_review.py`)
                m = _says_did_nothing(line)
            if m is not None:
                return f"{GAVE_UP}: '{_clip(line)}'"
    entries = list(coverage)
    for e in entries:
        if _OUT_OF.search(e.status):
            # `Not reviewed — I ran out of turns before reaching it`: that file went unreviewed
            # for want of turns, whatever the rest of the table says
            return f"{GAVE_UP}: its coverage says '{_clip(e.path + ': ' + e.status)}'"
    if entries and all(
        _NOT_DONE.match(e.status) and not _NOTHING_TO_DO.search(e.status) for e in entries
    ):
        return f"{GAVE_UP}: every file of its coverage is '{_clip(entries[0].status)}'"
    return ""


def skips_one_check(text: str, end: int) -> bool:
    """What follows "ran out of time" at `end` of `text` is one check the seat skipped ("to
    benchmark it"), not the review left undone."""
    m = _ONE_CHECK.match(text, end)
    return m is not None and _THE_REST.search(m.group("what")) is None


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
