"""More review shapes real agents write (line ranges in words, folded `<details>` findings, …),
one fixture each in our own words, checked finding by finding."""

from __future__ import annotations

from deepreview.findings import parse_review
from deepreview.model import Severity
from findings.test_review_fixtures import parse


def summary(name: str) -> list[tuple[str, Severity, str, tuple[str, ...]]]:
    return [
        (f.id, f.severity, f.title, tuple(str(loc) for loc in f.locations))
        for f in parse(name).findings
    ]


def test_line_ranges_in_words_keep_the_whole_range() -> None:
    """`lines 30 to 41`, `L12–L19`, `L8-20`, `line 14 and 27`, a pasted blob URL `#L5-L9`."""
    assert summary("line-range-words") == [
        ("I1", Severity.IMPORTANT, "Resume offset counted twice", ("exporter/stream.py:30-41",)),
        ("I2", Severity.IMPORTANT, "Row buffer never flushed", ("exporter/stream.py:55-60",)),
        ("I3", Severity.IMPORTANT, "Header written per page", ("exporter/csv_out.py:12-19",)),
        ("I4", Severity.IMPORTANT, "Retry sleeps on the event loop", ("exporter/retry.py:8-20",)),
        (
            "I5",
            Severity.IMPORTANT,
            "Two unchecked casts",
            ("exporter/types.py:14", "exporter/types.py:27"),
        ),
        ("I6", Severity.IMPORTANT, "Cursor reused across tenants", ("exporter/cursor.py:5-9",)),
        ("S1", Severity.SUGGESTION, "Name the page size", ("exporter/stream.py:3-4",)),
        ("S2", Severity.SUGGESTION, "Comment the resume rule", ("exporter/stream.py:30-41",)),
    ]


def test_findings_folded_in_details_blocks_are_read() -> None:
    """`<details><summary>[High] Title — <code>a.go:3</code></summary>`: the summary is the
    finding's title (inline HTML as Markdown), the fold its body; a fold whose summary names a
    severity section is that section."""
    r = parse("details-folded-findings")
    assert summary("details-folded-findings") == [
        ("C1", Severity.CRITICAL, "Batch window never closes", ("sched/batch.go:40-52",)),
        ("I1", Severity.IMPORTANT, "Job IDs reused after a restart", ("sched/ids.go:7",)),
        ("S1", Severity.SUGGESTION, "Typo in a log message", ("sched/batch.go:12",)),
        ("S2", Severity.SUGGESTION, "Unused import", ("sched/ids.go:3",)),
    ]
    assert r.findings[0].fix == "re-arm the timer on every enqueue."
    assert "<" not in "".join(f.title + f.body for f in r.findings)
    # A fold that only holds material is kept as text, its HTML comment inert; a `<details>`
    # inside a code block is code.
    kept = "\n".join(r.unparsed)
    assert kept.startswith("Click to see the load test I ran")
    assert "<!-- reviewer tool: approve" in kept
    assert "Example markup" in kept
    assert r.unread_findings == ()


def test_whole_severity_sections_folded_in_details_blocks() -> None:
    r = parse("details-folded-sections")
    assert summary("details-folded-sections") == [
        (
            "I1",
            Severity.IMPORTANT,
            "Limiter keyed by client IP behind the proxy",
            ("upload/limit.py:18",),
        ),
        (
            "I2",
            Severity.IMPORTANT,
            "Bucket never refills after a clock jump",
            ("upload/bucket.py:40-44",),
        ),
        ("S1", Severity.SUGGESTION, "Name the magic `60`", ("upload/limit.py:5",)),
        (
            "S2",
            Severity.SUGGESTION,
            "The docstring says seconds, the code uses milliseconds",
            ("upload/bucket.py:9",),
        ),
    ]
    assert r.verdict_line == "Request changes."
    assert r.findings[0].body.startswith("Every request arrives")


