"""Trial 26 defect 8: a finding on a file the change deletes, or on the old path of a file it
renames, is about the change (removed code is reviewable); it is tagged with what happened to
the file and is never a suspected false positive."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import commit_all, commit_on_base, git, make_repo

REVIEW = """## Executive Summary

A rename and a removal.

## Findings

### Critical Issues

None.

### Important Issues

I1. **`legacy_sum` callers lose rounding** — `lib/legacy.py:2` (important, regression)

The removed helper rounded its result; its callers now get floats.

I2. **`parse` lost its docstring in the move** — `lib/old_name.py:1` (important, gap)

The docstring was dropped when the module moved.

### Suggestions

None.
"""


def test_findings_on_deleted_and_renamed_from_paths_are_in_the_change(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    commit_on_base(repo, "lib/legacy.py", "def legacy_sum(a, b):\n    return round(a + b)\n", "l")
    body = '"""Parse things."""\n\n\ndef parse(text):\n    return text.split()\n'
    commit_on_base(repo, "lib/old_name.py", body, "old")
    git(repo, "rm", "-q", "lib/legacy.py")
    git(repo, "mv", "lib/old_name.py", "lib/new_name.py")
    commit_all(repo, "Remove legacy, rename old_name")

    fakes = Fakes(tmp_path)
    review_file = tmp_path / "bot-review.md"
    review_file.write_text(REVIEW, encoding="utf-8")
    fakes.write_config({"bot": fakes.seat("ok", "--review-file", str(review_file))})
    res = fakes.review(repo, "--agents", "bot")
    assert res.returncode == 0, res.stderr
    paths = res.json()["paths"]
    report = json.loads(Path(paths["json"]).read_text())

    scope = {f["locations"][0]["path"]: f["scope"] for f in report["findings"]}
    assert scope["lib/legacy.py"] == "file deleted by this change"
    assert scope["lib/old_name.py"] == "renamed to lib/new_name.py by this change"
    (bot,) = report["retro"]["seats"]
    assert "suspected" not in dict(bot["cells"])["False positives"]
    assert "not found" not in bot["narrative"]
    md = Path(paths["md"]).read_text()
    assert "*File deleted by this change.*" in md
    assert "*Renamed to lib/new_name.py by this change.*" in md


def _moved_review(paths: list[str]) -> str:
    rows = "".join(f"| `{p}` | Reviewed, no issues |\n" for p in paths)
    return (
        "## Executive Summary\n\nMoves the `mod` package to `pkg`.\n\n## Findings\n\n"
        "### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
        "### Suggestions\n\nNone.\n\n## Coverage Summary\n\n| File | Status |\n|------|--------|\n"
        + rows
    )


def test_coverage_of_a_renames_old_path_counts_for_its_new_path(tmp_path: Path) -> None:
    """Trial 35 item 5: a 50-file move whose Coverage Summary named the old paths had "Files
    reviewed 0/50, 50 not mentioned". A rename's old path is the same file as its new one."""
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "main")
    for n in range(1, 5):
        (repo / "mod").mkdir(exist_ok=True)
        (repo / "mod" / f"m{n}.py").write_text(f"def f{n}():\n    return {n}\n" * 8)
    commit_all(repo, "mod")
    git(repo, "checkout", "-q", "-b", "move")
    (repo / "pkg").mkdir()
    for n in range(1, 5):
        git(repo, "mv", f"mod/m{n}.py", f"pkg/n{n}.py")
        # an edit with the move: a rename with none has no line to miss (`lineless_paths`)
        with (repo / "pkg" / f"n{n}.py").open("a", encoding="utf-8") as moved:
            moved.write(f"F{n} = f{n}()\n")
    commit_all(repo, "Move mod to pkg")

    fakes = Fakes(tmp_path)
    old_names = tmp_path / "old.md"
    old_names.write_text(_moved_review([f"mod/m{n}.py" for n in range(1, 5)]), encoding="utf-8")
    # a seat that names the new paths of three files and nothing for the fourth
    new_names = tmp_path / "new.md"
    new_names.write_text(_moved_review([f"pkg/n{n}.py" for n in range(1, 4)]), encoding="utf-8")
    fakes.write_config(
        {
            "old": fakes.seat("ok", "--review-file", str(old_names)),
            "new": fakes.seat("ok", "--review-file", str(new_names)),
        }
    )
    res = fakes.review(repo, "main..move", "--agents", "old,new")
    assert res.returncode == 0, res.stderr
    report = json.loads(Path(res.json()["paths"]["json"]).read_text())
    cells = {s["seat"]: dict(s["cells"]) for s in report["retro"]["seats"]}
    assert cells["old"]["Files reviewed"] == "4/4", cells["old"]
    assert cells["old"]["Coverage misses"] == "0", cells["old"]
    assert cells["new"]["Files reviewed"] == "3/4"
    assert "n4.py" in cells["new"]["Coverage misses"]
