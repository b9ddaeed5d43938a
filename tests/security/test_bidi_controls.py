"""Trial 40 defect 2: bidi controls in reviewer text (Trojan Source). A seat writing
`\u202etxt.exe\u202c` made every output show "exe.txt". Each explicit embedding, override and
isolate (U+202A–202E, U+2066–2069) shows as its code point (`⟨U+202E⟩`) in every rendered
output, paths and the repository's file names included."""

from __future__ import annotations

import json
import re
from pathlib import Path

from deepreview.untrusted_text import clean_text
from fakebin.harness import Fakes
from support.json_strings import json_strings
from support.repos import commit_all, make_repo, write

BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")

REVIEW = """## Executive Summary

Attachment \u202etxt.exe\u202c looks harmless.

## Findings

### Critical Issues

None.

### Important Issues

I1. **Opens \u2067the\u2069 attachment** \u2014 `calc.py:6` (important, regression)

The name \u202etxt.exe\u202c reads as "exe.txt".

I2. **Renamed file** \u2014 `ev\u202eil.py:1` (important, regression)

A path with an override.

### Suggestions

None.
"""


def test_bidi_controls_show_as_code_points_in_every_output(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(repo, "ev\u202eil.py", "x = 1\n")
    commit_all(repo, "A file name with an override")
    fakes = Fakes(tmp_path)
    review_file = tmp_path / "bot-review.md"
    review_file.write_text(REVIEW, encoding="utf-8")
    fakes.write_config({"bot": fakes.seat("ok", "--review-file", str(review_file))})
    res = fakes.review(repo, "--agents", "bot", "--format", "sarif")
    assert res.returncode == 0, res.stderr
    paths = res.json()["paths"]

    for fmt in ("md", "html", "sarif", "json"):
        text = Path(paths[fmt]).read_text(encoding="utf-8")
        assert not BIDI.search(text), (fmt, BIDI.findall(text))
        assert "⟨U+202E⟩txt.exe⟨U+202C⟩" in text, fmt
    for fmt in ("md", "html"):  # a path, for people
        assert "ev⟨U+202E⟩il.py" in Path(paths[fmt]).read_text(encoding="utf-8"), fmt
    report = json.loads(Path(paths["json"]).read_text(encoding="utf-8"))
    assert report["findings"][0]["title"] == "Opens ⟨U+2067⟩the⟨U+2069⟩ attachment"
    # Trial 43 defect 3: a machine field keeps the file's real path (escaped in the JSON text,
    # percent-encoded in SARIF), or it names a file that does not exist.
    places = [loc["path"] for f in report["findings"] for loc in f["locations"]]
    assert "ev\u202eil.py" in places, places
    assert not [s for s in json_strings(report) if BIDI.search(s) and s != "ev\u202eil.py"]
    sarif = json.loads(Path(paths["sarif"]).read_text(encoding="utf-8"))
    uris = [
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for result in sarif["runs"][0]["results"]
        for loc in result["locations"]
    ]
    assert "ev%E2%80%AEil.py" in uris, uris
    # The cited path matches the changed file: it is reviewed, no coverage miss.
    assert "il.py" not in json.dumps(report["retro"], ensure_ascii=False)


def test_cleaning_is_stable_and_leaves_other_text_alone() -> None:
    # Marks (U+200E/U+200F) reorder no letters and belong to right-to-left prose: kept.
    text = "שלום \u200fעולם\u200e, \u202aa\u202c"
    once = clean_text(text)
    assert once == "שלום \u200fעולם\u200e, ⟨U+202A⟩a⟨U+202C⟩"
    assert clean_text(once) == once


def test_a_report_stored_before_the_cleaning_is_published_with_them_shown(tmp_path: Path) -> None:
    from deepreview.model import Finding, Header, Location, Report, Severity
    from deepreview.publish.stored_review import _stored_report
    from deepreview.serialize import to_json

    finding = Finding(
        id="I1",
        severity=Severity.IMPORTANT,
        title="Opens \u202etxt.exe\u202c",
        locations=(Location("a.py", 1),),
    )
    path = tmp_path / "report.json"
    path.write_text(to_json(Report(header=Header("r"), findings=(finding,))), encoding="utf-8")
    assert _stored_report(path).findings[0].title == "Opens ⟨U+202E⟩txt.exe⟨U+202C⟩"
