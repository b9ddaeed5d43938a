"""A finding's place beside a title that holds a colon (`- [P2] retry: errors are swallowed —
web/api.ts:9`), or before a title with no separator (`- src/app.py:7 SQL injection [severity:
high]`), trial 50a #8: the place leaves the title and locates the finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.model import Location, Severity
from support.printing_seats import stored_report
from support.repos import make_repo

CODEX = (
    "## Findings\n\n"
    "- [P2] sub: operands in the wrong order — calc.py:6\n"
    "  `sub(5, 3)` gives -2.\n"
    "- [P1] shout: crashes on None — util/strings.py:2\n"
    "  `None.upper()` raises.\n"
)
QWEN = (
    "Findings:\n"
    "- calc.py:6 sub has its operands in the wrong order [severity: high]\n"
    "- util/strings.py:2 shout crashes on None [severity: medium]\n"
)


def _report(tmp: Path, seats: dict[str, str]) -> list[tuple[str, str, list[str], list[str]]]:
    repo = make_repo(tmp)
    cfg = ""
    for name, text in seats.items():
        out = tmp / f"{name}.out"
        out.write_text(text, encoding="utf-8")
        cfg += f"[seats.{name}]\nargv = {json.dumps(['sh', '-c', f'cat >/dev/null; cat {out}'])}\n"
    (tmp / "user-config.toml").write_text(cfg, "utf-8")
    report = stored_report(tmp, repo, list(seats))
    return [
        (
            f["severity"],
            f["title"],
            ["{path}:{start}".format(**p) for p in f["locations"]],
            sorted(f["reviewers"]),
        )
        for f in report["findings"]
    ]


def test_title_with_a_colon_keeps_its_place_apart(tmp_path: Path) -> None:
    assert sorted(_report(tmp_path, {"codex": CODEX})) == [
        ("important", "shout: crashes on None", ["util/strings.py:2"], ["Codex"]),
        ("important", "sub: operands in the wrong order", ["calc.py:6"], ["Codex"]),
    ]


def test_place_first_then_title_without_separator(tmp_path: Path) -> None:
    rows = _report(tmp_path, {"qwen": QWEN})
    assert [(s, t, p) for s, t, p, _ in rows] == [
        ("critical", "sub has its operands in the wrong order", ["calc.py:6"]),
        ("important", "shout crashes on None", ["util/strings.py:2"]),
    ]


def test_located_findings_merge_across_seats(tmp_path: Path) -> None:
    """Both seats name the same two bugs at the same lines: once located, each pair merges."""
    rows = _report(tmp_path, {"codex": CODEX, "qwen": QWEN})
    assert [(p, r) for _, _, p, r in rows] == [
        (["calc.py:6"], ["Codex", "Qwen"]),
        (["util/strings.py:2"], ["Codex", "Qwen"]),
    ]


@pytest.mark.parametrize(
    ("line", "title", "severity", "place"),
    [
        ("- [P2] retry: errors are swallowed — web/api.ts:9", "retry: errors are swallowed",
         Severity.IMPORTANT, Location("web/api.ts", 9)),
        ("- [P1] Cache.Set: missing lock - pkg/cache.go:17-19", "Cache.Set: missing lock",
         Severity.IMPORTANT, Location("pkg/cache.go", 17, 19)),
        ("- [High] parse: a title — with a dash: `db/q.sql:3`", "parse: a title — with a dash",
         Severity.CRITICAL, Location("db/q.sql", 3)),
        ("- `src/app.py:7` SQL injection [severity: high]", "SQL injection", Severity.CRITICAL,
         Location("src/app.py", 7)),
        ("- src/app.py:7 SQL injection [priority: P3]", "SQL injection", Severity.SUGGESTION,
         Location("src/app.py", 7)),
    ],
)  # fmt: skip
def test_shapes(line: str, title: str, severity: Severity, place: Location) -> None:
    r = parse_review(f"## Findings\n\n{line}\n  The explanation.\n", seat="s")
    assert [(f.title, f.severity, f.locations) for f in r.findings] == [(title, severity, (place,))]


def test_a_title_that_only_mentions_a_place_keeps_it() -> None:
    """The place is split off only where it ends the line after a separator: a title naming a
    place mid-sentence is left whole (as before)."""
    r = parse_review(
        "## Findings\n\n- [P2] retry: see web/api.ts:9 for the loop — it never stops\n", seat="s"
    )
    assert [f.title for f in r.findings] == [
        "retry: see web/api.ts:9 for the loop — it never stops"
    ]
