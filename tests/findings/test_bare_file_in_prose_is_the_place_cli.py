"""A finding with no place of its own whose text names one file, bare, is placed at that file.

Tried as a new user would: `### S1. Name the helper` + "`shout` should be `yell` in
util/strings.py." had no location at all (so it could be neither placed nor merged), while the
same sentence with the path in backticks placed it at `util/strings.py`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.printing_seats import review_printed

_HEAD = "## Summary\n\nAdds `sub` and `shout`.\n\n## Suggestions\n\n### S1. Name the helper\n\n"


def _places(tmp_path: Path, body: str) -> list[tuple[str, int | None]]:
    _, out, report = review_printed(tmp_path, {"alpha": _HEAD + body})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    [finding] = report["findings"]
    return [(loc["path"], loc["start"]) for loc in finding["locations"]]


PLACED = {
    "bare-path": "`shout` should be `yell` in util/strings.py.\n",
    "bare-path-in-fix": "`shout` reads as an order.\n\n**Fix:** rename it in util/strings.py\n",
    "bare-path-twice": "util/strings.py names it `shout`; util/strings.py is the only user.\n",
}


@pytest.mark.parametrize("name", sorted(PLACED))
def test_the_one_file_its_text_names_is_its_place(tmp_path: Path, name: str) -> None:
    assert _places(tmp_path, PLACED[name]) == [("util/strings.py", None)]


NOT_PLACED = {
    "two-files": "`shout` in util/strings.py should match `sub` in calc.py.\n",
    "a-url": "See https://example.com/style/naming.html for the house style.\n",
    "a-folder": "Every helper under util/ should have a verb for a name.\n",
}


@pytest.mark.parametrize("name", sorted(NOT_PLACED))
def test_no_place_when_its_text_names_no_one_file(tmp_path: Path, name: str) -> None:
    assert _places(tmp_path, NOT_PLACED[name]) == []
