// The engine never reads the network, never follows links and never runs anything a document
// contains (issue 6). Network, process and code-evaluation entry points are replaced by traps
// that throw and record; the built engine is then loaded fresh and analyses documents full of
// URLs, shell substitutions, scripts and template injections. No trap may fire.
import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";
import { HOSTILE } from "../helpers/safetyTrap";

const ROOT = path.resolve(__dirname, "../..");
const ENGINE = path.join(ROOT, "server/out/engine.js");

type Restore = () => void;

/** Replaces the network, process and eval entry points with traps; returns the calls and an undo. */
function installTraps(): { calls: string[]; restore: Restore } {
  const calls: string[] = [];
  const undo: Restore[] = [];
  const req = createRequire(__filename);
  const trap = (name: string) =>
    function trapped(): never {
      calls.push(name);
      throw new Error(`blocked by the safety test: ${name}`);
    };
  const patch = (target: Record<string, unknown>, key: string, name: string) => {
    const had = Object.prototype.hasOwnProperty.call(target, key);
    const old = target[key];
    try {
      Object.defineProperty(target, key, { value: trap(name), configurable: true, writable: true });
      undo.push(() => (had ? Object.defineProperty(target, key, { value: old, configurable: true, writable: true }) : delete target[key]));
    } catch {
      /* a non-configurable binding: left alone */
    }
  };
  const modules: [string, string[]][] = [
    ["net", ["connect", "createConnection", "createServer"]],
    ["tls", ["connect", "createServer"]],
    ["http", ["request", "get", "createServer"]],
    ["https", ["request", "get", "createServer"]],
    ["http2", ["connect", "createServer"]],
    ["dns", ["lookup", "resolve", "resolve4", "resolve6", "resolveAny"]],
    ["dgram", ["createSocket"]],
    ["child_process", ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"]],
    ["vm", ["runInThisContext", "runInNewContext", "runInContext", "compileFunction"]],
    ["worker_threads", ["Worker"]],
  ];
  for (const [name, keys] of modules) {
    const mod = req(name) as Record<string, unknown>;
    for (const k of keys) patch(mod, k, `${name}.${k}`);
  }
  const g = globalThis as unknown as Record<string, unknown>;
  // Function too: `Function("…")()` runs a string as `new Function` does. The engine never names it.
  for (const k of ["fetch", "WebSocket", "XMLHttpRequest", "eval", "Function"]) patch(g, k, `globalThis.${k}`);
  return { calls, restore: () => undo.reverse().forEach((u) => u()) };
}

describe("robustness: safety (no network, no links followed, nothing executed)", function () {
  this.timeout(60000);

  it("the engine bundle imports nothing from Node: no network, file or process module", () => {
    assert.ok(existsSync(ENGINE), "run npm run build first");
    const src = readFileSync(ENGINE, "utf8");
    const requires = [...src.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    assert.deepEqual(requires, [], `engine.js requires ${requires.join(", ")}`);
    assert.doesNotMatch(src, /\bimport\s*\(/, "no dynamic import");
    assert.doesNotMatch(src, /\bFunction\s*\(|\beval\s*\(/, "no eval or Function constructor, with new or without");
  });

  it("analysing hostile documents with every network, process and eval entry point trapped fires no trap", () => {
    const { calls, restore } = installTraps();
    try {
      const req = createRequire(__filename);
      // The traps are armed: a call through them is recorded (and refused).
      assert.throws(() => (req("child_process") as { execSync: (c: string) => void }).execSync("true"), /blocked/);
      assert.throws(() => (req("http") as { get: (u: string) => void }).get("http://example.invalid"), /blocked/);
      assert.throws(() => (globalThis as unknown as { Function: (code: string) => unknown }).Function("return 1"), /blocked/);
      assert.deepEqual(calls.splice(0), ["child_process.execSync", "http.get", "globalThis.Function"]);
      delete req.cache[ENGINE];
      const engine = req(ENGINE) as typeof import("../../server/src/analysis/index");
      for (const text of [HOSTILE, HOSTILE.replace(/\n/g, "\r\n"), HOSTILE.repeat(20)]) {
        const r = engine.analyze(text, { reportingVerbs: ["$(rm -rf /)", "<script>"], pufferyWords: ["`id`", "${x}"], issuerNames: ["require('fs')"] });
        assert.ok(r.findings.length > 0, "the hostile release is still analysed");
        for (const f of r.findings) engine.hoverAt(r, f.start);
      }
    } finally {
      restore();
    }
    assert.deepEqual(calls, [], `trapped calls: ${calls.join(", ")}`);
    assert.equal(({} as Record<string, unknown>).polluted, undefined, "Object.prototype untouched");
  });
});
