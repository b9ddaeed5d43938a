"""Findings that share a file and say different things keep apart: declining one (untitled, as
README writes them, or under a generic title) leaves every other one reported, a second decline
never replaces the first, and SARIF gives each result its own fingerprint (trial 44a, defect 9).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.repos import commit_all, git, run_cli, write

UNTITLED = """## Executive Summary

`add` is broken and unchecked.

## Findings

### Critical Issues

- **C1** `calc.py:2` — `add` subtracts: `return a - b` returns the difference, so every caller \
gets a wrong sum.

### Important Issues

- **I1** `calc.py:2` — `add` accepts strings and lists silently, so `add("1", 2)` raises deep \
in a caller.

### Suggestions

None.
"""

GENERIC = """## Executive Summary

`add` is broken and unchecked.

## Findings

### Critical Issues

C1. **Missing error handling** — `calc.py:2` (critical)

`add` returns garbage when the database call fails, and nothing reports it.

### Important Issues

I1. **Missing error handling** — `calc.py:1` (important)

`add` does not validate input, so a string reaches the arithmetic.

### Suggestions

None.
"""


def _repo(root: Path) -> Path:
    repo = root / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "calc.py", "def add(a, b):\n    return a + b\n")
    commit_all(repo, "init")
    git(repo, "checkout", "-q", "-b", "topic")
    write(repo, "calc.py", "def add(a, b):\n    return a - b\n")
    commit_all(repo, "c1")
    return repo


def _review(fakes: Fakes, repo: Path, text: str, *args: str) -> Any:
    review_file = fakes.tmp / "review.md"
    review_file.write_text(text, encoding="utf-8")
    fakes.write_config({"untitled": fakes.seat("ok", "--review-file", str(review_file))})
    return fakes.review(repo, "--agents", "untitled", "--format", "md", *args)


def _next_commit(repo: Path) -> None:
    (repo / "calc.py").write_text(
        (repo / "calc.py").read_text(encoding="utf-8") + "# c\n", encoding="utf-8"
    )
    commit_all(repo, "c2")


def _declining_one_leaves_the_other(tmp_path: Path, text: str, other_title: str) -> None:
    fakes = Fakes(tmp_path)
    repo = _repo(tmp_path)
    first = _review(fakes, repo, text)
    assert first.returncode == 0, first.stderr
    rid1 = first.json()["review_id"]
    res = run_cli(
        ["decline", rid1, "I1", "--reason", "by design: duck typing"], cwd=repo, env=fakes.env()
    )
    assert res.returncode == 0, res.stderr
    _next_commit(repo)
    second = _review(fakes, repo, text, "--fail-on", "critical")
    assert second.returncode == 4, (second.stdout, second.stderr)
    data = json.loads((fakes.store / f"{second.json()['review_id']}.json").read_text())
    assert [f["id"] for f in data["findings"]] == ["C1"], data["findings"]
    assert data["findings"][0]["title"] == other_title
    assert data["header"]["verdict"]["label"] == "Rework"
    [declined] = data["round_info"]["declined"]
    assert (declined["prior_id"], declined["left_out_as"]) == ("I1", "I1")


def test_declining_an_untitled_finding_leaves_the_critical_at_that_file(tmp_path: Path) -> None:
    # (the place after the ID is no title: the words after it are)
    title = (
        "`add` subtracts: `return a - b` returns the difference, so every caller gets a wrong sum"
    )
    _declining_one_leaves_the_other(tmp_path, UNTITLED, title)


def test_declining_one_of_two_findings_under_one_generic_title_leaves_the_other(
    tmp_path: Path,
) -> None:
    _declining_one_leaves_the_other(tmp_path, GENERIC, "Missing error handling")


def test_a_second_decline_of_another_untitled_finding_replaces_nothing(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = _repo(tmp_path)
    rid1 = _review(fakes, repo, UNTITLED).json()["review_id"]
    env = fakes.env()
    one = run_cli(["decline", rid1, "C1", "--reason", "known"], cwd=repo, env=env)
    two = run_cli(["decline", rid1, "I1", "--reason", "by design"], cwd=repo, env=env)
    assert one.returncode == two.returncode == 0, (one.stderr, two.stderr)
    assert "replaced" not in two.stdout, two.stdout
    listed = run_cli(["declines"], cwd=repo, env=env).stdout
    assert f"{rid1} C1 " in listed and f"{rid1} I1 " in listed, listed
    assert "(now " not in listed, listed


def _many_untitled(n_a: int, n_b: int) -> str:
    items = [f"- **I{i}** `a.py:{i}` — problem number {i} of a.py." for i in range(1, n_a + 1)]
    items += [
        f"- **I{n_a + i}** `b.py:{i}` — problem number {i} of b.py." for i in range(1, n_b + 1)
    ]
    # two findings of one file with one title and one place (the same file, title and quoted
    # code): still two results, two fingerprints. (Told in different words: a finding told
    # twice word for word is one finding, `repeats.same_finding`.)
    twins = (
        "#### S1. Shared title — `a.py:1`\n\nOne way of telling it.\n\n"
        "#### S2. Shared title — `a.py:1`\n\nAnother, unlike the first.\n"
    )
    return (
        "## Executive Summary\n\nMany.\n\n## Findings\n\n### Critical Issues\n\nNone.\n\n"
        "### Important Issues\n\n" + "\n".join(items) + "\n\n### Suggestions\n\n" + twins
    )


def test_sarif_fingerprints_are_unique_per_result(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = _repo(tmp_path)
    write(repo, "a.py", "".join(f"x{i} = {i}\n" for i in range(1, 31)))
    write(repo, "b.py", "".join(f"y{i} = {i}\n" for i in range(1, 21)))
    commit_all(repo, "files")
    res = _review(fakes, repo, _many_untitled(30, 20))
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    sarif = run_cli(["show", rid, "--format", "sarif"], cwd=repo, env=fakes.env())
    assert sarif.returncode == 0, sarif.stderr
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    assert len(results) == 52
    prints = [json.dumps(r["partialFingerprints"], sort_keys=True) for r in results]
    assert len(set(prints)) == 52


def _v1(path: str, title: str) -> str:
    """A finding's fingerprint as deep-review wrote it before this change (no code quoted):
    file + normalised title + hash of an empty excerpt."""
    norm = re.sub(r"\s+", " ", re.sub(r"[`*_~]", "", title)).strip().strip(".:;,!").lower()
    sha = hashlib.sha256
    empty = sha(b"").hexdigest()
    return "v1:" + sha("\0".join((path, norm, empty)).encode()).hexdigest()[:32]


def test_a_decline_stored_with_the_old_fingerprint_still_matches_its_finding(
    tmp_path: Path,
) -> None:
    fakes = Fakes(tmp_path)
    repo = _repo(tmp_path)
    rid1 = _review(fakes, repo, GENERIC).json()["review_id"]
    env = fakes.env()
    res = run_cli(["decline", rid1, "I1", "--reason", "by design"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    # As an older deep-review stored it: the old fingerprint and no text, in the index and
    # its file.
    old = _v1("calc.py", "Missing error handling")
    db = sqlite3.connect(fakes.store / "index.sqlite")
    with db:
        db.execute("UPDATE declines SET fingerprint = ?, text = ''", (old,))
    db.close()
    kept = fakes.store / "declines.json"
    data = json.loads(kept.read_text())
    for item in data["declines"]:
        item["fingerprint"] = old
        item.pop("text", None)
    kept.write_text(json.dumps(data))
    # the index rebuilt from that file takes the old decline back as it is
    rebuilt = run_cli(["reindex"], cwd=repo, env=env)
    assert rebuilt.returncode == 0, rebuilt.stderr

    listed = run_cli(["declines"], cwd=repo, env=env).stdout
    assert f"{rid1} I1 " in listed and "(now " not in listed, listed
    _next_commit(repo)
    second = _review(fakes, repo, GENERIC)
    data2 = json.loads((fakes.store / f"{second.json()['review_id']}.json").read_text())
    assert [f["id"] for f in data2["findings"]] == ["C1"], data2["findings"]
    assert data2["round_info"]["declined"][0]["left_out_as"] == "I1"
    undone = run_cli(["undecline", rid1, "I1"], cwd=repo, env=env)
    assert undone.returncode == 0, undone.stderr


def test_two_findings_under_one_generic_title_each_carry_their_own(tmp_path: Path) -> None:
    """Round 2 raises both again: each is its round 1 finding, none is new."""
    text = (
        "## Executive Summary\n\nTwo.\n\n## Findings\n\n### Critical Issues\n\nNone.\n\n"
        "### Important Issues\n\n"
        "I1. **Missing error handling** — `calc.py:2` (important)\n\n"
        "`add` returns garbage when the database call fails.\n\n"
        "I2. **Missing error handling** — `calc.py:1` (important)\n\n"
        "`add` does not validate input.\n\n### Suggestions\n\nNone.\n"
    )
    fakes = Fakes(tmp_path)
    repo = _repo(tmp_path)
    first = _review(fakes, repo, text)
    data1 = json.loads((fakes.store / f"{first.json()['review_id']}.json").read_text())
    ids1 = {f["body"].split(" ")[1]: f["id"] for f in data1["findings"]}
    assert set(ids1) == {"returns", "does"} and len(set(ids1.values())) == 2, ids1
    _next_commit(repo)
    # the seat lists them the other way round this time
    swapped = text.replace("I1.", "IX.").replace("I2.", "I1.").replace("IX.", "I2.")
    second = _review(fakes, repo, swapped)
    data = json.loads((fakes.store / f"{second.json()['review_id']}.json").read_text())
    tags = {f["body"].split(" ")[1]: f["carry_forward"] for f in data["findings"]}
    assert tags == {w: f"Round 1 {i}, raised again" for w, i in ids1.items()}, tags
