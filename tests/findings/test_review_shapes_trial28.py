"""Review shapes trial 28 lost (each text in our own words, same shape): a top-level `## Concerns`
list of placed findings, colored circles as the only level, severity headings in German, French
or Spanish, `- **Critical**` items with the findings nested under them, a table with a Type
column, `L10 of `c.py`` places, a title that opens with its place, and Codex's `[P2]`."""

from __future__ import annotations

from deepreview.findings import parse_review
from deepreview.findings.readable import unparseable_reason
from deepreview.model import AgentReview, Severity


def rows(review: AgentReview) -> list[tuple[str, Severity, str, tuple[str, ...]]]:
    return [(f.id, f.severity, f.title, tuple(map(str, f.locations))) for f in review.findings]


CONCERNS = """## Concerns

1. **`mul` adds instead of multiplying** — `ops.py:7`. Every product is wrong.
2. **Token printed to the log** — `auth.py:12`. Anyone with log access can use it.
"""


def test_a_top_level_concerns_list_of_placed_items_is_findings() -> None:
    for tail in ("", "\n## Verdict\n\nRequest changes.\n"):
        r = parse_review(CONCERNS + tail, seat="s")
        assert rows(r) == [
            ("I1", Severity.IMPORTANT, "`mul` adds instead of multiplying", ("ops.py:7",)),
            ("I2", Severity.IMPORTANT, "Token printed to the log", ("auth.py:12",)),
        ], tail
        assert r.design_observations == ()
        assert r.unrated == ("I1", "I2")  # no level given: the retro says so
        assert unparseable_reason(r) is None


def test_concerns_under_design_observations_stay_design() -> None:
    text = (
        "## Executive Summary\n\nSmall change.\n\n## Findings\n\nNone.\n\n"
        "## Design Observations\n\n### Concerns\n\n"
        "- **Cache key ignores the locale** — `cache.py:4` (future)\n\n"
        "### Strengths\n\n- Clear names.\n"
    )
    r = parse_review(text, seat="s")
    assert r.findings == ()
    assert [(o.kind, o.text.split(" — ")[0]) for o in r.design_observations] == [
        ("concern", "**Cache key ignores the locale**"),
        ("strength", "Clear names."),
    ]


def test_a_concerns_section_of_plain_remarks_stays_design() -> None:
    r = parse_review("## Concerns\n\n- The module grows large; consider a split later.\n")
    assert r.findings == ()
    assert len(r.design_observations) == 1


def test_circles_alone_give_the_level_of_paragraphs_and_bullets() -> None:
    paragraphs = (
        "## Review\n\n"
        "🔴 `store.py:9` — rows are deleted before the backup is written.\n\n"
        "🟠 `store.py:20` — the retry loop never sleeps.\n\n"
        "🟡 `store.py:31` — `tmp` is a vague name.\n\n"
        "Fix the red and orange ones first.\n"
    )
    expected = [
        ("C1", Severity.CRITICAL, "rows are deleted before the backup is written", ("store.py:9",)),
        ("I1", Severity.IMPORTANT, "the retry loop never sleeps", ("store.py:20",)),
        ("S1", Severity.SUGGESTION, "`tmp` is a vague name", ("store.py:31",)),
    ]
    r = parse_review(paragraphs, seat="s")
    assert rows(r) == expected
    assert unparseable_reason(r) is None
    bullets = paragraphs.replace("🔴", "- 🔴").replace("🟠", "- 🟠").replace("🟡", "- 🟡")
    assert rows(parse_review(bullets, seat="s")) == expected


def test_yellow_is_the_middle_level_when_no_orange_is_used() -> None:
    """🔴/🟡/🟢 is a traffic light: yellow is the middle level there, as before."""
    text = (
        "## Findings\n\n- 🔴 **Rows deleted early** (`store.py:9`)\n"
        "- 🟡 **Retry never sleeps** (`store.py:20`)\n- 🟢 **Vague name** (`store.py:31`)\n"
    )
    assert [f.severity for f in parse_review(text).findings] == [
        Severity.CRITICAL,
        Severity.IMPORTANT,
        Severity.SUGGESTION,
    ]


def test_circles_in_a_tables_severity_column_and_in_headings() -> None:
    table = (
        "## Findings\n\n| Severity | Location | Finding |\n|---|---|---|\n"
        "| 🔴 | `store.py:9` | rows deleted before the backup |\n"
        "| 🟠 | `store.py:20` | retry never sleeps |\n"
        "| 🟢 | `store.py:31` | vague name |\n"
    )
    r = parse_review(table, seat="s")
    assert [f.severity for f in r.findings] == [
        Severity.CRITICAL,
        Severity.IMPORTANT,
        Severity.SUGGESTION,
    ]
    assert r.unrated == ()
    headings = (
        "## Findings\n\n### 🔴 `store.py:9` — rows deleted before the backup\n\nWhy.\n\n"
        "### 🟠 `store.py:20` — retry never sleeps\n\nWhy.\n"
    )
    assert rows(parse_review(headings, seat="s")) == [
        ("C1", Severity.CRITICAL, "rows deleted before the backup", ("store.py:9",)),
        ("I1", Severity.IMPORTANT, "retry never sleeps", ("store.py:20",)),
    ]


