"""What a finding says, reduced to comparable features: paths, line ranges, identifiers, words.

Reviewers describe one problem in different words and with different anchors (Claude writes a bare
`limavm_lifecycle.go:329-341`, Codex the repo path, Gemini the first line of its excerpt), so the
features are deliberately forgiving: paths are resolved against every path the reviews name,
identifiers are compared without receivers or call arguments (`r.stopHostSwitch(name)` is
`stophostswitch`), words are lower-cased, camelCase-split and crudely stemmed.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from deepreview.consolidate.claims import claims_in
from deepreview.consolidate.kinds import asks_for_a_test, kind_of, nature_of, says_untested
from deepreview.consolidate.paths import PathResolver
from deepreview.consolidate.prose_names import prose_names_in
from deepreview.consolidate.withdrawn import withdrawn
from deepreview.consolidate.word_concepts import concepts_of
from deepreview.findings.file_names import EXTENSIONLESS, member_like
from deepreview.markdown_fence import code_blocks, strip_code
from deepreview.model import Finding, Location

_BACKTICK = re.compile(r"`([^`\n]+)`")
_DOTTED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
# A call written outside backticks (`sub()`, `cache.get(key)`): code, not prose; `file(s)` is a
# plural, and a space before the bracket is prose ("the helper (see above)").
_BARE_CALL = re.compile(
    r"(?<![\w.`])([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\((?!e?s\))"
)
# A name written bare that only code spells so: snake_case (`find_users`, `DB_PASSWORD`) or a
# capital inside a word (`findUsers`, `UserStore`); not a path, a file name or a dotted name.
_BARE_NAME = re.compile(
    r"(?<![\w./`\\-])([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*"
    r"|[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*)(?![\w/`\\-]|\.\w)"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*|\d+")
_COMPOUND = re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)+\b")
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
# `path/to/file.go:12-30`, `file.go:12`, `file.go` (an extension is what makes it a path)
_FILE_REF = re.compile(
    r"^(?P<path>(?:[\w.@+-]+/)*[\w.@+-]+\.[A-Za-z][A-Za-z0-9]{0,9})"
    r"(?::(?P<start>\d+)(?:[-–](?P<end>\d+))?)?(?:#L\d+)?$"
)
# Only these extensions make a dotted span a path: `hvsock.Dial` and `net.ErrClosed` are code.
_CODE_EXTENSION_LIST = (
    "go py js ts tsx jsx rs rb java kt c h cc cpp hpp cs swift m mm php sh bash zsh ps1 "
    "md rst txt yaml yml json toml ini cfg sql proto html css scss vue svelte lua pl r scala "
    "ex exs erl hs ml clj dart tf mod sum lock gradle xml bats mjs cjs mts cts fish nix mk tmpl"
    " gotmpl tpl bzl cmake groovy kts zig bat psm1 plist svg less sass"
)
_CODE_EXTENSIONS = frozenset(_CODE_EXTENSION_LIST.split())
# Line numbers a finding cites in its prose: `line 446`, `lines 454–459`, `463-468`, `file.go:58`.
_CITED = re.compile(
    r"(?:\blines?\s+|:)(\d{1,6})(?:\s*[-–]\s*(\d{1,6}))?|(?<![\w.])(\d{1,6})\s*[-–]\s*(\d{1,6})(?![\w.])"
)

_STOPWORD_LIST = """
    a an the and or but if then else when while of on in at to for from by with without into
    onto over under after before about as is are was were be been being it its this that these
    those there here which who whom what where why how not no nor so than too very can could
    should would will may might must do does did done has have had having also only just even
    any all each every some such more most other same own both either neither again further
    once i we you they he she them our your their his her my me us up down out off via per
    one two three use used uses using line lines code call calls called function method file
    files fix issue issues problem change changes new now still yet already
