"""The Python half of the oracle: runs inside CPython 3.14 (pyodide), started by
run.mjs with cwd /repo, the programs at tests/programs/NAME.py and codedump.py
importable. ``run_all(names)`` returns one JSON text: for each program its
stdout, its whole stderr (what ``python tests/programs/NAME.py`` writes there,
traceback included), exit status, the last line of that stderr when the status
is non-zero (the traceback's last line) or null, the ``python -m dis`` text and
the canonical code dump of ``marshal.dumps(compile(...))``.
"""

import builtins
import dis
import io
import json
import marshal
import re
import sys
import traceback

import codedump

_ADDR = re.compile(r"at 0x[0-9a-f]+")


def normalise_addresses(text):
    return _ADDR.sub("at 0x\u2026", text)


# What the oracle writes for the repository root in the paths of a program's
# stderr; the harness (tests/diffcheck.py) writes the checkout's root there.
REPO_MARK = "<REPO>"


def normalise_paths(text):
    """The oracle's stderr with the repository root made machine-independent.

    ``python tests/programs/NAME.py`` compiles the program under its absolute
    path (Python/initconfig.c:config_run_filename_abspath), so tracebacks and
    warnings name ``<cwd>/tests/programs/NAME.py``. Here the checkout is
    mirrored at /repo (the cwd); that prefix becomes REPO_MARK."""
    return text.replace("/repo/tests/", REPO_MARK + "/tests/")


def last_line(text):
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else None


# Include/internal/pycore_ceval.h: Py_DEFAULT_RECURSION_LIMIT, the limit `python PATH` runs with.
DEFAULT_RECURSION_LIMIT = 1000


def _stack_depth():
    """The number of Python frames on the stack of the caller (itself included)."""
    f = sys._getframe(1)
    n = 0
    while f is not None:
        n += 1
        f = f.f_back
    return n


def run_program(path, source, code=None, filename=None):
    """Run like ``python PATH``: __main__ globals, sys.argv = [PATH]; an uncaught
    exception prints its traceback (status 1) as sys.excepthook does
    (traceback._print_exception_bltin); SystemExit as handle_system_exit.
    ``code``, when given, is run instead of ``compile(source, ...)``;
    ``filename``, when given, is the code's file name and ``__file__`` (else
    ``path``). Returns (stdout, status, exception, stderr)."""
    if filename is None:
        filename = path
    out = io.StringIO()
    err = io.StringIO()
    saved = sys.stdout, sys.stderr, sys.argv, sys.getrecursionlimit()
    sys.stdout, sys.stderr, sys.argv = out, err, [path]
    # `python PATH` starts the program's <module> frame at depth 1; here it runs
    # below the driver's own frames, which must not eat into its recursion
    # limit (a RecursionError's "[Previous line repeated N more times]").
    sys.setrecursionlimit(DEFAULT_RECURSION_LIMIT + _stack_depth())
    status = 0
    try:
        g = {"__name__": "__main__", "__builtins__": builtins, "__file__": filename,
             "__cached__": None, "__doc__": None, "__package__": None,
             "__spec__": None, "__loader__": None}
        try:
            exec(code if code is not None else compile(source, filename, "exec"), g)
        except SystemExit as e:
            c = e.code
            if c is None:
                status = 0
            elif isinstance(c, int):
                status = c
            else:
                print(c, file=sys.stderr)
                status = 1
        except BaseException as e:
            # The driver's own frame is dropped so the report is what
            # `python PATH` prints.
            # _print_exception_bltin's own call (limit from sys.tracebacklimit,
            # no colour: stderr is not a terminal).
            traceback.print_exception(type(e), e, e.__traceback__.tb_next,
                                      limit=traceback.BUILTIN_EXCEPTION_LIMIT,
                                      file=sys.stderr, colorize=False)
            status = 1
        sys.stdout.flush()
    finally:
        sys.stdout, sys.stderr, sys.argv = saved[:3]
        sys.setrecursionlimit(saved[3])
    stderr_text = normalise_addresses(normalise_paths(err.getvalue()))
    return (out.getvalue(), status, (last_line(stderr_text) if status != 0 else None),
            stderr_text)


