"""An index from before repository keys (migrations up to m007), upgraded: a row gets the key
its run.json tells (its GitHub repository, or its checkout if still there with the reviewed
commit), and its declines with it; a row whose repository cannot be told stays keyless and is
no longer taken for a repository of the same name."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from deepreview.store import migrations
from deepreview.store.declines import list_declines
from deepreview.store.repository import Repository
from deepreview.store.store import Store
from support.repos import git, make_repo


def _old_store(root: Path, reviews: list[tuple[str, str, dict[str, object]]]) -> None:
    """A store as a deep-review from before m008 wrote it: each review (ID, repository name,
    run.json target) complete in series `branch:feature`, and one decline of each."""
    root.mkdir()
    db = sqlite3.connect(root / "index.sqlite")
    try:
        with db:
            db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
            for name, fn in migrations.MIGRATIONS[:7]:
                fn(db)
                db.execute("INSERT INTO _migrations VALUES (?, datetime('now'))", (name,))
            for n, (rid, name, target) in enumerate(reviews, start=1):
                db.execute(
                    "INSERT INTO reviews VALUES (?, ?, ?, 'branch feature', 'branch', 'b', ?,"
                    " 'complete', 'Approve', 0, 1, 0, '[]', 'branch:feature', 'feature', ?)",
                    (rid, f"2026-01-0{n}T00:00:00", name, target.get("head_sha", ""), n),
                )
                db.execute(
                    "INSERT INTO declines VALUES ('branch:feature', ?, ?, 'I1', 'T', 'calc.py',"
                    " 3, 3, 'sha', 1, 'by design', ?)",
                    (f"fp-{rid}", rid, f"2026-01-0{n}T00:00:00"),
                )
                (root / rid).mkdir()
                run = {"schema_version": 3, "status": "complete", "target": target}
                (root / rid / "run.json").write_text(json.dumps(run), encoding="utf-8")
    finally:
        db.close()


def _keys(root: Path) -> dict[str, str]:
    db = sqlite3.connect(root / "index.sqlite")
    try:
        return dict(db.execute("SELECT id, repo_key FROM reviews").fetchall())
    finally:
        db.close()


def test_an_old_index_gets_the_keys_its_reviews_recorded(tmp_path: Path) -> None:
    kept = make_repo(tmp_path / "o1")
    head = git(kept, "rev-parse", "HEAD").strip()
    gone = tmp_path / "o2" / "repo"  # its checkout was deleted since
    replaced = make_repo(tmp_path / "o3")  # another repository now where it was
    root = tmp_path / "store"
    _old_store(
        root,
        [
            ("r-kept", "repo", {"repo_root": str(kept), "head_sha": head, "repo_url": None}),
            ("r-gone", "repo", {"repo_root": str(gone), "head_sha": head, "repo_url": None}),
            ("r-other", "repo", {"repo_root": str(replaced), "head_sha": "f" * 40}),
            (
                "r-github",
                "Team/App",
                {
                    "repo_root": str(gone),
                    "head_sha": head,
                    "repo_url": "https://github.com/Team/App",
                },
            ),
            ("r-recorded", "app", {"repo_root": str(gone), "repo_key": "git.example.com/t/app"}),
        ],
    )

    store = Store(root)
    assert [r.id for r in store.rows()]  # opening the store upgrades it
    assert _keys(root) == {
        "r-kept": str(kept),
        "r-gone": "",
        "r-other": "",
        "r-github": "github.com/team/app",
        "r-recorded": "git.example.com/t/app",
    }
    # The declines follow their reviews.
    declines = {d.review_id: d.repo_key for d in list_declines(store)}
    assert declines == _keys(root)

    # A keyless row is no review of a repository that merely shares its name.
    here = Repository(str(kept), "repo")
    assert sorted(r.id for r in store.rows() if here.holds(r.repo_key, r.repo)) == ["r-kept"]
    assert [d.review_id for d in list_declines(store, repo=here)] == ["r-kept"]
    elsewhere = Repository(str(tmp_path / "o4" / "repo"), "repo")
    assert [r.id for r in store.rows() if elsewhere.holds(r.repo_key, r.repo)] == []
    assert sorted(r.id for r in store.rows() if elsewhere.would_have_held(r.repo_key, r.repo)) == [
        "r-gone",
        "r-other",
    ]


def test_a_keyless_decline_already_recorded_again_under_its_key_gives_way(
    tmp_path: Path,
) -> None:
    kept = make_repo(tmp_path / "o1")
    head = git(kept, "rev-parse", "HEAD").strip()
    root = tmp_path / "store"
    _old_store(root, [("r1", "repo", {"repo_root": str(kept), "head_sha": head})])
    db = sqlite3.connect(root / "index.sqlite")
    try:
        with db:
            # Recorded again by a deep-review with m008 (which kept keys) before this upgrade.
            for name, fn in migrations.MIGRATIONS[7:8]:
                fn(db)
                db.execute("INSERT INTO _migrations VALUES (?, datetime('now'))", (name,))
            db.execute(
                "INSERT INTO declines VALUES ('branch:feature', 'fp-r1', 'r2', 'I4', 'T',"
                " 'calc.py', 3, 3, 'sha', 2, 'later', '2026-02-01T00:00:00', ?, 'repo')",
                (str(kept),),
            )
    finally:
        db.close()
    store = Store(root)
    store.rows()
    [d] = list_declines(store)
    assert (d.review_id, d.reason, d.repo_key) == ("r2", "later", str(kept))
