"""Deep Review: several coding agents review one change; one verified, consolidated report.

Ctrl-C in the first moments of the `deep-review` command, while Python loads its modules (some
0.4 s on a loaded machine), is one line and exit 130, not a traceback of the import it cut:
this package is the first code of ours the command runs (its script, or `python -m
deepreview`), so it says so before it imports anything; `cli.main.main` then installs the
command's own handlers. Nothing is imported ahead of that, not even `__future__` or `signal`
(which loads `enum`): `_signal`, `os` and `sys` are loaded by Python itself at start.
"""

import _signal  # `signal` without its enums, loaded already
import os
import sys

__version__ = "0.1.0"
__all__ = ["__version__"]


def _stopped_while_loading(signum: int, frame: object) -> None:
    # Nothing has run yet: nothing to clean up.
    sys.stderr.write("deep-review: interrupted\n")
    sys.stderr.flush()
    raise SystemExit(130)


def _started_as_the_command() -> bool:
    """The command itself (its script, or `python -m deepreview`), never a program or a test
    that imports the package. `python -m` imports the package while `sys.argv[0]` is still
    "-m" (then the path of its `__main__.py`): Python's own command line names the module."""
    started_as = sys.argv[0] if sys.argv else ""
    if os.path.basename(started_as) == "deep-review":
        return True
    orig = getattr(sys, "orig_argv", [])
    if started_as != "-m" or "-m" not in orig:
        return False
    return orig[orig.index("-m") + 1 : orig.index("-m") + 2] == ["deepreview"]


def _quiet_while_loading() -> None:
    """Never over an inherited "ignore" (`nohup`, a shell's background job)."""
    if _started_as_the_command() and _signal.getsignal(_signal.SIGINT) is (
        _signal.default_int_handler
    ):
        _signal.signal(_signal.SIGINT, _stopped_while_loading)


_quiet_while_loading()
