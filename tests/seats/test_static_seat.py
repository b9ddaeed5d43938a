"""The static seat against real git repositories: changed lines only, every kind of change."""

from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path

import pytest

from deepreview.agents.base import SeatOutcome, SeatSettings, SeatTask
from deepreview.agents.registry import get_agent
from deepreview.agents.static import ruff_check
from deepreview.agents.static.agent import StaticAgent

FAKE_KEY = "AKIAIOSFODNN7EXAMPLE"  # AWS's documented example access key id
# One line for each problem, so the expected line numbers are easy to read off.
PROBLEMS = (
    "import os\n"  # 1: F401 unused import
    "\n"
    "\n"
    "def greet(name):\n"  # 4
    '    greeting = "hello " + name   \n'  # 5: trailing whitespace
    "    return greeting\n"  # 6
    "\n"
    "\n"
    f'AWS_ACCESS_KEY_ID = "{FAKE_KEY}"\n'  # 9: secret
)

FINDING_RE = re.compile(
    r"^(?P<id>[CIS]\d+)\. \*\*(?P<title>.+?)\*\* — `(?P<path>.+?):(?P<line>\d+)(?:-(?P<end>\d+))?` "
    r"\((?P<severity>critical|important|suggestion), regression\)$",
    re.MULTILINE,
)


def findings(text: str) -> list[dict[str, str]]:
    return [m.groupdict() for m in FINDING_RE.finditer(text)]


def at(text: str, path: str) -> set[tuple[int, str]]:
    return {(int(f["line"]), f["severity"]) for f in findings(text) if f["path"] == path}


def coverage(text: str) -> dict[str, str]:
    table = text.split("## Coverage Summary", 1)[1]
    rows = re.findall(r"^\| `(.+?)` \| (.+) \|$", table, re.MULTILINE)
    return dict(rows)


def run_static(task: SeatTask) -> SeatOutcome:
    return StaticAgent().run(task)


@pytest.fixture
def must_show(repo, make_task) -> tuple[SeatOutcome, SeatTask]:
    repo.write("legacy.py", PROBLEMS)  # the same problems, already on the base
    base = repo.commit("base")
    repo.write("legacy.py", PROBLEMS + "\n\nVERSION = 2\n")  # touched, but not its problems
    repo.write("app/settings.py", PROBLEMS)
    repo.commit("branch")
    task = make_task(repo, base)
    return run_static(task), task


def test_reports_unused_import_whitespace_and_secret_on_added_lines(must_show) -> None:
    outcome, _task = must_show
    assert outcome.status == "ok", outcome.reason
    text = outcome.review_text
    by_path = {(int(f["line"]), f["severity"], f["title"]) for f in findings(text)}
    found = {(line, sev) for line, sev, _ in by_path}
    assert (1, "suggestion") in found  # unused import
    assert (5, "suggestion") in found  # trailing whitespace
    assert (9, "critical") in found  # the key
    titles = {title for _, _, title in by_path}
    assert any("imported but unused" in t for t in titles)
    assert any("whitespace" in t.lower() for t in titles)
    assert any("AWS Access Key" in t for t in titles)
    assert at(text, "app/settings.py") == {(1, "suggestion"), (5, "suggestion"), (9, "critical")}


def test_nothing_reported_on_unchanged_lines_of_a_touched_file(must_show) -> None:
    outcome, _task = must_show
    assert at(outcome.review_text, "legacy.py") == set()
    assert coverage(outcome.review_text)["legacy.py"] == "Reviewed, no issues"


def test_the_secret_itself_is_never_printed(must_show) -> None:
    outcome, task = must_show
    assert FAKE_KEY not in outcome.review_text
    assert "AKIA…" in outcome.review_text
    assert FAKE_KEY not in task.transcript_path.read_text(encoding="utf-8")
    assert FAKE_KEY not in task.stderr_path.read_text(encoding="utf-8")


