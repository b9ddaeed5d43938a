"""Through the real `deep-review consolidate` (reviews alone, no code at hand): one finding
quoting a function's head, another quoting a call to it further down the same file, both naming
one more code name and telling one consequence, are one problem told at the callee and at the
caller (`quoted_sites.quoted_definition_and_call`), as a careful lead reads it off the quotes.
Not when the caller's finding tells something else there, nor when the call is quoted in
another file (a function of that name may be another one)."""

from __future__ import annotations

from pathlib import Path

from support.consolidating import consolidated_findings

CALLEE = """## Findings

### Suggestions

S1. **`find_section` misses a header with trailing blanks** — `conf/writer.py:12` (suggestion, gap)

```python
def find_section(lines, header):
    return lines.index(header) if header in lines else -1
```

A line such as `[server]  ` never equals `header`, so the lookup reports no section at all.
"""

CALLER = """## Findings

### Important Issues

I1. **{title}** — `{path}:48-49` (important, regression)

```python
pos = find_section(text.split("\\n"), header)
if pos < 0: text += render(header, values)
```

{body}
"""

SAME = (
    "Section written twice when its heading has trailing blanks",
    "When the `header` line in the user's file ends in blanks the lookup comes back empty, and"
    " the writer appends another block, so the file now holds two copies of the section.",
)
OTHER = (
    "Values are rendered without escaping",
    "`render` writes each value as is: a value holding a newline starts a new key, so one"
    " setting can inject another. The `header` text is passed through the same way.",
)


def _count(tmp_path: Path, told: tuple[str, str], path: str = "conf/writer.py") -> int:
    title, body = told
    caller = CALLER.format(title=title, path=path, body=body)
    return len(consolidated_findings(tmp_path, {"claude": CALLEE, "codex": caller}))


def test_the_callee_and_its_caller_telling_one_consequence_are_one(tmp_path: Path) -> None:
    assert _count(tmp_path, SAME) == 1


def test_the_caller_telling_another_problem_stays_apart(tmp_path: Path) -> None:
    assert _count(tmp_path, OTHER) == 2


def test_the_call_quoted_in_another_file_stays_apart(tmp_path: Path) -> None:
    assert _count(tmp_path, SAME, path="conf/loader.py") == 2
