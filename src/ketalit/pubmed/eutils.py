"""A polite NCBI E-utilities client (ESearch, EFetch) over requests.

NCBI's rules (NBK25499): send ``tool`` and ``email``; at most 3 requests/s without an API key, 10/s with one.
NCBI usually sends no Retry-After, so requests are paced here, on the client side, for the whole run; retries
(exponential backoff with jitter, honouring Retry-After when sent, up to ``backoff_max``) are for the faults that
still happen: 429, 5xx, timeouts, dropped connections, truncated or undecodable bodies, NCBI's transient "Search
Backend failed". An HTML error page or an error inside a 200 answer is an error, never "zero results".

Transport and reading are apart: ``request`` returns an answer's bytes once it has checked that the answer is a
whole E-utilities answer (not an HTML page, not cut short, not an ``<ERROR>``: those are retried, or raised when
they are about the request); ``esearch`` and ``efetch`` then read it (``parse_esearch``; the PubMed XML parser in
``formats.pubmed``) and return what it says, never inside the retry loop.

Every request and the whole run have a deadline, so a server that answers one byte at a time cannot hang a fetch.
Redirects are never followed: the request carries the API key and the e-mail address, and a redirect would send
them to whatever host the answer names. The API key and the e-mail address, from whatever source, are redacted
from every message.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import os
import random
import re
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NoReturn
from urllib.parse import quote, quote_plus, urlparse

import requests
import urllib3

from .. import __version__
from ..credentials import config_path, hide_bytes, read_config, remember
from ..errors import ImportFormatError, PubMedError

if TYPE_CHECKING:
    from ..records import Record

DEFAULT_BASE_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
TOOL = "ketalit"
ESEARCH_MAX = 9999  # ESearch pages through at most the first 10,000 PubMed records of a query
REQUEST_DEADLINE = 120.0  # seconds for one request, answer included (then it is retried)
RUN_DEADLINE = 4 * 3600.0  # seconds for a whole run of requests (a fetch, or an update of every saved search)
READ_CHUNK = 64 * 1024
# NCBI's words for a failure on its side that the next try usually does not have
TRANSIENT_NCBI_ERRORS = ("search backend failed", "temporarily unavailable", "unable to obtain query", "try again")


class EUtilsError(PubMedError):
    """NCBI answered with an error, or kept failing after every retry."""


class DeadlineError(EUtilsError):
    """The run's deadline passed: stop, keeping what was stored."""


class SessionExpired(EUtilsError):
    """The history-server session (WebEnv) is gone: search again to get a new one."""


