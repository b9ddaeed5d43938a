"""One code-fence definition: the review parser, consolidation features and the lead's answer
reader agree on where code starts and ends."""

from __future__ import annotations

from deepreview.consolidate.features import fenced_code, strip_fences
from deepreview.findings.code_lines import ends_inside_fence, fence_mask
from deepreview.lead.answer import extract_json
from deepreview.markdown_fence import code_blocks, fence_for, opening

TEXT = """Intro.

  ````go
  x := "```"
  ````

Between ``` `not a fence` ``` words.

~~~
a
```
b
~~~
After.
"""


def test_every_user_sees_the_same_two_blocks() -> None:
    lines = TEXT.split("\n")
    mask = fence_mask(lines)
    assert [i for i, m in enumerate(mask) if m] == [2, 3, 4, 8, 9, 10, 11, 12]
    assert [b.body for b in code_blocks(TEXT)] == ['  x := "```"\n', "a\n```\nb\n"]
    assert fenced_code(TEXT) == '  x := "```"\na\n```\nb'
    prose = strip_fences(TEXT)
    assert "x :=" not in prose and "After." in prose and "not a fence" in prose


def test_backtick_info_string_with_a_backtick_does_not_open() -> None:
    assert opening("``` `code` ```") is None
    assert opening("~~~ `ok`") is not None
    assert opening("   ```python") is not None


def test_unclosed_fence_is_a_cut_off_review() -> None:
    lines = ["Text", "```diff", "+ x"]
    assert ends_inside_fence(lines, fence_mask(lines))
    assert [b.closed for b in code_blocks("\n".join(lines))] == [False]


def test_lead_answer_in_a_longer_fence() -> None:
    text = 'Here:\n````json\n{"decisions": ["```"]}\n````\nDone.'
    found = extract_json(text)
    assert found is not None and found[0] == {"decisions": ["```"]}


def test_fence_for_is_longer_than_any_run_inside() -> None:
    assert fence_for("plain") == "```"
    assert fence_for("a ```` b") == "`````"
