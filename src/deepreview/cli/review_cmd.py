"""`review`, `resume` and `relead`."""

from __future__ import annotations

import dataclasses
import json
import math
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from deepreview.agents.registry import PREFERRED_LEADS, lead_agents
from deepreview.cli.durations import Duration
from deepreview.cli.hints import with_store
from deepreview.cli.options import (
    MODEL_HELP,
    config_file,
    config_option,
    github_api_option,
    github_env,
    given_repo,
    refuse_empty,
    store_option,
    yes_trust_option,
)
from deepreview.cli.posting import (
    conclude,
    fail_on_option,
    post_options,
    refuse_inline_alone,
    require_credentials,
)
from deepreview.cli.progress import Progress
from deepreview.config import CliOverrides
from deepreview.config_seats import seat_list
from deepreview.errors import UsageError
from deepreview.formats import DEFAULT_FORMATS, FORMATS
from deepreview.pipeline.prepare import ReviewRequest, prepare
from deepreview.pipeline.review import ReviewOutcome, execute
from deepreview.runmodel import EFFORTS, SCHEMA_VERSION

if TYPE_CHECKING:
    from deepreview.model import LeadInfo
    from deepreview.pipeline.context import Prepared

F = TypeVar("F", bound=Callable[..., Any])


def _overrides(
    *,
    agents: str | None = None,
    lead: str | None = None,
    timeout: float | None,
    effort: str | None,
    models: tuple[str, ...],
    store: str | None,
    formats: tuple[str, ...],
    allow_exec: bool | None,
    config: str | None,
    yes_trust: bool,
) -> CliOverrides:
    """The options every run command shares (`run_options`), as one CliOverrides."""
    parsed: list[tuple[str, str]] = []
    for item in models:
        seat, sep, model = (part.strip() for part in item.partition("="))
        if not sep or not seat:
            raise UsageError(f"--model {item!r}: use SEAT=MODEL, e.g. --model claude=opus")
        if not model:
            # `claude= ` would leave the seat on its default model without a word.
            raise UsageError(
                f"--model {item!r}: the model is empty; use SEAT=MODEL, e.g. --model claude=opus"
            )
        earlier = next((m for s, m in parsed if s == seat), model)
        if earlier != model:
            # the last would win, the first dropped without a word (as `--agents` twice)
            raise UsageError(
                f"--model given twice for seat {seat} ({earlier}, {model}); "
                "give each seat one --model"
            )
        parsed.append((seat, model))
    # `not > 0` also refuses NaN; a zero budget would only make every seat "time out"; an
    # infinite one would be written into run.json, which JSON cannot hold.
    if timeout is not None and not 0 < timeout < math.inf:
        raise UsageError(
            f"--timeout {timeout:g}: must be a finite number of seconds greater than 0 "
            "(e.g. --timeout 1800)"
        )
    return CliOverrides(
        agents=seat_list(agents, "--agents") if agents is not None else None,
        lead=lead,
        timeout=timeout,
        effort=effort,
        models=tuple(parsed),
        store=store,
        formats=formats or None,
        allow_exec=allow_exec,
        config_path=config_file(config),
        yes_trust_repo_config=yes_trust,
    )


