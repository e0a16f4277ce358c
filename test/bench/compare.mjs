#!/usr/bin/env node
// `npm run bench:compare -- BASE.js [OTHER.js]`: two builds of the engine side by side, for a
// change meant to make the engine faster without changing what it finds.
//
//  1. Output: both builds analyse the fixture releases, a 300 KB long release and 300 KB of
//     whole releases joined; the result of each document (model, findings and outline, as
//     JSON) must be the same. Prints a fingerprint of the whole output, and the documents
//     that differ.
//  2. Speed: each build is timed in a process of its own (warm-up passes, then the median
//     of the timed ones), the two taking turns (A B, then B A, …), so that both see the same
//     state of the machine; prints the medians and the median of the per-round ratios
//     OTHER ÷ BASE. On a shared machine the time of one build moves by half from one minute
//     to the next; the paired ratio moves by a few hundredths. (Both builds in one process,
//     as this first did, is not fair: the build loaded second ran 1–11 % slower than the
//     same code timed alone, whichever of the two it was.)
//
// BASE.js and OTHER.js are built engine bundles (server/out/engine.js); OTHER defaults to the
// current build. To keep a build to compare with: `cp server/out/engine.js /tmp/base.js`.
// Options: --input=fixtures|1MB|10MB (default fixtures), --rounds=N (default 8), --passes=N
// timed passes per process (default 11; 3 for 10MB), --no-speed (output only). Exits 1 when
// the outputs differ.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT, concatenated, fixtures, input, longRelease } from "./inputs.mjs";
import { median } from "./stats.mjs";

const args = process.argv.slice(2);
const option = (name, d) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? d;

/** One timed pass over the input: its time in ms (an average over 5 repetitions for the small fixtures). */
function timePass(engine, texts, reps) {
  const start = performance.now();
  for (let r = 0; r < reps; r++) for (const t of texts) engine.analyze(t);
  return (performance.now() - start) / reps;
}

// In a process of its own (`--time=ENGINE.js`): print the median time of a pass of one build.
const timed = option("time", undefined);
if (timed) {
  const inputName = option("input", "fixtures");
  const texts = input(inputName);
  const reps = inputName === "fixtures" ? 5 : 1;
  const engine = createRequire(import.meta.url)(timed);
  const passes = Math.max(1, Number(option("passes", inputName === "10MB" ? "3" : "11")) || 1);
  const warm = Math.ceil(passes / 2);
  for (let i = 0; i < warm; i++) timePass(engine, texts, reps);
  const times = [];
  for (let i = 0; i < passes; i++) times.push(timePass(engine, texts, reps));
  console.log(median(times));
  process.exit(0);
}

const files = args.filter((a) => !a.startsWith("--"));
if (!files.length) {
  console.error("usage: compare.mjs BASE.js [OTHER.js] [--input=fixtures|1MB|10MB] [--rounds=N] [--passes=N] [--no-speed]");
  process.exit(2);
}
const require = createRequire(import.meta.url);
const [basePath, otherPath] = [path.resolve(files[0]), path.resolve(files[1] ?? path.join(ROOT, "server/out/engine.js"))];
const base = require(basePath);
const other = require(otherPath);

const sha1 = (s) => createHash("sha1").update(s).digest("hex");

/** The output of one build over the documents: a fingerprint of each, and of all. */
function fingerprint(engine, docs) {
  const all = createHash("sha1");
  const each = docs.map((d) => {
    const json = JSON.stringify(engine.analyze(d.text));
    all.update(json);
    return sha1(json);
  });
  return { all: all.digest("hex"), each };
}

const docs = [
  ...fixtures(),
  { name: "long release (300 KB)", text: longRelease(300_000) },
  { name: "releases joined (300 KB)", text: concatenated(300_000) },
];
const a = fingerprint(base, docs);
const b = fingerprint(other, docs);
const differ = docs.filter((_, i) => a.each[i] !== b.each[i]).map((d) => d.name);
console.log(`output of ${docs.length} documents: base ${a.all.slice(0, 12)}, other ${b.all.slice(0, 12)}: ${differ.length ? `differs on ${differ.length}` : "the same"}`);
for (const name of differ) console.log(`  differs: ${name}`);

if (!args.includes("--no-speed")) {
  const inputName = option("input", "fixtures");
  const rounds = Number(option("rounds", "8"));
  const self = fileURLToPath(import.meta.url);
  const time = (engine) => {
    const r = spawnSync(process.execPath, [self, `--time=${engine}`, `--input=${inputName}`, ...args.filter((a) => a.startsWith("--passes="))], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`timing ${engine} failed: ${r.stderr}`);
    return Number(r.stdout.trim());
  };
  const tA = [];
  const tB = [];
  const ratios = [];
  for (let round = 0; round < rounds; round++) {
    let ta;
    let tb;
    if (round % 2) {
      tb = time(otherPath);
      ta = time(basePath);
    } else {
      ta = time(basePath);
      tb = time(otherPath);
    }
    tA.push(ta);
    tB.push(tb);
    ratios.push(tb / ta);
  }
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`${inputName}, ${rounds} rounds (each build in a process of its own): base ${ms(median(tA))}, other ${ms(median(tB))}; other ÷ base, median of the rounds: ${median(ratios).toFixed(3)} (rounds from ${Math.min(...ratios).toFixed(3)} to ${Math.max(...ratios).toFixed(3)})`);
}
process.exitCode = differ.length ? 1 : 0;
