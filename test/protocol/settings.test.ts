// Settings over the protocol: pressRelease.enable (auto|always|never), per-code severity,
// ignoredFindings, maxDocumentSize, the press-release language, and settings pushed or pulled.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver";
import { FIXTURES, TestClient } from "./client";

const SEED_TEXT = readFileSync(path.join(FIXTURES, "cgtn-xi-putin-trump.txt"), "utf8");
const NOTES = ["Shopping list for the weekend", "", "- milk, eggs, two loaves of bread", "- 3 apples and a bag of oranges", "", "Call Anna on Saturday about the bike.", "The best coffee is growing more expensive, experts say.", ""].join("\n");
const codeOf = (d: Diagnostic) => String(d.code);

describe("protocol: settings", function () {
  this.timeout(30000);
  let c: TestClient | undefined;
  afterEach(async () => {
    await c?.stop();
    c = undefined;
  });

  it("enable auto: a plaintext note gets no findings, a release does", async () => {
    c = await TestClient.start({ settings: { enable: "auto" } });
    const notes = await c.open("file:///ws/notes.txt", NOTES);
    assert.equal(notes.diagnostics.length, 0);
    const seed = await c.open("file:///ws/seed.txt", SEED_TEXT);
    assert.ok(seed.diagnostics.length > 0);
    const card = await c.request("pressRelease/scorecard", { uri: "file:///ws/notes.txt" });
    assert.equal(card, null, "no scorecard for a non-release");
  });

  it("word lists are bounded: an issuer name of two million characters, and 5,000 puffery words, are dropped or cut with a warning in the log, and releases are still analysed", async () => {
    const expected = (await (async () => {
      const plain = await TestClient.start({ settings: {} });
      try {
        return (await plain.open("file:///ws/seed.txt", SEED_TEXT)).diagnostics.length;
      } finally {
        await plain.stop();
      }
    })());
    const many = Array.from({ length: 5000 }, (_, i) => `zzpuff${i}`);
    c = await TestClient.start({ settings: { issuerNames: ["x".repeat(2_000_000), "CGTN"], pufferyWords: many } });
    const p = await c.open("file:///ws/seed.txt", SEED_TEXT);
    assert.ok(p.diagnostics.length > 0, "analysed (a regular expression V8 refused used to stop every analysis)");
    assert.ok(Math.abs(p.diagnostics.length - expected) <= 5, `about the findings without those settings (${p.diagnostics.length} vs ${expected})`);
    assert.ok(c.logs.some((l) => /pressRelease\.issuerNames: 1 entry over 200 characters ignored/.test(l)), c.logs.join("\n"));
    assert.ok(c.logs.some((l) => /pressRelease\.pufferyWords: only the first 1000 of 5000 entries are used/.test(l)), c.logs.join("\n"));
  });

  it("enable auto: the press-release language is always analysed", async () => {
    c = await TestClient.start({ settings: { enable: "auto" } });
    const p = await c.open("file:///ws/notes.release.txt", NOTES, "press-release");
    assert.ok(p.diagnostics.length > 0, "forced by the language");
  });

  it("enable always analyses the note; never analyses nothing", async () => {
    c = await TestClient.start({ settings: { enable: "always" } });
    const p = await c.open("file:///ws/notes.txt", NOTES);
    assert.ok(p.diagnostics.length > 0);
    const cleared = c.waitDiagnostics("file:///ws/notes.txt", (d) => d.length === 0);
    await c.configure({ enable: "never" });
    await cleared;
  });

  it("severity per code: off drops a rule, error raises it", async () => {
    c = await TestClient.start({ settings: { severity: { boilerplate: "off", "unattributed-figure": "error" } } });
    const p = await c.open("file:///ws/seed.txt", SEED_TEXT);
    assert.ok(!p.diagnostics.some((d) => codeOf(d) === "boilerplate"));
    const figs = p.diagnostics.filter((d) => codeOf(d) === "unattributed-figure");
    assert.ok(figs.length > 0);
    for (const d of figs) assert.equal(d.severity, DiagnosticSeverity.Error);
    const claims = p.diagnostics.filter((d) => codeOf(d) === "unattributed-claim");
    for (const d of claims) assert.equal(d.severity, DiagnosticSeverity.Warning, "defaults stay");
  });

  it("invalid settings are cleaned up, not fatal", async () => {
    c = await TestClient.start({ settings: { enable: 42, severity: { boilerplate: "loud", nope: "off" }, placeholder: "", debounceMs: -5, maxDocumentSize: "big", pufferyWords: [1, "great"] } });
    const p = await c.open("file:///ws/seed.txt", SEED_TEXT);
    assert.ok(p.diagnostics.some((d) => codeOf(d) === "boilerplate"));
  });

  it("settings pulled after didChangeConfiguration (null payload) apply to open documents", async () => {
    c = await TestClient.start();
    const p = await c.open("file:///ws/seed.txt", SEED_TEXT);
    assert.ok(p.diagnostics.some((d) => codeOf(d) === "vague-attribution"));
    c.settings = { severity: { "vague-attribution": "off" } };
    const next = c.waitDiagnostics("file:///ws/seed.txt", (d) => !d.some((x) => codeOf(x) === "vague-attribution"));
    await c.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    await next;
  });

  it("ignoredFindings hides exactly the ignored finding", async () => {
    c = await TestClient.start();
    const p = await c.open("file:///ws/seed.txt", SEED_TEXT);
    const vague = p.diagnostics.filter((d) => codeOf(d) === "vague-attribution");
    assert.ok(vague.length >= 2);
    const lines = SEED_TEXT.split("\n");
    const d0 = vague[0];
    const text = lines[d0.range.start.line].slice(d0.range.start.character, d0.range.end.character);
    const next = c.waitDiagnostics("file:///ws/seed.txt", (d) => d.filter((x) => codeOf(x) === "vague-attribution").length === vague.length - 1);
    await c.configure({ ignoredFindings: [`vague-attribution:${text}`] });
    const after = await next;
    assert.equal(after.diagnostics.length, p.diagnostics.length - 1);
  });

  it("maxDocumentSize: a larger document is not analysed and says why", async () => {
    c = await TestClient.start({ settings: { maxDocumentSize: 1000 } });
    const p = await c.open("file:///ws/seed.txt", SEED_TEXT);
    assert.equal(p.diagnostics.length, 1);
    assert.equal(p.diagnostics[0].code, "too-large");
    assert.match(String(p.diagnostics[0].message), /maxDocumentSize/);
  });

  it("maxProblems: past the limit, the first findings and one note saying how many are left out", async () => {
    c = await TestClient.start({ settings: { maxProblems: 1000 } });
    const all = (await c.open("file:///ws/seed.txt", SEED_TEXT)).diagnostics;
    assert.ok(all.length > 4 && !all.some((d) => codeOf(d) === "too-many"), "under the limit: every finding, no note");
    const capped = c.waitDiagnostics("file:///ws/seed.txt", (d) => d.length === 4);
    await c.configure({ maxProblems: 3 });
    const d = (await capped).diagnostics;
    assert.deepEqual(d.slice(0, 3), all.slice(0, 3), "the first three findings, as before");
    assert.equal(codeOf(d[3]), "too-many");
    assert.equal(d[3].severity, DiagnosticSeverity.Information);
    assert.equal(d[3].range.start.line, 0);
    assert.match(String(d[3].message), new RegExp(`first 3 of ${all.length} findings.*pressRelease\\.maxProblems.*Raise`));
    // A nonsense value falls back to the default.
    const back = c.waitDiagnostics("file:///ws/seed.txt", (x) => x.length === all.length);
    await c.configure({ maxProblems: -2 });
    assert.equal((await back).diagnostics.length, all.length);
  });
});
