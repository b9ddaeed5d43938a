"""Codex's own structured review (its review mode's JSON object: `findings[]` with `title`,
`body`, an integer `priority`, `confidence_score` and `code_location.absolute_file_path` +
`line_range`, then `overall_correctness` / `overall_explanation`), trial 50a #7: read as the
seat's findings, never "unparseable review"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from deepreview.findings import parse_review
from deepreview.model import AgentReview, Location, Severity
from support.repos import cli_env, make_repo, run_cli


def _finding(title: str, path: str, start: int, end: int, **extra: object) -> dict[str, Any]:
    return {
        "title": title,
        "body": f"{title}: explained in one sentence.",
        "confidence_score": 0.7,
        "code_location": {"absolute_file_path": path, "line_range": {"start": start, "end": end}},
        **extra,
    }


def _review(findings: list[dict[str, Any]]) -> str:
    return json.dumps(
        {
            "findings": findings,
            "overall_correctness": "patch is incorrect",
            "overall_explanation": "The new sub helper subtracts the wrong way round.",
            "overall_confidence_score": 0.8,
        }
    )


def _rows(r: AgentReview) -> list[tuple[str, Severity, str, tuple[Location, ...]]]:
    return [(f.id, f.severity, f.title, f.locations) for f in r.findings]


def test_codex_review_json_through_the_command(tmp_path: Path) -> None:
    """The seat prints the object with paths in its own worktree (as Codex does): two findings,
    P0 critical and P1 important, at repository-relative places; the seat is ok."""
    repo = make_repo(tmp_path)
    template = _review(
        [
            _finding("[P0] sub returns b - a", "@WT@/calc.py", 5, 6, priority=0),
            _finding("[P1] shout crashes on None", "@WT@/util/strings.py", 2, 2, priority=1),
        ]
    )
    out = tmp_path / "seat.json"
    out.write_text(template, encoding="utf-8")
    script = f"cat >/dev/null; sed \"s#@WT@#$PWD#g\" '{out}'"
    cfg = f"[seats.codex]\nargv = {json.dumps(['sh', '-c', script])}\n"
    (tmp_path / "user-config.toml").write_text(cfg, "utf-8")
    res = run_cli(
        ["review", "--agents", "codex", "--lead", "none", "--json"], cwd=repo, env=cli_env(tmp_path)
    )
    data: dict[str, Any] = res.json()
    assert [s["status"] for s in data["seats"]] == ["ok"], res.stderr[-2000:]
    report = json.loads(Path(data["paths"]["json"]).read_text(encoding="utf-8"))
    rows = [
        (f["id"], f["severity"], f["title"], [(p["path"], p["start"]) for p in f["locations"]])
        for f in report["findings"]
    ]
    assert rows == [
        ("C1", "critical", "sub returns b - a", [("calc.py", 5)]),
        ("I1", "important", "shout crashes on None", [("util/strings.py", 2)]),
    ]
    assert data["verdict"] == "Rework"


@pytest.mark.parametrize(
    ("priority", "severity"),
    [
        (0, Severity.CRITICAL),
        (1, Severity.IMPORTANT),
        (2, Severity.IMPORTANT),  # as a `[P2]` tag is read elsewhere
        (3, Severity.SUGGESTION),
    ],
)
def test_integer_priority_is_the_p_level(priority: int, severity: Severity) -> None:
    r = parse_review(
        _review(
            [_finding("sub is inverted", "/w/review-codex-Ab12Cd/calc.py", 5, 5, priority=priority)]
        ),
        seat="codex",
    )
    assert _rows(r) == [(r.findings[0].id, severity, "sub is inverted", (Location("calc.py", 5),))]


def test_p_tag_in_the_title_is_the_severity_and_leaves_the_title() -> None:
    r = parse_review(
        json.dumps(
            {
                "findings": [
                    {"title": "[P0] sub is inverted", "body": "x", "file": "calc.py", "line": 5}
                ]
            }
        ),
        seat="codex",
    )
    assert _rows(r) == [("C1", Severity.CRITICAL, "sub is inverted", (Location("calc.py", 5),))]


def test_absolute_path_outside_a_seat_worktree_ends_in_a_changed_file() -> None:
    """A path in the repository's own checkout (not a `review-<seat>-…` worktree) is made
    relative by the change's files it ends with; the line range is kept."""
    r = parse_review(
        _review(
            [_finding("[P1] shout crashes", "/home/me/src/demo/util/strings.py", 1, 2, priority=1)]
        ),
        seat="codex",
        known_files=("calc.py", "util/strings.py"),
    )
    assert _rows(r) == [
        ("I1", Severity.IMPORTANT, "shout crashes", (Location("util/strings.py", 1, 2),))
    ]
    assert "helper subtracts the wrong way round" in r.executive_summary


def test_a_priority_outside_codex_scale_is_no_level() -> None:
    """`priority: 7` is no P-level: the finding is read, unrated (important), not dropped."""
    r = parse_review(
        _review([_finding("sub is inverted", "/w/review-codex-Ab12Cd/calc.py", 5, 5, priority=7)]),
        seat="codex",
    )
    assert [(f.severity, f.title) for f in r.findings] == [(Severity.IMPORTANT, "sub is inverted")]
    assert r.unrated == (r.findings[0].id,)
