"""Which words name a file: known file extensions, and the files of the change under review.

A bare `name.ext` in prose is a file only when `ext` is one files have: `os.environ`,
`json.loads`, `self.buffer`, `None.upper` are code, and must neither become places nor be cut out
of a finding's text. A name without an extension (`Procfile`, `configure`, `CODEOWNERS`, a root
dotfile such as `.env`) is a file when the change holds it: `parse_review(known_files=…)` sets
that list for the parse (a context variable, so the many small parsers need no extra argument,
and each seat's thread parses with its own). `parse_review(repository=…)` sets the files and
folders the repository holds at the review SHA (`targets.tree`): a path-shaped name among them
(`ops/bootstrap`, `docs/adr`) is a place of the repository, wherever the change is.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Final

# Extensions of source, config, data and doc files (lower case). Not exhaustive: a name with an
# unknown extension still counts with a directory part, a line number, or when the change has it.
# Left out on purpose, as code says them more often than file names: `log` (`console.log`),
# `env` (`process.env`), `props`, `key`, `config`, `org` (`example.org`), one-letter ones but C's.
KNOWN_EXTENSIONS = frozenset(
    """
    py pyi pyx pxd ipynb js mjs cjs jsx ts tsx mts cts vue svelte astro go rs c h cc cpp cxx hh
    hpp hxx ino m mm swift kt kts java scala sc groovy gradle clj cljs cljc edn rb erb rake
    gemspec php phtml pl pm lua r jl dart ex exs erl hrl elm hs lhs ml mli fs fsi fsx cs csx vb
    vbs sh bash zsh fish ps1 psm1 psd1 bat awk sed nix zig sv vhd vhdl asm f90 pas cr nim sol
    cairo wat wasm proto thrift graphql gql prisma sql hcl tf tfvars bicep cue rego json jsonc
    json5 jsonl ndjson yaml yml toml ini cfg conf plist xml xsd xsl xslt dtd csv tsv lock sum
    mod bzl bazel cmake mk mak ninja sln csproj vcxproj fsproj pbxproj xcconfig entitlements
    storyboard xib md markdown mdx rst txt adoc asciidoc tex bib rtf html htm xhtml css scss
    sass less styl svg png jpg jpeg gif webp ico bmp tiff pdf j2 jinja jinja2 tmpl tpl mustache
    hbs handlebars ejs pug haml liquid njk twig patch snap golden bats pem crt cer dockerfile
    containerfile example bak tmp
    """.split()  # noqa: SIM905 - a word list reads better than 200 quoted strings
)

# Extensionless files commonly named without their change in view (`Makefile` in prose).
EXTENSIONLESS = frozenset(
    {"Makefile", "Dockerfile", "Containerfile", "Justfile", "Rakefile", "Gemfile", "LICENSE"}
)

_DRIVE = re.compile(r"^[A-Za-z]:/")
_KNOWN_FILES: ContextVar[frozenset[str]] = ContextVar("deepreview_known_files", default=frozenset())
_REPOSITORY: ContextVar[frozenset[str]] = ContextVar("deepreview_repository", default=frozenset())


@contextmanager
def known_files(paths: Iterable[str], repository: Collection[str] = ()) -> Iterator[None]:
    """While parsing: `paths` (the change's files) are file names whatever their shape;
    `repository` (the files and folders at the review SHA, `targets.tree.paths_at`) are
    places of the repository (`names_no_file`)."""
    # (a large repository's listing comes as a frozenset already: not copied per seat)
    held = repository if isinstance(repository, frozenset) else frozenset(repository)
    token = _KNOWN_FILES.set(frozenset(p.strip("/") for p in paths if p))
    held_token = _REPOSITORY.set(held)
    try:
        yield
    finally:
        _REPOSITORY.reset(held_token)
        _KNOWN_FILES.reset(token)


def in_repository(path: str) -> bool:
    """`path`, as written from the root, is a file or folder of the repository at the review
    SHA (`parse_review(repository=…)`; never outside a review of a repository)."""
    return path.strip().removeprefix("./").strip("/") in _REPOSITORY.get()


def known_names() -> frozenset[str]:
    """The change's files this parse was given (empty outside a review of a change)."""
    return _KNOWN_FILES.get()


def is_known_file(path: str) -> bool:
    """`path` is one of the change's files (`.env`, `Procfile`, `config/.bashrc`)."""
    known = _KNOWN_FILES.get()
    return bool(known) and path.strip("/").removeprefix("./") in known


# Names code gives a receiver or a short-lived variable: `self.json`, `res.json`, `ctx.lock`
# read as a member of it. (A one-letter name is one too: `c.m`, `r.json`, `m.lock`.)
_RECEIVERS = frozenset(("self", "this", "cls", "ctx", "req", "res", "resp"))
# Extensions that are also what code names a member (`r.json`, `el.html`, `mu.lock`, Go's field
# `c.m`): after a variable's name they are the member, not a file type. A source extension
# (`a.go`, `b.py`) after one letter is still a file (`b.go` is how short examples name one).
_MEMBER_EXTENSIONS = frozenset(
    ("m", "json", "html", "xml", "yaml", "lock", "sum", "mod", "cfg", "conf", "tmp", "bak")
)


def member_like(name: str) -> bool:
    """A bare `stem.ext` (no directory, no line) shaped like a member of a variable rather
    than a file: its stem is one letter or a receiver's name and its extension is also a
    member's name (`c.m`: Go's field `m` of `c`; `r.json`: a response's method); a file of the
    change (by path or by name) never is."""
    if "/" in name or _is_known_name(name):
        return False
    stem, dot, ext = name.rpartition(".")
    variable = (len(stem) == 1 and stem.isalpha()) or stem in _RECEIVERS
    return bool(dot) and variable and ext.lower() in _MEMBER_EXTENSIONS


def _is_known_name(name: str) -> bool:
    known = _KNOWN_FILES.get()
    return name in known or any(k.rsplit("/", 1)[-1] == name for k in known)


def known_extension(name: str) -> bool:
    """`name`'s last dot opens an extension files have (`a.py`, `Cargo.lock`; not `os.environ`)."""
    _, dot, ext = name.rpartition(".")
    return bool(dot) and ext.lower() in KNOWN_EXTENSIONS


def is_absolute(path: str) -> bool:
    """`/…`, `~…` or a drive's `C:/…` (forward slashes): a path on a machine (a seat's
    worktree, the repository's own checkout), never a repository's own spelling."""
    return path.startswith(("/", "~")) or _DRIVE.match(path) is not None


def known_suffix(path: str, known: Iterable[str] | None = None) -> str | None:
    """The longest of the `known` paths (by default the change's files this parse was given)
    that `path` ends with after a `/` (`/home/me/repo/pkg/x.go` -> `pkg/x.go`: a seat that cites
    the repository's own checkout); None when it ends with none of them. A backslash in `path`
    reads as a slash. The parse applies it to absolute paths only (`json_review`); the
    consolidation's `PathResolver` to any path it knows no better spelling of."""
    p = path.replace("\\", "/")
    ends = [k for k in (_KNOWN_FILES.get() if known is None else known) if p.endswith("/" + k)]
    return max(ends, key=len) if ends else None


# The first part of a module path or of an address written without its scheme: a host
# (`golang.org/x/sync`, `github.com/o/r`, `example.com/docs`), never a folder of a repository
# (`conf.d/`, `v1.2/`: no such ending).
_HOST: Final = re.compile(
    r"^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|in|co|gov|edu|app|sh|ai|me|"
    r"cloud|info|xyz|us|uk|de|eu|ly|so|to|page|tech|run|rs)/",
    re.IGNORECASE,
)
_FILE_EXTENSION: Final = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,9}$")


