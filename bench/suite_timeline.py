"""The suite's timeline: when each test process ran each test, and how many cores the suite's processes used.

    PYTHONPATH=src:bench SUITE_TIMELINE=/tmp/tl python bench/suite.py -- -p suite_timeline
    python bench/suite_timeline.py /tmp/tl [--bin 5]

As a pytest plugin (``-p suite_timeline``, loaded by the controller and every test process) it writes one JSON line
per event to ``$SUITE_TIMELINE/<process>.jsonl``: each process's start, end of collection and end, and each test's
start and end with the CPU of the process and of the children it reaped (``CLOCK_BOOTTIME``, shared by all processes).
The controller also samples, every 0.25 s, the CPU of every process under its parent (``bench/suite.py``, which reaps
the browser's helpers: so Chromium is counted) and, every 0.5 s, the machine's ``/proc/stat`` (what other people's
niced work got: a quiet machine gives it none). Run as a script, it prints per process the first and last test, then
per bin the cores the suite used and the file each process was in, and the core-seconds the suite left unused
(bench/README.md, "The suite, round 26"). A process reaped outside the tree (the controller itself, at the very end)
shows as a dip below zero and a peak after it in the last bins.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "ctl")
_TICK = os.sysconf("SC_CLK_TCK")


def _now() -> float:
    return time.clock_gettime(time.CLOCK_BOOTTIME)


def _cpu() -> list[float]:
    t = os.times()
    return [t.user + t.system, t.children_user + t.children_system]


class _Log:
    def __init__(self) -> None:
        folder = Path(os.environ.get("SUITE_TIMELINE", "/tmp/suite_timeline"))
        folder.mkdir(parents=True, exist_ok=True)
        self.file = (folder / f"{_WORKER}.jsonl").open("a", buffering=1)
        self.lock = threading.Lock()

    def __call__(self, **event: Any) -> None:
        with self.lock:
            self.file.write(json.dumps(event) + "\n")


def _started() -> float:
    """This process's start, on the same clock (CLOCK_BOOTTIME, in clock ticks in /proc)."""
    stat = Path("/proc/self/stat").read_text()
    return int(stat[stat.rindex(")") + 2 :].split()[19]) / _TICK


def _tree_cpu(root: int) -> float:
    """CPU-s of every live process under ``root`` (with what each reaped) and of what ``root`` itself reaped."""
    parent, cpu = {}, {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_text()
            except OSError:
                continue
            f = stat[stat.rindex(")") + 2 :].split()
            parent[int(name)] = int(f[1])
            cpu[int(name)] = (int(f[11]) + int(f[12]), int(f[13]) + int(f[14]))
    total = cpu.get(root, (0, 0))[1]
    for pid, (own, reaped) in cpu.items():
        p = pid
        for _ in range(64):
            if p == root or p not in parent:
                break
            p = parent[p]
        if p == root and pid != root:
            total += own + reaped
    return total / _TICK


def _sample(log: _Log, root: int) -> None:
    n = 0
    while True:
        event: dict[str, Any] = {"ev": "tree", "t": _now(), "cpu": _tree_cpu(root)}
        if n % 2 == 0:
            v = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
            event.update(busy=(v[0] + v[1] + v[2] + v[5] + v[6]) / _TICK, nice=v[1] / _TICK, idle=(v[3] + v[4]) / _TICK)
        log(**event)
        n += 1
        time.sleep(0.25)


if __name__ != "__main__":  # loaded as a pytest plugin
    import pytest

    _log = _Log()
    _log(ev="start", t=_now(), started=_started(), cpu=_cpu())
    if _WORKER == "ctl":
        threading.Thread(target=_sample, args=(_log, os.getppid()), daemon=True).start()

    def pytest_collection_finish(session: pytest.Session) -> None:
        _log(ev="collected", t=_now(), cpu=_cpu(), tests=len(session.items))

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):  # type: ignore[no-untyped-def]
        t0, c0 = _now(), _cpu()
        yield
        _log(ev="test", id=item.nodeid, t0=t0, t1=_now(), c0=c0, c1=_cpu())

    def pytest_unconfigure(config: pytest.Config) -> None:
        _log(ev="end", t=_now(), cpu=_cpu())


def summarise(folder: Path, width: float) -> None:
    events = {p.stem: [json.loads(line) for line in p.open()] for p in sorted(folder.glob("*.jsonl"))}
    zero = min(e["started"] for es in events.values() for e in es if e["ev"] == "start")
    workers = sorted(w for w in events if w != "ctl")
    tests = {w: [e for e in events[w] if e["ev"] == "test"] for w in workers}
    for w in workers:
        ts = tests[w]
        if ts:
            cpu = sum(e["c1"][0] - e["c0"][0] + e["c1"][1] - e["c0"][1] for e in ts)
            print(
                f"{w}: {len(ts)} tests, first at {ts[0]['t0'] - zero:.1f} s, last ended at {ts[-1]['t1'] - zero:.1f} s,"
                f" {cpu:.1f} CPU-s in tests (with the children they reaped)"
            )
    samples = [e for e in events.get("ctl", []) if e["ev"] == "tree"]
    bins: dict[int, list[float]] = {}
    for a, b in zip(samples, samples[1:], strict=False):
        k = int((a["t"] - zero) // width)
        x = bins.setdefault(k, [0.0, 0.0, 0.0, 0.0])
        x[0] += b["cpu"] - a["cpu"]
        x[1] += b["t"] - a["t"]
    stats = [e for e in samples if "nice" in e]
    for a, b in zip(stats, stats[1:], strict=False):
        x = bins.setdefault(int((a["t"] - zero) // width), [0.0, 0.0, 0.0, 0.0])
        x[2] += b["nice"] - a["nice"]
        x[3] += b["t"] - a["t"]
    where: dict[tuple[str, int], dict[str, float]] = {}
    for w in workers:
        for e in tests[w]:
            a, b = e["t0"] - zero, e["t1"] - zero
            for k in range(int(a // width), int(b // width) + 1):
                span = min(b, (k + 1) * width) - max(a, k * width)
                if span > 0:
                    name = e["id"].split("::")[0].removeprefix("tests/")
                    files = where.setdefault((w, k), {})
                    files[name] = files.get(name, 0.0) + span
    unused = 0.0
    for k in sorted(bins):
        cpu, dt, nice, nice_dt = bins[k]
        if dt <= 0:
            continue
        unused += max(0.0, 2 * dt - cpu)
        cells = [max(where[(w, k)], key=where[(w, k)].get) if (w, k) in where else "-" for w in workers]
        niced = nice / max(nice_dt, 1e-9)
        print(f"{k * width:6.0f} s  suite {cpu / dt:4.2f} cores  others' niced {niced:4.2f}  " + " | ".join(cells))
    print(f"core-seconds the suite left unused (of 2 cores): {unused:.1f}")


if __name__ == "__main__":
    args = sys.argv[1:]
    bin_width = float(args[args.index("--bin") + 1]) if "--bin" in args else 5.0
    summarise(Path(args[0]), bin_width)
