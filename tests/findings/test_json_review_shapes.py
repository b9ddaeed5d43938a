"""JSON reviews in two more shapes small models write: items with a `description` and no
`title` (the description's first sentence is the title, as for Markdown records), and the
object after a line of prose (`Here is my review in JSON:` + the object, no fence). Both used
to lose every finding: the seat failed as "unparseable review"."""

from __future__ import annotations

import json
from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_DESCRIBED = (
    "```json\n"
    + json.dumps(
        {
            "summary": "Adds a subtraction helper.",
            "issues": [
                {
                    "severity": "high",
                    "file": "calc.py",
                    "line": 5,
                    "description": "sub returns b - a. Every caller gets the sign wrong.",
                },
                {"severity": "low", "file": "calc.py", "line": 2, "description": "Name `tmp`."},
            ],
            "verdict": "request changes",
        },
        indent=2,
    )
    + "\n```\n"
)


def test_items_without_a_title_take_their_descriptions_first_sentence(tmp_path: Path) -> None:
    res, out, report = review_printed(tmp_path, {"alpha": _DESCRIBED})
    assert [s["status"] for s in out["seats"]] == ["ok"], res.stderr[-2000:]
    rows = [
        (f["id"], f["title"], [(p["path"], p["start"]) for p in f["locations"]])
        for f in report["findings"]
    ]
    assert rows == [
        ("C1", "sub returns b - a", [("calc.py", 5)]),
        ("S1", "Name `tmp`", [("calc.py", 2)]),
    ]
    assert "Every caller gets the sign wrong." in report["findings"][0]["body"]


def test_an_item_with_neither_title_nor_description_is_no_finding() -> None:
    text = json.dumps({"issues": [{"severity": "high", "file": "calc.py", "line": 5}]})
    assert not parse_review(text, seat="alpha").findings


def test_the_object_after_a_line_of_prose_is_read() -> None:
    obj = {
        "findings": [
            {"severity": "medium", "path": "calc.py", "start_line": 5, "title": "sub is reversed"},
            {"severity": "info", "path": "calc.py", "start_line": 2, "title": "Name `tmp`"},
        ],
        "overall": "needs work",
    }
    review = parse_review(f"Here is my review in JSON:\n\n{json.dumps(obj)}\n", seat="alpha")
    assert [(f.id, f.title) for f in review.findings] == [
        ("I1", "sub is reversed"),
        ("S1", "Name `tmp`"),
    ]


def test_a_markdown_review_ending_in_a_json_like_line_stays_markdown() -> None:
    text = (
        "## Findings\n\n### Important Issues\n\n1. **Config keys are not checked** — "
        '`calc.py:5`\n   A payload like this passes:\n\n{"findings": []}\n'
    )
    review = parse_review(text, seat="alpha")
    assert [f.title for f in review.findings] == ["Config keys are not checked"]
