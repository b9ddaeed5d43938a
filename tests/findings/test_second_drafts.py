"""Which repeated headings make a second draft of a review (`findings/drafts.py`): only the same
run of top-level sections written again to the end of the review. Headings a review repeats for
other reasons keep every section they head."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review
from deepreview.model import AgentReview

REDRAFT = "the later draft is read"


def parse(text: str) -> AgentReview:
    return parse_review(text, seat="s")


def finding(n: int, title: str, level: str = "important") -> str:
    return (
        f"{level[0].upper()}{n}. **{title}** — `calc.py:{n + 3}` ({level}, regression)\n\n"
        f"What goes wrong with {title.lower()}.\n\nFix: change it.\n\n"
    )


def closing(strength: str, test: str) -> str:
    return (
        f"## Design Observations\n\n**Strengths**\n\n- {strength}\n\n"
        f"## Testing Assessment\n\n1. {test}\n\n"
        "## Coverage Summary\n\n- `calc.py` — I1\n"
    )


def draft(title: str, strength: str) -> str:
    return (
        "## Executive Summary\n\nAdds `sub`.\n\n## Findings\n\n### Critical Issues\n\nNone.\n\n"
        f"### Important Issues\n\n{finding(1, title)}### Suggestions\n\nNone.\n\n"
        + closing(strength, "No test for `sub`.")
    )


def strengths(r: AgentReview) -> list[str]:
    return [o.text for o in r.design_observations if o.kind == "strength"]


@pytest.mark.parametrize(
    "between",
    ["Final review:\n\n", "---\n\n", "# Final review\n\n", "", "Let me revise this.\n\n"],
)
def test_the_last_of_several_drafts_is_the_review(between: str) -> None:
    text = (
        draft("Sign flipped", "Small.")
        + between
        + draft("Sign is flipped", "Small and clear.")
        + between
        + draft("`sub` flips the sign", "Small, clear change.")
    )
    r = parse(text)
    assert [f.title for f in r.findings] == ["`sub` flips the sign"]
    assert strengths(r) == ["Small, clear change."]
    assert any(REDRAFT in w for w in r.warnings), r.warnings
    assert r.raw == text  # the earlier drafts stay in the seat's text as written


def test_a_second_copy_of_only_the_findings_sections_adds_findings() -> None:
    # two passes over the change, each with its severity sections: not a redraft
    text = (
        "### Executive Summary\n\nTwo passes.\n\n"
        f"### Critical Issues\n\nNone.\n\n### Important Issues\n\n{finding(1, 'Sign flipped')}"
        f"### Critical Issues\n\nNone.\n\n### Important Issues\n\n{finding(2, 'Zero unchecked')}"
    )
    r = parse(text)
    assert [f.id for f in r.findings] == ["I1", "I2"]
    assert not any(REDRAFT in w for w in r.warnings)


@pytest.mark.parametrize("divider", ["## Pass 2", "## Still open from round 1", "## `util.py`"])
def test_sections_repeated_under_another_heading_are_more_of_the_review(divider: str) -> None:
    part = (
        "### Critical Issues\n\nNone.\n\n### Important Issues\n\n{}"
        "### Testing Assessment\n\n1. {}\n\n"
    )
    text = (
        "## Pass 1\n\n"
        + part.format(finding(1, "Sign flipped"), "No test for `sub`.")
        + f"{divider}\n\n"
        + part.format(finding(2, "Zero unchecked"), "No test for zero.")
    )
    r = parse(text)
    assert [f.id for f in r.findings] == ["I1", "I2"]
    assert r.testing.items == ("No test for `sub`.", "No test for zero.")
    assert not any(REDRAFT in w for w in r.warnings)


def test_per_file_sections_with_the_same_subsections_are_all_read() -> None:
    text = (
        "## Executive Summary\n\nTwo files.\n\n"
        f"## `calc.py`\n\n{finding(1, 'Sign flipped')}## Testing Assessment\n\n1. No test.\n\n"
        f"## `util.py`\n\n{finding(2, 'Case lost')}## Testing Assessment\n\n1. Still none.\n\n"
    )
    r = parse(text)
    assert [f.title for f in r.findings] == ["Sign flipped", "Case lost"]
    assert not any(REDRAFT in w for w in r.warnings)


def test_a_second_draft_that_leaves_out_sections_is_merged() -> None:
    # (the second copy is not the whole run again: read as more sections, merged)
    first = draft("Sign flipped", "Small.")
    second = closing("Small and clear.", "No test for `sub`.").split("## Coverage Summary")[0]
    r = parse(first + second)
    assert strengths(r) == ["Small.", "Small and clear."]
    assert not any(REDRAFT in w for w in r.warnings)


def test_a_second_draft_cut_off_in_a_code_block_is_not_a_complete_one() -> None:
    second = draft("Sign flipped", "Small and clear.") + "\n```diff\n- return b - a\n"
    r = parse(draft("Sign flipped", "Small.") + second)
    assert strengths(r) == ["Small.", "Small and clear."]  # both read, as before
    assert not any(REDRAFT in w for w in r.warnings)
    assert r.cut_off