def run_all(names):
    results = {}
    for name in names:
        path = f"tests/programs/{name}.py"
        with open(path, "rb") as f:
            source = f.read()
        # As `python tests/programs/NAME.py` from the root: argv[0] as typed,
        # the code's file name absolute (cwd /repo).
        stdout, status, exception, stderr = run_program(path, source,
                                                        filename="/repo/" + path)
        try:
            code = compile(source, path, "exec")
        except SyntaxError:
            dis_text = None
            dump = None
        else:
            buf = io.StringIO()
            dis.dis(code, file=buf)
            dis_text = normalise_addresses(buf.getvalue())
            dump = codedump.dump_marshalled(marshal.dumps(code))
        results[name] = {
            "stdout": stdout,
            "stderr": stderr,
            "exception": exception,
            "status": status,
            "dis": dis_text,
            "code": dump,
        }
    return json.dumps(results)


# ---------------------------------------------------------------------------
# The compile set (tests/compile_programs) and the marshal checks. These only
# compile (and, for marshal loads, run) code: the compile programs are compared
# on their ``dis`` text and code objects even where pyvm cannot run them yet.


def compile_result(path, source):
    """``{"dis", "code"}`` for a file that compiles, ``{"error"}`` (the last line
    of the report, ``SyntaxError: message``) for one that does not."""
    try:
        code = compile(source, path, "exec")
    except SyntaxError as e:
        lines = traceback.format_exception_only(type(e), e)
        return {"error": last_line("".join(lines))}
    buf = io.StringIO()
    dis.dis(code, file=buf)
    return {"dis": normalise_addresses(buf.getvalue()),
            "code": codedump.dump_marshalled(marshal.dumps(code))}


def compile_all(names):
    results = {}
    for name in names:
        path = f"tests/compile_programs/{name}.py"
        with open(path, "rb") as f:
            source = f.read()
        results[name] = compile_result(path, source)
    return results


def marshal_all(paths):
    """``marshal.dumps(compile(source, path, "exec"))`` as hex for each path that
    compiles (the data pyvm's reader must load)."""
    out = {}
    for path in paths:
        with open(path, "rb") as f:
            source = f.read()
        try:
            code = compile(source, path, "exec")
        except SyntaxError:
            continue
        out[path] = marshal.dumps(code).hex()
    return out


def loads_all(items):
    """pyvm-written marshal data, loaded by CPython: for each ``{"path", "hex",
    "run"}`` whether ``marshal.loads`` accepts it, whether the dump of the
    loaded code (written again by CPython) equals the dump of CPython's own
    compile of the source, and, when ``run``, what executing the loaded code
    object prints (as ``run_program`` reports it)."""
    out = {}
    for item in items:
        path = item["path"]
        res = {"loaded": False, "same_code": False, "error": None,
               "stdout": None, "status": None, "exception": None}
        out[path] = res
        try:
            loaded = marshal.loads(bytes.fromhex(item["hex"]))
        except Exception as e:
            res["error"] = f"{type(e).__name__}: {e}"
            continue
        res["loaded"] = True
        with open(path, "rb") as f:
            source = f.read()
        mine = codedump.dump_marshalled(marshal.dumps(compile(source, path, "exec")))
        theirs = codedump.dump_marshalled(marshal.dumps(loaded))
        res["same_code"] = mine == theirs
        if not res["same_code"]:
            res["error"] = "dump differs from CPython's compile"
        if item.get("run"):
            res["stdout"], res["status"], res["exception"], _ = run_program(path, source, loaded)
    return out


def malformed_all(hexes):
    """What ``marshal.loads`` makes of each (corrupt) data: ``"Type: message"``
    of the exception it raises, or ``"ok"``."""
    out = []
    for h in hexes:
        try:
            marshal.loads(bytes.fromhex(h))
        except Exception as e:
            out.append(f"{type(e).__name__}: {e}")
        else:
            out.append("ok")
    return out


