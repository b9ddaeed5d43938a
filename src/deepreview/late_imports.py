"""One lock for the imports made while other threads run.

Modules the first seat does not need are imported late: the index page's and the report
step's while the seats work (the main thread's idle work in `runner.run_seats`), the review
parser when a seat's agent is done (its thread), pydantic when a seat printed JSON, the GitHub
client in the PR lookup's thread. Two such imports at once can fail inside Python's import
system: importing `deepreview.findings.locations` takes that module's lock and then runs the
package's `__init__`, which imports `deepreview.findings.parse`; a seat importing `parse`
directly takes the locks in the opposite order. One thread then gets `_DeadlockError` or
"cannot import name ... from partially initialized module" (both seen: CI, and
tests/faults/test_import_race.py). Every import made after a second thread starts holds this
lock, so they run one at a time, and so does code that imports on first use (parsing a review:
pydantic imports as it builds its models). Re-entrant: code holding it may import through a
path that takes it again.
"""

from __future__ import annotations

import threading
from typing import Final

LATE_IMPORTS: Final = threading.RLock()
