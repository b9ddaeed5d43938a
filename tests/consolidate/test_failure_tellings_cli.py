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

from support.consolidating import consolidated_findings

ONE = [["Claude", "Gemini"]]
TWO = [["Claude"], ["Gemini"]]


def _claude(title: str, body: str, place: str) -> str:
    return (
        "## Findings\n\n### Important Issues\n\n"
        f"#### I1. {title}\n\n**File:** `{place}`\n\n{body}\n"
    )


def _gemini(title: str, body: str, place: str) -> str:
    return f"## Findings\n\n**High — {title}** (`{place}`): {body}\n"


_REFUND = _claude(
    "Refund is not atomic",
    "If the process dies between the two updates the books no longer balance.",
    "billing/refund.py:31-32",
)
_PRICES = _claude(
    "Prices stored as float",
    "Binary fractions cannot hold 0.10 exactly; totals drift.",
    "shop/cart.ts:8",
)
_DENIED = _gemini(
    "Every read is denied",
    "the statement names the bucket, and object reads are checked against object paths.",
    "infra/reader.tf:14",
)
_ERRORS = _claude(
    "Error message sent back to the caller",
    "The driver's text names tables and columns.",
    "api/save.go:22",
)

CASES = [
    (
        _REFUND,
        _gemini(
            "`refund` writes the ledger and the balance outside a transaction",
            "a failure after the first write leaves the second undone.",
            "billing/refund.py:29",
        ),
        ONE,
    ),
    (
        _REFUND,
        _gemini(
            "The refund amount is never bounded",
            "a refund larger than the charge pays out money that never came in.",
            "billing/refund.py:31",
        ),
        TWO,
    ),
    (
        _PRICES,
        _gemini(
            "Cart total arithmetic on float loses cents",
            "summing line prices drifts by a cent on larger carts.",
            "shop/cart.ts:11",
        ),
        ONE,
    ),
    (
        _PRICES,
        _gemini(
            "Any client can change another cart's prices",
            "the cart id is taken from the request body.",
            "shop/cart.ts:8",
        ),
        TWO,
    ),
    (
        _claude(
            "Downloads get AccessDenied",
            "The resource lacks the `/*` suffix object actions need.",
            "infra/reader.tf:14",
        ),
        _DENIED,
        ONE,
    ),
    (
        _claude(
            "Wildcard action on the reports bucket",
            "`storage:*` also lets the role delete the bucket.",
            "infra/reader.tf:13",
        ),
        _DENIED,
        TWO,
    ),
    (
        _claude(
            "Searching reloads the page",
            "The submit handler never cancels the browser's default action.",
            "web/SearchBox.jsx:12",
        ),
        _gemini(
            "Native form submit navigates away",
            "the results request is abandoned when the browser leaves.",
            "web/SearchBox.jsx:13",
        ),
        ONE,
    ),
    (
        _ERRORS,
        _gemini(
            "The handler exposes database errors to users",
            "whatever the driver says is written into the response.",
            "api/save.go:22",
        ),
        ONE,
    ),
    (
        _ERRORS,
        _gemini(
            "The handler keeps going after the write fails",
            "it still answers 201 with the unsaved record.",
            "api/save.go:22",
        ),
        TWO,
    ),
    (
        _claude(
            "No idempotency key on the transfer call",
            "The bank cannot tell a retry from a new transfer.",
            "payouts/send.rb:17-19",
        ),
        _gemini(
            "A retry re-sends the whole request",
            "after a lost response the payee is paid again.",
            "payouts/send.rb:18",
        ),
        ONE,
    ),
    (
        _claude(
            "Any account can assume the deploy role",
            "The principal is `*`.",
            "infra/roles.tf:6",
        ),
        _gemini(
            "Trust policy open to the world",
            "nothing restricts who may take the role.",
            "infra/roles.tf:4-9",
        ),
        ONE,
    ),
    (
        _claude(
            "Anyone can read or drop tables through the filter box",
            "The filter reaches the database as text.",
            "reports/filter.php:9",
        ),
        _gemini(
            "SQL built by string formatting",
            "the filter value is pasted into the WHERE clause.",
            "reports/filter.php:9",
        ),
        ONE,
    ),
]


@pytest.mark.parametrize(("claude", "gemini", "expected"), CASES)
def test_one_failure_told_at_two_ends(
    tmp_path: Path, claude: str, gemini: str, expected: list[list[str]]
) -> None:
    found = consolidated_findings(tmp_path, {"claude": claude, "gemini": gemini})
    assert sorted(sorted(f["reviewers"]) for f in found) == expected


_ME_VIEW = _claude(
    "`/me` returns the ORM entity, including `totp_secret`",
    "The serializer is built from every column of `Member`.",
    "accounts/views.py:14",
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [("TOTP secret leaks in profile responses", ONE), ("TOTP secret stored in plain text", TWO)],
)
def test_a_field_sent_out_told_in_two_files(
    tmp_path: Path, title: str, expected: list[list[str]]
) -> None:
    gemini = _gemini(title, "`Member.totp_secret` is a plain column.", "accounts/models.py:22")
    found = consolidated_findings(tmp_path, {"claude": _ME_VIEW, "gemini": gemini})
    assert sorted(sorted(f["reviewers"]) for f in found) == expected


_GOES_ON = _claude(
    "The loop keeps going after `fetch` fails",
    "The `except` branch logs and falls through to the parsing below.",
    "sync/mirror.py:30-32",
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("After `fetch` fails `resp` is None and `resp.json()` crashes the run", ONE),
        ("After `fetch` the `close()` error is dropped", TWO),
    ],
)
def test_going_on_after_an_error_and_its_end_lines_apart(
    tmp_path: Path, title: str, expected: list[list[str]]
) -> None:
    gemini = _gemini(title, "the mirror run stops there.", "sync/mirror.py:34")
    found = consolidated_findings(tmp_path, {"claude": _GOES_ON, "gemini": gemini})
    assert sorted(sorted(f["reviewers"]) for f in found) == expected