def test_review_follows_the_agreed_layout(must_show) -> None:
    text = must_show[0].review_text
    headings = re.findall(r"^#{2,3} .+$", text, re.MULTILINE)
    assert headings == [
        "## Executive Summary",
        "## Findings",
        "### Critical Issues",
        "### Important Issues",
        "### Suggestions",
        "## Seat Notes",
        "## Coverage Summary",
    ]
    assert "### Important Issues\n\nNone.\n" in text
    # Statements about the seat itself are seat notes, not the change's assessment.
    assert "## Testing Assessment" not in text
    assert "## Acknowledged Limitations" not in text
    cov = coverage(text)
    ids = [f["id"] for f in findings(text) if f["path"] == "app/settings.py"]
    assert cov["app/settings.py"] == ", ".join(ids)
    assert ids[0] == "C1"


def test_the_seat_hands_over_findings_and_its_markdown_is_rendered_from_them(must_show) -> None:
    outcome = must_show[0]
    review = outcome.review
    assert review is not None
    assert review.raw == outcome.review_text
    located = {
        (loc.path, loc.start, f.severity.value) for f in review.findings for loc in f.locations
    }
    assert ("app/settings.py", 9, "critical") in located
    assert {c.path: c.status for c in review.coverage}["legacy.py"] == "Reviewed, no issues"
    assert review.testing.empty and not review.limitations
    assert any("--isolated" in note for note in review.seat_notes)
    assert FAKE_KEY in outcome.secrets  # for masking elsewhere; never in the review itself
    assert FAKE_KEY not in repr(review)
    assert outcome.tool_counts == (
        ("detect-secrets", 1),
        ("assigned secrets", 1),
        ("ruff", 1),
        ("git diff --check", 1),
    )


def test_findings_carry_excerpt_explanation_and_fix(must_show) -> None:
    text = must_show[0].review_text
    import_finding = next(
        f for f in findings(text) if f["path"] == "app/settings.py" and f["line"] == "1"
    )
    block = text.split(f"{import_finding['id']}. **", 1)[1].split("\n---\n", 1)[0]
    assert "```python\nimport os\n```" in block
    assert "`F401`" in block
    assert "Fix: Remove unused import" in block
    assert "```diff\n" in block and "\n-import os\n" in block
    secret_block = text.split("C1. **", 1)[1].split("\n---\n", 1)[0]
    assert 'AWS_ACCESS_KEY_ID = "AKIA…"' in secret_block
    assert "Fix: Remove the value from the code" in secret_block


def test_transcript_is_one_json_line_per_analyzer(must_show) -> None:
    _outcome, task = must_show
    records = [json.loads(line) for line in task.transcript_path.read_text().splitlines()]
    names = [r["analyzer"] for r in records]
    assert names[-4:] == ["detect-secrets", "assigned secrets", "ruff", "git diff --check"]
    for record in records:
        assert {"argv", "exit_code", "duration_s", "diagnostics"} <= record.keys()
    ruff = records[names.index("ruff")]
    assert "--isolated" in ruff["argv"] and ruff["exit_code"] == 0
    assert ruff["diagnostics"] >= 2 and ruff["kept"] >= 2  # the unchanged file's are dropped
    secrets = records[names.index("detect-secrets")]
    assert secrets["diagnostics"] == 2 and secrets["kept"] == 1


def test_renamed_file_only_its_added_lines_count(repo, make_task) -> None:
    repo.write("old_name.py", PROBLEMS)
    repo.write("moved_as_is.py", PROBLEMS)
    base = repo.commit("base")
    repo.git("mv", "old_name.py", "new_name.py")
    repo.git("mv", "moved_as_is.py", "moved.py")
    repo.write("new_name.py", PROBLEMS + "import sys\n")  # line 10: a new unused import
    repo.commit("rename")
    text = run_static(make_task(repo, base)).review_text
    assert at(text, "new_name.py") == {(10, "suggestion")}
    assert at(text, "moved.py") == set()
    cov = coverage(text)
    assert "renamed from `old_name.py`" in cov["new_name.py"]
    assert cov["moved.py"] == "Reviewed, no issues — renamed from `moved_as_is.py`, no lines added"
    assert "old_name.py" not in cov


