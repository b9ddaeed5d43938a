"""A store edited or damaged by hand, through the real `deep-review` command: an index that is
not a database, an index row that is not what deep-review wrote, a truncated report, a lost
index, a review folder deleted by hand. Each is one line and exit 2, or repaired: never a
traceback, never a review left "running" or a ghost in the list."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from fakebin.harness import Fakes
from support.repos import CliResult, run_cli
from support.rounds import ROUND1, alpha_seat, make_branch_repo, run_round, stored
from support.shared_store import keep, put_back


def _one_line(res: CliResult, *needles: str) -> str:
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


Review = tuple[Fakes, Path, str]  # a stored review: its fakes, repository and ID


@pytest.fixture(scope="module")
def _made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Review, Path, str]:
    """One round-1 review, made once per module and worker (the tests here only edit its store
    and run commands, some more rounds, on it): the review, its store kept, its config."""
    tmp = tmp_path_factory.mktemp("damaged")
    fakes = Fakes(tmp)
    repo = make_branch_repo(tmp)
    rid: str = run_round(fakes, repo, ROUND1)["review_id"]
    return (fakes, repo, rid), keep(fakes.store), fakes.config.read_text(encoding="utf-8")


@pytest.fixture
def one_review(_made: tuple[Review, Path, str]) -> Review:
    """The module's review, its store and config as the review left them."""
    review, kept, config = _made
    fakes = review[0]
    put_back(kept, fakes.store)
    fakes.config.write_text(config, encoding="utf-8")
    return review


def _cli(fakes: Fakes, repo: Path, *args: str) -> CliResult:
    return run_cli(list(args), cwd=repo, env={**fakes.env(), "BROWSER": "false"})


def _running_reviews(store: Path) -> list[str]:
    return [
        d.name
        for d in store.iterdir()
        if (d / "run.json").is_file()
        and json.loads((d / "run.json").read_text(encoding="utf-8"))["status"] == "running"
    ]


# -- a damaged store: one line, exit 2 -----------------------------------------------------------
READERS = [
    ["list"],
    ["show", "{rid}"],
    ["stats"],
    ["declines"],
    ["open", "{rid}"],
    ["resume", "{rid}"],
    ["relead", "{rid}", "--lead", "none"],
]


@pytest.mark.parametrize("args", READERS, ids=lambda a: a[0])
def test_an_index_that_is_not_a_database_is_one_line(one_review: Review, args: list[str]) -> None:
    fakes, repo, rid = one_review
    (fakes.store / "index.sqlite").write_bytes(b"garbage, not a database\n" * 10)
    res = _cli(fakes, repo, *(a.format(rid=rid) for a in args))
    _one_line(res, "index.sqlite", "deep-review reindex")


def test_review_checks_a_damaged_index_before_writing_anything(one_review: Review) -> None:
    fakes, repo, _ = one_review
    (fakes.store / "index.sqlite").write_bytes(b"garbage, not a database\n" * 10)
    before = sorted(p.name for p in fakes.store.iterdir())
    res = fakes.review(repo, "--agents", "alpha", "--format", "md")
    _one_line(res, "index.sqlite", "deep-review reindex")
    assert sorted(p.name for p in fakes.store.iterdir()) == before
    assert _running_reviews(fakes.store) == []


@pytest.mark.parametrize("args", [["list"], ["show", "{rid}"], ["stats"]], ids=lambda a: a[0])
def test_an_index_row_that_is_not_json_is_one_line(one_review: Review, args: list[str]) -> None:
    fakes, repo, rid = one_review
    with sqlite3.connect(fakes.store / "index.sqlite") as db:
        db.execute("UPDATE reviews SET reviewers = 'not json' WHERE id = ?", (rid,))
    res = _cli(fakes, repo, *(a.format(rid=rid) for a in args))
    _one_line(res, rid, "deep-review reindex")


def test_a_truncated_report_json_is_one_line(one_review: Review) -> None:
    fakes, repo, rid = one_review
    record = fakes.store / f"{rid}.json"
    record.write_text(record.read_text(encoding="utf-8")[:200], encoding="utf-8")
    res = _cli(fakes, repo, "show", rid, "--format", "html")
    _one_line(res, f"{rid}.json", f"deep-review relead {rid}")