class _LeadOption(click.Option):
    """`--lead`, whose help lists the registry's lead agents: computed only when help is
    shown (naming them imports every adapter, which a review run may not need)."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        self.help = (
            f"{'|'.join([*lead_agents(), 'none'])} "
            f"(default: first usable of {', '.join(PREFERRED_LEADS)})."
        )
        return super().get_help_record(ctx)


def run_options(*, seats: bool = True, lead: bool = True) -> Callable[[F], F]:
    """The options of the commands that run seats or a lead. `seats=False`: no `--agents`
    (`resume` and `relead` keep the seats the review was started with); `lead=False`: no
    `--lead` (`resume` finishes with the lead the review started with). An option a command
    would ignore is not offered: click refuses it (exit 2) and lists the ones there are."""

    def decorate(fn: F) -> F:
        for opt in reversed(_run_options(seats=seats, lead=lead)):
            fn = opt(fn)
        return fn

    return decorate


def _run_options(*, seats: bool, lead: bool) -> list[Callable[[F], F]]:
    agents_option = click.option(
        "--agents",
        help="Comma-separated seats (default: every usable seat — each installed and "
        "logged-in agent CLI, each configured [seats.NAME], and the built-in static seat; "
        "`deep-review doctor` prints the list).",
    )
    lead_option = click.option("--lead", cls=_LeadOption)
    options = [
        *([agents_option] if seats else []),
        *([lead_option] if lead else []),
        click.option(
            "--timeout",
            type=Duration("seconds", "1800"),
            # `resume` and `relead` take no --passes: a resumed seat's passes are the review's.
            help="Per-seat timeout in seconds (default 1800), the lead's too: a seat's passes "
            + ("(--passes, --thorough) share it." if seats else "share it."),
        ),
        click.option(
            "--effort",
            type=click.Choice(EFFORTS),
            help="Reasoning effort asked of each seat, passed to Claude, Codex and opencode "
            "(Gemini's CLI and the static seat take none; default: [review] effort, else "
            "each CLI's own).",
        ),
        click.option(
            "--format",
            "formats",
            multiple=True,
            type=click.Choice(FORMATS),
            help=f"Report format to store (repeatable; default: {', '.join(DEFAULT_FORMATS)}). "
            "The JSON report is always stored: `show` renders any other format from it; a list "
            "naming neither md nor html (--format sarif) keeps those too.",
        ),
        click.option("--model", "models", multiple=True, metavar="SEAT=MODEL", help=MODEL_HELP),
        store_option,
        click.option(
            "--allow-exec/--no-allow-exec",
            default=None,
            help="Let seats run the project's code/tests (dangerous on untrusted PRs).",
        ),
        config_option,
        yes_trust_option,
        click.option("--json", "as_json", is_flag=True, help="Print the result as JSON on stdout."),
        click.option(
            "--repo",
            "repo",
            type=click.Path(file_okay=False),
            callback=given_repo,
            default=".",
            help="Repository to review (default: current directory).",
        ),
    ]
    return options


def _files(n: int) -> str:
    return f"{n} file" if n == 1 else f"{n} files"


def _checks_options(fn: F) -> F:
    """`review` only: checks run once, right after the seats (a resume does not redo them)."""
    options = [
        click.option(
            "--check-fixes",
            is_flag=True,
            help="Apply each proposed fix and run the tests (needs --allow-exec).",
        ),
        click.option(
            "--probe-tests",
            is_flag=True,
            help="Mutate the changed lines and see whether the tests notice (needs --allow-exec).",
        ),
        click.option(
            "--test-cmd", help='The test command, e.g. "python -m pytest -q" ([checks] test).'
        ),
        click.option(
            "--probe-max", type=int, help="At most N mutants (default 20), sampled with a seed."
        ),
        click.option(
            "--probe-minutes",
            type=Duration("minutes", "10"),
            help="Stop probing after this long (default 10).",
        ),
        click.option(
            "--jobs", type=int, help="Fix checks and mutants run in parallel (default 2)."
        ),
    ]
    for opt in reversed(options):
        fn = opt(fn)
    return fn


@click.command()
@click.argument("target", required=False)
@click.option(
    "--base",
    help="Base ref for a branch review: the current branch, or the branch TARGET names "
    "(default: merge-base with origin/HEAD, main, master).",
)
@click.option(
    "--uncommitted",
    is_flag=True,
    help="Review the work tree (staged, unstaged, untracked) against HEAD.",
)
@click.option(
    "--passes",
    type=click.IntRange(1, 10),
    help="Up to N passes per seat: a seat whose pass found a Critical/Important issue looks "
    "again where it has not looked yet; the static seat runs once (default: [review] "
    "passes, else 1).",
)
@click.option("--thorough", is_flag=True, help="Thorough mode: the same as --passes 3.")
@click.option(
    "--exact-range",
    is_flag=True,
    help="For A..B, review git's literal tree diff even when A is not an ancestor of B "
    "(default: from their merge-base, like A...B).",
)
@click.option(
    "--panel",
    type=click.Choice(["auto"]),
    help="auto: choose the seats from this repository's review history (see `stats`).",
)
@click.option(
    "--budget-usd",
    type=float,
    metavar="X",
    help="With --panel auto: keep the seats' estimated cost (median per review) within X.",
)
@click.option(
    "--seat-only",
    "seat_only",
    metavar="NAME",
    help="Run only this seat and write a portable seat result to --out DIR (no report, no "
    "store entry); `deep-review finish --from DIR...` makes the report.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    callback=refuse_empty("--out", "give the folder for the seat result"),
    help="With --seat-only: the folder for the seat result (created; one folder per seat).",
)
@post_options
@fail_on_option
@github_api_option
@_checks_options
@run_options()
def review(
    target: str | None,
    base: str | None,
    uncommitted: bool,
    exact_range: bool,
    panel: str | None,
    budget_usd: float | None,
    as_json: bool,
    repo: str,
    check_fixes: bool,
    probe_tests: bool,
    test_cmd: str | None,
    probe_max: int | None,
    probe_minutes: float | None,
    jobs: int | None,
    passes: int | None,
    thorough: bool,
    seat_only: str | None,
    out_dir: str | None,
    post: bool,
    inline: bool,
    fail_on: str | None,
    github_api: str | None,
    **opts: Any,
) -> int:
    """Review TARGET: nothing (current branch), a local branch name, A..B, A...B, 123, #123,
    OWNER/NAME#123 or a PR URL."""
    if (seat_only is None) != (out_dir is None):
        raise UsageError("--seat-only NAME and --out DIR go together; pass both or neither")
    if thorough and passes is not None and passes != 3:
        raise UsageError(f"--thorough means --passes 3; drop one of --thorough, --passes {passes}")
    try:
        test_argv = tuple(shlex.split(test_cmd)) if test_cmd is not None else None
    except ValueError as exc:
        raise UsageError(f"--test-cmd {test_cmd!r}: {exc}; quote it like a shell word") from exc
    if test_argv == ():
        raise UsageError("--test-cmd is empty; give the command that runs the tests")
    cli = dataclasses.replace(
        _overrides(**opts),
        check_fixes=check_fixes,
        probe_tests=probe_tests,
        test_cmd=test_argv,
        probe_max=probe_max,
        probe_minutes=probe_minutes,
        jobs=jobs,
        passes=3 if thorough else passes,
        fail_on=fail_on,
    )
    if seat_only is not None and (post or inline or fail_on is not None):
        # before `--inline` asks for a `--post` that would be refused next
        raise UsageError(
            "--seat-only writes no report to post or gate; pass --post/--inline/--fail-on to "
            "`deep-review finish`"
        )
    refuse_inline_alone(post, inline)
    env = github_env(github_api)
    req = ReviewRequest(
        cwd=Path(repo),
        target=target,
        base=base,
        uncommitted=uncommitted,
        exact_range=exact_range,
        cli=cli,
        env=env,
        panel=panel,
        budget_usd=budget_usd,
    )
    if seat_only is not None and out_dir is not None:
        return _seat_only(req, seat_only, Path(out_dir), as_json)
    prepared = prepare(req)
    if post and prepared.target.pr is None:
        raise UsageError(
            f"--post publishes on a pull request, and {prepared.target.label()} is not one; "
            "review the PR by number (`deep-review review 123 --post`) or drop --post"
        )
    if post:
        require_credentials(env, Path(repo))
    for note in (*prepared.warnings, *prepared.notes):
        click.echo(with_store(f"note: {note}"), err=True)
    if prepared.panel is not None:
        click.echo(prepared.panel.summary, err=True)  # it says "Panel …" itself
        for choice in prepared.panel.choices:
            click.echo(f"  {choice.seat}: {choice.reason}", err=True)
    click.echo(
        f"Reviewing {_label(prepared)} ({_files(len(prepared.target.changed_files))}) with "
        f"{', '.join(p.seat for p in prepared.plans)}; lead: {prepared.lead}",
        err=True,
    )
    if prepared.settings.checks.wanted:
        click.echo(
            "After the seats, the change's tests run in scratch worktrees (--allow-exec): "
            + ", ".join(
                flag
                for flag, on in (
                    ("--check-fixes", prepared.settings.checks.check_fixes),
                    ("--probe-tests", prepared.settings.checks.probe_tests),
                )
                if on
            ),
            err=True,
        )
    with Progress([p.seat for p in prepared.plans]) as progress:
        outcome = execute(prepared, on_progress=progress)
    return conclude(
        outcome,
        as_json=as_json,
        cwd=Path(repo),
        post=post,
        inline=inline,
        report_url=prepared.settings.report_url,
        threshold=prepared.settings.fail_on,
        env=env,
    )


