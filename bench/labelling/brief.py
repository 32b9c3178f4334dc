"""Issue a brief from bench/labelling/briefs/: the placeholders given on the command line filled in, and each
{list} of label values (kind, routes, regimen, population, outcome, direction) filled from its home
(label_vocab.py), so a brief never lists values the checks and the evaluation do not know.

    python bench/labelling/brief.py briefs/label_pages.md REPO=/path PAGESDIR=/path ... > brief.md
    python bench/labelling/brief.py briefs/verdicts.md PACKETDIR=/path OUTFILE=/path/v1.toml > brief.md

The comment at the top of a brief (who it is for, what it needs) is left out. A placeholder given but not found
in the brief is an error, as is a {list} with no home.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from label_vocab import allowed  # noqa: E402


def issue(text: str, values: dict[str, str]) -> str:
    text = re.sub(r"\A<!--.*?-->\n", "", text, flags=re.S)
    for key, value in values.items():
        text, n = re.subn(rf"\b{re.escape(key)}\b", lambda _m, v=value: v, text)
        if not n:
            raise SystemExit(f"brief.py: {key} does not occur in the brief")
    table = allowed()

    def fill(m: re.Match) -> str:
        if m.group(1) not in table:
            raise SystemExit(f"brief.py: no home for the list {{{m.group(1)}}}")
        return ", ".join(table[m.group(1)])

    return re.sub(r"\{(\w+)\}", fill, text)


if __name__ == "__main__":
    if len(sys.argv) < 2 or any("=" not in a for a in sys.argv[2:]):
        raise SystemExit(__doc__.strip().split("\n\n")[1])
    brief = Path(sys.argv[1])
    if not brief.exists():
        brief = Path(__file__).resolve().parent / sys.argv[1]
    print(issue(brief.read_text(), dict(a.split("=", 1) for a in sys.argv[2:])), end="")
