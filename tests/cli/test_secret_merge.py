"""Issue 11 must-show: a seat's finding about a secret and the static seat's finding on the same
line become one finding with the seat's explanation and fix; the key ID on the line above stays
its own finding, and the retro does not say the seat missed the secret."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import commit_all, make_repo, write

KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

APP = (
    "import boto3\n"
    "\n"
    "\n"
    "def client():\n"
    f'    key_id = "{KEY_ID}"\n'  # line 5: the access key ID
    f'    secret = "{SECRET}"\n'  # line 6: the secret access key
    '    return boto3.client("s3", aws_access_key_id=key_id, aws_secret_access_key=secret)\n'
)

SEAT_REVIEW = """## Executive Summary

One hard-coded credential.

## Findings

### Critical Issues

C1. **AWS secret access key committed in `client`** — `app.py:6` (critical, regression)

```python
    key_id = "<redacted>"
    secret = "<redacted>"
```

The secret access key next to `key_id` is a literal in the source, so anyone who can read the
repository can use the account; rotating it means a code change. Read it from the environment
instead.

Fix:
```diff
-    secret = "<redacted>"
+    secret = os.environ["AWS_SECRET_ACCESS_KEY"]
```

### Important Issues

None.

### Suggestions

None.
"""


def _review(
    tmp_path: Path, repo: Path, reviews: dict[str, str], *also: str
) -> tuple[dict[str, str], dict]:  # type: ignore[type-arg]
    """A review by one command seat per name, each answering its text (plus the `also` seats):
    its stored paths and its JSON report."""
    fakes = Fakes(tmp_path)
    seats = {}
    for name, text in reviews.items():
        path = tmp_path / f"{name}-review.md"
        path.write_text(text, encoding="utf-8")
        seats[name] = fakes.seat("ok", "--review-file", str(path))
    fakes.write_config(seats)
    res = fakes.review(repo, "--agents", ",".join([*reviews, *also]))
    assert res.returncode == 0, res.stderr
    paths: dict[str, str] = res.json()["paths"]
    return paths, json.loads(Path(paths["json"]).read_text())


def test_seat_and_static_findings_on_the_secret_line_merge(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(repo, "app.py", APP)
    commit_all(repo, "Add an S3 client")
    paths, report = _review(tmp_path, repo, {"bot": SEAT_REVIEW}, "static")

    def at(line: int) -> list[dict]:
        return [
            f
            for f in report["findings"]
            if any(loc["path"] == "app.py" and loc["start"] == line for loc in f["locations"])
        ]

    six = at(6)
    assert len(six) == 1, six
    merged = six[0]
    assert sorted(merged["reviewers"]) == ["Bot", "Static analysis"], merged
    assert "environment" in merged["body"], merged["body"]  # the seat's explanation
    assert "AWS_SECRET_ACCESS_KEY" in merged["fix"], merged["fix"]  # and its fix
    assert merged["severity"] == "critical"
    # who said what stays visible: both members in JSON and HTML
    said = [(s["reviewer"], s["finding_id"]) for s in merged["sources"]]
    assert said[0] == ("Bot", "C1") and said[1][0] == "Static analysis", said
    html = Path(paths["html"]).read_text()
    assert "Reported by 2 reviewers" in html
    five = at(5)
    assert len(five) == 1 and five[0] is not merged, five
    assert five[0]["reviewers"] == ["Static analysis"]
    assert not any(loc["start"] == 5 for loc in merged["locations"]), merged["locations"]
    # The retro does not say the seat missed the finding it reported.
    bot = next(s for s in report["retro"]["seats"] if s["seat"] == "bot")
    missed = bot["narrative"].split("Found by others but not by", 1)
    assert len(missed) == 1 or merged["id"] not in missed[1].split(".", 1)[0], bot["narrative"]


SCOPE_REVIEW = """## Executive Summary

Three findings.

## Findings

### Critical Issues

None.

### Important Issues

