"""Through the real `deep-review consolidate`: a finding that a function has no test and
another seat's finding of a defect in that function, on the same lines, are two problems."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

_HEAD = """## Executive Summary

Adds `trim` and `pad`; `trim` cuts one character too many.

## Findings

### Critical Issues

None.

### Important Issues

1. **{bug}** — `text.py:4`

   `s[1:-2]` drops the last character; it should be `s[1:-1]`.

### Suggestions

1. **{second}** — `text.py:8-9`

   {second_body}
"""

NO_TEST = _HEAD.format(
    bug="`trim` drops the last character",
    second="`pad` has no test",
    second_body="Add a unit test for `pad`.",
)
DEFECT = _HEAD.format(
    bug="Off-by-one in `trim`",
    second="`pad(None)` raises TypeError",
    second_body="Guard against `None` in `pad`.",
)


def test_a_missing_test_and_a_defect_on_the_same_lines_stay_apart(tmp_path: Path) -> None:
    a, b = tmp_path / "review-codex-pass-1.md", tmp_path / "review-gemini-pass-1.md"
    a.write_text(NO_TEST, encoding="utf-8")
    b.write_text(DEFECT, encoding="utf-8")
    res = run_cli(
        ["consolidate", str(a), str(b), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path)
    )
    assert res.returncode == 0, res.stderr
    found = {f["title"]: f["reviewers"] for f in json.loads(res.stdout)["findings"]}
    # the shared bug still merges; the test gap and the crash are two findings
    assert sorted(found.values()) == [["Codex"], ["Codex", "Gemini"], ["Gemini"]], found
    assert any("no test" in t for t in found) and any("TypeError" in t for t in found)


_ABOUT_TESTS = """## Findings

### Important Issues

1. **{title}** — `{where}` ({classification})

   {body}
"""


def test_two_findings_about_one_test_file_merge_whatever_their_wording(tmp_path: Path) -> None:
    """One seat says the parser is untested, the other, on the same test file, that the test
    should exercise the parser instead of seeding data: one gap. Neither the title of the second
    (no "test" in it) nor the two reviewers' labels for it (gap / regression) make them two."""
    a, b = tmp_path / "review-claude-pass-1.md", tmp_path / "review-codex-pass-1.md"
    a.write_text(
        _ABOUT_TESTS.format(
            title="Feed parsing in `loadFeed` is untested",
            where="web/__tests__/feed.spec.ts:1-30",
            classification="regression",
            body="The spec seeds `entries` directly, so `parseFeed` never runs.",
        ),
        encoding="utf-8",
    )
    b.write_text(
        _ABOUT_TESTS.format(
            title="Exercise the parser instead of seeding component data",
            where="web/__tests__/feed.spec.ts:12-16",
            classification="gap",
            body="Call `parseFeed` on a sample document rather than setting `entries`.",
        ),
        encoding="utf-8",
    )
    res = run_cli(
        ["consolidate", str(a), str(b), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path)
    )
    assert res.returncode == 0, res.stderr
    found = [f["reviewers"] for f in json.loads(res.stdout)["findings"]]
    assert found == [["Claude", "Codex"]], found
