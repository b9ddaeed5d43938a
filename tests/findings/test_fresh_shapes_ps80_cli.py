"""Review shapes real agents write that were read wrongly or not at all (parse cases 99-104,
measured once before these rules), each read through `deep-review parse`, each beside a near
miss that must stay as it was:

- a level in a bracket on a line of its own closing a list item (`   [severity: high]`);
- a level as a hashtag closing an item among kind tags (`… loops forever #bug #major`);
- a level as an image named for it (Gemini Code Assist's `![medium](…/medium-priority.svg)`);
- reStructuredText with no field list: titles underlined with `~~~~`, code in ``double``
  backticks (the `~~~~` read as a Markdown fence swallowed the rest of the review);
- findings in the review's YAML front matter beside other keys;
- plain-text records `Where:` / `What:` / `Impact: High`, a value wrapped onto a second line.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import levels_and_places, parsed_by_cli, titles_of

NEXT_LINE = """## Findings

1. `jobs/queue.go:88` — `Pop` returns the element after truncating the slice, so a
   concurrent `Push` can overwrite it.
   [severity: high]

2. `jobs/queue.go:131` — the retry delay doubles without any cap.
   [Low]
"""


def test_a_level_bracket_on_the_items_last_line_is_its_level(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, NEXT_LINE)
    assert levels_and_places(parsed) == [
        ("critical", "jobs/queue.go", 88),
        ("suggestion", "jobs/queue.go", 131),
    ]
    assert not parsed["unrated"]


def test_a_bracket_of_other_words_on_its_own_line_is_no_level(tmp_path: Path) -> None:
    parsed = parsed_by_cli(
        tmp_path, NEXT_LINE.replace("[severity: high]", "[see above]").replace("[Low]", "")
    )
    assert parsed["findings"][0]["severity"] == "important"
    assert parsed["unrated"]


HASHTAGS = """Tagged so they can be filtered.

- `cron/parse.py:33` the day-of-week field rejects 7, but 0 and 7 both mean Sunday #bug #critical
- `cron/parse.py:71` a step of `*/0` loops forever instead of being rejected #major
- `cron/next_run.py:18` the docstring describes the old tuple return value #docs #nit
"""


def test_a_closing_level_hashtag_is_the_items_level(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, HASHTAGS)
    assert levels_and_places(parsed) == [
        ("critical", "cron/parse.py", 33),
        ("important", "cron/parse.py", 71),
        ("suggestion", "cron/next_run.py", 18),
    ]
    assert not any("#" in t for t in titles_of(parsed))
    # (the tag goes after the place that opens the item: the place is no words of the title)
    assert titles_of(parsed)[0].startswith("the day-of-week field rejects 7")


def test_hashtags_with_no_level_or_inside_the_text_stay_text(tmp_path: Path) -> None:
    text = HASHTAGS.replace("#bug #critical", "#bug").replace("#major", "(see #major-rework)")
    parsed = parsed_by_cli(tmp_path, text.replace("#docs #nit", "#docs"))
    assert "critical" not in [f["severity"] for f in parsed["findings"]]


GEMINI = """## Code Review

### `uploads/chunks.ts`

![critical](https://www.gstatic.com/codereviewagent/critical.svg)

Line 64: the chunk index comes from the client's header unchecked, so a client can write past
the end of the file.

![low](https://www.gstatic.com/codereviewagent/low-priority.svg)

Line 97: the retry loop could use a named constant for its delay.
"""


def test_a_level_image_opens_the_comment_below_it(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, GEMINI)
    assert levels_and_places(parsed) == [
        ("critical", "uploads/chunks.ts", 64),
        ("suggestion", "uploads/chunks.ts", 97),
    ]


def test_an_image_whose_file_names_no_level_is_no_tag(tmp_path: Path) -> None:
    text = GEMINI.replace("codereviewagent/critical.svg", "charts/latency.png")
    parsed = parsed_by_cli(tmp_path, text)
    assert "critical" not in [f["severity"] for f in parsed["findings"]]


RST = """Findings
--------

[HIGH] Lock released before the write is flushed
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~

``store/wal.py`` line 140: ``release()`` runs before ``fsync()``.

[LOW] Unused ``import os``
~~~~~~~~~~~~~~~~~~~~~~~~~~

``store/wal.py`` line 3.
"""


def test_rst_titles_underlined_with_tildes_are_headings(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, RST)
    assert levels_and_places(parsed) == [
        ("critical", "store/wal.py", 140),
        ("suggestion", "store/wal.py", 3),
    ]
    assert not any("unclosed code block" in w for w in parsed["warnings"])


MARKDOWN_TILDE_FENCE = """## Findings

- **[High]** `a.py:3` — the loop never ends:
~~~
while True:
    pass
~~~
"""


def test_a_markdown_tilde_fence_stays_a_fence(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, MARKDOWN_TILDE_FENCE)
    assert levels_and_places(parsed) == [("critical", "a.py", 3)]
    assert "while True:" in parsed["findings"][0]["body"]


FRONT_MATTER = """---
reviewer: local-model
verdict: request_changes
findings:
  - severity: high
    path: billing/invoice.py
    line: 57
    summary: Tax is rounded per line and again on the total
  - severity: low
    path: billing/invoice.py
    line: 102
    summary: "`format_amount` duplicates a library helper"
---

# Review

The rounding one reaches customers.
"""


def test_findings_in_yaml_front_matter_are_read(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, FRONT_MATTER)
    assert levels_and_places(parsed) == [
        ("critical", "billing/invoice.py", 57),
        ("suggestion", "billing/invoice.py", 102),
    ]


def test_front_matter_with_no_findings_key_is_no_findings(tmp_path: Path) -> None:
    text = "---\ntitle: Review\nauthor: bot\n---\n\nLooks good to me; no issues found.\n"
    parsed = parsed_by_cli(tmp_path, text)
    assert parsed["findings"] == []


RECORDS = """Problems found: 2.

Problem 1 of 2
Where: notify/email.py, lines 45-52
What: the template is rendered with autoescape off, so a display name holding HTML is
injected into the message body.
Impact: High

Problem 2 of 2
Where: notify/sms.py, line 9
What: the sender id is hard-coded; read it from settings.
Impact: Low
"""


def test_where_what_impact_records_are_read_with_the_impact_as_level(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, RECORDS)
    assert levels_and_places(parsed) == [
        ("critical", "notify/email.py", 45),
        ("suggestion", "notify/sms.py", 9),
    ]
    assert "injected into the message body" in parsed["findings"][0]["body"] + titles_of(parsed)[0]


def test_an_impact_told_in_words_is_no_level(tmp_path: Path) -> None:
    text = RECORDS.replace("Impact: High", "Impact: high memory use on large lists")
    parsed = parsed_by_cli(tmp_path, text)
    assert parsed["findings"][0]["severity"] != "critical"
