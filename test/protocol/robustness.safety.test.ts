// The built server never reads the network, never follows links and never runs anything a
// document contains (issue 6). The server is started with a preload that traps every network,
// process and eval entry point, and file access to the paths the hostile document links to;
// it then serves a hostile release through every feature. No trap may fire.
import { strict as assert } from "node:assert";
import { readFileSync, existsSync } from "node:fs";
import type { Diagnostic, DocumentLink } from "vscode-languageserver-protocol";
import { TestClient } from "./client";
import { HOSTILE, MARK, TrapPreload } from "../helpers/safetyTrap";

describe("protocol robustness: safety (the server follows no link and runs nothing)", function () {
  this.timeout(60000);
  let traps: TrapPreload;
  let log: string;
  let c: TestClient;
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, PRA_TRAP_LOG: process.env.PRA_TRAP_LOG };

  before(async () => {
    traps = new TrapPreload();
    log = traps.log;
    // The test client starts the server with this process's environment.
    Object.assign(process.env, traps.env(saved));
    try {
      c = await TestClient.start({ settings: { debounceMs: 0, enable: "always" } });
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  after(async () => {
    await c?.stop();
    traps.remove();
  });

  const trapped = () => traps.trapped();

  it("the traps are armed in the server process", () => {
    assert.match(readFileSync(log, "utf8"), /^armed \d+/m);
  });

  it("serves a hostile release through every feature without touching the network, the linked files or a process", async () => {
    const uri = "file:///robustness/hostile.txt";
    const p = await c.open(uri, HOSTILE, "press-release");
    assert.ok(p.diagnostics.length > 0, "the hostile release is analysed");
    const at = (d: Diagnostic) => ({ textDocument: { uri }, position: d.range.start });
    for (const d of p.diagnostics) await c.request("textDocument/hover", at(d));
    await c.request("textDocument/documentSymbol", { textDocument: { uri } });
    // Links may be offered to the editor (it opens them on the user's click); the server never opens them.
    await c.request<DocumentLink[] | null>("textDocument/documentLink", { textDocument: { uri } }).catch(() => null);
    await c.request("textDocument/foldingRange", { textDocument: { uri } }).catch(() => null);
    const range = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
    await c.request("textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics: p.diagnostics } }).catch(() => null);
    const v = await c.change(uri, HOSTILE.replace(/\n/g, "\r\n") + "\n\nExperts say https://" + MARK + ".invalid is down.");
    await c.waitDiagnostics(uri, (_, x) => x.version === v);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(trapped(), [], "trapped calls in the server");
    assert.ok(!existsSync(`/tmp/${MARK}`), "nothing was created from the document's commands");
    assert.equal(c.child.exitCode, null, "the server is still running");
  });

  it("a hostile release large enough for the analysis worker is served the same way, the worker trapped too", async () => {
    const uri = "file:///robustness/hostile-large.txt";
    // Over WORKER_MIN_LENGTH (256 KB): analysed in the worker thread, which has its own modules.
    const large = Array.from({ length: Math.ceil(300_000 / HOSTILE.length) }, () => HOSTILE).join("\n\n");
    assert.ok(large.length > 256 * 1024);
    const p = await c.open(uri, large, "press-release");
    assert.ok(p.diagnostics.length > 0, "the large hostile release is analysed");
    for (const d of p.diagnostics.slice(0, 20)) await c.request("textDocument/hover", { textDocument: { uri }, position: d.range.start });
    await c.request("textDocument/documentSymbol", { textDocument: { uri } });
    await new Promise((r) => setTimeout(r, 200));
    assert.match(readFileSync(log, "utf8"), /^armed \d+ thread [1-9]\d*$/m, "the worker thread loaded the traps");
    assert.deepEqual(trapped(), [], "trapped calls in the server or its worker");
    assert.ok(!existsSync(`/tmp/${MARK}`), "nothing was created from the document's commands");
  });
});
