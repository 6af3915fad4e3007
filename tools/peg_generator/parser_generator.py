"""Ports Tools/peg_generator/pegen/parser_generator.py.

What every back end shares: the checks on rule and variable names, the
collection of keywords (``'if'``, numbered from 500 in order of appearance, as
the C generator numbers them) and soft keywords (``"match"``), the artificial
rules made for groups, repeats and gathers (``_tmp_N``, ``_loop0_N``,
``_loop1_N``, ``_gather_N``), and the left-recursion analysis:

* :func:`compute_nullables` marks the rules and items that can match nothing;
* :func:`make_first_graph` draws an edge A -> B when A may call B at its first
  position (skipping over nullable items);
* :func:`compute_left_recursives` finds the strongly connected components of
  that graph: every rule on a cycle is ``left_recursive``, and in each SCC one
  *leader*, a rule every cycle goes through, gets the growing-seed
  memoization (the others are plain calls inside the leader's loop).
"""

from __future__ import annotations

import ast
import contextlib
import re
from collections.abc import Iterable, Iterator, Set
from typing import IO, Any, Optional, Union

import sccutils
from grammar import (
    Alt, Cut, Forced, Gather, Grammar, GrammarError, GrammarVisitor, Group, Lookahead,
    NamedItem, NameLeaf, Opt, Plain, Repeat0, Repeat1, Rhs, Rule, StringLeaf,
)


class RuleCollectorVisitor(GrammarVisitor):
    """CPython: Tools/peg_generator/pegen/parser_generator.py:RuleCollectorVisitor

    Hands every NamedItem to the call maker, which creates the artificial rules."""

    def __init__(self, rules: dict[str, Rule], callmakervisitor: GrammarVisitor) -> None:
        self.rules = rules
        self.callmaker = callmakervisitor

    def visit_Rule(self, rule: Rule) -> None:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_Rule"""
        self.visit(rule.flatten())

    def visit_NamedItem(self, item: NamedItem) -> None:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_NamedItem"""
        self.callmaker.visit(item)


