"""Trial tc61, defect 5: a Claude seat's tokens are its whole session's, sub-agents included,
as its cost is.

Claude Code's `result.usage` counts the main agent's own requests; `modelUsage` counts the
session's per model — a Task sub-agent's (here on Haiku) too — and `total_cost_usd` is summed
from it. The fake `claude` (tests/fakebin/fake_agent.py) prints such a stream.
"""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import review_stream

REVIEW = "## Executive Summary\n\nFine.\n\n## Findings\n\nNo issues found.\n"


def _assistant(block: dict[str, object], parent: str | None = None) -> dict[str, object]:
    message = {"id": "m", "model": "claude-sonnet-4-5", "content": [block]}
    return {"type": "assistant", "message": message, "parent_tool_use_id": parent}


def test_tokens_count_the_sub_agents_as_the_cost_does(tmp_path: Path) -> None:
    task = {"type": "tool_use", "id": "task", "name": "Task", "input": {"prompt": "read"}}
    read = {"type": "tool_use", "id": "r", "name": "Read", "input": {"file_path": "/w/a.py"}}
    main = {"inputTokens": 1500, "cacheReadInputTokens": 500, "outputTokens": 300,
            "costUSD": 0.1}  # fmt: skip
    sub = {"inputTokens": 150000, "cacheReadInputTokens": 50000, "cacheCreationInputTokens": 0,
           "outputTokens": 9000, "costUSD": 0.3}  # fmt: skip
    result = {
        "type": "result", "subtype": "success", "is_error": False, "result": REVIEW,
        "total_cost_usd": 0.4,
        "usage": {"input_tokens": 1500, "cache_read_input_tokens": 500,
                  "cache_creation_input_tokens": 0, "output_tokens": 300},
        "modelUsage": {"claude-sonnet-4-5": main, "claude-haiku-4-5": sub},
    }  # fmt: skip
    events = [
        {"type": "system", "subtype": "init", "model": "claude-sonnet-4-5"},
        _assistant(task),
        _assistant(read, parent="task"),
        _assistant({"type": "text", "text": REVIEW}),
        result,
    ]
    res = review_stream(tmp_path, "claude", events)
    assert res.returncode == 0, res.stderr
    out = res.json()
    (seat,) = out["seats"]
    assert (seat["tokens_in"], seat["tokens_out"], seat["cost_usd"]) == (202000, 9300, 0.4)
    report = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert "| Tokens | 202000 in, 9300 out |" in report