"""
STOPWORDS = frozenset(_STOPWORD_LIST.split())
_SUFFIXES = ("ations", "ation", "ures", "ure", "ings", "ing", "edly", "ied", "ies", "ed", "es", "s")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude, deterministic stemmer: enough to equate leak/leaks/leaked, fail/fails/failure."""
    w = word.lower()
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
            if suffix in ("ed", "ing", "ings") and len(w) >= 4 and w[-1] == w[-2] not in "lsz":
                w = w[:-1]  # stopped → stop, running → run
            break
    if len(w) >= 4 and w.endswith("e"):
        w = w[:-1]
    return w


def words(text: str) -> list[str]:
    """Lower-case stemmed words; camelCase and snake_case identifiers are split into parts."""
    out: list[str] = []
    for raw in _WORD.findall(text):
        parts = [raw] if raw.isdigit() else _CAMEL.findall(raw)
        for part in parts:
            if part.isdigit():
                continue
            w = stem(part)
            if len(w) >= 2 and w not in STOPWORDS and part.lower() not in STOPWORDS:
                out.append(w)
    return out


# Words that name one thing a reviewer may call by any of them: a committed secret is a
# "credential" to one seat, a "secret" or an "API key" to the next. Each adds its concept's word.
# "token" and "key" alone are often code (a lexer's tokens, a map's keys): only as a pair.
_SECRET_WORDS = frozenset({"secret", "credential", "password", "passwd", "apikey"})
_SECRET_PAIR_LIST = "api key, access token, auth token, private key"


@lru_cache(maxsize=1)
def _secret_pairs() -> frozenset[tuple[str, ...]]:
    """`_SECRET_PAIR_LIST` as stemmed word pairs, as `words` gives them."""
    return frozenset(tuple(words(pair)) for pair in _SECRET_PAIR_LIST.split(","))


# Per finding, a text is read for its words by `extract` and again by pair rules (a shared name's
# words, once per pair): the cache makes the pair's read a look-up.
@lru_cache(maxsize=1 << 14)
def finding_words(text: str) -> frozenset[str]:
    """`words`, and each hyphenated compound also written joined: one reviewer's
    "hard-coded" is another's "hardcoded"; a synonym of "secret" also gives "secret"."""
    found = words(text)
    out = set(found) | {stem(c.replace("-", "")) for c in _COMPOUND.findall(text)}
    pairs = set(itertools.pairwise(found))
    if out & _SECRET_WORDS or pairs & _secret_pairs():
        out.add("secret")
    out |= concepts_of(out)  # a version "floor" is the "minimum" version (`word_concepts`)
    return frozenset(out)


@lru_cache(maxsize=1 << 12)  # one finding's body and fix are stripped by several readers
def strip_fences(text: str) -> str:
    return strip_code(text, " ")


def fenced_code(text: str) -> str:
    return "\n".join(b.body.rstrip("\n") for b in code_blocks(text))


# `Makefile:99-100`, `rdd/Dockerfile:3`: a file commonly named without an extension
_NAMED_FILE_REF = re.compile(
    rf"^(?P<path>(?:[\w.@+-]+/)*(?:{'|'.join(sorted(EXTENSIONLESS))}))"
    r"(?::(?P<start>\d+)(?:[-–](?P<end>\d+))?)?$"
)


def parse_file_ref(span: str) -> Location | None:
    """`pkg/a.go:12-30` → Location; None when the span is not a path with a known extension
    or a file commonly named without one (`Makefile:99`)."""
    named = _NAMED_FILE_REF.match(span.strip())
    if named is not None and (named.group("start") or "/" in named.group("path")):
        # a bare `Makefile` is the word as often as the file; with a line or a folder, a place
        start = int(named.group("start")) if named.group("start") else None
        return Location(named.group("path"), start, int(named.group("end") or 0) or None)
    m = _FILE_REF.match(span.strip())
    if m is None:
        return None
    path = m.group("path")
    if path.rsplit(".", 1)[-1].lower() not in _CODE_EXTENSIONS:
        return None
    if not m.group("start") and member_like(path):
        return None  # `c.m`, `r.json`: a variable's member, as the parser reads it too
    start = int(m.group("start")) if m.group("start") else None
    end = int(m.group("end")) if m.group("end") else None
    return Location(path, start, end)


