"""Through the real `deep-review review`: a finding's places keep the order its reviewer gave
them. The first is where the problem is (`calc.py:3`), a later one the context it cites
(`README.md:2`): the report, the JSON, SARIF's one `locations` entry start at the code, not at
the file that sorts first (trial 57b #4). A merged finding starts at its shown member's first
place. The fingerprint and a decline stay keyed by the place that sorts first, as stored before
places kept their order: a decline made from such a report still takes the finding."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.repos import commit_all, git, run_cli, write
from support.rounds import stored

CALC = "def div(a, b):\n    # divide\n    return a / b\n"
README = "# calc\n\n`div` returns 0.0 for a zero divisor.\n"

ALPHA = """## Findings

### Critical Issues

None.

### Important Issues

I1. **Division by zero is not handled** — `calc.py:3`, `README.md:3` (important, regression)

```python
    return a / b
```

`div(1, 0)` raises ZeroDivisionError, although the README promises 0.0.

### Suggestions

None.
"""

BETA = """## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

S1. **`div` crashes on zero** — `calc.py:3`

A zero divisor raises.
"""

# What `partialFingerprints` held for ALPHA's finding while places were stored sorted
# (`README.md:3, calc.py:3`): computed by deep-review before this change.
FINGERPRINT_BEFORE = "v1:a16eb81d35ba817ea96fa12db6472502"


def _repo(root: Path) -> Path:
    repo = root / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "calc.py", "def add(a, b):\n    return a + b\n")
    write(repo, "README.md", "# calc\n")
    commit_all(repo, "Initial commit")
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, "calc.py", CALC)
    write(repo, "README.md", README)
    commit_all(repo, "Add div")
    return repo


def _review(fakes: Fakes, repo: Path, texts: dict[str, str]) -> dict[str, Any]:
    seats = {}
    for name, text in texts.items():
        path = fakes.tmp / f"{name}.md"
        path.write_text(text, encoding="utf-8")
        seats[name] = fakes.seat("ok", "--review-file", str(path))
    fakes.write_config(seats)
    res = fakes.review(repo, "--agents", ",".join(texts), "--format", "md", "--format", "sarif")
    assert res.returncode == 0, res.stderr
    out: dict[str, Any] = res.json()
    return out


def _sarif_result(fakes: Fakes, rid: str) -> dict[str, Any]:
    (result,) = json.loads(stored(fakes, rid, ".sarif"))["runs"][0]["results"]
    return dict(result)


def test_a_finding_starts_at_the_place_its_reviewer_gave_first(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = _repo(tmp_path)
    rid = _review(fakes, repo, {"alpha": ALPHA})["review_id"]
    # the fingerprint is the one stored while places were sorted (README.md first)
    result = _sarif_result(fakes, rid)
    assert result["partialFingerprints"] == {"deepReviewFinding/v1": FINGERPRINT_BEFORE}
    md = stored(fakes, rid, ".md")
    assert "I1. **Division by zero is not handled** — `calc.py:3`, `README.md:3` [Alpha]" in md
    (finding,) = json.loads(stored(fakes, rid, ".json"))["findings"]
    assert [loc["path"] for loc in finding["locations"]] == ["calc.py", "README.md"]
    (place,) = result["locations"]
    assert place["physicalLocation"]["artifactLocation"]["uri"] == "calc.py"


def test_a_merged_finding_starts_at_its_shown_members_first_place(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = _repo(tmp_path)
    rid = _review(fakes, repo, {"alpha": ALPHA, "beta": BETA})["review_id"]
    (finding,) = json.loads(stored(fakes, rid, ".json"))["findings"]
    assert sorted(finding["reviewers"]) == ["Alpha", "Beta"]
    assert [loc["path"] for loc in finding["locations"]] == ["calc.py", "README.md"]


def test_a_decline_from_a_report_with_sorted_places_still_takes_the_finding(
    tmp_path: Path,
) -> None:
    fakes = Fakes(tmp_path)
    repo = _repo(tmp_path)
    rid1 = _review(fakes, repo, {"alpha": ALPHA})["review_id"]
    # The report as deep-review stored it while places were sorted by path.
    path = fakes.store / f"{rid1}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    (finding,) = data["findings"]
    finding["locations"] = sorted(finding["locations"], key=lambda loc: loc["path"])
    assert [loc["path"] for loc in finding["locations"]] == ["README.md", "calc.py"]
    path.write_text(json.dumps(data), encoding="utf-8")
    res = run_cli(["decline", rid1, "I1", "--reason", "by design"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    listed = run_cli(["declines"], cwd=repo, env=fakes.env())
    assert "README.md:3" in listed.stdout, listed.stdout
    # the decline holds the fingerprint deep-review stored before places kept their order
    assert FINGERPRINT_BEFORE in (fakes.store / "declines.json").read_text(encoding="utf-8")

    write(repo, "notes.txt", "unrelated\n")
    commit_all(repo, "Add notes")
    rid2 = _review(fakes, repo, {"alpha": ALPHA})["review_id"]
    md = stored(fakes, rid2, ".md")
    important = md.split("## Important Issues", 1)[1].split("## Suggestions", 1)[0]
    assert "Division by zero" not in important, important
    assert "**Division by zero is not handled**" in md.split("### Declined in prior rounds", 1)[1]


def test_declines_lists_a_decline_at_its_findings_first_place(tmp_path: Path) -> None:
    """`declines` names the place the report shows first (`calc.py:3`), not the key place the
    decline is matched by (`README.md:3`, which sorts first); the stored fingerprint stays."""
    fakes = Fakes(tmp_path)
    repo = _repo(tmp_path)
    rid = _review(fakes, repo, {"alpha": ALPHA})["review_id"]
    res = run_cli(["decline", rid, "I1", "--reason", "by design"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    listed = run_cli(["declines"], cwd=repo, env=fakes.env()).stdout
    assert f"{rid} I1  calc.py:3  Division by zero is not handled — by design" in listed, listed
    assert FINGERPRINT_BEFORE in (fakes.store / "declines.json").read_text(encoding="utf-8")
