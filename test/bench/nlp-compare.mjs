// Compares our hand-written segmentation and speaker rules with two npm NLP libraries
// (compromise; wink-nlp with wink-eng-lite-web-model) on the fixture corpus: speaker/name
// recall and precision, sentence-boundary accuracy on a hand-labelled check set, throughput,
// load time and bundle size. Results feed docs/nlp-comparison.md.
//
//   npm run build && node test/bench/nlp-compare.mjs [--runs 5] [--json out.json] [--failures]
//
// Our engine comes from server/out/engine.js (run `npm run build` first); the segmentation
// functions and the reporting-cue lexicon are bundled from server/src with esbuild into a
// temporary directory, so nothing in server/ is modified.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { median } from "./stats.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(path.join(ROOT, "package.json"));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(opt("--runs", 5));
// --root DIR: take our engine (DIR/server/out/engine.js) and sources (DIR/server/src) from another
// checkout, e.g. a snapshot of a commit, while the corpus and check set come from this one.
const ENGINE_ROOT = path.resolve(opt("--root", ROOT));
const JSON_OUT = opt("--json");
const SHOW_FAILURES = args.includes("--failures");

const SPEED_WORKER = opt("--speed-worker"); // internal: time one pipeline in a fresh process

const esbuild = require("esbuild");
// Libraries load lazily, so a speed worker holds only the library it measures.
let compromiseLib;
let winkLib;
const nlp = (...a) => (compromiseLib ??= require("compromise"))(...a);
nlp.tokenize = (...a) => (compromiseLib ??= require("compromise")).tokenize(...a);
const wink = {
  get lib() {
    return (winkLib ??= require("wink-nlp")(require("wink-eng-lite-web-model")));
  },
  readDoc: (t) => wink.lib.readDoc(t),
  get its() {
    return wink.lib.its;
  },
};

const enginePath = path.join(ENGINE_ROOT, "server/out/engine.js");
if (!fs.existsSync(enginePath)) throw new Error("server/out/engine.js missing: run `npm run build` first");
const engine = require(enginePath);

// Our segmentation and lexicon, bundled from the TypeScript sources (workers reuse the parent's bundle).
const tmp = opt("--seg-dir") ?? fs.mkdtempSync(path.join(os.tmpdir(), "nlp-compare-"));
if (!opt("--seg-dir")) process.on("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));
if (!opt("--seg-dir")) await esbuild.build({
  stdin: {
    contents: 'export { findParagraphs, splitSentences } from "./segment"; export { splitLines } from "./text"; export { REPORTING_VERBS, PARTICIPLE_CUES, SOURCE_PREPOSITIONS } from "./lexicon"; export { collectFullNames } from "./names";',
    resolveDir: path.join(ENGINE_ROOT, "server/src/analysis"),
    loader: "ts",
  },
  bundle: true,
  format: "esm",
  platform: "node",
  outfile: path.join(tmp, "seg.mjs"),
  logLevel: "warning",
});
const seg = await import(pathToFileURL(path.join(tmp, "seg.mjs")).href);

// ---------------------------------------------------------------- splitters
const splitters = {
  ours: (text) => {
    const lines = seg.splitLines(text);
    return seg.findParagraphs(text, lines).flatMap((p) => seg.splitSentences(p).map((s) => s.text));
  },
  compromise: (text) => nlp.tokenize(text).sentences().out("array"),
  "compromise (lines joined)": (text) => nlp.tokenize(text.replace(/[ \t]*\r?\n[ \t]*/g, " ")).sentences().out("array"),
  wink: (text) => wink.readDoc(text).sentences().out(),
};

// ---------------------------------------------------------------- corpus
const FIX = path.join(ROOT, "test/fixtures/releases");
const docs = fs
  .readdirSync(FIX)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => {
    const text = fs.readFileSync(path.join(FIX, f), "utf8");
    const gold = JSON.parse(fs.readFileSync(path.join(FIX, f.replace(/\.txt$/, ".gold.json")), "utf8"));
    return { name: f.replace(/\.txt$/, ""), text, bytes: Buffer.byteLength(text), gold: gold.outline?.speakers ?? [] };
  });
const corpusBytes = docs.reduce((n, d) => n + d.bytes, 0);

