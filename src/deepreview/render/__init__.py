"""Renderers: a `Report` to Markdown (`markdown.py`), self-contained HTML (`html.py`) and
SARIF (`sarif.py`); the registry of formats is `deepreview.formats`.

All render from the model only; Markdown and HTML through Jinja2 templates shipped as package
data in `render/templates/`.
"""

from __future__ import annotations

from deepreview.formats import FORMATS, render_report

__all__ = ["FORMATS", "render_report"]
