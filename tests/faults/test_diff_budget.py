"""The seats' prompt under the diff budget: every file that fits is inlined, whatever comes
before it; the others are listed by name (a rename with its old name)."""

from __future__ import annotations

import os
from pathlib import Path

from deepreview.prompts.review import split_diff
from fakebin.harness import Fakes
from support.repos import commit_all, git, make_repo, write


def _prompt(fakes: Fakes, repo: Path, *args: str) -> str:
    res = fakes.review(repo, "--agents", "echo", *args)
    assert res.returncode == 0, res.stderr
    out = res.json()
    return (Path(out["review_dir"]) / "prompt-echo.md").read_text()


def test_a_big_lock_file_does_not_push_later_files_out(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "lock", "main")
    lines = [f'    "node_modules/pkg-{i}": {{"version": "1.0.{i}"}},' for i in range(9000)]
    write(repo, "package-lock.json", "{\n" + "\n".join(lines) + "\n}\n")
    assert os.path.getsize(repo / "package-lock.json") > 390_000
    write(repo, "src/app.py", "def run(x):\n    return eval(x)\n")
    commit_all(repo, "lock file and app")
    fakes = Fakes(tmp_path)
    fakes.write_config({"echo": fakes.seat("ok")})
    prompt = _prompt(fakes, repo)
    assert "+    return eval(x)" in prompt  # the small file after the big one is inlined
    listed = prompt.split("Files not inlined", 1)[1].split("## Output format", 1)[0]
    assert "`package-lock.json`" in listed
    assert "src/app.py" not in listed


def _chunk(path: str, body_lines: int, old: str | None = None) -> str:
    head = f"diff --git a/{old or path} b/{path}\n"
    if old:
        head += f"similarity index 90%\nrename from {old}\nrename to {path}\n"
    head += f"--- a/{old or path}\n+++ b/{path}\n@@ -0,0 +1,{body_lines} @@\n"
    return head + "".join(f"+line {i}\n" for i in range(body_lines))


def test_split_keeps_every_file_that_fits_in_diff_order() -> None:
    diff = (
        _chunk("a.py", 5)
        + _chunk("big.json", 2000)
        + _chunk("c.py", 5)
        + _chunk("new_name.py", 3000, old="old_name.py")
        + _chunk("e.py", 5)
    ).rstrip("\n")
    inlined, omitted, complete = split_diff(diff, 2000)
    assert not complete
    assert [ln.split(" b/")[-1] for ln in inlined.splitlines() if ln.startswith("diff --git")] == [
        "a.py",
        "c.py",
        "e.py",
    ]
    assert omitted == ["`big.json`", "`new_name.py` (from `old_name.py`)"]


def test_rename_not_inlined_names_its_old_path(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "ren", "main")
    write(repo, "old_name.py", "".join(f"value_{i} = {i}\n" for i in range(400)))
    commit_all(repo, "base file")
    git(repo, "mv", "old_name.py", "new_name.py")
    write(repo, "new_name.py", "".join(f"value_{i} = {i}\n" for i in range(380)) + "x = 1\n")
    commit_all(repo, "rename")
    fakes = Fakes(tmp_path)
    fakes.write_config({"echo": fakes.seat("ok")}, review={"diff_budget": 300})
    prompt = _prompt(fakes, repo, "HEAD~1..HEAD")
    assert "- `new_name.py` (from `old_name.py`)" in prompt


def test_mode_change_and_symlink_are_named(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "modes", "main")
    write(repo, "run.sh", "echo hi\n")
    os.symlink("calc.py", repo / "link.py")
    commit_all(repo, "script and link")
    os.chmod(repo / "run.sh", 0o755)
    (repo / "link.py").unlink()
    os.symlink("README.md", repo / "link.py")
    commit_all(repo, "mode and retarget")
    fakes = Fakes(tmp_path)
    fakes.write_config({"echo": fakes.seat("ok")})
    prompt = _prompt(fakes, repo, "HEAD~1..HEAD")
    rows = {ln.split(" | ")[0]: ln for ln in prompt.splitlines() if ln.startswith("| `")}
    assert "mode 100644→100755" in rows["| `run.sh`"], rows
    assert "symlink" in rows["| `link.py`"], rows
