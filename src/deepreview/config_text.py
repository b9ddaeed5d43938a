"""A config file's text as validated settings (`FileConfig`), or one line naming the file, the
key and the fix: TOML syntax, the schema, a path that is no readable file. The same for the
user file, `--config` and the repository's `.deep-review.toml` (whose `origin` and `where` say
which copy was read and where it is fixed: `config.build_settings`)."""

from __future__ import annotations

import difflib
import tomllib
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deepreview.config_seats import check_seat_file
from deepreview.errors import ConfigError
from deepreview.untrusted_text import clean_text
from deepreview.userpaths import path_problem

if TYPE_CHECKING:
    from deepreview.config_file import FileConfig


def parse_config_text(text: str, origin: str, where: str = "") -> FileConfig | None:
    """The validated file, or None when it holds no settings at all. `where`: where the fix
    goes when that is not the file the user has open (the base revision's copy)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML ({exc}); fix its syntax{where}") from exc
    if not data:
        return None
    # Only a file with settings needs the pydantic schema (~0.15 s before the first seat).
    from pydantic import ValidationError

    from deepreview.config_file import FileConfig, problem_text

    try:
        cfg = FileConfig.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        if err["type"] == "extra_forbidden":
            fix = _unknown_key_fix(key)
            meant = _meant_key(err["loc"])
            named = f" (did you mean {meant!r}?)" if meant else ""
            raise ConfigError(f"{origin}: unknown key {key!r}{named}; {fix}{where}") from exc
        # the value may be a repository's: shown with its control characters made visible
        raise ConfigError(
            clean_text(
                f"{origin}: bad value for {key!r}: {problem_text(err)}"
                + (f"; fix it{where}" if where else "")
            )
        ) from exc
    for name, seat in cfg.seats.items():
        check_seat_file(name, seat, origin)
    # Relative to the file's folder, "" would name that folder itself, as `--store ""` would
    # name the current one.
    if cfg.review.store is not None and not cfg.review.store.strip():
        raise ConfigError(
            f'{origin}: review.store is empty; give the store folder (e.g. store = "~/reviews") '
            "or remove the key" + (f"; fix it{where}" if where else "")
        )
    return cfg


def _unknown_key_fix(key: str) -> str:
    """A section's key written at the top of the file (`store = ...` above any `[review]`) is
    a likely slip: say which section takes it rather than to remove it."""
    from deepreview.config_file import FileConfig

    for section in ("review", "publish", "checks"):
        fields = FileConfig.model_fields[section].annotation
        if "." not in key and key in getattr(fields, "model_fields", {}):
            return f"it belongs under [{section}] (a `[{section}]` line above `{key} = ...`)"
    return "remove it or fix its spelling"


def _meant_key(loc: tuple[int | str, ...]) -> str | None:
    """The known key closest to a misspelt one (`timout` -> `timeout`, `[reveiw]` ->
    `review`), among the keys of the table it is in; None when none is close."""
    from pydantic import BaseModel

    from deepreview.config_file import FileConfig

    model: Any = FileConfig
    parts = [str(p) for p in loc]
    for part in parts[:-1]:
        field = getattr(model, "model_fields", {}).get(part)
        if field is None:
            # a `[seats.NAME]` table: the name is the user's, the keys are the seat's
            model = _dict_values(model)
            continue
        model = field.annotation
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return None
    found = difflib.get_close_matches(parts[-1], list(model.model_fields), n=1, cutoff=0.75)
    return found[0] if found else None


def _dict_values(annotation: Any) -> Any:
    """`X` of a `dict[str, X]` annotation (also inside `X | None`), else None."""
    for arg in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(arg) is dict:
            return typing.get_args(arg)[1]
    return None


def read_config_text(path: Path) -> str:
    """A config file's text; one clear line (exit 2) when it is unreadable or not UTF-8."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: not UTF-8 text; a config file must be UTF-8 TOML (re-save it as UTF-8)"
        ) from exc
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from exc


def load_file(path: Path, origin: str | None = None) -> FileConfig | None:
    try:
        text = read_config_text(path)
    except ConfigError as exc:
        if isinstance(exc.__cause__, FileNotFoundError):
            return None
        raise
    return parse_config_text(text, origin or str(path))


def not_a_file(path: Path) -> str | None:
    """Why a named config path cannot be read: missing, or there but no file (a device such as
    /dev/null, a folder), which "no such file" would hide; or a path the file system refuses
    to look at (a name over 255 bytes). None for a regular file."""
    if (why := path_problem(path)) is not None:
        return why
    if path.is_file():
        return None
    if not path.exists():
        return "no such file"
    if path.is_dir():
        what = "a folder"
    elif path.is_char_device() or path.is_block_device():
        what = "a device"
    else:
        what = "a pipe or socket"
    return f"not a regular file ({what})"
