"""`deep-review --help` / `--version` stay fast: the CLI entry imports no heavy library.

(A slow start is a fault users feel on every call; the timing itself is measured by
benchmarks/bench_startup.py, never asserted here.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import make_repo

HEAVY = (
    "pydantic",
    "jinja2",
    "rich",
    "pygments",
    "markdown_it",
    "sqlite3",
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


# `doctor --npm-packages SEATS` is a CI job's first call (which agent CLIs to install, then
# `review --seat-only`): it reads the settings a review would use, never a review or a report.
NOT_FOR_DOCTOR = (
    "pydantic",
    "rich",
    "markdown_it",
    "detect_secrets",
    "deepreview.serialize",
    "deepreview.model",
    "deepreview.findings",
    "deepreview.consolidate",
    "deepreview.lead",
    "deepreview.render",
)


def test_doctor_npm_packages_imports_no_parser_merging_or_renderer(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    code = (
        "import os, sys\nfrom deepreview.cli.main import cli\n"
        f"os.chdir({str(repo)!r})\n"
        "try:\n    cli.main(args=['doctor', '--npm-packages', 'claude,codex'], "
        "standalone_mode=False)\nexcept SystemExit:\n    pass\n"
    )
    mods = _modules_after(code)
    assert "deepreview.cli.doctor_cmd" in mods
    late = sorted(m for m in mods if any(m == h or m.startswith(h + ".") for h in NOT_FOR_DOCTOR))
    assert late == []


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
    "deepreview.model",  # the report's model (the run's own is `runmodel`)
    "deepreview.retromodel",
    "deepreview.feedback",
    "deepreview.pipeline.finish",
    "deepreview.pipeline.stored_seats",
    "deepreview.stats.aggregate",  # `--panel auto` only
    "deepreview.stats.facts",
    "deepreview.store.history",
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


# Runs `deep-review review` in this process after arranging that the first agent spawned writes
# the names of the modules loaded so far to argv[1]: what the review imported before its first
# seat, however it imported it (at the top of a module or in a function).
_AT_FIRST_SEAT = """
import json, os, subprocess, sys
out = sys.argv.pop(1)
spawn = subprocess.Popen.__init__
def first_seat(self, argv, *args, **kwargs):
    if os.path.basename(str(argv[0])) == "claude" and not os.path.exists(out):
        with open(out, "w") as f:
            json.dump(sorted(sys.modules), f)
    return spawn(self, argv, *args, **kwargs)
subprocess.Popen.__init__ = first_seat
from deepreview.cli.main import main
sys.argv = ["deep-review", *sys.argv[1:]]
main()
"""


def test_a_review_loads_nothing_its_first_seat_does_not_need(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent("claude")
    fakes.write_config({})
    seen = tmp_path / "modules-at-first-seat.json"
    argv = [sys.executable, "-c", _AT_FIRST_SEAT, str(seen)]
    args = ["review", "--json", "--agents", "claude", "--lead", "none"]
    done = subprocess.run(
        [*argv, *args], cwd=repo, env=fakes.env(agents=True), capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode()
    mods = set(json.loads(seen.read_text()))
    assert "deepreview.runner" in mods
    late = sorted(m for m in mods if any(m == h or m.startswith(h + ".") for h in AFTER_THE_SEATS))
    assert late == []
