"""Configuration, built once per run and passed in.

Precedence: command line > repository file (`.deep-review.toml` at the *base* revision) > user
file (`~/.config/deep-review/config.toml`) > environment (`DEEP_REVIEW_*`) > defaults.

Trust: keys that make us run something (seat `argv`, `binary`, `extra_args`, `env`; `[checks]`
`test`, `env`; `[review] allow_exec = true`) are honoured from the user file, from `--config
PATH`, or from a repository file whose exact content the user has trusted with `deep-review
trust` (path + SHA-256 recorded in the user file, like direnv's `allow`).  Anything else in a
repository file is harmless and always read.
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import tomli_w
from platformdirs import user_config_dir

from deepreview.agents.base import SeatSettings
from deepreview.atomicfile import replace_bytes
from deepreview.config_seats import check_merged_seat, seat_list
from deepreview.config_text import load_file, not_a_file, parse_config_text, read_config_text
from deepreview.config_trust import content_hash, dangerous_keys, is_trusted, trusted_before
from deepreview.errors import ConfigError, UsageError
from deepreview.formats import DEFAULT_FORMATS
from deepreview.runmodel import EFFORTS
from deepreview.untrusted_text import clean_text

if TYPE_CHECKING:
    from deepreview.config_file import FileConfig, TrustRecord

REPO_CONFIG_NAME: Final = ".deep-review.toml"
DEFAULT_TIMEOUT_S: Final = 30 * 60
DEFAULT_DIFF_BUDGET: Final = 200_000
DEFAULT_CHECK_TIMEOUT_S: Final = 10 * 60
DEFAULT_PROBE_MAX: Final = 20
DEFAULT_PROBE_MINUTES: Final = 10.0
DEFAULT_JOBS: Final = 2


@dataclass(frozen=True)
class CliOverrides:
    agents: tuple[str, ...] | None = None
    lead: str | None = None
    timeout: float | None = None
    effort: str | None = None
    models: tuple[tuple[str, str], ...] = ()  # --model SEAT=MODEL
    store: str | None = None
    formats: tuple[str, ...] | None = None
    allow_exec: bool | None = None
    passes: int | None = None  # --passes N / --thorough (= 3)
    config_path: Path | None = None  # --config PATH: trusted explicitly
    yes_trust_repo_config: bool = False
    check_fixes: bool = False
    probe_tests: bool = False
    test_cmd: tuple[str, ...] | None = None  # --test-cmd "..." (split like a shell would)
    probe_max: int | None = None
    probe_minutes: float | None = None
    jobs: int | None = None
    fail_on: str | None = None  # --fail-on critical|important|suggestion|never


@dataclass(frozen=True)
class ChecksSettings:
    """Fix checking and mutation probes: both run the change's code, so both need allow_exec."""

    check_fixes: bool = False
    probe_tests: bool = False
    test: tuple[str, ...] = ()  # the test command's argv; empty: none configured
    timeout: float = float(DEFAULT_CHECK_TIMEOUT_S)
    env: tuple[str, ...] = ()  # secret variables passed to the tests anyway
    probe_max: int = DEFAULT_PROBE_MAX
    probe_minutes: float = DEFAULT_PROBE_MINUTES
    jobs: int = DEFAULT_JOBS

    @property
    def wanted(self) -> bool:
        return self.check_fixes or self.probe_tests

    @property
    def flags(self) -> str:
        """The options that asked for checks, as typed: `--check-fixes and --probe-tests`."""
        on = (("--check-fixes", self.check_fixes), ("--probe-tests", self.probe_tests))
        return " and ".join(flag for flag, wanted in on if wanted)


