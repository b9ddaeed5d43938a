"""Review shapes seen in real agent output (issue 11 §2), one fixture each in our own words."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review
from deepreview.model import Location, Severity
from findings.test_review_fixtures import parse


def summary(name: str) -> list[tuple[str, Severity, str, tuple[str, ...]]]:
    return [
        (f.id, f.severity, f.title, tuple(str(loc) for loc in f.locations))
        for f in parse(name).findings
    ]


def test_bold_severity_lead_ins_with_classification_lines() -> None:
    r = parse("bold-severity-lead-ins")
    assert summary("bold-severity-lead-ins") == [
        ("C1", Severity.CRITICAL, "Retry loop never sleeps", ("fetch/retry.go:58",)),
        (
            "I1",
            Severity.IMPORTANT,
            "Timeout ignored for the first call",
            ("fetch/client.go:12-40",),
        ),
        ("S1", Severity.SUGGESTION, "Name the magic number", ("fetch/client.go:77",)),
    ]
    assert [f.classification for f in r.findings] == ["regression", "gap", None]
    # (the text's own label, `Problem:`, is no part of it)
    assert r.findings[0].body.startswith("The backoff value")
    assert r.findings[0].fix == "Sleep for `backoff` before the next attempt."
    assert r.executive_summary.startswith("The change adds a retry loop")  # bold-line heading
    assert r.warnings == ()


def test_numbered_findings_continue_across_severity_sections() -> None:
    assert [(i, s) for i, s, _, _ in summary("numbered-across-sections")] == [
        ("C1", Severity.CRITICAL),
        ("I1", Severity.IMPORTANT),
        ("S1", Severity.SUGGESTION),
    ]
    s1 = parse("numbered-across-sections").findings[2]
    assert s1.classification == "enhancement"
    assert "1. start two workers" in s1.body  # a list inside the body is not a finding


def test_bracket_tags_and_id_styles() -> None:
    got = summary("tags-and-id-styles")
    assert got == [
        ("C2", Severity.CRITICAL, "Connection leaked on error", ("store/db.go:10",)),
        (
            "I3",
            Severity.IMPORTANT,
            "Transaction not rolled back",
            ("store/db.go:30", "store/tx.go:5"),
        ),
        (
            "I1",
            Severity.IMPORTANT,
            "Cache key ignores tenant",
            ("cache/key.go:4", "cache/key_test.go:9"),
        ),
        ("I2", Severity.IMPORTANT, "Stale comment", ("cache/key.go:1",)),
        ("C1", Severity.CRITICAL, "Panic on nil config", ("cfg/load.go:22", "cfg/load.go:40")),
    ]


def test_findings_in_a_table() -> None:
    assert summary("findings-table") == [
        ("C1", Severity.CRITICAL, "Token compared with `==`", ("auth/token.go:15",)),
        ("I1", Severity.IMPORTANT, "Session not invalidated on logout", ("auth/session.go:88-92",)),
        ("S1", Severity.SUGGESTION, "Document the rotation", ("auth/README.md",)),
    ]
    assert parse("findings-table").unparsed == ()


def test_deeper_headings_and_line_words() -> None:
    r = parse("deep-headings-line-words")
    assert [f.locations for f in r.findings] == [
        (Location("lexer/scan.go", 88),),
        (Location("lexer/util.go", 3, 9),),
    ]
    assert r.executive_summary.startswith("The tokenizer now keeps positions")
    assert [c.path for c in r.coverage] == ["lexer/scan.go", "lexer/util.go"]


def test_finding_word_headings_with_file_and_severity_lines() -> None:
    r = parse("finding-word-headings")
    # `High` is the top of a High/Low review's scale, as a `## High Severity` section is
    assert summary("finding-word-headings") == [
        (
            "C1",
            Severity.CRITICAL,
            "Config reload drops the log level",
            ("conf/reload.go:31", "conf/reload_test.go:12"),
        ),
        ("S1", Severity.SUGGESTION, "Unused import in the test", ("conf/reload_test.go:3",)),
        (
            "I1",
            Severity.IMPORTANT,
            "Comment says seconds, code uses milliseconds",
            ("conf/timeouts.go:8-9",),
        ),
    ]
    assert r.findings[0].body == "The reload path rebuilds the logger without copying the level."
    assert (
        "finding 'Comment says seconds, code uses milliseconds': no severity given; taken as "
        "important" in r.warnings
    )


def test_tags_in_code_spans_and_locations_only_in_the_body() -> None:
    """`##### I1. Title `(important, regression)`` with the place named only in the prose below:
    the tag is read, and the first place the prose names (one with a line first) locates it."""
    r = parse("code-tags-body-locations")
    assert summary("code-tags-body-locations") == [
        (
            "I1",
            Severity.IMPORTANT,
            "Timeout in `fetch.ts` is never cleared after a successful read",
            ("src/feed/fetch.ts:22",),
        ),
        (
            "I2",
            Severity.IMPORTANT,
            "Entry parser is not covered by any test",
            ("src/feed/__tests__/reader.spec.ts",),
        ),
        (
            "S1",
            Severity.SUGGESTION,
            "Date formatting ignores the user's locale",
            ("src/feed/format.ts:41-44",),
        ),
    ]
    assert [f.classification for f in r.findings] == ["regression", "gap", "enhancement"]
    assert "src/feed/fetch.ts:22" in r.findings[0].body  # the body itself is unchanged


def test_free_form_findings_with_severity_lines() -> None:
    """`### 1. Title` + `**Severity:** High` / `- **Severity**: Medium` / `**Priority:** Low`
    under a plain Findings heading: each is a finding, severity from its own line."""
    r = parse("severity-fields")
    assert summary("severity-fields") == [
        (
            "C1",
            Severity.CRITICAL,
            "Eviction removes the most recently used entry",
            ("cache/lru.go:88-95",),
        ),
        ("I1", Severity.IMPORTANT, "`Len()` counts expired entries", ("cache/lru.go:40",)),
        (
            "S1",
            Severity.SUGGESTION,
            "The `ttl` field (optional) is never documented",
            ("cache/config.go:12",),
        ),
    ]
    assert r.findings[0].fix == "evict `c.order.Back()`."  # a **Recommendation:** is the fix
    assert "**Severity" not in r.findings[1].body
    # a sub-heading with no severity of its own is not a finding; its text is kept
    assert "### Background" in r.findings[2].body


def test_level_tags_in_a_numbered_list_rank_high_below_critical() -> None:
    """`[Critical]` and `[High]` in one review: four levels, so High is important. A table of
    earlier rounds' items (it has a Status column) is not this review's findings."""
    r = parse("level-tags-list")
    assert summary("level-tags-list") == [
        ("C1", Severity.CRITICAL, "Tokens are logged in plain text", ("auth/login.py:51",)),
        (
            "I1",
            Severity.IMPORTANT,
            "Session expiry compares naive and aware datetimes",
            ("auth/session.py:30",),
        ),
        ("S1", Severity.SUGGESTION, "unused `hashlib` import", ("auth/util.py:4",)),
    ]
    assert r.findings[1].body == "A `TypeError` on every refresh after the first hour."
    assert [s.title for s in r.other_sections] == ["Prior Round Findings"]


def test_a_severity_table_outside_any_findings_section() -> None:
    r = parse("severity-table-outside-findings")
    assert summary("severity-table-outside-findings") == [
        (
            "C1",
            Severity.CRITICAL,
            "Dropping `users.email` loses data with no backfill",
            ("db/migrate.sql:14",),
        ),
        (
            "S1",
            Severity.SUGGESTION,
            "`repr` leaks the password hash | shows it in logs",
            ("db/models.py:70-72",),
        ),
    ]
    assert r.findings[0].fix == "copy the column first"
    assert [(s.title, s.body) for s in r.other_sections] == [
        ("Review notes", "Nothing else stood out; the migration order is right.")
    ]


def test_findings_grouped_under_file_headings() -> None:
    """`### `store/queue.py`` + `- **Line 42** (High): …`: the heading is where the findings
    under it are, not a finding and not unread text."""
    r = parse("file-grouped-findings")
    assert summary("file-grouped-findings") == [
        (
            "C1",
            Severity.CRITICAL,
            "the lock is released before the item is popped — two consumers get it",
            ("store/queue.py:42",),
        ),
        (
            "S1",
            Severity.SUGGESTION,
            "the retry count, once reset, is never logged",
            ("store/queue.py:80-85",),
        ),
        (
            "I1",
            Severity.IMPORTANT,
            "`timeout` is read as minutes; the docs say seconds",
            ("store/worker.py:12",),
        ),
    ]
    assert r.findings[1].body == "Logging it helps triage."
    assert r.unread_findings == ()


def test_severity_words_leading_list_items() -> None:
    """`🔴 **Critical — Title**`, `**Nit:** title`, and under `## Minor` / `## Nits` items that
    open with their place (with or without a separator) or, numbered, end with it in
    parentheses."""
    r = parse("severity-lead-ins-in-lists")
    assert summary("severity-lead-ins-in-lists") == [
        ("C1", Severity.CRITICAL, "Two workers fill the same key at once", ("cache/fill.py:30",)),
        ("I1", Severity.IMPORTANT, "The cache never shrinks", ("cache/store.py:55",)),
        ("S1", Severity.SUGGESTION, "a typo in the module docstring", ("cache/__init__.py:3",)),
        (
            "S2",
            Severity.SUGGESTION,
            "Keys are built with `str()`, which is not stable for dicts",
            ("cache/store.py:80",),
        ),
        ("S3", Severity.SUGGESTION, "The name `tmp2` says nothing", ("cache/fill.py:12",)),
        ("S4", Severity.SUGGESTION, "Trailing whitespace", ("cache/fill.py:40",)),
        (
            "S5",
            Severity.SUGGESTION,
            "The module constant is spelled two ways",
            ("cache/store.py:7",),
        ),
    ]
    # a lower-case sentence after a place is a point inside the finding above it
    assert r.findings[3].body.startswith("- `cache/store.py:84` shows the same call")
    # the explanation keeps its punctuation as written
    assert r.findings[0].body == "The second write wins, silently."
    assert r.findings[1].body == ""


def test_severity_led_headings_open_findings_in_any_section() -> None:
    """`## Code Review` + `### 🔴 Critical: Title` / `### 🟡 Warning: …` / `### 🔵 Info: …`;
    `### High-level design` stays prose."""
    r = parse("severity-headings-anywhere")
    assert summary("severity-headings-anywhere") == [
        (
            "C1",
            Severity.CRITICAL,
            "Two workers fill the same key at once",
            ("cache/fill.py:30",),
        ),
        ("I1", Severity.IMPORTANT, "The map never shrinks", ("cache/store.py",)),
        ("S1", Severity.SUGGESTION, "Rename `tmp2`", ()),
    ]
    assert [s.title for s in r.other_sections] == ["Code Review", "High-level design"]


def test_bold_numbered_items_and_untagged_items_under_an_issues_heading() -> None:
    """`**1. Title** (High)` + `File: path, line 30`; under `## Other Issues` a bold title with
    a place and no severity is a finding taken as important, with a warning; a tagged item
    under `## Prior Round Findings` is an earlier round's, not this review's."""
    r = parse("bold-numbered-items")
    assert summary("bold-numbered-items") == [
        (
            "C1",
            Severity.CRITICAL,
            "The retry budget resets on every call",
            ("net/retry.go:30",),
        ),
        ("S1", Severity.SUGGESTION, "The backoff jitter is not seeded", ("net/backoff.go:12",)),
        ("I1", Severity.IMPORTANT, "Error wrapping loses the status code", ("net/client.go:88",)),
        ("I2", Severity.IMPORTANT, "Log line repeats the URL", ("net/client.go:91",)),
    ]
    assert "finding 'Log line repeats the URL': no severity given; taken as important" in r.warnings
    assert [s.title for s in r.other_sections] == ["Prior Round Findings"]


def test_issue_word_headings_warnings_and_none_found() -> None:
    """`## Warnings` is the Important level, `None found.` is nothing, `**a.go:55** — text`
    bullets open with their place, and `### Issue 1:` + `**Severity:**` under `## Details`
    is a finding while the same under `## Previous Round Findings` is an earlier round's."""
    r = parse("issue-word-and-warnings")
    assert summary("issue-word-and-warnings") == [
        (
            "I1",
            Severity.IMPORTANT,
            "a `\\r` alone is not a line end, so old Mac files lex as one line",
            ("parser/lex.go:55",),
        ),
        ("S1", Severity.SUGGESTION, "the constant `maxTok` is never used", ("parser/lex.go:12",)),
        (
            "I2",
            Severity.IMPORTANT,
            "Unicode escapes above U+FFFF are split",
            ("parser/str.go:80-88",),
        ),
    ]
    assert r.executive_summary.startswith("The parser change is sound")
    assert r.unread_findings == ()
    assert [s.title for s in r.other_sections] == ["Previous Round Findings"]


