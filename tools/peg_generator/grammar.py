"""Ports Tools/peg_generator/pegen/grammar.py.

The grammar's syntax tree, as the metagrammar's actions build it: a
:class:`Grammar` of :class:`Rule` s, each a right-hand side (:class:`Rhs`) of
alternatives (:class:`Alt`) made of named items (:class:`NamedItem`) over
leaves (token or rule names, string literals), groups, optionals, repeats,
gathers, lookaheads, forced tokens and cuts. :class:`GrammarVisitor` dispatches
on the node's class name, as pegen's does (this is a host-side tool, never
compiled, so the dynamic dispatch is allowed here).

``__str__`` gives the grammar back in its own notation (without actions); it is
also the key under which the call makers share artificial rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Optional, Union


class GrammarError(Exception):
    """CPython: Tools/peg_generator/pegen/grammar.py:GrammarError"""


class GrammarVisitor:
    """CPython: Tools/peg_generator/pegen/grammar.py:GrammarVisitor"""

    def visit(self, node: Any, *args: Any, **kwargs: Any) -> Any:
        """CPython: Tools/peg_generator/pegen/grammar.py:visit"""
        method = "visit_" + node.__class__.__name__
        visitor = getattr(self, method, self.generic_visit)
        return visitor(node, *args, **kwargs)

    def generic_visit(self, node: Iterable[Any], *args: Any, **kwargs: Any) -> Any:
        """CPython: Tools/peg_generator/pegen/grammar.py:generic_visit"""
        for value in node:
            if isinstance(value, list):
                for item in value:
                    self.visit(item, *args, **kwargs)
            else:
                self.visit(value, *args, **kwargs)


class Grammar:
    """CPython: Tools/peg_generator/pegen/grammar.py:Grammar"""

    def __init__(self, rules: Iterable[Rule], metas: Iterable[tuple[str, Optional[str]]]):
        all_rules: dict[str, Rule] = {}
        for rule in rules:
            if rule.name in all_rules:
                raise GrammarError(f"Repeated rule {rule.name!r}")
            all_rules[rule.name] = rule
        self.rules = all_rules
        self.metas: dict[str, Optional[str]] = dict(metas)

    def __str__(self) -> str:
        return "\n".join(str(rule) for name, rule in self.rules.items())

    def __repr__(self) -> str:
        lines = ["Grammar(", "  ["]
        for rule in self.rules.values():
            lines.append(f"    {repr(rule)},")
        lines.append("  ],")
        lines.append(f"  {repr(list(self.metas.items()))}")
        lines.append(")")
        return "\n".join(lines)

    def __iter__(self) -> Iterator[Rule]:
        yield from self.rules.values()


# Whether __str__() leaves the actions out (pegen's global flag; always on here).
SIMPLE_STR = True


class Rule:
    """CPython: Tools/peg_generator/pegen/grammar.py:Rule"""

    def __init__(self, name: str, type: Optional[str], rhs: Rhs, memo: object = None):
        self.name = name
        self.type = type
        self.rhs = rhs
        self.memo = bool(memo)
        self.left_recursive = False
        self.leader = False

    def is_loop(self) -> bool:
        """CPython: Tools/peg_generator/pegen/grammar.py:is_loop"""
        return self.name.startswith("_loop")

    def is_gather(self) -> bool:
        """CPython: Tools/peg_generator/pegen/grammar.py:is_gather"""
        return self.name.startswith("_gather")

    def __str__(self) -> str:
        if SIMPLE_STR or self.type is None:
            res = f"{self.name}: {self.rhs}"
        else:
            res = f"{self.name}[{self.type}]: {self.rhs}"
        if len(res) < 88:
            return res
        lines = [res.split(":")[0] + ":"]
        lines += [f"    | {alt}" for alt in self.rhs.alts]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"Rule({self.name!r}, {self.type!r}, {self.rhs!r})"

    def __iter__(self) -> Iterator[Rhs]:
        yield self.rhs

    def flatten(self) -> Rhs:
        """CPython: Tools/peg_generator/pegen/grammar.py:flatten

        A rule whose only alternative is a single parenthesized group is that
        group's alternatives."""
        rhs = self.rhs
        if (
            not self.is_loop()
            and len(rhs.alts) == 1
            and len(rhs.alts[0].items) == 1
            and isinstance(rhs.alts[0].items[0].item, Group)
        ):
            rhs = rhs.alts[0].items[0].item.rhs
        return rhs