def test_a_later_finding_led_by_its_level_after_one_of_another_style() -> None:
    """`### [High] Title` then `### Medium: Title` under one heading: two findings, not the
    second swallowed into the first one's fix."""
    text = (
        "## Findings\n\n### [High] Window never closes — `a.go:4`\n\nIdle queue.\n\n"
        "**Fix:** re-arm.\n\n### Medium: IDs reused (`b.go:7`)\n\nCounter resets.\n"
    )
    r = parse_review(text, seat="x")
    assert [(f.severity, f.title) for f in r.findings] == [
        (Severity.CRITICAL, "Window never closes"),
        (Severity.IMPORTANT, "IDs reused"),
    ]
    assert r.findings[0].fix == "re-arm."


def test_details_tags_named_in_code_are_text() -> None:
    text = (
        "## Findings\n\n- **Wrap the log in `<details>`** (`ui/log.tsx:9`): the page is long.\n"
        "\n<details>\n<summary>[Low] Unused prop (`ui/log.tsx:2`)</summary>\n\nDead code.\n"
        "</details>\n"
    )
    r = parse_review(text, seat="x")
    assert [(f.severity, f.title) for f in r.findings] == [
        (Severity.IMPORTANT, "Wrap the log in `<details>`"),
        (Severity.SUGGESTION, "Unused prop"),
    ]


def test_place_word_forms() -> None:
    """`File: a.py — line 33`, `— lines 50-52`, a bare Windows path, `@ line 40`, and a
    place-first item `a.py` L80–L95 keep their lines."""
    assert [(s, t, locs) for _, s, t, locs in summary("place-word-forms")] == [
        (Severity.IMPORTANT, "Retries fire with no backoff", ("webhooks/send.py:33",)),
        (Severity.CRITICAL, "Signing secret written to the log", ("webhooks/send.py:50-52",)),
        (
            Severity.IMPORTANT,
            "Drive letter dropped from the spool path",
            ("src/spool/paths.py:18",),
        ),
        (Severity.SUGGESTION, "Header name shadowed", ("webhooks/headers.py:40",)),
        (Severity.SUGGESTION, "Validation repeated", ("webhooks/send.py:80-95",)),
    ]


def test_file_groups_with_severity_bullets_and_closing_lines() -> None:
    """Gemini's `### `a.py`` + `*   **Severity: High** - Line 45: text`, and `#### [Medium]
    Title (line 30)` under a file heading: the level, the line and a clean title."""
    assert summary("file-groups-severity-bullets") == [
        (
            "C1",
            Severity.CRITICAL,
            "The cache key leaves out the tenant ID, so tenants read each other's entries",
            ("cache/store.py:45",),
        ),
        (
            "S1",
            Severity.SUGGESTION,
            "Prefer an f-string over `%` formatting",
            ("cache/store.py:12",),
        ),
        (
            "I1",
            Severity.IMPORTANT,
            "The TTL is in seconds but is compared with a millisecond clock",
            ("cache/ttl.py:8-10",),
        ),
        ("I2", Severity.IMPORTANT, "Eviction scans the whole map", ("cache/evict.py:30",)),
        ("S2", Severity.SUGGESTION, "Magic number", ("cache/evict.py:3-4",)),
    ]


def test_place_first_items_with_the_level_at_the_end() -> None:
    """`- `a.py:45` — text — **high**` under a plain Issues heading: findings, not unread text."""
    r = parse("placed-items-trailing-level")
    assert summary("placed-items-trailing-level") == [
        (
            "C1",
            Severity.CRITICAL,
            "the message is acked before it is processed",
            ("queue/consumer.py:45",),
        ),
        ("I1", Severity.IMPORTANT, "redelivery retries are unbounded", ("queue/consumer.py:70",)),
        (
            "S1",
            Severity.SUGGESTION,
            "the logger is imported and never used",
            ("queue/consumer.py:3",),
        ),
    ]
    assert r.unread_findings == ()


