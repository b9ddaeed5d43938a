"""Through the real `deep-review consolidate --format json`: one failure made in one file and
shown in another (`consolidate/across_files.py`), each seat naming it in one finding only, is one
finding; a seat naming that failure in two files has told two, and neither is joined.

- "Every column of `Account` is mass-assignable" at the model / "the whole request payload is
  passed to `update`" at the controller: one.
- "Members loaded lazily by the team query" at the query / "a team page makes one query per
  member" at the template: one.
- The same controller finding beside a seat that calls two models mass-assignable: three.
- "Every column of `Account` is mass-assignable" (critical) beside "the whole request payload
  is passed to `update`" (suggestion): graded two apart, two.
"""

from __future__ import annotations

from pathlib import Path

from support.consolidating import consolidated_findings

_HEAD = "## Findings\n\n"


def _finding(n: str, title: str, place: str, body: str, grade: str = "important") -> str:
    return f"**{n}. {title}** — `{place}` ({grade}, regression)\n\n{body}\n\n"


MODEL = _finding(
    "I1",
    "Every column of `Account` is mass-assignable",
    "app/models/account.rb:3",
    "The model opens all attributes, `plan` and `owner_id` among them.",
)
CONTROLLER = (
    _HEAD
    + "### Important Issues\n\n"
    + _finding(
        "I1",
        "The whole request payload is passed to `update`",
        "app/controllers/settings_controller.rb:14",
        "A user can post `plan=enterprise` with the settings form and upgrade for free.",
    )
)


def _reviewers(tmp: Path, claude: str, codex: str) -> list[list[str]]:
    found = consolidated_findings(tmp, {"claude": claude, "codex": codex})
    return sorted(sorted(f["reviewers"]) for f in found)


def test_a_model_open_to_every_field_and_the_controller_filling_it_are_one(
    tmp_path: Path,
) -> None:
    claude = _HEAD + "### Important Issues\n\n" + MODEL
    assert _reviewers(tmp_path, claude, CONTROLLER) == [["Claude", "Codex"]]


def test_a_lazy_query_and_the_template_that_pays_for_it_are_one(tmp_path: Path) -> None:
    claude = (
        _HEAD
        + "### Important Issues\n\n"
        + _finding(
            "I1",
            "Members loaded lazily by the team query",
            "app/services/team_roster.py:21",
            "`Team.objects.get(...)` leaves `members` to the template.",
        )
    )
    codex = (
        _HEAD
        + "### Important Issues\n\n"
        + _finding(
            "I1",
            "A team page makes one query per member",
            "templates/team.html:9",
            "Each row reads `member.profile`, hitting the database for every person shown.",
        )
    )
    assert _reviewers(tmp_path, claude, codex) == [["Claude", "Codex"]]


def test_a_seat_naming_the_failure_in_two_files_is_joined_to_neither(tmp_path: Path) -> None:
    claude = (
        _HEAD
        + "### Important Issues\n\n"
        + MODEL
        + _finding(
            "I2",
            "Every column of `Invite` is mass-assignable",
            "app/models/invite.rb:2",
            "Invites take `inviter_id` from whoever builds them.",
        )
    )
    assert _reviewers(tmp_path, claude, CONTROLLER) == [["Claude"], ["Claude"], ["Codex"]]


def test_graded_two_levels_apart_they_stay_two(tmp_path: Path) -> None:
    claude = _HEAD + "### Critical Issues\n\n" + MODEL.replace("important,", "critical,")
    codex = CONTROLLER.replace("### Important Issues", "### Suggestions").replace(
        "(important,", "(suggestion,"
    )
    assert _reviewers(tmp_path, claude, codex) == [["Claude"], ["Codex"]]