@dataclass(frozen=True)
class Settings:
    agents: tuple[str, ...] | None  # None: every usable seat
    lead: str | None  # None: first usable of claude, codex, gemini
    timeout: float
    effort: str | None
    diff_budget: int
    store: Path | None
    formats: tuple[str, ...]
    allow_exec: bool
    seats: Mapping[str, SeatSettings] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)  # setting -> where it came from
    repo_config_trusted: bool = False
    checks: ChecksSettings = field(default_factory=ChecksSettings)
    passes: int = 1  # a seat with Critical/Important findings reviews again, up to this many
    fail_on: str = "never"  # the CI gate: exit 4 at a finding this severe or worse
    report_url: str | None = None  # [publish] report_url, `{id}` filled in by `publish`

    def seat(self, name: str) -> SeatSettings:
        return self.seats.get(name, SeatSettings(effort=self.effort))


def user_config_path(env: Mapping[str, str]) -> Path:
    if env.get("DEEP_REVIEW_CONFIG"):
        return Path(env["DEEP_REVIEW_CONFIG"]).expanduser()
    return Path(user_config_dir("deep-review")) / "config.toml"


def _load_user_file(env: Mapping[str, str]) -> FileConfig | None:
    """The user file. A missing default file is fine; a missing `DEEP_REVIEW_CONFIG` is not
    (as a missing `--config`: the user named a file, and ignoring it would hide a typo)."""
    path = user_config_path(env)
    if env.get("DEEP_REVIEW_CONFIG") and (why := not_a_file(path)) is not None:
        fix = "create it, fix the path" if why == "no such file" else "name a TOML file"
        raise ConfigError(f"DEEP_REVIEW_CONFIG={path}: {why}; {fix}, or unset DEEP_REVIEW_CONFIG")
    return load_file(path)


def build_settings(
    cli: CliOverrides,
    *,
    env: Mapping[str, str],
    repo_config_text: str | None,
    repo_config_file: Path | None,
    gate: bool = True,
    base: tuple[str, str | None] | None = None,
) -> Settings:
    """Merge every layer into one immutable Settings, enforcing the trust gate (`gate=False`:
    settings that only say where the store is, for a command that runs nothing of them).
    `base`: the commit the repository's file was read at and its branch, if known."""
    user = _load_user_file(env)
    if cli.config_path and (why := not_a_file(cli.config_path)) is not None:
        fix = "create it or fix the path" if why == "no such file" else "name a TOML file"
        raise ConfigError(f"--config {cli.config_path}: {why}; {fix}, or drop --config")
    explicit = load_file(cli.config_path) if cli.config_path else None
    repo: FileConfig | None = None
    trusted = False
    if repo_config_text is not None:
        origin, where = _base_copy(base)
        repo = parse_config_text(repo_config_text, origin, where)
        risky = dangerous_keys(repo)
        if cli.allow_exec is not None:  # the command line decides; the file's value is unused
            risky = [k for k in risky if k != "review.allow_exec"]
        trusted = bool(
            cli.yes_trust_repo_config
            or env.get("CI", "").lower() == "true"
            or (
                repo_config_file is not None
                and is_trusted(user, repo_config_file, repo_config_text)
            )
        )
        if risky and not trusted and gate:
            # `allow_exec` alone: deciding it on the command line also settles it
            own = (
                ", or decide with --allow-exec/--no-allow-exec"
                if risky == ["review.allow_exec"]
                else ""
            )
            # trusted once, then edited: why the trust no longer holds is said
            changed = repo_config_file is not None and trusted_before(user, repo_config_file)
            since = ": it changed since you trusted it" if changed else ""
            raise ConfigError(
                f"{REPO_CONFIG_NAME} asks to run commands ({', '.join(risky)}) and is not trusted"
                f"{since}; review the file, then run `deep-review trust` "
                f"(or pass --yes-trust-repo-config){own}"
            )
    candidates = [("user config", user), ("repo config", repo)]
    candidates.append((f"--config {cli.config_path}", explicit))
    layers = [(origin, cfg) for origin, cfg in candidates if cfg is not None]
    # A file's relative `store` is relative to where that file is (the repository's: to the
    # repository's root), never to the folder a command happens to run in.
    folders = {
        "user config": user_config_path(env).absolute().parent,
        "repo config": repo_config_file.parent if repo_config_file else None,
        f"--config {cli.config_path}": cli.config_path.absolute().parent
        if cli.config_path
        else None,
    }
    return _merge(cli, env, layers, trusted, folders)


