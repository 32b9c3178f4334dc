"""`ketalit fetch` against a hostile or broken E-utilities server: no key leaves for another host or reaches any
output, no hang, no misdiagnosis, no traceback. Failures are one line on stderr, exit status 1, and a library that
is byte for byte what it was when nothing could be stored."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import json
import os
import time
from pathlib import Path

import pytest

from ketalit.errors import KetalitError
from ketalit.library import Library
from ketalit.pubmed import eutils
from ketalit.pubmed.eutils import DeadlineError, EUtilsClient, EUtilsError
from ketalit.pubmed.fetch import NoProgress, fetch_pmids, fetch_query, saved_searches
from test_fetch import QUERY, client_for, dump, efetch_log

from conftest import run_cli, run_ketalit
from eutils_server import Server, default_fake

KEY = "k3y-0f-the-c0nfig-f1le-5ecret"
EMAIL = "reviewer.name@example.org"
FEW = "intranasal AND children"  # a query with a handful of matches: few requests at NCBI's pace


def files_of(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def env_for(srv: Server, tmp_path: Path, config: str | None = None) -> dict[str, str]:
    """The environment of a user whose key and e-mail address are in the config file (or nowhere)."""
    env = {k: v for k, v in os.environ.items() if k not in ("NCBI_API_KEY", "NCBI_EMAIL")}
    env.update(KETALIT_EUTILS_URL=srv.url, XDG_CONFIG_HOME=str(tmp_path / "config"))
    if config:
        (tmp_path / "config" / "ketalit").mkdir(parents=True)
        (tmp_path / "config" / "ketalit" / "config.toml").write_text(config)
    return env


KEYED = f'[ncbi]\napi_key = "{KEY}"\nemail = "{EMAIL}"\n'


def error_lines(stderr: str) -> list[str]:
    assert "Traceback" not in stderr, stderr
    return [ln for ln in stderr.splitlines() if ln.startswith("error:")]


def assert_no_secret(*outputs: str | bytes, lib: Path) -> None:
    """Neither the key nor the e-mail address, in any encoding a URL or JSON could give them, in any byte written."""
    blobs = [o.encode() if isinstance(o, str) else o for o in outputs] + list(files_of(lib).values())
    for blob in blobs:
        for secret in (KEY, EMAIL, EMAIL.replace("@", "%40")):
            assert secret.encode() not in blob


@pytest.fixture
def fast_cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    """The CLI in this process, with short backoff, three tries and no pacing (the server is local)."""

    @dataclasses.dataclass
    class Quick(EUtilsClient):
        backoff_base: float = 0.01
        max_tries: int = 3
        rate: float | None = 100.0
        timeout: float = 1.0

    monkeypatch.setattr(eutils, "EUtilsClient", Quick)
    monkeypatch.delenv("NCBI_API_KEY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return monkeypatch


# -- 1. redirects: never followed, the key goes nowhere else ----------------------------------------------------------


@pytest.mark.e2e
def test_redirect_to_another_host_is_refused_and_sends_the_key_nowhere(tmp_path: Path) -> None:
    lib = Library.init(tmp_path / "lib")
    before = files_of(lib.root)
    with Server(default_fake(), host="127.0.0.2") as elsewhere:
        pmids = elsewhere.fake.search(QUERY, {})[:2]
        redirect = {"endpoint": "efetch.fcgi", "kind": "redirect", "code": 307, "times": 9}
        redirect["location"] = f"{elsewhere.url}efetch.fcgi?api_key={KEY}&email={EMAIL}"
        with Server(default_fake(faults=[redirect])) as mirror:
            proc = run_ketalit(
                "--library", str(lib.root), "fetch", "--pmid", ",".join(pmids), env=env_for(mirror, tmp_path, KEYED)
            )
            assert [e["params"]["api_key"] for e in mirror.fake.log] == [KEY]  # one request, with the key
        assert elsewhere.fake.log == []  # the other host received nothing
    assert proc.returncode == 1
    lines = error_lines(proc.stderr)
    assert len(lines) == 1 and "redirect" in lines[0] and "KETALIT_EUTILS_URL" in lines[0]
    assert "127.0.0.2" in lines[0]  # where it wanted to send the request, so the user can judge
    assert files_of(lib.root) == before
    assert_no_secret(proc.stdout, proc.stderr, lib=lib.root)


@pytest.mark.parametrize("endpoint", ["esearch.fcgi", "efetch.fcgi"])
@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("target", ["another-host", "itself", "file"])
def test_no_redirect_is_followed(endpoint: str, code: int, target: str, lib: Library) -> None:
    with Server(default_fake(), host="127.0.0.2") as elsewhere:
        with Server(default_fake()) as srv:
            location = {
                "another-host": f"{elsewhere.url}{endpoint}",
                "itself": f"{srv.url}{endpoint}",  # a loop
                "file": "file:///etc/passwd",
            }[target]
            fault = {"endpoint": endpoint, "kind": "redirect", "code": code, "location": location, "times": 99}
            srv.fake.faults.append(fault)
            # a generous timeout: a loaded machine's slow answer would be retried, and this counts requests
            client = client_for(srv, api_key=KEY, timeout=15.0)
            with pytest.raises(EUtilsError, match="never follows a redirect") as info:
                if endpoint == "esearch.fcgi":
                    fetch_query(lib, QUERY, client=client)
                else:
                    fetch_pmids(lib, srv.fake.search(QUERY, {})[:3], client=client)
            assert len(srv.fake.log) == 1  # not retried either: a redirect is not a passing fault
        assert elsewhere.fake.log == []
    assert location in str(info.value) and KEY not in str(info.value)
    assert len(Library.open(lib.root)) == 0


@pytest.mark.e2e
def test_a_non_http_mirror_address_is_one_line(tmp_path: Path, lib: Library) -> None:
    env = {**os.environ, "KETALIT_EUTILS_URL": "file:///etc/", "XDG_CONFIG_HOME": str(tmp_path)}
    proc = run_ketalit("--library", str(lib.root), "fetch", QUERY, env=env)
    assert proc.returncode == 1
    assert len(error_lines(proc.stderr)) == 1 and "http" in proc.stderr and "KETALIT_EUTILS_URL" in proc.stderr


# -- 2. the key and the e-mail address, from any source, reach no output -----------------------------------------------


@pytest.mark.e2e
def test_a_config_file_key_echoed_by_an_error_is_never_printed(tmp_path: Path) -> None:
    lib = Library.init(tmp_path / "lib")
    before = files_of(lib.root)
    with Server(default_fake(valid_api_key="a-different-key")) as srv:  # answers 400 quoting the key it was sent
        proc = run_ketalit("--library", str(lib.root), "fetch", QUERY, env=env_for(srv, tmp_path, KEYED))
        assert srv.fake.log[0]["params"]["api_key"] == KEY  # the config file's key was used, and echoed back
    assert proc.returncode == 1
    lines = error_lines(proc.stderr)
    assert len(lines) == 1 and "API key" in lines[0] and "config.toml" in lines[0]
    assert files_of(lib.root) == before
    assert_no_secret(proc.stdout, proc.stderr, lib=lib.root)


@pytest.mark.e2e
def test_a_fetch_whose_server_quotes_the_key_writes_it_nowhere(tmp_path: Path) -> None:
    lib = Library.init(tmp_path / "lib")
    faults = [
        {"endpoint": "esearch.fcgi", "kind": "echo", "times": 99},  # NCBI notes that quote the request
        {"endpoint": "efetch.fcgi", "kind": "status", "code": 503, "times": 1},  # a retry note on stderr
    ]
    with Server(default_fake(faults=faults)) as srv:
        proc = run_ketalit("--library", str(lib.root), "fetch", FEW, "--json", env=env_for(srv, tmp_path, KEYED))
        expected = srv.fake.search(FEW, {})
        assert all(e["params"]["api_key"] == KEY and e["params"]["email"] == EMAIL for e in srv.fake.log)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)[0]
    assert any("REDACTED" in w for w in report["warnings"])  # the note is shown, without the secrets
    assert "retry" in proc.stderr and "HTTP 503" in proc.stderr
    assert {r["pmid"] for r in Library.open(lib.root).records()} == set(expected) and expected
    assert saved_searches(Library.open(lib.root))[0]["status"] == "complete"
    assert_no_secret(proc.stdout, proc.stderr, lib=lib.root)


@pytest.mark.e2e
def test_a_record_that_quotes_the_key_is_stored_without_it(tmp_path: Path) -> None:
    """A server that echoes the request into a record's text (an error page stored as a title): the key and e-mail
    address are replaced before anything is stored, so no later output can show them."""
    lib = Library.init(tmp_path / "lib")
    with Server(default_fake(faults=[{"endpoint": "efetch.fcgi", "kind": "echo-record", "times": 99}])) as srv:
        proc = run_ketalit("--library", str(lib.root), "fetch", FEW, env=env_for(srv, tmp_path, KEYED))
        assert all(e["params"]["api_key"] == KEY for e in srv.fake.log)
    assert proc.returncode == 0, proc.stderr
    titles = [r["title"] for r in Library.open(lib.root).records()]
    assert any("api_key=REDACTED email=REDACTED" in t for t in titles), titles
    assert_no_secret(proc.stdout, proc.stderr, lib=lib.root)


@pytest.mark.slow
@pytest.mark.e2e
def test_a_key_inside_record_text_reaches_no_output(tmp_path: Path, runner, monkeypatch: pytest.MonkeyPatch) -> None:
    """A record that holds the config file's key and the user's e-mail address (imported from a file, or stored by
    an older ketalit): every command that shows or exports it writes REDACTED instead, on the terminal, in pipes and
    in files. The import, ``show`` and the TSV search into a pipe run as real processes (the key read from the config
    file and the environment by a command started afresh); the other commands run in process, with the same
    environment and each looking the key up afresh as every command does (a process each cost about 0.4 CPU-s)."""
    lib = Library.init(tmp_path / "lib")
    item = {
        "id": "echo",
        "type": "article-journal",
        "title": f"Ketamine for pain; the server said api_key={KEY}",
        "author": [{"family": "Echo", "given": "Ann"}],
        "issued": {"date-parts": [[2020]]},
        "container-title": f"Errors of {EMAIL}",
        "abstract": f"RESULTS: error page for {EMAIL.replace('@', '%40')} and key {KEY}.",
        "PMID": "90000042",
    }
    (tmp_path / "echo.json").write_text(json.dumps([item]))
    env = {k: v for k, v in os.environ.items() if k not in ("NCBI_API_KEY",)}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), NCBI_EMAIL=EMAIL)
    (tmp_path / "config" / "ketalit").mkdir(parents=True)
    (tmp_path / "config" / "ketalit" / "config.toml").write_text(f'[ncbi]\napi_key = "{KEY}"\n')
    assert run_ketalit("--library", str(lib.root), "import", str(tmp_path / "echo.json"), env=env).returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    commands = [
        ["show", "90000042"],
        ["show", "90000042", "--json"],
        ["search", "ketamine"],
        ["search", "ketamine", "--json"],
        ["search", "ketamine", "--format", "tsv", "--fields", "title,journal,abstract"],
        *(["export", fmt] for fmt in ("bibtex", "ris", "csljson", "jsonl")),
        *(["export", fmt, "-o", str(out / f"all.{fmt}")] for fmt in ("bibtex", "ris", "csljson", "jsonl")),
        ["report", "-o", str(out / "report")],
    ]
    real = {("show", "90000042"), ("search", "ketamine", "--format", "tsv", "--fields", "title,journal,abstract")}
    for name in ("NCBI_API_KEY", "XDG_CONFIG_HOME", "NCBI_EMAIL"):  # the processes' environment, for those in process
        if name in env:
            monkeypatch.setenv(name, env[name])
        else:
            monkeypatch.delenv(name, raising=False)
    written: list[str | bytes] = []
    for args in commands:
        if tuple(args) in real:
            proc = run_ketalit("--library", str(lib.root), *args, env=env)
            code, stdout, stderr = proc.returncode, proc.stdout, proc.stderr
        else:
            res = run_cli(runner, lib.root, *args)
            assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
            code, stdout, stderr = res.exit_code, res.stdout, res.stderr
        assert code == 0, (args, stderr)
        written += [stdout, stderr]
        if args[0] == "show" and "--json" not in args:
            assert "REDACTED" in stdout
    written += [p.read_bytes() for p in out.rglob("*") if p.is_file()]
    assert len(written) > 2 * len(commands)
    for blob in written:
        blob = blob.encode() if isinstance(blob, str) else blob
        for secret in (KEY, EMAIL, EMAIL.replace("@", "%40")):
            assert secret.encode() not in blob


def test_redact_covers_every_form_and_source() -> None:
    client = EUtilsClient(base_url="http://127.0.0.1:9/", api_key="cfg-key", email="me+x@uni.example.ac.uk")
    text = (
        "GET /efetch?api_key=cfg-key&email=me%2Bx%40uni.example.ac.uk said: key cfg-key for me+x@uni.example.ac.uk; "
        '{"api-key": "other-key", "contact": "someone@ncbi.example"}'
    )
    shown = client.redact(text)
    for secret in ("cfg-key", "other-key", "me+x@", "%40uni", "someone@"):
        assert secret not in shown
    assert shown.startswith("GET /efetch?api_key=REDACTED")


# -- 11. deadlines: no request and no run hangs; Retry-After is capped ------------------------------------------------


def test_a_dripping_answer_is_cut_at_the_request_deadline(lib: Library) -> None:
    drip = {"endpoint": "esearch.fcgi", "kind": "drip", "interval": 0.2, "times": 99}
    with Server(default_fake(faults=[drip])) as srv:
        client = client_for(srv, timeout=1.0, request_deadline=1.5, max_tries=2)  # each byte comes well in time
        started = time.monotonic()
        with pytest.raises(EUtilsError, match=r"failed 2 times \(last: no complete answer within 1.5 s"):
            fetch_query(lib, QUERY, client=client)
        assert time.monotonic() - started < 6
    assert len(Library.open(lib.root)) == 0


@pytest.mark.parametrize("endpoint", ["esearch.fcgi", "efetch.fcgi"])
def test_dripping_headers_are_cut_at_the_request_deadline(endpoint: str, lib: Library) -> None:
    """A server that sends its status line and headers a byte at a time (a read timeout never trips) is cut at the
    request's deadline too, on every E-utility."""
    drip = {"endpoint": endpoint, "kind": "drip", "headers": True, "interval": 0.2, "times": 99}
    with Server(default_fake(faults=[drip])) as srv:
        client = client_for(srv, timeout=1.0, request_deadline=1.5, max_tries=2)
        started = time.monotonic()
        with pytest.raises(EUtilsError, match=r"failed 2 times \(last: no complete answer within 1.5 s"):
            fetch_query(lib, QUERY, client=client)
        assert time.monotonic() - started < 6  # two tries of 1.5 s, not the minute each dripped answer takes
    assert len(Library.open(lib.root)) == 0


