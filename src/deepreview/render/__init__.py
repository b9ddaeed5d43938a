"""Renderers: a `Report` to Markdown (`markdown.py`) and to self-contained HTML (`html.py`).

Both render from the model only, through Jinja2 templates shipped as package data in
`render/templates/`.
"""
