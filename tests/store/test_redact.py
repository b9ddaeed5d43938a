"""Secret redaction: which environment variables count as secrets, and token patterns."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from deepreview.store.redact import MASK, Redactor

ENV = {
    "ANTHROPIC_AUTH_TOKEN": "tok-anthropic-123456",
    "OPENAI_API_KEY": "openai-key-abcdef",
    "MY_SERVICE_TOKEN": "svc-token-987654",
    "GIT_AUTHOR_NAME": "Test Author",
    "GIT_AUTHOR_EMAIL": "author@example.com",
    "SSH_AUTH_SOCK": "/tmp/ssh-agent.sock",
    "HOME": "/home/someone",
    "SHORT_TOKEN": "abc",
}


def test_secret_variables_are_masked_and_others_kept() -> None:
    r = Redactor(ENV)
    text = " ".join(ENV.values())
    out = r.text(text)
    for name in ("ANTHROPIC_AUTH_TOKEN", "OPENAI_API_KEY", "MY_SERVICE_TOKEN"):
        assert ENV[name] not in out
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "SSH_AUTH_SOCK", "HOME", "SHORT_TOKEN"):
        assert ENV[name] in out
    assert out.count(MASK) == 3


def test_token_patterns_without_env() -> None:
    r = Redactor({})
    samples = [
        "sk-ant-api03-" + "a" * 40,
        "sk-proj-" + "b" * 40,
        "ghp_" + "c" * 36,
        "AKIAIOSFODNN7EXAMPLE",
        "AIza" + "d" * 35,
        "xoxb-1234567890-abcdef",
        "npm_" + "f1" * 18,
        "Authorization: Bearer " + "e" * 32,
        "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----",
    ]
    for sample in samples:
        assert MASK in r.text(f"x {sample} y"), sample
        assert MASK.encode() in r.data(f"x {sample} y".encode()), sample
    assert r.text("nothing secret here") == "nothing secret here"


def test_file_redaction_streams_and_keeps_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_bytes(b'{"a": "openai-key-abcdef"}\n\xff\xfe raw\n')
    Redactor(ENV).file(path)
    data = path.read_bytes()
    assert b"openai-key-abcdef" not in data and MASK.encode() in data
    assert b"\xff\xfe raw" in data


def test_json_masks_string_values_but_keeps_keys_and_hashes(tmp_path: Path) -> None:
    """run.json and seat-result.json: a value with a quote is masked (the dumped text would
    hold it escaped), and a hash field stays loadable even if a flagged value is part of it."""
    r = Redactor({})
    r.add(['ab"cd1234', "0123456789abcdef"])
    sha = "0123456789abcdef0123456789abcdef01234567"
    data = {
        "target": {"base_sha": sha, "commits": [{"sha": sha, "subject": 'key ab"cd1234'}]},
        "file_sha256": {"a.md": sha},
        'ab"cd1234': 3,
        "n": None,
    }
    out = r.json(data)
    assert out["target"]["commits"][0] == {"sha": sha, "subject": f"key {MASK}"}
    assert out["target"]["base_sha"] == sha and out["file_sha256"] == {"a.md": sha}
    assert out['ab"cd1234'] == 3 and out["n"] is None
    path = tmp_path / "run.json"
    path.write_text(json.dumps(data))
    r.json_file(path)
    assert json.loads(path.read_text()) == out


def test_json_text_masks_a_flagged_value_a_dumped_document_escapes() -> None:
    """A seat's parsed review, the lead's answer and the PR threads are stored as JSON text: a
    flagged value with a quote or backslash is escaped there, and masking the text missed it."""
    r = Redactor({})
    r.add(['pa"ss\\word99'])
    document = json.dumps({"body": 'DB_PASSWORD = "pa"ss\\word99"', "n": 1}, indent=2) + "\n"
    assert 'pa\\"ss\\\\word99' in document and r.text(document) == document
    out = r.json_text(document)
    assert json.loads(out) == {"body": f'DB_PASSWORD = "{MASK}"', "n": 1}
    assert out.endswith("}\n")
    # not JSON (a lead that answered prose): masked as text
    assert r.json_text('key pa"ss\\word99') == f"key {MASK}"


def _builtin_calls(work: Callable[[], object]) -> int:
    """How many builtin calls `work` makes (deterministic, unlike a timing)."""
    calls = 0

    def profile(_frame: object, event: str, _arg: object) -> None:
        nonlocal calls
        calls += event == "c_call"

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return calls


def test_many_values_cost_what_the_text_is_long_not_one_pass_each() -> None:
    # A change assigning 20,000 tokens (a fixtures file, a bundle): each stored string was
    # searched once per value, minutes for a report of a few thousand strings.
    values = [f"tok-{i:06d}-secretvalue" for i in range(10_000)]
    r = Redactor({}, values=values)
    text = 'a = "tok-000042-secretvalue" and tok-009999-secretvalue, not tok-0000'
    out = r.text(text)
    assert out == f'a = "{MASK}" and {MASK}, not tok-0000'
    data = r.data(text.encode())
    assert data == out.encode()
    assert _builtin_calls(lambda: r.text(text)) < 1_000
    assert _builtin_calls(lambda: r.data(text.encode())) < 1_000


def test_with_many_values_the_longest_at_a_place_is_masked_whole() -> None:
    values = [f"k{i:07d}" for i in range(200)] + ["k0000001-and-more-of-it"]
    r = Redactor({}, values=values)
    assert r.text("x k0000001-and-more-of-it k0000002 k000") == f"x {MASK} {MASK} k000"
