#!/usr/bin/env python3
"""A stand-in `claude` CLI for a seat that is slow and costly *according to its transcript*.

Installed as the `binary` of a seat with `kind = "claude"`, so the real Claude adapter runs it
and parses what it prints. It swallows the prompt and prints Claude's stream-json events:
init with the model, one assistant message with the review in `pricey.review.md` next to it,
and a result event reporting a long run (`duration_ms`), many tokens and a high cost. It
returns at once: the slowness is what the transcript says, not wall-clock time.
Standard library only.
"""

from __future__ import annotations

import json
import sys
import uuid
from pathlib import Path

MODEL = "claude-opus-4-6"
DURATION_MS = 600_000
COST_USD = 1.5
TOKENS_IN = 200_000
TOKENS_OUT = 30_000


def emit(obj: dict) -> None:  # type: ignore[type-arg]
    sys.stdout.write(json.dumps(obj) + "\n")


def main() -> int:
    if "--version" in sys.argv[1:]:
        print("2.1.197 (Claude Code)")
        return 0
    sys.stdin.read()
    review = (Path(sys.argv[0]).parent / "pricey.review.md").read_text(encoding="utf-8")
    sid = str(uuid.uuid4())
    usage = {"input_tokens": TOKENS_IN, "output_tokens": TOKENS_OUT}
    emit({"type": "system", "subtype": "init", "session_id": sid, "model": MODEL, "tools": []})
    emit(
        {
            "type": "assistant",
            "message": {
                "id": "msg_pricey",
                "type": "message",
                "role": "assistant",
                "model": MODEL,
                "content": [{"type": "text", "text": review}],
                "usage": usage,
            },
            "session_id": sid,
        }
    )
    emit(
        {
            "type": "result",
            "subtype": "success",
            "is_error": False,
            "duration_ms": DURATION_MS,
            "num_turns": 1,
            "result": review,
            "session_id": sid,
            "total_cost_usd": COST_USD,
            "usage": usage,
            "permission_denials": [],
        }
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
