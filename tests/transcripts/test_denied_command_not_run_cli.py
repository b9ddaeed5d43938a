"""A shell command the CLI refused never ran: the retro and the run's breakdown leave it out.

The fake `claude` in `denial` mode makes 5 Bash calls; its first, `git blame calc.py && touch
x`, is refused (listed under the result's `permission_denials`), its second is `git blame
calc.py`, which ran. Through the real `review` command.
"""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes, run_json
from support.repos import make_repo


def test_a_denied_git_blame_is_not_counted_as_run(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent("claude", {"mode": "denial", "tools": 5})
    fakes.write_config({})
    res = fakes.review(repo, "--agents", "claude", "--lead", "none", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    run = run_json(Path(res.json()["review_dir"]))["seats"]["claude"]["run"]
    assert (run["tool_calls"], run["permission_denials"]) == (5, 1)
    # the commands that ran: the refused one is not among them
    assert sorted(run["shell_breakdown"]) == [
        ["git blame", 1],
        ["git diff", 1],
        ["git show", 1],
        ["rg", 1],
    ]
    report = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    assert "Ran 1 `git blame` command. 1 tool call denied (`git blame calc.py && touch x`)." in (
        report
    ), report
    assert run["denied_commands"] == ["git blame calc.py && touch x"]
    assert "Ran 2 `git blame`" not in report
