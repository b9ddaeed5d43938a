"""`deep-review`: a Click group whose commands are imported only when invoked (fast --help)."""

from __future__ import annotations

import difflib
import importlib
import json
import logging
import os
import re
import signal
import sys
from typing import Any, Final, NoReturn

import click

from deepreview import __version__
from deepreview.cli.hints import forget_store, with_store
from deepreview.cli.options import NOT_OFFERED, refuse_repeated_options
from deepreview.cli.streams import output_survives_closed_pipes
from deepreview.errors import DeepReviewError, ExitCode, MissingFolderError
from deepreview.formats import FORMATS

_COMMANDS = {
    "review": (
        "deepreview.cli.review_cmd",
        "review",
        "Review a change with several agents in parallel.",
    ),
    "resume": (
        "deepreview.cli.rerun_cmd",
        "resume",
        "Finish an interrupted review: missing seats, then the report.",
    ),
    "relead": (
        "deepreview.cli.rerun_cmd",
        "relead",
        "Rerun only the lead (and rendering) on a stored review.",
    ),
    "finish": (
        "deepreview.cli.finish_cmd",
        "finish",
        "Make the report from seat results gathered from several runners (--from DIR...).",
    ),
    "doctor": (
        "deepreview.cli.doctor_cmd",
        "doctor",
        "Show every seat and whether it can run here.",
    ),
    "trust": (
        "deepreview.cli.doctor_cmd",
        "trust",
        "Trust this repository's .deep-review.toml (content-pinned).",
    ),
    "parse": (
        "deepreview.cli.tools_cmd",
        "parse",
        "Parse one agent review or a whole Deep Review report.",
    ),
    "render": (
        "deepreview.cli.tools_cmd",
        "render",
        f"Render a report JSON as {', '.join(FORMATS)}.",
    ),
    "consolidate": (
        "deepreview.cli.tools_cmd",
        "consolidate",
        "Consolidate saved reviews offline into one report.",
    ),
    "publish": (
        "deepreview.cli.publish_cmd",
        "publish",
        "Publish a stored PR review on the pull request (sticky comment, --inline).",
    ),
    "list": ("deepreview.cli.store_cmd", "list_", "List stored reviews, newest first."),
    "show": ("deepreview.cli.store_cmd", "show", f"Print a stored review ({', '.join(FORMATS)})."),
    "open": ("deepreview.cli.store_cmd", "open_", "Open a stored review's HTML in the browser."),
    "delete": (
        "deepreview.cli.store_fix_cmd",
        "delete",
        "Delete a stored review: its folder, report files and index row.",
    ),
    "reindex": (
        "deepreview.cli.store_fix_cmd",
        "reindex",
        "Rebuild the store's index from its review folders.",
    ),
    "stats": (
        "deepreview.cli.stats_cmd",
        "stats",
        "Which reviewers earn their seat: per-seat analytics over the store.",
    ),
    "decline": (
        "deepreview.cli.memory_cmd",
        "decline",
        "Decline a finding on purpose; later rounds keep it out of the open findings.",
    ),
    "declines": ("deepreview.cli.memory_cmd", "declines", "List declined findings."),
    "undecline": ("deepreview.cli.memory_cmd", "undecline", "Remove a decline."),
    "context": (
        "deepreview.cli.memory_cmd",
        "context",
        "Show or update the repo's deep-review-context.md.",
    ),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _COMMANDS:
            return None
        module, attr, _ = _COMMANDS[cmd_name]
        cmd: click.Command = getattr(importlib.import_module(module), attr)
        return cmd

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        typed = args[0] if args else ""
        if typed and typed not in _COMMANDS and not typed.startswith("-"):
            # as click does for a mistyped option: name the command it resembles
            close = difflib.get_close_matches(typed, list(_COMMANDS), n=1)
            if close:
                ctx.fail(f"No such command {typed!r}. Did you mean {close[0]!r}?")
        name, cmd, rest = super().resolve_command(ctx, args)
        if cmd is not None:
            # once for every command: an option given twice is refused before click keeps
            # only its last value
            refuse_repeated_options(cmd, rest)
        return name, cmd, rest

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Help text without importing every command module.
        rows = [(name, help_) for name, (_, _, help_) in _COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="deep-review")
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-vv for debug).")
def cli(verbose: int) -> None:
    """Deep Review: several coding agents review one change; one verified report.

    Exit codes: 0 review stored; 2 bad input (nothing written); 3 review stored but every seat
    failed; 4 review stored (and published) with a finding at or above --fail-on, or not all
    of it could be judged (findings not read, no model seat reviewed); 5 review
    stored but GitHub refused to publish it (retry with `deep-review publish ID`); 6 relead
    only: its lead failed (an earlier lead's report stands, else the report is stored without
    a lead); 130 interrupted (finish with
    `deep-review resume ID`).
    """
    # A command that has to wait for another one's lock on the store says so as it starts
    # (imported here: `--help` needs none of it).
    from deepreview.lockfile import set_wait_notice

    set_wait_notice(lambda line: click.echo(f"note: {line}", err=True))
    from deepreview.store.newer import set_newer_notice

    set_newer_notice(lambda line: click.echo(f"note: {line}", err=True))
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(
        level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s"
    )


