// pyvm oracle runner: runs tests/programs/*.py under CPython 3.14 (the npm package
// pyodide, pinned in package.json) in ONE node process and writes the results as
// JSON. Driven by tools/oracle/regen.py; not meant to be called by hand.
//
// Usage: node run.mjs REPO_ROOT OUT_JSON NAME...
//   REPO_ROOT  the checkout; programs are read from REPO_ROOT/tests/programs/NAME.py
//   OUT_JSON   where to write {"<name>": {"stdout", "stderr", "exception", "status", "dis", "code"}}
//
//        node run.mjs --job JOB_JSON REPO_ROOT OUT_JSON
//   JOB_JSON   {"compile": [NAME...], "marshal": [PATH...], "loads": [{"path", "hex", "run"}...]}
//              (oracle_driver.run_job); every tests/programs/*.py and
//              tests/compile_programs/*.py is mirrored, PATHs are relative to REPO_ROOT
//
// Inside pyodide the repository is mirrored at /repo (cwd), so every program runs
// as "tests/programs/NAME.py", exactly the path `pyvm tests/programs/NAME.py` uses.
import { loadPyodide } from "pyodide";
import fs from "fs";
import path from "path";
import { fileURLToPath } from "url";

const here = path.dirname(fileURLToPath(import.meta.url));
let argv = process.argv.slice(2);
let jobFile = null;
if (argv[0] === "--job") {
  jobFile = argv[1];
  argv = argv.slice(2);
}
const [repoRoot, outFile, ...names] = argv;
if (!repoRoot || !outFile) {
  console.error("usage: node run.mjs REPO_ROOT OUT_JSON NAME...");
  process.exit(2);
}

const py = await loadPyodide({
  env: { PYTHONHASHSEED: "0" },
  stdout: (s) => process.stderr.write("[oracle stdout] " + s + "\n"),
  stderr: (s) => process.stderr.write("[oracle stderr] " + s + "\n"),
});

const FS = py.FS;
FS.mkdirTree("/repo/tests/programs");
FS.mkdirTree("/repo/pyvm/compile");
FS.mkdirTree("/oracle");
// The SAME codedump.py the host tests use.
FS.writeFile("/oracle/codedump.py",
  fs.readFileSync(path.join(repoRoot, "pyvm", "compile", "codedump.py")));
FS.writeFile("/oracle/oracle_driver.py",
  fs.readFileSync(path.join(here, "oracle_driver.py")));
if (jobFile !== null) {
  const job = fs.readFileSync(jobFile, "utf8");
  for (const dir of ["programs", "compile_programs"]) {
    FS.mkdirTree(`/repo/tests/${dir}`);
    for (const f of fs.readdirSync(path.join(repoRoot, "tests", dir))) {
      if (f.endsWith(".py")) {
        FS.writeFile(`/repo/tests/${dir}/${f}`,
          fs.readFileSync(path.join(repoRoot, "tests", dir, f)));
      }
    }
  }
  py.globals.set("__oracle_job", job);
  const jobResult = py.runPython(`
import sys, os, json
os.chdir("/repo")
sys.path.insert(0, "/oracle")
import oracle_driver
oracle_driver.run_job(json.loads(__oracle_job))
`);
  fs.writeFileSync(outFile, jobResult);
  process.exit(0);
}
for (const name of names) {
  FS.writeFile(`/repo/tests/programs/${name}.py`,
    fs.readFileSync(path.join(repoRoot, "tests", "programs", `${name}.py`)));
}

py.globals.set("__oracle_names", py.toPy(names));
const result = py.runPython(`
import sys, os
os.chdir("/repo")
sys.path.insert(0, "/oracle")
import oracle_driver
oracle_driver.run_all(list(__oracle_names))
`);
fs.writeFileSync(outFile, result);
process.exit(0);
