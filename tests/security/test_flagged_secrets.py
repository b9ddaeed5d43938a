"""Issue 11 §5: a value that any seat flags as a secret is masked in every stored file.

Redaction's own patterns know neither value used here; only the seats' findings say they are
secrets. Another seat quoting the value, the prompt's diff, transcripts and the reports must
all be masked.
"""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, commit_all, make_repo, run_cli, write

MODEL_FLAGGED = "zq8Fv2Lm0pX9tR4wK7yB"  # no known token shape
STATIC_FLAGGED = "Wm4nZ8pQ2rT6vX1yB5cD"


def _seat(tmp: Path, name: str, text: str) -> str:
    out = tmp / f"{name}.out"
    out.write_text(text, encoding="utf-8")
    argv = ["sh", "-c", f"cat >/dev/null; cat '{out}'; echo 'log {text[:0]}' >&2"]
    return f"[seats.{name}]\nargv = {json.dumps(argv)}\n"


def _review_by_flagger(tmp: Path, repo: Path, text: str) -> tuple[dict, dict]:
    """A one-seat review whose seat prints `text`: the `--json` result and the report's JSON."""
    (tmp / "user-config.toml").write_text(_seat(tmp, "flagger", text))
    res = run_cli(
        ["review", "--agents", "flagger", "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp),
    )
    assert res.returncode == 0, res.stderr
    out = res.json()
    return out, json.loads(Path(out["paths"]["json"]).read_text())


def _stored_files(store: Path) -> list[Path]:
    return [p for p in store.rglob("*") if p.is_file() and p.suffix != ".sqlite"]


def test_values_flagged_by_a_model_seat_or_the_static_seat_are_masked_everywhere(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path)
    write(
        repo,
        "app.py",
        f'import requests\nENDPOINT_SUFFIX = "{MODEL_FLAGGED}"\ndb_password = "{STATIC_FLAGGED}"\n',
    )
    commit_all(repo, "Add app")
    flagger = (
        "## Executive Summary\n\nOne hard-coded credential.\n\n## Findings\n\n"
        "### Critical Issues\n\n"
        "C1. **Hard-coded API token** — `app.py:2` (critical, regression)\n\n"
        f'```python\nENDPOINT_SUFFIX = "{MODEL_FLAGGED}"\n```\n\n'
        "Fix: read it from the environment.\n"
    )
    quoter = (
        "## Executive Summary\n\nThe change adds configuration values "
        f"`{MODEL_FLAGGED}` and `{STATIC_FLAGGED}`.\n\n## Findings\n\nNo issues found.\n"
    )
    (tmp_path / "user-config.toml").write_text(
        _seat(tmp_path, "flagger", flagger) + _seat(tmp_path, "quoter", quoter)
    )
    res = run_cli(
        ["review", "--agents", "static,flagger,quoter", "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    out = res.json()
    report = json.loads(Path(out["paths"]["json"]).read_text())
    # The static seat flagged the password (so the value is a secret to mask), and only it;
    # line 2 is masked because the flagger seat said so.
    static = json.loads((Path(out["review_dir"]) / "review-static-pass-1.json").read_text())
    static_lines = {loc["start"] for f in static["findings"] for loc in f["locations"]}
    assert 3 in static_lines and 2 not in static_lines, static["findings"]
    assert any(
        loc["path"] == "app.py" and loc["start"] == 3
        for f in report["findings"]
        for loc in f["locations"]
    ), report["findings"]
    files = _stored_files(Path(out["store"]))
    names = {p.name for p in files}
    assert {
        "prompt-quoter.md",
        "review-quoter-pass-1.md",
        "transcript-quoter-pass-1.jsonl",
    } <= names
    for path in files:
        text = path.read_text(errors="replace")
        assert MODEL_FLAGGED not in text, path
        assert STATIC_FLAGGED not in text, path
    # ... and what the seats said is still there, masked.
    assert "[REDACTED]" in (Path(out["review_dir"]) / "review-quoter-pass-1.md").read_text()


def test_a_flagged_secret_whose_place_cannot_be_read_is_reported(tmp_path: Path) -> None:
    """A seat says "hard-coded API token" and quotes it, at a place that is no file of the
    reviewed commit (a wrong path): the value cannot be read off the line to be masked. It
    was left in every stored file without a word; the report's notes now say which place
    could not be read and that the stored files may still hold its value."""
    repo = make_repo(tmp_path)
    write(repo, "keys.json", f'[\n  "{MODEL_FLAGGED}"\n]\n')
    commit_all(repo, "Add keys")
    flagger = (
        "## Executive Summary\n\nOne hard-coded credential.\n\n## Findings\n\n"
        "### Critical Issues\n\n"
        "C1. **Hard-coded API token** — `conf/settings.py:2` (critical, regression)\n\n"
        f"The token `{MODEL_FLAGGED}` is committed.\n\n"
        "Fix: read it from the environment.\n"
    )
    out, report = _review_by_flagger(tmp_path, repo, flagger)
    said = [n for n in report["notes"] if "conf/settings.py:2" in n]
    assert len(said) == 1, report["notes"]
    assert "could not be masked" in said[0], said
    assert "conf/settings.py:2" in Path(out["paths"]["md"]).read_text()


def test_a_token_finding_at_a_gone_place_that_quotes_no_value_adds_no_note(
    tmp_path: Path,
) -> None:
    """ "Token refresh races the expiry" at a file the change deleted quotes no value: there is
    nothing the stored files could hold unmasked, and no note is owed."""
    repo = make_repo(tmp_path)
    flagger = (
        "## Findings\n\n### Important Issues\n\n"
        "I1. **Token refresh races the expiry** — `auth/refresh.py:40` (important, gap)\n\n"
        "Two refreshes at `auth/refresh.py:40` can both see the old expiry.\n\n"
        "Fix: take the lock first.\n"
    )
    _, report = _review_by_flagger(tmp_path, repo, flagger)
    assert not [n for n in report["notes"] if "could not be masked" in n], report["notes"]
