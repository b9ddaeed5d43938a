"""Trial 40 defect 11: the retro of a review with 1998 unique insights listed every ID, in the
seat's paragraph and again in its Unique insights cell, and said "Only Codex found …" when
Codex was the only model in the panel. Runs of IDs past the labelled first few are written as
ranges (`I9–I20`), which `stats` still counts one by one; with one model seat the retro claims
no finding as one only it found (there was nobody to compare with)."""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_report
from deepreview.findings.report_retro import insight_ids
from fakebin.harness import Fakes
from support.repos import commit_all, make_repo, write

N = 20
WORDS = "amber birch cedar delta ember fjord grove heron iris juniper kestrel lotus maple " + (
    "nectar onyx poplar quartz raven sorrel tundra"
)


def _review(n: int, path: str) -> str:
    names = WORDS.split()
    items = "\n\n".join(
        f"I{k}. **The {names[k - 1]} counter skips item {k}** — `{path}:{k}` (important, gap)"
        f"\n\nWhy {names[k - 1]} matters."
        for k in range(1, n + 1)
    )
    return (
        "## Executive Summary\n\nMany findings.\n\n## Findings\n\n### Critical Issues\n\nNone."
        f"\n\n### Important Issues\n\n{items}\n\n### Suggestions\n\nNone.\n"
    )


def _run(tmp_path: Path, seats: dict[str, str]) -> tuple[str, dict[str, str]]:
    repo = make_repo(tmp_path)
    write(repo, "big.py", "".join(f"v{k} = {k}\n" for k in range(1, 41)))
    commit_all(repo, "Add big")
    fakes = Fakes(tmp_path)
    config = {}
    for seat, text in seats.items():
        review = tmp_path / f"{seat}-review.md"
        review.write_text(text, encoding="utf-8")
        config[seat] = fakes.seat("ok", "--review-file", str(review))
    fakes.write_config(config)
    res = fakes.review(repo, "--agents", ",".join(seats))
    assert res.returncode == 0, res.stderr
    md = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    report = parse_report(md)
    return md, {s.name: s.cell("Unique insights") for s in report.retro.seats}


def test_runs_of_unique_insights_are_ranges_and_still_counted(tmp_path: Path) -> None:
    other = _review(1, "calc.py").replace("counter skips item 1", "sub returns a sum")
    md, cells = _run(tmp_path, {"alpha": _review(N, "big.py"), "beta": other})
    (alpha,) = [cell for name, cell in cells.items() if "alpha" in name.lower()]
    assert alpha.endswith(", I9–I20"), alpha
    assert insight_ids(alpha) == tuple(f"I{k}" for k in range(1, N + 1))
    report = parse_report(md)
    numbers = [s.numbers for s in report.retro.seats if "alpha" in s.name.lower()]
    assert numbers[0] is not None and numbers[0].unique_insights == N
    assert "[I9](#i9)–[I20](#i20)." in md and "I10, I11" not in md  # the seat's paragraph too


def test_one_model_seat_claims_nothing_only_it_found(tmp_path: Path) -> None:
    md, _ = _run(tmp_path, {"alpha": _review(N, "big.py")})
    assert " found I1 (" not in md, md
    assert "Only " not in md.split("## Agent Performance Retro", 1)[1]


def test_shared_and_missed_findings_in_the_prose_are_ranges_too(tmp_path: Path) -> None:
    """Both seats raise the same 20 findings, and alpha 20 more: beta's paragraph names the
    shared ones and those it missed by ranges past the first few, as the insights cell does."""
    both = _review(N, "big.py")
    more = both.replace("None.\n", "", 0) + "".join(
        f"\nS{k}. **Extra {k}** — `big.py:{20 + k}` (suggestion, style)\n\nWhy {k}.\n"
        for k in range(1, N + 1)
    )
    md, _ = _run(tmp_path, {"alpha": more, "beta": both})
    prose = md.split("## Agent Performance Retro", 1)[1]
    shared = prose.split("Shared with other reviewers: ", 1)[1].split(".", 1)[0]
    assert shared == "[I1](#i1)–[I20](#i20)", shared
    missed = prose.split("Found by others but not by ", 1)[1].split(". ", 1)[0]
    assert missed.endswith(", [S9](#s9)–[S20](#s20)"), missed
    assert "S10, S11" not in prose
    report = parse_report(md)
    numbers = [s.numbers for s in report.retro.seats if "alpha" in s.name.lower()]
    assert numbers[0] is not None and numbers[0].unique_insights == N
