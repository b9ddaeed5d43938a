"""A maintainer's own ~/.gitconfig shapes `git diff`'s output (`diff.noprefix`, `diff.context`,
`diff.orderFile`): the diff a review reads and hands the seats is git's standard one all the
same, so its file headers still name the files, the seats still see the lines around each
change, and its files come in path order."""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes
from support.repos import make_repo

GITCONFIG = """[diff]
\tnoprefix = true
\tcontext = 0
\tsrcPrefix = SRC/
\tdstPrefix = DST/
\torderFile = {order}
"""


def test_the_users_diff_settings_do_not_reshape_the_reviewed_diff(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)  # feature/x: calc.py gains `sub`, util/strings.py is new
    gitconfig = tmp_path / "gitconfig"
    order = tmp_path / "order.txt"  # util/ first: the diff's order would be the user's
    order.write_text("util/strings.py\ncalc.py\n", encoding="utf-8")
    gitconfig.write_text(GITCONFIG.format(order=order), encoding="utf-8")
    fakes = Fakes(tmp_path)
    # room for calc.py's diff, not for both: the other file, later in path order, is listed
    fakes.write_config({"echo": fakes.seat("ok")}, review={"diff_budget": 250})
    res = fakes.review(
        repo, "--agents", "echo", env=fakes.env({"GIT_CONFIG_GLOBAL": str(gitconfig)})
    )
    assert res.returncode == 0, res.stderr
    prompt = (Path(res.json()["review_dir"]) / "prompt-echo.md").read_text(encoding="utf-8")
    assert "diff --git a/calc.py b/calc.py" in prompt, prompt
    assert "\n def add(a, b):\n" in prompt  # a context line: three of them, as git's default
    listed = prompt.split("Files not inlined", 1)[1].split("## Output format", 1)[0]
    assert "`util/strings.py`" in listed, listed
    assert "diff --git" not in listed and "diff --git" not in res.stderr
