"""Where the seats' worktrees and homes are made when TMPDIR is under `/dev` (`/dev/shm`): out of
`/dev`, which Codex's sandbox replaces for its commands (`workspace.workroot`), and the crash
cleanup still removes them, and what an earlier version left in the temp dir. Real
`deep-review` processes, real git, a fake command seat."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from deepreview.targets.git import Git
from deepreview.workspace.workroot import WORK_DIR_ENV, under_dev, work_root
from fakebin.harness import Fakes, worktrees
from support.interrupt import start_slow_review, wait_for
from support.ram_disk import shm_folder
from support.repos import make_repo, run_cli


@pytest.fixture
def shm_tmpdir(tmp_path: Path) -> Iterator[Path]:
    if under_dev(tmp_path):  # the test's cache folder is under /dev too: /var/tmp is used
        pytest.skip("the tests' own temp files are under /dev (AGENTS.md: keep TMPDIR on disk)")
    with shm_folder("deep-review-test-") as path:
        yield path


def _entries(folder: Path) -> dict[str, Path]:
    """The ledger's worktree and home entries: kind -> the folder it names."""
    found = {}
    for entry in folder.glob("*.json"):
        note = json.loads(entry.read_text(encoding="utf-8"))
        if note["kind"] in ("worktree", "home"):
            found[note["kind"]] = Path(note["path"])
    return found


def test_seat_folders_leave_a_tmpdir_under_dev_and_a_kill_leaves_none(
    tmp_path: Path, shm_tmpdir: Path
) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"slowpoke": fakes.seat("hang")})
    env = fakes.env({"TMPDIR": str(shm_tmpdir)})
    cache_work = Path(env["XDG_CACHE_HOME"]) / "deep-review" / "work"
    review = start_slow_review(repo, env, seat="slowpoke")
    ledger = fakes.store / ".workspaces"
    try:
        wait_for(
            "the seat's worktree, home and agent to be written down",
            lambda: (
                review.poll() is not None
                or (len(_entries(ledger)) == 2 and list(ledger.glob("group-*.json")))
            ),
        )
        assert review.poll() is None, review.stderr.read() if review.stderr else ""
        made = _entries(ledger)
        for kind, path in made.items():
            assert path.parent == cache_work, (kind, path)
            assert path.is_dir() and not under_dev(path)
        assert str(made["worktree"]) in worktrees(repo)
        assert list(shm_tmpdir.iterdir()) == []
        os.kill(review.pid, signal.SIGKILL)  # nothing of the review cleans up
        review.wait()
        assert made["worktree"].is_dir() and made["home"].is_dir()

        res = run_cli(["list"], cwd=repo, env=env)

        assert res.returncode == 0, res.stderr
        assert "removed 1 leftover seat worktree" in res.stderr, res.stderr
        assert "1 home folder" in res.stderr, res.stderr
        assert not made["worktree"].exists() and not made["home"].exists()
        assert worktrees(repo) == [str(repo)]
    finally:
        if review.poll() is None:
            review.kill()
            review.wait()
        if review.stderr:
            review.stderr.close()


def test_leftovers_an_earlier_version_made_in_the_temp_dir_are_still_removed(
    tmp_path: Path, shm_tmpdir: Path
) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({})
    env = fakes.env({"TMPDIR": str(shm_tmpdir)})
    # As a killed review of an earlier version left them: made by `tempfile.mkdtemp` in the
    # temp dir, and written down in the store's ledger.
    tree = shm_tmpdir / "review-claude-Ab12_x"
    Git(repo).run(["worktree", "add", "--detach", str(tree), "HEAD"])
    home = shm_tmpdir / "deep-review-home-claude-Cd34_y"
    (home / ".claude").mkdir(parents=True)
    ledger = fakes.store / ".workspaces"
    ledger.mkdir(parents=True)
    for kind, path, of in (("worktree", tree, repo), ("home", home, home)):
        note = {"review": "R1", "kind": kind, "path": str(path), "repo": str(of)}
        note["host"] = os.uname().nodename
        (ledger / f"{path.name}.json").write_text(json.dumps(note), encoding="utf-8")

    res = run_cli(["list"], cwd=repo, env=env)

    assert res.returncode == 0, res.stderr
    assert "removed 1 leftover seat worktree" in res.stderr, res.stderr
    assert not tree.exists() and not home.exists()
    assert worktrees(repo) == [str(repo)]


def test_doctor_says_where_seat_folders_go_when_tmpdir_is_under_dev(
    tmp_path: Path, shm_tmpdir: Path
) -> None:
    fakes = Fakes(tmp_path)
    fakes.write_config({})
    env = fakes.env({"TMPDIR": str(shm_tmpdir)})
    cache_work = Path(env["XDG_CACHE_HOME"]) / "deep-review" / "work"

    res = run_cli(["doctor", "--json"], cwd=tmp_path, env=env)
    text = run_cli(["doctor"], cwd=tmp_path, env=env)

    assert res.returncode == 0, res.stderr
    work = res.json()["work_dir"]
    assert work["path"] == str(cache_work)
    assert f"the temp dir {shm_tmpdir} is under /dev" in work["note"]
    assert WORK_DIR_ENV in work["note"]
    flat = " ".join(text.stdout.split())
    assert f"Note: seat worktrees and homes go in {cache_work}" in flat, text.stdout


def test_doctor_says_nothing_of_an_ordinary_temp_dir(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    fakes.write_config({})
    env = fakes.env()

    res = run_cli(["doctor", "--json"], cwd=tmp_path, env=env)
    text = run_cli(["doctor"], cwd=tmp_path, env=env)

    assert res.json()["work_dir"] == {"path": env["TMPDIR"], "note": None}
    assert "seat worktrees and homes go in" not in text.stdout


def test_the_work_dir_variable_chooses_the_folder(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    cwd_file = tmp_path / "cwd.txt"
    fakes.write_config({"bot": fakes.seat("ok", "--cwd-file", str(cwd_file))})
    chosen = tmp_path / "seat work"  # made when missing
    env = fakes.env({WORK_DIR_ENV: str(chosen)})

    res = fakes.review(repo, "--agents", "bot", env=env)

    assert res.returncode == 0, res.stderr
    ran_in = Path(cwd_file.read_text(encoding="utf-8").strip())
    assert ran_in.parent == chosen and ran_in.name.startswith("review-bot-")
    assert list(chosen.iterdir()) == []  # removed as the seat ended
    assert list((tmp_path / "tmp").glob("review-*")) == []


# The decision itself, for temp dirs this machine may not have.


def test_a_temp_dir_under_dev_gives_way_to_the_cache_then_var_tmp(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    shm = Path("/dev/shm/someone")
    assert work_root({"XDG_CACHE_HOME": str(cache)}, shm).path == cache / "deep-review" / "work"
    assert work_root({"XDG_CACHE_HOME": "/dev/shm/cache"}, shm).path == Path("/var/tmp")
    assert work_root({}, shm).path == Path("/var/tmp")  # no HOME: no cache folder
    ordinary = work_root({"XDG_CACHE_HOME": str(cache)}, tmp_path)
    assert ordinary.path == tmp_path and ordinary.note is None


def test_the_variable_wins_even_under_dev_and_says_so(tmp_path: Path) -> None:
    chosen = work_root({WORK_DIR_ENV: "/dev/shm/mine"}, tmp_path)
    assert chosen.path == Path("/dev/shm/mine")
    assert chosen.note is not None and "under /dev" in chosen.note
    home = work_root({WORK_DIR_ENV: "~/work"}, tmp_path)
    assert home.path == Path(os.path.expanduser("~/work"))
