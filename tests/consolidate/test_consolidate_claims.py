"""The claim vocabulary (`consolidate/claims.py`): which failure a finding's words name."""

from __future__ import annotations

import pytest

from deepreview.consolidate.claims import KINDS, SAID, claims_in, conflict, sides_of_one


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("SQL injection in `find_account`", "injection"),
        ("Query text assembled from the e-mail with string formatting", "injection"),
        ("The statement is built by concatenating the user's name into SQL", "injection"),
        ("A crafted name can inject SQL into the lookup", "injection"),
        ("The caller's input reaches the shell unescaped", "injection"),
        ("Reflected XSS in the search page", "injection"),
        ("`Put` races with `Reset`", "race"),
        ("Data race on the counter", "race"),
        ("Concurrent writers clobber each other's entries", "race"),
        ("`Put` writes the map without holding the lock", "race"),
        ("The cache is not thread-safe", "race"),
        ("`Reset` leaves a nil map behind", "nil"),
        ("Null pointer dereference when the header is absent", "nil"),
        ("`load` returns None on a miss and the caller indexes it", "nil"),
        ("Response body leaks on the error path", "leak"),
        ("The file is never closed when parsing fails", "leak"),
        ("The socket is left open after a timeout", "leak"),
        ("Handler does not close the stream", "leak"),
        ("`subtotal` divides by zero for an empty basket", "zero division"),
        ("ZeroDivisionError on an empty list", "zero division"),
        ("`ratio` has no guard for a zero divisor", "zero division"),
        ("Tenant lookup is prefix-unsafe", "loose match"),
        ("Substring match on the branch name accepts `release-old`", "loose match"),
        ("the guard matches any prefix of the host name", "loose match"),
        ("`subtotal()` now returns the mean line price, not the sum", "wrong result"),
        ("`round_up` returns the floor instead of the ceiling", "wrong result"),
        ("Wrong total when a coupon applies twice", "wrong result"),
        ("Database password committed in source", "hard-coded secret"),
        ("Hard-coded SMTP credential", "hard-coded secret"),
        ("API key checked into the repository", "hard-coded secret"),
        ("`make_token` now uses SHA-1", "weak hash"),
        ("Passwords hashed with MD5", "weak hash"),
        ("Weak password hashing", "weak hash"),
        ("Digests are unsalted", "missing salt"),
        ("The salt defaults to an empty string", "missing salt"),
        ("Passwords hashed without a salt", "missing salt"),
        ("Signing key committed with the service", "hard-coded secret"),
        ("`head` returns one line too few", "off by one"),
        ("Off-by-one in the page bounds", "off by one"),
        ("The loop never reaches the last attempt", "off by one"),
        ("`tail` drops the first row", "off by one"),
        ("Retries stop one attempt early", "off by one"),
        ("Page 0 starts at row 1, so the first row is never shown", "off by one"),
        ("The last attempt is not counted", "off by one"),
        ("`tail(path, 0)` returns every line", "wrong result"),
        ("`search` returns nothing for a full page", "wrong result"),
        ("Subtraction operands swapped in sub()", "wrong result"),
        ("`pow` takes its arguments in the wrong order", "wrong result"),
        ("Callers get the wrong sign", "wrong result"),
        ("`tail` reads the whole file into memory", "memory"),
        ("Memory use of `tail()`", "memory"),
        ("The upload handler loads the entire body at once", "memory"),
        ("The result cache grows without bound", "memory"),
        ("Unbounded queue of pending events", "memory"),
        ("`lookup` leaks memory through `_cache`", "memory"),
        ("Memory leak in the session cache", "memory"),
        ("`delete_user` has no permission check", "missing auth"),
        ("Any user can delete any account through `delete_user`", "missing auth"),
        ("Unauthenticated admin endpoint", "missing auth"),
        ("Missing authorization on the export route", "missing auth"),
        ("Typo in the error message", "typo"),
        ("'positve' is misspelt", "typo"),
        ("`fetch_item` has no timeout", "hang"),
        ("The HTTP call is made without a timeout", "hang"),
        ("`fetch_item` can block forever on a stalled server", "hang"),
        ("Startup hangs when the cache is stale", "hang"),
        ("`fetch_item` parses error pages as data", "ignored error"),
        ("`fetch_item` ignores the HTTP status", "ignored error"),
        ("Non-2xx responses are decoded as items", "ignored error"),
        ("The `except` branch hides the exception", "ignored error"),
        ("`winpath` swallows errors", "ignored error"),
        ("`os.Stat` error ignored", "ignored error"),
        ("Zip slip when unpacking archives", "path traversal"),
        ("The requested path can escape the download directory", "path traversal"),
        ("Directory traversal in `serve_file`", "path traversal"),
        ("Token check is open to a timing attack", "timing"),
        ("Use a constant-time comparison for the API key", "timing"),
        ("Compare the MAC with `hmac.compare_digest`", "timing"),
        ("Readers get stale prices after an update", "stale cache"),
        ("No cache invalidation when a user is renamed", "stale cache"),
        ("The socket is created world-writable", "open permissions"),
        ("Key file saved with mode 0666", "open permissions"),
        ("Non-ASCII usernames are rejected", "non-ascii"),
        ("Accented letters are stripped from titles", "non-ascii"),
        ("Oversized request bodies are buffered", "size limit"),
        ("No upload limit on the avatar endpoint", "size limit"),
        ("Quadratic loop over the order lines", "quadratic"),
        ("`dedupe` is O(n^2)", "quadratic"),
        ("`index` recomputes the hash for every row", "quadratic"),
        ("Crashes when `HOME` is unset", "unset setting"),
        ("The env var is absent on CI runners", "unset setting"),
        ("Worker goroutines outlive the request", "leak"),
        ("Spawned threads are never reaped", "leak"),
        ("The range excludes its last page", "off by one"),
        ("The upper bound is dropped", "off by one"),
        ("Broken access control on the invoice route", "missing auth"),
        ("The map is never allocated", "nil"),
        ("`cfg` is uninitialized when `Load` fails", "nil"),
        ("ruff `S602` (subprocess-popen-with-shell-equals-true): `shell=True`", "injection"),
        ("Probable insecure usage of temporary file or directory", "insecure temp file"),
        ("Predictable file name under the shared scratch folder", "insecure temp file"),
        # tm65: the lock by its field's name, a deadlock, a wait the code skips
        ("`Add` appends to the slice without holding `mu`", "race"),
        ("Deadlock when nobody reads the replies", "hang"),
        ("A full outbox can stall every sender", "hang"),
        ("The backoff sleep is never awaited", "skipped wait"),
        ("Fire-and-forget `sleep` in the polling loop", "skipped wait"),
        ("Retries go out with no pause between them", "skipped wait"),
        ("`delay()` is called without an await", "skipped wait"),
        # tm65: the variable named between "without" and "exported"
        ("Run without DEPLOY_DIR exported, it erases everything under /", "unset setting"),
        ("Starting the worker without `QUEUE_URL` set crashes it", "unset setting"),
        # tm66: the process brought down, however it is said
        ("`parse_port` panics on a non-numeric port", "crash"),
        ("A bad first argument crashes the server", "crash"),
        ("Invalid port input aborts the server via `unwrap`", "crash"),
        ("Segfault when the name is empty", "crash"),
        ("User-controlled text is spliced into the statement that is executed", "injection"),
        ("The file name is pasted into the shell command", "injection"),
        ("Rate truncated by integer arithmetic", "truncation"),
        ("`monthlyInterest` always returns 0 for real rates", "truncation"),
        ("the bps value is divided down to 0 before it is used", "truncation"),
        ("Float-to-integer conversion loses precision", "truncation"),
        # at69: a count one past its limit, in code and in numbers
        ("`sync` makes `limit + 1` calls", "off by one"),
        ("With the default of 5 it sends 6 requests", "off by one"),
        ("Given `max_pages=2` the crawler fetches three times", "off by one"),
        ("The loop tests `i <= n` instead of `i < n`", "off by one"),
        ("The scan stops at `>` rather than `>=`", "off by one"),
        ("One request more than the configured limit", "off by one"),
        # at69: a time limit of zero
        ("Zero timeout fails every call", "zero time limit"),
        ("The read deadline defaults to 0", "zero time limit"),
        ("`Dial(addr, 0)` is fine but `WithDeadline(ctx, 0)` never waits", "zero time limit"),
        ("`http.Client{Timeout: 0}` waits forever", "zero time limit"),
    ],
)
def test_each_kind_in_several_wordings(text: str, kind: str) -> None:
    assert kind in claims_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hard-coded port in the template",
        "The worker starts without logging set up",
        "Missing rationale for the `find` flags",
        "Comment still describes the old behaviour",
        # code is not a claim: a Go review quotes `err != nil` everywhere
        "`if err != nil { return }` hides the parse failure",
        "Wire the store through dependency injection",
        "Trace output is too verbose",
        "Missing lock file entry for the new dependency",
        "Hard-coded timeout of 30 seconds",
        "Retry delay doubles after each timeout",
        "The error page template is missing a title",
        "`handle_error` logs the exception with its traceback",
        "Any caller can pass `None` to `load`",
        "The access token is refreshed too late",
        "Digest switched from SHA-256 to SHA-512",
        "The salt column is never indexed",
        "The signing key is rotated once a year",
        "The README is missing the last release's notes",
        "Use a prefix match table for routes",
        "Only one worker drains the queue",
        "`tail` reads the config once at import",
        "The returned list is allocated per call",
        "`flags` returns allowed values unsorted",
        "```go\nif m == nil {\n\tm = map[string]int{}\n}\n```\nThe default is rebuilt each call.",
        "The cache entry expires after a minute",
        "Constant timeout of 30 seconds",
        "Lookups run in constant time",
        "Buffers are allocated once at startup",
        "The upload directory is configurable",
        "Set the variable in the CI config",
        "Large files take long to upload",
        "Threads are named after their queue",
        "The root folder is configurable",
        # a doc that no longer says what the code does is no cached copy an update misses
        "The docstring is stale",
        "Stale comment about the retry count",
        "README section on caching is stale",
        # tm65: holding, waiting and awaiting that name no failure
        "The handler awaits the reply before logging",
        "Holding the connection open is intended",
        "The pause between polls is configurable",
        # the order of arguments as a remark, no wrong value
        "Arguments are sorted by name in the signature",
        "Swap the operands' names for readability",
        # at69: a `+ 1` that is no count of runs, operands swapped, an event-loop delay, a
        # fraction of a second, a count equal to its limit
        "Allocate `len + 1` bytes for the copy",
        "Sorts by `a < b` rather than `b < a`",
        "`setTimeout(render, 0)` yields to the browser first",
        "The timeout defaults to 0.5 seconds",
        "Retries 3 times with a limit of 3",
    ],
)
def test_text_naming_no_failure_of_the_list_claims_nothing(text: str) -> None:
    assert claims_in(text) == frozenset()


