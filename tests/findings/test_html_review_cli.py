"""A review written as an HTML fragment (`<h3>`, `<ul>` of `<li>` items led by
`<strong>High:</strong>`, places as GitHub permalinks `path#L30-L36`) is read as the Markdown it
stands for. A list item led by a bold level word and then a place opens a finding in a summary
too (`## Review summary` + `- **High:** `a.py:3` — …`). Before, both read as clean reviews.
A Markdown review keeps the tags its findings talk about, and a summary's bold level words
before no place stay its text.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import levels_and_places, parsed_by_cli

HTML = """<h3>Review</h3>
<p>Two things, linked to their lines.</p>
<ul>
  <li><strong>High:</strong> <a href="https://github.com/o/r/blob/abc1234/export/writer.py#L14-L16">export/writer.py#L14-L16</a>
    &mdash; the file is opened to append, so a second export repeats rows.</li>
  <li><strong>Low:</strong> <a href="https://github.com/o/r/blob/abc1234/export/names.py#L3">export/names.py#L3</a>
    &mdash; <code>SEP</code> is never read.</li>
</ul>
"""

SUMMARY = """## Review summary

I found two things:

- **High:** `export/writer.py:14` — the file is opened to append, so rows repeat.
- **Low:** `export/names.py:3` — `SEP` is never read.
"""

EXPECTED = [("critical", "export/writer.py", 14), ("suggestion", "export/names.py", 3)]


def test_an_html_review_is_read(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, HTML)
    assert levels_and_places(parsed) == EXPECTED, parsed["warnings"]
    assert "`SEP` is never read" in parsed["findings"][1]["body"] + parsed["findings"][1]["title"]


def test_placed_level_items_in_a_summary_are_findings(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, SUMMARY)
    assert levels_and_places(parsed) == EXPECTED, parsed["warnings"]


MARKDOWN = """## Summary

The change is small. Risk:

- **Low** overall: only the export path changes.

<details><summary>Files</summary>
<p>export/writer.py, export/names.py</p>
<ul><li>two files</li></ul>
</details>

## Critical Issues

### C1: the template prints <strong>raw</strong> user input
`export/writer.py:14` renders the name unescaped.
"""


def test_a_markdown_review_keeps_its_tags_and_summary(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, MARKDOWN)
    assert levels_and_places(parsed) == [("critical", "export/writer.py", 14)], parsed["warnings"]
    assert parsed["findings"][0]["title"] == "the template prints <strong>raw</strong> user input"
    assert "Low" in parsed["executive_summary"]
