"""A line holding a long run of blanks (a pasted terminal, a padded table row) before an image,
a bracket or a label. Before, a few patterns split such a run between two `[ \\t]*` in every
way before failing (a `**High**` line, a level field, a bold `none` label), so 2,000 blanks
took seconds and 20,000 minutes. Each run is now crossed once. No timing here: the suite's
timeout catches a hang; the test says what such a review reads as.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import read_by_cli

_BLANKS = " " * 20_000

_REVIEW = f"""# Review

  {_BLANKS}[high]

## Findings

- `q.go:88` [high] the retry swallows the error from `send`.
**High**{_BLANKS}![x](y)

**Findings:** none{_BLANKS}x

Severity:{_BLANKS}[high] z
"""


def test_a_line_of_twenty_thousand_blanks_parses(tmp_path: Path) -> None:
    found, _unread = read_by_cli(tmp_path, _REVIEW)
    assert [(level, place) for level, place, _title in found][:1] == [("critical", "q.go:88")]


def test_a_line_of_blanks_in_a_review_with_no_finding_parses(tmp_path: Path) -> None:
    # (a review we read no finding from is searched for level fields line by line)
    text = f"# Review\n\nThe change reads well.\n\n  {_BLANKS}[high]\n\nSeverity:{_BLANKS}x\n"
    found, unread = read_by_cli(tmp_path, text)
    # (a severity field with no finding read is findings text we could not read, never clean)
    assert found == []
    assert len(unread) == 1 and "Severity:" in unread[0]
