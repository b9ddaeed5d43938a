"""`publish --dry-run` where GitHub cannot be reached: it refuses as the real run would (one
line, exit 5), and its advice is to try the dry run again, never to publish for real: the
user asked to see what would be sent, not to send it."""

from __future__ import annotations

import json
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from publish.scenario import review, setup
from support.fake_github import FakeGitHub
from support.repos import run_cli

pytestmark = pytest.mark.slow  # a real review first


@pytest.fixture(scope="module")
def offline_review(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], str]:
    """A stored PR review whose GitHub is gone (nothing listens at GITHUB_API_URL any more),
    one for every test here: a publication that cannot reach GitHub sends and stores nothing."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path_factory.mktemp("offline"), gh)
        res = review(fakes, clone, env)
        assert res.returncode == 0, res.stderr
    return clone, env, res.json()["review_id"]


@pytest.mark.parametrize("extra", [(), ("--inline",)])
def test_a_dry_run_that_cannot_reach_github_says_to_dry_run_again(
    offline_review: tuple[Path, dict[str, str], str], extra: tuple[str, ...]
) -> None:
    clone, env, rid = offline_review
    # the server is gone: nothing listens at GITHUB_API_URL any more
    res = run_cli(["publish", rid, "--dry-run", *extra], cwd=clone, env=env)
    assert res.returncode == 5, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("deep-review: error: "), res.stderr
    assert "could not reach" in lines[0] and "connection refused" in lines[0], lines[0]
    again = f"`deep-review publish {rid}{''.join(' ' + a for a in extra)} --dry-run`"
    assert again in lines[0], lines[0]
    assert "nothing was sent" in lines[0].lower(), lines[0]
    assert res.stdout == ""
    as_json = run_cli(["publish", rid, "--dry-run", "--json", *extra], cwd=clone, env=env)
    assert as_json.returncode == 5, as_json.stderr
    doc = json.loads(as_json.stdout)
    assert doc["dry_run"] is True and doc["exit_code"] == 5
    assert again in doc["error"], doc


def test_publishing_when_github_cannot_be_reached_is_one_plain_line(
    offline_review: tuple[Path, dict[str, str], str],
) -> None:
    """Not Python's `<urlopen error [Errno 111] Connection refused>`: the host, what failed in
    words, what to check, and the documented exit 5 (the review stays stored)."""
    clone, env, rid = offline_review
    host = urllib.parse.urlsplit(env["GITHUB_API_URL"]).netloc
    res = run_cli(["publish", rid], cwd=clone, env=env)
    assert res.returncode == 5, res.stderr
    (line,) = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert f"could not reach {host}" in line and ": connection refused;" in line, line
    assert "check the network" in line and "GITHUB_API_URL" in line, line
    for raw in ("urlopen", "Errno", "<", "install and log in"):
        assert raw not in line, line


@contextmanager
def not_http() -> Iterator[str]:
    """A local port whose server answers every connection with a line that is not HTTP (as an
    SSH server or a wrong proxy port does); its URL."""
    server = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:  # closed: the test is over
                return
            with conn:
                conn.recv(4096)
                conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}"
    finally:
        # shutdown wakes the blocked accept (close alone does not, on Linux)
        server.shutdown(socket.SHUT_RDWR)
        server.close()
        thread.join()


def test_an_api_url_that_answers_no_http_is_one_line_not_a_traceback(
    offline_review: tuple[Path, dict[str, str], str],
) -> None:
    clone, env, rid = offline_review
    with not_http() as url:
        res = run_cli(["publish", rid], cwd=clone, env={**env, "GITHUB_API_URL": url})
    assert res.returncode == 5, res.stderr
    (line,) = [ln for ln in res.stderr.splitlines() if ln.strip()]
    host = urllib.parse.urlsplit(url).netloc
    assert f"could not reach {host}" in line and "its answer is not HTTP" in line, line
    assert "Traceback" not in res.stderr