class TransientError(Exception):
    """A failure worth retrying: the next try may succeed."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SECRET_PARAM = re.compile(r"""((?:api[_-]?key|email)["']?\s*[=:]\s*["']?)[^&\s'",}]+""", re.I)


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """Text with the API key and e-mail address removed, in every form they may take, for showing or logging.

    ``secrets`` are the values actually in use (from the environment, the config file or the caller); the
    environment's are always included, and any ``api_key=``/``email=`` value and e-mail address is removed too.
    """
    text = str(text)
    for secret in {*secrets, os.environ.get("NCBI_API_KEY"), os.environ.get("NCBI_EMAIL")}:
        if secret:
            for form in {secret, quote(secret, safe=""), quote_plus(secret)}:
                text = text.replace(form, "REDACTED")
    text = _SECRET_PARAM.sub(r"\1REDACTED", text)
    return _EMAIL.sub("REDACTED", text)


def duration(seconds: float) -> str:
    """'4 h', '90 s', '2.5 min': a number of seconds for a message."""
    if seconds >= 3600:
        return f"{seconds / 3600:.3g} h"
    if seconds >= 120:
        return f"{seconds / 60:.3g} min"
    return f"{seconds:.3g} s"


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds: a number, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


class RateLimiter:
    """Spaces request starts at least ``1/rate`` seconds apart, across threads, for the life of the client.

    The spacing carries a small margin (``MARGIN``): the server sees arrivals, not starts, and a request delayed on
    its way (a busy machine, the network) must not put ``rate + 1`` arrivals inside one second at NCBI.
    """

    MARGIN = 1.04

    def __init__(
        self, rate: float, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self.interval = self.MARGIN / rate
        self.clock, self.sleep = clock, sleep
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            now = self.clock()
            if now < self._next:
                self.sleep(self._next - now)
                now = self.clock()
            self._next = now + self.interval


class _Watchdog:
    """Cuts one HTTP exchange off at its deadline by shutting its socket down.

    A read timeout bounds each wait for a piece of the answer, never the whole: a server that sends its status line
    and headers a byte at a time would hold a request for as long as it likes. At the deadline the watchdog shuts
    the socket down (the connection is lost anyway), which ends any read blocked on it, and says it ``fired``.
    """

    local = threading.local()  # the exchange running in this thread, for the connection to find

    def __init__(self, deadline: float) -> None:
        self.fired = False
        self.conn: Any = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._cut)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        _Watchdog.local.current = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _Watchdog.local.current = None

    def _cut(self) -> None:
        with self._lock:
            self.fired = True
            sock = getattr(self.conn, "sock", None)
        if sock is not None:
            try:  # the plain socket's shutdown, under TLS too: the TLS layer then sees the end of the stream
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass

    @staticmethod
    def watch(conn: Any) -> None:
        """Called by a connection as it connects or sends: the socket to cut is this one's."""
        dog = getattr(_Watchdog.local, "current", None)
        if dog is not None:
            with dog._lock:
                dog.conn = conn


class _Watched:
    """A urllib3 connection that tells the running exchange's watchdog which socket it uses."""

    def connect(self) -> None:
        _Watchdog.watch(self)
        super().connect()  # type: ignore[misc]

    def request(self, *args: Any, **kwargs: Any) -> None:
        _Watchdog.watch(self)
        super().request(*args, **kwargs)  # type: ignore[misc]


class _HTTPConnection(_Watched, urllib3.connection.HTTPConnection):
    pass


class _HTTPSConnection(_Watched, urllib3.connection.HTTPSConnection):
    pass


class _HTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class _WatchedAdapter(requests.adapters.HTTPAdapter):
    """requests' adapter, with connections a watchdog can cut."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}


@dataclass
class EUtilsClient:
    base_url: str = ""
    api_key: str | None = None
    email: str | None = None
    tool: str = TOOL
    timeout: float = 30.0  # seconds to connect, and to wait for each piece of an answer
    request_deadline: float = REQUEST_DEADLINE
    run_deadline: float | None = RUN_DEADLINE
    max_tries: int = 6
    backoff_base: float = 1.0
    backoff_max: float = 60.0  # also the longest wait a Retry-After header gets
    rate: float | None = None
    on_retry: Callable[[str], None] | None = None
    session: requests.Session = field(default_factory=requests.Session)
    sleep: Callable[[float], None] = time.sleep
    requests_made: int = 0

    def __post_init__(self) -> None:
        self.base_url = (self.base_url or os.environ.get("KETALIT_EUTILS_URL") or DEFAULT_BASE_URL).rstrip("/") + "/"
        parts = urlparse(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise EUtilsError(
                f"the E-utilities address must be an http:// or https:// URL, not {self.base_url!r} "
                f"(check KETALIT_EUTILS_URL)"
            )
        config = read_config() if self.api_key is None or self.email is None else {}
        if self.api_key is None:
            self.api_key = os.environ.get("NCBI_API_KEY") or config.get("api_key")
        if self.email is None:
            self.email = os.environ.get("NCBI_EMAIL") or config.get("email")
        remember(self.api_key, self.email)  # kept out of every answer stored and every output
        if self.rate is None:
            self.rate = 10.0 if self.api_key else 3.0
        self.limiter = RateLimiter(self.rate, sleep=self.sleep)
        self.session.headers["User-Agent"] = f"{TOOL}/{__version__} (NCBI E-utilities client)"
        for prefix in ("http://", "https://"):
            self.session.mount(prefix, _WatchedAdapter())
        self._run_end = time.monotonic() + self.run_deadline if self.run_deadline else float("inf")

    def redact(self, text: str) -> str:
        """``text`` without this client's API key and e-mail address (whatever their source) or any other."""
        return redact(text, (self.api_key, self.email))

    # -- transport -------------------------------------------------------------------------------------------
    def _params(self, params: dict[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in params.items() if v is not None}
        out["tool"] = self.tool
        if self.email:
            out["email"] = self.email
        if self.api_key:
            out["api_key"] = self.api_key
        return out

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        delay = min(self.backoff_max, self.backoff_base * (2 ** (attempt - 1)))
        delay = delay / 2 + random.uniform(0, delay / 2)  # "equal jitter"
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.backoff_max))
        return delay

    def _past_deadline(self, endpoint: str, retry: str = "") -> DeadlineError:
        limit = f"the run's deadline of {duration(self.run_deadline or 0)}"
        why = f"{retry} would come after {limit}" if retry else f"{limit} has passed"
        return DeadlineError(
            f"{endpoint}: {why}: stopped. What was fetched is stored; run the same command again to continue",
            options=("deadline",),
        )

    def request(self, endpoint: str, params: dict[str, Any], post: bool = False) -> bytes:
        """One E-utility call with pacing, retries and deadlines: the bytes of a whole answer (see ``_check``)."""
        url = self.base_url + endpoint
        full = self._params(params)
        last = ""
        for attempt in range(1, self.max_tries + 1):
            if time.monotonic() >= self._run_end:
                raise self._past_deadline(endpoint)
            self.limiter.wait()
            self.requests_made += 1
            try:
                body = hide_bytes(self._fetch(endpoint, url, full, post))  # an answer may quote the request
                _check(endpoint, params, body)
                return body
            except TransientError as exc:
                last, retry_after = str(exc), exc.retry_after
            except EUtilsError as exc:  # messages may quote the server, which may quote the request
                raise type(exc)(self.redact(str(exc)), options=exc.options) from None
            if attempt == self.max_tries:
                break
            delay = self._backoff(attempt, retry_after)
            if retry_after is not None and retry_after > self.backoff_max:
                cap = duration(self.backoff_max)
                last += f" (the server asked for a {duration(retry_after)} wait; ketalit waits {cap} at most)"
            if time.monotonic() + delay >= self._run_end:
                raise self._past_deadline(endpoint, f"{last}; the retry in {delay:.0f} s") from None
            if self.on_retry:
                self.on_retry(self.redact(f"{endpoint}: {last}; retry {attempt}/{self.max_tries - 1} in {delay:.1f} s"))
            self.sleep(delay)
        raise EUtilsError(
            self.redact(
                f"{endpoint} failed {self.max_tries} times (last: {last}). NCBI may be down or throttling you: "
                f"wait a few minutes and run the same command again (stored records are kept and not fetched twice)"
                + ("" if self.api_key else "; an NCBI API key (NCBI_API_KEY) raises your limit to 10 requests/s")
            )
        )

    def _fetch(self, endpoint: str, url: str, params: dict[str, Any], post: bool) -> bytes:
        """One HTTP exchange, answer read in full before the deadline. Redirects are refused, never followed.

        The body is read against the deadline (``_read``); a watchdog cuts off an exchange that is still waiting
        for its status line or headers at the deadline.
        """
        deadline = min(time.monotonic() + self.request_deadline, self._run_end)
        with _Watchdog(deadline) as dog:
            try:
                body = self._exchange(endpoint, url, params, post, deadline)
            except (TransientError, EUtilsError):
                if not dog.fired:
                    raise
        if dog.fired:  # whatever came is cut short, even if it looked complete
            raise self._late(endpoint, deadline)
        return body

    def _late(self, endpoint: str, deadline: float, got: int | None = None) -> Exception:
        """The error for an answer not complete at ``deadline``: the run's, or a slow server's (retried)."""
        if deadline >= self._run_end:
            return self._past_deadline(endpoint)
        came = "" if got is None else f" ({got} bytes came)"
        return TransientError(
            f"no complete answer within {duration(self.request_deadline)}{came}; the server is too slow"
        )

    def _exchange(self, endpoint: str, url: str, params: dict[str, Any], post: bool, deadline: float) -> bytes:
        timeout = (self.timeout, max(0.001, min(self.timeout, deadline - time.monotonic())))
        try:
            if post:
                resp = self.session.post(url, data=params, timeout=timeout, stream=True, allow_redirects=False)
            else:
                resp = self.session.get(url, params=params, timeout=timeout, stream=True, allow_redirects=False)
        except requests.Timeout as exc:
            raise TransientError(f"no answer within {self.timeout:g} s") from exc
        except requests.ConnectionError as exc:
            raise TransientError(f"connection failed ({type(exc).__name__})") from exc
        except requests.RequestException as exc:
            raise EUtilsError(f"{endpoint}: the request could not be sent ({type(exc).__name__}: {exc})") from exc
        with resp:
            status = resp.status_code
            if 300 <= status < 400:
                where = resp.headers.get("Location")
                raise EUtilsError(
                    f"{endpoint}: {urlparse(url).netloc} answered HTTP {status}, a redirect to "
                    f"{where or 'nowhere'!r}. ketalit never follows a redirect for E-utilities (the request carries "
                    f"your API key and e-mail address); if the new address is right, set KETALIT_EUTILS_URL to it"
                )
            if status == 429 or status >= 500:
                raise TransientError(f"HTTP {status}", _retry_after(resp.headers.get("Retry-After")))
            return self._body(endpoint, resp, self._read(endpoint, resp, deadline))

    def _read(self, endpoint: str, resp: requests.Response, deadline: float) -> bytes:
        """The whole body, piece by piece, each wait bounded by the time left (a drip never outlasts the deadline)."""
        raw = resp.raw
        sock = getattr(getattr(raw, "connection", None), "sock", None)
        chunks: list[bytes] = []
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise self._late(endpoint, deadline, sum(map(len, chunks)))
            if sock is not None:
                sock.settimeout(min(self.timeout, left))
            try:
                chunk = raw.read1(READ_CHUNK, decode_content=True)
            except urllib3.exceptions.ReadTimeoutError:
                if time.monotonic() >= deadline:
                    continue  # reported above
                raise TransientError(f"the answer stalled for {self.timeout:g} s") from None
            except urllib3.exceptions.DecodeError:
                encoding = resp.headers.get("Content-Encoding", "")
                raise TransientError(f"the answer's {encoding} compression is corrupt") from None
            except (urllib3.exceptions.HTTPError, OSError) as exc:
                raise TransientError(f"connection failed while reading the answer ({type(exc).__name__})") from None
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)

    def _body(self, endpoint: str, resp: requests.Response, body: bytes) -> bytes:
        status = resp.status_code
        declared = resp.headers.get("Content-Length")
        if (
            declared
            and declared.isdigit()
            and int(declared) != len(body)
            and not resp.headers.get("Content-Encoding")  # a compressed body's declared length is the compressed one
        ):
            raise TransientError(f"body cut short ({len(body)} of {declared} bytes)")
        if status >= 400:
            detail = re.sub(r"\s+", " ", body[:300].decode("utf-8", "replace"))
            if b"api key" in body.lower() or b"api_key" in body.lower():
                raise EUtilsError(
                    f"NCBI rejected the API key (check NCBI_API_KEY, or api_key in {config_path()}); NCBI said: "
                    + detail
                )
            raise EUtilsError(f"{endpoint}: HTTP {status} from {resp.url}: {detail}")
        head = body[:512].lstrip().lower()
        if head.startswith(b"<!doctype html") or head.startswith(b"<html"):
            raise TransientError("an HTML page instead of XML (an NCBI error or maintenance page)")
        return body

    # -- E-utilities -------------------------------------------------------------------------------------------
    def esearch(
        self,
        term: str,
        *,
        retstart: int = 0,
        retmax: int = 0,
        usehistory: bool = True,
        mindate: str | None = None,
        maxdate: str | None = None,
        datetype: str | None = None,
    ) -> ESearchResult:
        """ESearch db=pubmed: the count, the first PMIDs, the history-server session and NCBI's notes."""
        params = {
            "db": "pubmed",
            "term": term,
            "retstart": retstart,
            "retmax": retmax,
            "usehistory": "y" if usehistory else None,
            "mindate": mindate,
            "maxdate": maxdate,
            "datetype": datetype if (mindate or maxdate) else None,
        }
        return parse_esearch(self.request("esearch.fcgi", params))

    def efetch(self, pmids: list[str], history: History | None = None) -> EFetchResult:
        """EFetch db=pubmed of ``pmids``: from the history server when ``history`` is given (WebEnv, query_key and
        the position of the first PMID in the search), else by PMID as a POST (long GET id lists get HTTP 414).
        Only the records asked for are returned; the PMIDs of any others the answer held are listed apart."""
        if history is not None:
            params = {
                "db": "pubmed",
                "retmode": "xml",
                "WebEnv": history.webenv,
                "query_key": history.query_key,
                "retstart": history.retstart,
                "retmax": len(pmids),
            }
            body = self.request("efetch.fcgi", params)
        else:
            body = self.request("efetch.fcgi", {"db": "pubmed", "retmode": "xml", "id": ",".join(pmids)}, post=True)
        from ..formats.pubmed import parse_pubmed_xml

        try:
            records = parse_pubmed_xml(body, "EFetch answer")
        except ImportFormatError as exc:
            raise EUtilsError(f"efetch.fcgi: the answer is not PubMed XML that can be read ({exc})") from None
        asked = set(pmids)
        return EFetchResult(
            records=[r for r in records if r.get("pmid") in asked],
            not_asked_for=[r.get("pmid") or "(none)" for r in records if r.get("pmid") not in asked],
        )


