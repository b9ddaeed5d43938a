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
# -n auto: one xdist worker per core (every test uses its own tmp_path, store and marker).
exec .venv/bin/python -m pytest -n auto "$@"
