"""Stop the static seat's detect-secrets worker as its deadline would, after its first file.

The worker answers file by file; what it had printed when the deadline killed it is its first
file's answer. Tests of a timed-out static seat (the seat itself, and the report through
`deep-review review`) patch `secret_scan.run_tool` with this.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from deepreview import proc
from deepreview.agents.static import secret_scan


def kill_secret_scan_after_first_file(monkeypatch: pytest.MonkeyPatch) -> None:
    real = secret_scan.run_tool

    def killed_after_the_first_file(*args: Any, **kwargs: Any) -> proc.ProcResult:
        done = real(*args, **kwargs)
        first = done.stdout.split(b"\n", 1)[0] + b"\n"
        return dataclasses.replace(done, returncode=None, timed_out=True, stdout=first)

    monkeypatch.setattr(secret_scan, "run_tool", killed_after_the_first_file)
