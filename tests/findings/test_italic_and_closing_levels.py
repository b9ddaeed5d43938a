"""A finding's level in italics or as a closing bold sentence: `— *Severity: High* —` between
the title and the place, `*Severity: low*` as the text's last line, `… never applied. **Low.**`,
`… **Low priority.**` closing the text, and `` `a.py:42` **(high)** — text `` after a place.

Only `**Severity:** High` labels and plain phrases were read: these findings were unrated (taken
as important, so a High one was no Critical and a low one counted in the verdict), and the
bold tag after a place became the finding's title. A level word that is only a word of a
sentence (`the load stays **high** here.`, `Retries stay high.`) gives no level.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_FIRST = "Lock is never released"
_SECOND = "Timeout read from the wrong key"


@pytest.mark.parametrize(
    "text",
    [
        # italic label between the title and the place
        f"1. **{_FIRST}** — *Severity: High* — `svc/lock.py:20`\n"
        "   An early return skips `release()`.\n"
        f"2. **{_SECOND}** — _Severity: Low_ — `svc/conf.py:8`\n"
        "   `timeout_s` is read as `timeout`.\n",
        # italic label as the item's last line
        f"1. **{_FIRST}** (`svc/lock.py:20`)\n"
        "   An early return skips `release()`.\n"
        "   *Severity: high*\n\n"
        f"2. **{_SECOND}** (`svc/conf.py:8`)\n"
        "   `timeout_s` is read as `timeout`.\n"
        "   *Severity: low*\n",
        # a closing bold sentence on the item's line
        f"1. **{_FIRST}** (`svc/lock.py:20`): an early return skips `release()`. **High.**\n"
        f"2. **{_SECOND}** (`svc/conf.py:8`): `timeout_s` is read as `timeout`. **Low.**\n",
        # a closing bold sentence ending the text below
        f"### Finding 1: {_FIRST}\n**File:** `svc/lock.py:20`\n\n"
        "An early return skips `release()`; the next caller waits forever. **High severity.**\n\n"
        f"### Finding 2: {_SECOND}\n**File:** `svc/conf.py:8`\n\n"
        "`timeout_s` is read as `timeout`; the default hides it. **Low priority.**\n",
        # the closing sentence ends the text, a fix follows
        f"- **{_FIRST}** (`svc/lock.py:20`)\n\n  An early return skips `release()`. **High.**\n\n"
        "  **Fix:** release in `finally`.\n\n"
        f"- **{_SECOND}** (`svc/conf.py:8`)\n\n  `timeout_s` is read as `timeout`.\n\n"
        "  **Fix:** read `timeout_s`. *Severity: low*\n",
        # a closing tag in italics
        f"1. **{_FIRST}** — `svc/lock.py:20`\n   An early return skips `release()`. *(High)*\n"
        f"2. **{_SECOND}** — `svc/conf.py:8`\n   `timeout_s` is read as `timeout`. _Low._\n",
    ],
    ids=[
        "italic-mid-line",
        "italic-last-line",
        "bold-closing-on-line",
        "bold-closing-text",
        "before-and-after-a-fix",
        "italic-closing-tag",
    ],
)
def test_the_level_is_read(text: str) -> None:
    review = parse_review("## Findings\n\n" + text, seat="alpha")
    assert [(f.id, f.title, str(f.locations[0])) for f in review.findings] == [
        ("C1", _FIRST, "svc/lock.py:20"),
        ("S1", _SECOND, "svc/conf.py:8"),
    ], review.findings
    assert not review.unrated
    for f in review.findings:
        assert "everity" not in f.body and "**" not in f.body, f.body
        assert "riority" not in f.body, f.body


def test_a_bold_tag_after_the_place_is_the_level() -> None:
    text = (
        "## Findings\n\n"
        "1. `svc/lock.py:20` **(high)** — an early return skips `release()`.\n"
        "2. `svc/conf.py:8` **(low)** — `timeout_s` is read as `timeout`.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.id, f.title, str(f.locations[0])) for f in review.findings] == [
        ("C1", "an early return skips `release()`", "svc/lock.py:20"),
        ("S1", "`timeout_s` is read as `timeout`", "svc/conf.py:8"),
    ], review.findings


@pytest.mark.parametrize(
    "closing",
    [
        "Under load the wait stays **high** here.",
        "Retries stay high.",
        "The priority is low. Waiters pile up.",
    ],
)
def test_a_level_word_inside_a_sentence_is_no_level(closing: str) -> None:
    text = (
        "## Findings\n\n"
        f"### Finding 1: {_FIRST}\n**File:** `svc/lock.py:20`\n\n"
        f"An early return skips `release()`. {closing}\n"
    )
    review = parse_review(text, seat="alpha")
    assert [f.id for f in review.findings] == ["I1"], review.findings
    assert list(review.unrated) == ["I1"], review.unrated
    assert review.findings[0].body.endswith(closing)


def test_the_verdict_sees_the_levels(tmp_path: Path) -> None:
    text = (
        "## Findings\n\n"
        f"1. **{_SECOND}** (`svc/conf.py:8`): `timeout_s` is read as `timeout`. **Low.**\n"
        "2. **Unused import** (`svc/conf.py:1`)\n   `os` is never used.\n   *Severity: low*\n"
    )
    _res, _out, report = review_printed(tmp_path, {"alpha": text})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge as-is", verdict
