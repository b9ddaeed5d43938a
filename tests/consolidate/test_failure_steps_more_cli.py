"""Through the real `deep-review consolidate --format json`: more failures in other words
(`consolidate/failure_steps.py`, from merge cases 31-35), each with a near-miss that stays two.

- a failure retried at once: "A 503 is retried at once, in a loop" / "`pull` calls itself
  straight away on a 503; it should back off": one. Beside "the response body is never
  closed": two.
- something meant for one use that keeps working: "The invite link keeps working after it is
  accepted" / "an accepted invite can be used again": one. Beside "invites never expire", a
  deadline never checked, a few lines up: two.
- an answer telling which accounts exist: "Signup tells outsiders which emails are registered"
  / "the 409 reveals whether an account exists": one.
- a grant wider than the job: "The deploy role gets `ec2:*` on every resource" / "Wildcarded
  action in the role policy": one.
- a whole table read under its lock: "Adding the foreign key validates it with a table scan"
  / "the constraint scans the whole table while writes wait": one.
- a race said by what is missing: "`hits` has no synchronisation" / "a plain counter with
  nothing protecting it": one.
- an analyzer's "blocking HTTP methods" and a model's "blocks the event loop" at one line: one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.consolidating import (
    consolidated_findings,
    heading_finding,
    severity_line_finding,
)

ONE = [["Claude", "Gemini"]]
TWO = [["Claude"], ["Gemini"]]


_RETRY = heading_finding(
    "A 503 is retried at once, in a loop",
    "Nothing waits between attempts, so an overloaded mirror sees a flood.",
    "sync/pull.go:40",
)
_INVITE = heading_finding(
    "The invite link keeps working after it is accepted",
    "Accepting sets the member but leaves the code in place.",
    "app/invites.rb:22",
)

CASES = [
    (
        _RETRY,
        severity_line_finding(
            "`pull` calls itself straight away on a 503",
            "it should back off before the next attempt.",
            "sync/pull.go:41",
        ),
        ONE,
    ),
    (
        _RETRY,
        severity_line_finding(
            "The response body is never closed",
            "each attempt keeps a connection open.",
            "sync/pull.go:40",
        ),
        TWO,
    ),
    (
        _INVITE,
        severity_line_finding(
            "An accepted invite can be used again",
            "whoever else reads the mail joins the team too.",
            "app/invites.rb:22",
        ),
        ONE,
    ),
    (
        _INVITE,
        severity_line_finding(
            "Invites never expire",
            "`expires_at` is written when the invite is sent and nothing compares it later.",
            "app/invites.rb:17",
        ),
        TWO,
    ),
    (
        heading_finding(
            "Signup tells outsiders which emails are registered",
            "A taken address gets its own message.",
            "app/signup.py:30",
        ),
        severity_line_finding(
            "The 409 reveals whether an account exists",
            "answer the same way for both.",
            "app/signup.py:31",
        ),
        ONE,
    ),
    (
        heading_finding(
            "The deploy role gets `ec2:*` on every resource",
            "A leaked runner token could stop any machine.",
            "infra/role.tf:12",
        ),
        severity_line_finding(
            "Wildcarded action in the role policy",
            "grant the three calls the job makes.",
            "infra/role.tf:12",
        ),
        ONE,
    ),
    (
        heading_finding(
            "Adding the foreign key validates it with a table scan",
            "Add it `NOT VALID` and validate it in a second step.",
            "db/0007_orders.sql:9",
        ),
        severity_line_finding(
            "The new constraint reads every row while writes wait",
            "it scans the whole table under its lock.",
            "db/0007_orders.sql:9",
        ),
        ONE,
    ),
    (
        heading_finding(
            "`hits` has no synchronisation",
            "Every request handler bumps it.",
            "metrics/Counter.java:14",
        ),
        severity_line_finding(
            "A plain field with nothing protecting it",
            "the handlers overwrite each other's counts.",
            "metrics/Counter.java:11",
        ),
        ONE,
    ),
]


@pytest.mark.parametrize(("claude", "gemini", "expected"), CASES)
def test_more_failures_in_other_words(
    tmp_path: Path, claude: str, gemini: str, expected: list[list[str]]
) -> None:
    found = consolidated_findings(tmp_path, {"claude": claude, "gemini": gemini})
    assert sorted(sorted(f["reviewers"]) for f in found) == expected


_STATIC = (
    "## Findings\n\n### Important Issues\n\n"
    "I1. **Async functions should not call blocking HTTP methods** — `svc/fetch.py:9` "
    "(important, regression)\n\n"
    "```python\n    body = urlopen(url).read()\n```\n\n"
    "ruff `ASYNC210`: Async functions should not call blocking HTTP methods.\n"
)


def test_an_analyzers_blocking_call(tmp_path: Path) -> None:
    claude = heading_finding(
        "`urlopen` stalls every other request",
        "It blocks the event loop for as long as the remote takes.",
        "svc/fetch.py:9",
    )
    found = consolidated_findings(tmp_path, {"claude": claude, "static": _STATIC})
    assert sorted(len(f["reviewers"]) for f in found) == [2]
