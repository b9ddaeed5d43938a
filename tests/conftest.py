from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Cache compiled modules even where PYTHONDONTWRITEBYTECODE is set (as on the shared development
# VM): without it every run, and every xdist worker, compiles all test modules again (pytest's
# assertion rewriting: ~3 s of CPU per process) and every `deep-review` child process compiles
# the package from source. The .pyc files go to the usual, git-ignored, __pycache__ folders.
sys.dont_write_bytecode = False

# tests/support is importable as `support` from every test module.
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Property tests draw the same examples on every run, so a suite run never fails by chance
# (CI must not go red on an example no change produced). DEEPREVIEW_FUZZ=1 explores instead:
# fresh random examples on each run (`DEEPREVIEW_FUZZ=1 pytest tests/findings -k fuzz`).
# No deadline and no "too slow" health check: both time the machine, and a loaded CI machine
# (two workers, other jobs) failed an example that takes ~20 ms alone.
settings.register_profile(
    "suite",
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("explore", deadline=None)
settings.load_profile("explore" if os.environ.get("DEEPREVIEW_FUZZ") else "suite")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Make `--dist loadgroup` group again under pytest 9.

    pytest-xdist (3.8) groups the tests marked `xdist_group` by adding `@group` to each one's
    node id on the worker, by setting `item._nodeid`; pytest 9 builds `nodeid` from `item._id`
    instead, so the suffix was lost, every grouped test was a unit of its own and the module
    fixtures a group is there to share were built once per worker (the stats store: twice, 14 s
    each). Here the same suffix goes where pytest 9 reads it; under a pytest that still reads
    `_nodeid`, xdist's own hook has already added it and nothing is done twice.
    """
    if not getattr(config.option, "loadgroup", False) or not hasattr(config, "workerinput"):
        return
    for item in items:
        names = sorted(
            {
                str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                for mark in item.iter_markers("xdist_group")
            }
        )
        if not names or item.nodeid.endswith("@" + "_".join(names)):
            continue
        node_id = getattr(item, "_id", None)
        if node_id is None:
            continue
        item._id = type(node_id).parse(f"{item.nodeid}@{'_'.join(names)}")  # type: ignore[attr-defined]


_STOPS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


@pytest.fixture(autouse=True)
def _stop_signals_as_they_were() -> Iterator[None]:
    """No test leaves SIGINT, SIGTERM or SIGHUP changed in its worker. An ignored SIGTERM is
    inherited by every process the worker starts later: their seats and test commands then
    survive a timeout's or a Ctrl-C's SIGTERM and take the 3 s kill grace each (one test left
    it so, and half the suite after it on that worker ran that way), and a test about how a
    seat takes SIGTERM would no longer see it."""
    saved = [(sig, signal.getsignal(sig)) for sig in _STOPS]
    yield
    for sig, was in saved:
        if was is not None and signal.getsignal(sig) != was:
            signal.signal(sig, was)