@dataclass
class ESearchResult:
    """What ESearch answered, in NCBI's terms."""

    count: int
    ids: list[str]  # IdList
    webenv: str | None
    query_key: str | None
    translation: str  # QueryTranslation
    errors: dict[str, list[str]]  # ErrorList: phrases not found...
    warnings: dict[str, list[str]]  # WarningList


@dataclass
class History:
    """Where a batch of a search's results is on NCBI's history server."""

    webenv: str
    query_key: str
    retstart: int


@dataclass
class EFetchResult:
    records: list[Record]  # the records asked for, parsed
    not_asked_for: list[str]  # PMIDs of records the answer held that were not asked for (never stored)


_ERROR = re.compile(rb"<ERROR>(.*?)</ERROR>", re.S)
_COUNT = re.compile(rb"<Count>([^<]*)</Count>")


def _check(endpoint: str, params: dict[str, Any], body: bytes) -> None:
    """Is this a whole answer of the E-utility? TransientError if it is worth asking again (cut short, NCBI's
    transient failures); SessionExpired or EUtilsError if the answer is about the request. No XML is parsed here."""
    head = body[:2000]
    if endpoint == "esearch.fcgi":
        error = _ERROR.search(body)
        if b"<eSearchResult" not in head:
            snippet = body[:200].decode("utf-8", "replace")
            if error or b'"error"' in body:
                _raise_esearch_error(snippet, params.get("term", ""))
            raise TransientError(f"not an ESearch answer: {snippet!r}")
        if error:
            _raise_esearch_error(error.group(1).decode("utf-8", "replace"), params.get("term", ""))
        if b"</eSearchResult>" not in body[-200:]:
            raise TransientError("ESearch answer cut short")
        count = _COUNT.search(body)
        if count is None:
            raise TransientError("ESearch answer without a Count")
        if not count.group(1).strip().isdigit():
            value = count.group(1).decode("utf-8", "replace")[:40]
            raise TransientError(f"ESearch answer with a Count that is not a number ({value!r})")
    elif endpoint == "efetch.fcgi":
        if b"<ERROR>" in head or b"<eFetchResult" in head:
            text = body[:300].decode("utf-8", "replace")
            if "WebEnv" in params and any(w in text.lower() for w in ("session", "webenv", "query_key")):
                raise SessionExpired(text)
            raise TransientError(f"EFetch answered with an error: {text!r}")
        end = body.rstrip()[-40:]
        if not (end.endswith(b"</PubmedArticleSet>") or end.endswith(b"<PubmedArticleSet/>")):
            raise TransientError("truncated EFetch XML: the answer ends before </PubmedArticleSet>")
        # asked by PMID, an empty answer is NCBI's way of saying it has none of them: not a fault to retry
        if "WebEnv" in params and b"<PubmedArticle" not in body and b"<PubmedBookArticle" not in body:
            raise TransientError("EFetch answered with no records where some were expected")


