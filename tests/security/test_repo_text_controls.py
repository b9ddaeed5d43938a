"""Trial 32 defect 5: the reviewed repository's own text — commit subjects, an author's name, a
branch name, a PR's title — is data from outside like a seat's output. Its terminal escapes
(retitle the window, recolour, clear the screen) and control characters reach neither the
stored reports nor the terminal (`review`'s progress lines, `show`, `list`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.json_strings import json_strings
from support.repos import git, make_repo, run_cli, write

# C0 controls but tab and newline, DEL, C1 controls: what a terminal or grep reacts to.
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

SUBJECT = "subj \x1b]0;SUBJ-PWN\x07 \x1b[31mred\x1b[0m done"
AUTHOR = "Ev\x1b[2Jil"
# git refuses C0 controls in a ref name, not the 8-bit CSI (U+009B, UTF-8 C2 9B)
BRANCH = "esc\x9b31my"


def test_commit_subjects_authors_and_branch_names_reach_no_report_or_terminal(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", BRANCH)
    write(repo, "f.py", "z = 1\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", SUBJECT, f"--author={AUTHOR} <e@example.com>")
    fakes = Fakes(tmp_path)
    fakes.write_config({"bot": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "bot")
    assert res.returncode == 0, res.stderr
    assert not CONTROLS.search(res.stderr), CONTROLS.findall(res.stderr)
    out = res.json()
    paths = out["paths"]
    for fmt in ("md", "html"):
        text = Path(paths[fmt]).read_text(encoding="utf-8")
        assert not CONTROLS.search(text), (fmt, CONTROLS.findall(text))
    assert "subj  red done" in Path(paths["md"]).read_text(encoding="utf-8")
    report = json.loads(Path(paths["json"]).read_text(encoding="utf-8"))
    assert not [s for s in json_strings(report) if CONTROLS.search(s)]
    assert report["header"]["branch"] == "escy"  # the sequence is gone, as in a seat's text

    env = fakes.env()
    for args in (["show", out["review_id"]], ["show", out["review_id"], "--format", "html"]):
        shown = run_cli(args, cwd=repo, env=env)
        assert shown.returncode == 0, shown.stderr
        assert "subj  red done" in shown.stdout
        assert not CONTROLS.search(shown.stdout), (args, CONTROLS.findall(shown.stdout))
    listed = run_cli(["list"], cwd=repo, env=env)
    assert listed.returncode == 0, listed.stderr
    assert not CONTROLS.search(listed.stdout), CONTROLS.findall(listed.stdout)
    index = (Path(out["store"]) / "index.html").read_text(encoding="utf-8")
    assert not CONTROLS.search(index), CONTROLS.findall(index)


def test_show_cleans_a_report_stored_with_escapes(tmp_path: Path) -> None:
    """A report stored before this text was cleaned still prints nothing a terminal runs."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"bot": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "bot")
    assert res.returncode == 0, res.stderr
    out = res.json()
    md = Path(out["paths"]["md"])
    md.write_text(md.read_text(encoding="utf-8") + "\x1b]0;OLD-PWN\x07tail\n", encoding="utf-8")
    # stored by a deep-review from before run.json recorded the report files as written (one
    # from after would call this edited Markdown damaged, and `show` refuse it)
    run_json = Path(out["review_dir"]) / "run.json"
    record = json.loads(run_json.read_text(encoding="utf-8"))
    del record["report_files"]
    run_json.write_text(json.dumps(record, indent=2), encoding="utf-8")
    shown = run_cli(["show", out["review_id"]], cwd=repo, env=fakes.env())
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.endswith("tail\n")
    assert not CONTROLS.search(shown.stdout), CONTROLS.findall(shown.stdout)


@pytest.mark.slow
def test_a_pr_title_with_escapes_reaches_no_report(tmp_path: Path) -> None:
    from publish.scenario import NUMBER, REPO, review, setup
    from support.fake_github import FakeGitHub

    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        gh.pull(REPO, NUMBER).data["title"] = "Fix \x1b]0;PWNED-TITLE\x07\x1b[31mRED\x1b[0m add"
        res = review(fakes, clone, env)
    assert res.returncode == 0, res.stderr
    assert not CONTROLS.search(res.stderr), CONTROLS.findall(res.stderr)
    paths = res.json()["paths"]
    for fmt in ("md", "html", "json"):
        text = Path(paths[fmt]).read_text(encoding="utf-8")
        assert "Fix RED add" in text, fmt
        assert not CONTROLS.search(text), (fmt, CONTROLS.findall(text))


def test_file_names_in_the_notes_reach_no_report_or_terminal(tmp_path: Path) -> None:
    """ts62 defect 4: the notes on a file the change hides (`-diff`), a NUL-text file and a
    binary "script" named each file raw: an OSC sequence in its name (retitle the window, or
    OSC 52 write the clipboard) reached stderr, the `.md` and the HTML."""
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "names")
    osc = "\x1b]0;PWN\x07"
    write(repo, f"h{osc}.py", "y = 1\n")
    write(repo, ".gitattributes", "h*.py -diff\n")
    write(repo, f"n{osc}\nx.sh", b"#!/bin/sh\n# \0\necho hi\n")
    write(repo, f"b{osc}.py", b"\0\x01\xffbinary")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "odd names")
    fakes = Fakes(tmp_path)
    fakes.write_config({"bot": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "bot")
    assert res.returncode == 0, res.stderr
    notes = [ln for ln in res.stderr.splitlines() if ln.startswith("note: ")]
    assert any("hides this file's diff (`h\ufffd]0;PWN\ufffd.py`)" in n for n in notes), notes
    assert any("Git calls `n\ufffd]0;PWN\ufffd\ufffdx.sh` binary" in n for n in notes), notes
    assert not CONTROLS.search(res.stderr), CONTROLS.findall(res.stderr)
    paths = res.json()["paths"]
    for fmt in ("md", "html"):
        text = Path(paths[fmt]).read_text(encoding="utf-8")
        assert not CONTROLS.search(text), (fmt, CONTROLS.findall(text))
    report = json.loads(Path(paths["json"]).read_text(encoding="utf-8"))
    assert not [n for n in report["notes"] if CONTROLS.search(n)], report["notes"]


def test_context_show_prints_no_escape_sequence_of_the_file(tmp_path: Path) -> None:
    """ts62 defect 6: `context show` printed the checkout's deep-review-context.md as is: on a
    PR's checkout, the author's escapes (clear the screen, retitle, OSC 52) ran."""
    repo = make_repo(tmp_path)
    write(repo, "deep-review-context.md", "Auth is \x1b]0;PWN\x07handled \x1b[2Jin mw.py.\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "context")
    res = run_cli(["context", "show"], cwd=repo, env=Fakes(tmp_path).env())
    assert res.returncode == 0, res.stderr
    assert "Auth is handled in mw.py." in res.stdout, res.stdout
    assert not CONTROLS.search(res.stdout), CONTROLS.findall(res.stdout)
