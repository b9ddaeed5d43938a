"""A mailing-list reply to a patch: the patch quoted in `> ` lines, the reviewer's comments
between the quoted parts. Each comment naming a fault (or giving a level: `Nit:`) is a finding
about the quoted lines above it: counted from the hunk header up to the first comment, the file
alone below it (the reviewer trims the patch between comments), its own place when it names
one. A comment ending `This needs fixing.` is critical. Before, only a comment naming its own
line was read. A question between quoted parts stays prose; a fix asked for later is no
critical; a review with headings that quotes a hunk in a finding keeps its explanation as is.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import levels_and_places, parsed_by_cli

REPLY = """Comments inline.

> --- a/export/writer.py
> +++ b/export/writer.py
> @@ -10,6 +10,9 @@ def export(rows, path):
> +    out = open(path, "a")
> +    for row in rows:

Appending here is a bug: a second export writes every row twice. This needs fixing.

> +        out.write(fmt(row))

Why not `csv.writer` here?

> +    return len(rows)

Nit: the handle is never closed.

Thanks!
"""


def test_comments_on_a_quoted_patch_are_findings(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, REPLY)
    assert levels_and_places(parsed) == [
        ("critical", "export/writer.py", 10),
        ("suggestion", "export/writer.py", None),
    ], parsed["warnings"]
    assert parsed["findings"][0]["locations"][0]["end"] == 11


FOLLOW_UP = """> --- a/export/writer.py
> +++ b/export/writer.py
> @@ -10,6 +10,9 @@ def export(rows, path):
> +    out = open(path, "a")

Appending here is a bug: a second export writes every row twice. This needs fixing in a
follow-up.
"""


def test_a_fix_for_later_is_no_critical(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, FOLLOW_UP)
    assert levels_and_places(parsed) == [("important", "export/writer.py", 10)], parsed["warnings"]


HEADED = """## Important Issues

### I1: the handle is never closed
> +++ b/export/writer.py
> @@ -10,6 +10,9 @@ def export(rows, path):
> +    out = open(path, "a")

The handle leaks when `fmt` raises.
"""


def test_a_review_with_headings_quoting_a_hunk_stays_as_it_is(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, HEADED)
    assert [f["title"] for f in parsed["findings"]] == ["the handle is never closed"]
    assert parsed["findings"][0]["body"].endswith("\n\nThe handle leaks when `fmt` raises.")
