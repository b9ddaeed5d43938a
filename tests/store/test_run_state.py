"""run.json is one typed, versioned model: written by `review`, read back by `resume`/`relead`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deepreview.errors import StoreError
from deepreview.pipeline.runstate import RUN_STATE_VERSION, load_state, state_from_data
from support.repos import cli_env, make_repo, run_cli

# One worker runs the module, so its review (a module fixture) is made once.
pytestmark = pytest.mark.xdist_group("run-state")


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], str]:
    tmp = tmp_path_factory.mktemp("runstate")
    repo = make_repo(tmp)
    env = cli_env(tmp)
    res = run_cli(["review", "--agents", "static", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    return repo, env, res.json()["review_id"]


def _run_json(env: dict[str, str], rid: str) -> Path:
    return Path(env["DEEP_REVIEW_STORE"]) / rid / "run.json"


def test_review_writes_a_run_json_that_loads_through_the_model(
    reviewed: tuple[Path, dict[str, str], str],
) -> None:
    _, env, rid = reviewed
    path = _run_json(env, rid)
    data = json.loads(path.read_text())
    assert data["schema_version"] == RUN_STATE_VERSION
    assert "diff" not in data["target"]
    state = load_state(path.parent)
    assert state.id == rid and state.status == "complete"
    assert list(state.seats) == ["static"] and state.seats["static"].status == "ok"
    assert state.seats["static"].files["review"] == "review-static-pass-1.md"
    assert state.lead.seat == "none" and state.lead.status == "none"
    assert state.report is not None and set(state.report) >= {"json"}
    # Written from the model and read back into an equal model.
    assert state_from_data(state.to_data(), "x") == state


def test_a_version_3_run_json_reads_as_it_was_written(
    reviewed: tuple[Path, dict[str, str], str],
) -> None:
    """Version 4 only lets a seat's tool calls be null (a command seat's, not measured); a
    version 3 record, every count a number, is read unchanged."""
    _, env, rid = reviewed
    data = json.loads(_run_json(env, rid).read_text())
    state = state_from_data({**data, "schema_version": 3}, "x")
    assert state == state_from_data(data, "x")
    assert state.schema_version == RUN_STATE_VERSION == 4


def test_a_command_seats_unmeasured_tool_calls_load_as_null(
    reviewed: tuple[Path, dict[str, str], str],
) -> None:
    _, env, rid = reviewed
    data = json.loads(_run_json(env, rid).read_text())
    data["seats"]["static"]["run"]["tool_calls"] = None
    assert state_from_data(data, "x").seats["static"].run.tool_calls is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[1, 2]", "is not a Deep Review run record (no schema_version)"),
        ('{"id": "x"}', "is not a Deep Review run record (no schema_version)"),
        ('{"schema_version": 99}', "has run record version 99, this deep-review reads 4"),
        ("{not json", "is cut short or damaged"),
    ],
)
def test_a_foreign_or_newer_run_json_is_one_clear_error(
    tmp_path: Path, reviewed: tuple[Path, dict[str, str], str], content: str, message: str
) -> None:
    repo, env, rid = reviewed
    path = _run_json(env, rid)
    original = path.read_text()
    try:
        path.write_text(content)
        res = run_cli(["resume", rid], cwd=repo, env=env)
    finally:
        path.write_text(original)
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], res.stderr


def test_a_damaged_run_json_names_the_field(
    reviewed: tuple[Path, dict[str, str], str],
) -> None:
    _, env, rid = reviewed
    data = json.loads(_run_json(env, rid).read_text())
    data["seats"]["static"]["status"] = "sleeping"
    with pytest.raises(StoreError, match=r"damaged: seats\.static\.status"):
        state_from_data(data, "run.json")


@pytest.mark.slow
def test_a_version_1_run_json_is_migrated_and_resumes(
    tmp_path: Path, reviewed: tuple[Path, dict[str, str], str]
) -> None:
    """The first releases wrote the same keys untyped, with the no-lead note among the run
    notes: `resume` of such an interrupted run finishes it, and the note shows once."""
    repo, env, _ = reviewed
    res = run_cli(["review", "--agents", "static", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    path = _run_json(env, rid)
    data = json.loads(path.read_text())
    note = "Consolidated without a lead: no lead agent was requested or usable."
    data.update(schema_version=1, status="interrupted", notes=[note])
    data["seats"]["static"].update(status="pending")
    del data["seats"]["static"]["run"]
    path.write_text(json.dumps(data))

    res = run_cli(["resume", rid, "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert res.json()["status"] == "complete"
    md = (Path(env["DEEP_REVIEW_STORE"]) / f"{rid}.md").read_text()
    assert md.count("Consolidated without a lead") == 1
    assert json.loads(path.read_text())["schema_version"] == RUN_STATE_VERSION


@pytest.mark.slow
def test_a_resumed_review_says_no_lead_was_requested(tmp_path: Path) -> None:
    """Started with `--lead none` and resumed without it: the banner still says none was
    requested (the reason is recorded when the run starts), not that no lead could run."""
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    res = run_cli(["review", "--agents", "static", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    path = _run_json(env, rid)
    data = json.loads(path.read_text())
    assert data["lead"]["note"] == "Consolidated without a lead: none was requested."
    # as a run interrupted while its seat ran: nothing after the start recorded
    data.update(status="interrupted")
    data["seats"]["static"].update(status="pending")
    del data["seats"]["static"]["run"]
    data["lead"] = {"seat": "none", "status": "pending", "note": data["lead"]["note"]}
    path.write_text(json.dumps(data))

    res = run_cli(["resume", rid, "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    md = (Path(env["DEEP_REVIEW_STORE"]) / f"{rid}.md").read_text()
    assert "> Consolidated without a lead: none was requested." in md


def test_every_command_finds_a_store_set_in_the_config_file(tmp_path: Path) -> None:
    """`store = ...` in the user config: review writes there, and list/show/resume look there
    too (they used to read only --store and $DEEP_REVIEW_STORE, so `show` said unknown)."""
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path, {"XDG_DATA_HOME": str(tmp_path / "xdg-data")})
    del env["DEEP_REVIEW_STORE"]
    store = tmp_path / "configured-store"
    Path(env["DEEP_REVIEW_CONFIG"]).write_text(f'[review]\nstore = "{store}"\n')
    res = run_cli(["review", "--agents", "static", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    assert (store / f"{rid}.json").is_file()
    listed = run_cli(["list", "--json"], cwd=repo, env=env)
    assert [r["id"] for r in listed.json()["reviews"]] == [rid]
    shown = run_cli(["show", rid], cwd=repo, env=env)
    assert shown.returncode == 0 and shown.stdout.startswith(f"# Deep Review: {rid}")
    again = run_cli(["resume", rid], cwd=repo, env=env)
    assert again.returncode == 2 and f"review {rid} is already complete" in again.stderr
