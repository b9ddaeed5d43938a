"""A scripted model server for driving real coding-agent CLIs in tests.

Stdlib only, loopback only. It speaks enough of the Anthropic Messages API, the OpenAI Responses
API and the Gemini generateContent API to play a protocol-neutral script::

    from scripted_server import ScriptedServer, Step, Shell, ReadFile

    script = [Step.tools([Shell("git log --oneline -1")]), Step.tools([ReadFile("README.md")]),
              Step.text("## Executive Summary\\nLooks fine.")]
    with ScriptedServer(script) as srv:
        ...  # ANTHROPIC_BASE_URL=srv.url, GOOGLE_GEMINI_BASE_URL=srv.url, base_url=srv.url + "/v1"
        srv.turns()  # what each client asked and which step it got

Manual use: `PYTHONPATH=tests python -m scripted_server --help`.
"""

from __future__ import annotations

from scripted_server.protocols import Usage
from scripted_server.script import (
    DEFAULT_REVIEW,
    Fault,
    ReadFile,
    Search,
    Shell,
    Step,
    WriteFile,
    default_script,
    script_from_json,
)
from scripted_server.server import RequestRecord, ScriptedServer
from scripted_server.wire import ToolUse

__all__ = [
    "DEFAULT_REVIEW",
    "Fault",
    "ReadFile",
    "RequestRecord",
    "ScriptedServer",
    "Search",
    "Shell",
    "Step",
    "ToolUse",
    "Usage",
    "WriteFile",
    "default_script",
    "script_from_json",
]
