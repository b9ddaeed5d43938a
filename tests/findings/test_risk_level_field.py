"""`Risk level: High` in a record of label lines is that finding's level.

Local models writing plain text records (`Issue #1 - Title`, `File:`, `Lines:`, `Risk level:`,
`Description:`) were read as findings with no level (all important). A `Risk level:` line
whose value is no level word leaves the level unsaid; a whole-change risk rating stays none.
"""

from __future__ import annotations

from deepreview.findings import parse_review


def _record(n: int, title: str, path: str, line: int, risk: str) -> str:
    return (
        f"Issue #{n} - {title}\nFile: {path}\nLines: {line}\nRisk level: {risk}\n"
        "Description: The value is read before it is set.\n\n---\n\n"
    )


def test_risk_level_is_the_level() -> None:
    text = "REVIEW\n\n" + _record(1, "Token read early", "app/tok.go", 9, "High")
    text += _record(2, "Typo in a message", "app/tok.go", 30, "Low")
    review = parse_review(text, seat="alpha")
    assert [(f.severity.letter, str(f.locations[0])) for f in review.findings] == [
        ("C", "app/tok.go:9"),
        ("S", "app/tok.go:30"),
    ]


def test_a_risk_level_of_no_level_word_says_nothing() -> None:
    text = "REVIEW\n\n" + _record(1, "Token read early", "app/tok.go", 9, "depends on the caller")
    review = parse_review(text, seat="alpha")
    assert [f.severity.letter for f in review.findings] == ["I"]
    assert any("no severity given" in w for w in review.warnings), review.warnings


def test_the_change_risk_rating_is_no_finding() -> None:
    text = "## Summary\n\nRenames a helper.\n\n**Risk level:** Low\n\nNo issues found.\n"
    assert parse_review(text, seat="alpha").findings == ()
