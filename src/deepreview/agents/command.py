"""The `command` seat: any reviewer program the user configures.

    [seats.mybot]
    argv = ["my-reviewer", "--prompt", "{prompt_file}"]

`{prompt_file}`, `{worktree}` and `{base_sha}` inside argv elements are replaced; without
`{prompt_file}` the prompt is written to the program's stdin.  The program runs in the review
worktree and whatever it prints on stdout is its review: a Markdown review, or findings as one
JSON object (`command_json.py`).

Trust pins the config's text, not the files its argv names: `sh tools/lint.sh` runs the
reviewed head's `tools/lint.sh` (the worktree is the seat's cwd; a relative argv[0] is resolved
against the user's checkout, often that same branch). A seat whose argv reaches a file the
change edits (`seat_code`: named, sourced, imported, a runner's makefile…) fails instead of
running the change's code, unless the run allows that (`--allow-exec`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar, Literal, cast

from deepreview import proc
from deepreview.agents._park import parked, seat_parked
from deepreview.agents.base import (
    Availability,
    CliAgent,
    Invocation,
    SeatOutcome,
    SeatSettings,
    SeatTask,
    outcome_from_proc,
)
from deepreview.agents.command_json import looks_like_json, parse_json_review
from deepreview.agents.seat_code import edited, file_reader, reached
from deepreview.agents.seat_text import UNPARSEABLE_PREFIX, decode_output
from deepreview.workspace.worktree import seat_git_env

PROMPT_FILE = "{prompt_file}"
WORKTREE = "{worktree}"
BASE_SHA = "{base_sha}"
_STDERR_TAIL_BYTES = 64 * 1024
Status = Literal["ok", "failed", "timeout", "interrupted"]


def _no_argv_reason(name: str) -> str:
    return f"no argv configured: add [seats.{name}] argv = [...] to .deep-review.toml"


def resolve_program(program: str, env: Mapping[str, str]) -> str | None:
    """argv[0] as an absolute path: looked up on PATH, or an existing file path.

    Resolved against our own cwd, never the worktree, so a relative `./review.sh` is the user's
    script and not a file the reviewed change may have added.
    """
    if _has_sep(program):
        path = Path(program).expanduser()
        return str(path.resolve()) if path.is_file() else None
    return proc.which(program, env)


def _not_found(program: str) -> str:
    """Why `resolve_program` found no `program`: a bare name is looked up on PATH, a path is
    not (a relative one is read from our own cwd, which the user may not think of)."""
    if not program.strip():
        return "is empty: name the program to run"
    if not _has_sep(program):
        return "not found on PATH"
    if Path(program).expanduser().is_absolute():
        return "is not there (no such file)"
    return f"is not there (no such file in {Path.cwd()}, the folder deep-review runs in)"


def _start_problem(path: str, env: Mapping[str, str]) -> str | None:
    """Why the system would not start the program at `path`, read from its first line: a #!
    interpreter that is not there, or a text script with no #! line (exec says only "No such
    file or directory" or "Exec format error"); None when it looks startable."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
    except OSError:
        return None
    if not head.startswith(b"#!"):
        if head.startswith(b"\x7fELF") or b"\0" in head or not head.strip():
            return None  # a binary (or a format the system may know): let it start
        return (
            "is a script with no #! line, which the system cannot start; add one (such as "
            '#!/bin/sh) or run it through its interpreter (argv = ["sh", …])'
        )
    first = head[2:].split(b"\n", 1)[0]
    if first.endswith(b"\r"):
        # the system looks for `/bin/sh\r`: "No such file or directory", the classic puzzle
        return (
            "has Windows line ends: its #! line ends in a carriage return, which the system "
            "takes as part of the interpreter's name; save it with Unix line ends (dos2unix)"
        )
    words = first.decode("utf-8", errors="replace").split()
    if not words or not os.path.isabs(words[0]):
        return None
    line = f"#!{' '.join(words)}"
    if not os.path.exists(words[0]):
        return f"starts with {line}, which is not there; fix its #! line"
    # `#!/usr/bin/env python3` (or `env -S python3 -u`): env looks the interpreter up on PATH
    named = [w for w in words[1:] if not w.startswith("-")]
    if os.path.basename(words[0]) == "env" and named and proc.which(named[0], env) is None:
        return f"starts with {line}, and {named[0]} is not found on PATH; fix its #! line"
    return None


def _has_sep(program: str) -> bool:
    return os.sep in program or bool(os.altsep and os.altsep in program)


def _names_a_folder(program: str) -> bool:
    """argv[0] written as a path to a folder that exists (`resolve_program` takes files only)."""
    return _has_sep(program) and Path(program).expanduser().is_dir()


