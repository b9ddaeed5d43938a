"""A store path naming a folder that holds other files is refused, never written into.

A repository's `.deep-review.toml` may set `store` (a harmless setting, read untrusted): a
`store = "/srv/www"` would have replaced that folder's `index.html` and added an index
database. A store is a new or empty folder, or one Deep Review made.
"""

from __future__ import annotations

from pathlib import Path

from support.repos import cli_env, commit_on_base, make_repo, run_cli

PAGE = "<p>my own page</p>\n"


def _one_line(stderr: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def test_a_configured_store_that_is_a_foreign_folder_is_refused(tmp_path: Path) -> None:
    victim = tmp_path / "victimdir"
    victim.mkdir()
    (victim / "index.html").write_text(PAGE, encoding="utf-8")
    repo = make_repo(tmp_path)
    commit_on_base(repo, ".deep-review.toml", f'[review]\nstore = "{victim}"\n', "store")
    env = cli_env(tmp_path)

    res = run_cli(["review", "--agents", "static", "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 2, res.stdout + res.stderr
    line = _one_line(res.stderr)
    assert str(victim) in line and "not a Deep Review store" in line, line
    assert sorted(p.name for p in victim.iterdir()) == ["index.html"]
    assert (victim / "index.html").read_text(encoding="utf-8") == PAGE

    # a reader named such a folder does not make an index in it either
    listed = run_cli(["list", "--store", str(victim)], cwd=repo, env=env)
    assert listed.returncode == 2, listed.stdout + listed.stderr
    assert "not a Deep Review store" in _one_line(listed.stderr)
    assert sorted(p.name for p in victim.iterdir()) == ["index.html"]


def test_an_empty_folder_becomes_a_store_and_stays_one(tmp_path: Path) -> None:
    store = tmp_path / "empty"
    store.mkdir()
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    for _ in range(2):  # the second review writes into the store the first one made
        res = run_cli(
            ["review", "--agents", "static", "--lead", "none", "--store", str(store)],
            cwd=repo,
            env=env,
        )
        assert res.returncode == 0, res.stderr
    assert (store / "index.sqlite").is_file()
    assert len([p for p in store.iterdir() if (p / "run.json").is_file()]) == 2


def test_a_store_other_reviews_are_just_making_is_not_foreign(tmp_path: Path) -> None:
    """Four reviews started at once on a new store: one saw another's first files (its review
    folder, no run.json yet; its write probe) and refused the store as someone else's."""
    from deepreview.store.foreign import STORE_MARK, foreign_entries

    made = tmp_path / "store"
    made.mkdir()
    (made / "20261203-074121-feature-x").mkdir()
    (made / ".probe-4242").write_bytes(b"ok")
    assert foreign_entries(made, ()) == []
    (made / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert foreign_entries(made, ()) == ["notes.txt"]
    # once a review has marked it, it is a store whatever else it holds
    (made / STORE_MARK).touch()
    assert foreign_entries(made, ()) == []


def test_a_new_store_is_marked_before_anything_else(tmp_path: Path) -> None:
    from deepreview.store.foreign import STORE_MARK

    repo = make_repo(tmp_path)
    store = tmp_path / "fresh"
    env = cli_env(tmp_path)
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none", "--store", str(store)], cwd=repo, env=env
    )
    assert res.returncode == 0, res.stderr
    assert (store / STORE_MARK).is_file()