I1. **`shout` drops non-ASCII case rules** — `util/strings.py:2` (important, regression)

`s.upper()` maps `ß` to `SS`, so the length changes.

I2. **`legacy_add` still rounds** — `lib/legacy.py:3` (important, regression)

The old helper rounds its result.

### Suggestions

S1. **README does not mention `sub`** — `README.md:1` (suggestion, gap)

Document the new function.
"""


def test_findings_outside_the_change_or_about_missing_files_are_marked(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    paths, report = _review(tmp_path, repo, {"bot": SCOPE_REVIEW})
    scope = {f["locations"][0]["path"]: (f["id"], f["scope"]) for f in report["findings"]}
    assert scope["util/strings.py"][1] is None
    assert scope["README.md"][1] == "outside this change"
    missing_id, missing_scope = scope["lib/legacy.py"]
    assert missing_scope == "file not found at review SHA"
    # no lead checked it: the retro lists it as a suspected false positive of the seat
    (bot,) = report["retro"]["seats"]
    cells = dict(bot["cells"])
    assert f"1 suspected ({missing_id}" in cells["False positives"], cells
    md = Path(paths["md"]).read_text()
    assert "*File not found at review SHA.*" in md and "*Outside this change.*" in md
    html = Path(paths["html"]).read_text()
    assert '<span class="tag tag-scope">file not found at review SHA</span>' in html


PAST_END_REVIEW = """## Executive Summary

Two helpers.

## Findings

### Critical Issues

None.

### Important Issues

I1. **`sub` overflows on huge ints** — `calc.py:412` (important, regression)

Python ints do not overflow, but this line does not exist either: calc.py has six lines.

I2. **`shout` ignores locale** — `util/strings.py:2` (important, regression)

`upper()` is locale-independent.

### Suggestions

S1. **The old `add` docstring was removed** — `calc.py:2` (suggestion, gap)

A line of the base and head file alike.
"""


def test_a_finding_past_the_end_of_its_file_is_marked_and_suspected(tmp_path: Path) -> None:
    """A reviewer citing line 412 of a six-line file made the place up (or read another file):
    without a lead, the report says so and the retro lists it as a suspected false positive."""
    repo = make_repo(tmp_path)
    paths, report = _review(tmp_path, repo, {"bot": PAST_END_REVIEW})
    scope = {f["title"]: (f["id"], f["scope"]) for f in report["findings"]}
    past_id, past_scope = scope["`sub` overflows on huge ints"]
    assert past_scope == "line past the end of its file at review SHA"
    assert scope["`shout` ignores locale"][1] is None
    assert scope["The old `add` docstring was removed"][1] is None
    (bot,) = report["retro"]["seats"]
    assert f"1 suspected ({past_id}" in dict(bot["cells"])["False positives"]
    assert "line past the end of its file at review SHA, not verified by a lead" in bot["narrative"]
    assert "*Line past the end of its file at review SHA.*" in Path(paths["md"]).read_text()


SUB_A = """## Findings

### Critical Issues

None.

### Important Issues

1. **`sub` returns b - a instead of a - b** — `calc.py:6`
   `sub(5, 3)` returns -2.

### Suggestions

None.
"""

SUB_B = """## Findings

### Critical Issues

None.

### Important Issues

- **Subtraction operands swapped in sub()** (`calc.py:5-6`): `b - a` gives the negated
  difference; callers expecting a-b get the wrong sign.

### Suggestions

None.
"""


def test_one_bug_in_two_wordings_on_overlapping_lines_is_one_finding(tmp_path: Path) -> None:
    """`sub` in backticks for one seat, `sub()` in plain text for the other, on line 6 and
    lines 5-6: one finding credited to both, not two each "only found" by one seat."""
    repo = make_repo(tmp_path)
    _, report = _review(tmp_path, repo, {"one": SUB_A, "two": SUB_B})
    assert [(f["id"], f["reviewers"]) for f in report["findings"]] == [("I1", ["One", "Two"])]
