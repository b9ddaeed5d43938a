"""Review shapes a tester's trial run lost (each fixture in our own words, same shape): a kind
before the level in a file group's tag, numbered severity headings under a summary, a prose
review with numbered problems or with none we can read, and Testing / Documentation notes under
other names than ours."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review
from deepreview.findings.readable import unparseable_reason
from deepreview.model import Severity
from findings.test_review_fixtures import FIXTURES, parse


def summary(name: str) -> list[tuple[str, Severity, str | None, str, tuple[str, ...]]]:
    return [
        (f.id, f.severity, f.classification, f.title, tuple(str(loc) for loc in f.locations))
        for f in parse(name).findings
    ]


def test_a_kind_before_the_level_in_a_tag_is_read() -> None:
    """`- **Line 14** (bug, high): …` under a file heading: the level is any word of the tag,
    the other word its classification; no finding is lost or folded into another's body."""
    r = parse("file-groups-kind-then-level")
    assert summary("file-groups-kind-then-level") == [
        (
            "C1",
            Severity.CRITICAL,
            "bug",
            "`total()` skips the last line item of every invoice",
            ("billing/invoice.py:14",),
        ),
        (
            "I1",
            Severity.IMPORTANT,
            None,
            "tax is rounded per item instead of once per invoice",
            ("billing/invoice.py:30-32",),
        ),
        (
            "S1",
            Severity.SUGGESTION,
            "naming",
            "the helper name `calc2` says nothing about what it computes",
            ("billing/invoice.py:47",),
        ),
        (
            "C2",
            Severity.CRITICAL,
            "security",
            "the signing secret is written into the source file",
            ("billing/keys.py:3",),
        ),
    ]
    assert all(f.body == "" for f in r.findings)
    assert r.other_sections == ()
    assert r.unread_findings == ()


def test_numbered_level_headings_under_a_summary_are_findings() -> None:
    """Gemini's `### 1. **Critical: Title**` under `## Review Summary` (or `## Overview`): the
    findings are not swallowed into the summary, and the seat is not unparseable."""
    text = (FIXTURES / "numbered-level-headings-under-summary.md").read_text(encoding="utf-8")
    expected = [
        (Severity.CRITICAL, "One bucket map serves every tenant", ("upload/limit.go:22",)),
        (Severity.IMPORTANT, "Rejections carry no Retry-After header", ("upload/handler.go:57",)),
        (Severity.IMPORTANT, "The burst path has no test", ("upload/limit_test.go:1",)),
    ]
    for heading in ("## Review Summary", "## Overview", "## Summary"):
        r = parse_review(text.replace("## Review Summary", heading), seat="gemini")
        assert [(f.severity, f.title, tuple(map(str, f.locations))) for f in r.findings] == (
            expected
        ), heading
        assert r.executive_summary == (
            "The change puts a rate limiter in front of the upload endpoint. Three things need "
            "attention."
        )
        assert unparseable_reason(r) is None
        assert r.unread_findings == ()


def test_numbered_bold_problems_in_a_prose_review_are_findings() -> None:
    """No headings at all: `1. **Title** — `a.py:40`: … a **critical** bug.` items are
    findings, their level from an emphasised or parenthesised level word in the item; an item
    with none is taken as important and listed as unrated (the seat's retro says so)."""
    r = parse("prose-numbered-problems")
    assert summary("prose-numbered-problems") == [
        ("C1", Severity.CRITICAL, None, "Cache key ignores the locale", ("i18n/cache.py:40",)),
        (
            "S1",
            Severity.SUGGESTION,
            None,
            "Missing catalog logged as an error",
            ("i18n/load.py:12",),
        ),
        ("I1", Severity.IMPORTANT, None, "Stale comment above the loader", ("i18n/load.py:3",)),
    ]
    assert r.unrated == ("I1",)
    assert r.preamble.startswith("The patch is short")
    assert r.preamble.endswith("The rest looks fine to me.")
    assert r.unread_findings == ()


