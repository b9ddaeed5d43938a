"""Heading lines of a review: which lines open a section, and of what kind.

Sections are recognised by their *title* (`title_kind`), written as an ATX or setext heading, a
line that is only bold text, or a `Label:` line; `blocks.build_blocks` turns them into the flat
section map.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from deepreview.findings.assessment_titles import heading_kind
from deepreview.findings.atx import atx_heading
from deepreview.findings.section_titles import Kind, title_kind
from deepreview.markdown_fence import is_fence_line

# A line that is only bold text (`**Critical Issues**`, `**What I liked**:`): a heading written
# in bold, or a lead-in of the paragraphs after it (`prose_problems`).
# (a run of blanks is taken whole, never split between two runs: thousands of blanks after
# the bold are crossed once)
BOLD_LINE = re.compile(r"^ {0,3}(?:\*\*|__)([^*_\n][^\n]*?)(?:\*\*|__)[ \t]*+:?[ \t]*+$")
_LABEL_LINE = re.compile(r"^ {0,3}([A-Z][A-Za-z ]{2,40}):[ \t]*$")
# `**Suggestions:** None`: a section whose whole content is on its heading's line. Only with a
# "none" value: `**Suggestion:** extract a helper` inside a finding is that finding's text.
_BOLD_LABEL_NONE = re.compile(
    r"^ {0,3}(?:\*\*|__)([^*_\n]+?)(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:)[ \t]*+"
    r"((?:none|n/a|nothing)(?:[ \t]++(?:found|identified|noted))?[ \t.!]*+)$",
    re.IGNORECASE,
)
# `**Tests**: none added for `div`.`: a Testing, Documentation or Design note led by its
# section's name in bold, the note on the same line (a lead-in). Other bold labels with a value
# (`**Suggestion:** extract a helper`) are a finding's text.
_BOLD_LEAD_IN = re.compile(
    r"^ {0,3}(?:\*\*|__)([^*_\n]{2,40}?)(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:)[ \t]*(\S.*)$"
)
_LEAD_IN_KINDS = frozenset({Kind.TESTING, Kind.DOCS, Kind.DESIGN})
# `Tests: the new test covers it.`: the same note led by a plain label, only as a paragraph's
# first line and only for Testing or Documentation (`Design: x` reads as a finding's text).
_LABEL_LEAD_IN = re.compile(r"^ {0,3}([A-Z][A-Za-z]{2,12}):[ \t]+(\S.*)$")
ASSESSMENT_KINDS = frozenset({Kind.TESTING, Kind.DOCS})
# `Docs look fine.` right after a testing note (or `Tests pass.` after a docs note): a paragraph
# whose subject is the other assessment (`_subject_opens`).
_SUBJECT = re.compile(
    r"^ {0,3}(?:The |the )?(?:(?P<docs>docs|documentation|readme)|(?P<tests>tests|testing))"
    r"[ \t]+(?:look|looks|is|are|seem|seems|need|needs|was|were|pass|passes|cover|covers|"
    r"read|reads|match|matches|lack|lacks|could|should|do|does|don't|doesn't|appear|appears)\b",
    re.IGNORECASE,
)
BOLD_LEVEL = 7  # bold-line and `Label:` headings rank below every `#` heading


@dataclass(frozen=True)
class Heading:
    kind: Kind
    title: str  # markup stripped, as written ("Critical Issues")
    level: int
    rest: str = ""  # the section's content written on the heading's line (`**Suggestions:** None`)
    label: bool = False  # a plain `Label:` line, the weakest kind of heading
    lead_in: bool = False  # `**Tests**: note`: the section's name leads its first paragraph
    subject: bool = False  # `Docs look fine.`: opens only after the other assessment's note
    brief: bool = False  # (a subject's) paragraph is that one line, and quotes no code


def clean_title(title: str) -> str:
    t = title.strip()
    if t.startswith(("**", "__")) and t.endswith(("**", "__")) and len(t) > 4:
        t = t[2:-2].strip()
    return t.rstrip(":").strip()


def classify_heading(line: str) -> Heading | None:
    """A section heading, or None.  Bold and `Label:` lines count only with a known title."""
    m = atx_heading(line)
    if m:
        title = clean_title(m[1])
        return Heading(heading_kind(title, len(m[0])), title, len(m[0]))
    return _bold_or_label(line)


@functools.cache
def _markdown() -> MarkdownIt:
    # Setext headings are on (`Critical Issues` + `---------------`), but `heading_lines` takes
    # one only with a known section title: agents also write `text` + `---` as a paragraph and
    # a rule. Indented code is off: agents indent continuation lines freely; HTML blocks are
    # off: an unclosed `<!--` or `<pre>` in a review must not swallow the sections after it.
    # Inline parsing is off: only the block structure is read (a heading's text is its inline
    # token's `content`), and emphasis on a 200 KB run of `*` cost seconds.
    return MarkdownIt("commonmark").disable(["code", "html_block", "inline", "text_join"])


def markdown_tokens(lines: list[str], mask: list[bool]) -> list[Token]:
    """markdown-it block tokens of the prose; fenced lines are blank, so line maps still hold.

    A fence line outside the mask is one the agent forgot to close (`fence_mask` took it as
    text); it is blanked too, or markdown-it would read the rest of the review as code."""
    prose = "\n".join(
        "" if fenced or is_fence_line(line) else line
        for line, fenced in zip(lines, mask, strict=True)
    )
    return _markdown().parse(prose)


def heading_lines(lines: list[str], mask: list[bool]) -> dict[int, Heading]:
    """Line index -> heading, from the markdown-it block structure of the review's prose.

    Code is decided by `markdown_fence` (through `mask`): fenced lines are blanked before
    markdown-it sees the text, so a fence the agent forgot to close cannot hide the rest of the
    review.  ATX headings come from `heading_open` tokens; a paragraph line that is only bold
    text or a `Label:` with a known section title (`**Critical Issues**`, `Concerns:`) is a
    heading too.  Lines inside lists, quotes and tables never are.
    """
    tokens = markdown_tokens(lines, mask)
    out: dict[int, Heading] = {}
    for i, tok in enumerate(tokens):
        if tok.map is None:
            continue
        setext = _setext(tok, tokens[i + 1] if i + 1 < len(tokens) else None)
        if tok.type == "heading_open" and tok.level == 0 and not tok.markup.startswith(("=", "-")):
            title = clean_title(tokens[i + 1].content if i + 1 < len(tokens) else "")
            level = int(tok.tag[1:])
            out[tok.map[0]] = Heading(heading_kind(title, level), title, level)
        elif setext is not None:
            out[tok.map[0]] = setext
            out[tok.map[0] + 1] = UNDERLINE
        elif tok.type in ("paragraph_open", "heading_open") and tok.level == 0:
            # (a paragraph, or a setext heading of no known title: a paragraph and a rule)
            for n in range(tok.map[0], min(tok.map[1], len(lines))):
                h = _bold_or_label(lines[n])
                if h is None and n == tok.map[0]:
                    h = _paragraph_lead(lines[n], tok.map[1] - tok.map[0] == 1)
                if h is not None and not _level_label_of_heading(lines, out, n):
                    out[n] = h
    return out


def _paragraph_lead(line: str, one_line: bool) -> Heading | None:
    """A paragraph led by a plain `Tests:` / `Docs:` label, or by `Docs` / `Tests` as its
    subject (`Docs look fine.`): a lead-in that `build_blocks` may let open its section."""
    m = _LABEL_LEAD_IN.match(line)
    if m:
        kind = title_kind(m.group(1))
        if kind in ASSESSMENT_KINDS:
            return Heading(kind, m.group(1), BOLD_LEVEL, m.group(2).strip(), True, True)
    m = _SUBJECT.match(line)
    if m:
        kind = Kind.DOCS if m.group("docs") else Kind.TESTING
        brief = one_line and "`" not in line
        return Heading(kind, "", BOLD_LEVEL, line.strip(), True, True, subject=True, brief=brief)
    return None


# The `-----` / `=====` line under a setext heading: part of its heading, in no section.
UNDERLINE = Heading(Kind.OTHER, "", 0)


def _setext(tok: Token, inline: Token | None) -> Heading | None:
    """A one-line setext heading (`Critical Issues` + `---`) whose title names a section."""
    if tok.type != "heading_open" or tok.level != 0 or inline is None or tok.map is None:
        return None
    if not tok.markup.startswith(("=", "-")) or tok.map[1] - tok.map[0] != 2:
        return None
    title = clean_title(inline.content)
    kind = title_kind(title)
    return None if kind is Kind.OTHER else Heading(kind, title, int(tok.tag[1:]))


_LEVEL_LABEL = re.compile(r"^ {0,3}(?:\*\*|__)(?:severity|priority)[ \t]*:", re.IGNORECASE)


def _level_label_of_heading(lines: list[str], headings: dict[int, Heading], n: int) -> bool:
    """`### Retry swallows the error` + `**Severity: High**`: the bold line is that finding's
    level label, written with the bold around the value too, not a `High` section of its own
    (which would leave the heading above it empty and its finding unread)."""
    if not _LEVEL_LABEL.match(lines[n]):
        return False
    k = n - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    above = headings.get(k)
    return above is not None and above.kind is Kind.OTHER and above.level < BOLD_LEVEL


def _bold_or_label(line: str) -> Heading | None:
    for rx in (BOLD_LINE, _LABEL_LINE, _BOLD_LABEL_NONE):
        m = rx.match(line)
        if m:
            title = clean_title(m.group(1))
            kind = title_kind(title)
            if kind is not Kind.OTHER:
                rest = m.group(2).strip() if rx is _BOLD_LABEL_NONE else ""
                return Heading(kind, title, BOLD_LEVEL, rest, label=rx is _LABEL_LINE)
    m = _BOLD_LEAD_IN.match(line)
    if m:
        title = clean_title(m.group(1))
        kind = title_kind(title)
        if kind in _LEAD_IN_KINDS:
            return Heading(kind, title, BOLD_LEVEL, m.group(2).strip(), lead_in=True)
    return None
