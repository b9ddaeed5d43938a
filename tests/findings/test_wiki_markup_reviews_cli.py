"""A review written in Jira's wiki markup (`h3. Critical`, `{{path}}`, `{code}` blocks) or in
AsciiDoc (`== Findings`, `=== Blocker: title`, `[source,go]` + `----` blocks) is read as the
Markdown it stands for. Before, each read no finding: Jira's as a clean review, AsciiDoc's as a
failed seat. A Markdown review with a Markdown heading, a `{{ template }}` span, a `----` rule
and one line led by `== ` stays as it is (each pass's guard: the review must be in its markup).
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import levels_and_places, parsed_by_cli

JIRA = """h2. Review of the export change

h3. Critical
* {{export/writer.py}} line 14: the file is opened in append mode, so a second export
  duplicates every row.

h3. Minor
* {{export/names.py}} line 3: *unused* constant {{SEP}}.

{code:python}
with open(path, "w") as out:
    write(out)
{code}
"""

ASCIIDOC = """= Review of the export change
:toc:

== Findings

=== Blocker: a second export duplicates every row

`export/writer.py`, line 14. The file is opened in append mode.

[source,python]
----
with open(path, "w") as out:
    write(out)
----

=== Minor: unused constant

`export/names.py`, line 3. `SEP` is never read.
"""

EXPECTED = [("critical", "export/writer.py", 14), ("suggestion", "export/names.py", 3)]


def test_a_jira_review_is_read(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, JIRA)
    assert levels_and_places(parsed) == EXPECTED, parsed["warnings"]
    assert not parsed["unread_findings"]
    assert "`SEP`" in parsed["findings"][1]["title"]


def test_an_asciidoc_review_is_read(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, ASCIIDOC)
    assert levels_and_places(parsed) == EXPECTED, parsed["warnings"]
    assert not parsed["unread_findings"]
    assert "append mode" in parsed["findings"][0]["body"]


MARKDOWN = """# Review of the export change

## Critical Issues

### C1: a second export duplicates every row
`export/writer.py:14` opens the file in *append* mode; the template renders `{{ rows }}` twice.

## Suggestions

### S1: unused constant
`export/names.py:3` defines `SEP` and never reads it.

----

== is used where `is` was meant in `export/names.py:3`, which is harmless here.
"""


def test_a_markdown_review_with_their_marks_stays_as_it_is(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, MARKDOWN)
    assert levels_and_places(parsed) == EXPECTED, parsed["warnings"]
    assert [f["title"] for f in parsed["findings"]] == [
        "a second export duplicates every row",
        "unused constant",
    ]
    assert "in *append* mode" in parsed["findings"][0]["body"]
    assert "{{ rows }}" in parsed["findings"][0]["body"]
