"""Failures on demand: requests the fake GitHub answers with an error (`fail_next`) or holds
unanswered until the test lets them go (`hold_next`), as a slow or failing GitHub would."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from support.fake_github.reply import Reply

# GitHub's own message for each status, unless the test gives one.
_MESSAGES = {
    401: "Bad credentials",
    403: "Resource not accessible by integration",
    404: "Not Found",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
}


@dataclass
class Failure:
    status: int
    times: int
    rate_limited: bool
    message: str
    errors: list[Any] | None = None  # GitHub's `errors` list, when given
    method: str | None = None  # only requests with this method ...
    path_prefix: str | None = None  # ... and a path starting with this fail
    reset_at: int = 1_700_000_000  # X-RateLimit-Reset of a rate-limited answer (epoch seconds)
    retry_after: int | None = None  # Retry-After (seconds), as a secondary rate limit says

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method == method) and (
            self.path_prefix is None or path.startswith(self.path_prefix)
        )

    def reply(self) -> Reply:
        """The error answer, with rate-limit headers when asked or for 429."""
        headers = {}
        if self.rate_limited or self.status == 429:
            headers = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(self.reset_at)}
        if self.retry_after is not None:
            headers["Retry-After"] = str(self.retry_after)
        answer: dict[str, Any] = {"message": self.message}
        if self.errors is not None:
            answer["errors"] = self.errors
        return Reply(self.status, answer, headers)


@dataclass
class Hold:
    """One request held unanswered (`FakeGitHub.hold_next`): `arrived` is set when it comes in;
    once `release` is set it answers 503 without doing anything, as a write that never landed."""

    method: str
    path_prefix: str
    arrived: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)


class OnDemand:
    """The failures and holds a test asked for, taken by the requests they match, in order."""

    def __init__(self) -> None:
        self._failures: list[Failure] = []
        self._holds: list[Hold] = []
        self._lock = threading.Lock()

    def fail(
        self,
        status: int,
        *,
        times: int,
        rate_limited: bool,
        message: str | None,
        errors: list[Any] | None,
        method: str | None,
        path_prefix: str | None,
        reset_at: int | None = None,
        retry_after: int | None = None,
    ) -> None:
        default = "API rate limit exceeded" if rate_limited else _MESSAGES.get(status, "Error")
        failure = Failure(
            status, times, rate_limited, message or default, errors, method, path_prefix
        )
        if reset_at is not None:
            failure.reset_at = reset_at
        failure.retry_after = retry_after
        with self._lock:
            self._failures.append(failure)

    def hold(self, method: str, path_prefix: str) -> Hold:
        hold = Hold(method, path_prefix)
        with self._lock:
            self._holds.append(hold)
        return hold

    def release_all(self) -> None:
        """A held handler thread ends with the server."""
        with self._lock:
            for hold in self._holds:
                hold.release.set()

    def take_hold(self, method: str, path: str) -> Hold | None:
        """The first hold not yet taken that this request matches, now marked arrived."""
        with self._lock:
            for hold in self._holds:
                if (
                    not hold.arrived.is_set()
                    and hold.method == method
                    and path.startswith(hold.path_prefix)
                ):
                    hold.arrived.set()
                    return hold
            return None

    def forget_failures(self) -> None:
        """Failures asked for and not used up: gone (one server for several tests)."""
        with self._lock:
            self._failures.clear()

    def take_failure(self, method: str, path: str) -> Failure | None:
        """The first failure this request matches, one of its `times` used up."""
        with self._lock:
            for i, failure in enumerate(self._failures):
                if failure.matches(method, path):
                    failure.times -= 1
                    if failure.times <= 0:
                        self._failures.pop(i)
                    return failure
            return None
