"""JSON form of the domain model (pydantic TypeAdapters over the frozen dataclasses)."""

from __future__ import annotations

import json
from typing import Any, Final

from pydantic import TypeAdapter

from deepreview.errors import ParseError
from deepreview.feedback import FetchedThreads
from deepreview.model import AgentReview, Report
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


def report_from_data(data: dict[str, Any]) -> Report:
    version = data.get("schema_version") if isinstance(data, dict) else None
    # Only a report is from a newer deep-review: other JSON files carry a schema_version of
    # their own (run.json's is higher than the report's), and "upgrade" would be the wrong fix
    # for them. A report has a header; without one, validation says what is missing.
    is_report = isinstance(data, dict) and isinstance(data.get("header"), dict)
    if isinstance(version, int) and version > SCHEMA_VERSION and is_report:
        # read anyway, its new fields would vanish without a word (and a store rewrites it)
        raise ParseError(
            f"the report has schema_version {version}, newer than this deep-review reads "
            f"({SCHEMA_VERSION}); upgrade deep-review to read it"
        )
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
