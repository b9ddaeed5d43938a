"""Hostile review and report text is read in linear time: the regex audit's leftovers
(benchmarks/README.md, "Long delimiter runs", fourth pass).

No timed assertion: each input is one the replaced code took minutes or hours on, so a
regression shows as a hung suite (`benchmarks/bench_parse_runs.py` prints the times). Each
rewrite is also checked against the regex it replaces on every short text of its alphabet."""

from __future__ import annotations

import itertools
import re

from deepreview.consolidate import sections
from deepreview.consolidate.files import ReviewText, consolidate_reviews
from deepreview.findings import parse_review
from deepreview.findings.appendix import _BRACKET, _PASS, _REVIEW_WORD, without_note
from deepreview.findings.levels import TAG_PATTERN
from deepreview.findings.location_join import split_locations
from deepreview.findings.report_parse import (
    _ANY_HEADING,
    _H2,
    _TITLE,
    parse_appendix_entries,
    parse_report,
)
from deepreview.findings.title_tail import TRAILING_TAG, bracket_cut
from deepreview.markdown_contain import _MARKER, contain, uncontain
from deepreview.model import Severity

RUN = 200_000
BLANKS = " " * RUN

_OLD_PASS = re.compile(
    r"(?:[ \t]*[—–,:-][ \t]*|[ \t]*\([ \t]*)Pass[ \t]+(?P<n>\d+)\b.*$", re.IGNORECASE
)
_OLD_REVIEW_WORD = re.compile(r"(?:'s|’s)?[ \t]+(?:Original[ \t]+)?Review$", re.IGNORECASE)
_OLD_BRACKET = re.compile(
    r"^\[(?P<name>[^\[\]]{1,60})\](?P<model>[ \t]+(?![—–-])[^(—–]*?)?"
    r"(?:[ \t]*[—–-][ \t]*Pass[ \t]+(?P<n>\d+))?[ \t]*(?:\((?P<note>[^)]*)\))?[ \t]*$",
    re.IGNORECASE,
)


_OLD_BRACKET_CUT = re.compile(r"(?<![ \t])[ \t]+\[[^\]]+\][ \t]*(?:\(|$)")


def _texts(alphabet: list[str], longest: int) -> list[str]:
    """Every text of up to `longest` pieces of `alphabet`."""
    return ["".join(p) for n in range(longest + 1) for p in itertools.product(alphabet, repeat=n)]


def _entries(appendix: str) -> list[tuple[str, int]]:
    report = f"# Deep Review\n\n{appendix}\n\nThe review.\n"
    return [(e.name, e.pass_no) for e in parse_appendix_entries(report)]


def test_appendix_entry_headings_holding_long_blank_runs_are_read() -> None:
    # minutes each before: `_REVIEW_WORD`, `_PASS`, the `(note)` cut and the heading regex
    # tried from every blank; `_BRACKET`'s lazy model scanned the run twice per character
    assert _entries(f"## Appendix: Claude{BLANKS}x Review") == [(f"Claude{BLANKS}x", 1)]
    assert _entries(f"## Appendix\n\n### Claude{BLANKS}x{BLANKS}(pass 3)") == [
        (f"Claude{BLANKS}x", 3)
    ]
    assert _entries(f"## Appendix\n\n### [Claude] x{BLANKS}y — Pass 2") == [
        (f"Claude x{BLANKS}y", 2)
    ]
    assert _entries(f"## Appendix\n\n### Claude{'(' * RUN}") == []


def test_appendix_name_patterns_match_what_the_former_regexes_matched() -> None:
    for text in _texts([" ", "\t", "-", "(", "Pass", "2", "x"], 6):
        old, new = _OLD_PASS.search(text), _PASS.search(text)
        assert (new and (new.span(), new["n"])) == (old and (old.span(), old["n"])), repr(text)
    for text in _texts([" ", "\t", "'s", "s", "Original", "Review", "\n"], 6):
        assert _REVIEW_WORD.sub("", text) == _OLD_REVIEW_WORD.sub("", text), repr(text)
    for text in _texts([" ", "\n", "\u00a0", "(", ")", "x"], 7):
        assert without_note(text) == re.sub(r"\s*\([^)]*\)\s*$", "", text), repr(text)


def test_an_appendix_bracket_heading_reads_as_the_former_regex_read_it() -> None:
    def read(m: re.Match[str] | None) -> tuple[str, str, str | None, str | None] | None:
        # what `_entry_name` takes from it: the model only stripped
        return m and (m["name"], (m["model"] or "").strip(), m["n"], m["note"])

    for rest in _texts([" ", "\t", "-", "—", "(", ")", "Pass", "2", "x"], 5):
        for text in (f"[a]{rest}", f"[a{rest}"):
            assert read(_BRACKET.match(text)) == read(_OLD_BRACKET.match(text)), repr(text)


