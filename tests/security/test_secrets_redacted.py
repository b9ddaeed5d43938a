"""Secrets in the environment never reach the store, the report or our own output.

Seats that echo every key they can see (and the prompt, which quotes a diff that itself
contains a token) to stdout, stderr, their transcript, their review and their failure reason.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from fakebin.harness import Fakes, assert_no_leftovers, grep_store, store_files
from support.repos import commit_all, git, make_repo, run_cli, write


def _secrets() -> dict[str, str]:
    alnum = secrets.token_hex(24)
    return {
        "ANTHROPIC_API_KEY": f"sk-ant-api03-{alnum[:40]}",
        "OPENAI_API_KEY": f"sk-proj-{secrets.token_hex(20)}",
        "GITHUB_TOKEN": f"ghp_{secrets.token_hex(18)}",
        "MY_SERVICE_TOKEN": f"msv{secrets.token_hex(10)}",  # no known pattern: env name only
    }


def _needles(values: dict[str, str]) -> list[str]:
    # The whole value, and a middle slice to catch a value cut in two.
    return [v for v in values.values()] + [v[4:16] for v in values.values()]


def test_secrets_never_stored(tmp_path: Path) -> None:
    values = _secrets()
    repo = make_repo(tmp_path)
    # The change itself carries two of the secrets, so the prompt quotes them.
    write(
        repo,
        "settings.py",
        f'SERVICE_TOKEN = "{values["MY_SERVICE_TOKEN"]}"\nGH = "{values["GITHUB_TOKEN"]}"\n',
    )
    commit_all(repo, "add settings")
    fakes = Fakes(tmp_path)
    names = ",".join(values)
    fakes.agent("claude", {"mode": "ok", "leak_vars": ["ANTHROPIC_API_KEY"]})
    fakes.agent("codex", {"mode": "ok", "leak_vars": ["OPENAI_API_KEY"]})
    fakes.write_config(
        {
            "echo": fakes.seat("echo-secrets", "--secret-vars", names),
            "echofail": fakes.seat(
                "echo-secrets", "--secret-vars", names, "--exit-code", "1", "--no-review"
            ),
        }
    )
    env = fakes.env(values, agents=True)
    res = fakes.review(repo, "--agents", "claude,codex,echo,echofail", env=env)
    assert res.returncode == 0, res.stderr
    seats = {s["seat"]: s for s in res.json()["seats"]}
    assert seats["echofail"]["status"] == "failed"
    assert "last words: MY_SERVICE_TOKEN=[REDACTED]" in seats["echofail"]["reason"]
    for name in ("claude", "codex", "echo"):
        assert seats[name]["status"] == "ok", seats[name]

    # Positive control: the leaks really happened, redacted.
    review_dir = Path(res.json()["review_dir"])
    assert "ANTHROPIC_API_KEY=[REDACTED]" in (review_dir / "review-claude-pass-1.md").read_text()
    assert "GITHUB_TOKEN=[REDACTED]" in (review_dir / "stderr-echo-pass-1.log").read_text()
    assert (
        "MY_SERVICE_TOKEN=[REDACTED]" in (review_dir / "transcript-echo-pass-1.jsonl").read_text()
    )
    assert "OPENAI_API_KEY=[REDACTED]" in (review_dir / "transcript-codex-pass-1.jsonl").read_text()
    assert 'SERVICE_TOKEN = "[REDACTED]"' in (review_dir / "prompt-echo.md").read_text()
    report = Path(res.json()["paths"]["md"]).read_text()
    assert "[REDACTED]" in report

    assert len(store_files(fakes.store)) > 15
    assert grep_store(fakes.store, _needles(values)) == []
    for stream in (res.stdout, res.stderr):
        assert not [n for n in _needles(values) if n in stream]
    assert_no_leftovers(fakes, repo)


@pytest.mark.slow
def test_show_and_list_output_is_clean(tmp_path: Path) -> None:
    """What `show` prints comes from the redacted files; double-check the CLI path too."""
    from support.repos import run_cli

    values = _secrets()
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"echo": fakes.seat("echo-secrets", "--secret-vars", ",".join(values))})
    env = fakes.env(values)
    res = fakes.review(repo, "--agents", "echo", env=env)
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    for fmt in ("md", "json", "html"):
        shown = run_cli(["show", rid, "--format", fmt], cwd=repo, env=env)
        assert shown.returncode == 0, shown.stderr
        assert "[REDACTED]" in shown.stdout
        assert not [n for n in _needles(values) if n in shown.stdout]
    listed = run_cli(["list", "--json"], cwd=repo, env=env)
    assert not [n for n in _needles(values) if n in listed.stdout]


def test_static_seat_does_not_store_a_committed_token(tmp_path: Path) -> None:
    values = _secrets()
    repo = make_repo(tmp_path)
    write(repo, "settings.py", f'GH = "{values["GITHUB_TOKEN"]}"\n')
    commit_all(repo, "add settings")
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", env=fakes.env(values))
    assert res.returncode == 0, res.stderr
    report = Path(res.json()["paths"]["md"]).read_text()
    assert "Possible secret committed" in report
    assert grep_store(fakes.store, _needles(values)) == []


def test_an_npm_token_nobody_named_is_not_stored(tmp_path: Path) -> None:
    """An npm access token (`npm_` + 36 letters and digits) in the change, in no environment
    variable: the prompt quotes it, the seat echoes it to its transcript and review."""
    token = "npm_" + secrets.token_hex(18)[:36]
    repo = make_repo(tmp_path)
    write(repo, ".npmrc", f"//registry.npmjs.org/:_authToken={token}\n")
    commit_all(repo, "publish from CI")
    fakes = Fakes(tmp_path)
    fakes.write_config({"echo": fakes.seat("echo-secrets", "--secret-vars", "")})
    res = fakes.review(repo, "--agents", "echo", env=fakes.env())
    assert res.returncode == 0, res.stderr
    review_dir = Path(res.json()["review_dir"])
    assert "_authToken=[REDACTED]" in (review_dir / "transcript-echo-pass-1.jsonl").read_text()
    assert grep_store(fakes.store, [token, token[4:20]]) == []
    assert token not in res.stdout + res.stderr


def test_a_token_in_the_branch_name_is_no_part_of_the_review_id(tmp_path: Path) -> None:
    """The ID names the review's folder and files and is in every report: its branch part is
    redacted as everything stored is (`fix-ghp_…` → `fix-redacted`)."""
    token = f"ghp_{secrets.token_hex(18)}"
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", f"fix-{token}")
    fakes = Fakes(tmp_path)
    fakes.write_config({"alpha": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "alpha")
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    assert rid.endswith("-fix-redacted"), rid
    assert token not in res.stdout + res.stderr
    assert "Reviewing branch fix-[REDACTED] against main (2 files) with alpha" in res.stderr
    assert [p for p in fakes.store.rglob("*") if token in p.name] == []
    listed = run_cli(["list"], cwd=repo, env=fakes.env())
    assert token not in listed.stdout and "branch fix-[REDACTED]" in listed.stdout
    # the index keeps the branch's name: the series later rounds are matched by
    hits = grep_store(fakes.store, [token])
    assert [h for h in hits if not h.startswith(f"{fakes.store / 'index.sqlite'}:")] == []


def test_secrets_set_in_a_seats_env_are_never_stored(tmp_path: Path) -> None:
    """Trial 29: a gateway token in `[seats.X] env` (README's recipe) went into the transcript,
    the raw review and every report format; only the process environment was masked."""
    token = f"gwtok{secrets.token_hex(12)}"
    password = f"pw{secrets.token_hex(8)}"
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    seat = fakes.seat("echo-secrets", "--secret-vars", "ANTHROPIC_AUTH_TOKEN,DB_PASSWORD")
    seat["env"] = {
        "ANTHROPIC_AUTH_TOKEN": token,
        "DB_PASSWORD": password,
        "GATEWAY_REGION": "eu-west-1-long",  # not a secret name: left alone
    }
    fakes.write_config({"echo": seat})
    res = fakes.review(repo, "--agents", "echo", env=fakes.env())
    assert res.returncode == 0, res.stderr
    review_dir = Path(res.json()["review_dir"])
    # Positive control: the seat did print them.
    transcript = (review_dir / "transcript-echo-pass-1.jsonl").read_text()
    assert "ANTHROPIC_AUTH_TOKEN=[REDACTED]" in transcript
    assert "DB_PASSWORD=[REDACTED]" in transcript
    assert grep_store(fakes.store, [token, password, token[5:17]]) == []
    for stream in (res.stdout, res.stderr):
        assert token not in stream and password not in stream
