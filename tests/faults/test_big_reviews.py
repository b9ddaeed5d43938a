"""A review over the 1 MiB a report keeps (`seat_output.cap_review`) is still read for its findings.

Trial 35 item 4: a 2.3 MB Executive Summary followed by `C1. **add subtracts** — calc.py:5`
was cut to its first MiB, failed as "unparseable review", lost its Critical finding, and the
verdict read "Merge as-is — no issues found". The cap is for storage and rendering, not for
reading: the review's end (its findings, its Coverage Summary) is kept with its beginning.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fakebin.harness import Fakes, run_json
from support.repos import CliResult, make_repo, run_cli

_FINDINGS = """## Findings

### Critical Issues

C1. **sub adds instead of subtracting** — `calc.py:6` (critical, regression)

sub must return a - b.

### Important Issues

None.

### Suggestions

None.

## Coverage Summary

| File | Status |
|------|--------|
| `calc.py` | C1 |
| `util/strings.py` | Reviewed, no issues |
"""


def _summary(size: int) -> str:
    """An Executive Summary of about `size` bytes on one line, as trial 35's was."""
    sentences = (f"Sentence {n} about the design of calc.py. " for n in range(size // 40 + 1))
    return "## Executive Summary\n\n" + "".join(sentences)[:size] + "\n\n"


def _review(tmp_path: Path, text: str) -> tuple[CliResult, Path, str]:
    """Review feature/x with gemini answering `text`, as a user runs it (no --json): the
    terminal's stderr, the review folder and the Markdown report."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    answer = tmp_path / "answer.md"
    answer.write_text(text, encoding="utf-8")
    fakes.agent("gemini", {"review_file": str(answer)})
    res = run_cli(
        ["review", "--lead", "none", "--agents", "gemini"],
        cwd=repo,
        env=fakes.env(agents=True),
    )
    md = re.search(r"^\s*md: (.+)$", res.stdout, re.MULTILINE)
    assert md is not None, (res.stdout, res.stderr)
    report = Path(md.group(1).strip())
    return res, report.with_suffix(""), report.read_text(encoding="utf-8")


@pytest.mark.slow  # ~3-6 s: the report renders a 1 MiB appendix
def test_findings_after_a_huge_summary_survive_the_cut(tmp_path: Path) -> None:
    res, review_dir, report = _review(tmp_path, _summary(2_300_000) + _FINDINGS)
    assert res.returncode == 0, res.stderr
    seat = run_json(review_dir)["seats"]["gemini"]
    assert seat["status"] == "ok", seat
    assert seat["run"]["output_truncated"] is True
    # The Critical finding is in the report and decides the verdict.
    assert "sub adds instead of subtracting" in report
    verdict = next(ln for ln in report.splitlines() if ln.startswith("| **Verdict** |"))
    assert "Merge as-is" not in verdict, verdict
    # What is stored stays bounded; it keeps the review's beginning and its end.
    stored = (review_dir / "review-gemini-pass-1.md").read_text(encoding="utf-8")
    assert len(stored.encode()) <= 1024 * 1024
    assert stored.startswith("## Executive Summary\n\nSentence 0 about")
    assert stored.rstrip().endswith("| `util/strings.py` | Reviewed, no issues |")
    assert "review truncated by Deep Review: the seat printed" in stored
    # The terminal and the report's note say so, naming the seat as the report does.
    line = next(ln for ln in res.stderr.splitlines() if ln.startswith("  gemini: "))
    assert line == "  gemini: ok [output over 1 MiB: only its beginning and end are kept]", line
    assert "> Gemini's output was truncated: it printed more than a review can hold" in report
    assert "Seat gemini's output" not in report


@pytest.mark.slow
def test_findings_lost_in_the_cut_are_said_to_be(tmp_path: Path) -> None:
    """Findings in the middle of a huge text (a huge summary before them, a huge trailer after
    them) are cut out with the middle: the seat failed, and the reason says why instead of a
    bare "unparseable review" that blames the seat's format."""
    trailer = "\n\nDebug log follows.\n\n" + "log line of the agent's own debugging\n" * 40_000
    res, review_dir, report = _review(tmp_path, _summary(1_500_000) + _FINDINGS + trailer)
    seat = run_json(review_dir)["seats"]["gemini"]
    assert seat["status"] == "failed", seat
    reason = "unparseable review: its output was over 1 MiB and was cut where its findings were"
    assert seat["reason"] == reason
    line = next(ln for ln in res.stderr.splitlines() if ln.startswith("  gemini: "))
    assert line == f"  gemini: failed: {reason}", line
    assert f"Seat Gemini failed: {reason}" in report
    assert "> Gemini's output was truncated" in report


def test_a_review_under_the_cap_is_stored_as_it_came(tmp_path: Path) -> None:
    text = _summary(200_000) + _FINDINGS
    res, review_dir, _ = _review(tmp_path, text)
    assert res.returncode == 0, res.stderr
    assert (review_dir / "review-gemini-pass-1.md").read_text(encoding="utf-8") == text
    run = json.loads((review_dir / "run.json").read_text())["seats"]["gemini"]["run"]
    assert run["output_truncated"] is False
    line = next(ln for ln in res.stderr.splitlines() if ln.startswith("  gemini: "))
    assert line == "  gemini: ok"


def test_the_cut_stays_within_the_cap_and_keeps_whole_lines() -> None:
    from deepreview.seat_output import cap_review

    lines = [f"Zeile {n}: Größe ändert sich — ✓\n" for n in range(100_000)]
    text = "".join(lines)
    kept, cut = cap_review(text, limit=64 * 1024)
    assert cut
    assert len(kept.encode()) <= 64 * 1024
    head, note, tail = kept.partition("\n\n[... review truncated by Deep Review")
    assert note and head.startswith(lines[0]) and tail.endswith(lines[-1])
    kept_lines = [*head.splitlines(keepends=True), *tail.split("]\n\n", 1)[1].splitlines(True)]
    assert set(kept_lines) <= set(lines)  # no line cut in two


def _filler(size: int, what: str) -> str:
    return "".join(f"{what} line {n} of the reasoning behind it.\n" for n in range(size // 40))


@pytest.mark.slow  # ~3-6 s: the report renders a 1 MiB appendix
def test_a_finding_in_the_cut_part_is_not_charged_as_a_plain_miss(tmp_path: Path) -> None:
    """hd62 #6: Gemini printed over 1 MiB; its finding about `sub` sat in the middle the report
    does not keep. Claude found the same bug. The retro said flatly "Found by others but not by
    Gemini: I1 (Claude)", though Gemini wrote it: it must say the comparison is with the part
    of Gemini's review that was kept."""
    gemini = (
        "## Findings\n\n### Important Issues\n\n"
        "I1. **`add` ignores its second argument in one branch** — `calc.py:2`\n\n"
        + _filler(700_000, "First")
        + "\nI2. **sub adds instead of subtracting** — `calc.py:6`\n\n"
        + _filler(700_000, "Second")
        + "\n### Suggestions\n\nS1. **Name the helper module plainly** — `util/strings.py:1`\n\n"
        "It reads oddly.\n"
    )
    claude = _FINDINGS
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    for cli, text in (("gemini", gemini), ("claude", claude)):
        answer = tmp_path / f"answer-{cli}.md"
        answer.write_text(text, encoding="utf-8")
        fakes.agent(cli, {"review_file": str(answer)})
    res = run_cli(
        ["review", "--lead", "none", "--agents", "gemini,claude"],
        cwd=repo,
        env=fakes.env(agents=True),
    )
    assert res.returncode == 0, res.stderr
    md = re.search(r"^\s*md: (.+)$", res.stdout, re.MULTILINE)
    assert md is not None, res.stdout
    report = Path(md.group(1).strip()).read_text(encoding="utf-8")
    retro = report.split("Agent Performance Retro", 1)[1]
    assert "Only Claude found [C1](#c1) (sub adds instead" in retro, retro[:4000]
    assert "Found by others but not by Gemini:" not in retro, retro[:4000]
    assert (
        "Found by others but not by Gemini in the part of its review the report kept "
        "(it printed over 1 MiB; its whole output is in its transcript):"
    ) in retro, retro[:4000]
    # Claude's retro is as before: it did not write the truncated review.
    assert "Found by others but not by Claude:" in retro


@pytest.mark.parametrize(
    ("middle", "reason"),
    [
        ("noise without a single line break " * 60_000, "unparseable review"),
        (
            _summary(1_200_000) + _FINDINGS + _filler(1_200_000, "Trailing"),
            "unparseable review: its output was over 1 MiB and was cut where its findings were",
        ),
    ],
)
def test_a_huge_output_is_judged_on_bounded_text(
    monkeypatch: pytest.MonkeyPatch, middle: str, reason: str
) -> None:
    """A seat that printed megabytes of noise waited (76 s of CPU for 50 MB) while its whole
    output was parsed to tell whether the cut lost its findings. The parser only ever sees at
    most what a review keeps, and the reason is still the one the whole text earns."""
    from deepreview import seat_output
    from deepreview.agents.base import SeatOutcome

    seen: list[int] = []
    parsed = seat_output._parsed

    def spy(text: str, seat: str) -> object:
        seen.append(len(text.encode()))
        return parsed(text, seat)

    monkeypatch.setattr(seat_output, "_parsed", spy)
    text = "Starting the review.\n" + middle + "\n" + "x" * 600_000 + "\n"
    stored, cut = seat_output.cap_review(text)
    assert cut
    outcome = SeatOutcome(status="ok", review_text=text)
    status = seat_output.checked_status(
        outcome, stored, cut, reason=None, seat="gemini", writes_review=True
    )
    assert status == ("failed", reason)
    assert seen and max(seen) <= seat_output.MAX_REVIEW_BYTES, seen
