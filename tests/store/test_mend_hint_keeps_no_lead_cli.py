"""A review made with `--lead none` whose report file was cut short: `show` and `list` said
"`deep-review relead ID` writes them again from the seats' reviews", but a bare `relead` runs
the default lead (a model run, its cost, a report the review never had). The hint for such a
review names `--lead none`, which writes the files again as they were; one with a lead says
that its lead runs again."""

from __future__ import annotations

import json
from pathlib import Path

from support.printing_seats import NO_FINDINGS, one_stored_review
from support.repos import run_cli


def _timeless(md: str) -> str:
    """The report but its Wall-clock row (a relead adds its own time to it)."""
    return "\n".join(ln for ln in md.splitlines() if "**Wall-clock time**" not in ln)


def test_the_mend_hint_of_a_no_lead_review_keeps_it_without_one(tmp_path: Path) -> None:
    repo, env, rid = one_stored_review(tmp_path, NO_FINDINGS)
    store = Path(env["DEEP_REVIEW_STORE"])
    md = store / f"{rid}.md"
    whole = md.read_text(encoding="utf-8")
    md.write_text(whole[:200], encoding="utf-8")
    hint = f"`deep-review relead {rid} --lead none` writes them again from the seats' reviews"
    res = run_cli(["show", rid], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    assert hint in res.stderr, res.stderr
    res = run_cli(["list"], cwd=repo, env=env)
    assert hint in res.stderr, res.stderr
    res = run_cli(["relead", rid, "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert _timeless(md.read_text(encoding="utf-8")) == _timeless(whole)
    report = json.loads((store / f"{rid}.json").read_text(encoding="utf-8"))
    assert report["lead"]["status"] == "none", report["lead"]
