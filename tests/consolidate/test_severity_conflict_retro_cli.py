"""A finding whose severity tag contradicts its section and ID (`S1. … (important)` under
`### Suggestions`) is taken at its tag: it may raise the verdict, so the seat's retro says the
tool chose, one line per finding (trial 52 #9). The parser's other warnings (here: a finding
with no Fix) change nothing the report shows and are not listed. Through the real command."""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

TORN = """## Executive Summary

`sub` is fine; `shout` needs care.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

S1. **`shout` crashes on `None`** (important, regression) — `util/strings.py:2`

The form handler passes `None` for an empty field.
"""

STEADY = """## Executive Summary

One nit.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

S1. **Name the operands of `sub`** — `calc.py:5` (suggestion, style)

`a` and `b` say nothing.
"""


def test_a_tag_that_overrules_its_section_is_said_in_the_retro(tmp_path: Path) -> None:
    res, out, report = review_printed(tmp_path, {"torn": TORN, "steady": STEADY})
    assert res.returncode in (0, 1), res.stderr[-2000:]
    shout = next(f for f in report["findings"] if "shout" in f["title"])
    assert (shout["id"], shout["severity"]) == ("I1", "important")  # the tag was taken
    narrative = {s["seat"]: s["narrative"] for s in report["retro"]["seats"]}
    # named by the label the retro gives the report's finding it became (code spans kept), not
    # by its first identifier alone, `(shout)`
    said = (
        "Torn S1 (`shout` crashes on `None`) is tagged important but its heading and ID say "
        "suggestion; taken as important, as its tag says."
    )
    assert said in narrative["torn"]
    assert "Only Torn found I1 (`shout` crashes on `None`)." in narrative["torn"]
    assert "tagged" not in narrative["steady"]
    assert "called two different" not in narrative["torn"] + narrative["steady"]
    assert "Fix" not in narrative["torn"] + narrative["steady"]  # no "has no Fix" noise
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    retro = md.split("## Agent Performance Retro", 1)[1].split("## Appendix", 1)[0]
    assert said in retro
    assert "is tagged important" in Path(out["paths"]["html"]).read_text(encoding="utf-8")


def test_which_contradictions_are_recorded() -> None:
    # the tag against the ID only, or the section only: each said as it is
    by_id = parse_review(
        "## Findings\n\nI1. **Name the operands** — `calc.py:5` (suggestion, style)\n\nTerse.\n",
        seat="t",
    )
    assert by_id.overruled == (("I1", "its ID says important"),)
    by_section = parse_review(TORN.replace("S1. **", "1. **"), seat="t")
    assert by_section.overruled == ((by_section.findings[0].id, "its heading says suggestion"),)
    assert parse_review(STEADY, seat="s").overruled == ()


TWICE = STEADY.replace(
    "`a` and `b` say nothing.",
    "`a` and `b` say nothing.\n\n"
    "S1. **`shout` has no docstring** — `util/strings.py:1` (suggestion, docs)\n\n"
    "Say what it does with `None`.",
)


def test_a_renumbered_finding_is_said_in_the_retro(tmp_path: Path) -> None:
    # two different findings both called S1: the later is S2 in the report's labels
    res, _, report = review_printed(tmp_path, {"twice": TWICE})
    assert res.returncode in (0, 1), res.stderr[-2000:]
    (seat,) = report["retro"]["seats"]
    assert (
        "Twice called two different findings S1; the later one (`shout` has no docstring) is "
        "Twice S2 here." in seat["narrative"]
    )
