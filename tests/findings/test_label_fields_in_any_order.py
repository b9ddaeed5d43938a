"""A numbered heading or item followed by its fields as label bullets, in whatever order the
reviewer wrote them: `- **Where:** `a.py:42`` / `- **Why it matters:** …` / `- **Fix:** …` /
`- **Priority:** P1`, or plain `- Severity: high` / `- File: a.py (lines 58–71)` under a plain
`1. Title`.

Only a `Location:` + `Severity:` run read: a Fix or Why field before the level, a `Where:` place
or a plain numbered title left every such finding unread (the seat read as Unverified).
A numbered list whose fields give no level stays a list, and "priority" in a field's
text is no level label.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_WHERE_FIRST = (
    "## Findings\n\n"
    "#### 1. Cache lookups never expire\n"
    "- **Where:** `svc/cache.py:31`\n"
    "- **Why it matters:** stale prices are served for as long as the process lives.\n"
    "- **Fix:** store the entry's age and drop old ones.\n"
    "- **Priority:** P1\n\n"
    "#### 2. Log line repeats the key\n"
    "- **Where:** `svc/cache.py:48`\n"
    "- **Fix:** log it once.\n"
    "- **Priority:** P3\n"
)


@pytest.mark.parametrize(
    ("place", "level_first", "levels"),
    [
        ("Where", False, ("P1", "P3")),
        ("Location", False, ("High", "Low")),
        ("Location", True, ("High", "Low")),
    ],
)
def test_fields_before_the_level_keep_the_finding(
    place: str, level_first: bool, levels: tuple[str, str]
) -> None:
    text = _WHERE_FIRST.replace("**Where:**", f"**{place}:**")
    label = "Severity" if levels[0] == "High" else "Priority"
    text = text.replace("**Priority:** P1", f"**{label}:** {levels[0]}")
    text = text.replace("**Priority:** P3", f"**{label}:** {levels[1]}")
    if level_first:  # the level right after the place, the other fields after it
        text = text.replace(
            f"- **Why it matters:** stale prices are served for as long as the process lives.\n"
            f"- **Fix:** store the entry's age and drop old ones.\n- **{label}:** {levels[0]}\n",
            f"- **{label}:** {levels[0]}\n- **Why it matters:** stale prices are served for as "
            "long as the process lives.\n- **Fix:** store the entry's age and drop old ones.\n",
        )
    review = parse_review(text, seat="alpha")
    top = "I1" if levels[0] == "P1" else "C1"
    assert [(f.id, f.title, str(f.locations[0])) for f in review.findings] == [
        (top, "Cache lookups never expire", "svc/cache.py:31"),
        ("S1", "Log line repeats the key", "svc/cache.py:48"),
    ], review.findings
    assert not review.unread_findings
    first = review.findings[0]
    assert "stale prices" in first.body and "Priority" not in first.body
    assert first.fix.startswith("store the entry's age"), first.fix


def test_a_fields_text_naming_priority_is_no_level() -> None:
    # `priority` and `high` inside a field's text, no `Priority:` label: no finding of its own
    text = (
        "## Findings\n\n"
        "#### 1. Retry loop never stops\n"
        "- **Location:** `svc/retry.py:9`\n"
        "- **Severity:** Medium\n\n"
        "#### 2. Background\n"
        "- **Why it matters:** the priority is high for the next release.\n"
        "- **Context:** see the design note.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.id, f.title) for f in review.findings] == [("I1", "Retry loop never stops")]
    assert "Background" in review.findings[0].body


_PLAIN = (
    "## Findings\n\n"
    "1. Sessions are never evicted\n"
    "   - Severity: high\n"
    "   - File: app/sessions.py (lines 58–71)\n"
    "   - Nothing removes an entry once written.\n"
    "2. Parameter shadows a builtin\n"
    "   - Severity: low\n"
    "   - File: app/sessions.py (line 12)\n"
)


def test_plain_numbered_titles_with_level_bullets_are_findings() -> None:
    review = parse_review(_PLAIN, seat="alpha")
    assert [(f.id, f.title, str(f.locations[0])) for f in review.findings] == [
        ("C1", "Sessions are never evicted", "app/sessions.py:58-71"),
        ("S1", "Parameter shadows a builtin", "app/sessions.py:12"),
    ], review.findings
    assert not review.unread_findings
    assert review.findings[0].body == "- Nothing removes an entry once written."


def test_nested_four_deep_and_wrapped_fields_are_read() -> None:
    # the bullets nested four spaces deep; a field's text wrapped onto a second line
    text = _PLAIN.replace("\n   - ", "\n    - ").replace(
        "    - Severity: high\n",
        "    - **Why:** nothing removes an entry, so memory grows\n      until the pod is killed.\n"
        "    - Severity: high\n",
    )
    review = parse_review(text, seat="alpha")
    assert [(f.id, str(f.locations[0])) for f in review.findings] == [
        ("C1", "app/sessions.py:58-71"),
        ("S1", "app/sessions.py:12"),
    ], review.findings
    assert "until the pod is killed" in review.findings[0].body


def test_italic_labels_in_any_order() -> None:
    text = (
        "## Findings\n\n"
        "**1. Cache lookups never expire**\n"
        "- *Where:* `svc/cache.py:31`\n"
        "- *Why it matters:* stale prices are served.\n"
        "- *Severity:* High\n\n"
        "**2. Log line repeats the key**\n"
        "- *Where:* `svc/cache.py:48`\n"
        "- *Severity:* Low\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.id, str(f.locations[0])) for f in review.findings] == [
        ("C1", "svc/cache.py:31"),
        ("S1", "svc/cache.py:48"),
    ], review.findings


def test_a_plain_numbered_list_without_a_level_stays_a_list() -> None:
    # steps with sub-points, no level label: no finding of their own, as before
    text = (
        "## Findings\n\n"
        "- **Retry loop never stops** (`svc/retry.py:9`): it spins on 503.\n\n"
        "  To see it:\n\n"
        "  1. Start the server\n"
        "     - Port: 8080\n"
        "  2. Send a request with a high timeout\n"
    )
    review = parse_review(text, seat="alpha")
    assert [f.title for f in review.findings] == ["Retry loop never stops"], review.findings


def test_a_plan_with_priorities_and_no_place_is_no_finding() -> None:
    # plain numbered steps with a `Priority:` label but no place: a plan, not findings
    text = (
        "## Summary\n\nAdds a cache.\n\n## Findings\n\nNone.\n\n## Next steps\n\n"
        "1. Upgrade the client library\n   - Priority: low\n   - Owner: infra\n"
        "2. Add a dashboard\n   - Priority: medium\n"
    )
    review = parse_review(text, seat="alpha")
    assert review.findings == (), review.findings


def test_numbered_heading_findings_with_and_without_a_file_label() -> None:
    # `### 2.` names no file: still a heading finding, and the ones after it stay findings
    text = (
        "## Findings\n\n"
        "### 1. Cache lookups never expire\n**Severity:** Low\n**File:** `svc/cache.py:31`\n\n"
        "Stale prices are served.\n\n"
        "### 2. Commit message disagrees with the code\n**Severity:** Low\n\n"
        "The message says the catch is gone.\n\n**Recommendation:**\n\nreword it.\n\n"
        "### 3. Log line repeats the key\n**Severity:** Low\n**File:** `svc/cache.py:48`\n\n"
        "It is logged twice.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [f.id for f in review.findings] == ["S1", "S2", "S3"], review.findings


def test_the_verdict_counts_the_labelled_findings(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _WHERE_FIRST})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge with fixes", verdict
    assert "I1 needs attention" in verdict["reason"], verdict
