"""Ctrl-C in the first moments of a command, while `deep-review` still loads its modules (some
0.4 s on a loaded machine): one line and exit 130, as later, not a Python traceback."""

from __future__ import annotations

import os
import subprocess
import sys

# The `deep-review` command as its installed script starts it, with Ctrl-C arriving while the
# CLI's first import (click) loads: a finder that is asked for it sends the SIGINT (SIGINT at
# its default first, as a terminal's shell starts a command).
_LOADING = """
import os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == "click":
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, CtrlC())
sys.argv[0] = os.path.join(os.path.dirname(sys.executable), "deep-review")
from deepreview.cli.main import main
main()
"""


def test_ctrl_c_while_the_cli_loads_is_one_line_and_exit_130() -> None:
    env = {**os.environ}
    res = subprocess.run(
        [sys.executable, "-c", _LOADING, "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in res.stderr, res.stderr
    assert res.stderr.strip().splitlines() == ["deep-review: interrupted"], res.stderr
    assert res.returncode == 130
