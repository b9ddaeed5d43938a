"""A findings table under a summary heading (`### Review summary`): a table that names a place
(a file or line column) and rates each row (a level column, or notes led by their line and
level) holds findings wherever it stands. Before, only the same table under `## Review` was read;
under a summary heading the review read as clean. A summary's other tables stay its text: a
"files changed" table (paths and line counts, no level) and an overview rated by area with no
place (`| Area | Priority | Notes |`).
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import parsed_by_cli

_NOTED = (
    "### Review summary\n\n| File | Notes |\n|------|-------|\n"
    "| `cache/store.py` | L41 🔴 entries never expire, so a revoked token stays valid<br>"
    "L90 🟡 `TTL` could be read from settings |\n"
    "| `cache/keys.py` | L12 🟠 the key omits the tenant, so tenants read each other's entries |\n"
    "| `cache/README.md` | ✅ no issues |\n"
)

_COLUMNS = (
    "## Summary\n\nTwo things to fix.\n\n"
    "| File | Line | Severity | Issue |\n|---|---|---|---|\n"
    "| `mail/send.py` | 18 | Medium | the SMTP password is logged at debug level |\n"
    "| `mail/queue.py` | 77 | Low | retry count is a magic number |\n"
)


def _found(parsed: dict[str, object]) -> list[tuple[str, str, int]]:
    findings = parsed["findings"]
    assert isinstance(findings, list)
    return sorted(
        (f["severity"], f["locations"][0]["path"], f["locations"][0]["start"]) for f in findings
    )


def test_noted_table_under_a_summary_heading_is_findings(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, _NOTED)
    assert _found(parsed) == [
        ("critical", "cache/store.py", 41),
        ("important", "cache/keys.py", 12),
        ("suggestion", "cache/store.py", 90),
    ]
    assert "cache/store.py" not in str(parsed["executive_summary"])


def test_placed_and_rated_columns_under_a_summary_are_findings(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, _COLUMNS)
    assert _found(parsed) == [
        ("important", "mail/send.py", 18),
        ("suggestion", "mail/queue.py", 77),
    ]
    assert "Two things to fix." in str(parsed["executive_summary"])


def test_a_summary_table_repeated_by_the_findings_is_counted_once(tmp_path: Path) -> None:
    text = _COLUMNS + (
        "\n## Findings\n\n### I1. SMTP password logged\n\n**Severity:** important\n"
        "**Location:** `mail/send.py:18`\n\nThe password is logged at debug level.\n\n"
        "### S1. Magic retry count\n\n**Severity:** suggestion\n"
        "**Location:** `mail/queue.py:77`\n\n"
        "The retry count is a magic number.\n"
    )
    assert _found(parsed_by_cli(tmp_path, text)) == [
        ("important", "mail/send.py", 18),
        ("suggestion", "mail/queue.py", 77),
    ]


def test_files_changed_table_stays_a_summary(tmp_path: Path) -> None:
    text = (
        "## Summary\n\nThe change moves caching into its own module.\n\n"
        "| File | Lines | Notes |\n|---|---|---|\n"
        "| `cache/store.py` | +120 −4 | new module |\n"
        "| `cache/keys.py` | 12 | ✅ no issues |\n\nNo issues found.\n"
    )
    parsed = parsed_by_cli(tmp_path, text)
    assert parsed["findings"] == []
    assert "cache/store.py" in str(parsed["executive_summary"])


def test_area_overview_with_no_place_stays_a_summary(tmp_path: Path) -> None:
    text = (
        "## Summary\n\n| Area | Priority | Notes |\n|---|---|---|\n"
        "| Performance | Low | no hot path is touched |\n"
        "| Security | Low | inputs are validated as before |\n\nLooks good to merge.\n"
    )
    parsed = parsed_by_cli(tmp_path, text)
    assert parsed["findings"] == []
    assert "Performance" in str(parsed["executive_summary"])
