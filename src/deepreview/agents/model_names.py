"""A model's ID as a report shows it next to its seat's name.

The CLIs report IDs (`claude-opus-4-6`, `gpt-5.4`, `gemini-2.5-pro`); the report reads
`Claude Opus 4.6`, `Codex GPT 5.4`, `Gemini 2.5 Pro`. A seat's `model_label` setting overrides
this. A context-window variant (Claude Code's `claude-opus-4-8[1m]`) and a release date
(`-20250929`, Vertex AI's `@20251001`) are left out of the name. Only the shown text changes:
run.json, transcripts and the statistics keep the ID.
"""

from __future__ import annotations

import re

_DATE = re.compile(r"[-@](?:20\d{6}|latest)$")
_ACRONYMS = frozenset({"gpt", "glm"})
_ID = re.compile(r"^[a-z0-9][a-z0-9._/-]*$")
_CONTEXT = re.compile(r"\[\d+[km]\]$", re.IGNORECASE)  # `[1m]`: a 1M-token context window


def pretty_model(model: str, name: str) -> str:
    """`claude-opus-4-6` shown by the seat `Claude` → `Opus 4.6`; an ID it does not recognise
    as one (a label, a local `name:tag`) is shown as written."""
    bare = _DATE.sub("", _CONTEXT.sub("", model))
    if not _ID.match(bare):
        return model
    model = bare.rsplit("/", 1)[-1]
    tokens = [t for t in model.split("-") if t]
    if len(tokens) > 1 and tokens[0] == name.lower():
        tokens = tokens[1:]  # `Gemini gemini-2.5-pro` says Gemini twice
    words: list[str] = []
    for t in tokens:
        if t.isdigit() and words and re.fullmatch(r"\d+", words[-1]):
            words[-1] += f".{t}"  # `4-6` is version 4.6
        elif t in _ACRONYMS:
            words.append(t.upper())
        elif t[0].isalpha() and len(t) > 2:
            words.append(t.capitalize())
        else:
            words.append(t)  # `o3`, `5.4`, `4`
    return " ".join(words)
