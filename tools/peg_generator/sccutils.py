"""Ports Tools/peg_generator/pegen/sccutils.py.

Strongly connected components of the graph of left calls (which rule may call
which at its first position), and the cycles through an SCC: what
``compute_left_recursives`` needs to find left-recursive rules and their
leaders.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set


def strongly_connected_components(
    vertices: Iterable[str], edges: dict[str, Set[str]]
) -> Iterator[Set[str]]:
    """CPython: Tools/peg_generator/pegen/sccutils.py:strongly_connected_components

    Yields each SCC as a set of vertices; every vertex occurs in exactly one
    (singletons for vertices on no cycle). Tarjan's path-based algorithm.
    """
    identified: set[str] = set()
    stack: list[str] = []
    index: dict[str, int] = {}
    boundaries: list[int] = []

    def dfs(v: str) -> Iterator[set[str]]:
        index[v] = len(stack)
        stack.append(v)
        boundaries.append(index[v])
        for w in edges[v]:
            if w not in index:
                yield from dfs(w)
            elif w not in identified:
                while index[w] < boundaries[-1]:
                    boundaries.pop()
        if boundaries[-1] == index[v]:
            boundaries.pop()
            scc = set(stack[index[v]:])
            del stack[index[v]:]
            identified.update(scc)
            yield scc

    for v in vertices:
        if v not in index:
            yield from dfs(v)


def find_cycles_in_scc(
    graph: dict[str, Set[str]], scc: Set[str], start: str
) -> Iterator[list[str]]:
    """CPython: Tools/peg_generator/pegen/sccutils.py:find_cycles_in_scc

    Yields paths ``[start, …, X]`` inside the SCC that end on a vertex already
    on the path (a cycle through X).
    """
    assert start in scc, (start, scc)
    assert scc <= graph.keys(), scc - graph.keys()
    sub = {src: {dst for dst in dsts if dst in scc}
           for src, dsts in graph.items() if src in scc}
    assert start in sub

    def dfs(node: str, path: list[str]) -> Iterator[list[str]]:
        if node in path:
            yield path + [node]
            return
        path = path + [node]
        for child in sorted(sub[node]):
            yield from dfs(child, path)

    yield from dfs(start, [])
