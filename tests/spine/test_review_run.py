"""`deep-review review` end to end with `command` seats: parallelism, cleanup, failures."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from support.repos import cli_env, git, make_repo, run_cli


def _user_config(
    tmp: Path, seats: dict[str, list[str]], extra: str = "", timeouts: dict[str, int] | None = None
) -> None:
    lines = [extra]
    for name, argv in seats.items():
        lines.append(f"[seats.{name}]\nargv = {json.dumps(argv)}\n")
        if timeouts and name in timeouts:
            lines.append(f"timeout = {timeouts[name]}\n")
    (tmp / "user-config.toml").write_text("\n".join(lines))


REVIEW = (
    "## Executive Summary\\n\\nLooks fine.\\n\\n## Findings\\n\\n### Critical Issues\\n\\nNone.\\n"
)


def _seat(script: str) -> list[str]:
    return ["sh", "-c", script]


def _processes_with(marker: str) -> list[str]:
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmd = (
                Path(f"/proc/{pid}/cmdline")
                .read_bytes()
                .replace(b"\0", b" ")
                .decode(errors="replace")
            )
        except OSError:
            continue
        if marker in cmd:
            found.append(cmd)
    return found


def _worktrees(repo: Path) -> list[str]:
    return [
        ln
        for ln in git(repo, "worktree", "list", "--porcelain").splitlines()
        if ln.startswith("worktree ")
    ]


def test_three_seats_run_in_parallel_and_clean_up(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    marker = f"dr-par-{os.getpid()}"
    log = tmp_path / "seat-log"
    # Each seat logs its start, waits (up to 20 s) until all three have started, logs its end.
    # In parallel all three start before any ends; one after the other, they cannot.
    script = (
        f"cat >/dev/null; echo start >> {log}; i=0; "
        f'while [ "$(grep -c start {log})" -lt 3 ] && [ $i -lt 200 ]; do sleep 0.1; i=$((i+1)); '
        f"done; : {marker}; echo end >> {log}; printf '{REVIEW}'"
    )
    _user_config(tmp_path, {"s1": _seat(script), "s2": _seat(script), "s3": _seat(script)})
    res = run_cli(
        ["review", "--agents", "s1,s2,s3", "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    assert log.read_text().split() == ["start"] * 3 + ["end"] * 3, "seats did not overlap"
    out = res.json()
    assert [s["status"] for s in out["seats"]] == ["ok", "ok", "ok"]
    assert _worktrees(repo) == [f"worktree {repo}"]
    assert _processes_with(marker) == []
    review_dir = Path(out["review_dir"])
    for seat in ("s1", "s2", "s3"):
        for name in (
            f"prompt-{seat}.md",
            f"review-{seat}-pass-1.md",
            f"transcript-{seat}-pass-1.jsonl",
            f"stderr-{seat}-pass-1.log",
        ):
            assert (review_dir / name).exists(), name
    run = json.loads((review_dir / "run.json").read_text())
    assert run["status"] == "complete"
    assert run["target"]["head_sha"] == git(repo, "rev-parse", "HEAD")
    assert Path(out["paths"]["md"]).exists() and Path(out["paths"]["json"]).exists()


@pytest.mark.slow
def test_failing_hanging_noisy_and_editing_seats(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    marker = f"dr-hang-{os.getpid()}"
    seats = {
        "good": _seat(f"cat >/dev/null; printf '{REVIEW}'"),
        "crash": _seat("echo 'boom' >&2; exit 3"),
        "hang": _seat(f"sleep 300; : {marker}"),
        "noisy": _seat("cat >/dev/null; head -c 52428800 /dev/zero | tr '\\0' 'x'; echo"),
        "editor": _seat(f"cat >/dev/null; echo hacked >> calc.py; rm README.md; printf '{REVIEW}'"),
    }
    # Only the hanging seat gets a short timeout: on a busy machine 50 MB may take a while.
    _user_config(tmp_path, seats, timeouts={"hang": 3})
    res = run_cli(
        ["review", "--agents", ",".join(seats), "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    by_seat = {s["seat"]: s for s in res.json()["seats"]}
    assert by_seat["good"]["status"] == "ok"
    assert by_seat["crash"]["status"] == "failed"
    assert "exited with code 3" in by_seat["crash"]["reason"]
    assert by_seat["hang"]["status"] == "timeout"
    # 50 MB of "x" is kept (its transcript) but is no review: the seat failed, honestly.
    assert by_seat["noisy"]["status"] == "failed"
    assert by_seat["noisy"]["reason"] == "unparseable review"
    assert by_seat["editor"]["modified_worktree"] is True
    review_dir = Path(res.json()["review_dir"])
    assert (review_dir / "transcript-noisy-pass-1.jsonl").stat().st_size >= 50 * 1024 * 1024
    assert "boom" in (review_dir / "stderr-crash-pass-1.log").read_text()
    run = json.loads((review_dir / "run.json").read_text())
    assert any("calc.py" in c for c in run["seats"]["editor"]["run"]["worktree_changes"])
    # The user's checkout is untouched and nothing is left behind.
    assert git(repo, "status", "--porcelain") == ""
    assert _worktrees(repo) == [f"worktree {repo}"]
    assert _processes_with(marker) == []
    report = Path(res.json()["paths"]["md"]).read_text()
    assert "hang" in report and "timed out" in report
    assert "modified its worktree" in report


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["review", "--agents", "nosuchseat"], "unknown seat 'nosuchseat'; valid seats:"),
        (["review", "--agents", "static", "--lead", "nosuchlead"], "unknown lead 'nosuchlead'"),
        (["review", "HEAD..HEAD", "--agents", "static"], "nothing to review"),
        (["review", "nope..HEAD", "--agents", "static"], "unknown ref"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(tmp_path: Path, args: list[str], needle: str) -> None:
    repo = make_repo(tmp_path)
    res = run_cli(args, cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 2, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and needle in lines[0], res.stderr
    assert not (tmp_path / "store").exists()


def test_not_a_repo_and_unwritable_store(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    res = run_cli(["review", "--agents", "static"], cwd=plain, env=cli_env(tmp_path))
    assert res.returncode == 2 and "not inside a git repository" in res.stderr
    repo = make_repo(tmp_path)
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    res = run_cli(
        ["review", "--agents", "static", "--store", str(blocker / "store")],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 2 and "review store" in res.stderr, res.stderr


def test_a_review_started_in_a_subfolder_locks_the_repository_it_reviews(tmp_path: Path) -> None:
    # The repository's root and its git folder come from one `git rev-parse` run in the folder
    # the user is in: a relative git folder is relative to that folder, not to the root.
    repo = make_repo(tmp_path)
    sub = repo / "docs" / "deep"
    sub.mkdir(parents=True)
    _user_config(tmp_path, {"solo": _seat(f"cat >/dev/null; printf '{REVIEW}'")})
    env = cli_env(tmp_path)
    res = run_cli(["review", "--agents", "solo", "--lead", "none", "--json"], cwd=sub, env=env)
    assert res.returncode == 0, res.stderr
    assert (repo / ".git" / "deep-review.lock").is_file()
    assert not (sub / ".git").exists()
    assert _worktrees(repo) == [f"worktree {repo}"]
