"""`publish`: put a stored PR review on its pull request; `--post` of `review` uses the same."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import click

from deepreview.cli.hints import with_store
from deepreview.cli.job_summary import append_job_summary
from deepreview.cli.options import (
    STORE_REPO_HELP,
    config_file,
    github_api_option,
    github_env,
    repo_option,
    store_option,
)
from deepreview.config import CliOverrides
from deepreview.errors import UsageError
from deepreview.pipeline.reindex import ready
from deepreview.pipeline.store_here import locate_store, settings_here
from deepreview.publish.job_summary import publish_summary
from deepreview.publish.publisher import ApiRequest, PublishFailed, PublishResult, publish_review
from deepreview.rounds.previous import later_rows
from deepreview.runmodel import SCHEMA_VERSION
from deepreview.store.store import Store


def run_publish(
    store: Store,
    review_id: str,
    *,
    cwd: Path,
    inline: bool,
    dry_run: bool,
    report_url: str | None,
    as_json: bool = False,
    env: dict[str, str] | None = None,
    force: bool = False,
) -> PublishResult:
    """Publish and print what happened (what `publish`, `review --post` and `finish --post`
    call). With `as_json`, a refusal by GitHub (exit 5) prints its document too."""
    try:
        result = publish_review(
            store,
            review_id,
            env=dict(os.environ) if env is None else env,
            cwd=cwd,
            inline=inline,
            dry_run=dry_run,
            report_url=report_url,
            force=force,
        )
    except PublishFailed as exc:
        if as_json:
            click.echo(json.dumps(_failed_doc(exc, dry_run), indent=2, allow_nan=False))
            exc.on_stdout = True
        raise
    echo_result(result, as_json=as_json)
    return result


def _requests(writes: tuple[ApiRequest, ...]) -> list[dict[str, Any]]:
    return [{"method": r.method, "url": r.url, "body": r.body} for r in writes]


def result_fields(result: PublishResult) -> dict[str, Any]:
    """What a publication did, as `publish --json` says it and `review`/`finish --post --json`
    carry it (their `publish` object): everything but the requests."""
    return {
        "repo": result.repo,
        "pr": result.pr_number,
        "dry_run": result.dry_run,
        "summary": result.summary,
        "summary_url": result.summary_url,
        # the lines stderr gives, the commands in them with this run's `--store`
        "skipped": with_store(result.skipped) if result.skipped is not None else None,
        "inline_posted": list(result.inline_posted),
        "inline_already": list(result.inline_already),
        "unanchored": list(result.unanchored),
        "replies": list(result.replies),
        "resolved": list(result.resolved),
        "notes": [with_store(n) for n in result.notes],
    }


def failed_fields(exc: PublishFailed, dry_run: bool) -> dict[str, Any]:
    """What a refused publication did: the error (exit 5), the summary and the inline comments
    sent before it (the requests GitHub took are `publish --json`'s)."""
    return {
        "repo": exc.repo,
        "pr": exc.pr_number,
        "dry_run": dry_run,
        "summary": exc.summary,
        "summary_url": exc.summary_url,
        "inline_posted": list(exc.inline_posted),
        "error": with_store(exc.message),  # as `cli.main` prints it
        "exit_code": int(exc.exit_code),
    }


def _failed_doc(exc: PublishFailed, dry_run: bool) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "review_id": exc.review_id,
        **failed_fields(exc, dry_run),
        "requests": _requests(exc.sent),
    }


