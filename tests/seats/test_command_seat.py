"""The `command` seat: a user-configured reviewer program whose stdout is the review."""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

import pytest

from deepreview.agents.base import SeatSettings
from deepreview.agents.command import CommandAgent
from deepreview.agents.registry import get_agent
from deepreview.findings import parse_review
from deepreview.seat_output import checked_status

PY = sys.executable
REVIEW = "## Executive Summary\n\nLooks fine.\n"


def settings(*code_and_args: str, env: tuple[tuple[str, str], ...] = ()) -> SeatSettings:
    """A seat whose reviewer is `python -c CODE ARGS...`."""
    return SeatSettings(kind="command", argv=(PY, "-c", *code_and_args), env=env)


@pytest.fixture
def base(repo) -> str:
    repo.write("a.py", "x = 1\n")
    sha = repo.commit("base")
    repo.write("a.py", "x = 2\n")
    repo.commit("change")
    return sha


def test_prompt_goes_to_stdin_without_placeholder(repo, make_task, base) -> None:
    code = "import sys; print('## Review'); print(sys.stdin.read())"
    task = make_task(repo, base, seat="bot", prompt="PROMPT-ON-STDIN", settings=settings(code))
    outcome = CommandAgent().run(task)
    assert outcome.status == "ok", outcome.reason
    assert "PROMPT-ON-STDIN" in outcome.review_text
    assert outcome.review_text == task.transcript_path.read_text()


def test_prompt_file_placeholder_and_stdin_closed(repo, make_task, base) -> None:
    code = (
        "import sys, json; print(json.dumps({'file': sys.argv[1], "
        "'content': open(sys.argv[1]).read(), 'stdin': sys.stdin.read(), 'wt': sys.argv[2], "
        "'sha': sys.argv[3]}))"
    )
    s = settings(code, "{prompt_file}", "--tree={worktree}", "{base_sha}")
    task = make_task(repo, base, seat="bot", prompt="PROMPT-IN-FILE", settings=s)
    outcome = CommandAgent().run(task)
    assert outcome.status == "ok", outcome.reason
    data = json.loads(outcome.review_text)
    assert data == {
        "file": str(task.prompt_file),
        "content": "PROMPT-IN-FILE",
        "stdin": "",
        "wt": f"--tree={repo.root}",
        "sha": base,
    }


def test_runs_in_the_worktree_with_env(repo, make_task, base) -> None:
    code = (
        "import os, json; print(json.dumps({'cwd': os.getcwd(), "
        "'env': {k: os.environ.get(k) for k in ('DEEP_REVIEW_BASE_SHA', "
        "'DEEP_REVIEW_PROMPT_FILE', 'DEEP_REVIEW_SEAT', 'FROM_SETTINGS', 'FROM_USER')}}))"
    )
    s = settings(code, env=(("FROM_SETTINGS", "s-value"),))
    env = {**repo.env, "FROM_USER": "u-value"}
    task = make_task(repo, base, seat="mybot", settings=s, env=env)
    outcome = CommandAgent().run(task)
    assert outcome.status == "ok", outcome.reason
    data = json.loads(outcome.review_text)
    assert Path(data["cwd"]).resolve() == repo.root.resolve()
    assert data["env"] == {
        "DEEP_REVIEW_BASE_SHA": base,
        "DEEP_REVIEW_PROMPT_FILE": str(task.prompt_file),
        "DEEP_REVIEW_SEAT": "mybot",
        "FROM_SETTINGS": "s-value",
        "FROM_USER": "u-value",
    }


def test_non_zero_exit_fails_with_last_stderr_line(repo, make_task, base) -> None:
    code = (
        "import sys; print('partial'); sys.stderr.write('warming up\\nquota exceeded\\n\\n'); "
        "sys.exit(3)"
    )
    outcome = CommandAgent().run(make_task(repo, base, seat="bot", settings=settings(code)))
    assert outcome.status == "failed"
    assert outcome.reason == "exited with code 3: quota exceeded"


@pytest.mark.parametrize("output", ["", "   \n\t\n"])
def test_empty_output_fails(repo, make_task, base, output: str) -> None:
    code = f"import sys; sys.stdout.write({output!r})"
    outcome = CommandAgent().run(make_task(repo, base, seat="bot", settings=settings(code)))
    assert outcome.status == "failed"
    assert outcome.reason == "empty review"


