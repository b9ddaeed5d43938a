"""`stats` over reviews that had no lead: what needs the lead's decisions is not known.

Survival, false positives, downgrades and drops are counted over reviews with a lead only; a
seat that never had one shows them as `n/a` (JSON `null`, an empty CSV cell), never as a
measured-looking 0 — through the real command.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import tomli_w

from support.repos import cli_env, make_repo, run_cli

FINDING = """## Findings

### Critical Issues

None.

### Important Issues

1. **`shout` fails on `None`** — `util/strings.py:2`
   `.upper()` is called on `None` when no name is given. Fix: return "" for `None`.

### Suggestions

None.
"""
UNLED = ("survival_rate", "false_positives", "downgraded", "dropped")


def test_a_seat_never_led_shows_no_lead_counts(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    review = tmp_path / "alpha.md"
    review.write_text(FINDING, encoding="utf-8")
    seats = {"alpha": {"argv": ["sh", "-c", f'cat >/dev/null; cat "{review}"']}}
    (tmp_path / "user-config.toml").write_text(tomli_w.dumps({"seats": seats}), encoding="utf-8")
    env = cli_env(tmp_path)
    res = run_cli(["review", "--agents", "alpha", "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr[-3000:]

    data = run_cli(["stats", "--json"], cwd=repo, env=env)
    assert data.returncode == 0, data.stderr[-3000:]
    (row,) = data.json()["seats"]
    assert (row["reviews"], row["reviews_with_lead"], row["raised_important"]) == (1, 0, 1)
    assert {k: row[k] for k in UNLED} == dict.fromkeys(UNLED)

    table = run_cli(["stats"], cwd=repo, env=env)
    assert table.returncode == 0, table.stderr[-3000:]
    (line,) = [ln for ln in table.stdout.splitlines() if ln.startswith("│ alpha")]
    cells = [c.strip() for c in line.split("│")[1:-1]]
    # Survival, False pos., Downgr.
    assert cells[4:7] == ["n/a", "n/a", "n/a"], line

    rows = run_cli(["stats", "--csv"], cwd=repo, env=env)
    assert rows.returncode == 0, rows.stderr[-3000:]
    (alpha,) = list(csv.DictReader(io.StringIO(rows.stdout)))
    assert [alpha[k] for k in UNLED] == ["", "", "", ""]
