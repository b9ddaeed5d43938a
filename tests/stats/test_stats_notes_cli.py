"""`stats` says the same notes in every format, through the real command: text prints them
after the table, `--json` carries them in `notes`, `--csv` (whose stdout is the table alone)
prints them on stderr."""

from __future__ import annotations

from pathlib import Path

import tomli_w

from support.repos import cli_env, make_repo, run_cli

SEAT = ["sh", "-c", "cat >/dev/null; echo '## Important'; echo; echo '- **a bug** - calc.py:2'"]
ONE = "Only one review in scope"


def test_every_format_carries_the_notes(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    seats = {"alpha": {"argv": SEAT}, "bravo": {"argv": SEAT}}
    (tmp_path / "user-config.toml").write_text(tomli_w.dumps({"seats": seats}), encoding="utf-8")
    env = cli_env(tmp_path)
    res = run_cli(["review", "--agents", "alpha,bravo", "--lead", "none"], cwd=repo, env=env)
    assert res.returncode in (0, 1), res.stderr[-3000:]

    text = run_cli(["stats"], cwd=repo, env=env)
    assert f"note: {ONE}" in text.stdout, text.stdout
    data = run_cli(["stats", "--json"], cwd=repo, env=env).json()
    assert any(n.startswith(ONE) for n in data["notes"]), data["notes"]
    table = run_cli(["stats", "--csv"], cwd=repo, env=env)
    assert table.stdout.startswith("seat,model,") and ONE not in table.stdout
    assert f"note: {ONE}" in table.stderr, table.stderr

    # A filter that matches nothing: the header alone on stdout, and why on stderr.
    empty = run_cli(["stats", "--series", "nope", "--csv"], cwd=repo, env=env)
    assert empty.returncode == 0, empty.stderr
    assert empty.stdout.splitlines() == [empty.stdout.splitlines()[0]]
    assert "note: No review matches --series branch:nope" in empty.stderr, empty.stderr
