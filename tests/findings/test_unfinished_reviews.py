"""Reading a review that stops before it is done (`findings/unfinished.py`), without calling
normal endings cut off; and a one-line "LGTM! One nit: `a.py:4` — …" is a suggestion."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review
from deepreview.findings.readable import unparseable_reason
from deepreview.model import Severity

# Normal endings: a plain bullet with no full stop, a one-word body, a verdict, a table row.
WHOLE = {
    "plain-bullets": (
        "## Findings\n\n### Important\n- calc.py:2: add() subtracts instead of adding\n"
        "- calc.py:5: div() raises ZeroDivisionError on b == 0\n\n### Minor\n"
        "- app.py:1: constant name is vague\n"
    ),
    "one-word-body": (
        "## Important Issues\n\n1. **Inconsistent arithmetic** — `calc.py:2` and `app.py:1` "
        "(important, bug)\n\nBoth places are wrong.\n\n3. **Line range words** — `calc.py` "
        "lines 2 to 5 (important, bug)\n\nx\n"
    ),
    "verdict": "## Summary\n\nFine.\n\n## Verdict\n\nMerge as-is\n",
    "lgtm": "LGTM\n",
    "rule": "No review produced: the CLI hit its quota.\n\n---\n",
    "no-issues-so-far-then-done": (
        "No issues so far in `a.py`. I then checked `b.py` as well: nothing to report.\n"
    ),
    # a fix that ends the review with its code block closed
    "closed-fence-at-end": (
        "## Important Issues\n\n- **I1** `a.py:4` — the loop never sleeps.\n\n"
        "```diff\n-while True:\n+for _ in range(5):\n```\n"
    ),
    # terse items throughout: the last one is no shorter-sentenced than the others
    "terse-bold-items": (
        "## Important Issues\n\n- **I1** `a.py:1` — cache key ignores the tenant\n"
        "- **I2** `a.py:4` — loop never sleeps\n"
    ),
    # one finding alone: nothing in the review says its items end with a full stop
    "lone-unstopped-item": "## Important Issues\n\n- **I1** `a.py:4` — loop never sleeps\n",
    # the findings' sentences end, then a closing remark that is no finding's text
    "closing-remark": (
        "## Important Issues\n\n1. **Cache key** — `a.py:1`. The key ignores the tenant.\n"
        "2. **Loop** — `a.py:4`. The loop never sleeps.\n\nOverall a careful change\n"
    ),
    # a one-word body after a finding whose text ends with a full stop
    "one-word-body-after-a-sentence": (
        "## Important Issues\n\n**I1. Cache key** — `a.py:1`\n\nThe key ignores the tenant.\n\n"
        "**I2. Loop** — `a.py:4`\n\nx\n"
    ),
    # a lone finding whose long sentence has no full stop, then a verdict: it ended
    "lone-long-item-then-verdict": (
        "## Important Issues\n\n- **I1** `a.py:4` — the key ignores the tenant, which means "
        "the caller will\n\n## Verdict\n\nRequest changes\n"
    ),
    # a lone finding of a few words whose only sentence has no full stop
    "lone-short-paragraph": (
        "## Important Issues\n\n**I1. Loop** — `a.py:4`\n\nThe loop never sleeps\n"
    ),
    "no-issues-found": "## Findings\n\nNo issues found\n",
    # a closing section after the findings
    "verdict-after-items": (
        "## Important Issues\n\n- **I1** `a.py:1` — the key ignores the tenant.\n"
        "- **I2** `a.py:4` — the loop never sleeps\n\n## Verdict\n\nRequest changes\n"
    ),
}


@pytest.mark.parametrize("name", sorted(WHOLE))
def test_normal_endings_are_not_cut_off(name: str) -> None:
    r = parse_review(WHOLE[name], seat="alpha")
    assert r.cut_off == "", r.cut_off
    assert not any("cut off" in w for w in r.warnings), r.warnings


CUT = {
    "mid-word": "## Summary\n\nThe change looks fine. Let me check the tests to make sure th",
    "mid-bold": "## Important Issues\n\n1. **`add` returns the differ",
    "function-word": "## Suggestions\n\n- `a.py:1` — the name could be confused with the\n",
    "let-me": "Nothing wrong in `b.py`.\n\nLet me now check `a.py`.\n",
    "next-i-will": "## Summary\n\n`a.py` is fine so far. Next, I'll look at the tests.\n",
    "ran-out": "## Executive Summary\n\nI ran out of turns before finishing the review.\n",
    "did-not-get-to": "Looks good so far. I still need to check `a.py`, which I did not get to.\n",
    # the output stopped inside a fix's diff: its fence never closes
    "open-fence": (
        "## Critical Issues\n\n- **C1** `pay.py:7` — the refund is sent twice.\n\n"
        "```diff\n-    send(refund)\n+    if not refund.sent:\n+        send(ref"
    ),
    # the last finding item stops after an ordinary word; the one before ends its sentence
    "finding-item-word": (
        "## Important Issues\n\n- **I1** `a.py:1` — the cache key ignores the tenant.\n"
        "- **I2** `a.py:4` — the loop never\n"
    ),
    # a lone finding, nothing after it: its long sentence stops after an ordinary word
    "lone-finding-long-sentence": (
        "## Important Issues\n\n- **I1** `a.py:1` — the key ignores the tenant, which means "
        "the caller will\n"
    ),
    # a lone finding whose first sentence ends, and whose next one stops
    "lone-finding-after-a-sentence": (
        "## Important Issues\n\n**I1. Cache key** — `a.py:1`\n\nThe key ignores the tenant. "
        "So the caller will\n"
    ),
    # the last finding's paragraph stops after an ordinary word
    "finding-paragraph-word": (
        "## Important Issues\n\n**I1. Cache key** — `a.py:1`\n\nThe key ignores the tenant.\n\n"
        "**I2. Loop** — `a.py:4`\n\nThe loop retries the request\n"
    ),
}


@pytest.mark.parametrize("name", sorted(CUT))
def test_unfinished_reviews_say_so(name: str) -> None:
    r = parse_review(CUT[name], seat="alpha")
    assert r.cut_off, name


def test_where_the_review_stopped_is_said() -> None:
    fence = parse_review(CUT["open-fence"], seat="alpha")
    assert fence.cut_off == "review ends inside an unclosed code block: '…+ send(ref'"
    assert [f.id for f in fence.findings] == ["C1"]  # what it found is kept
    item = parse_review(CUT["finding-item-word"], seat="alpha")
    assert item.cut_off.endswith("mid-sentence: '…- **I2** `a.py:4` — the loop never'")
    assert item.findings[1].body == "the loop never"


def test_an_unfinished_review_with_no_finding_is_no_review() -> None:
    assert unparseable_reason(parse_review(CUT["did-not-get-to"])) == "unfinished review"
    assert unparseable_reason(parse_review(CUT["ran-out"])) == "unfinished review"
    assert unparseable_reason(parse_review(CUT["mid-bold"])) is None  # its title is a finding


def test_a_one_line_lgtm_with_a_nit_is_a_suggestion() -> None:
    r = parse_review("LGTM! One nit: `calc.py:4` — `div` could use a type hint.\n", seat="alpha")
    assert [(f.severity, str(f.locations[0])) for f in r.findings] == [
        (Severity.SUGGESTION, "calc.py:4")
    ]
    assert "type hint" in r.findings[0].title


@pytest.mark.parametrize(
    "text",
    [
        "429 Too Many Requests: rate limit exceeded, retry after 60s",
        "429 Too Many Requests: rate limit exceeded, retry after 60s.",
        "Error: the request could not be completed because the API key was rejected by the",
        "I'm sorry, but I cannot access the repository from this sandbox, so I will stop here",
    ],
)
def test_a_short_error_message_is_no_review_not_an_unfinished_one(text: str) -> None:
    """Trial 50b #6: an output that is only an error line or a refusal did not stop mid-way,
    whether or not it ends with a full stop; it is no review at all."""
    r = parse_review(text + "\n", seat="alpha")
    assert r.cut_off == ""
    assert unparseable_reason(r) == "unparseable review"
