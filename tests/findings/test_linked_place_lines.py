"""A finding's lines written just after a Markdown link to its file (`[a.go](/abs/a.go):12-30`)
are the place's lines, and places a heading adds in `(also …)` are places of the finding too.

Some seats link each file to its absolute path on the reviewer's machine and write the lines
after the link, outside it; the lines used to be dropped, so the finding sat on the whole file
and was merged with any other finding in that file, however far apart their lines were.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from deepreview.findings import parse_review
from deepreview.findings.head import locations_in
from deepreview.model import Location
from support.repos import cli_env, make_repo, run_cli

HOME = "/home/dev/src/shop"


def _one(item: str) -> tuple[Location, ...]:
    review = f"## Findings\n\n### Important Issues\n\n{item}\n\nThe body says why.\n"
    [finding] = parse_review(review, seat="codex").findings
    return finding.locations


@pytest.mark.parametrize(
    ("after", "want"),
    [
        (":12-30", Location("web/cart.ts", 12, 30)),
        (":12–30", Location("web/cart.ts", 12, 30)),
        (":12", Location("web/cart.ts", 12)),
        (":L12-L30", Location("web/cart.ts", 12, 30)),
    ],
)
def test_lines_after_a_link_are_the_links_lines(after: str, want: Location) -> None:
    item = f"1. **Totals skip the discount** — [web/cart.ts]({HOME}/web/cart.ts){after}"
    assert _one(item) == (want,)


def test_several_links_each_keep_their_own_lines() -> None:
    item = (
        "1. **Stock is read twice** — "
        f"[web/cart.ts]({HOME}/web/cart.ts):12-30, "
        f"[api/stock.py]({HOME}/api/stock.py):7, "
        f"[docs/cart.md]({HOME}/docs/cart.md):3-9 `(important, regression)`"
    )
    assert _one(item) == (
        Location("web/cart.ts", 12, 30),
        Location("api/stock.py", 7),
        Location("docs/cart.md", 3, 9),
    )


def test_lines_after_a_link_in_a_table_cell_and_more_lines_after_them() -> None:
    assert locations_in(f"[web/cart.ts]({HOME}/web/cart.ts):40-44") == [
        Location("web/cart.ts", 40, 44)
    ]
    # `, 60-62` after the link's lines: more lines of that file, as after `web/cart.ts:40-44`
    assert locations_in(f"[web/cart.ts]({HOME}/web/cart.ts):40-44, 60-62") == [
        Location("web/cart.ts", 40, 44),
        Location("web/cart.ts", 60, 62),
    ]
    # a link that names no place of the repository takes no lines either
    assert locations_in("[the docs](https://example.com/guide):12") == []


def test_places_a_heading_adds_with_also() -> None:
    item = (
        "S1. **The helper no longer checks its name** — `web/cart.ts:12-14` "
        "(also `web/stock.ts:72`, `api/tools.ts:248`) (suggestion, regression)"
    )
    assert _one(item) == (
        Location("web/cart.ts", 12, 14),
        Location("web/stock.ts", 72),
        Location("api/tools.ts", 248),
    )


def test_the_report_places_a_linked_finding_at_its_lines(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    review = (
        "## Findings\n\n### Important Issues\n\n"
        f"1. **calc divides by zero** — [calc.py]({HOME}/calc.py):3 `(important, regression)`\n\n"
        "`div(1, 0)` raises.\n"
    )
    out = tmp_path / "codex.out"
    out.write_text(review, encoding="utf-8")
    argv = ["sh", "-c", f"cat >/dev/null; cat {out}"]
    (tmp_path / "user-config.toml").write_text(
        f"[seats.codex]\nargv = {json.dumps(argv)}\n", "utf-8"
    )
    res = run_cli(
        ["review", "--agents", "codex", "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    data: dict[str, Any] = res.json()
    assert {s["status"] for s in data["seats"]} == {"ok"}, res.stderr[-2000:]
    report = json.loads(Path(data["paths"]["json"]).read_text(encoding="utf-8"))
    [finding] = report["findings"]
    assert [(p["path"], p["start"]) for p in finding["locations"]] == [("calc.py", 3)]
