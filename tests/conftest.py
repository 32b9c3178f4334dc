from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
# Compiled bytecode kept between runs, in a folder of its own outside the source tree, for the test processes and every
# process they start (the `ketalit` subprocesses): where PYTHONDONTWRITEBYTECODE is set (as on the project machine),
# each of them compiled the standard library modules it imported and ketalit, and pytest assertion-rewrote every test
# module, again at every run (about 3 CPU-s a test process). Set before ketalit is first imported.
if os.environ.get("PYTHONDONTWRITEBYTECODE"):
    os.environ.pop("PYTHONDONTWRITEBYTECODE")
    os.environ.setdefault("PYTHONPYCACHEPREFIX", str(ROOT / ".pytest_cache" / "pycache"))
    sys.dont_write_bytecode = False
    sys.pycache_prefix = os.environ["PYTHONPYCACHEPREFIX"]

# The tests' folders (tmp_path, the session fixtures' copies of the library) in memory where the machine has a tmpfs at
# /dev/shm, unless PYTEST_DEBUG_TEMPROOT (pytest's own setting for where they go) says otherwise: the suite copies the
# shipped library and writes whole reports (about 800 files each) into them, then removes them; on this machine's disk
# (ext4 with online discard) each file created, renamed or removed cost about a millisecond of system time and more of
# waiting (bench/README.md, "The suite, round 15"). No test observes the file system's kind: the tests of a full disk
# mount a small tmpfs of their own, and what fsync makes durable is not observable in a test (conftest._no_fsync).
_SHM = Path("/dev/shm")
if _SHM.is_dir() and os.access(_SHM, os.W_OK | os.X_OK):
    os.environ.setdefault("PYTEST_DEBUG_TEMPROOT", str(_SHM))
    # So do the folders of Python's tempfile (the fuzzer's 400 input files, the hostile records' libraries, the bench
    # scripts' library copies) and of the processes the tests start (the browser's profile), unless TMPDIR says
    # otherwise: /tmp is on the same disk (bench/README.md, "The suite, round 16").
    if "TMPDIR" not in os.environ:
        import tempfile

        os.environ["TMPDIR"] = str(_SHM)
        tempfile.tempdir = None  # looked up again from TMPDIR at its next use

import contextlib  # noqa: E402
import functools  # noqa: E402
import gc  # noqa: E402
import io  # noqa: E402
import runpy  # noqa: E402

import pytest  # noqa: E402
import typer.testing  # noqa: E402
from pylatexenc import latex2text  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from ketalit.cli import GC_THRESHOLD, app  # noqa: E402
from ketalit.library import Library  # noqa: E402

# The test processes run the commands in process, with the collector's older generations set as the `ketalit` command
# sets them (GC_THRESHOLD) but its youngest collected after 500,000 new objects rather than 50,000: a test process lives
# for hundreds of tests, each of which makes and drops libraries of a few hundred thousand objects, so at 50,000 most of
# them were walked once or twice before the test dropped them (7.1 CPU-s of collections in the three test processes of
# one run, 3.0 of 62 CPU-s in seven claims and report files in one process; 1.0 at 500,000, for about 170 MB more
# memory a process: bench/README.md, "The suite, round 27"). What the commands do does not depend on it.
TEST_GC_THRESHOLD = (500_000, *GC_THRESHOLD[1:])
gc.set_threshold(*TEST_GC_THRESHOLD)


def _end_now() -> None:  # pragma: no cover - runs after the last hook
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


# A pytest-xdist test process ends as soon as it has reported its last test and run its clean-ups (the test folders
# removed) and the exit handlers registered after this one (those of everything the tests imported), not after
# tearing its interpreter down object by object while the controller waits for it (bench/README.md, "The suite,
# round 18" on branch suite21, and "The suite, round 23"). Its results are in the controller by then, and the run's
# exit status is the controller's. Not in the controller or a run without workers (`-n 0`), which end as Python does.
if os.environ.get("PYTEST_XDIST_WORKER"):
    import atexit

    atexit.register(_end_now)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NCBI = FIXTURES / "ncbi"
SNAPSHOT = ROOT / "library" / "snapshot"
SOURCES = ROOT / "library" / "sources"
T = TypeVar("T")

