"""Trial 27, defects 2 and 3: every file a review writes is redacted, run.json and the
`--seat-only` result folder (a CI artifact) included.

A commit subject is the reviewed repository's text: a token in it (a known shape) or a value a
seat flags as a secret lands in run.json's target and in seat-result.json unless they are
written through the redactor; a seat-only run must mask what its own seat flagged, as `finish`
does in a stored review.
"""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, commit_all, make_repo, run_cli, write

TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"  # a GitHub token's shape
FLAGGED = "q8Zr2LmX9vTn4KpWq8Zr2LmX"  # no known shape: only the seat's finding says so


def _seat(tmp: Path, name: str, text: str) -> str:
    out = tmp / f"{name}.out"
    out.write_text(text, encoding="utf-8")
    argv = ["sh", "-c", f"cat >/dev/null; cat '{out}'"]
    return f"[seats.{name}]\nargv = {json.dumps(argv)}\n"


FLAGGER = (
    "## Executive Summary\n\nOne hard-coded credential.\n\n## Findings\n\n"
    "### Critical Issues\n\n"
    "C1. **Hard-coded API key** — `app.py:1` (critical, regression)\n\n"
    "Fix: read it from the environment.\n"
)
CLEAN = "## Executive Summary\n\nFine.\n\n## Findings\n\nNo issues found.\n"


def _repo_with_secrets(tmp: Path) -> Path:
    repo = make_repo(tmp)
    write(repo, "app.py", f'API_KEY = "{FLAGGED}"\n')
    commit_all(repo, f"use token {TOKEN} and key {FLAGGED}")
    (tmp / "user-config.toml").write_text(_seat(tmp, "alpha", FLAGGER) + _seat(tmp, "bravo", CLEAN))
    return repo


def _leaks(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            found += [
                f"{path.relative_to(folder)}: {what}"
                for what in (TOKEN, FLAGGED)
                if what.encode() in data
            ]
    return found


def test_every_file_of_a_stored_review_is_redacted(tmp_path: Path) -> None:
    repo = _repo_with_secrets(tmp_path)
    res = run_cli(
        ["review", "--agents", "alpha,bravo", "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    out = res.json()
    review_dir = Path(out["review_dir"])
    assert _leaks(Path(out["store"])) == []
    run = json.loads((review_dir / "run.json").read_text())
    assert "[REDACTED]" in json.dumps(run["target"]), run["target"]
    # Masked, not dropped: the report still shows the finding and the commit.
    assert "[REDACTED]" in Path(out["paths"]["md"]).read_text()


def test_a_seat_only_result_is_redacted_like_a_review(tmp_path: Path) -> None:
    repo = _repo_with_secrets(tmp_path)
    dest = tmp_path / "S" / "a"
    res = run_cli(
        ["review", "--agents", "alpha,bravo", "--seat-only", "alpha", "--out", str(dest), "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    assert (dest / "seat-result.json").is_file()
    assert (dest / "prompt-alpha.md").is_file()
    assert _leaks(dest) == []
    assert "[REDACTED]" in (dest / "prompt-alpha.md").read_text()

    # The redacted result still finishes: its hashes match the masked files.
    other = tmp_path / "S" / "b"
    res = run_cli(
        ["review", "--agents", "alpha,bravo", "--seat-only", "bravo", "--out", str(other)],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    # bravo flagged nothing: its own folder cannot know alpha's value, only known shapes
    assert [leak for leak in _leaks(other) if TOKEN in leak] == []
    done = run_cli(
        ["finish", "--from", str(dest), str(other), "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert done.returncode == 0, done.stderr
    assert _leaks(Path(done.json()["store"])) == []
