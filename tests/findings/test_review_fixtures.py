"""Hand-written reviews in every deviation style the parser must cope with, each with a golden."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.model import AgentReview, Location, Severity
from deepreview.serialize import to_json
from support.golden import assert_golden

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reviews"
PREFIXES = ("/home/dev/wt",)
NAMES = sorted(p.stem for p in FIXTURES.glob("*.md"))


def parse(name: str) -> AgentReview:
    text = (FIXTURES / f"{name}.md").read_text(encoding="utf-8")
    return parse_review(text, seat="fixture", worktree_prefixes=PREFIXES)


def ids(review: AgentReview) -> list[str]:
    return [f.id for f in review.findings]


@pytest.mark.parametrize("name", NAMES)
def test_golden(name: str) -> None:
    assert_golden(f"reviews/{name}.json", to_json(parse(name)))


def test_every_fixture_has_a_golden() -> None:
    goldens = Path(__file__).resolve().parents[1] / "golden" / "reviews"
    assert len(NAMES) >= 10
    for name in NAMES:
        assert (goldens / f"{name}.json").exists(), name


def test_bold_line_headings_and_bold_ids() -> None:
    r = parse("bold-line-headings")
    assert ids(r) == ["I1", "I2", "S1"]
    i1 = r.findings[0]
    assert i1.locations == (Location("internal/upload/retry.go", 40, 58),)
    assert i1.fix.startswith("cap the delay.\n\n```diff")  # from a `**Fix:**` line
    assert [(o.kind, o.scope) for o in r.design_observations] == [
        ("concern", "future"),
        ("strength", None),
    ]
    assert [(c.path, c.status) for c in r.coverage] == [
        ("internal/upload/client.go", "I2"),
        ("internal/upload/retry.go", "I1, S1"),
        ("go.sum", "Trivial"),
    ]
    assert r.limitations.startswith("- `TODO(retry)")
    assert r.warnings == ()


def test_bracket_style_without_ids_gets_ids_by_order() -> None:
    r = parse("bracket-no-ids")
    assert [(f.id, f.severity, str(f.locations[0])) for f in r.findings] == [
        ("C1", Severity.CRITICAL, "pkg/cache/cache.go:31"),
        ("I1", Severity.IMPORTANT, "pkg/cache/cache.go:52-60"),
        ("I2", Severity.IMPORTANT, "pkg/cache/options.go:14"),
        ("S1", Severity.SUGGESTION, "pkg/cache/cache.go:70"),
    ]
    assert r.findings[0].title == "Concurrent map writes without a lock"
    assert r.findings[3].title == "Prefer `time.Since`"
    assert r.findings[2].body == ""
    assert len(r.coverage) == 3  # table with a header row
    assert "finding S1 has no Fix" in r.warnings


def test_numbered_findings_under_severity_headings() -> None:
    r = parse("numbered-under-heading")
    assert ids(r) == ["C1", "I1", "I2"]
    c1 = r.findings[0]
    # The body's own `1. 2. 3.` list is not taken for findings.
    assert "2. backfill in batches," in c1.body
    assert c1.fix == "split the migration into the three steps above."
    assert r.findings[2].locations == (Location("db/migrations_test.go"),)
    assert r.coverage[2].status == ""  # `- `path`` with no status


def test_tag_after_reviewers_carry_forward_and_missing_tag() -> None:
    r = parse("tag-after-reviewers")
    i1, i2, i3, s1 = r.findings
    assert i1.reviewers == ("Claude Opus 4.6", "Codex GPT 5.4")
    assert i1.locations == (Location("auth/session.go", 120, 141), Location("auth/logout.go", 33))
    assert i1.carry_forward == "Round 2 I3, unaddressed"
    assert (i2.id, i2.title, i2.classification, i2.verification) == (
        "I2",
        "Refresh token logged at debug level",
        "gap",
        "verified",
    )
    assert i2.fix.startswith("```diff")
    assert (i3.severity, i3.classification) == (Severity.IMPORTANT, None)
    assert s1.reviewers == ("orchestrator",)
    assert s1.locations == ()


def test_links_and_worktree_paths_become_repo_relative() -> None:
    r = parse("links-worktree")
    assert [[str(loc) for loc in f.locations] for f in r.findings] == [
        ["pkg/api/handler.go:88-97", "pkg/api/stream.go:12-30"],
        ["pkg/api/headers.go:5"],
        ["pkg/api/server.go:40-44"],
        ["pkg/api/win.go:7"],
    ]
    assert [c.path for c in r.coverage] == [
        "pkg/api/handler.go",
        "pkg/api/stream.go",
        "pkg/api/headers.go",
    ]


def test_cut_off_mid_sentence_keeps_what_is_there() -> None:
    r = parse("cut-off-mid-sentence")
    assert ids(r) == ["I1", "I2"]
    assert r.findings[1].body.endswith("so a plugin built for")
    assert r.findings[1].fix == ""
    assert any(w.startswith("review may be cut off mid-sentence") for w in r.warnings)
    assert "finding I2 has no Fix" in r.warnings


def test_cut_off_inside_code_block() -> None:
    r = parse("cut-off-in-code")
    assert ids(r) == ["C1"]
    assert r.findings[0].fix.startswith("```diff\n-if sig == expected {")
    assert r.cut_off.startswith("review ends inside an unclosed code block: '…+if hmac.Equal(")
    assert r.cut_off in r.warnings


def test_cut_off_in_a_fix_diff_or_a_finding_item() -> None:
    assert parse("cut-off-in-fix-diff").cut_off.endswith("'…+ if push(chu'")
    r = parse("cut-off-finding-item")
    assert ids(r) == ["I1", "I2", "I3"]
    assert r.cut_off.endswith("'…errors from the writer are swallowed when the disk'")


def test_circle_headings_with_no_place() -> None:
    r = parse("circle-headings-no-place")
    assert [(f.id, f.severity, f.title, f.locations) for f in r.findings] == [
        ("C1", Severity.CRITICAL, "Jobs can run twice after a restart", ()),
        ("I1", Severity.IMPORTANT, "No test covers the restart path", ()),
    ]  # (the green circle before praise is no finding)


def test_two_drafts_are_merged_not_double_counted() -> None:
    r = parse("two-drafts")
    assert ids(r) == ["I1", "S1", "I2"]
    i1 = r.findings[0]
    assert i1.locations == (Location("cache/key.go", 10, 14),)  # the more complete draft
    assert i1.fix == "prefix the key with the tenant ID."
    assert r.executive_summary.startswith("The change keys the cache by request path.")
    assert [o.text for o in r.design_observations] == [
        "Small, focused change.",
        "Keys are built in one place.",
    ]
    assert r.testing.items == ("No multi-tenant test.", "No test for tenant deletion.")
    assert [(c.path, c.status) for c in r.coverage] == [
        ("cache/key.go", "I1, S1"),
        ("cache/key_test.go", "Reviewed, no issues"),
        ("cache/store.go", "I2"),
    ]
    assert "finding I1 appears twice; kept the more complete version" in r.warnings
    assert "finding I1 has no Fix" not in r.warnings


def test_chatter_verdict_unknown_sections_and_trailing_reply() -> None:
    r = parse("chatter-background-task")
    assert r.preamble.startswith("Now I have a thorough understanding")
    assert r.preamble.endswith("# Code Review: PR #812")
    assert r.executive_summary == "Moves config parsing to TOML."
    assert r.verdict_line == "Merge with fixes — one important issue."
    assert ids(r) == ["I1"]
    assert [s.title for s in r.other_sections] == ["Round 2 Fix Verdicts"]
    # The reply to a background task after the review is kept, not dropped.
    assert r.unparsed == ("The background task `golangci-lint run` completed too; nothing new.",)
    assert r.warnings


def test_no_findings_at_all() -> None:
    r = parse("no-findings")
    assert r.findings == ()
    assert [(o.kind, o.text[:5]) for o in r.design_observations] == [("strength", "Typos")]
    assert r.testing.intro == "No code changed; no tests needed."
    assert r.limitations == "None."
    assert r.unparsed == ()
    assert r.warnings == ()


def test_a_review_wrapped_whole_in_a_markdown_fence_is_unwrapped() -> None:
    r = parse("wrapped-in-markdown-fence")
    assert [(f.id, f.severity) for f in r.findings] == [
        ("I1", Severity.IMPORTANT),
        ("S1", Severity.SUGGESTION),
    ]
    assert r.findings[0].locations == (Location("cache/lru.py", 88, 97),)
    assert "self._order.remove(key)" in r.findings[0].body  # the inner code block survives
    assert r.testing.intro.startswith("No test drives")
    assert r.preamble.startswith("I have finished reading the diff.")
    assert "review wrapped in a Markdown code block; unwrapped" in r.warnings


def test_severity_sections_in_other_words() -> None:
    r = parse("severity-level-words")
    # Critical / High / Medium / Low: High ranks below Critical, Low and Nits are suggestions;
    # "High-level design" is no severity section.
    assert [(f.severity, f.title) for f in r.findings] == [
        (Severity.CRITICAL, "Signature check skipped for retried deliveries"),
        (Severity.IMPORTANT, "Delivery ID logged with the secret"),
        (Severity.SUGGESTION, "Typo in `recieve` helper name"),
        (Severity.SUGGESTION, "Magic number 3 for retries"),
    ]
    assert [s.title for s in r.other_sections] == ["High-level design"]


def test_a_heading_with_more_than_a_severity_is_no_severity_section() -> None:
    # Found by hypothesis: the words after the level words were lost with the heading.
    r = parse_review("### Critical Issues Fix: jjjjjjj\n\nsome prose\n", seat="fixture")
    assert [s.title for s in r.other_sections] == ["Critical Issues Fix: jjjjjjj"]
    r = parse_review("## Low priority (2)\n\n1. **Rename `x`** — `a.py:1`\n", seat="fixture")
    assert [f.severity for f in r.findings] == [Severity.SUGGESTION]


def test_a_review_that_ends_with_a_markdown_example_keeps_it_as_code() -> None:
    fence = "`" * 3
    text = (
        "## Findings\n\n### Suggestions\n\n**S1. Document the format** — `docs/fmt.md:3`\n\n"
        f"Suggested text:\n\n{fence}markdown\n## Critical Issues\n\nNone.\n{fence}\n"
    )
    r = parse_review(text, seat="fixture")
    assert [f.id for f in r.findings] == ["S1"]
    assert "## Critical Issues" in r.findings[0].fix or "## Critical Issues" in r.findings[0].body
    assert not any("unwrapped" in w for w in r.warnings)


def test_bulleted_findings_under_severity_headings() -> None:
    r = parse("bullet-findings")
    assert [(f.id, f.title, f.locations) for f in r.findings] == [
        (
            "I1",
            "Retries re-read a consumed stream",
            (Location("importer/fetch.py", 41, 58),),
        ),
        (
            "I2",
            "the dialect switch ignores a BOM, so the first column name is wrong",
            (Location("importer/csv.py", 12),),
        ),
        ("S1", "Name the retry budget", (Location("importer/fetch.py", 9),)),
        ("S2", "Log the dialect picked", (Location("importer/csv.py", 20),)),
    ]
    # The nested bullets, `**Fix:**` among them, belong to I1; they are not findings.
    assert "buffer the body once" in r.findings[0].fix
    assert r.unread_findings == ()


def test_bullets_inside_an_id_finding_stay_its_body() -> None:
    text = (
        "## Findings\n\n### Important Issues\n\n**I1. Retry loop** — `lib.py:3`\n\n"
        "- the loop at `lib.py:5` never exits\n- **Fix:** cap it\n"
    )
    r = parse_review(text, seat="fixture")
    assert [f.id for f in r.findings] == ["I1"]
    assert "never exits" in r.findings[0].body


def test_findings_as_sub_headings_under_severity_headings() -> None:
    r = parse("heading-findings")
    assert [(f.id, f.title, f.locations) for f in r.findings] == [
        ("I1", "Eviction races with a concurrent `put()`", (Location("cache/lru.py", 88, 97),)),
        ("S1", "Timer interval is hard-coded", (Location("cache/timer.py", 14),)),
    ]
    # `##### Evidence` stays in the body; `##### Fix` opens the fix.
    assert 'leave `"a"` in `_order`' in r.findings[0].body
    assert r.findings[0].fix == "Hold `self._lock` around both steps."
    assert r.unread_findings == ()


def test_ids_of_four_and_more_digits_are_findings_of_their_own() -> None:
    # A review of 2000 findings numbered past I999: I1000 was read as part of I999's text.
    r = parse("four-digit-ids")
    assert ids(r) == ["I998", "I999", "I1000", "I1001", "I1002", "I1003", "S999", "S1000", "S12345"]
    assert "I1000" not in r.findings[1].body
    assert [str(loc) for loc in r.findings[2].locations] == ["gen/page.py:1000"]
    table = parse("four-digit-ids-table")
    assert [(f.id, f.title) for f in table.findings] == [
        ("I999", "Off by one in the last page"),
        ("I1000", "Four-digit ID in a table row"),
        ("S1000", "Name the other constant"),
    ]


def test_sub_headings_at_the_sixth_level_under_a_sixth_level_severity_heading() -> None:
    # A report's appendix prints every heading of a review at level 6, so a finding's
    # sub-heading sits at the level of its severity heading; it read as a section of its own and
    # the review gave 0 findings, with no warning.
    r = parse("flat-h6-sub-headings")
    assert [(f.id, f.title, f.locations[0].start) for f in r.findings] == [
        ("I1", "Worker pool never drains on shutdown", 41),
        ("I2", "Resized file written before its directory exists", 17),
        ("S1", "Pool size hard-coded to 4", 12),
        ("S2", "No test stops the pool mid-job", 30),
    ]
    # a sixth-level heading that names no place is still a section of its own
    assert [s.title for s in r.other_sections] == ["Commit Structure"]
    assert r.testing.intro.startswith("The new tests cover resizing")


def test_a_tag_inside_the_bold_title_is_the_findings_tag() -> None:
    # `**Title (critical, regression)** — `a.py:3``: the tag stayed in the title and the
    # classification was lost (a real review wrote all five of its findings so).
    r = parse("tags-inside-bold-titles")
    assert [(f.id, f.title, f.classification) for f in r.findings] == [
        ("C1", "Export skips the last partial page", "regression"),
        ("I1", "Temporary file left behind on error", "gap"),
        ("S1", "Batch size is a magic number", "enhancement"),
        # words in parentheses that are no tag stay in the title
        ("S2", "Rename `do_it` to `write_rows` (critical path stays the same)", None),
    ]
    assert r.findings[0].locations == (Location("export/stream.py", 52, 60),)
