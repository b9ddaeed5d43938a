"""A seat's sections the report has no place of its own for (trial 52 #6). Able's `## Open
Questions` was only in the appendix, and nothing said it was left out; its `## Acknowledged
Limitations` reached the report with no reviewer credit, while every other section names who
said what. Now a seat's open questions are the report's Open Questions section, each seat's
credited; the limitations are credited; any other section of a seat is named in the run notes
as kept only in the appendix."""

from __future__ import annotations

from pathlib import Path

from deepreview.findings.report_parse import parse_report
from support.printing_seats import review_printed

FINDINGS = (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
    "### Suggestions\n\nNone.\n\n"
)
ABLE = (
    FINDINGS + "## Acknowledged Limitations\n\n"
    "The commit message says negative amounts are not validated yet.\n\n"
    "## Open Questions\n\n"
    "1. Should `divide` by zero return `None` or raise?\n\n"
    "## Deployment Notes\n\nRoll this out behind the `calc_v2` flag.\n"
)
CALM = FINDINGS + "## Questions for the Author\n\n- Is `shout` meant for non-ASCII text?\n"


def test_open_questions_and_limitations_are_credited_and_nothing_is_dropped_silently(
    tmp_path: Path,
) -> None:
    res, out, report = review_printed(tmp_path, {"able": ABLE, "calm": CALM})
    assert res.returncode == 0, res.stderr[-2000:]
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    body = md.split("## Appendix")[0]
    questions = body.split("## Open Questions")[1].split("\n---")[0].strip()
    assert questions == (
        "1. Should `divide` by zero return `None` or raise? [Able]\n\n"
        "- Is `shout` meant for non-ASCII text? [Calm]"
    )
    assert report["limitations"] == (
        "The commit message says negative amounts are not validated yet. [Able]"
    )
    assert [s["title"] for s in report["extra_sections"]] == ["Open Questions"]
    note = "Able's “Deployment Notes” section is in the appendix only"
    assert any(n.startswith(note) for n in report["notes"]), report["notes"]
    assert note in body
    assert "calc_v2" not in body  # the section itself is not in the report's body
    back = parse_report(md)
    assert [s.title for s in back.extra_sections] == ["Open Questions"]
    html = Path(out["paths"]["html"]).read_text(encoding="utf-8")
    assert "Is <code>shout</code> meant for non-ASCII text?" in html
