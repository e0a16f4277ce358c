// A minimal LSP client over stdio for the server benchmarks: Content-Length framing, requests,
// notifications, and waiting for publishDiagnostics of a given document version.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import framing from "../helpers/lspFraming.cjs";

const { frame, MessageReader } = framing;

export class Lsp {
  constructor(serverPath, { cwd } = {}) {
    this.child = spawn(process.execPath, [serverPath, "--stdio"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    this.pid = this.child.pid;
    this.reader = new MessageReader();
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];
    this.stderr = "";
    this.child.stderr.on("data", (d) => (this.stderr = (this.stderr + d).slice(-4000)));
    this.child.stdout.on("data", (chunk) => this.#read(chunk));
    this.child.stdin.on("error", () => {});
    this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
  }

  #send(msg) {
    this.child.stdin.write(frame(msg));
  }

  #read(chunk) {
    for (const msg of this.reader.push(chunk)) this.#dispatch(msg, performance.now());
  }

  #dispatch(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (p) p(msg);
    } else if (msg.id !== undefined) {
      // A request from the server: answer as an editor with no settings would.
      const result = msg.method === "workspace/configuration" ? (msg.params.items ?? []).map(() => null) : null;
      this.#send({ id: msg.id, result });
    } else if (msg.method === "textDocument/publishDiagnostics") {
      for (const w of [...this.waiters]) {
        if (w.uri === msg.params.uri && (w.version === undefined || msg.params.version === w.version)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve({ params: msg.params, at });
        }
      }
    }
  }

  request(method, params, timeout = 60000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${method} timed out`)), timeout);
      this.pending.set(id, (msg) => {
        clearTimeout(t);
        if (msg.error) reject(Object.assign(new Error(msg.error.message), { code: msg.error.code }));
        else resolve(msg.result);
      });
      this.#send({ id, method, params });
    });
  }

  notify(method, params) {
    this.#send({ method, params });
  }

  /** Resolves with {params, at} on the next publishDiagnostics for uri (and version, if given). */
  diagnostics(uri, version, timeout = 120000) {
    return new Promise((resolve, reject) => {
      const w = { uri, version, resolve: (v) => (clearTimeout(t), resolve(v)) };
      const t = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        reject(new Error(`no diagnostics for ${uri} v${version} within ${timeout} ms`));
      }, timeout);
      this.waiters.push(w);
    });
  }

  async initialize(settings) {
    return this.request("initialize", {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { settings },
    });
  }

  async stop() {
    try {
      await this.request("shutdown", null, 5000);
      this.notify("exit");
    } catch {
      this.child.kill();
    }
    const timer = setTimeout(() => this.child.kill(), 3000);
    await this.exited;
    clearTimeout(timer);
  }

  /** Resident set size and its peak, in bytes, from /proc (Linux). */
  memory() {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, "utf8");
      const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) * 1024;
      return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
    } catch {
      return { rss: NaN, hwm: NaN };
    }
  }
}