def test_prose_naming_problems_at_places_is_findings_text_not_read() -> None:
    """Problems told in sentences (a place with a line, a level word) that hold no finding we
    can read: never a review that found nothing, but findings that could not be read."""
    r = parse("prose-problems-unread")
    assert r.findings == ()
    assert len(r.unread_findings) == 1
    assert r.unread_findings[0].startswith("I read the exporter change end to end.")
    assert any(w.startswith("problems named in prose") for w in r.warnings), r.warnings
    assert unparseable_reason(r) is None  # a review, whose findings we could not read


def test_prose_without_places_or_levels_is_not_findings_text() -> None:
    """A clean review in prose, or one naming places without any problem, raises no alarm."""
    for text in (
        "I read `export/run.py:55` and the retry loop there; it stops after three tries.\n\n"
        "Looks good to me.",
        "The critical path is untouched. No issues found.",
        "## Summary\n\nChecked `a.py:3`: the minor refactor keeps behaviour.\n\n"
        "## Findings\n\nNone.\n",
    ):
        r = parse_review(text)
        assert r.unread_findings == (), text


def test_a_huge_paragraph_is_no_prose_finding() -> None:
    """Pasted output or noise is no passage telling a problem (and is not scanned for places:
    a seat printing megabytes of one word once kept the parser busy for minutes)."""
    noise = "A bug at `a.py:3`. " + "x" * 200_000
    assert parse_review(noise).unread_findings == ()


def test_testing_and_documentation_lead_ins_feed_the_assessments() -> None:
    """Codex's `**Tests**: none added …` and `**Docs**: …` after its findings list."""
    r = parse("testing-docs-lead-ins")
    assert [(f.id, f.title) for f in r.findings] == [
        ("I1", "Quota check skipped for admin tokens"),
        ("I2", "Error message names the wrong limit"),  # [P2]: Codex's "normal", a bug to fix
    ]
    assert r.testing.intro == "none added for the admin bypass or the new window size."
    assert r.documentation.intro == "the README still documents the hourly window."
    assert r.unparsed == ()


def test_testing_and_documentation_under_other_headings() -> None:
    """`### Test coverage`, `Documentation:`, `## Design Notes`."""
    r = parse("testing-docs-other-headings")
    assert [f.id for f in r.findings] == ["I1"]
    assert r.findings[0].fix == "pass `ex=ttl` to `set()`."
    assert r.testing.items == (
        "No test runs against a real Redis; the fake used in `tests/test_store.py` ignores TTLs.",
    )
    assert r.documentation.items == ("`docs/deploy.md` does not say Redis is now required.",)
    assert [o.text for o in r.design_observations] == [
        "The store interface stayed the same, so callers did not change."
    ]
    assert r.other_sections == ()


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        # a place closing its sentence (`calc.py:2.`, `calc.py:2:`) is still a place
        (
            "## Summary\n\nThe ledger total is broken at ledger.py:2: it subtracts.\n\n"
            "## Verdict\n\nRework.\n",
            "The ledger total is broken at ledger.py:2: it subtracts.",
        ),
        (
            "## Verdict\n\nRework: the total is broken at ledger.py:2.\n",
            "Rework: the total is broken at ledger.py:2.",
        ),
        # the seat's own verdict is the problem word
        ("Do not merge: ledger.py:2 now subtracts.\n", "Do not merge: ledger.py:2 now subtracts."),
        # no place at all, but the seat asks for changes: what it found is not in the text
        ("**Verdict:** Request changes\n", "Request changes"),
        ("## Verdict\n\nMerge with fixes.\n", "Merge with fixes."),
    ],
)
def test_a_seat_that_asks_for_changes_with_no_finding_read_is_unread(
    text: str, unread: str
) -> None:
    r = parse_review(text, seat="gemini")
    assert r.findings == ()
    assert r.unread_findings == (unread,)
    assert unparseable_reason(r) is None


@pytest.mark.parametrize(
    "text",
    [
        "## Verdict\n\nMerge as-is.\n",
        "## Summary\n\nNo issues found.\n\n## Verdict\n\nApprove.\n",
        # "no rework needed" approves
        "## Verdict\n\nNo rework needed; merge it.\n",
    ],
)
def test_an_approving_verdict_with_no_findings_is_no_unread_text(text: str) -> None:
    assert parse_review(text, seat="gemini").unread_findings == ()
