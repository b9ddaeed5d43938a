"""`list` and the store's `index.html` (which `reindex` rewrites) show each review's
`created_at` as `stats` reads it, through the real commands: in UTC whatever offset run.json
holds, and a `created_at` that is no date as unknown, with the note `stats` gives."""

from __future__ import annotations

import re
from pathlib import Path

from support.dated_store import set_created_at, stored_reviews
from support.repos import run_cli


def _store_of_three(tmp_path: Path) -> tuple[Path, dict[str, str], list[str]]:
    repo, env, ids = stored_reviews(tmp_path)
    dates = ("not a date", "2026-12-01T10:00:00+02:00", "2026-12-01T09:30:00+00:00")
    for rid, when in zip(ids, dates, strict=True):
        set_created_at(tmp_path / "store", rid, when)
    return repo, env, ids


def test_list_and_index_show_utc_and_unknown(tmp_path: Path) -> None:
    repo, env, (bogus, offset, utc) = _store_of_three(tmp_path)
    res = run_cli(["reindex"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    note = f"{bogus}: its created_at 'not a date' (run.json) is no date"

    listed = run_cli(["list", "--json"], cwd=repo, env=env)
    assert listed.returncode == 0, listed.stderr
    data = listed.json()
    dates = {r["id"]: r["date"] for r in data["reviews"]}
    assert dates == {
        offset: "2026-12-01T08:00:00+00:00",
        utc: "2026-12-01T09:30:00+00:00",
        bogus: None,
    }
    # Newest first in UTC (as text, "10:00+02:00" would come first); no date: last.
    assert [r["id"] for r in data["reviews"]] == [utc, offset, bogus]
    assert data["notes"] == [note]

    table = run_cli(["list"], cwd=repo, env=env)
    assert table.returncode == 0, table.stderr
    assert "Traceback" not in table.stderr
    lines = {
        rid: ln for ln in table.stdout.splitlines() for rid in (bogus, offset, utc) if rid in ln
    }
    assert "2026-12-01 08:00" in lines[offset], table.stdout
    assert "2026-12-01 09:30" in lines[utc], table.stdout
    assert "unknown" in lines[bogus], table.stdout
    assert "Date (UTC)" in table.stdout
    assert f"note: {note}" in table.stderr, table.stderr

    page = (tmp_path / "store" / "index.html").read_text(encoding="utf-8")
    cells = re.findall(r'<td class="date">([^<]*)</td>', page)
    assert cells == ["2026-12-01 09:30", "2026-12-01 08:00", "unknown"], cells
    assert "<th>Date (UTC)</th>" in page


def test_relead_of_a_review_whose_date_is_no_date_still_writes_the_report(
    tmp_path: Path,
) -> None:
    """A hand-edited run.json must not turn a relead into a traceback: the header's date is
    unknown, the rest of the report is written."""
    repo, env, (bogus, _, _) = _store_of_three(tmp_path)
    res = run_cli(["relead", bogus, "--lead", "none", "--force", "--json"], cwd=repo, env=env)
    assert res.returncode in (0, 1), res.stderr[-3000:]
    assert "Traceback" not in res.stderr
    md = (tmp_path / "store" / f"{bogus}.md").read_text(encoding="utf-8")
    assert "| **Date** | unknown |" in md


def test_rounds_follow_utc_time_not_the_written_offset(tmp_path: Path) -> None:
    """Across a daylight-saving change the store writes two offsets: the later review by the
    clock is the later round, whatever its text sorts as."""
    from deepreview.rounds.previous import series_rows
    from deepreview.store.repository import Repository
    from deepreview.store.store import Store

    repo, env, ids = _store_of_three(tmp_path)
    store = tmp_path / "store"
    # 02:30+02:00 is 00:30 UTC; 02:10+01:00 is 01:10 UTC, the later one.
    for rid, when in zip(
        ids,
        ("2026-10-25T02:30:00+02:00", "2026-10-25T02:10:00+01:00", "2026-10-25T01:59:00+00:00"),
        strict=True,
    ):
        set_created_at(store, rid, when)
    assert run_cli(["reindex"], cwd=repo, env=env).returncode == 0
    st = Store(store)
    row = next(r for r in st.rows() if r.id == ids[0])
    got = series_rows(st, row.series, row.branch, Repository(row.repo_key, row.repo))
    assert [r.id for r in got] == ids
