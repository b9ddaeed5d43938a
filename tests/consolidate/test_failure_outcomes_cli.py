"""Through the real `deep-review consolidate --format json`: two different problems at one line,
told in words so alike that the place merged them, stay two when each title names its own
failure (`consolidate/failure_outcomes.py`, found on merge cases 51-55); the same problem told
twice in other words is still one.

- "Price lookup ignores the caller's deadline" / "the cancel function of `WithTimeout` is
  discarded" at one line: two (work outliving its caller's cancellation; a timer left alive).
  "... keeps going after the client gave up" a line below: one.
- "Expired sessions answered as internal server errors" / "the store's error text is sent to the
  client in the 500 body, leaking internal details"
  at one line: two (a wrong status; details told to whoever asks). "... the wrong status": one.
- "Middleware order on the refund route" / "any signed-in account can issue refunds" at one
  line: two. "`needsFinance` is registered ahead of `authenticate`": one.
- An analyzer's "should be called, not discarded, to avoid a context leak" beside the detached
  deadline at its line: two, the analyzer's with the model's discarded cancel function.
- "Unbounded channel between the poller and the writer" / "memory grows without limit" five
  lines on: one; beside "the two pollers race on the shared `seen` set" at the channel: two.
- "Renewal step is not idempotent" / "a retried run sends the same notification twice" three
  lines above: one; beside "`gateway.charge()` has no timeout" at the charge: two.
- "Prices truncated to whole dollars" / "the totals lose their cents" at one line: one; beside
  "`row.price` is None for free samples" there: two.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.consolidating import ONE, TWO, reviewer_sets
from support.consolidating import bullet_finding as _bullet
from support.consolidating import full_finding as _full

_DETACHED = _full(
    "Price lookup ignores the caller's deadline",
    "quote/price.go:31",
    "The five-second timeout wraps `context.Background()`, so a client that hangs up still has "
    "its quote computed to the end against the rates service. Build it from `ctx` instead.",
)
_DISCARDED = _bullet(
    "quote/price.go:31",
    "the cancel function returned by `WithTimeout` is discarded; every quote keeps its timer "
    "alive for the full five seconds",
)
_STATUS = _full(
    "Expired sessions answered as internal server errors",
    "web/session.py:44",
    "A session past its expiry is the client's to renew; the handler turns the session store's "
    "error into a 500, which pages the on-call and shows the mobile app an outage screen. "
    "Return 401.",
)
_ORDER = _full(
    "Middleware order on the refund route",
    "api/refunds.js:17",
    "`needsFinance` reads `req.account` before `authenticate` has set it; list `authenticate` "
    "first.",
)

CASES = [
    (_DETACHED, _DISCARDED, TWO),
    (
        _DETACHED,
        _bullet(
            "quote/price.go:32",
            "the rates call keeps going after the client gave up, piling load on the rates service",
        ),
        ONE,
    ),
    (
        _STATUS,
        _bullet(
            "web/session.py:44",
            "the session store's error text is sent to the client in the 500 body, leaking "
            "internal details such as the cache host name",
        ),
        TWO,
    ),
    (
        _STATUS,
        _bullet(
            "web/session.py:44-45",
            "the handler uses the wrong status: a 500 for what is an authentication failure",
        ),
        ONE,
    ),
    (
        _ORDER,
        _bullet(
            "api/refunds.js:17",
            "any signed-in account can call the refund endpoint: the finance check lets every "
            "request through",
        ),
        TWO,
    ),
    (
        _ORDER,
        _bullet(
            "api/refunds.js:17",
            "`needsFinance` is registered ahead of `authenticate`, so `req.account` is undefined "
            "there and every refund answers 500",
        ),
        ONE,
    ),
]


@pytest.mark.parametrize(("claude", "codex", "want"), CASES)
def test_two_failures_at_one_line_stay_two(
    tmp_path: Path, claude: str, codex: str, want: list[list[str]]
) -> None:
    assert reviewer_sets(tmp_path, {"claude": claude, "codex": codex}) == want


_LOSTCANCEL = (
    "## Findings\n\n### Important Issues\n\n"
    "I1. **the cancel function returned by context.WithTimeout should be called, not discarded, "
    "to avoid a context leak** — `quote/price.go:31` (important, regression)\n\n"
    "```go\n\tlookupCtx, _ := context.WithTimeout(context.Background(), 5*time.Second)\n```\n\n"
    "go vet lostcancel: the cancel function returned by context.WithTimeout should be called, "
    "not discarded, to avoid a context leak.\n"
)


def test_an_analyzer_rule_naming_another_failure_at_the_line_stays_apart(tmp_path: Path) -> None:
    got = reviewer_sets(tmp_path, {"claude": _DETACHED, "codex": _DISCARDED, "static": _LOSTCANCEL})
    assert len(got) == 2 and ["Claude"] in got, got


def test_an_analyzer_rule_worded_like_the_finding_beside_it_stays_apart(tmp_path: Path) -> None:
    # the model's explanation says timeout, context and cancel as the rule does: what both
    # name at the line, not what goes wrong there
    detached = _full(
        "Price lookup detached from the request context",
        "quote/price.go:31",
        "The timeout context is derived from `context.Background()`, not from `ctx`: when the "
        "client cancels, the lookup carries on against the rates service for the full five "
        "seconds. Derive the timeout from `ctx`.",
    )
    got = reviewer_sets(tmp_path, {"claude": detached, "static": _LOSTCANCEL})
    assert got == [["Claude"], ["Static analysis"]], got


_UNBOUNDED = _full(
    "Unbounded channel between the poller and the writer",
    "feed/pump.rs:14",
    "`mpsc::unbounded_channel()` never pushes back on the poller: when the database slows down, "
    "events pile up in the channel. Use a bounded `mpsc::channel(1024)`.",
)


@pytest.mark.parametrize(
    ("codex", "want"),
    [
        # the producer nothing slows down is the memory that grows, a few lines on
        (
            _bullet(
                "feed/pump.rs:19",
                "memory grows without limit whenever the writer falls behind the poller",
            ),
            ONE,
        ),
        (
            _bullet(
                "feed/pump.rs:14-16",
                "the two pollers sending on this channel race on the shared `seen` set, so one "
                "event can be forwarded twice",
            ),
            TWO,
        ),
    ],
)
def test_a_producer_without_backpressure_is_the_memory_that_grows(
    tmp_path: Path, codex: str, want: list[list[str]]
) -> None:
    assert reviewer_sets(tmp_path, {"claude": _UNBOUNDED, "codex": codex}) == want


_RENEW = _full(
    "Renewal step is not idempotent",
    "billing/renew.py:22-24",
    "A failure after the card is charged makes the queue run the whole job again from the top, "
    "for every subscription in the batch.",
)


@pytest.mark.parametrize(
    ("codex", "want"),
    [
        # a retried job redoing what it already did, told at the query that does not skip it
        (
            _bullet(
                "billing/renew.py:19",
                "the query still picks subscriptions renewed earlier today, so a retried run "
                "sends customers the same notification twice",
            ),
            ONE,
        ),
        (
            _bullet(
                "billing/renew.py:22",
                "`gateway.charge()` is called with no timeout; a hung gateway holds the worker "
                "forever",
            ),
            TWO,
        ),
    ],
)
def test_a_step_run_again_on_retry_is_one_told_two_ways(
    tmp_path: Path, codex: str, want: list[list[str]]
) -> None:
    assert reviewer_sets(tmp_path, {"claude": _RENEW, "codex": codex}) == want


_PRICES = _full(
    "Prices truncated to whole dollars",
    "shop/invoice.py:30",
    "`int(row.price)` drops everything after the point: 4.75 is billed as 4.",
)


@pytest.mark.parametrize(
    ("codex", "want"),
    [
        (
            _bullet(
                "shop/invoice.py:30",
                "the totals lose their cents once the column is converted",
            ),
            ONE,
        ),
        (
            _bullet(
                "shop/invoice.py:30",
                "`row.price` is None for free samples, so the conversion raises TypeError",
            ),
            TWO,
        ),
    ],
)
def test_money_cut_to_whole_units_is_one_told_two_ways(
    tmp_path: Path, codex: str, want: list[list[str]]
) -> None:
    assert reviewer_sets(tmp_path, {"claude": _PRICES, "codex": codex}) == want
