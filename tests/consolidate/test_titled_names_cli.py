"""Through the real `deep-review consolidate --format json`: a terse bullet whose title is a code
name ("missing client_max_body_size") beside a finding a few lines away that explains the same
name's failure in other words ("Uploads above one megabyte never reach Flask", blaming nginx's
default `client_max_body_size`) is one finding (`consolidate/titled_names.py`, found on merge
cases 76-80). Near-misses stay two: the same name at another block forty lines on (each block
needs its own fix), a one-word name (`limit`, as often English as code), and a name the bullet
gives beside a finding graded two levels apart.
"""

from __future__ import annotations

from pathlib import Path

from support.consolidating import ONE, TWO, bullet_finding, heading_finding, reviewer_sets

_UPLOADS = heading_finding(
    "Uploads above one megabyte never reach Flask",
    "The server block sets no body size, so nginx keeps its default `client_max_body_size` of "
    "1m and answers 413 to every photo before the app sees it.",
    "deploy/nginx.conf:9-13",
)
_ZERO = heading_finding(
    "Gradients are never zeroed between batches",
    "Nothing calls `opt.zero_grad()` inside the loop, so every `backward()` adds to the "
    "gradients of all earlier batches and the steps grow without bound.",
    "train/loop.py:12-13",
)


def _reviewers(tmp: Path, claude: str, codex: str) -> list[list[str]]:
    return reviewer_sets(tmp, {"claude": claude, "codex": codex})


def test_a_bullet_naming_the_setting_and_its_failure_told_in_words_are_one(
    tmp_path: Path,
) -> None:
    bullet = bullet_finding("deploy/nginx.conf:9", "missing client_max_body_size")
    assert _reviewers(tmp_path, _UPLOADS, bullet) == ONE


def test_a_bullet_naming_the_missing_call_a_few_lines_up_is_the_same_finding(
    tmp_path: Path,
) -> None:
    bullet = bullet_finding("train/loop.py:9", "missing opt.zero_grad() in the loop")
    assert _reviewers(tmp_path, _ZERO, bullet) == ONE


def test_the_same_name_at_another_block_forty_lines_on_is_another_finding(
    tmp_path: Path,
) -> None:
    bullet = bullet_finding("deploy/nginx.conf:52", "missing client_max_body_size")
    assert _reviewers(tmp_path, _UPLOADS, bullet) == TWO


def test_a_one_word_name_is_not_the_claim(tmp_path: Path) -> None:
    told = heading_finding(
        "Exports above the page size are cut short",
        "The handler reads `limit` from the query string and never pages past it, so a large "
        "export silently ends at the first page.",
        "api/export.py:20-24",
    )
    bullet = bullet_finding("api/export.py:21", "`limit` has no upper bound")
    assert _reviewers(tmp_path, told, bullet) == TWO


def test_a_name_beside_a_finding_graded_two_levels_apart_is_not_the_claim(
    tmp_path: Path,
) -> None:
    nit = (
        "## Findings\n\n### Suggestions\n\n"
        "- **S1** `deploy/nginx.conf:10` — client_max_body_size could use a comment\n"
    )
    critical = _UPLOADS.replace("### Important Issues", "### Critical Issues").replace(
        "#### I1.", "#### C1."
    )
    assert _reviewers(tmp_path, critical, nit) == TWO
