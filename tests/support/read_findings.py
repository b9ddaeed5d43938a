"""What the parser reads in a small review, for parser tests that compare a few fields."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

from deepreview.findings import parse_review
from deepreview.findings.readable import unparseable_reason
from deepreview.model import AgentReview, Severity


class Read(NamedTuple):
    id: str
    level: str
    title: str
    places: list[tuple[str, int | None]]


def read_findings(text: str) -> list[Read]:
    """Each finding read in `text` (ID, level, title, places as (path, start line)); fails the
    test when any of the review's findings text is left unread."""
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    return [
        Read(f.id, f.severity.value, f.title, [(loc.path, loc.start) for loc in f.locations])
        for f in review.findings
    ]


# The golden review fixtures (`tests/fixtures/reviews/NAME.md`) the shape tests read.
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reviews"


def read_fixture(name: str) -> AgentReview:
    """The fixture review `name` parsed; fails the test when it reads as no review or leaves
    any of its findings text unread."""
    r = parse_review((FIXTURES / f"{name}.md").read_text(encoding="utf-8"), seat="s")
    assert unparseable_reason(r) is None
    assert r.unread_findings == (), r.unread_findings
    return r


def level_title_places(r: AgentReview) -> list[tuple[Severity, str, tuple[str, ...]]]:
    """Each finding as (level, title, places as `path:line`)."""
    return [(f.severity, f.title, tuple(map(str, f.locations))) for f in r.findings]


def parsed_by_cli(tmp_path: Path, text: str) -> dict[str, Any]:
    """`deep-review parse review.md --format json` of `text`, through the real command, as a
    user previews a review: its JSON document."""
    from support.repos import cli_env, run_cli

    (tmp_path / "review.md").write_text(text, encoding="utf-8")
    res = run_cli(["parse", "review.md", "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    parsed = json.loads(res.stdout)
    assert isinstance(parsed, dict)
    return parsed


def levels_and_places(parsed: dict[str, Any]) -> list[tuple[str, str, int | None]]:
    """Each finding of a `parsed_by_cli` document as (level, first place's path, its line)."""
    return [
        (f["severity"], f["locations"][0]["path"], f["locations"][0]["start"])
        for f in parsed["findings"]
    ]


def titles_of(parsed: dict[str, object]) -> list[str]:
    """The titles of the findings of a `parsed_by_cli` document, in order."""
    findings = parsed["findings"]
    assert isinstance(findings, list)
    return [f["title"] for f in findings]


def read_by_cli(tmp_path: Path, text: str) -> tuple[list[tuple[str, str | None, str]], list[str]]:
    """`parsed_by_cli` as (level, first place as `path:line` or `path`, title) per finding, and
    the findings text left unread."""
    out = parsed_by_cli(tmp_path, text)
    found = []
    for f in out["findings"]:  # type: ignore[attr-defined]
        loc = f["locations"][0] if f["locations"] else None
        place = f"{loc['path']}:{loc['start']}" if loc and loc["start"] else None
        found.append((f["severity"], place or (loc["path"] if loc else None), f["title"]))
    return found, list(out["unread_findings"])  # type: ignore[call-overload]
