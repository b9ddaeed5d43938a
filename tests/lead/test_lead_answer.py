"""The lead's answer parser: bare, fenced, with chatter; every error says what to fix."""

from __future__ import annotations

import json

import pytest
from lead_kit import ANSWER, answer, fenced

from deepreview.lead.answer import AnswerError, LeadAnswer, extract_json, parse_answer
from deepreview.lead.prompt import EXAMPLE
from deepreview.model import Severity

MINIMAL = {
    "decisions": [{"cluster": "K1", "action": "keep", "reason": "calc.py:2 does it."}],
    "executive_summary": "Fine.",
    "verdict": {"label": "Merge as-is", "reason": "nothing blocks"},
}


def test_bare_json_is_accepted() -> None:
    parsed = parse_answer(json.dumps(ANSWER))
    assert [d.action for d in parsed.decisions] == ["keep", "severity", "merge", "drop"]
    assert parsed.decisions[1].severity is Severity.SUGGESTION
    assert parsed.decisions[3].false_positive is True
    assert parsed.added_findings[0].locations[0].path == "util/strings.py"


def test_fenced_json_with_chatter_around_it() -> None:
    text = "Let me check the claims.\n\n" + fenced(MINIMAL) + "\nThat is my answer. {not json}"
    parsed = parse_answer(text)
    assert parsed.verdict.label == "Merge as-is"
    assert parsed.decisions[0].cluster == "K1"


def test_unlabelled_fence_and_tilde_fence() -> None:
    body = json.dumps(MINIMAL, indent=2)
    assert parse_answer(f"```\n{body}\n```").executive_summary == "Fine."
    assert parse_answer(f"~~~json\n{body}\n~~~\n").executive_summary == "Fine."


def test_bare_object_inside_prose() -> None:
    text = f"Here it is: {json.dumps(MINIMAL)} -- done. Also {{}} and {{'x': 1}}."
    assert parse_answer(text).decisions[0].reason == "calc.py:2 does it."


def test_markdown_fences_inside_json_strings_do_not_confuse_the_fence_finder() -> None:
    # The fix of an added finding holds a ```diff fence inside a JSON string.
    text = "Done.\n\n```json\n" + json.dumps(ANSWER, indent=2) + "\n```"
    assert "```diff" in parse_answer(text).added_findings[0].fix


def test_the_document_with_decisions_wins_over_other_objects() -> None:
    text = (
        'First a draft: ```json\n{"note": "draft"}\n```\n\n'
        + fenced(MINIMAL)
        + '\nand a trailing {"other": true}'
    )
    value, _ = extract_json(text) or ({}, "")
    assert "decisions" in value


def test_last_fenced_document_wins() -> None:
    first = dict(MINIMAL, executive_summary="first draft")
    text = fenced(first) + "\nOn reflection:\n" + fenced(MINIMAL)
    assert parse_answer(text).executive_summary == "Fine."


def test_empty_and_prose_only_answers() -> None:
    with pytest.raises(AnswerError) as empty:
        parse_answer("   \n")
    assert "empty" in empty.value.errors[0]
    with pytest.raises(AnswerError) as prose:
        parse_answer("I looked at everything and it is fine.")
    assert prose.value.errors == ("no JSON object found in the answer",)


def test_invalid_json_reports_where() -> None:
    text = '```json\n{"decisions": [\n  {"cluster": "K1",, "action": "keep"}\n]}\n```'
    with pytest.raises(AnswerError) as exc:
        parse_answer(text)
    (error,) = exc.value.errors
    assert error.startswith("the JSON does not parse:")
    assert "line 2" in error


def test_schema_errors_name_the_field_and_the_value() -> None:
    bad = answer(
        decisions=[
            {"cluster": "K1", "action": "delete", "reason": "x"},
            {"cluster": "K2", "action": "merge", "mergeInto": "K1", "reason": "y"},
            {"cluster": "K3", "action": "severity", "severity": "blocker", "reason": "z"},
        ],
        surprise=1,
    )
    del bad["verdict"]
    with pytest.raises(AnswerError) as exc:
        parse_answer(json.dumps(bad))
    errors = exc.value.errors
    assert any(e.startswith("decisions[0].action:") and '(got "delete")' in e for e in errors)
    assert "decisions[1].mergeInto: unknown key; remove it or fix its spelling" in errors
    assert any(e.startswith("decisions[2].severity:") and "blocker" in e for e in errors)
    assert "verdict: Field required" in errors
    assert "surprise: unknown key; remove it or fix its spelling" in errors
    assert exc.value.document is not None and '"surprise"' in exc.value.document
    assert "answer with one JSON document" in str(exc.value)


def test_reason_is_required_and_not_blank() -> None:
    bad = answer(decisions=[{"cluster": "K1", "action": "keep", "reason": "   "}])
    with pytest.raises(AnswerError) as exc:
        parse_answer(json.dumps(bad))
    assert any(e.startswith("decisions[0].reason:") for e in exc.value.errors)


def test_a_json_array_is_not_an_answer() -> None:
    with pytest.raises(AnswerError) as exc:
        parse_answer('```json\n[{"cluster": "K1"}]\n```')
    assert exc.value.errors  # no object anywhere: a syntax/shape error, not a crash


def test_the_prompt_example_is_a_valid_answer() -> None:
    LeadAnswer.model_validate(EXAMPLE)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a trailing comma: the objects inside (a decision, the verdict) parse on their own
        (
            '```json\n{"decisions": [{"cluster": "K1", "action": "keep", "reason": "x"},], '
            '"executive_summary": "s", "verdict": {"label": "Merge as-is", "reason": "r"}}\n```\n',
            "the JSON does not parse:",
        ),
        # cut off before its closing brace: said to be cut short, not where the text stops
        (
            'I think {"decisions": [{"cluster": "K1", "action": "keep", "reason": "x"}], '
            '"executive_summary": "s", "verdict": {"label": "Merge as-is", "reason": "r"}',
            "the JSON document stops before its end (at line 1 column ",
        ),
        # cut inside a string
        (
            '```json\n{"decisions": [], "executive_summary": "the change adds',
            "the JSON document stops before its end (at line 1 column 40)",
        ),
    ],
)
def test_a_broken_document_is_a_syntax_error_not_its_inner_object(text: str, said: str) -> None:
    """The retry must hear what is wrong ("does not parse", "stops before its end"), not that
    the verdict object lacks `decisions` and has unknown keys `label` and `reason`."""
    with pytest.raises(AnswerError) as err:
        parse_answer(text)
    assert len(err.value.errors) == 1, err.value.errors
    assert err.value.errors[0].startswith(said), err.value.errors


def test_a_brace_in_prose_does_not_hide_the_document_after_it() -> None:
    value = extract_json("I group {K1 and K2 as one issue. Here it is: " + json.dumps(ANSWER))
    assert value is not None and "decisions" in value[0]


def test_control_characters_in_the_answer_are_cleaned_as_a_seats_are() -> None:
    """Trial 26 defect 14: the lead's words go into the report as a seat's do; a NUL or a
    terminal escape in them must not (the answer file keeps what the lead printed)."""
    doc = {**MINIMAL, "executive_summary": "\x1b[2JFine\x00.", "skill_improvements": ["a\x07b"]}
    parsed = parse_answer(json.dumps(doc))
    assert parsed.executive_summary == "Fine\ufffd."
    assert parsed.skill_improvements == ["a\ufffdb"]
