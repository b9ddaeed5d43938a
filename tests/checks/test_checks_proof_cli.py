"""What a measured badge or probe count means, through the real `deep-review review`: each
mutant runs on a pristine checkout, a fix lands where its finding points, a badge is this run's.

Cheap test commands (a Python script, no pytest start-up) so these stay in the fast loop.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from support.proof_repos import BAD_FIX, GOOD_FIX, make_python_repo, review_text, seat_config
from support.repos import commit_all, run_cli, write

REVIEW = ["review", "--agents", "bot", "--lead", "none", "--json", "--allow-exec"]

# A suite that leaves traces behind, as real ones do: it consumes a tracked fixture, writes an
# untracked file and an ignored cache. Run twice in one checkout, it fails on its own traces.
MESSY_SUITE = """import os, sys
sys.path.insert(0, os.getcwd())
import ages
assert open("data.txt").read() == "ok\\n", "the fixture is gone"
os.remove("data.txt")
assert not os.path.exists("made.txt"), "an earlier run left made.txt"
open("made.txt", "w").close()
os.makedirs("cache", exist_ok=True)
assert not os.path.exists("cache/x"), "an earlier run left cache/x"
open("cache/x", "w").close()
assert ages.is_adult(40) and not ages.is_adult(5)
"""


def _review(repo: Path, env: dict[str, str], *args: str) -> dict:  # type: ignore[type-arg]
    res = run_cli([*REVIEW, *args], cwd=repo, env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    out = res.json()
    return {
        "cli": out,
        "md": Path(out["paths"]["md"]).read_text(encoding="utf-8"),
        "json": json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8")),
        "html": Path(out["paths"]["html"]).read_text(encoding="utf-8"),
        "dir": Path(out["review_dir"]),
    }


def test_each_mutant_runs_on_a_pristine_checkout(tmp_path: Path) -> None:
    """One worker runs every mutant (`--jobs 1`) of a suite that deletes its fixture and leaves
    untracked and ignored files: the traces of one mutant's run must not kill the next."""
    repo = make_python_repo(tmp_path, strong=False)
    write(repo, "data.txt", "ok\n")
    write(repo, ".gitignore", "cache/\n")
    commit_all(repo, "fixture")
    suite = tmp_path / "messy_suite.py"
    suite.write_text(MESSY_SUITE, encoding="utf-8")
    env = seat_config(tmp_path, review_text([]))
    cmd = f"{sys.executable} {suite}"
    out = _review(repo, env, "--probe-tests", "--jobs", "1", "--test-cmd", cmd)
    mutants = out["json"]["checks"]["mutants"]
    # `return age >= 18`: `>`, 19 and 17 pass the weak suite; `return None` fails it.
    assert sorted(m["status"] for m in mutants) == ["killed", "survived", "survived", "survived"]
    assert out["cli"]["checks"]["probes"] == (
        "Probed 4 mutations of the changed lines: the suite caught 1; 3 survived"
    )


def test_a_carried_findings_badge_is_measured_this_round(tmp_path: Path) -> None:
    """Round 1 checks its fixes with a command that runs no test: the wrong fix "passes". Round
    2 measures with a real check and no seat raises that finding again: it is carried, and its
    badge must be this round's measurement, not round 1's."""
    repo = make_python_repo(tmp_path, strong=True)
    env = seat_config(tmp_path, review_text([("Use 21", BAD_FIX)]))
    first = _review(repo, env, "--check-fixes", "--test-cmd", f"{sys.executable} -c pass")
    assert "`fix: applies (re-anchored at ages.py:3) · tests pass, as they did" in first["md"]

    # Its own words, not round 1's boilerplate: the same text at the same line would be round
    # 1's finding raised again (`rounds.alike`), and then nothing is carried.
    other = review_text([("Negative ages pass", GOOD_FIX)]).replace(
        "The check at the boundary deserves a look.",
        "A negative age is accepted silently; reject it with a ValueError.",
    )
    seat_config(tmp_path, other)
    check = f"{sys.executable} -c 'import ages; assert ages.is_adult(18)'"
    second = _review(repo, env, "--check-fixes", "--test-cmd", check)
    carried = next(f for f in second["json"]["findings"] if f["title"] == "Use 21")
    assert carried["carry_forward"].startswith("Round 1 ")
    assert carried["fix_check"]["tests"] == "fail"
    md = second["md"]
    block = md.split(f"\n{carried['id']}. **Use 21**")[1].split("\n---\n")[0]
    assert "`fix: applies (re-anchored at ages.py:3) · tests fail`" in block
    assert "tests pass" not in block
    fixes = second["cli"]["checks"]["fixes"]
    assert fixes.startswith("2 fixes: 2 apply, 1 passes tests (as they did without any fix), 1 ")


CLAMP = """def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return lo
    return x
"""
# No file header, no @@ line: where it goes is the finding's to say (`clamp.py:5`).
CLAMP_FIX = "```diff\n-        return lo\n+        return hi\n```"


def _clamp_repo(tmp_path: Path) -> Path:
    repo = make_python_repo(tmp_path, strong=True)
    write(repo, "clamp.py", CLAMP)
    commit_all(repo, "Add clamp")
    return repo


