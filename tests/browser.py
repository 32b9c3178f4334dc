"""Headless Chromium for the report's tests (Playwright for Python driving Debian's chromium; no browser is
downloaded). ``CHROMIUM`` is None where the browser is not installed: the tests that need it skip.

Debian's chromium-headless-shell is used where it is installed (as Playwright itself does for headless runs): the
same Chromium (Blink, V8, Skia) without the desktop browser around it, which costs about a quarter less CPU time for
the same pages, scans and prints; otherwise the full chromium in its headless mode."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = next(
    (
        p
        for p in ("/usr/bin/chromium-headless-shell", "/usr/bin/chromium", shutil.which("chromium"))
        if p and Path(p).exists()
    ),
    None,
)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium (Playwright gives it a fresh, temporary user data folder)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def screenshot(browser: Any, page_url: str, png: Path, width: int = 1280, height: int = 1600) -> None:
    """The top of the report as a reader first sees it (what docs/report.png shows)."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(page_url)
    page.screenshot(path=str(png))
    page.close()
