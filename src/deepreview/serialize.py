"""JSON form of the domain model (pydantic TypeAdapters over the frozen dataclasses)."""

from __future__ import annotations

import json
from typing import Any, Final

from pydantic import TypeAdapter

from deepreview.errors import ParseError
from deepreview.feedback import FetchedThreads
from deepreview.model import REPORT_SCHEMA_VERSION, AgentReview, Report
from deepreview.runmodel import SCHEMA_VERSION
from deepreview.untrusted_text import escape_json_controls

# Built on import (~0.06 s): a review imports this module while its seats run
# (`pipeline.index_step.while_seats_run`), so the report is not kept waiting for them.
_REPORT: Final = TypeAdapter(Report)
_REVIEW: Final = TypeAdapter(AgentReview)
_THREADS: Final = TypeAdapter(FetchedThreads)


def to_data(obj: Report | AgentReview) -> dict[str, Any]:
    adapter: Any = _REPORT if isinstance(obj, Report) else _REVIEW
    data: dict[str, Any] = adapter.dump_python(obj, mode="json")
    if isinstance(obj, AgentReview):
        # A seat's own assessments credit nobody (the report credits the seats): their empty
        # credit fields would only add noise to every stored seat review.
        for key in ("testing", "documentation"):
            for credits in ("item_reviewers", "intro_reviewers"):
                if not data[key][credits]:
                    del data[key][credits]
        for key in ("cut_off", "overruled", "renumbered", "redrafted"):
            if not data[key]:
                del data[key]  # (most reviews end whole, rate consistently: no empty field)
        data = {"schema_version": SCHEMA_VERSION, **data}
    return data


def to_json(obj: Report | AgentReview, *, indent: int | None = 2) -> str:
    # A file path keeps its bidi controls (a machine field): escaped, they reorder no text.
    return (
        escape_json_controls(
            json.dumps(to_data(obj), indent=indent, ensure_ascii=False, allow_nan=False)
        )
        + "\n"
    )


def _migrate_v1(data: dict[str, Any]) -> dict[str, Any]:
    # Version 1 is version 2 with every seat run's `tool_calls` a number: read as it is.
    return {**data, "schema_version": 2}


# A report of version N (the key) to N + 1, applied in turn up to `REPORT_SCHEMA_VERSION`.
# Never edit one that has shipped: a new version adds the next.
_MIGRATIONS: Final = {1: _migrate_v1}


def report_from_data(data: dict[str, Any], origin: str = "the report") -> Report:
    """A report JSON, parsed, as this version's model (older versions migrated). `origin`
    names it in the error for a report of a newer version."""
    # Only a report is from a newer deep-review: other JSON files carry a schema_version of
    # their own (run.json's is higher than the report's), and "upgrade" would be the wrong fix
    # for them. A report has a header; without one, validation says what is missing.
    if isinstance(data, dict) and isinstance(data.get("header"), dict):
        # (one without a version is of the first: every version writes it)
        version = data.get("schema_version", 1)
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            # pydantic would take "2" for 2 and `true` for 1, and write 0 back out as it is:
            # an edited or foreign file, read as if it were a report of some version
            raise ParseError(
                f"{origin} has report schema_version {json.dumps(version)[:40]}, which no "
                f"deep-review writes (this one reads versions 1 to {REPORT_SCHEMA_VERSION}); "
                "give a Deep Review report JSON (the store's <ID>.json, or "
                "`deep-review consolidate … --format json`)"
            )
        if version > REPORT_SCHEMA_VERSION:
            # read anyway, its new fields would vanish without a word (and a store rewrites it)
            raise ParseError(
                f"{origin} has report schema_version {version}, written by a newer "
                f"deep-review (this one reads versions up to {REPORT_SCHEMA_VERSION}); "
                "upgrade deep-review to read it"
            )
        while version in _MIGRATIONS:
            data = _MIGRATIONS[version](data)
            version = data["schema_version"]
    return _REPORT.validate_python(data)


def review_from_data(data: dict[str, Any]) -> AgentReview:
    data = {k: v for k, v in data.items() if k != "schema_version"}
    return _REVIEW.validate_python(data)


def threads_to_json(fetched: FetchedThreads) -> str:
    data = _THREADS.dump_python(fetched, mode="json")
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def threads_from_data(data: Any) -> FetchedThreads:
    return _THREADS.validate_python(data)


def report_json_schema() -> dict[str, Any]:
    schema: dict[str, Any] = _REPORT.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Deep Review report"
    return schema
