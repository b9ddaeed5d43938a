"""Trial 26 defect 14: a seat's output is data from outside. Its control characters (a NUL, a
terminal escape, a bell) never reach the stored report, where `grep` took the file for binary and
`cat` ran the escapes; the seat's transcript stays byte for byte what it printed, its review file
that without the escape sequences (trial46b #12: they are no part of the review it is read as).
A file name with a newline does not break a retro paragraph, and SARIF names only places inside the
repository."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fakebin.harness import Fakes
from support.json_strings import json_strings
from support.repos import cli_env, commit_all, make_repo, run_cli, write

# C0 controls but tab and newline, DEL, C1 controls: what a terminal or grep reacts to.
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

REVIEW = """## Executive Summary

Output with a NUL \x00 and \x1b[31mred\x1b[0m text.

## Findings

### Critical Issues

None.

### Important Issues

I1. **`sub` subtracts\x1b[2J** \u2014 `calc.py:6` (important, regression)

It rings \x07 the bell and hides \x00 a NUL.

I2. **Reads the password file** \u2014 `../../etc/passwd:1` (important, regression)

A path outside the repository.

### Suggestions

None.
"""


def test_control_characters_from_a_seat_never_reach_the_report(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(repo, "we\nird.py", "x = 1\n")
    commit_all(repo, "A file name with a newline")
    fakes = Fakes(tmp_path)
    review_file = tmp_path / "bot-review.md"
    review_file.write_text(REVIEW, encoding="utf-8")
    fakes.write_config({"bot": fakes.seat("ok", "--review-file", str(review_file))})
    res = fakes.review(repo, "--agents", "bot", "--format", "sarif")
    assert res.returncode == 0, res.stderr
    out = res.json()
    paths = out["paths"]

    for fmt in ("md", "html", "sarif"):
        text = Path(paths[fmt]).read_text(encoding="utf-8")
        assert not CONTROLS.search(text), (fmt, CONTROLS.findall(text))
    report = json.loads(Path(paths["json"]).read_text(encoding="utf-8"))
    assert not [s for s in json_strings(report) if CONTROLS.search(s)]
    titles = [f["title"] for f in report["findings"]]
    assert "`sub` subtracts" in titles, titles  # the escape sequence is gone, not its text
    md = Path(paths["md"]).read_text(encoding="utf-8")
    assert "red text" in md

    # the seat's own output, as stored, is what it printed; its review, that without escapes
    folder = Path(out["store"]) / out["review_id"]
    assert (folder / "transcript-bot-pass-1.jsonl").read_bytes() == REVIEW.encode("utf-8")
    read = REVIEW.replace("\x1b[31m", "").replace("\x1b[0m", "").replace("\x1b[2J", "")
    assert (folder / "review-bot-pass-1.md").read_bytes() == read.encode("utf-8")

    # the file name with a newline stays on its line of the retro
    (bot,) = report["retro"]["seats"]
    misses = next(p for p in bot["narrative"].split("\n\n") if "Coverage misses" in p)
    assert "\n" not in misses, misses
    assert "ird.py" in misses

    # SARIF: no artifact outside the repository; the finding is still a result
    sarif = json.loads(Path(paths["sarif"]).read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert len(results) == len(report["findings"])
    uris = [
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in results
        for loc in (*r["locations"], *r.get("relatedLocations", ()))
    ]
    assert not [u for u in uris if ".." in u.split("/") or u.startswith("/")], uris
    outside = next(r for r in results if "password" in r["message"]["text"])
    assert "outside the repository" in outside["locations"][0]["message"]["text"]


def test_an_earlier_rounds_report_stored_with_control_characters_is_cleaned(
    tmp_path: Path,
) -> None:
    """A report stored before seat text was cleaned carries its findings into the next round
    (`Round 1 I1`): they are cleaned there too."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    review_file = tmp_path / "bot-review.md"
    review_file.write_text(REVIEW.replace("\x1b[2J", "").replace("\x00", ""), encoding="utf-8")
    fakes.write_config({"bot": fakes.seat("ok", "--review-file", str(review_file))})
    first = fakes.review(repo, "--agents", "bot")
    assert first.returncode == 0, first.stderr
    stored = Path(first.json()["paths"]["json"])
    data = json.loads(stored.read_text(encoding="utf-8"))
    for f in data["findings"]:
        f["title"] += "\x1b[2J\x00"
    stored.write_text(json.dumps(data), encoding="utf-8")

    fakes.write_config({"bot": fakes.seat("ok")})  # its short review, with no finding
    second = fakes.review(repo, "--agents", "bot")
    assert second.returncode == 0, second.stderr
    md = Path(second.json()["paths"]["md"]).read_text(encoding="utf-8")
    assert "Round 1" in md
    assert not CONTROLS.search(md), CONTROLS.findall(md)


def test_parse_and_render_of_outside_files_print_no_control_characters(tmp_path: Path) -> None:
    """`parse REPORT.md --format md` and `render REPORT.json` print what a terminal shows: a
    report or JSON from anywhere may carry escapes (a JSON review escapes them itself)."""
    report = tmp_path / "r.md"
    report.write_text(
        "# Deep Review: x\n\n## Executive Summary\n\nHello \x1b[31mred\x1b[0m, NUL \x00.\n",
        encoding="utf-8",
    )
    env = cli_env(tmp_path)
    md = run_cli(["parse", str(report), "--format", "md"], cwd=tmp_path, env=env)
    assert md.returncode == 0, md.stderr
    assert "Hello red" in md.stdout and not CONTROLS.search(md.stdout)
    as_json = run_cli(["parse", str(report), "--format", "json"], cwd=tmp_path, env=env)
    data = json.loads(as_json.stdout)
    data["header"]["verdict"]["reason"] = "bad \x1b[2J clear"
    (tmp_path / "r.json").write_text(json.dumps(data), encoding="utf-8")
    shown = run_cli(["render", str(tmp_path / "r.json")], cwd=tmp_path, env=env)
    assert shown.returncode == 0, shown.stderr
    assert "bad  clear" in shown.stdout and not CONTROLS.search(shown.stdout)
