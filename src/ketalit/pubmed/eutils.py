"""A polite NCBI E-utilities client (ESearch, EFetch) over requests.

NCBI's rules (NBK25499): send ``tool`` and ``email``; at most 3 requests/s without an API key, 10/s with one.
NCBI usually sends no Retry-After, so requests are paced here, on the client side, for the whole run; retries
(exponential backoff with jitter, honouring Retry-After when sent) are for the faults that still happen: 429,
5xx, timeouts, dropped connections, truncated bodies. An HTML error page or an error inside a 200 answer is an
error, never "zero results". The API key never appears in messages: it is redacted from every URL shown.
"""

from __future__ import annotations

import io
import os
import random
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests
from Bio import Entrez

from .. import __version__
from ..errors import KetalitError

DEFAULT_BASE_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
TOOL = "ketalit"
ESEARCH_MAX = 9999  # ESearch pages through at most the first 10,000 PubMed records of a query


class EUtilsError(KetalitError):
    """NCBI answered with an error, or kept failing after every retry."""


class TransientError(Exception):
    """A failure worth retrying: the next try may succeed."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def redact(text: str) -> str:
    """Remove API keys (and e-mail addresses in URLs) from text that may be shown or logged."""
    text = re.sub(r"(api_key=)[^&\s'\"]+", r"\1REDACTED", str(text))
    key = os.environ.get("NCBI_API_KEY")
    if key:
        text = text.replace(key, "REDACTED")
    return text


class RateLimiter:
    """Spaces request starts at least ``1/rate`` seconds apart, across threads, for the life of the client."""

    def __init__(
        self, rate: float, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self.interval = 1.0 / rate
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


@dataclass
class EUtilsClient:
    base_url: str = ""
    api_key: str | None = None
    email: str | None = None
    tool: str = TOOL
    timeout: float = 30.0
    max_tries: int = 6
    backoff_base: float = 1.0
    backoff_max: float = 60.0
    rate: float | None = None
    on_retry: Callable[[str], None] | None = None
    session: requests.Session = field(default_factory=requests.Session)
    sleep: Callable[[float], None] = time.sleep
    requests_made: int = 0

    def __post_init__(self) -> None:
        self.base_url = (self.base_url or os.environ.get("KETALIT_EUTILS_URL") or DEFAULT_BASE_URL).rstrip("/") + "/"
        config = _config() if self.api_key is None or self.email is None else {}
        if self.api_key is None:
            self.api_key = os.environ.get("NCBI_API_KEY") or config.get("api_key")
        if self.email is None:
            self.email = os.environ.get("NCBI_EMAIL") or config.get("email")
        if self.rate is None:
            self.rate = 10.0 if self.api_key else 3.0
        self.limiter = RateLimiter(self.rate, sleep=self.sleep)
        self.session.headers["User-Agent"] = f"{TOOL}/{__version__} (NCBI E-utilities client)"

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
            delay = max(delay, retry_after)
        return delay

    def request(
        self, endpoint: str, params: dict[str, Any], post: bool = False, check: Callable[[bytes], None] | None = None
    ) -> bytes:
        """One E-utility call with pacing and retries. ``check`` raises TransientError on a bad body."""
        url = self.base_url + endpoint
        full = self._params(params)
        last = ""
        for attempt in range(1, self.max_tries + 1):
            self.limiter.wait()
            self.requests_made += 1
            try:
                if post:
                    resp = self.session.post(url, data=full, timeout=self.timeout)
                else:
                    resp = self.session.get(url, params=full, timeout=self.timeout)
                body = self._body(resp)
                if check:
                    check(body)
                return body
            except TransientError as exc:
                last = str(exc)
                retry_after = exc.retry_after
            except requests.Timeout:
                last, retry_after = f"no answer within {self.timeout:g} s", None
            except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
                last, retry_after = f"connection failed ({type(exc).__name__})", None
            if attempt == self.max_tries:
                break
            delay = self._backoff(attempt, retry_after)
            if self.on_retry:
                self.on_retry(redact(f"{endpoint}: {last}; retry {attempt}/{self.max_tries - 1} in {delay:.1f} s"))
            self.sleep(delay)
        raise EUtilsError(
            redact(
                f"{endpoint} failed {self.max_tries} times (last: {last}). NCBI may be down or throttling you: "
                f"wait a few minutes and run the same command again (stored records are kept and not fetched twice)"
                + ("" if self.api_key else "; an NCBI API key (NCBI_API_KEY) raises your limit to 10 requests/s")
            )
        )

    def _body(self, resp: requests.Response) -> bytes:
        status = resp.status_code
        if status == 429 or status >= 500:
            ra = resp.headers.get("Retry-After")
            retry_after = float(ra) if ra and ra.strip().replace(".", "", 1).isdigit() else None
            raise TransientError(f"HTTP {status}", retry_after)
        body = resp.content  # reads the whole body; a dropped connection raises ChunkedEncodingError/ConnectionError
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
                raise EUtilsError("NCBI rejected the API key (check NCBI_API_KEY); NCBI said: " + redact(detail))
            raise EUtilsError(redact(f"HTTP {status} from {resp.url}: {detail}"))
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
    ) -> dict[str, Any]:
        """ESearch db=pubmed. Returns Count, IdList, WebEnv, QueryKey, QueryTranslation, warnings."""
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
        parsed: dict[str, Any] = {}

        def check(body: bytes) -> None:
            nonlocal parsed
            parsed = parse_esearch(body, term)

        self.request("esearch.fcgi", params, check=check)
        return parsed

    def efetch_history(
        self, webenv: str, query_key: str, retstart: int, retmax: int, check: Callable[[bytes], None] | None = None
    ) -> bytes:
        params = {
            "db": "pubmed",
            "retmode": "xml",
            "WebEnv": webenv,
            "query_key": query_key,
            "retstart": retstart,
            "retmax": retmax,
        }
        return self.request("efetch.fcgi", params, check=check)

    def efetch_ids(self, pmids: list[str], check: Callable[[bytes], None] | None = None) -> bytes:
        """EFetch by PMID list, as a POST (long GET id lists get HTTP 414)."""
        return self.request(
            "efetch.fcgi", {"db": "pubmed", "retmode": "xml", "id": ",".join(pmids)}, post=True, check=check
        )


def parse_esearch(body: bytes, term: str) -> dict[str, Any]:
    """ESearch XML -> dict. An <ERROR> (bad query) is an EUtilsError; anything not ESearch XML is transient."""
    if b"<eSearchResult" not in body[:2000]:
        snippet = body[:200].decode("utf-8", "replace")
        if b"<ERROR>" in body or b'"error"' in body:
            raise EUtilsError(f"PubMed rejected the search {term!r}: {redact(snippet)}")
        raise TransientError(f"not an ESearch answer: {snippet!r}")
    try:
        data = Entrez.read(io.BytesIO(body))
    except RuntimeError as exc:  # Biopython raises the text of a top-level <ERROR>
        raise EUtilsError(
            f"PubMed rejected the search {term!r}: {exc}. Check the query syntax (quotes, parentheses, [field] tags)."
        ) from exc
    except Exception as exc:
        raise TransientError(f"unreadable ESearch answer ({exc})") from exc
    errors = data.get("ErrorList") or {}
    warnings = {k: list(v) for k, v in (data.get("WarningList") or {}).items() if v}
    if "Count" not in data:
        raise TransientError("ESearch answer without a Count")
    return {
        "Count": int(data["Count"]),
        "IdList": [str(i) for i in data.get("IdList", [])],
        "WebEnv": str(data.get("WebEnv", "")) or None,
        "QueryKey": str(data.get("QueryKey", "")) or None,
        "QueryTranslation": str(data.get("QueryTranslation", "")),
        "errors": {k: list(v) for k, v in errors.items() if v},
        "warnings": warnings,
    }


def _config() -> dict[str, Any]:
    """[ncbi] api_key / email from $XDG_CONFIG_HOME/ketalit/config.toml (or ~/.config/...)."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    path = os.path.join(base, "ketalit", "config.toml")
    if not os.path.exists(path):
        return {}
    from .._compat import tomllib

    with open(path, "rb") as fh:
        return dict(tomllib.load(fh).get("ncbi", {}))
