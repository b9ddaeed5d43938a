"""`parse`, `render`, `consolidate`: the offline tools (`doctor` and `trust`: doctor_cmd)."""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from pydantic import ValidationError

from deepreview.agents.command_json import looks_like_json, parse_json_review
from deepreview.cli.input_file import input_name, read_input, read_text
from deepreview.consolidate.files import consolidate_files
from deepreview.consolidate.inputs import display_name, seat_from_filename
from deepreview.errors import (
    ExitCode,
    ParseError,
    UsageError,
    first_problem,
)
from deepreview.findings.parse import parse_review
from deepreview.findings.readable import unparseable_reason
from deepreview.findings.report_parse import parse_report
from deepreview.formats import FORMATS, render_report
from deepreview.serialize import report_from_data, to_json
from deepreview.untrusted_text import clean_strings, clean_text

if TYPE_CHECKING:
    from deepreview.model import Report


# What `render` (and `parse` of a report) takes, said where it is given something else.
_WHERE = "(the store's <ID>.json, or `deep-review consolidate … --format json`)"
_A_REPORT = f"a Deep Review report JSON {_WHERE}"


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, exists=True, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="json",
    help="Output format (default: json); md, html and sarif render a whole report only.",
)
@click.option("--seat", default="", help="Seat name for a single agent review.")
@click.option("--json", "as_json", is_flag=True, help="JSON output (the default: --format json).")
def parse(file: str, fmt: str, seat: str, as_json: bool) -> None:
    """Parse one agent review, or a whole Deep Review report, to JSON (or re-render it).
    FILE `-` reads stdin."""
    if as_json and fmt != "json":
        raise UsageError(f"--json and --format {fmt} disagree; pass one of them")
    text = read_text(read_input(file), file, "an agent's review or a report")
    if not text.strip():
        # a seat that prints nothing fails: its preview is no empty review with exit 0
        raise UsageError(
            f"{input_name(file)} is empty; give an agent's review (Markdown, or the command "
            "seats' JSON) or a Deep Review report"
        )
    if text.lstrip().startswith("# Deep Review:"):
        # re-rendered for a terminal or a file: no terminal escapes or NULs from the report
        # (a review's JSON escapes them itself)
        click.echo(render_report(parse_report(clean_text(text)), fmt), nl=False)
        return
    doc = _json_object(text)
    if doc is not None and "header" in doc:
        # a whole report's JSON (the store's `<ID>.json`, `consolidate --format json`), which
        # no command seat prints: read as `render` reads it, not as a seat's review JSON
        click.echo(render_report(_report_of(doc, input_name(file)), fmt), nl=False)
        return
    name = seat or Path(input_name(file)).stem
    review = parse_review(text, seat=name)
    if looks_like_json(text):
        # what a command seat printing this text would hand over (`parse` is its preview):
        # JSON in the command seats' format is read strictly, and the wrong shape fails
        strict = parse_json_review(text, seat=name)
        if isinstance(strict, str):
            raise ParseError(f"{strict}; a command seat printing this would fail")
        review = strict or review
    if fmt != "json":
        raise UsageError(
            f"--format {fmt} renders whole reports only, and {input_name(file)} is one "
            f"agent's review; use --format json, or {_as_report(file, seat, fmt)} to render it "
            "as a report"
        )
    failure = unparseable_reason(review)
    if failure is not None:
        # the JSON below is what was read; the seat that printed this would have failed
        click.echo(
            f"note: {input_name(file)} is no review: a seat printing it would fail as "
            f"`{failure}`; give an agent's review (Markdown, or the command seats' JSON)",
            err=True,
        )
    click.echo(to_json(review), nl=False)


def _as_report(file: str, seat: str, fmt: str) -> str:
    """The `consolidate` command that makes a report of the one review `parse` was given."""
    named = f" --seat {shlex.quote(seat)}" if seat else ""
    command = f"`deep-review consolidate {shlex.quote(file)}{named} --format {fmt}`"
    return f"pipe it to {command}" if file == "-" else command


