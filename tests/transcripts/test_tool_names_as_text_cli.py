"""Trial tc61, defect 7: a tool name is the model's word, shown in the retro as text.

A model may call a tool that does not exist ("No such tool available"); the call is in the
stream and counted, under the name it gave. The fake `claude` (tests/fakebin/fake_agent.py)
prints calls named like a Markdown link, and with a backtick.
"""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import review_stream

REVIEW = "## Executive Summary\n\nFine.\n\n## Findings\n\nNo issues found.\n"
NAMES = ("[x](https://evil.example)", "mcp__srv__t`x", "Read")


def test_model_chosen_tool_names_are_no_markdown(tmp_path: Path) -> None:
    events: list[dict[str, object]] = [{"type": "system", "subtype": "init", "model": "m"}]
    for n, name in enumerate(NAMES):
        use = {"type": "tool_use", "id": f"t{n}", "name": name, "input": {}}
        answer = {"type": "tool_result", "tool_use_id": f"t{n}", "is_error": True,
                  "content": f"<tool_use_error>Error: No such tool available: {name}"}  # fmt: skip
        events += [
            {"type": "assistant", "message": {"id": f"m{n}", "content": [use]}},
            {"type": "user", "message": {"content": [answer]}},
        ]
    text = {"type": "text", "text": REVIEW}
    events += [
        {"type": "assistant", "message": {"id": "m9", "content": [text]}},
        {"type": "result", "subtype": "success", "is_error": False, "result": REVIEW},
    ]
    res = review_stream(tmp_path, "claude", events)
    assert res.returncode == 0, res.stderr
    paths = res.json()["paths"]
    report = Path(paths["md"]).read_text(encoding="utf-8")
    line = next(ln for ln in report.splitlines() if ln.startswith("**Tool call highlights**"))
    assert "`[x](https://evil.example)`" in line, line
    assert "`` mcp__srv__t`x ``" in line, line
    assert " 1 Read" in line  # a plain tool name reads as before
    assert 'href="https://evil.example' not in Path(paths["html"]).read_text(encoding="utf-8")
