"""Secret redaction applied to everything we write: prompts, transcripts, logs, reports."""

from __future__ import annotations

import contextlib
import json
import re
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, AnyStr, BinaryIO, Final

from deepreview.atomicfile import replace_bytes, replacing
from deepreview.store.write_error import store_error

# Whole name segments only: ANTHROPIC_AUTH_TOKEN and OPENAI_API_KEY are secrets, GIT_AUTHOR_NAME
# and KEYBOARD_LAYOUT are not.
_SECRET_NAME = re.compile(
    r"(?:^|_)(?:[A-Z]*KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|CREDENTIALS?|AUTH|PAT|COOKIE)(?:_|$)",
    re.I,
)
# Locations, not secrets: masking them would garble paths in transcripts.
_NOT_SECRET_SUFFIXES: Final = ("_SOCK", "_PATH", "_DIR", "_FILE")
MASK: Final = "[REDACTED]"
_PATTERNS: Final = [
    re.compile(r"sk-ant-[A-Za-z0-9_\-]{20,}"),
    re.compile(r"sk-(?:proj-)?[A-Za-z0-9_\-]{20,}"),
    re.compile(r"gh[pousr]_[A-Za-z0-9]{30,}"),
    re.compile(r"github_pat_[A-Za-z0-9_]{40,}"),
    re.compile(r"(?:AKIA|ASIA)[0-9A-Z]{16}"),
    re.compile(r"AIza[0-9A-Za-z_\-]{35}"),
    re.compile(r"xox[abprs]-[A-Za-z0-9\-]{10,}"),
    re.compile(r"npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])"),  # npm access tokens
    re.compile(r"(?i)bearer\s+[A-Za-z0-9._\-]{20,}"),
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", re.S),
]
# Secrets inside a URL, masked in place so that the URL still reads: a URL's password
# (`postgres://app:[REDACTED]@db/app`, also `redis://:pw@cache`) and a Slack webhook's path
# (`https://hooks.slack.com/services/[REDACTED]`). A reference to a password (`${DB_PASSWORD}`,
# `{{ pw }}`, `<pw>`) or a mask already there is left alone. Each starts with a literal (`://`,
# which the regex engine finds fast) and each piece is bounded: a long line reads in linear time.
_IN_URLS: Final = [
    re.compile(
        r"""(?P<head>://[^\s:/@"'`<>]{0,256}:)(?![$\[{<%])[^\s/@"'`<>]{1,256}(?=@[\w.\[-])"""
    ),
    re.compile(r"(?P<head>hooks\.slack\.com/(?:services|workflows|triggers)/)[\w-][\w/-]*"),
    # An AWS secret access key has no shape of its own (40 base64 characters): its name marks
    # it, as a credentials file, `.env` or `aws sts` JSON writes it (the JSON quotes may come
    # escaped, inside a transcript's string). Its access key ID is a known shape (`AKIA…`).
    re.compile(
        r"""(?i)(?P<head>secret_?access_?key(?:\\?["'])?[ \t]*[:=][ \t]*(?:\\?["'])?)"""
        r"[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])"
    ),
    # HTTP Basic credentials are `user:password` in base64, no shape of their own: the header
    # marks them. actions/checkout keeps the job's token so in the repository's config
    # (`extraheader=AUTHORIZATION: basic …`), which a seat can read with `git config --list`.
    re.compile(
        r"""(?i)(?P<head>authorization(?:\\?["'])?[ \t]*[:=][ \t]*(?:\\?["'])?basic[ \t]+)"""
        r"[A-Za-z0-9+/]{8,}={0,2}(?![A-Za-z0-9+/=])"
    ),
]
# What a text must hold for the `_IN_URLS` patterns to find anything in it (`Redactor.data`).
_IN_PLACE_HINT: Final = re.compile(rb"://|hooks\.slack|(?i:secret_?access_?key)|(?i:authorization)")
_IN_URL_MASK: Final = r"\g<head>" + MASK
READ_BYTES: Final = 1 << 20  # read at a time when a file is redacted as text (`Redactor.file`)
# How far past a `-----BEGIN ` line a file redacted as text is held back waiting for its
# `-----END `: a private key is a few KB; a BEGIN never ended is let go past this.
_KEY_HOLD: Final = 1 << 20
_BEGIN: Final = b"-----BEGIN "
_END: Final = b"-----END "
# JSON keys whose values are commit or content hashes: never secrets, and masking one (a flagged
# hex value that happens to be part of the base SHA) would make run.json unloadable.
_HASH_KEY = re.compile(r"(?:^|_)sha(?:256)?s?$")
_MIN_VALUE_LEN: Final = 8


