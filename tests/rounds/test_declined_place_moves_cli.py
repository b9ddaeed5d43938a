"""A declined finding's place follows its code: lines added above it since it was declined
move it (git's line diff from its review's SHA, as a carried finding's lines move), so a later
round tells the declined finding raised again at its new line from another problem of that
title at the line it had when declined. Before, the decline kept its old line: of two findings
of its title, the one nearest that line was taken as declined (a new problem in the code added
there, left out of the report) and the re-raise of the declined one reported as new; its
Declined entry and the seats' prompt named a line holding other code. All through the real
`deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import commit_all, git, run_cli, write
from support.rounds import ROUND1, rewrite_history, run_round, stored

_REASON = "by design: callers validate the divisor"
# `ratio` added above `div`: div's division, declined at line 3, is at line 7 now, and
# ratio's own division (a new problem) at line 3.
_MOVED = "def ratio(x, y):\n    return x / y\n\n\ndef div(a, b):\n    # divide\n    return a / b\n"


def _two_at_one_title(new_line: int, old_line: int) -> str:
    """A review raising "Division by zero is not handled" twice: ratio's (new) at `new_line`,
    div's (the declined one raised again) at `old_line`, each worded its own way."""
    items = (
        f"I1. **Division by zero is not handled** — `calc.py:{new_line}` (important, regression)"
        "\n\n`ratio(1, 0)` raises ZeroDivisionError too, a new function with the same flaw.\n\n"
        f"I2. **Division by zero is not handled** — `calc.py:{old_line}` (important, regression)"
        "\n\n`div` still has no guard for `b == 0`."
    )
    return ROUND1.split("### Important Issues", 1)[0] + (
        f"### Important Issues\n\n{items}\n\n### Suggestions\n\nNone.\n"
    )


def _declined_then_moved(tmp_path: Path) -> tuple[Fakes, Path, str]:
    """Round 1 raises div's zero divisor (calc.py:3), the author declines it, round 2 (an
    unrelated change) leaves it out, then `ratio` is added above `div`."""
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    res = run_cli(["decline", rid1, "I1", "--reason", _REASON], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    write(repo, "notes.txt", "unrelated\n")
    commit_all(repo, "Add notes")
    run_round(fakes, repo, ROUND1)
    write(repo, "calc.py", _MOVED)
    commit_all(repo, "Add ratio above div")
    return fakes, repo, rid1


def _third(fakes: Fakes, repo: Path) -> tuple[dict[str, Any], str, str]:
    out = run_round(fakes, repo, _two_at_one_title(3, 7))
    data: dict[str, Any] = json.loads(stored(fakes, out["review_id"], ".json"))
    prompt = (Path(out["review_dir"]) / "prompt-alpha.md").read_text(encoding="utf-8")
    return data, stored(fakes, out["review_id"], ".md"), prompt


def _check(data: dict[str, Any], md: str, prompt: str) -> None:
    # ratio's division is reported, the declined one (at line 7 now) left out
    [reported] = data["findings"]
    assert (reported["body"].split(" raises")[0], reported["carry_forward"]) == (
        "`ratio(1, 0)`",
        "new",
    )
    [declined] = data["round_info"]["declined"]
    assert declined["location"] == "calc.py:7"
    assert declined["raised_again"] is True
    assert declined["code_changed"] is False  # lines added above it changed none of its own
    assert (
        f"**Division by zero is not handled** — `calc.py:7` — declined round 1: {_REASON}"
        in (md.split("### Declined in prior rounds", 1)[1])
    )
    # the seats were told where the declined finding is now
    declined_listed = prompt.split("### Declined findings", 1)[1]
    assert "`calc.py:7`" in declined_listed and "calc.py:3" not in declined_listed


def test_a_declined_finding_raised_again_at_its_moved_line_stays_declined(
    tmp_path: Path,
) -> None:
    fakes, repo, _ = _declined_then_moved(tmp_path)
    _check(*_third(fakes, repo))


def test_after_a_rebase_took_its_commit_away_the_kept_lines_place_it(tmp_path: Path) -> None:
    """Its review's SHA gone (rebased onto a moved main, old commits let go): the declined
    lines' text, kept when `decline` ran, is found at line 7 now (the one place holding it:
    held at several, the decline would stay where it was)."""
    fakes, repo, _ = _declined_then_moved(tmp_path)
    rewrite_history(repo)
    assert git(repo, "log", "--format=%s").splitlines()[0] == "Add ratio above div"
    _check(*_third(fakes, repo))


def test_a_decline_at_its_unmoved_line_is_unchanged(tmp_path: Path) -> None:
    """Lines added below the declined code move nothing: it stays at line 3."""
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    res = run_cli(["decline", rid1, "I1", "--reason", _REASON], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b\n\n\nX = 1\n")
    commit_all(repo, "Add X below")
    out = run_round(fakes, repo, ROUND1)
    data = json.loads(stored(fakes, out["review_id"], ".json"))
    assert data["findings"] == []
    [declined] = data["round_info"]["declined"]
    assert (declined["location"], declined["raised_again"]) == ("calc.py:3", True)


def test_moved_and_changed_it_is_open_again_at_its_new_line(tmp_path: Path) -> None:
    """Moved down and its own line changed: whether its code changed is told at the line it
    was declined at, in its review's commit — it changed, so the re-raise is open again."""
    fakes, repo, _ = _declined_then_moved(tmp_path)
    write(repo, "calc.py", _MOVED.replace("return a / b", "return (a / b)"))
    commit_all(repo, "Parenthesise")
    out = run_round(fakes, repo, ROUND1.replace("calc.py:3", "calc.py:7"))
    data = json.loads(stored(fakes, out["review_id"], ".json"))
    assert [(f["locations"][0]["start"], f["carry_forward"]) for f in data["findings"]] == [
        (7, "declined, code changed")
    ]
    [declined] = data["round_info"]["declined"]
    assert (declined["location"], declined["code_changed"]) == ("calc.py:7", True)
