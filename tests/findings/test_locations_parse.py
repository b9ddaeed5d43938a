"""`file:line` locations in every spelling, made repo-relative."""

from __future__ import annotations

import pytest

from deepreview.findings.locations import (
    looks_like_path,
    parse_link,
    parse_location,
    parse_locations,
    relativize,
)
from deepreview.model import Location


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("limavm_lifecycle.go:329-341", Location("limavm_lifecycle.go", 329, 341)),
        ("`pkg/a.go:12`", Location("pkg/a.go", 12)),
        ("pkg/a.go", Location("pkg/a.go")),
        ("pkg/a.go:12–30", Location("pkg/a.go", 12, 30)),
        ("pkg/a.go:L12-L30", Location("pkg/a.go", 12, 30)),
        ("pkg/a.go#L12", Location("pkg/a.go", 12)),
        ("pkg/a.go:12:5", Location("pkg/a.go", 12)),
        ("pkg/a.go (lines 12-30)", Location("pkg/a.go", 12, 30)),
        ("pkg/a.go:30-12", Location("pkg/a.go", 30)),  # backwards range: keep the start
        ("pkg/a.go:12-12", Location("pkg/a.go", 12)),
        ("Makefile:3", Location("Makefile", 3)),
        ("docs/design", Location("docs/design")),
        ("/private/tmp/review-codex-CJcX1Y/pkg/x.go:7", Location("pkg/x.go", 7)),
        ("/tmp/review-claude-abc123/pkg/x.go", Location("pkg/x.go")),
        ("/tmp/review-my-linter-ab12cd/x.py:1", Location("x.py", 1)),
        (r"C:\Temp\review-gemini-Q1w2E3\pkg\x.go:9", Location("pkg/x.go", 9)),
        ("[x.go:3](/tmp/review-codex-AAAA11/pkg/x.go#L3)", Location("pkg/x.go", 3)),
    ],
)
def test_parse_location(text: str, expected: Location) -> None:
    assert parse_location(text) == expected


@pytest.mark.parametrize(
    "text", ["", "stopHostSwitch", "foo()", "a = b", "https://example.com/x.go", "-v", "x" * 600]
)
def test_not_a_location(text: str) -> None:
    assert parse_location(text) is None


def test_explicit_prefixes_win_over_the_temp_dir_pattern() -> None:
    assert relativize("/home/dev/wt/pkg/a.go", ("/home/dev/wt",)) == "pkg/a.go"
    assert relativize("/home/dev/wt/pkg/a.go", ("/home/dev/wt/",)) == "pkg/a.go"
    assert relativize("/home/dev/other/a.go", ("/home/dev/wt",)) == "/home/dev/other/a.go"
    assert relativize("file:///tmp/review-codex-Zz9911/a.go") == "a.go"
    assert relativize("./pkg/a.go") == "pkg/a.go"
    # A relative path that merely contains "review-..." is left alone.
    assert relativize("docs/review-guide-abcd/x.md") == "docs/review-guide-abcd/x.md"


def test_links() -> None:
    wt = "/private/tmp/review-codex-CJcX1Y/pkg/c/limavm_lifecycle.go"
    # The text carries the range, the URL only the first line.
    assert parse_link("limavm_lifecycle.go:443-468", f"{wt}#L443") == Location(
        "pkg/c/limavm_lifecycle.go", 443, 468
    )
    assert parse_link("x", f"{wt}#L12-L30") == Location("pkg/c/limavm_lifecycle.go", 12, 30)
    assert parse_link("hostswitch.go", wt.replace("limavm_lifecycle", "hostswitch")) == Location(
        "pkg/c/hostswitch.go"
    )
    blob = "https://github.com/o/r/blob/0123abc/pkg/a.go#L40-L44"
    assert parse_link("a.go", blob) == Location("pkg/a.go", 40, 44)
    assert parse_link("docs", "https://example.com/docs") is None


def test_looks_like_path() -> None:
    assert looks_like_path("go.mod")
    assert looks_like_path("pkg/controllers")
    assert looks_like_path(".github/workflows/ci.yml")
    assert not looks_like_path("v1.2")
    assert not looks_like_path("e.g.")
    assert not looks_like_path("ctx.Done()")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pkg/a.go:12", ["pkg/a.go:12"]),
        ("pkg/a.go:24,50,65", ["pkg/a.go:24", "pkg/a.go:50", "pkg/a.go:65"]),
        ("pkg/a.go:184-189, 345-346", ["pkg/a.go:184-189", "pkg/a.go:345-346"]),
        ("pkg/a.go:L3, L9-L12", ["pkg/a.go:3", "pkg/a.go:9-12"]),
        ("/tmp/review-codex-Ab12Cd/x.go:1,2", ["x.go:1", "x.go:2"]),
        ("a.md:21; b/c.md:104-109; d.bats:3-6", ["a.md:21", "b/c.md:104-109", "d.bats:3-6"]),
        ("a.go:1, b.go:2,5", ["a.go:1", "b.go:2", "b.go:5"]),
        ("a.go:12, 40-45 foo", []),  # not a list of lines
        ("a.go, 12", []),  # no line to continue from
        ("1, 2, 3", []),
    ],
)
def test_line_lists(text: str, expected: list[str]) -> None:
    """`path:12,40-45` names several places in one file: one location each."""
    assert [str(loc) for loc in parse_locations(text)] == expected
    assert [str(loc) for loc in parse_locations(text, code=True)] == expected


def test_a_code_span_path_with_angle_brackets_and_a_line() -> None:
    """`a<script>.py:3` names a file (a change may hold one); `a < b.x` and `Vec<u8>.len`
    stay code."""
    from deepreview.findings.locations import parse_location

    assert str(parse_location("a<script>.py:3", code=True)) == "a<script>.py:3"
    assert parse_location("a < b.x", code=True) is None
    assert parse_location("Vec<u8>.len", code=True) is None
