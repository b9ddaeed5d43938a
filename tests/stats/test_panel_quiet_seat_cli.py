"""`review --panel auto` on a seat that had a lead in every review but never raised a finding:
its survival has no value because it raised nothing, not because no lead ran. The terminal,
run.json's `panel` and the report's Panel choice say so. Through the real command."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import tomli_w
from stats_kit import SEATS, StoreKit, run_json, seat

pytestmark = pytest.mark.slow  # six reviews of four seats with the fake lead

QUIET_REVIEW = """## Executive Summary

Two small helpers; nothing to report.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

None.
"""
PANEL = ("--agents", ",".join((*SEATS, "quiet")))
REVIEWS = 5


def test_a_seat_that_raised_nothing_with_a_lead_is_not_said_to_lack_one(tmp_path: Path) -> None:
    kit = StoreKit(tmp_path)
    quiet = tmp_path / "review-quiet.md"
    quiet.write_text(QUIET_REVIEW, encoding="utf-8")
    config_path = tmp_path / "user-config.toml"
    config = tomllib.loads(config_path.read_text(encoding="utf-8"))
    config["seats"]["quiet"] = {"argv": ["sh", "-c", f'cat >/dev/null; cat "{quiet}"']}
    config_path.write_text(tomli_w.dumps(config), encoding="utf-8")
    for _ in range(REVIEWS):
        res = kit.cli("review", *PANEL, "--lead", "claude", "--json")
        assert res.returncode == 0, res.stderr[-3000:]
    stats = seat(kit.stats_json(), "quiet")
    assert (stats["reviews_with_lead"], stats["raised_with_lead"]) == (REVIEWS, 0)

    res = kit.cli("review", *PANEL, "--lead", "claude", "--panel", "auto", "--json")
    assert res.returncode == 0, res.stderr[-3000:]
    out = res.json()
    panel = run_json(out)["panel"]
    reason = next(c["reason"] for c in panel["choices"] if c["seat"] == "quiet")
    assert reason == (
        f"dropped: no verified unique insight in {REVIEWS} reviews; survival n/a: raised no "
        f"finding in {REVIEWS} reviews with a lead."
    )
    assert "no lead" not in reason
    assert f"quiet: {reason}" in " ".join(res.stderr.split())
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert reason in " ".join(md.split())
