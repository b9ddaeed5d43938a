"""A store of reviews whose run.json `created_at` a test rewrites: what `list`, `stats`, the
index and rounds read a review's time from."""

from __future__ import annotations

import json
from pathlib import Path

import tomli_w

from support.repos import cli_env, make_repo, run_cli

SEAT = ["sh", "-c", "cat >/dev/null; echo '## Important'; echo; echo '- **a bug** - calc.py:2'"]


def stored_reviews(tmp_path: Path, count: int = 3) -> tuple[Path, dict[str, str], list[str]]:
    """`count` reviews of one repo by one command seat: (repo, env, review IDs, oldest first)."""
    repo = make_repo(tmp_path)
    seats = {"alpha": {"argv": SEAT}}
    (tmp_path / "user-config.toml").write_text(tomli_w.dumps({"seats": seats}), encoding="utf-8")
    env = cli_env(tmp_path)
    ids = []
    for _ in range(count):
        res = run_cli(
            ["review", "--agents", "alpha", "--lead", "none", "--json"], cwd=repo, env=env
        )
        assert res.returncode in (0, 1), res.stderr[-3000:]
        ids.append(res.json()["review_id"])
    return repo, env, ids


def set_created_at(store: Path, review_id: str, when: str) -> None:
    """Rewrite one review's `created_at` in its run.json (the index keeps the old one until
    `reindex`)."""
    path = store / review_id / "run.json"
    run = json.loads(path.read_text(encoding="utf-8"))
    run["created_at"] = when
    path.write_text(json.dumps(run), encoding="utf-8")
