"""One error hierarchy for the whole package, caught once in the CLI.

Every message is one line that says what went wrong *and how to fix it*; the CLI prints it to
stderr and exits with the error's exit code (documented in the README).
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError


class ExitCode(IntEnum):
    OK = 0  # review stored (seats may still have failed; see run.json)
    USAGE = 2  # bad input: not a repo, unknown ref/seat, empty diff, bad config, unwritable store
    ALL_SEATS_FAILED = 3  # review stored, but no seat produced a review
    FAIL_ON = 4  # --fail-on: review stored (and published), a finding at or above the threshold
    PUBLISH_FAILED = 5  # review stored, but GitHub refused the comment; `deep-review publish ID`
    LEAD_FAILED = 6  # `relead` only: its lead failed or fell back (an earlier judged report stands)
    INTERRUPTED = 130  # Ctrl-C; what finished is kept, `deep-review resume ID` completes it


class DeepReviewError(Exception):
    """Base class; `exit_code` is what the CLI exits with."""

    exit_code: ExitCode = ExitCode.USAGE
    # Set when the command already printed its `--json` document naming this failure (a
    # publish that failed after the review's JSON): the CLI then prints no second one.
    on_stdout: bool = False

    def __init__(self, message: str, *, exit_code: ExitCode | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


class UsageError(DeepReviewError):
    """Bad input from the user: wrong target, empty diff, unknown seat name."""


class ShallowCloneError(UsageError):
    """The history a review starts from was not fetched (`git clone --depth 1`)."""


class NoBranchHereError(UsageError):
    """The checkout has nothing a review of the current branch starts from: no commits yet,
    an unborn branch, a detached HEAD without `--base` (`doctor` says a review would refuse)."""


class UnknownSeatError(UsageError):
    """A seat name that no built-in, plugin or configured seat answers to."""


class GitError(DeepReviewError):
    """A git command failed in a way the user must fix (not a repo, unknown ref)."""


class NotARepositoryError(GitError):
    """The folder a command runs in (or `--repo`) is in no git repository: each command says
    its own way out (a reader can name a store instead)."""


class MissingFolderError(GitError):
    """The folder a command runs in was removed, or `--repo` names none: no store reader's
    way out (`--store DIR`) fixes the folder a command that needs it was pointed at."""

    CURRENT_GONE = (
        "the current folder no longer exists (was it removed?); cd into the repository (or "
        "pass --repo PATH)"
    )


class NoCheckoutError(GitError):
    """The folder is a repository with no checkout here (a bare one, or inside `.git`): a
    command that only reads the store names the store as another way out."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(f"{problem}, or pass --repo CHECKOUT")

    def or_store(self) -> str:
        """The same line for a store reader: a named store needs no checkout."""
        return f"{self.problem}, or pass --repo CHECKOUT or --store DIR"


class UnsafeRepositoryError(GitError):
    """Git refuses the repository for its owner (`safe.directory`): neither `--repo` nor
    `--store` is the way out, trusting it is."""


class ConfigError(DeepReviewError):
    """A config file has unknown keys, wrong types, or untrusted commands."""


class GitHubError(UsageError):
    """GitHub refused or could not answer a request (auth, permission, missing, rate limit)."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        detail: str = "",
        rate_limited: bool = False,
    ) -> None:
        super().__init__(message)
        self.status = status  # the HTTP status, when GitHub answered one
        # GitHub's own `message` and `errors`, untrusted: for callers that act on why a
        # request was refused (a 422's bad line vs. bad commit), never shown unescaped.
        self.detail = detail
        self.rate_limited = rate_limited


class PublishError(DeepReviewError):
    """Publishing a stored review to its PR failed; the stored review is unchanged."""

    exit_code = ExitCode.PUBLISH_FAILED


class StoreError(DeepReviewError):
    """The review store cannot be written or read."""


class StoreNewerError(StoreError):
    """The store's index was written by a newer deep-review (a migration this version does
    not know): reading it is allowed, writing to it is refused before anything changes."""


class AgentError(DeepReviewError):
    """An agent could not be prepared or run (never raised for a seat's own failure)."""


class ParseError(DeepReviewError):
    """Input that should be a review or transcript is not one."""


class Interrupted(DeepReviewError):
    exit_code = ExitCode.INTERRUPTED


def first_problem(exc: ValidationError, top: str = "(top level)") -> str:
    """pydantic's first error as one line, `field.path: what is wrong` (no docs URL): the part
    of a message that names what is wrong in an untrusted document; `top` names the document
    itself when the error is about all of it."""
    err = exc.errors(include_url=False)[0]
    where = ".".join(str(p) for p in err["loc"]) or top
    return f"{where}: {err['msg']}"
