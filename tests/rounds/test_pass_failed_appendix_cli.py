"""A later pass that failed is in the appendix like a failed seat: what it printed, under its
`### [Seat] — Pass 2` heading, said to have failed and not to be read for findings (the retro
already says why; the appendix showed pass 1 only, as if there had been no pass 2)."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import run_cli
from support.rounds import ROUND1, make_branch_repo


def test_a_failed_later_pass_is_in_the_appendix_marked_as_failed(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    review, ran = fakes.tmp / "round1.md", fakes.tmp / "ran-once"
    review.write_text(ROUND1, encoding="utf-8")  # an Important finding: pass 2 runs
    script = (
        f'cat >/dev/null; if [ -e "{ran}" ]; then echo "Error: quota exceeded for this key";'
        f' echo "quota" >&2; exit 3; fi; touch "{ran}"; cat "{review}"'
    )
    fakes.write_config({"alpha": {"argv": ["sh", "-c", script]}})
    args = ["review", "--agents", "alpha", "--lead", "none", "--passes", "2"]
    res = run_cli(args, cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    assert "  alpha: ok: pass 2 failed: exited with code 3: quota (pass 1 kept)" in res.stderr

    rid = next(fakes.store.glob("*/run.json")).parent.name
    md = (fakes.store / f"{rid}.md").read_text(encoding="utf-8")
    appendix = md.split("## Appendix: Original Reviews", 1)[1]
    assert "### [Alpha] — Pass 1" in appendix
    second = appendix.split("### [Alpha] — Pass 2", 1)[1]
    assert "pass 2 failed: exited with code 3: quota (pass 1 kept)" in second
    assert "not read for findings" in second
    assert "Error: quota exceeded for this key" in second
    report = json.loads((fakes.store / f"{rid}.json").read_text(encoding="utf-8"))
    assert [(a["name"], a["pass_no"]) for a in report["appendix"]] == [("Alpha", 1), ("Alpha", 2)]
    page = (fakes.store / f"{rid}.html").read_text(encoding="utf-8")
    assert "Error: quota exceeded for this key" in page
