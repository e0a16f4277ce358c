// Large documents (from 1 MB) are analysed in a worker thread (server/out/analysisWorker.js):
// the server keeps answering other requests meanwhile, gives the same findings as the engine,
// and stops an analysis a newer version has replaced.
import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { Hover, PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { FIXTURES, TestClient } from "./client";
import { analyze, AnalysisCancelled } from "../../server/src/analysis/index";
import { WORKER_MIN_LENGTH } from "../../server/src/lsp/analysisCache";
import { AnalysisWorker } from "../../server/src/lsp/analysisWorker";

const WORKER_SCRIPT = path.resolve(__dirname, "../../server/out/analysisWorker.js");
const SEED_TEXT = readFileSync(path.join(FIXTURES, "cgtn-xi-putin-trump.txt"), "utf8");

/** One long release: the seed's headline and dateline, then the other fixtures' text, to `size`. */
function longRelease(size: number): string {
  const others = readdirSync(FIXTURES).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(path.join(FIXTURES, f), "utf8"));
  let out = SEED_TEXT;
  for (let i = 0; out.length < size; i++) out += "\n\n" + others[i % others.length];
  return out;
}

describe("protocol: large documents in the analysis worker", function () {
  this.timeout(180000);
  let c: TestClient;
  const big = longRelease(WORKER_MIN_LENGTH * 2);
  before(async () => {
    c = await TestClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await c?.stop();
  });

  it("while a 2 MB release is analysed, a hover on another release is answered first; then its findings equal the engine's", async () => {
    const bigUri = "file:///worker/big.txt";
    const bigDone = c.waitDiagnostics(bigUri, () => true, 120000);
    let bigAt = 0;
    void bigDone.then(() => (bigAt = performance.now()));
    await c.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: bigUri, languageId: "press-release", version: 1, text: big } });
    await c.open("file:///worker/seed.txt", SEED_TEXT, "press-release");
    const h = await c.request<Hover | null>("textDocument/hover", { textDocument: { uri: "file:///worker/seed.txt" }, position: { line: 22, character: 5 } });
    const hoverAt = performance.now();
    assert.ok(h, "the hover is answered");
    const p = await bigDone;
    assert.ok(hoverAt < bigAt, "the hover came before the large release's diagnostics: the server was not blocked");
    const expected = analyze(big).findings;
    assert.equal(p.diagnostics.length, expected.length, "the worker's findings are the engine's");
    assert.deepEqual(p.diagnostics.map((d) => d.code), expected.map((f) => f.code));
  });

  it("a newer version replaces one being analysed: only the newest is published", async () => {
    const uri = "file:///worker/edited.txt";
    const from = c.published.length;
    await c.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "press-release", version: 1, text: big } });
    const newer = "Analysts say the market doubled.\n\n" + big;
    const last = await c.change(uri, newer);
    const p = await c.waitDiagnostics(uri, (_, x) => x.version === last, 120000);
    assert.equal(p.diagnostics.length, analyze(newer).findings.length, "the newest text was analysed");
    await new Promise((r) => setTimeout(r, 300));
    const versions = c.published.slice(from).filter((x: PublishDiagnosticsParams) => x.uri === uri).map((x) => x.version);
    assert.deepEqual(versions, [last]);
  });
});

describe("analysis worker: cancellation", function () {
  this.timeout(120000);

  it("a cancelled job stops and rejects as cancelled; the next job is served", async () => {
    const w = new AnalysisWorker(WORKER_SCRIPT);
    try {
      const big = longRelease(WORKER_MIN_LENGTH * 2);
      const run = w.run("file:///a.txt", big, {});
      run.cancel();
      await assert.rejects(run.result, (e: unknown) => e instanceof AnalysisCancelled);
      const small = await w.run("file:///b.txt", SEED_TEXT, {}).result;
      assert.deepEqual(small.findings.map((f) => [f.code, f.start]), analyze(SEED_TEXT).findings.map((f) => [f.code, f.start]));
    } finally {
      w.dispose();
    }
  });
});
