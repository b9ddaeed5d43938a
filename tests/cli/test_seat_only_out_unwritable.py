"""`review --seat-only NAME --out DIR` where DIR cannot be made (a file in its path; a read-only
mount words its fix as "remount it writable") is refused before the review starts: one line,
exit 2, no "Reviewing … result to DIR" said first as if the seat were about to run."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, make_repo, run_cli

CLEAN = ["sh", "-c", "cat >/dev/null; echo '## Findings'; echo; echo 'No issues found.'"]


def test_an_out_folder_that_cannot_be_made_is_refused_before_the_review(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (tmp_path / "user-config.toml").write_text(f"[seats.alpha]\nargv = {json.dumps(CLEAN)}\n")
    (tmp_path / "a-file").write_text("not a folder\n")
    out = tmp_path / "a-file" / "seat"
    res = run_cli(
        ["review", "--agents", "alpha", "--seat-only", "alpha", "--out", str(out)],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 2, res.stderr
    assert res.stderr.splitlines() == [
        f"deep-review: error: cannot write the seat result folder {out}: Not a directory; a "
        "part of that path is a file, not a folder: move it away or pass another --out DIR"
    ]
