"""`ketalit fetch` against a local E-utilities server on 127.0.0.1: results, politeness, faults, resumption."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ketalit.errors import KetalitError
from ketalit.formats.pubmed import parse_pubmed_xml
from ketalit.library import Library
from ketalit.pubmed.eutils import EUtilsClient, EUtilsError
from ketalit.pubmed.fetch import fetch_pmids, fetch_query, saved_searches, update_searches

from eutils_server import EFETCH_HEAD, EFETCH_TAIL, Server, default_fake, load_articles

QUERY = "ketamine AND pain"


@pytest.fixture
def server():
    with Server(default_fake()) as srv:
        yield srv


def client_for(srv: Server, **kw) -> EUtilsClient:
    """A client with short waits; ``rate=None`` restores NCBI's pacing (3/s, 10/s with a key) for the tests of it."""
    opts = {"backoff_base": 0.05, "timeout": 1.0, "email": "tests@example.org", "api_key": "", "rate": 50.0}
    opts.update(kw)
    return EUtilsClient(base_url=srv.url, **opts)


def dump(lib: Library) -> list[dict]:
    """Records without their arrival times: what must be identical across two ways of fetching."""
    out = []
    for r in Library.open(lib.root).records():
        r = {k: v for k, v in r.items() if k not in ("_id", "provenance", "citekey")}
        out.append(r)
    return sorted(out, key=lambda r: r["pmid"])


def efetch_log(srv: Server) -> list[dict]:
    return [e for e in srv.fake.log if e["endpoint"] == "efetch.fcgi"]


