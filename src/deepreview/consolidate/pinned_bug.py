"""A bug told at the code and at the test that locks it in.

From merge cases 51, 55 and 72 (development cases; benchmarks/README.md, "Merging without a
lead", mg77): "Rejected tokens reported as `Internal`" at the interceptor's status line and "the
test asserts `codes.Internal` for a token the checker rejects, so it pins down the wrong status"
at its test; "`perform` takes an ActiveRecord object" and "Spec passes for the wrong reason: it
calls `perform` directly with a live `Account`". A finding in a test file beside one in code is
usually another problem ("untested" beside "broken": `score.KIND_PENALTY`), but not when the
test finding says the test asserts, expects or encodes the wrong behaviour (or passes by luck)
of code the other finding names: one fix changes both, and a careful lead tells it once. That
it asserts something is not enough (every test does): it must say what it holds is wrong, or
name the failure the code finding names; a slow test of `JobQueue.take` beside a race in it
is two problems (fx80).
A test gap ("no test covers `parse_date`") is not that, nor is a test pinning down another
function's behaviour (no code name both give).

Nor is it when the test finding says the change's test asserts the fix yet never exercises the
failure the code finding's title names, its own title naming that failure too ("The new test
never drives the lock race that deadlocked the worker" beside "`Pool.acquire` deadlocks when two
workers race for the last slot"): the failure persists and the test
claiming it gone cannot see it, one problem told at the code and at its test. A test gap saying
nothing of what a test asserts stays apart (merge case 07: "no test exercises `slugify` with
accented titles" beside "`slugify` erases every non-ASCII letter"), as does the same test said
to miss another failure.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from deepreview.consolidate.claims import SYMPTOMS
from deepreview.consolidate.code_and_test import tests_the_code
from deepreview.consolidate.features import Features
from deepreview.consolidate.kinds import TEST_PATH

# words of a test finding saying what the test holds true: it asserts, expects, pins or encodes
# a behaviour, or passes only by luck
_HOLDS = frozenset({"assert", "assertion", "expect", "pin", "encod", "luck"})
_WRONG_REASON = frozenset({"wrong", "reason"})  # "passes for the wrong reason"
# words saying that what the test holds is the bug: it encodes, pins or enshrines a wrong,
# buggy or broken result, or passes by luck. Every test asserts something: "asserts that
# `take` returns `None`" beside "`test_take_timeout` sleeps a full second" is another fault of
# the test (slow), not the race in `take` it stands beside (fx80)
_HOLDS_THE_BUG = frozenset(
    {"encod", "pin", "enshrin", "codify", "luck", "wrong", "bug", "buggy", "incorrect", "broken"}
)
_SEPARATORS = re.compile(r"[_\-]")
_TEST_WORD = re.compile(r"^test_?")  # a test's name begins with the code's: `test_parse_date`
_SHORTEST = 4  # a shorter name (`id`, `get`) begins too many others


def _joined(path: str) -> str:
    """The path with its file name's separators dropped: `event_bus_test.cpp` tests
    `EventBus.cpp` as `token_bucket_test.go` tests `token_bucket.go`."""
    p = PurePosixPath(path)
    return str(p.with_name(_SEPARATORS.sub("", p.name)))


def _holds_the_behaviour(f: Features) -> bool:
    said = f.title_words | f.prose_words
    return bool(said & _HOLDS) or said >= _WRONG_REASON


def _holds_the_bug(code: Features, test: Features) -> bool:
    """The test finding says what the test holds is wrong (`_HOLDS_THE_BUG`), or names a
    failure the code finding names too (`claims.claims_in`, a bare symptom aside)."""
    said = test.title_words | test.prose_words
    return bool(said & _HOLDS_THE_BUG) or bool((code.claims & test.claims) - SYMPTOMS)


def _test_of(test: Features, code: Features) -> bool:
    if len(test.files) != 1 or len(code.files) != 1:
        return False
    (t,), (c,) = test.files, code.files
    if not TEST_PATH.search(t) or TEST_PATH.search(c):
        return False
    return tests_the_code(t, c) or tests_the_code(_joined(t), _joined(c))


def pinned_by_its_test(x: Features, y: Features) -> frozenset[str]:
    """The code names both give when one finding is a defect in code and the other says its
    test asserts (expects, encodes) the behaviour of that code, else nothing."""
    for code, test in ((x, y), (y, x)):
        if (
            code.kind == "code"
            and test.kind == "tests"
            and not code.says_untested
            and not test.says_untested
            and _holds_the_behaviour(test)
            and _holds_the_bug(code, test)
            and _test_of(test, code)
        ):
            return _the_code_named(code, test)
    return frozenset()


def missed_by_its_test(x: Features, y: Features) -> frozenset[str]:
    """The failures both titles name (`claims.claims_in`, a crash aside: it ends too many
    failures) when one finding is a defect in code and the other, at that code's test, says the
    test asserts something (`_holds_the_behaviour`) and shares a code name with it, else
    nothing. Unlike `pinned_by_its_test`, the test finding may say the failure goes unexercised:
    that is what it says of the test."""
    for code, test in ((x, y), (y, x)):
        if not (code.kind == "code" and test.kind == "tests" and _test_of(test, code)):
            continue
        failures = (code.claims & test.claims) - SYMPTOMS
        if failures and code.identifiers & test.identifiers and _holds_the_behaviour(test):
            return failures
    return frozenset()


def _the_code_named(code: Features, test: Features) -> frozenset[str]:
    """The names the code finding's title gives that the test finding gives too, itself or as
    the start of a test's name (`FindReturnsHandler`, `test_parse_date` for `find`,
    `parse_date`): the very code both are about, not a name one mentions in passing (the fix's
    `codes.Unauthenticated` beside a crash)."""
    out = set()
    for name in code.title_names:
        if name in test.identifiers or (
            len(name) >= _SHORTEST and any(_starts(t, name) for t in test.identifiers)
        ):
            out.add(name)
    return frozenset(out)


def _starts(test_name: str, name: str) -> bool:
    bare = _SEPARATORS.sub("", _TEST_WORD.sub("", test_name))
    return bare.startswith(_SEPARATORS.sub("", name))