def test_a_fix_without_line_numbers_lands_at_its_findings_line(tmp_path: Path) -> None:
    """`return lo` is on lines 3 and 5; the finding points at 5. Applied at 3 (the first match)
    the low branch breaks; at 5 the tests pass. An equally near pair is refused."""
    repo = _clamp_repo(tmp_path)
    odd = CLAMP_FIX.replace("hi\n", "hi  # odd\n")
    review = review_text(
        [
            ("clamp returns lo above hi", CLAMP_FIX, "clamp.py:5"),
            ("clamp is odd", odd, "clamp.py:4"),
        ]
    )
    env = seat_config(tmp_path, review)
    check = (
        f"{sys.executable} -c 'from clamp import clamp; "
        "assert clamp(-1, 0, 5) == 0 and clamp(9, 0, 5) == 5'"
    )
    out = _review(repo, env, "--check-fixes", "--test-cmd", check)
    checks = {f["title"]: f["fix_check"] for f in out["json"]["findings"]}
    landed = checks["clamp returns lo above hi"]
    assert (landed["tests"], landed["reason"]) == ("pass", "re-anchored at clamp.py:5")
    badge = "`fix: applies (re-anchored at clamp.py:5) · tests pass, and fail without the fix`"
    assert badge in out["md"]
    # Line 4 is as near to line 3 as to line 5: no guess.
    refused = checks["clamp is odd"]
    assert refused["applies"] is False
    assert refused["reason"] == (
        "ambiguous: `return lo` is at clamp.py:3 and clamp.py:5, equally near line 4"
    )


def test_every_test_run_leaves_a_redacted_log_named_in_run_json(tmp_path: Path) -> None:
    """The baseline, each fix and each mutant: one log each in the review folder's `checks/`,
    with the command, what was applied and the whole output, secrets masked."""
    repo = make_python_repo(tmp_path, strong=False)
    token = "tok-" + "7" * 24
    suite = tmp_path / "talky_suite.py"
    suite.write_text(
        "import os, sys\nsys.path.insert(0, os.getcwd())\nimport ages\n"
        "print('token is', os.environ.get('FAKE_API_TOKEN'))\n"
        "print('checking 40 and 5')\n"
        "assert ages.is_adult(40) and not ages.is_adult(5), 'the ages are wrong'\n",
        encoding="utf-8",
    )
    env = seat_config(
        tmp_path, review_text([("Use 21", BAD_FIX)]), '[checks]\nenv = ["FAKE_API_TOKEN"]\n'
    )
    env["FAKE_API_TOKEN"] = token
    cmd = f"{sys.executable} {suite}"
    out = _review(repo, env, "--check-fixes", "--probe-tests", "--test-cmd", cmd)
    run = json.loads((out["dir"] / "run.json").read_text(encoding="utf-8"))["checks"]

    assert run["baseline_log"] == "checks/baseline.log"
    baseline = (out["dir"] / run["baseline_log"]).read_text(encoding="utf-8")
    assert f"$ {cmd}\n" in baseline
    assert "checking 40 and 5" in baseline and "outcome: pass" in baseline
    assert token not in baseline and "token is [REDACTED]" in baseline

    [fix] = run["fix_checks"]
    assert fix["log"] == "checks/fix-1.log"
    text = (out["dir"] / fix["log"]).read_text(encoding="utf-8")
    assert "+    return age >= 21" in text  # the fix as it was applied
    assert "checking 40 and 5" in text

    mutants = run["mutants"]
    assert [m["log"] for m in mutants] == [f"checks/mutant-{n}.log" for n in range(1, 5)]
    killed = next(m for m in mutants if m["status"] == "killed")
    text = (out["dir"] / killed["log"]).read_text(encoding="utf-8")
    assert f"with {killed['path']}:{killed['line']} mutated ({killed['operator']})" in text
    assert "the ages are wrong" in text and "outcome: fail" in text
    for log in (out["dir"] / "checks").iterdir():
        assert token not in log.read_text(encoding="utf-8")
    # The report's JSON names them too (the same record as run.json's).
    assert out["json"]["checks"]["baseline_log"] == "checks/baseline.log"


def test_a_fix_placed_by_us_says_so_when_the_baseline_times_out(tmp_path: Path) -> None:
    """The tests time out without any fix, so the fix's tests never run: its badge and its JSON
    say both why they did not run and where the fix without line numbers was placed."""
    repo = _clamp_repo(tmp_path)
    review = review_text([("clamp returns lo above hi", CLAMP_FIX, "clamp.py:5")])
    env = seat_config(tmp_path, review, "[checks]\ntimeout = 1\n")
    hang = f"{sys.executable} -c 'import time; time.sleep(120)'"
    out = _review(repo, env, "--check-fixes", "--test-cmd", hang)
    [finding] = out["json"]["findings"]
    check = finding["fix_check"]
    assert (check["applies"], check["tests"]) == (True, "not run")
    assert check["reason"] == "the tests time out without any fix"
    assert check["anchor_note"] == "re-anchored at clamp.py:5"
    badge = (
        "fix: applies (re-anchored at clamp.py:5) · "
        "tests not run (the tests time out without any fix)"
    )
    assert f"`{badge}`" in out["md"]
    assert f"{badge}</span>" in out["html"]
    run = json.loads((out["dir"] / "run.json").read_text(encoding="utf-8"))["checks"]
    assert run["fix_checks"][0]["anchor_note"] == "re-anchored at clamp.py:5"
