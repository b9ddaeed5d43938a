"""Issue 11 §4 through the real `deep-review review`: what the report says must be true.

A seat that prints no review fails ("unparseable review"); a static-only run says no model
reviewed it; failed seats are counted in the verdict line and never listed as reviewers.
"""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

from support.repos import cli_env, commit_all, make_repo, run_cli, write

GOOD_REVIEW = (
    "## Executive Summary\n\nSmall helper functions; nothing wrong with them.\n\n"
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
    "### Suggestions\n\nNone.\n"
)


def _config(tmp: Path, seats: dict[str, str]) -> None:
    """One `command` seat per name, printing the given text (read from a file)."""
    lines = []
    for name, text in seats.items():
        out = tmp / f"{name}.out"
        out.write_text(text, encoding="utf-8")
        argv = ["sh", "-c", f"cat >/dev/null; cat '{out}'"]
        lines.append(f"[seats.{name}]\nargv = {json.dumps(argv)}\n")
    (tmp / "user-config.toml").write_text("\n".join(lines), encoding="utf-8")


def _noise(n: int) -> str:
    rng = random.Random(11)
    alphabet = string.ascii_letters + string.digits + " .,;:!?-_()[]{}"
    return "".join(rng.choice(alphabet) for _ in range(n))


def _review(tmp: Path, repo: Path, agents: str) -> tuple[int, dict, dict, str]:  # type: ignore[type-arg]
    res = run_cli(
        ["review", "--agents", agents, "--lead", "none", "--json"], cwd=repo, env=cli_env(tmp)
    )
    out = res.json()
    report = json.loads(Path(out["paths"]["json"]).read_text()) if out["paths"].get("json") else {}
    md = Path(out["paths"]["md"]).read_text() if out["paths"].get("md") else ""
    return res.returncode, out, report, md


def test_seats_printing_garbage_fail_as_unparseable(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    _config(
        tmp_path,
        {
            "ratelimited": "I could not access the repository. Error: rate limit exceeded.\n",
            "noise": _noise(3000),
            "terse": "No issues found.\n",
            "good": GOOD_REVIEW,
        },
    )
    code, out, report, md = _review(tmp_path, repo, "ratelimited,noise,terse,good")
    assert code == 0
    seats = {s["seat"]: s for s in out["seats"]}
    for bad in ("ratelimited", "noise"):
        assert (seats[bad]["status"], seats[bad]["reason"]) == ("failed", "unparseable review")
    assert seats["terse"]["status"] == "ok" and seats["good"]["status"] == "ok"
    # The raw output is kept.
    review_dir = Path(out["review_dir"])
    kept = (review_dir / "review-ratelimited-pass-1.md").read_text()
    assert "rate limit exceeded" in kept
    run = json.loads((review_dir / "run.json").read_text())
    assert run["seats"]["noise"]["reason"] == "unparseable review"
    # Shown as failed, counted in the verdict, and no reviewer.
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge as-is"
    assert verdict["reason"].endswith("; 2 of 4 seats failed")
    assert [r["seat"] for r in report["header"]["reviewers"]] == ["terse", "good"]
    assert "| **Reviewers** | Terse, Good |" in md
    assert "Seat ratelimited failed: unparseable review." in md
    assert "2 of 4 seats failed" in md.split("## Executive Summary", 1)[0]
    index = (Path(out["store"]) / "index.html").read_text()
    assert "Ratelimited" not in index and "Noise" not in index


def test_all_seats_unparseable_exits_3(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    _config(tmp_path, {"a": "Error: rate limit exceeded.\n", "b": _noise(500)})
    code, out, report, _md = _review(tmp_path, repo, "a,b")
    assert code == 3
    assert [s["status"] for s in out["seats"]] == ["failed", "failed"]
    assert report["header"]["verdict"]["label"] == "Failed"


def test_static_only_review_says_no_model_reviewed_it(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)  # adds two clean functions: the analyzers find nothing
    code, out, report, md = _review(tmp_path, repo, "static")
    assert code == 0
    verdict = report["header"]["verdict"]
    assert verdict == {"label": "No model review", "reason": "static checks found nothing"}
    assert out["verdict"] == "No model review"
    assert "| **Verdict** | **No model review** — static checks found nothing |" in md


def test_static_only_review_with_findings_still_says_so(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(repo, "svc.py", "import os\n")  # unused import: a suggestion only
    commit_all(repo, "Add svc")
    _code, _out, report, _md = _review(tmp_path, repo, "static")
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "No model review"
    assert verdict["reason"].startswith("static checks found only S1")
    write(repo, "bad.py", "def f(:\n")  # a syntax error: important or worse
    commit_all(repo, "Add bad")
    _code, _out, report, _md = _review(tmp_path, repo, "static")
    verdict = report["header"]["verdict"]
    assert verdict["label"] in ("Rework", "Merge with fixes")
    assert verdict["reason"].endswith("no model reviewed this change (static checks only)")


def test_static_with_a_model_seat_is_a_plain_verdict(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    _config(tmp_path, {"good": GOOD_REVIEW})
    _code, _out, report, _md = _review(tmp_path, repo, "static,good")
    assert report["header"]["verdict"] == {"label": "Merge as-is", "reason": "no issues found"}
