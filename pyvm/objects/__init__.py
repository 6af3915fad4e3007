"""pyvm: the object layer, one module per C file of CPython's ``Objects/``.

``object.py`` holds the object header, the type object, reference counting, the
error carrier and the generic object protocol; the concrete types live in their
own modules (``longobject.py``, ``dictobject.py`` …). Importing this package
imports nothing else, so that the modules can be loaded in any order.
"""
