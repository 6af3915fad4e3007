"""Compiling regular expressions: the cost of the re module's parser and
compiler (sre_parse / sre_compile), with the cache purged so that every
compile is real, as pyperformance's regex_compile measures it.

Usage: regex_compile.py [LOOPS]
"""
import re
import sys

PATTERNS = [
    r"(\d+)-(\d+)-(\d+)",
    r"^[A-Za-z_][A-Za-z0-9_]*$",
    r"(?P<user>[\w.+-]+)@(?P<host>[\w-]+(?:\.[\w-]+)+)",
    r"\b(?:https?|ftp)://[^\s/$.?#].[^\s]*\b",
    r"(?i)hello\s+world",
    r"(a|b|c|d|e)*f{2,5}g?",
    r"[^aeiou\s]+",
    r"(\w+)\s*=\s*(['\"])(.*?)\2",
    r"(?:\d{1,3}\.){3}\d{1,3}",
    r"^\s*#.*$",
    r"(?m)^(\s*)def\s+(\w+)\((.*)\):",
    r"[\u00c0-\u017f]+",
    r"(?s)<(\w+)[^>]*>(.*?)</\1>",
    r"(?x) \d+ (?: \. \d* )? (?: [eE] [+-]? \d+ )?",
    r"(?<=\$)\d+(?:\.\d\d)?",
    r"(?!un)\w+able",
    r"([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?",
    r"\[(?:[^\[\]]|\[[^\[\]]*\])*\]",
]


def main(loops):
    groups = 0
    for _ in range(loops):
        re.purge()
        for p in PATTERNS:
            groups += re.compile(p).groups
    m = re.compile(PATTERNS[2]).search("mail ada@example.org now")
    print(f"checksum {groups} {m.group('host') if m else None}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
