"""Fuzz the importers for a fixed time: every input must either import or be refused with the importer's one-line
error. Anything else (a traceback, a hang) is a crash, and so is a record that imports but then breaks a command
(tagging, citation keys, every exporter, `show`, the search listing).

    python bench/fuzz_import.py [--seconds 180] [--seed 1]

Inputs come from hypothesis: raw bytes; the real fixture files (tests/fixtures, the shipped snapshot) cut, spliced
and sprinkled with hostile tokens; well-formed PubMed XML with elements dropped or repeated; CSL-JSON items with
values replaced by any JSON; generated RIS, MEDLINE and BibTeX records. The network is disabled (importing must
never need it). Prints inputs tried, outcomes and every distinct crash, saving each crashing input under
bench/out/fuzz_crashes/ to reproduce it.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import io
import json
import logging
import signal
import socket
import sys
import tempfile
import time
import traceback
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from rich.console import Console  # noqa: E402

from ketalit.errors import ImportFormatError  # noqa: E402
from ketalit.formats.bibtex import dump_bibtex  # noqa: E402
from ketalit.formats.csljson import dump_csljson  # noqa: E402
from ketalit.formats.detect import FORMATS, read_file  # noqa: E402
from ketalit.formats.ris import dump_ris  # noqa: E402
from ketalit.library.citekey import assign_key  # noqa: E402
from ketalit.records import has_identity, normalise  # noqa: E402
from ketalit.render import render_record  # noqa: E402
from ketalit.search.store import row_values  # noqa: E402
from ketalit.stats import iter_jsonl  # noqa: E402
from ketalit.tagging.tagger import default_tagger  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
logging.getLogger("pylatexenc").setLevel(logging.ERROR)  # "no known LaTeX for U+..." for every odd character
SUFFIX = {"ris": "ris", "medline": "nbib", "csljson": "json", "xml": "xml", "bibtex": "bib"}
PER_INPUT_LIMIT = 10  # seconds before an input counts as a hang
BATCH = 200


def _seeds() -> dict[str, bytes]:
    out = {p.name: p.read_bytes() for p in sorted((FIXTURES / "ncbi").glob("pubmed[126].xml"))}
    out |= {p.name: p.read_bytes() for p in sorted((FIXTURES / "ncbi").glob("medline_*.txt"))}
    out["quirks.pubmed.xml"] = (FIXTURES / "quirks.pubmed.xml").read_bytes()
    out["zotero_bbt.bib"] = (FIXTURES / "zotero_bbt.bib").read_bytes()
    items = json.loads((ROOT / "library" / "snapshot" / "ketamine_pain.csl.json").read_text())[:3]
    out["snapshot.csl.json"] = json.dumps(items, indent=1).encode()
    records = read_file(FIXTURES / "ncbi" / "pubmed1.xml").records + read_file(FIXTURES / "quirks.pubmed.xml").records
    out["exported.ris"] = dump_ris(records).encode()
    out["exported.bib"] = dump_bibtex(records, "latex", True, True, True).encode()
    return out


SEEDS = _seeds()
CSL_ITEMS = json.loads(SEEDS["snapshot.csl.json"])
TOKENS = [
    b"ER  - ", b"\nER  - \n", b"TY  - JOUR\n", b"\nTY  - ", b"PMID- ", b"\nTI  - ", b"\nDP  - ", b"\nAU  - ",
    b"\nFAU - ", b"\nLID - 10.1/x [doi]", b"{", b"}", b"[", b"]", b"[/]", b"[bold]", b'"', b"null", b"-1", b"0",
    b"13", b"99999999999999999999999", b"1e999", b"\x1b[2J", b"\x1b]8;;http://x\x1b\\", b"\x00", b"\xff\xfe",
    b"\xe2\x80\xae", b"<", b">", b"&", b"&#0;", b"&bogus;", b"</ArticleTitle>", b"<PubmedArticle>",
    b"</PubmedArticle>", b"<MedlineCitation>", b"<![CDATA[", b"]]>", b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
    b"\r\n", b"\r", b"\t", b"\\", b"%", b"@", b"\n\n", b"  ", b"true", b"[]", b"{}", b'"author": "x"',
    b'"issued": "2019"', b'"date-parts": [[2019, 13]]', b"[[[[[[[[[[[[[[[[[[[[",
]  # fmt: skip
RIS_TAGS = ["TY", "TI", "T1", "AU", "A1", "PY", "Y1", "DA", "JO", "T2", "VL", "IS", "SP", "EP", "DO", "AN", "N1",
            "AB", "KW", "LA", "C2", "ER", "ZZ"]  # fmt: skip
BIBTEX_FIELDS = ["title", "author", "editor", "year", "date", "month", "journal", "journaltitle", "booktitle",
                 "volume", "number", "pages", "doi", "pmid", "pmcid", "eprint", "eprinttype", "abstract", "keywords",
                 "url", "file", "langid", "note", "crossref"]  # fmt: skip
BIBTEX_VALUES = ["{", "}", "{{", "}}", "\\", "\\'", "\\\"{u}", "$x^2$", "%", "#", "@", " and ", "and others", "jan",
                 "13", "-1", "2019--2020", "{\\O}", ",", "\\textit{", "~", "\\url{x}"]  # fmt: skip
MEDLINE_TAGS = ["PMID", "TI", "BTI", "AB", "AU", "FAU", "CN", "DP", "JT", "TA", "VI", "IP", "PG", "LA", "PT", "MH",
                "OT", "LID", "AID", "PMC", "RIN", "XX"]  # fmt: skip
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=8,
)
CSL_KEYS = ["title", "author", "issued", "DOI", "PMID", "PMCID", "container-title", "volume", "issue", "page",
            "abstract", "keyword", "custom", "note", "type", "language", "literal", "family", "given", "date-parts",
            "raw", "abstract_sections", "publication_types", "citekey", "retracted"]  # fmt: skip


# -- input strategies --------------------------------------------------------------------------------------------


def _mutate(data: st.DataObject, blob: bytes) -> bytes:
    for _ in range(data.draw(st.integers(1, 6))):
        n = len(blob)
        at = data.draw(st.integers(0, n))
        op = data.draw(st.sampled_from(["cut", "delete", "token", "bytes", "duplicate", "replace"]))
        span = data.draw(st.integers(0, 200))
        if op == "cut":
            blob = blob[:at]
        elif op == "delete":
            blob = blob[:at] + blob[at + span :]
        elif op == "token":
            blob = blob[:at] + data.draw(st.sampled_from(TOKENS)) + blob[at:]
        elif op == "bytes":
            blob = blob[:at] + data.draw(st.binary(max_size=16)) + blob[at:]
        elif op == "duplicate":
            blob = blob[:at] + blob[at : at + span] * data.draw(st.integers(2, 4)) + blob[at + span :]
        else:
            blob = blob[:at] + data.draw(st.sampled_from(TOKENS)) + blob[at + span :]
    return blob


def _poke(data: st.DataObject, value: object) -> object:
    """The JSON value with one place (found by a random walk) replaced by any JSON value or removed."""
    if isinstance(value, dict) and value and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(value) + CSL_KEYS))
        out = dict(value)
        if key in out and data.draw(st.integers(0, 4)) == 0:
            del out[key]
        else:
            out[key] = _poke(data, out[key]) if key in out else data.draw(JSON)
        return out
    if isinstance(value, list) and value and data.draw(st.booleans()):
        i = data.draw(st.integers(0, len(value) - 1))
        return value[:i] + [_poke(data, value[i])] + value[i + 1 :]
    return data.draw(JSON)


XML_SEEDS = [name for name in sorted(SEEDS) if name.endswith(".xml")]


def _xml(data: st.DataObject) -> bytes:
    """A PubMed XML seed, still well-formed and with its DOCTYPE, with elements dropped, repeated, emptied or given
    other text or attributes: the shapes a parser that trusts the DTD never sees from NCBI."""
    raw = SEEDS[data.draw(st.sampled_from(XML_SEEDS))]
    cut = raw.index(b"<PubmedArticleSet")
    root = ET.fromstring(raw[cut:])
    parent = {child: el for el in root.iter() for child in el}
    elements = list(parent)
    for _ in range(data.draw(st.integers(1, 8))):
        el = elements[data.draw(st.integers(0, len(elements) - 1))]
        op = data.draw(st.sampled_from(["drop", "repeat", "empty", "text", "attribute"]))
        up = parent.get(el)
        if op == "drop" and up is not None and el in list(up):
            up.remove(el)
        elif op == "repeat" and up is not None and el in list(up):
            up.insert(list(up).index(el), copy.deepcopy(el))
        elif op == "empty":
            el.clear()
        elif op == "text":
            el.text = data.draw(st.text(max_size=30) | st.sampled_from([t.decode("latin-1") for t in TOKENS]))
        else:
            el.set(data.draw(st.sampled_from(["IdType", "EIdType", "Label", "ValidYN", "MajorTopicYN", "RefType"])),
                   data.draw(st.text(max_size=10)))  # fmt: skip
    return raw[:cut] + ET.tostring(root)


def _tagged_lines(data: st.DataObject, tags: list[str], sep: str) -> str:
    lines = data.draw(st.lists(st.tuples(st.sampled_from(tags), st.text(max_size=40)), max_size=12))
    return "".join(f"{tag}{sep}{value}\n" for tag, value in lines)


def _bibtex(data: st.DataObject) -> str:
    entries = []
    for n in range(data.draw(st.integers(1, 3))):
        kind = data.draw(st.sampled_from(["article", "book", "inproceedings", "misc", "string", "comment", "ARTICLE"]))
        fields = data.draw(
            st.lists(
                st.tuples(
                    st.sampled_from(BIBTEX_FIELDS),
                    st.lists(st.sampled_from(BIBTEX_VALUES) | st.text(max_size=12), max_size=5).map("".join),
                    st.sampled_from(["{}", '""', ""]),
                ),
                max_size=8,
            )
        )
        body = ",\n".join(f"  {name} = {q[:1]}{value}{q[1:]}" for name, value, q in fields)
        entries.append(f"@{kind}{{key{n},\n{body}\n}}\n")
    return "\n".join(entries)


def draw_input(data: st.DataObject) -> tuple[str, bytes, str | None]:
    """(kind, bytes, forced format or None)."""
    kind = data.draw(st.sampled_from(["bytes", "mutated", "mutated", "xml", "csljson", "ris", "medline", "bibtex"]))
    if kind == "bytes":
        blob = data.draw(st.binary(max_size=2000))
    elif kind == "mutated":
        blob = _mutate(data, SEEDS[data.draw(st.sampled_from(sorted(SEEDS)))])
    elif kind == "xml":
        blob = _xml(data)
    elif kind == "csljson":
        n = data.draw(st.integers(1, 3))
        items = [_poke(data, copy.deepcopy(data.draw(st.sampled_from(CSL_ITEMS)))) for _ in range(n)]
        blob = json.dumps(data.draw(st.sampled_from([items, items[0], {"items": items}]))).encode()
    elif kind == "ris":
        records = [
            "TY  - JOUR\n" + _tagged_lines(data, RIS_TAGS, "  - ") + ("ER  - \n" if data.draw(st.booleans()) else "")
            for _ in range(data.draw(st.integers(1, 3)))
        ]
        blob = "\n".join(records).encode()
    elif kind == "medline":
        records = ["PMID- 1\n" + _tagged_lines(data, MEDLINE_TAGS, "- ") for _ in range(data.draw(st.integers(1, 3)))]
        blob = "\n".join(records).encode()
    else:
        blob = _bibtex(data).encode()
    fmt = data.draw(st.sampled_from([None, None, None, *FORMATS]))
    return kind, blob, fmt


# -- what one input must do ------------------------------------------------------------------------------------------


class Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Hang(f"no answer within {PER_INPUT_LIMIT} s")


def check(blob: bytes, fmt: str | None, path: Path) -> str:
    """'imported' or 'rejected'; raises on anything else."""
    path.write_bytes(blob)
    try:
        parsed = read_file(path, fmt)
    except ImportFormatError as exc:
        message = str(exc)
        if "\n" in message or not message.startswith(str(path)):
            raise AssertionError(f"the error is not one line naming the file: {message!r}") from exc
        return "rejected"
    tagger = default_tagger()
    records = [tagger.apply(normalise(copy.deepcopy(r))) for r in parsed.records]
    records = [r for r in records if has_identity(r)]
    keys: set[str] = set()
    for r in records:
        r["citekey"] = assign_key(r, keys)
        keys.add(r["citekey"])
    for encoding in ("latex", "utf8"):
        dump_bibtex(records, encoding, True, True, True)
    dump_ris(records)
    dump_csljson(records)
    list(iter_jsonl(records))
    console = Console(file=io.StringIO(), width=100)
    for i, r in enumerate(records):
        render_record(console, r)
        row_values(i, 0, r)
    return "imported"


def _where(exc: BaseException) -> str:
    """Where a crash happened: the innermost frame in ketalit's code (else the innermost frame)."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/ketalit/" in f.filename and "fuzz_import" not in f.filename] or frames
    f = ours[-1]
    return f"{type(exc).__name__} at {Path(f.filename).name}:{f.lineno} ({f.name})"


