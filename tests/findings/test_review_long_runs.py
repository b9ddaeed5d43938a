"""A seat's review quoting a very long run of one delimiter (a line of the change made of
backticks, asterisks or underscores) parses in time linear in its length (trial 45b, defect 11).

No timed assertion: each input is one the quadratic code took minutes or hours on (a 20,000
backtick line took 14 s, a 20,000 underscore heading 17 s; these runs are 10 to 50 times
longer), so a regression shows as a hung suite. The parser's code-span scanner
(`markdown_fence.code_spans`) and the file-name check (`locations._has_extension`) are linear
by construction; the tests below check their results against the regexes they replace."""

from __future__ import annotations

import re

import pytest

from deepreview.findings import parse_review
from deepreview.findings.locations import looks_like_path
from deepreview.markdown_fence import code_spans, without_code_spans
from deepreview.model import Severity

MIB = 1 << 20
RUN = 200_000


def finding_with(text: str) -> str:
    return (
        "## Findings\n\n### Critical Issues\n\n- **C1** Bug — `calc.py:1`\n"
        f"  The file has this line: {text}\n\n### Important Issues\n\nNone.\n"
    )


def test_a_mebibyte_of_backticks_quoted_in_a_finding_is_read_as_its_text() -> None:
    run = "`" * MIB
    r = parse_review(finding_with(run), seat="s")
    assert [(f.id, f.severity, tuple(map(str, f.locations))) for f in r.findings] == [
        ("C1", Severity.CRITICAL, ("calc.py:1",))
    ]
    assert r.findings[0].body == f"The file has this line: {run}"


SHAPES = {
    "body": finding_with,
    "title": lambda run: finding_with("x").replace("Bug", f"Bug {run}"),
    "heading": lambda run: f"## Findings\n\n### {run}\n\n" + finding_with("x"),
    "paragraph": lambda run: f"{run}\n\n" + finding_with("x"),
    "fold": lambda run: finding_with("x") + f"\n<details>\n<summary>{run}</summary>\n</details>\n",
    "code span": lambda run: finding_with(f"`a.py` {run} `b.py:3`"),
}


@pytest.mark.parametrize("char", ["`", "*", "_"])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_long_run_of_one_delimiter_anywhere_in_a_review_parses(char: str, shape: str) -> None:
    r = parse_review(SHAPES[shape](char * RUN), seat="s")
    assert [f.id for f in r.findings if f.severity is Severity.CRITICAL] == ["C1"]
    assert r.findings[0].locations[0].path == "calc.py"


# What the replaced regexes matched, on short texts where they are quick.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")
_FILE_NAME = re.compile(r"\.?[\w.+@-]*[A-Za-z_][\w+@-]*\.[A-Za-z][\w]{0,9}")


@pytest.mark.parametrize(
    "text",
    ["`a`", "``a`b``", "```a``", "`a`` b `", "x `a` y ``b`` z", "`a\nb`", "` `` ` ``", "````"],
)
def test_code_spans_are_what_commonmark_calls_code(text: str) -> None:
    assert code_spans(text) == [
        m.span() for line in _lines(text) for m in _CODE_SPAN.finditer(text, *line)
    ]
    assert without_code_spans("say `<details>` here") == "say  here"


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


@pytest.mark.parametrize(
    "name",
    [
        "a.py",
        "__init__.py",
        ".eslintrc.json",
        "a..py",
        "1.py",
        "_.x",
        "v1.2",
        "a.b.c9",
        "x.",
        "é.py",
    ],
)
def test_file_names_with_an_extension_are_told_as_before(name: str) -> None:
    # any extension: the shape check alone (a bare word also needs a known extension)
    assert looks_like_path(name, any_extension=True) is bool(_FILE_NAME.fullmatch(name))


def test_a_long_underscore_word_is_no_file_name() -> None:
    assert looks_like_path("_" * MIB) is False
    assert looks_like_path("_" * MIB + ".py") is True


def test_a_git_author_made_of_backticks_is_read_from_a_report_header() -> None:
    """The author cell of a report's header comes from the reviewed repository's commits."""
    from deepreview.findings.report_header import _git_author

    assert _git_author("Ann `ann@example.com`") == "Ann <ann@example.com>"
    assert _git_author("``a`b@c``") == "<a`b@c>"
    assert _git_author("no email") == "no email"
    name = "x " + "`" * RUN + "y"
    assert _git_author(name) == name
