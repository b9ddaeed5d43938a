"""ts62, defect 3: an HTTP Basic `Authorization` header's credentials are masked in every stored
file. actions/checkout keeps `http.https://github.com/.extraheader=AUTHORIZATION: basic <base64
of x-access-token:TOKEN>` in the repository's config, which every seat's worktree shares; a
seat that runs `git config --list` (a read, which Codex's read-only sandbox allows) and quotes
it stored the token's base64 form, which masking `GITHUB_TOKEN`'s own value does not find."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from deepreview.store.redact import mask_shapes
from support.repos import cli_env, commit_all, make_repo, run_cli, write

TOKEN = "ghs_Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8"
HEADER = base64.b64encode(f"x-access-token:{TOKEN}".encode()).decode()
USER_PW = base64.b64encode(b"deploy:Pq7wLx2Rn9Vd").decode()

QUOTER = (
    "## Executive Summary\n\n"
    "I checked the remote setup with `git config --list`:\n\n"
    f"    http.https://github.com/.extraheader=AUTHORIZATION: basic {HEADER}\n\n"
    f'and the deploy script sends `-H "Authorization: Basic {USER_PW}"`.\n\n'
    "## Findings\n\nNo issues found.\n"
)


def test_a_basic_auth_header_a_seat_quotes_is_never_stored(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(repo, "helpers.py", "def twice(x):\n    return 2 * x\n")
    commit_all(repo, "add twice")
    out = tmp_path / "quote.md"
    out.write_text(QUOTER, encoding="utf-8")
    script = f'cat >/dev/null; cat "{out}"; cat "{out}" >&2'
    (tmp_path / "user-config.toml").write_text(
        f"[seats.quoter]\nargv = {json.dumps(['sh', '-c', script])}\n"
    )
    env = cli_env(tmp_path, {"GITHUB_TOKEN": TOKEN})
    res = run_cli(
        ["review", "HEAD~1..HEAD", "--agents", "quoter", "--lead", "none", "--json"],
        cwd=repo,
        env=env,
    )
    assert res.returncode == 0, res.stderr
    store = Path(res.json()["store"])
    leaks = [
        f"{path.relative_to(store)}: {what[:12]}…"
        for path in sorted(store.rglob("*"))
        if path.is_file()
        for what in (HEADER, USER_PW)
        if what.encode() in path.read_bytes()
    ]
    assert leaks == []
    md = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    assert "extraheader=AUTHORIZATION: basic [REDACTED]" in md, md
    assert "Authorization: Basic [REDACTED]" in md, md


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        (f"Authorization: Basic {USER_PW}", "Authorization: Basic [REDACTED]"),
        (f'{{"Authorization": "Basic {USER_PW}"}}', '{"Authorization": "Basic [REDACTED]"}'),
        (f"proxy-authorization=basic {HEADER}", "proxy-authorization=basic [REDACTED]"),
        (f'-H \\"authorization: BASIC {USER_PW}\\"', '-H \\"authorization: BASIC [REDACTED]\\"'),
    ],
)
def test_basic_auth_credentials_are_masked_in_place(text: str, masked: str) -> None:
    assert mask_shapes(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "Authorization: Basic realm=example",
        "the authorization uses basic checks only",
        "Authorization: Basic [REDACTED]",
        "Authorization: Basic ${CREDENTIALS}",
    ],
)
def test_basic_auth_without_credentials_is_left_alone(text: str) -> None:
    assert mask_shapes(text) == text
