"""The change cannot silence the static seat with its own suppression comments.

The seat runs ruff `--isolated` so the reviewed repository cannot change the rule set; a
`# ruff: noqa` / `# noqa` or detect-secrets' `# pragma: allowlist secret` that the change adds
is the same untrusted input. With them, the same code must give the same findings, and the
secrets flagged must still be masked in every stored file.
"""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, commit_all, make_repo, run_cli, write

PASSWORD = "hunter2hunter2X9"
AWS = "AKIAIOSFODNN7EXAMPLQ"
CODE = (
    "import subprocess\n"
    f'PASSWORD = "{PASSWORD}"{{tag}}\n'
    f'AWS = "{AWS}"{{tag}}\n'
    "def run(cmd):\n"
    "    subprocess.call(cmd, shell=True){noqa}\n"
    "    return eval(cmd){noqa}\n"
)


def _static_review(tmp_path: Path, text: str) -> tuple[dict, Path]:
    repo = make_repo(tmp_path)
    write(repo, "hidden.py", text)
    commit_all(repo, "add hidden")
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode in (0, 3), res.stderr
    out = res.json()
    static = json.loads((Path(out["review_dir"]) / "review-static-pass-1.json").read_text())
    return static, Path(out["store"])


def _rules(static: dict) -> set[tuple[str, int]]:
    return {
        (f["title"].split(":")[0], loc["start"])
        for f in static["findings"]
        for loc in f["locations"]
        if loc["path"] == "hidden.py"
    }


def test_suppression_comments_the_change_adds_do_not_silence_the_static_seat(
    tmp_path: Path,
) -> None:
    plain, _ = _static_review(tmp_path / "plain", CODE.format(tag="", noqa=""))
    hidden_text = "# ruff: noqa\n" + CODE.format(
        tag="  # pragma: allowlist secret", noqa="  # noqa"
    )
    hidden, store = _static_review(tmp_path / "hidden", hidden_text)
    lines = {line for _, line in _rules(plain)}
    # the unsuppressed file: both secrets, shell=True and eval
    assert {2, 3, 5, 6} <= lines, plain["findings"]
    # one line more at the top: the same findings, one line lower
    hidden_lines = {line for _, line in _rules(hidden)}
    assert hidden_lines >= {n + 1 for n in (2, 3, 5, 6)}, hidden["findings"]
    # and the values it flagged are masked in every stored file
    for path in (p for p in store.rglob("*") if p.is_file() and p.suffix != ".sqlite"):
        text = path.read_text(errors="replace")
        assert PASSWORD not in text and AWS not in text, path
