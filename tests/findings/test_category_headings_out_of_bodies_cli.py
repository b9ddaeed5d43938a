"""A category heading between findings (`### Correctness` under `## Findings`) is no part of the
finding above it.

Tried as a new user would: `## Findings` + `### Security` + `- **Title** — `a.py:4`. …` +
`### Correctness` + … read every finding, but each one's text ended with the next category's
heading line (`Rotate it.\\n### Correctness`), shown in the report as a heading inside the
finding. (The categories test covers which findings are read; this one what each one says.)
"""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import review_printed

REVIEW = (
    "## Findings\n\n### Security\n\n"
    "- **`sub` trusts its input** — `calc.py:5`. Nothing checks the second argument.\n\n"
    "### Correctness\n\n"
    "- **`sub` ignores its second argument** — `calc.py:5`. It returns `a` alone.\n\n"
    "### Style\n\n"
    "- **`shout` has no docstring** — `util/strings.py:1`. Callers cannot tell what it does.\n"
)


def test_no_finding_holds_the_next_category_heading(tmp_path: Path) -> None:
    _, out, report = review_printed(tmp_path, {"alpha": REVIEW})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    got = [(f["title"], f["body"]) for f in report["findings"]]
    assert sorted(got) == sorted(
        [
            ("`sub` trusts its input", "Nothing checks the second argument."),
            ("`sub` ignores its second argument", "It returns `a` alone."),
            ("`shout` has no docstring", "Callers cannot tell what it does."),
        ]
    )
