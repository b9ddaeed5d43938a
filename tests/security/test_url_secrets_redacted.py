"""Trial 50b, defect 2: a credential inside a URL (a database password in its userinfo, a Slack
webhook's secret path) is masked in every stored file, whichever text brings it in: a seat quoting
a file the change does not touch, its stderr, or an environment value whose name says nothing
(`DATABASE_URL`, `SLACK_WEBHOOK_URL`). The URL stays readable around the mask."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deepreview.store.redact import mask_shapes
from support.repos import cli_env, commit_all, make_repo, run_cli, write

DB_PW = "Pq7wLx2Rn9Vd"
DB_URL = f"postgresql://billing:{DB_PW}@pg.internal.test:5432/ledger"
HOOK_SECRET = "Zx9Wv8Ut7Sr6Qp5On4Ml3Kj2"
HOOK_URL = f"https://hooks.slack.com/services/T01AAAAAA/B02BBBBBB/{HOOK_SECRET}"

QUOTER = (
    "## Executive Summary\n\n"
    f"The new helper is fine; note that config/db.py already connects to `{DB_URL}` and "
    f"alerts go to {HOOK_URL}.\n\n"
    "## Findings\n\nNo issues found.\n"
)


def _leaks(folder: Path) -> list[str]:
    return [
        f"{path.relative_to(folder)}: {what}"
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        for what in (DB_PW, HOOK_SECRET)
        if what.encode() in path.read_bytes()
    ]


def test_url_credentials_quoted_or_in_the_environment_are_never_stored(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    # In the base, outside the change: the diff's own masking never sees these lines.
    write(repo, "config/db.py", f'DSN = "{DB_URL}"\nHOOK = "{HOOK_URL}"\n')
    commit_all(repo, "config")
    write(repo, "helpers.py", "def twice(x):\n    return 2 * x\n")
    commit_all(repo, "add twice")
    out = tmp_path / "quote.md"
    out.write_text(QUOTER, encoding="utf-8")
    # The seat quotes them on stdout and echoes its environment's values on stderr.
    script = f'cat >/dev/null; cat "{out}"; echo "db=$DATABASE_URL hook=$SLACK_WEBHOOK_URL" >&2'
    (tmp_path / "user-config.toml").write_text(
        f"[seats.quoter]\nargv = {json.dumps(['sh', '-c', script])}\n"
    )
    env = cli_env(tmp_path)
    env.update(DATABASE_URL=DB_URL, SLACK_WEBHOOK_URL=HOOK_URL)
    res = run_cli(
        ["review", "HEAD~1..HEAD", "--agents", "quoter", "--lead", "none", "--json"],
        cwd=repo,
        env=env,
    )
    assert res.returncode == 0, res.stderr
    assert _leaks(Path(res.json()["store"])) == []
    md = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    # Masked in place: the rest of each URL still reads.
    assert "postgresql://billing:[REDACTED]@pg.internal.test:5432/ledger" in md
    assert "https://hooks.slack.com/services/[REDACTED]" in md


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("redis://:S3cr3tPw@cache:6379/0", "redis://:[REDACTED]@cache:6379/0"),
        ("see https://bob:hunter2@example.com/x.", "see https://bob:[REDACTED]@example.com/x."),
        ('"amqp://u:p%40ss@mq/vh"', '"amqp://u:[REDACTED]@mq/vh"'),
        (
            "https://hooks.slack.com/workflows/T1/A2/345/AbCdEf",
            "https://hooks.slack.com/workflows/[REDACTED]",
        ),
    ],
)
def test_url_credential_shapes_are_masked(text: str, masked: str) -> None:
    assert mask_shapes(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "https://example.com:8443/path@v2",
        "git@github.com:owner/repo.git",
        "ssh://git@host.test:22/repo",
        "postgres://app:${DB_PASSWORD}@db/app",
        "postgres://app:[REDACTED]@db/app",
        "https://hooks.slack.com/",
        "http://[::1]:8080/x",
    ],
)
def test_urls_without_a_credential_are_left_alone(text: str) -> None:
    assert mask_shapes(text) == text
