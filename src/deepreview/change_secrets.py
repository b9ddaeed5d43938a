"""Secrets a change writes into its own files, found by their place rather than their shape.

Redaction knows the shapes of common tokens (`store.redact`); a password or a client secret has
none. What gives it away is where it stands: assigned, as a literal, to a name that says it is a
secret (`DB_PASSWORD = "..."`, `"client_secret": "..."`, `api_key: ...`, `export STRIPE_KEY=...`),
between the lines of a PEM private key, or as the password of a URL (`scheme://user:pw@host`).

Pure text -> values, so that the pipeline's redactor (every stored file, from the first prompt
on) and the static seat (its "Hard-coded secret" findings) find the same values. Kept narrow on
purpose: a value found here is masked in every text the review stores, so ordinary code that
merely names a password (`password = form.get("password")`, `PASSWORD_MIN_LENGTH = 12`) or a
fixture's `"password": "test"` must not match.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Final

from deepreview.textlines import lines_of

MIN_LEN: Final = 8  # as `store.redact` masks: shorter values would garble ordinary text

# The name's last word says what the value is: `DB_PASSWORD`, `clientSecret`, `auth-token`.
# `PASSWORD_MIN_LENGTH`, `TOKEN_URL` or `password_field` end in another word: not a secret.
_STRONG_WORDS: Final = frozenset(
    {
        "secret", "secrets", "password", "passwd", "passwords", "pwd", "token", "apikey",
        "privatekey", "credential", "credentials", "auth", "pass", "passphrase",
    }
)  # fmt: skip
# `STRIPE_KEY`, `api_key`, `signingKey`: a key, when a word before says what of; `key` alone
# (a dict's key, an i18n key) is not (`_weak_name`).
_KEY_WORD: Final = "key"
_NOT_KEY_PREFIXES: Final = frozenset(
    {"primary", "foreign", "sort", "cache", "dict", "map", "lookup", "partition", "public", "pub",
     "unique", "composite", "idempotency", "row", "hash", "group", "order", "index", "i18n"}
)  # fmt: skip
_NAME: Final = r"""[A-Za-z_$@][\w.$@-]*"""
# name (maybe quoted), an assignment operator, then the value: a quoted literal followed by
# nothing that continues an expression, or a bare word up to the line's end (or a comment).
_ASSIGNMENT = re.compile(
    rf"""(?:^|(?<=[\s{{,(;\[]))(?:export\s+|ENV\s+)?(?P<nq>["']?)(?P<name>{_NAME})(?P=nq)\s*"""
    r"""(?P<op>:=|=>|\?=|=(?!=)|:(?!:))\s*"""
    r"""(?:(?P<q>["'`])(?P<lit>(?:\\.|(?!(?P=q))[^\\])*)(?P=q)\s*(?=$|[,;)}\]]|\#|//)"""
    r"""|(?P<bare>[^\s"'`#;,=][^\s"'`#;,]*)\s*(?:[#;].*)?$)"""
)
# A typed assignment (`password: str = "..."`, `const apiKey: string = '...'`): the type
# between the name and `=` hides it from `_ASSIGNMENT`. Each piece is bounded, and a name starts
# a word, so a long line is read in linear time.
_TYPED_ASSIGNMENT = re.compile(
    r"""(?<![\w.$@-])(?P<name>[A-Za-z_$][\w$]{0,80})\s{0,8}:\s{0,8}"""
    r"""[A-Za-z_][\w.]{0,80}(?:\[[\w.,| \[\]]{0,80}\])?\??\s{0,8}=(?![=>])\s{0,8}"""
    r"""(?P<q>["'`])(?P<lit>[^"'`\\]{1,400})(?P=q)"""
)
_PEM_BEGIN = re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----")
_PEM_END = re.compile(r"-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----")
_PEM_BODY = re.compile(rf"[A-Za-z0-9+/=]{{{MIN_LEN},}}")
_URL_USERINFO = re.compile(
    # The scheme starts a word (no retry at each of its letters: linear on a minified line).
    r"""(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,30}://(?P<user>[^\s:/@"'`<>]+):(?P<pw>[^\s/@"'`<>]+)@[\w.\[-]"""
)
# A bare word after `=`/`:` is a literal only in these (elsewhere it is a variable or a call).
_CONFIG_SUFFIXES: Final = frozenset(
    {".env", ".sh", ".bash", ".zsh", ".yaml", ".yml", ".ini", ".cfg", ".conf", ".properties",
     ".envrc", ".toml", ".npmrc", ".pypirc", ".netrc"}
)  # fmt: skip
_CONFIG_NAMES: Final = frozenset({"Dockerfile", "Containerfile", ".env", ".envrc", "Procfile"})
_PLACEHOLDER_WORDS: Final = (
    "changeme", "change_me", "change-me", "example", "placeholder", "your_", "your-", "yourpass",
    "dummy", "redacted", "xxx", "***", "...", "…", "replace", "insert", "todo", "fixme",
    "notasecret", "not-a-secret", "sample",
)  # fmt: skip
_REFERENCE = re.compile(
    r"""^\$|\$\{|\{\{|%\(|<[^>]*>|^%[A-Z_]+%$|environ|getenv|process\.env|^ENV\[|secrets\.|"""
    r"""^!|vault:|^ref\+|^arn:|^projects/""",
    re.I,
)
_DOTTED_NAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+")
_PREFILTER: Final = ("secret", "pass", "pwd", "token", "key", "auth", "cred", "://", "-----begin")


@dataclass(frozen=True)
class Hit:
    line: int  # 1-based, in the text scanned
    value: str
    kind: str  # "assignment" | "private key" | "url password"
    name: str = ""  # what an assignment assigns to (`DB_PASSWORD`)


def _words(name: str) -> list[str]:
    """`DB_PASSWORD` -> [db, password]; `clientSecret` -> [client, secret]; `db.password`."""
    words: list[str] = []
    for part in re.split(r"[^A-Za-z0-9]+", name):
        words += [w.lower() for w in _CAMEL.findall(part)] if part else []
    return words


def secret_name(name: str) -> bool:
    """Does this name say its value is a secret (its last word a secret's)?"""
    words = _words(name)
    if not words:
        return False
    last = words[-1]
    if last in _STRONG_WORDS:
        return True
    if len(words) >= 2 and words[-2:] in (["api", "key"], ["private", "key"], ["secret", "key"]):
        return True
    return _weak_name(words)


def _weak_name(words: list[str]) -> bool:
    return len(words) >= 2 and words[-1] == _KEY_WORD and words[-2] not in _NOT_KEY_PREFIXES


def _strong_name(name: str) -> bool:
    return secret_name(name) and not _weak_name(_words(name))


def looks_secret(value: str, *, strict: bool = False) -> bool:
    """A literal that may be a credential: 8+ characters without spaces, no placeholder or
    reference to one, mixing letters with digits or symbols. `strict` (a name that only says
    "key"): 16+ characters with letters and digits."""
    if len(value) < (16 if strict else MIN_LEN) or any(c.isspace() for c in value):
        return False
    if len(set(value)) <= 2 or _REFERENCE.search(value):
        return False
    low = value.lower()
    if any(word in low for word in _PLACEHOLDER_WORDS):
        return False
    if low.startswith(("/", "./", "../", "~/", "http://", "https://", "file:")):
        return False  # a path or an address, not a credential
    if _DOTTED_NAME.match(value) and not value.startswith("eyJ"):
        return False  # `network.AuthParameters_Credentials`: a name in code (a JWT is no name)
    letters = any(c.isalpha() for c in value)
    digits = any(c.isdigit() for c in value)
    if strict:
        return letters and digits
    upper = any(c.isupper() for c in value)
    lower = any(c.islower() for c in value)
    symbols = any(not c.isalnum() for c in value)
    return letters and (digits or (upper and lower and symbols))


def _is_config(path: str) -> bool:
    pure = PurePosixPath(path)
    return (
        pure.suffix.lower() in _CONFIG_SUFFIXES
        or pure.name in _CONFIG_NAMES
        or pure.name.startswith(".env")
    )


def _assigned(line: str, config: bool) -> Iterator[tuple[str, str]]:
    for m in _ASSIGNMENT.finditer(line):
        name = m["name"]
        if not secret_name(name):
            continue
        value = m["lit"]
        if value is None:
            bare = m["bare"]
            # A bare word is a variable or a call in code; a literal in a config file, in a
            # shell `export`, or after `:` in YAML-like text.
            if bare is None or not (config or line.lstrip().startswith("export ")):
                continue
            value = bare
        if looks_secret(value, strict=not _strong_name(name)):
            yield name, value
    for m in _TYPED_ASSIGNMENT.finditer(line):
        name, value = m["name"], m["lit"]
        if secret_name(name) and looks_secret(value, strict=not _strong_name(name)):
            yield name, value


def _url_passwords(line: str) -> Iterator[str]:
    for m in _URL_USERINFO.finditer(line):
        pw = m["pw"]
        if pw != m["user"] and looks_secret(pw):
            yield pw


def scan_lines(lines: list[str], path: str = "", wanted: frozenset[int] | None = None) -> list[Hit]:
    """The secrets on `lines` (a file's, 1-based numbers), only on the `wanted` lines if given
    (the lines a change adds). A private key's lines are each a value: a seat may quote one."""
    config = _is_config(path)
    hits: list[Hit] = []
    in_key = False
    for number, line in enumerate(lines, start=1):
        if wanted is not None and number not in wanted:
            in_key = False
            continue
        hits += _scan_line(number, line, config, in_key)
        in_key = _key_state(line, in_key)
    return hits


def _scan_line(number: int, line: str, config: bool, in_key: bool) -> list[Hit]:
    hits: list[Hit] = []
    begin = _PEM_BEGIN.search(line)
    if in_key or begin:
        # One line may hold the whole key (`"-----BEGIN ...\nMIIE...\n-----END ..."` in JSON).
        body = line[begin.end() :] if begin else line
        end = _PEM_END.search(body)
        body = body[: end.start()] if end else body
        if ":" not in body:  # `Proc-Type: 4,ENCRYPTED`, `Version: ...` are no key material
            for piece in re.split(r"\\n|\\r|\s", body):
                hits += [Hit(number, v, "private key") for v in _PEM_BODY.findall(piece)
                         if _random(v)]  # fmt: skip
        if in_key and not begin:
            return hits
    low = line.lower()
    if not any(word in low for word in _PREFILTER):
        return hits
    hits += [Hit(number, v, "assignment", name) for name, v in _assigned(line, config)]
    hits += [Hit(number, v, "url password") for v in _url_passwords(line)]
    return hits


def _random(piece: str) -> bool:
    """Base64 key material mixes cases or digits; a word in capitals (`ENCRYPTED`) does not."""
    return any(c.isdigit() for c in piece) or (piece.upper() != piece and piece.lower() != piece)


def _key_state(line: str, in_key: bool) -> bool:
    """Whether the lines after `line` are inside a private key block."""
    begin = _PEM_BEGIN.search(line)
    if begin:
        return not _PEM_END.search(line, begin.end())
    return in_key and not _PEM_END.search(line)


class _Side:
    """One side of a hunk scanned line by line as `scan_lines` scans its lines."""

    def __init__(self) -> None:
        self.config = False
        self.in_key = False
        self.number = 0

    def restart(self, path: str) -> None:
        self.config, self.in_key, self.number = _is_config(path), False, 0

    def take(self, line: str, found: dict[str, None]) -> None:
        self.number += 1
        for hit in _scan_line(self.number, line, self.config, self.in_key):
            found.setdefault(hit.value)
        self.in_key = _key_state(line, self.in_key)


def values_in_diff(diff: str) -> list[str]:
    """The secret values on every line a unified diff (`git diff`) shows, each once: the lines
    it adds first, then those it removes or shows as context. All of them are in the seats'
    prompt, so a seat may quote any (a removed password is still a password)."""
    values: dict[str, None] = {}
    shown: dict[str, None] = {}
    # Line by line, each side's scan state carried along (`_Side`), never a list of a whole
    # hunk's lines: a data file of millions of lines costs no more than its text.
    new_side, old_side = _Side(), _Side()
    header = False  # between `diff --git` and the first `@@`: `+++ b/path` names the file
    path = old_path = ""
    for line in lines_of(diff):
        if line.startswith("diff --git "):
            header, path, old_path = True, "", ""
            new_side.restart("")
            old_side.restart("")
        elif header and line.startswith("--- "):
            source = line[4:].strip()
            old_path = source[2:] if source.startswith("a/") else ""
        elif header and line.startswith("+++ "):
            target = line[4:].strip()
            path = target[2:] if target.startswith("b/") else target
        elif line.startswith("@@"):
            # A new hunk: `scan_lines` reads each hunk's lines of one side as consecutive.
            header = False
            new_side.restart(path)
            old_side.restart(old_path or path)
        elif not header and line.startswith("+"):
            new_side.take(line[1:], values)
        elif not header and line.startswith("-"):
            old_side.take(line[1:], shown)
        elif not header and line.startswith(" "):
            new_side.take(line[1:], values)
            old_side.take(line[1:], shown)
    for value in shown:
        values.setdefault(value)
    return list(values)


@functools.lru_cache(maxsize=4)
def diff_values(diff: str) -> tuple[str, ...]:
    """`values_in_diff`, once per diff: every step of a review asks its redactor anew."""
    return tuple(values_in_diff(diff))
