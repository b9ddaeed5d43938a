"""Bad input found trying the README as a new user (issue 13): exit 2, one line, nothing written.

Seats that cannot run, a timeout that cannot be met, and messages that named the wrong thing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakebin.harness import Fakes, store_files
from support.repos import cli_env, git, make_repo, run_cli, write


def _assert_bad_input(res, needles: list[str], store: Path) -> str:  # type: ignore[no-untyped-def]
    assert res.returncode == 2, (res.returncode, res.stderr)
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert "Traceback" not in res.stderr
    assert not store.exists(), "bad input must not create the store"
    return lines[0]


# -- item 3: a timeout no seat can meet ---------------------------------------------------------
@pytest.mark.parametrize("value", ["0", "-5"])
def test_timeout_must_be_positive(tmp_path: Path, value: str) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", f"--timeout={value}")
    _assert_bad_input(res, ["--timeout", "greater than 0"], fakes.store)


def test_timeout_from_environment_must_be_positive(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    env = fakes.env({"DEEP_REVIEW_TIMEOUT": "0"})
    res = fakes.review(repo, "--agents", "static", env=env)
    _assert_bad_input(res, ["DEEP_REVIEW_TIMEOUT", "greater than 0"], fakes.store)


# -- item 4: seats and leads that cannot run here -------------------------------------------------
def test_named_agent_not_installed(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static,claude")
    needles = ["seat 'claude' cannot run here", "Claude CLI not found"]
    line = _assert_bad_input(res, needles, fakes.store)
    assert "@anthropic-ai/claude-code" in line  # the doctor's install hint


def test_command_seat_without_argv(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "command")
    _assert_bad_input(res, ["seat 'command' cannot run here", "no argv configured"], fakes.store)


def test_configured_command_missing_program(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"mybot": {"argv": ["no-such-reviewer-program", "--go"]}})
    res = fakes.review(repo, "--agents", "mybot")
    needles = ["seat 'mybot' cannot run here", "no-such-reviewer-program"]
    _assert_bad_input(res, needles, fakes.store)


def test_lead_not_usable(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", lead="claude")
    _assert_bad_input(res, ["lead 'claude' cannot run here", "Claude CLI not found"], fakes.store)


def test_relead_with_lead_not_usable(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    first = fakes.review(repo, "--agents", "static")
    assert first.returncode == 0, first.stderr
    rid = first.json()["review_id"]
    before = {p: p.read_bytes() for p in store_files(fakes.store)}
    res = run_cli(["relead", rid, "--lead", "claude"], cwd=repo, env=fakes.env())
    assert res.returncode == 2, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "lead 'claude' cannot run here" in lines[0], res.stderr
    assert "Claude CLI not found" in lines[0]
    after = {p: p.read_bytes() for p in store_files(fakes.store)}
    assert after == before, "a relead refused up front must not touch the store"


# -- item 8: messages that named the wrong thing ---------------------------------------------------
def test_model_for_unknown_seat_is_not_listed_as_valid(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    for args in (["--model", "nosuch=x"], ["--agents", "static", "--model", "nosuch=x"]):
        res = fakes.review(repo, *args)
        line = _assert_bad_input(res, ["--model nosuch=x", "unknown seat 'nosuch'"], fakes.store)
        valid = line.split("valid seats:", 1)[1]
        assert "nosuch" not in valid and "claude" in valid


def test_render_bad_json_names_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "report.json"
    # with its findings, so that the field named is one inside the header, by its path
    bad.write_text(json.dumps({"schema_version": 1, "header": {"title": 5}, "findings": []}))
    res = run_cli(["render", str(bad)], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 2
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    assert "is not a Deep Review report JSON" in lines[0]
    assert "header." in lines[0]  # the field path
    assert "pydantic" not in lines[0] and "http" not in lines[0]


def test_render_truncated_json(tmp_path: Path) -> None:
    bad = tmp_path / "report.json"
    bad.write_text('{"schema_version": 1, "header": ')
    res = run_cli(["render", str(bad)], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 2
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "not valid JSON" in lines[0], res.stderr


def test_store_path_is_a_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    blocker = tmp_path / "store-file"
    blocker.write_text("not a folder\n")
    res = fakes.review(repo, "--agents", "static", "--store", str(blocker))
    assert res.returncode == 2, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    assert "is a file, not a folder" in lines[0]
    assert "permissions" not in lines[0]
    assert blocker.read_text() == "not a folder\n"


def test_empty_repository(tmp_path: Path) -> None:
    repo = tmp_path / "fresh"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "a.py", "x = 1\n")
    fakes = Fakes(tmp_path)
    for args in ([], ["main..HEAD"], ["--uncommitted"]):
        res = fakes.review(repo, "--agents", "static", *args)
        line = _assert_bad_input(res, ["this repository has no commits yet"], fakes.store)
        assert "unknown revision" not in line


def test_a_command_seat_named_static_is_refused(tmp_path: Path) -> None:
    """`[seats.static] argv = [...]` would run the program in the built-in analyzer's place,
    its findings credited to "Static analysis" and the report saying the built-in static seat
    reviewed. One line naming the file and the seat, before anything is written."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"static": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "static")
    line = _assert_bad_input(res, [str(fakes.config), "[seats.static]", "built-in"], fakes.store)
    assert "name the command seat otherwise" in line, line


def test_a_configured_seat_without_argv_says_so(tmp_path: Path) -> None:
    """`[seats.mine]` with a model but no argv (and no kind): the seat is in the user's config,
    so "unknown seat 'mine'" with a list that leaves it out read as a typo. The line says what
    the table lacks and how to complete it."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"mine": {"model": "m1"}})
    res = fakes.review(repo, "--agents", "static,mine")
    line = _assert_bad_input(res, ["[seats.mine]", "has no argv"], fakes.store)
    assert 'argv = ["my-reviewer", "{prompt_file}"]' in line
    assert 'kind = "claude"' in line
    assert "unknown seat" not in line


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--agents", "Static"], "unknown seat 'Static' (did you mean 'static'?); valid seats:"),
        (["--agents", "statc"], "unknown seat 'statc' (did you mean 'static'?); valid seats:"),
        (
            ["--agents", "static", "--lead", "NONE"],
            "unknown lead 'NONE' (did you mean 'none'?); valid leads:",
        ),
    ],
)
def test_a_misspelt_seat_or_lead_names_the_likely_one(
    tmp_path: Path, args: list[str], said: str
) -> None:
    """Names are exact (`Static` is not `static`); the line now points at the one meant."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, *args)
    _assert_bad_input(res, [said], fakes.store)


def test_render_given_markdown_says_to_parse_it(tmp_path: Path) -> None:
    """A new user's `deep-review render review.md`: the line said "is not valid JSON …; fix or
    regenerate it", which no Markdown review can be; it names the command that reads it."""
    review = tmp_path / "review.md"
    review.write_text("## Findings\n\n1. `a.py:3` — the loop never ends\n", encoding="utf-8")
    res = run_cli(["render", str(review)], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 2
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    assert "fix or regenerate" not in lines[0], lines[0]
    assert "`deep-review parse" in lines[0] and "report JSON" in lines[0], lines[0]
