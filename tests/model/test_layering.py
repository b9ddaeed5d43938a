"""Imports flow one way, along the pipeline: a layer never imports a layer above it."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "deepreview"

# Lowest first. A module may import its own layer and any layer listed before it.
LAYERS = [
    ("errors", "model", "proc", "serialize", "schemas"),
    ("targets",),
    ("workspace",),
    ("transcripts",),
    ("agents",),
    ("config", "config_file"),
    ("findings",),
    ("consolidate",),
    ("prompts",),
    ("store",),
    ("runner",),
    ("checks",),
    ("lead",),
    ("render",),
    ("pipeline",),
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
