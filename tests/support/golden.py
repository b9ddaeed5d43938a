"""Golden-file assertions: compare, print a unified diff on mismatch.

Set DEEPREVIEW_UPDATE_GOLDENS=1 to rewrite the golden files from the current output.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

GOLDEN_ROOT = Path(__file__).resolve().parent.parent / "golden"


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN_ROOT / name
    if os.environ.get("DEEPREVIEW_UPDATE_GOLDENS") == "1" or not path.exists():
        if not path.exists() and os.environ.get("DEEPREVIEW_UPDATE_GOLDENS") != "1":
            raise AssertionError(
                f"golden file {path} is missing; run with DEEPREVIEW_UPDATE_GOLDENS=1 to create it"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    if expected != actual:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"golden/{name}",
                tofile="actual",
            )
        )
        raise AssertionError(f"output differs from golden/{name}:\n{diff}")
