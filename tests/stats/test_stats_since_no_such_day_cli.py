"""`stats --since 2026-02-30`: a date written right that no calendar has is said to be so,
with why. Before, the line said only "use a date like 2026-03-01", which the user had done."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, run_cli


@pytest.mark.parametrize(
    ("day", "why"),
    [("2026-02-30", "day is out of range for month"), ("2026-13-01", "month must be in 1..12")],
)
def test_a_day_no_calendar_has_is_named(tmp_path: Path, day: str, why: str) -> None:
    (tmp_path / "store").mkdir()
    res = run_cli(
        ["stats", "--since", day, "--store", str(tmp_path / "store")],
        cwd=tmp_path,
        env=cli_env(tmp_path),
    )
    assert (res.returncode, res.stdout) == (2, "")
    (line,) = res.stderr.strip().splitlines()
    assert f"--since {day!r} is no day of the calendar ({why})" in line, line


def test_a_word_still_asks_for_a_date(tmp_path: Path) -> None:
    (tmp_path / "store").mkdir()
    res = run_cli(
        ["stats", "--since", "yesterday", "--store", str(tmp_path / "store")],
        cwd=tmp_path,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 2 and "use a date like 2026-03-01" in res.stderr, res.stderr