def pyc_all(items):
    """Each ``{"path", "hex"}``: a .pyc written by pyvm (16-byte header, then the
    marshalled module), checked as importlib's SourceLoader checks a cached file
    (``_classify_pyc``, ``_validate_timestamp_pyc``) and loaded
    (``_compile_bytecode``); ``"ok"`` or the error."""
    import importlib.util
    from importlib import _bootstrap_external as be
    out = {}
    for item in items:
        path = item["path"]
        data = bytes.fromhex(item["hex"])
        try:
            if data[:4] != importlib.util.MAGIC_NUMBER:
                raise ImportError(f"bad magic {data[:4]!r} != {importlib.util.MAGIC_NUMBER!r}")
            flags = be._classify_pyc(data, path, {})
            if flags != 0:
                raise ImportError(f"flags {flags}")
            be._validate_timestamp_pyc(data, item["mtime"], item["size"], path, {})
            code = be._compile_bytecode(memoryview(data)[16:], path, path)
            with open(path, "rb") as f:
                source = f.read()
            mine = codedump.dump_marshalled(marshal.dumps(compile(source, path, "exec")))
            if codedump.dump_marshalled(marshal.dumps(code)) != mine:
                raise ValueError("dump differs from CPython's compile")
            out[path] = "ok"
        except Exception as e:
            out[path] = f"{type(e).__name__}: {e}"
    return out


# Opcodes whose de-optimisation reads state a code object fresh from marshal does
# not have (ENTER_EXECUTOR, INSTRUMENTED_LINE, INSTRUMENTED_INSTRUCTION): CPython
# would crash re-dumping such code (_Py_GetBaseCodeUnit), so it is not re-dumped.
_UNDUMPABLE_OPCODES = (255, 254, 238)


def _code_objects(obj):
    """Every code object reachable from ``obj`` through constants and containers."""
    seen = set()
    stack = [obj]
    found = []
    while stack:
        o = stack.pop()
        if id(o) in seen:
            continue
        seen.add(id(o))
        if type(o) is type(_code_objects.__code__):
            found.append(o)
            stack.extend(o.co_consts)
        elif type(o) in (tuple, list, frozenset, set):
            stack.extend(o)
        elif type(o) is dict:
            stack.extend(o.keys())
            stack.extend(o.values())
        elif type(o) is slice:
            stack.extend((o.start, o.stop, o.step))
    return found


def marshal_fuzz_result(data, full):
    """What ``marshal.loads(data)`` gives, as tools/fuzz/marshal_fuzz.py compares
    it with pyvm: ``"Type: message"`` of the exception, or ``"ok"`` followed by
    the canonical dump of ``marshal.dumps`` of the loaded object (its sha256
    prefix unless ``full``)."""
    import hashlib
    try:
        obj = marshal.loads(data)
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    for co in _code_objects(obj):
        raw = co._co_code_adaptive
        if any(raw[i] in _UNDUMPABLE_OPCODES for i in range(0, len(raw), 2)):
            return "ok (not re-dumped: a code object holds an opcode it cannot de-optimise)"
    try:
        back = marshal.dumps(obj)
    except Exception as e:
        return f"ok (dumps fails: {type(e).__name__}: {e})"
    try:
        dump = codedump.dump_marshalled(back)
    except Exception as e:
        return f"ok (the dump fails: {type(e).__name__}: {e})"
    if full:
        return "ok\n" + dump
    return "ok " + hashlib.sha256(dump.encode("utf-8")).hexdigest()[:20]


def marshal_fuzz_all(job):
    """``{"hexes": [...], "full": bool}`` -> one marshal_fuzz_result per blob."""
    full = bool(job.get("full"))
    return [marshal_fuzz_result(bytes.fromhex(h), full) for h in job["hexes"]]


def fuzz_dump_all(sources):
    """tools/fuzz/program_fuzz.py: the canonical dump of ``marshal.dumps(compile(
    src, "<fuzz>", "exec"))`` for each source, or ``error: Type``."""
    out = []
    for src in sources:
        try:
            code = compile(src, "<fuzz>", "exec")
        except Exception as e:
            out.append(f"error: {type(e).__name__}")
            continue
        out.append(codedump.dump_marshalled(marshal.dumps(code)))
    return out


def fuzz_run(source):
    """tools/fuzz/program_fuzz.py: what ``python driver.py`` prints for the
    driver source (``run_program``)."""
    stdout, status, exception, stderr = run_program("driver.py", source)
    return {"stdout": stdout, "status": status, "stderr": stderr}
# ---------------------------------------------------------------------------
# The invalid-programs set (tests/test_invalid_programs.py) and the bad-source
# fuzzer (tools/fuzz/bad_source.py).

INVALID_DIR = "/repo/tests/invalid"


