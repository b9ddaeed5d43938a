"""`parse`, `render` and `consolidate` through the real CLI, on the seed report."""

from __future__ import annotations

import json
from pathlib import Path

from deepreview.findings.report_parse import parse_report
from support.repos import cli_env, run_cli

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-report.md"


def _sections(md: str) -> list[str]:
    return [ln for ln in md.splitlines() if ln.startswith("## ")]


def _report_sections(md: str) -> list[str]:
    """The report's own `##` sections: the appendix's embedded reviews have theirs too."""
    head, sep, _ = md.partition("\n## Appendix: Original Reviews\n")
    return _sections(head) + (["## Appendix: Original Reviews"] if sep else [])


def test_parse_seed_then_render_gives_the_seed_back(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    res = run_cli(["parse", str(SEED), "--format", "json"], cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["schema_version"] == 2  # a report JSON's version (a seat review's is 1)
    assert [f["id"] for f in data["findings"]] == ["I1", "I2", "I3", "I4", "S1", "S2"]
    (tmp_path / "seed.json").write_text(res.stdout)
    res = run_cli(["render", str(tmp_path / "seed.json"), "--format", "md"], cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stderr
    seed = SEED.read_text()
    # The seed repeats each review's `## Executive Summary` in its appendix; we demote those.
    assert _sections(res.stdout) == _report_sections(seed)
    assert _sections(res.stdout).count("## Executive Summary") == 1
    again = parse_report(res.stdout)
    original = parse_report(seed)
    assert again.findings == original.findings
    assert [s.cells for s in again.retro.seats] == [s.cells for s in original.retro.seats]
    assert "| Files reviewed | 9/9 | 9/9 | 7/9 |" in res.stdout


def test_consolidate_the_seeds_three_reviews(tmp_path: Path) -> None:
    report = parse_report(SEED.read_text())
    paths = []
    for entry in report.appendix:
        path = tmp_path / f"review-{entry.name.lower()}-pass-1.md"
        path.write_text(entry.text)
        paths.append(str(path))
    res = run_cli(["consolidate", *paths, "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    important = [f for f in data["findings"] if f["severity"] == "important"]
    restart = [
        f
        for f in important
        if "handleRestartNeeded" in f["title"] + f["body"] and f["reviewers"] == ["Claude"]
    ]
    assert restart, [f["title"] for f in important]
    leak = [f for f in important if sorted(f["reviewers"]) == ["Claude", "Codex", "Gemini"]]
    assert leak and any(
        "startInstance" in f["body"] or "startup" in f["title"].lower() for f in leak
    ), [f["title"] for f in important]
    recon = " ".join(e["text"] for e in data["retro"]["reconciliation"])
    severity_changes = [e for e in data["retro"]["reconciliation"] if e["kind"] == "severity"]
    assert severity_changes and "rule" in recon.lower()
    bad = run_cli(
        ["consolidate", paths[0], "--seat", "a", "--seat", "b"], cwd=tmp_path, env=cli_env(tmp_path)
    )
    assert bad.returncode == 2 and "--seat" in bad.stderr


def test_consolidate_seat_name_errors_say_what_to_do(tmp_path: Path) -> None:
    review = "## Findings\n\n### Critical Issues\n\nNone.\n"
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(review, encoding="utf-8")
    env = cli_env(tmp_path)
    res = run_cli(["consolidate", "a.md", "--seat", "x", "--seat", "y"], cwd=tmp_path, env=env)
    assert res.returncode == 2
    assert "2 --seat names for 1 review file; give one --seat per file or none" in res.stderr
    res = run_cli(
        ["consolidate", "a.md", "b.md", "--seat", "x", "--seat", "x"], cwd=tmp_path, env=env
    )
    assert res.returncode == 2
    assert "a.md and b.md are both seat 'x'; give each file its own --seat" in res.stderr


def test_consolidate_of_files_that_are_no_review_says_so(tmp_path: Path) -> None:
    """An empty file or an error message is not a review: offline, as in `review`, that seat
    failed (`unparseable review`), and the verdict is never "Merge as-is — no issues found";
    when every one failed, `consolidate` exits 3 as `review` does."""
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "oops.md").write_text("Error: rate limit exceeded.\n", encoding="utf-8")
    (tmp_path / "real.md").write_text(
        "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n",
        encoding="utf-8",
    )
    env = cli_env(tmp_path)
    res = run_cli(["consolidate", "empty.md", "oops.md", "--format", "json"], cwd=tmp_path, env=env)
    assert res.returncode == 3, res.stderr
    assert (
        "no review could be used (empty: unparseable review, oops: unparseable review)"
        in res.stderr
    )
    data = json.loads(res.stdout)
    assert data["header"]["verdict"]["label"] == "Failed"
    assert data["header"]["reviewers"] == []
    res = run_cli(["consolidate", "oops.md", "real.md"], cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stderr
    assert "**Merge as-is** — no issues found; 1 of 2 seats failed" in res.stdout
    assert "Oops failed (unparseable review)" in res.stdout


def test_two_problems_on_one_line_stay_two_findings(tmp_path: Path) -> None:
    """Same file and line, nothing else in common: the Critical one keeps its level and the
    other reviewer's point is not lost in it."""
    (tmp_path / "a.md").write_text(
        "## Findings\n\n### Critical Issues\n\n**C1. `sub` returns b - a** — `calc.py:5`\n\n"
        "The operands are reversed; sub(3,1) gives -2.\n\n### Important Issues\n\nNone.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text(
        "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\n"
        "**I1. Missing type hints on sub** — `calc.py:5`\n\nAdd annotations to the parameters.\n",
        encoding="utf-8",
    )
    res = run_cli(
        ["consolidate", "a.md", "b.md", "--seat", "claude", "--seat", "codex", "--format", "json"],
        cwd=tmp_path,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    found = [
        (f["severity"], f["title"], f["reviewers"]) for f in json.loads(res.stdout)["findings"]
    ]
    assert found == [
        ("critical", "`sub` returns b - a", ["Claude"]),
        ("important", "Missing type hints on sub", ["Codex"]),
    ]


def test_render_refuses_a_report_from_a_newer_deep_review(tmp_path: Path) -> None:
    """Fields a newer version added would be dropped without a word: say so instead."""
    env = cli_env(tmp_path)
    res = run_cli(["parse", str(SEED), "--format", "json"], cwd=tmp_path, env=env)
    data = json.loads(res.stdout)
    data["schema_version"] = 99
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(data))
    out = run_cli(["render", str(newer)], cwd=tmp_path, env=env)
    assert out.returncode == 2, out.stdout[:200]
    (line,) = out.stderr.strip().splitlines()
    assert "schema_version 99" in line and "upgrade deep-review" in line


def test_render_of_a_reviews_run_json_says_it_is_no_report(tmp_path: Path) -> None:
    """run.json has a schema_version of its own (higher than the report's): that is no report
    from a newer deep-review, and "upgrade" would send the user the wrong way."""
    from support.repos import make_repo

    env = cli_env(tmp_path)
    repo = make_repo(tmp_path)
    res = run_cli(["review", "--agents", "static", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    folder = Path(res.json()["review_dir"])
    other = tmp_path / "other.json"
    other.write_text('{"schema_version": 99, "seats": {}}', encoding="utf-8")
    for path in (folder / "run.json", other):
        out = run_cli(["render", str(path), "--format", "md"], cwd=repo, env=env)
        assert out.returncode == 2, out.stdout[:200]
        (line,) = out.stderr.strip().splitlines()
        assert f"{path} is not a Deep Review report JSON" in line, line
        assert "upgrade" not in line and "newer" not in line, line
