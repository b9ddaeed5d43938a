"""A seat whose whole output is an error message (trial 50b #6, trial 50a #12).

An error line with no review structure is no review: "unparseable review", with its text quoted,
whether or not it ends with a full stop ("unfinished review" would say the seat ran out of turns
or time and suggest a longer timeout). A seat that prints its error on stdout and exits 1 is
quoted as one that prints it on stderr is: its reason names the error, not only the exit code."""

from __future__ import annotations

import sys
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import make_repo

RATE_LIMIT = "429 Too Many Requests: rate limit exceeded, retry after 60s"


def _printing(text: str, code: int = 0) -> dict[str, list[str]]:
    """A command seat that prints `text` on stdout and exits with `code`."""
    script = f"import sys; print({text!r}); sys.exit({code})"
    return {"argv": [sys.executable, "-c", script]}


def test_a_short_error_line_is_an_unparseable_review_with_or_without_its_full_stop(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config(
        {
            "nostop": _printing(RATE_LIMIT),
            "stop": _printing(RATE_LIMIT + "."),
            "good": fakes.seat("ok"),
        }
    )
    res = fakes.review(repo, "--agents", "nostop,stop,good")
    assert res.returncode == 0, res.stderr
    out = res.json()
    seats = {s["seat"]: s for s in out["seats"]}
    assert (seats["nostop"]["status"], seats["nostop"]["reason"]) == (
        "failed",
        "unparseable review",
    )
    assert seats["stop"]["reason"] == "unparseable review"
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert f"Seat Nostop failed: unparseable review (it said: “{RATE_LIMIT}”)" in md
    assert f"Seat Stop failed: unparseable review (it said: “{RATE_LIMIT}.”)" in md


def test_an_error_on_stdout_with_exit_1_is_quoted_in_the_reason(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    error = "Error: 429 Too Many Requests (rate limit exceeded, retry in 60s)"
    fakes.write_config({"rl": _printing(error, 1), "good": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "rl,good")
    assert res.returncode == 0, res.stderr
    out = res.json()
    rl = {s["seat"]: s for s in out["seats"]}["rl"]
    assert (rl["status"], rl["reason"]) == ("failed", f"exited with code 1: {error}")
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert f"Seat Rl failed: exited with code 1: {error}" in md


def test_stderr_is_quoted_before_stdout_and_a_review_on_stdout_keeps_the_plain_exit(
    tmp_path: Path,
) -> None:
    """Its stderr, where it has one, says why; a review printed with exit 1 (a linter's
    "problems found") is used, its note the exit code alone."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    both = "import sys; print('Working on it'); sys.stderr.write('fatal: no token\\n'); sys.exit(1)"
    fakes.write_config(
        {
            "both": {"argv": [sys.executable, "-c", both]},
            "lint": fakes.seat("ok", "--exit-code", "1"),
        }
    )
    res = fakes.review(repo, "--agents", "both,lint")
    assert res.returncode == 0, res.stderr
    seats = {s["seat"]: s for s in res.json()["seats"]}
    assert seats["both"]["reason"] == "exited with code 1: fatal: no token"
    assert (seats["lint"]["status"], seats["lint"]["reason"]) == ("ok", "exited with code 1")