class Leaf:
    """CPython: Tools/peg_generator/pegen/grammar.py:Leaf"""

    def __init__(self, value: str):
        self.value = value

    def __str__(self) -> str:
        return self.value

    def __iter__(self) -> Iterator[str]:
        yield from ()


class NameLeaf(Leaf):
    """CPython: Tools/peg_generator/pegen/grammar.py:NameLeaf

    The value is the name of a rule or a token."""

    def __str__(self) -> str:
        if self.value == "ENDMARKER":
            return "$"
        return super().__str__()

    def __repr__(self) -> str:
        return f"NameLeaf({self.value!r})"


class StringLeaf(Leaf):
    """CPython: Tools/peg_generator/pegen/grammar.py:StringLeaf

    The value is a string literal, quotes included: ``'if'`` is a keyword,
    ``"match"`` a soft keyword, ``'+'`` an operator token."""

    def __repr__(self) -> str:
        return f"StringLeaf({self.value!r})"


class Rhs:
    """CPython: Tools/peg_generator/pegen/grammar.py:Rhs"""

    def __init__(self, alts: list[Alt]):
        self.alts = alts
        self.memo: Optional[tuple[Optional[str], str]] = None

    def __str__(self) -> str:
        return " | ".join(str(alt) for alt in self.alts)

    def __repr__(self) -> str:
        return f"Rhs({self.alts!r})"

    def __iter__(self) -> Iterator[list[Alt]]:
        yield self.alts

    @property
    def can_be_inlined(self) -> bool:
        """CPython: Tools/peg_generator/pegen/grammar.py:can_be_inlined"""
        if len(self.alts) != 1 or len(self.alts[0].items) != 1:
            return False
        # An alternative with an action cannot be inlined.
        return self.alts[0].action is None


class Alt:
    """CPython: Tools/peg_generator/pegen/grammar.py:Alt"""

    def __init__(self, items: list[NamedItem], *, icut: int = -1, action: Optional[str] = None):
        self.items = items
        self.icut = icut
        self.action = action

    def __str__(self) -> str:
        core = " ".join(str(item) for item in self.items)
        if not SIMPLE_STR and self.action:
            return f"{core} {{ {self.action} }}"
        return core

    def __repr__(self) -> str:
        args = [repr(self.items)]
        if self.icut >= 0:
            args.append(f"icut={self.icut}")
        if self.action:
            args.append(f"action={self.action!r}")
        return f"Alt({', '.join(args)})"

    def __iter__(self) -> Iterator[list[NamedItem]]:
        yield self.items


class NamedItem:
    """CPython: Tools/peg_generator/pegen/grammar.py:NamedItem

    ``name[type]=item``; ``type`` makes the generated code cast the item's
    value (C's ``(type)`` cast, a ``cast()`` in the typed back end)."""

    def __init__(self, name: Optional[str], item: Item, type: Optional[str] = None):
        self.name = name
        self.item = item
        self.type = type

    def __str__(self) -> str:
        if not SIMPLE_STR and self.name:
            return f"{self.name}={self.item}"
        return str(self.item)

    def __repr__(self) -> str:
        return f"NamedItem({self.name!r}, {self.item!r})"

    def __iter__(self) -> Iterator[Item]:
        yield self.item


class Forced:
    """CPython: Tools/peg_generator/pegen/grammar.py:Forced

    ``&&x``: ``x`` must follow, else a SyntaxError "expected x" right here."""

    def __init__(self, node: Plain):
        self.node = node

    def __str__(self) -> str:
        return f"&&{self.node}"

    def __repr__(self) -> str:
        return f"Forced({self.node!r})"

    def __iter__(self) -> Iterator[Plain]:
        yield self.node