def test_findings_given_as_json() -> None:
    """A ```json block of issues with the keys models use (`level`, `path`, `"88-95"`,
    `Message`, `suggestion`): findings, not an unparseable review."""
    r = parse("json-findings")
    assert summary("json-findings") == [
        ("C1", Severity.CRITICAL, "Connection not returned on a timeout", ("db/pool.go:88-95",)),
        ("S1", Severity.SUGGESTION, "Unused field `maxIdle`", ("db/pool.go:12",)),
        ("I1", Severity.IMPORTANT, "No test covers the timeout path", ()),
    ]
    assert r.findings[0].fix == "defer `p.put(c)` after `get`."
    assert r.executive_summary == "The pool change leaks connections on one path."
    assert r.warnings[0] == "review written as JSON; its findings were read from it"


@pytest.mark.parametrize(
    "text",
    [
        '[{"foo": 1}]',  # not findings: no title
        '{"findings": "none"}',
        "```json\n[1, 2]\n```",
        '{"summary": "x", "findings": [{"title": "t", "line": true}]}',  # a bad value
    ],
)
def test_json_that_is_not_a_review_is_read_as_text(text: str) -> None:
    r = parse_review(text)
    assert r.findings == ()
    assert "review written as JSON; its findings were read from it" not in r.warnings


