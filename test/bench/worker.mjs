// Runs one tool over one input in a worker thread, so that the parent can stop a tool that is
// over the time limit. Messages: {type:"ready", setupMs}, {type:"run", ms, cpuMs} per pass,
// {type:"done"}, {type:"error", message}.
import { parentPort, workerData } from "node:worker_threads";
import { createRequire } from "node:module";
import * as path from "node:path";
import { ROOT, fixtures, input } from "./inputs.mjs";

const require = createRequire(import.meta.url);

async function load(tool) {
  switch (tool) {
    case "engine": {
      const { analyze } = require(path.join(ROOT, "server/out/engine.js"));
      return (text) => analyze(text);
    }
    case "write-good": {
      const writeGood = require("write-good");
      return (text) => writeGood(text);
    }
    case "textlint": {
      const { createLinter, loadTextlintrc } = await import("textlint");
      const descriptor = await loadTextlintrc({ configFilePath: path.join(ROOT, "test/bench/textlintrc.json") });
      const linter = createLinter({ descriptor });
      return (text) => linter.lintText(text, "/virtual/release.txt");
    }
    case "harper": {
      const { LocalLinter } = await import("harper.js");
      const { binaryInlined } = await import("harper.js/binaryInlined");
      const linter = new LocalLinter({ binary: binaryInlined });
      await linter.setup();
      return (text) => linter.lint(text);
    }
    default:
      throw new Error(`unknown tool ${tool}`);
  }
}

try {
  const { tool, inputName, runs } = workerData;
  const t0 = performance.now();
  const run = await load(tool);
  const docs = input(inputName);
  // Warm up on one small release (JIT, lazy dictionaries), outside the timed runs.
  const warm = fixtures()[0].text;
  for (let i = 0; i < 3; i++) await run(warm);
  parentPort.postMessage({ type: "ready", setupMs: performance.now() - t0 });
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const start = performance.now();
    for (const d of docs) await run(d);
    const ms = performance.now() - start;
    const c = process.cpuUsage(c0);
    parentPort.postMessage({ type: "run", ms, cpuMs: (c.user + c.system) / 1000 });
  }
  parentPort.postMessage({ type: "done" });
} catch (e) {
  parentPort.postMessage({ type: "error", message: e instanceof Error ? e.stack : String(e) });
}
