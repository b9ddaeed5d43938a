from __future__ import annotations

import os
import sys
from pathlib import Path

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