def test_invalid_utf8_is_replaced_and_stored_as_is(repo, make_task, base) -> None:
    raw = b"## Executive Summary\n\nbad bytes: \xff\xfe end\n"
    code = f"import sys; sys.stdout.buffer.write({raw!r})"
    task = make_task(repo, base, seat="bot", settings=settings(code))
    outcome = CommandAgent().run(task)
    assert outcome.status == "ok", outcome.reason
    assert "bad bytes: \ufffd\ufffd end" in outcome.review_text
    assert task.transcript_path.read_bytes() == raw


def test_timeout(repo, make_task, base) -> None:
    code = "import time; time.sleep(60)"
    task = make_task(repo, base, seat="bot", settings=settings(code), timeout=0.5)
    outcome = CommandAgent().run(task)
    assert outcome.status == "timeout"


def test_cancel(repo, make_task, base) -> None:
    cancel = threading.Event()
    cancel.set()
    code = "import time; time.sleep(60)"
    task = make_task(repo, base, seat="bot", settings=settings(code), cancel=cancel)
    outcome = CommandAgent().run(task)
    assert outcome.status == "interrupted"


def test_program_that_cannot_start(repo, make_task, base, tmp_path) -> None:
    s = SeatSettings(kind="command", argv=(str(tmp_path / "missing-reviewer"),))
    outcome = CommandAgent().run(make_task(repo, base, seat="bot", settings=s))
    assert outcome.status == "failed"
    assert outcome.reason and "missing-reviewer" in outcome.reason


def test_relative_program_is_never_taken_from_the_worktree(
    repo, make_task, base, tmp_path, monkeypatch
) -> None:
    # The reviewed change could add this script; it must not be what runs.
    script = repo.write("review.sh", f"#!/bin/sh\necho '{REVIEW}'\n")
    script.chmod(0o755)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    s = SeatSettings(kind="command", argv=("./review.sh",))
    assert not CommandAgent().availability(s, repo.env).usable
    outcome = CommandAgent().run(make_task(repo, base, seat="bot", settings=s))
    assert outcome.status == "failed"


def test_no_argv_configured(repo, make_task, base) -> None:
    avail = CommandAgent().availability(SeatSettings(kind="command"), {"PATH": "/usr/bin"})
    assert not avail.usable and not avail.model_backed
    assert avail.reason == (
        "no argv configured: add [seats.NAME] argv = [...] to .deep-review.toml"
    )
    outcome = CommandAgent().run(make_task(repo, base, seat="bot"))
    assert outcome.status == "failed"
    assert outcome.reason == "no argv configured: add [seats.bot] argv = [...] to .deep-review.toml"


def test_availability_resolves_argv0(tmp_path) -> None:
    agent = get_agent("command")
    assert isinstance(agent, CommandAgent)
    assert not agent.model_backed
    on_path = agent.availability(SeatSettings(argv=("sh", "-c", "true")), {"PATH": "/bin:/usr/bin"})
    assert on_path.usable and on_path.binary and on_path.binary.endswith("/sh")
    by_path = agent.availability(SeatSettings(argv=(PY,)), {"PATH": ""})
    assert by_path.usable
    missing = agent.availability(SeatSettings(argv=("no-such-reviewer-xyz",)), {"PATH": "/bin"})
    assert not missing.usable and "no-such-reviewer-xyz" in missing.reason


def _json_seat(payload: object) -> SeatSettings:
    return settings(f"import json; print(json.dumps({payload!r}))")


