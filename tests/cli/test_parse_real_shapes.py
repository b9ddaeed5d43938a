"""`deep-review parse` on review and report shapes seen in real agent output (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.repos import cli_env, run_cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reviews"


def _parse(tmp_path: Path, path: Path) -> dict[str, Any]:
    res = run_cli(["parse", str(path), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    data: dict[str, Any] = json.loads(res.stdout)
    return data


def test_parse_a_review_with_odd_paths(tmp_path: Path) -> None:
    review = tmp_path / "review.md"
    review.write_text(
        "### Executive Summary\n\nOne leak.\n\n### Findings\n\n#### Important Issues\n\n"
        "I1. **Leak** — ``back`tick.py:1`` + `dir with space/pi|pe.py:2` (important, gap)\n\n"
        "Fix: close it.\n",
        encoding="utf-8",
    )
    data = _parse(tmp_path, review)
    assert [loc["path"] for loc in data["findings"][0]["locations"]] == [
        "back`tick.py",
        "dir with space/pi|pe.py",
    ]


def test_parse_a_review_naming_files_that_start_with_a_dash(tmp_path: Path) -> None:
    """A file a change may hold (`--help.py`, `-x.sh`) keeps its place when the code span gives
    a line; a flag in a code span (`--verbose`, `rm -rf`) is still no place."""
    review = tmp_path / "review.md"
    review.write_text(
        "### Findings\n\n#### Important Issues\n\n"
        "I1. **Shadowed help** — `--help.py:1` (important, gap)\n\n"
        "I2. **Unsafe clean-up** — `-x.sh:3-4` runs `rm -rf` with `--verbose` (important, gap)\n",
        encoding="utf-8",
    )
    data = _parse(tmp_path, review)
    assert [
        [(loc["path"], loc["start"], loc["end"]) for loc in f["locations"]]
        for f in data["findings"]
    ] == [[("--help.py", 1, None)], [("-x.sh", 3, 4)]]


def test_parse_a_review_with_bold_severity_lead_ins(tmp_path: Path) -> None:
    data = _parse(tmp_path, FIXTURES / "bold-severity-lead-ins.md")
    assert [(f["id"], f["severity"]) for f in data["findings"]] == [
        ("C1", "critical"),
        ("I1", "important"),
        ("S1", "suggestion"),
    ]


def test_parse_a_report_whose_appendix_names_reviewers_bare(tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    report.write_text(
        "# Deep Review: 20260101-000000-pr-3\n\n## Executive Summary\n\nFine.\n\n"
        "## Appendix: Original Reviews\n\n### Claude Opus 4.6\n\n"
        "### Findings\n\n#### Suggestions\n\nS1. **Typo** — `a.md:1` (suggestion, gap)\n\n"
        "### Codex GPT 5.4\n\n### Findings\n\nNone.\n",
        encoding="utf-8",
    )
    data = _parse(tmp_path, report)
    assert [(a["name"], a["pass_no"]) for a in data["appendix"]] == [
        ("Claude Opus 4.6", 1),
        ("Codex GPT 5.4", 1),
    ]


def test_parse_a_review_with_line_lists(tmp_path: Path) -> None:
    data = _parse(tmp_path, FIXTURES / "line-lists.md")
    where = {
        f["id"]: [(loc["path"], loc["start"], loc["end"]) for loc in f["locations"]]
        for f in data["findings"]
    }
    assert where["I1"] == [("cache/evict.go", n, None) for n in (41, 77, 130)]
    assert where["I2"] == [("cache/store.go", 210, 214), ("cache/store.go", 388, 391)]
    assert where["S1"] == [
        ("cache/key.go", 12, 15),
        ("cache/key.go", 40, 43),
        ("cache/store.go", 7, None),
        ("cache/store.go", 19, None),
    ]


def test_parse_says_what_a_command_seat_would_do_with_its_json(tmp_path: Path) -> None:
    """`parse` is the preview of a seat's output: JSON in the command seats' format that does
    not fit it fails there, so `parse` fails with the same reason; JSON in that format reads as
    the seat hands it over."""
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema_version": 1, "findings": [{"severity": "x", "title": "t"}]}))
    res = run_cli(["parse", str(bad)], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode != 0
    assert "invalid review JSON: findings.0.severity:" in res.stderr
    good = tmp_path / "good.json"
    good.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "findings": [
                    {
                        "severity": "important",
                        "title": "Leak",
                        "locations": [{"path": "a.py", "line": 3}],
                    }
                ],
            }
        )
    )
    data = _parse(tmp_path, good)
    assert [(f["id"], f["locations"]) for f in data["findings"]] == [
        ("I1", [{"path": "a.py", "start": 3, "end": None}])
    ]
