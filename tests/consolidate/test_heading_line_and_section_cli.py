"""Through the real `deep-review consolidate`: one reviewer places a remark on a section's first
line (its heading), another on the whole section. Both point at the section; a careful lead
reads the heading line as the section it heads, so the same remark in other words is one
finding. A different remark at the heading (a typo in it) stays apart: the place is where both
looked, not what they said."""

from __future__ import annotations

from pathlib import Path

from support.consolidating import consolidated_findings

_REVIEW = """## Findings

### Suggestions

1. **{title}** — `{where}` (suggestion, enhancement)

   {body}
"""

WHOLE_SECTION = _REVIEW.format(
    title="Make the host setup notes easier to find for Podman users",
    where="docs/engines/docker.md:20-52",
    body=(
        "The new **Host setup** section explains the socket permissions and the `newuidmap` "
        "helper, which the Podman engine needs just as much. Podman users will not think to "
        "read the Docker page. Move the section to a shared installation page and link to it "
        "from `docker.md` and `podman.md`."
    ),
)


def test_a_remark_on_the_heading_line_is_the_sections_remark(tmp_path: Path) -> None:
    heading = _REVIEW.format(
        title="Engine-wide host requirements sit on the Docker engine page",
        where="docs/engines/docker.md:20",
        body=(
            "Podman needs the same setup, yet a Podman user has no reason to look here. The "
            "installation page is the natural home; leave a short pointer behind."
        ),
    )
    found = consolidated_findings(tmp_path, {"claude": heading, "gemini": WHOLE_SECTION})
    assert [sorted(f["reviewers"]) for f in found] == [["Claude", "Gemini"]], found


def test_another_remark_on_the_heading_stays_apart(tmp_path: Path) -> None:
    typo = _REVIEW.format(
        title="The heading spells the tool `Dokcer`",
        where="docs/engines/docker.md:20",
        body="A typo in the new heading; the rest of the page spells it correctly.",
    )
    found = consolidated_findings(tmp_path, {"claude": typo, "gemini": WHOLE_SECTION})
    assert sorted(sorted(f["reviewers"]) for f in found) == [["Claude"], ["Gemini"]], found
