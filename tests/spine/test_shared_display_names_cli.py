"""Two seats given one `display_name` are told apart in every output (trial 53): they were
`[Reviewer, Reviewer]` in the header, two `### [Reviewer]` retro entries and reviewers by name
only in the JSON. As the notes already did (`Seat Linter (lint-1) failed`), each is named with
its seat ID beside the shared name. Through the real `deep-review review --lead none`."""

from __future__ import annotations

import json
from pathlib import Path

import tomli_w

from support.repos import cli_env, make_repo, run_cli

ONE = ["sh", "-c", "cat >/dev/null; echo '## Important'; echo; echo '- **a bug** - calc.py:2'"]
TWO = ["sh", "-c", "cat >/dev/null; echo '## Important'; echo; echo '- **a typo** - calc.py:4'"]


def test_two_seats_sharing_a_display_name_are_told_apart(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    seats = {
        "one": {"argv": ONE, "display_name": "Reviewer"},
        "two": {"argv": TWO, "display_name": "Reviewer"},
    }
    (tmp_path / "user-config.toml").write_text(tomli_w.dumps({"seats": seats}), encoding="utf-8")
    env = cli_env(tmp_path)
    res = run_cli(["review", "--agents", "one,two", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr[-3000:]
    paths = res.json()["paths"]
    report = json.loads(Path(paths["json"]).read_text(encoding="utf-8"))
    names = sorted(r["name"] for r in report["header"]["reviewers"])
    assert names == ["Reviewer (one)", "Reviewer (two)"], names
    credited = {s["reviewer"] for f in report["findings"] for s in f["sources"]}
    assert credited == {"Reviewer (one)", "Reviewer (two)"}, credited
    md = Path(paths["md"]).read_text(encoding="utf-8")
    retro = md[md.index("## Agent Performance Retro") :]
    assert "### [Reviewer (one)]" in retro and "### [Reviewer (two)]" in retro, retro
    assert "### [Reviewer]" not in retro
