"""Commands the prompts tell seats to run must work in every seat's shell.

gemini-cli 0.61 runs shell commands with `diff.external` set to an empty value (through
GIT_CONFIG_KEY_n), so a plain `git diff` dies with "external diff died"; `--no-ext-diff`
(and `git show` / `git log`, which ignore `diff.external` unless asked) work.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import deepreview

TEMPLATES = Path(deepreview.__file__).resolve().parent / "prompts"


@pytest.mark.parametrize("name", ["review.md.j2", "lead.md.j2"])
def test_every_git_diff_the_prompt_suggests_skips_external_diff(name: str) -> None:
    text = (TEMPLATES / name).read_text("utf-8")
    commands = re.findall(r"`(git diff[^`]*)`", text)
    assert commands, "the prompt no longer suggests git diff; update this test"
    assert all(c.startswith("git diff --no-ext-diff ") for c in commands), commands