@pytest.mark.e2e
def test_dripping_headers_stop_at_the_run_deadline(tmp_path: Path) -> None:
    lib = Library.init(tmp_path / "lib")
    before = files_of(lib.root)
    drip = {"endpoint": "esearch.fcgi", "kind": "drip", "headers": True, "interval": 0.2, "times": 99}
    with Server(default_fake(faults=[drip])) as srv:
        started = time.monotonic()
        proc = run_ketalit("--library", str(lib.root), "fetch", QUERY, "--deadline", "2", env=env_for(srv, tmp_path))
        took = time.monotonic() - started
    assert proc.returncode == 1
    lines = error_lines(proc.stderr)
    assert len(lines) == 1 and "deadline of 2 s" in lines[0], proc.stderr
    assert took < 10
    assert files_of(lib.root) == before


@pytest.mark.e2e
def test_the_whole_run_has_a_deadline(tmp_path: Path) -> None:
    lib = Library.init(tmp_path / "lib")
    before = files_of(lib.root)
    drip = {"endpoint": "esearch.fcgi", "kind": "drip", "interval": 0.2, "times": 99}
    with Server(default_fake(faults=[drip])) as srv:
        started = time.monotonic()
        proc = run_ketalit("--library", str(lib.root), "fetch", QUERY, "--deadline", "2", env=env_for(srv, tmp_path))
        took = time.monotonic() - started
    assert proc.returncode == 1
    lines = error_lines(proc.stderr)
    assert len(lines) == 1 and "deadline of 2 s" in lines[0] and "--deadline" in lines[0]
    assert took < 10
    assert files_of(lib.root) == before


