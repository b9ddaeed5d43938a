"""Through the real `deep-review review --lead none` with two seats: a seat's own finding IDs are
renamed to the report's where its prose refers to a finding, and left alone where the same
token is a name ("uploads to S3", "the S3 bucket", "Amazon S3")."""

from __future__ import annotations

from pathlib import Path

import tomli_w

from support.repos import cli_env, make_repo, run_cli

ALPHA = """## Executive Summary

The change uploads reports to S3.

## Findings

### Critical Issues

None.

### Important Issues

I1. **`add` subtracts** — `calc.py:2` returns `a - b`.

I2. **No retry on upload** — `calc.py:1` gives up after one failure.

### Suggestions

S3. **Name the bucket in config** — `calc.py:1` hard-codes it.

## Testing Assessment

1. A single test would have caught I1.
2. I1, I2 and S3 share one cause; see S3 for the config part (S3).
3. S3: the upload goes to S3 without a retry.
4. Nothing checks the S3 bucket policy, and Amazon S3 errors are swallowed.
5. As finding S3 says, **S3** matters more than S3 above suggests.
"""

BRAVO = """## Executive Summary

Small change.

## Findings

### Critical Issues

C1. **`add` returns the difference** — `calc.py:2` subtracts.

### Important Issues

None.

### Suggestions

None.
"""


def _testing(tmp_path: Path) -> str:
    repo = make_repo(tmp_path)
    seats = {}
    for seat, text in {"alpha": ALPHA, "bravo": BRAVO}.items():
        path = tmp_path / f"{seat}.md"
        path.write_text(text, encoding="utf-8")
        seats[seat] = {"argv": ["sh", "-c", f"cat >/dev/null; cat '{path}'"]}
    (tmp_path / "user-config.toml").write_text(tomli_w.dumps({"seats": seats}), encoding="utf-8")
    env = cli_env(tmp_path)
    res = run_cli(
        ["review", "--agents", "alpha,bravo", "--lead", "none", "--json"], cwd=repo, env=env
    )
    assert res.returncode in (0, 1), res.stderr[-3000:]
    md = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    body = md.split("## Appendix", 1)[0]
    return body.split("## Testing Assessment", 1)[1].split("\n---", 1)[0]


def test_references_are_renamed_and_names_are_not(tmp_path: Path) -> None:
    testing = _testing(tmp_path)
    assert "S3" in testing, testing
    # the names: a place, a bucket, a product
    assert "the upload goes to S3 without a retry" in testing, testing
    assert "Nothing checks the S3 bucket policy, and Amazon S3 errors are swallowed" in testing
    # the references: no bare S3 of Alpha's is left where it means the finding
    refs = ("see S3 for", "(S3)", "S3: the upload", "I1, I2 and S3", "caught I1", "finding S3")
    for ref in (*refs, "**S3**", "S3 above"):
        assert ref not in testing, (ref, testing)
