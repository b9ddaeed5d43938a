"""What the fake GitHub answers a request: a status, a JSON body and headers. A route returns
its `Reply`; deep inside one, `Answer` ends it early with another (a 404, a 422)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Reply:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


class Answer(Exception):  # an early answer from deep inside a route
    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        super().__init__(status)
        self.reply = Reply(status, body, headers or {})


def not_found() -> Answer:
    return Answer(404, {"message": "Not Found"})
