"""Through the real `deep-review review --lead none`: a seat's own finding IDs in the text a
consolidated finding shows (its body and fix) are the report's IDs there, as they already are in
its assessments (trial 52 #1). Keen numbers `sub` I1 and `shout` I2; Brisk calls `shout`
critical, so the report's C1 is `shout` (Keen's I2 merged with Brisk's C1) and its I1 is `sub`.
Keen's suggestion says which test "would catch" which of its findings: left as written, the
report would tie the `sub` test to the `shout` finding."""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import review_printed

KEEN = """## Executive Summary

Two helpers, two bugs.

## Findings

### Critical Issues

None.

### Important Issues

I1. **`sub` drops its sign on negative input** — `calc.py:6` (important, regression)

`sub(-1, 2)` should be -3; callers that pass negatives get the wrong result.

I2. **`shout` fails on `None`** — `util/strings.py:2` (important, regression)

`s.upper()` raises AttributeError for `None`, which the form handler passes.

### Suggestions

S1. **No tests for the new helpers** — `calc.py:5` (suggestion, gap)

A test that subtracts a larger number (would catch I1), and one that shouts `None` (would
catch I2). Both belong next to the existing ones.

Fix: add both tests; the second fixes I2's regression for good:

```python
def test_shout_none():  # guards I2
    assert shout(None) == ""
```
"""

BRISK = """## Executive Summary

`shout` crashes.

## Findings

### Critical Issues

C1. **`shout` crashes when given `None`** — `util/strings.py:2` (critical, regression)

The form handler passes `None` for an empty field and the request dies.

### Important Issues

None.

### Suggestions

None.
"""


def test_a_seats_own_ids_in_a_finding_follow_the_report_numbering(tmp_path: Path) -> None:
    res, out, report = review_printed(tmp_path, {"keen": KEEN, "brisk": BRISK})
    assert res.returncode in (0, 1), res.stderr[-2000:]
    by_title = {f["title"]: f for f in report["findings"]}
    assert by_title["`shout` crashes when given `None`"]["id"] == "C1"  # with Keen's I2
    assert by_title["`sub` drops its sign on negative input"]["id"] == "I1"
    tests = by_title["No tests for the new helpers"]
    assert "(would catch I1), and one that shouts `None` (would\ncatch C1)" in tests["body"]
    # the fix's prose is renamed, the code block is the seat's code, word for word
    assert tests["fix"].startswith("add both tests; the second fixes C1's regression for good")
    assert "def test_shout_none():  # guards I2" in tests["fix"]
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    body, appendix = md.split("## Appendix", 1)
    assert "(would\ncatch C1)" in body and "(would\ncatch I2)" not in body
    assert "(would\ncatch I2)" in appendix  # the seat's review stays as written


def test_a_seats_own_ids_in_its_open_questions_follow_the_report_numbering(
    tmp_path: Path,
) -> None:
    """The report's Open Questions section (a seat's `## Open Questions`, credited) names the
    seat's findings by the report's IDs too: Keen's I2 is the report's C1."""
    question = "- Does the form handler ever pass `None` on purpose (I2)?\n"
    keen = KEEN + "\n## Open Questions\n\n" + question
    res, out, report = review_printed(tmp_path, {"keen": keen, "brisk": BRISK})
    assert res.returncode in (0, 1), res.stderr[-2000:]
    questions = next(s for s in report["extra_sections"] if s["title"] == "Open Questions")
    assert "pass `None` on purpose (C1)? [Keen]" in questions["body"]
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    body, appendix = md.split("## Appendix", 1)
    assert "on purpose (C1)?" in body and "on purpose (I2)?" not in body
    assert "on purpose (I2)?" in appendix
