"""A review whose findings are only a list of places (`path:12 — what I saw there`), with no
fault word and no rated item beside them, failed its seat as an "unparseable review": the list
was "text in a findings section", or, with no heading at all, the whole review a preamble. A
careful reader takes the list for what it is written as: under a findings heading, or as the
seat's whole answer, each item is a finding with no level (important, listed as unrated, and
the review says the level was guessed). A list under a praise heading stays the seat's notes; a
list between a verdict and closing words (`Looks good … Nothing to change.`) stays the clean
review's text; an item that only praises the spot is set aside with a warning.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.printing_seats import review_printed
from support.read_findings import parsed_by_cli

_TTL = "- `app/cache.py:40` — the TTL is read once at import, so changing it needs a restart."
_KEYS = "- `app/cache.py:72` — keys include the user id twice."
_VIEW = "- `app/views.py:15` — the view builds its own cache instead of the shared one."
_ROWS = [("app/cache.py", 40), ("app/cache.py", 72), ("app/views.py", 15)]


def _places(findings: object) -> list[tuple[str, int]]:
    assert isinstance(findings, list)
    return [(f["locations"][0]["path"], f["locations"][0]["start"]) for f in findings]


@pytest.mark.parametrize(
    "text",
    [
        f"## Findings\n\n{_TTL}\n{_KEYS}\n{_VIEW}\n",
        f"## Issues\n\n{_TTL}\n\n{_KEYS}\n\n{_VIEW}\n",
        f"{_TTL}\n{_KEYS}\n{_VIEW}\n",
    ],
    ids=["findings-heading", "issues-heading-loose-list", "whole-review"],
)
def test_a_list_of_places_is_findings_with_a_guessed_level(tmp_path: Path, text: str) -> None:
    parsed = parsed_by_cli(tmp_path, text)
    findings = parsed["findings"]
    assert _places(findings) == _ROWS
    assert isinstance(findings, list)
    assert {f["severity"] for f in findings} == {"important"}
    assert parsed["unrated"] == ["I1", "I2", "I3"]
    warnings = parsed["warnings"]
    assert isinstance(warnings, list)
    assert sum("no severity given; taken as important" in w for w in warnings) == 3
    assert not parsed["unread_findings"]


def test_a_seat_writing_only_places_is_read_not_failed(tmp_path: Path) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": f"{_TTL}\n{_KEYS}\n{_VIEW}\n"})
    assert [s["status"] for s in out["seats"]] == ["ok"], out["seats"]
    assert sorted(_places(report["findings"])) == sorted(_ROWS)


def test_a_praised_place_in_the_list_is_set_aside_with_a_warning(tmp_path: Path) -> None:
    praise = "- `app/cache.py:88` — nice use of `functools.cache` here."
    parsed = parsed_by_cli(tmp_path, f"## Findings\n\n{_TTL}\n{praise}\n")
    assert _places(parsed["findings"]) == [("app/cache.py", 40)]
    warnings = parsed["warnings"]
    assert isinstance(warnings, list)
    assert any("not read as a finding" in w and "functools.cache" in w for w in warnings)


def test_places_under_a_praise_heading_stay_notes(tmp_path: Path) -> None:
    liked = (
        "## What I liked\n\n"
        "- `app/cache.py:40` — the TTL is read once at import, which keeps the hot path simple.\n"
        "- `app/views.py:15` — the view builds its cache key from the request path.\n"
    )
    parsed = parsed_by_cli(tmp_path, liked)
    assert parsed["findings"] == []
    assert "functools" not in json.dumps(parsed)  # (no other text borrowed)
    assert "hot path simple" in json.dumps(parsed["other_sections"])


@pytest.mark.parametrize(
    "clean",
    [
        f"Looks good to me. The spots I read closely:\n\n{_TTL}\n{_KEYS}\n\nNothing to change.\n",
        f"{_TTL}\n{_KEYS}\n\nNothing to change here; LGTM.\n",
    ],
    ids=["verdict-before", "verdict-after"],
)
def test_places_beside_a_verdict_stay_the_text(tmp_path: Path, clean: str) -> None:
    parsed = parsed_by_cli(tmp_path, clean)
    assert parsed["findings"] == []
    assert not parsed["unread_findings"]


def test_a_list_with_a_place_among_prose_items_is_not_a_list_of_places(tmp_path: Path) -> None:
    # the items beside the place are prose: the list is the seat's notes, not places it found
    # faults at, and its one place-led item is read as it was (not as a guessed finding)
    mixed = f"## Findings\n\n{_TTL}\n- The README explains the new cache well.\n"
    parsed = parsed_by_cli(tmp_path, mixed)
    assert parsed["findings"] == []