def identifiers_in(text: str) -> dict[str, str]:
    """Code identifiers named in backticks, or written as a call outside them (`sub()`), → their
    first spelling, keyed lower-case, without call arguments or receivers.

    `s.Serve(vnLn)` gives {"s.serve": "s.Serve", "serve": "Serve"}; `hostSwitchStates[name]`
    gives {"hostswitchstates": "hostSwitchStates"}. Spans with spaces (`go func()`, `git blame`)
    and file references are not identifiers.
    """
    out: dict[str, str] = {}
    spans = _BACKTICK.findall(text)
    spans += _BARE_CALL.findall(_BACKTICK.sub(" ", text))
    for span in spans:
        span = span.strip()
        if parse_file_ref(span) is not None:
            continue
        head = re.split(r"[(\[{<]", span, maxsplit=1)[0].strip()
        if not head or _DOTTED.fullmatch(head) is None:
            continue
        last = head.rsplit(".", 1)[-1]
        if len(last) >= 3:
            out.setdefault(last.lower(), last)
        if "." in head and len(head) >= 4:
            out.setdefault(head.lower(), head)
    return out


def code_spans_in(text: str) -> frozenset[str]:
    """Code spans of several words (`except Exception`, `if err != nil`), whitespace-normalised:
    a construct a finding names, which `identifiers_in` does not read as a name."""
    out = set()
    for span in _BACKTICK.findall(text):
        norm = " ".join(span.split())
        if " " in norm and parse_file_ref(norm) is None:
            out.add(norm)
    return frozenset(out)


def bare_names_in(text: str) -> dict[str, str]:
    """Code names written outside backticks (`_BARE_NAME`: "SQL injection in find_users") →
    their first spelling, keyed lower-case, as `identifiers_in` gives them."""
    out: dict[str, str] = {}
    for name in _BARE_NAME.findall(_BACKTICK.sub(" ", strip_fences(text))):
        if len(name) >= 3:
            out.setdefault(name.lower(), name)
    return out


# `a.go:68-118,131`: one file, several lines or ranges after the first, comma-separated
_LINE_LIST = re.compile(r"^(?P<head>[^\s,]+?:\d+(?:[-–]\d+)?)(?P<rest>(?:,\s*\d+(?:[-–]\d+)?)+)$")
_RANGE = re.compile(r"(\d+)(?:[-–](\d+))?")


def file_refs_in(text: str) -> list[Location]:
    """Backticked file references; `a.go:68-118,131` names two places of `a.go`."""
    refs: list[Location] = []
    for span in _BACKTICK.findall(text):
        listed = _LINE_LIST.match(span.strip())
        loc = parse_file_ref(listed.group("head") if listed else span)
        if loc is None:
            continue
        refs.append(loc)
        if listed:
            for m in _RANGE.finditer(listed.group("rest")):
                start = int(m.group(1))
                end = int(m.group(2)) if m.group(2) else None
                refs.append(Location(loc.path, start, end))
    return refs


def cited_lines(text: str) -> set[str]:
    """Line numbers and ranges cited in prose, as `446` / `454-459` (fenced code excluded)."""
    out: set[str] = set()
    for m in _CITED.finditer(strip_fences(text)):
        start, end = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        out.add(f"{int(start)}-{int(end)}" if end and int(end) != int(start) else str(int(start)))
    return out


_TRIVIAL_CODE = frozenset(
    {"return err", "return nil", "} else {", "if err != nil {", "return", "...", "// ..."}
)


def excerpt_lines(text: str) -> set[str]:
    """The non-trivial lines of fenced code, whitespace-normalised, diff markers removed.

    Two reviewers quoting the same lines are looking at the same code even when their line
    numbers disagree (one cites the excerpt's first line, another the whole function).
    """
    out: set[str] = set()
    for line in fenced_code(text).splitlines():
        norm = " ".join(line.strip().lstrip("+-").split())
        if len(norm) >= 8 and norm not in _TRIVIAL_CODE:
            out.add(norm)
    return out


