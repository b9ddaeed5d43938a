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
# The suite writes thousands of small git repositories, review stores and SQLite indexes, and the
# store flushes each record to the disk (fsync) as it must for users: on a disk under load that
# was ~5-10 ms a flush and ~1 ms a deleted file. On a RAM disk (/dev/shm, when it has room) the
# same files and the same calls cost next to nothing. An explicit TMPDIR is left as it is.
# The tests put fake agent executables in their temp dirs: a RAM disk mounted noexec won't do.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] \
  && [ "$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')" -ge 2097152 ] 2>/dev/null; then
  shm="/dev/shm/dr-tests-$(id -u)"
  mkdir -p "$shm"
  printf '#!/bin/sh\nexit 0\n' > "$shm/.exec-probe" && chmod +x "$shm/.exec-probe"
  if "$shm/.exec-probe" 2>/dev/null; then
    export TMPDIR="$shm"
  fi
  rm -f "$shm/.exec-probe"
fi
# -n auto: one xdist worker per core (every test uses its own tmp_path, store and marker).
exec .venv/bin/python -m pytest -n auto "$@"
