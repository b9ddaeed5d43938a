"""Fix checking and mutation probes (`--check-fixes`, `--probe-tests`; need `--allow-exec`)."""

from deepreview.checks.run import (
    NO_TEST_COMMAND,
    CheckRequest,
    Measured,
    attach_fix_checks,
    check_more_fixes,
    measure,
    pending_fixes,
    report_checks,
    run_checks,
)

__all__ = [
    "NO_TEST_COMMAND",
    "CheckRequest",
    "Measured",
    "attach_fix_checks",
    "check_more_fixes",
    "measure",
    "pending_fixes",
    "report_checks",
    "run_checks",
]
