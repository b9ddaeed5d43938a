"""`doctor` tells a command seat whose program cannot run: argv[0] a file without the execute
bit (or a folder) is not usable, so doctor does not list it in what a review would run, and a
review naming it is refused up front (exit 2, doctor's reason) instead of starting and failing
the seat with "Permission denied"."""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes
from support.repos import make_repo, run_cli


def test_a_program_without_the_execute_bit_is_not_usable(tmp_path: Path) -> None:
    script = tmp_path / "review.sh"
    script.write_text("#!/bin/sh\necho '## Findings'; echo; echo 'No issues found.'\n")
    script.chmod(0o644)
    fakes = Fakes(tmp_path)
    fakes.write_config({"notexec": {"argv": [str(script)]}, "folder": {"argv": [str(tmp_path)]}})
    env = fakes.env({"HOME": str(tmp_path / "home")})
    repo = make_repo(tmp_path)
    data = run_cli(["doctor", "--json"], cwd=repo, env=env).json()
    seats = {s["name"]: s for s in data["seats"]}
    assert seats["notexec"]["usable"] is False
    assert "not executable" in seats["notexec"]["reason"]
    assert "[seats.notexec]" in seats["notexec"]["reason"]
    assert seats["folder"]["usable"] is False
    assert "notexec" not in data["default_panel"]
    res = run_cli(["review", "--agents", "notexec", "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    assert "not executable" in res.stderr
    script.chmod(0o755)  # the same seat, once it can run
    seats = {s["name"]: s for s in run_cli(["doctor", "--json"], cwd=repo, env=env).json()["seats"]}
    assert seats["notexec"]["usable"] is True


def test_without_a_model_doctor_says_the_command_seats_run_too(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    fakes.write_config({"lint": fakes.seat("ok")})
    env = fakes.env({"HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"})
    repo = make_repo(tmp_path)
    res = run_cli(["doctor"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    flat = " ".join(res.stdout.split())
    assert "A review now would run: lint, static" in flat
    assert "will use the static seat" not in flat
    assert (
        "No model-backed agent is usable; `deep-review review` will run only lint and the "
        "static seat." in flat
    )


def test_a_folder_as_the_program_is_named_as_a_folder(tmp_path: Path) -> None:
    """argv[0] an existing folder is there, just no program: "not found on PATH" sent the user
    looking for the wrong problem."""
    fakes = Fakes(tmp_path)
    fakes.write_config({"folder": {"argv": [str(tmp_path)]}})
    env = fakes.env({"HOME": str(tmp_path / "home")})
    repo = make_repo(tmp_path)
    seats = {s["name"]: s for s in run_cli(["doctor", "--json"], cwd=repo, env=env).json()["seats"]}
    reason = seats["folder"]["reason"]
    assert "is a folder, not a program" in reason and "[seats.folder]" in reason, reason
    assert "not found on PATH" not in reason


def test_a_program_path_that_is_not_there_is_no_path_lookup(tmp_path: Path) -> None:
    """argv[0] written as a path is never looked up on PATH: "not found on PATH" sent the user
    editing PATH. Say the file is not there, and from which folder a relative path is read;
    an empty argv[0] is empty, not a name PATH lacks."""
    fakes = Fakes(tmp_path)
    gone = tmp_path / "bin" / "review.sh"
    fakes.write_config(
        {
            "gone": {"argv": [str(gone)]},
            "rel": {"argv": ["tools/lint.sh"]},
            "blank": {"argv": ["", "--review"]},
        }
    )
    env = fakes.env({"HOME": str(tmp_path / "home")})
    repo = make_repo(tmp_path)
    res = run_cli(["review", "--agents", "gone", "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    assert f"argv[0] '{gone}' is not there (no such file)" in res.stderr, res.stderr
    assert "on PATH" not in res.stderr and "[seats.gone]" in res.stderr
    res = run_cli(["review", "--agents", "rel", "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    where = f"no such file in {repo.resolve()}, the folder deep-review runs in"
    assert where in res.stderr, res.stderr
    res = run_cli(["review", "--agents", "blank", "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    assert "argv[0] '' is empty: name the program to run" in res.stderr, res.stderr


def test_a_script_the_system_cannot_start_is_refused_with_why(tmp_path: Path) -> None:
    """A script whose #! interpreter is not there fails to start with "No such file or
    directory" — about a file that is there; one with no #! line with "Exec format error".
    Both are said up front (exit 2), naming the #! line, as a missing execute bit is."""
    fakes = Fakes(tmp_path)
    scripts = {
        "gone": "#!/nonexistent/bin/python3\nprint('## Findings')\n",
        "envgone": "#!/usr/bin/env no-such-interpreter-xyz -u\nprint('## Findings')\n",
        "bare": "cat >/dev/null\necho '## Findings'\n",
        "crlf": "#!/bin/sh\r\ncat >/dev/null\r\n",  # saved on Windows: looks for `/bin/sh\r`
    }
    for name, text in scripts.items():
        (tmp_path / f"{name}.sh").write_bytes(text.encode("utf-8"))
        (tmp_path / f"{name}.sh").chmod(0o755)
    fakes.write_config({name: {"argv": [str(tmp_path / f"{name}.sh")]} for name in scripts})
    env = fakes.env({"HOME": str(tmp_path / "home")})
    repo = make_repo(tmp_path)
    seats = {s["name"]: s for s in run_cli(["doctor", "--json"], cwd=repo, env=env).json()["seats"]}
    assert "#!/nonexistent/bin/python3, which is not there" in seats["gone"]["reason"]
    assert "no-such-interpreter-xyz is not found on PATH" in seats["envgone"]["reason"]
    assert "no #! line" in seats["bare"]["reason"]
    assert "Windows line ends" in seats["crlf"]["reason"], seats["crlf"]["reason"]
    assert not any(seats[name]["usable"] for name in scripts)
    res = run_cli(["review", "--agents", "gone", "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    assert "which is not there; fix its #! line" in res.stderr and "[seats.gone]" in res.stderr