def test_retry_after_is_capped_and_the_cap_is_said(lib: Library) -> None:
    waits: list[float] = []
    notes: list[str] = []
    fault = {"endpoint": "efetch.fcgi", "kind": "status", "code": 429, "retry_after": 3600, "times": 1}
    with Server(default_fake(faults=[fault])) as srv:
        client = client_for(srv, sleep=waits.append, on_retry=notes.append, backoff_max=60.0)
        fetch_query(lib, FEW, client=client)
        assert len(Library.open(lib.root)) == len(srv.fake.search(FEW, {}))
    assert 59 <= max(waits) <= 60  # honoured, up to the cap
    assert len(notes) == 1 and "1 h" in notes[0] and "at most" in notes[0]


def test_retry_after_as_an_http_date_is_honoured(lib: Library) -> None:
    waits: list[float] = []
    when = email.utils.format_datetime(dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=30), usegmt=True)
    fault = {"endpoint": "efetch.fcgi", "kind": "status", "code": 503, "retry_after": when, "times": 1}
    with Server(default_fake(faults=[fault])) as srv:
        fetch_query(lib, FEW, client=client_for(srv, sleep=waits.append))
    assert 25 <= max(waits) <= 30


def test_a_wait_past_the_run_deadline_stops_at_once(lib: Library) -> None:
    waits: list[float] = []
    fault = {"endpoint": "efetch.fcgi", "kind": "status", "code": 429, "retry_after": 3600, "times": 1}
    with Server(default_fake(faults=[fault])) as srv:
        client = client_for(srv, sleep=waits.append, run_deadline=20.0)
        with pytest.raises(DeadlineError, match="deadline of 20 s"):
            fetch_query(lib, FEW, client=client)
    assert not any(w >= 1 for w in waits)  # did not sleep towards a deadline it could not meet


