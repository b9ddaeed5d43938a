"""A place written by the file's bare name (`Meter.kt line 8`) is the change's one file of that
name, though a test file's name ends the same way (`MeterTest.kt`): in the report (`review
--lead none`), and in what `benchmarks/bench_merge_cases.py` prints of a case (`--dump`,
`--verbose`), which showed the parse's bare name and so looked like a place left unresolved."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from support.printing_seats import findings_of_change

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_merge_cases.py"
MAIN = "src/main/kotlin/gauge/Meter.kt"
TEST = "src/test/kotlin/gauge/MeterTest.kt"
TERSE = (
    "Looked at Meter and its test.\n\n"
    "- The reading (Meter.kt line 8) is a plain var shared by every caller, so two updates can "
    "lose one. Severity: major\n"
)
FULL = f"## Findings\n\n### Important Issues\n\n- **I1** `{MAIN}:7-9` — unguarded shared reading.\n"


def _kotlin(lines: int) -> str:
    return "".join(f"val reading{n} = {n}\n" for n in range(1, lines + 1))


def test_the_report_names_the_changed_file(tmp_path: Path) -> None:
    found = findings_of_change(tmp_path, {MAIN: _kotlin(20), TEST: _kotlin(12)}, {"s": TERSE})
    assert [[(p["path"], p["start"]) for p in f["locations"]] for f in found] == [[(MAIN, 8)]]


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "cases" / "01-meter"
    for path, lines in ((MAIN, 20), (TEST, 12)):
        (folder / "files" / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / "files" / path).write_text(_kotlin(lines), encoding="utf-8")
    (folder / "terse.md").write_text(TERSE, encoding="utf-8")
    (folder / "full.md").write_text(FULL, encoding="utf-8")
    answer = {"clusters": [["terse:I1", "full:I1"]]}
    (folder / "answer.json").write_text(json.dumps(answer), encoding="utf-8")
    return folder.parent


def _bench(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The bench's output, loaded now: its printers write to the `sys.stdout` of their
    loading (the default of their `out`), here the captured one."""
    spec = importlib.util.spec_from_file_location("bench_merge_cases_under_test", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    assert module.main(args) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("shown", ["--dump", "--verbose"])
def test_the_bench_shows_the_changed_file(
    case: Path, shown: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _bench(["--cases", str(case), shown], capsys)
    terse = [line for line in text.splitlines() if "terse:I1" in line and " @ " in line]
    assert terse and all(f"@ {MAIN}:8" in line for line in terse), text