def test_a_bold_file_name_inside_a_findings_body_stays_in_it() -> None:
    """File headings group free-form findings; findings with IDs name their own places, so a
    bold file name in one's body is part of its text."""
    r = parse_review(
        "## Important Issues\n\nI1. **Leak** — `a.go:3`\n\n**`b.go`**\n\n"
        "```go\nx := 1\n```\n\nFix: close it.\n"
    )
    (finding,) = r.findings
    assert finding.body.startswith("**`b.go`**")
    assert [str(loc) for loc in finding.locations] == ["a.go:3"]


def test_plain_bullets_are_findings_only_among_plain_bullets() -> None:
    """`- Rename `tmp2` (`a.py:12`).` is a finding in a section of such items; under a finding
    with a bold title the same kind of bullet is a point of its body. `- **`a.py:30`** — text`
    opens with its place."""
    r = parse("plain-bullets")
    assert summary("plain-bullets") == [
        ("I1", Severity.IMPORTANT, "two workers fill the same key", ("cache/fill.py:30",)),
        ("I2", Severity.IMPORTANT, "The TTL is read in minutes", ("cache/ttl.py:8",)),
        ("S1", Severity.SUGGESTION, "Rename `tmp2`", ("cache/fill.py:12",)),
        ("S2", Severity.SUGGESTION, "The docstring of `get` is stale", ("cache/store.py:40",)),
    ]
    assert r.findings[1].body.startswith("- The constructor passes seconds (`cache/store.py:21`)")
    assert r.unrated == ("I1",)  # under `### 🐛 Bugs` nothing gave it a level


