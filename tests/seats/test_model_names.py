"""How a model's ID is shown next to its seat's name: `Claude Opus 4.6`, as the target report
writes it, not `Claude claude-opus-4-6`."""

from __future__ import annotations

import pytest

from deepreview.agents.model_names import pretty_model


@pytest.mark.parametrize(
    ("model", "name", "shown"),
    [
        ("claude-opus-4-6", "Claude", "Opus 4.6"),
        ("claude-sonnet-4-5-20250929", "Claude", "Sonnet 4.5"),
        ("claude-opus-4-8[1m]", "Claude", "Opus 4.8"),  # Claude Code's 1M-context variant
        ("claude-sonnet-4-5-20250929[1m]", "Claude", "Sonnet 4.5"),
        ("claude-haiku-4-5@20251001", "Claude", "Haiku 4.5"),  # Vertex AI's form
        ("claude-opus-4-1", "Claude", "Opus 4.1"),
        ("gpt-5-codex", "Codex", "GPT 5 Codex"),
        ("gemini-2.5-flash-lite", "Gemini", "2.5 Flash Lite"),
        ("google/gemini-3-pro-preview", "Opencode", "Gemini 3 Pro Preview"),
        ("claude-3-5-haiku-latest", "Claude", "3.5 Haiku"),
        ("gpt-5.4", "Codex", "GPT 5.4"),
        ("gpt-5.1-codex-max", "Codex", "GPT 5.1 Codex Max"),
        ("o3", "Codex", "o3"),
        ("gemini-2.5-pro", "Gemini", "2.5 Pro"),
        ("gemini-3-pro-preview", "Gemini", "3 Pro Preview"),
        ("anthropic/claude-sonnet-4-5", "Opencode", "Claude Sonnet 4.5"),
        ("qwen3-coder:30b", "Opencode", "qwen3-coder:30b"),  # a local tag: as written
        ("my model [beta]", "Claude", "my model [beta]"),  # a label with brackets: as written
        ("Opus 4.6", "Claude", "Opus 4.6"),  # already a label
        ("", "Claude", ""),
    ],
)
def test_pretty_model(model: str, name: str, shown: str) -> None:
    assert pretty_model(model, name) == shown