def test_a_one_word_code_span_is_read_as_a_word() -> None:
    assert claims_in("`Load` can return `nil`, and the caller dereferences it") == {"nil"}


def test_an_error_swallowed_and_the_none_it_becomes_are_two_sides_of_one_failure() -> None:
    hidden, none = claims_in("The `except` hides the exception"), claims_in("Failures become None")
    assert sides_of_one(hidden, none) and not conflict(hidden, none)
    assert conflict(claims_in("`fetch` has no timeout"), claims_in("`fetch` swallows errors"))


def test_every_kind_has_its_wording_for_the_reasons() -> None:
    assert set(SAID) == set(KINDS)


def test_a_crash_and_the_nil_or_zero_divisor_that_causes_it_are_two_sides_of_one() -> None:
    crash = claims_in("`Get` panics when the request fails")
    nil = claims_in("nil pointer dereference on transport errors")
    zero = claims_in("`ratio` divides by zero for an empty list")
    assert sides_of_one(crash, nil) and not conflict(crash, nil)
    assert sides_of_one(crash, zero) and not conflict(crash, zero)
    # a crash is no side of a wrong value: "`parse_port` panics" / "port 0 is accepted"
    assert conflict(crash, claims_in("`ratio` returns the floor instead of the ratio"))


def test_a_truncated_amount_and_the_one_short_it_gives_are_two_sides_of_one() -> None:
    cut = claims_in("`to_cents` truncates instead of rounding")
    short = claims_in("the amount sent comes out one short for 19.99")
    assert sides_of_one(cut, short) and not conflict(cut, short)


def test_claims_are_read_from_a_finding_s_opening_not_its_pasted_output() -> None:
    # A seat that pastes a megabyte of log under its finding: the failure it names is in the
    # opening paragraph; words deep in the paste ("injection" in a log line) name nothing.
    opening = "Response body leaks on the error path of `fetch`.\n\n```\n"
    pasted = "ok request served\n" * 100_000 + "WARN possible SQL injection in query builder\n"
    found = claims_in(opening + pasted + "```\n" + "Reflected XSS in the search page")
    assert found == claims_in(opening)
    assert "leak" in found
    assert "injection" not in found