@dataclass(frozen=True)
class Span:
    """A line range in a resolved file; start/end None for a whole-file reference."""

    path: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class Features:
    key: str  # "seat:ID"
    seat: str
    locations: tuple[Span, ...]  # the finding's own locations
    mentions: tuple[Span, ...]  # file references in the prose (weaker evidence)
    identifiers: frozenset[str]  # lower-cased
    spellings: tuple[tuple[str, str], ...]  # (lower-cased identifier, as written), for reasons
    title_words: frozenset[str]
    prose_words: frozenset[str]
    excerpt: frozenset[str]  # quoted lines of the body's code blocks
    cited: frozenset[str]  # line numbers cited in the prose
    classification: str | None
    # what the finding is about (`kind_of`): "tests" (a missing or weak test), "missing docs"
    # (no docstring, comment or documentation), "missing types" (no type hints), "types" (a cast
    # or a declared type), else "code"
    kind: str = "code"
    severity: int | None = None  # the reviewer's grade as a rank, 0 = critical
    nature: str | None = None  # `nature_of` the classification: "defect", "security", "nit"
    # "tests" only because every location is a test file, not because the title says a test is
    # missing: the finding may be a test the change breaks (`gaps.cites_the_test`)
    test_by_place: bool = False
    # the failures its title names (`claims.claims_in`: "race", "nil", ...), and those its
    # whole text names (title, explanation, fix)
    claims: frozenset[str] = frozenset()
    text_claims: frozenset[str] = frozenset()
    title_names: frozenset[str] = frozenset()  # the identifiers its title gives (lower-cased)
    code_spans: frozenset[str] = frozenset()  # its code spans of several words (`code_spans_in`)
    title_prose_words: frozenset[str] = frozenset()  # its title's words outside code spans
    # its title or explanation says a test is missing ("the expiry branch is never exercised")
    says_untested: bool = False
    withdrawn: bool = False  # its own explanation calls it no issue (`withdrawn.py`)
    # read from the code when the caller has it (`code_sites`): the functions its lines are
    # in, and those its lines call (lower-cased)
    defined_in: frozenset[str] = frozenset()
    calls: frozenset[str] = frozenset()
    # code-shaped names its explanation writes bare, as spelled (`prose_names`)
    prose_names: frozenset[str] = frozenset()
    fix_words: frozenset[str] = frozenset()  # the words of its fix alone (`same_fix`)
    # the title's claims no other title of its seat names (`across_files.lone_claims`)
    lone_claims: frozenset[str] = frozenset()
    # line numbers its title cites, a one-sentence finding's whole text ("line 27 writes
    # through it": `cited_failure`)
    title_cited: frozenset[str] = frozenset()
    # the values of the code its text names (a port, a status code: `named_values`), set where
    # the clustering reads the code
    values: frozenset[str] = frozenset()
    code_names: frozenset[str] = frozenset()  # the names written at its lines (`named_sites`)

    # read for every pair a finding is in: computed once (a frozen dataclass's fields never change)
    @cached_property
    def files(self) -> frozenset[str]:
        return frozenset(s.path for s in self.locations)

    @cached_property
    def mention_files(self) -> frozenset[str]:
        return frozenset(s.path for s in self.mentions)


def _span(loc: Location, resolver: PathResolver) -> Span:
    start = loc.start
    end = loc.end if loc.end is not None else loc.start
    if start is not None and end is not None and end < start:
        start, end = end, start
    return Span(resolver.resolve(loc.path), start, end)


# A finding about the commit message names no file, yet it has a place: two reviewers saying
# "The commit message describes only the original feature" and "Commit message omits the
# finalizer" (placed at `Commit message`) told one problem there, as two naming one file may.
COMMIT_MESSAGE = "(the commit message)"
_ABOUT_THE_COMMIT = re.compile(r"\bcommit\s+messages?\b", re.IGNORECASE)


