"""A local stand-in for NCBI E-utilities (esearch.fcgi, efetch.fcgi) on 127.0.0.1, with fault injection.

It answers as E-utilities does: the same parameters (db, term, retstart, retmax, usehistory, WebEnv, query_key,
mindate/maxdate/datetype, id by GET or POST), the same XML shapes (ESearch eSearchResult with Count, RetMax,
RetStart, QueryKey, WebEnv, IdList, QueryTranslation; EFetch PubmedArticleSet with the article XML served byte for
byte from the recorded files), the 10,000-record ESearch paging cap, <ERROR> answers for bad queries, and an error
in a 200 body for an unknown WebEnv. Faults are queued per endpoint: 429 with Retry-After, 5xx, slow answers,
answers (or their status line and headers) dripped a byte at a time, connections dropped mid-body, truncated XML,
HTML error pages, corrupt gzip, redirects, expired sessions, NCBI's transient "Search Backend failed", a
non-numeric Count, warnings and records that echo the request's API key and e-mail address, and records other than
those asked for. Every request is logged with its arrival time, so tests can measure the client's request rate at
the server.

Run it by hand to try `ketalit fetch` offline:
    python tests/eutils_server.py --port 8765 &
    KETALIT_EUTILS_URL=http://127.0.0.1:8765/ ketalit --library /tmp/lib fetch "ketamine AND pain"
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

HERE = Path(__file__).resolve().parent
CORPUS_XML = HERE.parent / "library" / "snapshot" / "ketamine_pain.pubmed.xml"
FIXTURE_XML = sorted((HERE / "fixtures" / "ncbi").glob("pubmed*.xml"))

ESEARCH_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" '
    '"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n'
)
EFETCH_HEAD = (
    '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n<PubmedArticleSet>\n'
)
EFETCH_TAIL = "</PubmedArticleSet>\n"
HTML_ERROR = (
    "<!DOCTYPE html><html><head><title>Service unavailable</title></head><body><h1>NCBI</h1>"
    "<p>The service is temporarily unavailable for maintenance.</p></body></html>"
)


@dataclass
class Article:
    pmid: str
    xml: str
    text: str
    pdat: dt.date
    edat: dt.date


def _date_of(xml: str, tag: str) -> dt.date | None:
    m = re.search(rf"<{tag}>\s*<Year>(\d{{4}})</Year>(?:\s*<Month>(\w+)</Month>)?(?:\s*<Day>(\d+)</Day>)?", xml)
    if not m:
        return None
    months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    month = m.group(2) or "1"
    mm = int(month) if month.isdigit() else months.index(month[:3].lower()) + 1
    return dt.date(int(m.group(1)), mm, int(m.group(3) or 1))


def load_articles(paths: list[Path]) -> list[Article]:
    out: dict[str, Article] = {}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for chunk in re.findall(
            r"<PubmedArticle>.*?</PubmedArticle>|<PubmedBookArticle>.*?</PubmedBookArticle>", text, re.S
        ):
            pmid = re.search(r"<PMID[^>]*>(\d+)</PMID>", chunk).group(1)
            pdat = _date_of(chunk, "PubDate") or dt.date(2000, 1, 1)
            em = re.search(
                r'<PubMedPubDate PubStatus="entrez">\s*<Year>(\d+)</Year>\s*<Month>(\d+)</Month>\s*'
                r"<Day>(\d+)</Day>",
                chunk,
            )
            edat = dt.date(int(em.group(1)), int(em.group(2)), int(em.group(3))) if em else pdat
            plain = re.sub(r"<[^>]+>", " ", chunk).lower()
            out[pmid] = Article(pmid, chunk, plain, pdat, edat)
    return sorted(out.values(), key=lambda a: int(a.pmid), reverse=True)  # PubMed's default: newest first


class QueryError(Exception):
    pass


def _parse_date(s: str, end: bool) -> dt.date:
    parts = [int(p) for p in re.split(r"[/-]", s.strip()) if p]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    if len(parts) == 2:
        if end:
            nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(parts[0], parts[1], 1)
    return dt.date(*parts[:3])


def match(term: str, art: Article) -> bool:
    """A small PubMed query evaluator: words, "phrases", AND/OR/NOT, parentheses, a:b[pdat|edat|uid] ranges."""
    tokens = re.findall(r'\(|\)|"[^"]*"|[^\s()"]+(?:\[[^\]]+\])?', term)
    if term.count("(") != term.count(")") or term.count('"') % 2:
        raise QueryError("Unbalanced parentheses or quotes")
    pos = 0

    def atom() -> bool:
        nonlocal pos
        tok = tokens[pos]
        pos += 1
        if tok == "(":
            val = expr()
            pos += 1  # ')'
            return val
        m = re.fullmatch(r"(.+?)\[(\w+)\]", tok)
        if m:
            value, fld = m.group(1), m.group(2).lower()
            if fld in ("pdat", "edat", "dp", "crdt"):
                lo, _, hi = value.partition(":")
                d = art.edat if fld in ("edat", "crdt") else art.pdat
                return _parse_date(lo, False) <= d <= _parse_date(hi or lo, True)
            if fld == "uid":
                lo, _, hi = value.partition(":")
                return int(lo) <= int(art.pmid) <= int(hi or lo)
            if fld in ("tiab", "all", "mesh", "majr", "pt", "au", "ta"):
                return value.strip('"').lower() in art.text
            raise QueryError(f"Unknown field: [{m.group(2)}]")
        return tok.strip('"').lower() in art.text

    def expr() -> bool:
        nonlocal pos
        val = atom()
        while pos < len(tokens) and tokens[pos] != ")":
            op = tokens[pos].upper()
            if op in ("AND", "OR", "NOT"):
                pos += 1
            else:
                op = "AND"
            rhs = atom()
            val = (val and rhs) if op == "AND" else (val or rhs) if op == "OR" else (val and not rhs)
        return val

    if not tokens:
        raise QueryError("Empty term and query_key - nothing todo")
    return expr()


@dataclass
class FakeEUtils:
    articles: list[Article]
    cap: int = 9999
    valid_api_key: str | None = None
    faults: list[dict[str, Any]] = field(default_factory=list)
    log: list[dict[str, Any]] = field(default_factory=list)
    history: dict[str, list[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def search(self, term: str, params: dict[str, str]) -> list[str]:
        mindate, maxdate = params.get("mindate"), params.get("maxdate")
        datetype = params.get("datetype", "pdat")
        hits = []
        for a in self.articles:
            if not match(term, a):
                continue
            if mindate or maxdate:
                d = a.edat if datetype == "edat" else a.pdat
                if not (_parse_date(mindate or "1000", False) <= d <= _parse_date(maxdate or "3000", True)):
                    continue
            hits.append(a.pmid)
        return hits

    def take_fault(self, endpoint: str) -> dict[str, Any] | None:
        with self.lock:
            for f in self.faults:
                if f["endpoint"] != endpoint:
                    continue
                if f.get("skip", 0) > 0:
                    f["skip"] -= 1
                    return None
                if f.get("times", 1) <= 0:
                    continue
                f["times"] = f.get("times", 1) - 1
                return f
        return None

    def by_pmid(self) -> dict[str, Article]:
        return {a.pmid: a for a in self.articles}


class Handler(BaseHTTPRequestHandler):
    server: Any
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def _params(self) -> dict[str, str]:
        qs = parse_qs(urlparse(self.path).query, keep_blank_values=True)
        if self.command == "POST":
            n = int(self.headers.get("Content-Length") or 0)
            qs.update(parse_qs(self.rfile.read(n).decode(), keep_blank_values=True))
        return {k: v[-1] for k, v in qs.items()}

    def _send(
        self,
        status: int,
        body: str | bytes,
        ctype: str = "text/xml; charset=UTF-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _drip(self, data: bytes, interval: float, headers: bool = False) -> None:
        """A 200 answer whose body (with ``headers``: whole answer, status line and headers first) comes one byte
        every ``interval`` seconds (each read succeeds; none ends)."""
        head = (
            f"HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=UTF-8\r\nContent-Length: {len(data)}\r\n"
            f"X-Padding: {'-' * 200}\r\n\r\n"
        ).encode()
        if not headers:
            self.wfile.write(head)
            self.wfile.flush()
            head = b""
        self.close_connection = True
        data = head + data
        try:
            for i in range(len(data)):
                self.wfile.write(data[i : i + 1])
                self.wfile.flush()
                time.sleep(interval)
        except OSError:  # the client gave up
            pass

    def do_GET(self) -> None:
        self.handle_eutils()

    def do_POST(self) -> None:
        self.handle_eutils()

    def handle_eutils(self) -> None:
        fake: FakeEUtils = self.server.fake
        params = self._params()
        endpoint = urlparse(self.path).path.rsplit("/", 1)[-1]
        with fake.lock:
            fake.log.append({"t": time.monotonic(), "endpoint": endpoint, "params": params, "method": self.command})
        if fake.valid_api_key is not None and params.get("api_key") not in (None, fake.valid_api_key):
            answer = {"error": "API key invalid", "api-key": params["api_key"], "type": "invalid"}
            self._send(400, json.dumps(answer), "application/json")
            return
        fault = fake.take_fault(endpoint)
        body = self.answer(endpoint, params, fake)
        if fault:
            kind = fault["kind"]
            if kind == "redirect":
                self._send(fault.get("code", 307), "", "text/plain", {"Location": fault["location"]})
                return
            if kind == "drip":
                self._drip(body[1].encode(), fault["interval"], fault.get("headers", False))
                return
            if kind == "badgzip":
                self._send(200, b"\x1f\x8b\x08\x00this is not gzip data", headers={"Content-Encoding": "gzip"})
                return
            if kind == "backend":
                self._send(
                    200,
                    ESEARCH_HEAD + "<eSearchResult><ERROR>Search Backend failed: Couldn't resolve "
                    "#pubmed.pubmed_text_search, the address table is empty.</ERROR></eSearchResult>",
                )
                return
            if kind == "count":
                body = (200, re.sub(r"<Count>\d+</Count>", "<Count>many</Count>", body[1], count=1))
            elif kind == "echo":  # a server that quotes the request back, as error and warning texts may
                echo = f"api_key={params.get('api_key')}&amp;email={params.get('email')}; key {params.get('api_key')}"
                warning = f"<WarningList><OutputMessage>{echo}</OutputMessage></WarningList>"
                body = (200, body[1].replace("</eSearchResult>", warning + "</eSearchResult>"))
            elif kind == "echo-record":  # a record whose text quotes the request (an error page stored as a title)
                echo = f"(request: api_key={params.get('api_key')} email={params.get('email')})"
                body = (200, body[1].replace("</ArticleTitle>", f" {echo}</ArticleTitle>", 1))
            elif kind == "swap":  # the answer holds one record nobody asked for, instead of those asked for
                asked = set(re.findall(r"<PMID[^>]*>(\d+)</PMID>", body[1])) | set(params.get("id", "").split(","))
                other = next(a for a in fake.articles if a.pmid not in asked)
                body = (200, EFETCH_HEAD + other.xml + "\n" + EFETCH_TAIL)
            if kind == "status":
                headers = {"Retry-After": str(fault["retry_after"])} if "retry_after" in fault else {}
                self._send(
                    fault["code"],
                    '{"error":"API rate limit exceeded"}'
                    if fault["code"] == 429
                    else "<html><body>Internal error</body></html>",
                    "text/html",
                    headers,
                )
                return
            if kind == "slow":
                time.sleep(fault["seconds"])
            elif kind == "drop":
                data = body[1].encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/xml; charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(2)
                return
            elif kind == "truncate":
                body = (200, body[1][: len(body[1]) // 2])
            elif kind == "html":
                self._send(200, HTML_ERROR, "text/html; charset=UTF-8")
                return
            elif kind == "session":
                self._send(
                    200,
                    "<eFetchResult><ERROR>Error: Your session has expired. Please repeat your search."
                    "</ERROR></eFetchResult>",
                )
                return
        try:
            self._send(*body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def answer(self, endpoint: str, p: dict[str, str], fake: FakeEUtils) -> tuple[int, str]:
        if p.get("db", "pubmed") != "pubmed":
            return 200, ESEARCH_HEAD + "<eSearchResult><ERROR>Invalid db name specified</ERROR></eSearchResult>"
        if endpoint == "esearch.fcgi":
            term = p.get("term", "")
            try:
                hits = fake.search(term, p)
            except QueryError as exc:
                return 200, ESEARCH_HEAD + f"<eSearchResult><ERROR>{exc}</ERROR></eSearchResult>"
            retstart, retmax = int(p.get("retstart", 0)), int(p.get("retmax", 20))
            if retstart > fake.cap - 1:
                return 200, ESEARCH_HEAD + (
                    "<eSearchResult><ERROR>Search Backend failed: Exception:\n'retstart' cannot be larger than "
                    f"{fake.cap - 1}. For PubMed, ESearch can only retrieve the first {fake.cap} records matching "
                    "the query.</ERROR></eSearchResult>"
                )
            ids = hits[retstart : min(retstart + retmax, fake.cap)]
            hist = ""
            if p.get("usehistory") == "y":
                webenv = "MCID_" + uuid.uuid4().hex[:24]
                with fake.lock:
                    fake.history[webenv] = hits
                hist = f"<QueryKey>1</QueryKey><WebEnv>{webenv}</WebEnv>"
            idlist = "<IdList>\n" + "".join(f"<Id>{i}</Id>\n" for i in ids) + "</IdList>" if ids else "<IdList/>"
            extra = ""
            if not hits:
                extra = (
                    "<ErrorList><PhraseNotFound>" + term + "</PhraseNotFound></ErrorList>"
                    "<WarningList><OutputMessage>No items found.</OutputMessage></WarningList>"
                )
            return 200, ESEARCH_HEAD + (
                f"<eSearchResult><Count>{len(hits)}</Count><RetMax>{len(ids)}</RetMax><RetStart>{retstart}</RetStart>"
                f"{hist}{idlist}<TranslationSet/><QueryTranslation>{term}</QueryTranslation>{extra}</eSearchResult>"
            )
        if endpoint == "efetch.fcgi":
            arts = fake.by_pmid()
            if p.get("id"):
                pmids = [i for i in p["id"].split(",") if i]
            else:
                hits = fake.history.get(p.get("WebEnv", ""))
                if hits is None or p.get("query_key") != "1":
                    return 200, (
                        "<eFetchResult>\n\t<ERROR>Cannot retrieve query_key from history. "
                        "Your session may have expired.</ERROR>\n</eFetchResult>"
                    )
                retstart, retmax = int(p.get("retstart", 0)), int(p.get("retmax", 20))
                if retstart >= fake.cap:
                    return 200, "<eFetchResult><ERROR>retstart exceeds the 10000-record limit</ERROR></eFetchResult>"
                pmids = hits[retstart : min(retstart + retmax, fake.cap)]
            return 200, EFETCH_HEAD + "\n".join(arts[i].xml for i in pmids if i in arts) + "\n" + EFETCH_TAIL
        return 404, "<html><body>Not found</body></html>"


class Server:
    """Context manager: a FakeEUtils on a free port of ``host`` (127.0.0.1 unless told) in a background thread."""

    def __init__(self, fake: FakeEUtils, port: int = 0, host: str = "127.0.0.1") -> None:
        self.fake = fake
        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.httpd.daemon_threads = True
        self.httpd.fake = fake  # type: ignore[attr-defined]
        self.url = f"http://{host}:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def default_fake(**kwargs: Any) -> FakeEUtils:
    return FakeEUtils(load_articles([CORPUS_XML, *FIXTURE_XML]), **kwargs)


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=8765)
    args = ap.parse_args()
    srv = Server(default_fake(), args.port)
    print(f"fake E-utilities at {srv.url} ({len(srv.fake.articles)} articles); Ctrl-C stops", flush=True)
    try:
        srv.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