# -- 12. faults told apart ---------------------------------------------------------------------------------------------


@pytest.mark.e2e
def test_a_pmid_that_does_not_exist_is_not_found_once_and_the_rest_goes_on(tmp_path: Path) -> None:
    lib = Library.init(tmp_path / "lib")
    with Server(default_fake()) as srv:
        a, b = srv.fake.search(QUERY, {})[:2]
        pmids = f"{a},99999999,{b}"
        args = ("--library", str(lib.root), "fetch", "--pmid", pmids, "--batch-size", "1")
        proc = run_ketalit(*args, env=env_for(srv, tmp_path))
        assert len(efetch_log(srv)) == 3  # one request each: the empty answer is not retried
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.count("99999999") == 1 and "not found in PubMed" in proc.stderr
    assert "NCBI may be down" not in proc.stderr and "retry" not in proc.stderr
    assert {r["pmid"] for r in Library.open(lib.root).records()} == {a, b}


def test_search_backend_failed_is_retried_as_transient(lib: Library) -> None:
    retries: list[str] = []
    with Server(default_fake(faults=[{"endpoint": "esearch.fcgi", "kind": "backend", "times": 2}])) as srv:
        report = fetch_query(lib, QUERY, batch_size=50, client=client_for(srv, on_retry=retries.append, timeout=5.0))
        assert report.count == len(srv.fake.search(QUERY, {}))
    assert len(retries) == 2 and all("Search Backend failed" in r for r in retries)
    with Server(default_fake(faults=[{"endpoint": "esearch.fcgi", "kind": "backend", "times": 99}])) as srv:
        with pytest.raises(EUtilsError) as info:
            fetch_query(lib, QUERY, client=client_for(srv, max_tries=3))
    assert "failed 3 times" in str(info.value) and "query syntax" not in str(info.value)


