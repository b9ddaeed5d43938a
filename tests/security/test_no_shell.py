"""No subprocess is started through a shell, and only `deepreview.proc` starts any.

An AST scan of every module under src/: `shell=True` anywhere, `os.system` / `os.popen` /
`os.spawn*` / `os.exec*` / `pty.spawn` / `asyncio.create_subprocess_*` calls, and any import of
`subprocess` outside `proc.py`.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "deepreview"
CHOKEPOINT = SRC / "proc.py"
FORBIDDEN_CALLS = {
    ("os", "system"),
    ("os", "popen"),
    ("os", "execv"),
    ("os", "execve"),
    ("os", "execvp"),
    ("os", "execvpe"),
    ("os", "execl"),
    ("os", "execlp"),
    ("os", "spawnv"),
    ("os", "spawnvp"),
    ("os", "spawnl"),
    ("os", "spawnlp"),
    ("os", "posix_spawn"),
    ("os", "posix_spawnp"),
    ("pty", "spawn"),
    ("asyncio", "create_subprocess_shell"),
    ("asyncio", "create_subprocess_exec"),
    ("commands", "getoutput"),
}
PROCESS_MODULES = {"subprocess", "pty", "commands"}


def _modules() -> list[Path]:
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 30, "the scan must see the package"
    return files


def _violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    rel = path.relative_to(SRC.parent) if path.is_relative_to(SRC.parent) else path.name
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg == "shell" and not (
                    isinstance(kw.value, ast.Constant) and kw.value.value is False
                ):
                    found.append(f"{rel}:{node.lineno}: shell={ast.unparse(kw.value)}")
            func = node.func
            if (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and (func.value.id, func.attr) in FORBIDDEN_CALLS
            ):
                found.append(f"{rel}:{node.lineno}: {func.value.id}.{func.attr}()")
        if path != CHOKEPOINT:
            if isinstance(node, ast.Import):
                names = {a.name.split(".")[0] for a in node.names}
                found += [f"{rel}:{node.lineno}: import {n}" for n in names & PROCESS_MODULES]
            elif isinstance(node, ast.ImportFrom) and node.module:
                if node.module.split(".")[0] in PROCESS_MODULES:
                    found.append(f"{rel}:{node.lineno}: from {node.module} import ...")
                if node.module == "os":
                    bad = {a.name for a in node.names} & {name for _, name in FORBIDDEN_CALLS}
                    found += [f"{rel}:{node.lineno}: from os import {n}" for n in sorted(bad)]
    return found


def test_no_shell_and_one_subprocess_chokepoint() -> None:
    violations = [v for path in _modules() for v in _violations(path)]
    assert violations == []


def test_the_scan_catches_what_it_looks_for(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import subprocess\nimport os\nfrom os import system\n"
        "subprocess.run('ls', shell=True)\nos.system('ls')\nos.popen('ls')\n"
        "subprocess.Popen(['ls'], shell=flag)\nsubprocess.run(['ls'], shell=False)\n"
    )
    assert len(_violations(bad)) == 6, _violations(bad)