def test_a_seat_printing_findings_as_json_hands_them_over(repo, make_task, base) -> None:
    payload = {
        "schema_version": 1,
        "summary": "One unchecked error.",
        "findings": [
            {"severity": "suggestion", "title": "Name `x` is vague",
             "locations": [{"path": "a.py", "line": 1}]},
            {"severity": "important", "title": "Error ignored",
             "locations": [{"path": "dir with space/pi|pe `q`.py", "line": 3, "end_line": 5}],
             "classification": "regression", "body": "It is dropped.", "fix": "Check it."},
        ],
        "coverage": [{"path": "a.py", "status": "S1"}],
        "notes": ["scanner 2.1 ran with its default rules"],
    }  # fmt: skip
    task = make_task(repo, base, seat="scanner", settings=_json_seat(payload))
    outcome = CommandAgent().run(task)
    assert outcome.status == "ok", outcome.reason
    review = outcome.review
    assert review is not None
    assert [(f.id, f.title) for f in review.findings] == [
        ("I1", "Error ignored"),
        ("S1", "Name `x` is vague"),
    ]
    assert [str(loc) for loc in review.findings[0].locations] == ["dir with space/pi|pe `q`.py:3-5"]
    assert review.seat_notes == ("scanner 2.1 ran with its default rules",)
    # The appendix Markdown is rendered from the findings.
    assert outcome.review_text == review.raw
    assert "## Executive Summary\n\nOne unchecked error." in review.raw
    assert (
        "I1. **Error ignored** — `` dir with space/pi|pe `q`.py:3-5 `` (important, regression)"
        in (review.raw)
    )


def test_json_of_the_wrong_shape_fails_the_seat_with_the_field(repo, make_task, base) -> None:
    payload = {"schema_version": 1, "findings": [{"severity": "major", "title": "x"}]}
    task = make_task(repo, base, seat="scanner", settings=_json_seat(payload))
    outcome = CommandAgent().run(task)
    assert outcome.status == "failed"
    assert outcome.reason is not None
    assert outcome.reason.startswith("invalid review JSON: findings.0.severity:")
    assert outcome.review_text  # the raw output is kept


def test_json_that_is_no_object_is_read_as_markdown(repo, make_task, base) -> None:
    task = make_task(repo, base, seat="bot", settings=settings("print('{not json} ## hello')"))
    outcome = CommandAgent().run(task)
    assert outcome.status == "ok" and outcome.review is None


def test_json_without_schema_version_is_read_as_parse_reads_it(repo, make_task, base) -> None:
    """A model's own JSON (`{"findings": [...]}`, no `schema_version`) is not our strict format:
    the seat reads it as `deep-review parse` does, instead of failing on the missing field."""
    payload = {
        "findings": [
            {"severity": "high", "file": "a.py", "line": 1, "title": "x is overwritten"},
            {"severity": "low", "file": "a.py", "line": 1, "title": "name x is vague"},
        ]
    }
    task = make_task(repo, base, seat="model", settings=_json_seat(payload))
    outcome = CommandAgent().run(task)
    assert outcome.status == "ok", outcome.reason
    assert outcome.review is None  # read like any text the seat prints, as `parse` reads it
    review = parse_review(outcome.review_text, seat="model")
    assert [(f.id, f.title) for f in review.findings] == [
        ("C1", "x is overwritten"),
        ("S1", "name x is vague"),
    ]


def test_json_findings_with_exit_1_are_used_and_the_exit_noted(repo, make_task, base) -> None:
    """A scanner that exits 1 because it found problems: its findings are handed over and the
    seat is ok, the exit its note; printed text that is no review leaves it failed."""
    payload = {
        "schema_version": 1,
        "findings": [{"severity": "important", "title": "Error ignored",
                      "locations": [{"path": "a.py", "line": 1}]}],
    }  # fmt: skip
    code = f"import sys; print({json.dumps(payload)!r}); sys.exit(1)"
    outcome = CommandAgent().run(make_task(repo, base, seat="scanner", settings=settings(code)))
    assert (outcome.status, outcome.output_decides) == ("failed", True)
    assert outcome.review is not None and [f.id for f in outcome.review.findings] == ["I1"]
    status = checked_status(
        outcome, outcome.review_text, False, reason=outcome.reason, seat="s", writes_review=True
    )
    assert status == ("ok", "exited with code 1")
    code = "import sys; print('error: no rules file'); sys.exit(1)"
    outcome = CommandAgent().run(make_task(repo, base, seat="scanner", settings=settings(code)))
    status = checked_status(
        outcome, outcome.review_text, False, reason=outcome.reason, seat="s", writes_review=True
    )
    assert status == ("failed", "exited with code 1: error: no rules file")  # its words quoted