def fuzz(
    seconds: float, seed_value: int = 1, crash_dir: Path | None = None, quiet: bool = False, max_inputs: int = 0
) -> dict:
    """Run for ``seconds`` (or ``max_inputs`` inputs, if given: the same inputs on every machine); returns the
    figures (inputs tried, outcomes, crashes)."""
    stats: Counter[str] = Counter()
    crashes: dict[str, dict] = {}
    network: list[str] = []
    slowest = (0.0, "")
    start = time.monotonic()
    stop_at = start + seconds
    last_report = start

    real_connect = socket.socket.connect

    def no_network(self: socket.socket, address: object) -> None:
        network.append(str(address))
        raise OSError("the network is disabled during the fuzz run")

    socket.socket.connect = no_network  # type: ignore[method-assign]
    old_handler = signal.signal(signal.SIGALRM, _alarm)
    folder = Path(tempfile.mkdtemp(prefix="ketalit-fuzz-"))

    def one(data: st.DataObject) -> None:
        nonlocal slowest, last_report
        kind, blob, fmt = draw_input(data)  # drawn even when time is up: hypothesis wants the same draws on replay
        now = time.monotonic()
        if now >= stop_at or (max_inputs and stats["tried"] >= max_inputs):
            return
        path = folder / f"input.{SUFFIX.get(kind, 'dat')}"
        t = time.monotonic()
        signal.alarm(PER_INPUT_LIMIT)
        try:
            outcome = check(blob, fmt, path)
        except Exception as exc:  # a crash: keep going, remember it
            outcome = "crash"
            where = _where(exc)
            if where not in crashes:
                digest = hashlib.sha1(blob).hexdigest()[:12]
                saved = None
                if crash_dir is not None:
                    crash_dir.mkdir(parents=True, exist_ok=True)
                    saved = crash_dir / f"{digest}.{kind}"
                    saved.write_bytes(blob)
                crashes[where] = {"where": where, "message": str(exc)[:200], "kind": kind, "format": fmt,
                                  "input": str(saved) if saved else blob[:200].decode("utf-8", "replace"),
                                  "count": 0}  # fmt: skip
            crashes[where]["count"] += 1
        finally:
            signal.alarm(0)
        spent = time.monotonic() - t
        if spent > slowest[0]:
            slowest = (spent, f"{kind} input of {len(blob)} bytes")
        stats["tried"] += 1
        stats[outcome] += 1
        stats[f"{kind}:{outcome}"] += 1
        if not quiet and now - last_report > 30:
            last_report = now
            print(f"  {now - start:5.0f} s: {stats['tried']} inputs, {len(crashes)} distinct crashes", flush=True)

    batch = 0
    try:
        # Batches of examples, each from its own seed: hypothesis cannot be stopped cleanly in mid-run.
        while time.monotonic() < stop_at and not (max_inputs and stats["tried"] >= max_inputs):
            run = settings(
                max_examples=BATCH,
                deadline=None,
                database=None,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
            )(given(st.data())(one))
            seed(seed_value * 1_000_003 + batch)(run)()
            batch += 1
    finally:
        socket.socket.connect = real_connect  # type: ignore[method-assign]
        signal.signal(signal.SIGALRM, old_handler)
    return {
        "seconds": round(time.monotonic() - start, 1),
        "seed": seed_value,
        "stats": dict(stats),
        "crashes": list(crashes.values()),
        "network_attempts": len(network),
        "slowest": f"{slowest[0]:.2f} s ({slowest[1]})",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"fuzzing the importers for {args.seconds:.0f} s (seed {args.seed})", flush=True)
    result = fuzz(args.seconds, args.seed, crash_dir=HERE / "out" / "fuzz_crashes")
    s = result["stats"]
    print(f"inputs tried: {s.get('tried', 0)} in {result['seconds']} s "
          f"({s.get('tried', 0) / max(result['seconds'], 1e-9):.0f}/s)")  # fmt: skip
    print(f"imported: {s.get('imported', 0)}, refused with a one-line error: {s.get('rejected', 0)}, "
          f"crashes: {s.get('crash', 0)} ({len(result['crashes'])} distinct)")  # fmt: skip
    for kind in ("bytes", "mutated", "xml", "csljson", "ris", "medline", "bibtex"):
        print(f"  {kind:8} imported {s.get(f'{kind}:imported', 0):6}  refused {s.get(f'{kind}:rejected', 0):6}  "
              f"crashed {s.get(f'{kind}:crash', 0):6}")  # fmt: skip
    print(f"slowest input: {result['slowest']}; network connections attempted (and refused): "
          f"{result['network_attempts']}")  # fmt: skip
    for c in result["crashes"]:
        print(f"CRASH x{c['count']}: {c['where']}: {c['message']}\n    {c['kind']} input, format {c['format']}: "
              f"{c['input']}")  # fmt: skip
    sys.exit(1 if result["crashes"] else 0)


if __name__ == "__main__":
    main()
