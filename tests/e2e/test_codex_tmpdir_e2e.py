"""A Codex seat of `deep-review review` when the user's TMPDIR is under `/dev` (`/dev/shm`, a
RAM disk: common on some CI runners and desktops).

Codex's Linux sandbox gives the commands it runs a fresh `/dev`: a seat worktree made in such a
temp dir is not there for them, and the seat reviewed without reading a file. The seats'
worktrees and homes go elsewhere then (`workspace.workroot`).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import deepreview
from deepreview import proc
from e2e.agentkit import REVIEW_TEXT, SCRIPTED_KEY, ReviewRepo, codex_provider_args, require_cli
from scripted_server import Shell, Step
from support.ram_disk import shm_folder

pytestmark = pytest.mark.e2e


@pytest.fixture
def shm_tmpdir() -> Iterator[Path]:
    with shm_folder("deep-review-e2e-") as path:
        yield path


def test_codex_seat_reads_the_change_when_tmpdir_is_under_dev(
    tmp_path: Path,
    cli_bin_dir: Path,
    review_repo: ReviewRepo,
    scripted_server,
    shm_tmpdir: Path,
) -> None:
    require_cli(cli_bin_dir, "codex")
    # A digest of the changed file's bytes: in the model's next turn only if the command that
    # computed it read the file (the prompt holds the diff, never a digest of it).
    digest = hashlib.sha256((review_repo.path / "calc.py").read_bytes()).hexdigest()
    srv = scripted_server([Step.tools([Shell("sha256sum calc.py")]), Step.text(REVIEW_TEXT)])
    config = tmp_path / "config.toml"
    provider = json.dumps(codex_provider_args(srv.url))
    config.write_text(
        f'[seats.codex]\nmodel = "gpt-5.5"\nextra_args = {provider}\n', encoding="utf-8"
    )
    home = tmp_path / "user-home"
    home.mkdir()
    env = {
        "PATH": f"{cli_bin_dir}{os.pathsep}{os.environ.get('PATH', os.defpath)}",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "TMPDIR": str(shm_tmpdir),
        "DEEP_REVIEW_CONFIG": str(config),
        "SCRIPTED_API_KEY": SCRIPTED_KEY,
        # the deep-review under test, whichever checkout the interpreter would import
        "PYTHONPATH": str(Path(deepreview.__file__).resolve().parents[1]),
    }
    argv = [
        sys.executable, "-m", "deepreview", "review", f"{review_repo.base_sha}..HEAD",
        "--agents", "codex", "--lead", "none", "--timeout", "120",
        "--store", str(tmp_path / "store"), "--json", "--repo", str(review_repo.path),
    ]  # fmt: skip
    result = proc.run(argv, cwd=review_repo.path, env=env, timeout=300)

    assert result.stdout_text.strip(), result.stderr_text[-3000:]
    out = json.loads(result.stdout_text)
    seat = next(s for s in out["seats"] if s["seat"] == "codex")
    assert seat["status"] == "ok", seat
    turns = srv.turns()
    assert [t.step for t in turns] == [0, 1]
    assert turns[1].contains(digest), "the seat's command could not read the changed file"
    # Nothing of the review is left in the temp dir.
    assert not any(shm_tmpdir.iterdir())
