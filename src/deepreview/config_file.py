"""The config file's schema: pydantic models at the trust boundary (TOML from disk or git).

Imported only when a config file actually has content, so a run without config does not pay
for building the models.

Strict: a value of the wrong TOML type is refused, never coerced (`timeout = true` would be a
1-second timeout, `allow_exec = "yes"` true); an integer is still a number. No infinity or
NaN either: a timeout of `inf` would be written into run.json, which JSON cannot hold.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Final, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from deepreview.formats import FORMATS
from deepreview.runmodel import Effort


def _known_format(name: str) -> str:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}; use one of {', '.join(FORMATS)}")
    return name


Format = Annotated[str, AfterValidator(_known_format)]
_STRICT: Final = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)


class SeatConfig(BaseModel):
    model_config = _STRICT
    kind: str | None = None
    binary: str | None = None
    model: str | None = None
    effort: Effort | None = None
    timeout: float | None = Field(default=None, gt=0)
    extra_args: list[str] | None = None
    env: dict[str, str] | None = None
    argv: list[str] | None = None
    display_name: str | None = None
    model_label: str | None = None


class ReviewConfig(BaseModel):
    model_config = _STRICT
    agents: list[str] | None = None
    lead: str | None = None
    timeout: float | None = Field(default=None, gt=0)
    effort: Effort | None = None
    diff_budget: int | None = Field(default=None, gt=0)
    store: str | None = None
    formats: list[Format] | None = None
    allow_exec: bool | None = None
    passes: int | None = Field(default=None, ge=1, le=10)
    fail_on: Literal["critical", "important", "suggestion", "never"] | None = None


class ChecksConfig(BaseModel):
    """`[checks]`: how to run the project's tests (`--check-fixes`, `--probe-tests`)."""

    model_config = _STRICT
    test: list[str] | None = Field(default=None, min_length=1)  # argv; runs something
    timeout: float | None = Field(default=None, gt=0)
    env: list[str] | None = None  # secret variables the tests may see; needs trust too


# What `[publish] report_url` and DEEP_REVIEW_REPORT_URL take: an http(s) URL with none of the
# characters that would end the PR comment's Markdown link early.
REPORT_URL_TAKES = "an http(s) URL template like https://host/{id}.html"


def report_url_ok(template: str) -> bool:
    return template.startswith(("https://", "http://")) and not any(c in template for c in " ()<>")


def _report_url(template: str) -> str:
    if not report_url_ok(template):
        raise ValueError(f"report_url must be {REPORT_URL_TAKES}")
    return template


class PublishConfig(BaseModel):
    """`[publish]`: how a review is shown on its pull request."""

    model_config = _STRICT
    # `{id}` becomes the review ID: where the store's HTML reports are served, if anywhere.
    report_url: Annotated[str, AfterValidator(_report_url)] | None = None


class TrustRecord(BaseModel):
    model_config = _STRICT
    path: str
    sha256: str


class FileConfig(BaseModel):
    model_config = _STRICT
    review: ReviewConfig = ReviewConfig()
    seats: dict[str, SeatConfig] = {}
    checks: ChecksConfig = ChecksConfig()
    publish: PublishConfig = PublishConfig()
    trusted: list[TrustRecord] = []


# What a key takes, by pydantic's error type, in TOML's words.
_EXPECTED: Final = {
    "float_type": "a number (e.g. 1800)",
    "finite_number": "a finite number (not inf or nan)",
    "int_type": "a whole number (e.g. 3)",
    "bool_type": "true or false (no quotes)",
    "string_type": 'a string in quotes (e.g. "text")',
    "list_type": 'a list (e.g. ["a", "b"])',
    "dict_type": 'a table (e.g. { NAME = "value" })',
    "model_type": "a table ([section])",
    "model_attributes_type": "a table ([section])",
}

# A number out of its range, by pydantic's error type: "expected a number above 0".
_BOUNDS: Final = {
    "greater_than": "above",
    "greater_than_equal": "of at least",
    "less_than": "below",
    "less_than_equal": "of at most",
}


def problem_text(err: Any) -> str:
    """One pydantic error on a config value as the end of a line: the type the key takes and
    the value it got (`expected a number (e.g. 1800), got true`), else pydantic's message."""
    got = _toml(err.get("input"))
    expected = _EXPECTED.get(err["type"])
    if expected is not None:
        return f"expected {expected}, got {got}"
    if err["type"] == "literal_error":
        return f"expected one of {err['ctx']['expected']}, got {got}"
    if (bound := _BOUNDS.get(err["type"])) is not None:
        limit = next(iter(err["ctx"].values()))
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)  # `gt=0` on a float key says 0.0
        return f"expected a number {bound} {_toml(limit)}, got {got}"
    if err["type"] == "value_error":  # a validator's own words, without pydantic's "Value error, "
        return f"{err['ctx']['error']} (got {got})"
    return f"{err['msg']} (got {got})"


def _toml(value: Any) -> str:
    """A value as TOML writes it, cut short: what the user typed, more or less."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, float) and value != value:
        text = "nan"
    elif isinstance(value, float) and value in (float("inf"), float("-inf")):
        text = "inf" if value > 0 else "-inf"
    elif isinstance(value, dict):
        text = "a table"
    elif isinstance(value, list):
        text = "[" + ", ".join(_toml(v) for v in value) + "]"
    else:
        text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."
