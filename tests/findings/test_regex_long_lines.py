"""Long lines a seat writes in its verdicts sections are read in linear time: the regex audit's
third pass (benchmarks/README.md).

No timed assertion: each input is one the replaced code took minutes on (a clause boundary
searched from the line's last boundary for each item after it: 100 s on a 200 KB line of
` x T2`), so a regression shows as a hung suite. Each rewrite is also checked against the
search it replaces on every short text of its alphabet, where that one is quick."""

from __future__ import annotations

import itertools
import re

import pytest

from deepreview.findings import parse_review
from deepreview.findings.atx import atx_heading
from deepreview.findings.file_groups import _FILE_HEADING
from deepreview.findings.place_led import SPLIT as _SPLIT
from deepreview.findings.section_titles import normalize_title
from deepreview.findings.thread_verdicts import parse_thread_verdicts
from deepreview.findings.verdict_phrases import _CLAUSE_END, clause_end
from deepreview.rounds.verdicts import parse_fix_verdicts

RUN = 200_000
BLANKS = " " * RUN
TABS = "\t" * RUN

_OLD_FILE_HEADING = re.compile(
    r"^ {0,3}(?:#{1,6}[ \t]+|(?=\*\*|__))(?:\*\*|__)?[ \t]*(?:(?:📄|📁)[ \t]*)?"
    r"(?:File[ \t]*:[ \t]*)?(?:\*\*|__)?[ \t]*(?P<path>`[^`\n]+`|[^\s`*]+)"
    r"[ \t]*(?:\*\*|__)?:?[ \t]*$",
    re.IGNORECASE,
)
_OLD_TITLED = re.compile(r"^ {0,3}(?P<marks>#{1,6})[ \t]+(?P<rest>\S.*?)(?:[ \t]+#+)?[ \t]*$")
_OLD_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
# `finding_line._fill`'s title cuts, now searched from the start of a blank run only
# (the bracket tag's cut is now `bracket_cut`: tests/findings/test_regex_leftovers.py)
_TITLE_CUTS = (r"[ \t]+[—–][ \t]+", r"[ \t]+--?[ \t]+(?=[`\[(])")


def _texts(alphabet: list[str], longest: int) -> list[str]:
    """Every text of up to `longest` pieces of `alphabet`."""
    return ["".join(p) for n in range(longest + 1) for p in itertools.product(alphabet, repeat=n)]


def test_a_thread_verdict_line_naming_many_threads_without_a_boundary_is_read() -> None:
    tail = " x T2" * (RUN // 5)
    verdicts = parse_thread_verdicts(f"## Threads\n\n- T1: addressed{tail}\n")
    assert verdicts == {"T1": ("addressed", tail.strip())}


def test_a_fix_verdict_line_naming_many_findings_without_a_boundary_is_read() -> None:
    tail = " x I2" * (RUN // 5)
    verdicts = parse_fix_verdicts(f"## Round 2 Fix Verdicts\n\n- I1: fixed{tail}\n")
    assert verdicts == {"I1": ("fixed", tail.strip())}


def test_a_clause_boundary_is_the_one_the_search_from_the_last_boundary_finds() -> None:
    alphabet = [" ", "\u00a0", "\x1c", ",", "—", "-", "and", "although", "x"]
    for text in _texts(alphabet, 4):
        for after in range(len(text) + 1):
            for end in range(after, len(text) + 1):
                old = _CLAUSE_END.search(text, after, end)
                new = clause_end(text, after, end)
                assert (new and new.span()) == (old and old.span()), (text, after, end)


@pytest.mark.parametrize("line", ["**" + TABS, f"### **{TABS}x y", f"**`a.py`{TABS}"])
def test_a_heading_or_bold_line_of_long_blanks_in_a_review_parses(line: str) -> None:
    review = f"## Findings\n\n{line}\n\n- **I1** Bug — `calc.py:1`\n  Text.\n"
    found = parse_review(review, seat="s").findings
    assert [(f.id, f.locations[0].path) for f in found][-1:] == [("I1", "calc.py")]


def test_a_file_heading_is_the_one_the_old_regex_read() -> None:
    for text in _texts([" ", "\t", "#", "**", "__", "📄", "File", ":", "`", "a"], 5):
        old, new = _OLD_FILE_HEADING.match(text), _FILE_HEADING.match(text)
        assert (new and new.groupdict()) == (old and old.groupdict()), repr(text)


def test_an_atx_heading_is_the_one_the_old_regexes_read() -> None:
    for text in _texts([" ", "\t", "#", "a", "\u00a0", "\n", "**"], 7):
        titled, atx = _OLD_TITLED.match(text), _OLD_ATX.match(text)
        assert atx_heading(text, titled=True) == (titled and (titled[1], titled[2])), repr(text)
        assert atx_heading(text) == (atx and (atx[1], atx[2])), repr(text)


def test_a_title_cut_from_the_start_of_a_blank_run_is_the_first_one() -> None:
    for rx in _TITLE_CUTS:
        old, new = re.compile(rx), re.compile(r"(?<![ \t])" + rx)
        for text in _texts([" ", "\t", "—", "-", "[", "]", "(", "a"], 5):
            m, n = old.search(text), new.search(text)
            assert (n and n.span()) == (m and m.span()), (rx, text)


@pytest.mark.parametrize(
    "line",
    [
        "### Bug{}x",
        "### Bug{}x".replace(" ", "\t"),
        "#{}**{}File{}:{}x",
        "## Important Issues{}x",
    ],
)
def test_a_heading_of_long_blanks_before_its_last_word_parses(line: str) -> None:
    # The finding-line split (`[ \t]+—[ \t]+`, …) and a section title's count suffix
    # (`\s*\(\d+\)\s*$`) were tried from every blank of the run: hours at 200 KB. Long
    # or short, the blanks read the same.
    blank = "\t" if "\t" in line else " "
    review = "## Findings\n\n{}\n\n- **I1** Bug — `calc.py:1`\n  Text.\n"
    run = blank * (RUN // line.count("{}"))
    long = parse_review(review.format(line.replace("{}", run)), seat="s")
    short = parse_review(review.format(line.replace("{}", blank * 3)), seat="s")
    assert [(f.id, f.severity, f.locations) for f in long.findings] == [
        (f.id, f.severity, f.locations) for f in short.findings
    ]


def _old_normalize_title(title: str) -> str:
    t = re.sub(r"[*_`]", "", title).strip()
    t = re.sub(r"^[^\w(]+", "", t)
    t = re.sub(r"^(?:\d{1,2}|[IVX]{1,4}|[A-Z])[.)]\s+", "", t)
    t = re.sub(r"\s*\(\d+\)\s*$", "", t)
    t = t.rstrip(":：").strip()
    return re.sub(r"\s+", " ", t).lower()


def test_the_finding_line_split_is_the_one_the_old_regex_made() -> None:
    old = re.compile(r"[ \t]+[—–][ \t]+|[ \t]+--?[ \t]+|:[ \t]+")
    for text in _texts([" ", "\t", "—", "–", "-", ":", "a"], 6):
        assert _SPLIT.split(text, maxsplit=1) == old.split(text, maxsplit=1), repr(text)


def test_a_section_title_loses_its_count_as_the_old_regex_cut_it() -> None:
    for text in _texts([" ", "\n", "\u00a0", "(", ")", "1", "a", ":"], 6):
        assert normalize_title(text) == _old_normalize_title(text), repr(text)
