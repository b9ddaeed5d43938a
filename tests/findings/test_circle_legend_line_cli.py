"""A line keying a review's circles (`🔴 must fix · 🟠 should fix · 🟡 optional`) with no
`Legend:` before it was read as a critical finding titled "should fix · 🟡 optional". It is the
legend it stands for, as it is with the label. Two findings written on one line, each circle
glossed with a place and a sentence, stay a finding."""

from __future__ import annotations

from pathlib import Path

from support.read_findings import parsed_by_cli

_TABLE = (
    "| File | Line | Severity | Notes |\n|---|---|---|---|\n"
    "| `jobs/lock.py` | 12 | 🔴 | the lock is released before the job is marked taken |\n"
)


def _rows(parsed: dict[str, object]) -> list[tuple[str, str, int | None]]:
    findings = parsed["findings"]
    assert isinstance(findings, list)
    return [
        (f["severity"], f["locations"][0]["path"] if f["locations"] else "", f["title"])
        for f in findings
    ]


def test_an_unlabelled_legend_is_no_finding(tmp_path: Path) -> None:
    for legend in ("🔴 must fix · 🟠 should fix · 🟡 optional", "🔴 = blocker | 🟢 = nit"):
        parsed = parsed_by_cli(tmp_path, f"## Review\n\n{_TABLE}\n{legend}\n")
        rows = _rows(parsed)
        assert [r[:2] for r in rows] == [("critical", "jobs/lock.py")], rows


def test_two_findings_on_one_line_are_no_legend(tmp_path: Path) -> None:
    line = "🔴 `a.py:3` — the lock is dropped early · 🟠 `b.py:9` — the retry never backs off\n"
    parsed = parsed_by_cli(tmp_path, f"## Review\n\n{line}")
    assert [r[:2] for r in _rows(parsed)] == [("critical", "a.py")]
