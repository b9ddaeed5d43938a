"""`stats` counts the reviews a seat fell short in — cut off, or findings text it could not read —
as the report says them (the seat's run: status ok, reason `review cut off` / `findings text
could not be read`), through the real command.

Such a review was read and its findings judged, so it is no failure (the failure rate, which
`--panel auto` judges seats by, is unchanged); but a reader of the table must see it beside the
failures, as the report's verdict and seat lines say it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from support.printing_seats import NO_FINDINGS, review_printed
from support.repos import cli_env, run_cli

CUT_OFF = (
    "## Important Issues\n\n- **I1** `calc.py:5` — `sub` drops the sign of negative inputs, "
    "which means every caller that passes a negative and the rest of the"
)
# prose naming a fault with no finding shape: the seat's findings text could not be read (a
# paragraph of its own led by the place is a finding since fp65: here the place comes only in
# the paragraph's second sentence)
UNREAD = (
    "Reviewed both files. The one problem: `calc.py:5` — `sub` is broken for negative inputs."
    "\n\nOtherwise, no issues found.\n"
)


def _reviewed(tmp: Path) -> tuple[Path, dict[str, str]]:
    res, out, _ = review_printed(tmp, {"beta": NO_FINDINGS, "zeta": CUT_OFF, "alpha": UNREAD})
    assert {s["seat"]: s["reason"] for s in out["seats"]} == {
        "beta": None,
        "zeta": "review cut off",
        "alpha": "findings text could not be read",
    }, res.stderr[-2000:]
    return tmp / "repo", cli_env(tmp)


def test_stats_counts_cut_off_and_unread_reviews(tmp_path: Path) -> None:
    repo, env = _reviewed(tmp_path)
    res = run_cli(["stats", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    data: dict[str, Any] = res.json()
    assert data["schema_version"] == 1
    rows = {s["seat"]: s for s in data["seats"]}
    counts = {seat: (r["cut_off"], r["unread"]) for seat, r in rows.items()}
    assert counts == {"zeta": (1, 0), "alpha": (0, 1), "beta": (0, 0)}
    for r in rows.values():  # read, so no failure
        assert (r["timeouts"], r["crashes"], r["unparseable"], r["failure_rate"]) == (0, 0, 0, 0)

    table = run_cli(["stats"], cwd=repo, env=env)
    assert table.returncode == 0, table.stderr
    lines = {line.split()[1]: line for line in table.stdout.splitlines() if line.startswith("│")}
    assert lines["zeta"].rstrip(" │").endswith("0 (+1 cut off)"), table.stdout
    assert lines["alpha"].rstrip(" │").endswith("0 (+1 unread)"), table.stdout
    assert lines["beta"].rstrip(" │").endswith("│ 0"), table.stdout

    # read again from the facts the first run cached in the store: the same counts
    again = {s["seat"]: s for s in run_cli(["stats", "--json"], cwd=repo, env=env).json()["seats"]}
    assert {seat: (r["cut_off"], r["unread"]) for seat, r in again.items()} == counts


def test_stats_csv_adds_the_counts_after_the_old_columns(tmp_path: Path) -> None:
    repo, env = _reviewed(tmp_path)
    res = run_cli(["stats", "--csv"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    records = list(csv.DictReader(io.StringIO(res.stdout)))
    header = res.stdout.splitlines()[0].split(",")
    assert header[-3:] == ["reraised", "cut_off", "unread"]  # earlier columns keep their places
    assert {r["seat"]: (r["cut_off"], r["unread"]) for r in records} == {
        "zeta": ("1", "0"),
        "alpha": ("0", "1"),
        "beta": ("0", "0"),
    }