def test_fetch_yields_every_matching_record_exactly(server: Server, lib: Library) -> None:
    report = fetch_query(lib, QUERY, batch_size=20, client=client_for(server))
    expected = server.fake.search(QUERY, {})
    assert report.count == len(expected) > 40
    stored = {r["pmid"]: r for r in Library.open(lib.root).records()}
    assert set(stored) == set(expected)
    # each stored record is exactly what the served XML says
    arts = server.fake.by_pmid()
    for pmid in expected[:10]:
        direct = parse_pubmed_xml((EFETCH_HEAD + arts[pmid].xml + EFETCH_TAIL).encode(), "x")[0]
        for key in ("title", "authors", "doi", "year", "abstract", "journal"):
            assert stored[pmid][key] == direct[key]
        assert stored[pmid]["provenance"][0] == {**stored[pmid]["provenance"][0], "kind": "query", "source": QUERY}
    searches = saved_searches(lib)
    assert searches[0]["query"] == QUERY and searches[0]["count"] == len(expected)
    assert searches[0]["status"] == "complete"
    # ESearch with usehistory, then EFetch by WebEnv/query_key in batches
    fetches = efetch_log(server)
    assert len(fetches) == -(-len(expected) // 20)
    assert all("WebEnv" in e["params"] and e["params"]["query_key"] == "1" for e in fetches)
    assert all(
        e["params"]["tool"] == "ketalit" and e["params"]["email"] == "tests@example.org" for e in server.fake.log
    )


def paced_client(srv: Server, **kw) -> tuple[EUtilsClient, list[float]]:
    """A client at NCBI's own pace, and the list it fills with the moment each request is let go."""
    client = client_for(srv, rate=None, **kw)
    starts: list[float] = []
    wait = client.limiter.wait

    def timed_wait() -> None:
        wait()
        starts.append(time.monotonic())

    client.limiter.wait = timed_wait  # type: ignore[method-assign]
    return client, starts


def assert_paced(starts: list[float], arrivals: list[float], per_second: int) -> None:
    """Every request went through the pacing, no ``per_second + 1`` of them started within one second, and the
    server saw them that way too (arrivals are checked with room for a busy machine's scheduling delays)."""
    assert len(starts) == len(arrivals)
    for a, b in zip(starts, starts[per_second:], strict=False):
        assert b - a >= 1.0
    for a, b in zip(arrivals, arrivals[per_second:], strict=False):
        assert b - a >= 0.85


def test_request_rate_is_at_most_3_per_second_without_key(server: Server, lib: Library) -> None:
    client, starts = paced_client(server)
    fetch_query(lib, QUERY, batch_size=10, client=client)
    times = [e["t"] for e in server.fake.log]
    assert len(times) >= 8
    assert_paced(starts, times, 3)  # never 4 request starts within one second


def test_request_rate_is_at_most_10_per_second_with_key(lib: Library) -> None:
    with Server(default_fake(valid_api_key="k-123")) as srv:
        client, starts = paced_client(srv, api_key="k-123")
        fetch_query(lib, QUERY, batch_size=4, client=client)
        times = [e["t"] for e in srv.fake.log]
        assert len(times) >= 15
        assert all(e["params"]["api_key"] == "k-123" for e in srv.fake.log)
        assert_paced(starts, times, 10)
        # faster than the keyless pace: the key's rate is the one the client spaces its requests by (the wall time of
        # the whole fetch said so too, but on a machine at load 10 it measured the machine: 21 requests took over 7 s)
        assert client.limiter.interval < 1 / 3
        keyless, _ = paced_client(srv)
        assert keyless.limiter.interval > 1 / 10


@pytest.fixture(scope="module")
def clean_fetch(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    """What a fetch of QUERY in batches of 25 stores from a server without faults (``dump``): fetched once per test
    process for the tests that compare a faulted fetch with it, and only read."""
    with Server(default_fake()) as clean:
        ref = Library.init(tmp_path_factory.mktemp("clean") / "ref")
        fetch_query(ref, QUERY, batch_size=25, client=client_for(clean))
    return dump(ref)


@pytest.mark.parametrize(
    "fault",
    [
        {"kind": "status", "code": 500},
        {"kind": "status", "code": 502},
        {"kind": "status", "code": 503},
        {"kind": "slow", "seconds": 2.5},
        {"kind": "drop"},
        {"kind": "truncate"},
        {"kind": "html"},
    ],
    ids=lambda f: f"{f['kind']}-{f.get('code', '')}",
)
def test_efetch_faults_are_retried_and_the_library_is_exact(fault: dict, lib: Library, clean_fetch: list[dict]) -> None:
    with Server(default_fake(faults=[{"endpoint": "efetch.fcgi", "skip": 1, "times": 2, **fault}])) as srv:
        retries: list[str] = []
        fetch_query(lib, QUERY, batch_size=25, client=client_for(srv, on_retry=retries.append))
        assert len(retries) == 2  # the second batch failed twice, then succeeded
        assert dump(lib) == clean_fetch


def test_429_honours_retry_after(lib: Library) -> None:
    fault = {"endpoint": "efetch.fcgi", "kind": "status", "code": 429, "retry_after": 1, "times": 1}
    with Server(default_fake(faults=[fault])) as srv:
        fetch_query(lib, QUERY, batch_size=50, client=client_for(srv))
        fetches = efetch_log(srv)
        assert fetches[1]["t"] - fetches[0]["t"] >= 1.0  # waited as told, not the 0.05 s backoff
        assert len(Library.open(lib.root)) == srv.fake.search(QUERY, {}).__len__()


def test_esearch_faults_are_retried(lib: Library) -> None:
    faults = [
        {"endpoint": "esearch.fcgi", "kind": "status", "code": 503, "times": 1},
        {"endpoint": "esearch.fcgi", "kind": "html", "times": 1},
    ]
    with Server(default_fake(faults=faults)) as srv:
        report = fetch_query(lib, QUERY, batch_size=50, client=client_for(srv))
        assert report.count == len(srv.fake.search(QUERY, {}))


def test_html_error_page_is_never_zero_results(lib: Library) -> None:
    with Server(default_fake(faults=[{"endpoint": "esearch.fcgi", "kind": "html", "times": 100}])) as srv:
        with pytest.raises(EUtilsError, match="esearch.fcgi failed"):
            fetch_query(lib, QUERY, client=client_for(srv, max_tries=3))
    assert len(Library.open(lib.root)) == 0
    assert not any(s.get("status") == "complete" for s in saved_searches(lib))  # never recorded as "count 0"


def test_bad_query_is_a_clear_error(server: Server, lib: Library) -> None:
    with pytest.raises(KetalitError, match=r"PubMed rejected the search .*Unbalanced"):
        fetch_query(lib, "ketamine AND (pain", client=client_for(server))


def test_zero_results_is_zero_with_ncbi_notes(server: Server, lib: Library) -> None:
    report = fetch_query(lib, "abcXYZnothing", client=client_for(server))
    assert report.count == 0 and report.added == 0
    assert any("PhraseNotFound" in w for w in report.warnings)
    assert saved_searches(lib)[0]["status"] == "complete"


def test_fetch_that_finally_fails_leaves_only_whole_batches(lib: Library) -> None:
    faults = [{"endpoint": "efetch.fcgi", "kind": "truncate", "skip": 2, "times": 100}]
    with Server(default_fake(faults=faults)) as srv:
        with pytest.raises(EUtilsError, match="efetch.fcgi failed 3 times"):
            fetch_query(lib, QUERY, batch_size=10, client=client_for(srv, max_tries=3))
        stored = Library.open(lib.root).records()
        expected = srv.fake.search(QUERY, {})[:20]
        assert sorted(r["pmid"] for r in stored) == sorted(expected)
        for r in stored:  # every stored record is complete, none half-parsed
            assert r["title"] and r["authors"] and r["year"]


def test_interrupted_fetch_resumes_to_the_same_library(lib: Library, tmp_path: Path) -> None:
    with Server(default_fake()) as clean:
        ref = Library.init(tmp_path / "ref")
        fetch_query(ref, QUERY, batch_size=10, client=client_for(clean))
    faults = [{"endpoint": "efetch.fcgi", "kind": "status", "code": 503, "skip": 3, "times": 100}]
    with Server(default_fake(faults=faults)) as srv:
        with pytest.raises(EUtilsError):
            fetch_query(lib, QUERY, batch_size=10, client=client_for(srv, max_tries=2))
        assert len(Library.open(lib.root)) == 30
        srv.fake.faults.clear()
        before = len(efetch_log(srv))
        report = fetch_query(lib, QUERY, batch_size=10, client=client_for(srv))
        total = len(srv.fake.search(QUERY, {}))
        assert report.already_stored == 30 and report.added == total - 30
        assert len(efetch_log(srv)) - before == -(-(total - 30) // 10)  # stored batches were not fetched again
    assert dump(lib) == dump(ref)


@pytest.mark.e2e
def _ctrl_c_as_from_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def test_ctrl_c_keeps_committed_batches_and_rerun_completes(tmp_path: Path) -> None:
    lib = Library.init(tmp_path / "lib")
    faults = [{"endpoint": "efetch.fcgi", "kind": "slow", "seconds": 30, "skip": 2, "times": 1}]
    with Server(default_fake(faults=faults)) as srv:
        env = {**os.environ, "KETALIT_EUTILS_URL": srv.url, "NCBI_EMAIL": "tests@example.org"}
        env.pop("NCBI_API_KEY", None)
        proc = subprocess.Popen(
            [sys.executable, "-m", "ketalit", "--library", str(lib.root), "fetch", QUERY, "--batch-size", "10"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            # as from a terminal: a test process may run with Ctrl-C ignored or blocked, which its children inherit
            preexec_fn=_ctrl_c_as_from_a_terminal,
        )
        deadline = time.monotonic() + 30
        while len(efetch_log(srv)) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        out, errtext = proc.communicate(timeout=30)
        assert proc.returncode == 130, errtext
        assert "interrupted" in errtext and "Traceback" not in errtext
        assert len(Library.open(lib.root)) == 20
        srv.fake.faults.clear()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "ketalit",
                "--library",
                str(lib.root),
                "fetch",
                QUERY,
                "--batch-size",
                "10",
                "--json",
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)[0]
        assert report["already_stored"] == 20
        assert {r["pmid"] for r in Library.open(lib.root).records()} == set(srv.fake.search(QUERY, {}))
        assert f"fetched {report['count']}/{report['count']} records" in done.stderr  # plain progress lines


def test_large_query_is_split_by_date_windows(lib: Library) -> None:
    with Server(default_fake(cap=20)) as srv:
        report = fetch_query(lib, QUERY, batch_size=10, client=client_for(srv, rate=20), cap=20)
        expected = srv.fake.search(QUERY, {})
        assert len(expected) > 20 and len(report.windows) >= 4
        assert all(w["count"] <= 20 for w in report.windows)
        assert sum(w["count"] for w in report.windows) == report.count == len(expected)
        assert {r["pmid"] for r in Library.open(lib.root).records()} == set(expected)
        assert all(int(e["params"].get("retstart", 0)) < 20 for e in efetch_log(srv))


def test_session_expiry_searches_again(lib: Library) -> None:
    faults = [{"endpoint": "efetch.fcgi", "kind": "session", "skip": 1, "times": 1}]
    with Server(default_fake(faults=faults)) as srv:
        fetch_query(lib, QUERY, batch_size=25, client=client_for(srv))
        assert {r["pmid"] for r in Library.open(lib.root).records()} == set(srv.fake.search(QUERY, {}))
        assert sum(1 for e in srv.fake.log if e["endpoint"] == "esearch.fcgi" and e["params"].get("usehistory")) == 2


def test_fetch_by_pmid_in_batches_skips_stored(server: Server, lib: Library) -> None:
    pmids = server.fake.search(QUERY, {})[:12]
    report = fetch_pmids(lib, pmids[:5] + ["99999999"], batch_size=4, client=client_for(server))
    assert report.added == 5 and report.missing == ["99999999"]
    report = fetch_pmids(lib, pmids, batch_size=4, client=client_for(server))
    assert report.already_stored == 5 and report.added == 7
    posted = [e for e in efetch_log(server) if "id" in e["params"]]
    assert all(e["method"] == "POST" and len(e["params"]["id"].split(",")) <= 4 for e in posted)


def test_update_fetches_only_new_records(server: Server, lib: Library) -> None:
    import datetime as dt

    fetch_query(lib, QUERY, batch_size=50, client=client_for(server))
    n = len(Library.open(lib.root))
    # a new paper enters PubMed today
    new = load_articles([Path(__file__).parent / "fixtures" / "quirks.pubmed.xml"])[-1]
    new.edat = dt.date.today()
    new.text += " ketamine pain"
    server.fake.articles.insert(0, new)
    before = len(efetch_log(server))
    reports = update_searches(lib, client=client_for(server))
    assert reports[0].added == 1
    assert len(Library.open(lib.root)) == n + 1
    assert len(efetch_log(server)) - before == 1
    assert all(e["params"].get("datetype") == "edat" for e in server.fake.log[-3:] if e["endpoint"] == "esearch.fcgi")


@pytest.mark.e2e
def test_api_key_never_appears_in_errors(tmp_path: Path) -> None:
    lib = Library.init(tmp_path / "lib")
    with Server(default_fake(valid_api_key="the-right-key")) as srv:
        env = {**os.environ, "KETALIT_EUTILS_URL": srv.url, "NCBI_API_KEY": "sekrit-key-9876"}
        proc = subprocess.run(
            [sys.executable, "-m", "ketalit", "--library", str(lib.root), "fetch", QUERY],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 1
        assert "API key" in proc.stderr
        assert "sekrit-key-9876" not in proc.stderr + proc.stdout
    with Server(default_fake(faults=[{"endpoint": "esearch.fcgi", "kind": "status", "code": 500, "times": 99}])) as s2:
        c = client_for(s2, api_key="sekrit-key-9876", max_tries=2)
        with pytest.raises(EUtilsError) as info:
            fetch_query(lib, QUERY, client=c)
        assert "sekrit-key-9876" not in str(info.value)


# -- PRISMA: every search counts the records it identified, stored already or not -------------------------------------


def _identified_by(lib: Library) -> dict[str, int]:
    from ketalit.prisma import prisma_counts

    counts = prisma_counts(Library.open(lib.root))
    assert all(counts["checks"].values()), counts["checks"]
    return {s["source"]: s["records"] for s in counts["identification"]["sources"]}


def test_a_search_whose_records_are_all_stored_still_counts_them(server: Server, lib: Library) -> None:
    """A second search that finds only records stored already (every batch skipped, nothing fetched) identified them
    all the same: `ketalit prisma` counts them for it, and as duplicates."""
    few = "intranasal AND children"
    wide, narrow = server.fake.search(QUERY, {}), server.fake.search(few, {})
    assert set(narrow) <= set(wide) and len(narrow) >= 2
    fetch_query(lib, QUERY, client=client_for(server))
    fetched = len(efetch_log(server))
    report = fetch_query(lib, few, batch_size=1, client=client_for(server))
    assert len(efetch_log(server)) == fetched and report.already_stored == len(narrow)  # nothing fetched again
    by_pmid = fetch_pmids(lib, narrow[:2], client=client_for(server))
    assert by_pmid.already_stored == 2 and len(efetch_log(server)) == fetched
    assert _identified_by(lib) == {QUERY: len(wide), few: len(narrow), "PMID list": 2}
    fetch_query(lib, few, batch_size=2, client=client_for(server))  # the same search again: nothing new
    assert _identified_by(lib)[few] == len(narrow)


def test_an_update_counts_under_its_saved_search(server: Server, lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """`fetch --update` of a saved search with date limits names the saved search, not the query it sends with the
    dates added: the records it finds again are not a second source."""
    from ketalit.pubmed import fetch

    few = "intranasal AND children"
    fetch_query(lib, few, mindate="2000", client=client_for(server))
    monkeypatch.setattr(fetch, "UPDATE_OVERLAP_DAYS", 100 * 365)  # the update's window reaches every record
    update_searches(lib, client=client_for(server))
    assert _identified_by(lib) == {few: len(server.fake.search(few, {"mindate": "2000"}))}
