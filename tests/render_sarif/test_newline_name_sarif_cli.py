"""A finding at a changed file whose name holds a newline (git allows it) is at that file in
the SARIF log, its URI percent-encoded (`new%0Aline.py`). Before, the newline made the path
read as "outside the repository": the alert was put on line 1 of another changed file
(`calc.py`) with a message saying the place was outside the repository."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import commit_all, make_repo, run_cli, write

NAME = "new\nline.py"


def test_a_file_named_with_a_newline_is_its_own_artifact(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(repo, NAME, "n\n")
    commit_all(repo, "add a file with a newline in its name")
    review = {
        "schema_version": 1,
        "findings": [
            {
                "severity": "important",
                "title": "Undefined name `n`",
                "locations": [{"path": NAME, "line": 1}],
            }
        ],
    }
    review_file = tmp_path / "review.json"
    review_file.write_text(json.dumps(review), encoding="utf-8")
    fakes = Fakes(tmp_path)
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review_file))})
    res = fakes.review(repo, "HEAD~1..HEAD", "--agents", "alpha")
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    shown = run_cli(["show", rid, "--format", "sarif"], cwd=repo, env=fakes.env())
    assert shown.returncode == 0, shown.stderr
    [result] = json.loads(shown.stdout)["runs"][0]["results"]
    [location] = result["locations"]
    physical = location["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "new%0Aline.py"
    assert physical["region"] == {"startLine": 1}
    assert "outside the repository" not in json.dumps(location)