# typer's CliRunner builds the click command line from the app at every invoke, reading the signature of every
# command again (about 8 ms; some 800 invokes a run); the app does not change during a run, so each test process
# builds it once.
typer.testing._get_command = functools.cache(typer.testing._get_command)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked slow first (in their order), so that none is left to start near the end of a run; then the
    other tests that use the browser, so that they are at the front of the same test process's share with the slow
    ones (pytest-xdist's work stealing gives each test process a third of the tests in this order, and a process that
    runs out takes the second half of what another has not started) and one test process starts a browser and loads its
    reports, not two (each start and load of the report costs Chromium about a CPU-second)."""
    items.sort(key=lambda item: (item.get_closest_marker("slow") is None, "browser" not in item.fixturenames))


@pytest.fixture(scope="session", autouse=True)
def _no_fsync():
    """fsync is a no-op in the test processes (as under eatmydata): it makes a write durable across a power cut, which
    no test here can observe (a process killed mid-write loses nothing fsync would have kept: the kernel has the
    data), and the suite's 11,700 of them each waited on the disk (51 s in all, in one single-process run on the shared
    machine). The tests of crashes and kills run ketalit in processes of their own, whose fsync is the real one; a test
    that makes fsync fail patches it over this."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(os, "fsync", lambda fd: None)
        yield


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library.init(tmp_path / "lib")


