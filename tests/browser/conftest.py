"""Headless Chromium for the browser tests: Debian's chromium + chromedriver, never a download.

`scripts/install-browser.sh` installs both. Without them every test here is skipped with a
reason saying so. Screenshots go to `test-output/browser/` at the repo root (gitignored).
"""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
REPO_ROOT = Path(__file__).resolve().parents[2]
OUTPUT_DIR = REPO_ROOT / "test-output" / "browser"


def _missing() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            return f"{path} is missing; run scripts/install-browser.sh (as root) to install it"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed; pip install -e '.[test]'"
    return None


@pytest.fixture(scope="session")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    reason = _missing()
    if reason:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--force-device-scale-factor=1",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path and binary keep selenium-manager from downloading anything.
    drv = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield drv
    finally:
        drv.quit()


def emulate(drv: object, *, scheme: str = "light", media: str = "") -> None:
    """Emulate `prefers-color-scheme` and the media type (`print`); each call replaces both."""
    drv.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Emulation.setEmulatedMedia",
        {"media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )


@pytest.fixture
def emulation(driver: object):  # type: ignore[no-untyped-def]
    """`emulation(scheme=..., media=...)`; back to light screen media afterwards."""

    def _emulate(*, scheme: str = "light", media: str = "") -> None:
        emulate(driver, scheme=scheme, media=media)

    yield _emulate
    emulate(driver)


def full_page_screenshot(drv: object, name: str) -> Path:
    """Whole page, not only the viewport, as PNG under test-output/browser/ (returns the path)."""
    metrics = drv.execute_cdp_cmd("Page.getLayoutMetrics", {})  # type: ignore[attr-defined]
    size = metrics["cssContentSize"]
    shot = drv.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
        },
    )
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUTPUT_DIR / name
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


@pytest.fixture
def screenshot(driver: object, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Save a full-page screenshot and print its path past pytest's capture."""

    def _shot(name: str) -> Path:
        path = full_page_screenshot(driver, name)
        with capsys.disabled():
            print(f"\nscreenshot: {path}")
        return path

    return _shot


@pytest.fixture
def open_html(driver: object, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write an HTML string to a file and load it from file:// (like a user opening the store)."""

    def _open(html: str, name: str = "page.html") -> object:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        emulate(driver)
        driver.get(path.as_uri())  # type: ignore[attr-defined]
        return driver

    return _open