def test_records_not_asked_for_are_never_stored(server: Server, lib: Library, tmp_path: Path) -> None:
    wanted = server.fake.search(QUERY, {})[0]
    server.fake.faults.append({"endpoint": "efetch.fcgi", "kind": "swap", "times": 1})
    before = files_of(lib.root)
    report = fetch_pmids(lib, [wanted], client=client_for(server))
    assert files_of(lib.root) == before  # nothing stored, nothing rewritten
    assert report.missing == [wanted] and len(report.not_asked_for) == 1
    assert any("not asked for" in w and "not stored" in w for w in report.warnings)
    # in a query, the batch that came back wrong is fetched again by PMID: the library is exactly the query's
    ref = Library.init(tmp_path / "ref")
    fetch_query(ref, QUERY, batch_size=25, client=client_for(server))
    server.fake.faults.append({"endpoint": "efetch.fcgi", "kind": "swap", "skip": 1, "times": 1})
    got = Library.init(tmp_path / "got")
    report = fetch_query(got, QUERY, batch_size=25, client=client_for(server))
    assert dump(got) == dump(ref) and report.missing == []
    assert any("not asked for" in w for w in report.warnings)


@pytest.fixture
def server():
    with Server(default_fake()) as srv:
        yield srv


# -- 15/16. the network's other faults and bad arguments: one line, exit 1, library unchanged ------------------------