class KeywordCollectorVisitor(GrammarVisitor):
    """CPython: Tools/peg_generator/pegen/parser_generator.py:KeywordCollectorVisitor

    ``'kw'`` (single quotes) is a keyword, ``"kw"`` a soft keyword."""

    def __init__(self, gen: ParserGenerator, keywords: dict[str, int],
                 soft_keywords: set[str]):
        self.generator = gen
        self.keywords = keywords
        self.soft_keywords = soft_keywords

    def visit_StringLeaf(self, node: StringLeaf) -> None:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_StringLeaf"""
        val = ast.literal_eval(node.value)
        if re.match(r"[a-zA-Z_]\w*\Z", val):
            # As in pegen, a keyword is renumbered at each occurrence (the test
            # compares the quoted value with the unquoted keys): the numbers are
            # those of the C parser's.
            if node.value.endswith("'") and node.value not in self.keywords:
                self.keywords[val] = self.generator.keyword_type()
            else:
                self.soft_keywords.add(node.value.replace('"', ""))


class RuleCheckingVisitor(GrammarVisitor):
    """CPython: Tools/peg_generator/pegen/parser_generator.py:RuleCheckingVisitor"""

    def __init__(self, rules: dict[str, Rule], tokens: set[str]):
        self.rules = rules
        self.tokens = tokens

    def visit_NameLeaf(self, node: NameLeaf) -> None:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_NameLeaf"""
        if node.value not in self.rules and node.value not in self.tokens:
            raise GrammarError(f"Dangling reference to rule {node.value!r}")

    def visit_NamedItem(self, node: NamedItem) -> None:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_NamedItem"""
        if node.name and node.name.startswith("_"):
            raise GrammarError(f"Variable names cannot start with underscore: '{node.name}'")
        self.visit(node.item)


class ParserGenerator:
    """CPython: Tools/peg_generator/pegen/parser_generator.py:ParserGenerator"""

    callmakervisitor: GrammarVisitor

    def __init__(self, grammar: Grammar, tokens: set[str], file: Optional[IO[str]]):
        self.grammar = grammar
        self.tokens = tokens
        self.keywords: dict[str, int] = {}
        self.soft_keywords: set[str] = set()
        self.rules = grammar.rules
        self.validate_rule_names()
        if "trailer" not in grammar.metas and "start" not in self.rules:
            raise GrammarError("Grammar without a trailer must have a 'start' rule")
        checker = RuleCheckingVisitor(self.rules, self.tokens)
        for rule in self.rules.values():
            checker.visit(rule)
        self.file = file
        self.level = 0
        self.first_graph, self.first_sccs = compute_left_recursives(self.rules)
        self.counter = 0  # for the artificial rules' names
        self.keyword_counter = 499  # for keyword_type()
        self.all_rules: dict[str, Rule] = self.rules.copy()  # rules + artificial rules
        self._local_variable_stack: list[list[str]] = []

    def validate_rule_names(self) -> None:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:validate_rule_names"""
        for rule in self.rules:
            if rule.startswith("_"):
                raise GrammarError(f"Rule names cannot start with underscore: '{rule}'")

    @contextlib.contextmanager
    def local_variable_context(self) -> Iterator[None]:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:local_variable_context"""
        self._local_variable_stack.append([])
        yield
        self._local_variable_stack.pop()

    @property
    def local_variable_names(self) -> list[str]:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:local_variable_names"""
        return self._local_variable_stack[-1]

    def generate(self, filename: str) -> None:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:generate"""
        raise NotImplementedError

    @contextlib.contextmanager
    def indent(self) -> Iterator[None]:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:indent"""
        self.level += 1
        try:
            yield
        finally:
            self.level -= 1

    def print(self, *args: object) -> None:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:print"""
        if not args:
            print(file=self.file)
        else:
            print("    " * self.level, end="", file=self.file)
            print(*args, file=self.file)

    def printblock(self, lines: str) -> None:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:printblock"""
        for line in lines.splitlines():
            self.print(line)

    def collect_rules(self) -> None:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:collect_rules

        Collects the keywords, then makes the artificial rules until no new one
        appears (an artificial rule may need others)."""
        keyword_collector = KeywordCollectorVisitor(self, self.keywords, self.soft_keywords)
        for rule in self.all_rules.values():
            keyword_collector.visit(rule)
        rule_collector = RuleCollectorVisitor(self.rules, self.callmakervisitor)
        done: set[str] = set()
        while True:
            todo = [i for i in list(self.all_rules) if i not in done]
            if not todo:
                break
            done = set(self.all_rules)
            for rulename in todo:
                rule_collector.visit(self.all_rules[rulename])

    def keyword_type(self) -> int:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:keyword_type"""
        self.keyword_counter += 1
        return self.keyword_counter

    def artificial_rule_from_rhs(self, rhs: Rhs) -> str:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:artificial_rule_from_rhs"""
        self.counter += 1
        name = f"_tmp_{self.counter}"
        self.all_rules[name] = Rule(name, None, rhs)
        return name

    def artificial_rule_from_repeat(self, node: Plain, is_repeat1: bool) -> str:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:artificial_rule_from_repeat"""
        self.counter += 1
        prefix = "_loop1_" if is_repeat1 else "_loop0_"
        name = f"{prefix}{self.counter}"
        self.all_rules[name] = Rule(name, None, Rhs([Alt([NamedItem(None, node)])]))
        return name

    def artificial_rule_from_gather(self, node: Gather) -> str:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:artificial_rule_from_gather

        ``s.e+`` becomes ``_gather_N: elem=e seq=_loop0_M`` with
        ``_loop0_M: s elem=e { elem }``."""
        self.counter += 1
        extra_function_name = f"_loop0_{self.counter}"
        extra_function_alt = Alt(
            [NamedItem(None, node.separator), NamedItem("elem", node.node)], action="elem")
        self.all_rules[extra_function_name] = Rule(
            extra_function_name, None, Rhs([extra_function_alt]))
        self.counter += 1
        name = f"_gather_{self.counter}"
        alt = Alt([NamedItem("elem", node.node),
                   NamedItem("seq", NameLeaf(extra_function_name))])
        self.all_rules[name] = Rule(name, None, Rhs([alt]))
        return name

    def dedupe(self, name: str) -> str:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:dedupe"""
        origname = name
        counter = 0
        while name in self.local_variable_names:
            counter += 1
            name = f"{origname}_{counter}"
        self.local_variable_names.append(name)
        return name


