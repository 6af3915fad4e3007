// Run one Python file (or -c CODE) under CPython 3.14 (the pinned pyodide package)
// as `python FILE` would, for tools and tests that need the oracle's answer to a
// question of their own (e.g. tests/test_symtable.py --regen). Install first with
// `npm ci` in tools/oracle (tools/oracle/regen.py does that).
//
// Usage: node tools/oracle/py314.mjs FILE.py | -c CODE
// The exit status is the program's (1 for an uncaught exception).
import { loadPyodide } from "pyodide";
import fs from "fs";

const args = process.argv.slice(2);
let src, name;
if (args[0] === "-c") { src = args[1]; name = "<string>"; }
else if (args.length === 1) { src = fs.readFileSync(args[0], "utf8"); name = args[0]; }
else { console.error("usage: node py314.mjs FILE.py | -c CODE"); process.exit(2); }

const py = await loadPyodide({
  env: { PYTHONHASHSEED: "0" },
  stdout: (s) => process.stdout.write(s + "\n"),
  stderr: (s) => process.stderr.write(s + "\n"),
});
py.globals.set("__pyvm_src", src);
py.globals.set("__pyvm_name", name);
const rc = py.runPython(`
import sys, traceback
sys.argv = [__pyvm_name]
_g = {"__name__": "__main__", "__builtins__": __builtins__}
_rc = 0
try:
    exec(compile(__pyvm_src, __pyvm_name, "exec"), _g)
except SystemExit as e:
    _rc = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
except BaseException as e:
    traceback.print_exception(e)
    _rc = 1
sys.stdout.flush()
_rc
`);
process.exit(rc);