def test_a_list_with_its_tags_and_no_headings_at_all() -> None:
    """A short review that is only chatter and a list: each item carries its own level
    (`(**high**)`, `(medium)`, `nit:`), so each is a finding, place and all."""
    r = parse("preamble-list-with-tags")
    assert summary("preamble-list-with-tags") == [
        (
            "C1",
            Severity.CRITICAL,
            "the ack is sent before the job is saved — a crash loses it",
            ("queue/worker.py:30",),
        ),
        ("I1", Severity.IMPORTANT, "retries never back off", ("queue/worker.py:55",)),
        (
            "S1",
            Severity.SUGGESTION,
            "`tmp2` says nothing about what it holds",
            ("queue/util.py:12",),
        ),
    ]
    assert r.preamble == "Overall this looks fine. A few things:"


def test_a_fix_diffs_blank_context_line_keeps_its_space() -> None:
    """Bodies lose only an indent every line shares; a diff's blank context line (one space)
    is content, and a fix check applies that diff as written."""
    r = parse_review(
        "## Important Issues\n\nI1. **Leak** — `a.go:3`\n\nFix:\n```diff\n x := 1\n \n-y\n+z\n```\n"
    )
    assert r.findings[0].fix == "```diff\n x := 1\n \n-y\n+z\n```"
    r = parse_review(
        "## Important\n\n1. **Leak** (`a.go:3`)\n   Why it leaks:\n   ```go\n   x := 1\n   ```\n"
    )
    assert r.findings[0].body == "Why it leaks:\n```go\nx := 1\n```"