class NullableVisitor(GrammarVisitor):
    """CPython: Tools/peg_generator/pegen/parser_generator.py:NullableVisitor"""

    def __init__(self, rules: dict[str, Rule]) -> None:
        self.rules = rules
        self.visited: set[Any] = set()
        self.nullables: set[Union[Rule, NamedItem]] = set()

    def visit_Rule(self, rule: Rule) -> bool:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_Rule"""
        if rule in self.visited:
            return False
        self.visited.add(rule)
        if self.visit(rule.rhs):
            self.nullables.add(rule)
        return rule in self.nullables

    def visit_Rhs(self, rhs: Rhs) -> bool:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_Rhs"""
        return any(self.visit(alt) for alt in rhs.alts)

    def visit_Alt(self, alt: Alt) -> bool:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_Alt"""
        for item in alt.items:
            if not self.visit(item):
                return False
        return True

    def visit_Forced(self, force: Forced) -> bool:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_Forced"""
        return True

    def visit_LookAhead(self, lookahead: Lookahead) -> bool:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_LookAhead

        (pegen's spelling: the dispatch never reaches it, a lookahead's class is
        PositiveLookahead or NegativeLookahead, which generic_visit handles.)"""
        return True

    def visit_Opt(self, opt: Opt) -> bool:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_Opt"""
        return True

    def visit_Repeat0(self, repeat: Repeat0) -> bool:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_Repeat0"""
        return True

    def visit_Repeat1(self, repeat: Repeat1) -> bool:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_Repeat1"""
        return False

    def visit_Gather(self, gather: Gather) -> bool:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_Gather"""
        return False

    def visit_Cut(self, cut: Cut) -> bool:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_Cut"""
        return False

    def visit_Group(self, group: Group) -> bool:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_Group"""
        return bool(self.visit(group.rhs))

    def visit_NamedItem(self, item: NamedItem) -> bool:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_NamedItem"""
        if self.visit(item.item):
            self.nullables.add(item)
        return item in self.nullables

    def visit_NameLeaf(self, node: NameLeaf) -> bool:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_NameLeaf"""
        if node.value in self.rules:
            return bool(self.visit(self.rules[node.value]))
        return False  # a token never matches nothing

    def visit_StringLeaf(self, node: StringLeaf) -> bool:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_StringLeaf"""
        return not node.value


def compute_nullables(rules: dict[str, Rule]) -> set[Any]:
    """CPython: Tools/peg_generator/pegen/parser_generator.py:compute_nullables"""
    nullable_visitor = NullableVisitor(rules)
    for rule in rules.values():
        nullable_visitor.visit(rule)
    return nullable_visitor.nullables


class InitialNamesVisitor(GrammarVisitor):
    """CPython: Tools/peg_generator/pegen/parser_generator.py:InitialNamesVisitor

    The names an expression may call at its first position."""

    def __init__(self, rules: dict[str, Rule]) -> None:
        self.rules = rules
        self.nullables = compute_nullables(rules)

    def generic_visit(self, node: Iterable[Any], *args: Any, **kwargs: Any) -> set[Any]:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:generic_visit"""
        names: set[str] = set()
        for value in node:
            if isinstance(value, list):
                for item in value:
                    names |= self.visit(item, *args, **kwargs)
            else:
                names |= self.visit(value, *args, **kwargs)
        return names

    def visit_Alt(self, alt: Alt) -> set[Any]:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_Alt"""
        names: set[str] = set()
        for item in alt.items:
            names |= self.visit(item)
            if item not in self.nullables:
                break
        return names

    def visit_Forced(self, force: Forced) -> set[Any]:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_Forced"""
        return set()

    def visit_LookAhead(self, lookahead: Lookahead) -> set[Any]:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_LookAhead"""
        return set()

    def visit_Cut(self, cut: Cut) -> set[Any]:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_Cut"""
        return set()

    def visit_NameLeaf(self, node: NameLeaf) -> set[Any]:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_NameLeaf"""
        return {node.value}

    def visit_StringLeaf(self, node: StringLeaf) -> set[Any]:
        """CPython: Tools/peg_generator/pegen/parser_generator.py:visit_StringLeaf"""
        return set()


def compute_left_recursives(
    rules: dict[str, Rule]
) -> tuple[dict[str, Set[str]], list[Set[str]]]:
    """CPython: Tools/peg_generator/pegen/parser_generator.py:compute_left_recursives

    Marks ``left_recursive`` and ``leader`` on the rules; a leader is a rule
    of the SCC every cycle goes through (the smallest name if several)."""
    graph = make_first_graph(rules)
    sccs = list(sccutils.strongly_connected_components(sorted(graph), graph))
    for scc in sccs:
        if len(scc) > 1:
            for name in scc:
                rules[name].left_recursive = True
            leaders = set(scc)
            for start in sorted(scc):
                for cycle in sccutils.find_cycles_in_scc(graph, scc, start):
                    leaders -= scc - set(cycle)
                    if not leaders:
                        raise ValueError(
                            f"SCC {scc} has no leadership candidate "
                            "(no element is included in all cycles)")
            leader = min(leaders)
            rules[leader].leader = True
        else:
            name = min(scc)
            if name in graph[name]:
                rules[name].left_recursive = True
                rules[name].leader = True
    return graph, sccs


def make_first_graph(rules: dict[str, Rule]) -> dict[str, Set[str]]:
    """CPython: Tools/peg_generator/pegen/parser_generator.py:make_first_graph

    An edge from A to B if A may call B at its first position."""
    initial_name_visitor = InitialNamesVisitor(rules)
    graph: dict[str, Set[str]] = {}
    vertices: set[str] = set()
    for rulename, rhs in rules.items():
        graph[rulename] = names = initial_name_visitor.visit(rhs)
        vertices |= names
    for vertex in vertices:
        graph.setdefault(vertex, set())
    return graph
