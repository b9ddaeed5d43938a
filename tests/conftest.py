from __future__ import annotations

import sys
from pathlib import Path

# Cache compiled modules even where PYTHONDONTWRITEBYTECODE is set (as on the shared development
# VM): without it every run, and every xdist worker, compiles all test modules again (pytest's
# assertion rewriting: ~3 s of CPU per process) and every `deep-review` child process compiles
# the package from source. The .pyc files go to the usual, git-ignored, __pycache__ folders.
sys.dont_write_bytecode = False

# tests/support is importable as `support` from every test module.
sys.path.insert(0, str(Path(__file__).resolve().parent))
