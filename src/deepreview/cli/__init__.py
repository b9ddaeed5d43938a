"""Command-line interface: the only layer that prints. Commands live in their own modules.

Ctrl-C in the first moments of the `deep-review` command, while `cli.main` imports click and
the rest (some 0.4 s on a loaded machine), is one line and exit 130, not a traceback of the
import it cut: this package runs before those imports, and `cli.main.main` then installs the
command's own handlers."""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType
from typing import NoReturn


def _stopped_while_loading(signum: int, frame: FrameType | None) -> NoReturn:
    # Nothing has run yet: nothing to clean up.
    sys.stderr.write("deep-review: interrupted\n")
    sys.stderr.flush()
    raise SystemExit(130)


def _quiet_while_loading() -> None:
    """Only for the command itself (its script, or `python -m deepreview`), never for a
    program or a test that imports the package, and never over an inherited "ignore"."""
    started_as = os.path.basename(sys.argv[0]) if sys.argv else ""
    if started_as not in ("deep-review", "__main__.py"):
        return
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _stopped_while_loading)


_quiet_while_loading()