def test_a_short_title_ending_in_issues_is_a_findings_section() -> None:
    """`## Correctness Issues` + `1. **Title** (`a.py:3`)`: findings, not a silent ordinary
    section (the seat would read as "no issues"); `## Round 2 open issues` stays prose."""
    r = parse_review(
        "## Summary\n\nTwo things.\n\n## Correctness Issues\n\n"
        "1. **Off-by-one in the page count** (`pager.py:14`): the last page is dropped.\n\n"
        "## Round 2 open issues\n\n1. **Old thing** (`pager.py:2`): still open.\n"
    )
    assert [(f.title, str(f.locations[0])) for f in r.findings] == [
        ("Off-by-one in the page count", "pager.py:14")
    ]
    assert r.unrated == ("I1",)
    assert [s.title for s in r.other_sections] == ["Round 2 open issues"]


def test_the_prs_feedback_threads_are_never_this_reviews_findings() -> None:
    """Tagged items in `## Unresolved Feedback Verdicts` are verdicts on others' threads."""
    r = parse_review(
        "## Summary\n\nNothing new.\n\n## Unresolved Feedback Verdicts\n\n"
        "- **[High] Retry loop spins** (`net/retry.go:12`) — still applies.\n"
    )
    assert r.findings == ()
    assert [s.title for s in r.other_sections] == ["Unresolved Feedback Verdicts"]


def test_findings_as_top_level_headings() -> None:
    """No findings section: each finding is its own heading with a `Severity:` line; a numbered
    heading without one (`## 4. Background`) stays a section."""
    assert summary("top-level-finding-headings") == [
        (
            "C1",
            Severity.CRITICAL,
            "Jobs are acknowledged before they run",
            ("worker/queue.py:41-44",),
        ),
        ("S1", Severity.SUGGESTION, "No test drives the retry path", ("worker/queue.py",)),
        ("I1", Severity.IMPORTANT, "The backoff cap is never read", ("worker/config.py:12",)),
    ]
    r = parse("top-level-finding-headings")
    assert [s.title for s in r.other_sections] == ["4. Background", "Notes"]
    assert r.findings[0].fix == "acknowledge after the handler returns."


