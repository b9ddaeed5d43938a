"""A review by the static seat alone of a change its analyzers could not read (an image, a
symlink, a deleted file): "static checks found nothing" read as "checked and clean" while the
coverage table said "not analyzed". The verdict says how much the checks read, the same in the
CLI's verdict line, the JSON, Markdown and HTML reports."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

from support.printing_seats import NO_FINDINGS, printing_seats
from support.repos import cli_env, commit_all, git, make_repo, run_cli, write

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def _branch(tmp: Path) -> Path:
    """The demo repository with a new branch off main, its changes left to the test."""
    repo = make_repo(tmp)
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-q", "-b", "topic")
    return repo


def _verdict_everywhere(tmp: Path, repo: Path, agents: str = "static") -> tuple[str, str]:
    """(label, reason) of the stored report, checked to read the same in every output."""
    res = run_cli(["review", "--agents", agents, "--lead", "none"], cwd=repo, env=cli_env(tmp))
    assert res.returncode == 0, res.stderr[-2000:]
    out = res.stdout + res.stderr
    # the stored files, as the command names them (`  json: PATH`)
    paths = dict(ln.strip().split(": ", 1) for ln in out.splitlines() if ln.startswith("  "))
    report = json.loads(Path(paths["json"]).read_text(encoding="utf-8"))
    verdict = report["header"]["verdict"]
    label, reason = verdict["label"], verdict["reason"]
    assert f"Verdict: {label} — {reason}" in out
    md = Path(paths["md"]).read_text(encoding="utf-8")
    md = re.sub(r"\[([CIS]\d+)\]\([^)]*\)", r"\1", md)  # (finding IDs link to the finding)
    assert f"| **Verdict** | **{label}** — {reason} |" in md
    html = Path(paths["html"]).read_text(encoding="utf-8")
    html = re.sub(r"<a\b[^>]*>([CIS]\d+)</a>", r"\1", html)
    assert escape(reason, quote=False) in html
    return label, reason


def test_a_png_only_change_says_the_checks_read_nothing(tmp_path: Path) -> None:
    repo = _branch(tmp_path)
    write(repo, "logo.png", PNG)
    commit_all(repo, "Add a logo")
    label, reason = _verdict_everywhere(tmp_path, repo)
    assert label == "No model review"
    assert reason == "static checks analyzed none of the changed files (1 not analyzed)"


def test_a_symlink_and_a_deletion_are_not_analysed_either(tmp_path: Path) -> None:
    repo = _branch(tmp_path)
    (repo / "link").symlink_to("calc.py")
    (repo / "README.md").unlink()
    commit_all(repo, "Link and delete")
    _label, reason = _verdict_everywhere(tmp_path, repo)
    assert reason == "static checks analyzed none of the changed files (2 not analyzed)"


def test_a_mixed_change_says_how_many_files_were_read(tmp_path: Path) -> None:
    repo = _branch(tmp_path)
    write(repo, "logo.png", PNG)
    write(repo, "one.py", "def one():\n    return 1\n")
    write(repo, "two.py", "def two():\n    return 2\n")
    commit_all(repo, "Add a logo and two modules")
    label, reason = _verdict_everywhere(tmp_path, repo)
    assert label == "No model review"
    assert reason == "static checks found nothing in 2 of 3 changed files (1 not analyzed)"


def test_a_change_read_whole_still_says_found_nothing(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)  # adds two clean functions: every file analysed
    label, reason = _verdict_everywhere(tmp_path, repo)
    assert (label, reason) == ("No model review", "static checks found nothing")


def test_a_model_seat_beside_it_makes_it_moot(tmp_path: Path) -> None:
    repo = _branch(tmp_path)
    write(repo, "logo.png", PNG)
    commit_all(repo, "Add a logo")
    printing_seats(tmp_path, {"good": NO_FINDINGS})
    label, reason = _verdict_everywhere(tmp_path, repo, "static,good")
    assert (label, reason) == ("Merge as-is", "no issues found")


def test_optional_findings_in_a_mixed_change_say_how_many_files_were_read(tmp_path: Path) -> None:
    repo = _branch(tmp_path)
    write(repo, "logo.png", PNG)
    write(repo, "one.py", "def one():\n    return 1\n")
    write(repo, "two.py", "def two():  \n    return 2\n")  # trailing whitespace: optional
    commit_all(repo, "Add a logo and two modules")
    label, reason = _verdict_everywhere(tmp_path, repo)
    assert label == "No model review"
    assert (
        reason == "static checks found only S1 (optional) in 2 of 3 changed files (1 not analyzed)"
    )


def test_findings_that_need_attention_say_how_many_files_were_read(tmp_path: Path) -> None:
    repo = _branch(tmp_path)
    write(repo, "logo.png", PNG)
    write(repo, "one.py", "def one():\n    return 1\n")
    write(repo, "broken.py", "def f(:\n    pass\n")  # a syntax error: important
    commit_all(repo, "Add a logo and two modules")
    label, reason = _verdict_everywhere(tmp_path, repo)
    assert label == "Merge with fixes"
    assert reason == (
        "I1 needs attention; static checks analyzed 2 of 3 changed files (1 not analyzed); "
        "no model reviewed this change (static checks only)"
    )


def test_a_change_read_whole_with_findings_names_no_count(tmp_path: Path) -> None:
    repo = _branch(tmp_path)
    write(repo, "two.py", "def two():  \n    return 2\n")
    commit_all(repo, "Add a module")
    label, reason = _verdict_everywhere(tmp_path, repo)
    assert (label, reason) == ("No model review", "static checks found only S1 (optional)")