def about_the_commit_message(title: str) -> bool:
    """The title is about the commit message ("Commit message omits the finalizer")."""
    return _ABOUT_THE_COMMIT.search(title) is not None


# "Line 10 multiplies by 1000", "lines 3-5 never close it": a line a finding names in words
_LINE_WORDS = re.compile(r"\blines?\s+(\d{1,6})(?:\s*(?:[-–]|to)\s*(\d{1,6}))?\b", re.IGNORECASE)


def _placed_in(
    finding: Finding, files: tuple[str, ...], sole: str | None, resolver: PathResolver
) -> tuple[Span, ...]:
    """Where a finding that gives no place of its own is: on the `files` its seat's coverage
    rows put it in, at the lines its text names in words when that is one file; with no such
    row, at those lines of the change's `sole` file ("Line 10 multiplies by 1000", in a review
    of a one-file change, is that file's line 10, as a careful lead reads it); a finding whose
    title is about the commit message, at the commit message (`COMMIT_MESSAGE`); else nowhere."""
    if not files and about_the_commit_message(finding.title):
        return (Span(COMMIT_MESSAGE, None, None),)
    named = _LINE_WORDS.findall(strip_fences(finding.title + "\n" + finding.body))
    one = files[0] if len(files) == 1 else None if files else sole
    if one is not None and named:
        path = resolver.resolve(one)
        spans = (Span(path, min(int(a), int(b or a)), max(int(a), int(b or a))) for a, b in named)
        return tuple(dict.fromkeys(spans))
    return tuple(Span(resolver.resolve(path), None, None) for path in files)


def extract(
    seat: str,
    finding: Finding,
    resolver: PathResolver,
    files: tuple[str, ...] = (),
    sole: str | None = None,
) -> Features:
    """`files`: where a finding with no place of its own is, by its seat's word (its Coverage
    Summary row): on those whole files, as a finding that names only its file is placed.
    `sole`: the change's one file, when it changes one (`_placed_in`)."""
    prose = strip_fences(finding.body) + "\n" + strip_fences(finding.fix)
    idents = identifiers_in(finding.title + "\n" + prose)
    # A title's bare `find_users` is the name a peer backticks (a model's own JSON, Gemini's
    # "#### C1: SQL Injection in get_user"). Not in the explanation: read there too, product
    # names (`GitHub`, `PowerShell`) tied unrelated findings (benchmarks/README.md, "Claims,
    # bare names and coverage places").
    titled = {*identifiers_in(finding.title), *bare_names_in(finding.title)}
    for low, name in bare_names_in(finding.title).items():
        idents.setdefault(low, name)
    own = tuple(_span(loc, resolver) for loc in finding.locations) or _placed_in(
        finding, files, sole, resolver
    )
    mentions = tuple(
        s for s in (_span(loc, resolver) for loc in file_refs_in(prose)) if s not in own
    )
    return Features(
        key=f"{seat}:{finding.id}",
        seat=seat,
        locations=own,
        mentions=mentions,
        identifiers=frozenset(idents),
        spellings=tuple(sorted(idents.items())),
        title_words=finding_words(finding.title),
        prose_words=finding_words(prose),
        excerpt=frozenset(excerpt_lines(finding.body)),
        cited=frozenset(cited_lines(prose)),
        classification=(finding.classification or "").strip().lower() or None,
        kind=kind_of(finding),
        severity=finding.severity.rank,
        nature=nature_of(finding.classification),
        test_by_place=kind_of(finding) == "tests" and not asks_for_a_test(finding),
        claims=claims_in(finding.title),
        text_claims=claims_in(finding.title + "\n" + prose),
        title_names=frozenset(titled),
        code_spans=code_spans_in(finding.title + "\n" + prose),
        title_prose_words=finding_words(_BACKTICK.sub(" ", finding.title)),
        says_untested=says_untested(finding),
        withdrawn=withdrawn(finding),
        prose_names=prose_names_in(prose),
        fix_words=finding_words(strip_fences(finding.fix)),
        title_cited=frozenset(cited_lines(finding.title)),
    )
