from __future__ import annotations

from consolidate_helpers import seat

from deepreview.consolidate.sections import (
    merge_assessments,
    merge_design_observations,
    merge_limitations,
    merge_testing,
)
from deepreview.model import Assessment, DesignObservation


def test_near_identical_observations_merge_and_credit_every_reviewer() -> None:
    claude = seat(
        "claude",
        model="Opus 4.6",
        design=(
            DesignObservation(
                "concern",
                "**Host-switch failure is invisible to the reconciler** — `startHostSwitch` is "
                "fire-and-forget; failures are only logged.",
                "future",
            ),
            DesignObservation(
                "strength",
                "The design doc (`networking.md`) is excellent: architecture diagram, protocol "
                "specification and lifecycle sequence diagrams.",
            ),
        ),
    )
    codex = seat(
        "codex",
        model="GPT 5.4",
        design=(
            DesignObservation(
                "strength",
                "[docs/design/networking.md](/tmp/x/docs/design/networking.md) is detailed; the "
                "sequence diagrams make the lifecycle easy to review.",
                "in-scope",
            ),
            DesignObservation(
                "concern",
                "The `hostSwitchStates` map is separate from `instanceState`.",
                "in-scope",
            ),
        ),
    )
    merged = merge_design_observations([codex, claude])
    concerns = [o for o in merged if o.kind == "concern"]
    strengths = [o for o in merged if o.kind == "strength"]
    assert len(concerns) == 2 and len(strengths) == 1
    (doc,) = strengths
    assert doc.reviewers == ("Codex GPT 5.4", "Claude Opus 4.6")  # the given seat order
    assert doc.text.startswith("The design doc")  # longest visible text
    assert doc.scope is None  # scopes only mean something for concerns
    assert [c.scope for c in concerns] == ["future", "in-scope"]
    # order does not depend on the seat order given, only credits do
    again = merge_design_observations([claude, codex])
    assert [o.text for o in again] == [o.text for o in merged]


def test_assessment_items_dedupe_and_rank_by_seats() -> None:
    a = Assessment(
        items=(
            "No test for the restart path of `handleRestart`.",
            "**No unit tests for `validateSubnet`** — pure function, trivially testable.",
        )
    )
    b = Assessment(
        intro="Existing tests pass.",
        items=("**Missing unit tests**: no unit tests for `validateSubnet` or its callers.",),
    )
    merged = merge_assessments([("claude", a), ("gemini", b)])
    assert merged.intro == "Existing tests pass."
    assert len(merged.items) == 2
    assert "validateSubnet" in merged.items[0]  # two seats raised it: ranked first
    assert "handleRestart" in merged.items[1]


def test_every_assessment_statement_is_credited_to_the_seats_that_made_it() -> None:
    claude = seat(
        "claude",
        model="Opus 4.6",
        testing=Assessment(
            intro="Existing tests pass.",
            items=("No unit tests for `validateSubnet`; it is a pure function.",),
        ),
    )
    gemini = seat(
        "gemini",
        model="3.1 Pro",
        testing=Assessment(
            intro="The PR adds no test at all for the new network code.",
            items=("Missing unit tests for `validateSubnet`, a pure function.",),
        ),
    )
    merged = merge_testing([gemini, claude])
    # one intro per statement: the other seat's intro leads the items, with its own credit
    assert (merged.intro, merged.intro_reviewers) == ("Existing tests pass.", ("Claude Opus 4.6",))
    assert [who for _, who in merged.credited_items] == [
        ("Gemini 3.1 Pro",),
        ("Gemini 3.1 Pro", "Claude Opus 4.6"),  # said by both, credited in the seats' order
    ]
    assert merged.items[0] == "The PR adds no test at all for the new network code."


def test_limitations_skip_none() -> None:
    from dataclasses import replace

    a = seat("claude")
    b = seat("gemini")
    assert a.review is not None and b.review is not None
    a = replace(a, review=replace(a.review, limitations="None explicitly acknowledged."))
    b = replace(b, review=replace(b.review, limitations="TODO in `x.go`: retry is missing."))
    # credited to who said it, as every other statement is (trial 52 #6)
    assert merge_limitations([a, b]) == "TODO in `x.go`: retry is missing. [Gemini]"
