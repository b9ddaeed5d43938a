"""An assessment item's reviewer badges close its line in the HTML, as the credit closes the
item in the Markdown (`1. No test of X. [Claude]`) and as a design observation's badges do: an
item of one paragraph was a `<p>` with its badges wrapped onto a line of their own below it. An
item of more than one block keeps its blocks."""

from __future__ import annotations

import re
from pathlib import Path

from support.printing_seats import NO_FINDINGS, review_printed

REVIEW = (
    NO_FINDINGS
    + "\n## Testing Assessment\n\n1. No test calls `sub` with negative numbers.\n"
    + "2. No test covers `shout`:\n\n   ```python\n   shout(None)\n   ```\n"
)


def test_an_assessment_items_badges_close_its_line(tmp_path: Path) -> None:
    res, out, _ = review_printed(tmp_path, {"alpha": REVIEW})
    assert res.returncode == 0, res.stderr[-2000:]
    html = Path(out["paths"]["html"]).read_text(encoding="utf-8")
    testing = html.split('<section id="testing">', 1)[1].split("</section>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", testing, re.S)
    assert len(items) == 2, testing
    assert items[0] == (
        'No test calls <code>sub</code> with negative numbers. <span class="rv rv-0">Alpha</span>'
    )
    assert items[1].startswith("<p>No test covers <code>shout</code>:</p>")
    assert "<pre" in items[1] and items[1].endswith('<span class="rv rv-0">Alpha</span>')
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert "1. No test calls `sub` with negative numbers. [Alpha]" in md
