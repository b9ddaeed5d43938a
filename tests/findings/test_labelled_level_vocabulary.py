"""A level written after a `severity:` / `priority:` label may be any word of the level
vocabulary, not only the words that are a level as a bare tag.

`(severity: moderate)`, `Priority: trivial`, `severity: cosmetic` name the level outright; only
`major`-like tag words were read there, so `moderate` fell back to important with a "no severity
given" warning and `trivial` was no suggestion. A bare `(trivial)` after a title stays a word.
"""

from __future__ import annotations

from deepreview.findings import parse_review
from support.read_findings import read_findings


def test_any_level_word_after_a_severity_label_is_the_level() -> None:
    text = (
        "Notes on the queue change.\n\n"
        "1) Bug in `q/worker.py` at line 20 (severity: moderate): the lock is released before\n"
        "   `flush()` lands.\n\n"
        "2) Style in `q/util.py` at line 4 (severity: cosmetic): a trailing comma is missing.\n\n"
        "3) Bug in `q/worker.py` at line 50 (severity: severe): failed jobs are retried forever.\n"
        "\n"
        "4) Typo in `q/util.py` at line 9 (priority: trivial): the docstring says recieve.\n"
    )
    got = [(r.level, r.places[0][0], r.places[0][1]) for r in read_findings(text)]
    assert got == [
        ("important", "q/worker.py", 20),
        ("suggestion", "q/util.py", 4),
        ("critical", "q/worker.py", 50),
        ("suggestion", "q/util.py", 9),
    ]
    # `moderate` is important as the fallback is: the level must be read, not assumed
    warnings = parse_review(text, seat="alpha").warnings
    assert not [w for w in warnings if "no severity given" in w], warnings


def test_a_closing_severity_label_line_reads_the_wider_vocabulary() -> None:
    text = (
        "## Findings\n\n"
        "### Cache never expires\n\n"
        "`c/store.py:12` sets no TTL, so stale prices are served after an update.\n\n"
        "Severity: moderate\n\n"
        "### Log line is noisy\n\n"
        "`c/store.py:30` logs every hit at INFO.\n\n"
        "**Severity:** trivial\n"
    )
    got = [(r.level, r.title) for r in read_findings(text)]
    assert got == [
        ("important", "Cache never expires"),
        ("suggestion", "Log line is noisy"),
    ]


def test_a_bare_trivial_in_brackets_is_no_level() -> None:
    # Without the label `trivial` is the sentence's word: the section's level stands.
    text = (
        "## Critical\n\n"
        "- `q/worker.py:20`: the retry (trivial to trigger) drops the job on a timeout.\n"
    )
    assert [r.level for r in read_findings(text)] == ["critical"]
