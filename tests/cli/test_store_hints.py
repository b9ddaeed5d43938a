"""A command Deep Review tells the user to run next names the store the run was given with
`--store DIR`: followed as printed, it finds the review. Through the real command."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import click
import pytest

from deepreview.cli.hints import STORE_COMMANDS
from deepreview.cli.main import cli
from fakebin.harness import Fakes
from support.interrupt import interrupt_review
from support.repos import make_repo, run_cli
from support.rounds import ROUND1, alpha_seat, make_branch_repo


def _commands_with_store() -> set[str]:
    ctx = click.Context(cli)
    found: set[str] = set()

    def walk(group: click.Group, prefix: str) -> None:
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            if isinstance(command, click.Group):
                walk(command, f"{prefix}{name} ")
            elif command is not None and any(
                "--store" in p.opts for p in command.params if isinstance(p, click.Option)
            ):
                found.add(f"{prefix}{name}")

    walk(cli, "")
    return found


def test_the_hints_know_every_command_that_takes_a_store() -> None:
    assert set(STORE_COMMANDS) == _commands_with_store()


def _store_with_spaces(tmp_path: Path) -> Path:
    return tmp_path / "named store"


@pytest.mark.slow  # a review in a process of its own, stopped with Ctrl-C
def test_the_interrupt_hint_names_the_store_given_by_flag(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    store = _store_with_spaces(tmp_path)
    fakes.write_config({"slow": fakes.seat("slow", "--sleep", "120")})

    def running() -> bool:
        files = list(store.glob("*/run.json"))
        return bool(files) and json.loads(files[0].read_text())["seats"]["slow"]["status"] == (
            "running"
        )

    run = interrupt_review(
        ["review", "--agents", "slow", "--lead", "none", "--store", str(store)],
        cwd=repo,
        env=fakes.env(),
        when=running,
        what="the seat to start",
    )
    assert run.returncode == 130, run.stderr
    rid = next(store.glob("*/run.json")).parent.name
    hint = f"`deep-review resume {rid} --store {shlex.quote(str(store))}`"
    assert hint in run.stderr, run.stderr
    # followed as printed, it finds the review (here: it finishes it)
    fakes.write_config({"slow": fakes.seat("ok")})
    res = run_cli(shlex.split(hint.strip("`"))[1:], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr


def test_context_applys_other_repository_hint_names_the_store(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    store = _store_with_spaces(tmp_path)
    fakes.write_config(alpha_seat(fakes, ROUND1))
    (tmp_path / "o1").mkdir()
    (tmp_path / "o2").mkdir()
    one, two = make_branch_repo(tmp_path / "o1"), make_branch_repo(tmp_path / "o2")
    res = fakes.review(one, "--agents", "alpha", "--format", "md", "--store", str(store))
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    args = ["context", "apply", rid, "--store", str(store), "--yes"]
    res = run_cli(args, cwd=two, env=fakes.env())
    assert res.returncode == 2
    assert f"`deep-review context apply {rid} --store {shlex.quote(str(store))}` there" in (
        res.stderr
    )


def test_a_store_named_by_the_environment_adds_nothing(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = run_cli(["resume", "20990101-000000-nope"], cwd=repo, env=fakes.env())
    assert res.returncode == 2
    assert "`deep-review list`" in res.stderr and "--store" not in res.stderr


def test_an_empty_stores_list_and_stats_name_the_store_given_by_flag(tmp_path: Path) -> None:
    """`list --store DIR` (and `stats`) of an empty store says how to store a review there:
    followed as printed, a bare `deep-review review` would store it in the default store."""
    repo = make_repo(tmp_path)
    store = tmp_path / "team reviews"
    store.mkdir()
    env = Fakes(tmp_path).env()
    hint = f"`deep-review review --store {shlex.quote(str(store))}`"
    res = run_cli(["list", "--store", str(store)], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert f"{hint} stores one" in res.stdout
    # `stats` says the same, in its table's place and in its JSON's notes
    res = run_cli(["stats", "--store", str(store)], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert f"Run {hint} first" in " ".join(res.stdout.split()), res.stdout
    res = run_cli(["stats", "--json", "--store", str(store)], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert any(hint in note for note in res.json()["notes"]), res.stdout


def test_reindexs_skipped_review_notes_name_the_store_given_by_flag(tmp_path: Path) -> None:
    """`reindex --store DIR` skips a review whose run.json is cut short and says `show ID`
    still prints its report: followed as printed without `--store`, it looked in the default
    store and found no such review."""
    repo = make_repo(tmp_path)
    env = Fakes(tmp_path).env()
    store = _store_with_spaces(tmp_path)
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none", "--json", "--store", str(store)],
        cwd=repo,
        env=env,
    )
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    run_json = store / rid / "run.json"
    run_json.write_bytes(run_json.read_bytes()[:200])  # a run.json cut short
    res = run_cli(["reindex", "--store", str(store)], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    hint = f"`deep-review show {rid} --store {shlex.quote(str(store))}`"
    assert hint in res.stderr, res.stderr
    assert f"`deep-review delete {rid} --store {shlex.quote(str(store))}`" in res.stderr
    shown = run_cli(shlex.split(hint.strip("`"))[1:], cwd=repo, env=env)
    assert shown.returncode == 0 and rid in shown.stdout, shown.stderr
