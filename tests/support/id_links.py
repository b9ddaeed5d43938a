"""A Markdown report's text without the finding anchors and ID links the renderer adds
(`markdown_idlinks`), for tests about what the report says rather than how it links."""

from __future__ import annotations

from deepreview.markdown_idlinks import unlink_ids


def without_id_links(md: str) -> str:
    return "\n".join(unlink_ids(md.split("\n")))
