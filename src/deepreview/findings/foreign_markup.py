"""A review written in a markup other than Markdown, read as the Markdown it stands for, before
anything else reads it: reStructuredText (`rst_review`), org-mode (`org_review`), a table drawn
with box characters (`box_tables`), a definition list (`definition_lists`), review comments
written into a diff (`diff_annotations`), a heading's level tag in the review's language
(`heading_tags`), Jira's wiki markup (`jira_review`), AsciiDoc (`asciidoc_review`), a CSV
findings block (`csv_tables`), an HTML fragment (`html_review`), Aider's edit blocks as fixes
(`search_replace`), comments on a patch quoted in a mail (`quoted_patch`), a line keying the
circles with no `Legend:` label (`legend_lines`). Each pass changes nothing in a review without
its markup; all keep the lines in number, so every place in the text stays where it was."""

from __future__ import annotations

from deepreview.findings.asciidoc_review import asciidoc_as_markdown
from deepreview.findings.box_tables import box_tables_as_pipes
from deepreview.findings.csv_tables import csv_blocks_as_pipes
from deepreview.findings.definition_lists import definitions_as_items
from deepreview.findings.diff_annotations import diff_notes_as_items
from deepreview.findings.heading_tags import heading_tags_in_english
from deepreview.findings.html_review import html_as_markdown
from deepreview.findings.jira_review import jira_as_markdown
from deepreview.findings.legend_lines import legends_labelled
from deepreview.findings.org_review import org_as_markdown
from deepreview.findings.quoted_patch import quoted_patch_comments
from deepreview.findings.rst_review import rst_as_markdown
from deepreview.findings.search_replace import edit_blocks_as_fixes


def as_markdown(text: str) -> str:
    """`text` (one review, `\\n` line ends) with any other markup rewritten as Markdown;
    `text` itself when it has none."""
    lines = text.split("\n")
    out = definitions_as_items(box_tables_as_pipes(org_as_markdown(rst_as_markdown(lines))))
    out = diff_notes_as_items(heading_tags_in_english(out))
    out = csv_blocks_as_pipes(asciidoc_as_markdown(jira_as_markdown(out)))
    out = quoted_patch_comments(edit_blocks_as_fixes(html_as_markdown(out)))
    out = legends_labelled(out)
    return text if out is lines else "\n".join(out)