def test_circle_headings_with_no_place_are_findings() -> None:
    """`### 🔴 Title` + a paragraph: the circle is the level as in `### 🔴 `a.py:3` — Title`,
    the finding has no place; under a findings heading and with no section heading at all."""
    headings = (
        "### 🔴 Retries never stop\n\nA dead server is called forever.\n\n"
        "### 🟠 The timeout is hard-coded\n\nIt cannot be raised for slow links.\n"
    )
    expected = [
        ("C1", Severity.CRITICAL, "Retries never stop", ()),
        ("I1", Severity.IMPORTANT, "The timeout is hard-coded", ()),
    ]
    for text in ("## Findings\n\n" + headings, "## Summary\n\nTwo problems.\n\n" + headings):
        r = parse_review(text, seat="s")
        assert rows(r) == expected, text
        assert r.findings[0].body == "A dead server is called forever."
        assert r.unread_findings == ()
    # the traffic light's yellow is the middle level here too
    yellow = parse_review(headings.replace("🟠", "🟡"), seat="s")
    assert [f.severity for f in yellow.findings] == [Severity.CRITICAL, Severity.IMPORTANT]


def test_green_circle_headings_with_no_place_stay_praise() -> None:
    r = parse_review("## Strengths\n\n### 🟢 Clear error messages\n\nEach one names the file.\n")
    assert r.findings == ()


def test_severity_headings_in_german_french_and_spanish() -> None:
    words = {
        "de": ("Kritische Probleme", "Wichtige Probleme", "Vorschläge"),
        "fr": ("Problèmes critiques", "Problèmes importants", "Suggestions"),
        "es": ("Problemas críticos", "Problemas importantes", "Sugerencias"),
    }
    for lang, (crit, imp, sug) in words.items():
        text = (
            f"## {crit}\n\n1. **Eins** — `a.py:1`\n\n## {imp}\n\n1. **Zwei** — `a.py:2`\n\n"
            f"## {sug}\n\n1. **Drei** — `a.py:3`\n"
        )
        r = parse_review(text, seat="s")
        assert [f.severity for f in r.findings] == [
            Severity.CRITICAL,
            Severity.IMPORTANT,
            Severity.SUGGESTION,
        ], lang
        assert r.unrated == (), lang


def test_findings_nested_under_level_bullets() -> None:
    text = (
        "## Findings\n\n- **Critical**\n"
        "  - `pay/refund.py:33` — a refund may exceed the charge.\n"
        "- **Important**\n"
        "  - `pay/refund.py:51` — a retried request refunds twice.\n"
        "  - `pay/hook.py:9` — the signature check is skipped without the header.\n"
        "- **Minor**\n"
        "  - `pay/refund.py:70` — magic number 86400.\n"
    )
    r = parse_review(text, seat="s")
    assert rows(r) == [
        ("C1", Severity.CRITICAL, "a refund may exceed the charge", ("pay/refund.py:33",)),
        ("I1", Severity.IMPORTANT, "a retried request refunds twice", ("pay/refund.py:51",)),
        (
            "I2",
            Severity.IMPORTANT,
            "the signature check is skipped without the header",
            ("pay/hook.py:9",),
        ),
        ("S1", Severity.SUGGESTION, "magic number 86400", ("pay/refund.py:70",)),
    ]
    assert r.unread_findings == ()


def test_a_findings_table_with_a_type_column() -> None:
    """Nit is a level; Bug and Security are kinds, not levels: important, with no severity
    given (the retro says so), the kind kept as the classification."""
    text = (
        "## Findings\n\n| Type | Where | What |\n|---|---|---|\n"
        "| Bug | ops.py:7 | `mul` adds |\n| Security | auth.py:12 | token logged |\n"
        "| Nit | ops.py:9 | naming |\n"
    )
    r = parse_review(text, seat="s")
    got = [
        (f.severity, f.classification, f.title, tuple(map(str, f.locations))) for f in r.findings
    ]
    assert got == [
        (Severity.IMPORTANT, "bug", "`mul` adds", ("ops.py:7",)),
        (Severity.IMPORTANT, "security", "token logged", ("auth.py:12",)),
        (Severity.SUGGESTION, None, "naming", ("ops.py:9",)),
    ]
    assert r.unrated == ("I1", "I2")
    assert r.unread_findings == ()


def test_line_of_file_places() -> None:
    text = (
        "## Important Issues\n\n1. **Off by one** — L10 of `c.py`\n"
        "2. **Other** — line 4 of `d.py`\n"
    )
    assert [tuple(map(str, f.locations)) for f in parse_review(text).findings] == [
        ("c.py:10",),
        ("d.py:4",),
    ]


def test_a_title_that_opens_with_its_place_loses_it() -> None:
    text = (
        "Mostly fine. Two things:\n\n"
        "- Blocking: `db/tx.go:210` closes the handle before the rollback runs.\n"
        "- Nit: `db/tx.go:12` — import grouping.\n"
    )
    assert rows(parse_review(text)) == [
        ("C1", Severity.CRITICAL, "closes the handle before the rollback runs", ("db/tx.go:210",)),
        ("S1", Severity.SUGGESTION, "import grouping", ("db/tx.go:12",)),
    ]


def test_codex_priorities_p2_is_a_real_bug_to_fix() -> None:
    """Codex's own review prompt: [P0] drop everything, [P1] urgent, [P2] normal, to be fixed
    eventually (a real bug: important), [P3] low, nice to have (a suggestion)."""
    text = (
        "Review comments:\n\n- [P0] Wipes the table — db.py:3-3\n  Gone.\n"
        "- [P1] Sign flipped — calc.py:2-2\n  Subtracts.\n"
        "- [P2] No zero guard — calc.py:5-5\n  Crashes on zero.\n"
        "- [P3] Rename KEY — app.py:1-1\n  Vague.\n"
    )
    assert [f.severity for f in parse_review(text).findings] == [
        Severity.CRITICAL,
        Severity.IMPORTANT,
        Severity.IMPORTANT,
        Severity.SUGGESTION,
    ]