def changed_scripts(
    argv: tuple[str, ...], changed: tuple[str, ...], worktree: Path | None = None
) -> tuple[str, ...]:
    """The changed files the seat would run (or that argv names), each with how argv gets to
    it: what the seat's worktree (the reviewed head) holds decides what its scripts source."""
    read = file_reader(worktree) if worktree is not None else lambda _rel: None
    return edited(reached(argv, read), changed)


def repo_scripts_note(seat: str, argv: tuple[str, ...], root: Path) -> str | None:
    """What `trust` and `doctor` say about a seat whose argv runs or names files of the
    repository: trusting the config does not pin them."""
    reach = reached(argv, file_reader(root))
    parts = [r.describe() for r in reach if r.tree is None and (root / r.path).is_file()]
    parts += [r.describe() for r in reach if r.tree is not None]
    if not parts:
        return None
    files = ", ".join(parts)
    return (
        f"seat {seat} runs {files} from the reviewed head (the seat's worktree), "
        "which trusting the config does not pin; a change that edits "
        f"{'it' if len(parts) == 1 else 'one of them'} fails the seat unless you pass "
        "--allow-exec"
    )


def expand_argv(argv: tuple[str, ...], task: SeatTask) -> tuple[str, ...]:
    """Substitute the placeholders; plain `str.replace`, so other braces are left alone."""
    values = {
        PROMPT_FILE: str(task.prompt_file),
        WORKTREE: str(task.worktree),
        BASE_SHA: task.base_sha,
    }
    out = []
    for arg in argv:
        for placeholder, value in values.items():
            arg = arg.replace(placeholder, value)
        out.append(arg)
    return tuple(out)


class CommandAgent(CliAgent):
    name: ClassVar[str] = "command"
    display_name: ClassVar[str] = "Command"
    model_backed: ClassVar[bool] = False
    default_binary: ClassVar[str] = ""
    counts_tools: ClassVar[bool] = False

    def availability(self, settings: SeatSettings, env: Mapping[str, str]) -> Availability:
        seat = "NAME"  # the seat's config key is not part of its settings
        if not settings.argv:
            return self._answer(found=False, reason=_no_argv_reason(seat))
        program = settings.argv[0]
        resolved = resolve_program(program, env)
        if resolved is None:
            folder = _names_a_folder(program)
            why = "is a folder, not a program" if folder else _not_found(program)
            return self._answer(
                found=folder, reason=f"argv[0] {program!r} {why}; fix argv in [seats.{seat}]"
            )
        if not os.access(resolved, os.X_OK):
            # Found, but `review` could only fail the seat ("Permission denied"): said here, so
            # doctor does not list it and a review naming it is refused up front.
            return self._answer(
                reason=(
                    f"argv[0] {program!r} ({resolved}) is not executable; "
                    f"`chmod +x` it or fix argv in [seats.{seat}]"
                ),
                binary=resolved,
            )
        if (problem := _start_problem(resolved, {**env, **dict(settings.env)})) is not None:
            # it would fail to start ("No such file or directory" of a file that is there)
            return self._answer(
                reason=f"argv[0] {program!r} ({resolved}) {problem}; fix argv in [seats.{seat}]",
                binary=resolved,
            )
        return self._answer(
            usable=True,
            reason=f"command seat: argv[0] {program!r} runs {resolved}",
            binary=resolved,
        )

    def _answer(
        self, *, reason: str, found: bool = True, usable: bool = False, binary: str | None = None
    ) -> Availability:
        """One of `availability`'s answers: each names this agent, and none is model-backed
        (the class's `model_backed`), whatever the program argv names."""
        return Availability(
            name=self.name,
            usable=usable,
            found=found,
            reason=reason,
            binary=binary,
            model_backed=self.model_backed,
        )

    def build(self, task: SeatTask) -> Invocation:
        settings = task.settings
        argv = expand_argv(settings.argv, task)
        if argv:
            resolved = resolve_program(argv[0], task.env)
            if resolved is None and os.sep in argv[0]:
                # Still never relative to the worktree: a missing script must fail to start.
                resolved = os.path.abspath(argv[0])
            if resolved is not None:
                argv = (resolved, *argv[1:])
        # Its git runs no hook, in the worktree only, which holds the whole tree, LFS pointers
        env = seat_git_env({**task.env, **dict(settings.env)}, task.worktree)
        env["DEEP_REVIEW_BASE_SHA"] = task.base_sha
        env["DEEP_REVIEW_PROMPT_FILE"] = str(task.prompt_file)
        env["DEEP_REVIEW_SEAT"] = task.seat
        uses_file = any(PROMPT_FILE in arg for arg in settings.argv)
        stdin = None if uses_file else task.prompt.encode("utf-8")
        return Invocation(argv=argv, env=env, stdin=stdin)

    def run(self, task: SeatTask) -> SeatOutcome:
        if not task.settings.argv:
            return SeatOutcome("failed", reason=_no_argv_reason(task.seat))
        edited = changed_scripts(task.settings.argv, task.changed_files, task.worktree)
        if edited and not task.allow_exec:
            return SeatOutcome("failed", reason=_edited_reason(edited))
        # As for an agent CLI: no ignore file of the change hides a file it commits from a
        # search, and no `.mailmap` of it renames its author in the seat's git.
        names = seat_parked(task.worktree)
        with parked(task.worktree, names, task.home / "parked-seat-files", files_only=True):
            return super().run(task)

    def interpret(self, task: SeatTask, result: proc.ProcResult) -> SeatOutcome:
        status, reason = outcome_from_proc(result)
        text, not_text = _read_text(task.transcript_path)
        if not_text is not None and status in ("ok", "failed") and not result.spawn_error:
            # said as such: its text, decoded, is replacement characters no one can read
            tail = _last_stderr_line(task.stderr_path) if status == "failed" else ""
            if not tail:
                why = UNPARSEABLE_PREFIX + not_text
                why = why if status == "ok" else f"{reason}; {why}"
                return SeatOutcome("failed", review_text=text, reason=why, proc=result)
        if status == "failed" and not result.spawn_error:
            # Its last stderr line says why; a program that prints its error on stdout and exits
            # non-zero (`Error: 429 …`, exit 1) is quoted from there instead (a review printed
            # with the exit keeps the bare exit as its note: `checked_status`).
            tail = _last_stderr_line(task.stderr_path)
            if not tail and (result.returncode or 0) > 0:
                tail = _last_line(text)
            reason = f"{reason}: {tail}" if tail else reason
        if status == "failed" and (result.returncode or 0) > 0 and text.strip():
            # "problems found" is exit 1 for many review programs: what they printed decides
            return _exited_with_output(task, result, text, reason)
        if status != "ok":
            return SeatOutcome(cast(Status, status), review_text=text, reason=reason, proc=result)
        if not text.strip():
            # exit 0 with nothing printed: an error on stderr is why (`model not found`)
            tail = _last_stderr_line(task.stderr_path)
            reason = f"empty review (stderr: {tail})" if tail else "empty review"
            return SeatOutcome("failed", reason=reason, proc=result)
        if looks_like_json(text):
            parsed = parse_json_review(text, seat=task.seat)
            if isinstance(parsed, str):
                return SeatOutcome("failed", review_text=text, reason=parsed, proc=result)
            if parsed is not None:
                return SeatOutcome("ok", review_text=parsed.raw, review=parsed, proc=result)
        return SeatOutcome("ok", review_text=text, proc=result)


