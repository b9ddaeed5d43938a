"""Findings written as a ```yaml block, or as the review's YAML front matter (`---` … `---`
at its top, metadata beside a `findings:` key): a list of flat mappings, alone or under a key.

    ```yaml
    findings:
      - severity: critical
        file: app/db/pool.py
        lines: 33-41
        title: Connections go back to the pool without a rollback
    ```

A model asked for Markdown and a machine-readable list writes YAML as often as JSON. The
project reads no YAML at run time (no parser dependency for one shape), so this reads only that
shape: a top-level key over a `- key: value` list (or the list alone), scalar values, plain or
quoted, and `|` / `>` blocks. Anything else (nested mappings, flow collections, anchors) makes
the block no list of findings. The items then go through the JSON review's reader, which checks
their fields; an item with neither a level nor a file is no finding (a quoted workflow's
`steps:`, a plan's items), so such a block is none.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.markdown_fence import code_blocks

_KEY: Final = re.compile(r"^(?P<key>[A-Za-z_][\w -]{0,40}?)[ \t]*:(?:[ \t]+(?P<value>.*))?$")
_ITEM: Final = re.compile(r"^-[ \t]+(?P<rest>.*)$")
_NEEDS: Final = frozenset(("severity", "level", "priority", "file", "path", "filename"))


# YAML front matter: `---` on the text's first line, the block closed by `---` (or `...`)
_FRONT: Final = re.compile(r"\A---[ \t]*\n(?P<body>(?:.*\n)*?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
# the keys a findings list stands under among other keys (`verdict: …` beside `findings:`)
_LIST_KEYS: Final = frozenset(("findings", "issues", "problems", "comments", "review_comments"))


def yaml_items(text: str) -> list[dict[str, str]] | None:
    """The findings list of the YAML front matter or the first ```yaml block that is one;
    None when none is."""
    front = _FRONT.match(text.lstrip("\ufeff"))
    bodies = [front["body"]] if front is not None else []
    bodies += [b.body for b in code_blocks(text) if b.closed and b.info.lower() in ("yaml", "yml")]
    for body in bodies:
        lines = body.split("\n")
        items = _items(lines) or _items(_keyed_list(lines))
        if items and all(_NEEDS & item.keys() for item in items):
            return items
    return None


def _keyed_list(lines: list[str]) -> list[str]:
    """The rows of the findings list a mapping holds beside other keys (`reviewer: qwen`,
    `verdict: …`, then `findings:` over the list): its key and the rows under it."""
    for i, line in enumerate(lines):
        key = _KEY.match(line)
        if key is None or key["value"] or key["key"].strip().lower() not in _LIST_KEYS:
            continue
        end = i + 1
        while end < len(lines) and (
            not lines[end].strip() or lines[end][:1].isspace() or _ITEM.match(lines[end])
        ):
            end += 1
        return lines[i:end]
    return []


def _scalar(value: str) -> str:
    v = value.strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
        return v[1:-1]
    return re.sub(r"[ \t]+#.*$", "", v)  # a comment after a plain value


def _items(lines: list[str]) -> list[dict[str, str]] | None:
    rows = [ln.rstrip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    if rows and not rows[0][:1].isspace() and not _ITEM.match(rows[0]):
        key = _KEY.match(rows[0])
        if key is None or key["value"]:
            return None
        rows = rows[1:]  # `findings:` over the list
    if not rows:
        return None
    margin = len(rows[0]) - len(rows[0].lstrip())
    items: list[dict[str, str]] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        indent = len(row) - len(row.lstrip())
        item = _ITEM.match(row[margin:]) if indent == margin else None
        if item is None:
            return None
        fields: dict[str, str] = {}
        inner = margin + (len(row[margin:]) - len(item["rest"]))
        pending: list[tuple[int, str]] = [(inner, item["rest"])]
        i += 1
        while i < len(rows) and len(rows[i]) - len(rows[i].lstrip()) > margin:
            pending.append((len(rows[i]) - len(rows[i].lstrip()), rows[i].strip()))
            i += 1
        if not _fields(pending, inner, fields):
            return None
        items.append(fields)
    return items


def _fields(rows: list[tuple[int, str]], inner: int, fields: dict[str, str]) -> bool:
    """Fill `fields` from an item's rows (indent, text); False when they are no flat mapping."""
    j = 0
    while j < len(rows):
        indent, text = rows[j]
        m = _KEY.match(text) if indent == inner else None
        if m is None:
            return False
        value = (m["value"] or "").strip()
        j += 1
        if value[:1] in ("|", ">"):
            block = []
            while j < len(rows) and rows[j][0] > inner:
                block.append(rows[j][1])
                j += 1
            value = ("\n" if value[0] == "|" else " ").join(block)
        elif not value or value[:1] in ("[", "{", "&", "*", "!"):
            return False  # a nested value, a flow collection, an anchor: not this shape
        else:
            value = _scalar(value)
        fields[m["key"].strip().lower().replace(" ", "_")] = value
    return True
