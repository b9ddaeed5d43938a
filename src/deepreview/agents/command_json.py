"""The JSON a `command` seat may print instead of Markdown: findings as data.

A reviewer program that already has its findings as data (a linter, a security scanner, a
script around a model with structured output) prints one JSON object; its findings then reach
consolidation exactly as given, and the report's appendix shows Markdown rendered from them.
Validated here, at the trust boundary, with pydantic; anything else the program prints is read
as a Markdown review. The format (documented in the README under "Command seats"):

    {"schema_version": 1,
     "summary": "One paragraph.",
     "findings": [{"severity": "important", "title": "Unchecked error",
                   "locations": [{"path": "app.py", "line": 12, "end_line": 14}],
                   "classification": "regression", "body": "Markdown", "fix": "Markdown"}],
     "coverage": [{"path": "app.py", "status": "Reviewed, no issues"}],
     "notes": ["What the program says about its own run."]}
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Annotated, Any, Literal

from deepreview.agents.structured import review_markdown
from deepreview.errors import first_problem
from deepreview.late_imports import LATE_IMPORTS
from deepreview.model import AgentReview, CoverageEntry, Finding, Location, Severity

SCHEMA_VERSION = 1


def _models() -> Any:
    # pydantic is imported only when a seat printed JSON (start-up stays light).
    with LATE_IMPORTS:
        from pydantic import (
            BaseModel,
            BeforeValidator,
            ConfigDict,
            Field,
            StrictInt,
            model_validator,
        )

    class _Strict(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)

    def _whole_number(value: Any) -> Any:
        # `Literal[1]` alone takes `true` and `1.0` for 1 (Python's equality)
        if type(value) is not int:
            raise ValueError(f"Input should be 1, the number, not {json.dumps(value)[:40]}")
        return value

    class JsonLocation(_Strict):
        path: str = Field(min_length=1)
        # strict: a script's `"line": true` is a bug, never line 1 (nor `"12"` a number)
        line: StrictInt | None = Field(default=None, ge=1)
        end_line: StrictInt | None = Field(default=None, ge=1)

        @model_validator(mode="after")
        def _ordered(self) -> JsonLocation:
            if self.end_line is not None and (self.line is None or self.end_line < self.line):
                raise ValueError("end_line needs a line and must not be before it")
            return self

    class JsonFinding(_Strict):
        severity: Literal["critical", "important", "suggestion"]
        title: str = Field(min_length=1)
        locations: tuple[JsonLocation, ...] = ()
        classification: str | None = None
        body: str = ""
        fix: str = ""

    class JsonCoverage(_Strict):
        path: str = Field(min_length=1)
        status: str = Field(min_length=1)

    class JsonReview(_Strict):
        schema_version: Annotated[Literal[1], BeforeValidator(_whole_number)]
        summary: str = ""
        findings: tuple[JsonFinding, ...] = ()
        coverage: tuple[JsonCoverage, ...] = ()
        notes: tuple[str, ...] = ()

    return JsonReview


def looks_like_json(text: str) -> bool:
    return text.lstrip().startswith("{")


def parse_json_review(text: str, *, seat: str) -> AgentReview | str | None:
    """The review a seat printed as JSON; a one-line reason when it is JSON of the wrong shape;
    None when it is not this format — an object without `schema_version` — and is read as any
    other text (a model's own `{"findings": [...]}` by the parser's lenient JSON reader, as
    `deep-review parse` reads it: the seat and its preview agree)."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or "schema_version" not in data:
        return None
    # in the seat's thread: pydantic imports as it builds the models (`late_imports`)
    with LATE_IMPORTS:
        from pydantic import ValidationError

        try:
            parsed = _models().model_validate(data)
        except ValidationError as exc:
            return (
                f"invalid review JSON: {first_problem(exc, top='the top level')} "
                f"(see README, command seats; {exc.error_count()} error(s))"
            )
    counters: dict[str, int] = {}
    findings: list[Finding] = []
    ordered = sorted(parsed.findings, key=lambda f: Severity(f.severity).rank)
    for f in ordered:
        severity = Severity(f.severity)
        counters[severity.letter] = counters.get(severity.letter, 0) + 1
        findings.append(
            Finding(
                id=f"{severity.letter}{counters[severity.letter]}",
                severity=severity,
                title=f.title,
                locations=tuple(
                    Location(
                        loc.path,
                        loc.line,
                        loc.end_line if loc.end_line != loc.line else None,
                    )
                    for loc in f.locations
                ),
                classification=f.classification,
                body=f.body,
                fix=f.fix,
            )
        )
    review = AgentReview(
        seat=seat,
        executive_summary=parsed.summary,
        findings=tuple(findings),
        coverage=tuple(CoverageEntry(c.path, c.status) for c in parsed.coverage),
        seat_notes=tuple(parsed.notes),
    )
    return replace(review, raw=review_markdown(review))
