"""The first line of a finding, in every order and style seen."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review
from deepreview.findings.finding_line import is_strong_start, parse_head
from deepreview.model import Location, Severity


@pytest.mark.parametrize(
    ("line", "fid", "title", "locs", "sev", "cls"),
    [
        ("I1. **T** — `a.go:1-2` (important, gap)", "I1", "T", ["a.go:1-2"], "important", "gap"),
        (
            "C1. **T** (critical, regression) — `p/b.go:49`",
            "C1",
            "T",
            ["p/b.go:49"],
            "critical",
            "regression",
        ),
        ("**C1.** T x — `b.go:4` (critical, gap)", "C1", "T x", ["b.go:4"], "critical", "gap"),
        ("**S2. Long title** — `b.go`", "S2", "Long title", ["b.go"], None, None),
        ("### I3. Heading style — `c.go:7`", "I3", "Heading style", ["c.go:7"], None, None),
        ("#### I4 — Heading with dash", "I4", "Heading with dash", [], None, None),
        ("- **I5.** Bulleted — `d.go`", "I5", "Bulleted", ["d.go"], None, None),
        ("I6. **Uses `x` and `**`** — `e.go:1`", "I6", "Uses `x` and `**`", ["e.go:1"], None, None),
        (
            "I7. **T** — `a.go:1`, `b.go:2-3` [A B, C D] (important, regression, reasoned)",
            "I7",
            "T",
            ["a.go:1", "b.go:2-3"],
            "important",
            "regression",
        ),
        ("I8. **T** — a/b.go:12 (major)", "I8", "T", ["a/b.go:12"], "important", None),
        ("I9. **T** — `a.go` (lines 3-9)", "I9", "T", ["a.go:3-9"], None, None),
        # line lists: one location per line or range, all on the same file
        (
            "S1. **T** — `p/a.go:7,31,88`",
            "S1",
            "T",
            ["p/a.go:7", "p/a.go:31", "p/a.go:88"],
            None,
            None,
        ),
        (
            "S2. **T** — `a.go:10-12, 40-45` (suggestion, gap)",
            "S2",
            "T",
            ["a.go:10-12", "a.go:40-45"],
            "suggestion",
            "gap",
        ),
        ("S3. **T** — `a.go:5`, `b.go:6,9`", "S3", "T", ["a.go:5", "b.go:6", "b.go:9"], None, None),
        ("S4. **T** — `a.go:3-4` and `20-22`", "S4", "T", ["a.go:3-4", "a.go:20-22"], None, None),
        ("S5. **T** — a/b.go:12, 30", "S5", "T", ["a/b.go:12", "a/b.go:30"], None, None),
        (
            "S6. **T** — `a.go:1`; `c/d.go:2, 8-9`",
            "S6",
            "T",
            ["a.go:1", "c/d.go:2", "c/d.go:8-9"],
            None,
            None,
        ),
        # the kind before the level: the level is any one word of the tag
        ("I1. **T** — `a.go:3` (bug, high)", "I1", "T", ["a.go:3"], "critical", "bug"),
        ("C1. T plain (security, critical)", "C1", "T plain", [], "critical", "security"),
        ("S1. **T** (gap, low, verified)", "S1", "T", [], "suggestion", "gap"),
        # a sentence in brackets that mentions a level is no tag
        ("I2. **T** (see the low path)", "I2", "T", [], None, None),
    ],
)
def test_parse_head(
    line: str, fid: str, title: str, locs: list[str], sev: str | None, cls: str | None
) -> None:
    head = parse_head(line)
    assert head is not None
    assert (head.id, head.title) == (fid, title)
    assert [str(loc) for loc in head.locations] == locs
    assert (head.severity.value if head.severity else None) == sev
    assert head.classification == cls


def test_bracket_style() -> None:
    head = parse_head("**[CRITICAL] pkg/a.go:12 — Nil deref**")
    assert head is not None
    assert (head.id, head.title, head.severity) == (None, "Nil deref", Severity.CRITICAL)
    assert head.locations == [Location("pkg/a.go", 12)]
    head = parse_head("**[Important] Title first — `x.go:3`**")
    assert head is not None
    assert (head.title, head.locations) == ("Title first", [Location("x.go", 3)])


def test_numbered_only_when_asked() -> None:
    assert parse_head("1. **T** — `a.go`") is None
    head = parse_head("1. **T** — `a.go`", numbered=True)
    assert head is not None and head.number == 1
    assert parse_head("2. a step in a list", numbered=True) is None


def test_reviewers_extras() -> None:
    head = parse_head(
        "I1. **T** — `a.go` [Claude Opus 4.6, Codex GPT 5.4] (important) (Round 2 I3, unaddressed)"
    )
    assert head is not None
    assert head.reviewers == ["Claude Opus 4.6", "Codex GPT 5.4"]
    assert head.carry_forward == "Round 2 I3, unaddressed"
    for credits in ("[Claude & Codex]", "[Claude and Codex]", "[Claude; Codex]"):
        head = parse_head(f"I2. **T** — `a.go` {credits}")
        assert head is not None and head.reviewers == ["Claude", "Codex"], credits
    head = parse_head("I1. **T** — `a.go` (important, regression, verified) trailing words.")
    assert head is not None
    assert head.verification == "verified"
    assert head.leftover == "trailing words."


def test_not_finding_lines() -> None:
    for line in ["", "I1", "Some prose.", "1. item", "**Important Issues**", "Fix: x", "C1 is bad"]:
        assert parse_head(line) is None, line
    assert is_strong_start("C1. **T**")
    assert is_strong_start("### C1. T")
    assert not is_strong_start("C1. plain words")


def test_heading_findings_at_the_severity_heading_level() -> None:
    text = (
        "### Critical Issues\n\n### C1. Race on map\n\nBody.\n\nFix: lock.\n\n"
        "### C2: Second\n\nFix: y.\n"
    )
    r = parse_review(text)
    assert [(f.id, f.title, f.fix) for f in r.findings] == [
        ("C1", "Race on map", "lock."),
        ("C2", "Second", "y."),
    ]


def test_tag_disagreeing_with_heading_is_reported() -> None:
    r = parse_review("## Important Issues\n\nI1. **T** — `a.go` (suggestion, gap)\n\nFix: x.\n")
    assert r.findings[0].severity is Severity.SUGGESTION
    assert any("tag says suggestion" in w for w in r.warnings)


def test_bracket_style_with_a_line_list() -> None:
    head = parse_head("**[IMPORTANT] pkg/a.go:12, 40-41 — Retries never stop**")
    assert head is not None
    assert head.title == "Retries never stop"
    assert head.locations == [Location("pkg/a.go", 12), Location("pkg/a.go", 40, 41)]
