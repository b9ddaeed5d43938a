"""Trial 56b through the real `deep-review review`: a seat that fell short of a whole review is
said so wherever the review is judged or its seats are shown.

- A seat stopped by its timeout after writing findings stays failed (its text is not read for
  findings), but the change is then not approved: the findings it wrote were never judged, and
  `--fail-on` does not pass the review. One whose text holds no finding fails as before.
"""

from __future__ import annotations

import json
from pathlib import Path

from support.printing_seats import NO_FINDINGS, review_printed
from support.repos import cli_env, make_repo, run_cli

CRITICAL_THEN_HANG = (
    "## Findings\n\n### Critical Issues\n\n**C1. `sub` drops the sign** — `calc.py:5`\n\n"
    "`sub(-1, 2)` returns the wrong value for every negative input.\n\n(critical, regression)\n"
)


def _with_slow_seat(tmp: Path, slow_text: str, *args: str):  # type: ignore[no-untyped-def]
    """A review by `alpha` (a clean review) and `slow`, which prints `slow_text` and then hangs
    past its 1.5 s timeout."""
    alpha, slow = tmp / "alpha.out", tmp / "slow.out"
    alpha.write_text(NO_FINDINGS, encoding="utf-8")
    slow.write_text(slow_text, encoding="utf-8")
    config = (
        f"[seats.alpha]\nargv = {json.dumps(['sh', '-c', f'cat >/dev/null; cat {alpha}'])}\n\n"
        "[seats.slow]\n"
        f"argv = {json.dumps(['sh', '-c', f'cat >/dev/null; cat {slow}; sleep 30'])}\n"
        "timeout = 1.5\n"
    )
    (tmp / "user-config.toml").write_text(config, encoding="utf-8")
    repo = make_repo(tmp)
    res = run_cli(
        ["review", "--agents", "alpha,slow", "--lead", "none", "--json", *args],
        cwd=repo,
        env=cli_env(tmp),
    )
    out = res.json()
    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    return res, out, report


def test_a_seat_timed_out_after_writing_findings_is_no_approval(tmp_path: Path) -> None:
    res, out, report = _with_slow_seat(tmp_path, CRITICAL_THEN_HANG, "--fail-on", "important")
    slow = next(s for s in out["seats"] if s["seat"] == "slow")
    assert slow["status"] == "timeout"  # still failed: a timed-out program fails
    assert report["findings"] == []  # its text is not read for findings
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Unverified", verdict
    assert "Slow timed out after writing findings that were not judged" in verdict["reason"]
    assert "1 of 2 seats failed" in verdict["reason"]
    assert res.returncode == 4, res.stderr
    assert "not judged" in res.stderr


def test_a_seat_timed_out_before_writing_findings_fails_as_before(tmp_path: Path) -> None:
    res, _, report = _with_slow_seat(
        tmp_path, "Let me look at `calc.py` first.\n", "--fail-on", "important"
    )
    assert report["header"]["verdict"] == {
        "label": "Merge as-is",
        "reason": "no issues found; 1 of 2 seats failed",
    }
    assert res.returncode == 0, res.stderr


CUT_OFF = (
    "## Important Issues\n\n- **I1** `calc.py:5` — `sub` drops the sign of negative inputs, "
    "which means every caller that passes a negative and the rest of the"
)


def test_a_cut_off_review_is_said_wherever_its_seat_is_shown(tmp_path: Path) -> None:
    res, out, report = review_printed(tmp_path, {"beta": NO_FINDINGS, "zeta": CUT_OFF})
    assert report["header"]["verdict"]["reason"].endswith("Zeta's review is cut off")
    seats = {s["seat"]: s for s in out["seats"]}
    assert seats["beta"]["status"] == "ok" and seats["beta"]["reason"] is None
    assert seats["zeta"]["status"] == "ok"  # its review was read: no failure
    assert seats["zeta"]["reason"] == "review cut off"
    assert "[zeta] ok: review cut off (" in res.stderr  # the live line
    run = json.loads((Path(out["paths"]["json"]).with_suffix("") / "run.json").read_text())
    assert run["seats"]["zeta"]["status"] == "ok"
    assert run["seats"]["zeta"]["reason"] == "review cut off"
    assert run["seats"]["zeta"]["run"]["reason"] == "review cut off"
    runs = {r["seat"]: r for r in report["runs"]}
    assert runs["zeta"]["reason"] == "review cut off"
    html = Path(out["paths"]["html"]).read_text(encoding="utf-8")
    assert '<div class="reason">review cut off</div>' in html
    zeta = next(s for s in report["retro"]["seats"] if s["seat"] == "zeta")
    assert "cut off" in zeta["narrative"]
    repo, env = tmp_path / "repo", cli_env(tmp_path)
    listed = run_cli(["list", "--json"], cwd=repo, env=env).json()["reviews"]
    assert listed[0]["verdict"] == "Merge with fixes (Zeta's review is cut off)"


def test_a_seat_whose_findings_could_not_be_read_says_so_in_its_reason(tmp_path: Path) -> None:
    # (the place in the paragraph's second sentence: a paragraph of its own led by its place
    # is a finding since fp65)
    prose = (
        "Reviewed both files. The one problem: `calc.py:5` — `sub` is broken for negative "
        "inputs.\n\nOtherwise, no issues found.\n"
    )
    res, out, report = review_printed(tmp_path, {"alpha": prose})
    assert "Alpha's findings could not be read" in report["header"]["verdict"]["reason"]
    alpha = out["seats"][0]
    assert (alpha["status"], alpha["reason"]) == ("ok", "findings text could not be read")
    assert "[alpha] ok: findings text could not be read (" in res.stderr
