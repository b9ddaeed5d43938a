"""Imports flow one way, along the pipeline: a layer never imports a layer above it."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "deepreview"

# Lowest first. A module may import its own layer and any layer listed before it.
LAYERS = [
    (
        "errors",
        "feedback",
        "runmodel",
        "checkmodel",
        "model",
        "retromodel",
        "proc",
        "proc_pipes",
        "serialize",
        "schemas",
        "formats",
        "runfiles",
        "markdown_fence",
        "markdown_untrusted",
        "markdown_neutral",
        "markdown_contain",
        "markdown_idlinks",
        "markdown_linkscan",
        "usercache",
        "templating",
        "lockfile",
        "atomicfile",
        "untrusted_text",
        "late_imports",
        "change_secrets",
        "textlines",
        "userpaths",
        "startup_env",
        "stop_signals",
    ),
    ("github",),
    ("targets",),
    ("workspace",),
    ("transcripts",),
    ("agents",),
    ("config", "config_file", "config_seats", "config_copy", "config_trust", "config_text"),
    ("findings",),
    ("consolidate",),
    ("stats",),
    ("prompts",),
    ("store",),
    ("rounds",),
    ("runner", "seat_output", "seat_pass"),
    ("checks",),
    ("lead",),
    ("render",),
    ("pipeline",),
    ("publish",),
    ("cli", "__main__"),
]
RANK = {name: i for i, names in enumerate(LAYERS) for name in names}


def _top(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "deepreview" and len(parts) > 1 else None


def test_every_module_has_a_layer() -> None:
    tops = {p.relative_to(SRC).parts[0].removesuffix(".py") for p in SRC.rglob("*.py")}
    missing = sorted(tops - set(RANK) - {"__init__"})
    assert not missing, f"give these a layer in LAYERS: {missing}"


def test_imports_flow_one_way() -> None:
    violations = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC)
        own = rel.parts[0].removesuffix(".py")
        if own == "__init__":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                top = _top(name)
                if top is None or top == own or top == "__init__":
                    continue
                if RANK.get(top, -1) > RANK[own]:
                    violations.append(f"{rel}:{node.lineno} imports deepreview.{top}")
    assert not violations, "imports against the pipeline direction:\n" + "\n".join(violations)


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC).with_suffix("")
    parts = ("deepreview", *rel.parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package_graph() -> dict[str, set[str]]:
    """Module -> the modules of its own package it imports (at any depth, also lazily)."""
    modules = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for mod, path in modules.items():
        package = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                inside = name in modules and name.rsplit(".", 1)[0] == package
                if inside and name != mod and modules[name].name != "__init__.py":
                    graph[mod].add(name)
    return graph


def test_no_cycles_between_modules_of_a_package() -> None:
    """Inside a package, imports form no cycle (a cycle means one of them holds a type or a
    function both need: give it its own module)."""
    graph = _package_graph()
    cycles: list[str] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(mod: str, path: list[str]) -> None:
        state[mod] = 1
        for dep in sorted(graph[mod]):
            if state.get(dep) == 1:
                cycles.append(" -> ".join([*path[path.index(dep) :], dep]))
            elif dep not in state:
                visit(dep, [*path, dep])
        state[mod] = 2

    for mod in sorted(graph):
        if mod not in state:
            visit(mod, [mod])
    assert not cycles, "import cycles inside a package:\n" + "\n".join(cycles)
