"""A name shaped like a path that names no file of the repository is no place of a finding: a
CI action (`owner/name@v4`, or `owner/name` where the change has no such file or folder), a
package (`@scope/pkg`, `lodash/fp`), a module or a web address without its scheme
(`golang.org/x/sync`, `example.com/docs`). Once taken as a second place, it made the finding
look to be about two files, one that does not exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.model import Location
from support.printing_seats import findings_of_change

REVIEW = (
    "## Findings\n\n"
    "**High** — **Static deploy keys** (`.ci/deploy.yml:7-8`): the job signs in with a stored "
    "key pair. Sign in through OIDC with `skyward-labs/cloud-login` and a scoped role.\n\n"
    "**Medium** — **Unpinned step** (`.ci/deploy.yml:4`): `skyward-labs/cloud-login@v3` "
    "follows a moving tag; pin it to a commit.\n\n"
    "**Low** — **Loose helper import** (`src/app.py:2`): import only what is used from "
    "`@skyward/http-kit` and `lodash/fp`.\n"
)


def test_action_and_package_names_are_no_places_in_the_report(tmp_path: Path) -> None:
    files = {
        ".ci/deploy.yml": "".join(f"step{n}: run\n" for n in range(1, 12)),
        "src/app.py": "import os\nimport sys\n",
    }
    found = findings_of_change(tmp_path, files, {"s": REVIEW})
    assert {f["title"]: [p["path"] for p in f["locations"]] for f in found} == {
        "Static deploy keys": [".ci/deploy.yml"],
        "Unpinned step": [".ci/deploy.yml"],
        "Loose helper import": ["src/app.py"],
    }


def _places(span: str, known: tuple[str, ...]) -> tuple[Location, ...]:
    text = f"## Findings\n\n### Important\n\n1. **Title** (`a.py:3`) — see `{span}`.\n"
    review = parse_review(text, seat="s", known_files=known)
    return review.findings[0].locations[1:]


CHANGE = ("src/app/main.py", "scripts/release", ".ci/deploy.yml", "a.py")


@pytest.mark.parametrize(
    ("span", "known"),
    [
        ("skyward-labs/cloud-login@v3", ()),  # an action at its ref
        ("skyward-labs/cloud-login/setup@0b1c2d3", ()),  # an action in a folder of its repo
        ("@skyward/http-kit", ()),  # a scoped package
        ("@skyward/http-kit@2.1.0", ()),
        ("golang.org/x/sync", ()),  # a module path
        ("github.com/skyward/kit/retry", ()),
        ("example.com/docs/setup", ()),  # an address without its scheme
        ("skyward-labs/cloud-login", CHANGE),  # neither a file nor a folder of the change
        ("lodash/fp", CHANGE),
    ],
)
def test_names_of_no_file(span: str, known: tuple[str, ...]) -> None:
    assert _places(span, known) == ()


@pytest.mark.parametrize(
    ("span", "known", "place"),
    [
        ("src/app", CHANGE, Location("src/app")),  # a folder of the change
        ("app/main", ("src/app/main/x.py",), Location("app/main")),  # a folder, partly named
        ("scripts/release", CHANGE, Location("scripts/release")),  # a file of the change
        ("tools/build", (), Location("tools/build")),  # the change not known: as written
        # a folder beside the change's, in a tree it has files in
        ("tests/integration", ("tests/unit/a.py",), Location("tests/integration")),
        ("docs/logo@2x.png", CHANGE, Location("docs/logo@2x.png")),  # a file by its extension
        ("deploy/Dockerfile", CHANGE, Location("deploy/Dockerfile")),  # by its name
        ("tools/build:12", CHANGE, Location("tools/build", 12)),  # by its line
        ("golang.org/x/sync", ("golang.org/x/sync",), Location("golang.org/x/sync")),
    ],
)
def test_files_and_folders_stay_places(span: str, known: tuple[str, ...], place: Location) -> None:
    assert _places(span, known) == (place,)
