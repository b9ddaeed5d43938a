"""Through the real `deep-review consolidate --format json`: one failure told as its cause by
one seat and as what a user sees by another (`consolidate/failure_tellings.py`, from merge cases
61-65), each beside a near-miss that stays two.

- a change that can stop halfway: "Refund is not atomic" / "`refund` writes the ledger and the
  balance outside a transaction": one. Beside "the refund amount is never bounded": two.
- money in floating point: "Prices stored as float" / "cart total arithmetic on float loses
  cents": one. Beside "any client can change another cart's prices": two.
- a request refused: "every read is denied" / "downloads get AccessDenied": one. Beside the
  wildcard action one line up, a grant too wide: two (opposite failures).
- a form that leaves the page: "Searching reloads the page" / "the native form submit
  navigates away": one.
- error text sent out: "Error message sent back to the caller" / "exposes database errors to
  users": one. Beside "the handler keeps going after the write fails": two.
- an effect repeated: "No idempotency key on the transfer call" / "a retry re-sends the whole
  request": one.
- a policy open to all: "Any account can assume the deploy role" / "trust policy open to the
  world": one.
- an injection told by what the attacker does: "Anyone can read or drop tables through the filter
  box" / "SQL built by string formatting": one.
- a stored field sent out with its entity, in two files: "`/me` returns the ORM entity,
  including `totp_secret`" in the view / "TOTP secret leaks in profile responses" in the model:
  one. Beside "TOTP secret stored in plain text" in the model: two.
- code going on after an error and the crash it leads to, two lines apart
  (`nearby.same_failure_nearby`, its two sides): "The loop keeps going after `fetch` fails" /
  "after `fetch` fails `resp` is None and `resp.json()` crashes the run": one. Beside "after
  `fetch` the `close()` error is dropped" there: two.
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


_REFUND = heading_finding(
    "Refund is not atomic",
    "If the process dies between the two updates the books no longer balance.",
    "billing/refund.py:31-32",
)
_PRICES = heading_finding(
    "Prices stored as float",
    "Binary fractions cannot hold 0.10 exactly; totals drift.",
    "shop/cart.ts:8",
)
_DENIED = severity_line_finding(
    "Every read is denied",
    "the statement names the bucket, and object reads are checked against object paths.",
    "infra/reader.tf:14",
)
_ERRORS = heading_finding(
    "Error message sent back to the caller",
    "The driver's text names tables and columns.",
    "api/save.go:22",
)

_ME_VIEW = heading_finding(
    "`/me` returns the ORM entity, including `totp_secret`",
    "The serializer is built from every column of `Member`.",
    "accounts/views.py:14",
)
_GOES_ON = heading_finding(
    "The loop keeps going after `fetch` fails",
    "The `except` branch logs and falls through to the parsing below.",
    "sync/mirror.py:30-32",
)
_TOTP_AT = ("`Member.totp_secret` is a plain column.", "accounts/models.py:22")
_STOPS_AT = ("the mirror run stops there.", "sync/mirror.py:34")

CASES = [
    (
        _REFUND,
        severity_line_finding(
            "`refund` writes the ledger and the balance outside a transaction",
            "a failure after the first write leaves the second undone.",
            "billing/refund.py:29",
        ),
        ONE,
    ),
    (
        _REFUND,
        severity_line_finding(
            "The refund amount is never bounded",
            "a refund larger than the charge pays out money that never came in.",
            "billing/refund.py:31",
        ),
        TWO,
    ),
    (
        _PRICES,
        severity_line_finding(
            "Cart total arithmetic on float loses cents",
            "summing line prices drifts by a cent on larger carts.",
            "shop/cart.ts:11",
        ),
        ONE,
    ),
    (
        _PRICES,
        severity_line_finding(
            "Any client can change another cart's prices",
            "the cart id is taken from the request body.",
            "shop/cart.ts:8",
        ),
        TWO,
    ),
    (
        heading_finding(
            "Downloads get AccessDenied",
            "The resource lacks the `/*` suffix object actions need.",
            "infra/reader.tf:14",
        ),
        _DENIED,
        ONE,
    ),
    (
        heading_finding(
            "Wildcard action on the reports bucket",
            "`storage:*` also lets the role delete the bucket.",
            "infra/reader.tf:13",
        ),
        _DENIED,
        TWO,
    ),
    (
        heading_finding(
            "Searching reloads the page",
            "The submit handler never cancels the browser's default action.",
            "web/SearchBox.jsx:12",
        ),
        severity_line_finding(
            "Native form submit navigates away",
            "the results request is abandoned when the browser leaves.",
            "web/SearchBox.jsx:13",
        ),
        ONE,
    ),
    (
        _ERRORS,
        severity_line_finding(
            "The handler exposes database errors to users",
            "whatever the driver says is written into the response.",
            "api/save.go:22",
        ),
        ONE,
    ),
    (
        _ERRORS,
        severity_line_finding(
            "The handler keeps going after the write fails",
            "it still answers 201 with the unsaved record.",
            "api/save.go:22",
        ),
        TWO,
    ),
    (
        heading_finding(
            "No idempotency key on the transfer call",
            "The bank cannot tell a retry from a new transfer.",
            "payouts/send.rb:17-19",
        ),
        severity_line_finding(
            "A retry re-sends the whole request",
            "after a lost response the payee is paid again.",
            "payouts/send.rb:18",
        ),
        ONE,
    ),
    (
        heading_finding(
            "Any account can assume the deploy role",
            "The principal is `*`.",
            "infra/roles.tf:6",
        ),
        severity_line_finding(
            "Trust policy open to the world",
            "nothing restricts who may take the role.",
            "infra/roles.tf:4-9",
        ),
        ONE,
    ),
    (
        heading_finding(
            "Anyone can read or drop tables through the filter box",
            "The filter reaches the database as text.",
            "reports/filter.php:9",
        ),
        severity_line_finding(
            "SQL built by string formatting",
            "the filter value is pasted into the WHERE clause.",
            "reports/filter.php:9",
        ),
        ONE,
    ),
    # a field sent out with its entity, told in two files
    (_ME_VIEW, severity_line_finding("TOTP secret leaks in profile responses", *_TOTP_AT), ONE),
    (_ME_VIEW, severity_line_finding("TOTP secret stored in plain text", *_TOTP_AT), TWO),
    # going on after an error, and the crash it leads to two lines on
    (
        _GOES_ON,
        severity_line_finding(
            "After `fetch` fails `resp` is None and `resp.json()` crashes the run", *_STOPS_AT
        ),
        ONE,
    ),
    (
        _GOES_ON,
        severity_line_finding("After `fetch` the `close()` error is dropped", *_STOPS_AT),
        TWO,
    ),
]


@pytest.mark.parametrize(("claude", "gemini", "expected"), CASES)
def test_one_failure_told_at_two_ends(
    tmp_path: Path, claude: str, gemini: str, expected: list[list[str]]
) -> None:
    found = consolidated_findings(tmp_path, {"claude": claude, "gemini": gemini})
    assert sorted(sorted(f["reviewers"]) for f in found) == expected
