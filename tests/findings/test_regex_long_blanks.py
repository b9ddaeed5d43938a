"""Long runs of blanks (and of line breaks) in the text a seat or a reviewed change supplies are
read in linear time: the regex audit of `findings/` and `markdown_*` (benchmarks/README.md).

No timed assertion: each input is one the replaced regexes took minutes or more on (adjacent
`\\s*` around optional pipes or `#`s, or a `[ \\t]*` tried from every blank of a long run), so a
regression shows as a hung suite. Each rewrite is also checked against the regex it replaces
on short texts, where that one is quick."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.findings.report_retro import _TABLE_SEP as _RETRO_SEP
from deepreview.findings.sections import split_credit
from deepreview.findings.table_sep import is_table_sep
from deepreview.findings.thread_verdicts import parse_thread_verdicts, section_text
from deepreview.markdown_untrusted import one_line
from support.repos import cli_env, run_cli

RUN = 200_000
SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-report.md"
BLANKS = " " * RUN

_OLD_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_OLD_RETRO_SEP = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$")
_OLD_HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*|\*\*)\s*(?:Unresolved\s+(?:PR\s+)?Feedback|(?:PR\s+|Review\s+)?Threads?)"
    r"(?:\s+Verdicts?)?\b.*$",
    re.IGNORECASE | re.MULTILINE,
)
_OLD_BREAKS = re.compile(r"[ \t]*(?:\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029])+[ \t]*")
_OLD_REVIEWERS = re.compile(r"[ \t]*\[(?P<names>[^\[\]\n]+)\][ \t]*$")


def _texts(alphabet: list[str], longest: int) -> list[str]:
    """Every text of up to `longest` pieces of `alphabet`."""
    return ["".join(p) for n in range(longest + 1) for p in itertools.product(alphabet, repeat=n)]


def test_a_table_under_a_line_of_blanks_in_a_review_parses() -> None:
    review = (
        "## Findings\n\n### Critical Issues\n\n| ID | Severity | Title |\n"
        f"{BLANKS}|--{BLANKS}x\n\n- **C1** Bug — `calc.py:1`\n  Text.\n"
    )
    r = parse_review(review, seat="s")
    assert [f.id for f in r.findings] == ["C1"]


def test_a_separator_row_of_blanks_is_no_separator_and_a_real_one_is() -> None:
    assert not is_table_sep(f"{BLANKS}|--{BLANKS}x")
    assert is_table_sep(f"{BLANKS}|--{BLANKS}|:--:{BLANKS}|{BLANKS}")
    for text in _texts([" ", "|", "-", ":", "x"], 6):
        assert is_table_sep(text) == bool(_OLD_SEP.match(text)), repr(text)
        assert bool(_RETRO_SEP.fullmatch(text.strip())) == bool(_OLD_RETRO_SEP.match(text)), text


def test_a_retro_summary_row_of_long_blanks_is_no_separator() -> None:
    assert not _RETRO_SEP.fullmatch(f"|--|{BLANKS}x".strip())
    assert _RETRO_SEP.fullmatch(f"|--|{BLANKS}:--:{BLANKS}|".strip())


def test_a_report_whose_retro_summary_has_a_row_of_long_blanks_parses(tmp_path: Path) -> None:
    """`deep-review parse` of a report (the lead writes its retro): the old separator regex
    hung on the first row (cubic: 7 s on 2,000 blanks); `split_row` reads it as the row `--`
    with the cell `x`, and the second row is a separator, skipped."""
    row = "| Files reviewed | 9/9 | 9/9 | 7/9 |"
    seed = SEED.read_text(encoding="utf-8")
    assert row in seed
    extra = f"|--|{BLANKS}x\n|--|{BLANKS}:--:{BLANKS}|--|"
    report = tmp_path / "report.md"
    report.write_text(seed.replace(row, f"{row}\n{extra}"), encoding="utf-8")
    res = run_cli(["parse", str(report)], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    seats = res.json()["retro"]["seats"]
    assert [[c for c in s["cells"] if c[0] in ("Files reviewed", "--")] for s in seats] == [
        [["Files reviewed", "9/9"], ["--", "x"]],
        [["Files reviewed", "9/9"], ["--", ""]],
        [["Files reviewed", "7/9"], ["--", ""]],
    ]


def test_a_thread_verdicts_heading_after_long_blanks_is_found() -> None:
    breaks = "\n" * RUN
    review = f"### {BLANKS}x\n{BLANKS}\n\n{breaks}## Threads\n\n- T1: fixed — done.\n"
    assert section_text(review).strip() == "- T1: fixed — done."
    assert set(parse_thread_verdicts(review)) == {"T1"}
    for text in _texts(["\n", " ", "\r", "#", "**", "Threads", "x"], 5):
        old = [m.end() for m in _OLD_HEADING.finditer(text)][-1:]
        assert [m.end() for m in _heading().finditer(text)][-1:] == old, repr(text)


def _heading() -> re.Pattern[str]:
    from deepreview.findings import thread_verdicts

    return thread_verdicts._HEADING


def test_one_line_of_long_blanks_joins_its_lines_with_one_space() -> None:
    assert one_line(f"a{BLANKS}b") == f"a{BLANKS}b"
    assert one_line(f"a{BLANKS}\n{BLANKS}b") == "a b"
    for text in _texts([" ", "\t", "\n", "\r", "\r\n", "\u2028", "x"], 5):
        assert one_line(text) == _OLD_BREAKS.sub(" ", text), repr(text)


@pytest.mark.parametrize("tail", ["x", "[A]x", "[A] (x)"])
def test_credit_after_long_blanks_is_read(tail: str) -> None:
    text = f"Item{BLANKS}{tail}"
    assert split_credit(text) == (text, ())
    assert split_credit(f"Item{BLANKS}[A, B]{BLANKS}") == ("Item", ("A", "B"))
    for t in _texts([" ", "\t", "[", "]", "A", ",", "("], 5):
        m = _OLD_REVIEWERS.search(t)
        names = tuple(n.strip() for n in m["names"].split(",") if n.strip()) if m else ()
        got = split_credit(t)
        if got[1]:
            assert m and got == (t[: m.start()].rstrip(), names), repr(t)
        else:
            assert got == (t, ()), repr(t)
