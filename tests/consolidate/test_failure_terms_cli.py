"""Through the real `deep-review consolidate --format json`: failures the claim vocabulary lacked
(`consolidate/failure_terms.py`, found on merge cases 26-30), each told by two seats in other
words, are one finding; beside another failure at that very place, two.

- "Sync failures are swallowed" / "the queue never retries a failed push": one (the error
  swallowed is why nothing retries it: two sides of one problem).
- "Webhook deliveries are not retried" / "there is no retry path": one.
- "A failed upload leaves the submit button disabled forever" / "`busy` is stuck at true": one;
  beside "`upload()` is not retried on a dropped connection" at that line, two.
- "The chart never refreshes when `range` changes" / "picking another range still shows last
  week": one; beside "an older response arriving last leaves stale data", two.
- "Packaging step ignores the exit code of `tar`" / "a non-zero exit goes unnoticed": one.
- "Retrying non-idempotent calls" / "retries can duplicate charges": one.
- "Every read error is treated as a missing file" / "a timeout is never retried": one (an error
  taken for an ordinary answer is why nothing retries it).
- "The lock row is released before the batch is written" / "the lock has already been dropped
  when the insert fails": one; beside "the batch insert has no timeout" at that line, two.
- "The sample config trusts any proxy's forwarded header" / "clients can send spoofed
  addresses", eleven lines apart in one page: one; beside "the `timeout` value has no unit" at
  the config's line, two.
- "The setup guide tells everyone to install the beta" / "`--pre` keeps pulling rc builds",
  three lines apart: one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.consolidating import ONE, TWO, reviewer_sets
from support.consolidating import bullet_finding as _bullet
from support.consolidating import full_finding as _full


def _reviewers(tmp: Path, claude: str, codex: str) -> list[list[str]]:
    return reviewer_sets(tmp, {"claude": claude, "codex": codex})


_UPLOAD = _full(
    "A failed upload leaves the submit button disabled forever",
    "web/Upload.tsx:18-21",
    "`setBusy(false)` sits after the awaited call, so a rejection skips it and the form can "
    "never be sent again without a reload. Move it into a `finally`.",
)
_CHART = _full(
    "The chart never refreshes when `range` changes",
    "web/Chart.tsx:9-14",
    "The effect that loads the series runs once on mount; choosing another period in the "
    "picker leaves the old figures on screen.",
)
_LOCK = _full(
    "The lock row is released before the batch is written",
    "jobs/import.py:48-52",
    "`release_lock()` runs first and `insert_batch()` second; another worker can take the same "
    "batch in between.",
)
_PROXY = _full(
    "The sample config trusts any proxy's forwarded header",
    "docs/deploy.md:8",
    "`trusted_proxies: 0.0.0.0/0` makes the client address whatever the request says it is.",
)

CASES = [
    (
        _full(
            "Sync failures are swallowed",
            "jobs/sync.py:30-34",
            "The handler logs the exception and returns normally, so the worker acknowledges the "
            "message and one network blip loses the change for good.",
        ),
        _bullet(
            "jobs/sync.py:33",
            "returning None after a failed push means the queue never retries it",
        ),
        ONE,
    ),
    (
        _full(
            "Webhook deliveries are not retried",
            "hooks/deliver.go:40",
            "A 503 from the receiver marks the delivery dead at the first attempt.",
        ),
        _bullet(
            "hooks/deliver.go:40-44",
            "a receiver that is down for a minute loses the event: there is no retry path",
        ),
        ONE,
    ),
    (
        _UPLOAD,
        _bullet("web/Upload.tsx:22", "the `busy` flag is stuck at true once the request rejects"),
        ONE,
    ),
    (
        _UPLOAD,
        _bullet(
            "web/Upload.tsx:18-21",
            "`upload()` is not retried when the connection drops half-way",
        ),
        TWO,
    ),
    (
        _CHART,
        _bullet(
            "web/Chart.tsx:14",
            "the effect's deps are `[]`: picking another period still shows last week's series",
        ),
        ONE,
    ),
    (
        _CHART,
        _bullet(
            "web/Chart.tsx:9-14",
            "no abort: a slow response for an older period can land last and leave stale data",
        ),
        TWO,
    ),
    (
        _full(
            "Packaging step ignores the exit code of `tar`",
            "scripts/pack.sh:14",
            "If the archive cannot be written the script carries on to the upload.",
        ),
        _bullet(
            "scripts/pack.sh:17",
            "the upload runs even after a failed archive step; a non-zero exit goes unnoticed",
        ),
        ONE,
    ),
    (
        _full(
            "Retrying non-idempotent calls",
            "client/http.py:22-23",
            "The retry wrapper is applied to every method, POST included.",
        ),
        _bullet(
            "client/http.py:30",
            "a timed-out payment request is sent twice when the server had already applied it; "
            "retries can duplicate charges",
        ),
        ONE,
    ),
    (
        _full(
            "Every read error is treated as a missing file",
            "store/blob.rs:41-44",
            '`Err(_) => Ok(None)` turns a permission error or an I/O timeout into "not there".',
        ),
        _bullet("store/blob.rs:43", "a timeout talking to the disk service is never retried"),
        ONE,
    ),
    (
        _LOCK,
        _bullet(
            "jobs/import.py:52",
            "if the insert fails the lock has already been dropped, so a second importer starts "
            "on the same batch",
        ),
        ONE,
    ),
    (
        _LOCK,
        _bullet("jobs/import.py:52", "the batch insert has no timeout; one stuck query holds it"),
        TWO,
    ),
    (
        _PROXY,
        _bullet(
            "docs/deploy.md:19",
            "copying this block lets any client send spoofed addresses past the rate limit",
        ),
        ONE,
    ),
    (
        _PROXY,
        _bullet("docs/deploy.md:8", "the `timeout` value has no unit; seconds or milliseconds?"),
        TWO,
    ),
    (
        _full(
            "The setup guide tells everyone to install the beta",
            "docs/setup.md:10",
            "The one command on the page carries the pre-release flag.",
        ),
        _bullet(
            "docs/setup.md:13",
            "`pip install --pre` keeps pulling rc builds after 2.0 is out",
        ),
        ONE,
    ),
]


@pytest.mark.parametrize(("claude", "codex", "expected"), CASES)
def test_one_failure_in_other_words(
    tmp_path: Path, claude: str, codex: str, expected: list[list[str]]
) -> None:
    assert _reviewers(tmp_path, claude, codex) == expected