def test_a_file_label_without_a_line_is_the_findings_place() -> None:
    """`**File:** a.py` right under a finding names its file; it is not a heading that groups
    the findings below it by file (which would leave the finding with no place)."""
    text = (
        "## Findings\n\n### 1. Missing test\n**Severity:** Low\n**File:** `pkg/a.py`\n\nNone.\n\n"
        "### 2. Loop never ends\n**Severity:** High\n**File:** pkg/b.py:9\n\nIt spins.\n"
    )
    r = parse_review(text)
    assert [(f.title, [str(loc) for loc in f.locations]) for f in r.findings] == [
        ("Missing test", ["pkg/a.py"]),
        ("Loop never ends", ["pkg/b.py:9"]),
    ]


def test_top_level_headings_of_earlier_rounds_are_not_findings() -> None:
    """A finding's title may say "status" or "resolved"; a heading that starts like an earlier
    round's item, or whose section tracks one (`**Status:** fixed`), is not a new finding."""
    text = (
        "Second look at the branch.\n\n"
        "### 1. `Status.Phase` is never set on the resolved path\n"
        "**Severity:** Medium\n**File:** `ctl/phase.go:20`\n\nIt stays Pending.\n\n"
        "### 2. Round 1 I3: retry loop never sleeps\n**Severity:** High\n\nNow sleeps.\n\n"
        "### 3. Cache key omits the tenant\n**Severity:** High\n**Status:** fixed\n\nDone.\n\n"
        "### Previous finding: unbounded queue\n**Severity:** Low\n\nStill there.\n"
    )
    r = parse_review(text)
    assert [f.title for f in r.findings] == ["`Status.Phase` is never set on the resolved path"]
    assert [s.title for s in r.other_sections] == [
        "2. Round 1 I3: retry loop never sleeps",
        "3. Cache key omits the tenant",
        "Previous finding: unbounded queue",
    ]


def test_severity_written_as_a_phrase_on_the_first_line() -> None:
    """`— severity: high.`, `(high severity)`, `[priority: low]` after the title and place."""
    text = (
        "## Review\n\n"
        "1. **Pages drop their last item** (`app/pager.py:4`) — severity: high. The slice stops "
        "one short.\n"
        "2. **Page size is not validated** (`app/pager.py:2`) (medium severity)\n"
        "3. **`n` is a vague name** [priority: low]\n"
    )
    r = parse_review(text)
    assert [(f.severity, f.title, f.body) for f in r.findings] == [
        (Severity.CRITICAL, "Pages drop their last item", "The slice stops one short."),
        (Severity.IMPORTANT, "Page size is not validated", ""),
        (Severity.SUGGESTION, "`n` is a vague name", ""),
    ]
    assert r.findings[0].locations == (Location("app/pager.py", 4),)
    assert r.other_sections == ()  # the section held only findings


def test_a_bold_kind_with_its_level_leads_the_item() -> None:
    """`**Bug (high):** text` and `**Nit [low]:** text`: the kind and level lead; the text is the
    finding (a sentence, its full stop dropped)."""
    text = (
        "**Summary:** one bug.\n\n**Issues:**\n\n"
        "* **Bug (high):** `app/pager.py:4` — the slice drops the last element.\n"
        "* **Nit [low]:** variable `n` could be named `page_no`.\n"
    )
    r = parse_review(text)
    assert [(f.severity, f.title, [str(loc) for loc in f.locations]) for f in r.findings] == [
        (Severity.CRITICAL, "the slice drops the last element", ["app/pager.py:4"]),
        (Severity.SUGGESTION, "variable `n` could be named `page_no`", []),
    ]
    assert r.unread_findings == ()


