"""Whether a reviewer's note is about a consolidated finding (`notes.credit_notes`).

A note is one place a reviewer cites outside its findings, with the text around it (`Note`).
It is about a finding when it says something about the same thing (`about_the_same`: a shared
identifier, a shared title word, or a quote of the finding's words) and is of the finding's kind
(`fits_section`: a testing note credits a finding about tests, a documentation note one about
docs or comments).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from deepreview.consolidate.claims import claims_in
from deepreview.consolidate.features import PathResolver, fenced_code, identifiers_in, words
from deepreview.consolidate.kinds import TEST_PATH, missing_named
from deepreview.markdown_fence import without_code_spans
from deepreview.model import Finding, Location

# "no leak", "not a race", "without a deadlock": a failure the remark rules out
_DENIED = re.compile(r"\b(?:no|not(?:\s+an?)?|without(?:\s+an?)?)\s+[\w-]+(?:\s+[\w-]+)?", re.I)


def affirmed_claims(text: str) -> frozenset[str]:
    """The failure kinds a remark names, leaving out those it rules out ("so no leak")."""
    return claims_in(_DENIED.sub(" ", text))


@dataclass(frozen=True)
class Note:
    """One place a reviewer cites outside its findings, with the text around it."""

    seat: str
    section: str  # "Testing Assessment"
    location: Location
    text: str  # Markdown: the paragraph or list item citing the place
    # From a finding's own text, which names the place beside its own: "paragraph", one
    # paragraph naming both (`_names_own_place`); "places", the whole text of one placed in
    # several files. Either credits only a finding on those very lines naming no other
    # failure, and "places" only one naming the same failure (see `_sighting`); "untested",
    # a sentence saying the code cited in another file has no test, only the test gap there
    # (`untested_in_passing`).
    in_finding: Literal["", "paragraph", "places", "untested"] = ""


def about_the_same(note: Note, finding: Finding, *, on_its_lines: bool = True) -> bool:
    """A shared code identifier, a quote of the finding's words, or a shared title word of four
    letters or more; two such words when the note's lines only come near the finding's (a
    design concern two lines below "Login file symlinks …" about the login file's resolution
    is another issue that shares the word "login")."""
    if set(identifiers_in(note.text)) & set(identifiers_in(finding.title + "\n" + finding.body)):
        return True
    title = {w for w in words(finding.title) if len(w) >= 4}
    if len(title & set(words(note.text))) >= (1 if on_its_lines else 2):
        return True
    return _quotes_the_finding(note, finding)


# Text a note quotes: “Valide values”, "user's"
_QUOTED = re.compile(r"[“\"]([^”\"\n]{2,80})[”\"]")


def _quotes_the_finding(note: Note, finding: Finding) -> bool:
    """The note quotes words that the finding's text holds too: "says “Valide values”" beside
    a finding quoting the line `Valide values:`. Every word of the quote, at least six letters
    in all, so that a quoted "error" or "true" is not enough."""
    text = set(words(finding.title + "\n" + finding.body))
    for m in _QUOTED.finditer(note.text):
        quoted = words(m.group(1))
        if quoted and sum(map(len, quoted)) >= 6 and set(quoted) <= text:
            return True
    return False


_DOC_SUFFIXES = (".md", ".rst", ".txt", ".adoc")
_TEST_WORDS = frozenset(words("test tests tested untested coverage covers covered pins pinned"))
_DOC_WORDS = frozenset(
    words("doc docs documentation documented comment comments docstring godoc typo typos readme")
)


def fits_section(note: Note, finding: Finding) -> bool:
    """A Testing Assessment note is about a test gap, a Documentation Assessment note about
    text that misleads: each credits only a finding of that kind (a test file or a title
    about tests; a documentation file, a title about docs or comments, or quoted code that is
    all comment lines). A design concern may be about anything, but one that is a remark of its
    own kind (`_remark`) is about the finding only as the same remark or in its words."""
    paths = [loc.path for loc in finding.locations]
    title = set(words(finding.title))
    if note.section == "Testing Assessment":
        return bool(title & _TEST_WORDS) or any(TEST_PATH.search(p) for p in paths)
    if note.section == "Documentation Assessment":
        return (
            bool(title & _DOC_WORDS)
            or any(p.lower().endswith(_DOC_SUFFIXES) for p in paths)
            or _quotes_only_comments(finding.body)
        )
    if note.section == "Coverage Summary":
        # a remark beside a verdict: only the same failure is a sighting (`notes._coverage_remark`)
        return bool(affirmed_claims(note.text) & claims_in(f"{finding.title}\n{finding.body}"))
    return note.section != "Design Observations" or _same_remark(note, finding)


# "`mul` should be called `multiply`", "rename `cfg`", "a misleading name"
_NAMING = re.compile(
    r"\b(?:renam\w*|misnam\w*|(?:should|could|would|might)\s+be\s+(?:called|named)"
    r"|(?:better|clearer|misleading|confusing)\s+name"
    r"|name\w*\s+(?:is|are)\s+(?:misleading|unclear|confusing|vague))\b",
    re.IGNORECASE,
)


def _remark(text: str) -> str | None:
    """The kind of remark a text makes, when it is one that names no fault in what the code
    does: a missing docstring or comment, missing type hints, a name."""
    return missing_named(text) or ("naming" if _NAMING.search(without_code_spans(text)) else None)


def _same_remark(note: Note, finding: Finding) -> bool:
    """A design concern that a function "lacks a docstring" or "should be called `multiply`"
    names that function at its own lines, as every remark about it does: it is not a sighting
    of the bug another reviewer found there ("`mul` returns 0 for a negative `b`"). Such a
    concern credits a finding making the same remark, or one whose title words it says too."""
    kind = _remark(note.text)
    if kind is None or kind == _remark(finding.title):
        return True
    # words outside code spans: the function's own name is what every such remark shares
    title = {w for w in words(without_code_spans(finding.title)) if len(w) >= 4}
    said = set(words(without_code_spans(note.text)))
    return bool(title & said) or _quotes_the_finding(note, finding)


# A line of code that is only a comment: `# …`, `// …`, `/* …`, ` * …`, `-- …`, `<!-- …`, `; …`
_COMMENT_LINE = re.compile(r"^\s*(?:[-+]\s*)?(?:#|//|/\*|\*|--|<!--|;)")


def _quotes_only_comments(body: str) -> bool:
    """The finding quotes code and every quoted line is a comment: it is about that comment,
    whatever its title says ("`app.bats` still blames the download" over a `#` block)."""
    lines = [line for line in fenced_code(body).splitlines() if line.strip()]
    return bool(lines) and all(_COMMENT_LINE.match(line) for line in lines)


# "lines 60-70 in [`latch.ts`](…)", "line 53 of `pkg/limayaml/validate.go`": a place said lines
# first. The path is captured first (group 1, in the lookahead), then the lines, as `_refs`
# reads every place pattern.
LINES_OF = re.compile(
    r"\blines?\s+(?=\d{1,6}(?:\s*[-–]\s*\d{1,6})?\s+(?:in|of)\s+\[?`?"
    r"((?:[\w.@+-]+/)*[\w.@+-]+\.[A-Za-z][A-Za-z0-9]{0,9})`?)"
    r"(\d{1,6})(?:\s*[-–]\s*(\d{1,6}))?"
)
# what marks a file as the test of another: `test_queue.py`, `queue_test.go`, `latch.spec.ts`,
# `QueueTest.java`
_TEST_MARK = re.compile(r"^test_|[._-](?:test|spec)(?=\.|$)|_test(?=\.|$)|Test(?=\.|$)")


def _subject(name: str) -> str:
    return name.split(".", 1)[0].lower()


def tests_of(code: str, test: str) -> bool:
    """`test` is the test file of `code` by its name: `latch.spec.ts` of `latch.ts`,
    `tests/test_queue.py` of `src/queue.py`, `Foo.spec.ts` of `Foo.vue`."""
    code_name, test_name = code.rsplit("/", 1)[-1], test.rsplit("/", 1)[-1]
    if not TEST_PATH.search(test) or TEST_PATH.search(code):
        return False
    stripped = _TEST_MARK.sub("", test_name)
    return stripped != test_name and _subject(stripped) == _subject(code_name)


def gap_on_its_test_file(
    note: Note,
    path: str,
    findings: Sequence[Finding],
    credit: str,
    resolver: PathResolver,
) -> tuple[int, int] | None:
    """(0, index) of the one finding of other seats on the test file of the code a Testing
    Assessment note cites (`path`, resolved), when the note says what it says: "no case with
    one waiter registered before `reset()` and another after, to lock down lines 60-70 in
    `latch.ts`" beside "Test gap: interleaved waiter / reset / waiter sequence" on
    `latch.spec.ts`. Where a missing test goes is the code's test file; the note names the
    code it would cover. Two title words of the finding, or a name its title gives, since a
    note about that code names the code's functions as a matter of course; one such finding
    at most, or the note's is unknown."""
    if note.section != "Testing Assessment" or note.in_finding:
        return None
    said = set(words(note.text))
    named = set(identifiers_in(note.text))
    hits = [
        n
        for n, f in enumerate(findings)
        if credit not in f.reviewers
        and any(tests_of(path, resolver.resolve(loc.path)) for loc in f.locations)
        and (
            len({w for w in words(f.title) if len(w) >= 4} & said) >= 2
            or bool(set(identifiers_in(f.title)) & named)
        )
        and fits_section(note, f)
    ]
    return (0, hits[0]) if len(hits) == 1 else None
