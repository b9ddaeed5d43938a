#!/usr/bin/env python3
"""A fake `gh` that is logged in and forwards `gh api` to the fake GitHub at $FAKE_GITHUB_URL.

    gh auth status                               -> exit 0 (logged in)
    gh api PATH [--method M] [--input -]          -> the request, answered like gh does:
                                                    the JSON body on stdout; on an HTTP error
                                                    also `gh: MESSAGE (HTTP NNN)` on stderr, exit 1
    gh api graphql -f query=Q [-f|-F K=V]         -> POST /graphql {query, variables}; GraphQL
        [--hostname H]                              errors: `gh: MESSAGE` on stderr, exit 1

As real `gh`, a request goes to `--hostname`, else $GH_HOST, else github.com. With
$FAKE_GH_HOST set (the host the fake GitHub plays, a GitHub Enterprise), a request for any other
host is answered as that host would answer a stranger: `gh: Bad credentials (HTTP 401)`.

It sends what real `gh` would (the method, the path, the JSON from stdin) with its own token,
so a test can compare the requests of the `gh` path with those of the HTTPS path.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.request
from pathlib import Path


def main(argv: list[str]) -> int:
    if argv[:1] == ["auth"]:
        return 0
    if argv[:1] != ["api"] or len(argv) < 2:
        print(f"fake gh: unsupported {argv}", file=sys.stderr)
        return 2
    path = argv[1]
    if path == "graphql":
        return _graphql(argv[2:])
    method = "GET"
    data = None
    host = None
    rest = argv[2:]
    while rest:
        flag = rest.pop(0)
        if flag in ("--method", "-X"):
            method = rest.pop(0)
        elif flag == "--hostname":
            host = rest.pop(0)
        elif flag == "--input":
            source = rest.pop(0)
            data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
        else:
            print(f"fake gh: unsupported flag {flag}", file=sys.stderr)
            return 2
    if not _serves(host):
        return 1
    url = f"{os.environ['FAKE_GITHUB_URL'].rstrip('/')}/{path.lstrip('/')}"
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Authorization", "Bearer gh-cli-token")
    req.add_header("User-Agent", "GitHub CLI (fake)")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            sys.stdout.write(resp.read().decode("utf-8"))
            return 0
    except urllib.error.HTTPError as exc:
        body = exc.read().decode("utf-8")
        sys.stdout.write(body)
        try:
            message = json.loads(body).get("message", "")
        except ValueError:
            message = ""
        print(f"gh: {message} (HTTP {exc.code})", file=sys.stderr)
        return 1


def _serves(host: str | None) -> bool:
    """Whether the request reaches the fake GitHub (else `gh`'s 401 is printed)."""
    played = os.environ.get("FAKE_GH_HOST")
    asked = host or os.environ.get("GH_HOST") or "github.com"
    if played and asked != played:
        sys.stdout.write('{"message": "Bad credentials"}')
        print("gh: Bad credentials (HTTP 401)", file=sys.stderr)
        return False
    return True


def _graphql(rest: list[str]) -> int:
    query = ""
    variables: dict[str, object] = {}
    host = None
    while rest:
        flag = rest.pop(0)
        if flag == "--hostname":
            host = rest.pop(0)
            continue
        if flag not in ("-f", "-F"):
            print(f"fake gh: unsupported flag {flag}", file=sys.stderr)
            return 2
        key, _, value = rest.pop(0).partition("=")
        if key == "query":
            query = value
        else:
            variables[key] = int(value) if flag == "-F" and value.isdigit() else value
    if not _serves(host):
        return 1
    url = f"{os.environ['FAKE_GITHUB_URL'].rstrip('/')}/graphql"
    data = json.dumps({"query": query, "variables": variables}).encode("utf-8")
    req = urllib.request.Request(url, data=data, method="POST")
    req.add_header("Authorization", "Bearer gh-cli-token")
    req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            text = resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        sys.stdout.write(exc.read().decode("utf-8"))
        print(f"gh: HTTP {exc.code}", file=sys.stderr)
        return 1
    sys.stdout.write(text)
    errors = json.loads(text).get("errors")
    if errors:
        print(f"gh: {errors[0].get('message', 'error')}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