def test_a_sentence_that_mentions_a_severity_keeps_its_section_level() -> None:
    text = (
        "### Suggestions\n\n"
        "- **Retry count is hard-coded** (`net/retry.go:9`) — not a high severity issue, but "
        "worth a constant.\n"
    )
    (f,) = parse_review(text).findings
    assert (f.severity, f.body) == (
        Severity.SUGGESTION,
        "not a high severity issue, but worth a constant.",
    )


def test_inline_none_labels_close_their_section() -> None:
    """`**Suggestions:** None found.` after a list is a section saying none, not a line of the
    last finding's body."""
    r = parse("inline-none-labels")
    assert [(f.severity, f.title, f.body) for f in r.findings] == [
        (Severity.IMPORTANT, "the session cookie is set without `HttpOnly`", ""),
        (Severity.IMPORTANT, "logout does not clear the server-side session", ""),
    ]
    assert r.preamble == ""


def test_task_list_items_with_a_trailing_level() -> None:
    # the ticked `- [x]` item (the magic number) is done, no finding (`closed_items`)
    assert summary("task-list-findings") == [
        ("C1", Severity.CRITICAL, "Token refresh races with logout", ("auth/refresh.py:22",)),
        ("I1", Severity.IMPORTANT, "No test for an expired refresh token", ()),
    ]
    assert not any("cut off" in w for w in parse("task-list-findings").warnings)


def test_plain_issue_lines_with_their_level() -> None:
    assert summary("plain-issue-lines") == [
        ("C1", Severity.CRITICAL, "Refresh token written to the log", ("auth/refresh.py:40",)),
        ("S1", Severity.SUGGESTION, "Unused import in auth/refresh.py", ("auth/refresh.py:3",)),
    ]


def test_a_table_with_a_line_column() -> None:
    """`| File | Line | Severity | Description |`: the line column completes the file's place."""
    text = (
        "### Issues\n\n| # | File | Line | Severity | Description |\n"
        "|---|---|---|---|---|\n"
        "| 1 | auth/refresh.py | 40 | High | Token logged |\n"
        "| 2 | auth/refresh.py | 3-4 | Low | Unused imports |\n"
        "| 3 | auth/refresh.py | - | Low | No tests |\n"
    )
    r = parse_review(text)
    assert [[str(loc) for loc in f.locations] for f in r.findings] == [
        ["auth/refresh.py:40"],
        ["auth/refresh.py:3-4"],
        ["auth/refresh.py"],
    ]


def test_a_severity_section_that_is_a_list_of_sentences() -> None:
    """Under a severity heading, a section that is only a list of plain sentences lists its
    findings; with prose before the list, the list belongs to that prose and is not read."""
    text = (
        "## 🐛 Bugs\n\n- **app/pager.py:4** – `items[start:end-1]` drops the last item.\n\n"
        "## 💡 Suggestions\n\n- Add a unit test for `page()`.\n"
        "- Rename `n` to `page_no` (`app/pager.py:1`).\n"
        "  It reads as a count.\n\n"
        "## ✅ Looks good\n\n- Clear function signature.\n"
    )
    r = parse_review(text)
    assert [(f.severity, f.title, [str(loc) for loc in f.locations], f.body) for f in r.findings][
        1:
    ] == [
        (Severity.SUGGESTION, "Add a unit test for `page()`", [], ""),
        (
            Severity.SUGGESTION,
            "Rename `n` to `page_no`",
            ["app/pager.py:1"],
            "It reads as a count.",
        ),
    ]
    assert r.unread_findings == ()
    prose = "### Important Issues\n\nThe retry loop has two problems:\n\n- it never sleeps\n"
    assert parse_review(prose).findings == ()
    # an `Optional:` label under the Testing Assessment lists tests to add, not suggestions
    testing = "### Testing Assessment\n\nOptional:\n- A test for two members.\n"
    assert parse_review(testing).findings == ()


