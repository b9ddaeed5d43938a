"""The published schema of the lead's answer is generated from the model and must not drift."""

from __future__ import annotations

import difflib
import json
import os

from lead_kit import ANSWER

from deepreview.lead.answer import LeadAnswer
from deepreview.lead.schema import SCHEMA_NAME, schema_path, schema_text, write_schema


def test_published_schema_matches_the_model() -> None:
    path = schema_path()
    if os.environ.get("DEEPREVIEW_UPDATE_GOLDENS") == "1":
        write_schema(path)
    published = path.read_text(encoding="utf-8")
    expected = schema_text()
    if published != expected:
        diff = "".join(
            difflib.unified_diff(
                published.splitlines(keepends=True),
                expected.splitlines(keepends=True),
                fromfile=f"schemas/{SCHEMA_NAME}",
                tofile="generated from LeadAnswer",
            )
        )
        raise AssertionError(
            f"{path} is stale; run `python -m deepreview.lead.schema` "
            f"(or DEEPREVIEW_UPDATE_GOLDENS=1):\n{diff}"
        )


def test_schema_forbids_unknown_keys_everywhere() -> None:
    schema = json.loads(schema_text())
    assert schema["additionalProperties"] is False
    for name, definition in schema["$defs"].items():
        if definition.get("type") == "object":
            assert definition.get("additionalProperties") is False, name


def test_scenario_answer_round_trips_through_the_model() -> None:
    parsed = LeadAnswer.model_validate(ANSWER)
    dumped = parsed.model_dump(mode="json", exclude_defaults=True)
    assert LeadAnswer.model_validate(dumped) == parsed
