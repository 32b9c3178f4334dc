"""Tag-all speed on a synthetic library (default 50,000 records): records/s, in-process and as a command.

    python bench/tag_speed.py [N]

Builds bench/out/lib_N from bench/make_library.py if it is not there yet.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from ketalit.library import Library  # noqa: E402
from ketalit.tagging.tagger import tag_many  # noqa: E402


def ensure_library(n: int) -> Path:
    lib = HERE / "out" / f"lib_{n}"
    if not (lib / "ketalit.json").exists():
        subprocess.run([sys.executable, str(HERE / "make_library.py"), str(n), "--library", str(lib)], check=True)
    return lib


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    path = ensure_library(n)
    lib = Library.open(path)
    records = [r for _, r in lib.iter_records()]
    t = time.perf_counter()
    tag_many(records)
    dt = time.perf_counter() - t
    print(f"tag {len(records)} records in-process: {dt:.1f} s ({len(records) / dt:.0f} records/s)")
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "ketalit", "--library", str(path), "tag", "--all"], check=True, capture_output=True
    )
    dt = time.perf_counter() - t
    print(f"`ketalit tag --all` (open, tag, write): {dt:.1f} s ({len(records) / dt:.0f} records/s)")


if __name__ == "__main__":
    main()
