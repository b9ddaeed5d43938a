"""One test gap told at the code and at its test file.

From merge cases 32, 34 and 35 (development cases from round mg72c on; benchmarks/README.md,
"Development cases 31-35"): "Failure and retry paths are untested" at `tests/test_deliver.py`
and "the retry loop has no test" at a line of `deliver.py`; "The test freezes the clock, so
refill is never exercised" in `TokenBucketTest.kt` and "No test coverage for time-based refill"
in `TokenBucket.kt`. Where a reviewer puts a missing test is its own choice (`gaps.py`): the
test file that should hold it, or the code it should cover. The two files are one place when
one is the other's test (its name is the code's name with a test affix: `test_deliver.py`,
`TokenBucketTest.kt`, `PasswordResetTest.php` for `PasswordResetController.php`), and what
they share is the behaviour both name: a title word of one that the other says (beyond code
names and the words of any test gap). A seat may also name the test file only in its text,
placing its gap elsewhere, while another names only the code ("`quota_limits_test.go` has no
case for the rejected tiers", placed at another test, beside "the tier refusal at
`quota_limits.go:40-44` is never tested", placed at the caller): the same pair of files, read
off both texts, with the same shared behaviour asked of them.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from deepreview.consolidate.features import Features, finding_words
from deepreview.consolidate.gaps import GAP_WORDS
from deepreview.consolidate.kinds import TEST_PATH

# the affixes a test file adds to the name of the code it tests
_TEST_AFFIX = re.compile(r"^(?:test_|tests_|spec_)|(?:_test|_spec|test|tests|spec)$")


def _stem(path: str) -> str:
    return PurePosixPath(path).name.split(".")[0].lower()


def tests_the_code(test: str, code: str) -> bool:
    """`test` is the test file of `code`: its name without the test affix begins the code's
    name (`PasswordResetTest` for `PasswordResetController`), or is it."""
    subject = _TEST_AFFIX.sub("", _stem(test)).strip("_-")
    return len(subject) > 2 and _stem(code).startswith(subject)


def _code_and_its_test(x: Features, y: Features) -> bool:
    """One finding in one test file, the other in one file of the code that file tests."""
    for a, b in ((x, y), (y, x)):
        if len(a.files) != 1 or len(b.files) != 1:
            continue
        (test,), (code,) = a.files, b.files
        if TEST_PATH.search(test) and not TEST_PATH.search(code) and tests_the_code(test, code):
            return True
    return False


def _test_named_for_code_named(x: Features, y: Features) -> bool:
    """One finding's text names a test file that tests code the other's text names, neither
    placed where the other is: "`quota_limits_test.go` has no case for the rejected tiers" beside
    "the tier refusal at `quota_limits.go:40-44` is never tested"."""
    if x.files & y.files:
        return False
    for a, b in ((x, y), (y, x)):
        tests = {p for p in a.mention_files - a.files if TEST_PATH.search(p)}
        codes = {p for p in b.mention_files - b.files if not TEST_PATH.search(p)}
        if any(tests_the_code(t, c) for t in tests for c in codes):
            return True
    return False


def gap_at_code_and_test(x: Features, y: Features) -> frozenset[str]:
    """The behaviour two test gaps both name, one at a test file and one at the code that file
    tests (`_code_and_its_test`), or one naming that test file and the other that code in
    their texts (`_test_named_for_code_named`), else nothing."""
    if not (x.kind == y.kind == "tests"):
        return frozenset()
    if not _code_and_its_test(x, y) and not (
        x.says_untested and y.says_untested and _test_named_for_code_named(x, y)
    ):
        return frozenset()
    spelled = {**dict(y.spellings), **dict(x.spellings)}
    names = {w for i in x.identifiers & y.identifiers for w in finding_words(spelled[i])}
    said = (x.title_words & (y.title_words | y.prose_words)) | (
        y.title_words & (x.title_words | x.prose_words)
    )
    return frozenset(said - names - GAP_WORDS)
