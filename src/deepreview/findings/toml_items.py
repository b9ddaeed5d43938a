"""Findings written as a ```toml block: arrays of tables under a findings-like key.

    ```toml
    [[findings]]
    severity = "critical"
    file = "webhooks/verify.py"
    line = 33
    title = "Signature compared with =="
    ```

A model asked for a config-like format writes its findings as TOML as readily as YAML or
JSON. Only a top-level array of tables whose key names findings (`findings`, `issues`,
`comments`, … or the singular, `[[finding]]`) is read; the items then go through the JSON
review's reader, which checks their fields. A TOML block that is the change's own config
(`[[bin]]` with a `path`, `[[tool.mypy.overrides]]`) is no list of findings and stays text.
"""

from __future__ import annotations

from typing import Final

from deepreview.markdown_fence import code_blocks

_KEYS: Final = frozenset(("findings", "issues", "problems", "comments", "review_comments"))


def _findings_key(key: str) -> bool:
    k = key.lower()
    return k in _KEYS or f"{k}s" in _KEYS


def _plain(value: object) -> object:
    # dates and times are TOML values JSON has not: their text is what a field would hold
    return value if isinstance(value, (str, int, float, bool)) else str(value)


def toml_items(text: str) -> list[dict[str, object]] | None:
    """The findings tables of the first ```toml block that has them; None when none does."""
    for block in code_blocks(text):
        if not block.closed or block.info.lower() != "toml":
            continue
        import tomllib  # loaded only for a TOML block (start-up stays light)

        try:
            doc = tomllib.loads(block.body)
        except tomllib.TOMLDecodeError:
            continue
        for key, value in doc.items():
            if (
                _findings_key(key)
                and isinstance(value, list)
                and value
                and all(isinstance(v, dict) for v in value)
            ):
                return [{k: _plain(x) for k, x in v.items()} for v in value]
    return None
