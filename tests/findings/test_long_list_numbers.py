"""A numbered finding's number is only a list marker: CommonMark allows up to 9 digits, and a
long linter-style seat reaches item 1000 (trial 47b: items from 1000 on were swallowed into the
previous finding's text)."""

from __future__ import annotations

from deepreview.findings import parse_review
from deepreview.model import Severity


def test_four_digit_numbered_findings_are_findings() -> None:
    text = (
        "## Findings\n### Critical Issues\n"
        "999. **add subtracts** `calc.py:2` — returns a - b instead of a + b.\n"
        "1000. **mul is unused** `calc.py:4` — nothing calls mul; dead code that will rot.\n"
        "1001. **no tests** `calc.py:1` — neither function is tested.\n"
        "### Suggestions\nNone.\n"
    )
    r = parse_review(text, seat="s")
    assert [(f.severity, f.title, tuple(map(str, f.locations))) for f in r.findings] == [
        (Severity.CRITICAL, "add subtracts", ("calc.py:2",)),
        (Severity.CRITICAL, "mul is unused", ("calc.py:4",)),
        (Severity.CRITICAL, "no tests", ("calc.py:1",)),
    ]
    assert "1000." not in r.findings[0].body


def test_a_long_numbered_suggestion_list_keeps_every_item() -> None:
    items = "".join(
        f"{n}. **unused name {n}** `calc.py:{n}` — remove it.\n" for n in range(1, 1201)
    )
    r = parse_review(f"## Findings\n### Suggestions\n{items}", seat="s")
    assert len(r.findings) == 1200
    assert r.findings[-1].title == "unused name 1200"
    assert all(f.severity == Severity.SUGGESTION for f in r.findings)
