// Large documents (from 256 KB) are analysed in a worker thread (server/out/analysisWorker.js):
// the server keeps answering other requests meanwhile, gives the same findings as the engine,
// and stops an analysis a newer version has replaced.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { Hover, PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { FIXTURES, TestClient } from "./client";
import { analyze, AnalysisCancelled, hoverAt } from "../../server/src/analysis/index";
import { HOVER_STRETCH } from "../../server/src/lsp/hoverIndex";
import { AnalysisCache, WORKER_MIN_LENGTH, type CachedAnalysis } from "../../server/src/lsp/analysisCache";
import { DEFAULT_SETTINGS } from "../../server/src/lsp/settings";
import { TextDocument } from "vscode-languageserver-textdocument";
import { AnalysisWorker, readFindings } from "../../server/src/lsp/analysisWorker";
import { FINDINGS_PER_SLICE } from "../../server/src/lsp/workerProtocol";
import { serialize } from "node:v8";
import { foldingRanges } from "../../server/src/lsp/folding";
import { scorecard } from "../../server/src/report";
import { releaseEvidence } from "../../server/src/analysis/detect";

const WORKER_SCRIPT = path.resolve(__dirname, "../../server/out/analysisWorker.js");
const SEED_TEXT = readFileSync(path.join(FIXTURES, "cgtn-xi-putin-trump.txt"), "utf8");

/** One long release of `size` characters, built as the benchmark builds them (fixture bodies under one headline). */
async function longRelease(size: number): Promise<string> {
  const inputs = (await import(path.resolve(__dirname, "../bench/inputs.mjs"))) as { longRelease(size: number): string };
  return inputs.longRelease(size);
}

describe("protocol: large documents in the analysis worker", function () {
  this.timeout(180000);
  let c: TestClient;
  let big = "";
  before(async () => {
    big = await longRelease(Math.max(4 << 20, WORKER_MIN_LENGTH * 4));
    // Every finding published, to compare them all with the engine.
    c = await TestClient.start({ settings: { debounceMs: 0, maxProblems: 1e6 } });
  });
  after(async () => {
    await c?.stop();
  });

  it("while a 4 MB release is analysed, a hover on another release is answered first; then its findings equal the engine's", async () => {
    const bigUri = "file:///worker/big.txt";
    await c.open("file:///worker/seed.txt", SEED_TEXT, "press-release");
    const bigDone = c.waitDiagnostics(bigUri, () => true, 120000);
    let bigAt = 0;
    void bigDone.then(() => (bigAt = performance.now()));
    await c.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: bigUri, languageId: "press-release", version: 1, text: big } });
    // Once the open has been read and its analysis started (it takes seconds): on the server's
    // own thread that analysis would hold the hover until it ended.
    await c.request("textDocument/documentSymbol", { textDocument: { uri: "file:///worker/seed.txt" } });
    await new Promise((r) => setTimeout(r, 20));
    const h = await c.request<Hover | null>("textDocument/hover", { textDocument: { uri: "file:///worker/seed.txt" }, position: { line: 22, character: 5 } });
    const hoverAt = performance.now();
    assert.ok(h, "the hover is answered");
    const p = await bigDone;
    assert.ok(bigAt > 0 && hoverAt < bigAt, "the hover came before the large release's diagnostics: the server was not blocked");
    const local = analyze(big);
    const expected = local.findings;
    assert.ok(expected.length > 3 * FINDINGS_PER_SLICE, `the findings come in several slices (${expected.length})`);
    const lineAndColumn = positions(big);
    assert.ok(!big.includes("\r"));
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      expected.map((f) => [f.code, ...lineAndColumn(f.start)]),
      "the worker's findings are the engine's",
    );
    // Folding ranges and the scorecard come worked out by the worker; a hover reads the model.
    assert.deepEqual(await c.request("textDocument/foldingRange", { textDocument: { uri: bigUri } }), foldingRanges(local));
    assert.deepEqual(await c.request("pressRelease/scorecard", { uri: bigUri }), scorecard(local));
    const f = expected.find((x) => x.code === "unattributed-figure") ?? expected[0];
    const [line, character] = lineAndColumn(f.start);
    const bigHover = await c.request<Hover | null>("textDocument/hover", { textDocument: { uri: bigUri }, position: { line, character } });
    assert.ok(bigHover && JSON.stringify(bigHover).length > 40, "a hover on the large release explains its finding");
  });

  it("an edit while a large release is analysed cancels that analysis; only the newest version is published", async () => {
    const uri = "file:///worker/edited.txt";
    const from = c.published.length;
    const logsFrom = c.logs.length;
    await c.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "press-release", version: 1, text: big } });
    // A request answered after the open has been read (messages are handled in order): the
    // analysis of version 1 has then started. A small incremental edit follows at once.
    await c.request("textDocument/documentSymbol", { textDocument: { uri: "file:///worker/seed.txt" } });
    const prefix = "Analysts say the market doubled.\n\n";
    const newer = prefix + big;
    const last = 2;
    await c.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: last },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: prefix }],
    });
    const p = await c.waitDiagnostics(uri, (_, x) => x.version === last, 120000);
    assert.equal(p.diagnostics.length, analyze(newer).findings.length, "the newest text was analysed");
    await new Promise((r) => setTimeout(r, 300));
    const versions = c.published.slice(from).filter((x: PublishDiagnosticsParams) => x.uri === uri).map((x) => x.version);
    assert.deepEqual(versions, [last]);
    assert.ok(c.logs.slice(logsFrom).some((l) => l.includes(uri) && l.includes("(version 1) cancelled")), `the analysis of version 1 was cancelled; logs: ${JSON.stringify(c.logs.slice(logsFrom))}`);
  });
});

