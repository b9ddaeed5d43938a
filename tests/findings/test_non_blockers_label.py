"""`**Non-blockers**` after `**Blockers**` is the reviewer's optional tier, not more blockers.

`Non-blocking` was a level phrase but the noun was not, so the label opened nothing and its
items stayed under `Blockers`: three critical findings where the reviewer said one. The
`Questions` after them ask and claim no fault: still no findings.
"""

from __future__ import annotations

from deepreview.findings import parse_review

_REVIEW = (
    "Left some notes.\n\n"
    "**Blockers**\n"
    "- `pay/sum.rb:12` — totals are summed as floats, so invoices are a cent off.\n\n"
    "**Non-blockers**\n"
    "- `pay/sum.rb:30` — `map { … }.sum` could be `sum { … }`.\n"
    "- `pay/mail.rb:4` — the subject line is not translated yet.\n\n"
    "**Questions**\n"
    "- Is `due_on` meant to be UTC?\n"
)


def test_non_blockers_are_suggestions() -> None:
    review = parse_review(_REVIEW, seat="alpha")
    assert [(f.severity.letter, str(f.locations[0])) for f in review.findings] == [
        ("C", "pay/sum.rb:12"),
        ("S", "pay/sum.rb:30"),
        ("S", "pay/mail.rb:4"),
    ]


def test_blockers_alone_stay_critical() -> None:
    text = _REVIEW.split("**Non-blockers**")[0]
    review = parse_review(text, seat="alpha")
    assert [f.severity.letter for f in review.findings] == ["C"]
