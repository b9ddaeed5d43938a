"""A seat's review in the HTML appendix sits below the entry's own title (`<h3>Gemini — Pass 1`),
its highest heading one level down, as the Markdown report places it (`demote_embedded`): a
review opening with `# Code Review` was an `<h3>` beside the seat titles, and one whose headings
start at `###` dropped to `<h5>`, while the Markdown showed both at `####`."""

from __future__ import annotations

import re
from pathlib import Path

from support.printing_seats import review_printed

FINDINGS = (
    "### Critical Issues\n\nNone.\n\n### Important Issues\n\n"
    "I1. **`sub` ignores its second argument's sign** — `calc.py:5-6` (important, regression)\n\n"
    "It subtracts in the wrong order.\n\n### Suggestions\n\nNone.\n"
)
TOP_LEVEL_ONE = "# Code Review: sub\n\n" + FINDINGS
TOP_LEVEL_THREE = FINDINGS


def _appendix_headings(html: str) -> dict[str, list[str]]:
    """Each appendix entry's title → the heading tags of its body, in order."""
    appendix = html.split('<section id="appendix">', 1)[1].split("</section>", 1)[0]
    out: dict[str, list[str]] = {}
    for entry in appendix.split('<details class="appendix-entry"')[1:]:
        title = re.search(r'<h3 class="appendix-title">([^<]*)</h3>', entry)
        assert title is not None
        body = entry.split('<div class="appendix-body">', 1)[1]
        out[title.group(1)] = [f"{t}:{text}" for t, text in re.findall(r"<(h\d)>([^<]*)<", body)]
    return out


def test_a_reviews_headings_sit_one_level_below_its_appendix_title(tmp_path: Path) -> None:
    res, out, _ = review_printed(tmp_path, {"gem": TOP_LEVEL_ONE, "cdx": TOP_LEVEL_THREE})
    assert res.returncode == 0, res.stderr[-2000:]
    html = Path(out["paths"]["html"]).read_text(encoding="utf-8")
    headings = _appendix_headings(html)
    assert headings["Gem — Pass 1"][:2] == ["h4:Code Review: sub", "h6:Critical Issues"]
    assert headings["Cdx — Pass 1"][:3] == [
        "h4:Critical Issues",
        "h4:Important Issues",
        "h4:Suggestions",
    ]
    # the Markdown report places them the same way
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert "\n#### Code Review: sub\n" in md and "\n###### Critical Issues\n" in md
    assert md.split("### [Cdx] — Pass 1", 1)[1].count("\n#### ") == 3
