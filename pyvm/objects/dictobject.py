"""Ports Objects/dictobject.c: the compact, ordered dict of CPython 3.6+.

The layout is C's (see the big comment at the top of Objects/dictobject.c)::

    PyDictObject
        ma_used   number of items
        ma_keys ─► PyDictKeysObject
                     dk_log2_size   the hash table has 1 << dk_log2_size slots
                     dk_kind        DICT_KEYS_GENERAL or DICT_KEYS_UNICODE
                     dk_usable      entries that may still be appended
                     dk_nentries    entries used so far (live or deleted)
                     dk_indices     the hash table: an index into dk_entries,
                                    DKIX_EMPTY (-1) or DKIX_DUMMY (-2)
                     dk_entries     (hash, key, value) in insertion order

A lookup hashes the key, probes ``dk_indices`` with the perturbation recurrence
``i = (i*5 + perturb + 1) & mask; perturb >>= PERTURB_SHIFT`` (``do_lookup``) and
compares the entry found there: identity first, then equal hashes and
``PyObject_RichCompareBool(…, Py_EQ)``. If that comparison (user code) changed
the dict, the lookup restarts, as ``DKIX_KEY_CHANGED`` makes C's do. Deletion
leaves a ``DKIX_DUMMY`` in the index and a hole in the entries; iteration walks
the entries, so the order is insertion order. When ``dk_usable`` runs out,
``insertion_resize`` builds a new table sized for ``GROWTH_RATE`` (three times
the items), squeezing out the holes.

A table whose keys are all exact ``str`` is ``DICT_KEYS_UNICODE`` and is searched
by ``unicodekeys_lookup_unicode``, which compares cached str hashes and then the
host strings without calling any slot; inserting another kind of key converts it
to ``DICT_KEYS_GENERAL``. pyvm stores the hash in every entry (C's unicode
entries omit it, since a str caches its own hash), so one entry class serves both
kinds. Split tables (shared keys for instance dicts) are not ported yet: every
dict here is combined.

Reference counts: an entry owns a reference to its key and its value. The
lookup functions return borrowed references unless they say otherwise.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.objects.object import _Py_TPFLAGS_MATCH_SELF, _PyErr_FormatNote
from pyvm.objects.object import (
    _Py_NewReference,
    _PyErr_Clear,
    Py_DECREF,
    Py_EQ,
    Py_GE,
    Py_GT,
    Py_INCREF,
    Py_LE,
    Py_LT,
    Py_NE,
    Py_None,
    Py_ReprEnter,
    Py_ReprLeave,
    Py_TPFLAGS_BASETYPE,
    Py_TPFLAGS_DICT_SUBCLASS,
    Py_TPFLAGS_HAVE_GC,
    Py_TPFLAGS_MAPPING,
    PyErr,
    PyErr_SetObject,
    PyErr_SetString,
    PyObject,
    PyObject_GenericGetAttr,
    PyObject_GetAttr,
    PyObject_Hash,
    PyObject_HashNotImplemented,
    PyObject_Repr,
    PyObject_RichCompareBool,
    PyObject_Str,
    _PyType_Lookup,
    PyTypeObject,
    visitproc,
)
from pyvm.objects.unicodeobject import (
    _PyArg_CheckPositional,
    _PyUnicode_AsString,
    PyUnicode_FromString,
    PyUnicode_InternFromString,
    PyUnicode_Type,
    PyUnicodeObject,
    unicode_get_hash,
)
from pyvm.objects.tupleobject import (
    _bool,
    _new_int,
    _not_implemented,
    _PyTuple_FromArraySteal,
    PyTupleObject,
    _self_iter,
    tuple_get_empty,
    _type_error,
    _value_error,
)
from pyvm.objects.abstract import (
    Py_GenericAlias,
    PyObject_GetItem,
    PyObject_GetIter,
    PyObject_SetItem,
    PySequence_Contains,
)
from pyvm.objects.call import (
    PyObject_CallMethod,
    PyObject_CallNoArgs,
    PyObject_CallOneArg,
)
from pyvm.objects.descrobject import (
    _PyType_AddMethods,
)
from pyvm.objects.exceptions import (
    _PyIter_CallNext,
    PyExc_AttributeError,
    PyExc_KeyError,
    PyExc_RuntimeError,
    PyExc_SystemError,
    PyExc_TypeError,
)
from pyvm.objects.listobject import (
    PySequence_List,
    _PyList_FromArray,
    _PyList_FromArraySteal,
    _release,
    _sequence_fast,
)
from pyvm.objects.methodobject import (
    METH_CLASS,
    METH_FASTCALL,
    METH_KEYWORDS,
    METH_NOARGS,
    METH_O,
    METH_VARARGS,
    PyMethodDef,
)

# CPython: Objects/dictobject.c:PyDict_LOG_MINSIZE
PyDict_LOG_MINSIZE: Final = 3
# CPython: Objects/dictobject.c:PyDict_MINSIZE
PyDict_MINSIZE: Final = 8
# CPython: Objects/dictobject.c:PERTURB_SHIFT
PERTURB_SHIFT: Final = 5
# CPython: Include/internal/pycore_dict.h:DKIX_EMPTY (and the values beside it)
DKIX_EMPTY: Final = -1
DKIX_DUMMY: Final = -2
DKIX_ERROR: Final = -3
DKIX_KEY_CHANGED: Final = -4
# CPython: Include/internal/pycore_dict.h:DictKeysKind
DICT_KEYS_GENERAL: Final = 0
DICT_KEYS_UNICODE: Final = 1
DICT_KEYS_SPLIT: Final = 2

_MASK64: Final = (1 << 64) - 1


def USABLE_FRACTION(n: int) -> int:
    """CPython: Objects/dictobject.c:USABLE_FRACTION"""
    return (n << 1) // 3


def GROWTH_RATE(d: PyDictObject) -> int:
    """CPython: Objects/dictobject.c:GROWTH_RATE"""
    return d.ma_used * 3


class PyDictKeyEntry:
    """CPython: Include/internal/pycore_dict.h:PyDictKeyEntry

    A deleted entry has ``me_key`` and ``me_value`` None (C's ``NULL``)."""

    me_hash: int
    me_key: Optional[PyObject]
    me_value: Optional[PyObject]

    def __init__(self, h: int, key: Optional[PyObject], value: Optional[PyObject]) -> None:
        self.me_hash = h
        self.me_key = key
        self.me_value = value


class PyDictKeysObject:
    """CPython: Include/internal/pycore_dict.h:_dictkeysobject

    ``dk_entries`` only holds the ``dk_nentries`` entries used so far (C
    allocates ``USABLE_FRACTION(size)`` up front); its length is always
    ``dk_nentries``."""

    dk_log2_size: int
    dk_kind: int
    dk_usable: int
    dk_nentries: int
    dk_indices: list[int]
    dk_entries: list[PyDictKeyEntry]

    def __init__(self, log2_size: int, unicode: bool) -> None:
        self.dk_log2_size = log2_size
        self.dk_kind = DICT_KEYS_UNICODE if unicode else DICT_KEYS_GENERAL
        self.dk_usable = USABLE_FRACTION(1 << log2_size)
        self.dk_nentries = 0
        self.dk_indices = [DKIX_EMPTY] * (1 << log2_size)
        self.dk_entries = []


def new_keys_object(log2_size: int, unicode: bool) -> PyDictKeysObject:
    """CPython: Objects/dictobject.c:new_keys_object"""
    return PyDictKeysObject(log2_size, unicode)


def _make_empty_keys() -> PyDictKeysObject:
    """pyvm: builds ``Py_EMPTY_KEYS``."""
    k = PyDictKeysObject(PyDict_LOG_MINSIZE, True)
    k.dk_usable = 0
    return k


# CPython: Objects/dictobject.c:Py_EMPTY_KEYS
# The shared keys of every empty dict: no room, so the first insertion goes
# through insert_to_emptydict and gets a table of its own.
Py_EMPTY_KEYS: Final = _make_empty_keys()


class PyDictObject(PyObject):
    """CPython: Include/cpython/dictobject.h:PyDictObject"""

    ma_used: int
    ma_keys: PyDictKeysObject

    def __init__(self, tp: PyTypeObject) -> None:
        super().__init__(tp)
        self.ma_used = 0
        self.ma_keys = Py_EMPTY_KEYS

    def _debug_detail(self) -> str:
        """pyvm: the number of items, for ``PyObject.__repr__``."""
        return f"len={self.ma_used}"


PyDict_Type: Final = PyTypeObject(
    "dict",
    flags=Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DICT_SUBCLASS | Py_TPFLAGS_MAPPING
    | Py_TPFLAGS_HAVE_GC | _Py_TPFLAGS_MATCH_SELF,
    doc="dict() -> new empty dictionary\n"
        "dict(mapping) -> new dictionary initialized from a mapping object's\n"
        "    (key, value) pairs\n"
        "dict(iterable) -> new dictionary initialized as if via:\n"
        "    d = {}\n"
        "    for k, v in iterable:\n"
        "        d[k] = v\n"
        "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
        "    in the keyword argument list.  For example:  dict(one=1, two=2)")
PyDictKeys_Type: Final = PyTypeObject("dict_keys", flags=Py_TPFLAGS_HAVE_GC)
PyDictValues_Type: Final = PyTypeObject("dict_values", flags=Py_TPFLAGS_HAVE_GC)
PyDictItems_Type: Final = PyTypeObject("dict_items", flags=Py_TPFLAGS_HAVE_GC)
PyDictIterKey_Type: Final = PyTypeObject("dict_keyiterator", flags=Py_TPFLAGS_HAVE_GC)
PyDictIterValue_Type: Final = PyTypeObject("dict_valueiterator", flags=Py_TPFLAGS_HAVE_GC)
PyDictIterItem_Type: Final = PyTypeObject("dict_itemiterator", flags=Py_TPFLAGS_HAVE_GC)
PyDictRevIterKey_Type: Final = PyTypeObject("dict_reversekeyiterator", flags=Py_TPFLAGS_HAVE_GC)
PyDictRevIterValue_Type: Final = PyTypeObject("dict_reversevalueiterator", flags=Py_TPFLAGS_HAVE_GC)
PyDictRevIterItem_Type: Final = PyTypeObject("dict_reverseitemiterator", flags=Py_TPFLAGS_HAVE_GC)

# CPython: Include/internal/pycore_freelist_state.h:Py_dicts_MAXFREELIST
Py_dicts_MAXFREELIST: Final = 80


class _DictState:
    """pyvm: the dict freelist (``_Py_freelists.dicts``)."""

    freelist: list[PyDictObject]

    def __init__(self) -> None:
        self.freelist = []


_state: Final = _DictState()


def PyDict_Check(op: PyObject) -> bool:
    """CPython: Include/dictobject.h:PyDict_Check"""
    return (op.ob_type.tp_flags & Py_TPFLAGS_DICT_SUBCLASS) != 0


def PyDict_CheckExact(op: PyObject) -> bool:
    """CPython: Include/dictobject.h:PyDict_CheckExact"""
    return op.ob_type is PyDict_Type


def _key_error(key: PyObject) -> NoReturn:
    """CPython: Python/errors.c:_PyErr_SetKeyError"""
    PyErr_SetObject(PyExc_KeyError, key)


def _bad_internal_call() -> NoReturn:
    """CPython: Python/errors.c:_PyErr_BadInternalCall"""
    PyErr_SetString(PyExc_SystemError, "Objects/dictobject.c: bad argument to internal function")


# ---------------------------------------------------------------------------
# Allocation


def new_dict(keys: PyDictKeysObject, used: int) -> PyDictObject:
    """CPython: Objects/dictobject.c:new_dict

    Takes a dict object from the freelist when there is one."""
    fl = _state.freelist
    if fl:
        mp = fl.pop()
        _Py_NewReference(mp)
        mp.ob_type = PyDict_Type
    else:
        mp = PyDictObject(PyDict_Type)
    mp.ma_keys = keys
    mp.ma_used = used
    return mp


def PyDict_New() -> PyObject:
    """CPython: Objects/dictobject.c:PyDict_New"""
    return new_dict(Py_EMPTY_KEYS, 0)


def calculate_log2_keysize(minsize: int) -> int:
    """CPython: Objects/dictobject.c:calculate_log2_keysize"""
    log2 = PyDict_LOG_MINSIZE
    while (1 << log2) < minsize:
        log2 += 1
    return log2


def estimate_log2_keysize(n: int) -> int:
    """CPython: Objects/dictobject.c:estimate_log2_keysize"""
    return calculate_log2_keysize((n * 3 + 1) // 2)


def dict_new_presized(minused: int, unicode: bool) -> PyDictObject:
    """CPython: Objects/dictobject.c:dict_new_presized"""
    if minused <= USABLE_FRACTION(PyDict_MINSIZE):
        return new_dict(Py_EMPTY_KEYS, 0)
    return new_dict(new_keys_object(estimate_log2_keysize(minused), unicode), 0)


def _PyDict_NewPresized(minused: int) -> PyObject:
    """CPython: Objects/dictobject.c:_PyDict_NewPresized"""
    return dict_new_presized(minused, False)


# ---------------------------------------------------------------------------
# Lookup


def _PyObject_HashFast(key: PyObject) -> int:
    """CPython: Include/internal/pycore_object.h:_PyObject_HashFast

    The cached hash of an exact str, else ``PyObject_Hash``."""
    if isinstance(key, PyUnicodeObject) and key.ob_type is PyUnicode_Type:
        return unicode_get_hash(key)
    return PyObject_Hash(key)


def dict_unhashable_type(key: PyObject, e: PyErr) -> NoReturn:
    """CPython: Objects/dictobject.c:dict_unhashable_type

    Re-raises the TypeError of an unhashable key with the dict's wording:
    ``cannot use 'list' as a dict key (unhashable type: 'list')``."""
    _type_error(f"cannot use '{key.ob_type.tp_name}' as a dict key ({_unhashable_text(e)})")


def _unhashable_text(e: PyErr) -> str:
    """pyvm: the part dict_unhashable_type and setobject's set_unhashable_type
    share: re-raises ``e`` unless it is exactly a TypeError, else returns its
    message (``unhashable type: 'list'``)."""
    if e.exc_type is not PyExc_TypeError:
        raise e
    if e.msg is not None:
        text = e.msg
    else:
        s = PyObject_Str(e.normalize())
        text = _PyUnicode_AsString(s)
        Py_DECREF(s)
    # The caller raises its own TypeError in place of ``e``.
    _PyErr_Clear(e)
    return text


def _hash_for_dict(key: PyObject) -> int:
    """pyvm: ``_PyObject_HashFast`` with ``dict_unhashable_type`` on failure."""
    if isinstance(key, PyUnicodeObject) and key.ob_type is PyUnicode_Type:
        return unicode_get_hash(key)
    try:
        return PyObject_Hash(key)
    except PyErr as e:
        dict_unhashable_type(key, e)


def unicodekeys_lookup_unicode(dk: PyDictKeysObject, key: PyUnicodeObject, h: int) -> int:
    """CPython: Objects/dictobject.c:unicodekeys_lookup_unicode

    ``do_lookup`` with ``compare_unicode_unicode``: identity, or equal cached
    hashes and equal text. Never runs user code."""
    mask = (1 << dk.dk_log2_size) - 1
    perturb = h & _MASK64
    i = h & mask
    indices = dk.dk_indices
    entries = dk.dk_entries
    value = key.value
    while True:
        ix = indices[i]
        if ix >= 0:
            ep_key = entries[ix].me_key
            if ep_key is key:
                return ix
            if entries[ix].me_hash == h and isinstance(ep_key, PyUnicodeObject) \
                    and ep_key.value == value:
                return ix
        elif ix == DKIX_EMPTY:
            return DKIX_EMPTY
        perturb >>= PERTURB_SHIFT
        i = (i * 5 + perturb + 1) & mask


def do_lookup(mp: PyDictObject, dk: PyDictKeysObject, key: PyObject, h: int) -> int:
    """CPython: Objects/dictobject.c:do_lookup

    With ``compare_generic`` (also serving ``compare_unicode_generic``): returns
    the entry index, ``DKIX_EMPTY``, or ``DKIX_KEY_CHANGED`` when a user
    ``__eq__`` mutated the dict under the lookup."""
    mask = (1 << dk.dk_log2_size) - 1
    perturb = h & _MASK64
    i = h & mask
    while True:
        ix = dk.dk_indices[i]
        if ix >= 0:
            ep = dk.dk_entries[ix]
            startkey = ep.me_key
            assert startkey is not None
            if startkey is key:
                return ix
            if ep.me_hash == h:
                Py_INCREF(startkey)
                try:
                    cmp = PyObject_RichCompareBool(startkey, key, Py_EQ)
                finally:
                    Py_DECREF(startkey)
                if dk is not mp.ma_keys or ep.me_key is not startkey:
                    return DKIX_KEY_CHANGED
                if cmp:
                    return ix
        elif ix == DKIX_EMPTY:
            return DKIX_EMPTY
        perturb >>= PERTURB_SHIFT
        i = (i * 5 + perturb + 1) & mask


def _Py_dict_lookup(mp: PyDictObject, key: PyObject, h: int) -> int:
    """CPython: Objects/dictobject.c:_Py_dict_lookup

    The index of ``key``'s entry in ``mp.ma_keys.dk_entries``, or
    ``DKIX_EMPTY``. C also returns the value through a pointer; the caller reads
    ``mp.ma_keys.dk_entries[ix].me_value`` (valid until the dict changes)."""
    while True:
        dk = mp.ma_keys
        if dk.dk_kind != DICT_KEYS_GENERAL and isinstance(key, PyUnicodeObject) \
                and key.ob_type is PyUnicode_Type:
            return unicodekeys_lookup_unicode(dk, key, h)
        ix = do_lookup(mp, dk, key, h)
        if ix != DKIX_KEY_CHANGED:
            return ix


def _lookup_value(mp: PyDictObject, key: PyObject, h: int) -> Optional[PyObject]:
    """pyvm: ``_Py_dict_lookup`` returning the value (borrowed) or None."""
    ix = _Py_dict_lookup(mp, key, h)
    if ix < 0:
        return None
    return mp.ma_keys.dk_entries[ix].me_value


def lookdict_index(k: PyDictKeysObject, h: int, index: int) -> int:
    """CPython: Objects/dictobject.c:lookdict_index

    The slot of ``dk_indices`` that points at entry ``index``."""
    mask = (1 << k.dk_log2_size) - 1
    perturb = h & _MASK64
    i = h & mask
    while True:
        ix = k.dk_indices[i]
        if ix == index:
            return i
        if ix == DKIX_EMPTY:
            return DKIX_EMPTY
        perturb >>= PERTURB_SHIFT
        i = (i * 5 + perturb + 1) & mask


def find_empty_slot(keys: PyDictKeysObject, h: int) -> int:
    """CPython: Objects/dictobject.c:find_empty_slot"""
    mask = (1 << keys.dk_log2_size) - 1
    i = h & mask
    ix = keys.dk_indices[i]
    perturb = h & _MASK64
    while ix >= 0:
        perturb >>= PERTURB_SHIFT
        i = (i * 5 + perturb + 1) & mask
        ix = keys.dk_indices[i]
    return i


# ---------------------------------------------------------------------------
# Insertion and resizing


def build_indices_generic(keys: PyDictKeysObject, entries: list[PyDictKeyEntry]) -> None:
    """CPython: Objects/dictobject.c:build_indices_generic

    (Also ``build_indices_unicode``: the entries carry their hashes either way.)"""
    mask = (1 << keys.dk_log2_size) - 1
    indices = keys.dk_indices
    for ix in range(len(entries)):
        h = entries[ix].me_hash
        i = h & mask
        perturb = h & _MASK64
        while indices[i] != DKIX_EMPTY:
            perturb >>= PERTURB_SHIFT
            i = (i * 5 + perturb + 1) & mask
        indices[i] = ix


def dictresize(mp: PyDictObject, log2_newsize: int, unicode: bool) -> None:
    """CPython: Objects/dictobject.c:dictresize

    A new table of ``1 << log2_newsize`` slots holding the live entries, in
    order, without the holes of deleted ones."""
    oldkeys = mp.ma_keys
    if oldkeys.dk_kind == DICT_KEYS_GENERAL:
        unicode = False
    newkeys = new_keys_object(log2_newsize, unicode)
    numentries = mp.ma_used
    if oldkeys.dk_nentries == numentries:
        newentries = list(oldkeys.dk_entries)
    else:
        newentries = [ep for ep in oldkeys.dk_entries if ep.me_value is not None]
    build_indices_generic(newkeys, newentries)
    newkeys.dk_entries = newentries
    newkeys.dk_usable -= numentries
    newkeys.dk_nentries = numentries
    mp.ma_keys = newkeys


def insertion_resize(mp: PyDictObject, unicode: bool) -> None:
    """CPython: Objects/dictobject.c:insertion_resize"""
    dictresize(mp, calculate_log2_keysize(GROWTH_RATE(mp)), unicode)


def insert_combined_dict(mp: PyDictObject, h: int, key: PyObject, value: PyObject) -> None:
    """CPython: Objects/dictobject.c:insert_combined_dict (steals key and value)"""
    is_str = key.ob_type is PyUnicode_Type
    if mp.ma_keys.dk_kind != DICT_KEYS_GENERAL and not is_str:
        insertion_resize(mp, False)
    if mp.ma_keys.dk_usable <= 0:
        insertion_resize(mp, True)
    keys = mp.ma_keys
    hashpos = find_empty_slot(keys, h)
    keys.dk_indices[hashpos] = keys.dk_nentries
    keys.dk_entries.append(PyDictKeyEntry(h, key, value))
    keys.dk_usable -= 1
    keys.dk_nentries += 1


def insert_to_emptydict(mp: PyDictObject, key: PyObject, h: int, value: PyObject) -> None:
    """CPython: Objects/dictobject.c:insert_to_emptydict (steals key and value)"""
    newkeys = new_keys_object(PyDict_LOG_MINSIZE, key.ob_type is PyUnicode_Type)
    newkeys.dk_indices[h & (PyDict_MINSIZE - 1)] = 0
    newkeys.dk_entries.append(PyDictKeyEntry(h, key, value))
    newkeys.dk_usable -= 1
    newkeys.dk_nentries = 1
    mp.ma_used += 1
    mp.ma_keys = newkeys


def insertdict(mp: PyDictObject, key: PyObject, h: int, value: PyObject) -> None:
    """CPython: Objects/dictobject.c:insertdict

    Consumes the references to ``key`` and ``value``."""
    try:
        ix = _Py_dict_lookup(mp, key, h)
    except PyErr:
        Py_DECREF(value)
        Py_DECREF(key)
        raise
    if ix < 0:
        insert_combined_dict(mp, h, key, value)
        mp.ma_used += 1
        return
    ep = mp.ma_keys.dk_entries[ix]
    old_value = ep.me_value
    ep.me_value = value
    # The release may run a __del__ that looks at the dict: the entry is
    # already consistent (C: "which **CAN** re-enter").
    if old_value is not None:
        Py_DECREF(old_value)
    Py_DECREF(key)


def setitem_take2_lock_held(mp: PyDictObject, key: PyObject, value: PyObject) -> None:
    """CPython: Objects/dictobject.c:setitem_take2_lock_held (steals both)"""
    try:
        h = _hash_for_dict(key)
    except PyErr:
        Py_DECREF(key)
        Py_DECREF(value)
        raise
    if mp.ma_keys is Py_EMPTY_KEYS:
        insert_to_emptydict(mp, key, h, value)
        return
    insertdict(mp, key, h, value)


def _PyDict_SetItem_Take2(mp: PyDictObject, key: PyObject, value: PyObject) -> None:
    """CPython: Objects/dictobject.c:_PyDict_SetItem_Take2 (steals both)"""
    setitem_take2_lock_held(mp, key, value)


def PyDict_SetItem(op: PyObject, key: PyObject, value: PyObject) -> None:
    """CPython: Objects/dictobject.c:PyDict_SetItem (does not steal)"""
    if not isinstance(op, PyDictObject):
        _bad_internal_call()
    Py_INCREF(key)
    Py_INCREF(value)
    setitem_take2_lock_held(op, key, value)


def _PyDict_SetItem_KnownHash(op: PyObject, key: PyObject, value: PyObject, h: int) -> None:
    """CPython: Objects/dictobject.c:_PyDict_SetItem_KnownHash"""
    assert isinstance(op, PyDictObject)
    Py_INCREF(key)
    Py_INCREF(value)
    if op.ma_keys is Py_EMPTY_KEYS:
        insert_to_emptydict(op, key, h, value)
    else:
        insertdict(op, key, h, value)


def PyDict_SetItemString(op: PyObject, key: str, value: PyObject) -> None:
    """CPython: Objects/dictobject.c:PyDict_SetItemString"""
    k = PyUnicode_InternFromString(key)
    PyDict_SetItem(op, k, value)
    Py_DECREF(k)


# ---------------------------------------------------------------------------
# Reading


def PyDict_GetItemWithError(op: PyObject, key: PyObject) -> Optional[PyObject]:
    """CPython: Objects/dictobject.c:PyDict_GetItemWithError

    A borrowed reference to the value, or None when the key is missing; raises
    if hashing or comparing raised."""
    if not isinstance(op, PyDictObject):
        _bad_internal_call()
    h = _hash_for_dict(key)
    return _lookup_value(op, key, h)


def _PyDict_GetItem_KnownHash(op: PyObject, key: PyObject, h: int) -> Optional[PyObject]:
    """CPython: Objects/dictobject.c:_PyDict_GetItem_KnownHash (borrowed or None)"""
    assert isinstance(op, PyDictObject)
    return _lookup_value(op, key, h)


def _PyDict_GetItem_Unicode(op: PyDictObject, key: PyUnicodeObject) -> Optional[PyObject]:
    """pyvm: the eval loop's fast path for a str key (``LOAD_NAME``,
    ``LOAD_GLOBAL``, attribute dicts): a borrowed reference or None, with no
    user code run when the table is all-str.

    CPython: Objects/dictobject.c:_PyDict_GetItemRef_Unicode_LockHeld"""
    h = unicode_get_hash(key)
    dk = op.ma_keys
    if dk.dk_kind != DICT_KEYS_GENERAL:
        ix = unicodekeys_lookup_unicode(dk, key, h)
        if ix < 0:
            return None
        return dk.dk_entries[ix].me_value
    return _lookup_value(op, key, h)


def PyDict_GetItemRef(op: PyObject, key: PyObject) -> Optional[PyObject]:
    """CPython: Objects/dictobject.c:PyDict_GetItemRef

    pyvm: returns a new reference, or None for a missing key (C returns 0/1 and
    the value through a pointer)."""
    v = PyDict_GetItemWithError(op, key)
    if v is not None:
        Py_INCREF(v)
    return v


def PyDict_GetItem(op: PyObject, key: PyObject) -> Optional[PyObject]:
    """CPython: Objects/dictobject.c:PyDict_GetItem

    Borrowed or None; errors are swallowed, as the legacy C API does."""
    if not isinstance(op, PyDictObject):
        return None
    try:
        return PyDict_GetItemWithError(op, key)
    except PyErr as e:
        _PyErr_Clear(e)
        return None


def PyDict_GetItemString(op: PyObject, key: str) -> Optional[PyObject]:
    """CPython: Objects/dictobject.c:PyDict_GetItemString (borrowed or None)"""
    k = PyUnicode_FromString(key)
    try:
        return PyDict_GetItem(op, k)
    finally:
        Py_DECREF(k)


def _PyDict_LoadGlobal(globals: PyDictObject, builtins: PyDictObject,
                       key: PyObject) -> Optional[PyObject]:
    """CPython: Objects/dictobject.c:_PyDict_LoadGlobal

    Looks ``key`` up in ``globals`` then ``builtins``. Returns a *new* reference
    (the 3.14 function goes through ``_Py_dict_lookup_threadsafe``, which
    increfs), or None when it is in neither."""
    h = _PyObject_HashFast(key)
    v = _lookup_value(globals, key, h)
    if v is None:
        v = _lookup_value(builtins, key, h)
        if v is None:
            return None
    Py_INCREF(v)
    return v


def PyDict_Contains(op: PyObject, key: PyObject) -> bool:
    """CPython: Objects/dictobject.c:PyDict_Contains"""
    assert isinstance(op, PyDictObject)
    h = _hash_for_dict(key)
    return _lookup_value(op, key, h) is not None


def _PyDict_Contains_KnownHash(op: PyObject, key: PyObject, h: int) -> bool:
    """CPython: Objects/dictobject.c:_PyDict_Contains_KnownHash"""
    assert isinstance(op, PyDictObject)
    return _lookup_value(op, key, h) is not None


def PyDict_Size(op: PyObject) -> int:
    """CPython: Objects/dictobject.c:PyDict_Size"""
    if not isinstance(op, PyDictObject):
        _bad_internal_call()
    return op.ma_used


def PyDict_Next(op: PyObject, pos: int) -> Optional[tuple[int, PyObject, PyObject]]:
    """CPython: Objects/dictobject.c:PyDict_Next

    pyvm: takes the position and returns ``(next_pos, key, value)`` (borrowed
    references), or None at the end; start with ``pos = 0``."""
    assert isinstance(op, PyDictObject)
    entries = op.ma_keys.dk_entries
    n = op.ma_keys.dk_nentries
    i = pos
    while i < n:
        ep = entries[i]
        v = ep.me_value
        if v is not None:
            k = ep.me_key
            assert k is not None
            return i + 1, k, v
        i += 1
    return None


def _PyDict_Next(op: PyObject, pos: int) -> Optional[tuple[int, PyObject, PyObject, int]]:
    """CPython: Objects/dictobject.c:_PyDict_Next

    Like :func:`PyDict_Next`, also giving the key's hash."""
    assert isinstance(op, PyDictObject)
    entries = op.ma_keys.dk_entries
    n = op.ma_keys.dk_nentries
    i = pos
    while i < n:
        ep = entries[i]
        v = ep.me_value
        if v is not None:
            k = ep.me_key
            assert k is not None
            return i + 1, k, v, ep.me_hash
        i += 1
    return None


def _dict_live_entries(mp: PyDictObject) -> list[PyDictKeyEntry]:
    """pyvm: a snapshot of the live entries, in order."""
    return [ep for ep in mp.ma_keys.dk_entries if ep.me_value is not None]


def PyDict_Keys(op: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:PyDict_Keys (a new list)"""
    assert isinstance(op, PyDictObject)
    ks: list[PyObject] = []
    for ep in _dict_live_entries(op):
        k = ep.me_key
        assert k is not None
        ks.append(k)
    return _PyList_FromArray(ks)


def PyDict_Values(op: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:PyDict_Values (a new list)"""
    assert isinstance(op, PyDictObject)
    vs: list[PyObject] = []
    for ep in _dict_live_entries(op):
        v = ep.me_value
        assert v is not None
        vs.append(v)
    return _PyList_FromArray(vs)


def _make_pair(k: PyObject, v: PyObject) -> PyObject:
    """pyvm: a new ``(k, v)`` tuple holding new references."""
    Py_INCREF(k)
    Py_INCREF(v)
    return _PyTuple_FromArraySteal([k, v])


def PyDict_Items(op: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:PyDict_Items (a new list of pairs)"""
    assert isinstance(op, PyDictObject)
    items: list[PyObject] = []
    for ep in _dict_live_entries(op):
        k = ep.me_key
        v = ep.me_value
        assert k is not None and v is not None
        items.append(_make_pair(k, v))
    return _PyList_FromArraySteal(items)


# ---------------------------------------------------------------------------
# Deletion


def delitem_common(mp: PyDictObject, h: int, ix: int, old_value: PyObject) -> None:
    """CPython: Objects/dictobject.c:delitem_common

    Releases the key and ``old_value`` (the entry's references)."""
    keys = mp.ma_keys
    hashpos = lookdict_index(keys, h, ix)
    assert hashpos >= 0
    mp.ma_used -= 1
    keys.dk_indices[hashpos] = DKIX_DUMMY
    ep = keys.dk_entries[ix]
    old_key = ep.me_key
    ep.me_key = None
    ep.me_value = None
    ep.me_hash = 0
    assert old_key is not None
    Py_DECREF(old_key)
    Py_DECREF(old_value)


def _PyDict_DelItem_KnownHash(op: PyObject, key: PyObject, h: int) -> None:
    """CPython: Objects/dictobject.c:_PyDict_DelItem_KnownHash"""
    assert isinstance(op, PyDictObject)
    ix = _Py_dict_lookup(op, key, h)
    if ix < 0:
        _key_error(key)
    old_value = op.ma_keys.dk_entries[ix].me_value
    if old_value is None:
        _key_error(key)
    delitem_common(op, h, ix, old_value)


def PyDict_DelItem(op: PyObject, key: PyObject) -> None:
    """CPython: Objects/dictobject.c:PyDict_DelItem (KeyError with the key)"""
    if not isinstance(op, PyDictObject):
        _bad_internal_call()
    h = _hash_for_dict(key)
    _PyDict_DelItem_KnownHash(op, key, h)


def PyDict_DelItemString(op: PyObject, key: str) -> None:
    """CPython: Objects/dictobject.c:PyDict_DelItemString"""
    k = PyUnicode_FromString(key)
    try:
        PyDict_DelItem(op, k)
    finally:
        Py_DECREF(k)


def _PyDict_Pop_KnownHash(mp: PyDictObject, key: PyObject, h: int) -> Optional[PyObject]:
    """CPython: Objects/dictobject.c:_PyDict_Pop_KnownHash

    Removes ``key`` and returns its value (a new reference: the entry's), or
    None when it is missing."""
    if mp.ma_used == 0:
        return None
    ix = _Py_dict_lookup(mp, key, h)
    if ix < 0:
        return None
    old_value = mp.ma_keys.dk_entries[ix].me_value
    if old_value is None:
        return None
    Py_INCREF(old_value)
    delitem_common(mp, h, ix, old_value)
    return old_value


def PyDict_Pop(op: PyObject, key: PyObject) -> Optional[PyObject]:
    """CPython: Objects/dictobject.c:PyDict_Pop

    pyvm: the removed value (new reference) or None when missing."""
    assert isinstance(op, PyDictObject)
    if op.ma_used == 0:
        return None
    h = _hash_for_dict(key)
    return _PyDict_Pop_KnownHash(op, key, h)


def _dict_release_entries(entries: list[PyDictKeyEntry]) -> None:
    """pyvm: drop the references held by the live entries of a detached table."""
    for ep in entries:
        v = ep.me_value
        k = ep.me_key
        if v is not None:
            ep.me_value = None
            Py_DECREF(v)
        if k is not None:
            ep.me_key = None
            Py_DECREF(k)


def PyDict_Clear(op: PyObject) -> None:
    """CPython: Objects/dictobject.c:PyDict_Clear"""
    if not isinstance(op, PyDictObject):
        return
    oldkeys = op.ma_keys
    if oldkeys is Py_EMPTY_KEYS:
        return
    # Empty the dict first: releasing may run code that looks at it.
    op.ma_keys = Py_EMPTY_KEYS
    op.ma_used = 0
    _dict_release_entries(oldkeys.dk_entries)


def dict_tp_clear(op: PyObject) -> bool:
    """CPython: Objects/dictobject.c:dict_tp_clear"""
    PyDict_Clear(op)
    return False


def dict_dealloc(op: PyObject) -> None:
    """CPython: Objects/dictobject.c:dict_dealloc"""
    assert isinstance(op, PyDictObject)
    keys = op.ma_keys
    op.ma_keys = Py_EMPTY_KEYS
    op.ma_used = 0
    if keys is not Py_EMPTY_KEYS:
        _dict_release_entries(keys.dk_entries)
    if op.ob_type is PyDict_Type and len(_state.freelist) < Py_dicts_MAXFREELIST:
        _state.freelist.append(op)


def dict_traverse(op: PyObject, visit: visitproc) -> None:
    """CPython: Objects/dictobject.c:dict_traverse"""
    f = visit
    assert isinstance(op, PyDictObject)
    for ep in op.ma_keys.dk_entries:
        v = ep.me_value
        if v is not None:
            k = ep.me_key
            assert k is not None
            f(k)
            f(v)


# ---------------------------------------------------------------------------
# Copy, merge, update


def PyDict_Copy(op: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:PyDict_Copy

    pyvm: copies entry by entry into a presized table (C clones the keys object
    when the dict is dense, giving the same result)."""
    assert isinstance(op, PyDictObject)
    if op.ma_used == 0:
        return PyDict_New()
    keys = op.ma_keys
    if keys.dk_nentries == op.ma_used:
        # clone_combined_dict_keys: same size, same indices.
        newkeys = new_keys_object(keys.dk_log2_size, keys.dk_kind == DICT_KEYS_UNICODE)
        newkeys.dk_indices = list(keys.dk_indices)
        for ep in keys.dk_entries:
            k = ep.me_key
            v = ep.me_value
            assert k is not None and v is not None
            Py_INCREF(k)
            Py_INCREF(v)
            newkeys.dk_entries.append(PyDictKeyEntry(ep.me_hash, k, v))
        newkeys.dk_nentries = keys.dk_nentries
        newkeys.dk_usable = keys.dk_usable
        return new_dict(newkeys, op.ma_used)
    new = dict_new_presized(op.ma_used, False)
    dict_merge(new, op, 1)
    return new


def dict_merge(a: PyDictObject, b: PyObject, override: int) -> None:
    """CPython: Objects/dictobject.c:dict_merge

    ``override`` 1 replaces existing keys, 0 keeps them, 2 raises KeyError for a
    duplicate (``{**a, **b}`` in a call)."""
    if isinstance(b, PyDictObject) and b.ob_type.tp_iter is PyDict_Type.tp_iter:
        if b is a or b.ma_used == 0:
            return
        if a.ma_used == 0 and a.ma_keys is Py_EMPTY_KEYS and b.ma_used > USABLE_FRACTION(PyDict_MINSIZE):
            # Presize, as C does before copying a big dict into an empty one.
            a.ma_keys = new_keys_object(estimate_log2_keysize(b.ma_used),
                                        b.ma_keys.dk_kind != DICT_KEYS_GENERAL)
        for ep in _dict_live_entries(b):
            k = ep.me_key
            v = ep.me_value
            assert k is not None and v is not None
            if override == 1:
                Py_INCREF(k)
                Py_INCREF(v)
                if a.ma_keys is Py_EMPTY_KEYS:
                    insert_to_emptydict(a, k, ep.me_hash, v)
                else:
                    insertdict(a, k, ep.me_hash, v)
            else:
                if _lookup_value(a, k, ep.me_hash) is not None:
                    if override == 2:
                        _key_error(k)
                    continue
                Py_INCREF(k)
                Py_INCREF(v)
                if a.ma_keys is Py_EMPTY_KEYS:
                    insert_to_emptydict(a, k, ep.me_hash, v)
                else:
                    insertdict(a, k, ep.me_hash, v)
        return
    # A generic mapping: iterate b.keys() and index it.
    keys = PyObject_CallMethod(b, "keys", [])
    try:
        it = PyObject_GetIter(keys)
    finally:
        Py_DECREF(keys)
    nxt = it.ob_type.tp_iternext
    assert nxt is not None
    try:
        while True:
            k = _PyIter_CallNext(nxt, it)
            if k is None:
                break
            try:
                if override == 1 or not PyDict_Contains(a, k):
                    v = PyObject_GetItem(b, k)
                    try:
                        PyDict_SetItem(a, k, v)
                    finally:
                        Py_DECREF(v)
                elif override == 2:
                    _key_error(k)
            finally:
                Py_DECREF(k)
    finally:
        Py_DECREF(it)


def PyDict_Merge(a: PyObject, b: PyObject, override: int) -> None:
    """CPython: Objects/dictobject.c:PyDict_Merge"""
    if not isinstance(a, PyDictObject):
        _bad_internal_call()
    dict_merge(a, b, override)


def _PyDict_MergeEx(a: PyObject, b: PyObject, override: int) -> None:
    """CPython: Objects/dictobject.c:_PyDict_MergeEx"""
    PyDict_Merge(a, b, override)


def PyDict_Update(a: PyObject, b: PyObject) -> None:
    """CPython: Objects/dictobject.c:PyDict_Update"""
    PyDict_Merge(a, b, 1)


def PyDict_MergeFromSeq2(d: PyObject, seq2: PyObject, override: int) -> None:
    """CPython: Objects/dictobject.c:PyDict_MergeFromSeq2

    With ``merge_from_seq2_lock_held``: every item of ``seq2`` must be a pair;
    an item that is not a sequence gets a note on its TypeError."""
    assert isinstance(d, PyDictObject)
    it = PyObject_GetIter(seq2)
    nxt = it.ob_type.tp_iternext
    assert nxt is not None
    i = 0
    try:
        while True:
            item = _PyIter_CallNext(nxt, it)
            if item is None:
                break
            try:
                fast = _sequence_fast(item, "object is not iterable")
            except PyErr as e:
                if e.matches(PyExc_TypeError):
                    _PyErr_FormatNote(e, "Cannot convert dictionary update "
                                      f"sequence element #{i} to a sequence")
                raise
            finally:
                Py_DECREF(item)
            try:
                if len(fast) != 2:
                    _value_error(f"dictionary update sequence element #{i} "
                                 f"has length {len(fast)}; 2 is required")
                if override or not PyDict_Contains(d, fast[0]):
                    PyDict_SetItem(d, fast[0], fast[1])
            finally:
                _release(fast)
            i += 1
    finally:
        Py_DECREF(it)


def dict_update_arg(self: PyObject, arg: PyObject) -> None:
    """CPython: Objects/dictobject.c:dict_update_arg"""
    if PyDict_CheckExact(arg):
        PyDict_Merge(self, arg, 1)
        return
    if _has_keys_attr(arg):
        PyDict_Merge(self, arg, 1)
        return
    PyDict_MergeFromSeq2(self, arg, 1)


def _has_keys_attr(arg: PyObject) -> bool:
    """CPython: Objects/object.c:PyObject_HasAttrWithError (for ``keys``)"""
    name = PyUnicode_InternFromString("keys")
    try:
        r = PyObject_GetAttr(arg, name)
    except PyErr as e:
        if e.matches(PyExc_AttributeError):
            _PyErr_Clear(e)
            return False
        raise
    Py_DECREF(r)
    return True


def dict_update_common(self: PyObject, args: PyObject, kwds: Optional[PyObject],
                       methname: str) -> None:
    """CPython: Objects/dictobject.c:dict_update_common"""
    assert isinstance(args, PyTupleObject)
    n = len(args.ob_item)
    if n > 1:
        _type_error(f"{methname} expected at most 1 argument, got {n}")
    if n == 1:
        dict_update_arg(self, args.ob_item[0])
    if kwds is not None:
        PyDict_Merge(self, kwds, 1)


# ---------------------------------------------------------------------------
# Slots


def dict_length(op: PyObject) -> int:
    """CPython: Objects/dictobject.c:dict_length"""
    assert isinstance(op, PyDictObject)
    return op.ma_used


def dict_subscript(op: PyObject, key: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dict_subscript

    A new reference; a missing key calls ``__missing__`` on a subclass, else
    raises KeyError(key)."""
    assert isinstance(op, PyDictObject)
    h = _hash_for_dict(key)
    v = _lookup_value(op, key, h)
    if v is None:
        if op.ob_type is not PyDict_Type:
            r = _call_missing(op, key)
            if r is not None:
                return r
        _key_error(key)
    Py_INCREF(v)
    return v


def _call_missing(op: PyObject, key: PyObject) -> Optional[PyObject]:
    """CPython: Objects/typeobject.c:_PyObject_LookupSpecial

    pyvm: ``type(op).__missing__(op, key)`` when the subclass defines it, else
    None."""
    name = PyUnicode_InternFromString("__missing__")
    f = _PyType_Lookup(op.ob_type, name)
    if f is None:
        return None
    get = f.ob_type.tp_descr_get
    if get is None:
        Py_INCREF(f)
        bound = f
    else:
        bound = get(f, op, op.ob_type)
    try:
        return PyObject_CallOneArg(bound, key)
    finally:
        Py_DECREF(bound)


def dict_ass_sub(op: PyObject, key: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/dictobject.c:dict_ass_sub"""
    if value is None:
        PyDict_DelItem(op, key)
    else:
        PyDict_SetItem(op, key, value)


def dict_contains(op: PyObject, key: PyObject) -> bool:
    """CPython: Objects/dictobject.c:PyDict_Contains (the ``sq_contains`` slot)"""
    assert isinstance(op, PyDictObject)
    h = _hash_for_dict(key)
    return _lookup_value(op, key, h) is not None


def dict_repr(op: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dict_repr

    ``{k: v, …}``; ``{...}`` when already being printed."""
    assert isinstance(op, PyDictObject)
    if op.ma_used == 0:
        return PyUnicode_FromString("{}")
    if Py_ReprEnter(op):
        return PyUnicode_FromString("{...}")
    parts: list[str] = []
    try:
        pos = 0
        while True:
            nx = PyDict_Next(op, pos)
            if nx is None:
                break
            pos, k, v = nx
            # Hold both: a repr may mutate the dict (dict_repr_lock_held).
            Py_INCREF(k)
            Py_INCREF(v)
            try:
                rk = PyObject_Repr(k)
                ks = _PyUnicode_AsString(rk)
                Py_DECREF(rk)
                rv = PyObject_Repr(v)
                vs = _PyUnicode_AsString(rv)
                Py_DECREF(rv)
            finally:
                Py_DECREF(k)
                Py_DECREF(v)
            parts.append(ks + ": " + vs)
    finally:
        Py_ReprLeave(op)
    return PyUnicode_FromString("{" + ", ".join(parts) + "}")


def dict_equal(a: PyDictObject, b: PyDictObject) -> bool:
    """CPython: Objects/dictobject.c:dict_equal"""
    if a.ma_used != b.ma_used:
        return False
    i = 0
    while i < a.ma_keys.dk_nentries:
        ep = a.ma_keys.dk_entries[i]
        i += 1
        aval = ep.me_value
        if aval is None:
            continue
        key = ep.me_key
        assert key is not None
        Py_INCREF(aval)
        Py_INCREF(key)
        try:
            bval = _lookup_value(b, key, ep.me_hash)
            if bval is None:
                return False
            Py_INCREF(bval)
            try:
                if not PyObject_RichCompareBool(aval, bval, Py_EQ):
                    return False
            finally:
                Py_DECREF(bval)
        finally:
            Py_DECREF(aval)
            Py_DECREF(key)
    return True


def dict_richcompare(v: PyObject, w: PyObject, op: int) -> PyObject:
    """CPython: Objects/dictobject.c:dict_richcompare"""
    if not isinstance(v, PyDictObject) or not isinstance(w, PyDictObject) \
            or not PyDict_Check(v) or not PyDict_Check(w) or (op != Py_EQ and op != Py_NE):
        return _not_implemented()
    eq = dict_equal(v, w)
    return _bool(eq if op == Py_EQ else not eq)


def dict_or(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dict_or"""
    if not PyDict_Check(self) or not PyDict_Check(other):
        return _not_implemented()
    new = PyDict_Copy(self)
    try:
        dict_update_arg(new, other)
    except PyErr:
        Py_DECREF(new)
        raise
    return new


def dict_ior(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dict_ior"""
    dict_update_arg(self, other)
    Py_INCREF(self)
    return self


def dict_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/dictobject.c:dict_new"""
    if tp is PyDict_Type:
        return PyDict_New()
    return PyDictObject(tp)


def dict_init(self: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/dictobject.c:dict_init"""
    dict_update_common(self, args, kwds, "dict")


def dict_vectorcall(tp: PyObject, args: list[PyObject], start: int, nargs: int,
                    kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/dictobject.c:dict_vectorcall"""
    if nargs > 1:
        _type_error(f"dict expected at most 1 argument, got {nargs}")
    assert isinstance(tp, PyTypeObject)
    self = dict_new(tp, _empty_tuple(), None)
    try:
        if nargs == 1:
            dict_update_arg(self, args[start])
        if kwnames is not None:
            assert isinstance(kwnames, PyTupleObject)
            for i in range(len(kwnames.ob_item)):
                PyDict_SetItem(self, kwnames.ob_item[i], args[start + nargs + i])
    except PyErr:
        Py_DECREF(self)
        raise
    return self


def _empty_tuple() -> PyObject:
    """pyvm: the empty tuple (tuple_get_empty)."""
    return tuple_get_empty()


def _PyDict_FromItems(keys: list[PyObject], values: list[PyObject]) -> PyObject:
    """CPython: Objects/dictobject.c:_PyDict_FromItems

    A new dict from parallel lists (borrowed references), as ``BUILD_MAP``
    and ``BUILD_CONST_KEY_MAP`` need."""
    unicode = True
    for k in keys:
        if k.ob_type is not PyUnicode_Type:
            unicode = False
            break
    d = dict_new_presized(len(keys), unicode)
    try:
        for i in range(len(keys)):
            PyDict_SetItem(d, keys[i], values[i])
    except PyErr:
        Py_DECREF(d)
        raise
    return d


# ---------------------------------------------------------------------------
# Methods


def dict_get_impl(self: PyObject, key: PyObject, default_value: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dict_get_impl (new reference)"""
    assert isinstance(self, PyDictObject)
    h = _hash_for_dict(key)
    v = _lookup_value(self, key, h)
    if v is None:
        v = default_value
    Py_INCREF(v)
    return v


def PyDict_SetDefaultRef(d: PyObject, key: PyObject, default_value: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:PyDict_SetDefaultRef

    pyvm: returns the value now stored for ``key`` (new reference)."""
    assert isinstance(d, PyDictObject)
    h = _hash_for_dict(key)
    v = _lookup_value(d, key, h)
    if v is None:
        Py_INCREF(key)
        Py_INCREF(default_value)
        if d.ma_keys is Py_EMPTY_KEYS:
            insert_to_emptydict(d, key, h, default_value)
        else:
            insertdict(d, key, h, default_value)
        v = default_value
    Py_INCREF(v)
    return v


def PyDict_SetDefault(d: PyObject, key: PyObject, default_value: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:PyDict_SetDefault

    Like :func:`PyDict_SetDefaultRef`, returning a borrowed reference."""
    v = PyDict_SetDefaultRef(d, key, default_value)
    Py_DECREF(v)
    return v


def dict_setdefault_impl(self: PyObject, key: PyObject, default_value: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dict_setdefault_impl"""
    return PyDict_SetDefaultRef(self, key, default_value)


def dict_pop_impl(self: PyObject, key: PyObject, default_value: Optional[PyObject]) -> PyObject:
    """CPython: Objects/dictobject.c:dict_pop_impl"""
    assert isinstance(self, PyDictObject)
    r: Optional[PyObject] = None
    if self.ma_used != 0:
        h = _hash_for_dict(key)
        r = _PyDict_Pop_KnownHash(self, key, h)
    if r is None:
        if default_value is None:
            _key_error(key)
        Py_INCREF(default_value)
        return default_value
    return r


def dict_popitem_impl(self: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dict_popitem_impl

    Removes the last entry (LIFO) and returns ``(key, value)``."""
    assert isinstance(self, PyDictObject)
    if self.ma_used == 0:
        PyErr_SetString(PyExc_KeyError, "popitem(): dictionary is empty")
    keys = self.ma_keys
    i = keys.dk_nentries - 1
    while i >= 0 and keys.dk_entries[i].me_value is None:
        i -= 1
    assert i >= 0
    ep = keys.dk_entries[i]
    key = ep.me_key
    value = ep.me_value
    assert key is not None and value is not None
    j = lookdict_index(keys, ep.me_hash, i)
    assert j >= 0
    keys.dk_indices[j] = DKIX_DUMMY
    # The entries after i are all deleted: drop them with it.
    del keys.dk_entries[i:]
    keys.dk_nentries = i
    self.ma_used -= 1
    # The pair steals the entry's references.
    return _PyTuple_FromArraySteal([key, value])


def dict_keys_impl(self: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dict_keys_impl"""
    return _PyDictView_New(self, PyDictKeys_Type)


def dict_values_impl(self: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dict_values_impl"""
    return _PyDictView_New(self, PyDictValues_Type)


def dict_items_impl(self: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dict_items_impl"""
    return _PyDictView_New(self, PyDictItems_Type)


def dict_update(self: PyObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/dictobject.c:dict_update"""
    dict_update_common(self, args, kwds, "update")
    return Py_None


def dict_copy_impl(self: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dict_copy_impl"""
    return PyDict_Copy(self)


def dict_clear_impl(self: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dict_clear_impl"""
    PyDict_Clear(self)
    return Py_None


def _PyDict_FromKeys(cls: PyObject, iterable: PyObject, value: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:_PyDict_FromKeys"""
    d = PyObject_CallNoArgs(cls)
    try:
        if isinstance(d, PyDictObject) and PyDict_CheckExact(d) and isinstance(iterable, PyDictObject) \
                and PyDict_CheckExact(iterable):
            for ep in _dict_live_entries(iterable):
                k = ep.me_key
                assert k is not None
                PyDict_SetItem(d, k, value)
            return d
        it = PyObject_GetIter(iterable)
        nxt = it.ob_type.tp_iternext
        assert nxt is not None
        try:
            while True:
                k2 = _PyIter_CallNext(nxt, it)
                if k2 is None:
                    break
                try:
                    if isinstance(d, PyDictObject) and PyDict_CheckExact(d):
                        PyDict_SetItem(d, k2, value)
                    else:
                        PyObject_SetItem(d, k2, value)
                finally:
                    Py_DECREF(k2)
        finally:
            Py_DECREF(it)
    except PyErr:
        Py_DECREF(d)
        raise
    return d


def dict_fromkeys_impl(tp: PyObject, iterable: PyObject, value: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dict_fromkeys_impl"""
    return _PyDict_FromKeys(tp, iterable, value)


# ---------------------------------------------------------------------------
# Iterators


class dictiterobject(PyObject):
    """pyvm: C's ``dictiterobject`` struct of Objects/dictobject.c.

    ``di_dict`` is None once exhausted; ``di_used`` the size when created (-1
    after a size change was reported); ``len`` the items still expected."""

    di_dict: Optional[PyDictObject]
    di_used: int
    di_pos: int
    len: int

    def __init__(self, tp: PyTypeObject, d: PyDictObject, pos: int) -> None:
        super().__init__(tp)
        self.di_dict = d
        self.di_used = d.ma_used
        self.di_pos = pos
        self.len = d.ma_used


def dictiter_new(d: PyDictObject, itertype: PyTypeObject) -> PyObject:
    """CPython: Objects/dictobject.c:dictiter_new"""
    Py_INCREF(d)
    reverse = itertype is PyDictRevIterKey_Type or itertype is PyDictRevIterValue_Type \
        or itertype is PyDictRevIterItem_Type
    pos = d.ma_keys.dk_nentries - 1 if reverse else 0
    return dictiterobject(itertype, d, pos)


def dictiter_traverse(op: PyObject, visit: visitproc) -> None:
    """CPython: Objects/dictobject.c:dictiter_traverse"""
    assert isinstance(op, dictiterobject)
    if op.di_dict is not None:
        visit(op.di_dict)


def dictview_traverse(op: PyObject, visit: visitproc) -> None:
    """CPython: Objects/dictobject.c:dictview_traverse"""
    assert isinstance(op, _PyDictViewObject)
    visit(op.dv_dict)


def dictiter_dealloc(op: PyObject) -> None:
    """CPython: Objects/dictobject.c:dictiter_dealloc"""
    assert isinstance(op, dictiterobject)
    d = op.di_dict
    op.di_dict = None
    if d is not None:
        Py_DECREF(d)


def _dictiter_advance(di: dictiterobject) -> Optional[PyDictKeyEntry]:
    """pyvm: the body shared by ``dictiter_iternextkey`` / ``…value`` /
    ``…item``: the next live entry, or None at the end (the iterator then lets
    go of its dict)."""
    d = di.di_dict
    if d is None:
        return None
    if di.di_used != d.ma_used:
        di.di_used = -1
        PyErr_SetString(PyExc_RuntimeError, "dictionary changed size during iteration")
    i = di.di_pos
    k = d.ma_keys
    n = k.dk_nentries
    entries = k.dk_entries
    while i < n and entries[i].me_value is None:
        i += 1
    if i >= n:
        di.di_dict = None
        Py_DECREF(d)
        return None
    if di.len == 0:
        di.di_dict = None
        Py_DECREF(d)
        PyErr_SetString(PyExc_RuntimeError, "dictionary keys changed during iteration")
    di.di_pos = i + 1
    di.len -= 1
    return entries[i]


def dictiter_iternextkey(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/dictobject.c:dictiter_iternextkey"""
    assert isinstance(op, dictiterobject)
    ep = _dictiter_advance(op)
    if ep is None:
        return None
    k = ep.me_key
    assert k is not None
    Py_INCREF(k)
    return k


def dictiter_iternextvalue(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/dictobject.c:dictiter_iternextvalue"""
    assert isinstance(op, dictiterobject)
    ep = _dictiter_advance(op)
    if ep is None:
        return None
    v = ep.me_value
    assert v is not None
    Py_INCREF(v)
    return v


def dictiter_iternextitem(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/dictobject.c:dictiter_iternextitem"""
    assert isinstance(op, dictiterobject)
    ep = _dictiter_advance(op)
    if ep is None:
        return None
    k = ep.me_key
    v = ep.me_value
    assert k is not None and v is not None
    return _make_pair(k, v)


def dictreviter_iternext(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/dictobject.c:dictreviter_iternext"""
    assert isinstance(op, dictiterobject)
    d = op.di_dict
    if d is None:
        return None
    if op.di_used != d.ma_used:
        op.di_used = -1
        PyErr_SetString(PyExc_RuntimeError, "dictionary changed size during iteration")
    i = op.di_pos
    entries = d.ma_keys.dk_entries
    if i >= len(entries):
        i = len(entries) - 1
    while i >= 0 and entries[i].me_value is None:
        i -= 1
    if i < 0:
        op.di_dict = None
        Py_DECREF(d)
        return None
    ep = entries[i]
    op.di_pos = i - 1
    op.len -= 1
    k = ep.me_key
    v = ep.me_value
    assert k is not None and v is not None
    tp = op.ob_type
    if tp is PyDictRevIterKey_Type:
        Py_INCREF(k)
        return k
    if tp is PyDictRevIterValue_Type:
        Py_INCREF(v)
        return v
    return _make_pair(k, v)


def dictiter_len(op: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dictiter_len (``__length_hint__``)"""
    assert isinstance(op, dictiterobject)
    d = op.di_dict
    n = op.len if d is not None and op.di_used == d.ma_used else 0
    return _new_int(n)


def dict_iter(op: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dict_iter"""
    assert isinstance(op, PyDictObject)
    return dictiter_new(op, PyDictIterKey_Type)


def dict___reversed___impl(op: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dict___reversed___impl"""
    assert isinstance(op, PyDictObject)
    return dictiter_new(op, PyDictRevIterKey_Type)


# ---------------------------------------------------------------------------
# Views


class _PyDictViewObject(PyObject):
    """CPython: Include/internal/pycore_dict.h:_PyDictViewObject"""

    dv_dict: PyDictObject

    def __init__(self, tp: PyTypeObject, d: PyDictObject) -> None:
        super().__init__(tp)
        self.dv_dict = d


def _PyDictView_New(d: PyObject, tp: PyTypeObject) -> PyObject:
    """CPython: Objects/dictobject.c:_PyDictView_New"""
    if not isinstance(d, PyDictObject):
        _bad_internal_call()
    Py_INCREF(d)
    return _PyDictViewObject(tp, d)


def dictview_dealloc(op: PyObject) -> None:
    """CPython: Objects/dictobject.c:dictview_dealloc"""
    assert isinstance(op, _PyDictViewObject)
    Py_DECREF(op.dv_dict)


def dictview_len(op: PyObject) -> int:
    """CPython: Objects/dictobject.c:dictview_len"""
    assert isinstance(op, _PyDictViewObject)
    return op.dv_dict.ma_used


def dictkeys_iter(op: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dictkeys_iter"""
    assert isinstance(op, _PyDictViewObject)
    return dictiter_new(op.dv_dict, PyDictIterKey_Type)


def dictvalues_iter(op: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dictvalues_iter"""
    assert isinstance(op, _PyDictViewObject)
    return dictiter_new(op.dv_dict, PyDictIterValue_Type)


def dictitems_iter(op: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dictitems_iter"""
    assert isinstance(op, _PyDictViewObject)
    return dictiter_new(op.dv_dict, PyDictIterItem_Type)


def dictkeys_reversed(op: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dictkeys_reversed"""
    assert isinstance(op, _PyDictViewObject)
    return dictiter_new(op.dv_dict, PyDictRevIterKey_Type)


def dictvalues_reversed(op: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dictvalues_reversed"""
    assert isinstance(op, _PyDictViewObject)
    return dictiter_new(op.dv_dict, PyDictRevIterValue_Type)


def dictitems_reversed(op: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dictitems_reversed"""
    assert isinstance(op, _PyDictViewObject)
    return dictiter_new(op.dv_dict, PyDictRevIterItem_Type)


def dictkeys_contains(op: PyObject, key: PyObject) -> bool:
    """CPython: Objects/dictobject.c:dictkeys_contains"""
    assert isinstance(op, _PyDictViewObject)
    return dict_contains(op.dv_dict, key)


def dictitems_contains(op: PyObject, obj: PyObject) -> bool:
    """CPython: Objects/dictobject.c:dictitems_contains"""
    assert isinstance(op, _PyDictViewObject)
    if not isinstance(obj, PyTupleObject) or len(obj.ob_item) != 2:
        return False
    key = obj.ob_item[0]
    value = obj.ob_item[1]
    found = PyDict_GetItemRef(op.dv_dict, key)
    if found is None:
        return False
    try:
        return PyObject_RichCompareBool(found, value, Py_EQ)
    finally:
        Py_DECREF(found)


def dictview_repr(op: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dictview_repr

    ``dict_keys([...])``: the type name around the repr of a list of the view."""
    if Py_ReprEnter(op):
        return PyUnicode_FromString("...")
    try:
        seq = PySequence_List(op)
        try:
            r = PyObject_Repr(seq)
        finally:
            Py_DECREF(seq)
        s = _PyUnicode_AsString(r)
        Py_DECREF(r)
    finally:
        Py_ReprLeave(op)
    return PyUnicode_FromString(f"{op.ob_type.tp_name}({s})")


def all_contained_in(self: PyObject, other: PyObject) -> bool:
    """CPython: Objects/dictobject.c:all_contained_in"""
    it = PyObject_GetIter(self)
    nxt = it.ob_type.tp_iternext
    assert nxt is not None
    try:
        while True:
            x = _PyIter_CallNext(nxt, it)
            if x is None:
                return True
            try:
                if not PySequence_Contains(other, x):
                    return False
            finally:
                Py_DECREF(x)
    finally:
        Py_DECREF(it)


def dictviews_isdisjoint(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dictviews_isdisjoint

    True when no item of ``other`` is in the view. (C iterates the smaller
    of the two when ``other`` is a set or a view; the answer is the same.)"""
    assert isinstance(self, _PyDictViewObject)
    if other is self:
        return _bool(self.dv_dict.ma_used == 0)
    it = PyObject_GetIter(other)
    nxt = it.ob_type.tp_iternext
    assert nxt is not None
    try:
        while True:
            x = _PyIter_CallNext(nxt, it)
            if x is None:
                return _bool(True)
            try:
                if PySequence_Contains(self, x):
                    return _bool(False)
            finally:
                Py_DECREF(x)
    finally:
        Py_DECREF(it)


def dictview_richcompare(self: PyObject, other: PyObject, op: int) -> PyObject:
    """CPython: Objects/dictobject.c:dictview_richcompare

    Compares with sets and other keys/items views."""
    from pyvm.objects.setobject import PyAnySet_Check, PySet_Size  # cycle: setobject imports dict
    is_set = PyAnySet_Check(other)
    if not is_set and (not isinstance(other, _PyDictViewObject)
                       or other.ob_type is PyDictValues_Type):
        return _not_implemented()
    assert isinstance(self, _PyDictViewObject)
    len_self = self.dv_dict.ma_used
    if is_set:
        len_other = PySet_Size(other)
    else:
        assert isinstance(other, _PyDictViewObject)
        len_other = other.dv_dict.ma_used
    ok = False
    if op == Py_EQ or op == Py_NE:
        if len_self == len_other:
            ok = all_contained_in(self, other)
        if op == Py_NE:
            ok = not ok
    elif op == Py_LT:
        if len_self < len_other:
            ok = all_contained_in(self, other)
    elif op == Py_LE:
        if len_self <= len_other:
            ok = all_contained_in(self, other)
    elif op == Py_GT:
        if len_self > len_other:
            ok = all_contained_in(other, self)
    elif op == Py_GE:
        if len_self >= len_other:
            ok = all_contained_in(other, self)
    return _bool(ok)


# ---------------------------------------------------------------------------
# Method wrappers (Argument Clinic's parsers) and the type initializers


def _PyDictViewSet_Check(op: PyObject) -> bool:
    """pyvm: mirrors PyDictViewSet_Check of Include/internal/pycore_dict.h"""
    return op.ob_type is PyDictKeys_Type or op.ob_type is PyDictItems_Type


def dictviews_to_set(self: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dictviews_to_set"""
    from pyvm.objects.setobject import PySet_New  # cycle: setobject imports dict
    left = self
    if self.ob_type is PyDictKeys_Type:
        assert isinstance(self, _PyDictViewObject)
        if self.dv_dict.ob_type is PyDict_Type:
            left = self.dv_dict
    return PySet_New(left)


def _set_method(result: PyObject, name: str, other: PyObject) -> PyObject:
    """pyvm: ``PyObject_CallMethodOneArg(result, name, other)`` on the new
    set, releasing it on error."""
    try:
        tmp = PyObject_CallMethod(result, name, [other])
    except PyErr:
        Py_DECREF(result)
        raise
    Py_DECREF(tmp)
    return result


def dictviews_sub(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dictviews_sub"""
    return _set_method(dictviews_to_set(self), "difference_update", other)


def _PyDictView_Intersect(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:_PyDictView_Intersect"""
    from pyvm.objects.setobject import PySet_Add, PySet_CheckExact, PySet_New, PySet_Size  # cycle
    if not _PyDictViewSet_Check(self):
        self, other = other, self
    assert isinstance(self, _PyDictViewObject)
    len_self = self.dv_dict.ma_used
    if PySet_CheckExact(other) and len_self <= PySet_Size(other):
        return PyObject_CallMethod(other, "intersection", [self])
    if isinstance(other, _PyDictViewObject) and _PyDictViewSet_Check(other):
        if other.dv_dict.ma_used > len_self:
            self, other = other, self
    result = PySet_New(None)
    try:
        it = PyObject_GetIter(other)
        try:
            nxt = it.ob_type.tp_iternext
            assert nxt is not None
            keys = self.ob_type is PyDictKeys_Type
            while True:
                key = _PyIter_CallNext(nxt, it)
                if key is None:
                    break
                try:
                    found = dictkeys_contains(self, key) if keys else dictitems_contains(self, key)
                    if found:
                        PySet_Add(result, key)
                finally:
                    Py_DECREF(key)
        finally:
            Py_DECREF(it)
    except PyErr:
        Py_DECREF(result)
        raise
    return result


def dictviews_or(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dictviews_or"""
    from pyvm.objects.setobject import _PySet_Update  # cycle
    result = dictviews_to_set(self)
    try:
        _PySet_Update(result, other)
    except PyErr:
        Py_DECREF(result)
        raise
    return result


def dictviews_xor(self: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dictviews_xor

    pyvm: two items views go through the generic path too (C's
    ``dictitems_xor`` gives the same result for hashable values)."""
    return _set_method(dictviews_to_set(self), "symmetric_difference_update", other)


def dict_get(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/clinic/dictobject.c.h:dict_get"""
    _PyArg_CheckPositional("get", len(args), 1, 2)
    return dict_get_impl(self, args[0], args[1] if len(args) > 1 else Py_None)


def dict_setdefault(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/clinic/dictobject.c.h:dict_setdefault"""
    _PyArg_CheckPositional("setdefault", len(args), 1, 2)
    return dict_setdefault_impl(self, args[0], args[1] if len(args) > 1 else Py_None)


def dict_pop(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/clinic/dictobject.c.h:dict_pop"""
    _PyArg_CheckPositional("pop", len(args), 1, 2)
    return dict_pop_impl(self, args[0], args[1] if len(args) > 1 else None)


def dict_fromkeys(tp: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/clinic/dictobject.c.h:dict_fromkeys"""
    _PyArg_CheckPositional("fromkeys", len(args), 1, 2)
    return dict_fromkeys_impl(tp, args[0], args[1] if len(args) > 1 else Py_None)


def dict___contains__(self: PyObject, key: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dict___contains___impl"""
    return _bool(dict_contains(self, key))


def dict_getitem(self: PyObject, key: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:dict_getitem (``__getitem__``)"""
    return dict_subscript(self, key)


def _init_types() -> None:
    """pyvm: the static initializers of the dict types (C's ``tp_*`` fields,
    ``mapp_methods``, the views' and iterators' method tables)."""
    tp = PyDict_Type
    tp.tp_dealloc = dict_dealloc
    tp.tp_repr = dict_repr
    tp.tp_hash = PyObject_HashNotImplemented
    tp.tp_richcompare = dict_richcompare
    tp.tp_iter = dict_iter
    tp.tp_new = dict_new
    tp.tp_init = dict_init
    tp.tp_vectorcall = dict_vectorcall
    tp.tp_getattro = PyObject_GenericGetAttr
    tp.tp_traverse = dict_traverse
    tp.tp_clear = dict_tp_clear
    tp.mp_length = dict_length
    tp.mp_subscript = dict_subscript
    tp.mp_ass_subscript = dict_ass_sub
    tp.sq_contains = dict_contains
    tp.nb_or = dict_or
    tp.nb_inplace_or = dict_ior
    _PyType_AddMethods(tp, [
        PyMethodDef("__contains__", dict___contains__, METH_O),
        PyMethodDef("__getitem__", dict_getitem, METH_O),
        PyMethodDef("get", dict_get, METH_FASTCALL),
        PyMethodDef("setdefault", dict_setdefault, METH_FASTCALL),
        PyMethodDef("pop", dict_pop, METH_FASTCALL),
        PyMethodDef("popitem", dict_popitem_impl, METH_NOARGS),
        PyMethodDef("keys", dict_keys_impl, METH_NOARGS),
        PyMethodDef("items", dict_items_impl, METH_NOARGS),
        PyMethodDef("values", dict_values_impl, METH_NOARGS),
        PyMethodDef("update", dict_update, METH_VARARGS | METH_KEYWORDS),
        PyMethodDef("fromkeys", dict_fromkeys, METH_FASTCALL | METH_CLASS),
        PyMethodDef("clear", dict_clear_impl, METH_NOARGS),
        PyMethodDef("copy", dict_copy_impl, METH_NOARGS),
        PyMethodDef("__reversed__", dict___reversed___impl, METH_NOARGS),
        PyMethodDef("__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
                    "dicts are generic over two types, signifying (respectively) the types of "
                    "their keys and values"),
    ])
    for v in (PyDictKeys_Type, PyDictValues_Type, PyDictItems_Type):
        v.tp_dealloc = dictview_dealloc
        v.tp_traverse = dictview_traverse
        v.tp_repr = dictview_repr
        v.tp_getattro = PyObject_GenericGetAttr
        v.sq_length = dictview_len
    PyDictKeys_Type.tp_iter = dictkeys_iter
    PyDictKeys_Type.sq_contains = dictkeys_contains
    PyDictKeys_Type.tp_richcompare = dictview_richcompare
    PyDictKeys_Type.tp_hash = PyObject_HashNotImplemented
    PyDictValues_Type.tp_iter = dictvalues_iter
    PyDictItems_Type.tp_iter = dictitems_iter
    PyDictItems_Type.sq_contains = dictitems_contains
    PyDictItems_Type.tp_richcompare = dictview_richcompare
    PyDictItems_Type.tp_hash = PyObject_HashNotImplemented
    for v in (PyDictKeys_Type, PyDictItems_Type):
        v.nb_subtract = dictviews_sub
        v.nb_and = _PyDictView_Intersect
        v.nb_xor = dictviews_xor
        v.nb_or = dictviews_or
    _PyType_AddMethods(PyDictKeys_Type, [
        PyMethodDef("__reversed__", dictkeys_reversed, METH_NOARGS),
        PyMethodDef("isdisjoint", dictviews_isdisjoint, METH_O),
    ])
    _PyType_AddMethods(PyDictValues_Type, [PyMethodDef("__reversed__", dictvalues_reversed, METH_NOARGS)])
    _PyType_AddMethods(PyDictItems_Type, [
        PyMethodDef("__reversed__", dictitems_reversed, METH_NOARGS),
        PyMethodDef("isdisjoint", dictviews_isdisjoint, METH_O),
    ])
    for it, nxt in ((PyDictIterKey_Type, dictiter_iternextkey),
                    (PyDictIterValue_Type, dictiter_iternextvalue),
                    (PyDictIterItem_Type, dictiter_iternextitem),
                    (PyDictRevIterKey_Type, dictreviter_iternext),
                    (PyDictRevIterValue_Type, dictreviter_iternext),
                    (PyDictRevIterItem_Type, dictreviter_iternext)):
        it.tp_dealloc = dictiter_dealloc
        it.tp_traverse = dictiter_traverse
        it.tp_iter = _self_iter
        it.tp_iternext = nxt
        it.tp_getattro = PyObject_GenericGetAttr
        _PyType_AddMethods(it, [PyMethodDef("__length_hint__", dictiter_len, METH_NOARGS)])


_init_types()
