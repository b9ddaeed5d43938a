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
mkdir -p test-output
# -n auto: one xdist worker per core (every test uses its own tmp_path, store and marker).
exec .venv/bin/python -m pytest -n auto "$@"
