"""A flood of files does not switch the static seat's analyzers off (ts63, defect 2).

The static seat passed every changed path on one command line to ruff and to the
detect-secrets worker. Past the kernel's argument limit (~2 MB: 25 000 files with long paths,
or here 700 with the longest paths a file system takes) neither could start ("Argument list too
long"): the secret scan and the lint were gone, and the seat still read "ok".
"""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, git, make_repo, run_cli, write

# 14 folders of 250 characters: a path of ~3.6 KB, under PATH_MAX with the worktree's prefix
_DEEP = "/".join(f"{n:02d}" + "d" * 248 for n in range(14))
_HEX_KEY = "3f9a1c7e5b2d4a6f8e0c1b3d5f7a9c2e4b6d8f0a"


def test_every_file_of_a_flood_is_analyzed(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "flood", "main")
    for i in range(700):
        write(repo, f"{_DEEP}/m{i:03d}.py", f"V{i} = {i}\n")
    write(repo, f"{_DEEP}/zz_keys.py", f'signing = "{_HEX_KEY}"\n\n\ndef f(a=[]):\n    return a\n')
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "flood")
    git(repo, "checkout", "-q", "main")
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none", "--json", "main..flood"],
        cwd=repo,
        env=cli_env(tmp_path),
        timeout=600,
    )
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    static = (Path(out["review_dir"]) / "review-static-pass-1.md").read_text(encoding="utf-8")
    assert "Argument list too long" not in static
    assert "failed" not in static.split("## Findings")[0], static[:600]
    assert "Possible secret committed" in static and "zz_keys.py:1" in static
    assert "zz_keys.py:4" in static and "B006" in static  # ruff's mutable default
    assert _HEX_KEY not in static
