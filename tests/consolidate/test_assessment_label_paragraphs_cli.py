"""A free-form review's closing notes on tests and docs (trial 47a #1): after a numbered list of
findings, a paragraph led by a plain `Tests:` label and one saying "Docs look fine." stayed in
the seat's preamble, and the report said "No reviewer assessed testing." A paragraph led by a
plain `Tests:` / `Testing:` / `Docs:` / `Documentation:` label after the findings feeds that
assessment, as the bold lead-in (`**Tests**: …`) does; so does a paragraph whose subject is the
other one (`Docs look fine.`) right after it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli

_ITEMS = (
    "I looked at the diff and ran the existing tests.\n\n"
    "1. `calc.py:5` — `sub` adds instead of subtracting, so every difference is wrong. "
    "Severity: important.\n\n"
    "2. `calc.py:4` — the extra blank line breaks the module's layout. Severity: suggestion.\n\n"
)


def _review(tmp_path: Path, text: str) -> tuple[dict, str]:  # type: ignore[type-arg]
    repo = make_repo(tmp_path)
    (tmp_path / "seat.md").write_text(text, encoding="utf-8")
    argv = ["sh", "-c", f"cat >/dev/null; cat {tmp_path / 'seat.md'}"]
    (tmp_path / "user-config.toml").write_text(f"[seats.bot]\nargv = {json.dumps(argv)}\n")
    res = run_cli(
        ["review", "--agents", "bot", "--lead", "none", "--json"], cwd=repo, env=cli_env(tmp_path)
    )
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    report = json.loads((tmp_path / "store" / f"{rid}.json").read_text(encoding="utf-8"))
    md = (tmp_path / "store" / f"{rid}.md").read_text(encoding="utf-8")
    return report, md.split("## Appendix", 1)[0]


def _said(assessment: dict) -> str:  # type: ignore[type-arg]
    return "\n".join([assessment["intro"], *(i["text"] for i in assessment["items"])])


def test_closing_tests_and_docs_paragraphs_feed_the_assessments(tmp_path: Path) -> None:
    report, body = _review(
        tmp_path,
        _ITEMS + "Tests: the new test in `tests/test_calc.py` covers `sub`, so I have no "
        "testing concerns.\n\nDocs look fine.\n",
    )
    assert len(report["findings"]) == 2, report["findings"]
    assert "no testing concerns" in _said(report["testing"])
    assert "Docs look fine." not in _said(report["testing"])
    assert "Docs look fine." in _said(report["documentation"])
    assert "No reviewer assessed testing" not in body
    assert "No reviewer assessed documentation" not in body


@pytest.mark.parametrize(
    ("label", "key"),
    [("Testing", "testing"), ("Docs", "documentation"), ("Documentation", "documentation")],
)
def test_each_plain_label_opens_its_assessment(tmp_path: Path, label: str, key: str) -> None:
    report, _ = _review(tmp_path, _ITEMS + f"{label}: nothing to add for `calc.py`.\n")
    assert len(report["findings"]) == 2, report["findings"]
    assert "nothing to add for `calc.py`." in _said(report[key])


def test_a_note_between_the_findings_leaves_the_next_item_a_finding(tmp_path: Path) -> None:
    """`1. …` + `Tests: …` + `2. …`: the note is the testing assessment, item 2 still a finding
    (not an item of that assessment)."""
    report, _ = _review(
        tmp_path,
        "I looked at the diff.\n\n"
        "1. `calc.py:5` — `sub` adds instead of subtracting. Severity: important.\n\n"
        "Tests: none added for `sub`.\n\n"
        "2. `calc.py:4` — the extra blank line breaks the layout. Severity: important.\n\n"
        "Docs look fine.\n",
    )
    titles = sorted(f["title"] for f in report["findings"])
    assert len(titles) == 2 and any("extra blank line" in t for t in titles), titles
    assert "none added for `sub`." in _said(report["testing"])
    assert "extra blank line" not in _said(report["testing"])
    assert "Docs look fine." in _said(report["documentation"])