describe("protocol: a newer version stops the analysis of an older one when it arrives", function () {
  this.timeout(180000);

  it("with a long debounce, the running analysis of version 1 is cancelled at once, not when version 2 is analysed", async () => {
    // The debounce holds version 2's analysis back for 8 s; the edit itself must stop version
    // 1's, or a stale analysis would go on using a core for the whole debounce.
    const c = await TestClient.start({ settings: { debounceMs: 8000 } });
    try {
      const big = await longRelease(Math.max(4 << 20, WORKER_MIN_LENGTH * 4));
      const uri = "file:///worker/superseded.txt";
      await c.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "press-release", version: 1, text: big } });
      // The analysis of version 1 starts two turns of the server's event loop after the open, in
      // the worker, and takes seconds: a request about the document would wait for it.
      await new Promise((r) => setTimeout(r, 300));
      const sent = Date.now();
      await c.connection.sendNotification("textDocument/didChange", {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "Analysts say the market doubled.\n\n" }],
      });
      const cancelled = () => c.logs.some((l) => l.includes(uri) && l.includes("(version 1) cancelled"));
      while (!cancelled() && Date.now() - sent < 6000) await new Promise((r) => setTimeout(r, 50));
      assert.ok(cancelled(), `version 1's analysis was not cancelled within 6 s of the edit (the debounce is 8 s); logs: ${JSON.stringify(c.logs)}`);
      assert.ok(!c.published.some((x: PublishDiagnosticsParams) => x.uri === uri && x.version === 1), "version 1 was never published");
      await c.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
    } finally {
      await c.stop();
    }
  });
});

/** Offsets to [line, character], as the server reports them (the release has "\n" line ends only). */
function positions(text: string): (offset: number) => [number, number] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo, offset - starts[lo]];
  };
}

describe("analysis worker: cancellation", function () {
  this.timeout(120000);

  it("a job cancelled while it runs stops at the engine's next stage and rejects as cancelled; the next job is served", async () => {
    const w = new AnalysisWorker(WORKER_SCRIPT);
    try {
      const big = await longRelease(Math.max(4 << 20, WORKER_MIN_LENGTH * 4));
      const queued = w.run("file:///q.txt", big, {});
      queued.cancel(); // cancelled before the worker takes it
      await assert.rejects(queued.result, (e: unknown) => e instanceof AnalysisCancelled);
      const started = performance.now();
      const running = w.run("file:///a.txt", big, {});
      setTimeout(() => running.cancel(), 300);
      await assert.rejects(running.result, (e: unknown) => e instanceof AnalysisCancelled);
      const done = await w.run("file:///b.txt", SEED_TEXT, {}).result;
      const small = done.result;
      const local = analyze(SEED_TEXT);
      assert.deepEqual(small.findings.map((f) => [f.code, f.start]), local.findings.map((f) => [f.code, f.start]));
      assert.deepEqual(done.folding, foldingRanges(local), "the worker's folding ranges are those of the model");
      assert.deepEqual(done.scorecard, scorecard(local), "and so is its scorecard");
      assert.deepEqual(done.evidence, releaseEvidence(local.model));
      assert.equal(small.model.text, SEED_TEXT, "the texts the worker leaves out are restored");
      assert.deepEqual(small.model, local.model, "the model, read when asked for, is the engine's");
      assert.deepEqual(small.outline, local.outline, "and so is the outline");
      assert.ok(performance.now() - started > 0);
    } finally {
      w.dispose();
    }
  });
});

