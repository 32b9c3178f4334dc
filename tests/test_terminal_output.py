"""Hostile record text on a terminal or in a pipe: no escape sequence, control character or bidi override from a
record reaches the output of any command, and the text around them is still shown."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from ketalit.library import Library
from ketalit.records import author, new_record
from ketalit.safetext import dumps_json, printable
from ketalit.userfields import add_note

from conftest import UNSAFE, run_cli, run_ketalit, store_as_is, write_claims_catalogue
from eutils_server import Server, default_fake

SCREEN = (
    "\x1b]8;;https://evil.example/\x07click me\x1b]8;;\x07 \x1b[2J\x1b[Hcleared \x9b31mred\x1b[0m \u202egnp.exe\u202c"
)


def test_printable_removes_whole_escape_sequences_and_keeps_text() -> None:
    assert printable("\x1b]8;;http://evil.example\x07click\x1b]8;;\x07 here") == "click here"  # OSC 8 link
    assert printable("a\x1b[2J\x1b[Hb\x1b[31;1mc\x9b2Jd") == "abcd"  # CSI, 7- and 8-bit
    assert printable("title \x1b]0;window title\x1b\\ end") == "title  end"  # OSC ended by ST
    assert printable("rtl \u202eexe.pdf\u202c \u2066iso\u2069 \u200fmark") == "rtl exe.pdf iso mark"
    assert printable("a\x00b\x07c\x7fd\x85e") == "abcd e"  # NEL is a line break
    assert printable("one\r\ntwo\nthree\u2028four\tfive") == "one two three four five"
    assert printable("one\r\ntwo\u2029three\tfour", newlines=True) == "one\ntwo\nthree\tfour"
    kept = "Müller, Nguyễn, 中文, عربي, 👩\u200d⚕️, µg/kg, p<0.05 [ok] {x} \\ %"
    assert printable(kept) == kept
    assert printable(None) == "" and printable(12) == "12"


def test_json_output_escapes_what_a_terminal_would_act_on_and_keeps_the_value() -> None:
    import json

    value = {"title": "a\x1b[2J\x9b1m\u202eb\u2028é中"}
    text = dumps_json(value)
    assert not UNSAFE.search(text) and "é中" in text
    assert json.loads(text) == value


def test_indented_json_output_is_what_json_writes_whatever_the_value() -> None:
    """`--json` output and CSL-JSON are written by a faster encoder where it writes the same characters as json's
    own (indented by 2 and by 1): checked on values of every kind, floats with exponents, NaN, integers past 64
    bits, keys that are not strings, lone surrogates, tuples and dict subclasses included."""
    import json
    import math

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from ketalit.safetext import _JSON_ESCAPE

    class Row(dict):  # as tinydb's rows are
        pass

    scalars = (
        st.none()
        | st.booleans()
        | st.integers(min_value=-(2**70), max_value=2**70)
        | st.floats(allow_nan=True, allow_infinity=True)
        | st.sampled_from([0.0, -0.0, 1e-4, 9.999999999999999e-05, 1e16, 9999999999999998.0, 1.683, 5e-324])
        | st.text()
    )
    keys = st.text() | st.integers(-5, 5) | st.floats(allow_nan=False) | st.booleans() | st.none()

    def containers(children):
        return (
            st.lists(children, max_size=4)
            | st.lists(children, max_size=4).map(tuple)
            | st.dictionaries(st.text(max_size=5), children, max_size=4)
            | st.dictionaries(st.text(max_size=5), children, max_size=4).map(Row)
            | st.dictionaries(keys, children, max_size=3)
        )

    def expected(value, **kwargs) -> str:
        text = json.dumps(value, ensure_ascii=False, **kwargs)
        return _JSON_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

    @settings(max_examples=300, deadline=None)
    @given(st.recursive(scalars, containers, max_leaves=20))
    def check(value) -> None:
        assert dumps_json(value, indent=2, default=str) == expected(value, indent=2, default=str)
        assert dumps_json(value, indent=1, default=str) == expected(value, indent=1, default=str)

    check()
    assert dumps_json([1e-05, math.inf], indent=2) == "[\n  1e-05,\n  Infinity\n]"


# -- the terminal -----------------------------------------------------------------------------------------------------


@pytest.fixture
def screen_library(tmp_path: Path) -> Library:
    lib = Library.init(tmp_path / "lib")
    write_claims_catalogue(lib.root)
    text = f"Ketamine significantly reduced migraine pain. {SCREEN}"
    results = {"label": "RESULTS\x1b[2J", "category": "", "text": text}
    store_as_is(  # as a damaged library holds them: the importers would have cleaned them
        lib,
        [
            new_record(
                title=f"Ketamine for migraine headache {SCREEN}",
                authors=[author(f"Evil{SCREEN}", "A"), author(collective="[/] [bold]group")],
                journal=f"J {SCREEN}",
                year=2021,
                pmid="123",
                doi=f"10.1234/x{SCREEN}",
                abstract=[results],
                keywords=[f"kw{SCREEN}"],
            ),
            new_record(
                title=f"Ketamine in migraine without a PMID {SCREEN}",
                year=2020,
                doi="10.1234/\x1b[2Jnext\nforged-second-line",
                abstract=[results],
            ),
        ],
    )
    lib = Library.open(lib.root)
    add_note(lib, "123", f"note {SCREEN}")
    return Library.open(lib.root)


def _clean(output: str) -> None:
    assert "\x1b" not in output and not UNSAFE.search(output.replace("\n", "").replace("\t", "")), repr(output)


@pytest.mark.e2e
@pytest.mark.parametrize(
    "args",
    [
        ["show", "123"],
        ["show", "123", "--json"],
        ["search", "migraine"],
        ["search", "migraine", "--json"],
        ["claims", "list"],
        ["claims", "show", "900-01"],
        ["stats"],
        ["note", "123"],
        ["search", "migraine", "--format", "tsv", "--fields", "pmid,doi,title,first_author,journal,notes,abstract"],
        ["screen", "next", "--limit", "2"],
        ["duplicates"],
        ["prisma"],
    ],
)
def test_commands_print_no_escape_sequences(screen_library: Library, runner, args: list[str]) -> None:
    if args[0] == "claims":
        run_cli(runner, screen_library.root, "claims", "link")
    res = run_cli(runner, screen_library.root, *args)
    assert res.exit_code == 0, res.output
    _clean(res.output)
    if args[0] in ("show", "search", "note", "screen") and "--json" not in args:
        assert "click me" in res.output and "cleared" in res.output  # the text around the sequences stays


@pytest.mark.e2e
def test_search_ids_prints_one_clean_line_per_result(screen_library: Library, runner) -> None:
    res = run_cli(runner, screen_library.root, "search", "migraine", "--ids")
    assert res.exit_code == 0
    _clean(res.output)
    lines = res.output.splitlines()
    assert sorted(lines) == ["10.1234/next forged-second-line", "123"]


@pytest.mark.e2e
def test_show_on_a_terminal_emits_only_colour_codes(screen_library: Library) -> None:
    env = {**os.environ, "FORCE_COLOR": "1", "TERM": "xterm-256color", "COLUMNS": "200"}
    proc = run_ketalit("--library", str(screen_library.root), "show", "123", env=env)
    assert proc.returncode == 0, proc.stderr
    sequences = re.findall(r"\x1b[^a-zA-Z]*[a-zA-Z]?", proc.stdout)
    assert sequences and all(re.fullmatch(r"\x1b\[[0-9;]*m", s) for s in sequences), set(sequences)
    assert not UNSAFE.search(re.sub(r"\x1b\[[0-9;]*m", "", proc.stdout).replace("\n", ""))


@pytest.mark.e2e
def test_report_summary_and_file_messages_are_clean(screen_library: Library, runner, tmp_path: Path) -> None:
    out = tmp_path / f"rep\x1b[2J{SCREEN}"
    out.parent.mkdir(parents=True)  # the URL in SCREEN makes folders; report -o makes only the last one
    res = run_cli(runner, screen_library.root, "report", "-o", str(out))
    assert res.exit_code == 0, res.output
    _clean(res.output)
    evil_file = tmp_path / "refs\x1b]8;;x\x07.ris"
    evil_file.write_text(f"TY  - JOUR\nTI  - Imported {SCREEN}\nER  - \n\nTY  - JOUR\nAU  - Nobody\nER  - \n")
    res = run_cli(runner, screen_library.root, "import", str(evil_file))  # echoes the file name, skips record 2
    assert res.exit_code == 0, res.output
    _clean(res.output)
    assert "refs.ris" in res.output and "skipped" in res.output
    res = run_cli(runner, screen_library.root, "import", str(tmp_path / f"missing\x1b[2J{SCREEN}.ris"))
    assert res.exit_code == 1
    _clean(res.output)
    out = tmp_path / f"out\x1b[2J{SCREEN}.ris"
    out.parent.mkdir(parents=True)  # export -o writes into an existing folder only
    res = run_cli(runner, screen_library.root, "export", "ris", "-o", str(out))
    assert res.exit_code == 0
    _clean(res.output)


@pytest.mark.e2e
def test_fetch_messages_are_clean(tmp_path: Path) -> None:
    lib = Library.init(tmp_path / "lib")
    query = "ketamine \x9b2J\u202egnp.exe\u202c click me"  # no C0 controls: they cannot travel in NCBI's XML
    with Server(default_fake()) as srv:
        env = {**os.environ, "KETALIT_EUTILS_URL": srv.url, "NCBI_EMAIL": "tests@example.org", "NCBI_API_KEY": ""}
        proc = run_ketalit("--library", str(lib.root), "fetch", query, "--max", "3", env=env)
    assert proc.returncode == 0, proc.stderr
    _clean(proc.stdout + proc.stderr)
    assert "click me" in proc.stdout
