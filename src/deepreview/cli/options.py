"""Options shared by several command modules (kept here so `review` need not import `list`'s)."""

from __future__ import annotations

import click

store_option = click.option(
    "--store",
    help="Store folder (default: a config file's `store`, else $DEEP_REVIEW_STORE, else per repo).",
)
