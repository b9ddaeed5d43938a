"""Trial 45b, defect 12: a private key is masked in every stored file, its seat's stderr log
too. The key's pattern spans lines and logs were redacted line by line, so a seat that wrote
the prompt (or part of the diff) to stderr left the key in clear in `stderr-<seat>-pass-N.log`
while the stored prompt masked it. Logs and other plain text are now redacted as whole text;
JSON files (transcripts, one JSON value a line) stay line by line. Through the real command."""

from __future__ import annotations

import json
from pathlib import Path

from deepreview.store.redact import READ_BYTES, Redactor
from fakebin.harness import grep_store
from support.repos import cli_env, commit_all, git, make_repo, run_cli, write

KEY_LINES = (
    "MIIEowIBAAKCAQEAuniqueprivkeymaterialLINE1xxxxxxxxxxxxxxxxxxxxxxxx",
    "QWERTYprivkeyLINE2yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy",
)
KEY = (
    "-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join(KEY_LINES) + "\n-----END RSA PRIVATE KEY-----\n"
)
# Writes what it is asked (the prompt, the diff with the key) to stderr, as a verbose tool may.
ECHOER = ["sh", "-c", "cat >&2; echo '## Findings'; echo; echo 'No issues found.'"]


def test_a_private_key_a_seat_writes_to_stderr_is_masked_in_its_log(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "keys")
    write(repo, "id_rsa", KEY)
    commit_all(repo, "add key")
    (tmp_path / "user-config.toml").write_text(f"[seats.echoer]\nargv = {json.dumps(ECHOER)}\n")
    res = run_cli(
        ["review", "--agents", "echoer", "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    out = res.json()
    review_dir = Path(out["review_dir"])
    assert grep_store(Path(out["store"]), list(KEY_LINES)) == []
    log = (review_dir / "stderr-echoer-pass-1.log").read_text()
    # masked, not dropped: the rest of what the seat wrote is kept
    assert "+[REDACTED]" in log and "## Ground rules" in log


def test_a_key_across_the_read_boundary_and_a_multi_line_value_are_masked(
    tmp_path: Path,
) -> None:
    value = "line-one-of-a-secret\nline-two-of-it"
    redactor = Redactor({"SERVICE_PASSWORD": value})
    log = tmp_path / "stderr.log"
    # The key straddles the end of the file's first read, the value the end of its second.
    line = "progress line\n"
    first = line * ((READ_BYTES - 100) // len(line))
    room = 2 * READ_BYTES - 10 - len(first) - len(KEY) - len("then ")
    middle = line * (room // len(line)) + "." * (room % len(line))
    log.write_text(f"{first}{KEY}{middle}then {value} and more\n{first}")
    assert len(first) < READ_BYTES < len(first) + len(KEY)
    assert len(first + KEY + middle + "then ") == 2 * READ_BYTES - 10
    redactor.file(log)
    text = log.read_text()
    assert not any(k in text for k in KEY_LINES)
    assert value not in text and "line-two-of-it" not in text
    assert text.count("[REDACTED]") == 2
    assert text.count("progress line") == (2 * len(first) + room) // len(line)

    # A transcript's JSON lines stay line by line: a BEGIN mentioned in one event and an END in
    # a later one mask nothing between them.
    jsonl = tmp_path / "transcript.jsonl"
    events = [
        {"text": "the file starts with -----BEGIN RSA PRIVATE KEY-----"},
        {"text": "unrelated"},
        {"text": "and ends with -----END RSA PRIVATE KEY-----"},
    ]
    jsonl.write_text("".join(json.dumps(e) + "\n" for e in events))
    redactor.file(jsonl)
    assert [json.loads(ln) for ln in jsonl.read_text().splitlines()] == events
