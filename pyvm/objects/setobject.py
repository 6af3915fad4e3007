"""Ports Objects/setobject.c: ``set``, ``frozenset`` and their iterator.

A set is an open-addressing hash table of *entries* (a key and its hash), as
in C. The table has ``mask + 1`` slots, a power of two. A slot is *unused*
(key NULL, hash 0), *active* (a key and its hash) or a *dummy* (the key
:data:`dummy` and hash -1, left behind by a deletion so that probe chains stay
unbroken). ``fill`` counts active plus dummy slots, ``used`` the active ones.

Probing is C's: start at ``hash & mask``, look at up to ``LINEAR_PROBES``
neighbouring slots (cheap on a cache line), then jump with the perturbation
recurrence ``i = (i * 5 + 1 + perturb) & mask`` with ``perturb >>= 5``. The
table grows when ``fill * 5 >= mask * 3``. Because the arithmetic is the same,
the iteration order of a set is CPython's for the same hashes (small
non-negative ints hash to themselves, so ``{3, 1, 2}`` iterates ``1, 2, 3``).

pyvm keeps the slots in two host lists, ``table_keys`` (``None`` is C's NULL)
and ``table_hashes``; C's ``smalltable`` (the eight slots inside the object)
is only an allocation trick and disappears, except where it is observable: a
table of the minimum size that has no dummies is not rebuilt. A set's hash is
C's ``frozenset_hash`` bit for bit, computed on 64-bit unsigned words.

Reference counts are C's: the table owns a reference to every active key;
``set_dealloc`` and ``set_clear_internal`` release them after the set is
consistent (empty) again.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.objects.object import _Py_TPFLAGS_MATCH_SELF
from pyvm.objects.object import (
    _PyErr_Clear,
    Py_DECREF,
    Py_EQ,
    Py_GE,
    Py_GT,
    Py_INCREF,
    Py_LE,
    Py_LT,
    Py_NE,
    Py_NewRef,
    Py_None,
    Py_NotImplemented,
    Py_ReprEnter,
    Py_ReprLeave,
    Py_TPFLAGS_BASETYPE,
    Py_TPFLAGS_HAVE_GC,
    PyErr,
    PyErr_SetString,
    PyObject,
    PyObject_GenericGetAttr,
    PyObject_Hash,
    PyObject_HashNotImplemented,
    PyObject_IsTrue,
    PyObject_Repr,
    PyObject_RichCompareBool,
    PyObject_Str,
    PyType_IsSubtype,
    PyTypeObject,
    _Py_SetImmortalNew,
    visitproc,
    MANAGED_WEAKREF_OFFSET,
    PyObject_ClearWeakRefs,
)
from pyvm.objects.abstract import Py_GenericAlias, PyObject_GetIter
from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.descrobject import _PyType_AddMethods
from pyvm.objects.dictobject import (
    PyDictObject, _PyDict_Contains_KnownHash, _PyDict_Next, _PyObject_HashFast,
    _unhashable_text, PyDict_Type,
)
from pyvm.objects.exceptions import (
    _PyIter_CallNext, PyExc_KeyError, PyExc_RuntimeError, PyExc_SystemError,
    PyExc_TypeError, _PyErr_SetKeyError,
)
from pyvm.objects.methodobject import METH_CLASS, METH_FASTCALL, METH_NOARGS, METH_O, PyMethodDef
from pyvm.objects.tupleobject import PyTupleObject, _new_int, _self_iter
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString,
    PyUnicode_Type,
    PyUnicodeObject,
    _PyArg_CheckPositional,
    _PyUnicode_AsString,
)

# CPython: Objects/setobject.c:LINEAR_PROBES
LINEAR_PROBES: Final = 9
# CPython: Objects/setobject.c:PERTURB_SHIFT
PERTURB_SHIFT: Final = 5
# pyvm: mirrors PySet_MINSIZE of Include/cpython/setobject.h
PySet_MINSIZE: Final = 8

# CPython: Objects/setobject.c:DISCARD_NOTFOUND
DISCARD_NOTFOUND: Final = 0
# CPython: Objects/setobject.c:DISCARD_FOUND
DISCARD_FOUND: Final = 1

# pyvm: Py_uhash_t arithmetic is done on 64-bit words.
_M64: Final = 0xFFFFFFFFFFFFFFFF

_PySetDummy_Type: Final = PyTypeObject("<dummy key> type")
# pyvm: C's static ``_dummy_struct`` of Objects/setobject.c (the key of a deleted entry)
dummy: Final = PyObject(_PySetDummy_Type)
_Py_SetImmortalNew(dummy)


class PySetObject(PyObject):
    """CPython: Include/cpython/setobject.h:PySetObject

    ``table_keys[i]`` / ``table_hashes[i]`` are the key and hash of slot ``i``
    (C's ``setentry``); ``hash`` caches a frozenset's hash (-1: not computed);
    ``finger`` is where ``pop`` starts looking."""

    fill: int
    used: int
    mask: int
    table_keys: list[Optional[PyObject]]
    table_hashes: list[int]
    hash: int
    finger: int

    def __init__(self, tp: PyTypeObject) -> None:
        super().__init__(tp)
        self.fill = 0
        self.used = 0
        self.mask = PySet_MINSIZE - 1
        self.table_keys = [None] * PySet_MINSIZE
        self.table_hashes = [0] * PySet_MINSIZE
        self.hash = -1
        self.finger = 0

    def _debug_detail(self) -> str:
        """pyvm: the number of items, for ``PyObject.__repr__``."""
        return f"len={self.used}"


PySet_Type: Final = PyTypeObject(
    "set", flags=Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | _Py_TPFLAGS_MATCH_SELF,
    doc="set(iterable=(), /)\n--\n\nBuild an unordered collection of unique elements.")
PyFrozenSet_Type: Final = PyTypeObject(
    "frozenset", flags=Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | _Py_TPFLAGS_MATCH_SELF,
    doc="frozenset(iterable=(), /)\n--\n\n"
        "Build an immutable unordered collection of unique elements.")
PySetIter_Type: Final = PyTypeObject("set_iterator", flags=Py_TPFLAGS_HAVE_GC)


def PySet_Check(op: PyObject) -> bool:
    """CPython: Include/setobject.h:PySet_Check"""
    return op.ob_type is PySet_Type or PyType_IsSubtype(op.ob_type, PySet_Type)


def PyFrozenSet_CheckExact(op: PyObject) -> bool:
    """CPython: Include/setobject.h:PyFrozenSet_CheckExact"""
    return op.ob_type is PyFrozenSet_Type


def PySet_CheckExact(op: PyObject) -> bool:
    """CPython: Include/setobject.h:PySet_CheckExact"""
    return op.ob_type is PySet_Type


def PyAnySet_CheckExact(op: PyObject) -> bool:
    """CPython: Include/setobject.h:PyAnySet_CheckExact"""
    return op.ob_type is PySet_Type or op.ob_type is PyFrozenSet_Type


def PyAnySet_Check(op: PyObject) -> bool:
    """CPython: Include/setobject.h:PyAnySet_Check"""
    tp = op.ob_type
    return (tp is PySet_Type or tp is PyFrozenSet_Type
            or PyType_IsSubtype(tp, PySet_Type) or PyType_IsSubtype(tp, PyFrozenSet_Type))


def PyFrozenSet_Check(op: PyObject) -> bool:
    """CPython: Include/setobject.h:PyFrozenSet_Check"""
    return op.ob_type is PyFrozenSet_Type or PyType_IsSubtype(op.ob_type, PyFrozenSet_Type)


def _bad_internal_call() -> NoReturn:
    """CPython: Python/errors.c:_PyErr_BadInternalCall"""
    PyErr_SetString(PyExc_SystemError, "Objects/setobject.c: bad argument to internal function")


def _bool(r: bool) -> PyObject:
    """pyvm: ``Py_RETURN_TRUE`` / ``Py_RETURN_FALSE``."""
    return Py_True if r else Py_False


def _cast(op: PyObject) -> PySetObject:
    """pyvm: mirrors _PySet_CAST of Include/cpython/setobject.h"""
    assert isinstance(op, PySetObject)
    return op


# ---------------------------------------------------------------------------
# Probing the hash table


def _is_unicode_exact(o: PyObject) -> bool:
    """pyvm: ``PyUnicode_CheckExact``."""
    return o.ob_type is PyUnicode_Type


def _unicode_eq(a: PyObject, b: PyObject) -> bool:
    """CPython: Objects/stringlib/eq.h:unicode_eq"""
    assert isinstance(a, PyUnicodeObject) and isinstance(b, PyUnicodeObject)
    return a.value == b.value


def set_lookkey(so: PySetObject, key: PyObject, hash: int) -> int:
    """CPython: Objects/setobject.c:set_lookkey

    The index of the slot holding ``key``, or of the unused slot where the
    search ended (its key is None)."""
    perturb = hash & _M64
    mask = so.mask
    i = hash & mask
    frozenset = PyFrozenSet_CheckExact(so)
    while True:
        j = i
        probes = LINEAR_PROBES if i + LINEAR_PROBES <= mask else 0
        while True:
            keys = so.table_keys
            startkey = keys[j]
            h = so.table_hashes[j]
            if startkey is None and h == 0:
                return j
            if h == hash:
                assert startkey is not None and startkey is not dummy
                if startkey is key:
                    return j
                if _is_unicode_exact(startkey) and _is_unicode_exact(key) \
                        and _unicode_eq(startkey, key):
                    return j
                if frozenset:
                    cmp = PyObject_RichCompareBool(startkey, key, Py_EQ)
                else:
                    # The comparison may remove startkey from the set.
                    Py_INCREF(startkey)
                    try:
                        cmp = PyObject_RichCompareBool(startkey, key, Py_EQ)
                    finally:
                        Py_DECREF(startkey)
                    if keys is not so.table_keys or so.table_keys[j] is not startkey:
                        return set_lookkey(so, key, hash)
                if cmp:
                    return j
                mask = so.mask
            j += 1
            if probes == 0:
                break
            probes -= 1
        perturb >>= PERTURB_SHIFT
        i = (i * 5 + 1 + perturb) & mask


def set_add_entry_takeref(so: PySetObject, key: PyObject, hash: int) -> None:
    """CPython: Objects/setobject.c:set_add_entry_takeref (steals ``key``)"""
    while True:  # restart:
        mask = so.mask
        i = hash & mask
        freeslot = -1
        perturb = hash & _M64
        restart = False
        found = -1
        while not restart:
            j = i
            probes = LINEAR_PROBES if i + LINEAR_PROBES <= mask else 0
            while True:
                keys = so.table_keys
                startkey = keys[j]
                h = so.table_hashes[j]
                if startkey is None and h == 0:
                    found = j
                    break
                if h == hash:
                    assert startkey is not None and startkey is not dummy
                    if startkey is key or (_is_unicode_exact(startkey) and _is_unicode_exact(key)
                                           and _unicode_eq(startkey, key)):
                        Py_DECREF(key)  # found_active
                        return
                    Py_INCREF(startkey)
                    try:
                        cmp = PyObject_RichCompareBool(startkey, key, Py_EQ)
                    except PyErr:
                        Py_DECREF(key)  # comparison_error
                        raise
                    finally:
                        Py_DECREF(startkey)
                    if cmp:
                        Py_DECREF(key)
                        return
                    if keys is not so.table_keys or so.table_keys[j] is not startkey:
                        restart = True
                        break
                    mask = so.mask
                elif h == -1:
                    assert startkey is dummy
                    freeslot = j
                j += 1
                if probes == 0:
                    break
                probes -= 1
            if found >= 0 or restart:
                break
            perturb >>= PERTURB_SHIFT
            i = (i * 5 + 1 + perturb) & mask
        if restart:
            continue
        # found_unused_or_dummy:
        if freeslot >= 0:
            if so.table_hashes[freeslot] != -1:
                continue
            so.used += 1
            so.table_keys[freeslot] = key
            so.table_hashes[freeslot] = hash
            return
        # found_unused:
        so.fill += 1
        so.used += 1
        so.table_keys[found] = key
        so.table_hashes[found] = hash
        if so.fill * 5 < mask * 3:
            return
        set_table_resize(so, so.used * 2 if so.used > 50000 else so.used * 4)
        return


def set_add_entry(so: PySetObject, key: PyObject, hash: int) -> None:
    """CPython: Objects/setobject.c:set_add_entry"""
    set_add_entry_takeref(so, Py_NewRef(key), hash)


def set_unhashable_type(key: PyObject, e: PyErr) -> NoReturn:
    """CPython: Objects/setobject.c:set_unhashable_type

    ``cannot use 'list' as a set element (unhashable type: 'list')``."""
    PyErr_SetString(PyExc_TypeError,
                    f"cannot use '{key.ob_type.tp_name}' as a set element ({_unhashable_text(e)})")


def _hash_key(key: PyObject) -> int:
    """pyvm: ``_PyObject_HashFast`` with ``set_unhashable_type`` on failure."""
    try:
        return _PyObject_HashFast(key)
    except PyErr as e:
        set_unhashable_type(key, e)


def _PySet_AddTakeRef(so: PySetObject, key: PyObject) -> None:
    """CPython: Objects/setobject.c:_PySet_AddTakeRef (steals ``key``)"""
    try:
        hash = _PyObject_HashFast(key)
    except PyErr as e:
        try:
            set_unhashable_type(key, e)
        finally:
            Py_DECREF(key)
    set_add_entry_takeref(so, key, hash)


def set_insert_clean(keys: list[Optional[PyObject]], hashes: list[int], mask: int,
                     key: PyObject, hash: int) -> None:
    """CPython: Objects/setobject.c:set_insert_clean

    Inserts a key known to be absent into a table without dummies."""
    perturb = hash & _M64
    i = hash & mask
    while True:
        if keys[i] is None:
            keys[i] = key
            hashes[i] = hash
            return
        if i + LINEAR_PROBES <= mask:
            for j in range(i + 1, i + LINEAR_PROBES + 1):
                if keys[j] is None:
                    keys[j] = key
                    hashes[j] = hash
                    return
        perturb >>= PERTURB_SHIFT
        i = (i * 5 + 1 + perturb) & mask


def set_table_resize(so: PySetObject, minused: int) -> None:
    """CPython: Objects/setobject.c:set_table_resize

    Rebuilds the table with the smallest power-of-two size above ``minused``,
    dropping the dummies."""
    assert minused >= 0
    newsize = PySet_MINSIZE
    while newsize <= minused:
        newsize <<= 1
    oldkeys = so.table_keys
    oldhashes = so.table_hashes
    if newsize == PySet_MINSIZE and so.mask == PySet_MINSIZE - 1 and so.fill == so.used:
        # The small table: no dummies, so no point doing anything.
        return
    newkeys: list[Optional[PyObject]] = [None] * newsize
    newhashes = [0] * newsize
    so.mask = newsize - 1
    so.table_keys = newkeys
    so.table_hashes = newhashes
    newmask = so.mask
    if so.fill == so.used:
        for j in range(len(oldkeys)):
            k = oldkeys[j]
            if k is not None:
                set_insert_clean(newkeys, newhashes, newmask, k, oldhashes[j])
    else:
        so.fill = so.used
        for j in range(len(oldkeys)):
            k = oldkeys[j]
            if k is not None and k is not dummy:
                set_insert_clean(newkeys, newhashes, newmask, k, oldhashes[j])


def set_contains_entry(so: PySetObject, key: PyObject, hash: int) -> bool:
    """CPython: Objects/setobject.c:set_contains_entry"""
    return so.table_keys[set_lookkey(so, key, hash)] is not None


def set_discard_entry(so: PySetObject, key: PyObject, hash: int) -> int:
    """CPython: Objects/setobject.c:set_discard_entry"""
    j = set_lookkey(so, key, hash)
    old_key = so.table_keys[j]
    if old_key is None:
        return DISCARD_NOTFOUND
    so.table_keys[j] = dummy
    so.table_hashes[j] = -1
    so.used -= 1
    Py_DECREF(old_key)
    return DISCARD_FOUND


def set_add_key(so: PySetObject, key: PyObject) -> None:
    """CPython: Objects/setobject.c:set_add_key"""
    set_add_entry(so, key, _hash_key(key))


def set_contains_key(so: PySetObject, key: PyObject) -> bool:
    """CPython: Objects/setobject.c:set_contains_key"""
    return set_contains_entry(so, key, _hash_key(key))


def set_discard_key(so: PySetObject, key: PyObject) -> int:
    """CPython: Objects/setobject.c:set_discard_key"""
    return set_discard_entry(so, key, _hash_key(key))


def set_empty_to_minsize(so: PySetObject) -> None:
    """CPython: Objects/setobject.c:set_empty_to_minsize"""
    so.table_keys = [None] * PySet_MINSIZE
    so.table_hashes = [0] * PySet_MINSIZE
    so.fill = 0
    so.used = 0
    so.mask = PySet_MINSIZE - 1
    so.hash = -1


def set_clear_internal(self: PyObject) -> bool:
    """CPython: Objects/setobject.c:set_clear_internal (also ``tp_clear``)

    Empties the set first, then releases the keys (a ``__del__`` run by a
    release may look at the set)."""
    so = _cast(self)
    keys = so.table_keys
    if so.fill == 0:
        return False
    set_empty_to_minsize(so)
    for k in keys:
        if k is not None and k is not dummy:
            Py_DECREF(k)
    return False


def set_next(so: PySetObject, pos: int) -> int:
    """CPython: Objects/setobject.c:set_next

    pyvm: returns the index of the next active slot at or after ``pos``, or -1
    at the end; the caller continues from the index plus one."""
    keys = so.table_keys
    mask = so.mask
    i = pos
    while i <= mask:
        k = keys[i]
        if k is not None and k is not dummy:
            return i
        i += 1
    return -1


def _active(so: PySetObject) -> list[tuple[PyObject, int]]:
    """pyvm: a snapshot of the active (key, hash) entries in table order
    (borrowed keys), for loops that C writes with ``set_next``."""
    out: list[tuple[PyObject, int]] = []
    keys = so.table_keys
    hashes = so.table_hashes
    for j in range(len(keys)):
        k = keys[j]
        if k is not None and k is not dummy:
            out.append((k, hashes[j]))
    return out


def set_dealloc(self: PyObject) -> None:
    """CPython: Objects/setobject.c:set_dealloc"""
    so = _cast(self)
    PyObject_ClearWeakRefs(so)
    keys = so.table_keys
    so.table_keys = []
    so.table_hashes = []
    so.used = 0
    so.fill = 0
    for k in keys:
        if k is not None and k is not dummy:
            Py_DECREF(k)


def set_repr(self: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_repr

    CPython: Objects/setobject.c:set_repr_lock_held"""
    so = _cast(self)
    tp_name = so.ob_type.tp_name
    if Py_ReprEnter(so):
        return PyUnicode_FromString(f"{tp_name}(...)")
    try:
        if not so.used:
            return PyUnicode_FromString(f"{tp_name}()")
        keys = [k for k, _ in _active(so)]
        for k in keys:
            Py_INCREF(k)
        parts: list[str] = []
        try:
            for k in keys:
                r = PyObject_Repr(k)
                parts.append(_PyUnicode_AsString(r))
                Py_DECREF(r)
        finally:
            for k in keys:
                Py_DECREF(k)
        listrepr = ", ".join(parts)
        if not PySet_CheckExact(so):
            return PyUnicode_FromString(f"{tp_name}({{{listrepr}}})")
        return PyUnicode_FromString(f"{{{listrepr}}}")
    finally:
        Py_ReprLeave(so)


def set_len(self: PyObject) -> int:
    """CPython: Objects/setobject.c:set_len"""
    return _cast(self).used


def set_merge_lock_held(so: PySetObject, otherset: PyObject) -> None:
    """CPython: Objects/setobject.c:set_merge_lock_held"""
    other = _cast(otherset)
    if other is so or other.used == 0:
        return
    if (so.fill + other.used) * 5 >= so.mask * 3:
        set_table_resize(so, (so.used + other.used) * 2)
    okeys = other.table_keys
    ohashes = other.table_hashes
    if so.fill == 0 and so.mask == other.mask and other.fill == other.used:
        # Same size, no dummies: copy the slots.
        skeys = so.table_keys
        shashes = so.table_hashes
        for j in range(other.mask + 1):
            k = okeys[j]
            if k is not None:
                Py_INCREF(k)
                skeys[j] = k
                shashes[j] = ohashes[j]
        so.fill = other.fill
        so.used = other.used
        return
    if so.fill == 0:
        newkeys = so.table_keys
        newhashes = so.table_hashes
        newmask = so.mask
        so.fill = other.used
        so.used = other.used
        for j in range(other.mask + 1):
            k = okeys[j]
            if k is not None and k is not dummy:
                Py_INCREF(k)
                set_insert_clean(newkeys, newhashes, newmask, k, ohashes[j])
        return
    j = 0
    while j <= other.mask:
        k = other.table_keys[j]
        if k is not None and k is not dummy:
            set_add_entry(so, k, other.table_hashes[j])
        j += 1


def set_pop_impl(self: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_pop_impl"""
    so = _cast(self)
    if so.used == 0:
        PyErr_SetString(PyExc_KeyError, "pop from an empty set")
    mask = so.mask
    j = so.finger & mask
    keys = so.table_keys
    while True:
        k = keys[j]
        if k is not None and k is not dummy:
            break
        j += 1
        if j > mask:
            j = 0
    assert k is not None
    keys[j] = dummy
    so.table_hashes[j] = -1
    so.used -= 1
    so.finger = j + 1
    return k


def set_traverse(self: PyObject, visit: visitproc) -> None:
    """CPython: Objects/setobject.c:set_traverse"""
    for k, _ in _active(_cast(self)):
        visit(k)


def _shuffle_bits(h: int) -> int:
    """CPython: Objects/setobject.c:_shuffle_bits"""
    h &= _M64
    return (((h ^ 89869747) ^ (h << 16)) * 3644798167) & _M64


def frozenset_hash_impl(self: PyObject) -> int:
    """CPython: Objects/setobject.c:frozenset_hash_impl"""
    so = _cast(self)
    hash = 0
    for h in so.table_hashes:
        hash ^= _shuffle_bits(h)
    if (so.mask + 1 - so.fill) & 1:
        hash ^= _shuffle_bits(0)
    if (so.fill - so.used) & 1:
        hash ^= _shuffle_bits(-1)
    hash ^= ((so.used + 1) * 1927868237) & _M64
    hash ^= (hash >> 11) ^ (hash >> 25)
    hash = (hash * 69069 + 907133923) & _M64
    if hash == _M64:
        hash = 590923713
    if hash >= 1 << 63:
        hash -= 1 << 64
    return hash


def frozenset_hash(self: PyObject) -> int:
    """CPython: Objects/setobject.c:frozenset_hash"""
    so = _cast(self)
    if so.hash != -1:
        return so.hash
    h = frozenset_hash_impl(so)
    so.hash = h
    return h


# ---------------------------------------------------------------------------
# The iterator


class setiterobject(PyObject):
    """pyvm: C's ``setiterobject`` struct of Objects/setobject.c (see set_iter)."""

    si_set: Optional[PySetObject]
    si_used: int
    si_pos: int
    len: int

    def __init__(self, so: PySetObject) -> None:
        super().__init__(PySetIter_Type)
        self.si_set = so
        self.si_used = so.used
        self.si_pos = 0
        self.len = so.used


def setiter_dealloc(self: PyObject) -> None:
    """CPython: Objects/setobject.c:setiter_dealloc"""
    assert isinstance(self, setiterobject)
    s = self.si_set
    self.si_set = None
    if s is not None:
        Py_DECREF(s)


def setiter_traverse(self: PyObject, visit: visitproc) -> None:
    """CPython: Objects/setobject.c:setiter_traverse"""
    assert isinstance(self, setiterobject)
    if self.si_set is not None:
        visit(self.si_set)


def setiter_len(self: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:setiter_len"""
    assert isinstance(self, setiterobject)
    n = 0
    s = self.si_set
    if s is not None and self.si_used == s.used:
        n = self.len
    return _new_int(n)


def setiter_iternext(self: PyObject) -> Optional[PyObject]:
    """CPython: Objects/setobject.c:setiter_iternext"""
    assert isinstance(self, setiterobject)
    so = self.si_set
    if so is None:
        return None
    if self.si_used != so.used:
        self.si_used = -1
        PyErr_SetString(PyExc_RuntimeError, "Set changed size during iteration")
    i = set_next(so, self.si_pos)
    if i < 0:
        self.si_pos = so.mask + 2
        self.si_set = None
        Py_DECREF(so)
        return None
    self.si_pos = i + 1
    self.len -= 1
    k = so.table_keys[i]
    assert k is not None
    return Py_NewRef(k)


def set_iter(self: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_iter"""
    so = _cast(self)
    Py_INCREF(so)
    return setiterobject(so)


# ---------------------------------------------------------------------------
# Updating


def set_update_dict_lock_held(so: PySetObject, other: PyObject) -> None:
    """CPython: Objects/setobject.c:set_update_dict_lock_held"""
    assert isinstance(other, PyDictObject)
    dictsize = other.ma_used
    if (so.fill + dictsize) * 5 >= so.mask * 3:
        set_table_resize(so, (so.used + dictsize) * 2)
    pos = 0
    while True:
        nxt = _PyDict_Next(other, pos)
        if nxt is None:
            return
        pos, key, _, hash = nxt
        set_add_entry(so, key, hash)


def set_update_iterable_lock_held(so: PySetObject, other: PyObject) -> None:
    """CPython: Objects/setobject.c:set_update_iterable_lock_held"""
    it = PyObject_GetIter(other)
    try:
        nxt = it.ob_type.tp_iternext
        assert nxt is not None
        while True:
            key = _PyIter_CallNext(nxt, it)
            if key is None:
                return
            try:
                set_add_key(so, key)
            finally:
                Py_DECREF(key)
    finally:
        Py_DECREF(it)


def _is_dict_exact(o: PyObject) -> bool:
    """pyvm: ``PyDict_CheckExact`` (dict's type through its instance class)."""
    return o.ob_type is PyDict_Type


def set_update_internal(so: PySetObject, other: PyObject) -> None:
    """CPython: Objects/setobject.c:set_update_internal

    (Also ``set_update_local`` and ``set_update_lock_held``: without threads
    they are one function.)"""
    if PyAnySet_Check(other):
        if other is so:
            return
        set_merge_lock_held(so, other)
    elif _is_dict_exact(other):
        set_update_dict_lock_held(so, other)
    else:
        set_update_iterable_lock_held(so, other)


def set_update_impl(self: PyObject, others: list[PyObject]) -> PyObject:
    """CPython: Objects/setobject.c:set_update_impl"""
    so = _cast(self)
    for other in others:
        set_update_internal(so, other)
    return Py_None


def make_new_set(tp: PyTypeObject, iterable: Optional[PyObject]) -> PySetObject:
    """CPython: Objects/setobject.c:make_new_set

    CPython: Objects/setobject.c:make_new_set_untracked"""
    so = PySetObject(tp)
    if iterable is not None:
        try:
            set_update_internal(so, iterable)
        except PyErr:
            Py_DECREF(so)
            raise
    return so


def make_new_set_basetype(tp: PyTypeObject, iterable: Optional[PyObject]) -> PySetObject:
    """CPython: Objects/setobject.c:make_new_set_basetype"""
    if tp is not PySet_Type and tp is not PyFrozenSet_Type:
        tp = PySet_Type if PyType_IsSubtype(tp, PySet_Type) else PyFrozenSet_Type
    return make_new_set(tp, iterable)


def make_new_frozenset(tp: PyTypeObject, iterable: Optional[PyObject]) -> PyObject:
    """CPython: Objects/setobject.c:make_new_frozenset"""
    if tp is not PyFrozenSet_Type:
        return make_new_set(tp, iterable)
    if iterable is not None and PyFrozenSet_CheckExact(iterable):
        return Py_NewRef(iterable)
    return make_new_set(tp, iterable)


def _no_keywords(name: str, kwds: Optional[PyObject]) -> None:
    """CPython: Python/getargs.c:_PyArg_NoKeywords"""
    if kwds is not None and isinstance(kwds, PyDictObject) and kwds.ma_used > 0:
        PyErr_SetString(PyExc_TypeError, f"{name}() takes no keyword arguments")


def _no_kwnames(name: str, kwnames: Optional[PyObject]) -> None:
    """CPython: Python/getargs.c:_PyArg_NoKwnames"""
    if kwnames is not None and isinstance(kwnames, PyTupleObject) and kwnames.ob_item:
        PyErr_SetString(PyExc_TypeError, f"{name}() takes no keyword arguments")


def _unpack_tuple(name: str, args: PyObject) -> Optional[PyObject]:
    """CPython: Python/getargs.c:PyArg_UnpackTuple (0 or 1 argument)"""
    assert isinstance(args, PyTupleObject)
    n = len(args.ob_item)
    _PyArg_CheckPositional(name, n, 0, 1)
    return args.ob_item[0] if n else None


def frozenset_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/setobject.c:frozenset_new"""
    if tp is PyFrozenSet_Type or tp.tp_init is PyFrozenSet_Type.tp_init:
        _no_keywords("frozenset", kwds)
    return make_new_frozenset(tp, _unpack_tuple(tp.tp_name, args))


def frozenset_vectorcall(tp: PyObject, args: list[PyObject], start: int, nargs: int,
                         kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/setobject.c:frozenset_vectorcall"""
    assert isinstance(tp, PyTypeObject)
    _no_kwnames("frozenset", kwnames)
    _PyArg_CheckPositional("frozenset", nargs, 0, 1)
    return make_new_frozenset(tp, args[start] if nargs else None)


def set_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/setobject.c:set_new"""
    return make_new_set(tp, None)


def set_init(self: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/setobject.c:set_init"""
    so = _cast(self)
    _no_keywords("set", kwds)
    iterable = _unpack_tuple(so.ob_type.tp_name, args)
    if so.fill:
        set_clear_internal(so)
    so.hash = -1
    if iterable is not None:
        set_update_internal(so, iterable)


def set_vectorcall(tp: PyObject, args: list[PyObject], start: int, nargs: int,
                   kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/setobject.c:set_vectorcall"""
    assert isinstance(tp, PyTypeObject)
    _no_kwnames("set", kwnames)
    _PyArg_CheckPositional("set", nargs, 0, 1)
    return make_new_set(tp, args[start] if nargs else None)


def set_swap_bodies(a: PySetObject, b: PySetObject) -> None:
    """CPython: Objects/setobject.c:set_swap_bodies"""
    a.fill, b.fill = b.fill, a.fill
    a.used, b.used = b.used, a.used
    a.mask, b.mask = b.mask, a.mask
    a.table_keys, b.table_keys = b.table_keys, a.table_keys
    a.table_hashes, b.table_hashes = b.table_hashes, a.table_hashes
    if PyType_IsSubtype(a.ob_type, PyFrozenSet_Type) and \
            PyType_IsSubtype(b.ob_type, PyFrozenSet_Type):
        a.hash, b.hash = b.hash, a.hash
    else:
        a.hash = -1
        b.hash = -1


def set_copy_impl(self: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_copy_impl

    CPython: Objects/setobject.c:set_copy_untracked_lock_held"""
    so = _cast(self)
    copy = make_new_set_basetype(so.ob_type, None)
    try:
        set_merge_lock_held(copy, so)
    except PyErr:
        Py_DECREF(copy)
        raise
    return copy


def frozenset_copy_impl(self: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:frozenset_copy_impl"""
    if PyFrozenSet_CheckExact(self):
        return Py_NewRef(self)
    return set_copy_impl(self)


def set_clear_impl(self: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_clear_impl"""
    set_clear_internal(self)
    return Py_None


def set_union_impl(self: PyObject, others: list[PyObject]) -> PyObject:
    """CPython: Objects/setobject.c:set_union_impl"""
    so = _cast(self)
    result = make_new_set_basetype(so.ob_type, so)
    try:
        for other in others:
            if other is so:
                continue
            set_update_internal(result, other)
    except PyErr:
        Py_DECREF(result)
        raise
    return result


def set_or(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_or"""
    if not PyAnySet_Check(self) or not PyAnySet_Check(other):
        return Py_NotImplemented
    result = _cast(set_copy_impl(self))
    if self is other:
        return result
    try:
        set_update_internal(result, other)
    except PyErr:
        Py_DECREF(result)
        raise
    return result


def set_ior(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_ior"""
    if not PyAnySet_Check(other):
        return Py_NotImplemented
    set_update_internal(_cast(self), other)
    return Py_NewRef(self)


def set_intersection(so: PySetObject, other: PyObject) -> PySetObject:
    """CPython: Objects/setobject.c:set_intersection"""
    if so is other:
        return _cast(set_copy_impl(so))
    result = make_new_set_basetype(so.ob_type, None)
    try:
        if PyAnySet_Check(other):
            o = _cast(other)
            if o.used > so.used:
                so, o = o, so
            for key, hash in _active(o):
                Py_INCREF(key)
                try:
                    if set_contains_entry(so, key, hash):
                        set_add_entry(result, key, hash)
                finally:
                    Py_DECREF(key)
            return result
        it = PyObject_GetIter(other)
        try:
            nxt = it.ob_type.tp_iternext
            assert nxt is not None
            while True:
                item = _PyIter_CallNext(nxt, it)
                if item is None:
                    break
                # pyvm: the early exit is a flag, not a ``break`` inside
                # try/finally, which mypyc cannot compile.
                full = False
                try:
                    hash = PyObject_Hash(item)
                    if set_contains_entry(so, item, hash):
                        set_add_entry(result, item, hash)
                        full = result.used >= so.used
                finally:
                    Py_DECREF(item)
                if full:
                    break
        finally:
            Py_DECREF(it)
    except PyErr:
        Py_DECREF(result)
        raise
    return result


def set_intersection_multi_impl(self: PyObject, others: list[PyObject]) -> PyObject:
    """CPython: Objects/setobject.c:set_intersection_multi_impl"""
    if not others:
        return set_copy_impl(self)
    result: PyObject = Py_NewRef(self)
    for other in others:
        try:
            newresult = set_intersection(_cast(result), other)
        except PyErr:
            Py_DECREF(result)
            raise
        Py_DECREF(result)
        result = newresult
    return result


def set_intersection_update(so: PySetObject, other: PyObject) -> None:
    """CPython: Objects/setobject.c:set_intersection_update"""
    tmp = set_intersection(so, other)
    set_swap_bodies(so, tmp)
    Py_DECREF(tmp)


def set_intersection_update_multi_impl(self: PyObject, others: list[PyObject]) -> PyObject:
    """CPython: Objects/setobject.c:set_intersection_update_multi_impl"""
    tmp = set_intersection_multi_impl(self, others)
    set_swap_bodies(_cast(self), _cast(tmp))
    Py_DECREF(tmp)
    return Py_None


def set_and(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_and"""
    if not PyAnySet_Check(self) or not PyAnySet_Check(other):
        return Py_NotImplemented
    return set_intersection(_cast(self), other)


def set_iand(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_iand"""
    if not PyAnySet_Check(other):
        return Py_NotImplemented
    set_intersection_update(_cast(self), other)
    return Py_NewRef(self)


def set_isdisjoint_impl(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_isdisjoint_impl"""
    so = _cast(self)
    if so is other:
        return _bool(so.used == 0)
    if PyAnySet_CheckExact(other):
        o = _cast(other)
        if o.used > so.used:
            so, o = o, so
        for key, hash in _active(o):
            Py_INCREF(key)
            try:
                if set_contains_entry(so, key, hash):
                    return Py_False
            finally:
                Py_DECREF(key)
        return Py_True
    it = PyObject_GetIter(other)
    try:
        nxt = it.ob_type.tp_iternext
        assert nxt is not None
        while True:
            item = _PyIter_CallNext(nxt, it)
            if item is None:
                return Py_True
            try:
                if set_contains_key(so, item):
                    return Py_False
            finally:
                Py_DECREF(item)
    finally:
        Py_DECREF(it)


def set_difference_update_internal(so: PySetObject, other: PyObject) -> None:
    """CPython: Objects/setobject.c:set_difference_update_internal"""
    if so is other:
        set_clear_internal(so)
        return
    if PyAnySet_Check(other):
        o = _cast(other)
        if (o.used >> 3) > so.used:
            o = set_intersection(so, o)
        else:
            Py_INCREF(o)
        try:
            for key, hash in _active(o):
                Py_INCREF(key)
                try:
                    set_discard_entry(so, key, hash)
                finally:
                    Py_DECREF(key)
        finally:
            Py_DECREF(o)
    else:
        it = PyObject_GetIter(other)
        try:
            nxt = it.ob_type.tp_iternext
            assert nxt is not None
            while True:
                item = _PyIter_CallNext(nxt, it)
                if item is None:
                    break
                try:
                    set_discard_key(so, item)
                finally:
                    Py_DECREF(item)
        finally:
            Py_DECREF(it)
    # More than 1/4th dummies: resize them away.
    if so.fill - so.used <= so.mask // 4:
        return
    set_table_resize(so, so.used * 2 if so.used > 50000 else so.used * 4)


def set_difference_update_impl(self: PyObject, others: list[PyObject]) -> PyObject:
    """CPython: Objects/setobject.c:set_difference_update_impl"""
    for other in others:
        set_difference_update_internal(_cast(self), other)
    return Py_None


def set_copy_and_difference_untracked(so: PySetObject, other: PyObject) -> PySetObject:
    """CPython: Objects/setobject.c:set_copy_and_difference_untracked"""
    result = _cast(set_copy_impl(so))
    try:
        set_difference_update_internal(result, other)
    except PyErr:
        Py_DECREF(result)
        raise
    return result


def set_difference_untracked(so: PySetObject, other: PyObject) -> PySetObject:
    """CPython: Objects/setobject.c:set_difference_untracked"""
    is_dict = _is_dict_exact(other)
    if PyAnySet_Check(other):
        other_size = _cast(other).used
    elif is_dict:
        assert isinstance(other, PyDictObject)
        other_size = other.ma_used
    else:
        return set_copy_and_difference_untracked(so, other)
    if (so.used >> 2) > other_size:
        return set_copy_and_difference_untracked(so, other)
    result = make_new_set_basetype(so.ob_type, None)
    try:
        for key, hash in _active(so):
            Py_INCREF(key)
            try:
                if is_dict:
                    rv = _PyDict_Contains_KnownHash(other, key, hash)
                else:
                    rv = set_contains_entry(_cast(other), key, hash)
                if not rv:
                    set_add_entry(result, key, hash)
            finally:
                Py_DECREF(key)
    except PyErr:
        Py_DECREF(result)
        raise
    return result


def set_difference_multi_impl(self: PyObject, others: list[PyObject]) -> PyObject:
    """CPython: Objects/setobject.c:set_difference_multi_impl"""
    if not others:
        return set_copy_impl(self)
    result = set_difference_untracked(_cast(self), others[0])
    try:
        for other in others[1:]:
            set_difference_update_internal(result, other)
    except PyErr:
        Py_DECREF(result)
        raise
    return result


def set_sub(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_sub"""
    if not PyAnySet_Check(self) or not PyAnySet_Check(other):
        return Py_NotImplemented
    return set_difference_untracked(_cast(self), other)


def set_isub(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_isub"""
    if not PyAnySet_Check(other):
        return Py_NotImplemented
    set_difference_update_internal(_cast(self), other)
    return Py_NewRef(self)


def set_symmetric_difference_update_dict(so: PySetObject, other: PyObject) -> None:
    """CPython: Objects/setobject.c:set_symmetric_difference_update_dict"""
    pos = 0
    while True:
        nxt = _PyDict_Next(other, pos)
        if nxt is None:
            return
        pos, key, _, hash = nxt
        Py_INCREF(key)
        try:
            if set_discard_entry(so, key, hash) == DISCARD_NOTFOUND:
                set_add_entry(so, key, hash)
        finally:
            Py_DECREF(key)


def set_symmetric_difference_update_set(so: PySetObject, other: PySetObject) -> None:
    """CPython: Objects/setobject.c:set_symmetric_difference_update_set"""
    pos = 0
    while True:
        i = set_next(other, pos)
        if i < 0:
            return
        pos = i + 1
        k = other.table_keys[i]
        assert k is not None
        key = Py_NewRef(k)
        hash = other.table_hashes[i]
        try:
            if set_discard_entry(so, key, hash) == DISCARD_NOTFOUND:
                set_add_entry(so, key, hash)
        finally:
            Py_DECREF(key)


def set_symmetric_difference_update_impl(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_symmetric_difference_update_impl"""
    so = _cast(self)
    if so is other:
        set_clear_internal(so)
        return Py_None
    if _is_dict_exact(other):
        set_symmetric_difference_update_dict(so, other)
    elif PyAnySet_Check(other):
        set_symmetric_difference_update_set(so, _cast(other))
    else:
        otherset = make_new_set_basetype(so.ob_type, other)
        try:
            set_symmetric_difference_update_set(so, otherset)
        finally:
            Py_DECREF(otherset)
    return Py_None


def set_symmetric_difference_impl(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_symmetric_difference_impl"""
    so = _cast(self)
    result = make_new_set_basetype(so.ob_type, None)
    try:
        set_update_internal(result, other)
        set_symmetric_difference_update_set(result, so)
    except PyErr:
        Py_DECREF(result)
        raise
    return result


def set_xor(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_xor"""
    if not PyAnySet_Check(self) or not PyAnySet_Check(other):
        return Py_NotImplemented
    return set_symmetric_difference_impl(self, other)


def set_ixor(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_ixor"""
    if not PyAnySet_Check(other):
        return Py_NotImplemented
    set_symmetric_difference_update_impl(self, other)
    return Py_NewRef(self)


def set_issubset_impl(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_issubset_impl"""
    so = _cast(self)
    if not PyAnySet_Check(other):
        tmp = set_intersection(so, other)
        r = tmp.used == so.used
        Py_DECREF(tmp)
        return _bool(r)
    o = _cast(other)
    if so.used > o.used:
        return Py_False
    for key, hash in _active(so):
        Py_INCREF(key)
        try:
            if not set_contains_entry(o, key, hash):
                return Py_False
        finally:
            Py_DECREF(key)
    return Py_True


def set_issuperset_impl(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_issuperset_impl"""
    so = _cast(self)
    if PyAnySet_Check(other):
        return set_issubset_impl(other, so)
    it = PyObject_GetIter(other)
    try:
        nxt = it.ob_type.tp_iternext
        assert nxt is not None
        while True:
            key = _PyIter_CallNext(nxt, it)
            if key is None:
                return Py_True
            try:
                if not set_contains_key(so, key):
                    return Py_False
            finally:
                Py_DECREF(key)
    finally:
        Py_DECREF(it)


def set_richcompare(self: PyObject, w: PyObject, op: int) -> PyObject:
    """CPython: Objects/setobject.c:set_richcompare"""
    v = _cast(self)
    if not PyAnySet_Check(w):
        return Py_NotImplemented
    ws = _cast(w)
    if op == Py_EQ:
        if v.used != ws.used:
            return Py_False
        if v.hash != -1 and ws.hash != -1 and v.hash != ws.hash:
            return Py_False
        return set_issubset_impl(v, w)
    if op == Py_NE:
        r1 = set_richcompare(v, w, Py_EQ)
        r2 = PyObject_IsTrue(r1)
        Py_DECREF(r1)
        return _bool(not r2)
    if op == Py_LE:
        return set_issubset_impl(v, w)
    if op == Py_GE:
        return set_issuperset_impl(v, w)
    if op == Py_LT:
        if v.used >= ws.used:
            return Py_False
        return set_issubset_impl(v, w)
    if op == Py_GT:
        if v.used <= ws.used:
            return Py_False
        return set_issuperset_impl(v, w)
    return Py_NotImplemented


def set_add_impl(self: PyObject, key: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_add_impl"""
    set_add_key(_cast(self), key)
    return Py_None


def _frozenset_key_hash(key: PyObject, e: PyErr) -> int:
    """pyvm: the retry of ``set_contains_lock_held`` / ``set_remove_impl`` /
    ``set_discard_impl``: a set used as a key is looked up as the equal
    frozenset (its ``frozenset_hash_impl``)."""
    if not PySet_Check(key) or not e.matches(PyExc_TypeError):
        raise e
    _PyErr_Clear(e)
    return frozenset_hash_impl(key)


def set_contains_lock_held(so: PySetObject, key: PyObject) -> bool:
    """CPython: Objects/setobject.c:set_contains_lock_held"""
    try:
        return set_contains_key(so, key)
    except PyErr as e:
        hash = _frozenset_key_hash(key, e)
    return set_contains_entry(so, key, hash)


def _PySet_Contains(so: PySetObject, key: PyObject) -> bool:
    """CPython: Objects/setobject.c:_PySet_Contains"""
    return set_contains_lock_held(so, key)


def set_contains(self: PyObject, key: PyObject) -> bool:
    """CPython: Objects/setobject.c:set_contains"""
    return set_contains_lock_held(_cast(self), key)


def set___contains___impl(self: PyObject, key: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set___contains___impl

    (Also ``frozenset___contains___impl``.)"""
    return _bool(set_contains_lock_held(_cast(self), key))


def set_remove_impl(self: PyObject, key: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_remove_impl"""
    so = _cast(self)
    try:
        rv = set_discard_key(so, key)
    except PyErr as e:
        hash = _frozenset_key_hash(key, e)
        rv = set_discard_entry(so, key, hash)
    if rv == DISCARD_NOTFOUND:
        _PyErr_SetKeyError(key)
    return Py_None


def set_discard_impl(self: PyObject, key: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set_discard_impl"""
    so = _cast(self)
    try:
        set_discard_key(so, key)
    except PyErr as e:
        hash = _frozenset_key_hash(key, e)
        set_discard_entry(so, key, hash)
    return Py_None


def set___sizeof___impl(self: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:set___sizeof___impl

    pyvm: the size of C's ``PySetObject`` on a 64-bit build (200 bytes) plus
    the table when it is not the small table."""
    so = _cast(self)
    res = 200
    if so.mask != PySet_MINSIZE - 1:
        res += (so.mask + 1) * 16
    return _new_int(res)


# ---------------------------------------------------------------------------
# The C API


def PySet_New(iterable: Optional[PyObject]) -> PyObject:
    """CPython: Objects/setobject.c:PySet_New"""
    return make_new_set(PySet_Type, iterable)


def PyFrozenSet_New(iterable: Optional[PyObject]) -> PyObject:
    """CPython: Objects/setobject.c:PyFrozenSet_New"""
    return make_new_set(PyFrozenSet_Type, iterable)


def PySet_Size(anyset: PyObject) -> int:
    """CPython: Objects/setobject.c:PySet_Size"""
    if not isinstance(anyset, PySetObject) or not PyAnySet_Check(anyset):
        _bad_internal_call()
    return anyset.used


def PySet_Clear(so: PyObject) -> None:
    """CPython: Objects/setobject.c:PySet_Clear"""
    if not isinstance(so, PySetObject) or not PySet_Check(so):
        _bad_internal_call()
    set_clear_internal(so)


def PySet_Contains(anyset: PyObject, key: PyObject) -> bool:
    """CPython: Objects/setobject.c:PySet_Contains"""
    if not isinstance(anyset, PySetObject) or not PyAnySet_Check(anyset):
        _bad_internal_call()
    return set_contains_key(anyset, key)


def PySet_Discard(so: PyObject, key: PyObject) -> bool:
    """CPython: Objects/setobject.c:PySet_Discard"""
    if not isinstance(so, PySetObject) or not PySet_Check(so):
        _bad_internal_call()
    return set_discard_key(so, key) == DISCARD_FOUND


def PySet_Add(anyset: PyObject, key: PyObject) -> None:
    """CPython: Objects/setobject.c:PySet_Add

    Also allowed on a frozenset nobody else has seen yet (refcount 1), as C."""
    if not isinstance(anyset, PySetObject) or not (
            PySet_Check(anyset) or (PyFrozenSet_Check(anyset) and anyset.ob_refcnt == 1)):
        _bad_internal_call()
    set_add_key(anyset, key)


def PySet_Pop(so: PyObject) -> PyObject:
    """CPython: Objects/setobject.c:PySet_Pop"""
    if not isinstance(so, PySetObject) or not PySet_Check(so):
        _bad_internal_call()
    return set_pop_impl(so)


def _PySet_Update(so: PyObject, iterable: PyObject) -> None:
    """CPython: Objects/setobject.c:_PySet_Update"""
    if not isinstance(so, PySetObject) or not PySet_Check(so):
        _bad_internal_call()
    set_update_internal(so, iterable)


def _PySet_NextEntry(so: PyObject, pos: int) -> Optional[tuple[int, PyObject, int]]:
    """CPython: Objects/setobject.c:_PySet_NextEntry

    pyvm: ``(next_pos, key, hash)`` with a borrowed key, or None at the end."""
    s = _cast(so)
    i = set_next(s, pos)
    if i < 0:
        return None
    k = s.table_keys[i]
    assert k is not None
    return i + 1, k, s.table_hashes[i]


def _PySet_Items(so: PyObject) -> list[PyObject]:
    """pyvm: the keys of a set in iteration order (borrowed), for the
    compiler's constant handling and marshal."""
    return [k for k, _ in _active(_cast(so))]


# ---------------------------------------------------------------------------
# Argument Clinic wrappers and the type initializers


def _init_types() -> None:
    """pyvm: the static initializers of ``PySet_Type``, ``PyFrozenSet_Type``
    and ``PySetIter_Type`` (C's ``tp_*`` fields, ``set_as_number``,
    ``set_as_sequence``, ``set_methods`` and ``frozenset_methods``)."""
    for tp in (PySet_Type, PyFrozenSet_Type):
        tp.tp_dealloc = set_dealloc
        tp.tp_weaklistoffset = MANAGED_WEAKREF_OFFSET
        tp.tp_repr = set_repr
        tp.tp_getattro = PyObject_GenericGetAttr
        tp.tp_traverse = set_traverse
        tp.tp_clear = set_clear_internal
        tp.tp_richcompare = set_richcompare
        tp.tp_iter = set_iter
        tp.sq_length = set_len
        tp.sq_contains = set_contains
        tp.nb_subtract = set_sub
        tp.nb_and = set_and
        tp.nb_xor = set_xor
        tp.nb_or = set_or
    s = PySet_Type
    s.tp_hash = PyObject_HashNotImplemented
    s.tp_init = set_init
    s.tp_new = set_new
    s.tp_vectorcall = set_vectorcall
    s.nb_inplace_subtract = set_isub
    s.nb_inplace_and = set_iand
    s.nb_inplace_xor = set_ixor
    s.nb_inplace_or = set_ior
    f = PyFrozenSet_Type
    f.tp_hash = frozenset_hash
    f.tp_new = frozenset_new
    f.tp_vectorcall = frozenset_vectorcall
    _PyType_AddMethods(s, [
        PyMethodDef("__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
                    "sets are generic over the type of their elements"),
        PyMethodDef("add", set_add_impl, METH_O,
                    "Add an element to a set.\n\n"
                    "This has no effect if the element is already present."),
        PyMethodDef("clear", set_clear_impl, METH_NOARGS, "Remove all elements from this set."),
        PyMethodDef("__contains__", set___contains___impl, METH_O,
                    "x.__contains__(y) <==> y in x."),
        PyMethodDef("copy", set_copy_impl, METH_NOARGS, "Return a shallow copy of a set."),
        PyMethodDef("discard", set_discard_impl, METH_O,
                    "Remove an element from a set if it is a member.\n\n"
                    "Unlike set.remove(), the discard() method does not raise\n"
                    "an exception when an element is missing from the set."),
        PyMethodDef("difference", set_difference_multi_impl, METH_FASTCALL,
                    "Return a new set with elements in the set that are not in the others."),
        PyMethodDef("difference_update", set_difference_update_impl, METH_FASTCALL,
                    "Update the set, removing elements found in others."),
        PyMethodDef("intersection", set_intersection_multi_impl, METH_FASTCALL,
                    "Return a new set with elements common to the set and all others."),
        PyMethodDef("intersection_update", set_intersection_update_multi_impl, METH_FASTCALL,
                    "Update the set, keeping only elements found in it and all others."),
        PyMethodDef("isdisjoint", set_isdisjoint_impl, METH_O,
                    "Return True if two sets have a null intersection."),
        PyMethodDef("issubset", set_issubset_impl, METH_O,
                    "Report whether another set contains this set."),
        PyMethodDef("issuperset", set_issuperset_impl, METH_O,
                    "Report whether this set contains another set."),
        PyMethodDef("pop", set_pop_impl, METH_NOARGS,
                    "Remove and return an arbitrary set element.\n\n"
                    "Raises KeyError if the set is empty."),
        PyMethodDef("remove", set_remove_impl, METH_O,
                    "Remove an element from a set; it must be a member.\n\n"
                    "If the element is not a member, raise a KeyError."),
        PyMethodDef("__sizeof__", set___sizeof___impl, METH_NOARGS,
                    "S.__sizeof__() -> size of S in memory, in bytes."),
        PyMethodDef("symmetric_difference", set_symmetric_difference_impl, METH_O,
                    "Return a new set with elements in either the set or other but not both."),
        PyMethodDef("symmetric_difference_update", set_symmetric_difference_update_impl,
                    METH_O,
                    "Update the set, keeping only elements found in either set, but not in both."),
        PyMethodDef("union", set_union_impl, METH_FASTCALL,
                    "Return a new set with elements from the set and all others."),
        PyMethodDef("update", set_update_impl, METH_FASTCALL,
                    "Update the set, adding elements from all others."),
    ])
    _PyType_AddMethods(f, [
        PyMethodDef("__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
                    "frozensets are generic over the type of their elements"),
        PyMethodDef("__contains__", set___contains___impl, METH_O,
                    "x.__contains__(y) <==> y in x."),
        PyMethodDef("copy", frozenset_copy_impl, METH_NOARGS, "Return a shallow copy of a set."),
        PyMethodDef("difference", set_difference_multi_impl, METH_FASTCALL,
                    "Return a new set with elements in the set that are not in the others."),
        PyMethodDef("intersection", set_intersection_multi_impl, METH_FASTCALL,
                    "Return a new set with elements common to the set and all others."),
        PyMethodDef("isdisjoint", set_isdisjoint_impl, METH_O,
                    "Return True if two sets have a null intersection."),
        PyMethodDef("issubset", set_issubset_impl, METH_O,
                    "Report whether another set contains this set."),
        PyMethodDef("issuperset", set_issuperset_impl, METH_O,
                    "Report whether this set contains another set."),
        PyMethodDef("__sizeof__", set___sizeof___impl, METH_NOARGS,
                    "S.__sizeof__() -> size of S in memory, in bytes."),
        PyMethodDef("symmetric_difference", set_symmetric_difference_impl, METH_O,
                    "Return a new set with elements in either the set or other but not both."),
        PyMethodDef("union", set_union_impl, METH_FASTCALL,
                    "Return a new set with elements from the set and all others."),
    ])
    it = PySetIter_Type
    it.tp_dealloc = setiter_dealloc
    it.tp_getattro = PyObject_GenericGetAttr
    it.tp_traverse = setiter_traverse
    it.tp_iter = _self_iter
    it.tp_iternext = setiter_iternext
    _PyType_AddMethods(it, [
        PyMethodDef("__length_hint__", setiter_len, METH_NOARGS,
                    "Private method returning an estimate of len(list(it))."),
    ])


_init_types()
