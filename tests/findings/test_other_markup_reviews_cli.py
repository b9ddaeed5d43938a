"""A review written in a markup other than Markdown is read as the Markdown it stands for:
org-mode headlines with priority cookies (`** TODO [#A] Title`), reStructuredText titles and
field lists (`Title` + `~~~~~`, `:Severity: major`), a table drawn with box characters, a
definition list (`term` + `: **Critical.** text`). Before, each read no finding (a failed seat,
or a clean one). The same shapes where they are something else stay so: a Markdown `* TODO:`
bullet, a `~~~` fence and a `Title` + `---` heading, a box diagram in a code block, one `: `
line in prose.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.read_findings import levels_and_places, parsed_by_cli

ORG = """* Review of the upload change
** TODO [#A] Uploads are written outside the upload folder
   =upload/save.py:14= joins the client's file name unchecked, so =../= escapes the folder.
** TODO [#C] The size limit has no unit
   In =upload/config.py= line 3, ~MAX~ could say it counts bytes.
** DONE The tests cover an empty upload
   Good.
"""

RST = """Review
======

Findings
--------

Unchecked file name
~~~~~~~~~~~~~~~~~~~

:Severity: critical
:File: ``upload/save.py``
:Line: 14

The client's file name is joined unchecked, so ``../`` escapes the folder.

Size limit unit
~~~~~~~~~~~~~~~

:Severity: minor
:File: ``upload/config.py``
:Line: 3

``MAX`` could say it counts bytes.
"""

BOXED = """Findings:

┌──────────┬──────────────────┬────────────────────────────────┐
│ Severity │ Location         │ Issue                          │
├──────────┼──────────────────┼────────────────────────────────┤
│ HIGH     │ upload/save.py:14│ The client's file name is      │
│          │                  │ joined unchecked.              │
├──────────┼──────────────────┼────────────────────────────────┤
│ LOW      │ upload/config.py:3 │ `MAX` could say its unit.    │
└──────────┴──────────────────┴────────────────────────────────┘
"""

DEFINED = """Two findings.

`upload/save.py:14`
: **Critical.** The client's file name is joined unchecked, so `../` escapes
  the upload folder.

`upload/config.py:3`
: **Minor.** `MAX` could say it counts bytes.
"""

EXPECTED = [("critical", "upload/save.py", 14), ("suggestion", "upload/config.py", 3)]


@pytest.mark.parametrize("text", [ORG, RST, BOXED, DEFINED], ids=["org", "rst", "boxed", "defs"])
def test_a_review_in_other_markup_is_read(tmp_path: Path, text: str) -> None:
    parsed = parsed_by_cli(tmp_path, text)
    assert levels_and_places(parsed) == EXPECTED, parsed["warnings"]
    assert not parsed["unread_findings"]


MARKDOWN = """## Summary

Adds uploads.

Findings
--------

### Critical Issues

- `upload/save.py:14` joins the client's file name unchecked.

* TODO: a later change could add a virus scan.

Flow:
~~~~~~~~
┌──────────┬──────────┬──────────────────────┐
│ Severity │ Location │ Issue                │
├──────────┼──────────┼──────────────────────┤
│ HIGH     │ a.py:9   │ the client retries   │
└──────────┴──────────┴──────────────────────┘
~~~~~~~~

The rest, `upload/save.py:30` included, is as before.
: nothing else to fix there.
"""


def test_the_same_shapes_in_markdown_stay_as_they_are(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, MARKDOWN)
    assert levels_and_places(parsed) == [("critical", "upload/save.py", 14)]
