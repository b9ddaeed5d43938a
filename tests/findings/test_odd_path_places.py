"""A finding about a file whose name holds `(`, `=`, `,` or a space is located at that file, not
at the next place its body names, and a link's URL never makes a place outside the repository
(trial 45b).

Real layouts name files so: Next.js route groups (`app/(shop)/cart/page.tsx`), Hive-style
partitions (`events/day=2025-03-09/ingest.py`), SvelteKit and Remix routes (`+layout.svelte`,
`users.$id.tsx`). The title's code span used to be refused as "code" for such a name, and the
first other place in the body became the finding's only location: another file, or the path of
a `file://` link (`/etc/hosts`), which the report then marked as not found at the review SHA.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deepreview.findings.locations import parse_link, parse_locations
from deepreview.findings.parse import parse_review
from deepreview.model import Location
from fakebin.harness import Fakes
from support.repos import cli_env, commit_all, make_repo, run_cli, write

ODD_NAMES = [
    "app/(shop)/cart/page.tsx",
    "events/day=2025-03-09/ingest.py",
    "lib/x,y.py",
    "routes/users.$id.tsx",
    "src/routes/+layout.svelte",
    "pages/[slug]/[...rest].tsx",
    "docs/my notes.md",
    "web/(admin) panel/[id]=edit.tsx",
    "<svg onload=alert(1)>.py",
]


def _review(place: str, body: str) -> str:
    return (
        "## Findings\n\n### Critical Issues\n\n"
        f"- **C1** Unchecked input reaches the query in `{place}`\n  {body}\n\n"
        "### Important Issues\n\nNone.\n"
    )


@pytest.mark.parametrize("name", ODD_NAMES)
def test_the_titles_place_wins_over_a_later_file_in_the_body(name: str) -> None:
    review = _review(f"{name}:7", "It is handed to `db/run.ts:22`, which never escapes it.")
    [finding] = parse_review(review, seat="codex").findings
    assert finding.locations == (Location(name, 7),)


@pytest.mark.parametrize(
    "url", ["file:///etc/hosts", "file:///etc/hosts#L3", "/etc/hosts", "ftp://x.org/a.py"]
)
def test_a_link_out_of_the_repository_is_no_place(url: str) -> None:
    review = _review("a=b.py:4", f"Compare [the system file]({url}) for the format.")
    [finding] = parse_review(review, seat="codex").findings
    assert finding.locations == (Location("a=b.py", 4),)
    # with no place in the title, the link still gives none
    lonely = review.replace("in `a=b.py:4`", "somewhere")
    [finding] = parse_review(lonely, seat="codex").findings
    assert all(not loc.path.startswith("/") for loc in finding.locations)
    assert "hosts" not in " ".join(loc.path for loc in finding.locations)


def test_links_into_the_seats_worktree_and_to_github_still_are_places() -> None:
    assert parse_link("x", "/tmp/review-codex-Ab12Cd/app/%28shop%29/a.tsx#L3") == Location(
        "app/(shop)/a.tsx", 3
    )
    blob = "https://github.com/o/r/blob/0123abc/lib/x%2Cy.py#L8"
    assert parse_link("x", blob) == Location("lib/x,y.py", 8)
    # a file:// URL is not a place, but the link's text may be
    assert parse_link("`calc.py:3`", "file:///tmp/review-codex-Ab12Cd/calc.py") == Location(
        "calc.py", 3
    )
    assert parse_link("see", "file:///etc/hosts") is None


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        # lists stay lists: a comma after an extension, or a comma and a space, separates places
        ("a.py:3, b.py:7", [Location("a.py", 3), Location("b.py", 7)]),
        ("a.py,b.py:7", [Location("a.py"), Location("b.py", 7)]),
        ("a.py:3,9", [Location("a.py", 3), Location("a.py", 9)]),
        ("a.py:3; b.py:4-6", [Location("a.py", 3), Location("b.py", 4, 6)]),
        # a name with a comma in it is one place
        ("lib/x,y.py:2", [Location("lib/x,y.py", 2)]),
        # code is not a place, line number or not
        ("f(a, b)", []),
        ("x = y.get(k)", []),
        ("{a,b}.py:3", []),
        ("file:///etc/x.conf:2", []),
    ],
)
def test_code_spans_that_are_lists_or_code(span: str, expected: list[Location]) -> None:
    assert parse_locations(span, code=True) == expected


def test_deep_review_parse_locates_an_odd_name(tmp_path: Path) -> None:
    review = _review(
        "app/(shop)/cart/page.tsx:3",
        "The value flows to `db/run.ts:10` and [the spec](file:///etc/hosts).",
    )
    path = tmp_path / "r.md"
    path.write_text(review, encoding="utf-8")
    res = run_cli(["parse", str(path), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    [finding] = json.loads(res.stdout)["findings"]
    assert finding["locations"] == [{"path": "app/(shop)/cart/page.tsx", "start": 3, "end": None}]


def test_a_review_of_a_file_with_an_odd_name_reports_it_there(tmp_path: Path) -> None:
    """Through `deep-review review`: a seat's finding about a file the change adds, whose name
    holds `(`, `=` and spaces, with a `file://` link in its body, is at that file in the report,
    found at the review SHA (not at `/etc/hosts`, not a suspected false positive)."""
    name = "<svg onload=alert(1)> (v=2).py"
    repo = make_repo(tmp_path)
    write(repo, name, "import os\nos.system(input())\n")
    commit_all(repo, "add a tool")
    review = (
        "## Findings\n\n### Critical Issues\n\n"
        f"C1. **Shell command from user input** — `{name}:2` (critical, regression)\n\n"
        "The input runs in a shell; see [the shell](file:///etc/hosts) for the rules.\n\n"
        "### Important Issues\n\nNone.\n\n### Suggestions\n\nNone.\n"
    )
    review_file = tmp_path / "review.md"
    review_file.write_text(review, encoding="utf-8")
    fakes = Fakes(tmp_path)
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review_file))})
    res = fakes.review(repo, "--agents", "alpha")
    assert res.returncode == 0, res.stderr
    report = json.loads(Path(res.json()["paths"]["json"]).read_text(encoding="utf-8"))
    [finding] = report["findings"]
    assert finding["locations"] == [{"path": name, "start": 2, "end": None}]
    assert finding.get("scope") is None