def invalid_all(items):
    """Each ``{"name", "hex"}``: the bytes of a program, written to
    ``/repo/tests/invalid/NAME.py`` and run exactly as ``python
    tests/invalid/NAME.py`` runs it: ``PyRun_SimpleFile`` (through
    ``_testcapi.run_simplefile``), the C path of ``Modules/main.c:pymain_run_file``
    -- the file parsed by the tokenizer's file mode (its encoding detection, its
    null-byte and decoding errors), run in ``__main__``, an error printed by
    ``PyErr_Print`` (``sys.excepthook``); the C function is called through
    ``ctypes.pythonapi`` on a ``FILE *`` from the C library's ``fopen``. The script's absolute path is its file
    name, as ``config_run_filename_abspath`` makes it. Returns, for each name,
    ``{"stdout", "stderr", "status"}`` with /repo written ``<REPO>``. The programs
    must not raise SystemExit (``PyErr_Print`` would end the oracle's process)."""
    import ctypes
    import os
    import __main__
    libc = ctypes.CDLL(None)
    fopen = libc.fopen
    fopen.restype = ctypes.c_void_p
    fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    run_simple = ctypes.pythonapi.PyRun_SimpleFileExFlags
    run_simple.restype = ctypes.c_int
    run_simple.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_void_p]
    os.makedirs(INVALID_DIR, exist_ok=True)
    main_dict = __main__.__dict__
    saved_main = dict(main_dict)
    out = {}
    for item in items:
        name = item["name"]
        path = f"{INVALID_DIR}/{name}.py"
        with open(path, "wb") as f:
            f.write(bytes.fromhex(item["hex"]))
        stdout = io.StringIO()
        stderr = io.StringIO()
        saved = sys.stdout, sys.stderr, sys.argv
        sys.stdout, sys.stderr, sys.argv = stdout, stderr, [f"tests/invalid/{name}.py"]
        main_dict.clear()
        main_dict.update({"__name__": "__main__", "__builtins__": builtins,
                          "__doc__": None, "__package__": None, "__spec__": None,
                          "__loader__": None})
        try:
            fp = fopen(path.encode(), b"rb")
            res = run_simple(fp, path.encode(), 1, None)
            sys.stdout.flush()
        finally:
            sys.stdout, sys.stderr, sys.argv = saved
            main_dict.clear()
            main_dict.update(saved_main)
        out[name] = {"stdout": stdout.getvalue(),
                     "stderr": normalise_addresses(normalise_paths(stderr.getvalue())),
                     "status": 0 if res == 0 else 1}
    return out


def _error_fields(e):
    return [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]


def syntax_all(sources):
    """Each source (hex of its bytes) compiled as ``compile(source, "<fuzz>",
    "exec")``: ``None`` when accepted, else ``[type, msg, lineno, offset,
    end_lineno, end_offset]`` of the SyntaxError (or ``[type, str(e)]`` for any
    other exception). SyntaxWarnings are ignored: the fuzzer compares errors."""
    import warnings
    out = []
    for h in sources:
        src = bytes.fromhex(h)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                compile(src, "<fuzz>", "exec")
            except SyntaxError as e:
                out.append(_error_fields(e))
            except Exception as e:
                out.append([type(e).__name__, str(e)])
            else:
                out.append(None)
    return out


def run_job(job):
    """The entry point of ``run.mjs --job``: ``job`` may hold ``compile`` (names
    of tests/compile_programs), ``marshal`` (paths), ``loads`` (items),
    ``malformed``, ``pyc``, ``invalid`` (programs of tests/invalid) and
    ``syntax`` (the fuzzer's sources)."""
    results = {}
    if "compile" in job:
        results["compile"] = compile_all(job["compile"])
    if "marshal" in job:
        results["marshal"] = marshal_all(job["marshal"])
    if "loads" in job:
        results["loads"] = loads_all(job["loads"])
    if "malformed" in job:
        results["malformed"] = malformed_all(job["malformed"])
    if "pyc" in job:
        results["pyc"] = pyc_all(job["pyc"])
    if "fuzz_dump" in job:
        results["fuzz_dump"] = fuzz_dump_all(job["fuzz_dump"])
    if "fuzz_run" in job:
        results["fuzz_run"] = fuzz_run(job["fuzz_run"])
    if "marshal_fuzz" in job:
        results["marshal_fuzz"] = marshal_fuzz_all(job["marshal_fuzz"])
    if "invalid" in job:
        results["invalid"] = invalid_all(job["invalid"])
    if "syntax" in job:
        results["syntax"] = syntax_all(job["syntax"])
    return json.dumps(results)
