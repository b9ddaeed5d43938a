"""How the paths reviewers write map onto one spelling per file (`PathResolver`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath

from deepreview.findings.file_names import is_absolute, known_suffix


class PathResolver:
    """Maps the paths reviewers write onto one spelling per file.

    Known paths are the changed files when given (`authoritative`: real repo paths), plus every
    multi-segment path the reviews name. A written path resolves to a known path when it is an
    authoritative path, ends with `/<known>` (an agent's absolute worktree path: the longest such
    known path wins: `file_names.known_suffix`, as the parse does), is a bare basename or
    shorter suffix that exactly one known path ends with (`__tests__/x.spec.ts` is
    `pkg/main/__tests__/x.spec.ts` when another reviewer wrote that), or equals a known path.
    Anything else is kept as written.

    `aliases` (old path -> new path: a rename's source) are known paths that resolve to their
    new path, so a reviewer who names the old path is taken to name the file (coverage).
    `present` (the files at the review SHA, when known): a path that is not there and ends
    with `/<changed file>` is that file under a folder the reviewer put before it
    (`src/app/x.py` for `app/x.py`), as `scope.py` reads it; one that is there stays itself.
    """

    def __init__(
        self,
        known: Iterable[str],
        authoritative: Iterable[str] = (),
        aliases: Mapping[str, str] | None = None,
        present: Iterable[str] | None = None,
    ) -> None:
        # a changed file is a real path: `a/x.py` is the folder `a`, not a diff prefix
        # and its backslash is a character of its name (`na\\xefve.py`, `decode_path`)
        self._authoritative = frozenset(c for c in (_bare(p) for p in authoritative) if c)
        # an old path that is a changed file itself (a new file took its place) stays itself
        self._aliases = {
            old: new
            for old, new in ((_bare(o), _bare(n)) for o, n in (aliases or {}).items())
            if old and new and old not in self._authoritative
        }
        self._known = (
            self._authoritative
            | frozenset(self._aliases)
            | frozenset(c for c in (self.clean(p) for p in known) if c)
        )
        self._present = None if present is None else frozenset(present)
        self._by_name: dict[str, list[str]] = {}
        for p in sorted(self._known):
            self._by_name.setdefault(PurePosixPath(p).name, []).append(p)
        # a known path that is the end of a longer one (`engine/x.go` beside
        # `rdd/pkg/engine/x.go`, one reviewer's short spelling) names no other file: it is no
        # candidate of its own, else a bare `x.go` had two to choose from and stayed unresolved
        # (an absolute path is a checkout's spelling of the repo path, never the one kept)
        for name, paths in self._by_name.items():
            self._by_name[name] = [
                p
                for p in paths
                if p in self._authoritative
                or not any(o.endswith("/" + p) and not is_absolute(o) for o in paths)
            ]
        self._cache: dict[str, str] = {}

    @staticmethod
    def clean(path: str) -> str:
        """Without backticks, `./`, diff prefixes `a/` `b/`, an elided head (`.../x/y.go`, a
        reviewer's short spelling of a long path: its end); forward slashes."""
        p = _ELIDED.sub("", _plain(path))
        for prefix in ("a/", "b/"):
            if p.startswith(prefix) and len(p) > len(prefix):
                p = p[len(prefix) :]
        return p

    @property
    def known(self) -> tuple[str, ...]:
        return tuple(sorted(self._known))

    def resolve(self, path: str) -> str:
        cached = self._cache.get(path)
        if cached is None:
            bare, plain = _bare(path), _plain(path)
            if bare in self._authoritative:
                cached = bare
            elif plain in self._authoritative:
                cached = plain
            else:
                cached = self._resolve(self.clean(path))
            self._cache[path] = cached
        return cached

    def _prefixed(self, p: str) -> str:
        """The changed file `p` names under a folder put before it, when `p` is not at the
        review SHA (`present`); else `p`."""
        if self._present is None or p in self._present or p in self._aliases:
            return p
        return known_suffix(p, self._authoritative) or p

    def _resolve(self, p: str) -> str:
        prefixed = self._prefixed(p)
        if prefixed != p or p in self._authoritative:
            return prefixed
        alias = self._aliases.get
        # an absolute path (`/Users/me/src/repo/pkg/x.go`) is never the spelling to converge on
        candidates = [k for k in self._by_name.get(PurePosixPath(p).name, []) if not is_absolute(k)]
        if not is_absolute(p):
            # a rename's old and new path (`mod/x.py`, `pkg/x.py`) are one file: `x.py` is it;
            # so are a changed file and that file under a folder a reviewer put before it
            extended = {alias(k, self._prefixed(k)) for k in candidates if k.endswith("/" + p)}
            if len(extended) == 1:
                return extended.pop()
            if p in self._known:
                return alias(p, p)
        within = known_suffix(p, candidates)
        return p if within is None else alias(within, within)


# `.../engine/x.go`, `…/engine/x.go`: the folders before `engine` left out
_ELIDED = re.compile(r"^(?:\.{3}|…)/+(?=[^/])")


def _plain(path: str) -> str:
    """Without backticks or a leading `./`; forward slashes."""
    return _bare(path.replace("\\", "/"))


def _bare(path: str) -> str:
    """Without backticks or a leading `./`; a backslash kept (it may be part of the name)."""
    p = path.strip().strip("`")
    return p[2:] if p.startswith("./") and len(p) > 2 else p
