"""An agent CLI's `--version` is asked once per installed file: a Node CLI takes a few tenths of
a second to answer, and the first seat of every review waits for it."""

from __future__ import annotations

import os
from pathlib import Path

from support.repos import cli_env, run_cli


def _fake_claude(folder: Path, counter: Path, *, version: str = "2.1.5", ok: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    exe = folder / "claude"
    answer = f'echo "{version} (Claude Code)"' if ok else 'echo "node: not found" >&2; exit 127'
    exe.write_text(f'#!/bin/sh\necho probe >> "{counter}"\n{answer}\n', encoding="utf-8")
    exe.chmod(0o755)
    return exe


def _claude(tmp_path: Path, env: dict[str, str]) -> dict[str, object]:
    res = run_cli(["doctor", "--json"], cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stderr
    return next(s for s in res.json()["seats"] if s["name"] == "claude")


def _probes(counter: Path) -> int:
    return len(counter.read_text().splitlines()) if counter.exists() else 0


def test_the_version_is_probed_once_until_the_cli_changes(tmp_path: Path) -> None:
    counter = tmp_path / "probes.txt"
    exe = _fake_claude(tmp_path / "bin", counter)
    env = cli_env(tmp_path, {"PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin"})
    assert _claude(tmp_path, env)["version"] == "2.1.5"
    assert _claude(tmp_path, env)["version"] == "2.1.5"
    assert _probes(counter) == 1
    assert (tmp_path / "cache" / "deep-review" / "agent-versions.json").is_file()

    # An upgrade rewrites the file: asked again, and the new version is shown.
    _fake_claude(tmp_path / "bin", counter, version="2.2.0")
    st = exe.stat()
    os.utime(exe, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert _claude(tmp_path, env)["version"] == "2.2.0"
    assert _probes(counter) == 2


def test_a_failed_probe_is_not_remembered(tmp_path: Path) -> None:
    counter = tmp_path / "probes.txt"
    _fake_claude(tmp_path / "bin", counter, ok=False)
    env = cli_env(tmp_path, {"PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin"})
    seen = []
    for _ in range(2):
        seat = _claude(tmp_path, env)
        assert seat["usable"] is False
        assert "--version` failed" in str(seat["reason"])
        seen.append(_probes(counter))
    assert 0 < seen[0] < seen[1]  # asked again on every run


def test_an_unreadable_cache_only_costs_a_probe(tmp_path: Path) -> None:
    counter = tmp_path / "probes.txt"
    _fake_claude(tmp_path / "bin", counter)
    cache = tmp_path / "cache" / "deep-review" / "agent-versions.json"
    cache.parent.mkdir(parents=True)
    cache.write_text("{not json", encoding="utf-8")
    env = cli_env(tmp_path, {"PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin"})
    assert _claude(tmp_path, env)["version"] == "2.1.5"
    assert _claude(tmp_path, env)["version"] == "2.1.5"
    assert _probes(counter) == 1


def test_a_version_answer_with_no_number_is_no_version(tmp_path: Path) -> None:
    """`--version` printing `Error: …` (with a terminal colour code) is not a version: the seat
    is not usable, says why, and no escape code reaches doctor's output or the cache."""
    folder = tmp_path / "bin"
    folder.mkdir()
    exe = folder / "claude"
    exe.write_text('#!/bin/sh\nprintf "\\033[31mError: garbage <b>x</b>\\n"\n', encoding="utf-8")
    exe.chmod(0o755)
    env = cli_env(tmp_path, {"PATH": f"{folder}:/usr/bin:/bin", "ANTHROPIC_API_KEY": "k"})
    seat = _claude(tmp_path, env)
    assert seat["usable"] is False and seat["version"] is None
    assert "printed no version number (Error: garbage <b>x</b>)" in str(seat["reason"])
    res = run_cli(["doctor"], cwd=tmp_path, env=env)
    assert "\x1b" not in res.stdout
    cache = tmp_path / "cache" / "deep-review" / "agent-versions.json"
    assert not cache.exists() or "Error" not in cache.read_text()


def test_doctor_asks_a_failing_cli_once(tmp_path: Path) -> None:
    """A CLI whose probe fails (or hangs until its timeout) is asked once per `doctor`, not
    once for the table and again to choose the lead."""
    counter = tmp_path / "probes.txt"
    _fake_claude(tmp_path / "bin", counter, ok=False)
    env = cli_env(tmp_path, {"PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin"})
    assert _claude(tmp_path, env)["usable"] is False
    assert _probes(counter) == 1