def _exited_with_output(
    task: SeatTask, result: proc.ProcResult, text: str, reason: str | None
) -> SeatOutcome:
    """A seat that exited non-zero after printing `text`: failed for now, its output to be
    read (`output_decides`); findings as JSON in our format are handed over as data."""
    parsed = parse_json_review(text, seat=task.seat) if looks_like_json(text) else None
    if parsed is not None and not isinstance(parsed, str):
        return SeatOutcome(
            "failed", review_text=parsed.raw, review=parsed, reason=reason, proc=result,
            output_decides=True,
        )  # fmt: skip
    return SeatOutcome("failed", review_text=text, reason=reason, proc=result, output_decides=True)


_NAMED_MAX = 3  # files named in the reason; the rest counted, so the advice after them stays
_NAME_MAX = 120  # within the reason's length cut (`runmodel.REASON_MAX_CHARS`)


def _edited_reason(edited: tuple[str, ...]) -> str:
    names = [p if len(p) <= _NAME_MAX else f"{p[:40]}…{p[-(_NAME_MAX - 41) :]}" for p in edited]
    listed = ", ".join(names[:_NAMED_MAX])
    if len(names) > _NAMED_MAX:
        listed += f" and {len(names) - _NAMED_MAX} more"
    return (
        f"not run: argv names {listed}, which this change edits, so the seat would "
        "run the change's own code (trusting the config does not cover the files it runs); "
        "pass --allow-exec to run it anyway, or point argv at a copy outside the repository"
    )


def _read_text(path: Path) -> tuple[str, str | None]:
    """What the seat printed, and why it is no text, if it is not (`decode_output`)."""
    try:
        return decode_output(path.read_bytes())
    except OSError:
        return "", None


def _last_stderr_line(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - _STDERR_TAIL_BYTES))
            tail = fh.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
    return _last_line(tail)


def _last_line(text: str) -> str:
    return next((ln.strip() for ln in reversed(text.splitlines()) if ln.strip()), "")
