"""Serialising nested data with json.dumps, as pyperformance's json_dumps does:
dicts of strings, numbers, lists and nested dicts, encoded over and over.

Usage: json_dumps.py [LOOPS]
"""
import json
import sys

EMPTY = ({}, 2000)
SIMPLE = ({"key1": 0, "key2": True, "key3": "value", "key4": "foo", "key5": "string"}, 1000)
NESTED = ({"key1": 0, "key2": SIMPLE[0], "key3": "value", "key4": [1, 2.5, None, "x"] * 5,
           "key5": {"a": [SIMPLE[0]] * 3, "b": "unicode \u00e9\u4e2d"}}, 1000)
HUGE = ([NESTED[0]] * 100, 1)
CASES = [EMPTY, SIMPLE, NESTED, HUGE]


def main(loops):
    checksum = 0
    for _ in range(loops):
        for obj, repeat in CASES:
            for _ in range(repeat // 10 or 1):
                s = json.dumps(obj)
                checksum = (checksum + len(s)) % 1000000007
    print(f"checksum {checksum} {json.dumps(NESTED[0], sort_keys=True)[:40]}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