def test_none_with_an_explanation_is_not_unread_text() -> None:
    """`None. The earlier review's findings were all fixed …` says there is nothing; the
    explanation must not make the verdict say the seat's findings could not be read."""
    text = (
        "### Important Issues\n\nNone. The earlier round's two findings (`a.py:3`, `b.py:9`) "
        "are fixed at HEAD.\n\n### Suggestions\n\nNone.\n"
    )
    r = parse_review(text)
    assert r.findings == () and r.unread_findings == ()
    assert not any("not a finding" in w for w in r.warnings)


def test_required_and_optional_labels_stay_in_the_testing_assessment() -> None:
    """`Optional:` (a level word) under the Testing Assessment labels the optional tests; it is
    not a Suggestions section whose text could not be read."""
    text = (
        "## Summary\n\nFine.\n\n## Findings\n\n### Critical Issues\n\nNone.\n\n"
        "### Testing Assessment\n\nRequired:\n1. A test for an empty page.\n\n"
        "Optional:\n- A test for two members.\n- A test for the predicate.\n\n"
        "### Coverage Summary\n\n| File | Status |\n|---|---|\n| `a.py` | Reviewed, no issues |\n"
    )
    r = parse_review(text)
    assert r.findings == () and r.unread_findings == ()
    assert "A test for two members." in "\n".join(r.testing.items) + r.testing.intro


@pytest.mark.parametrize(
    "text",
    [
        "## Suggestions\n\n- None.\n",
        "## Suggestions\n\n1. N/A\n",
        "## Important Issues\n\n* No issues found.\n",
        "## Critical Issues\n\n- None identified.\n\n## Suggestions\n\n- Nothing to report.\n",
    ],
)
def test_none_written_as_a_list_item_is_no_finding(text: str) -> None:
    """`- None.` says the section is empty: neither a finding titled "None" nor unread text."""
    r = parse_review(text)
    assert (r.findings, r.unread_findings) == ((), ())


@pytest.mark.parametrize(
    "item",
    [
        "- [ ] None",
        "- (none)",
        "- No critical issues were found in this change.",
        "- **None** — the change is small.",
        "- There are no blocking problems.",
        "1. I found no issues at this level.",
    ],
)
def test_a_list_item_that_says_none_is_no_finding(item: str) -> None:
    r = parse_review(f"## Critical Issues\n\n{item}\n\n## Suggestions\n\n- Add a test for `f`.\n")
    assert [(f.severity, f.title) for f in r.findings] == [
        (Severity.SUGGESTION, "Add a test for `f`")
    ]
    assert r.unread_findings == ()


def test_a_finding_that_starts_with_no_is_still_a_finding() -> None:
    r = parse_review("## Suggestions\n\n- No test covers `page()`.\n- No timeout on the client.\n")
    assert [f.title for f in r.findings] == ["No test covers `page()`", "No timeout on the client"]


def test_titles_that_open_with_a_negation_are_findings() -> None:
    text = (
        "## Suggestions\n\n- Nothing removes the block when the instance goes away.\n"
        "- None of the handlers check errors.\n- There are no tests for the retry path.\n"
    )
    assert len(parse_review(text).findings) == 3


@pytest.mark.parametrize(
    "text",
    [
        "### Important Issues\n\nNo issues in the parser, but the cache never evicts (`c.py:9`).\n",
        "### Important Issues\n\n- No issues, except that `close()` leaks the socket.\n",
    ],
)
def test_none_taken_back_in_the_same_sentence_is_not_none(text: str) -> None:
    """A concern after "no issues, but" is the seat's word on a problem: kept for the verdict
    (unread, or a finding), never swallowed as a statement that there is nothing."""
    r = parse_review(text)
    assert r.findings or r.unread_findings
