"""Trial 45a, defect 5: `review --seat-only` refuses (exit 2, one line) every option it would
ignore, as a review refuses what it cannot honour: `--budget-usd` (even `nan`, which it did not
even check), `--format` (a seat result is no report), and the checks' knobs (`--probe-max`,
`--probe-minutes`, `--jobs`) as it refuses `--check-fixes`; `--inline` as `--post`. Nothing is
written. Through the
real command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli

SEAT_ONLY = ["review", "--agents", "alpha", "--seat-only", "alpha", "--json"]
APPLY = ["--timeout", "60", "--passes", "1", "--exact-range", "main..feature/x"]
CLEAN = ["sh", "-c", "cat >/dev/null; echo '## Findings'; echo; echo 'No issues found.'"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["--budget-usd", "1"],
            "--seat-only runs the seat it names; drop --budget-usd (it sizes --panel auto)",
        ),
        (
            ["--budget-usd", "nan"],
            "--seat-only runs the seat it names; drop --budget-usd (it sizes --panel auto)",
        ),
        (
            ["--format", "sarif"],
            "--seat-only writes no report; drop --format and pass it to `deep-review finish`",
        ),
        (["--probe-max", "5"], "--seat-only runs no checks; drop --probe-max"),
        (["--probe-minutes", "2"], "--seat-only runs no checks; drop --probe-minutes"),
        (["--jobs", "2"], "--seat-only runs no checks; drop --jobs"),
        # refused as such, not first told to add --allow-exec (or --post), then refused
        (
            ["--inline"],
            "--seat-only writes no report to post or gate; pass --post/--inline/--fail-on to "
            "`deep-review finish`",
        ),
        (["--check-fixes"], "--seat-only runs no checks; drop --check-fixes/--probe-tests"),
    ],
)
def test_seat_only_refuses_what_it_would_ignore(
    tmp_path: Path, extra: list[str], message: str
) -> None:
    repo = make_repo(tmp_path)
    (tmp_path / "user-config.toml").write_text(f"[seats.alpha]\nargv = {json.dumps(CLEAN)}\n")
    out = tmp_path / "sq"
    res = run_cli(
        [*SEAT_ONLY, "--out", str(out), *extra],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 2, res.stderr
    assert res.stderr.strip().splitlines() == [f"deep-review: error: {message}"]
    assert not out.exists()


def test_seat_only_still_runs_with_the_options_that_apply(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (tmp_path / "user-config.toml").write_text(f"[seats.alpha]\nargv = {json.dumps(CLEAN)}\n")
    out = tmp_path / "sq"
    res = run_cli(
        [*SEAT_ONLY, "--out", str(out), *APPLY],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    assert (out / "seat-result.json").is_file()


def test_an_out_folder_that_cannot_be_made_is_named_as_the_out_folder(tmp_path: Path) -> None:
    """`--out` under a file (as under a read-only or full file system): the line names the
    seat result folder and says to pass another --out, not "the review store" and --store,
    which --seat-only does not write to."""
    repo = make_repo(tmp_path)
    (tmp_path / "user-config.toml").write_text(f"[seats.alpha]\nargv = {json.dumps(CLEAN)}\n")
    (tmp_path / "a-file").write_text("not a folder\n")
    out = tmp_path / "a-file" / "sq"
    res = run_cli([*SEAT_ONLY, "--out", str(out)], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 2, res.stderr
    error = res.stderr.strip().splitlines()[-1]
    assert error.startswith(f"deep-review: error: cannot write the seat result folder {out}"), error
    assert "pass another --out DIR" in error, error
    assert "store" not in error, error