FAULTS = {
    "bad-gzip": ({"endpoint": "esearch.fcgi", "kind": "badgzip", "times": 99}, "compression is corrupt"),
    "count-not-a-number": ({"endpoint": "esearch.fcgi", "kind": "count", "times": 99}, "Count that is not a number"),
    "html-page": ({"endpoint": "esearch.fcgi", "kind": "html", "times": 99}, "HTML page"),
}


@pytest.mark.e2e
@pytest.mark.parametrize("case", sorted(FAULTS))
def test_network_faults_end_in_one_line(case: str, lib: Library, runner, fast_cli: pytest.MonkeyPatch) -> None:
    fault, words = FAULTS[case]
    before = files_of(lib.root)
    with Server(default_fake(faults=[fault])) as srv:
        fast_cli.setenv("KETALIT_EUTILS_URL", srv.url)
        res = run_cli(runner, lib.root, "fetch", QUERY)
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit)  # not a crash
    lines = error_lines(res.stderr)
    assert len(lines) == 1 and words in lines[0] and "failed 3 times" in lines[0]
    assert files_of(lib.root) == before


def test_bad_gzip_once_is_retried(lib: Library) -> None:
    with Server(default_fake(faults=[{"endpoint": "efetch.fcgi", "kind": "badgzip", "skip": 1, "times": 1}])) as srv:
        retries: list[str] = []
        report = fetch_query(lib, QUERY, batch_size=25, client=client_for(srv, on_retry=retries.append, timeout=5.0))
        assert report.added == report.count == len(srv.fake.search(QUERY, {}))
    assert len(retries) == 1 and "compression is corrupt" in retries[0]


