"""Through the real `deep-review review` with command seats and the static seat: an analyzer's
security rule and a model seat's finding at its line are one finding when the rule names the
failure the model's title names (tm64).

- ruff's S602 (`subprocess` call with `shell=True`, rule subprocess-popen-with-shell-equals-true)
  and "Command injection through the archive folder" at that line: one; and "The archive
  command's failures pass silently" there: two.
- ruff's S108 (insecure usage of a temporary file) and "predictable dump path": one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

ARCHIVE = (
    "import subprocess\n\n\n"
    "def archive(folder):\n"  # 4
    '    out = f"/tmp/{folder}.tgz"\n'  # 5
    '    subprocess.run(f"tar czf {out} {folder}", shell=True)\n'  # 6
    "    return out\n"  # 7
)


def _doc(findings: str) -> str:
    return f"## Executive Summary\n\nRead the archive helper.\n\n## Findings\n\n{findings}"


def _sources(tmp: Path, review: str) -> dict[int, list[str]]:
    found: list[dict[str, Any]] = findings_of_change(
        tmp, {"ops/archive.py": ARCHIVE}, {"alpha": review}, static=True
    )
    return {
        f["locations"][0]["start"]: sorted(s["reviewer"] for s in f["sources"])
        for f in found
        if f["locations"]
    }


def test_a_shell_rule_and_an_injection_at_its_line_are_one(tmp_path: Path) -> None:
    got = _sources(
        tmp_path,
        _doc(
            "### Critical Issues\n\n1. **Command injection through the archive folder** — "
            "`ops/archive.py:6` (critical, security)\n\nA folder named `x; reboot` runs its own "
            "command.\n\n### Important Issues\n\n2. **Predictable dump path** — "
            "`ops/archive.py:5` (important, security)\n\nAnother local user can create it "
            "first as a symlink.\n"
        ),
    )
    assert got[6] == ["Alpha", "Static analysis"], got
    assert got[5] == ["Alpha", "Static analysis"], got


def test_a_shell_rule_and_another_problem_at_its_line_stay_two(tmp_path: Path) -> None:
    found: list[dict[str, Any]] = findings_of_change(
        tmp_path,
        {"ops/archive.py": ARCHIVE},
        {
            "alpha": _doc(
                "### Important Issues\n\n1. **The archive command's failures pass silently** — "
                "`ops/archive.py:6` (important, regression)\n\nWithout `check=True` a failed "
                "`tar` returns the path of a file that is not there.\n"
            )
        },
        static=True,
    )
    at_6 = [
        sorted(s["reviewer"] for s in f["sources"])
        for f in found
        if f["locations"] and f["locations"][0]["start"] == 6
    ]
    assert sorted(at_6) == [["Alpha"], ["Static analysis"]], at_6