// ---------------------------------------------------------------- speakers / names
// Case and accents are folded ("Fernando Páez" matches the gold "Fernando Paez").
const tokensOf = (name) =>
  name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .replace(/[^\p{L}\p{M}\p{N}\s'’-]/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
const containsSeq = (a, b) => {
  // b is a contiguous token run of a
  if (!b.length || b.length > a.length) return false;
  for (let i = 0; i + b.length <= a.length; i++) if (b.every((t, j) => a[i + j] === t)) return true;
  return false;
};
const nameMatches = (a, b) => {
  const x = tokensOf(a);
  const y = tokensOf(b);
  return containsSeq(x, y) || containsSeq(y, x);
};
const cleanName = (s) => s.replace(/\s+/g, " ").replace(/^[\s"“”‘’'(]+|[\s,.;:!?"“”‘’')]+$/g, "").replace(/[’']s$/, "").trim();
const distinct = (names) => {
  const seen = new Map();
  for (const n of names.map(cleanName).filter((n) => tokensOf(n).length)) {
    const key = tokensOf(n).join(" ");
    if (!seen.has(key)) seen.set(key, n);
  }
  return [...seen.values()];
};

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
const CUE = new RegExp(
  `(?<![\\p{L}])(?:${[...new Set([...seg.REPORTING_VERBS, ...seg.PARTICIPLE_CUES, "according to"])].sort((a, b) => b.length - a.length).map(escapeRe).join("|")})(?![\\p{L}])`,
  "giu",
);
/** Our reporting-cue rule applied to library names: the name and a cue in one sentence, close together. */
function withCue(names, sentences) {
  return names.filter((name) => {
    const re = new RegExp(`(?<![\\p{L}])${escapeRe(name)}(?![\\p{L}])`, "gu");
    for (const s of sentences) {
      for (const m of s.matchAll(re)) {
        const start = m.index;
        const end = start + m[0].length;
        for (const c of s.matchAll(CUE)) {
          if (c.index >= end && c.index - end <= 120) return true; // "Xi said", "Ahmad, CEO of X, said:"
          if (c.index + c[0].length <= start && start - (c.index + c[0].length) <= 40) return true; // "said Tim Cook"
        }
      }
    }
    return false;
  });
}

function winkPropnRuns(text) {
  const doc = wink.readDoc(text);
  const its = wink.its;
  const runs = [];
  let cur = [];
  const flush = () => {
    if (cur.length >= 2 && cur.length <= 5) runs.push(cur.join(" "));
    cur = [];
  };
  doc.tokens().each((t) => {
    const pos = t.out(its.pos);
    const v = t.out(its.value);
    if (pos === "PROPN" && /^\p{Lu}/u.test(v)) cur.push(v);
    else flush();
  });
  flush();
  return { runs, entityTypes: doc.entities().out(its.type) };
}

function speakerEval() {
  const systems = [
    "ours (model.speakers)",
    "ours collectFullNames() (all names)",
    "ours collectFullNames() + cue rule",
    "compromise people()",
    "compromise people() + cue rule",
    "wink PERSON entities",
    "wink PROPN runs (proxy)",
    "wink PROPN runs + cue rule",
    "union: ours speakers ∪ ours names + cue rule",
    "union: ours speakers ∪ compromise + cue rule",
  ];
  const totals = Object.fromEntries(systems.map((s) => [s, { gold: 0, found: 0, detected: 0, correct: 0, docs: [] }]));
  const winkTypes = new Map();
  for (const d of docs) {
    const { model } = engine.analyze(d.text);
    const body = model.paragraphs.filter((p) => !p.boilerplate);
    const bodyText = body.map((p) => p.text).join("\n\n");
    const bodySentences = model.sentences.filter((s) => !model.paragraphs[s.paragraph].boilerplate).map((s) => s.text);
    const comp = distinct(nlp(bodyText).people().out("array"));
    const { runs, entityTypes } = winkPropnRuns(bodyText);
    for (const t of entityTypes) winkTypes.set(t, (winkTypes.get(t) ?? 0) + 1);
    const winkPeople = distinct(wink.readDoc(bodyText).entities().filter((e) => e.out(wink.its.type) === "PERSON").out());
    const props = distinct(runs);
    const ourNames = distinct(seg.collectFullNames(bodySentences));
    const ourSpeakers = distinct(model.speakers.map((s) => s.name));
    const ourNamesCue = withCue(ourNames, bodySentences);
    const compCue = withCue(comp, bodySentences);
    const detected = {
      "ours collectFullNames() (all names)": ourNames,
      "ours collectFullNames() + cue rule": ourNamesCue,
      "union: ours speakers ∪ ours names + cue rule": distinct([...ourSpeakers, ...ourNamesCue]),
      "union: ours speakers ∪ compromise + cue rule": distinct([...ourSpeakers, ...compCue]),
      "ours (model.speakers)": ourSpeakers,
      "compromise people()": comp,
      "compromise people() + cue rule": compCue,
      "wink PERSON entities": winkPeople,
      "wink PROPN runs (proxy)": props,
      "wink PROPN runs + cue rule": withCue(props, bodySentences),
    };
    for (const s of systems) {
      const names = detected[s];
      const found = d.gold.filter((g) => names.some((n) => nameMatches(n, g)));
      const correct = names.filter((n) => d.gold.some((g) => nameMatches(n, g)));
      const t = totals[s];
      t.gold += d.gold.length;
      t.found += found.length;
      t.detected += names.length;
      t.correct += correct.length;
      t.docs.push({ doc: d.name, missed: d.gold.filter((g) => !found.includes(g)), extra: names.filter((n) => !correct.includes(n)) });
    }
  }
  return { totals, winkEntityTypes: Object.fromEntries(winkTypes) };
}

// ---------------------------------------------------------------- segmentation
const cases = JSON.parse(fs.readFileSync(path.join(ROOT, "test/fixtures/segmentation-cases.json"), "utf8")).cases;
const squeeze = (s) => s.replace(/\s+/g, "");
const norm = (s) => s.replace(/\s+/g, " ").trim();

/** Sentence ends as offsets into the input with whitespace removed; null if the output does not align. */
function boundaries(input, sentences) {
  const flat = squeeze(input);
  const ends = [];
  let pos = 0;
  for (const s of sentences) {
    const q = squeeze(s);
    if (!q) continue;
    const at = flat.indexOf(q, pos);
    if (at < 0) return null;
    pos = at + q.length;
    ends.push(pos);
  }
  return ends.filter((e) => e < flat.length);
}

function segmentationEval() {
  const res = {};
  for (const [name, split] of Object.entries(splitters)) {
    const per = [];
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let exact = 0;
    let misaligned = 0;
    for (const c of cases) {
      const got = split(c.input).map(norm).filter(Boolean);
      const want = boundaries(c.input, c.expected);
      const have = boundaries(c.input, got);
      if (!have) misaligned++;
      const h = new Set(have ?? []);
      const w = new Set(want);
      const ctp = [...h].filter((x) => w.has(x)).length;
      tp += ctp;
      fp += h.size - ctp;
      fn += w.size - ctp;
      const ok = have !== null && h.size === w.size && ctp === w.size;
      if (ok) exact++;
      per.push({ id: c.id, category: c.category, ok, got, missing: w.size - ctp, spurious: h.size - ctp });
    }
    const p = tp / (tp + fp);
    const r = tp / (tp + fn);
    res[name] = { exact, cases: cases.length, tp, fp, fn, precision: p, recall: r, f1: (2 * p * r) / (p + r), misaligned, per };
  }
  return res;
}

// ---------------------------------------------------------------- speed
/** One warm-up pass, then RUNS timed passes over the corpus: wall-clock and CPU (user + system) ms. */
function timeCorpus(fn) {
  for (const d of docs) fn(d.text); // warm-up
  const wall = [];
  const cpu = [];
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (const d of docs) fn(d.text);
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}
const PIPELINES = {
  "ours: segmentation (paragraphs + sentences)": (t) => splitters.ours(t),
  "ours: full analyze() (all rules)": (t) => engine.analyze(t),
  "compromise: tokenize + sentences": (t) => nlp.tokenize(t).sentences().out("array"),
  "compromise: full parse + sentences + people()": (t) => {
    const doc = nlp(t);
    doc.sentences().out("array");
    doc.people().out("array");
  },
  "compromise: people() on our cue sentences only": (t) => {
    const cue = new RegExp(CUE.source, "iu");
    nlp(splitters.ours(t).filter((x) => cue.test(x)).join("\n\n")).people().out("array");
  },
  "wink: readDoc + sentences + entities": (t) => {
    const doc = wink.readDoc(t);
    doc.sentences().out();
    doc.entities().out();
  },
};
/**
 * Each pipeline is timed in its own node process, so one library's heap does not slow another's,
 * and the pipelines take turns (ROUNDS rounds of one timed pass each), so background load on the
 * machine spreads over all of them. Reported: the median over rounds, wall-clock and CPU time.
 */
function speedEval() {
  const samples = Object.fromEntries(Object.keys(PIPELINES).map((n) => [n, { wall: [], cpu: [] }]));
  for (let round = 0; round < RUNS; round++) {
    for (const name of Object.keys(PIPELINES)) {
      const argv = [fileURLToPath(import.meta.url), "--speed-worker", name, "--runs", "1", "--root", ENGINE_ROOT, "--seg-dir", tmp];
      const r = JSON.parse(execFileSync(process.execPath, argv, { cwd: ROOT, encoding: "utf8" }));
      samples[name].wall.push(...r.wall);
      samples[name].cpu.push(...r.cpu);
    }
  }
  const mbps = (ms) => corpusBytes / 1e6 / (ms / 1000);
  return Object.fromEntries(
    Object.entries(samples).map(([n, s]) => {
      const wallMs = median(s.wall);
      const cpuMs = median(s.cpu);
      return [n, { wallMs, cpuMs, wallMBps: mbps(wallMs), cpuMBps: mbps(cpuMs), samples: s }];
    }),
  );
}
if (SPEED_WORKER) {
  console.log(JSON.stringify(timeCorpus(PIPELINES[SPEED_WORKER])));
  process.exit(0);
}

// ---------------------------------------------------------------- load / init time (fresh processes)
const INIT_SNIPPETS = {
  ours: `const e = require(${JSON.stringify(enginePath)}); mark(); e.analyze(SAMPLE);`,
  compromise: `const nlp = require("compromise"); mark(); nlp(SAMPLE).people().out("array");`,
  wink: `const w = require("wink-nlp")(require("wink-eng-lite-web-model")); mark(); w.readDoc(SAMPLE).sentences().out();`,
};
function initEval() {
  const all = Object.fromEntries(Object.keys(INIT_SNIPPETS).map((n) => [n, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [name, body] of Object.entries(INIT_SNIPPETS)) {
      const samples = all[name];
      const script = `
        const SAMPLE = "Acme Corp. today announced results. \\"We grew,\\" said CEO Jane Doe.";
        const rss0 = process.memoryUsage().rss; const t0 = process.hrtime.bigint(); let t1, rss1;
        const mark = () => { t1 = process.hrtime.bigint(); rss1 = process.memoryUsage().rss; };
        ${body}
        const t2 = process.hrtime.bigint();
        console.log(JSON.stringify({ load: Number(t1 - t0) / 1e6, first: Number(t2 - t1) / 1e6, rss: (rss1 - rss0) / 1e6 }));`;
      samples.push(JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" })));
    }
  }
  const out = {};
  for (const [name, samples] of Object.entries(all)) {
    out[name] = { loadMs: median(samples.map((s) => s.load)), firstCallMs: median(samples.map((s) => s.first)), rssMB: median(samples.map((s) => s.rss)) };
  }
  return out;
}

// ---------------------------------------------------------------- bundle size
async function bundleSize(contents, resolveDir, loader = "js") {
  const sizes = {};
  for (const minify of [false, true]) {
    const r = await esbuild.build({ stdin: { contents, resolveDir, loader }, bundle: true, platform: "node", target: "node20", format: "cjs", minify, write: false, logLevel: "silent" });
    const bytes = r.outputFiles[0].contents;
    sizes[minify ? "minified" : "plain"] = bytes.length;
    if (minify) sizes.gzip = zlib.gzipSync(bytes).length;
  }
  return sizes;
}
async function bundleEval() {
  return {
    "server.js today (server/src/server.ts)": await bundleSize('import "./server";', path.join(ENGINE_ROOT, "server/src"), "ts"),
    "compromise": await bundleSize('const nlp = require("compromise"); console.log(nlp(process.argv[2]).people().out("array"));', ROOT),
    "wink-nlp + wink-eng-lite-web-model": await bundleSize('const w = require("wink-nlp")(require("wink-eng-lite-web-model")); console.log(w.readDoc(process.argv[2]).sentences().out());', ROOT),
  };
}

// ---------------------------------------------------------------- report
const pct = (x) => (100 * x).toFixed(1) + "%";
const kb = (b) => (b / 1024).toFixed(0) + " KiB";
const versions = Object.fromEntries(["compromise", "wink-nlp", "wink-eng-lite-web-model", "esbuild"].map((p) => [p, JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", p, "package.json"), "utf8")).version]));

const speakers = speakerEval();
const segmentation = segmentationEval();
const speed = speedEval();
const init = initEval();
const bundles = await bundleEval();

const lines = [];
const say = (s = "") => lines.push(s);
say(`Engine: ${path.relative(ROOT, enginePath) || enginePath}${ENGINE_ROOT !== ROOT ? ` (from ${ENGINE_ROOT})` : ""}`);
say(`Corpus: ${docs.length} releases, ${(corpusBytes / 1e6).toFixed(3)} MB; node ${process.version}; ${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(", ")}`);
say();
say("### Speakers (gold outline.speakers)");
say();
say("| system | gold found | recall | names output | match a gold speaker | precision |");
say("|---|---:|---:|---:|---:|---:|");
for (const [s, t] of Object.entries(speakers.totals))
  say(`| ${s} | ${t.found}/${t.gold} | ${pct(t.found / t.gold)} | ${t.detected} | ${t.correct} | ${t.detected ? pct(t.correct / t.detected) : "n/a"} |`);
say();
say(`wink-eng-lite-web-model entity types seen on the corpus (number of entities): ${Object.entries(speakers.winkEntityTypes).map(([k, v]) => `${k} ${v}`).join(", ")}`);
say();
say("### Segmentation check set");
say();
const cats = [...new Set(cases.map((c) => c.category))];
say(`${cases.length} cases, ${cases.reduce((n, c) => n + c.expected.length - 1, 0)} internal boundaries.`);
say();
say("| splitter | cases exact | boundary precision | boundary recall | F1 | missed | spurious |");
say("|---|---:|---:|---:|---:|---:|---:|");
for (const [n, r] of Object.entries(segmentation))
  say(`| ${n} | ${r.exact}/${r.cases} (${pct(r.exact / r.cases)}) | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} | ${r.fn} | ${r.fp} |${r.misaligned ? ` (${r.misaligned} misaligned)` : ""}`);
say();
say(`| category (cases) | ${Object.keys(segmentation).join(" | ")} |`);
say(`|---|${Object.keys(segmentation).map(() => "---:").join("|")}|`);
for (const cat of cats) {
  const n = cases.filter((c) => c.category === cat).length;
  say(`| ${cat} (${n}) | ${Object.values(segmentation).map((r) => r.per.filter((p) => p.category === cat && p.ok).length).join(" | ")} |`);
}
say();
say(`### Speed (whole corpus per pass; median of ${RUNS} rounds, each a fresh process with one warm-up pass; ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")})`);
say();
say("| pipeline | wall ms per pass | MB/s (wall) | CPU ms per pass | MB/s (CPU) |");
say("|---|---:|---:|---:|---:|");
for (const [n, r] of Object.entries(speed)) say(`| ${n} | ${r.wallMs.toFixed(1)} | ${r.wallMBps.toFixed(2)} | ${r.cpuMs.toFixed(1)} | ${r.cpuMBps.toFixed(2)} |`);
say();
say(`### Load and first call (fresh node process, median of ${RUNS})`);
say();
say("| library | require + init (ms) | first call on one sentence (ms) | RSS growth (MB) |");
say("|---|---:|---:|---:|");
for (const [n, r] of Object.entries(init)) say(`| ${n} | ${r.loadMs.toFixed(1)} | ${r.firstCallMs.toFixed(1)} | ${r.rssMB.toFixed(1)} |`);
say();
say("### Bundle size (esbuild, platform node, cjs)");
say();
say("| bundle | plain | minified | minified + gzip |");
say("|---|---:|---:|---:|");
for (const [n, r] of Object.entries(bundles)) say(`| ${n} | ${kb(r.plain)} | ${kb(r.minified)} | ${kb(r.gzip)} |`);

if (SHOW_FAILURES) {
  for (const [n, r] of Object.entries(segmentation)) {
    say();
    say(`### Segmentation failures: ${n}`);
    for (const p of r.per.filter((x) => !x.ok)) {
      const c = cases.find((x) => x.id === p.id);
      say();
      say(`- ${p.id} (${c.source}): missing ${p.missing}, spurious ${p.spurious}`);
      say(`  - input: ${JSON.stringify(c.input)}`);
      say(`  - expected: ${JSON.stringify(c.expected)}`);
      say(`  - got: ${JSON.stringify(p.got)}`);
    }
  }
  say();
  say("### Speaker misses and extras per document");
  for (const [s, t] of Object.entries(speakers.totals)) {
    say();
    say(`#### ${s}`);
    for (const d of t.docs) if (d.missed.length || d.extra.length) say(`- ${d.doc}: missed ${JSON.stringify(d.missed)}; extra ${JSON.stringify(d.extra)}`);
  }
}
console.log(lines.join("\n"));
if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify({ versions, corpusBytes, speakers, segmentation, speed, init, bundles }, null, 2));
