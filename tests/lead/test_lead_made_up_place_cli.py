"""A finding the lead adds at a place that is not in the code — a file that exists neither at
the review SHA nor at the base, or only lines past its file's end — is not added: the lead says
it verified the problem in the code, and nobody checks the lead (a seat's finding at such a
place is a suspected false positive). So its grade cannot decide the verdict or `--fail-on`."""

from __future__ import annotations

from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import answer, fenced


def _added(
    title: str, path: str, line: int | None, severity: str = "critical"
) -> dict[str, object]:
    place: dict[str, object] = {"path": path} if line is None else {"path": path, "start": line}
    return {
        "severity": severity,
        "title": title,
        "locations": [place],
        "reason": f"Read {path}.",
        "body": "`load()` indexes `lines[0]`.",
    }


def test_an_added_finding_in_a_file_not_in_the_tree_is_rejected(tmp_path: Path) -> None:
    lead = answer(
        added_findings=[
            _added("Config loader crashes on empty file", "lib/config_loader.py", 42),
            _added("Sub is slow", "calc.py", 5, severity="suggestion"),
        ],
        verdict={"label": "Rework", "reason": "L1 crashes on every empty config."},
    )
    run = review_with_lead(tmp_path, [fenced(lead)])
    titles = [f["title"] for f in run.report["findings"]]
    assert "Config loader crashes on empty file" not in titles
    assert "Sub is slow" in titles  # the lead's other addition keeps its place and number
    assert (
        "Config loader crashes"
        not in run.md.split("## Appendix", 1)[0].split("**Reconciliation**", 1)[0]
    )
    recon = run.md.split("**Reconciliation**", 1)[1]
    assert (
        "The lead's added finding “Config loader crashes on empty file” at "
        "`lib/config_loader.py:42` rejected: file not found at review SHA." in recon
    )
    # the verdict the lead rested on it is not taken: the findings' own stands, said so
    assert run.report["header"]["verdict"]["label"] == "Merge with fixes"
    assert "rests only on findings that are not in this report" in run.md
    assert not [f for f in run.report["findings"] if f["severity"] == "critical"]


def test_an_added_finding_past_the_end_of_its_file_is_rejected(tmp_path: Path) -> None:
    # AGENTS.md (one line at the base and the head) is cited by no seat
    lead = answer(added_findings=[_added("Unsafe instruction", "AGENTS.md", 40)])
    run = review_with_lead(tmp_path, [fenced(lead)])
    assert "Unsafe instruction" not in [f["title"] for f in run.report["findings"]]
    assert (
        "“Unsafe instruction” at `AGENTS.md:40` rejected: line past the end of its file at "
        "review SHA." in run.md
    )
    assert run.out["lead"]["note"].startswith("1 of the lead's claims rejected")


def test_a_test_to_add_with_no_line_is_kept(tmp_path: Path) -> None:
    lead = answer(
        added_findings=[
            {
                "severity": "suggestion",
                "title": "No tests for `add` with floats",
                "locations": [{"path": "tests/test_add.py"}],
                "reason": "No test module exists.",
                "body": "Add tests for `add` with float operands.",
            }
        ]
    )
    run = review_with_lead(tmp_path, [fenced(lead)])
    assert "No tests for `add` with floats" in [f["title"] for f in run.report["findings"]]
