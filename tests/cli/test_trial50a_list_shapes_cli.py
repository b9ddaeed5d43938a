"""Trial 50a #1, #3, #6, #11 through the real `deep-review review` (command seats printing
canned reviews) and `deep-review consolidate`: findings written as list items with their own
level under any heading are read as findings; a recap list adds none; a seat whose findings
text beside its read findings went unread is named by the verdict."""

from __future__ import annotations

import json
from pathlib import Path

from support.printing_seats import printing_seats
from support.repos import cli_env, commit_all, make_repo, run_cli, write

LED = (
    "* **Severity: High** - `billing/pay.py:3`: The charge is sent twice after a timeout.\n"
    "* **Severity: Medium** - `billing/pay.py:5`: The amount is rounded before the tax.\n"
)


def _review(tmp_path: Path, seats: dict[str, str]) -> tuple[int, dict[str, object], str]:
    """`deep-review review` of a small change with one canned seat per entry: (exit code, the
    stored report's JSON, stdout+stderr)."""
    repo = make_repo(tmp_path)
    write(repo, "billing/pay.py", "def pay(a):\n    x = a\n    send(a)\n    send(a)\n    r(a)\n")
    commit_all(repo, "pay twice")
    printing_seats(tmp_path, seats)
    done = run_cli(
        ["review", "HEAD~1..HEAD", "--agents", ",".join(seats), "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    if done.returncode != 0:
        return done.returncode, {}, done.stdout + done.stderr
    report = json.loads(Path(done.json()["paths"]["json"]).read_text(encoding="utf-8"))
    return done.returncode, report, done.stdout + done.stderr


def _rows(report: dict[str, object]) -> list[tuple[str, str, list[int]]]:
    findings = report["findings"]
    assert isinstance(findings, list)
    return [(f["id"], f["title"], [loc["start"] for loc in f["locations"]]) for f in findings]


def test_a_feedback_section_of_level_led_bullets_is_a_review(tmp_path: Path) -> None:
    """Trial 50a #3: it failed the seat ("unparseable review", exit 3)."""
    code, report, out = _review(tmp_path, {"gem": f"## Feedback\n\n{LED}"})
    assert code == 0, out
    assert _rows(report) == [
        ("C1", "The charge is sent twice after a timeout", [3]),
        ("I1", "The amount is rounded before the tax", [5]),
    ]


def test_level_led_bullets_under_code_review_are_findings_not_one(tmp_path: Path) -> None:
    """Trial 50a #1: one critical "finding" titled `Code Review` with no text."""
    (tmp_path / "gem.md").write_text(f"## Code Review\n\n{LED}", encoding="utf-8")
    res = run_cli(
        ["consolidate", "gem.md", "--seat", "gem", "--format", "json"],
        cwd=tmp_path,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout)
    assert _rows(report) == [
        ("C1", "The charge is sent twice after a timeout", [3]),
        ("I1", "The amount is rounded before the tax", [5]),
    ]
    assert report["findings"][0]["body"] == ""  # (the title is the item's whole sentence)


def test_a_recap_list_does_not_count_a_finding_twice(tmp_path: Path) -> None:
    """Trial 50a #11: "C1–C2 block merging" for one bug."""
    text = (
        "## Findings\n\n"
        "1. **Double charge** (critical) — `billing/pay.py:3`: a timeout resends it.\n\n"
        "## Recommended next steps\n\n"
        "1. Fix the double charge at `billing/pay.py:3` first (critical).\n"
        "2. Add a test with a gateway that times out.\n"
    )
    (tmp_path / "cl.md").write_text(text, encoding="utf-8")
    res = run_cli(
        ["consolidate", "cl.md", "--seat", "cl", "--format", "json"],
        cwd=tmp_path,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout)
    assert _rows(report) == [("C1", "Double charge", [3])]
    assert report["header"]["verdict"] == {"label": "Rework", "reason": "C1 blocks merging"}


LOCAL_SHAPES = {
    # `**1. Title (Critical)**` + `- File: path, line N`
    "gemma": "# Review\n\n**1. Charge sent twice (Critical)**\n- File: `billing/pay.py`, line 4\n"
    "- A timeout resends the charge.\n",
    # `1. title (severity: high) — path:N`
    "qwen": "## Issues\n\n1. Tax rounded early (severity: medium) — `billing/pay.py:5`\n",
    # `- **Title:** … **Severity: low.**`
    "claude": "## Issues\n\n- **Unused copy:** `x` (billing/pay.py:2) is never read. "
    "**Severity: low.**\n",
    # `**Blocking**` / `**Non-blocking**` pseudo-headings, place-first sentences
    "codex": "**Blocking**\n\n- `billing/pay.py:3` sends the charge a second time.\n\n"
    "**Non-blocking**\n\n- `billing/pay.py:2` unused local `x`.\n",
}


def test_local_model_shapes_are_read_with_their_levels(tmp_path: Path) -> None:
    """Trial 50a #6: 1 finding out of 5 read; Gemma/Qwen/Claude "could not be read"."""
    code, report, out = _review(tmp_path, LOCAL_SHAPES)
    assert code == 0, out
    header = report["header"]
    assert isinstance(header, dict)
    assert "could not be read" not in header["verdict"]["reason"]
    found = {
        (f["severity"], tuple(f["reviewers"]), f["locations"][0]["start"])
        for f in report["findings"]  # type: ignore[union-attr]
    }
    assert found == {
        # the charge sent twice, at line 4 and line 3: one bug told twice, merged (both
        # titles name the same failure at places a line apart), first at the place of the
        # member whose text it shows (Gemma's)
        ("critical", ("Gemma", "Codex"), 4),
        ("important", ("Qwen",), 5),
        ("suggestion", ("Claude", "Codex"), 2),  # one finding, the same line: merged
    }


def test_the_verdict_names_a_seat_whose_placed_text_went_unread_beside_findings(
    tmp_path: Path,
) -> None:
    """Trial 50a #6: a seat with one finding read and another left as text was not named."""
    text = (
        "## Issues\n\n"
        "Also `billing/pay.py:2` keeps a copy `x` that nothing reads.\n\n"
        "1. **Charge sent twice** (critical) — `billing/pay.py:3`: a timeout resends it.\n"
    )
    (tmp_path / "codex.md").write_text(text, encoding="utf-8")
    intro = (
        "## Issues\n\nI found one issue:\n\n"
        "1. **Charge sent twice** (critical) — `billing/pay.py:3`: a timeout resends it.\n"
    )
    (tmp_path / "claude.md").write_text(intro, encoding="utf-8")
    seats = ["--seat", "codex", "--seat", "claude"]
    res = run_cli(
        ["consolidate", "codex.md", "claude.md", *seats, "--format", "json"],
        cwd=tmp_path,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    reason = json.loads(res.stdout)["header"]["verdict"]["reason"]
    assert reason == "C1 blocks merging; Codex's findings could not be read (see the appendix)"
