"""Finding titles without the junk a seat writes around them: a `[important]` tag between a
bold ID and a bold title, the third `*` of `***Title***`, an `Optional:` or `Pre-existing:`
lead (as `Nit:` and `Suggestion:` leads already are), and the explanation after
`Title (`place`): …`. Each used to stay in the title (`'[important] **Limiter …'`,
`'*Counter never expires'`, `'Optional: `calc.py:2` — …'`), which also defeats matching the
same finding by title across seats."""

from __future__ import annotations

from deepreview.findings import parse_review

_REVIEW = (
    "## Executive Summary\nAdds rate limiting.\n\n## Critical Issues\nNone.\n\n"
    "## Important Issues\n"
    "- **I1** [important] **Limiter keyed on the user name only** — `calc.py:2`\n"
    "  Spraying across names bypasses the limit.\n"
    "- ***Counter never expires*** — `calc.py:1`\n"
    "  Accounts lock forever after five failures.\n\n"
    "## Suggestions\n"
    "- Nit: `calc.py:1` — trailing whitespace.\n"
    "- Optional: `calc.py:2` — could use an f-string.\n"
    "- Pre-existing: `calc.py:1` — `add()` has no docstring.\n"
)


def test_tags_markup_and_leads_leave_the_title() -> None:
    review = parse_review(_REVIEW, seat="alpha")
    assert [(f.id, f.title) for f in review.findings] == [
        ("I1", "Limiter keyed on the user name only"),
        ("I2", "Counter never expires"),
        ("S1", "trailing whitespace"),
        ("S2", "could use an f-string"),
        ("S3", "`add()` has no docstring"),
    ]
    assert review.findings[4].classification == "pre-existing"


def test_the_explanation_after_a_place_in_parentheses_is_the_body() -> None:
    text = (
        "## Important Issues\n\n"
        "- Header row dropped in streaming mode (`calc.py:4`): the generator starts at row 1.\n"
        "- Chunk size ignores settings (`calc.py:5`): it reads a constant.\n"
    )
    review = parse_review(text, seat="alpha")
    rows = [(f.title, [(p.path, p.start) for p in f.locations]) for f in review.findings]
    assert rows == [
        ("Header row dropped in streaming mode", [("calc.py", 4)]),
        ("Chunk size ignores settings", [("calc.py", 5)]),
    ]
    assert "the generator starts at row 1" in review.findings[0].body


def test_a_title_naming_code_in_parentheses_keeps_it() -> None:
    text = "## Important Issues\n\n- Use the helper (`make_total`): it rounds once. `calc.py:4`\n"
    review = parse_review(text, seat="alpha")
    assert next(f.title for f in review.findings).startswith("Use the helper (`make_total`)")
