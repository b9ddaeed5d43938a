"""`action.yml` and `examples/github/deep-review.yml`: they parse, every `deep-review` line in
them names a command and options that exist, and their steps run (locally, see `gha.py`)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from deepreview.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
ACTION = ROOT / "action.yml"
WORKFLOW = ROOT / "examples" / "github" / "deep-review.yml"


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def run_scripts(steps: list[dict[str, Any]]) -> list[str]:
    return [str(s["run"]) for s in steps if "run" in s]


def all_scripts() -> list[tuple[str, str]]:
    out = [("action.yml", s) for s in run_scripts(load(ACTION)["runs"]["steps"])]
    for name, job in load(WORKFLOW)["jobs"].items():
        out += [(f"workflow job {name}", s) for s in run_scripts(job["steps"])]
    return out


_CUT = re.compile(r"\)|\||;|&&|\s>|\s2>")
_ARRAY = re.compile(r"\bargs\+?=\((.*)\)")


def invocations(script: str) -> list[list[str]]:
    """The words after each `deep-review` in `script` (continuation lines joined); a call
    through `"${args[@]}"` gets the words of the script's `args=(…)` / `args+=(…)` lines."""
    text = script.replace("\\\n", " ")
    text = "\n".join(re.sub(r"(^|\s)#\s.*$", "", line) for line in text.splitlines())
    array = [w for m in _ARRAY.finditer(text) for w in shlex.split(m.group(1))]
    calls = []
    for line in text.splitlines():
        for part in line.split("deep-review ")[1:]:
            words = shlex.split(_CUT.split(part, 1)[0])
            if words and words[0] == "${args[@]}":
                words = array + words[1:]
            calls.append(words)
    return calls


def check_call(words: list[str]) -> list[str]:
    """What in `deep-review WORDS` the click command tree does not know."""
    ctx = click.Context(cli)
    command = cli.get_command(ctx, words[0]) if words else None
    if not isinstance(command, click.Command):
        return [f"no command {words[:1]}"]
    known = {o for p in command.params for o in (*p.opts, *p.secondary_opts)}
    return [
        f"{words[0]}: no option {w}"
        for w in words[1:]
        if w.startswith("--") and w.split("=", 1)[0] not in known
    ]


def test_action_and_workflow_parse() -> None:
    action = load(ACTION)
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) >= {
        "agents",
        "post",
        "inline",
        "fail-on",
        "target",
        "seat-only",
        "python-version",
        "extra-args",
    }
    uses = [s.get("uses", "").split("@")[0] for s in action["runs"]["steps"]]
    assert "actions/setup-python" in uses and "actions/upload-artifact" in uses
    flow = load(WORKFLOW)
    assert "pull_request" in flow[True]  # YAML 1.1 reads the key `on` as true
    # a push cancels the run of the commit it replaces (whose finish would post after it)
    assert flow["concurrency"] == {
        "group": "deep-review-${{ github.event.pull_request.number }}",
        "cancel-in-progress": True,
    }
    assert flow["permissions"] == {
        "contents": "read",
        "pull-requests": "write",
        "security-events": "write",
    }
    seat, finish = flow["jobs"]["seat"], flow["jobs"]["finish"]
    assert seat["strategy"]["matrix"]["seat"] == ["claude", "codex", "gemini"]
    assert finish["needs"] == "seat"
    finish_uses = [s.get("uses", "").split("@")[0] for s in finish["steps"]]
    assert "actions/download-artifact" in finish_uses
    assert "github/codeql-action/upload-sarif" in finish_uses


def test_every_deep_review_line_names_what_exists() -> None:
    calls = [(where, words) for where, s in all_scripts() for words in invocations(s)]
    commands = {words[0] for _, words in calls}
    # Not vacuous: the lines the workflow and the action depend on were found and checked.
    assert {"review", "finish", "doctor", "publish"} <= commands, commands
    problems = [f"{where}: {p}" for where, words in calls for p in check_call(words)]
    assert problems == []


@pytest.mark.parametrize(
    ("script", "problem"),
    [
        ("deep-review reveiw 1", "no command ['reveiw']"),
        ("deep-review finish --form d1", "finish: no option --form"),
        ('args=(review --seat-onyl x)\ndeep-review "${args[@]}"', "review: no option --seat-onyl"),
    ],
)
def test_the_line_check_catches_typos(script: str, problem: str) -> None:
    assert [p for words in invocations(script) for p in check_call(words)] == [problem]