describe("analysis worker: receiving findings", function () {
  it("reads the findings' slices one per turn of the event loop, in order", async () => {
    const findings = analyze(SEED_TEXT).findings;
    assert.ok(findings.length >= 6);
    const slices = [0, 2, 4].map((i) => serialize(findings.slice(i, i + 2)));
    let done = false;
    const reading = readFindings(slices).then((f) => {
      done = true;
      return f;
    });
    // Queued after the reader's first turn: it runs while slices are still to be read.
    const between = new Promise<boolean>((resolve) => setImmediate(() => resolve(!done)));
    assert.equal(await between, true, "another callback ran before the last slice was read");
    assert.deepEqual(await reading, findings.slice(0, 6));
  });
});

describe("analysis worker: hovers without the model", function () {
  this.timeout(120000);

  it("a hover reads only the stretch under the cursor, and says what the engine's hover says", async () => {
    const w = new AnalysisWorker(WORKER_SCRIPT);
    try {
      const text = await longRelease(4 * HOVER_STRETCH + 1234);
      const done = await w.run("file:///hover.txt", text, {}).result;
      const local = analyze(text);
      // Offsets where something starts or ends, the stretch edges, and the text's end.
      const spans = [...local.findings, ...local.model.figures, ...local.model.attributions, ...local.model.quotes];
      const offsets = new Set<number>([0, text.length - 1, text.length]);
      for (const s of spans) for (const o of [s.start, s.end - 1, s.end]) offsets.add(o);
      for (let k = 1; k <= 4; k++) for (const o of [k * HOVER_STRETCH - 1, k * HOVER_STRETCH]) offsets.add(o);
      assert.ok(local.model.figures.length > 20 && local.model.attributions.length > 20 && local.model.quotes.length > 5, "the release has figures, attributions and quotes to hover");
      // Items that run over a stretch edge are in both stretches.
      assert.ok(spans.some((s) => Math.floor(s.start / HOVER_STRETCH) !== Math.floor((s.end - 1) / HOVER_STRETCH)), "some item crosses a stretch edge");
      const first = done.hover.hoverAt(local.model.figures[0].start);
      assert.deepEqual(first, hoverAt(local, local.model.figures[0].start));
      assert.equal(done.hover.stretchesRead, 1, "one hover reads one stretch");
      let shown = 0;
      for (const o of offsets) {
        const expected = hoverAt(local, o);
        assert.deepEqual(done.hover.hoverAt(o), expected, `hover at ${o}`);
        if (expected) shown++;
      }
      assert.ok(shown > spans.length / 2, `most of those offsets have a hover (${shown})`);
    } finally {
      w.dispose();
    }
  });
});

describe("analysis cache: which analysis is current", function () {
  this.timeout(120000);

  it("an analysis of a text the URI no longer holds (another text under the same version) is not current; the new text's is", async () => {
    const cache = new AnalysisCache({ workerScript: WORKER_SCRIPT });
    try {
      const uri = "file:///current/doc.txt";
      const large = SEED_TEXT.repeat(Math.ceil((WORKER_MIN_LENGTH + 1) / SEED_TEXT.length)); // analysed in the worker
      const old = await cache.get(TextDocument.create(uri, "press-release", 1, large), DEFAULT_SETTINGS);
      assert.ok(cache.isCurrent(uri, old));
      // What the server asks before publishing an analysis that settled late: is it still the one held?
      const fresh = await cache.get(TextDocument.create(uri, "press-release", 1, SEED_TEXT), DEFAULT_SETTINGS);
      assert.ok(cache.isCurrent(uri, fresh));
      assert.ok(!cache.isCurrent(uri, old), "the old text's analysis is not current");
      assert.notDeepEqual(old.result?.findings.length, fresh.result?.findings.length);
    } finally {
      cache.dispose();
    }
  });
});

