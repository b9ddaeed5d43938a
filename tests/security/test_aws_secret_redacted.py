"""Trial tc61, defect 4: an AWS secret access key a seat's tool printed (a credentials file,
`aws sts assume-role` JSON) is masked in every stored file, as its access key ID is.

The secret has no shape of its own (40 base64 characters): its name marks it. The fake `codex`
(tests/fakebin/fake_agent.py) prints a stream whose commands read both.
"""

from __future__ import annotations

import json
from pathlib import Path

from deepreview.store.redact import mask_shapes
from fakebin.harness import review_stream

SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
SESSION_SECRET = "Zq9+u2Kd81LmN0pQrStUvWxYz0123456789ABCDe"
FILE = f"[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = {SECRET}\n"
STS = json.dumps(
    {"Credentials": {"AccessKeyId": "ASIAIOSFODNN7EXAMPLE", "SecretAccessKey": SESSION_SECRET}}
)
REVIEW = "## Executive Summary\n\nFine.\n\n## Findings\n\nNo issues found.\n"


def _command(n: int, command: str, output: str) -> dict[str, object]:
    item = {"id": f"c{n}", "type": "command_execution", "command": command,
            "aggregated_output": output, "exit_code": 0, "status": "completed"}  # fmt: skip
    return {"type": "item.completed", "item": item}


def test_aws_secret_access_keys_in_tool_output_are_never_stored(tmp_path: Path) -> None:
    events = [
        {"type": "thread.started"},
        {"type": "turn.started"},
        _command(0, "cat ~/.aws/credentials", FILE),
        _command(1, "aws sts assume-role --role-arn x", STS),
        {"type": "item.completed", "item": {"id": "m", "type": "agent_message", "text": REVIEW}},
        {"type": "turn.completed", "usage": {"input_tokens": 1, "output_tokens": 1}},
    ]
    res = review_stream(tmp_path, "codex", events)
    assert res.returncode == 0, res.stderr
    folder = Path(res.json()["review_dir"])
    leaks = [
        f"{path.name}: {what[:6]}…"
        for path in sorted(folder.parent.rglob("*"))
        if path.is_file()
        for what in (SECRET, SESSION_SECRET)
        if what.encode() in path.read_bytes()
    ]
    assert not leaks
    stored = (folder / "transcript-codex-pass-1.jsonl").read_text(encoding="utf-8")
    assert "aws_secret_access_key = [REDACTED]" in stored  # the name kept, the value masked


def test_the_name_alone_or_a_reference_is_left_as_it_is() -> None:
    text = (
        "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}\n"
        'AWS_SECRET_ACCESS_KEY: "[REDACTED]"\nread aws_secret_access_key from the vault\n'
    )
    assert mask_shapes(text) == text
    assert mask_shapes(f"AWS_SECRET_ACCESS_KEY={SECRET} next") == (
        "AWS_SECRET_ACCESS_KEY=[REDACTED] next"
    )
