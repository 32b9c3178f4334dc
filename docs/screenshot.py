"""Make docs/report.png: the shipped library's report, as headless Chromium shows its first screen.

python docs/screenshot.py      (from the repository root, with the test dependencies installed)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from ketalit.library import Library  # noqa: E402
from ketalit.report.render import write_report  # noqa: E402

from browser import CHROMIUM, chromium, screenshot  # noqa: E402

if __name__ == "__main__":
    if CHROMIUM is None:
        sys.exit("needs Chromium (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        files = write_report(Library.open(ROOT / "library"), Path(tmp) / "report")
        with chromium() as browser:
            screenshot(browser, files.html.resolve().as_uri(), ROOT / "docs" / "report.png")
    print(ROOT / "docs" / "report.png")
