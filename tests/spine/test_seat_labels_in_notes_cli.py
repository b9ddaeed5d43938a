"""Through the real `deep-review review --lead none`: the notes on a failed seat name it as the
report names its reviewers (its label), in the Markdown report and the SARIF log alike, with
the seat's ID beside the label only where two seats share it."""

from __future__ import annotations

import json
from pathlib import Path

import tomli_w

from support.repos import cli_env, make_repo, run_cli

OK = ["sh", "-c", "cat >/dev/null; echo '## Important'; echo; echo '- **a bug** - calc.py:2'"]
FAIL = ["sh", "-c", "cat >/dev/null; echo 'quota exceeded' >&2; exit 1"]


def _notes(tmp_path: Path, seats: dict[str, dict[str, object]]) -> tuple[str, str]:
    """The Markdown report above the appendix, and the SARIF log's notifications."""
    repo = make_repo(tmp_path)
    (tmp_path / "user-config.toml").write_text(tomli_w.dumps({"seats": seats}), encoding="utf-8")
    env = cli_env(tmp_path)
    res = run_cli(
        ["review", "--agents", ",".join(seats), "--lead", "none", "--json"], cwd=repo, env=env
    )
    assert res.returncode in (0, 1), res.stderr[-3000:]
    md = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8").split("## Appendix", 1)[0]
    shown = run_cli(["show", res.json()["review_id"], "--format", "sarif"], cwd=repo, env=env)
    assert shown.returncode == 0, shown.stderr
    (run,) = json.loads(shown.stdout)["runs"]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    return md, "\n".join(n["message"]["text"] for n in notes)


def test_a_failed_seat_is_named_by_its_label(tmp_path: Path) -> None:
    seats = {
        "alpha-1": {"argv": FAIL, "display_name": "Alpha Linter"},
        "bravo": {"argv": OK, "display_name": "Bravo"},
    }
    md, sarif = _notes(tmp_path, seats)
    assert "Seat Alpha Linter failed" in md, md
    assert "Seat alpha-1" not in md, md
    assert "Seat Alpha Linter failed" in sarif, sarif


def test_two_seats_sharing_a_label_keep_their_ids(tmp_path: Path) -> None:
    seats = {
        "lint-1": {"argv": FAIL, "display_name": "Linter"},
        "lint-2": {"argv": OK, "display_name": "Linter"},
    }
    md, sarif = _notes(tmp_path, seats)
    assert "Seat Linter (lint-1) failed" in md, md
    assert "Seat Linter (lint-1) failed" in sarif, sarif