def test_findings_written_as_field_records() -> None:
    """`**File:**` / `**Line:**` / `**Severity:**` / `**Issue:**` records, and after them a
    heading finding with its own label lines (read once, not as a record)."""
    r = parse("field-records")
    assert summary("field-records") == [
        ("C1", Severity.CRITICAL, "The container runs as root", ("k8s/deploy.yaml:22",)),
        ("S1", Severity.SUGGESTION, "No resource limits are set", ("k8s/deploy.yaml:40-44",)),
        (
            "I1",
            Severity.IMPORTANT,
            "Probe timeout shorter than startup",
            ("k8s/probes.yaml:9",),
        ),
    ]
    assert r.findings[0].fix == "set `runAsNonRoot: true` in the pod security context."
    assert r.findings[1].body == "A noisy pod can starve its neighbours."
    assert r.unread_findings == ()


def test_nested_place_lists_and_lines_opening_the_body() -> None:
    """A finding whose places are a nested list keeps every one; a title naming a whole file
    with a body opening `Lines 55-61 …` is located at those lines."""
    assert [locs for *_, locs in summary("nested-place-lists")] == [
        ("cli/main.py:4", "cli/doctor.py:9", "tests/test_cli.py:2"),
        ("config/loader.py:30-35",),
        ("config/watch.py:55-61",),
    ]


def test_findings_without_sections_and_a_closing_label_line() -> None:
    """Findings read from a review with no section headings do not make it "unparseable", and
    a closing `**Overall correctness:** …` label is not a review cut off mid-sentence."""
    r = parse("no-sections-codex-tail")
    assert summary("no-sections-codex-tail") == [
        (
            "C1",
            Severity.CRITICAL,
            "Pool can close while a job runs in `worker/pool.go`",
            ("worker/pool.go:55-61",),
        ),
        ("I1", Severity.IMPORTANT, "Close error dropped", ("worker/pool.go:80",)),
    ]
    assert not [w for w in r.warnings if "cut off" in w or "no review sections" in w]


def test_a_last_finding_line_ending_with_its_place_is_not_cut_off() -> None:
    for last in (
        "S1. **Log the latency** — ./server/health.go:30",
        "- **Typo** — `a.py` @ line 40",
    ):
        text = f"## Summary\n\nSmall.\n\n## Suggestions\n\n{last}\n"
        r = parse_review(text, seat="x")
        assert len(r.findings) == 1
        assert not [w for w in r.warnings if "cut off" in w], last


def test_findings_in_blockquotes() -> None:
    """GitHub alerts (`> [!CAUTION]`) and a quoted `> **Warning** — …` line are findings; a
    quote of the docs stays a quote."""
    r = parse("quoted-findings")
    assert summary("quoted-findings") == [
        ("C1", Severity.CRITICAL, "Retry loop ignores cancellation", ("retry/do.go:25-31",)),
        ("S1", Severity.SUGGESTION, "Name the attempt budget", ("retry/do.go:3",)),
        (
            "I1",
            Severity.IMPORTANT,
            "jitter draws from the global source, so tests are not repeatable",
            ("retry/jitter.go:12",),
        ),
    ]
    assert r.findings[0].body.startswith("A cancelled context keeps retrying")
    assert "> Retries stop when the context is done." in r.findings[2].body
    assert r.unread_findings == ()


def test_a_title_ending_in_a_colon_loses_it() -> None:
    assert [t for _, _, t, _ in summary("colon-titles")] == [
        "Retry never stops",
        "Jitter seeded with the clock",
    ]


def test_details_tags_inside_a_line_are_text() -> None:
    """Only a tag that starts its line folds; `… and also <details><summary>x</summary>.` in a
    finding's body is what the seat wrote, not a heading (nor a new finding)."""
    text = (
        "## Findings\n\n### Important Issues\n\n"
        "I1. **Leak** — `a.py:3` (important, bug)\n\n"
        "Text before. See <details><summary>x</summary> here.\nAnd <summary>y</summary>.\n"
    )
    r = parse_review(text, seat="x")
    assert [f.title for f in r.findings] == ["Leak"]
    assert r.findings[0].body == (
        "Text before. See <details><summary>x</summary> here.\nAnd <summary>y</summary>."
    )
