// The built server over stdio: initialize, didOpen → publishDiagnostics, hover, symbols,
// didChange → updated diagnostics (debounced), shutdown/exit.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { FIXTURES, TestClient, fileUri } from "./client";
import type { Diagnostic, DocumentSymbol, Hover } from "vscode-languageserver";

const SEED = path.join(FIXTURES, "cgtn-xi-putin-trump.txt");
const SEED_TEXT = readFileSync(SEED, "utf8");
const URI = fileUri(SEED);
const codeOf = (d: Diagnostic) => String(d.code);

describe("protocol: lifecycle and core features", function () {
  this.timeout(30000);
  let c: TestClient;
  before(async () => {
    c = await TestClient.start();
  });
  after(async () => {
    await c?.stop();
  });

  it("initialize advertises the features", () => {
    const caps = c.init.capabilities;
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.codeActionProvider, "code actions when the client supports literals");
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ["quickfix", "source.pressRelease.copyWithoutBoilerplate"]);
    assert.equal(caps.foldingRangeProvider, true);
    assert.deepEqual(caps.documentLinkProvider, { resolveProvider: false });
    assert.equal(c.init.serverInfo?.name, "press-release-annotator");
  });

  it("didOpen publishes diagnostics with code, source, codeDescription and data.kind", async () => {
    const p = await c.open(URI, SEED_TEXT);
    assert.equal(p.version, 1);
    assert.ok(p.diagnostics.length > 5, `expected findings, got ${p.diagnostics.length}`);
    for (const d of p.diagnostics) {
      assert.equal(d.source, "press-release");
      assert.match(codeOf(d), /^(boilerplate|promotional|unattributed-claim|vague-attribution|unattributed-figure)$/);
      assert.match(d.codeDescription?.href ?? "", /^https:\/\/.*#/);
      assert.ok(d.severity && d.severity >= 1 && d.severity <= 4);
    }
    const boiler = p.diagnostics.filter((d) => codeOf(d) === "boilerplate");
    assert.ok(boiler.length > 0);
    for (const d of boiler) assert.ok((d.data as { kind?: string }).kind, "boilerplate carries data.kind");
    const header = boiler.find((d) => d.range.start.line === 8);
    assert.equal((header?.data as { kind?: string })?.kind, "wire-header");
    const fig = p.diagnostics.find((d) => codeOf(d) === "unattributed-figure" && d.range.start.line === 22);
    assert.ok(fig, "the $228.1 billion figure on line 23 is flagged");
  });

  it("hover on a figure gives its normalised value", async () => {
    const line = SEED_TEXT.split("\n")[22];
    const character = line.indexOf("228.1") + 1;
    const h = await c.request<Hover | null>("textDocument/hover", { textDocument: { uri: URI }, position: { line: 22, character } });
    assert.ok(h, "a hover");
    const value = (h.contents as { value: string }).value;
    assert.match(value, /228,100,000,000/);
    assert.ok(h.range && h.range.start.line === 22);
  });

  it("hover has an answer at every finding", async () => {
    const p = c.diagnostics.get(URI)!;
    for (const d of p.diagnostics) {
      const h = await c.request<Hover | null>("textDocument/hover", { textDocument: { uri: URI }, position: d.range.start });
      assert.ok(h, `hover at ${d.range.start.line}:${d.range.start.character} (${codeOf(d)})`);
    }
  });

  it("hover outside the document is an error, on a blank line null", async () => {
    await assert.rejects(c.request("textDocument/hover", { textDocument: { uri: URI }, position: { line: 100000, character: 0 } }));
    const h = await c.request<Hover | null>("textDocument/hover", { textDocument: { uri: URI }, position: { line: 0, character: 0 } });
    assert.equal(h, null);
  });

  it("documentSymbol returns the outline: headline, dateline, sections, sources, boilerplate", async () => {
    const symbols = await c.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri: URI } });
    const names: string[] = [];
    const walk = (s: DocumentSymbol) => {
      names.push(s.name);
      assert.ok(s.range.start.line <= s.selectionRange.start.line, `selection inside range for ${s.name}`);
      s.children?.forEach(walk);
    };
    symbols.forEach(walk);
    assert.ok(names.some((n) => n.startsWith("CGTN: Xi Jinping")), "headline");
    assert.ok(names.some((n) => n.startsWith("BEIJING, Feb. 6, 2026")), "dateline");
    assert.ok(names.includes("China-Russia talks underscore strategic coordination"), "section");
    assert.ok(names.includes("Sources") && names.includes("Boilerplate"));
  });

  it("didChange re-analyses (debounced) and publishes the new version's diagnostics", async () => {
    const before = c.diagnostics.get(URI)!.diagnostics.length;
    const lines = SEED_TEXT.split("\n");
    lines.splice(23, 0, "", "Analysts say the market is booming and sales grew 45% last year.");
    const edited = lines.join("\n");
    // Three quick edits: only the last version is analysed and published.
    const v2 = await c.change(URI, edited + " ");
    const v3 = await c.change(URI, edited + "  ");
    const v4 = await c.change(URI, edited);
    const p = await c.waitDiagnostics(URI, (_, p) => p.version === v4);
    assert.ok(!c.published.some((x) => x.uri === URI && (x.version === v2 || x.version === v3)), "stale versions are not published");
    assert.notEqual(p.diagnostics.length, before);
    const onNew = p.diagnostics.filter((d) => d.range.start.line === 24).map(codeOf);
    assert.ok(onNew.includes("vague-attribution"), `new line flagged: ${onNew.join(", ")}`);
  });

  it("didClose clears the diagnostics", async () => {
    const wait = c.waitDiagnostics(URI, (d) => d.length === 0);
    await c.close(URI);
    await wait;
  });

  it("requests for unknown documents fail cleanly and the server stays up", async () => {
    await assert.rejects(c.request("textDocument/hover", { textDocument: { uri: "file:///nope.txt" }, position: { line: 0, character: 0 } }));
    const symbols = await c.request<unknown[]>("textDocument/documentSymbol", { textDocument: { uri: "file:///nope.txt" } }).catch(() => []);
    assert.deepEqual(symbols, []);
  });

  it("shutdown then exit ends the process with code 0", async () => {
    const code = await c.stop();
    assert.equal(code, 0);
  });
});
