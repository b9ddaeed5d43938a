#!/usr/bin/env bash
# Install headless Chromium and its WebDriver from Debian's archive for the browser tests
# (tests/browser, `pytest -m browser`). The tests use /usr/bin/chromium and
# /usr/bin/chromedriver directly, so selenium-manager never downloads a browser.
#
# Idempotent: when both binaries exist it does nothing. Needs root (or sudo) and apt-get.
#
# Usage: scripts/install-browser.sh
set -euo pipefail

if [[ $# -gt 0 ]]; then
  echo "usage: $0" >&2
  exit 2
fi

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  echo "chromium and chromedriver already installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: apt-get not found; install Chromium and a matching chromedriver at /usr/bin by hand" >&2
  exit 1
fi

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "error: not root and sudo is missing; rerun this script as root" >&2
    exit 1
  fi
  sudo_cmd=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends chromium chromium-driver \
  fonts-dejavu-core

for bin in /usr/bin/chromium /usr/bin/chromedriver; do
  if [[ ! -x "$bin" ]]; then
    echo "error: $bin is still missing after apt-get install; check the apt output above" >&2
    exit 1
  fi
done
echo "installed: $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
