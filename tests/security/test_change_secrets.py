"""A secret the change itself adds, in no known token shape and flagged by no seat, is masked in
every stored file and in our output: the prompt quotes the diff, a seat quotes the value.

Assignment-shaped secrets (`DB_PASSWORD = "..."`, `"client_secret": "..."` in JSON, `api_key:`
in YAML, `export STRIPE_KEY=...`), a PEM private key's lines and a URL's password are found in
the change's added lines before the first prompt is written. Ordinary code that merely names a
password or a token stays readable.
"""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes, grep_store
from support.repos import commit_all, make_repo, write

PY_PASSWORD = "hunter2-Very-Long-9f8e7d"
JSON_SECRET = "q8ZxTm4Rw2Lp9Kd7Vb"
YAML_KEY = "5b1c9e8a7d6f4b3c2a1e0f9d"
SHELL_KEY = "rk_live_Zq8Fv2Lm0pX9tR4w"
URL_PASSWORD = "S3cretPassw0rd99"
PEM_LINE = "MIIEowIBAAKCAQEAuZ8Fv2Lm0pX9tR4wK7yBq8Zr2LmX9vTn4KpWq8Zr2LmXabcd"
SECRETS = [PY_PASSWORD, JSON_SECRET, YAML_KEY, SHELL_KEY, URL_PASSWORD, PEM_LINE]

ORDINARY = [
    'password_field = form.get("password")',
    'token = request.headers["X-Token"]',
    "PASSWORD_MIN_LENGTH = 12",
    'FIXTURE = {"password": "test"}',
]


def _change(repo: Path) -> None:
    write(
        repo,
        "settings.py",
        f'DB_PASSWORD = "{PY_PASSWORD}"\n'
        f'DSN = "postgres://app:{URL_PASSWORD}@db.internal:5432/app"\n'
        + "\n".join(ORDINARY)
        + "\n",
    )
    write(repo, "config/client.json", json.dumps({"client_secret": JSON_SECRET}, indent=2) + "\n")
    write(repo, "config/app.yaml", f"service:\n  api_key: {YAML_KEY}\n")
    write(repo, "deploy.sh", f"#!/bin/sh\nexport STRIPE_KEY={SHELL_KEY}\n")
    write(
        repo,
        "keys/deploy.pem",
        f"-----BEGIN RSA PRIVATE KEY-----\n{PEM_LINE}\n-----END RSA PRIVATE KEY-----\n",
    )
    commit_all(repo, "Add the service configuration")


def _quoting_review() -> str:
    # No finding says "secret" or "password": no seat flags these values, it only quotes them.
    quoted = "\n".join(f"- `{value}`" for value in SECRETS)
    ordinary = "\n".join(f"    {line}" for line in ORDINARY)
    return (
        "## Executive Summary\n\nThe change adds configuration values:\n\n"
        f"{quoted}\n\nand this code:\n\n{ordinary}\n\n"
        "## Findings\n\n### Suggestions\n\n"
        "S1. **Configuration is spread over five files** — `settings.py:1` (suggestion, "
        "regression)\n\n"
        f"The DSN `postgres://app:{URL_PASSWORD}@db.internal` and the key line `{PEM_LINE}` "
        "could live in one place.\n\nFix: move them into one settings module.\n"
    )


