"""Conventional Comments labels lead review comments: `**issue (blocking):** …`, `**nitpick:**
…`, `- **question** `a.py:70`: …`, `**praise:** …`.

The label gives the comment's level: `issue` is important (critical when `blocking`),
`nitpick`, `todo` and `chore` are suggestions; a `question`, `praise` or `thought` is no
finding. Before, a `**nitpick:**` paragraph after an `**issue (blocking):**` one was swallowed
into that finding's text, `**nitpick:**` paragraphs under `## Findings` were unread text, and a
`- **question** `a.py:70`: …` item was an important finding titled 'question'. A bold title
that only starts with such a word (`**Questionable …**`) is a title.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed
from support.read_findings import read_findings

_COMMENTS = (
    "## Review comments\n\n"
    "**issue (blocking):** `sync/pull.py:58` — a failed page is skipped, so rows go missing.\n\n"
    "**nitpick:** `sync/pull.py:7` — `tmp` could be named `page`.\n\n"
    "**question:** `sync/pull.py:90` — is the page size meant to be fixed?\n\n"
    "**todo:** `sync/pull.py:120` — add a test for an empty page.\n\n"
    "**issue:** `sync/push.py:33` — a timeout is retried without a delay.\n\n"
    "**praise:** the cursor handling reads well.\n"
)


def _got(text: str) -> list[tuple[str, str, list[tuple[str, int | None]]]]:
    return [(r.level, r.title, r.places) for r in read_findings(text)]


def test_each_label_gives_its_level_and_questions_are_no_findings() -> None:
    got = _got(_COMMENTS)
    assert [(s, p) for s, _, p in got] == [
        ("critical", [("sync/pull.py", 58)]),
        ("suggestion", [("sync/pull.py", 7)]),
        ("suggestion", [("sync/pull.py", 120)]),
        ("important", [("sync/push.py", 33)]),
    ]
    review = parse_review(_COMMENTS, seat="alpha")
    bodies = " ".join(f.body for f in review.findings)
    assert "page size" not in bodies and "cursor" not in bodies


def test_nitpicks_under_findings_are_suggestions() -> None:
    text = (
        "## Findings\n\n**nitpick:** `sync/pull.py:7` — `tmp` could be named `page`.\n\n"
        "**nitpick:** `sync/pull.py:15` — `N` could be `PAGE_SIZE`.\n"
    )
    assert _got(text) == [
        ("suggestion", "`tmp` could be named `page`", [("sync/pull.py", 7)]),
        ("suggestion", "`N` could be `PAGE_SIZE`", [("sync/pull.py", 15)]),
    ]


def test_a_labelled_list_keeps_its_findings_and_drops_its_question() -> None:
    text = (
        "## Findings\n\n"
        "- **issue (blocking)** `sync/pull.py:58`: a failed page is skipped.\n"
        "- **nit (non-blocking)** `sync/pull.py:7`: `tmp` is vague.\n"
        "- **question** `sync/pull.py:90`: is the page size meant to be fixed?\n"
        "- **chore** `sync/setup.cfg:3`: bump the pinned version.\n"
    )
    assert [(s, p) for s, _, p in _got(text)] == [
        ("critical", [("sync/pull.py", 58)]),
        ("suggestion", [("sync/pull.py", 7)]),
        ("suggestion", [("sync/setup.cfg", 3)]),
    ]


def test_only_questions_and_praise_is_a_clean_review() -> None:
    text = (
        "## Findings\n\n- **question** `sync/pull.py:90`: is the page size meant to be fixed?\n"
        "- **praise** `sync/pull.py:40`: the cursor handling reads well.\n"
    )
    assert _got(text) == []


def test_a_title_that_starts_with_a_label_word_is_still_a_finding() -> None:
    text = (
        "## Findings\n\n"
        "- **Questionable retry count** — `sync/pull.py:12`: five retries per page.\n"
        "- **Praise comment left in code** — `sync/pull.py:3`: `# great job` is noise.\n"
    )
    assert [t for _, t, _ in _got(text)] == [
        "Questionable retry count",
        "Praise comment left in code",
    ]


def test_the_report_counts_the_labelled_findings(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _COMMENTS})
    assert [f["severity"] for f in report["findings"]] == [
        "critical",
        "important",
        "suggestion",
        "suggestion",
    ], report["findings"]


def test_a_review_of_only_a_question_and_praise_reads_clean(tmp_path: Path) -> None:
    text = (
        "## Review comments\n\n**question:** `sync/pull.py:90` — is the page size fixed?\n\n"
        "**praise:** the cursor handling reads well.\n"
    )
    res, out, report = review_printed(tmp_path, {"alpha": text})
    assert [s["status"] for s in out["seats"]] == ["ok"], res.stderr[-2000:]
    assert report["findings"] == []
