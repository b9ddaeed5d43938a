"""The report formats: one registry entry per renderer (name, file suffix, media type, and the
function that renders a `Report`).

Everything that names a format reads this list: the `--format` choices of every command, the
config file's `formats` check, the files a review writes (and removes again when the store
fails), and `show`. Adding a format is one renderer module plus one `RENDERERS` line.

It sits in the lowest layer so `config` can check names against it; the render functions are
named as `module:function` and imported only when a report is rendered in that format (like
the agent registry), which also keeps `deep-review --help` fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from deepreview.model import Report


@dataclass(frozen=True)
class Renderer:
    name: str  # the `--format` / `formats = [...]` value
    suffix: str  # file name suffix in the store: `<ID><suffix>`
    media_type: str
    target: str  # "module:function", a `(Report) -> str`
    description: str

    def render(self, report: Report) -> str:
        module, _, attr = self.target.partition(":")
        fn: Callable[[Report], str] = getattr(importlib.import_module(module), attr)
        return fn(report)

    def file_name(self, review_id: str) -> str:
        return f"{review_id}{self.suffix}"


RENDERERS: Final = (
    Renderer("json", ".json", "application/json", "deepreview.serialize:to_json",
             "the report model (src/deepreview/schemas/report.schema.json)"),
    Renderer("md", ".md", "text/markdown", "deepreview.render.markdown:render_markdown",
             "the report as Markdown"),
    Renderer("html", ".html", "text/html", "deepreview.render.html:render_html",
             "a self-contained HTML page"),
    Renderer("sarif", ".sarif", "application/sarif+json", "deepreview.render.sarif:render_sarif",
             "SARIF 2.1.0, for code scanning annotations"),
)  # fmt: skip

FORMATS: Final = tuple(r.name for r in RENDERERS)
# The store always keeps the JSON: it is the machine record that `show` renders any missing
# format from (and what a later `render --format X` reads).
STORED_ALWAYS: Final = ("json",)
DEFAULT_FORMATS: Final = ("md", "json", "html")
# The formats a person reads. A requested list naming neither (`--format sarif`, for code
# scanning) gets these too: the store, its index.html and a CI artifact of it must hold a
# report someone can open; `--format md` alone still skips the HTML.
READABLE: Final = ("md", "html")


def renderer(name: str) -> Renderer:
    for r in RENDERERS:
        if r.name == name:
            return r
    raise ValueError(f"unknown report format {name!r}; use one of {', '.join(FORMATS)}")


def render_report(report: Report, fmt: str) -> str:
    """`report` rendered as `fmt` (any name in `FORMATS`)."""
    return renderer(fmt).render(report)


def stored_formats(requested: tuple[str, ...]) -> tuple[Renderer, ...]:
    """The renderers whose files a review writes: the requested ones plus `STORED_ALWAYS`, and
    the `READABLE` ones when the request names none of them, in registry order."""
    wanted = set(requested) | set(STORED_ALWAYS)
    if not wanted & set(READABLE):
        wanted |= set(READABLE)
    return tuple(r for r in RENDERERS if r.name in wanted)