def parse_esearch(body: bytes) -> ESearchResult:
    """An ESearch answer (checked whole by ``_check``) as an ESearchResult."""
    from ..formats.pubmed import read_entrez_xml

    try:
        data = read_entrez_xml(body)
    except Exception as exc:
        raise EUtilsError(f"esearch.fcgi: the answer cannot be read ({exc})") from None
    return ESearchResult(
        count=int(data["Count"]),
        ids=[str(i) for i in data.get("IdList", [])],
        webenv=str(data.get("WebEnv", "")) or None,
        query_key=str(data.get("QueryKey", "")) or None,
        translation=str(data.get("QueryTranslation", "")),
        errors={k: list(v) for k, v in (data.get("ErrorList") or {}).items() if v},
        warnings={k: list(v) for k, v in (data.get("WarningList") or {}).items() if v},
    )


def _raise_esearch_error(text: str, term: str) -> NoReturn:
    """NCBI's transient failures are retried; anything else is about the query."""
    message = re.sub(r"\s+", " ", text).strip()
    if any(marker in message.lower() for marker in TRANSIENT_NCBI_ERRORS) and "retstart" not in message.lower():
        raise TransientError(f"NCBI's search failed on its side ({message[:200]})")
    raise EUtilsError(
        f"PubMed rejected the search {term!r}: {message[:300]}. "
        f"Check the query syntax (quotes, parentheses, [field] tags)."
    )
