"""`PYTHONPATH=tests python -m scripted_server [--script FILE] [--log FILE] [--fail-first N]`.

Serves until Ctrl-C and prints the environment each CLI needs to talk to it.
"""

from __future__ import annotations

import argparse
import json
import threading
from pathlib import Path

from scripted_server.script import Fault, default_script, script_from_json
from scripted_server.server import ScriptedServer


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m scripted_server", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free)")
    parser.add_argument(
        "--script",
        type=Path,
        help='JSON: [{"tools":[{"shell":"git log"}]}, '
        '{"tools":[{"read":"README.md"}]}, {"text":"..."}]',
    )
    parser.add_argument("--root", help="absolute repo path, for clients whose read tool needs one")
    parser.add_argument("--log", type=Path, help="append one JSON line per request here")
    parser.add_argument(
        "--fail-first",
        type=int,
        default=0,
        metavar="N",
        help="answer the first N model requests with --fail-status",
    )
    parser.add_argument("--fail-status", type=int, default=500)
    args = parser.parse_args()

    script = (
        script_from_json(json.loads(args.script.read_text(encoding="utf-8")))
        if args.script
        else default_script()
    )
    faults = [Fault.http(args.fail_status, times=args.fail_first)] if args.fail_first else []
    srv = ScriptedServer(script, faults=faults, root=args.root, log_path=args.log, port=args.port)
    srv.start()
    print(f"scripted model server on {srv.url}")
    print(f"  claude:   ANTHROPIC_BASE_URL={srv.url} ANTHROPIC_API_KEY=any")
    print(f"  gemini:   GOOGLE_GEMINI_BASE_URL={srv.url} GEMINI_API_KEY=any")
    print(
        f"  codex:    -m gpt-5.5 -c 'model_providers.mock.base_url=\"{srv.url}/v1\"' "
        "-c 'model_providers.mock.name=\"mock\"' "
        "-c 'model_providers.mock.wire_api=\"responses\"' -c 'model_provider=\"mock\"'"
    )
    print(f"  opencode: OPENAI_BASE_URL={srv.url}/v1 OPENAI_API_KEY=any, -m openai/gpt-5.5")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        srv.stop()


if __name__ == "__main__":
    main()
