"""What a seat printed, through the real `deep-review` command (trial 44a): a finding folded in
`<details>` under a summary that labels it, a review that starts with a byte order mark, a
clean review that signs off, and a command seat that prints a review and exits non-zero."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import make_repo, run_cli

FINDING = "- **C1** `calc.py:2` — add subtracts instead of adding, every caller gets the wrong sum."
FULL = (
    "## Executive Summary\n\nBroken add.\n\n## Findings\n\n### Critical Issues\n\n"
    f"{FINDING}\n\n### Important Issues\n\nNone.\n\n### Suggestions\n\nNone.\n"
)
CLEAN = (
    "## Executive Summary\n\nFake seat review: the change looks fine.\n\n## Findings\n\n"
    "### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n### Suggestions\n\n"
    "None.\n"
)


def _review(  # type: ignore[no-untyped-def]
    tmp_path: Path, text: str | bytes, *options: str, args: tuple[str, ...] = (), quiet=False
):
    """A review by one command seat printing `text` (and a seat that finds nothing)."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    review = tmp_path / "seat-review.md"
    if isinstance(text, bytes):
        review.write_bytes(text)
    else:
        review.write_text(text, encoding="utf-8")
    seats = {"seat": fakes.seat("ok", "--review-file", str(review), *options)}
    if quiet:
        seats["quiet"] = fakes.seat("ok")
    fakes.write_config(seats)
    res = fakes.review(repo, "--agents", ",".join(seats), *args)
    return res, review, fakes


def _report(res) -> dict:  # type: ignore[no-untyped-def,type-arg]
    return json.loads(Path(res.json()["paths"]["json"]).read_text(encoding="utf-8"))


def _markdown(res) -> str:  # type: ignore[no-untyped-def]
    return Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")


def test_a_details_summary_labelling_its_finding_is_one_finding(tmp_path: Path) -> None:
    text = (
        "## Executive Summary\n\nBroken add.\n\n## Findings\n\n### Critical Issues\n\n"
        f"<details><summary>C1 calc.py:2</summary>\n\n{FINDING}\n\n</details>\n"
    )
    res, _, _ = _review(tmp_path, text)
    assert res.returncode == 0, res.stderr
    findings = _report(res)["findings"]
    assert [(f["id"], f["severity"]) for f in findings] == [("C1", "critical")]
    assert [(loc["path"], loc["start"]) for loc in findings[0]["locations"]] == [("calc.py", 2)]


def test_a_review_starting_with_a_byte_order_mark(tmp_path: Path) -> None:
    res, review, fakes = _review(tmp_path, ("\ufeff" + FULL).encode("utf-8"))
    assert res.returncode == 0, res.stderr
    md = _markdown(res)
    appendix = md.split("## Appendix: Original Reviews", 1)[1]
    assert "\ufeff" not in md
    assert "\n#### Executive Summary\n" in appendix  # demoted like the seat's other headings
    assert "\n## Executive Summary" not in appendix
    parsed = run_cli(
        ["parse", str(review), "--format", "json"], cwd=tmp_path, env=fakes.env()
    ).json()
    assert parsed["executive_summary"] == "Broken add."
    assert "no Executive Summary section" not in parsed["warnings"]


def test_a_clean_review_that_signs_off_found_nothing(tmp_path: Path) -> None:
    for n, tail in enumerate(
        (
            "\nHope this helps!\n",
            "\n---\n\nLet me know if you want me to dig deeper into any of these areas.\n",
        )
    ):
        res, _, _ = _review(tmp_path / str(n), CLEAN + tail, args=("--fail-on", "important"))
        assert res.returncode == 0, res.stderr
        assert _report(res)["header"]["verdict"]["label"] == "Merge as-is"
        assert "no issues found" in _markdown(res)


def test_prose_naming_a_problem_after_the_sections_still_blocks_the_gate(tmp_path: Path) -> None:
    tail = "\nOne more thing: `calc.py:2` subtracts instead of adding, which is a bug.\n"
    res, _, _ = _review(tmp_path, CLEAN + tail, args=("--fail-on", "important"))
    assert res.returncode == 4, res.stderr
    assert "could not be read" in res.stderr


def test_a_command_seat_that_prints_a_review_and_exits_1_is_read(tmp_path: Path) -> None:
    """Linters exit 1 when they found problems: the review the seat printed is used, and the
    retro says how the seat exited."""
    res, _, _ = _review(tmp_path, FULL, "--exit-code", "1")
    assert res.returncode == 0, res.stderr
    report = _report(res)
    assert [(f["id"], f["severity"]) for f in report["findings"]] == [("C1", "critical")]
    [run] = report["runs"]
    assert run["status"] == "ok"
    md = _markdown(res)
    retro = md.split("Agent Performance Retro", 1)[1].split("## Appendix", 1)[0]
    assert "exited with code 1" in retro
    assert "failed" not in md.split("## Findings", 1)[0].lower()


def test_a_command_seat_that_prints_no_review_and_exits_1_fails_with_its_output_shown(
    tmp_path: Path,
) -> None:
    res, _, _ = _review(
        tmp_path, "error: config file lint.toml not found\n", "--exit-code", "1", quiet=True
    )
    assert res.returncode == 0, res.stderr
    report = _report(res)
    run = next(r for r in report["runs"] if r["seat"] == "seat")
    assert run["status"] == "failed"
    assert run["reason"].startswith("exited with code 1")
    md = _markdown(res)
    appendix = md.split("## Appendix: Original Reviews", 1)[1]
    assert "config file lint.toml not found" in appendix
    assert "failed" in appendix.split("config file", 1)[0].lower()  # said to be no review
    assert report["findings"] == []
