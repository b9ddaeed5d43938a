"""Renderers: a `Report` to Markdown (`markdown.py`) and to self-contained HTML (`html.py`).

Both render from the model only, through Jinja2 templates shipped as package data in
`render/templates/`. `render_report` is the one dispatch by format, used by the store and the CLI.
"""

from __future__ import annotations

from typing import Final

from deepreview.model import Report

FORMATS: Final = ("md", "json", "html")


def render_report(report: Report, fmt: str) -> str:
    """`report` as `md`, `json` or `html` (renderers are imported only when asked for)."""
    if fmt == "json":
        from deepreview.serialize import to_json

        return to_json(report)
    if fmt == "html":
        from deepreview.render.html import render_html

        return render_html(report)
    if fmt == "md":
        from deepreview.render.markdown import render_markdown

        return render_markdown(report)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