def test_a_heading_title_of_many_bracket_openings_keeps_them() -> None:
    # 7 s at 200 KB before: the tag cut ` [...]` scanned to the line's end from each ` [`
    for tail in (" [" * (RUN // 2), " [x" * (RUN // 3) + "] y"):
        review = f"## Findings\n\n### Critical Issues\n\n### C1: Bug{tail}\n`calc.py:1`\n\nText.\n"
        [found] = parse_review(review, seat="s").findings
        # (a line over 2,000 characters is not read for an ID: it stays in the title)
        assert (found.title, found.locations[0].path) == (f"C1: Bug{tail}", "calc.py")


def test_a_bracket_tag_cut_is_where_the_former_regex_cut() -> None:
    for text in _texts([" ", "\t", "[", "]", "(", "x", "\n"], 7):
        m = _OLD_BRACKET_CUT.search(text)
        assert bracket_cut(text) == (m.start() if m else len(text)), repr(text)


def test_a_design_concern_of_bracket_runs_is_kept_whole() -> None:
    # 3 min at 200 KB before: the link regex scanned from each `[` to the line's end
    for concern in ("[" * RUN, "[a](" * (RUN // 4)):
        review = (
            "## Findings\n\n### Critical Issues\n\n- **C1** Bug — `calc.py:1`\n  Text.\n\n"
            f"## Design Observations\n\n### Concerns\n\n- {concern}\n"
        )
        report = consolidate_reviews([ReviewText("claude", review)])
        assert [o.text for o in report.design_observations] == [concern]


def test_links_are_the_ones_the_former_regex_found() -> None:
    old = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")
    for text in _texts(["[", "]", "(", ")", "a", " "], 7):
        want = [(m.start(), m.end(), m[1], m[2]) for m in old.finditer(text)]
        assert sections.links(text) == want, repr(text)
        assert sections.visible_length(text) == len(old.sub(lambda m: m[1], text)), repr(text)


def test_finding_headings_with_long_blank_runs_by_their_places_are_read() -> None:
    # 25 s to minutes at 20 KB before: the location join and the trailing tag searched from
    # every blank, each try scanning the rest of the run
    def read(heading: str) -> tuple[str, Severity | None, list[str]]:
        review = f"## Findings\n\n### Critical Issues\n\n#### {heading}\n\nText.\n"
        [found] = parse_review(review, seat="s").findings
        return found.title, found.severity, [loc.path for loc in found.locations]

    critical, important = Severity.CRITICAL, Severity.IMPORTANT
    assert read(f"`calc.py:1`{BLANKS}x — Title") == (f"`calc.py:1`{BLANKS}x", critical, ["calc.py"])
    assert read(f"`calc.py:1` — Title{BLANKS}x") == (f"Title{BLANKS}x", critical, ["calc.py"])
    assert read(f"`calc.py:1` — Title{BLANKS}(high)") == ("Title", important, ["calc.py"])
    assert read(f"`calc.py:1`,{BLANKS}`b.py:2` — Title") == ("Title", critical, ["calc.py", "b.py"])


def test_location_joins_and_trailing_tags_are_the_former_regexes_ones() -> None:
    join = re.compile(r"\s*(?:[,;+]|\s(?:vs\.?|and|&)\s)\s*", re.IGNORECASE)
    for text in _texts([" ", "\t", ",", "+", "vs", ".", "AND", "&", "x"], 5):
        assert split_locations(text) == join.split(text), repr(text)
    for text in ("ſ", " vſ x", " Vſ. x", "a\u2028and\u00a0b"):  # case folding, Unicode blanks
        assert split_locations(text) == join.split(text), repr(text)
    tag = re.compile(
        rf"(?:[ \t]*[(\[](?:\*\*|__)?(?P<w>{TAG_PATTERN})(?:\*\*|__)?[)\]]"
        rf"|[ \t]+[—–-][ \t]+(?P<b>\*\*|__|\*|_)(?P<w2>{TAG_PATTERN})(?P=b))[ \t.]*$",
        re.IGNORECASE,
    )
    for text in _texts([" ", "\t", "(", ")", "[", "high", "**", "—", "-", ".", "x"], 5):
        old, new = tag.search(text), TRAILING_TAG.search(text)
        assert (new and (new.span(), new["w"], new["w2"])) == (
            old and (old.span(), old["w"], old["w2"])
        ), repr(text)


def test_report_section_headings_with_long_blank_runs_are_read() -> None:
    # 7–12 s at 20 KB before: the lazy title tried `[ \t]*$` after each character
    for level in ("##", "###"):
        report = parse_report(
            f"# Review\n\n{level} Executive Summary\n\nFine.\n\n"
            f"{level} Notes{BLANKS}x{BLANKS}\n\nText.\n"
        )
        assert report.executive_summary == "Fine."
        assert [(x.title, x.body) for x in report.extra_sections] == [(f"Notes{BLANKS}x", "Text.")]


def test_report_heading_titles_are_the_former_regexes_ones() -> None:
    pairs = [
        (re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<title>.*?)[ \t]*$"), _ANY_HEADING),
        (re.compile(r"^##[ \t]+(?P<title>.*?)[ \t]*$"), _H2),
        (re.compile(r"^###[ \t]+(?P<title>.*?)[ \t]*$"), re.compile("^###" + _TITLE)),
    ]
    for text in _texts(["#", " ", "\t", "x", "\n", "\u00a0"], 7):
        for old, new in pairs:
            m, n = old.match(text), new.match(text)
            assert (n and n.groupdict()) == (m and m.groupdict()), repr(text)


def test_a_review_of_many_empty_lines_is_contained_and_read_back() -> None:
    # 2 s at 40,000 empty lines before (the marker searched from every line break)
    body = "a" + "\n" * RUN + "b"
    assert contain(body) == body
    assert uncontain(body) == body
    marked = contain(body + "\n```go\nx")
    assert uncontain(marked) == body + "\n```go\nx"
    report = f"# Review\n\n## Appendix\n\n### [Claude]\n\n{body}\n"
    assert [e.review.raw for e in parse_appendix_entries(report)] == [body]


def test_the_contained_marker_is_the_one_the_former_regex_found() -> None:
    old = re.compile(
        r"\n*<!-- deep-review: contained(?P<fence> fence)?(?P<html> html)? -->[ \t\n]*\Z"
    )
    marks = ["<!-- deep-review: contained -->", "<!-- deep-review: contained fence html -->"]
    for text in _texts(["\n", " ", "x", *marks], 6):
        m, n = old.search(text), _MARKER.search(text)
        assert (n and (n.span(), n.groupdict())) == (m and (m.span(), m.groupdict())), repr(text)
