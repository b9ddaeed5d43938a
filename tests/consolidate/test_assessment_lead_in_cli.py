"""A seat's lead-in sentence above its own list, merged with other seats' statements (trial 52
#5). Calm's "The suite covers only the happy paths; the new code is untested:" was printed as
the intro of the whole Testing Assessment: it then introduced Able's items, and Calm's own two
items came after them. Now a lead-in that would head other seats' statements is a statement
itself, followed by its seat's own items, each an item of its own
(`test_assessment_scenario_items_cli.py`); it stays the intro only above a list its own seats
wrote alone."""

from __future__ import annotations

from pathlib import Path

from deepreview.findings.report_parse import parse_report
from support.printing_seats import review_printed

FINDINGS = (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
    "### Suggestions\n\nNone.\n\n"
)
ABLE = (
    FINDINGS + "## Testing Assessment\n\n"
    "1. Nothing calls `divide` with a zero divisor in the tests.\n"
    "2. The rounding of `mean` on an empty list is untested.\n\n"
    "## Documentation Assessment\n\n"
    "The README still shows the old two-argument `clamp`, and says `mean` never fails.\n"
)
CALM = (
    FINDINGS + "## Testing Assessment\n\n"
    "The suite covers only the happy paths; the new code is untested:\n\n"
    "1. `parse_amount` has no test for a negative amount.\n"
    "2. `shout` has no test for an empty string.\n\n"
    "## Documentation Assessment\n\n"
    "The changelog has no entry for `shout`. Also:\n\n"
    "- the docstring of `parse_amount` names a parameter it no longer has\n"
    "- `clamp` has no docstring at all\n"
)


def test_a_lead_in_is_followed_by_its_own_items_and_heads_no_one_elses(tmp_path: Path) -> None:
    res, out, report = review_printed(tmp_path, {"able": ABLE, "calm": CALM})
    assert res.returncode == 0, res.stderr[-2000:]
    testing = report["testing"]
    assert testing["intro"] == ""  # nothing heads the whole merged list
    assert list(zip(testing["items"], testing["item_reviewers"], strict=True)) == [
        ("The suite covers only the happy paths; the new code is untested:", ["Calm"]),
        ("`parse_amount` has no test for a negative amount.", ["Calm"]),
        ("`shout` has no test for an empty string.", ["Calm"]),
        ("Nothing calls `divide` with a zero divisor in the tests.", ["Able"]),
        ("The rounding of `mean` on an empty list is untested.", ["Able"]),
    ]
    docs = report["documentation"]
    assert docs["intro"] == ""
    assert docs["items"][0].startswith("The README still shows")
    assert docs["items"][1:] == [
        "The changelog has no entry for `shout`. Also:",
        "the docstring of `parse_amount` names a parameter it no longer has",
        "`clamp` has no docstring at all",
    ]

    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    section = md.split("## Testing Assessment")[1].split("\n---")[0].strip()
    assert section == (
        "1. The suite covers only the happy paths; the new code is untested: [Calm]\n"
        "2. `parse_amount` has no test for a negative amount. [Calm]\n"
        "3. `shout` has no test for an empty string. [Calm]\n"
        "4. Nothing calls `divide` with a zero divisor in the tests. [Able]\n"
        "5. The rounding of `mean` on an empty list is untested. [Able]"
    )
    back = parse_report(md)
    assert back.testing.items == tuple(testing["items"])
    assert back.testing.item_reviewers[:3] == (("Calm",),) * 3
    assert back.documentation.items == tuple(docs["items"])


def test_a_lead_in_above_its_seats_list_alone_stays_the_intro(tmp_path: Path) -> None:
    _, _, report = review_printed(tmp_path, {"calm": CALM})
    assert report["testing"]["intro"] == (
        "The suite covers only the happy paths; the new code is untested:"
    )
    assert len(report["testing"]["items"]) == 2