def test_reindex_repairs_a_damaged_index(one_review: Review) -> None:
    fakes, repo, rid = one_review
    (fakes.store / "index.sqlite").write_bytes(b"garbage, not a database\n" * 10)
    res = _cli(fakes, repo, "reindex")
    assert res.returncode == 0, res.stderr
    assert "1 review" in res.stdout + res.stderr
    listed = _cli(fakes, repo, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [r["id"] for r in listed.json()["reviews"]] == [rid]
    # The damaged file is kept beside it, not deleted.
    assert list(fakes.store.glob("index.sqlite.damaged*"))


def test_reindex_rewrites_a_row_edited_by_hand(one_review: Review) -> None:
    fakes, repo, rid = one_review
    with sqlite3.connect(fakes.store / "index.sqlite") as db:
        db.execute("UPDATE reviews SET reviewers = 'not json', critical = 'x' WHERE id = ?", (rid,))
    assert _cli(fakes, repo, "reindex").returncode == 0
    listed = _cli(fakes, repo, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    (row,) = listed.json()["reviews"]
    assert (row["reviewers"], row["critical"], row["important"]) == (["Alpha"], 0, 1)
    assert not list(fakes.store.glob("index.sqlite.damaged*"))  # only the row was damaged


def test_stats_recomputes_cached_facts_edited_by_hand(one_review: Review) -> None:
    fakes, repo, _ = one_review
    with sqlite3.connect(fakes.store / "index.sqlite") as db:
        db.execute("UPDATE seat_facts SET data = 'not json'")
        db.execute("UPDATE lead_facts SET data = '{\"nope\": 1}'")
    res = _cli(fakes, repo, "stats", "--json")
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr


# -- a lost index is rebuilt from the review folders ---------------------------------------------
def test_a_lost_index_is_rebuilt_on_first_read(one_review: Review) -> None:
    fakes, repo, rid = one_review
    (fakes.store / "index.sqlite").unlink()
    listed = _cli(fakes, repo, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    (row,) = listed.json()["reviews"]
    assert (row["id"], row["status"], row["important"]) == (rid, "complete", 1)
    assert row["reviewers"] == ["Alpha"]
    shown = _cli(fakes, repo, "show", rid)
    assert shown.returncode == 0, shown.stderr
    assert rid in (fakes.store / "index.html").read_text(encoding="utf-8")


def test_round_numbers_survive_a_rebuilt_index(one_review: Review) -> None:
    fakes, repo, first = one_review
    second = run_round(fakes, repo, ROUND1)["review_id"]
    assert json.loads(stored(fakes, second, ".json"))["header"]["round"].startswith("2 ")
    (fakes.store / "index.sqlite").unlink()
    third = run_round(fakes, repo, ROUND1)["review_id"]
    data = json.loads(stored(fakes, third, ".json"))
    assert data["header"]["round"].startswith("3 ")
    assert data["round_info"]["previous_review_id"] == second
    with sqlite3.connect(fakes.store / "index.sqlite") as db:
        numbers = dict(db.execute("SELECT id, round_no FROM reviews").fetchall())
    assert numbers == {first: 1, second: 2, third: 3}


def test_reindex_adds_reviews_missing_from_the_index(one_review: Review) -> None:
    fakes, repo, first = one_review
    second = run_round(fakes, repo, ROUND1)["review_id"]
    with sqlite3.connect(fakes.store / "index.sqlite") as db:
        db.execute("DELETE FROM reviews WHERE id = ?", (first,))
    res = _cli(fakes, repo, "reindex")
    assert res.returncode == 0, res.stderr
    listed = _cli(fakes, repo, "list", "--json")
    assert {r["id"] for r in listed.json()["reviews"]} == {first, second}
    with sqlite3.connect(fakes.store / "index.sqlite") as db:
        numbers = dict(db.execute("SELECT id, round_no FROM reviews").fetchall())
    assert numbers == {first: 1, second: 2}


# -- a review deleted by hand --------------------------------------------------------------------
def _delete_by_hand(store: Path, rid: str, *, files: bool = True) -> None:
    import shutil

    shutil.rmtree(store / rid)
    if files:
        for suffix in (".json", ".md", ".html", ".sarif"):
            (store / f"{rid}{suffix}").unlink(missing_ok=True)


def test_a_review_deleted_by_hand_leaves_no_ghost_in_the_list(one_review: Review) -> None:
    """`list` and the index page forget it; its index row stays (hidden) for the series'
    round numbers and notes (see below) until `reindex` or `delete`."""
    fakes, repo, first = one_review
    second = run_round(fakes, repo, ROUND1)["review_id"]
    _delete_by_hand(fakes.store, second)
    listed = _cli(fakes, repo, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [r["id"] for r in listed.json()["reviews"]] == [first]
    assert second not in (fakes.store / "index.html").read_text(encoding="utf-8")
    assert _cli(fakes, repo, "show", second).returncode == 2
    assert _cli(fakes, repo, "reindex").returncode == 0
    with sqlite3.connect(fakes.store / "index.sqlite") as db:
        assert [r[0] for r in db.execute("SELECT id FROM reviews")] == [first]


@pytest.mark.parametrize("listed", [False, True], ids=["no-list", "after-list"])
def test_a_later_round_skips_a_previous_round_deleted_by_hand(
    one_review: Review, listed: bool
) -> None:
    """Round 2 deleted by hand: the next review is round 3 (never a second "round 2"), follows
    round 1 and says round 2 was deleted — whether or not `list` ran in between."""
    fakes, repo, first = one_review
    second = run_round(fakes, repo, ROUND1)["review_id"]
    _delete_by_hand(fakes.store, second)
    if listed:
        assert _cli(fakes, repo, "list").returncode == 0
    third = run_round(fakes, repo, ROUND1)["review_id"]
    data = json.loads(stored(fakes, third, ".json"))
    assert data["header"]["round"] == "3 (of feature)"
    assert data["round_info"]["previous_review_id"] == first
    assert f"Review {second} of this series was deleted" in data["round_info"]["interdiff_note"]


def test_an_unreadable_previous_round_names_delete(one_review: Review) -> None:
    fakes, repo, first = one_review
    (fakes.store / f"{first}.json").write_text("{", encoding="utf-8")
    fakes.write_config({"alpha": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "alpha", "--format", "md")
    assert res.returncode == 2, res.stderr
    assert "Traceback" not in res.stderr
    last = res.stderr.strip().splitlines()[-1]
    assert f"deep-review delete {first}" in last and f"deep-review relead {first}" in last
    assert _running_reviews(fakes.store) == []
    assert [d.name for d in fakes.store.iterdir() if d.is_dir()] == [first]


@pytest.mark.parametrize("args", [["open", "{rid}"], ["relead", "{rid}", "--lead", "none"]])
def test_only_the_folder_deleted_is_a_clear_message(one_review: Review, args: list[str]) -> None:
    fakes, repo, rid = one_review
    _delete_by_hand(fakes.store, rid, files=False)  # stored as md only: `open` renders it
    res = _cli(fakes, repo, *(a.format(rid=rid) for a in args))
    _one_line(res, f"{rid}", "folder", f"deep-review delete {rid}")


def test_delete_removes_the_review(one_review: Review) -> None:
    fakes, repo, first = one_review
    second = run_round(fakes, repo, ROUND1)["review_id"]
    res = _cli(fakes, repo, "delete", second, "--yes")
    assert res.returncode == 0, res.stderr
    assert not (fakes.store / second).exists()
    assert not list(fakes.store.glob(f"{second}.*"))
    assert (fakes.store / first).is_dir() and (fakes.store / f"{first}.json").is_file()
    listed = _cli(fakes, repo, "list", "--json")
    assert [r["id"] for r in listed.json()["reviews"]] == [first]
    assert second not in (fakes.store / "index.html").read_text(encoding="utf-8")


def test_delete_without_a_terminal_needs_yes(one_review: Review) -> None:
    fakes, repo, rid = one_review
    res = _cli(fakes, repo, "delete", rid)
    _one_line(res, "--yes")
    assert (fakes.store / rid).is_dir()


def test_delete_of_an_unknown_review_is_one_line(one_review: Review) -> None:
    fakes, repo, _ = one_review
    _one_line(_cli(fakes, repo, "delete", "no-such-review", "--yes"), "no review")
    _one_line(_cli(fakes, repo, "delete", "../x", "--yes"), "no review")


# -- seat names ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["../../trav", "a/b", "..", "x..y", ".hidden", "sp ace"])
def test_seat_names_must_be_plain(tmp_path: Path, name: str) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    fakes.write_config({name: fakes.seat("ok")})
    res = fakes.review(repo, "--agents", name)
    _one_line(res, repr(name), "letters, digits")
    assert not fakes.store.exists()


def test_seat_names_on_the_command_line_must_be_plain(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    res = fakes.review(repo, "--agents", "static,../x")
    _one_line(res, "'../x'", "letters, digits")
    assert not fakes.store.exists()


# -- an index that lost its rows: rebuilt, never read as an empty store ---------------------------
def _empty_file(index: Path) -> None:
    index.write_bytes(b"")


def _drop_reviews(index: Path) -> None:
    with sqlite3.connect(index) as db:
        db.execute("DROP TABLE reviews")


def _empty_reviews(index: Path) -> None:
    with sqlite3.connect(index) as db:
        db.execute("DELETE FROM reviews")


LOST_ROWS = [_empty_file, _drop_reviews, _empty_reviews]


@pytest.mark.parametrize("damage", LOST_ROWS, ids=lambda f: f.__name__)
def test_an_index_that_lost_its_rows_is_not_an_empty_store(one_review: Review, damage: Any) -> None:
    fakes, repo, rid = one_review
    damage(fakes.store / "index.sqlite")
    listed = _cli(fakes, repo, "list", "--json")
    if listed.returncode == 2:  # refused: the line says how to rebuild it
        _one_line(listed, "index.sqlite", "deep-review reindex")
        assert _cli(fakes, repo, "reindex").returncode == 0
        listed = _cli(fakes, repo, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [r["id"] for r in listed.json()["reviews"]] == [rid]


@pytest.mark.parametrize("damage", LOST_ROWS, ids=lambda f: f.__name__)
def test_the_next_round_after_an_index_lost_its_rows_is_round_2(
    one_review: Review, damage: Any
) -> None:
    fakes, repo, first = one_review
    damage(fakes.store / "index.sqlite")
    fakes.write_config(alpha_seat(fakes, ROUND1))
    res = fakes.review(repo, "--agents", "alpha", "--format", "md")
    if res.returncode == 2:  # refused before writing anything: reindex, then the round
        _one_line(res, "index.sqlite", "deep-review reindex")
        assert _running_reviews(fakes.store) == []
        assert _cli(fakes, repo, "reindex").returncode == 0
        res = fakes.review(repo, "--agents", "alpha", "--format", "md")
    assert res.returncode == 0, res.stderr
    data = json.loads(stored(fakes, res.json()["review_id"], ".json"))
    assert data["header"]["round"].startswith("2 ")
    assert data["round_info"]["previous_review_id"] == first


# -- a damaged report: show and open refuse, whatever format they print ---------------------------
def _html_beside(fakes: Fakes, repo: Path, rid: str) -> None:
    """Store the HTML report too, as `review --format md,html` would."""
    html = _cli(fakes, repo, "show", rid, "--format", "html")
    assert html.returncode == 0, html.stderr
    (fakes.store / f"{rid}.html").write_text(html.stdout, encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [["show", "{rid}"], ["show", "{rid}", "--format", "json"], ["open", "{rid}"]],
    ids=lambda a: "-".join(a[:1] + a[2:]),
)
def test_a_damaged_report_json_is_one_line_for_every_format(
    one_review: Review, args: list[str]
) -> None:
    fakes, repo, rid = one_review
    _html_beside(fakes, repo, rid)
    record = fakes.store / f"{rid}.json"
    record.write_text(record.read_text(encoding="utf-8")[:200], encoding="utf-8")
    res = _cli(fakes, repo, *(a.format(rid=rid) for a in args))
    _one_line(res, f"{rid}.json", f"deep-review relead {rid}", f"deep-review delete {rid}")
    if "json" in args:  # stdout asked for JSON: the error object, as with `--json`
        assert json.loads(res.stdout)["exit_code"] == 2
    else:
        assert res.stdout == ""


def test_open_of_a_review_whose_folder_was_deleted_by_hand(one_review: Review) -> None:
    fakes, repo, rid = one_review
    _html_beside(fakes, repo, rid)
    _delete_by_hand(fakes.store, rid, files=False)
    res = _cli(fakes, repo, "open", rid)
    _one_line(res, rid, "folder", f"deep-review delete {rid}")


# -- delete: not a round a later round builds on; a review marked running that nothing runs ---
def _set_status(store: Path, rid: str, status: str) -> None:
    path = store / rid / "run.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["status"] = status
    path.write_text(json.dumps(data), encoding="utf-8")


def test_delete_of_a_review_marked_running_that_no_process_runs(one_review: Review) -> None:
    """run.json says running, and no deep-review holds the review: its process was killed
    outright. No --force needed (tests/store/test_delete_running_cli.py: a live one)."""
    fakes, repo, rid = one_review
    _set_status(fakes.store, rid, "running")
    res = _cli(fakes, repo, "delete", rid, "--yes")
    assert res.returncode == 0, res.stderr
    assert f"note: review {rid} was interrupted" in res.stderr, res.stderr
    assert not (fakes.store / rid).exists()


def test_delete_of_an_interrupted_review_needs_no_force(one_review: Review) -> None:
    fakes, repo, rid = one_review
    _set_status(fakes.store, rid, "interrupted")
    res = _cli(fakes, repo, "delete", rid, "--yes")
    assert res.returncode == 0, res.stderr
    assert not (fakes.store / rid).exists()


def test_delete_of_a_round_a_later_round_builds_on_needs_force(one_review: Review) -> None:
    fakes, repo, first = one_review
    second = run_round(fakes, repo, ROUND1)["review_id"]
    _one_line(_cli(fakes, repo, "delete", first, "--yes"), second, "--force")
    assert (fakes.store / first).is_dir() and (fakes.store / f"{first}.json").is_file()
    res = _cli(fakes, repo, "delete", first, "--yes", "--force")
    assert res.returncode == 0, res.stderr
    listed = _cli(fakes, repo, "list", "--json")
    assert [r["id"] for r in listed.json()["reviews"]] == [second]


def test_delete_of_a_round_no_later_round_builds_on_needs_no_force(tmp_path: Path) -> None:
    """Trial 44: a round in which every seat failed, and a review killed outright, hold no
    findings a later round carries forward: deleting either needed --force, and the advice was
    to delete the good later round first."""
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    fakes.write_config({"alpha": fakes.seat("exit")})
    failed = fakes.review(repo, "--agents", "alpha", "--format", "md")
    assert failed.returncode == 3, failed.stderr
    failed_id = failed.json()["review_id"]
    killed = run_round(fakes, repo, ROUND1)["review_id"]
    _set_status(fakes.store, killed, "running")  # killed outright: nothing runs it
    with sqlite3.connect(fakes.store / "index.sqlite") as db:
        db.execute("UPDATE reviews SET status = 'running' WHERE id = ?", (killed,))
    db.close()
    later = run_round(fakes, repo, ROUND1)["review_id"]

    res = _cli(fakes, repo, "delete", failed_id, "--yes")
    assert res.returncode == 0, res.stderr
    res = _cli(fakes, repo, "delete", killed, "--yes")
    assert res.returncode == 0, res.stderr
    assert f"note: review {killed} was interrupted" in res.stderr, res.stderr
    listed = _cli(fakes, repo, "list", "--json")
    assert [r["id"] for r in listed.json()["reviews"]] == [later]