def _base_copy(base: tuple[str, str | None] | None) -> tuple[str, str]:
    """How a problem in the repository's file names the copy read, and where to fix it. The
    copy is the base revision's: the reviewer of someone else's change cannot repair it in that
    change (its own copy is never read), and there is no option that skips the file."""
    if base is None:
        return f"{REPO_CONFIG_NAME} (base revision)", ""
    sha, branch = base
    origin = f"{REPO_CONFIG_NAME} at the base revision {sha[:7]}" + (
        f" ({branch})" if branch else ""
    )
    on = f"on {branch}" if branch else "on the base branch"
    where = (
        f" in a commit {on} (a review reads the base's copy, never the reviewed change's, and "
        "no option skips it)"
    )
    return origin, where


def settings_for_repo(
    cli: CliOverrides,
    env: Mapping[str, str],
    repo_root: Path,
    steering: Mapping[str, str],
    base: tuple[str, str | None] | None = None,
) -> Settings:
    """A review's settings in `repo_root`; `steering` holds the base revision's files, read at
    `base` (its commit and branch, when known)."""
    # The reviewed change must not configure its own review: read the base revision's file.
    text = steering.get(REPO_CONFIG_NAME)
    return build_settings(
        cli,
        env=env,
        repo_config_text=text,
        repo_config_file=repo_root / REPO_CONFIG_NAME,
        base=base,
    )


