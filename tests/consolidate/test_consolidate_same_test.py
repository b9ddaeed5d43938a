"""Two reviewers at the same lines of one test, each saying in its own words what that test leaves
out, report one gap: a careful lead credits both on one finding. Findings on lines of the test
file that do not overlap, or in a source file, get no such help.
"""

from __future__ import annotations

import pytest
from consolidate_helpers import finding, groups, seat

from deepreview.consolidate import cluster_findings, score
from deepreview.consolidate.features import PathResolver, extract
from deepreview.consolidate.score import evidence

TEST = "tests/test_export.py"
RESOLVER = PathResolver([TEST, "app/export.py"])


def _only_csv(place: str = f"{TEST}:20-34"):  # type: ignore[no-untyped-def]
    return finding(
        "S1",
        "`test_export` checks the CSV format alone",
        place,
        body="Its parameter list holds `csv` and nothing else; the writer added for JSON is "
        "never exercised.",
        cls="gap",
    )


def _json_outside(place: str = f"{TEST}:20-26"):  # type: ignore[no-untyped-def]
    return finding(
        "S1",
        "JSON output is outside the export test",
        place,
        body="No case renders through `write_json`, so a broken writer still passes CI.",
        cls="regression",
    )


def test_two_readings_of_one_tests_gap_are_one_finding() -> None:
    clusters = cluster_findings([seat("claude", _only_csv()), seat("codex", _json_outside())])
    assert groups(clusters) == {frozenset({"claude:S1", "codex:S1"})}


def _gain(a_place: str, b_place: str, monkeypatch: pytest.MonkeyPatch) -> float:
    a = extract("a", _only_csv(a_place), RESOLVER)
    b = extract("b", _json_outside(b_place), RESOLVER)
    with_bonus = evidence(a, b).score
    monkeypatch.setattr(score, "SAME_TEST_BONUS", 0.0)
    without = evidence(a, b).score
    monkeypatch.undo()
    return with_bonus - without


def test_only_overlapping_lines_of_a_test_file_count(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _gain(f"{TEST}:20-34", f"{TEST}:20-26", monkeypatch) > 0.05
    assert _gain(f"{TEST}:20-34", f"{TEST}:40-52", monkeypatch) == 0.0
    src = "app/export.py"
    assert _gain(f"{src}:20-34", f"{src}:20-26", monkeypatch) == 0.0
