"""Every Jinja2 environment of Deep Review (the seats' and the lead's prompts, the reports):
one constructor, with compiled templates kept in the user's cache folder.

Compiling a template costs far more than rendering it (the seats' prompt ~10 ms before the first
seat; the report templates ~0.15 s after the last seat, benchmarks/README.md). Jinja2's
bytecode cache keeps the compiled code per template file; this one also keys it on the
environment's options and the Jinja2 version, so changing either compiles afresh, and reads its
folder from the environment at each use (`resume` in another shell, the tests' own `HOME`).
"""

from __future__ import annotations

import contextlib
import os
import pickle
from pathlib import Path
from typing import Any

import jinja2

from deepreview.atomicfile import replace_bytes
from deepreview.usercache import user_cache_dir

_FOLDER = "templates"
# What the compiled code depends on besides the template's source.
_COMPILE_OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "autoescape",
    "optimized",
)


class _CompiledTemplates(jinja2.BytecodeCache):
    """Best effort: a cache file that cannot be read or written only costs a compile."""

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> jinja2.bccache.Bucket:
        # The bucket's checksum covers what it is given as the source: add the options.
        options = [jinja2.__version__, *(repr(getattr(environment, o)) for o in _COMPILE_OPTIONS)]
        options.append(repr(sorted(environment.extensions)))
        return super().get_bucket(environment, name, filename, "\0".join([*options, source]))

    def _path(self, bucket: jinja2.bccache.Bucket) -> Path | None:
        root = user_cache_dir(os.environ)
        return None if root is None else root / _FOLDER / f"{bucket.key}.cache"

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        path = self._path(bucket)
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError:
            return
        try:
            bucket.bytecode_from_string(data)
        except (EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()  # damaged: compiled again and replaced

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        path = self._path(bucket)
        if path is None:
            return
        # A cache: a lost file only costs a compile, not worth a disk flush per template.
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            replace_bytes(path, bucket.bytecode_to_string(), durable=False)


def environment(**options: Any) -> jinja2.Environment:
    """A Jinja2 environment with `options` whose loaded templates are compiled once per user."""
    return jinja2.Environment(bytecode_cache=_CompiledTemplates(), **options)
