"""Through the real `deep-review consolidate`: a finding placed on a test file that says no test
is missing (a stale list in the test, say) and whose text cites the other seat's place is one
problem told from both ends, as a code finding citing the test it breaks is
(`gaps.cites_the_test`). A careful lead credits both reviewers on one finding."""

from __future__ import annotations

from pathlib import Path

from support.consolidating import consolidated_findings

_REVIEW = """## Findings

### Suggestions

1. **{title}** — `{where}` (suggestion, gap)

   {body}
"""

DOCS = _REVIEW.format(
    title="The settings reference table leaves out `tls_dir`",
    where="docs/settings.md:40-58",
    body=(
        "`settingKeys()` returns twelve keys including `tls_dir` (`cmd/settings.go:31`), but "
        "the table at lines 40-52 and the sample output below it list eleven. The change "
        "edited this table and still missed the key."
    ),
)


def _at_the_test(body: str) -> str:
    return _REVIEW.format(
        title="Keep the key list in step with every exported key",
        where="tests/cli/settings.bats:3",
        body=body,
    )


CITES_THE_DOCS = (
    "`settingKeys` exports `tls_dir` at `cmd/settings.go:31`, yet `ALL_KEYS` on line 3 "
    "omits it while the test claims to check every key. The reference table at "
    "`docs/settings.md:44` omits `tls_dir` as well."
)


def test_a_test_file_finding_citing_the_docs_place_is_that_finding(tmp_path: Path) -> None:
    found = consolidated_findings(tmp_path, {"claude": DOCS, "codex": _at_the_test(CITES_THE_DOCS)})
    assert [sorted(f["reviewers"]) for f in found] == [["Claude", "Codex"]], found


def test_without_citing_the_other_place_the_test_finding_stays_apart(tmp_path: Path) -> None:
    # the same stale key list, told without pointing at the reference table: what the test
    # file misses, not what the documentation misses
    own = (
        "`settingKeys` exports `tls_dir` at `cmd/settings.go:31`, yet `ALL_KEYS` on line 3 "
        "omits it while the test claims to check every key."
    )
    found = consolidated_findings(tmp_path, {"claude": DOCS, "codex": _at_the_test(own)})
    assert sorted(sorted(f["reviewers"]) for f in found) == [["Claude"], ["Codex"]], found


def test_citing_other_lines_of_the_file_stays_apart(tmp_path: Path) -> None:
    # the test's finding names the documentation page, but a part of it away from the table:
    # a finding on a test names the code and pages it exercises as a matter of course
    elsewhere = (
        "`settingKeys` returns twelve keys including `tls_dir` (`cmd/settings.go:31`), yet "
        "`ALL_KEYS` on line 3 lists eleven while the test claims to check every key the change "
        "edited, as the sample output at `docs/settings.md:90` shows."
    )
    found = consolidated_findings(tmp_path, {"claude": DOCS, "codex": _at_the_test(elsewhere)})
    assert sorted(sorted(f["reviewers"]) for f in found) == [["Claude"], ["Codex"]], found
