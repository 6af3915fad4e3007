"""Ports Tools/peg_generator/pegen/first_sets.py.

The FIRST set of every rule: the tokens (names and quoted literals) a rule's
match can begin with, "" standing for "can match nothing". A diagnostic tool
(``python3 tools/peg_generator/first_sets.py GRAMMAR``); the generator does
not need it.
"""

from __future__ import annotations

import pprint
import sys

from grammar import (
    Alt, Cut, Gather, GrammarVisitor, Group, Lookahead, NamedItem, NameLeaf,
    NegativeLookahead, Opt, Repeat0, Repeat1, Rhs, Rule, StringLeaf,
)
from parser_generator import compute_nullables


class FirstSetCalculator(GrammarVisitor):
    """CPython: Tools/peg_generator/pegen/first_sets.py:FirstSetCalculator"""

    def __init__(self, rules: dict[str, Rule]) -> None:
        self.rules = rules
        self.nullables = compute_nullables(rules)
        self.first_sets: dict[str, set[str]] = {}
        self.in_process: set[str] = set()

    def calculate(self) -> dict[str, set[str]]:
        """CPython: Tools/peg_generator/pegen/first_sets.py:calculate"""
        for name, rule in self.rules.items():
            self.visit(rule)
        return self.first_sets

    def visit_Alt(self, item: Alt) -> set[str]:
        """CPython: Tools/peg_generator/pegen/first_sets.py:visit_Alt"""
        result: set[str] = set()
        to_remove: set[str] = set()
        for other in item.items:
            new_terminals = self.visit(other)
            if isinstance(other.item, NegativeLookahead):
                to_remove |= new_terminals
            result |= new_terminals
            if to_remove:
                result -= to_remove
            # An item that can match nothing lets the next one start the match.
            if "" in new_terminals:
                continue
            if not isinstance(other.item, (Opt, NegativeLookahead, Repeat0)):
                break
        result.discard("")
        return result

    def visit_Cut(self, item: Cut) -> set[str]:
        """CPython: Tools/peg_generator/pegen/first_sets.py:visit_Cut"""
        return set()

    def visit_Group(self, item: Group) -> set[str]:
        """CPython: Tools/peg_generator/pegen/first_sets.py:visit_Group"""
        return self.visit(item.rhs)  # type: ignore[no-any-return]  # visitor dispatch

    def visit_PositiveLookahead(self, item: Lookahead) -> set[str]:
        """CPython: Tools/peg_generator/pegen/first_sets.py:visit_PositiveLookahead"""
        return self.visit(item.node)  # type: ignore[no-any-return]  # visitor dispatch

    def visit_NegativeLookahead(self, item: NegativeLookahead) -> set[str]:
        """CPython: Tools/peg_generator/pegen/first_sets.py:visit_NegativeLookahead"""
        return self.visit(item.node)  # type: ignore[no-any-return]  # visitor dispatch

    def visit_NamedItem(self, item: NamedItem) -> set[str]:
        """CPython: Tools/peg_generator/pegen/first_sets.py:visit_NamedItem"""
        return self.visit(item.item)  # type: ignore[no-any-return]  # visitor dispatch

    def visit_Opt(self, item: Opt) -> set[str]:
        """CPython: Tools/peg_generator/pegen/first_sets.py:visit_Opt"""
        return self.visit(item.node)  # type: ignore[no-any-return]  # visitor dispatch

    def visit_Gather(self, item: Gather) -> set[str]:
        """CPython: Tools/peg_generator/pegen/first_sets.py:visit_Gather"""
        return self.visit(item.node)  # type: ignore[no-any-return]  # visitor dispatch

    def visit_Repeat0(self, item: Repeat0) -> set[str]:
        """CPython: Tools/peg_generator/pegen/first_sets.py:visit_Repeat0"""
        return self.visit(item.node)  # type: ignore[no-any-return]  # visitor dispatch

    def visit_Repeat1(self, item: Repeat1) -> set[str]:
        """CPython: Tools/peg_generator/pegen/first_sets.py:visit_Repeat1"""
        return self.visit(item.node)  # type: ignore[no-any-return]  # visitor dispatch

    def visit_NameLeaf(self, item: NameLeaf) -> set[str]:
        """CPython: Tools/peg_generator/pegen/first_sets.py:visit_NameLeaf"""
        if item.value not in self.rules:
            return {item.value}
        if item.value not in self.first_sets:
            self.first_sets[item.value] = self.visit(self.rules[item.value])
            return self.first_sets[item.value]
        elif item.value in self.in_process:
            return set()
        return self.first_sets[item.value]

    def visit_StringLeaf(self, item: StringLeaf) -> set[str]:
        """CPython: Tools/peg_generator/pegen/first_sets.py:visit_StringLeaf"""
        return {item.value}

    def visit_Rhs(self, item: Rhs) -> set[str]:
        """CPython: Tools/peg_generator/pegen/first_sets.py:visit_Rhs"""
        result: set[str] = set()
        for alt in item.alts:
            result |= self.visit(alt)
        return result

    def visit_Rule(self, item: Rule) -> set[str]:
        """CPython: Tools/peg_generator/pegen/first_sets.py:visit_Rule"""
        if item.name in self.in_process:
            return set()
        elif item.name not in self.first_sets:
            self.in_process.add(item.name)
            terminals: set[str] = self.visit(item.rhs)
            if item in self.nullables:
                terminals.add("")
            self.first_sets[item.name] = terminals
            self.in_process.remove(item.name)
        return self.first_sets[item.name]


def main() -> None:
    """CPython: Tools/peg_generator/pegen/first_sets.py:main"""
    from build import build_grammar  # the driver imports this module's neighbours
    if len(sys.argv) != 2:
        sys.exit("usage: first_sets.py GRAMMAR")
    grammar = build_grammar(sys.argv[1])
    pprint.pprint(FirstSetCalculator(grammar.rules).calculate())


if __name__ == "__main__":
    main()
