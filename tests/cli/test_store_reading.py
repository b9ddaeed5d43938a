"""Reading the store from the CLI when it lacks something: a review stored without HTML
(`open`), and a store folder that is not there or is a file (`list`, `show`, `stats`,
`declines`)."""

from __future__ import annotations

from pathlib import Path

from support.repos import cli_env, make_repo, run_cli


def _review_md_only(tmp_path: Path) -> tuple[Path, dict[str, str], str]:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none", "--format", "md", "--json"],
        cwd=repo,
        env=env,
    )
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    assert not (Path(env["DEEP_REVIEW_STORE"]) / f"{rid}.html").exists()
    return repo, env, rid


def test_open_renders_the_html_of_a_review_stored_without_it(tmp_path: Path) -> None:
    repo, env, rid = _review_md_only(tmp_path)
    # BROWSER=false: no browser opens, so `open` prints the page's path.
    opened = run_cli(["open", rid], cwd=repo, env={**env, "BROWSER": "false"})
    assert opened.returncode == 0, opened.stderr
    page = Path(opened.stdout.strip())
    assert page.is_file() and page.suffix == ".html"
    shown = run_cli(["show", rid, "--format", "html"], cwd=repo, env=env)
    assert shown.returncode == 0, shown.stderr
    assert page.read_text(encoding="utf-8") == shown.stdout
    # The store's own record of which formats the review wrote is unchanged.
    assert not (Path(env["DEEP_REVIEW_STORE"]) / f"{rid}.html").exists()
