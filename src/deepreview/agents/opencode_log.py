"""What opencode's own log says about its failed model requests.

`opencode run` retries a rate-limited or failing model request itself and says so nowhere a
seat reads: not on stderr, not in its `--format json` events. It logs every failed request, as
logfmt, to `$XDG_DATA_HOME/opencode/log/` (the seat's isolated home), one line each (1.18):

    timestamp=… level=ERROR run=… message="stream error" providerID=openai modelID=gpt-5.5
      session.id=… small=false agent=build mode=primary error.error="AI_APICallError: …"

`small=true` lines are the session-title request, not the review's: they are left out.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from deepreview.agents._stderr import Retries, network_error

_SCAN_BYTES: Final = 1 << 20  # a log flooded by a long run must not cost a full read
# A key starts only where a run of key characters starts: tried inside a run (a log line of
# 200 KB of `.`), each try scanned the rest of it for a `=` (quadratic). Same fields: a key
# ends where its run ends, so no later start in a run finds one the run's start did not.
_FIELD = re.compile(r'(?<![\w.])([\w.]+)=("(?:[^"\\]|\\.)*"|\S*)')
# The AI SDK's class name before the provider's own words ("AI_APICallError: Rate limit …").
_SDK_CLASS = re.compile(r"^AI_\w+:\s*")
_MAX_CHARS: Final = 300


def log_dir(data_home: Path) -> Path:
    return data_home / "opencode" / "log"


def log_retries(folder: Path) -> Retries | None:
    """The failed model requests in opencode's newest log in `folder` (None: none logged)."""
    logs = sorted(folder.glob("*.log"), key=_mtime) if folder.is_dir() else []
    if not logs:
        return None
    count, last = 0, ""
    try:
        with logs[-1].open("rb") as fh:
            fh.seek(0, 2)
            fh.seek(max(0, fh.tell() - _SCAN_BYTES))
            for raw in fh:
                line = raw.decode("utf-8", errors="replace")
                if '"stream error"' not in line:
                    continue
                fields = {k: _unquote(v) for k, v in _FIELD.findall(line)}
                if fields.get("message") != "stream error" or fields.get("small") == "true":
                    continue
                count += 1
                last = _SDK_CLASS.sub("", fields.get("error.error", ""))[:_MAX_CHARS]
    except OSError:
        return None
    if not count:
        return None
    return Retries(count, None, network_error(last), message=last or None)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return re.sub(r"\\(.)", r"\1", value[1:-1])
    return value


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
