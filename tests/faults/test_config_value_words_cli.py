"""A config value out of range or refused by its own rule is said in the words the type errors
use (`expected …, got …`), not pydantic's ("Value error, …", "Input should be greater than or
equal to 1")."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli


@pytest.mark.parametrize(
    ("toml", "end"),
    [
        (
            "[review]\npasses = 0",
            "bad value for 'review.passes': expected a number of at least 1, got 0",
        ),
        (
            "[review]\npasses = 11",
            "bad value for 'review.passes': expected a number of at most 10, got 11",
        ),
        (
            "[review]\ndiff_budget = -1",
            "bad value for 'review.diff_budget': expected a number above 0, got -1",
        ),
        (
            "[checks]\ntimeout = 0",
            "bad value for 'checks.timeout': expected a number above 0, got 0",
        ),
        (
            '[review]\nformats = ["md", "pdf"]',
            "bad value for 'review.formats.1': unknown format 'pdf'; use one of json, md, html, "
            'sarif (got "pdf")',
        ),
        (
            '[publish]\nreport_url = "x"',
            "bad value for 'publish.report_url': report_url must be an http(s) URL template like "
            'https://host/{id}.html (got "x")',
        ),
    ],
)
def test_a_refused_value_is_said_plainly(tmp_path: Path, toml: str, end: str) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    user = Path(env["DEEP_REVIEW_CONFIG"])
    user.write_text(toml + "\n", encoding="utf-8")
    res = run_cli(["review", "--agents", "static", "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 2, res.stdout
    assert res.stderr.splitlines() == [f"deep-review: error: {user}: {end}"]
