"""A failed seat's output in the report's appendix, through the real `deep-review` command:
the same entry (failed, its reason, what it printed, escaped in HTML) whichever way the report
is made: `review`, `finish --from` the seats' `--seat-only` folders, offline `consolidate`."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import cli_env, make_repo, run_cli

# what the failing program printed: no review, and markup that must stay text in HTML
PRINTED = "error: config file <lint>.toml not found\n<script>alert(1)</script>\n"


def _entries(md: str) -> dict[str, str]:
    """The appendix's entries: heading name -> its text."""
    appendix = md.split("\n## Appendix: Original Reviews\n", 1)[1]
    parts = appendix.split("\n### [")[1:]
    return {p.split("]", 1)[0]: p.split("\n", 1)[1] for p in parts}


def _assert_failed_entry(md: str, html: str, name: str, reason: str) -> None:
    entry = _entries(md)[name]
    assert f"*{name} failed ({reason})" in entry, entry
    assert "marked as failed and not read for findings" in entry
    assert "config file &lt;lint>.toml not found" in entry  # the report's Markdown is neutral
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "config file &lt;lint&gt;.toml not found" in html


def test_offline_consolidate_shows_a_file_that_is_no_review_as_failed(tmp_path: Path) -> None:
    (tmp_path / "review-lint-pass-2.md").write_text(PRINTED, encoding="utf-8")
    (tmp_path / "real.md").write_text(
        "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n",
        encoding="utf-8",
    )
    env = cli_env(tmp_path)
    md = run_cli(["consolidate", "review-lint-pass-2.md", "real.md"], cwd=tmp_path, env=env)
    assert md.returncode == 0, md.stderr
    html = run_cli(
        ["consolidate", "review-lint-pass-2.md", "real.md", "--format", "html"],
        cwd=tmp_path,
        env=env,
    )
    assert html.returncode == 0, html.stderr
    _assert_failed_entry(md.stdout, html.stdout, "Lint", "unparseable review")
    assert list(_entries(md.stdout)) == ["Lint", "Real"]
    assert "\n### [Lint] — Pass 2\n" in md.stdout  # the pass its file name says
    # the failed seat's text gives no findings
    data = json.loads(
        run_cli(
            ["consolidate", "review-lint-pass-2.md", "real.md", "--format", "json"],
            cwd=tmp_path,
            env=env,
        ).stdout
    )
    assert data["findings"] == []


def test_finish_from_seat_results_shows_the_failed_seat_as_review_does(tmp_path: Path) -> None:
    """The finishing machine's config does not define the seat: it takes what the seat's
    runner recorded (a command seat), as its appendix entry does."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    printed = tmp_path / "printed.md"
    printed.write_text(PRINTED, encoding="utf-8")
    seats = {
        "lint": fakes.seat("ok", "--review-file", str(printed), "--exit-code", "1"),
        "quiet": fakes.seat("ok"),
    }
    fakes.write_config(seats)
    local = fakes.review(repo, "--agents", "lint,quiet")
    assert local.returncode == 0, local.stderr
    outs = []
    for seat in seats:
        out = tmp_path / f"out-{seat}"
        res = run_cli(
            ["review", "--agents", "lint,quiet", "--seat-only", seat, "--out", str(out), "--json"],
            cwd=repo,
            env=fakes.env(),
        )
        assert res.returncode in (0, 3), res.stderr
        outs.append(str(out))
    fakes.write_config({})
    done = run_cli(
        ["finish", "--lead", "none", "--json", "--from", *outs],
        cwd=repo,
        env=fakes.env(),
    )
    assert done.returncode == 0, done.stderr
    for res in (local, done):
        paths = res.json()["paths"]
        md = Path(paths["md"]).read_text(encoding="utf-8")
        html = Path(paths["html"]).read_text(encoding="utf-8")
        # the last line it printed is quoted (trial 50a #12), escaped as the rest of its text
        reason = "exited with code 1: &lt;script>alert(1)&lt;/script>"
        _assert_failed_entry(md, html, "Lint", reason)
    assert _entries(md)["Lint"] == _entries(Path(local.json()["paths"]["md"]).read_text())["Lint"]
