"""A seat that cites its findings as `file://` URLs into the checkout — `` `file:///abs/
checkout/calc.py:5` `` or `[calc.py](file:///abs/checkout/calc.py#L5)`, as editors and some
agents write them — has them placed at the repository's file and line. Before, the code span
gave no place at all and the link kept only its text's `calc.py`, without the line; a place
in the checkout outside the change (`/abs/checkout/README.md:1`) stayed an absolute path in the
report. A `file://` URL outside the repository (`/etc/hosts`) is still no place."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.repos import cli_env, make_repo, run_cli


def _findings(tmp_path: Path, review: str) -> dict[str, Any]:
    repo = make_repo(tmp_path)
    review_file = tmp_path / "review.md"
    review_file.write_text(review.replace("ROOT", str(repo)), encoding="utf-8")
    fakes = Fakes(tmp_path)
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review_file))})
    res = fakes.review(repo, "--agents", "alpha")
    assert res.returncode == 0, res.stderr
    report = json.loads(Path(res.json()["paths"]["json"]).read_text(encoding="utf-8"))
    return {f["title"]: (f["locations"], f.get("scope")) for f in report["findings"]}


def _at(path: str, start: int | None, end: int | None = None) -> list[dict[str, Any]]:
    return [{"path": path, "start": start, "end": end}]


def test_file_urls_into_the_checkout_are_places_in_the_repository(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        "## Important Issues\n\n"
        "1. **Subtraction is reversed** — `file://ROOT/calc.py:5`: `sub` returns `a - b` where "
        "the callers pass `(b, a)`, so every total is negated.\n"
        "2. **Shout drops non-ASCII** — [strings.py](file://ROOT/util/strings.py#L2): `upper()` "
        "is applied to bytes, so non-ASCII input raises.\n"
        "3. **Readme names the wrong command** — `file://localhostROOT/README.md:3`: the "
        "command it names was removed, so a reader following it fails.\n",
    )
    assert found["Subtraction is reversed"] == (_at("calc.py", 5), None)
    assert found["Shout drops non-ASCII"] == (_at("util/strings.py", 2), None)
    assert found["Readme names the wrong command"] == (_at("README.md", 3), "outside this change")


def test_an_absolute_path_into_the_checkout_outside_the_change_is_repository_relative(
    tmp_path: Path,
) -> None:
    found = _findings(
        tmp_path,
        "## Important Issues\n\n"
        "1. **Readme names the wrong command** — `ROOT/README.md:3`: the command it names was "
        "removed, so a reader following it fails.\n",
    )
    assert found["Readme names the wrong command"] == (_at("README.md", 3), "outside this change")


def test_a_file_url_outside_the_repository_is_still_no_place(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        "## Important Issues\n\n"
        "1. **Hosts file is read** — `file:///etc/hosts:3`: the lookup reads the system's "
        "hosts file, which the tests cannot control.\n",
    )
    locations, _ = found["Hosts file is read"]
    assert all("hosts" not in loc["path"] for loc in locations), locations


def test_read_alone_a_links_text_keeps_the_lines_its_url_gives(tmp_path: Path) -> None:
    """`deep-review parse` knows no checkout: the link's text names the place, and the URL's
    `#L5` its line when the URL ends with that file (before: `calc.py` with no line)."""
    review = tmp_path / "r.md"
    review.write_text(
        "## Important Issues\n\n"
        "1. **Subtraction is reversed** — [calc.py](file:///home/me/app/calc.py#L5): `sub` "
        "returns `a - b` where the callers pass `(b, a)`.\n"
        "2. **Shout drops non-ASCII** — [strings.py](/home/me/app/util/strings.py#L2-L3): "
        "`upper()` is applied to bytes, so non-ASCII input raises.\n"
        "3. **Hosts are read** — [spec.py](file:///etc/hosts#L3): the lookup reads the system "
        "file, which the tests cannot control.\n",
        encoding="utf-8",
    )
    res = run_cli(["parse", str(review)], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    found = {f["title"]: f["locations"] for f in res.json()["findings"]}
    assert found["Subtraction is reversed"] == _at("calc.py", 5)
    assert found["Shout drops non-ASCII"] == _at("strings.py", 2, 3)
    # the URL names another file: the text's place stays as written, with no line of the URL's
    assert found["Hosts are read"] == _at("spec.py", None)