def _stop_signals() -> tuple[signal.Signals, ...]:
    """Ctrl-C, SIGTERM, and a hangup (the terminal closed) unless it is ignored (`nohup`):
    each stops the command as Ctrl-C does, so a review still removes its seats' worktrees and
    homes; killed by a hangup it would leave them until the next command sweeps them."""
    hangup = () if signal.getsignal(signal.SIGHUP) == signal.SIG_IGN else (signal.SIGHUP,)
    return (signal.SIGINT, signal.SIGTERM, *hangup)


def _interrupt(signum: int, frame: Any) -> None:
    # The first Ctrl-C / SIGTERM raises; later ones are ignored, so a user hammering Ctrl-C
    # cannot cut short the "interrupted" message and the clean exit with code 130.
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> None:
    stops = _stop_signals()
    for sig in stops:
        signal.signal(sig, _interrupt)
    try:
        with output_survives_closed_pipes():
            _run(argv)
    finally:
        # The work is done and its exit code chosen: a late Ctrl-C must not turn the exit
        # into a KeyboardInterrupt traceback during interpreter shutdown.
        for sig in stops:
            signal.signal(sig, signal.SIG_IGN)


def _no_such_option(exc: click.exceptions.NoSuchOption) -> str:
    """Click's suggestions compare whole option names, so the shared `--` makes `--agnets`
    resemble `--panel`; compare the names without dashes and suggest only close ones."""
    import difflib

    command = exc.ctx.info_name if exc.ctx is not None else None
    why = NOT_OFFERED.get((command or "", exc.option_name))
    if why is not None:
        return f"{exc.message.rstrip('.')}: {why}."
    name = exc.option_name.lstrip("-")
    near = [
        p
        for p in exc.possibilities or ()
        if difflib.SequenceMatcher(None, name, p.lstrip("-")).ratio() >= 0.6
    ]
    if not near:
        return exc.message
    if len(near) == 1:
        return f"{exc.message} Did you mean {near[0]!r}?"
    return f"{exc.message} (Did you mean one of: {', '.join(repr(p) for p in near)}?)"


def _two_targets(exc: click.exceptions.UsageError, message: str) -> str:
    """`review HEAD~1 HEAD`, two commits as `git diff` takes them: name the range to write."""
    ctx = exc.ctx
    extra = re.fullmatch(r"Got unexpected extra argument \((\S+)\)", message)
    target = ctx.params.get("target") if ctx is not None and ctx.info_name == "review" else None
    if extra is None or not isinstance(target, str) or ".." in target:
        return message
    return (
        f"{message}: review takes one target; for what {extra[1]} changed since {target}, "
        f"use {target}..{extra[1]}"
    )


# Commands that print their report on stdout in `--format` (and its default): asked for JSON
# they answer a refusal in JSON too. `review`'s and `finish`'s `--format` names stored files.
_FORMAT_ON_STDOUT: Final = {"show": "md", "render": "md", "parse": "json", "consolidate": "md"}


