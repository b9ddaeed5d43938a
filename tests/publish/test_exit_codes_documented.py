"""Every exit code is documented: in `deep-review --help` and in the README's table."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from deepreview.cli.main import cli
from deepreview.errors import ExitCode

README = Path(__file__).resolve().parents[2] / "README.md"


def test_help_and_readme_list_every_exit_code() -> None:
    help_text = " ".join(CliRunner().invoke(cli, ["--help"]).output.split())
    table = README.read_text(encoding="utf-8")
    for code in ExitCode:
        assert f"| {int(code)} |" in table, f"README: no row for exit code {int(code)}"
        if code != ExitCode.OK:
            assert f"; {int(code)} " in help_text, f"--help: no exit code {int(code)}"
    assert "4 review stored (and published) with a finding at or above --fail-on" in help_text
    assert "`deep-review publish ID`" in help_text


def test_publish_and_review_post_options_are_in_help() -> None:
    runner = CliRunner()
    publish_help = runner.invoke(cli, ["publish", "--help"]).output
    for flag in ("--inline", "--dry-run", "--json"):
        assert flag in publish_help
    review_help = runner.invoke(cli, ["review", "--help"]).output
    for flag in ("--post", "--inline", "--fail-on"):
        assert flag in review_help
    assert "critical|important|suggestion|never" in review_help
