"""Ctrl-C in the first moments of a command, while `deep-review` still loads its modules (some
0.4 s on a loaded machine): one line and exit 130, as later, not a Python traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

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


# Ctrl-C at each of the first imports once the `deep-review` script asks for the package: the
# package's own first lines (a `from __future__` import, `signal`'s `enum`) used to run before
# any handler, so Ctrl-C there was a traceback of Python's. What runs before the package is
# pip's generated script (`import re`) and Python's own start, no code of ours.
_AT_IMPORT = """
import os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
AT = int(sys.argv.pop(1))
class CtrlC:
    seen = []
    def find_spec(self, name, path=None, target=None):
        # (`python -m` asks for the package twice: finds it, then imports it)
        if name not in self.seen and (name == "deepreview" or self.seen):
            self.seen.append(name)
        if len(self.seen) == AT:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, CtrlC())
sys.argv[0] = os.path.join(os.path.dirname(sys.executable), "deep-review")
from deepreview.cli.main import main
main()
"""


@pytest.mark.parametrize("at", [2, 3, 4, 6, 10])
def test_ctrl_c_at_the_first_imports_is_one_line_and_exit_130(at: int) -> None:
    _assert_one_line_130(_AT_IMPORT, at)


def test_ctrl_c_while_python_starts_deep_review_as_a_module() -> None:
    """`python -m deepreview`: Ctrl-C while Python imports the package is one line too."""
    program = _AT_IMPORT.replace(
        'sys.argv[0] = os.path.join(os.path.dirname(sys.executable), "deep-review")\n'
        "from deepreview.cli.main import main\nmain()\n",
        "sys.orig_argv[1:2] = ['-m', 'deepreview']\nsys.argv[0] = '-m'\n"
        "import runpy\nrunpy.run_module('deepreview', run_name='__main__', alter_sys=True)\n",
    )
    _assert_one_line_130(program, 2)


def _assert_one_line_130(program: str, at: int) -> None:
    """`program` run as `deep-review list`, Ctrl-C at its `at`-th import: one line, exit 130."""
    res = subprocess.run(
        [sys.executable, "-c", program, str(at), "list"],
        env={**os.environ},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in res.stderr, res.stderr
    assert res.stderr.strip().splitlines() == ["deep-review: interrupted"], res.stderr
    assert res.returncode == 130