def mask_shapes(text: str) -> str:
    """`text` with every secret of a known shape (`_PATTERNS`) masked: what any run masks,
    whatever its environment."""
    for pattern in _PATTERNS:
        text = pattern.sub(MASK, text)
    for pattern in _IN_URLS:
        text = pattern.sub(_IN_URL_MASK, text)
    return text


def index_name(name: str) -> str:
    """A branch's name, or a series key (`branch:<name>`), as the store index keeps and matches
    it: a token of a known shape masked, as run.json and the reports show the name. Only the
    shapes, not the run's environment values: the key must be the same in every run, or a
    series would split."""
    return mask_shapes(name)


def is_secret_name(name: str) -> bool:
    """Whether an environment variable of this name holds a secret (API key, token, ...)."""
    return bool(_SECRET_NAME.search(name)) and not name.upper().endswith(_NOT_SECRET_SUFFIXES)


class Redactor:
    def __init__(
        self,
        env: Mapping[str, str],
        also: Iterable[tuple[str, str]] = (),
        values: Iterable[str] = (),
    ) -> None:
        """Masks the values of `env`'s secret-named variables, of the `(name, value)` pairs
        in `also` (the variables a config sets in a seat's `env`, which the process
        environment does not hold), and `values` (the secrets the reviewed change adds,
        `change_secrets`)."""
        pairs = [*env.items(), *also]
        found = {v for k, v in pairs if is_secret_name(k)} | set(values)
        self._lock = threading.Lock()
        self.extended = False  # add() taught it values beyond the environment's and change's
        self._set({v for v in found if len(v) >= _MIN_VALUE_LEN})

    def _set(self, values: set[str]) -> None:
        # Longest first so a value that contains another is masked whole.
        self._values = sorted(values, key=len, reverse=True)
        self._bvalues = [v.encode() for v in self._values]
        # Many values (a change assigning thousands of tokens): found by their first
        # characters in one pass over the text, not one search of the whole text each.
        many = len(self._values) > _MANY_VALUES
        self._index = _prefix_index(self._values) if many else None
        self._bindex = _prefix_index(self._bvalues) if many else None
        # A value of several lines (a key in an environment variable) is only found whole.
        self._blines = [v for v in self._bvalues if b"\n" in v]

    def add(self, values: Iterable[str]) -> bool:
        """Also mask these values (a seat flagged them as secrets); True if any was new.

        Values shorter than 8 characters are ignored: masking them would garble ordinary text.
        """
        new = {v for v in values if len(v) >= _MIN_VALUE_LEN} - set(self._values)
        if not new:
            return False
        with self._lock:  # seats finish on several threads
            self._set(set(self._values) | new)
            self.extended = True
        return True

    def text(self, text: str) -> str:
        if self._index is not None:
            text = _masked(text, self._index, MASK)
        else:
            for value in self._values:
                text = text.replace(value, MASK)
        return mask_shapes(text)

    def name(self, text: str) -> str:
        """`text` for a name (a review ID, its folder and file names): each secret `text`
        masks replaced by `redacted`, a word such a name can hold."""
        return self.text(text).replace(MASK, "redacted")

    def json(self, data: Any) -> Any:
        """A copy of JSON-ready `data` with every string value redacted (keys kept).

        Done on the values, not on the dumped text: a value with a quote or a backslash is
        escaped in the text and would no longer match."""
        if isinstance(data, str):
            return self.text(data)
        if isinstance(data, dict):
            return {
                k: v if isinstance(k, str) and _HASH_KEY.search(k) else self.json(v)
                for k, v in data.items()
            }
        if isinstance(data, list | tuple):
            return [self.json(v) for v in data]
        return data

    def json_text(self, text: str) -> str:
        """A JSON document's text redacted on its values (`json`), written as `to_json` writes
        (two-space indent, a final newline); text that is no JSON is redacted as text."""
        try:
            data = json.loads(text)
        except ValueError:
            return self.text(text)
        return json.dumps(self.json(data), indent=2, ensure_ascii=False, allow_nan=False) + "\n"

    def data(self, data: bytes) -> bytes:
        if self._bindex is not None:
            data = _masked(data, self._bindex, MASK.encode())
        else:
            for value in self._bvalues:
                data = data.replace(value, MASK.encode())
        if any(
            p in data
            for p in (
                b"sk-",
                b"gh",
                b"AKIA",
                b"ASIA",
                b"AIza",
                b"xox",
                b"npm_",
                b"earer",
                b"PRIVATE KEY",
            )
        ) or _IN_PLACE_HINT.search(data):
            decoded = mask_shapes(data.decode("utf-8", errors="surrogateescape"))
            data = decoded.encode("utf-8", errors="surrogateescape")
        return data

    def json_file(self, path: Path) -> None:
        """Rewrite the JSON document at `path` in place through `json` (a small record)."""
        if not path.is_file():
            return
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.file(path)  # not a readable record: masked as text, as any other file
            return
        text = json.dumps(self.json(data), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
        try:
            replace_bytes(path, text.encode("utf-8"))
        except OSError as exc:
            raise store_error("write", path, exc) from exc

    def file(self, path: Path) -> None:
        """Rewrite `path` in place (files can be hundreds of MB): a JSON file (a transcript's
        `.jsonl`, one JSON value a line) line by line, as a secret in a JSON string is on one
        line and a mask across lines would break the values between; any other (a stderr log,
        plain text) as whole text, read `READ_BYTES` at a time, so that a secret of several
        lines (a private key) is masked too.

        If the file cannot be read, or the redacted copy cannot be written (a full disk), the
        unredacted original is deleted, since it may hold secrets, and StoreError is raised.
        """
        if not path.exists():
            return
        by_line = bool({".json", ".jsonl"} & set(path.suffixes))
        try:
            src = path.open("rb")
        except OSError as exc:
            # Unread, it cannot be redacted: not left behind, as it may hold the secret.
            with contextlib.suppress(OSError):
                path.unlink()
            raise store_error("read", path, exc) from exc
        try:
            # Not flushed to the disk before the rename: the file may be hundreds of MB.
            with src, replacing(path, durable=False) as dst:
                if by_line:
                    for line in src:
                        dst.write(self.data(line))
                else:
                    self._copy_text(src, dst)
        except OSError as exc:
            with contextlib.suppress(OSError):
                path.unlink()  # the redacted copy is gone already
            raise store_error("write", path, exc) from exc

    def _copy_text(self, src: BinaryIO, dst: BinaryIO) -> None:
        """`src` redacted into `dst` as whole text: what is read is written up to a cut that
        no secret can span (`_cut`), the rest kept for the next read."""
        held = b""
        while block := src.read(READ_BYTES):
            text = held + block
            cut = self._cut(text)
            dst.write(self.data(text[:cut]))
            held = text[cut:]
        dst.write(self.data(held))

    def _cut(self, text: bytes) -> int:
        """Where `text` (read, not yet written) may be cut: at a line's start, before a
        private key whose END is not read yet and before a multi-line value that may go on
        past the cut. A line or a key's block longer than `_KEY_HOLD` is cut anyway."""
        cut = text.rfind(b"\n") + 1
        if cut == 0:
            return len(text) if len(text) > _KEY_HOLD else 0
        begin = text.rfind(_BEGIN, 0, cut)
        if begin >= 0 and text.find(_END, begin, cut) < 0 and len(text) - begin < _KEY_HOLD:
            cut = text.rfind(b"\n", 0, begin) + 1
        for value in self._blines:
            # an occurrence started before the cut and not ended by it
            for start in range(max(0, cut - len(value) + 1), cut):
                if value.startswith(text[start:cut]):
                    cut = text.rfind(b"\n", 0, start) + 1
                    break
        return cut


_MANY_VALUES: Final = 64


def _prefix_index(values: list[AnyStr]) -> dict[AnyStr, list[AnyStr]]:
    """`values` (longest first, each at least `_MIN_VALUE_LEN` long) by their first
    `_MIN_VALUE_LEN` characters, each list longest first."""
    index: dict[AnyStr, list[AnyStr]] = {}
    for value in values:
        index.setdefault(value[:_MIN_VALUE_LEN], []).append(value)
    return index


def _masked(text: AnyStr, index: dict[AnyStr, list[AnyStr]], mask: AnyStr) -> AnyStr:
    """Every occurrence of an indexed value replaced by `mask`, left to right, the longest
    value starting at a place first (as the longest-first replacement of few values)."""
    parts: list[AnyStr] = []
    last = i = 0
    end = len(text) - _MIN_VALUE_LEN
    while i <= end:
        for value in index.get(text[i : i + _MIN_VALUE_LEN], ()):
            if text.startswith(value, i):
                parts += [text[last:i], mask]
                i = last = i + len(value)
                break
        else:
            i += 1
    if not parts:
        return text
    parts.append(text[last:])
    return text[:0].join(parts)


# A finding about a committed secret, by its title: "Hard-coded API key", "Possible secret
# committed: AWS Access Key", "Password in plain text", "Backup passphrase committed".
_SECRET_TITLE = re.compile(
    r"\b(?:secrets?|credentials?|api[ _-]?keys?|access[ _-]?keys?|private[ _-]?keys?|"
    r"passwords?|passphrases?|passwd|tokens?)\b",
    re.IGNORECASE,
)
_STRING_LITERAL = re.compile(r"""(?P<q>["'`])(?P<body>(?:\\.|(?!(?P=q)).)*)(?P=q)""")
# `KEY=value`, `key: value` without quotes (.env, YAML).
_ASSIGNED = re.compile(r"""[=:]\s*(?P<value>[^\s"'`#,;]+)\s*(?:[#;,].*)?$""")


def flags_secret(title: str) -> bool:
    """Does a finding with this title say that a secret is committed?"""
    return bool(_SECRET_TITLE.search(title))


# `Password=…;` among a connection string's pairs (`Server=db;User Id=sa;Password=…;`), a URL
# query's or a line's: each pair's value, read apart.
_PAIR = re.compile(r"(?:^|[;&?\s])(?P<key>[A-Za-z][\w .-]{0,40}?)\s*=\s*(?P<value>[^;&\s\"'`]+)")
# The key a literal is given to: `password: "…"`, `"Authorization": "…"`, `PASSWORD = "…"`.
_KEY_BEFORE = re.compile(r"""(?P<key>[A-Za-z_][\w.-]*)["'`]?\s*(?:=|:|=>|:=)\s*$""")
# Key names that hold a secret beside those `is_secret_name` knows (`Pwd=` in a connection
# string, an `Authorization` header, a backup's passphrase).
_SECRET_KEY = re.compile(r"(?:^|_)(?:PWD|AUTHORIZATION|PASSPHRASE)(?:_|$)", re.I)
# A literal that refers to a secret instead of holding one: `${DB_PASSWORD}`, `{{ pw }}`, `%s`.
_REFERENCE = re.compile(r"\$\{|\{\{|%\(?\w*\)?s\b|^<[^>]*>$")


def _secret_key(key: str) -> bool:
    name = re.sub(r"\W+", "_", key.strip())
    return is_secret_name(name) or bool(_SECRET_KEY.search(name))


def _pair_values(text: str) -> list[str]:
    """The values of `text`'s `key=value` pairs whose key names a secret."""
    return [
        m["value"]
        for m in _PAIR.finditer(text)
        if _secret_key(m["key"]) and _token_like(m["value"])
    ]


def secret_candidates(line: str) -> list[str]:
    """The values on a source line that a finding flagged as a secret.

    String literals, else the value of an unquoted assignment; only token-like values (8+
    characters, no spaces, at least one digit) — `"localhost"` or a variable name is
    not a credential, and masking it would garble the report. Inside a literal or a line, the
    value of each `key=value` pair whose key names a secret (`Password=…;` in a connection
    string, where the server's name stays); and a literal given to a key that names a secret
    (`"Authorization": "Basic …"`, `passphrase: "four words and 42"`) is one whole, spaces
    and all, with its token-like words.
    """
    literals = list(_STRING_LITERAL.finditer(line))
    values: list[str] = []
    for m in literals:
        body = m["body"]
        values.extend([body] if _token_like(body) else [])
        values.extend(_pair_values(body))
        key = _KEY_BEFORE.search(line[: m.start()])
        if key and _secret_key(key["key"]) and _spaced_secret(body):
            values.append(body)
            values.extend(w for w in body.split() if _token_like(w))
    if not literals:
        assigned = _ASSIGNED.search(line)
        values.extend([assigned["value"]] if assigned and _token_like(assigned["value"]) else [])
        values.extend(_pair_values(line))
    return list(dict.fromkeys(values))


def _spaced_secret(value: str) -> bool:
    """A literal of several words that may be a secret: long enough, not a reference."""
    return (
        len(value.strip()) >= _MIN_VALUE_LEN
        and MASK not in value
        and "…" not in value
        and not _REFERENCE.search(value.strip())
    )


def _token_like(value: str) -> bool:
    return (
        len(value) >= _MIN_VALUE_LEN
        and not any(c.isspace() for c in value)
        and any(c.isdigit() for c in value)
        and MASK not in value
        and "…" not in value
    )
