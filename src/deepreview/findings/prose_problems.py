"""Problems told in prose: a review with no finding we could read (no findings section, or
severity sections that all say "None"), whose sentences still name problems at places (`The
retry loop at `run.py:55` never gives up, a critical problem …`) — in its summary, preamble or
another section (`## Observations`), not in design, testing or earlier-round sections.

Read as a review that found nothing, it would make the verdict "no issues found".  Such passages
are the seat's findings text that could not be read (`AgentReview.unread_findings`), as text in
a findings section that holds no finding is: the verdict then says that seat's findings could
not be read.  A passage counts when it names a place with a line and a problem (a problem word
such as `bug`, `broken`, `regression`, `wrong`, or a stressed level word: `**critical**`) and
does not itself say there is none, nor that its problem is fixed, pre-existing or was so
before the change ("(was a race condition)", "previously the header was wrong"); a place
without a line (a file: `the problem is in calc.py, whose …`) counts too, unless the passage
says the change fixes (removes, resolves…) something ("must be fixed" asks for a fix).  A review
that says outright that it found nothing ("No issues found", "LGTM") is taken at its word: the
passages are then context (a bug it checked).  "Looks good" / "looks fine" is not such a
statement: "Everything else looks fine" follows the problems it closes; nor is a qualified one
("no blocking issues found", "Otherwise, no issues found", "No major issues.").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Final

from deepreview.findings.blocks import BOLD_LINE, Block
from deepreview.findings.file_names import is_known_file, known_extension
from deepreview.findings.head import locations_in
from deepreview.findings.levels import stressed_level
from deepreview.findings.none_statements import says_none
from deepreview.findings.problem_words import names_a_cjk_problem, names_a_problem
from deepreview.findings.readable import qualified_none, says_nothing_found_outright
from deepreview.findings.section_titles import Kind, set_aside

# Only these sections tell findings in a review without a findings section; a Testing or
# Documentation Assessment names gaps as notes (`consolidate/notes.py`), a coverage table files.
_PROSE_KINDS: Final = frozenset({Kind.PREAMBLE, Kind.SUMMARY, Kind.OTHER, Kind.VERDICT})


# A problem this change did not bring, or an earlier round's that is gone: "the bug at `a.py:3`
# reported last round is now fixed", "a pre-existing problem, not introduced by this change".
# ("Must be fixed before merge" is no such word: only fixed as done.)
_SETTLED: Final = re.compile(
    r"\b(?:(?:is|are|was|were|been|now|got)\s+(?:now\s+)?(?:fixed|resolved|addressed)|"
    r"pre-?existing|not\s+introduced|already\s+(?:there|present|on\s+\w+)|out\s+of\s+scope|"
    r"(?:previous|prior|earlier|last)\s+(?:round|review|pass)|round\s+\d)",
    re.IGNORECASE,
)


# What was wrong before the change, told in the past: "(was a race condition)", "previously the
# header was wrong", "it used to crash", "before this change the total was incorrect" (a clause,
# up to its `;` or full stop). Not when the clause says it is so still: "(was a race and still is)",
# or runs on into what is wrong now: "previously the header was wrong and now the body is
# truncated" ("… and now it is correct" is still the past).
_STILL: Final = (
    r"\b(?:still|again|remains?)\b|\bnow\s+(?!(?:it\s+|this\s+|that\s+|they\s+)?"
    r"(?:is\s+|are\s+)?(?:fixed|correct|right|works?|resolved|handled|fine|ok|gone|safe)\b)"
)
_PAST: Final = re.compile(
    rf"\((?:it\s+)?(?:was|were)\s+(?![^)]*(?:{_STILL}))[^)]*\)"
    r"|\b(?:previously|formerly|before\s+(?:this|the)\s+(?:change|pr|patch|fix)|in\s+the\s+old\s+code"
    rf"|(?:it|this|that|they)\s+used\s+to)\b(?![^.;!?\n]*(?:{_STILL}))"
    r"[^.;!?\n]*",
    re.IGNORECASE,
)


def prose_problems(
    blocks: list[Block], prefixes: tuple[str, ...] = (), quoted: Collection[str] = ()
) -> list[str]:
    """The passages (paragraphs or list items, outside code and quotes) of the review's prose
    sections that name a problem at a place with a line. Sections about earlier rounds (`##
    Prior Round Findings`) are not this review's findings. `quoted`: lines (stripped) that
    were a blockquote before the parser opened it."""
    paragraphs = prose_passages(blocks, quoted)
    if says_nothing_found_outright("\n\n".join(paragraphs)):
        return []
    out: list[str] = []
    asked = False  # under a lead-in asking for a change ("**One thing I'd want fixed first**")
    counted = any(counts_comments(p) for p in paragraphs)
    for p in paragraphs:
        if BOLD_LINE.match(p):  # a lead-in of what follows
            asked = asks_for_a_change(p)
            continue
        if len(p) <= _MAX_PASSAGE:
            if names_a_placed_problem(p, prefixes, tells=_any if asked else names_a_problem) or (
                counted and _at_a_line(p, prefixes)
            ):
                out.append(p)
        elif p.count("\n") < _MAX_RUN_ON_LINES:
            # a run-on paragraph of many lines (a small model's review with no blank line):
            # each line judged alone, as a passage of its own
            out.extend(line for line in p.split("\n") if names_a_placed_problem(line, prefixes))
    return out


# The review counts the comments (issues, findings) it left, one or more: "generated 3 comments",
# "left two comments", "found 2 issues", "3 comments below". With no finding read, what it wrote
# at places is those comments, however it words them ("a dry run deletes snapshots").
_NUMBER: Final = (
    r"(?:[1-9]\d{0,2}|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several)"
)
_COUNTED: Final = re.compile(
    r"\b(?:generated|left|made|wrote|posted|raised|found|flagged|identified|added|has|have)\s+"
    rf"{_NUMBER}\s+(?:[\w-]+\s+)?(?:comments?|issues?|findings?|problems?|concerns?)\b"
    rf"|^\s*{_NUMBER}\s+(?:[\w-]+\s+)?(?:comments?|issues?|findings?)\s+(?:below|follow)\b",
    re.IGNORECASE | re.MULTILINE,
)


def counts_comments(text: str) -> bool:
    """`text` says the review left one or more comments (issues, findings), by number."""
    return _COUNTED.search(text) is not None


def _at_a_line(text: str, prefixes: tuple[str, ...]) -> bool:
    """The passage names a place with a line (`calc.py:2`) and does not say its problem is
    settled or none."""
    if len(text) > _MAX_PASSAGE or _SETTLED.search(text) or says_none(text):
        return False
    # (a bold place, `**cli/prune.py:27**`, as Copilot heads each comment, is a place too)
    unbolded = text.replace("**", " ")
    return any(loc.start is not None for loc in locations_in(unbolded, prefixes))


def unheld_problems(
    blocks: list[Block],
    held: Collection[tuple[str, int | None]],
    prefixes: tuple[str, ...] = (),
    quoted: Collection[str] = (),
) -> list[str]:
    """Beside findings we read: the passages of the review's other sections (not its summary
    or verdict, which tell the findings again, nor its preamble, where an agent narrates its
    steps: "I will run `git blame` on lines 78 to 82 … to confirm it is a regression") that
    name a problem, or ask for a fix ("has to be fixed before merging"), at a place with a line
    that no finding read holds (`held`: each finding's places as (path, start line)) — an
    answer to a checklist's question with the problem inside it. A review that says outright
    it found nothing has none."""
    passages = prose_passages(blocks, quoted, kinds=(Kind.OTHER,))
    if says_nothing_found_outright("\n\n".join(passages)):
        return []
    out = []
    for p in passages:
        if BOLD_LINE.match(p) or not names_a_placed_problem(p, prefixes, tells=tells_or_asks):
            continue
        lined = [(loc.path, loc.start) for loc in locations_in(p, prefixes) if loc.start]
        if lined and not any(place in held for place in lined):
            out.append(p)
    return out


def tells_or_asks(text: str) -> bool:
    """A problem word, or a fix asked for (`has to be fixed`, `please fix`)."""
    return names_a_problem(text) or _ASKS_FOR_A_FIX.search(text) is not None


def prose_passages(
    blocks: list[Block], quoted: Collection[str] = (), kinds: Collection[Kind] = _PROSE_KINDS
) -> list[str]:
    """The paragraphs and bold lead-ins of the sections of `kinds` (by default those that tell
    findings in a review with no findings section), in order; not sections set aside."""
    return [
        p
        for b in blocks
        if b.kind in kinds and not set_aside(b.title, b.lines)
        for p in _paragraphs(b, quoted)
    ]


# A lead-in asking for a change before the merge, in the reviewer's words: what follows it at
# a place is a problem however it is told ("the limiter never limits" holds no problem word).
_ASKS_FOR_A_CHANGE: Final = re.compile(
    r"\bbefore\s+(?:merging|merge|landing|it\s+(?:lands|merges)|this\s+(?:lands|merges))\b"
    r"|\b(?:want|like|need)\w*\s+(?:\w+\s+){0,2}?(?:changed|fixed|addressed)\b"
    r"|\b(?:requested\s+changes|changes\s+requested|must[-\s]fix(?:es)?)\b",
    re.IGNORECASE,
)
_ASKS_NOTHING: Final = re.compile(r"\b(?:nothing|no|not|none|never|don['’]t)\b", re.IGNORECASE)


def asks_for_a_change(lead_in: str) -> bool:
    """A bold lead-in that asks for a change ("One thing I'd want changed before merging"), not
    one that says nothing needs one ("Nothing I'd want changed before merging")."""
    return bool(_ASKS_FOR_A_CHANGE.search(lead_in)) and not _ASKS_NOTHING.search(lead_in)


def _any(_text: str) -> bool:
    return True


def opened_quotes(before: list[str], after: list[str]) -> frozenset[str]:
    """The lines (stripped) of blockquotes that the parser opened as findings (`after`, line
    for line): still quoted text, never the seat's prose naming a problem."""
    if len(before) != len(after):
        return frozenset()  # (lines were split: no line-for-line view)
    return frozenset(
        b.strip()
        for a, b in zip(before, after, strict=True)
        if a != b and a.lstrip().startswith(">")
    )


# A seat's own verdict that asks for changes (`Rework`, `Request changes`, `Merge with fixes`):
# with no finding read, what it found is in text we could not read. Anchored at the start, so
# "No rework needed" is no such verdict.
_ASKS_FOR_CHANGES: Final = re.compile(
    r"^[\W_]*(?:rework|request(?:ed|ing)?\s+changes|changes\s+requested|do\s+not\s+merge|"
    r"don['’]t\s+merge|merge\s+(?:with|after)\s+fix(?:es|ing)|needs?\s+(?:work|changes|fixes)|"
    r"not\s+ready\s+to\s+merge|reject(?:ed)?|block(?:ed|s|ing)?\s+merg\w*)\b",
    re.IGNORECASE,
)


def asks_for_changes(verdict_line: str | None) -> bool:
    """The seat's verdict line asks for changes before merging."""
    return verdict_line is not None and _ASKS_FOR_CHANGES.match(verdict_line) is not None


def lone_verdict(blocks: list[Block]) -> str | None:
    """A paragraph of the review's prose that is only a verdict asking for changes (`Needs
    work.`, `**Request changes**`): the seat's verdict, with no heading or label of its own."""
    for b in blocks:
        if b.kind not in _PROSE_KINDS:
            continue
        for p in _paragraphs(b):
            m = _ASKS_FOR_CHANGES.match(p)
            if m is not None and _ONLY_MARKS.match(p, m.end()):
                return p.strip("*_ \t")
    return None


# (after the verdict's words: its full stop and markup, nothing more: `Needs work on my side
# before I can say more` is no verdict)
_ONLY_MARKS: Final = re.compile(r"[\s*_.!]*$")


def _paragraphs(block: Block, quoted_lines: Collection[str] = ()) -> list[str]:
    """The block's paragraphs outside code and quotes: a blockquote (`> **Critical:** …`, the
    PR's own text quoted to reject it) is not the seat naming a problem."""
    out: list[str] = []
    cur: list[str] = []
    held = block.held if len(block.held) == len(block.lines) else [False] * len(block.lines)
    for line, fenced, quoted in zip(block.lines, block.fenced, held, strict=True):
        if (
            fenced
            or quoted
            or _QUOTE_LINE.match(line)
            or line.strip() in quoted_lines
            or not line.strip()
        ):
            if cur:
                out.append("\n".join(cur))
                cur = []
            continue
        cur.append(line.strip())
    if cur:
        out.append("\n".join(cur))
    return out


# A passage that tells a problem is a few sentences; a longer one is pasted output or noise (a
# seat that prints 50 MB of one word), which the place reader would take very long to scan.
_MAX_PASSAGE: Final = 4000
# ... and a paragraph of more lines than this is a dump (a log, a listing), not read line by line
_MAX_RUN_ON_LINES: Final = 5000


_QUOTE_LINE: Final = re.compile(r"^ {0,3}>")
# A passage that tells what the change's own text says ("The description claims …", "The commit
# message says "CRITICAL: …"", "The PR description labels this **Critical**"): text the
# change's author controls, quoted, not a problem the seat names.
_ATTRIBUTED: Final = re.compile(
    r"\b(?:description|commit(?:\s+message)?|message|title|body|author|pr|pull\s+request|"
    r"changelog|docstring|comment)\s+(?:itself\s+)?(?:claims?|says?|labels?|states?|asserts?|"
    r"calls?|marks?|insists?|tells?|asks?|instructs?|reads?|promises?)\b",
    re.IGNORECASE,
)


# The seat's own words after the change's claim: `The description says `a.py:12` is
# thread-safe, but it is not: there is a race condition …`.
_REFUTED: Final = re.compile(r"\b(?:but|however|yet|though|although|in\s+fact|actually)\b", re.I)


def _only_attributed(text: str) -> bool:
    """The passage tells what the change's own text says, and names no problem in the seat's
    own words after it, nor asks for a fix (a claim refuted with one is the seat's problem:
    "The PR says expired tokens are refused, but … This has to be fixed before merging.")."""
    m = _ATTRIBUTED.search(text)
    if m is None:
        return False
    refuted = _REFUTED.search(text, m.end())
    return refuted is None or not tells_or_asks(text[refuted.end() :])


def names_a_placed_problem(
    text: str, prefixes: tuple[str, ...], *, tells: Callable[[str], bool] = names_a_problem
) -> bool:
    """The passage names a problem of the change (not one settled, past, denied or only the
    change's own words) at a place with a line, or at a file it does not say it fixes.
    `tells`: what words tell a problem (by default the problem words: `bug`, `wrong`)."""
    if len(text) > _MAX_PASSAGE or _SETTLED.search(text) or _only_attributed(text):
        return False
    if says_none(text) and not qualified_none(text):
        return False
    now = _PAST.sub(" ", text)
    if not tells(now) and not stressed_level(text) and not names_a_cjk_problem(now):
        return False
    places = locations_in(text, prefixes)
    if any(loc.start is not None for loc in places):
        return True
    # A file without a line (`the problem is in calc.py, whose …`): a problem told at a file,
    # unless the problem is one the change removes ("fixes the bug in calc.py")
    # (a file by its name: `hostagent/service` in a sentence is a pair of words as often)
    files = [
        loc
        for loc in places
        if known_extension(loc.path.rsplit("/", 1)[-1]) or is_known_file(loc.path)
    ]
    return bool(files) and _REMOVES.search(_ASKS_FOR_A_FIX.sub(" ", text)) is None


# "This change fixes the race in a.go", "resolves the leak": the problem is the change's
# subject, gone with it, not one the seat finds.
_REMOVES: Final = re.compile(
    r"\b(?:fix(?:es|ed)?|resolv(?:es|ed)|addresses|addressed|corrects|corrected|remov(?:es|ed)|"
    r"prevents|avoids)\b"
    # the fix asked for is the change's own: "must be fixed before 2.0, and this PR does exactly
    # that", "the change takes care of it"
    r"|\b(?:this|the)\s+(?:PR|change|patch|commit|pull\s+request|diff)\s+(?:now\s+)?"
    r"(?:does\s+(?:exactly\s+|just\s+|precisely\s+)?(?:that|this|so)\b|takes\s+care\s+of)",
    re.IGNORECASE,
)
# A fix the seat asks for ("this must be fixed before merge", "needs a fix", "has to be resolved",
# "please fix it"): the problem is still there, so no word of `_REMOVES`.
_ASKS_FOR_A_FIX: Final = re.compile(
    r"\b(?:must|should|shall|needs?\s+to|has\s+to|have\s+to|ought\s+to)\s+(?:be\s+|get\s+)?"
    r"(?:fix(?:ed)?|resolved?|addressed|address|corrected|correct|removed?)\b"
    r"|\b(?:needs?|requires?|wants?|calls?\s+for|deserves?)\s+(?:a\s+|an\s+|some\s+)?(?:\w+\s+)?"
    r"fix(?:es|ing)?\b"
    r"|\bplease\s+fix\b",
    re.IGNORECASE,
)
