"""A note quoting a line of code a finding quotes credits its seat there (code_notes.py)."""

from __future__ import annotations

from dataclasses import replace

from consolidate_helpers import finding, seat

from deepreview.consolidate import build_report
from deepreview.consolidate.code_notes import code_notes_of
from deepreview.consolidate.notes import _FAULTS
from deepreview.model import AgentReview, Assessment, DesignObservation, Header, Section

HEADER = Header(review_id="r1")
TYPO = finding(
    "S1",
    "Typos in the install guide",
    "docs/install.md:12",
    body="```markdown\nSupported sytems are: Linux and macOS.\n```\n\nTwo typos on one line.",
    cls="gap",
)


def _unresolved(text: str) -> AgentReview:
    return AgentReview(other_sections=(Section("Unresolved Feedback", text),))


def test_unresolved_feedback_quoting_the_typo_credits_its_seat() -> None:
    """No line at all: the file and the quoted words are the place; "typo" is the problem."""
    noter = replace(
        seat("codex"),
        review=_unresolved(
            "- `docs/install.md`: a review comment asked to fix the typo in "
            "`Supported sytems are:`; the file still has it."
        ),
    )
    [f] = build_report(HEADER, [seat("claude", TYPO), noter]).findings
    assert f.reviewers == ("Claude", "Codex")
    assert (f.sources[-1].finding_id, f.sources[-1].kind) == ("Unresolved Feedback", "note")
    assert f.sources[-1].locations[0].path == "docs/install.md"


def test_what_is_no_code_note() -> None:
    """Bare names, paths and URLs are no quoted code; strengths, coverage and a text naming no
    fault hold none; a quote of a file the text does not name is not placed."""
    review = AgentReview(
        design_observations=(
            DesignObservation("strength", "`Supported sytems are:` in `docs/install.md` is wrong"),
            DesignObservation("concern", "`supportedSystems()` in `docs/install.md` is wrong"),
            DesignObservation("concern", "`https://example.com/a b` in `docs/install.md` is wrong"),
            DesignObservation("concern", "`Supported sytems are:` in `docs/install.md` reads well"),
            DesignObservation("concern", "`Supported sytems are:` is wrong"),
        ),
    )
    assert code_notes_of("codex", review, _FAULTS) == ()
    [note] = code_notes_of(
        "codex",
        AgentReview(
            testing=Assessment(items=("`docs/install.md` has `Supported sytems are:` wrong …",))
        ),
        _FAULTS,
    )
    assert note.code == ("Supported sytems are:",) and note.paths == ("docs/install.md",)


def test_two_findings_quoting_the_line_leave_the_note_uncredited() -> None:
    """Two findings quote those words (the guide's closing table repeats them): which one the
    note saw is unknown, so neither."""
    other = finding(
        "S2",
        "Closing table names no platform",
        "docs/install.md:60",
        body="```markdown\n| Supported sytems are: | see the table above |\n```\n\n"
        "The closing table names no system at all and repeats the typo.",
        cls="gap",
    )
    noter = replace(
        seat("codex"),
        review=_unresolved("- `docs/install.md` still has the typo in `Supported sytems are:`."),
    )
    report = build_report(HEADER, [seat("claude", TYPO), seat("gemini", other), noter])
    assert len(report.findings) == 2
    assert all("Codex" not in f.reviewers for f in report.findings)
