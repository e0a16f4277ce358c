#!/usr/bin/env node
// `npm run score`: scores the built language server on test/fixtures/releases (or the given
// folders) over real LSP stdio and prints the table as ../shared/eval/score.mjs does.
//
// Usage: node test/accuracy/score-fixtures.mjs [--server CMD] [--json OUT] [--verbose] [--check] [DIR...]
//   --check  also compare with test/accuracy/floors.json and exit 1 below a floor.
// Exit 0 with a summary; 1 below a floor (with --check); 2 where the server can't be driven.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const { scoreDirs, DEFAULT_SERVER } = await tsImport("./runScore.ts", import.meta.url);
const { formatTable, belowFloors } = await tsImport("./scoring.ts", import.meta.url);

const args = process.argv.slice(2);
let serverCmd = DEFAULT_SERVER, jsonOut = null, verbose = false, check = false;
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--server") serverCmd = args[++i];
  else if (args[i] === "--json") jsonOut = args[++i];
  else if (args[i] === "--verbose") verbose = true;
  else if (args[i] === "--check") check = true;
  else if (args[i] === "--help" || args[i] === "-h") {
    console.log("usage: score-fixtures.mjs [--server CMD] [--json OUT] [--verbose] [--check] [DIR...]");
    process.exit(0);
  } else dirs.push(resolve(args[i]));
}
if (!dirs.length) dirs.push(join(ROOT, "test/fixtures/releases"));

try {
  const run = await scoreDirs(dirs, {
    serverCmd,
    cwd: ROOT,
    onDocument: verbose
      ? (d) => {
          console.log(`${d.name}: boilerplate ${JSON.stringify(d.boilerplate)} figures ${JSON.stringify(d.figures)} claims ${JSON.stringify(d.claims)} promotional ${JSON.stringify(d.promotional)} outline ${JSON.stringify(d.outline)}`);
          for (const n of d.notes) console.log(`    ${n}`);
        }
      : undefined,
  });
  for (const e of run.errors) console.error(e);
  for (const line of formatTable(run.summary)) console.log(line);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ summary: run.summary, perDoc: run.perDoc }, null, 2));
  if (check) {
    const floors = JSON.parse(readFileSync(join(HERE, "floors.json"), "utf8"));
    const below = belowFloors(run.summary, floors);
    for (const b of below) console.log(`BELOW FLOOR  ${b.metric} ${b.value == null ? "n/a" : b.value.toFixed(3)} < ${b.floor}`);
    if (below.length) process.exit(1);
  }
  process.exit(0);
} catch (e) {
  console.error(`cannot drive the server: ${e.message}`);
  process.exit(2);
}