def test_binary_and_deleted_files_are_listed_not_analyzed(repo, make_task) -> None:
    repo.write("gone.py", PROBLEMS)
    base = repo.commit("base")
    repo.git("rm", "-q", "gone.py")
    repo.write("logo.png", b"\x89PNG\r\n\x1a\n\x00\x00" + FAKE_KEY.encode() + b"\x00\xff" * 50)
    repo.commit("binary")
    outcome = run_static(make_task(repo, base))
    assert outcome.status == "ok", outcome.reason
    cov = coverage(outcome.review_text)
    assert cov == {"gone.py": "Not analyzed (deleted)", "logo.png": "Not analyzed (binary)"}
    assert findings(outcome.review_text) == []
    assert "### Critical Issues\n\nNone.\n" in outcome.review_text


@pytest.mark.parametrize(
    "name",
    ["dir with space/módulo ü.py", "tab\there.py", 'quo"te.py', "colon:1: x.py", "-dash.py"],
)
def test_odd_file_names(repo, make_task, name: str) -> None:
    repo.write("README.md", "base\n")
    base = repo.commit("base")
    repo.write(name, "import os\nx = 1   \n")
    repo.commit("odd name")
    outcome = run_static(make_task(repo, base))
    assert outcome.status == "ok", outcome.reason
    assert at(outcome.review_text, name) == {(1, "suggestion"), (2, "suggestion")}
    assert coverage(outcome.review_text)[name] == "S1, S2"


def test_conflict_marker_is_one_critical_finding(repo, make_task) -> None:
    repo.write("conf.py", "A = 1\n")
    base = repo.commit("base")
    repo.write(
        "conf.py",
        "A = 1\n<<<<<<< HEAD\nB = 2\n=======\nB = 3\n>>>>>>> feature\n",
    )
    repo.commit("merge gone wrong")
    text = run_static(make_task(repo, base)).review_text
    found = findings(text)
    assert [(f["severity"], f["line"], f["end"]) for f in found] == [("critical", "2", "6")]
    assert found[0]["title"] == "Leftover merge conflict markers"


def test_syntax_error_reported_once(repo, make_task) -> None:
    repo.write("README.md", "base\n")
    base = repo.commit("base")
    repo.write("broken.py", "def f(:\n    pass\nx = (\n")
    repo.commit("broken")
    found = findings(run_static(make_task(repo, base)).review_text)
    assert [(f["severity"], f["line"]) for f in found] == [("important", "1")]
    assert found[0]["title"].startswith("Syntax error")


