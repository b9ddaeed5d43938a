"""The published JSON Schema matches the model, and stored reports validate against it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from deepreview.findings.report_parse import parse_report
from deepreview.model import REPORT_SCHEMA_VERSION
from deepreview.serialize import report_from_data, report_json_schema, to_data

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "src/deepreview/schemas/report.schema.json"
SEED = ROOT / "tests/fixtures/seed-report.md"


def test_published_schema_is_current() -> None:
    published = json.loads(SCHEMA.read_text())
    assert published == json.loads(json.dumps(report_json_schema(), sort_keys=True)), (
        "schemas/report.schema.json is stale; regenerate it from deepreview.serialize"
    )


def test_seed_report_json_validates_and_round_trips() -> None:
    report = parse_report(SEED.read_text())
    data = to_data(report)
    assert data["schema_version"] == REPORT_SCHEMA_VERSION
    jsonschema.validate(data, json.loads(SCHEMA.read_text()))
    assert report_from_data(json.loads(json.dumps(data))) == report


def test_schema_rejects_a_bad_severity() -> None:
    data = to_data(parse_report(SEED.read_text()))
    data["findings"][0]["severity"] = "catastrophic"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json.loads(SCHEMA.read_text()))


def test_a_version_1_report_reads_as_this_versions_report() -> None:
    """Version 1 differs only in that every seat run's tool_calls is a number: migrated, it is
    the same report, of this version."""
    report = parse_report(SEED.read_text())
    data = json.loads(json.dumps(to_data(report)))
    old = report_from_data({**data, "schema_version": 1})
    assert old == report and old.schema_version == REPORT_SCHEMA_VERSION
    assert report_from_data({k: v for k, v in data.items() if k != "schema_version"}) == report