def _wants_json(argv: list[str] | None) -> bool:
    """`--json` among the options (before a `--`), or `--format json` of a command whose stdout
    is the report: an error then answers on stdout too."""
    args = sys.argv[1:] if argv is None else argv
    if "--" in args:
        args = args[: args.index("--")]
    if "--json" in args:
        return True
    command = next((a for a in args if not a.startswith("-")), "")
    if command not in _FORMAT_ON_STDOUT:
        return False
    fmt = _FORMAT_ON_STDOUT[command]
    for n, arg in enumerate(args):
        if arg == "--format" and n + 1 < len(args):
            fmt = args[n + 1]
        elif arg.startswith("--format="):
            fmt = arg.split("=", 1)[1]
    return fmt == "json"


def _fail(message: str, code: int, argv: list[str] | None, *, printed: bool = False) -> NoReturn:
    """The one error line on stderr and the exit. Bad input (exit 2) with `--json` also prints
    a JSON object on stdout, so a script reading stdout gets an answer instead of nothing
    (README, "Exit codes"); it is refused before any output. So does an interruption that
    reaches here (a `relead`, a command stopped before its review was made): the commands
    that print their own interrupted outcome do not. Later failures (a publish that fails
    after the review's JSON, `printed`) leave stdout as the command wrote it: one JSON document."""
    message = with_store(message)
    # the user's own Ctrl-C is no error: "deep-review: relead interrupted: …"
    said = message if code == ExitCode.INTERRUPTED else f"error: {message}"
    click.echo(f"deep-review: {said}", err=True)
    if not printed:
        _json_error(message, code, argv)
    sys.exit(code)


def _json_error(message: str, code: int, argv: list[str] | None) -> None:
    if code in (ExitCode.USAGE, ExitCode.INTERRUPTED) and _wants_json(argv):
        from deepreview.runmodel import SCHEMA_VERSION

        error = {"schema_version": SCHEMA_VERSION, "error": message, "exit_code": code}
        click.echo(json.dumps(error, ensure_ascii=False, allow_nan=False))


def _interrupted(argv: list[str] | None) -> NoReturn:
    click.echo("deep-review: interrupted", err=True)
    _json_error("interrupted", int(ExitCode.INTERRUPTED), argv)
    sys.exit(int(ExitCode.INTERRUPTED))


def _run(argv: list[str] | None) -> None:
    forget_store()
    try:
        rv = cli.main(args=argv, standalone_mode=False)
    except DeepReviewError as exc:
        logging.getLogger(__name__).debug("error", exc_info=True)
        _fail(exc.message, int(exc.exit_code), argv, printed=exc.on_stdout)
    except (click.exceptions.Abort, KeyboardInterrupt):
        _interrupted(argv)
    except click.exceptions.NoArgsIsHelpError as exc:
        exc.show()  # bare `deep-review`: the help text
        sys.exit(int(ExitCode.USAGE))
    except click.exceptions.UsageError as exc:
        # One line, like every other bad-input error (click's own form is four).
        where = exc.ctx.command_path if exc.ctx is not None else "deep-review"
        message = exc.format_message()
        if isinstance(exc, click.exceptions.NoSuchOption):
            message = _no_such_option(exc)
        message = _two_targets(exc, message)
        _fail(f"{message} (see `{where} --help`)", int(ExitCode.USAGE), argv)
    except click.exceptions.ClickException as exc:
        exc.show()
        sys.exit(int(ExitCode.USAGE))
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except FileNotFoundError:
        # A relative path (`--store reviews`) made absolute in a current folder removed under
        # the shell: the folder is what to fix (the repository's own check says so earlier).
        if _current_folder_exists():
            raise
        _fail(MissingFolderError.CURRENT_GONE, int(ExitCode.USAGE), argv)
    sys.exit(int(rv or 0))


def _current_folder_exists() -> bool:
    try:
        os.getcwd()
    except FileNotFoundError:
        return False
    return True
