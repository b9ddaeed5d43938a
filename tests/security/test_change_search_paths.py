"""No code of the reviewed change runs through a search path the user exported (ts62, defect 1).

Only PATH was cleaned for our children. The static seat's secret scan runs `python -P -m …`
in a folder of the change's files, and a command seat runs in the change's worktree: an empty
PYTHONPATH entry (`export PYTHONPATH=$PYTHONPATH:/opt/lib` with none set before), `.` or `src`
named that folder, so the change's `sitecustomize.py` ran as the reviewer; an empty
LD_LIBRARY_PATH entry made the loader take the change's `libc.so.6`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from deepreview.startup_env import anchored_search_paths
from fakebin.harness import Fakes
from support.repos import commit_all, git, make_repo, write

_SPY = "import os\nopen({marker!r}, 'a').write('ran in ' + os.getcwd() + '\\n')\n"


def _evil_branch(repo: Path, files: dict[str, bytes]) -> None:
    git(repo, "checkout", "-q", "-b", "evil", "main")
    for rel, data in files.items():
        write(repo, rel, data)
    write(repo, "calc.py", 'DB_PASSWORD = "Zv81kQ7mN2pL5vR9tY3wXY"\n')
    commit_all(repo, "evil search paths")
    git(repo, "checkout", "-q", "main")


def _review(tmp_path: Path, repo: Path, name: str, value: str) -> tuple[dict, str]:  # type: ignore[type-arg]
    fakes = Fakes(tmp_path)
    fakes.write_config({"echo": fakes.seat("ok")})
    env = fakes.env()
    env[name] = value
    res = fakes.review(repo, "--agents", "echo,static", "main..evil", env=env)
    assert res.returncode == 0, res.stderr
    out = res.json()
    static = (Path(out["review_dir"]) / "review-static-pass-1.md").read_text(encoding="utf-8")
    return out, static


@pytest.mark.parametrize("form", [":{now}", "{now}:.", "src:{now}"])
def test_a_relative_pythonpath_entry_never_imports_the_changes_code(
    tmp_path: Path, form: str
) -> None:
    repo = make_repo(tmp_path)
    marker = tmp_path / "EVIL"
    spy = _SPY.format(marker=str(marker)).encode()
    _evil_branch(repo, {"sitecustomize.py": spy, "src/sitecustomize.py": spy})
    now = os.environ.get("PYTHONPATH", "")
    out, static = _review(tmp_path, repo, "PYTHONPATH", form.format(now=now))
    assert not marker.exists(), marker.read_text(encoding="utf-8")
    assert [s["status"] for s in out["seats"]] == ["ok", "ok"], out["seats"]
    assert "detect-secrets failed" not in static, static


def test_an_empty_ld_library_path_entry_loads_no_library_of_the_change(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    # Not an ELF file: a loader that opens it fails every program it starts there
    _evil_branch(repo, {"libc.so.6": b"not a shared object\n"})
    out, static = _review(tmp_path, repo, "LD_LIBRARY_PATH", ":/nonexistent/lib")
    assert [s["status"] for s in out["seats"]] == ["ok", "ok"], json.dumps(out["seats"])
    assert "detect-secrets failed" not in static, static
    assert "error while loading shared libraries" not in static, static


def test_search_paths_are_anchored_to_our_own_folder(tmp_path: Path) -> None:
    """Each relative entry means what it means to deep-review itself (its own cwd), never the
    child's; nothing left: the variable is gone."""
    here = str(tmp_path)
    env = {"PYTHONPATH": ":src:/opt/py:.", "LD_LIBRARY_PATH": "", "NODE_PATH": "/abs"}
    child = anchored_search_paths(env, here)
    assert child["PYTHONPATH"].split(os.pathsep) == [here, f"{here}/src", "/opt/py"]
    assert "LD_LIBRARY_PATH" not in child
    assert child["NODE_PATH"] == "/abs"
    assert anchored_search_paths({"PERL5LIB": "lib"}, None) == {}
