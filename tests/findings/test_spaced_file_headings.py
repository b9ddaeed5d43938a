"""`deepreview parse FILE` (the change's files unknown) reads an unquoted heading that is one
path with a blank in a folder's name (`### lib dir/naïve.py`) as the group of findings under it,
as `deep-review review` (which knows the change's files) does; a heading of words that names a
file (`### Error handling in calc.py`, `### Notes on util/strings.py`) is no file group
(`file_groups._spaced_path`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, run_cli

GROUP = "### {heading}\n\n- **Line 5** (High): the loop never ends.\n- **Line 9** (Low): typo.\n"


def parsed(tmp_path: Path, heading: str) -> dict:  # type: ignore[type-arg]
    review = tmp_path / "review.md"
    review.write_text(
        "## Summary\n\nOne module.\n\n## Findings\n\n" + GROUP.format(heading=heading),
        encoding="utf-8",
    )
    res = run_cli(["parse", str(review), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    return res.json()  # type: ignore[no-any-return]


@pytest.mark.parametrize("path", ["lib dir/naïve.py", "src/My Module/sub dir/a.py"])
def test_parse_reads_a_spaced_path_heading_as_its_file_group(tmp_path: Path, path: str) -> None:
    data = parsed(tmp_path, path)
    assert [(f["title"], f["locations"][0]) for f in data["findings"]] == [
        ("the loop never ends", {"path": path, "start": 5, "end": None}),
        ("typo", {"path": path, "start": 9, "end": None}),
    ]
    assert data["unparsed"] == []


@pytest.mark.parametrize(
    "heading", ["Error handling in calc.py", "Notes on util/strings.py", "calc.py and util/x.py"]
)
def test_a_heading_of_words_naming_a_file_is_no_file_group(tmp_path: Path, heading: str) -> None:
    data = parsed(tmp_path, heading)
    assert all(loc["path"] != heading for f in data["findings"] for loc in f["locations"]), data[
        "findings"
    ]
