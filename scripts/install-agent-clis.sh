#!/usr/bin/env bash
# Install the coding-agent CLIs the e2e tests drive (Claude Code, Codex, Gemini CLI, opencode)
# into the project-local, gitignored folder .tools/agent-clis/, at the versions pinned in
# tests/agent-clis/package.json + package-lock.json.
#
# Idempotent: when the installed tree was made from the same lock file and every binary is
# present, it does nothing (well under a second). Needs node >= 20 and npm; about 800 MB.
#
# Usage: scripts/install-agent-clis.sh [--force]
# Afterwards: export DEEPREVIEW_AGENT_CLIS="$PWD/.tools/agent-clis/node_modules/.bin"
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
manifest_dir="$root/tests/agent-clis"
dest="$root/.tools/agent-clis"
bin_dir="$dest/node_modules/.bin"
stamp="$dest/.installed-lock.sha256"
clis=(claude codex gemini opencode)

force=0
if [[ "${1:-}" == "--force" ]]; then
  force=1
elif [[ $# -gt 0 ]]; then
  echo "usage: $0 [--force]" >&2
  exit 2
fi

for tool in node npm sha256sum; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "error: '$tool' not found on PATH; install Node.js >= 20 (with npm) first" >&2
    exit 1
  fi
done

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if (( node_major < 20 )); then
  echo "error: Node.js $(node --version) is too old; the Gemini CLI needs Node.js >= 20" >&2
  exit 1
fi

want="$(cat "$manifest_dir/package.json" "$manifest_dir/package-lock.json" | sha256sum | cut -d' ' -f1)"

all_present() {
  local cli
  for cli in "${clis[@]}"; do
    [[ -x "$bin_dir/$cli" ]] || return 1
  done
}

if (( ! force )) && [[ -f "$stamp" ]] && [[ "$(cat "$stamp")" == "$want" ]] && all_present; then
  echo "agent CLIs already installed (lock unchanged)"
else
  mkdir -p "$dest"
  cp "$manifest_dir/package.json" "$manifest_dir/package-lock.json" "$dest/"
  rm -f "$stamp"
  echo "installing agent CLIs into $dest (~20 s, ~800 MB)..."
  # `npm install` with the committed lock rather than `npm ci`: the lock lists every platform's
  # optional binary package (opencode-darwin-arm64, ...), and `npm ci` refuses to run when a
  # registry mirror lacks the ones for other platforms. Versions still come from the lock.
  # --no-audit/--no-fund: no extra registry round trips. Install scripts must run
  # (claude-code's postinstall puts the native binary in place).
  npm install --prefix "$dest" --no-audit --no-fund --loglevel=error
  if ! all_present; then
    echo "error: npm ci finished but some binaries are missing from $bin_dir" >&2
    exit 1
  fi
  echo "$want" >"$stamp"
fi

echo "binaries in: $bin_dir"
for cli in "${clis[@]}"; do
  printf '  %-9s %s\n' "$cli" "$("$bin_dir/$cli" --version 2>/dev/null | head -n1 || echo '?')"
done
echo "for the e2e tests: export DEEPREVIEW_AGENT_CLIS=\"$bin_dir\""