class Lookahead:
    """CPython: Tools/peg_generator/pegen/grammar.py:Lookahead"""

    def __init__(self, node: Plain, sign: str):
        self.node = node
        self.sign = sign

    def __str__(self) -> str:
        return f"{self.sign}{self.node}"

    def __iter__(self) -> Iterator[Plain]:
        yield self.node


class PositiveLookahead(Lookahead):
    """CPython: Tools/peg_generator/pegen/grammar.py:PositiveLookahead"""

    def __init__(self, node: Plain):
        super().__init__(node, "&")

    def __repr__(self) -> str:
        return f"PositiveLookahead({self.node!r})"


class NegativeLookahead(Lookahead):
    """CPython: Tools/peg_generator/pegen/grammar.py:NegativeLookahead"""

    def __init__(self, node: Plain):
        super().__init__(node, "!")

    def __repr__(self) -> str:
        return f"NegativeLookahead({self.node!r})"


class Opt:
    """CPython: Tools/peg_generator/pegen/grammar.py:Opt"""

    def __init__(self, node: Item):
        self.node = node

    def __str__(self) -> str:
        s = str(self.node)
        if " " in s:
            return f"[{s}]"
        return f"{s}?"

    def __repr__(self) -> str:
        return f"Opt({self.node!r})"

    def __iter__(self) -> Iterator[Item]:
        yield self.node


class Repeat:
    """CPython: Tools/peg_generator/pegen/grammar.py:Repeat

    The shared base of ``x*`` and ``x+`` (and of gathers)."""

    def __init__(self, node: Plain):
        self.node = node
        self.memo: Optional[tuple[Optional[str], str]] = None

    def __iter__(self) -> Iterator[Plain]:
        yield self.node


class Repeat0(Repeat):
    """CPython: Tools/peg_generator/pegen/grammar.py:Repeat0"""

    def __str__(self) -> str:
        s = str(self.node)
        if " " in s:
            return f"({s})*"
        return f"{s}*"

    def __repr__(self) -> str:
        return f"Repeat0({self.node!r})"


class Repeat1(Repeat):
    """CPython: Tools/peg_generator/pegen/grammar.py:Repeat1"""

    def __str__(self) -> str:
        s = str(self.node)
        if " " in s:
            return f"({s})+"
        return f"{s}+"

    def __repr__(self) -> str:
        return f"Repeat1({self.node!r})"


class Gather(Repeat):
    """CPython: Tools/peg_generator/pegen/grammar.py:Gather

    ``sep.node+``: one or more ``node`` separated by ``sep``."""

    def __init__(self, separator: Plain, node: Plain):
        super().__init__(node)
        self.separator = separator

    def __str__(self) -> str:
        return f"{self.separator!s}.{self.node!s}+"

    def __repr__(self) -> str:
        return f"Gather({self.separator!r}, {self.node!r})"


class Group:
    """CPython: Tools/peg_generator/pegen/grammar.py:Group"""

    def __init__(self, rhs: Rhs):
        self.rhs = rhs

    def __str__(self) -> str:
        return f"({self.rhs})"

    def __repr__(self) -> str:
        return f"Group({self.rhs!r})"

    def __iter__(self) -> Iterator[Rhs]:
        yield self.rhs


class Cut:
    """CPython: Tools/peg_generator/pegen/grammar.py:Cut

    ``~``: once passed, the rule's later alternatives are not tried."""

    def __repr__(self) -> str:
        return "Cut()"

    def __str__(self) -> str:
        return "~"

    def __iter__(self) -> Iterator[tuple[str, str]]:
        yield from ()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Cut):
            return NotImplemented
        return True

    def __hash__(self) -> int:
        return 0

    def initial_names(self) -> set[str]:
        """CPython: Tools/peg_generator/pegen/grammar.py:initial_names"""
        return set()


Plain = Union[Leaf, Group]
Item = Union[Plain, Opt, Repeat, Forced, Lookahead, Rhs, Cut]
RuleName = tuple[str, Optional[str]]
MetaTuple = tuple[str, Optional[str]]
MetaList = list[MetaTuple]
RuleList = list[Rule]
NamedItemList = list[NamedItem]
LookaheadOrCut = Union[Lookahead, Cut]
