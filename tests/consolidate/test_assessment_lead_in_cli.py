"""A seat's lead-in sentence above its own list, merged with other seats' statements (trial 52
#5). Calm's "The suite covers only the happy paths; the new code is untested:" was printed as
the intro of the whole Testing Assessment: it then introduced Able's items, and Calm's own two
items came after them. Now a lead-in that would head other seats' statements is a statement
itself, with its seat's own items listed under it; it stays the intro only above a list its
own seats wrote alone."""

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


def test_a_lead_in_keeps_its_own_items_and_heads_no_one_elses(tmp_path: Path) -> None:
    res, out, report = review_printed(tmp_path, {"able": ABLE, "calm": CALM})
    assert res.returncode == 0, res.stderr[-2000:]
    testing = report["testing"]
    assert testing["intro"] == ""  # nothing heads the whole merged list
    assert testing["items"][0] == (
        "The suite covers only the happy paths; the new code is untested:\n\n"
        "   - `parse_amount` has no test for a negative amount.\n"
        "   - `shout` has no test for an empty string."
    )
    assert testing["item_reviewers"][0] == ["Calm"]
    assert testing["items"][1:] == [
        "Nothing calls `divide` with a zero divisor in the tests.",
        "The rounding of `mean` on an empty list is untested.",
    ]
    docs = report["documentation"]
    assert docs["intro"] == ""
    assert docs["items"][0].startswith("The README still shows")
    assert docs["items"][1] == (
        "The changelog has no entry for `shout`. Also:\n\n"
        "   - the docstring of `parse_amount` names a parameter it no longer has\n"
        "   - `clamp` has no docstring at all"
    )

    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    section = md.split("## Testing Assessment")[1].split("\n---")[0].strip()
    assert section == (
        "1. The suite covers only the happy paths; the new code is untested:\n\n"
        "   - `parse_amount` has no test for a negative amount.\n"
        "   - `shout` has no test for an empty string. [Calm]\n"
        "2. Nothing calls `divide` with a zero divisor in the tests. [Able]\n"
        "3. The rounding of `mean` on an empty list is untested. [Able]"
    )
    back = parse_report(md)
    assert back.testing.items[0] == testing["items"][0]
    assert back.testing.item_reviewers[0] == ("Calm",)
    assert back.documentation.items == tuple(docs["items"])


def test_a_lead_in_above_its_seats_list_alone_stays_the_intro(tmp_path: Path) -> None:
    _, _, report = review_printed(tmp_path, {"calm": CALM})
    assert report["testing"]["intro"] == (
        "The suite covers only the happy paths; the new code is untested:"
    )
    assert len(report["testing"]["items"]) == 2
