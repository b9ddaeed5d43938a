"""A heading finding whose text closes on a dash-led level line: `— severity: medium ·
confidence: high`.

`Severity: medium` alone on the closing line was the finding's level; led by an em dash (how
some models set a footnote-like line apart) the line was text, so a review of `### Title`
findings with no findings section read as no findings at all. A dash-led line that names no
level (`— see also the design doc`) still gives none.
"""

from __future__ import annotations

from deepreview.findings import parse_review


def _finding(title: str, text: str, closing: str) -> str:
    return f"### {title}\n\n{text}\n\n{closing}\n\n"


def test_a_dash_led_level_line_closes_a_heading_finding() -> None:
    text = "Read the diff; two things.\n\n"
    text += _finding(
        "Refill measured from creation",
        "`rl/bucket.py:44` adds tokens for the whole uptime, so nothing is ever limited.",
        "— severity: high · confidence: high",
    )
    text += _finding(
        "Client key from a spoofable header",
        "`rl/mw.py:18` trusts `X-Forwarded-For`; a client gets a fresh bucket per request.",
        "– Severity: Medium",
    )
    review = parse_review(text, seat="alpha")
    assert [(f.severity.letter, f.title) for f in review.findings] == [
        ("C", "Refill measured from creation"),
        ("I", "Client key from a spoofable header"),
    ]


def test_a_dash_led_line_of_no_level_is_text() -> None:
    text = "## Notes\n\n### Naming\n\nThe module name reads well.\n\n— see also the design doc\n"
    assert parse_review(text, seat="alpha").findings == ()


def test_the_last_findings_level_line_before_the_closing_words() -> None:
    # The review's closing words (naming a file) follow the last finding's level line: that
    # line still closes the finding's text, and is its level.
    text = "Read the diff; two things.\n\n"
    text += _finding(
        "Refill measured from creation",
        "`rl/bucket.py:44` adds tokens for the whole uptime, so nothing is ever limited.",
        "— severity: high · confidence: high",
    )
    text += _finding(
        "Burst hard-coded",
        "`rl/config.py:9` hard-codes the burst; the settings module already holds one.",
        "— severity: low · confidence: high",
    )
    text += "Nothing else: the tests in `tests/test_bucket.py` cover the happy path.\n"
    review = parse_review(text, seat="alpha")
    assert [(f.severity.letter, f.title) for f in review.findings] == [
        ("C", "Refill measured from creation"),
        ("S", "Burst hard-coded"),
    ]


def test_a_dash_led_line_of_no_level_before_closing_words_is_text() -> None:
    text = "## Notes\n\n### Naming\n\nThe module name reads well.\n\n— see also the design doc\n"
    text += "\nNothing else: `tests/test_naming.py` covers it.\n"
    assert parse_review(text, seat="alpha").findings == ()