def test_symlink_is_not_followed(repo, make_task, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(f'aws_key = "{FAKE_KEY}"\n')
    repo.write("README.md", "base\n")
    base = repo.commit("base")
    os.symlink(outside, repo.root / "link.txt")
    repo.commit("symlink")
    outcome = run_static(make_task(repo, base))
    assert coverage(outcome.review_text) == {"link.txt": "Not analyzed (symlink)"}
    assert FAKE_KEY[:4] not in outcome.review_text


def test_bandit_rules_are_important_but_asserts_in_tests_are_dropped(repo, make_task) -> None:
    repo.write("README.md", "base\n")
    base = repo.commit("base")
    repo.write("app/run.py", "def run(code):\n    return eval(code)\n")
    repo.write("tests/test_run.py", "def test_it():\n    assert True\n")
    repo.commit("eval")
    text = run_static(make_task(repo, base)).review_text
    assert at(text, "app/run.py") == {(2, "important")}
    assert "**Security.**" in text
    assert at(text, "tests/test_run.py") == set()


def test_a_fixed_temp_path_is_important_in_code_and_a_suggestion_in_tests(repo, make_task) -> None:
    # A test that writes to `/tmp/x` may clash with another run; code that does is a hole
    # (another user can plant the file first). A maintainer reads the first as a note.
    repo.write("README.md", "base\n")
    base = repo.commit("base")
    line = 'SCRATCH = "/tmp/report.txt"\n'
    repo.write("app/report.py", line)
    repo.write("tests/helpers.py", line)
    repo.commit("scratch files")
    text = run_static(make_task(repo, base)).review_text
    assert at(text, "app/report.py") == {(1, "important")}
    assert at(text, "tests/helpers.py") == {(1, "suggestion")}


def test_hardcoded_password_is_reported_once_and_masked(repo, make_task) -> None:
    repo.write("README.md", "base\n")
    base = repo.commit("base")
    repo.write("db.py", 'password = "Sup3rS3cretValue!x"\n')
    repo.commit("password")
    text = run_static(make_task(repo, base)).review_text
    assert at(text, "db.py") == {(1, "critical")}
    assert "Sup3rS3cretValue" not in text


def test_a_failing_analyzer_is_a_limitation(repo, make_task, tmp_path, monkeypatch) -> None:
    broken = tmp_path / "fake-ruff"
    broken.write_text("#!/bin/sh\necho 'ruff: cannot start' >&2\nexit 2\n")
    broken.chmod(0o755)
    monkeypatch.setattr(ruff_check, "find_ruff", lambda: broken)
    repo.write("README.md", "base\n")
    base = repo.commit("base")
    repo.write("app.py", f'import os\nKEY = "{FAKE_KEY}"\n')
    repo.commit("change")
    outcome = run_static(make_task(repo, base))
    assert outcome.status == "ok"
    assert "ruff failed (exited with code 2: ruff: cannot start)" in outcome.review_text
    assert at(outcome.review_text, "app.py") == {(2, "critical")}  # the others still ran


def test_unknown_base_sha_fails_the_seat(repo, make_task) -> None:
    repo.write("a.py", "x = 1\n")
    repo.commit("base")
    outcome = run_static(make_task(repo, "0" * 40))
    assert outcome.status == "failed"
    assert outcome.reason and outcome.reason.startswith("git diff --raw exited with code 128")


def test_cancelled_seat_is_interrupted(repo, make_task) -> None:
    repo.write("a.py", "x = 1\n")
    base = repo.commit("base")
    repo.write("a.py", "import os\n")
    repo.commit("change")
    cancel = threading.Event()
    cancel.set()
    outcome = run_static(make_task(repo, base, cancel=cancel))
    assert outcome.status == "interrupted"


def test_no_time_left_is_a_timeout(repo, make_task) -> None:
    repo.write("a.py", "x = 1\n")
    base = repo.commit("base")
    repo.write("a.py", "import os\n")
    repo.commit("change")
    outcome = run_static(make_task(repo, base, timeout=0.0))
    assert outcome.status == "timeout"


def test_availability_needs_no_model() -> None:
    agent = get_agent("static")
    assert isinstance(agent, StaticAgent)
    avail = agent.availability(SeatSettings(), {})
    assert avail.usable and not avail.model_backed and not agent.model_backed
    assert avail.version and "ruff " in avail.version and "detect-secrets " in avail.version


def test_review_parses_to_the_same_findings(must_show) -> None:
    parse = pytest.importorskip("deepreview.findings.parse")
    text = must_show[0].review_text
    review = parse.parse_review(text, seat="static")
    parsed = sorted(
        (f.id, f.severity.value, f.locations[0].path, f.locations[0].start) for f in review.findings
    )
    expected = sorted((f["id"], f["severity"], f["path"], int(f["line"])) for f in findings(text))
    assert parsed == expected
    assert all(f.classification == "regression" for f in review.findings)
    assert {c.path for c in review.coverage} == {"legacy.py", "app/settings.py"}


def test_secret_on_a_neighbouring_line_is_masked_in_fix_diffs(repo, make_task) -> None:
    repo.write("README.md", "base\n")
    base = repo.commit("base")
    repo.write("keys.py", f'import os\nKEY = "{FAKE_KEY}"\n')
    repo.commit("keys")
    events = []
    outcome = run_static(make_task(repo, base, on_progress=events.append))
    text = outcome.review_text
    assert at(text, "keys.py") == {(1, "suggestion"), (2, "critical")}
    assert "```diff\n" in text  # F401's fix shows line 2 as context
    assert FAKE_KEY not in text
    assert [e.detail for e in events] == [
        "detect-secrets",
        "assigned secrets",
        "ruff",
        "git diff --check",
    ]


def test_analyzer_hitting_the_deadline_makes_a_partial_timeout(
    repo, make_task, tmp_path, monkeypatch
) -> None:
    slow = tmp_path / "slow-ruff"
    slow.write_text("#!/bin/sh\nexec sleep 120\n")
    slow.chmod(0o755)
    monkeypatch.setattr(ruff_check, "find_ruff", lambda: slow)
    repo.write("README.md", "base\n")
    base = repo.commit("base")
    repo.write("app.py", f'import os\nKEY = "{FAKE_KEY}"\n')
    repo.commit("change")
    # The budget covers the whole seat: the secret scan before ruff must fit in it on a loaded
    # CI machine (1.5 s did not), while ruff never can.
    outcome = run_static(make_task(repo, base, timeout=8))
    assert outcome.status == "timeout"
    assert "ruff failed (timed out" in outcome.review_text
    assert "git diff --check not run: the seat's time budget ran out." in outcome.review_text
    # the secret scan ran before ruff: its value is found and masked all the same
    assert FAKE_KEY in outcome.secrets


def test_one_rule_in_one_file_is_one_finding_with_all_its_lines(repo, make_task) -> None:
    repo.write("notes.txt", "start\n")
    base = repo.commit("base")
    # Lines 2-4 and 7 end in spaces: one finding with both ranges, not four findings.
    repo.write("notes.txt", "start\na  \nb  \nc  \nd\ne\nf  \n")
    repo.commit("branch")
    outcome = run_static(make_task(repo, base))
    assert outcome.status == "ok", outcome.reason
    assert outcome.review is not None
    whitespace = [f for f in outcome.review.findings if "whitespace" in f.title.lower()]
    assert len(whitespace) == 1, outcome.review_text
    assert [str(loc) for loc in whitespace[0].locations] == ["notes.txt:2-4", "notes.txt:7"]
    assert "Reported on 4 added lines (2-4, 7)." in whitespace[0].body
    assert "— `notes.txt:2-4`, `notes.txt:7` (suggestion, regression)" in outcome.review_text


def test_one_rule_with_two_messages_is_two_findings(repo, make_task) -> None:
    """`Undefined name `alpha`` and `Undefined name `beta``: one rule, two problems; one
    finding titled after the first would hide the second (and merge with a model's finding
    about the first only)."""
    repo.write("m.py", "x = 1\n")
    base = repo.commit("base")
    repo.write("m.py", "x = 1\ny = alpha(1)\nz = beta(2)\n")
    repo.commit("branch")
    outcome = run_static(make_task(repo, base))
    assert outcome.status == "ok", outcome.reason
    assert outcome.review is not None
    undefined = sorted(
        (f.title, [str(loc) for loc in f.locations])
        for f in outcome.review.findings
        if "Undefined name" in f.title
    )
    assert undefined == [
        ("Undefined name `alpha`", ["m.py:2"]),
        ("Undefined name `beta`", ["m.py:3"]),
    ]


def test_two_secrets_in_one_file_stay_two_findings(repo, make_task) -> None:
    repo.write("keys.py", "X = 1\n")
    base = repo.commit("base")
    repo.write("keys.py", f'X = 1\nA_KEY = "{FAKE_KEY}"\nB_KEY = "{FAKE_KEY[:-4]}ABCD"\n')
    repo.commit("branch")
    outcome = run_static(make_task(repo, base))
    assert outcome.review is not None
    secret_lines = sorted(
        loc.start
        for f in outcome.review.findings
        if f.severity.value == "critical"
        for loc in f.locations
    )
    assert secret_lines == [2, 3]


def test_a_skipped_analyzer_is_not_also_said_to_have_run(repo, make_task) -> None:
    repo.write("notes.txt", "start\n")
    base = repo.commit("base")
    repo.write("notes.txt", "start\nmore\n")
    repo.commit("branch")
    outcome = run_static(make_task(repo, base))
    assert outcome.review is not None
    notes = " ".join(outcome.review.seat_notes)
    assert "ruff not run: no Python file with added lines." in notes
    assert "ruff ran" not in notes
    assert outcome.tool_counts == (
        ("detect-secrets", 1),
        ("assigned secrets", 1),
        ("git diff --check", 1),
    )
