"""Compiled templates are kept in the user's cache folder (`deepreview.templating`): compiling
the seats' prompt delays the first seat and compiling the report templates delays the end of
every review (benchmarks/README.md). The cache must never change what is rendered."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from deepreview import templating
from fakebin.harness import Fakes
from support.repos import make_repo

FORMATS = ("--format", "md", "--format", "html")


def _cache_files(tmp: Path) -> list[Path]:
    return sorted((tmp / "cache" / "deep-review" / "templates").glob("*.cache"))


def test_a_review_keeps_its_compiled_templates_and_survives_a_damaged_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Real processes: in one process the environments keep their templates in memory.
    monkeypatch.setenv("DEEPREVIEW_TEST_SUBPROCESS", "1")
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"solo": fakes.seat("ok")})
    first = fakes.review(repo, "--agents", "solo", *FORMATS, env=fakes.env())
    assert first.returncode == 0, first.stderr
    kept = _cache_files(tmp_path)
    # The seats' prompt, the Markdown report and the HTML report with their includes.
    assert len(kept) >= 3
    for path in kept:
        path.write_bytes(b"not a compiled template")

    second = fakes.review(repo, "--agents", "solo", *FORMATS, env=fakes.env())
    assert second.returncode == 0, second.stderr
    report = Path(second.json()["paths"]["md"]).read_text(encoding="utf-8")
    assert "## Executive Summary" in report
    assert _cache_files(tmp_path) == kept
    assert all(p.read_bytes() != b"not a compiled template" for p in kept)


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "t.j2").write_text("{% if x %}\nyes\n{% endif %}\nend\n", encoding="utf-8")
    return folder


def _render(folder: Path, **options: bool) -> str:
    env = templating.environment(loader=jinja2.FileSystemLoader(folder), **options)
    return env.get_template("t.j2").render(x=True)


def test_a_cached_template_is_reused_only_with_the_same_options(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _render(cache_home) == "\nyes\n\nend"
    # The same file in an environment with other options is compiled for those options.
    assert _render(cache_home, trim_blocks=True) == "yes\nend"
    assert _render(cache_home) == "\nyes\n\nend"

    def no_compile(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(jinja2.Environment, "compile", no_compile)
    assert _render(cache_home) == "\nyes\n\nend"


def test_an_edited_template_is_compiled_again(cache_home: Path) -> None:
    assert _render(cache_home) == "\nyes\n\nend"
    (cache_home / "t.j2").write_text("changed {{ x }}", encoding="utf-8")
    assert _render(cache_home) == "changed True"


def test_no_cache_folder_still_renders(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # cannot hold a folder
    assert _render(cache_home) == "\nyes\n\nend"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.delenv("HOME")
    assert _render(cache_home) == "\nyes\n\nend"
