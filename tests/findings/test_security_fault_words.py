"""A security hole named by its kind of attack (`timing attack`, `side channel`, `TOCTOU`,
`replay attack`, `open redirect`, `SSRF`, `path traversal`, `XSS`, `CSRF`) is a fault wherever
the parser asks whether a text names one: a minor list's item keeps the level of a security
problem (important), a prose review naming it at a place is no clean review, a limitation, an
Action item, a strength's `but` or a table row marked OK that tells it is a finding. Text that
says the change guards against such an attack (`compare_digest protects against timing
attacks`, `no SSRF risk`) stays harmless (`problem_words.names_an_attack`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity
from support.printing_seats import review_printed

NONE = "## Executive Summary\n\nAdds `sub`.\n\n## Findings\n\nNone.\n\n"


def test_an_attack_among_minor_notes_keeps_a_security_level() -> None:
    text = (
        "## Findings\n\nNo blocking issues. A few minor notes:\n\n"
        "- `calc.py:5` compares the API key with `==`, which is open to a timing attack.\n"
        "- `calc.py:2` — nit: rename `a` to `left`.\n"
    )
    r = parse_review(text, seat="s")
    assert [(f.severity, f.locations[0].start) for f in r.findings] == [
        (Severity.IMPORTANT, 5),
        (Severity.SUGGESTION, 2),
    ]


@pytest.mark.parametrize(
    "section",
    [
        "## Acknowledged Limitations\n\n- `calc.py:5` builds the redirect from the `next` "
        "parameter as given — an open redirect.\n- I did not run the tests.\n",
        "## Action items\n\n1. `calc.py:5` hands the user's URL straight to `urlopen`: SSRF "
        "against the metadata endpoint.\n",
        "## Action items\n\n1. `calc.py:5` joins `name` onto the upload folder, allowing path "
        "traversal with `../`.\n",
        "## Strengths\n\n- Clean handler split, but `calc.py:5` accepts any timestamp, so a "
        "captured request is open to a replay attack.\n",
        "## Strengths\n\n- Tidy, but `calc.py:5` checks the file and then opens it: a TOCTOU "
        "window.\n",
    ],
)
def test_an_attack_outside_the_findings_is_a_finding(section: str) -> None:
    r = parse_review(NONE + section, seat="s")
    assert [(f.locations[0].path, f.locations[0].start) for f in r.findings] == [("calc.py", 5)], (
        r.warnings
    )


def test_an_attack_in_a_row_marked_ok_is_a_finding() -> None:
    text = (
        "## Findings\n\n| Severity | Location | Details |\n|---|---|---|\n"
        "| ✅ OK | `calc.py:5` | Key compared with `==` — timing side channel |\n"
        "| ✅ OK | `calc.py:2` | Parameterised query, fine |\n"
    )
    r = parse_review(text, seat="s")
    assert [f.locations[0].start for f in r.findings] == [5]


def test_an_attack_told_in_prose_is_no_clean_review(tmp_path: Path) -> None:
    text = (
        "The change looks fine overall. One thing: `calc.py:5` compares the HMAC with `==`, "
        "so a remote caller can recover it through a timing side channel.\n"
    )
    res, out, _report = review_printed(tmp_path, {"keen": text})
    assert res.returncode == 0, res.stderr[-2000:]
    assert out["verdict"] != "Merge as-is", out["verdict"]


@pytest.mark.parametrize(
    "text",
    [
        "Looks good. `calc.py:5` uses `hmac.compare_digest`, which protects against timing "
        "attacks.\n",
        "LGTM. `calc.py:5` validates the host first, so there is no SSRF risk.\n",
    ],
)
def test_a_guard_against_an_attack_stays_harmless(text: str) -> None:
    r = parse_review(text, seat="s")
    assert not r.findings
    assert not r.unread_findings


@pytest.mark.parametrize(
    "text",
    [
        "The code looks good overall.\n\n**Potential improvements:**\n"
        "1. `calc.py:5` - The database password is hardcoded in the source.\n"
        "2. `calc.py:2` - Consider adding a docstring.\n\nOverall, LGTM.\n",
        "## Summary\n\nClean refactor.\n\n## Findings\n\nNo critical issues. No important "
        "issues.\n\n## Notes\n\n- `calc.py:5`: the session cookie is set without `HttpOnly`.\n",
    ],
)
def test_a_secret_in_the_code_or_a_bare_cookie_is_no_clean_review(text: str) -> None:
    r = parse_review(text, seat="s")
    assert r.findings or r.unread_findings, r.warnings


def test_lgtm_after_harmless_remarks_stays_clean() -> None:
    text = (
        "The code looks good overall.\n\n- `calc.py:5` reads the password from the vault.\n"
        "- `calc.py:2` keeps `add` as it was.\n\nOverall, LGTM.\n"
    )
    r = parse_review(text, seat="s")
    assert not r.findings and not r.unread_findings, r.warnings
