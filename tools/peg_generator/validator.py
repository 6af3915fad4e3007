"""Ports Tools/peg_generator/pegen/validator.py.

Checks a grammar before generation: no alternative is shadowed by an earlier
one that is a prefix of it; ``RAISE_SYNTAX_ERROR`` appears only in ``invalid_``
rules; a cut ``~`` stands only at the top level of a rule's alternative (its
effect is local to the enclosing choice, gh-143054).
"""

from __future__ import annotations

from typing import Any, Optional

from grammar import Alt, Grammar, GrammarVisitor, Rhs, Rule


class ValidationError(Exception):
    """CPython: Tools/peg_generator/pegen/validator.py:ValidationError"""


class GrammarValidator(GrammarVisitor):
    """CPython: Tools/peg_generator/pegen/validator.py:GrammarValidator"""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        self.rulename: Optional[str] = None

    def validate_rule(self, rulename: str, node: Rule) -> None:
        """CPython: Tools/peg_generator/pegen/validator.py:validate_rule"""
        self.rulename = rulename
        self.visit(node)
        self.rulename = None


class SubRuleValidator(GrammarValidator):
    """CPython: Tools/peg_generator/pegen/validator.py:SubRuleValidator"""

    def visit_Rhs(self, node: Rhs) -> None:
        """CPython: Tools/peg_generator/pegen/validator.py:visit_Rhs"""
        for index, alt in enumerate(node.alts):
            for other_alt in node.alts[index + 1:]:
                self.check_intersection(alt, other_alt)

    def check_intersection(self, first_alt: Alt, second_alt: Alt) -> None:
        """CPython: Tools/peg_generator/pegen/validator.py:check_intersection"""
        if str(second_alt).startswith(str(first_alt)):
            raise ValidationError(
                f"In {self.rulename} there is an alternative that will "
                f"never be visited:\n{second_alt}")


class RaiseRuleValidator(GrammarValidator):
    """CPython: Tools/peg_generator/pegen/validator.py:RaiseRuleValidator"""

    def visit_Alt(self, node: Alt) -> None:
        """CPython: Tools/peg_generator/pegen/validator.py:visit_Alt"""
        if self.rulename and self.rulename.startswith("invalid"):
            return  # raising is what invalid_ rules are for
        if node.action and "RAISE_SYNTAX_ERROR" in node.action:
            raise ValidationError(
                f"In {self.rulename!r} there is an alternative that contains "
                f"RAISE_SYNTAX_ERROR; this is only allowed in invalid_ rules")


class CutValidator(GrammarValidator):
    """CPython: Tools/peg_generator/pegen/validator.py:CutValidator

    Fails on a cut that is not directly in a rule's alternative."""

    def visit(self, node: Any, parents: tuple[Any, ...] = ()) -> None:
        """CPython: Tools/peg_generator/pegen/validator.py:visit"""
        super().visit(node, parents=(*parents, node))

    def visit_Cut(self, node: Any, parents: tuple[Any, ...] = ()) -> None:
        """CPython: Tools/peg_generator/pegen/validator.py:visit_Cut"""
        parent_types = [type(p).__name__ for p in parents]
        if parent_types != ["Rule", "Rhs", "Alt", "NamedItem", "Cut"]:
            raise ValidationError(
                f"Rule {self.rulename!r} contains cut that's not on the top level. "
                "The intended semantics of such cases need to be clarified; see the "
                f"CutValidator docstring.\nThe cut is inside: {parent_types}")


def validate_grammar(the_grammar: Grammar) -> None:
    """CPython: Tools/peg_generator/pegen/validator.py:validate_grammar"""
    for validator_cls in (SubRuleValidator, RaiseRuleValidator, CutValidator):
        validator = validator_cls(the_grammar)
        for rule_name, rule in the_grammar.rules.items():
            validator.validate_rule(rule_name, rule)
