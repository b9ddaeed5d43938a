"""A change's own `.gitattributes` must not decide what its reviewers see.

`backdoor.py -diff` (or `binary`) in the change made git print "Binary files … differ" for a
text file: every seat's prompt showed no line of it and the static seat skipped it, so a
committed secret went unreported. And what git showed depended on the user's checkout (its
`.gitattributes` is what `git diff A B` reads). The diffs are now taken with attributes
ignored: a file is binary when its bytes are, and a text file the change marks `-diff` is
flagged as hidden by the change.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakebin.harness import Fakes, run_json
from support.repos import commit_all, git, make_repo, write

_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
_BACKDOOR = (
    f'import os\nAWS_SECRET_ACCESS_KEY = "{_SECRET}"\n\n\ndef run(c):\n    x = undefined_name\n'
)


def _sneaky(tmp_path: Path, attributes: str = "backdoor.py -diff\n") -> Path:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "main")
    # The base's own attributes: its checkout used to decide how the lock file read.
    write(repo, ".gitattributes", "*.lock -diff\n")
    write(repo, "deps.lock", "a==1\n")
    commit_all(repo, "base attributes")
    git(repo, "checkout", "-q", "-b", "sneaky")
    write(repo, "backdoor.py", _BACKDOOR)
    write(repo, "deps.lock", "a==2\n")
    write(repo, "logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    write(repo, ".gitattributes", "*.lock -diff\n" + attributes)
    commit_all(repo, "helper")
    return repo


def _review(tmp_path: Path, repo: Path, *args: str) -> tuple[dict, str, str]:  # type: ignore[type-arg]
    fakes = Fakes(tmp_path)
    fakes.write_config({"echo": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "echo,static", *args)
    assert res.returncode == 0, res.stderr
    out = res.json()
    prompt = (Path(out["review_dir"]) / "prompt-echo.md").read_text()
    return out, prompt, res.stderr


def _rows(prompt: str) -> dict[str, str]:
    return {ln.split(" | ")[0][2:]: ln for ln in prompt.splitlines() if ln.startswith("| `")}


def _assert_reviewed_as_text(out: dict, prompt: str, stderr: str) -> None:  # type: ignore[type-arg]
    assert "+    x = undefined_name" in prompt
    assert "Binary files /dev/null and b/backdoor.py differ" not in prompt
    # the base's `*.lock -diff` does not hide the lock file either, whatever is checked out
    assert "+a==2" in prompt
    assert "Binary files a/logo.png and b/logo.png differ" in prompt or (
        "Binary files /dev/null and b/logo.png differ" in prompt
    )
    rows = _rows(prompt)
    assert "binary" not in rows["`backdoor.py`"], rows
    assert "the change hides this file's diff" in rows["`backdoor.py`"], rows
    assert "binary" in rows["`logo.png`"], rows
    assert "hides" not in rows["`deps.lock`"], rows
    report = json.loads(Path(out["paths"]["json"]).read_text())
    titles = " ".join(f["title"] for f in report["findings"])
    assert "secret" in titles.lower(), titles  # the static seat read the file
    notes = " ".join(report["notes"]).lower()
    assert "the change hides this file's diff" in notes and "backdoor.py" in notes, notes
    assert "backdoor.py" in stderr and "hides" in stderr
    assert _SECRET not in Path(out["paths"]["md"]).read_text()
    state = run_json(Path(out["review_dir"]))
    hidden = [f["path"] for f in state["target"]["changed_files"] if f.get("hidden")]
    assert hidden == ["backdoor.py"]


@pytest.mark.slow
def test_the_change_cannot_hide_a_file_from_its_reviewers(tmp_path: Path) -> None:
    repo = _sneaky(tmp_path)
    _assert_reviewed_as_text(*_review(tmp_path, repo))


@pytest.mark.slow
def test_what_reviewers_see_does_not_depend_on_the_checkout(tmp_path: Path) -> None:
    repo = _sneaky(tmp_path, "backdoor.py binary\n")
    git(repo, "checkout", "-q", "main")
    _assert_reviewed_as_text(*_review(tmp_path, repo, "main..sneaky"))