def names_no_file(path: str) -> bool:
    """A path-shaped name with no extension (and no line written with it) that names no file
    of the repository: a CI action at its ref (`owner/name@v4`), a package (`@scope/pkg`), a
    module or an address without its scheme (`golang.org/x/sync`, `example.com/docs`); and,
    when the change's files are known, any such name that is neither one of them nor a folder
    of one, nor starts at a folder the change has files in (`owner/name`, `lodash/fp`; a file
    or folder of the change is named as written, or by the end of its path). A name the change
    holds never is, nor one the repository holds at the review SHA, as written (a script
    `ops/bootstrap`, a folder `docs/adr`, outside the change's folders)."""
    if is_absolute(path.strip()):
        return False  # a seat's worktree or checkout: the place is past its root
    p = path.strip().removeprefix("./").strip("/")
    known = _KNOWN_FILES.get()
    if any(_names(p, k) for k in known) or in_repository(p):
        return False
    name = p.rsplit("/", 1)[-1]
    if name in EXTENSIONLESS or _FILE_EXTENSION.search(name):
        return False
    if "@" in p or _HOST.match(p):
        return True
    # a folder the change has files in is where it starts (`tests/integration` beside a
    # changed `tests/unit/a.py`): a place of the repository's, though no file of the change
    top = p.split("/", 1)[0]
    return bool(known) and "/" in p and not any(top in k.split("/")[:-1] for k in known)


def _names(p: str, known: str) -> bool:
    """`p` is the change's file `known`, the end of its path, or a folder it is in."""
    return known == p or known.endswith("/" + p) or f"/{p}/" in f"/{known}"
