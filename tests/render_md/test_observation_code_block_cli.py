"""A design observation that ends in a code block (trial 52 #7). The reviewer credit used to be
put at column 0 after the closing fence: CommonMark then ends the list there, `[Able]` becomes a
stray paragraph and the Concerns become two lists. The HTML put the observation through the
inline renderer, so the fence collapsed into one inline code span that began with "python".
Now the credit stays inside its list item, and the HTML renders the observation as blocks, as it
renders findings and assessments."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from deepreview.findings.report_parse import parse_report
from support.printing_seats import review_printed

FINDINGS = (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
    "### Suggestions\n\nNone.\n\n"
)
ABLE = (
    FINDINGS + "## Design Observations\n\n**Concerns**\n\n"
    "- (future) `divide` raises a bare `ZeroDivisionError`; a named error would say which\n"
    "  operand was zero. For example:\n\n"
    "  ```python\n"
    "  class DivisorIsZero(ValueError):\n"
    "      pass\n"
    "  ```\n\n"
    "**Strengths**\n\n- Each helper is small and does one thing.\n"
)
CALM = (
    FINDINGS + "## Design Observations\n\n**Concerns**\n\n"
    "- (in-scope) The module mixes parsing of user input with arithmetic in one file.\n"
)


def test_a_code_block_in_an_observation_keeps_its_list_and_its_block(tmp_path: Path) -> None:
    res, out, _ = review_printed(tmp_path, {"able": ABLE, "calm": CALM})
    assert res.returncode == 0, res.stderr[-2000:]
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    design = md.split("## Design Observations")[1].split("**Strengths**")[0]
    tokens = MarkdownIt("commonmark").parse(design)
    lists = [t for t in tokens if t.type == "bullet_list_open"]
    assert len(lists) == 1, design  # one list of concerns, not two around a stray credit
    items = [t for t in tokens if t.type == "list_item_open"]
    assert len(items) == 2, design
    # the credit is a paragraph of the first item, after its code block, not one of its own
    credit = next(
        n for n, t in enumerate(tokens) if t.type == "inline" and t.content.strip() == "[Able]"
    )
    fence = next(n for n, t in enumerate(tokens) if t.type == "fence")
    close = next(n for n, t in enumerate(tokens) if t.type == "list_item_close" and n > fence)
    assert fence < credit < close, design
    assert tokens[fence].info == "python"
    assert tokens[fence].content == "class DivisorIsZero(ValueError):\n    pass\n"

    # read back: the same observation, with its credit
    back = parse_report(md)
    concern = next(o for o in back.design_observations if "DivisorIsZero" in o.text)
    assert concern.reviewers == ("Able",)
    assert concern.text.rstrip().endswith("```")

    html = Path(out["paths"]["html"]).read_text(encoding="utf-8")
    concerns = html.split('<ul class="observations concerns">')[1].split("</ul>")[0]
    assert "<code>python" not in concerns
    assert '<div class="code">' in concerns, concerns
    assert "DivisorIsZero" in concerns.split('<div class="code">')[1]
    # a one-paragraph observation is still inline (no paragraph of its own)
    calm = concerns.split("mixes parsing")[0].rsplit("<li>", 1)[1]
    assert "<p>" not in calm, concerns
