"""`review --seat-only NAME --out DIR` writes nothing through a symbolic link in the checkout: in
CI the checkout is the PR's (the example workflow passes `--out seat-result`), and the change
can commit `seat-result` as a link to any folder of the runner. Refused (exit 2, one line),
nothing written there; a plain folder in the checkout is used as before."""

from __future__ import annotations

import json
import os
from pathlib import Path

from support.repos import cli_env, commit_all, git, make_repo, run_cli

SEAT_ONLY = ["review", "--agents", "alpha", "--seat-only", "alpha"]
SEAT_ONLY += ["--exact-range", "main..feature/x"]
CLEAN = ["sh", "-c", "cat >/dev/null; echo '## Findings'; echo; echo 'No issues found.'"]


def _repo(tmp_path: Path) -> tuple[Path, Path]:
    repo = make_repo(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    git(repo, "checkout", "-q", "feature/x")
    os.symlink(elsewhere, repo / "seat-result")
    (repo / "out-parent").symlink_to(elsewhere)
    commit_all(repo, "Links where a seat result may be written")
    (tmp_path / "user-config.toml").write_text(f"[seats.alpha]\nargv = {json.dumps(CLEAN)}\n")
    return repo, elsewhere


def test_a_link_in_the_checkout_is_no_out_folder(tmp_path: Path) -> None:
    repo, elsewhere = _repo(tmp_path)
    for out in ("seat-result", "out-parent/seat"):
        res = run_cli([*SEAT_ONLY, "--out", out], cwd=repo, env=cli_env(tmp_path))
        assert res.returncode == 2, res.stderr
        assert "symbolic link" in res.stderr, res.stderr
        assert list(elsewhere.iterdir()) == []


def test_a_plain_folder_in_the_checkout_still_works(tmp_path: Path) -> None:
    repo, elsewhere = _repo(tmp_path)
    res = run_cli([*SEAT_ONLY, "--out", "plain"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    assert (repo / "plain" / "seat-result.json").is_file()
    assert list(elsewhere.iterdir()) == []
