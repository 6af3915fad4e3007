"""pyvm: the tables of CPython's generated Parser/parser.c that pyvm's generator
must reproduce, saved as tests/peg_parser_c.json for the tests.

    python3 tools/peg_generator/parser_c_tables.py PATH/TO/cpython [--check]

CPython's pegen numbers the keywords, lists the soft keywords and chooses the
memoized rules from the grammar; tests/test_peg_generator.py checks that pyvm's
generator made the same choices for python.gram. The C file is not part of this
project, so the three tables are read out of it here (from a CPython 3.14
source tree) and kept as data; ``--check`` fails when the saved file differs.
"""

from __future__ import annotations

import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "peg_parser_c.json")


def tables(parser_c: str) -> dict[str, object]:
    """pyvm: the keyword numbers, the soft keywords and the memoized rules of
    ``parser_c`` (the text of Parser/parser.c)."""
    soft = re.search(r"static char \*soft_keywords\[\] = \{(.*?)\};", parser_c, re.S)
    if soft is None:
        raise SystemExit("no soft_keywords table: is this CPython's Parser/parser.c?")
    return {
        "keywords": {k: int(v) for k, v in re.findall(r'\{"(\w+)", (\d+)\}', parser_c)},
        "soft_keywords": re.findall(r'"(\w+)"', soft.group(1)),
        "memoized": sorted(set(re.findall(r"_PyPegen_is_memoized\(p, (\w+)_type", parser_c))),
    }


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--check"]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    with open(os.path.join(args[0], "Parser", "parser.c")) as f:
        text = json.dumps(tables(f.read()), indent=1, sort_keys=True) + "\n"
    if "--check" in sys.argv[1:]:
        with open(OUT) as f:
            return 0 if f.read() == text else 1
    with open(OUT, "w") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
