"""Review shapes read wrongly before round seven of the parse cases, tried through the command.

- a paragraph rating itself on the P-scale inside a sentence (`This is a P1:`, `Lastly a P3
  nit: `a.py:9` …`): the level was not read, the P3 paragraph not at all;
- terse compiler-style lines `path:line: [level] text`: the tags were not read as levels;
- GitHub alerts: a `> [!NOTE]` of praise was read as a suggestion;
- paragraphs numbered `1.1` / `2.1` under `## N. Area` headings: not read as findings;
- ⚠️ problems among ✅ praise under `### `path`` headings, their line told in words: unread.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import read_by_cli


def _read(tmp_path: Path, text: str) -> tuple[list[tuple[str, str | None]], list[str]]:
    """(level, place) per finding, the unread text (`read_by_cli`)."""
    found, unread = read_by_cli(tmp_path, text)
    return [(level, place) for level, place, _title in found], unread


_P_LEVELS = (
    "I read the new rate limiter. Mostly fine; three points.\n\n"
    "The first is in `limit/bucket.py:40`. This is a P1: tokens are refilled before the clock\n"
    "is read, so a burst after idle time gets twice the allowance.\n\n"
    "Next, `limit/bucket.py:73` keeps the last-seen time as a float of seconds. I'd rate it a\n"
    "P2 — under heavy load two requests share a timestamp and one is dropped silently.\n\n"
    "Lastly a P3 nit: `limit/config.py:9` calls the limit `n`; `max_requests` would say more.\n\n"
    "None of this is a P0. Tests are thin, as elsewhere in the package.\n"
)


def test_p_levels_said_inside_sentences(tmp_path: Path) -> None:
    found, unread = _read(tmp_path, _P_LEVELS)
    assert found == [
        ("important", "limit/bucket.py:40"),
        ("important", "limit/bucket.py:73"),
        ("suggestion", "limit/config.py:9"),
    ]
    assert unread == []


def test_a_placed_paragraph_with_no_rating_nor_problem_stays_prose(tmp_path: Path) -> None:
    # a P0 named but denied rates nothing, and a sentence that only says what the change does
    # at a place is no finding
    text = (
        "I read the new rate limiter.\n\n"
        "`limit/config.py:9` now reads the limit from the environment.\n\n"
        "Nothing here reaches P0. Looks good to me.\n"
    )
    found, unread = _read(tmp_path, text)
    assert found == []
    assert unread == []


_TERSE = (
    "Findings:\n\n"
    "web/routes.py:30: [critical] the admin route skips the auth check; anyone can delete a user.\n"
    "web/routes.py:77: [major] the cursor is compared as a string, so page 10 sorts before 2.\n"
    "web/models.py:12: [minor] `User.nick` has a default that nothing reads.\n"
    'web/models.py:40: [minor] spelling in the docstring: "recieve".\n\n'
    "4 findings (1 critical, 1 major, 2 minor).\n"
)


def test_terse_lines_with_a_level_tag_after_the_place(tmp_path: Path) -> None:
    found, unread = _read(tmp_path, _TERSE)
    assert found == [
        ("critical", "web/routes.py:30"),
        ("important", "web/routes.py:77"),
        ("suggestion", "web/models.py:12"),
        ("suggestion", "web/models.py:40"),
    ]
    assert unread == []


_ALERTS = (
    "## Review\n\n"
    "Blocking problems are CAUTION, the others WARNING.\n\n"
    "> [!CAUTION]\n"
    "> **Token compared with ==** — `auth/check.py:21`\n"
    "> The API token is compared with `==`, which leaks timing.\n\n"
    "> [!WARNING]\n"
    "> **Retries without backoff** — `auth/client.py:55`\n"
    "> A failing upstream is hammered in a tight loop.\n\n"
    "> [!NOTE]\n"
    "> The split of `auth/` into small modules reads very well, and the fixtures are tidy.\n"
)


def test_a_note_alert_of_praise_is_no_finding(tmp_path: Path) -> None:
    found, unread = _read(tmp_path, _ALERTS)
    assert found == [("critical", "auth/check.py:21"), ("important", "auth/client.py:55")]
    assert unread == []


def test_a_note_alert_that_asks_for_a_change_is_one(tmp_path: Path) -> None:
    text = _ALERTS + "\n> [!TIP]\n> **Rename `tok`** — `auth/check.py:4`\n"
    found, _ = _read(tmp_path, text)
    assert found[-1] == ("suggestion", "auth/check.py:4")
    assert len(found) == 3


_NESTED = (
    "# Review: upload limits\n\n"
    "## 1. Correctness\n\n"
    "1.1 **Size limit checked after the upload is buffered** (`upload/handler.py:31`) — the\n"
    "whole body is read into memory first, so a huge upload exhausts the worker. Severity: "
    "critical.\n\n"
    "1.2 **Content type trusted from the client** (`upload/handler.py:58`) — the header\n"
    "decides the parser. Severity: medium.\n\n"
    "## 2. Tests\n\n"
    "2.1 **No test for a rejected upload** (`tests/test_upload.py`) — the 413 branch at\n"
    "`upload/handler.py:40` never runs. Severity: medium.\n\n"
    "## 3. Style\n\n"
    "3.1 **Unexplained constant** (`upload/handler.py:9`) — `1 << 20` deserves a name. "
    "Severity: low.\n\n"
    "## Verdict\n\n"
    "Request changes (1.1).\n"
)


def test_nested_numbered_paragraphs_under_area_headings(tmp_path: Path) -> None:
    found, unread = _read(tmp_path, _NESTED)
    assert found == [
        ("critical", "upload/handler.py:31"),
        ("important", "upload/handler.py:58"),
        ("important", "tests/test_upload.py"),
        ("suggestion", "upload/handler.py:9"),
    ]
    assert unread == []


def test_a_tests_section_with_unrated_items_stays_an_assessment(tmp_path: Path) -> None:
    # only items that each give their own level make a Tests section findings
    text = _NESTED.replace("never runs. Severity: medium.", "is covered by the new test.")
    found, _ = _read(tmp_path, text)
    assert ("important", "tests/test_upload.py") not in found
    assert len(found) == 3


def test_required_and_optional_tests_stay_a_testing_assessment(tmp_path: Path) -> None:
    """`**Required:**` / `**Optional:**` sort a Testing Assessment's wanted tests (the report's
    own format); they are no levels the items give themselves, so no finding is made of them
    (read as findings, a test the reviewer chose not to ask for credited it with the gap)."""
    text = (
        "## Findings\n\nNone.\n\n## Testing Assessment\n\n"
        "- **Optional:** `retry()` giving up after three tries (`net/retry_test.go:12`).\n"
        "- **Optional:** the jitter's bounds (`net/retry_test.go:40`).\n"
    )
    for wanted in (text, text.replace("Optional", "Required")):
        found, unread = _read(tmp_path, wanted)
        assert found == []
        assert unread == []


def test_a_lone_version_number_opening_a_paragraph_is_no_item(tmp_path: Path) -> None:
    text = (
        "## Summary\n\nThe client is updated.\n\n"
        "2.0 **of the API** drops the `v1` prefix; the change follows it.\n\n"
        "No issues found.\n"
    )
    found, unread = _read(tmp_path, text)
    assert found == []
    assert unread == []


_PRAISE_AND_TWO = (
    "## Overall\n\n"
    "A tidy rework of the job scheduler. Notes below, file by file.\n\n"
    "### `sched/queue.py`\n\n"
    "- ✅ The queue class is small and well named (line 12).\n"
    "- ⚠️ `pop` (line 41) removes the job before the worker confirms it, so a crash between\n"
    "  the two loses the job for good. This must be solved before it ships.\n"
    "- ✅ Nice docstrings.\n\n"
    "### `sched/timer.py`\n\n"
    "- ✅ Clean use of monotonic time.\n"
    "- ⚠️ `sleep_until` at line 18 rounds the delay down to whole seconds, so a 900 ms delay\n"
    "  fires at once. Not a blocker, but it should be fixed.\n\n"
    "## Verdict\n\n"
    "Approve once the lost-job problem in `pop` is fixed.\n"
)


def test_problems_among_praise_with_their_line_in_words(tmp_path: Path) -> None:
    found, unread = _read(tmp_path, _PRAISE_AND_TWO)
    assert found == [("critical", "sched/queue.py:41"), ("important", "sched/timer.py:18")]
    assert unread == []


def test_praise_under_file_headings_with_lines_in_words_is_no_finding(tmp_path: Path) -> None:
    text = (
        "## Overall\n\nA tidy rework.\n\n"
        "### `sched/queue.py`\n\n"
        "- ✅ The queue class is small and well named (line 12).\n"
        "- ✅ `pop` at line 41 now confirms before removing; good.\n\n"
        "## Verdict\n\nApprove.\n"
    )
    found, unread = _read(tmp_path, text)
    assert found == []
    assert unread == []