def test_a_session_that_expires_twice_running_is_fetched_by_pmid(server: Server, lib: Library) -> None:
    server.fake.faults.append({"endpoint": "efetch.fcgi", "kind": "session", "skip": 1, "times": 2})
    notes: list[str] = []

    class Notes(NoProgress):
        def note(self, text: str) -> None:
            notes.append(text)

    report = fetch_query(lib, QUERY, batch_size=25, client=client_for(server), progress=Notes())
    assert {r["pmid"] for r in Library.open(lib.root).records()} == set(server.fake.search(QUERY, {}))
    assert report.missing == [] and any("by PMID" in n for n in notes)
    # batch 1 by session, batch 2 twice by session (expired both times), then batch 2 and the rest by PMID
    later = efetch_log(server)[3:]
    assert later and all("id" in e["params"] for e in later)


def _pmid_file(tmp_path: Path, case: str) -> Path:
    p = tmp_path / "pmids.txt"
    if case == "folder":
        p.mkdir()
    elif case == "latin-1":
        p.write_bytes("30592476\n# Müller\n".encode("latin-1"))
    elif case == "not-a-pmid":
        p.write_text("30592476\n30592477, PMC123456\n")
    return p


BAD_ARGUMENTS = {
    "max-negative": (["fetch", QUERY, "--max", "-5"], "--max"),
    "max-zero": (["fetch", QUERY, "--max", "0"], "--max"),
    "mindate-month-13": (["fetch", QUERY, "--mindate", "2015/13/01"], "--mindate '2015/13/01' is not a date"),
    "maxdate-words": (["fetch", QUERY, "--maxdate", "yesterday"], "--maxdate 'yesterday' is not a date"),
    "maxdate-feb-30": (["fetch", QUERY, "--maxdate", "2020/02/30"], "not a date"),
    "dates-reversed": (["fetch", QUERY, "--mindate", "2020", "--maxdate", "2015"], "is after --maxdate"),
    "timeout-words": (["fetch", QUERY, "--timeout", "soon"], "--timeout 'soon' is not a duration"),
    "deadline-zero": (["fetch", QUERY, "--deadline", "0"], "--deadline '0' is not a duration"),
    "pmid-file-missing": (["fetch", "--pmid-file", "{missing}"], "no such file"),
    "pmid-file-folder": (["fetch", "--pmid-file", "{folder}"], "is a folder"),
    "pmid-file-latin-1": (["fetch", "--pmid-file", "{latin-1}"], "not UTF-8 text (invalid byte at line 2)"),
    "pmid-file-not-a-pmid": (["fetch", "--pmid-file", "{not-a-pmid}"], "line 2: 'PMC123456' is not a PMID"),
}


@pytest.mark.e2e
@pytest.mark.parametrize("case", sorted(BAD_ARGUMENTS))
def test_bad_arguments_are_one_line_and_ask_nothing(
    case: str, tmp_path: Path, lib: Library, runner, fast_cli: pytest.MonkeyPatch
) -> None:
    before = files_of(lib.root)
    args, words = BAD_ARGUMENTS[case]
    args = [_pmid_file(tmp_path, a[1:-1]).as_posix() if a.startswith("{") else a for a in args]
    with Server(default_fake()) as srv:
        fast_cli.setenv("KETALIT_EUTILS_URL", srv.url)
        res = run_cli(runner, lib.root, *args)
        assert srv.fake.log == []
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit)
    lines = error_lines(res.stderr)
    assert lines == [res.stderr.strip()] and words in lines[0]
    assert files_of(lib.root) == before


def test_the_api_refuses_bad_limits_too(server: Server, lib: Library) -> None:
    # the API names its own parameter, never a flag (the command line says --max: BAD_ARGUMENTS above)
    with pytest.raises(KetalitError, match="^max_records must be 1 or more") as info:
        fetch_query(lib, QUERY, max_records=-5, client=client_for(server))
    assert info.value.options == ("max_records",) and "--" not in str(info.value)
    with pytest.raises(KetalitError, match="not a date"):
        fetch_query(lib, QUERY, mindate="2015/00", client=client_for(server))
    assert server.fake.log == [] and saved_searches(lib) == []
