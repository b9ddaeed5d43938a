"""The config file's schema: pydantic models at the trust boundary (TOML from disk or git).

Imported only when a config file actually has content, so a run without config does not pay
for building the models.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from deepreview.formats import FORMATS
from deepreview.runmodel import Effort


def _known_format(name: str) -> str:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}; use one of {', '.join(FORMATS)}")
    return name


Format = Annotated[str, AfterValidator(_known_format)]


class SeatConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
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
    model_config = ConfigDict(extra="forbid")
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

    model_config = ConfigDict(extra="forbid")
    test: list[str] | None = Field(default=None, min_length=1)  # argv; runs something
    timeout: float | None = Field(default=None, gt=0)
    env: list[str] | None = None  # secret variables the tests may see; needs trust too


def _report_url(template: str) -> str:
    if not template.startswith(("https://", "http://")) or any(c in template for c in " ()<>"):
        raise ValueError("report_url must be an http(s) URL template like https://host/{id}.html")
    return template


class PublishConfig(BaseModel):
    """`[publish]`: how a review is shown on its pull request."""

    model_config = ConfigDict(extra="forbid")
    # `{id}` becomes the review ID: where the store's HTML reports are served, if anywhere.
    report_url: Annotated[str, AfterValidator(_report_url)] | None = None


class TrustRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    path: str
    sha256: str


class FileConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    review: ReviewConfig = ReviewConfig()
    seats: dict[str, SeatConfig] = {}
    checks: ChecksConfig = ChecksConfig()
    publish: PublishConfig = PublishConfig()
    trusted: list[TrustRecord] = []
