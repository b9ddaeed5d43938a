"""What a finding is about, read from its title and places: a missing test, missing docs or type
hints, a remark on declared types, or the code itself; and what its classification says it is
(a defect, a security hole or a nit).

`features.extract` records these on each finding's `Features`; the scoring keeps findings of
different kinds apart (`score.KIND_PENALTY`).
"""

from __future__ import annotations

import re

from deepreview.consolidate.claims import claims_in
from deepreview.markdown_fence import strip_code
from deepreview.model import Finding

_BACKTICK = re.compile(r"`([^`\n]+)`")

# A title saying a test is missing ("`shout` has no test", "Missing tests for X", "untested").
_TEST_GAP = re.compile(
    r"\b(?:no|missing|lacks?|lacking|without|add(?:s|ing)?)\b[^.;:]{0,40}\btests?\b|"
    r"\buntested\b|\bnot\s+(?:unit[- ])?tested\b|\btest\s+(?:coverage\s+)?gap\b|"
    r"\b(?:no|missing)\s+(?:test\s+)?coverage\b",
    re.IGNORECASE,
)
# A test file: `tests/`, `__tests__/`, `spec/`, `x_test.go`, `x.spec.ts`, `test_x.py`, `x.bats`.
TEST_PATH = re.compile(
    r"(?:^|/)(?:tests?|__tests__|spec)/|[._-](?:test|spec)\.|\.bats$|(?:^|/)test_"
)


# A title saying documentation is missing ("`div` lacks a docstring", "undocumented flag").
# Only missing text: a stale or wrong comment is often one problem with the code it describes.
# "is not documented" and "the docstring does not mention X" say so too.
_DOC_TEXT = r"(?:doc-?strings?|docs|documentation|doc[- ]comments?|comments?|godoc|jsdoc|javadoc)"
_DOCS_GAP = re.compile(
    rf"\b(?:no|missing|lacks?|lacking|without|add(?:s|ing)?)\b[^.;:]{{0,40}}\b{_DOC_TEXT}\b"
    r"|\bundocumented\b|(?:\bnot|n't|\bnever)\s+documented\b"
    rf"|\b{_DOC_TEXT}\s+(?:does\s+not|doesn't|do\s+not|don't|never|fails?\s+to)\s+"
    r"(?:mention|say|explain|describe|document)\b",
    re.IGNORECASE,
)
# Missing type hints are a remark of their own: "`div` lacks type hints" is not "add a docstring
# to `div`", though both name what the function is missing.
_TYPES_GAP = re.compile(
    r"\b(?:no|missing|lacks?|lacking|without|add(?:s|ing)?)\b[^.;:]{0,40}\b"
    r"(?:type[- ]?(?:hints?|annotations?)|annotations?|typing)\b|\buntyped\b",
    re.IGNORECASE,
)
# A remark on the code's declared types, not on what it does: "Unnecessary type assertion on
# `Object.create`", "`arch` typed as `string` rather than `Arch`" (`kind_of`: "types")
_TYPES_REMARK = re.compile(
    r"\btype\s+(?:assertions?|casts?)\b|\b(?:typed|annotated|declared)\s+as\b", re.IGNORECASE
)

# What a classification says the finding is. A defect (or a security hole) and a nit (style,
# typing, design) are two claims about the code: one seat's crash and another's design remark at
# one line are two problems. Labels not listed (gap, enhancement, pre-existing) claim neither.
_NATURES = {
    "defect": ("bug", "regression", "correctness", "crash", "defect", "logic", "error"),
    "security": ("security", "vulnerability"),
    "nit": (
        "nit", "style", "typing", "types", "design", "naming", "readability", "maintainability",
        "documentation", "docs", "cleanup", "refactor", "consistency", "polish",
    ),
}  # fmt: skip
_NATURE_OF = {label: nature for nature, labels in _NATURES.items() for label in labels}


def nature_of(classification: str | None) -> str | None:
    """`defect`, `security` or `nit` for a classification that says which, else None."""
    return _NATURE_OF.get((classification or "").strip().lower())


def _plain_title(title: str) -> str:
    """The title with each code span one word: the gap regexes stop at a sentence's `.;:`, and
    "Missing `hostLoopback: false` rejection test" has its colon inside code."""
    return _BACKTICK.sub("code", title)


# An explanation saying some behaviour has no test: "the error path is never exercised",
# "nothing checks that a lapsed token is refused", "is not covered by any test", "the suite
# lacks test coverage for a blank label" (or a title: "Incomplete validator test coverage").
_UNTESTED_TEXT = re.compile(
    r"\b(?:never|not|isn't|is not|aren't|are not)\s+(?:\w+\s+)?(?:exercised|covered|tested)\b"
    r"|\bnothing\s+(?:checks|tests|covers|exercises)\b|\bno\s+(?:\w+\s+)?tests?\s+"
    r"(?:covers?|exercises?|checks?|for)\b"
    r"|\b(?:lack(?:s|ing)?|incomplete|insufficient)\s+(?:\w+\s+){0,2}(?:test\s+)?coverage\b",
    re.IGNORECASE,
)


def says_untested(finding: Finding) -> bool:
    """Its title says a test is missing, or its title or explanation says some behaviour is
    never exercised by a test (`_UNTESTED_TEXT`)."""
    text = _plain_title(finding.title) + "\n" + strip_code(finding.body, " ")
    return asks_for_a_test(finding) or _UNTESTED_TEXT.search(text) is not None


def tells_untested(sentence: str) -> bool:
    """One sentence says some code has no test: "the refusal at `a.go:40` has no test of its
    own", "is never exercised" (`_TEST_GAP`, `_UNTESTED_TEXT`)."""
    plain = _plain_title(sentence)
    return _TEST_GAP.search(plain) is not None or _UNTESTED_TEXT.search(plain) is not None


def asks_for_a_test(finding: Finding) -> bool:
    """The title says a test is missing ("No tests for `first_rows`"): a test file it names
    may well be one to add."""
    return _TEST_GAP.search(_plain_title(finding.title)) is not None


def kind_of(finding: Finding) -> str:
    """What the finding is about. "tests": its title says a test is missing, or all its own
    locations are test files ("Exercise the parser instead of seeding data", placed on
    `feed.spec.ts`, is the same gap as "the parser is untested"). "missing docs": its title
    says a docstring, comment or documentation is missing; "missing types": type hints;
    "types": a remark on a cast or a declared type, naming no failure (a careful lead keeps it
    apart from what the code does at run time: "Unnecessary type assertion on `Object.create`"
    beside "`Latch()` no longer returns a native promise", both at the line of the cast). Else
    "code"."""
    paths = [loc.path for loc in finding.locations]
    title = _plain_title(finding.title)
    if _TEST_GAP.search(title) or (paths and all(TEST_PATH.search(p) for p in paths)):
        return "tests"
    if _DOCS_GAP.search(title):
        return "missing docs"
    if _TYPES_GAP.search(title):
        return "missing types"
    if _TYPES_REMARK.search(title) and not claims_in(finding.title):
        return "types"
    return "code"


def missing_named(text: str) -> str | None:
    """ "missing docs" or "missing types" when `text` says that a docstring or comment, or type
    hints, are missing (as `kind_of` reads a title), else None."""
    plain = _plain_title(text)
    if _DOCS_GAP.search(plain):
        return "missing docs"
    return "missing types" if _TYPES_GAP.search(plain) else None
