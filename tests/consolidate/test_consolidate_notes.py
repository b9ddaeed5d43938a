"""A reviewer's notes outside its findings credit it on the finding they point at (notes.py)."""

from __future__ import annotations

from consolidate_helpers import finding, seat

from deepreview.consolidate import build_report
from deepreview.consolidate.notes import notes_of
from deepreview.model import Assessment, DesignObservation, Header

HEADER = Header(review_id="r1")


def _report(*seats):  # type: ignore[no-untyped-def]
    return build_report(HEADER, seats)


def test_a_documentation_note_on_the_same_lines_credits_its_reviewer() -> None:
    stale = finding("S1", "Stale comment on `loadConfig`", "pkg/cfg/load.go:12-14", cls="gap")
    other = finding("I1", "Cache never expires", "pkg/cache/cache.go:80")
    doc = Assessment(
        items=("`pkg/cfg/load.go:12` still says `loadConfig` reads YAML; it reads TOML now.",)
    )
    report = _report(seat("claude", stale), seat("codex", other, documentation=doc))
    by_title = {f.title: f for f in report.findings}
    credited = by_title["Stale comment on `loadConfig`"]
    assert credited.reviewers == ("Claude", "Codex")
    note = credited.sources[-1]
    assert (note.reviewer, note.finding_id) == ("Codex", "Documentation Assessment")
    assert "reads TOML" in note.title
    assert by_title["Cache never expires"].reviewers == ("Codex",)


def test_a_testing_note_credits_a_test_gap_but_not_a_bug_on_the_same_lines() -> None:
    bug = finding("I1", "`retryLoop` spins after cancel", "net/retry.go:30-34")
    gap = finding("S1", "No test covers `retryLoop` cancellation", "net/retry_test.go:10")
    testing = Assessment(
        items=(
            "Nothing exercises `retryLoop` after cancel (`net/retry.go:31`).",
            "The cancellation case of `retryLoop` is missing in `net/retry_test.go:12`.",
        )
    )
    report = _report(seat("claude", bug, gap), seat("gemini", testing=testing))
    by_title = {f.title: f for f in report.findings}
    assert by_title["`retryLoop` spins after cancel"].reviewers == ("Claude",)
    assert by_title["No test covers `retryLoop` cancellation"].reviewers == ("Claude", "Gemini")


def test_a_note_about_something_else_or_far_away_credits_nothing() -> None:
    f = finding("I1", "Token refresh races with logout", "auth/session.go:100-104")
    design = (
        DesignObservation("concern", "Logging in `auth/session.go:102` is verbose."),
        DesignObservation("concern", "Token refresh in `auth/session.go:160` races too."),
        DesignObservation("strength", "Token refresh in `auth/session.go:101` is tidy."),
    )
    report = _report(seat("claude", f), seat("codex", design=design))
    assert report.findings[0].reviewers == ("Claude",)


def test_a_design_concern_credits_the_nearest_finding_only() -> None:
    near = finding("I1", "Lock held across `flushQueue`", "q/queue.go:50-52")
    also = finding("I2", "`flushQueue` drops the lock early", "q/queue.go:55")
    design = (DesignObservation("concern", "`flushQueue` at `q/queue.go:51` holds the lock."),)
    report = _report(seat("claude", near, also), seat("gemini", design=design))
    credited = {f.title: f.reviewers for f in report.findings}
    assert credited["Lock held across `flushQueue`"] == ("Claude", "Gemini")
    assert credited["`flushQueue` drops the lock early"] == ("Claude",)


def test_notes_skip_verdict_tables_and_findings() -> None:
    review = seat(
        "codex",
        finding("I1", "Bug", "a/b.go:3"),
        testing=Assessment(
            intro="| Prior item | Verdict |\n|---|---|\n| `a/b.go:4` | fixed |",
            items=("`a/b.go:9` is untested.",),
        ),
    ).review
    assert review is not None
    assert [(n.section, str(n.location)) for n in notes_of("codex", review)] == [
        ("Testing Assessment", "a/b.go:9")
    ]


def test_an_item_labelled_optional_is_no_note_but_optional_chaining_is() -> None:
    review = seat(
        "codex",
        testing=Assessment(
            items=(
                "**Optional:** a test of `load` at `a/b.ts:3`.",
                "Nice-to-have — `a/b.ts:5` untested.",
                "Optional chaining at `a/b.ts:9` hides the missing `user`.",
            )
        ),
    ).review
    assert review is not None
    assert [str(n.location) for n in notes_of("codex", review)] == ["a/b.ts:9"]