def test_secrets_the_change_adds_are_masked_though_no_seat_flags_them(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    _change(repo)
    fakes = Fakes(tmp_path)
    review_file = tmp_path / "quoter.md"
    review_file.write_text(_quoting_review(), encoding="utf-8")
    fakes.agent("claude", {"mode": "ok", "leak_vars": ["HOME"]})  # echoes the prompt
    fakes.write_config({"quoter": {"argv": ["sh", "-c", f"cat >/dev/null; cat '{review_file}'"]}})
    res = fakes.review(repo, "--agents", "quoter,claude", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    out = res.json()
    review_dir = Path(out["review_dir"])
    for name in ("prompt-quoter.md", "review-quoter-pass-1.md", "transcript-claude-pass-1.jsonl"):
        assert (review_dir / name).is_file(), name
    for fmt in ("md", "json", "html"):
        assert Path(out["paths"][fmt]).is_file(), fmt
    assert grep_store(fakes.store, SECRETS) == []
    assert [s for s in SECRETS if s in res.stdout + res.stderr] == []
    # Masked, not dropped; and the ordinary lines are still there, as the change wrote them.
    review = (review_dir / "review-quoter-pass-1.md").read_text()
    assert review.count("[REDACTED]") >= len(SECRETS)
    prompt = (review_dir / "prompt-quoter.md").read_text()
    for line in ORDINARY:
        assert line in review, line
        assert line in prompt, line
    assert 'DB_PASSWORD = "[REDACTED]"' in prompt


def test_the_static_seat_reports_what_detect_secrets_passes_over(tmp_path: Path) -> None:
    """`export STRIPE_KEY=...` in a shell file and a TOML `auth_token`: detect-secrets flags
    neither; the static seat reports both as a hard-coded secret, the value masked."""
    repo = make_repo(tmp_path)
    write(repo, "deploy.sh", f"#!/bin/sh\nexport STRIPE_KEY={SHELL_KEY}\n")
    write(repo, "config/app.toml", f'[service]\nauth_token = "{JSON_SECRET}"\n')
    write(repo, "settings.py", 'token = request.headers["X-Token"]\nPASSWORD_MIN_LENGTH = 12\n')
    commit_all(repo, "Deploy with Stripe")
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static")
    assert res.returncode == 0, res.stderr
    out = res.json()
    report = json.loads(Path(out["paths"]["json"]).read_text())
    flagged = {
        (loc["path"], loc["start"]): f
        for f in report["findings"]
        for loc in f["locations"]
        if f["title"] == "Hard-coded secret"
    }
    assert set(flagged) == {("deploy.sh", 2), ("config/app.toml", 2)}, report["findings"]
    assert all(f["severity"] == "critical" for f in flagged.values())
    shown = json.dumps(flagged[("deploy.sh", 2)], ensure_ascii=False)
    assert f"assigned to `STRIPE_KEY` (`{SHELL_KEY[:4]}…`)" in shown
    assert grep_store(fakes.store, [SHELL_KEY, JSON_SECRET]) == []
    assert [s for s in (SHELL_KEY, JSON_SECRET) if s in res.stdout + res.stderr] == []


def test_a_secret_the_change_removes_is_masked_too(tmp_path: Path) -> None:
    """The removed line is in the seats' prompt (the diff shows it): a seat quoting the old
    password must not leave it in the store, though no seat flags it."""
    repo = make_repo(tmp_path)
    write(repo, "settings.py", f'DB_PASSWORD = "{PY_PASSWORD}"\n')
    commit_all(repo, "Configure the database")
    write(repo, "settings.py", 'DB_PASSWORD = os.environ["DB_PASSWORD"]\n')
    commit_all(repo, "Read the password from the environment")
    fakes = Fakes(tmp_path)
    review_file = tmp_path / "quoter.md"
    review_file.write_text(
        "## Executive Summary\n\nThe change stops hard-coding "
        f"`{PY_PASSWORD}`; rotate it.\n\n## Findings\n\nNo issues found.\n",
        encoding="utf-8",
    )
    fakes.write_config({"quoter": {"argv": ["sh", "-c", f"cat >/dev/null; cat '{review_file}'"]}})
    # The last commit alone: its diff removes the password line.
    res = fakes.review(repo, "--agents", "quoter", "HEAD~1..HEAD")
    assert res.returncode == 0, res.stderr
    review_dir = Path(res.json()["review_dir"])
    assert "[REDACTED]" in (review_dir / "review-quoter-pass-1.md").read_text()
    assert grep_store(fakes.store, [PY_PASSWORD]) == []
    assert PY_PASSWORD not in res.stdout + res.stderr
