"""What runs after a review is stored, shared by `review`, `resume`, `relead` (and `finish`):
`--post [--inline]` publishes it on its pull request, then `--fail-on` is the CI gate (exit 4);
then the review's output (`--json` carries the publication) and, on GitHub Actions, the job
summary.

Light at import: `review` loads it before its seats start; publishing is imported when used.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from deepreview.cli.hints import with_store
from deepreview.errors import DeepReviewError, ExitCode, Interrupted, PublishError
from deepreview.publish.gate import FAIL_ON_CHOICES, fails, unverified

if TYPE_CHECKING:
    from deepreview.pipeline.context import ReviewOutcome
    from deepreview.publish.job_summary import Posting

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


def refuse_inline_alone(post: bool, inline: bool) -> None:
    """`--inline` is a way of posting: without `--post` nothing would be posted (exit 2)."""
    from deepreview.errors import UsageError

    if inline and not post:
        raise UsageError("--inline posts inline comments with --post; add --post")


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


def conclude(
    outcome: ReviewOutcome,
    *,
    as_json: bool,
    threshold: str,
    post: bool = False,
    inline: bool = False,
    cwd: Path = Path("."),
    report_url: str | None = None,
    env: dict[str, str] | None = None,
    lead_failed: str | None = None,
) -> int:
    """After a stored review (`review`, `finish`, `resume`, `relead`): its lines (or, once
    the rest is known, its `--json` document with a `publish` object), the publication when
    asked, the --fail-on gate, and on GitHub Actions the job summary. A publishing failure
    raises (exit 5) after all of them, with the review already stored. `lead_failed`:
    `relead`'s line for a lead that did not judge (exit 6 when nothing else failed)."""
    from deepreview.cli.job_summary import append_job_summary
    from deepreview.cli.outcome_output import RESUME_HINT, echo_outcome, outcome_doc
    from deepreview.publish.job_summary import ReviewFacts, review_summary

    if not as_json:
        echo_outcome(outcome)
    posting, fields, failure = (
        _post(outcome, inline=inline, cwd=cwd, report_url=report_url, env=env)
        if post
        else (None, None, None)
    )
    code, gate_failed = int(outcome.exit_code), None
    if failure is not None:
        code = int(failure.exit_code)
    else:
        gated = _gate(outcome, code, threshold)
        if code == 0 and outcome.report is not None and threshold != "never":
            gate_failed = gated == ExitCode.FAIL_ON
        code = gated
    if code == 0 and lead_failed is not None:
        # a relead is its lead: one that did not judge is a failed command, not a quiet swap
        click.echo(f"deep-review: {lead_failed}", err=True)
        code = int(ExitCode.LEAD_FAILED)
    if as_json:
        doc = outcome_doc(outcome, lead_failed=lead_failed)
        doc["publish"] = fields
        click.echo(json.dumps(doc, indent=2, allow_nan=False))
        if outcome.status == "interrupted":
            click.echo(with_store(RESUME_HINT.format(outcome.review_id)), err=True)
    facts = ReviewFacts(
        review_id=outcome.review_id,
        status=outcome.status,
        report=outcome.report,
        paths=outcome.paths,
        seats=outcome.seats,
        exit_code=code,
        posting=posting,
        fail_on=threshold,
        gate_failed=gate_failed,
    )
    append_job_summary(review_summary(facts))
    if failure is not None:
        failure.on_stdout = as_json  # the JSON document above names it (`publish.error`)
        raise failure
    return code


def _post(
    outcome: ReviewOutcome,
    *,
    inline: bool,
    cwd: Path,
    report_url: str | None,
    env: dict[str, str] | None,
) -> tuple[Posting, dict[str, Any], DeepReviewError | None]:
    """`--post`: what became of it, its `publish` object for `--json`, and the error to raise
    (exit 5) once the review's output and job summary are out."""
    from deepreview.cli.publish_cmd import failed_fields, result_fields, run_publish
    from deepreview.publish.job_summary import Posting
    from deepreview.publish.publisher import PublishFailed
    from deepreview.store.store import Store

    header = outcome.report.header if outcome.report is not None else None
    empty: dict[str, Any] = {
        "repo": header.repo if header else None,
        "pr": header.pr_number if header else None,
        "dry_run": False,
        "summary": None,
        "summary_url": None,
        "skipped": None,
        "inline_posted": [],
        "inline_already": [],
        "unanchored": [],
        "replies": [],
        "resolved": [],
        "notes": [],
        "error": None,
        "exit_code": 0,
    }
    if outcome.exit_code == ExitCode.ALL_SEATS_FAILED:
        # Nothing was reviewed: a "Failed" summary would replace the PR's last real one.
        # stderr, `--json` and the job summary give one line, with this run's `--store`
        line = with_store(
            "not posted: no seat produced a review, so the PR's summary comment is left as it "
            f"was (`deep-review publish {outcome.review_id} --force` posts it anyway)"
        )
        click.echo(f"deep-review: {line}", err=True)
        return Posting(skipped=line), {**empty, "skipped": line}, None
    if outcome.status != "complete" or outcome.report is None:
        line = f"not posted: review {outcome.review_id} has no report yet"
        return Posting(skipped=line), {**empty, "skipped": line}, None
    try:
        result = run_publish(
            Store(outcome.store_root),
            outcome.review_id,
            cwd=cwd,
            inline=inline,
            dry_run=False,
            report_url=report_url,
            env=env,
        )
    except PublishFailed as exc:
        fields = {**empty, **failed_fields(exc, False)}
        return Posting(error=fields["error"]), fields, exc
    except (KeyboardInterrupt, Interrupted):
        # Ctrl-C while posting: the review is stored, and `--json` still gets its document.
        stop = Interrupted(
            f"interrupted while posting; review {outcome.review_id} is stored: "
            f"`deep-review publish {outcome.review_id}` posts it"
        )
        fields = {**empty, "error": with_store(stop.message), "exit_code": int(stop.exit_code)}
        return Posting(error=fields["error"], error_code=int(stop.exit_code)), fields, stop
    except DeepReviewError as exc:
        # Whatever stops the publication comes after the review was stored: exit 5 (README),
        # never 2, whose "nothing written" it is not.
        failure = PublishError(exc.message)
        error = with_store(exc.message)  # as `cli.main` prints it
        fields = {**empty, "error": error, "exit_code": int(failure.exit_code)}
        return Posting(error=error), fields, failure
    fields = {**empty, **result_fields(result)}
    return Posting(result=result), fields, None


__all__ = [
    "conclude",
    "fail_on_option",
    "post_options",
    "refuse_inline_alone",
    "require_credentials",
]
