"""Trial 34's no-lead report through the real `deep-review review main..topic --lead none`: three
fake agent CLIs answering with the trial's reviews, and the static seat. The header, the
retro's wording and labels, and the process notes say only what happened."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.repos import commit_all, git, write

# one review with four seats (~4 s), shared by the module's tests
# One worker runs the module, so its review (a module fixture) is made once.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("no-lead-report")]

REVIEWS = Path(__file__).resolve().parent.parent / "fixtures" / "trial34"
TOOLS = {"claude": 23, "codex": 52, "gemini": 13}


def _trial_repo(tmp: Path) -> Path:
    """main: `add`; topic: `add` subtracts, `div` added, an API key in app.py."""
    repo = tmp / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "calc.py", "def add(a, b):\n    return a + b\n")
    commit_all(repo, "init")
    git(repo, "checkout", "-q", "-b", "topic")
    write(repo, "calc.py", "def add(a, b):\n    return a - b\n\ndef div(a, b):\n    return a / b\n")
    write(repo, "app.py", 'API_KEY = "abc"\n')
    commit_all(repo, "change")
    return repo


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The stored report of the review, as {"md": text, "html": text, "json": text}."""
    tmp = tmp_path_factory.mktemp("trial34")
    repo = _trial_repo(tmp)
    fakes = Fakes(tmp)
    for cli, tools in TOOLS.items():
        fakes.agent(cli, {"review_file": str(REVIEWS / f"{cli}.md"), "tools": tools})
    fakes.write_config({})
    res = fakes.review(
        repo, "main..topic", "--agents", "claude,codex,gemini,static", env=fakes.env(agents=True)
    )
    assert res.returncode == 0, res.stderr
    paths = res.json()["paths"]
    return {fmt: Path(paths[fmt]).read_text(encoding="utf-8") for fmt in ("md", "html", "json")}


def _above_appendix(md: str) -> str:
    return md.split("## Appendix", 1)[0]


def _header_row(md: str, label: str) -> str | None:
    return next((ln for ln in md.splitlines() if ln.startswith(f"| **{label}** |")), None)


def test_a_single_remaining_shell_command_is_named_not_folded(report: dict[str, str]) -> None:
    """The fake runs 4 each of five commands, then 3 `sed -n`: "3 other" hid the name."""
    md = _above_appendix(report["md"])
    assert "4 `rg`, 3 `sed -n`)" in md
    assert " other)" not in md


def test_a_range_whose_head_is_a_branch_has_a_branch_row(report: dict[str, str]) -> None:
    assert _header_row(report["md"], "Branch") == "| **Branch** | `topic` |"
    assert json.loads(report["json"])["header"]["branch"] == "topic"


def test_the_author_cell_is_clean_markdown(report: dict[str, str]) -> None:
    """It read `T &lt;t@\u2060example.com>`: an entity and an invisible joiner in the .md."""
    row = _header_row(report["md"], "Author")
    assert row == "| **Author** | Test Author `author@example.com` |", row
    assert json.loads(report["json"])["header"]["author"] == "Test Author <author@example.com>"
    assert "Test Author &lt;author@example.com&gt;" in report["html"]  # HTML stays escaped


def test_no_lead_claims_no_judgement(report: dict[str, str]) -> None:
    md = report["md"]
    assert "> Consolidated without a lead: none was requested." in md
    assert "requested or usable" not in md
    assert "warranted" not in md
    assert (
        "No lead judged this review, so no skill improvements or repo context updates were "
        "proposed." in md
    )
    assert "so no skill improvements or repo context updates were proposed." in report["html"]


def test_the_static_seat_is_not_said_to_miss_the_models_findings(report: dict[str, str]) -> None:
    md = _above_appendix(report["md"])
    static = md.split("### [Static analysis]", 1)[1].split("###", 1)[0]
    assert "Found by others" not in static
    assert "Found by others but not by Claude" in md  # the model seats' lines stay


def test_a_unique_insight_is_labelled_by_its_title_not_its_file(report: dict[str, str]) -> None:
    """Gemini's "Missing module docstring in `app.py`" read `S2 (app.py)`."""
    md = _above_appendix(report["md"])
    assert "(app.py)" not in md
    assert "(Missing module docstring in `app.py`)" in md
