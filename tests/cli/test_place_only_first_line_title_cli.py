"""An item whose first line holds only its level and its place, its words on the lines below
(an HTML `<li>` broken after its permalink `<a>`, a `<details>` block whose `<summary>` holds
only those, or the Markdown shape of it), was titled by its place:
`[api/page.py#L30-L36](https://github.com/…)` or `` `api/page.py:71` ``. Its title is its words'
first sentence, the place its location; an item whose first line is its title keeps it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from support.repos import cli_env, run_cli

LINK = "https://github.com/acme/store/blob/9c1e7d2/api/page.py#L30-L36"
HTML = (
    "<h2>Review</h2>\n<ul>\n"
    f'  <li><strong>High:</strong> <a href="{LINK}">api/page.py#L30-L36</a>\n'
    "    &mdash; the cursor is the row's <code>id</code> in base64 without a signature.</li>\n"
    "</ul>\n"
)
SUMMARY = (
    "## Findings\n\n<details>\n"
    f'<summary><strong>High</strong>: <a href="{LINK}">api/page.py#L30-L36</a></summary>\n\n'
    "The cursor is the row's `id` in base64 without a signature.\n\n</details>\n"
)
MARKDOWN = (
    "## Findings\n\n- **Medium:** `api/page.py:71`\n"
    "  — `limit` is not capped; `?limit=1000000` loads the whole table.\n"
)

# the same shapes with a title on the first line: the words below are its explanation
TITLED_HTML = HTML.replace("</strong> <a", "</strong> Unsigned page cursor &mdash; <a")
TITLED_MARKDOWN = MARKDOWN.replace("`api/page.py:71`", "Unbounded page size in `api/page.py:71`")


@pytest.mark.parametrize(
    ("text", "words"),
    [(HTML, "the cursor is"), (SUMMARY, "The cursor is"), (MARKDOWN, "`limit` is")],
)
def test_the_title_is_the_words_not_the_place(tmp_path: Path, text: str, words: str) -> None:
    [finding] = _parse(tmp_path, text)
    assert finding["locations"][0]["path"] == "api/page.py", finding
    assert finding["title"].startswith(words), finding["title"]


@pytest.mark.parametrize(
    ("text", "title"),
    [(TITLED_HTML, "Unsigned page cursor"), (TITLED_MARKDOWN, "Unbounded page size")],
)
def test_a_first_line_that_is_its_title_keeps_it(tmp_path: Path, text: str, title: str) -> None:
    [finding] = _parse(tmp_path, text)
    assert finding["locations"][0]["path"] == "api/page.py", finding
    assert finding["title"] == title, finding


def _parse(tmp_path: Path, text: str) -> list[dict[str, Any]]:
    review = tmp_path / "review.md"
    review.write_text(text, encoding="utf-8")
    res = run_cli(["parse", str(review), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    findings: list[dict[str, Any]] = res.json()["findings"]
    return findings