describe("analysis cache: a time budget on the server's thread", function () {
  this.timeout(120000);
  // A clock the test moves: each reading advances it by `step` (the analysis polls it).
  let t = 0;
  let step = 1;
  const now = () => (t += step);
  const doc = (version: number, text = SEED_TEXT) => TextDocument.create("file:///budget/seed.txt", "press-release", version, text);
  const fromWorker = (a: CachedAnalysis) => a.hover !== undefined; // only the worker's results index their hovers
  const expected = analyze(SEED_TEXT).findings.map((f) => [f.code, f.start, f.end]);
  let cache: AnalysisCache;
  afterEach(() => cache?.dispose());

  it("an analysis that runs over the budget stops and goes on in the worker; so do the next versions while the worker's analyses are slow", async () => {
    step = 1;
    // Every analysis is slow next to this: the worker's own time never comes under half of it.
    cache = new AnalysisCache({ budgetMs: 5, slowMs: 1e-9, now, workerScript: WORKER_SCRIPT });
    const first = await cache.get(doc(1), DEFAULT_SETTINGS); // stopped on the server's thread once the clock has moved 5
    assert.ok(fromWorker(first), "analysed in the worker");
    assert.deepEqual(first.result?.findings.map((f) => [f.code, f.start, f.end]), expected, "with the engine's findings");
    assert.ok(cache.isOffThread("file:///budget/seed.txt"));
    assert.ok(fromWorker(await cache.get(doc(2), DEFAULT_SETTINGS)));
    assert.ok(cache.isOffThread("file:///budget/seed.txt"));
  });

  it("a quick analysis in the worker brings the document back, judged by the worker's own time, not the wait for its answer", async () => {
    step = 1;
    cache = new AnalysisCache({ budgetMs: 5, slowMs: 1e9, now, workerScript: WORKER_SCRIPT });
    const asked = cache.get(doc(1), DEFAULT_SETTINGS); // over the budget: to the worker
    // On the server's clock the answer takes far longer than slowMs, as behind a queue of large releases.
    step = 1e12;
    assert.ok(fromWorker(await asked), "analysed in the worker");
    assert.ok(!cache.isOffThread("file:///budget/seed.txt"), "back: the worker's analysis took under slowMs / 2");
    step = 0;
    const back = await cache.get(doc(2), DEFAULT_SETTINGS);
    assert.ok(!fromWorker(back), "back on the server's thread");
    assert.deepEqual(back.result?.findings.map((f) => [f.code, f.start, f.end]), expected);
  });

  it("one slow analysis on the server's thread is forgiven (the first ones run cold); two in a row send the document to the worker", async () => {
    step = 1;
    cache = new AnalysisCache({ budgetMs: 1e12, slowMs: 1, now, workerScript: WORKER_SCRIPT });
    assert.ok(!fromWorker(await cache.get(doc(1), DEFAULT_SETTINGS)));
    assert.ok(!cache.isOffThread("file:///budget/seed.txt"), "not after one");
    step = 0; // a quick one in between starts the count again
    assert.ok(!fromWorker(await cache.get(doc(2), DEFAULT_SETTINGS)));
    step = 1;
    assert.ok(!fromWorker(await cache.get(doc(3), DEFAULT_SETTINGS)));
    assert.ok(!cache.isOffThread("file:///budget/seed.txt"));
    assert.ok(!fromWorker(await cache.get(doc(4), DEFAULT_SETTINGS)));
    assert.ok(cache.isOffThread("file:///budget/seed.txt"), "after two in a row");
    assert.ok(fromWorker(await cache.get(doc(5), DEFAULT_SETTINGS)));
    cache.delete("file:///budget/seed.txt");
    assert.ok(!cache.isOffThread("file:///budget/seed.txt"), "closing the document forgets it");
  });

  it("documents analysed once (a workspace run) and explicit requests are held to the budget too", async () => {
    step = 1;
    cache = new AnalysisCache({ budgetMs: 5, slowMs: 1e9, now, workerScript: WORKER_SCRIPT });
    const once = await cache.once(doc(1), DEFAULT_SETTINGS);
    assert.ok(fromWorker(once));
    assert.deepEqual(once.result?.findings.map((f) => [f.code, f.start, f.end]), expected);
    const forced = await cache.forced(TextDocument.create("file:///budget/other.txt", "plaintext", 1, SEED_TEXT), { ...DEFAULT_SETTINGS, enable: "never" });
    assert.deepEqual(forced?.findings.map((f) => [f.code, f.start, f.end]), expected);
    assert.ok(forced && Object.getOwnPropertyDescriptor(forced, "model")?.get, "from the worker (its model is read on first use)");
  });
});