@pytest.fixture(scope="session")
def shipped_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the shipped library, so tests may read it without touching the repository."""
    dest = tmp_path_factory.mktemp("shipped") / "library"
    shutil.copytree(ROOT / "library", dest, ignore=shutil.ignore_patterns("*.lock"))
    return dest


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], T]) -> T:
    """``build(folder)``'s result, made once per run of the suite for every test process that asks: the first one
    builds it in a folder they all share and keeps the result (pickled); the others wait for it, then read it. For
    what is slow to make and only read by the tests (the shipped library's report, its linked claims)."""
    from filelock import FileLock

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # the run's folder, above each worker's
    folder, kept = shared / name, shared / f"{name}.pickle"
    with FileLock(shared / f"{name}.lock"):
        if not kept.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            kept.write_bytes(pickle.dumps(build(folder)))
        return pickle.loads(kept.read_bytes())


@pytest.fixture(scope="session")
def shipped_report_files(tmp_path_factory: pytest.TempPathFactory):
    """The shipped library's report (made from a copy of it), written once per run for the tests that only read it."""
    from ketalit.report.render import write_report

    def build(folder: Path):
        shutil.copytree(ROOT / "library", folder / "library", ignore=shutil.ignore_patterns("*.lock"))
        return write_report(Library.open(folder / "library"), folder / "report")

    return built_once(tmp_path_factory, "shipped_report", build)


@pytest.fixture(scope="session")
def records_only_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped library's records, without any page or claim, and their index with the records' embeddings: made
    once per run, never written to."""

    def build(folder: Path) -> Path:
        dest = folder / "library"
        copy_library_files(ROOT / "library", dest)
        shutil.copytree(ROOT / "library" / "snapshot", dest / "snapshot")
        from ketalit.claims.review import forget_all_claims

        forget_all_claims(dest)
        index_with_vectors(dest)
        return dest

    return built_once(tmp_path_factory, "records_only", build)


@pytest.fixture
def records_only(records_only_template: Path, tmp_path: Path) -> Path:
    """A test's own copy of ``records_only_template``."""
    dest = tmp_path / "library"
    shutil.copytree(records_only_template, dest, ignore=shutil.ignore_patterns("*.lock"))
    return dest


def claims_of_page(template: Path, folder: Path, text: str, title: str) -> dict[str, dict]:
    """A page's claims by quote, checked whole (as ``ketalit check`` does) into ``folder``'s own copy of
    ``template`` (the records-only library)."""
    from ketalit.claims.check import check_page

    lib = folder / "library"
    shutil.copytree(template, lib, ignore=shutil.ignore_patterns("*.lock"))
    result = check_page(Library.open(lib), text.encode(), "page.txt", title=title)
    return {claim["quote"]: claim for claim in result.claims}


def readings(title: str, *sentences: str) -> dict[str, Any]:
    """The claims ``ketalit check`` extracts from a page of ``sentences`` under the heading ``title``, each quote with
    its reading (extraction and normalisation only: nothing is linked)."""
    from ketalit.claims.check import page_claims

    text = "\n\n".join([title, *sentences]) + "\n"
    return {c.quote: n for c, n in page_claims(text, title=title)}


def result_findings(title: str, methods: str, results: str) -> list[Any]:
    """The findings ketalit reads in a record whose abstract is ``methods`` and ``results`` under those section labels
    (``findings.read_record``), in order."""
    from ketalit.claims.findings import read_record
    from ketalit.records import author, new_record

    rec = new_record(
        title=title,
        authors=[author("Doe", "Jane")],
        year=2020,
        abstract=[
            {"label": "METHODS", "category": "", "text": methods},
            {"label": "RESULTS", "category": "", "text": results},
        ],
    )
    return list(read_record(rec).findings)


def page_claims_fixture(page: str, title: str) -> Callable[..., dict[str, dict]]:
    """A module's ``claims`` fixture: ``page`` (with ``title``) checked whole once for the module, its claims by quote
    (``claims_of_page`` into a folder of its own)."""

    @pytest.fixture(scope="module")
    def claims(records_only_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
        return claims_of_page(records_only_template, tmp_path_factory.mktemp("page"), page, title)

    return claims


def keeps_its_verdict(near_misses: dict[str, str]) -> Callable[..., None]:
    """A test, one case per quote, that each true claim worded near a changed or false one (``near_misses``: quote ->
    verdict) is on the module's page and keeps its verdict; assign it to a ``test_...`` name for pytest to collect."""

    @pytest.mark.parametrize("quote", sorted(near_misses))
    def test(claims: dict[str, dict], quote: str) -> None:
        assert quote in claims, sorted(claims)
        assert claims[quote]["verdict"] == near_misses[quote], claims[quote]["explanation"]

    return test


@pytest.fixture(scope="session")
def linked_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped library with its claims linked by the rules as they are now (not as they were when the
    library was last rebuilt): made once per run, never written to (copy it to change it)."""
    from ketalit.claims.store import link_all

    def build(folder: Path) -> Path:
        root = folder / "library"
        shutil.copytree(ROOT / "library", root, ignore=shutil.ignore_patterns("*.lock"))
        link_all(Library.open(root))
        return root

    return built_once(tmp_path_factory, "linked", build)


def index_with_vectors(root: Path) -> None:
    """Library ``root``'s search index written, with every record's embedding in it (what linking claims first makes
    and keeps there): a copy of the folder (``shutil.copytree``) links without making them again (0.2-0.4 CPU-s a
    copy of the shipped library). For the templates that tests copy before they check pages or link claims."""
    from ketalit.search.index import SearchIndex

    lib = Library.open(root)
    index = SearchIndex.for_library(lib)
    try:
        index.similarity("", lib)
    finally:
        index.close()


def keep_claims(root: Path, keep: Callable[[dict], bool]) -> None:
    """Library ``root`` with only the linked claims ``keep`` accepts (and the contradictions between them), as if only
    they had been checked: a report of a few claims exercises all that the whole library's report does, at a fraction
    of its size. For the tests of how a report behaves (in a browser, in print) rather than of what it concludes."""
    lib = Library.open(root)
    with lib.transaction():
        lib.table("claims").remove(lambda row: not keep(row))
        kept = {row["id"] for row in lib.table("claims").all()}
        meta = lib.table("claims_meta")
        [state] = meta.all()
        meta.update({"contradictions": [c for c in state["contradictions"] if set(c["claims"]) <= kept]})


def copy_library_files(src: Path, dest: Path) -> None:
    """The files that hold library ``src`` (its manifest, records, user data and claims; not its snapshot, pages or
    claims catalogue), copied into the folder ``dest``."""
    manifest = json.loads((src / "ketalit.json").read_text())
    for name in ["ketalit.json", *next(iter(manifest["meta"].values())).get("files", {})]:
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src / name, dest / name)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def files_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The library files read from now on (names as the library's manifest has them), in order."""
    from ketalit.library.files import FileSet

    read: list[str] = []
    real = FileSet.read

    def spy(self: FileSet, name: str):
        read.append(name)
        return real(self, name)

    monkeypatch.setattr(FileSet, "read", spy)
    return read


def run_cli(runner: CliRunner, library: Path, *args: str):
    return runner.invoke(app, ["--library", str(library), *args])


def run_bench(script: str, *args: str) -> str:
    """What ``python bench/SCRIPT ARGS`` prints, run in this process (as its ``__main__``, its arguments in
    ``sys.argv``, the bench folder importable as when it is run): a test of a bench script's figures is not a test of
    a process, and in process it does not import ketalit and read the vocabulary and patterns again (about a
    CPU-second a script). A script that exits with an error raises ``SystemExit``, which fails the test."""
    path = ROOT / "bench" / script
    with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stdout(io.StringIO()) as out:
        mp.setattr(sys, "argv", [str(path), *args])
        mp.setattr(sys, "path", [str(path.parent), *sys.path])
        runpy.run_path(str(path), run_name="__main__")
    return out.getvalue()


_REAL_FSYNC = os.fsync  # before _no_fsync makes it a no-op in this process


class Forked:
    """``python -c SCRIPT ARGS`` as a child forked from this test process, with ``subprocess.Popen``'s interface as
    the tests of writers killed or racing each other use it (``stdout`` and ``stderr`` pipes read as text,
    ``send_signal``, ``wait``, ``returncode``). It is a process of its own as theirs was (its own open files, locks,
    memory and real fsync; killed, it dies mid-write), but it starts with Python and ketalit already imported: a new
    ``python -c`` spent 0.1-0.4 CPU-s starting and importing before the script's first line, about 40 times a run
    (bench/README.md, "The suite, round 16"). For writers whose tests are about what they leave behind (killed or
    racing); not where a test is about the process itself (its streams and their encoding, its command line, the
    entry point's errors: ``run_ketalit``), which a fork would share with this one."""

    def __init__(self, script: str, *args: str, text: bool = True, new_session: bool = False) -> None:
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns into pytest
            code = 1
            try:
                if new_session:
                    os.setsid()
                os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
                os.dup2(out_w, 1)
                os.dup2(err_w, 2)
                os.closerange(3, os.sysconf("SC_OPEN_MAX"))  # what a new process would not have had open
                sys.stdin, sys.stdout, sys.stderr = (
                    open(fd, mode, closefd=False) for fd, mode in ((0, "r"), (1, "w"), (2, "w"))
                )
                os.fsync = _REAL_FSYNC
                sys.argv = ["-c", *args]
                exec(compile(script, "<string>", "exec"), {"__name__": "__main__"})
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            except BaseException:
                import traceback

                traceback.print_exc()
            finally:
                with contextlib.suppress(Exception):
                    sys.stdout.flush()
                    sys.stderr.flush()
                os._exit(code)
        os.close(out_w)
        os.close(err_w)
        self.stdout = open(out_r, encoding="utf-8") if text else open(out_r, "rb")
        self.stderr = open(err_r, encoding="utf-8") if text else open(err_r, "rb")
        self.returncode: int | None = None

    def send_signal(self, sig: int) -> None:
        if self.returncode is None:
            os.kill(self.pid, sig)

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"forked {self.pid}", timeout or 0)
            time.sleep(0.005)
        assert self.returncode is not None
        return self.returncode

    def communicate(self, timeout: float | None = None) -> tuple[str | bytes, str | bytes]:
        """Everything the child writes to stdout and stderr until it ends (as ``Popen.communicate``)."""
        import selectors

        deadline = None if timeout is None else time.monotonic() + timeout
        got: dict[int, list[bytes]] = {self.stdout.fileno(): [], self.stderr.fileno(): []}
        with selectors.DefaultSelector() as sel:
            for fd in got:
                sel.register(fd, selectors.EVENT_READ)
            while sel.get_map():
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    raise subprocess.TimeoutExpired(f"forked {self.pid}", timeout or 0)
                for key, _ in sel.select(left):
                    chunk = os.read(key.fd, 65536)
                    if chunk:
                        got[key.fd].append(chunk)
                    else:
                        sel.unregister(key.fd)
        self.wait(None if deadline is None else max(0.0, deadline - time.monotonic()))
        out, err = (b"".join(parts) for parts in got.values())
        if isinstance(self.stdout, io.TextIOWrapper):
            return out.decode("utf-8"), err.decode("utf-8")
        return out, err

    def __del__(self) -> None:
        for pipe in (getattr(self, "stdout", None), getattr(self, "stderr", None)):
            if pipe is not None:
                pipe.close()


def run_ketalit(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 120):
    """The real `ketalit` entry point in a subprocess (exit codes and stderr as a user sees them)."""
    return subprocess.run(
        [sys.executable, "-m", "ketalit", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout
    )


# What LaTeX prints for a BibTeX field, as plain text: pylatexenc's decoder, taught the brace commands it lacks and
# without TeX's typographic ligatures (-- ``), so that the characters written can be compared with the record's.
_LATEX_DB = latex2text.get_default_latex_context_db().filter_context(exclude_categories=["nonascii-specials"])
_LATEX_DB.add_context_category(
    "text-braces",
    macros=[latex2text.MacroTextSpec("textbraceleft", "{"), latex2text.MacroTextSpec("textbraceright", "}")],
    prepend=True,
)


def latex_to_text(s: str) -> str:
    # pylatexenc decodes \textasciicircum to U+02C6 (modifier circumflex); the character written was "^".
    text = latex2text.LatexNodes2Text(latex_context=_LATEX_DB).latex_to_text(s)
    return " ".join(text.split()).replace("\u02c6", "^")


def write_claims_catalogue(root: Path, quote: str = "Ketamine relieves migraine pain.") -> None:
    """A one-claim catalogue (and its source page) in library ``root``: evidence about ketamine for migraine."""
    (root / "sources").mkdir(exist_ok=True)
    (root / "sources" / "900.txt").write_text(quote + "\n")
    (root / "claims.toml").write_text(
        '[documents."900"]\nfile = "sources/900.txt"\n\n[[claim]]\nid = "900-01"\n'
        f'quote = {json.dumps(quote)}\nstart = 0\nend = {len(quote)}\nkind = "efficacy"\nroutes = []\n'
        'outcomes = ["pain_intensity"]\nsettings = ["headache_migraine"]\nassertion = "relieves migraine"\n'
    )


# -- is a rendered page safe? ------------------------------------------------------------------------------------------

# What no output may carry from a record: C0 controls but tab and newline, DEL, C1 controls, bidi controls.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# The only links a report may hold: its own anchors, PRISMA figure and evidence files (and, from a claim's evidence
# page, the report's anchors), doi.org, PubMed and PMC.
ALLOWED_URL = re.compile(
    r"#[\w-]*|prisma\.svg|evidence/[A-Za-z0-9._-]+\.(?:bib|ris|csv|html)|\.\./report\.html#[\w-]*"
    r"|https://doi\.org/[A-Za-z0-9%/._~-]+"
    r"|https://pubmed\.ncbi\.nlm\.nih\.gov/[0-9]+/|https://pmc\.ncbi\.nlm\.nih\.gov/articles/PMC[0-9]+/"
)
# The one script a report may carry: the claim filters shipped with ketalit, byte for byte.
REPORT_SCRIPT = (ROOT / "src" / "ketalit" / "report" / "templates" / "report.js").read_text(encoding="utf-8")
ACTIVE_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "link"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.in_style = 0
        self.in_script = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]
        self.in_style += tag == "style"
        self.in_script += tag == "script"
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self.in_style -= tag == "style"
        self.in_script -= tag == "script"

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.scripts[-1] += data
        elif not self.in_style:
            self.text.append(data)


def check_page(page: str) -> str:
    """Assert that nothing in an HTML page can run or link anywhere but the allowed sites (the one script allowed is
    the report's own, unchanged); return its visible text (whitespace folded)."""
    parsed = _Page()
    parsed.feed(page)
    parsed.close()
    assert all(s == REPORT_SCRIPT for s in parsed.scripts) and len(parsed.scripts) <= 1, parsed.scripts
    assert not (ACTIVE_TAGS - {"script"}) & set(parsed.tags), ACTIVE_TAGS & set(parsed.tags)
    for tag, name, value in parsed.attrs:
        assert not name.startswith("on"), (tag, name, value)
        if name in ("href", "src", "xlink:href", "action", "formaction", "data", "srcdoc"):
            assert ALLOWED_URL.fullmatch(value), (tag, name, value)
    return " ".join("".join(parsed.text).split())


def markdown_to_html(md: str) -> str:
    """report.md as a CommonMark renderer shows it (raw HTML allowed, as CommonMark specifies; GFM tables)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(md)


def store_as_is(lib: Library, records: list[dict]) -> None:
    """Records stored as given, tagged but not normalised: what a library edited by hand or written by an older
    ketalit may hold (every importer normalises what it stores). For testing what output does with damaged text."""
    from ketalit.tagging.tagger import default_tagger

    with lib.transaction():
        for rec in records:
            lib.upsert(default_tagger().apply(rec))


def one_line_error(returncode: int, stderr: str, *words: str) -> str:
    """Assert the way every failure must look: exit status 1, one line on stderr naming ``words``, no traceback."""
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert returncode == 1, stderr
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    for w in words:
        assert w in lines[0], (w, lines[0])
    return lines[0]


def cli_error(result, *words: str) -> str:
    """``one_line_error`` for an in-process CliRunner result (which keeps an uncaught exception instead of printing)."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return one_line_error(result.exit_code, result.stderr, *words)


def make_claim(quote: str, **kw):
    """A catalogue claim of the given words for tests of the evidence engine: an efficacy claim on pain intensity
    with no route or setting unless ``kw`` says otherwise."""
    from ketalit.claims.catalogue import Claim

    fields = {
        "id": "900-01",
        "document": "900",
        "file": "x.txt",
        "quote": quote,
        "start": 0,
        "end": len(quote),
        "kind": "efficacy",
        "routes": [],
        "outcomes": ["pain_intensity"],
        "settings": [],
        "assertion": quote,
    }
    fields.update(kw)
    return Claim(**fields)