@click.command()
@click.argument(
    "reviews",
    nargs=-1,
    required=True,
    type=click.Path(dir_okay=False, exists=True, allow_dash=True),
)
@click.option("--seat", "seats", multiple=True, help="Seat name per review, in order.")
@click.option(
    "--changed-files",
    type=click.Path(dir_okay=False, exists=True),
    help="File listing the changed files, one per line.",
)
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="md", help="Report format (default: md)."
)
def consolidate(
    reviews: tuple[str, ...], seats: tuple[str, ...], changed_files: str | None, fmt: str
) -> int:
    """Consolidate saved agent reviews (REVIEW.md...) into one report, offline. A REVIEW `-`
    reads stdin (seat `stdin`, unless --seat names it)."""
    if reviews.count("-") > 1:
        raise UsageError("stdin (`-`) given twice: it holds one review; save the others to files")
    if "-" in reviews and not seats:
        # a file's stem names its seat; stdin's would be `-`, which names no one
        seats = tuple("stdin" if r == "-" else seat_from_filename(Path(r).stem)[0] for r in reviews)
    changed = None
    if changed_files:
        try:
            # (`utf-8-sig`: a byte order mark, as some editors save, is no part of the first path)
            listing = Path(changed_files).read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise UsageError(
                f"--changed-files {changed_files}: not UTF-8 text; list the changed files one a "
                "line in UTF-8 (e.g. `git diff --name-only BASE > FILE`)"
            ) from None
        changed = [ln.strip() for ln in listing.splitlines() if ln.strip()]
    _refuse_one_reader_twice(reviews, seats)
    report = consolidate_files(
        [Path(r) for r in reviews],
        seats=list(seats) or None,
        changed_files=changed,
        read=_review_text,
    )
    click.echo(render_report(report, fmt), nl=False)
    if report.header.verdict.label != "Failed":
        return 0
    # as `review`: a report in which no seat produced a review is no review (exit 3)
    why = ", ".join(f"{r.seat}: {r.reason or r.status}" for r in report.runs)
    click.echo(f"deep-review: no review could be used ({why}); exit 3", err=True)
    return int(ExitCode.ALL_SEATS_FAILED)


@click.command()
@click.argument("report_json", type=click.Path(dir_okay=False, exists=True, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="md",
    help="Format to render (default: md).",
)
def render(report_json: str, fmt: str) -> None:
    """Render a report JSON (from `parse`, `consolidate` or the store) in any report format.
    REPORT_JSON `-` reads stdin."""
    name = input_name(report_json)
    raw = read_text(read_input(report_json), report_json, "a report JSON")
    if not raw.strip():
        raise UsageError(f"{name} is empty; give {_A_REPORT}")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        if not raw.lstrip().startswith(("{", "[")):
            # no JSON at all (a review in Markdown): fixing it is no way on, reading it is
            raise UsageError(
                f"{name} is no JSON; render takes {_A_REPORT}; to read a review in Markdown, "
                f"run `deep-review parse {shlex.quote(report_json)}`"
            ) from exc
        raise UsageError(f"{name} is not valid JSON ({exc}); fix or regenerate it") from exc
    if isinstance(data, list):
        items = f"{len(data)} item{'' if len(data) == 1 else 's'}"
        raise UsageError(
            f"{name} is a JSON list of {items}, not a Deep Review report JSON; give one report "
            f"object {_WHERE}"
        )
    if not isinstance(data, dict):
        raise UsageError(
            f"{name} is not a Deep Review report JSON: not a JSON object; give {_A_REPORT}"
        )
    click.echo(render_report(_report_of(data, name), fmt), nl=False)


def _refuse_one_reader_twice(paths: tuple[str, ...], seats: tuple[str, ...]) -> None:
    """One file given twice (`a.md ./a.md`, a link) would be two reviewers agreeing on every
    finding; two seats shown under one name (`Claude`, `claude`) could not be told apart."""
    for n, path in enumerate(paths):
        for earlier in paths[:n]:
            if _same_file(earlier, path):
                raise UsageError(
                    f"{earlier} and {path} are the same file: one review read twice would "
                    "agree with itself; give each review once"
                )
    if seats and len(seats) != len(paths):
        return  # consolidate_files says how many --seat to give
    stems = [Path(p).stem for p in paths]
    names = [s.strip() for s in seats] if seats else [seat_from_filename(s)[0] for s in stems]
    shown: dict[str, str] = {}
    for name in filter(None, names):
        first = shown.setdefault(display_name(name), name)
        if first != name:
            raise UsageError(
                f"seats {first!r} and {name!r} would both be shown as {display_name(name)}; "
                "give them --seat names that differ in more than case"
            )


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).samefile(b)
    except OSError:
        return False


def _review_text(path: Path) -> str:
    """A review file as `parse` reads it: UTF-16 with its mark read, a binary refused."""
    return read_text(read_input(str(path)), str(path), "an agent's review")


def _json_object(text: str) -> dict[str, Any] | None:
    """The JSON object the text is, or None (not JSON, or JSON of another shape)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None


def _report_of(data: dict[str, Any], path: str) -> Report:
    """A report JSON's report, or a one-line error naming its first problem. Every version
    writes the findings (`[]` when none): a report without them is cut short or edited, and
    rendered it would list none beside a verdict naming them."""
    if isinstance(data.get("header"), dict) and "findings" not in data:
        raise UsageError(
            f"{path} is not a Deep Review report JSON: findings: Field required; give {_A_REPORT}"
        )
    try:
        report = report_from_data(data, path)
    except ValidationError as exc:
        raise UsageError(
            f"{path} is not a Deep Review report JSON: {_first_problem(exc)}; give {_A_REPORT}"
        ) from exc
    # a JSON from anywhere (not only our store): its strings may carry terminal escapes
    return clean_strings(report)


def _first_problem(exc: ValidationError) -> str:
    """pydantic's first error as one line: the field path and what is wrong (no docs URL)."""
    count = exc.error_count()
    more = f" (and {count - 1} more problem{'s' if count > 2 else ''})" if count > 1 else ""
    return first_problem(exc) + more
