"""Through the real commands: two findings naming the same values of the code (a port, a status
code, a limit) are one problem told at its two ends (`consolidate/named_values.py`), whatever
words go with them.

- `deep-review consolidate` (no code at hand): "the chart scrapes 9102, the exporter starts on
  9100" at the chart, "nothing sets the listen address, so it stays :9100 while the monitor
  asks 9102" at the exporter's code: one. The same two graded critical and a
  suggestion: two.
  A value written only as a call's argument in a proposed fix (`sleep(1500)`) is no value
  of the code: two.
- `deep-review review --lead none` (the code at the review's commit): a value both name that
  the code does not hold ("answers 502") is a consequence, not a place: two. Held by the
  code, one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.consolidating import ONE, TWO, consolidated_findings, heading_finding
from support.printing_seats import findings_of_change


def _chart(grade: str = "Important") -> str:
    return (
        f"## Findings\n\n### {grade} Issues\n\n"
        "#### I1. Prometheus scrapes a port nobody listens on\n\n"
        "**File:** `deploy/chart/values.yaml:14`\n\n"
        "`metrics.port: 9102` is what the ServiceMonitor uses, but the exporter starts on "
        "9100 by default; every scrape times out and the dashboards stay empty.\n"
    )


def _exporter(grade: str = "P2") -> str:
    return (
        f"- [{grade}] exporter/main.go:27 — the listen address falls back to `:9100` when "
        "`METRICS_ADDR` is unset, and the Helm values never set it; the monitor's 9102 gets "
        "connection refused.\n"
    )


def _reviewers(found: list[dict[str, Any]]) -> list[list[str]]:
    return sorted(sorted(f["reviewers"]) for f in found)


def test_the_same_two_values_named_in_two_files_are_one(tmp_path: Path) -> None:
    found = consolidated_findings(tmp_path, {"claude": _chart(), "codex": _exporter()})
    assert _reviewers(found) == ONE


def test_graded_two_apart_they_stay_two(tmp_path: Path) -> None:
    found = consolidated_findings(
        tmp_path, {"claude": _chart("Critical"), "codex": _exporter("P3")}
    )
    assert _reviewers(found) == [["Claude"], ["Codex"]]


def test_a_value_only_in_a_proposed_call_is_no_value_of_the_code(tmp_path: Path) -> None:
    claude = heading_finding(
        "The poller holds the lock while it waits",
        "`poll()` keeps `mu` across the back-off; use `time.Sleep(1500 * time.Millisecond)` "
        "after `mu.Unlock()`.",
        "poller/poll.go:31",
    )
    codex = (
        "- [P2] client/retry.go:12 — retries are immediate; back off with `sleep(1500)` "
        "between attempts.\n"
    )
    found = consolidated_findings(tmp_path, {"claude": claude, "codex": codex})
    assert _reviewers(found) == TWO


GATEWAY = (
    "upstream:\n"  # 1
    "  host: api\n"  # 2
    "  port: 7000\n"  # 3
    "  timeout_ms: 250\n"  # 4
)
SERVER = (
    "import os\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "def serve(app):\n"  # 4
    '    port = int(os.environ.get("API_PORT", "7001"))\n'  # 5
    '    app.run(host="0.0.0.0", port=port)\n'  # 6
)


def _gateway_seats(tmp: Path, gateway_says: str, server_says: str) -> list[list[str]]:
    found = findings_of_change(
        tmp,
        {"deploy/gateway.yaml": GATEWAY, "api/server.py": SERVER},
        {
            "alpha": "- [P1] deploy/gateway.yaml:3 — " + gateway_says + "\n",
            "bravo": "- [P1] api/server.py:5 — " + server_says + "\n",
        },
    )
    return _reviewers(found)


def test_values_the_code_holds_join_the_config_and_the_code(tmp_path: Path) -> None:
    got = _gateway_seats(
        tmp_path,
        "the gateway forwards to 7000 while the service binds 7001: every request fails.",
        "`API_PORT` defaults to 7001, but the upstream in the gateway config says 7000.",
    )
    assert got == [["Alpha", "Bravo"]], got


def test_a_value_the_code_does_not_hold_is_no_place(tmp_path: Path) -> None:
    got = _gateway_seats(
        tmp_path,
        "a 250 ms upstream timeout is too short: slow requests answer 502.",
        "`app.run` is the development server; under load it answers 502 behind the gateway.",
    )
    assert got == [["Alpha"], ["Bravo"]], got
