"""Links into a seat's scratch worktree in its prose (trial 52 #2). A Codex-like seat links the
files it read as `[label](/tmp/review-<seat>-XXXX/path#L8)`: that folder is deleted when the
review ends, so the link is dead and shows a local temp path; the HTML printed it as raw
Markdown. A finding's location is made repository-relative (`findings.locations.relativize`);
now the links in design observations, assessments and finding bodies are too, as a code span
naming the place (`` `calc/ops.py:8` ``), which every renderer shows as code."""

from __future__ import annotations

import json
from pathlib import Path

from deepreview.consolidate.scratch_links import local_links, scratch_place
from deepreview.findings.locations import relativize
from support.repos import cli_env, make_repo, run_cli

# WT stands for the seat's working directory: the seat prints its links into it, as Codex does
REVIEW = (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\n"
    "I1. **`divide` hides a zero divisor** — `calc.py:6` (important, gap)\n\n"
    "It returns 0 for a zero divisor; compare [`multiply`](WT/calc.py#L3), which raises.\n\n"
    "### Suggestions\n\nNone.\n\n"
    "## Design Observations\n\n**Concerns**\n\n"
    "- (in-scope) In [calc.py](WT/calc.py#L6), every helper repeats the same type checks.\n\n"
    "## Testing Assessment\n\n"
    "1. No test covers [divide](WT/calc.py#L6-L8).\n"
    "2. The docs link [the guide](https://example.com/guide) stays as written.\n\n"
    "## Open Questions\n\n1. Should [`divide`](WT/calc.py#L6) raise instead?\n"
)


def _review(tmp: Path) -> tuple[str, str, dict]:
    out = tmp / "codex.out"
    out.write_text(REVIEW, encoding="utf-8")
    argv = ["sh", "-c", f"cat >/dev/null; sed \"s#WT#$PWD#g\" '{out}'"]
    (tmp / "user-config.toml").write_text(
        f"[seats.linker]\nargv = {json.dumps(argv)}\n", encoding="utf-8"
    )
    repo = make_repo(tmp)
    res = run_cli(
        ["review", "--agents", "linker", "--lead", "none", "--json"], cwd=repo, env=cli_env(tmp)
    )
    assert res.returncode == 0, res.stderr[-2000:]
    paths = res.json()["paths"]
    return (
        Path(paths["md"]).read_text(encoding="utf-8"),
        Path(paths["html"]).read_text(encoding="utf-8"),
        json.loads(Path(paths["json"]).read_text(encoding="utf-8")),
    )


def test_scratch_worktree_links_become_repository_places(tmp_path: Path) -> None:
    md, html, report = _review(tmp_path)
    appendix = md.split("## Appendix")[1]
    body = md.split("## Appendix")[0]
    assert "/review-linker-" in appendix  # the seat's own words stay in the appendix
    assert "/review-linker-" not in body, body
    assert "In `calc.py:6`, every helper repeats" in body
    assert "1. No test covers divide (`calc.py:6-8`). [Linker]" in body
    assert "compare `multiply` (`calc.py:3`), which raises." in body
    assert "[the guide](https://example.com/guide)" in body  # a web link is no scratch path
    assert "1. Should `divide` (`calc.py:6`) raise instead? [Linker]" in body
    assert report["design_observations"][0]["text"].startswith("In `calc.py:6`, every helper")
    assert report["testing"]["items"][0] == "No test covers divide (`calc.py:6-8`)."

    page = html.split('id="appendix"')[0]
    assert "/review-linker-" not in page
    assert "](" not in page.split('id="design"')[1]  # no Markdown link syntax shown as text
    assert "No test covers divide (<code>calc.py:6-8</code>)." in page


def test_only_links_into_a_scratch_worktree_change() -> None:
    text = (
        "See [x.py](/tmp/review-codex-Ab12Cd/pkg/x.py#L4) and [the helper `run`]"
        "(/private/tmp/review-my-seat-Zz9Yy8/pkg/run.py), not [home](/home/me/x.py) nor "
        "`[code](/tmp/review-codex-Ab12Cd/a.py)`.\n\n"
        "```\n[fenced](/tmp/review-codex-Ab12Cd/b.py)\n```\n"
        "The path at [y.go:443-468](/tmp/review-codex-Ab12Cd/pkg/y.go#L443) leaks.\n"
    )
    assert local_links(text) == (
        "See `pkg/x.py:4` and the helper `run` (`pkg/run.py`), not [home](/home/me/x.py) nor "
        "`[code](/tmp/review-codex-Ab12Cd/a.py)`.\n\n"
        "```\n[fenced](/tmp/review-codex-Ab12Cd/b.py)\n```\n"
        "The path at `pkg/y.go:443-468` leaks.\n"
    )


def test_a_worktree_suffix_may_hold_an_underscore() -> None:
    # `tempfile.mkdtemp` draws its suffix from letters, digits and `_`: one run in five or so
    # has one, and its links and locations kept the temp path
    assert scratch_place("/tmp/review-b-0nsc_0zt/inventory/ledger.py#L10") == (
        "inventory/ledger.py:10"
    )
    assert relativize("/tmp/review-my-seat-_a1b2c/pkg/x.go") == "pkg/x.go"