def _env_review(env: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if env.get("DEEP_REVIEW_AGENTS"):
        # `--agents`' own check: an empty element is refused, not dropped (a seat name was lost)
        out["agents"] = list(seat_list(env["DEEP_REVIEW_AGENTS"], "DEEP_REVIEW_AGENTS"))
    if env.get("DEEP_REVIEW_LEAD"):
        out["lead"] = env["DEEP_REVIEW_LEAD"]
    if env.get("DEEP_REVIEW_TIMEOUT"):
        try:
            out["timeout"] = float(env["DEEP_REVIEW_TIMEOUT"])
        except ValueError as exc:
            raise ConfigError(
                f"DEEP_REVIEW_TIMEOUT={env['DEEP_REVIEW_TIMEOUT']}: must be a number of seconds "
                "(e.g. 1800); fix or unset it"
            ) from exc
        # `not > 0` also refuses nan; inf would be written into run.json, which JSON cannot hold
        if not 0 < out["timeout"] < math.inf:
            raise ConfigError(
                f"DEEP_REVIEW_TIMEOUT={env['DEEP_REVIEW_TIMEOUT']}: must be a finite number of "
                "seconds greater than 0 (e.g. 1800); fix or unset it"
            )
    return out


def _merge(
    cli: CliOverrides,
    env: Mapping[str, str],
    layers: list[tuple[str, FileConfig]],
    trusted: bool,
    folders: Mapping[str, Path | None],
) -> Settings:
    values: dict[str, Any] = {
        "agents": None,
        "lead": None,
        "timeout": float(DEFAULT_TIMEOUT_S),
        "effort": None,
        "diff_budget": DEFAULT_DIFF_BUDGET,
        "store": None,
        "formats": DEFAULT_FORMATS,
        "allow_exec": False,
        "passes": 1,
        "fail_on": "never",
    }
    sources = dict.fromkeys(values, "default")
    for key, value in _env_review(env).items():
        values[key], sources[key] = value, "environment"
    # Later layers win: user file, then repository file, then an explicit --config file.
    ordered = layers
    for origin, cfg in ordered:
        for key, value in cfg.review.model_dump(exclude_none=True).items():
            if key == "store" and (folder := folders.get(origin)) is not None:
                value = str(folder / os.path.expanduser(value))  # an absolute one stays
            values[key], sources[key] = value, origin
    cli_values = {
        "agents": cli.agents,
        "lead": cli.lead,
        "timeout": cli.timeout,
        "effort": cli.effort,
        "store": cli.store,
        "formats": cli.formats,
        "allow_exec": cli.allow_exec,
        "passes": cli.passes,
        "fail_on": cli.fail_on,
    }
    for key, value in cli_values.items():
        if value is not None:
            values[key], sources[key] = value, "command line"
    if values["effort"] is not None and values["effort"] not in EFFORTS:
        raise ConfigError(f"effort must be one of {', '.join(EFFORTS)}")
    seats: dict[str, SeatSettings] = {}
    names = {n for _, cfg in ordered for n in cfg.seats} | {s for s, _ in cli.models}
    for name in sorted(names):
        merged: dict[str, Any] = {}
        origins: dict[str, str] = {}  # which file set each key, for a refusal to name it
        for origin, cfg in ordered:
            if name in cfg.seats:
                keys = cfg.seats[name].model_dump(exclude_none=True)
                merged.update(keys)
                origins.update(dict.fromkeys(keys, layer_file(origin, env)))
        for seat, model in cli.models:
            if seat == name:
                merged["model"] = model
        check_merged_seat(name, merged, origins)
        seats[name] = SeatSettings(
            kind=merged.get("kind") or ("command" if merged.get("argv") else None),
            binary=merged.get("binary"),
            model=merged.get("model"),
            effort=cli.effort or merged.get("effort") or values["effort"],
            timeout=merged.get("timeout"),
            extra_args=tuple(merged.get("extra_args", ())),
            env=tuple(sorted(merged.get("env", {}).items())),
            argv=tuple(merged.get("argv", ())),
            # Names people read in every output: cleaned once here, as a seat's text is.
            display_name=_shown(merged.get("display_name")),
            model_label=_shown(merged.get("model_label")),
        )
    return Settings(
        checks=_checks(cli, ordered, allow_exec=bool(values["allow_exec"])),
        agents=tuple(values["agents"]) if values["agents"] is not None else None,
        lead=values["lead"],
        timeout=float(values["timeout"]),
        effort=values["effort"],
        diff_budget=int(values["diff_budget"]),
        store=Path(os.path.expanduser(values["store"])) if values["store"] else None,
        formats=tuple(values["formats"]),
        allow_exec=bool(values["allow_exec"]),
        seats=seats,
        sources=sources,
        repo_config_trusted=trusted,
        passes=int(values["passes"]),
        fail_on=str(values["fail_on"]),
        report_url=_report_url(env, ordered),
    )


def _shown(name: str | None) -> str | None:
    """A seat's name from a config file, its control characters and bidi controls shown as
    `clean_text` shows a seat's (`\u202e` would reverse every line that names the seat)."""
    return clean_text(name) if name is not None else None


def layer_file(origin: str, env: Mapping[str, str]) -> str:
    """The file a layer came from, as a refusal names it (`origin` is the layer's label)."""
    if origin == "user config":
        return str(user_config_path(env))
    if origin == "repo config":
        return f"{REPO_CONFIG_NAME} (base revision)"
    return origin.removeprefix("--config ")


def _report_url(env: Mapping[str, str], layers: list[tuple[str, FileConfig]]) -> str | None:
    """`[publish] report_url` (later layers win), else DEEP_REVIEW_REPORT_URL."""
    url = env.get("DEEP_REVIEW_REPORT_URL") or None
    if url is not None:  # a file's URL was checked as the file was read (`config_file`)
        from deepreview.config_file import REPORT_URL_TAKES, report_url_ok

        if not report_url_ok(url):
            raise ConfigError(
                f"DEEP_REVIEW_REPORT_URL={url}: must be {REPORT_URL_TAKES}; fix or unset it"
            )
    for _, cfg in layers:
        if cfg.publish.report_url is not None:
            url = cfg.publish.report_url
    return url


def _checks(
    cli: CliOverrides, layers: list[tuple[str, FileConfig]], *, allow_exec: bool
) -> ChecksSettings:
    """`[checks]` from the files (later layers win), then the command line."""
    test: tuple[str, ...] = ()
    timeout = float(DEFAULT_CHECK_TIMEOUT_S)
    env: tuple[str, ...] = ()
    for _, cfg in layers:
        if cfg.checks.test is not None:
            test = tuple(cfg.checks.test)
        if cfg.checks.timeout is not None:
            timeout = cfg.checks.timeout
        if cfg.checks.env is not None:
            env = tuple(cfg.checks.env)
    if cli.test_cmd is not None:
        test = cli.test_cmd
    wanted = [
        flag
        for flag, on in (("--check-fixes", cli.check_fixes), ("--probe-tests", cli.probe_tests))
        if on
    ]
    if cli.test_cmd is not None and not wanted:
        # Else it is silently ignored, and the user believes the tests ran.
        raise UsageError(
            "--test-cmd is run only by --check-fixes or --probe-tests; "
            "add one of them or drop --test-cmd"
        )
    # The same for what tunes the checks: the user would believe the mutants were probed.
    for name, value, users in (
        ("--probe-max", cli.probe_max, ("--probe-tests",)),
        ("--probe-minutes", cli.probe_minutes, ("--probe-tests",)),
        ("--jobs", cli.jobs, ("--check-fixes", "--probe-tests")),
    ):
        if value is not None and not set(users) & set(wanted):
            which = " or ".join(users)
            add = "add it" if len(users) == 1 else "add one of them"
            raise UsageError(f"{name} is used only by {which}; {add} or drop {name}")
    if wanted and not allow_exec:
        raise UsageError(
            f"{' and '.join(wanted)} {'run' if len(wanted) > 1 else 'runs'} the change's code "
            "and tests on this machine; "
            "add --allow-exec to allow it (never on an untrusted PR)"
        )
    for name, value in (("--probe-max", cli.probe_max), ("--jobs", cli.jobs)):
        if value is not None and value < 1:
            raise UsageError(f"{name} must be at least 1")
    if cli.probe_minutes is not None and not 0 < cli.probe_minutes < math.inf:
        raise UsageError(f"--probe-minutes {cli.probe_minutes:g}: must be more than 0 (and finite)")
    return ChecksSettings(
        check_fixes=cli.check_fixes,
        probe_tests=cli.probe_tests,
        test=test,
        timeout=timeout,
        env=env,
        probe_max=cli.probe_max or DEFAULT_PROBE_MAX,
        probe_minutes=cli.probe_minutes or DEFAULT_PROBE_MINUTES,
        jobs=cli.jobs or DEFAULT_JOBS,
    )


_TRUSTED_PER_FILE = 20


def trust_repo_file(env: Mapping[str, str], repo_file: Path) -> TrustRecord:
    """Record `repo_file`'s current content as trusted in the user config file."""
    from deepreview.config_file import TrustRecord  # pydantic: see parse_config_text

    text = read_config_text(repo_file)
    parse_config_text(text, str(repo_file))  # refuse to trust a file we cannot read anyway
    record = TrustRecord(path=str(repo_file.resolve()), sha256=content_hash(text))
    user_path = user_config_path(env)
    try:
        raw = tomllib.loads(read_config_text(user_path)) if user_path.exists() else {}
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{user_path}: not valid TOML ({exc}); fix it before trusting") from exc
    # Every version the user trusted stays trusted (the committed file and an edited work-tree
    # copy are both reviewed); the newest `_TRUSTED_PER_FILE` per file are kept.
    records = [r for r in raw.get("trusted", []) if r != record.model_dump()]
    same = [r for r in records if r.get("path") == record.path]
    dropped = same[: max(0, len(same) - (_TRUSTED_PER_FILE - 1))]
    kept = [r for r in records if r not in dropped]
    raw["trusted"] = [*kept, record.model_dump()]
    user_path.parent.mkdir(parents=True, exist_ok=True)
    # The user's own file: a crash mid-write must not leave it half-written, nor widen its mode.
    mode = user_path.stat().st_mode & 0o777 if user_path.exists() else None
    replace_bytes(user_path, tomli_w.dumps(raw).encode("utf-8"), mode=mode)
    return record
