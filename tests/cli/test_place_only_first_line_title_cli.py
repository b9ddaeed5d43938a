"""An item whose first line holds only its level and its place, its words on the lines below
(an HTML `<li>` broken after its permalink `<a>`, a `<details>` block whose `<summary>` holds
only those, or the Markdown shape of it), is titled by
its place: `[api/page.py#L30-L36](https://github.com/…)` or `` `api/page.py:71` ``. The title
should be its words. The title is taken in src/deepreview/findings/, which ux76 was not to
touch: expected to fail until it is changed there."""

from __future__ import annotations

from pathlib import Path

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


@pytest.mark.xfail(strict=True, reason="titles are taken in findings/ (ux76 left it)")
@pytest.mark.parametrize(
    ("text", "words"),
    [(HTML, "the cursor is"), (SUMMARY, "The cursor is"), (MARKDOWN, "`limit` is")],
)
def test_the_title_is_the_words_not_the_place(tmp_path: Path, text: str, words: str) -> None:
    review = tmp_path / "review.md"
    review.write_text(text, encoding="utf-8")
    res = run_cli(["parse", str(review), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    [finding] = res.json()["findings"]
    assert finding["locations"][0]["path"] == "api/page.py", finding
    assert finding["title"].startswith(words), finding["title"]