def _label(prepared: Prepared) -> str:
    """What is reviewed, redacted as the report says it (a token in a branch's name: CI logs
    keep this line)."""
    from deepreview.store.redact import Redactor

    target = prepared.target
    # A branch's base is picked (origin/HEAD, main, origin/main, ...): the line names it.
    against = f" against {target.base_ref}" if target.kind == "branch" and target.base_ref else ""
    return Redactor(prepared.env).text(target.label() + against)


def _seat_only(req: ReviewRequest, seat: str, out_dir: Path, as_json: bool) -> int:
    from deepreview.pipeline.seat_only import prepare_seat_only, run_seat_only

    s = prepare_seat_only(req, seat, out_dir)
    # as a review says them: the target's notes (a PR moved on since the run started, ...)
    for note in (*s.prepared.warnings, *s.prepared.notes):
        click.echo(with_store(f"note: {note}"), err=True)
    target = s.prepared.target
    click.echo(
        f"Reviewing {_label(s.prepared)} ({_files(len(target.changed_files))}) with seat {seat} "
        f"only (one of {', '.join(s.panel)}); result to {out_dir}",
        err=True,
    )
    with Progress([seat]) as progress:
        outcome = run_seat_only(s, on_progress=progress)
    for note in outcome.notes:
        click.echo(with_store(f"note: {note}"), err=True)
    run = outcome.record.run
    if as_json:
        data = {
            "schema_version": SCHEMA_VERSION,
            "seat": outcome.record.seat,
            "status": run.status,
            "reason": run.reason,
            "out": str(outcome.out_dir),
            "base_sha": target.base_sha,
            "head_sha": target.head_sha,
            "diff_sha256": outcome.record.diff_sha256,
            "duration_s": run.duration_s,
            "tool_calls": run.tool_calls,
            "notes": [*s.prepared.notes, *outcome.notes],
        }
        click.echo(json.dumps(data, indent=2, allow_nan=False))
    else:
        cut = f" [{run.output_note}]" if run.output_note else ""
        click.echo(f"  {seat}: {run.outcome_text}{cut}", err=True)
        click.echo(f"Seat result written to {outcome.out_dir}")
    from deepreview.cli.job_summary import append_job_summary
    from deepreview.publish.job_summary import seat_summary

    append_job_summary(seat_summary(run, str(outcome.out_dir), int(outcome.exit_code)))
    return int(outcome.exit_code)


def _relead_failure(outcome: ReviewOutcome, lead: LeadInfo) -> str:
    words = "fell back" if lead.status == "fallback" else "failed"
    root = outcome.store_root
    if outcome.failed_relead is not None:
        kept = outcome.failed_relead.kept_in
        where = f"; its run is in {kept.relative_to(root)}" if kept else ""
        return f"the lead ({lead.seat}) {words}: the earlier report stands{where}"
    earlier = sorted((outcome.review_dir / "earlier-leads").glob("*/"), key=lambda d: d.name)
    where = f"; the earlier lead's run is in {earlier[-1].relative_to(root)}" if earlier else ""
    return (
        f"the lead ({lead.seat}) {words}: the stored report is now the consolidation "
        f"without a lead{where}"
    )


__all__ = ["review"]
