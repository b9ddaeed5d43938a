"""Which `.deep-review.toml` a review reads, and `--config` across Ctrl-C (issue 13 items 1, 5).

A review reads the repository config from the base revision, so a change cannot steer its own
review; a copy in the work tree that differs is named, with the two ways to use it. A review run
with `--config FILE` records the file, so the printed `deep-review resume ID` works.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import tomli_w

from fakebin.harness import Fakes, run_json, store_files
from support.interrupt import interrupt_after_the_fast_seat
from support.repos import commit_on_base, make_repo, run_cli, write


def _one_line(res) -> str:  # type: ignore[no-untyped-def]
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    return lines[0]


# -- item 1 ---------------------------------------------------------------------------------------
def test_work_tree_config_that_the_base_lacks_is_named(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)  # on feature/x; main has no .deep-review.toml
    fakes = Fakes(tmp_path)
    write(repo, ".deep-review.toml", tomli_w.dumps({"seats": {"s1": fakes.seat("ok")}}))
    env = fakes.env()

    trusted = run_cli(["trust"], cwd=repo, env=env)
    assert trusted.returncode == 0, trusted.stderr
    said = " ".join(trusted.stdout.split())
    assert "Trusted" in said
    assert "a review of the current branch reads .deep-review.toml from its base revision" in said
    assert "main" in said and "--config .deep-review.toml" in said

    res = fakes.review(repo, "--agents", "s1")
    assert res.returncode == 2, res.stderr
    line = _one_line(res)
    assert "unknown seat 's1'" in line
    assert "the work tree's .deep-review.toml is not the one used" in line
    assert "commit it to main" in line and "--config .deep-review.toml" in line
    assert not fakes.store.exists()

    ok = fakes.review(repo, "--agents", "static")
    assert ok.returncode == 0, ok.stderr
    assert "the work tree's .deep-review.toml is not the one used" in ok.stderr

    explicit = fakes.review(repo, "--agents", "s1", "--config", ".deep-review.toml")
    assert explicit.returncode == 0, explicit.stderr
    assert [s["status"] for s in explicit.json()["seats"]] == ["ok"]
    assert "is not the one used" not in explicit.stderr


def test_work_tree_config_that_differs_from_the_base(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    commit_on_base(repo, ".deep-review.toml", "[review]\ntimeout = 600\n", "repo config")
    write(repo, ".deep-review.toml", "[review]\ntimeout = 900\n")  # edited, not committed
    fakes = Fakes(tmp_path)
    trusted = run_cli(["trust"], cwd=repo, env=fakes.env())
    assert "which holds a different version" in " ".join(trusted.stdout.split())
    res = fakes.review(repo, "--agents", "static")
    assert res.returncode == 0, res.stderr
    assert "differs from the base revision's" in res.stderr
    state = run_json(Path(res.json()["review_dir"]))
    assert state["settings"]["timeout"] == 600  # the base revision's copy was used


def test_trust_is_quiet_when_the_base_has_the_same_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    commit_on_base(repo, ".deep-review.toml", "[review]\ntimeout = 600\n", "repo config")
    fakes = Fakes(tmp_path)
    trusted = run_cli(["trust"], cwd=repo, env=fakes.env())
    assert trusted.returncode == 0, trusted.stderr
    assert "base revision" not in trusted.stdout
    res = fakes.review(repo, "--agents", "static")
    assert "not the one used" not in res.stderr and "differs" not in res.stderr


# -- item 5 ---------------------------------------------------------------------------------------


def test_resume_after_ctrl_c_reuses_the_config_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    flag = tmp_path / "now-fast"
    config = tmp_path / "team-seats.toml"
    text = tomli_w.dumps(
        {
            "seats": {
                "fast": fakes.seat("ok"),
                "slow": fakes.seat("slow", "--sleep", "120", "--flag", str(flag)),
            }
        }
    )
    config.write_text(text)
    rid = interrupt_after_the_fast_seat(fakes, repo, config)
    state = run_json(fakes.store / rid)
    assert state["config_path"] == str(config.resolve())
    assert state["config_sha256"] == hashlib.sha256(text.encode()).hexdigest()
    env = fakes.env()

    # Changed since: say so and what to pass; nothing is written.
    before = {p: p.read_bytes() for p in store_files(fakes.store)}
    config.write_text(text + '\n[review]\neffort = "low"\n')
    changed = run_cli(["resume", rid], cwd=repo, env=env)
    assert changed.returncode == 2, changed.stderr
    line = _one_line(changed)
    assert "changed since the review started" in line and f"--config {config.resolve()}" in line
    # Gone: say so and what to pass.
    config.unlink()
    gone = run_cli(["resume", rid], cwd=repo, env=env)
    assert gone.returncode == 2, gone.stderr
    line = _one_line(gone)
    assert "no longer exists" in line and "--config" in line
    assert {p: p.read_bytes() for p in store_files(fakes.store)} == before

    # Unchanged: the printed hint just works.
    config.write_text(text)
    flag.write_text("go")
    res = run_cli(["resume", rid, "--json"], cwd=repo, env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    assert {s["seat"]: s["status"] for s in res.json()["seats"]} == {"fast": "ok", "slow": "ok"}


def test_the_note_names_a_branch_only_when_the_base_is_one() -> None:
    """A range's base (`HEAD~1`, a SHA) is no branch to commit to."""
    from deepreview.config_copy import work_tree_copy_note

    def note(branch: str | None) -> str:
        text = work_tree_copy_note("a", "b", base_label="x", base_branch=branch)
        assert text is not None
        return text

    assert "commit it to main or pass" in note("main")
    assert "commit it to the base branch or pass" in note("HEAD~1")
    assert "commit it to the base branch or pass" in note("3f2a9c1d")
    assert "commit it to feature/x or pass" in note("feature/x")
