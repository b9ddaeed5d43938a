"""Mask, in every stored file of a review, each value that a seat flagged as a secret.

Redaction knows the shapes of common tokens, the user's own secret variables and the secrets
the change assigns in plain sight (`change_secrets`). A seat that reports "hard-coded API key at
`app.py:6`" may know more: the value on that line is a secret, even in a shape no pattern
knows, and the other seats' reviews and transcripts may quote it. The static seat hands its
detect-secrets values over in memory (`SeatResult.secrets`); for every other seat, and after a
`resume`, the value is read from the flagged line at the review SHA.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from deepreview.markdown_fence import code_span
from deepreview.model import AgentReview, Finding
from deepreview.runfiles import RUN_JSON, RUN_LOCK
from deepreview.store.redact import Redactor, flags_secret, secret_candidates
from deepreview.store.write_error import store_error
from deepreview.targets.git import Git
from deepreview.targets.target import Target

_MAX_LINES = 5  # a flagged range longer than this is a block of code, not a credential


class _Place(Protocol):
    @property
    def path(self) -> str: ...
    @property
    def start(self) -> int | None: ...
    @property
    def end(self) -> int | None: ...


class Flagging(Protocol):
    """A finding as a seat's review or the lead's answer (its added findings) gives it."""

    @property
    def title(self) -> str: ...
    @property
    def locations(self) -> Sequence[_Place]: ...


def flagged_values(target: Target, reviews: Sequence[AgentReview]) -> list[str]:
    """The values on the lines that the reviews' secret findings point at."""
    return flagged_in(target, (f for review in reviews for f in review.findings))


def flagged_in(target: Target, findings: Iterable[Flagging]) -> list[str]:
    """The values on the lines that these secret findings point at (a seat's, or the lead's
    own: a reviewer that names a hard-coded secret is believed, whoever it is)."""
    return _read_flagged(target, findings)[0]


def unmasked_notes(target: Target, reviews: Sequence[AgentReview]) -> list[str]:
    """One note for the places of secret findings that are no line of a file at the review
    SHA (a wrong path, a line past the end): their value could not be read to be masked, and
    the stored files (the seat's own review quoting it) may still hold it. Said, never
    skipped in silence."""
    quoting = (f for review in reviews for f in review.findings if _quotes_a_value(f))
    unread = _read_flagged(target, quoting)[1]
    if not unread:
        return []
    named = ", ".join(code_span(place) for place in dict.fromkeys(unread))
    return [
        f"A secret flagged at {named} could not be masked: no such line at the reviewed "
        "commit, so its value was not read; the review's stored files may still hold it "
        "(check them before sharing)."
    ]


# A quoted place (`conf/settings.py:2`, `app.py`) is no secret's value.
_PLACE = re.compile(r"[/\\]|:\d|\.[A-Za-z][A-Za-z0-9]{0,7}$")


def _quotes_a_value(finding: Finding) -> bool:
    """Whether a finding's own text quotes a value that may be the secret (a literal or an
    assignment, not a place): only then may the stored files hold what was not masked; a
    finding that names a token or a password without quoting one leaves nothing to say."""
    text = f"{finding.title}\n{finding.body}"
    return any(
        not _PLACE.search(value) for line in text.splitlines() for value in secret_candidates(line)
    )


def _read_flagged(target: Target, findings: Iterable[Flagging]) -> tuple[list[str], list[str]]:
    """(the values on the flagged lines, the flagged places that could not be read)."""
    git = Git(target.repo_root)
    files: dict[str, list[str] | None] = {}
    values: list[str] = []
    unread: list[str] = []
    for finding in findings:
        if not flags_secret(finding.title):
            continue
        for loc in finding.locations:
            if loc.start is None:
                continue
            if loc.path not in files:
                text = git.show_file(target.head_sha, loc.path)
                files[loc.path] = None if text is None else text.split("\n")
            lines = files[loc.path]
            end = min(loc.end or loc.start, loc.start + _MAX_LINES - 1)
            flagged = [] if lines is None else lines[loc.start - 1 : end]
            if not flagged:
                unread.append(f"{loc.path}:{loc.start}")
            for line in flagged:
                values.extend(secret_candidates(line))
    return values, unread


def sweep(review_dir: Path, redactor: Redactor) -> None:
    """Rewrite every file of the review folder through `redactor` (now knowing more values)."""
    for path in _files(review_dir):  # earlier leads' files too
        # run.lock is held by this process (its pid, host, command)
        if not path.is_file() or path.name == RUN_LOCK:
            continue
        if path.name == RUN_JSON:
            # The reviewed commits' subjects, a PR's title: masked on the values, so the
            # record still loads (`Redactor.json`)
            redactor.json_file(path)
        else:
            redactor.file(path)


def _files(review_dir: Path) -> Iterator[Path]:
    """Every file under `review_dir`. Not `rglob`: it passes over a folder it cannot list in
    silence, and the files there would keep the secret."""

    def refused(exc: OSError) -> None:
        raise store_error("read", Path(exc.filename or review_dir), exc) from exc

    for folder, subfolders, names in os.walk(review_dir, onerror=refused):
        subfolders.sort()
        for name in sorted(names):
            yield Path(folder) / name
