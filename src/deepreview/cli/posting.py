"""What runs after a review is stored, shared by `review`, `resume`, `relead` (and `finish`):
`--post [--inline]` publishes it on its pull request, then `--fail-on` is the CI gate (exit 4).

Light at import: `review` loads it before its seats start; publishing is imported when used.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from deepreview.errors import ExitCode
from deepreview.publish.gate import FAIL_ON_CHOICES, fails, unverified

if TYPE_CHECKING:
    from deepreview.pipeline.context import ReviewOutcome

F = TypeVar("F", bound=Callable[..., Any])

fail_on_option = click.option(
    "--fail-on",
    "fail_on",
    type=click.Choice(FAIL_ON_CHOICES),
    help="CI gate: exit 4 when the report has a finding this severe or worse; the report is "
    "still stored and published first (default: [review] fail_on, else never).",
)


def post_options(fn: F) -> F:
    """`review` (and `finish`): publish the stored review on its pull request."""
    options = [
        click.option(
            "--post",
            is_flag=True,
            help="Publish the review on the PR: one sticky summary comment, updated in place "
            "on later rounds (needs a PR target; `gh` logged in or GITHUB_TOKEN).",
        ),
        click.option(
            "--inline", is_flag=True, help="With --post: also post findings on their diff lines."
        ),
    ]
    for opt in reversed(options):
        fn = opt(fn)
    return fn


def _gate(outcome: ReviewOutcome, code: int, threshold: str) -> int:
    """Exit 4 when a stored report fails the --fail-on gate (other exits stand)."""
    report = outcome.report
    if code != 0 or report is None or threshold == "never":
        return code
    failing = fails(report, threshold)
    why = None if failing else unverified(report)
    if why is not None:
        click.echo(
            f"deep-review: --fail-on {threshold}: {why}, so the gate cannot tell whether the "
            f"change has findings at or above {threshold} (verdict: "
            f"{report.header.verdict.label}); exit 4",
            err=True,
        )
        return int(ExitCode.FAIL_ON)
    if not failing:
        return code
    click.echo(
        f"deep-review: --fail-on {threshold}: the report has a finding at or above "
        f"{threshold} (verdict: {report.header.verdict.label}); exit 4",
        err=True,
    )
    return int(ExitCode.FAIL_ON)


def require_credentials(env: dict[str, str], cwd: Path) -> None:
    """`--post` before the review starts: without a token or a logged-in `gh`, GitHub takes
    no write (a public PR still reads without one), so posting would fail only after every
    seat had run. Refused now, with nothing spent (exit 2)."""
    from deepreview.errors import UsageError
    from deepreview.github.client import GitHubClient

    if not GitHubClient(env=env, cwd=cwd).has_credentials():
        raise UsageError(
            "--post needs GitHub credentials to write the comment: run `gh auth login` or set "
            "GITHUB_TOKEN (with `pull-requests: write`), or drop --post and "
            "`deep-review publish ID` later"
        )


def post_and_gate(
    outcome: ReviewOutcome,
    code: int,
    *,
    threshold: str,
    post: bool = False,
    inline: bool = False,
    cwd: Path = Path("."),
    report_url: str | None = None,
    env: dict[str, str] | None = None,
) -> int:
    """After a stored review (`review`, `finish`): publish it when asked, then the --fail-on
    gate. A publishing failure raises (exit 5) with the review already stored."""
    if post and outcome.exit_code == ExitCode.ALL_SEATS_FAILED:
        # Nothing was reviewed: a "Failed" summary would replace the PR's last real one.
        click.echo(
            "deep-review: not posted: no seat produced a review, so the PR's summary comment is "
            f"left as it was (`deep-review publish {outcome.review_id} --force` posts it anyway)",
            err=True,
        )
    elif post and outcome.status == "complete" and outcome.report is not None:
        from deepreview.cli.publish_cmd import run_publish
        from deepreview.store.store import Store

        run_publish(
            Store(outcome.store_root),
            outcome.review_id,
            cwd=cwd,
            inline=inline,
            dry_run=False,
            report_url=report_url,
            env=env,
        )
    return _gate(outcome, code, threshold)


__all__ = ["fail_on_option", "post_and_gate", "post_options", "require_credentials"]
