#!/usr/bin/env bash
# Installs everything the test suite needs (Python deps, the agent CLIs from npm into .tools/,
# Debian's chromium for browser tests) and runs the whole suite. Extra args go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'
bash scripts/install-agent-clis.sh
bash scripts/install-browser.sh
# Go fixture repos for fix checks and mutation probes (tests/checks); skipped when absent.
if ! command -v go >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get install -y -q golang-go >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q golang-go >/dev/null; } \
    || echo "note: golang-go not installed; Go check tests skip" >&2
fi
mkdir -p test-output
# One and a half xdist workers per core (every test uses its own tmp_path, store and marker).
# A worker is busy only part of its time: the suite took ~840 s of CPU (benchmarks/README,
# "The whole suite") in 712 s on 2 cores, 1,424 s of core time; the rest is waiting on seat
# and agent processes, seat timeouts, kill graces, the scripted and fake GitHub servers. A
# third worker on 2 cores runs while the others wait (each worker collects all tests: ~5 s of
# CPU, ~16 s in a fresh clone). DEEPREVIEW_TEST_WORKERS sets the count (`auto`: one per
# core); a `-n` given to this script wins.
CORES=$(nproc 2>/dev/null || echo 2)
WORKERS=${DEEPREVIEW_TEST_WORKERS:-$(((CORES * 3 + 1) / 2))}
# Every worker imports every test module, each rewritten by pytest (assertion rewriting) and
# cached in __pycache__. With no cache yet (a fresh clone: ~12 s of CPU for all modules) every
# worker would rewrite them all at once; one collection of the modules without a current cache
# writes it first, so each worker only reads it (~5 s of CPU). Errors show in the real run.
# A cache is current when it holds the source's hash (bytes 8-16), as pytest checks it.
mapfile -t STALE < <(.venv/bin/python - <<'PY'
import importlib.util
import sys
from pathlib import Path

import pytest

tail = f".{sys.implementation.cache_tag}-pytest-{pytest.__version__}.pyc"
for src in sorted(Path("tests").rglob("*.py")):
    if src.name.startswith("test_") or src.name.endswith("_test.py"):
        pyc = src.parent / "__pycache__" / (src.stem + tail)
        try:
            cached = pyc.read_bytes()[8:16]
        except OSError:
            cached = b""
        if cached != importlib.util.source_hash(src.read_bytes())[:8]:
            print(src)
PY
)
if [ "${#STALE[@]}" -gt 0 ]; then
  .venv/bin/python -m pytest --collect-only -q -p no:cacheprovider "${STALE[@]}" >/dev/null 2>&1 || true
fi
exec .venv/bin/python -m pytest -n "$WORKERS" "$@"
