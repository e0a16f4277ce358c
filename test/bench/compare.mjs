#!/usr/bin/env node
// `npm run bench:compare -- BASE.js [OTHER.js]`: two builds of the engine side by side, for a
// change meant to make the engine faster without changing what it finds.
//
//  1. Output: both builds analyse the fixture releases, a 300 KB long release and 300 KB of
//     whole releases joined; the result of each document (model, findings and outline, as
//     JSON) must be the same. Prints a fingerprint of the whole output, and the documents
//     that differ.
//  2. Speed: both builds, loaded in one process, take turns on the same input (A B, then
//     B A, …), so that both see the same state of the machine; prints the medians and the
//     median of the per-round ratios OTHER ÷ BASE. On a shared machine the time of one build
//     moves by half from one minute to the next; the paired ratio moves by a few hundredths.
//
// BASE.js and OTHER.js are built engine bundles (server/out/engine.js); OTHER defaults to the
// current build. To keep a build to compare with: `cp server/out/engine.js /tmp/base.js`.
// Options: --input=fixtures|1MB|10MB (default fixtures), --rounds=N (default 12),
// --no-speed (output only). Exits 1 when the outputs differ.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import * as path from "node:path";
import { ROOT, concatenated, fixtures, input, longRelease } from "./inputs.mjs";

const args = process.argv.slice(2);
const option = (name, d) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? d;
const files = args.filter((a) => !a.startsWith("--"));
if (!files.length) {
  console.error("usage: compare.mjs BASE.js [OTHER.js] [--input=fixtures|1MB|10MB] [--rounds=N] [--no-speed]");
  process.exit(2);
}
const require = createRequire(import.meta.url);
const [basePath, otherPath] = [path.resolve(files[0]), path.resolve(files[1] ?? path.join(ROOT, "server/out/engine.js"))];
const base = require(basePath);
const other = require(otherPath);

const sha1 = (s) => createHash("sha1").update(s).digest("hex");
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

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
  const texts = input(inputName);
  const rounds = Number(option("rounds", "12"));
  // Several analyses per timed pass on the small input, so that a pass is not a few milliseconds.
  const reps = inputName === "fixtures" ? 5 : 1;
  const pass = (engine) => {
    const start = performance.now();
    for (let r = 0; r < reps; r++) for (const t of texts) engine.analyze(t);
    return (performance.now() - start) / reps;
  };
  for (let w = 0; w < 3; w++) pass(base), pass(other); // warm-up, untimed
  const tA = [];
  const tB = [];
  const ratios = [];
  for (let round = 0; round < rounds; round++) {
    let ta;
    let tb;
    if (round % 2) {
      tb = pass(other);
      ta = pass(base);
    } else {
      ta = pass(base);
      tb = pass(other);
    }
    tA.push(ta);
    tB.push(tb);
    ratios.push(tb / ta);
  }
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`${inputName}, ${rounds} rounds: base ${ms(median(tA))}, other ${ms(median(tB))}; other ÷ base, median of the rounds: ${median(ratios).toFixed(3)} (rounds from ${Math.min(...ratios).toFixed(3)} to ${Math.max(...ratios).toFixed(3)})`);
}
process.exitCode = differ.length ? 1 : 0;
