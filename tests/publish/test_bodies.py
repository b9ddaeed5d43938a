"""The pure builders: untrusted text made safe, the summary comment, anchoring, the review
payload (goldens), and the 65,536-character limit."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from deepreview.consolidate.fingerprint import fingerprint
from deepreview.model import Finding, Header, Location, Report, Reviewer, Severity, Verdict
from deepreview.publish.gate import fails
from deepreview.publish.inline import (
    Anchor,
    anchor,
    plan_inline,
    quoted_lines,
    review_payload,
    right_side_lines,
)
from deepreview.publish.safe import (
    SUMMARY_MARKER,
    block_text,
    code_span,
    finding_marker,
    inline_text,
    is_summary,
    marker_fingerprint,
)
from deepreview.publish.summary import GITHUB_LIMIT, SummaryInput, summary_body
from support.golden import assert_golden

PATCH = "@@ -3,4 +3,5 @@ def f():\n ctx3\n-old4\n+new4\n+new5\n ctx6\n ctx7\n"
HEAD = "\n".join(["l1", "l2", "ctx3", "new4", "new5", "ctx6", "ctx7", "l8", "tail()"]) + "\n"


def _finding(fid: str, sev: Severity, title: str, loc: Location | None, body: str = "") -> Finding:
    return Finding(
        id=fid,
        severity=sev,
        title=title,
        locations=(loc,) if loc else (),
        classification="regression",
        reviewers=("Claude Opus 4.6",),
        body=body,
        fix="```diff\n-new4\n+better4\n```" if sev == Severity.CRITICAL else "",
    )


FINDINGS = (
    _finding(
        "C1",
        Severity.CRITICAL,
        "Token leaks to `logs`, cc @admin",
        Location("app.py", 4),
        "```python\nnew4\n```\n\nSee <script>alert(1)</script> and @mallory.",
    ),
    _finding(
        "I1",
        Severity.IMPORTANT,
        "Off-by-one in the loop",
        Location("app.py", 40),
        "```python\nnew5\n```\n\nThe bound is wrong.",
    ),
    _finding("S1", Severity.SUGGESTION, "Rename `l8`", Location("app.py", 8), "Tiny."),
)
REPORT = Report(
    header=Header(
        review_id="20260408-145125-pr-7",
        review_sha="0123456789abcdef0123",
        reviewers=(Reviewer("claude", "Claude", "Opus 4.6"), Reviewer("codex", "Codex")),
        verdict=Verdict("Rework", "one Critical issue"),
    ),
    findings=FINDINGS,
)


def test_right_side_lines_are_added_and_context_lines() -> None:
    assert right_side_lines(PATCH) == {3, 4, 5, 6, 7}
    assert right_side_lines("") == frozenset()


def test_mentions_html_and_markers_are_neutralised_outside_code() -> None:
    text = block_text("Hi @admin <b>x</b> <!-- deep-review:summary -->\n```\n@keep <tag>\n```")
    assert "@admin" not in text and "<b>" not in text and "<!--" not in text
    assert "@keep <tag>" in text  # code shows as written; GitHub resolves nothing there
    assert inline_text("`@a <b>` then @b") == "`@a <b>` then @\u2060b"
    assert block_text("```python\nunclosed").endswith("\n```")
    assert code_span("a`b") == "``a`b``"


def test_markers_are_only_recognised_as_the_first_line() -> None:
    fp = fingerprint(FINDINGS[0])
    assert marker_fingerprint(f"{finding_marker(fp)}\n\nbody") == fp
    assert marker_fingerprint(f"quoted: {finding_marker(fp)}") is None
    assert marker_fingerprint("<!-- deep-review:finding not-a-fingerprint -->") is None
    assert is_summary(f"{SUMMARY_MARKER}\nx") and not is_summary(f"> {SUMMARY_MARKER}")


def test_anchor_on_line_reanchored_or_none() -> None:
    lines = {"app.py": right_side_lines(PATCH)}
    heads = {"app.py": HEAD}
    assert anchor(FINDINGS[0], lines, heads) == Anchor("app.py", 4)
    assert anchor(FINDINGS[1], lines, heads) == Anchor("app.py", 5, moved_from=40)
    assert anchor(FINDINGS[2], lines, heads) is None  # line 8 is outside the hunk, no quote
    quoted_off_diff = _finding(
        "S2", Severity.SUGGESTION, "t", Location("app.py", 1), "```\ntail()\n```"
    )
    assert anchor(quoted_off_diff, lines, heads) is None  # found, but not on the diff
    other_file = _finding("S3", Severity.SUGGESTION, "t", Location("b.py", 4))
    assert anchor(other_file, lines, heads) is None
    diff_quote = _finding(
        "S4", Severity.SUGGESTION, "t", Location("app.py", 99), "```diff\n-old4\n+new4\n```"
    )
    assert quoted_lines(diff_quote) == ["new4"]
    assert anchor(diff_quote, lines, heads) == Anchor("app.py", 4, moved_from=99)


def test_plan_skips_findings_already_inline() -> None:
    lines = {"app.py": right_side_lines(PATCH)}
    plan = plan_inline(FINDINGS, lines, {"app.py": HEAD}, frozenset({fingerprint(FINDINGS[0])}))
    assert [f.id for f in plan.already] == ["C1"]
    assert [(f.id, a.line) for f, a in plan.comments] == [("I1", 5)]
    assert [f.id for f in plan.unanchored] == ["S1"]


def test_untitled_findings_of_one_file_get_their_own_inline_markers() -> None:
    """Trial 44a: two findings titled by their location shared one marker, so the second
    looked posted already."""
    lines = {"app.py": right_side_lines(PATCH)}
    twins = [
        _finding("C1", Severity.CRITICAL, "`app.py:4`", Location("app.py", 4), "It leaks."),
        _finding("I1", Severity.IMPORTANT, "`app.py:4`", Location("app.py", 4), "It panics."),
    ]
    plan = plan_inline(twins, lines, {"app.py": HEAD}, frozenset())
    markers = [
        marker_fingerprint(review_payload(((f, a),), None)["comments"][0]["body"])
        for f, a in plan.comments
    ]
    assert len(markers) == 2 and len(set(markers)) == 2, markers
    posted = frozenset({markers[0] or ""})
    again = plan_inline(twins, lines, {"app.py": HEAD}, posted)
    assert [f.id for f in again.already] == ["C1"]
    assert [f.id for f, _ in again.comments] == ["I1"]


def test_review_payload_golden() -> None:
    lines = {"app.py": right_side_lines(PATCH)}
    plan = plan_inline(FINDINGS, lines, {"app.py": HEAD}, frozenset())
    payload = review_payload(plan.comments, "f" * 40)
    assert_golden("publish/review-payload.json", json.dumps(payload, indent=2) + "\n")


def test_summary_golden() -> None:
    body = summary_body(
        SummaryInput(
            report=REPORT,
            inline_ids=frozenset({"C1", "I1"}),
            moved={"I1": "app.py:5"},
            unanchored_ids=frozenset({"S1"}),
            report_url="https://reviews.example/20260408-145125-pr-7.html",
            review_id="20260408-145125-pr-7",
        )
    )
    assert_golden("publish/summary.md", body)


def test_summary_without_findings_or_url_golden() -> None:
    empty = Report(header=Header(review_id="r1", verdict=Verdict("Merge as-is")))
    assert_golden("publish/summary-empty.md", summary_body(SummaryInput(report=empty)))


def test_summary_stays_under_githubs_limit() -> None:
    huge = tuple(
        _finding(
            f"I{i}",
            Severity.IMPORTANT,
            f"Problem {i} " + "x" * 400,
            Location("a.py", i),
            "```\n" + "y" * 9000 + "\n```",
        )
        for i in range(1, 400)
    )
    report = Report(header=Header(review_id="big", verdict=Verdict("Rework")), findings=huge)
    body = summary_body(SummaryInput(report=report, review_id="big"))
    assert len(body) <= GITHUB_LIMIT
    assert body.startswith(SUMMARY_MARKER)
    assert "Cut to fit GitHub's comment limit" in body
    assert "`deep-review show big`" in body
    assert body.rstrip().endswith("</sub>")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=3000), min_size=1, max_size=40))
def test_any_findings_fit_and_keep_one_marker(texts: list[str]) -> None:
    findings = tuple(
        _finding(f"S{i}", Severity.SUGGESTION, t[:200] or "t", Location("a.py", i + 1), t)
        for i, t in enumerate(texts)
    )
    report = Report(
        header=Header(review_id="p", verdict=Verdict("Merge with fixes")), findings=findings
    )
    body = summary_body(SummaryInput(report=report), limit=20_000)
    assert len(body) <= 20_000
    assert body.startswith(SUMMARY_MARKER) and body.rstrip().endswith("</sub>")
    # Whatever fences the text opened were closed before our own closing tag.
    from deepreview.markdown_fence import strip_code

    assert ("<details>" in body) == ("</details>" in strip_code(body))


def test_gate() -> None:
    assert fails(REPORT, "critical") and fails(REPORT, "suggestion")
    only_s = Report(header=REPORT.header, findings=(FINDINGS[2],))
    assert not fails(only_s, "important") and fails(only_s, "suggestion")
    assert not fails(REPORT, "never")
