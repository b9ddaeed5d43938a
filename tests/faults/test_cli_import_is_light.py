"""`deep-review --help` / `--version` stay fast: the CLI entry imports no heavy library.

(A slow start is a fault users feel on every call; the timing itself is measured by
benchmarks/bench_startup.py, never asserted here.)
"""

from __future__ import annotations

import subprocess
import sys

HEAVY = (
    "pydantic",
    "jinja2",
    "rich",
    "pygments",
    "markdown_it",
    "sqlite3",
    "filelock",
    "detect_secrets",
    "unidiff",
    "urllib.request",
    "deepreview.config",
    "deepreview.pipeline",
    "deepreview.agents",
    "deepreview.render",
)


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return set(out.split())


def _heavy(mods: set[str]) -> list[str]:
    return sorted(m for m in mods if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_importing_the_cli_entry_is_light() -> None:
    assert _heavy(_modules_after("import deepreview.cli.main")) == []


def test_help_and_version_import_no_command_module() -> None:
    for flag in ("--help", "--version"):
        code = (
            "import sys\nfrom deepreview.cli.main import cli\n"
            f"try:\n    cli.main(args=['{flag}'], standalone_mode=False)\nexcept SystemExit:\n"
            "    pass\n"
        )
        mods = _modules_after(code)
        assert "deepreview.cli.main" in mods
        assert _heavy(mods) == [], flag


# What `deep-review review` needs only after its seats have started (the report step) or not at
# all without a terminal (rich): importing it earlier delays the first seat
# (benchmarks/bench_overhead.py, "first seat spawned after").
AFTER_THE_SEATS = (
    "importlib.metadata",
    "statistics",  # the store's stats (fractions, decimal); `--panel auto` only
    "urllib.request",  # the GitHub client (ssl, http.client, email); pull requests only
    "deepreview.github.client",
    "pydantic",
    "rich",
    "pygments",
    "markdown_it",
    "detect_secrets",
    "deepreview.config_file",
    "deepreview.serialize",
    "deepreview.findings",
    "deepreview.consolidate",
    "deepreview.lead",
    "deepreview.render",
)


def test_the_review_command_imports_nothing_its_first_seat_does_not_need() -> None:
    mods = _modules_after("import deepreview.cli.review_cmd")
    assert "deepreview.pipeline.review" in mods
    late = sorted(m for m in mods if any(m == h or m.startswith(h + ".") for h in AFTER_THE_SEATS))
    assert late == []
