"""A config value of the wrong TOML type is refused (exit 2, one line naming the file, the key
and the type it takes), from the user file and the repository's `.deep-review.toml` alike:
never coerced (`timeout = true` was a 1-second seat timeout, `allow_exec = "yes"` was true,
`diff_budget = true` a 1-byte budget). Infinity is no timeout either: run.json must stay JSON."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from deepreview.config_file import FileConfig
from support.repos import cli_env, commit_on_base, make_repo, run_cli

# (table, key, TOML value of the wrong type, the words naming the type the key takes)
WRONG = [
    ("review", "agents", '"static"', "a list"),
    ("review", "lead", "true", "a string"),
    ("review", "timeout", "true", "a number"),
    ("review", "timeout", '"30"', "a number"),
    ("review", "effort", "true", "one of"),
    ("review", "diff_budget", "true", "a whole number"),
    ("review", "diff_budget", "1000.0", "a whole number"),
    ("review", "store", "5", "a string"),
    ("review", "formats", '"md"', "a list"),
    ("review", "allow_exec", '"yes"', "true or false"),
    ("review", "allow_exec", "1", "true or false"),
    ("review", "passes", "true", "a whole number"),
    ("review", "passes", "2.0", "a whole number"),
    ("review", "fail_on", "true", "one of"),
    ("seats.mine", "kind", "true", "a string"),
    ("seats.mine", "binary", "5", "a string"),
    ("seats.mine", "model", "5", "a string"),
    ("seats.mine", "effort", "1", "one of"),
    ("seats.mine", "timeout", "true", "a number"),
    ("seats.mine", "extra_args", '"-v"', "a list"),
    ("seats.mine", "env", '"TOKEN"', "a table"),
    ("seats.mine", "argv", '"my-linter"', "a list"),
    ("seats.mine", "display_name", "true", "a string"),
    ("seats.mine", "model_label", "1", "a string"),
    ("checks", "test", '"pytest"', "a list"),
    ("checks", "timeout", "true", "a number"),
    ("checks", "env", '"TOKEN"', "a list"),
    ("publish", "report_url", "true", "a string"),
    ("trusted", "path", "5", "a string"),
    ("trusted", "sha256", "true", "a string"),
]


def _text(table: str, key: str, value: str) -> str:
    if table == "trusted":
        other = "sha256" if key == "path" else "path"
        return f'[[trusted]]\n{key} = {value}\n{other} = "x"\n'
    return f"[{table}]\n{key} = {value}\n"


def _where(table: str, key: str) -> str:
    return f"'trusted.0.{key}'" if table == "trusted" else f"'{table}.{key}'"


def _one_line(res, *needles: str) -> None:  # type: ignore[no-untyped-def]
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_every_key_of_the_config_model_is_checked_here() -> None:
    """A new key gets a wrong-typed case too (this table is the list of keys)."""
    covered = {(t.split(".")[0], k) for t, k, _, _ in WRONG}
    model: set[tuple[str, str]] = set()
    for section, field in FileConfig.model_fields.items():
        annotation = field.annotation
        inner = getattr(annotation, "__args__", (annotation,))[-1]  # dict[str, X], list[X]
        model |= {(section, key) for key in getattr(inner, "model_fields", {})}
    assert model == covered


@pytest.mark.parametrize(("table", "key", "value", "expected"), WRONG)
def test_a_wrong_type_in_the_user_file(
    tmp_path: Path, table: str, key: str, value: str, expected: str
) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    config = Path(env["DEEP_REVIEW_CONFIG"])
    config.write_text(_text(table, key, value), encoding="utf-8")
    res = run_cli(["review", "--agents", "static", "--lead", "none"], cwd=repo, env=env)
    _one_line(res, str(config), f"bad value for {_where(table, key)}", expected, value)
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize(("table", "key", "value", "expected"), WRONG)
def test_a_wrong_type_in_the_repo_file(
    tmp_path: Path, table: str, key: str, value: str, expected: str
) -> None:
    repo = make_repo(tmp_path)
    commit_on_base(repo, ".deep-review.toml", _text(table, key, value), "repo config")
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none"], cwd=repo, env=cli_env(tmp_path)
    )
    _one_line(res, ".deep-review.toml", f"bad value for {_where(table, key)}", expected)
    assert not (tmp_path / "store").exists()


def test_whole_numbers_are_numbers(tmp_path: Path) -> None:
    """`timeout = 600` (an integer) is still a timeout: strict, not fussy."""
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    Path(env["DEEP_REVIEW_CONFIG"]).write_text(
        "[review]\ntimeout = 600\ndiff_budget = 50000\n[checks]\ntimeout = 60\n", encoding="utf-8"
    )
    res = run_cli(["review", "--agents", "static", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    state = json.loads((Path(res.json()["review_dir"]) / "run.json").read_text(encoding="utf-8"))
    assert state["settings"]["timeout"] == 600


@pytest.mark.parametrize(
    ("table", "key"), [("review", "timeout"), ("seats.static", "timeout"), ("checks", "timeout")]
)
@pytest.mark.parametrize("value", ["inf", "+inf", "-inf", "nan"])
def test_an_infinite_timeout_in_a_file(tmp_path: Path, table: str, key: str, value: str) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    config = Path(env["DEEP_REVIEW_CONFIG"])
    config.write_text(f"[{table}]\n{key} = {value}\n", encoding="utf-8")
    res = run_cli(["review", "--agents", "static", "--lead", "none"], cwd=repo, env=env)
    _one_line(res, str(config), f"bad value for '{table}.{key}'")
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize("value", ["inf", "Infinity", "-inf", "nan"])
def test_an_infinite_timeout_on_the_command_line(tmp_path: Path, value: str) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    args = ["review", "--agents", "static", "--lead", "none", "--timeout", value]
    _one_line(run_cli(args, cwd=repo, env=env), f"--timeout {float(value):g}", "seconds")
    # the environment's too
    env = cli_env(tmp_path, {"DEEP_REVIEW_TIMEOUT": value})
    res = run_cli(["review", "--agents", "static", "--lead", "none"], cwd=repo, env=env)
    _one_line(res, "DEEP_REVIEW_TIMEOUT")
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize("option", ["--probe-minutes", "--budget-usd"])
def test_other_infinite_numbers_on_the_command_line(tmp_path: Path, option: str) -> None:
    repo = make_repo(tmp_path)
    args = ["review", "--agents", "static", "--lead", "none", option, "inf"]
    if option == "--probe-minutes":
        args += ["--probe-tests", "--allow-exec"]
    else:
        args += ["--panel", "auto"]
    res = run_cli(args, cwd=repo, env=cli_env(tmp_path))
    _one_line(res, f"{option} inf")
    assert not (tmp_path / "store").exists()


def test_run_json_is_standard_json(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none", "--json", "--timeout", "1e6"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr

    def refuse(constant: str) -> float:
        raise AssertionError(f"non-standard JSON constant {constant}")

    folder = Path(res.json()["review_dir"])
    for path in [*folder.glob("*.json"), *folder.parent.glob("*.json")]:
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=refuse)
        assert data is not None
    state = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    assert math.isfinite(state["settings"]["timeout"])
