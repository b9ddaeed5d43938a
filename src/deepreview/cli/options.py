"""Options shared by several command modules (kept here so `review` need not import `list`'s)."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import click

from deepreview.cli.hints import remember_store
from deepreview.errors import UsageError


def refuse_empty(flag: str, fix: str) -> Any:
    """A callback refusing an empty path for `flag` (`--out "$UNSET_VAR"`): read as `.`, it
    would name the current folder, which the user never typed."""

    def check(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        values = value if isinstance(value, tuple) else (value,)
        if any(v is not None and not str(v).strip() for v in values):
            raise UsageError(f"{flag} is empty; {fix}")
        return value

    return check


def _given_store(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """`--store`'s callback: an empty one (`--store "$UNSET_VAR"`) would be read as none given,
    storing the review in the default store, away from the folder the script then reads."""
    if value is not None and not str(value).strip():
        raise UsageError(
            "--store is empty; give the store folder, or drop --store for the default store"
        )
    return remember_store(ctx, param, value)


store_option = click.option(
    "--store",
    callback=_given_store,
    help=(
        "Store folder (default: a config file's [review] store, else $DEEP_REVIEW_STORE, "
        "else per repo)."
    ),
)


def config_file(value: str | None) -> Path | None:
    """`--config FILE` as a path: `~` is the home folder, as in `--store` (the shell leaves
    `--config=~/x.toml` as it is). An empty one (`--config "$UNSET_VAR"`) is refused: read as
    none given, the file meant would be left out without a word."""
    if value is not None and not value.strip():
        raise UsageError("--config is empty; give the config file's path, or drop --config")
    return Path(value).expanduser() if value else None


# The run commands' (`review`, `resume`, `relead`, `finish`) way to name trusted config.
config_option = click.option(
    "--config",
    "config",
    # a folder is refused by settings, as a missing file is: one line saying the fix
    type=click.Path(),
    help="Extra config file (trusted: may define commands).",
)
yes_trust_option = click.option(
    "--yes-trust-repo-config",
    "yes_trust",
    is_flag=True,
    help="Honour commands in the repo's .deep-review.toml without `trust`.",
)


github_api_option = click.option(
    "--github-api",
    metavar="URL",
    help="GitHub API URL (overrides GITHUB_API_URL; GitHub Enterprise: https://HOST/api/v3).",
)


def given_repo(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """`--repo`'s callback: an empty path (`--repo ""`, `--repo "$UNSET_VAR"`) would be read as
    the current directory, reviewing or storing for whatever checkout the shell is in."""
    if value is not None and not str(value).strip():
        raise UsageError(
            "--repo is empty; give the repository's path, or drop --repo for the current directory"
        )
    return value


def repo_option(help: str) -> Any:
    """`--repo DIRECTORY` (default: the current directory); `help` says what it is for there."""
    return click.option(
        "--repo",
        default=".",
        type=click.Path(file_okay=False),
        callback=given_repo,
        help=f"{help} (default: the current directory).",
    )


# the repository whose store a store command reads (the default store is per repository)
STORE_REPO_HELP = "The repository whose store to use, when --store names none"

MODEL_HELP = (
    "A seat's model, e.g. claude=opus (repeatable; default: the seat's config, else its CLI's own)."
)


def github_env(github_api: str | None) -> dict[str, str]:
    """The environment GitHub calls see: this process's, with --github-api applied, else the
    API of `GH_REPO`'s host (`host/owner/name` on GitHub Enterprise); a malformed `GH_REPO`
    is refused here, before any work."""
    # Imported here: only the commands that talk to GitHub need them.
    from deepreview.errors import UsageError
    from deepreview.github.remote import with_gh_repo_api

    env = dict(os.environ)
    if github_api is not None:
        if not github_api.startswith(("https://", "http://")):
            raise UsageError(
                f"--github-api {github_api!r} is not a URL; give https://HOST/api/v3 "
                "(or https://api.github.com)"
            )
        env["GITHUB_API_URL"] = github_api
    return with_gh_repo_api(env)


# GitHub numbers issues and PRs from 1, in a signed 32-bit integer.
_MAX_PR = 2**31 - 1
# What `git check-ref-format --branch` refuses, in short: such a name is no branch's, so no
# review's series.
_NO_BRANCH = re.compile(r"[\x00-\x20\x7f~^:?*\[\\]|\.\.|@\{|//|^[-/.]|/\.|[/.]$|\.lock$|^@$")


def _series_problem(text: str) -> str | None:
    """Why no review can be in series `text` (as typed, stripped), or None."""
    if text.startswith(("#", "pr:")) or (text.isascii() and text.isdigit()):
        number = text.removeprefix("#").removeprefix("pr:")
        if not number.isascii() or not number.isdigit():
            return "'#' starts a PR number" if text.startswith("#") else "'pr:' takes a PR number"
        if int(number) < 1:
            return "PR numbers start at 1"
        if int(number) > _MAX_PR:
            return f"PR numbers go up to {_MAX_PR}"
        return None
    name = text.removeprefix("branch:")
    if not name:
        return "'branch:' takes a branch name"
    if _NO_BRANCH.search(name):
        return "no branch can be named so"
    return None


def series_key(text: str) -> str:
    """`123`, `#123`, `pr:123` → `pr:123` (leading zeros dropped); `branch:…` as given;
    anything else is a branch. A token in a branch's name is masked, as the store index keeps
    the series (`index_name`)."""
    from deepreview.store.redact import index_name

    text = text.strip()
    if re.fullmatch(r"(#|pr:)?\d+", text):
        return f"pr:{int(text.removeprefix('#').removeprefix('pr:'))}"
    text = index_name(text)
    if text.startswith("branch:"):
        return text
    return f"branch:{text}"


def series_option(series: str | None) -> str | None:
    """`--series` as a key (`series_key`), None when not given. Given empty (`--series ""`, an
    unset variable) it is refused: read as "no filter" it would list or count every series. So
    is one no review can be in (PR #0, `pr:abc`, `a..b`): zero reviews found would read as "this
    PR has none"."""
    if series is None:
        return None
    how = "give a PR number (123, #123) or a branch name, or drop --series"
    if not series.strip():
        raise UsageError(f"--series is empty; {how}")
    if problem := _series_problem(series.strip()):
        raise UsageError(f"--series {series!r}: {problem}; {how}")
    return series_key(series)


def confirmed(yes: bool, question: str, what: str, verb: str) -> bool:
    """`--yes`, else the user's answer on the terminal to `question`; with no terminal (CI,
    `</dev/null`) nobody can answer, so it is refused before asking, as bad input (`what`:
    "deleting review X", `verb`: "delete", for the error line)."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise UsageError(f"no terminal to confirm {what}; pass --yes to {verb} it without asking")
    # Not `click.confirm`: it turns end of input (Ctrl-D) into an abort (exit 130); here it is
    # "no", and Ctrl-C still interrupts.
    click.echo(f"{question} [y/N]: ", nl=False, err=True)
    try:
        answer = input()
    except EOFError:
        click.echo("", err=True)
        return False
    return answer.strip().lower() in ("y", "yes")


# How to say everything in one option that was given twice, where "give it once" says too
# little (a comma-separated list: the user meant the union).
_ONCE_ADVICE = {
    "--agents": "name every seat in one comma-separated --agents",
    "--expect": "name every seat in one comma-separated --expect",
}


def refuse_repeated_options(command: click.Command, args: list[str]) -> None:
    """Refuse (exit 2) an option that takes one value and is given twice (`--agents a
    --agents b`), or both forms of an on/off switch (`--allow-exec --no-allow-exec`): click
    keeps the last one without a word, dropping what the user named first. Repeatable
    options (`multiple`, such as `--format`, `--model`, `--from`) and counters are left alone,
    and so is the same flag twice (`--json --json` means `--json`)."""
    by_name: dict[str, click.Option] = {}
    for param in command.params:
        if isinstance(param, click.Option):
            for name in (*param.opts, *param.secondary_opts):
                by_name[name] = param
    seen: dict[str | None, str] = {}  # the option's parameter -> the name it was first given by
    n = 0
    while n < len(args):
        token = args[n]
        n += 1
        if token == "--":  # the rest are arguments, whatever they look like
            return
        name, eq, _ = token.partition("=")
        option = by_name.get(name)
        if option is None:  # an argument, or an unknown option (click names it)
            continue
        takes_value = not option.is_flag and not option.count
        if takes_value and not eq:
            n += option.nargs  # its value, even one that looks like an option
        if option.multiple or option.count:
            continue
        if option.name not in seen:
            seen[option.name] = name
            continue
        first = seen[option.name]
        if first == name and not takes_value:
            continue
        if first != name:
            raise UsageError(f"{first} and {name} both given; give one of them")
        advice = _ONCE_ADVICE.get(name, "give it once (only the last one would be used)")
        raise UsageError(f"{name} given twice; {advice}")


# Options `review` has that a command rerunning a stored review does not offer (it could not
# honour them), with why: said when one is given, beside click's "No such option".
NOT_OFFERED: dict[tuple[str, str], str] = {
    ("resume", "--agents"): "`resume` finishes the review with the seats it was started with",
    ("resume", "--lead"): "`resume` finishes the review with the lead it was started with "
    "(`deep-review relead ID --lead NAME` reruns the lead afterwards)",
    ("relead", "--agents"): "`relead` reruns only the lead over the seats' stored reviews "
    "(`deep-review review --agents ...` runs other seats)",
}
# The offline tools print on stdout, as Unix filters do; `--output FILE`, which other tools
# take, is answered with the redirection to write instead.
NOT_OFFERED.update(
    {
        (command, option): f"`{command}` prints on stdout; redirect it to a file "
        f"(`deep-review {command} … > FILE`)"
        for command in ("parse", "render", "consolidate")
        for option in ("--output", "--out", "-o")
    }
)
