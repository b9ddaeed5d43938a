"""No code of the reviewed change runs through a start-up file the user's environment names
relative to the child's cwd (ts63, leftover of ts62's defect 1).

A command seat runs in the change's worktree with the user's environment: `NODE_OPTIONS`
holding `--require ./x.js` (or `--import`, `--loader`, a bare module found in `node_modules`)
and a relative `BASH_ENV` named the change's own files there, so a `node` or `bash` seat ran
the change's code as the reviewer.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from deepreview.startup_env import anchored_search_paths
from fakebin.harness import Fakes
from support.repos import commit_all, git, make_repo, write


def _start_up_files(repo: Path, marker: Path) -> None:
    js = f"require('fs').appendFileSync({str(marker)!r}, 'js ran in ' + process.cwd() + '\\n');\n"
    write(repo, "x.js", js)
    write(repo, "x.mjs", js.replace("require('fs')", "(await import('fs'))"))
    write(repo, "node_modules/evil/index.js", js)
    write(repo, ".bashrc", f'echo "sh ran in $PWD" >> {shlex.quote(str(marker))}\n')


def _evil_branch(repo: Path, ours: Path, marker: Path) -> None:
    """The user's checkout (main) holds start-up files of its own; the change replaces them."""
    git(repo, "checkout", "-q", "main")
    _start_up_files(repo, ours)
    commit_all(repo, "our start-up files")
    git(repo, "checkout", "-q", "-b", "evil", "main")
    _start_up_files(repo, marker)
    write(repo, "calc.py", "x = 2\n")
    commit_all(repo, "evil start-up files")
    git(repo, "checkout", "-q", "main")


def _seat_argv(fakes: Fakes, shell: str) -> list[str]:
    seat = [sys.executable, str(fakes.seat_script), "ok"]
    if shell == "bash":
        return ["bash", "-c", "exec " + shlex.join(seat)]
    run = f"require('child_process').execFileSync({seat[0]!r}, {seat[1:]!r}, {{stdio: 'inherit'}})"
    return ["node", "-e", run]


@pytest.mark.parametrize(
    ("shell", "name", "value"),
    [
        ("node", "NODE_OPTIONS", "--require ./x.js"),
        ("node", "NODE_OPTIONS", "--max-old-space-size=256 -r=x.js"),
        ("node", "NODE_OPTIONS", '--import "./x.mjs"'),
        ("node", "NODE_OPTIONS", "--require evil"),
        ("bash", "BASH_ENV", ".bashrc"),
        ("bash", "BASH_ENV", "./.bashrc"),
    ],
)
def test_a_relative_start_up_file_never_runs_the_changes_code(
    tmp_path: Path, shell: str, name: str, value: str
) -> None:
    repo = make_repo(tmp_path)
    marker = tmp_path / "EVIL"
    _evil_branch(repo, tmp_path / "OURS", marker)
    fakes = Fakes(tmp_path)
    fakes.write_config({"seat": {"argv": _seat_argv(fakes, shell)}})
    env = fakes.env()
    env[name] = value
    res = fakes.review(repo, "--agents", "seat", "main..evil", env=env)
    assert not marker.exists(), marker.read_text(encoding="utf-8")
    assert [s["status"] for s in res.json()["seats"]] == ["ok"], res.stdout
    assert res.returncode == 0, res.stderr
    # the user's own start-up file still runs, as it would for them; a bare module is dropped
    assert (tmp_path / "OURS").exists() == (name == "BASH_ENV" or "./" in value)


_SYSTEM_PYTHON = "/usr/bin/python3"


@pytest.mark.skipif(not os.path.exists(_SYSTEM_PYTHON), reason="needs a Python outside a venv")
def test_a_relative_user_base_and_git_config_read_nothing_of_the_change(tmp_path: Path) -> None:
    """ts63 defect 4: `PYTHONUSERBASE=.pyuser` imported the change's `usercustomize.py` into a
    non-venv Python; `GIT_CONFIG_GLOBAL=.gitcfg` made a seat's git read the change's file as
    the user's global config (every absolute program it names included)."""
    repo = make_repo(tmp_path)
    marker, seen = tmp_path / "EVIL", tmp_path / "seen.txt"
    git(repo, "checkout", "-q", "-b", "evil", "main")
    version = subprocess.run(
        [_SYSTEM_PYTHON, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    user_site = f".pyuser/lib/python{version}/site-packages/usercustomize.py"
    write(repo, user_site, f"open({str(marker)!r}, 'a').write('usercustomize ran\\n')\n")
    write(repo, ".gitcfg", "[evil]\n\tsetting = CHANGE-CONFIG-READ\n")
    write(repo, "calc.py", "x = 2\n")
    git(repo, "add", "-f", ".")
    git(repo, "commit", "-q", "-m", "evil user base")
    git(repo, "checkout", "-q", "main")
    fakes = Fakes(tmp_path)
    seat = [_SYSTEM_PYTHON, str(fakes.seat_script), "ok"]
    look = f"git config --get evil.setting >> {seen}; exec {shlex.join(seat)}"
    fakes.write_config({"seat": {"argv": ["sh", "-c", look]}})
    env = fakes.env({"PYTHONUSERBASE": ".pyuser", "GIT_CONFIG_GLOBAL": ".gitcfg"})
    res = fakes.review(repo, "--agents", "seat", "main..evil", env=env)
    assert not marker.exists(), marker.read_text(encoding="utf-8")
    assert not seen.exists() or "CHANGE-CONFIG-READ" not in seen.read_text(encoding="utf-8")
    assert [s["status"] for s in res.json()["seats"]] == ["ok"], res.stdout


def test_start_up_files_are_anchored_to_our_own_folder(tmp_path: Path) -> None:
    """A relative start-up file means what it means to deep-review itself (its own cwd); a bare
    module to preload, which node would look for in the change's `node_modules`, is dropped;
    the rest of NODE_OPTIONS stays."""
    here = str(tmp_path)
    env = {
        "NODE_OPTIONS": '--max-old-space-size=64 -r ./a.js --require=/abs/b.js --import "./c d.mjs"'
        " --require dotenv/config --loader=node:x --trace-warnings",
        "BASH_ENV": ".bashrc",
        "ENV": "/etc/shrc",
        "LD_PRELOAD": "libjemalloc.so.2 ./x.so:lib/y.so /opt/z.so",
        "XDG_CONFIG_HOME": ".config",
    }
    child = anchored_search_paths(env, here)
    assert child["LD_PRELOAD"] == f"libjemalloc.so.2:{here}/x.so:{here}/lib/y.so:/opt/z.so"
    assert child["XDG_CONFIG_HOME"] == f"{here}/.config"
    assert child["NODE_OPTIONS"] == (
        f"--max-old-space-size=64 -r {here}/a.js --require=/abs/b.js"
        f' --import "{here}/c d.mjs" --loader=node:x --trace-warnings'
    )
    assert child["BASH_ENV"] == os.path.join(here, ".bashrc")
    assert child["ENV"] == "/etc/shrc"
    gone = anchored_search_paths({"NODE_OPTIONS": "-r x", "BASH_ENV": "$PWD/x"}, None)
    assert gone == {}
