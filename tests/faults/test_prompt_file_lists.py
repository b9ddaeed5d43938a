"""Trial 45b, defect 6: the prompt's per-file lists are bounded, as its diff is. A change of
many small files gave every seat a prompt that grew with the file count (100,000 table rows,
5.8 MB) whatever `diff_budget` said: the Changed files table and the list of files not inlined
now stop at a quarter of `diff_budget` (never under 30 files) and say how many more there are,
by status, and how to list them with git. Through the real command."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import commit_all, git, make_repo, write

FILES = 150


def _many_files(tmp: Path) -> Path:
    repo = make_repo(tmp)
    git(repo, "checkout", "-q", "-b", "many", "main")
    for i in range(FILES):
        write(repo, f"pkg/mod_{i:03}.py", f"VALUE_{i} = {i}\n")
    git(repo, "rm", "-q", "README.md")
    commit_all(repo, "many small files")
    return repo


def _prompt(tmp: Path, repo: Path, review: dict[str, int] | None = None) -> str:
    fakes = Fakes(tmp)
    fakes.write_config({"echo": fakes.seat("ok")}, review=review)
    res = fakes.review(repo, "--agents", "echo")
    assert res.returncode == 0, res.stderr
    return (Path(res.json()["review_dir"]) / "prompt-echo.md").read_text()


def _table_rows(prompt: str) -> list[str]:
    table = prompt.split("### Changed files", 1)[1].split("## The diff", 1)[0]
    return [ln for ln in table.splitlines() if ln.startswith("| `")]


def test_a_change_of_many_files_lists_them_up_to_the_budget(tmp_path: Path) -> None:
    repo = _many_files(tmp_path)
    prompt = _prompt(tmp_path, repo, {"diff_budget": 2000})
    assert f"### Changed files ({FILES + 1})" in prompt
    rows = _table_rows(prompt)
    assert 30 <= len(rows) < FILES
    listed = {re.match(r"\| `([^`]+)`", r)[1] for r in rows}  # type: ignore[index]
    more = FILES + 1 - len(rows)
    # README.md (deleted) sorts before pkg/: listed; the rest are all added
    assert "README.md" in listed
    base = git(repo, "rev-parse", "main").strip()
    assert (
        f"… and {more} more files ({more} added); "
        f"`git diff --no-ext-diff --name-status {base[:12]} HEAD` lists them all."
    ) in prompt

    # The files not inlined: bounded alike, with how many more.
    listed_out = prompt.split("Files not inlined", 1)[1].split("## Output format", 1)[0]
    named = [ln for ln in listed_out.splitlines() if ln.startswith("- `")]
    assert 30 <= len(named) < 100
    m = re.search(r"- … and (\d+) more\n", listed_out)
    assert m is not None, listed_out
    inlined = prompt.count("\ndiff --git ")
    assert len(named) + int(m[1]) + inlined == FILES + 1


def test_the_default_budget_lists_every_file_of_a_usual_change(tmp_path: Path) -> None:
    repo = _many_files(tmp_path)
    prompt = _prompt(tmp_path, repo)
    assert len(_table_rows(prompt)) == FILES + 1
    assert "more files (" not in prompt
    assert "Files not inlined" not in prompt


def test_the_coverage_instruction_asks_for_the_files_the_prompt_lists(tmp_path: Path) -> None:
    """The table stops at the budget: the Coverage Summary is asked for the files it lists and
    one row for the rest, not for "every changed file" the seat was never shown."""
    repo = _many_files(tmp_path)
    prompt = _prompt(tmp_path, repo, {"diff_budget": 2000})
    rows = len(_table_rows(prompt))
    more = FILES + 1 - rows
    assert "lists **every** changed file" not in prompt
    assert f"every file of the Changed files table above ({rows} of {FILES + 1})" in prompt
    assert f"| Other files ({more}) |" in prompt
    # a usual change: every changed file, as before
    whole = _prompt(tmp_path / "whole", repo)
    assert "The Coverage Summary lists **every** changed file." in whole
    assert "Other files (" not in whole


def _coverage_review(listed: list[str], more: int) -> str:
    rows = "".join(f"| `{p}` | Reviewed, no issues |\n" for p in listed)
    return (
        "## Executive Summary\n\nAdds many constants.\n\n## Findings\n\n### Critical Issues\n\n"
        "None.\n\n### Important Issues\n\nNone.\n\n### Suggestions\n\nNone.\n\n"
        "## Coverage Summary\n\n| File | Status |\n|------|--------|\n"
        f"{rows}| Other files ({more}) | Reviewed, no issues |\n"
    )


def test_files_the_prompt_did_not_list_are_no_coverage_misses(tmp_path: Path) -> None:
    """A seat that covers every file its prompt listed, and the rest in one row, misses none;
    one that leaves out a listed file misses that one only."""
    repo = _many_files(tmp_path)
    prompt = _prompt(tmp_path / "probe", repo, {"diff_budget": 2000})
    listed = [re.match(r"\| `([^`]+)`", r)[1] for r in _table_rows(prompt)]  # type: ignore[index]
    more = FILES + 1 - len(listed)
    for skipped, misses in (([], "0"), ([listed[-1]], f"1 (`{Path(listed[-1]).name}` not")):
        fakes = Fakes(tmp_path / f"run{len(skipped)}")
        review = fakes.tmp / "review.md"
        review.write_text(_coverage_review([p for p in listed if p not in skipped], more))
        fakes.write_config(
            {"alpha": fakes.seat("ok", "--review-file", str(review))},
            review={"diff_budget": 2000},
        )
        res = fakes.review(repo, "--agents", "alpha")
        assert res.returncode == 0, res.stderr
        report = json.loads((fakes.store / f"{res.json()['review_id']}.json").read_text())
        (seat,) = report["retro"]["seats"]
        cells = dict(seat["cells"])
        assert cells["Coverage misses"].startswith(misses), cells
        assert cells["Files reviewed"] == f"{len(listed) - len(skipped)}/{FILES + 1}", cells
