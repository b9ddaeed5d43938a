"""A seat finishing while the main thread imports the report step (`while_seats_run`) must not
break either import. CI once failed a review with `_DeadlockError` in the seat's import of the
review parser: the two threads took the import locks of `deepreview.findings` and its modules
in opposite orders. The window is a few microseconds; a slowed-down loader for the package
holds it open so both orders are tried every run."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

_SCRIPT = textwrap.dedent(
    """
    import importlib.machinery, sys, threading, time

    # What a review has loaded when its seats start.
    import deepreview.cli.main, deepreview.cli.review_cmd, deepreview.pipeline.review
    import deepreview.runner, deepreview.seat_output
    from deepreview.pipeline import index_step

    first, call = sys.argv[1], sys.argv[2]
    loading = threading.Event()


    class SlowPackage:
        # The package's __init__ starts half a second late: the other thread runs meanwhile.
        def find_spec(self, name, path, target=None):
            if name != "deepreview.findings":
                return None
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            run = spec.loader.exec_module

            def exec_module(module):
                loading.set()
                time.sleep(0.5)
                run(module)

            spec.loader.exec_module = exec_module
            return spec


    sys.meta_path.insert(0, SlowPackage())
    errors = []


    def seat():
        if first == "main":
            loading.wait()
        try:
            if call == "unreadable":  # a seat's text checked once its agent is done
                deepreview.seat_output.unreadable("I could not access the repository.", "alpha")
            else:  # a `--passes 2` seat's findings counted (pipeline.passes_step)
                from deepreview.pipeline import passes_step

                passes_step._findings("## Critical\\n- **C1** `a.py:1` - x\\n", "alpha", 1)
        except Exception as exc:
            errors.append(f"seat: {exc!r}")


    thread = threading.Thread(target=seat)
    thread.start()
    if first == "seat":
        loading.wait()
    try:
        index_step.import_report_step()
    except Exception as exc:
        errors.append(f"main: {exc!r}")
    thread.join()
    print("\\n".join(errors) or "ok")
    """
)


@pytest.mark.parametrize("call", ["unreadable", "pass findings"])
@pytest.mark.parametrize("first", ["main", "seat"])
def test_late_imports_in_two_threads_do_not_break_each_other(first: str, call: str) -> None:
    run = subprocess.run(
        [sys.executable, "-c", _SCRIPT, first, call],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (run.returncode, run.stdout.strip()) == (0, "ok"), run.stderr
