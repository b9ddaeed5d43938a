"""A value that a seat flags as a secret is masked in every stored file when it sits in a
connection string (`Password=…;` among other `key=value` pairs) or in a literal with spaces
(`"Basic …"`, a passphrase); the literal's other pairs (the server's name) stay readable."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, commit_all, make_repo, run_cli, write

CONN_PASSWORD = "Qx7vPlk2Rz9wM"
BASIC = "dXNlcjpRN3ZwTGsyUno5"
PASSPHRASE = "violet walrus eats 42 pears"
SERVER = "db-prod-01.internal"


def _seat(tmp: Path, name: str, text: str) -> str:
    out = tmp / f"{name}.out"
    out.write_text(text, encoding="utf-8")
    argv = ["sh", "-c", f"cat >/dev/null; cat '{out}'"]
    return f"[seats.{name}]\nargv = {json.dumps(argv)}\n"


def _finding(n: int, title: str, place: str) -> str:
    return f"C{n}. **{title}** — `{place}` (critical, regression)\n\nFix: read it from a vault.\n\n"


def test_flagged_values_in_a_connection_string_or_a_spaced_literal_are_masked(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path)
    write(
        repo,
        "client.js",
        'const base = "https://api.example.com";\n\n'
        f'const conn = "Server={SERVER};User Id=sa;Password={CONN_PASSWORD};";\n',
    )
    write(repo, "headers.py", f'HEADERS = {{"Authorization": "Basic {BASIC}"}}\n')
    write(repo, "vault.yml", f'backup:\n  passphrase: "{PASSPHRASE}"\n')
    commit_all(repo, "Add clients")
    flagger = (
        "## Executive Summary\n\nThree committed credentials.\n\n## Findings\n\n"
        "### Critical Issues\n\n"
        + _finding(1, "Hard-coded database password", "client.js:3")
        + _finding(2, "Hard-coded credentials in the Authorization header", "headers.py:1")
        + _finding(3, "Backup passphrase committed in plain text", "vault.yml:2")
    )
    quoter = (
        "## Executive Summary\n\nThe change adds `Password="
        f"{CONN_PASSWORD};`, `Basic {BASIC}` and `{PASSPHRASE}`.\n\n## Findings\n\n"
        "No issues found.\n"
    )
    (tmp_path / "user-config.toml").write_text(
        _seat(tmp_path, "flagger", flagger) + _seat(tmp_path, "quoter", quoter)
    )
    res = run_cli(
        ["review", "--agents", "flagger,quoter", "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    out = res.json()
    files = [p for p in Path(out["store"]).rglob("*") if p.is_file() and p.suffix != ".sqlite"]
    assert any(p.name == "prompt-quoter.md" for p in files)
    for path in files:
        text = path.read_text(errors="replace")
        for value in (CONN_PASSWORD, BASIC, PASSPHRASE):
            assert value not in text, (value, path)
    # only the flagged values: the connection string's server still reads
    prompt = (Path(out["review_dir"]) / "prompt-quoter.md").read_text()
    assert f"Server={SERVER};" in prompt
