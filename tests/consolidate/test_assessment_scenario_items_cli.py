"""A seat's lead-in above a list of untested scenarios, merged with another seat's statements.

Gemini writes its Testing Assessment as a lead-in (`Untested scenarios:`, or a `#### Untested
Scenarios` heading) over numbered items. Merged with another seat's statement, the lead-in and
every scenario became ONE numbered item of the report, the scenarios nested under it and the
seat's credit after the last of them, as if it were that scenario's alone. Each scenario is now
an item of its own, with its own credit, right after the lead-in, which is an item of its own
too (a heading written as a lead-in line). The seat's own review was always read as intro +
one item per scenario; `deep-review parse` of the report now reads the same items back.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from support.printing_seats import review_printed
from support.repos import run_cli

FINDINGS = (
    "## Executive Summary\n\nAdds `sub` and `shout`.\n\n"
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
    "### Suggestions\n\nNone.\n\n"
)
ABLE = FINDINGS + "## Testing Assessment\n\nThe one new test calls `sub` with small positives.\n"
SCENARIOS = (
    "`sub` given a negative second argument",
    "`shout` given an empty string",
    "`clamp` called with its bounds swapped",
)


def _gemini(lead_in: str, marker: str) -> str:
    lines = "".join(
        f"{n}{marker} {s}.\n" if marker in ".)" else f"{marker} {s}.\n"
        for n, s in enumerate(SCENARIOS, 1)
    )
    return FINDINGS + "## Testing Assessment\n\nThe happy path is tested.\n\n" + lead_in + lines


SHAPES = {
    "colon-numbers": ("Untested scenarios:\n", ".", "Untested scenarios:"),
    "colon-numbers-blank": ("Untested scenarios:\n\n", ".", "Untested scenarios:"),
    "colon-parens": ("Untested scenarios:\n", ")", "Untested scenarios:"),
    "colon-dashes": ("Untested scenarios:\n", "-", "Untested scenarios:"),
    "heading-numbers": ("#### Untested Scenarios\n", ".", "Untested Scenarios:"),
    "heading-dashes": ("#### Untested Scenarios\n\n", "-", "Untested Scenarios:"),
}


def _parse(tmp_path: Path, text: str) -> dict:  # type: ignore[type-arg]
    path = tmp_path / "review.md"
    path.write_text(text, encoding="utf-8")
    res = run_cli(["parse", "--format", "json", str(path)], cwd=tmp_path, env={"HOME": "/x"})
    assert res.returncode == 0, res.stderr[-2000:]
    got: dict = json.loads(res.stdout)  # type: ignore[type-arg]
    return got


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_seats_review_reads_one_item_per_scenario(tmp_path: Path, shape: str) -> None:
    lead_in, marker, _ = SHAPES[shape]
    testing = _parse(tmp_path, _gemini(lead_in, marker))["testing"]
    assert testing["items"] == [s + "." for s in SCENARIOS]
    assert testing["intro"].startswith("The happy path is tested.")


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_scenario_is_an_item_of_the_report(tmp_path: Path, shape: str) -> None:
    lead_in, marker, label = SHAPES[shape]
    res, out, report = review_printed(tmp_path, {"able": ABLE, "gemini": _gemini(lead_in, marker)})
    assert res.returncode == 0, res.stderr[-2000:]
    testing = report["testing"]
    said = list(zip(testing["items"], testing["item_reviewers"], strict=True))
    assert testing["intro"] == ""
    assert said == [
        ("The one new test calls `sub` with small positives.", ["Able"]),
        ("The happy path is tested.\n\n   " + label, ["Gemini"]),
        *((s + ".", ["Gemini"]) for s in SCENARIOS),
    ]

    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    section = md.split("## Testing Assessment")[1].split("\n---")[0].strip()
    assert section == (
        "1. The one new test calls `sub` with small positives. [Able]\n"
        "2. The happy path is tested.\n\n"
        f"   {label} [Gemini]\n"
        + "".join(f"{n}. {s}. [Gemini]\n" for n, s in enumerate(SCENARIOS, 3)).rstrip("\n")
    )
    back = _parse(tmp_path, md)["testing"]
    assert back["items"] == testing["items"]
    assert back["item_reviewers"] == testing["item_reviewers"]

    html = Path(out["paths"]["html"]).read_text(encoding="utf-8")
    section = html.split('<section id="testing">')[1].split("</section>")[0]
    items = re.findall(r"<li>(.*?)</li>", section, re.DOTALL)
    assert len(items) == 2 + len(SCENARIOS)
    for item, scenario in zip(items[2:], SCENARIOS, strict=True):
        name, rest = scenario.split("` ", 1)
        assert item == f"<code>{name[1:]}</code> {rest}. " + '<span class="rv rv-1">Gemini</span>'


@pytest.mark.parametrize("shape", ["colon-numbers", "heading-numbers"])
def test_a_lone_seats_lead_in_stays_the_intro(tmp_path: Path, shape: str) -> None:
    lead_in, marker, label = SHAPES[shape]
    _, out, report = review_printed(tmp_path, {"gemini": _gemini(lead_in, marker)})
    testing = report["testing"]
    assert testing["intro"] == "The happy path is tested.\n\n" + label
    assert testing["items"] == [s + "." for s in SCENARIOS]
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert f"\n{label} [Gemini]\n" in md  # a line of text, not a heading holding the credit
    back = _parse(tmp_path, md)["testing"]
    assert (back["intro"], back["items"]) == (testing["intro"], testing["items"])


def test_a_fenced_hash_line_in_a_lead_in_is_kept(tmp_path: Path) -> None:
    lead_in = "Run it as:\n\n```sh\n# the slow suite\nmake check\n```\n\nUntested scenarios:\n"
    _, _, report = review_printed(tmp_path, {"able": ABLE, "gemini": _gemini(lead_in, ".")})
    assert "```sh\n   # the slow suite\n   make check\n   ```" in report["testing"]["items"][1]


def test_a_paragraph_with_an_inline_number_stays_one_item(tmp_path: Path) -> None:
    inline = (
        FINDINGS + "## Testing Assessment\n\n"
        "The retry test stops after attempt 1. and nothing drives attempt 2. or the give-up path.\n"
    )
    _, _, report = review_printed(tmp_path, {"able": ABLE, "calm": inline})
    assert report["testing"]["items"] == [
        "The one new test calls `sub` with small positives.",
        "The retry test stops after attempt 1. and nothing drives attempt 2. or the give-up path.",
    ]
