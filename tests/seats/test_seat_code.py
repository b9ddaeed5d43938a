"""`seat_code.reached`: which repository files a command seat's argv runs, read statically.

A trusted seat must not run code the reviewed change edits (tests/security/
test_changed_seat_scripts.py drives the refusal through `deep-review`); these pin the rules
for the ways an argv reaches a file: names, `cd`, sourcing, Python's import path, runners.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deepreview.agents.seat_code import MAX_FILES, edited, file_reader, reached

FILES = {
    "tools/lint.sh": '#!/bin/sh\n. "$(dirname "$0")/common.sh"  # the helpers\n'
    "(cd sub && ./run)\necho '# not a comment' tools/quoted.sh\n",
    "tools/common.sh": "source tools/lint.sh\n",
    "Makefile": "include rules.mk\nlint:\n\t@$(PYTHON) tools/check.py --x\n"
    "\tcd web && npm run lint\n",
    "web/package.json": '{"scripts": {"lint": "node scripts/lint.js && eslint ."}}',
    "sub/run": "#!/usr/bin/env python3\nprint(1)\n",
}


def _edited(argv: list[str], *changed: str) -> tuple[str, ...]:
    return edited(reached(argv, FILES.get), changed)


@pytest.mark.parametrize(
    ("argv", "changed", "hit"),
    [
        # a module: its file, its packages' __init__.py, and what the working folder holds
        (["python3", "-m", "tools.lint"], "tools/lint.py", "tools/lint.py (module tools.lint)"),
        (["python3", "-m", "tools.lint"], "tools/__init__.py", "tools/__init__.py (module"),
        (["python3", "-m", "tools.lint"], "json.py", "json.py (on the import path of python3 -m"),
        (["python3", "-m", "tools"], "tools/__main__.py", "tools/__main__.py (module tools)"),
        (["/usr/bin/python3", "-m", "tools.lint"], "x.py", "x.py (on the import path of python3"),
        (["/bin/sh", "tools/lint.sh"], "tools/common.sh", "tools/common.sh (through tools/lint"),
        # a script: its folder is first on the import path
        (["python3", "tools/run.py"], "tools/helper.py", "tools/helper.py (on the import path"),
        (["python", "-c", "import tools.x"], "tools/x.py", "tools/x.py (on the import path"),
        # paths after a `cd` in shell text
        (["sh", "-c", "cd tools && python3 lint.py"], "tools/lint.py", "tools/lint.py"),
        (["sh", "-c", "python3 <tools/x.py >out"], "tools/x.py", "tools/x.py"),  # read: runs
        (["bash", "-ec", "cd tools; . ./more.sh"], "tools/more.sh", "tools/more.sh"),
        # what a named script sources, found from its own folder too, and what it runs
        (["sh", "tools/lint.sh"], "tools/common.sh", "tools/common.sh (through tools/lint.sh)"),
        (["./tools/lint.sh"], "sub/x.py", "sub/x.py (on the import path of sub/run)"),
        (["env", "A=1", "nice", "sh", "tools/lint.sh"], "sub/run", "sub/run (through"),
        (["my-tool", "--cmd", "python3 tools/x.py"], "tools/y.py", "tools/y.py (on the import"),
        # runners: their makefile / package.json, what those run, the tools' config files
        (["make", "-s", "lint"], "Makefile", "Makefile (which make reads)"),
        (["make", "lint"], "rules.mk", "rules.mk (through Makefile)"),
        (["make", "lint"], "tools/util.py", "tools/util.py (on the import path of tools/check"),
        (["make", "lint"], "web/scripts/lint.js", "web/scripts/lint.js (through web/package"),
        (["make", "lint"], "web/eslint.config.mjs", "web/eslint.config.mjs (config files npm"),
        (["make", "-C", "web", "-f", "x.mk"], "web/x.mk", "web/x.mk"),
        (["npx", "eslint", "."], "node_modules/.bin/eslint", "node_modules/.bin/eslint (npx)"),
        (["npm", "run", "lint"], "package.json", "package.json (which npm reads)"),
        (["pytest", "-q"], "tests/conftest.py", "tests/conftest.py (what pytest may import)"),
        (["uv", "run", "python", "-I", "t.py"], "pyproject.toml", "pyproject.toml (the project"),
    ],
)
def test_a_file_the_seat_runs_is_found(argv: list[str], changed: str, hit: str) -> None:
    found = _edited(argv, "README.md", changed)
    assert len(found) == 1 and found[0].startswith(hit), found


@pytest.mark.parametrize(
    ("argv", "changed"),
    [
        # -I / -P keep the script's folder off the import path: only the script itself runs
        (["python3", "-I", "tools/lint.py"], "tools/helper.py"),
        (["python3", "tools/run.py"], "calc.py"),  # not under the script's folder
        (["python3", "-c", "import sys; print(sys.argv)"], "calc.py"),  # imports a builtin
        (["sh", "-c", "cd tools && python3 lint.py"], "calc.py"),  # `cd` left the top folder
        (["sh", "-c", "cat >/dev/null; echo '# No issues'"], "cat"),  # argv[0] is on PATH
        (["sh"], "sh"),
        (["npx", "eslint"], "src/app.js"),  # config files are the working folder's own
        (["sh", "-c", "cat >/dev/null; echo x >> calc.py"], "calc.py"),  # written, not run
        (["sh", "-c", "echo 'see calc.py'"], "calc.py"),  # a quoted word in shell text: data
    ],
)
def test_a_file_the_seat_does_not_run_is_not(argv: list[str], changed: str) -> None:
    assert _edited(argv, changed) == ()


def test_a_quoted_hash_is_no_comment_and_names_its_file() -> None:
    assert _edited(["sh", "tools/lint.sh"], "tools/quoted.sh") == (
        "tools/quoted.sh (through tools/lint.sh)",
    )


def test_scripts_sourcing_each_other_in_a_loop_end(tmp_path: Path) -> None:
    chain = {f"s{n}.sh": f". s{n + 1}.sh\n. s0.sh\n" for n in range(MAX_FILES * 2)}
    found = reached(["sh", "s0.sh"], chain.get)
    assert len([r for r in found if r.path.endswith(".sh")]) <= MAX_FILES + 1


def test_package_scripts_running_each_other_end() -> None:
    scripts = {f"s{n}": " && ".join(f"npm run s{m}" for m in range(8)) for n in range(8)}
    files = {"package.json": json.dumps({"scripts": scripts})}
    found = reached(["npm", "run", "s0"], files.get)
    assert edited(found, ["package.json"]) == ("package.json (which npm reads)",)


def test_the_reader_reads_no_file_outside_the_repository(tmp_path: Path) -> None:
    (tmp_path / "secret.sh").write_text(". tools/x.sh\n")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "link.sh").symlink_to(tmp_path / "secret.sh")
    (repo / "zero.sh").symlink_to("/dev/zero")
    read = file_reader(repo)
    assert read("link.sh") is None and read("zero.sh") is None and read("../secret.sh") is None
    assert [r.path for r in reached(["sh", "link.sh"], read)] == ["link.sh"]