def echo_result(result: PublishResult, *, as_json: bool) -> None:
    if result.not_adopted:
        n = len(result.not_adopted)
        click.echo(
            f"deep-review: note: {n} comment{'s' if n != 1 else ''} on the PR start with the "
            f"Deep Review summary marker but this token did not write {'them' if n != 1 else 'it'} "
            f"(by {', '.join(sorted(set(result.not_adopted)))}): not adopted, left as "
            f"{'they are' if n != 1 else 'it is'}",
            err=True,
        )
    if result.skipped is not None:
        click.echo(with_store(f"deep-review: {result.skipped}"), err=True)
    if as_json:
        doc = {
            "schema_version": SCHEMA_VERSION,
            "review_id": result.review_id,
            **result_fields(result),
            "requests": _requests(result.writes),
        }
        click.echo(json.dumps(doc, indent=2, allow_nan=False))
        return
    for note in result.notes:
        click.echo(with_store(f"deep-review: note: {note}"), err=True)
    where = f"{result.repo}#{result.pr_number}"
    if result.dry_run:
        for r in result.writes:
            click.echo(f"{r.method} {r.url}")
            click.echo(json.dumps(r.body, indent=2, ensure_ascii=False, allow_nan=False))
            click.echo()
        click.echo(f"Dry run: nothing was sent to {where}.", err=True)
        return
    if result.summary is None:
        return
    line = f"Summary comment {result.summary} on {where}"
    click.echo(f"{line}: {result.summary_url}" if result.summary_url else line, err=True)
    if result.inline_posted or result.inline_already or result.unanchored:
        click.echo(
            f"Inline comments: {len(result.inline_posted)} posted, "
            f"{len(result.inline_already)} already there, "
            f"{len(result.unanchored)} not on the diff (listed in the summary).",
            err=True,
        )
    if result.replies:
        click.echo(
            f"Replies on the previous round's inline comments: {', '.join(result.replies)} "
            f"(threads resolved: {', '.join(result.resolved) or 'none'}).",
            err=True,
        )


@click.command()
@click.argument("review_id")
@click.option("--inline", is_flag=True, help="Also post the findings as inline review comments.")
@click.option(
    "--dry-run", is_flag=True, help="Print the requests that would be sent; send nothing."
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON on stdout.")
@click.option("--config", type=click.Path(), help="Extra config file.")  # checked in settings
@store_option
@github_api_option
@repo_option(STORE_REPO_HELP)
@click.option(
    "--force",
    is_flag=True,
    help="Publish even though a newer review of the same PR is stored, or the PR's summary "
    "is about a newer commit, or the PR is closed or merged, or every seat of this one failed "
    "while the PR has a summary (that summary is replaced).",
)
def publish(
    review_id: str,
    inline: bool,
    dry_run: bool,
    as_json: bool,
    config: str | None,
    store: str | None,
    github_api: str | None,
    repo: str,
    force: bool,
) -> None:
    """Publish stored PR review REVIEW_ID on its pull request: one sticky summary comment
    (updated in place on later rounds); with --inline, the findings on their diff lines.

    Uses `gh` when it is logged in, else GITHUB_TOKEN (GITHUB_API_URL for GitHub Enterprise).
    """
    cli = CliOverrides(store=store, config_path=config_file(config))
    # `[publish] report_url` as any key: --config over the repository's file (at the base a
    # review of the current branch reads it at) over the user file over DEEP_REVIEW_REPORT_URL.
    # It runs nothing, so the repository's file needs no trust for it (nor for the store).
    settings = settings_here(Path(repo), cli, dict(os.environ))
    st = locate_store(Path(repo), cli, dict(os.environ), settings)
    st.ensure_readable(named=store is not None)
    ready(st)
    # A dry run refuses what the real run refuses: it shows what that run would do.
    later = [] if force else later_rows(st, review_id)
    # A newer review where every seat failed is no summary to keep (`--post` never posts one).
    newer = next(
        (r.id for r in reversed(later) if r.series.startswith("pr:") and r.verdict != "Failed"),
        None,
    )
    if newer is not None:
        raise UsageError(
            f"review {newer} of the same pull request is newer than {review_id}, and the PR has "
            f"one summary comment: publish {newer}, or pass --force to put {review_id} back"
        )
    try:
        result = run_publish(
            st,
            review_id,
            cwd=Path(repo),
            inline=inline,
            dry_run=dry_run,
            report_url=settings.report_url,
            as_json=as_json,
            env=github_env(github_api),
            force=force,
        )
    except PublishFailed as exc:
        if not dry_run:
            append_job_summary(publish_summary(review_id, None, with_store(exc.message)))
        raise
    if not dry_run:
        append_job_summary(publish_summary(review_id, result, None))


__all__ = [
    "echo_result",
    "failed_fields",
    "publish",
    "result_fields",
    "run_publish",
]
