"""Options shared by several command modules (kept here so `review` need not import `list`'s)."""

from __future__ import annotations

import os
import re

import click

store_option = click.option(
    "--store",
    help="Store folder (default: a config file's `store`, else $DEEP_REVIEW_STORE, else per repo).",
)

github_api_option = click.option(
    "--github-api",
    metavar="URL",
    help="GitHub API URL (overrides GITHUB_API_URL; GitHub Enterprise: https://HOST/api/v3).",
)


def github_env(github_api: str | None) -> dict[str, str]:
    """The environment GitHub calls see: this process's, with --github-api applied."""
    # Imported here: only the commands that talk to GitHub need the error type.
    from deepreview.errors import UsageError

    env = dict(os.environ)
    if github_api is not None:
        if not github_api.startswith(("https://", "http://")):
            raise UsageError(
                f"--github-api {github_api!r} is not a URL; give https://HOST/api/v3 "
                "(or https://api.github.com)"
            )
        env["GITHUB_API_URL"] = github_api
    return env


def series_key(text: str) -> str:
    """`123`, `#123` → `pr:123`; `pr:…`/`branch:…` as given; anything else is a branch."""
    text = text.strip()
    if re.fullmatch(r"#?\d+", text):
        return f"pr:{text.lstrip('#')}"
    if text.startswith(("pr:", "branch:")):
        return text
    return f"branch:{text}"
