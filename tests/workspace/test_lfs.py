"""`workspace.lfs`: which trees use Git LFS, and the git settings that keep pointers."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from deepreview.targets.git import config_env
from deepreview.workspace.lfs import POINTER_CONFIG, uses_lfs
from support.repos import commit_all, git, make_repo, write


def test_uses_lfs_reads_every_gitattributes_of_the_revision(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    plain = git(repo, "rev-parse", "HEAD")
    write(repo, "assets/.gitattributes", "*.png filter=lfs diff=lfs merge=lfs -text\n")
    commit_all(repo, "LFS in a subfolder")
    nested = git(repo, "rev-parse", "HEAD")
    assert not uses_lfs(repo, plain)
    assert uses_lfs(repo, nested)
    # The repository's own attributes file counts too (it is in no commit).
    info = Path(git(repo, "rev-parse", "--git-common-dir"))
    info = (info if info.is_absolute() else repo / info) / "info"
    info.mkdir(exist_ok=True)
    (info / "attributes").write_text("*.bin filter=lfs\n", encoding="utf-8")
    assert uses_lfs(repo, plain)


def test_config_env_comes_after_the_entries_already_there(tmp_path: Path) -> None:
    env = {"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "user.name", "GIT_CONFIG_VALUE_0": "X"}
    added = config_env(env, POINTER_CONFIG)
    assert added["GIT_CONFIG_COUNT"] == str(1 + len(POINTER_CONFIG))
    assert added["GIT_CONFIG_KEY_1"] == "filter.lfs.smudge"
    assert "GIT_CONFIG_KEY_0" not in added
    # Real git sees both the entry that was there and ours.
    repo = make_repo(tmp_path)
    merged = {**env, **added}
    for key, want in (("user.name", "X"), ("filter.lfs.required", "false")):
        out = subprocess.run(
            ["git", "config", "--get", key],
            cwd=repo,
            env={"PATH": os.environ["PATH"], **merged},
            capture_output=True,
            text=True,
            check=True,
        )
        assert out.stdout.strip() == want
