"""Which words of a finding are places (trial 46b #10, trial 46a #1).

Dotted names in prose (`None.upper()`, `os.environ`, `json.loads`, `self.buffer`) are code: they
used to become the finding's first places and be cut out of its text ("None.upper() raises." ->
"raises."). A real file named in a sentence may be a secondary place but its words stay. And a
root dotfile or an extensionless file of the change (`.env:1`, `Procfile:1`, `CODEOWNERS:1`) is
a place: it used to have none, and SARIF put the finding on another file.
"""

from __future__ import annotations

import json
from pathlib import Path

from deepreview.findings.parse import parse_review
from deepreview.model import Location
from fakebin.harness import Fakes
from support.repos import cli_env, commit_all, make_repo, run_cli, write

PROSE = (
    "## Findings\n\n### Important Issues\n\n"
    "1. **`shout` crashes on None** — `util/strings.py:2`: None.upper() raises.\n"
    "2. **Config ignored** — `calc.py:2`: os.environ is read but settings.py is never loaded.\n"
    "3. **Bad call** — `calc.py:5`: it calls json.loads on bytes; see self.buffer too.\n"
    "4. **Wrong file** — `calc.py:7`: pkg/a.go is what calls it.\n\n"
    "### Suggestions\n\nNone.\n"
)


def test_dotted_names_in_prose_are_no_places_and_stay_in_the_text(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(PROSE, encoding="utf-8")
    res = run_cli(["parse", str(path), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    found = {f["id"]: f for f in json.loads(res.stdout)["findings"]}
    places = {k: [(x["path"], x["start"]) for x in f["locations"]] for k, f in found.items()}
    assert places == {
        "I1": [("util/strings.py", 2)],
        "I2": [("calc.py", 2), ("settings.py", None)],
        "I3": [("calc.py", 5)],
        "I4": [("calc.py", 7), ("pkg/a.go", None)],
    }
    assert found["I1"]["body"] == "None.upper() raises."
    assert found["I2"]["body"] == "os.environ is read but settings.py is never loaded."
    assert found["I3"]["body"] == "it calls json.loads on bytes; see self.buffer too."
    assert found["I4"]["body"] == "pkg/a.go is what calls it."


def test_dotted_names_in_code_spans_without_a_line_are_no_places() -> None:
    review = PROSE.replace("None.upper()", "`None.upper`").replace("json.loads", "`json.loads`")
    found = {f.id: f for f in parse_review(review, seat="s").findings}
    assert found["I1"].locations == (Location("util/strings.py", 2),)
    assert found["I3"].locations == (Location("calc.py", 5),)


ROOT_FILES = {
    ".env": "API_TOKEN=abc\nDEBUG=1\n",
    ".gitignore": "node_modules\nbuild\n",
    "Procfile": "web: serve --port 80\n",
    "configure": "#!/bin/sh\nexit 0\n",
    "CODEOWNERS": "* @someone\n",
    "config/.bashrc": "a\nb\n",
}
ROOT_REVIEW = (
    "## Findings\n\n### Critical Issues\n\n"
    "C1. **Committed production secret** — `.env:1`\n\nThe API token is committed.\n\n"
    "### Important Issues\n\n"
    "I1. **Build output no longer ignored** — `.gitignore:2`\n\n`build` was dropped.\n\n"
    "I2. **Web process binds the wrong port** — `Procfile:1`\n\nPort 80 needs root.\n\n"
    "I3. **Configure does nothing** — `configure:2`\n\nIt exits at once.\n\n"
    "I4. **Owner too broad** — `CODEOWNERS:1`\n\nEvery file.\n\n"
    "I5. **Shell profile** — `config/.bashrc:2`\n\nSourced twice.\n\n"
    "### Suggestions\n\nNone.\n"
)


def test_root_dotfiles_and_extensionless_files_of_the_change_are_places(tmp_path: Path) -> None:
    """Through `deep-review review`: each finding is at its own file and line, in the JSON
    report and in SARIF (which used to put all of them on `config/.bashrc`)."""
    repo = make_repo(tmp_path)
    for name, text in ROOT_FILES.items():
        write(repo, name, text)
    commit_all(repo, "add root files")
    review_file = tmp_path / "review.md"
    review_file.write_text(ROOT_REVIEW, encoding="utf-8")
    fakes = Fakes(tmp_path)
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review_file))})
    env = fakes.env()
    res = fakes.review(repo, "--agents", "alpha", env=env)
    assert res.returncode == 0, res.stderr
    report = json.loads(Path(res.json()["paths"]["json"]).read_text(encoding="utf-8"))
    got = {
        f["title"]: [(x["path"], x["start"]) for x in f["locations"]] for f in report["findings"]
    }
    assert got == {
        "Committed production secret": [(".env", 1)],
        "Build output no longer ignored": [(".gitignore", 2)],
        "Web process binds the wrong port": [("Procfile", 1)],
        "Configure does nothing": [("configure", 2)],
        "Owner too broad": [("CODEOWNERS", 1)],
        "Shell profile": [("config/.bashrc", 2)],
    }
    shown = run_cli(["show", res.json()["review_id"], "--format", "sarif"], cwd=repo, env=env)
    assert shown.returncode == 0, shown.stderr
    [run] = json.loads(shown.stdout)["runs"]
    where = sorted(
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in run["results"]
    )
    assert where == sorted((p, n) for [(p, n)] in got.values())


def test_an_extensionless_word_is_no_place_outside_the_change() -> None:
    """`localhost:8080` or `Procfile:1` in a review read without the change: no place (a root
    dotfile with a line, `.env:1`, is one by its shape)."""
    review = ROOT_REVIEW.replace("`CODEOWNERS:1`", "`localhost:8080`")
    found = {f.id: f.locations for f in parse_review(review, seat="s").findings}
    assert found["C1"] == (Location(".env", 1),)
    assert found["I2"] == ()
    assert found["I4"] == ()
    known = parse_review(review, seat="s", known_files=tuple(ROOT_FILES)).findings
    assert {f.id: f.locations for f in known}["I2"] == (Location("Procfile", 1),)
    assert {f.id: f.locations for f in known}["I4"] == ()
