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
        ("claude-3-5-haiku-latest", "Claude", "3.5 Haiku"),
        ("gpt-5.4", "Codex", "GPT 5.4"),
        ("gpt-5.1-codex-max", "Codex", "GPT 5.1 Codex Max"),
        ("o3", "Codex", "o3"),
        ("gemini-2.5-pro", "Gemini", "2.5 Pro"),
        ("gemini-3-pro-preview", "Gemini", "3 Pro Preview"),
        ("anthropic/claude-sonnet-4-5", "Opencode", "Claude Sonnet 4.5"),
        ("qwen3-coder:30b", "Opencode", "qwen3-coder:30b"),  # a local tag: as written
        ("Opus 4.6", "Claude", "Opus 4.6"),  # already a label
        ("", "Claude", ""),
    ],
)
def test_pretty_model(model: str, name: str, shown: str) -> None:
    assert pretty_model(model, name) == shown
