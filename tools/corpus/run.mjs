// pyvm corpus oracle runner: compiles a batch of .py files with CPython 3.14 (the
// npm package pyodide that tools/oracle pins and installs) in ONE node process.
// Driven by tools/corpus/check.py; not meant to be called by hand.
//
// Usage: node run.mjs REPO_ROOT LIST_FILE OUT_JSONL MOUNT_DIR...
//   LIST_FILE   one absolute path a line: the files to compile
//   OUT_JSONL   one JSON record a file (see oracle_corpus.py), appended as it goes
//   MOUNT_DIR   host directories mounted into pyodide's file system at the SAME
//               path (NODEFS), so each file is read, and compiled, under the path
//               string the host uses: co_filename matches pyvm's.
import fs from "fs";
import path from "path";
import { fileURLToPath, pathToFileURL } from "url";

const here = path.dirname(fileURLToPath(import.meta.url));
// pyodide as tools/oracle installs it (package.json / package-lock.json there).
const { loadPyodide } = await import(pathToFileURL(
  path.join(here, "..", "oracle", "node_modules", "pyodide", "pyodide.mjs")).href);
const [repoRoot, listFile, outFile, ...mounts] = process.argv.slice(2);
if (!repoRoot || !listFile || !outFile) {
  console.error("usage: node run.mjs REPO_ROOT LIST_FILE OUT_JSONL MOUNT_DIR...");
  process.exit(2);
}

const py = await loadPyodide({
  env: { PYTHONHASHSEED: "0" },
  stdout: (s) => process.stderr.write("[oracle stdout] " + s + "\n"),
  stderr: (s) => process.stderr.write("[oracle stderr] " + s + "\n"),
});

const FS = py.FS;
for (const dir of new Set([...mounts, path.dirname(listFile), path.dirname(outFile)])) {
  FS.mkdirTree(dir);
  py.mountNodeFS(dir, dir);
}
FS.mkdirTree("/corpus");
FS.writeFile("/corpus/oracle_corpus.py", fs.readFileSync(path.join(here, "oracle_corpus.py")));

py.globals.set("__corpus_args", py.toPy([listFile, outFile]));
py.runPython(`
import sys
sys.path.insert(0, "/corpus")
import oracle_corpus
oracle_corpus.run(*__corpus_args)
`);
process.exit(0);
