// A minimal Language Server Protocol client over stdio, for driving the built server from
// tests and the scorer. Self-contained (Node built-ins only); it mirrors what
// ../shared/eval/lsp-client.mjs does so that both measure the same thing.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { frame, MessageReader } from "./lspFraming.cjs";

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number | { value: string | number };
  source?: string;
  message: string;
  data?: unknown;
}
export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}
export interface Hover {
  contents: string | { kind?: string; value: string } | (string | { value: string })[];
  range?: Range;
}

interface Pending { res: (v: unknown) => void; rej: (e: Error) => void }

export class LspClient {
  readonly child: ChildProcessWithoutNullStreams;
  stderrTail = "";
  exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  pull = false;
  capabilities: Record<string, unknown> = {};
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly diagWaiters = new Map<string, (d: Diagnostic[]) => void>();
  private readonly reader = new MessageReader();

  /** `command` is split on whitespace: "node server/out/server.js --stdio". */
  constructor(command: string, cwd = process.cwd()) {
    const [cmd, ...args] = command.split(/\s+/).filter(Boolean);
    this.child = spawn(cmd, args, { cwd, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stderr.on("data", (d: Buffer) => { this.stderrTail = (this.stderrTail + d.toString()).slice(-4000); });
    this.child.on("exit", (code, signal) => {
      this.exited = { code, signal };
      for (const p of this.pending.values()) p.rej(new Error(`server exited (${code ?? signal})`));
      this.pending.clear();
    });
    this.child.stdin.on("error", () => { /* reported through `exited` */ });
    this.child.stdout.on("data", (chunk: Buffer) => this.read(chunk));
  }

  private send(msg: Record<string, unknown>): void {
    if (this.exited) return;
    this.child.stdin.write(frame(msg));
  }

  private read(chunk: Buffer): void {
    for (const msg of this.reader.push(chunk)) this.dispatch(msg);
  }

  private dispatch(msg: Record<string, any>): void {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id as number);
      this.pending.delete(msg.id as number);
      if (p) msg.error ? p.rej(new Error(String(msg.error.message))) : p.res(msg.result);
    } else if (msg.id !== undefined) {
      // A request from the server: answer with defaults.
      const result = msg.method === "workspace/configuration" ? ((msg.params?.items ?? []) as unknown[]).map(() => null) : null;
      this.send({ id: msg.id, result });
    } else if (msg.method === "textDocument/publishDiagnostics") {
      const w = this.diagWaiters.get(msg.params.uri as string);
      if (w) {
        this.diagWaiters.delete(msg.params.uri as string);
        w(msg.params.diagnostics as Diagnostic[]);
      }
    }
  }

  request<T = unknown>(method: string, params: unknown, ms = 15000): Promise<T> {
    return new Promise<T>((res, rej) => {
      if (this.exited) return rej(new Error(`server exited (${this.exited.code ?? this.exited.signal})`));
      const id = this.nextId++;
      const t = setTimeout(() => { this.pending.delete(id); rej(new Error(`${method} timed out after ${ms} ms`)); }, ms);
      this.pending.set(id, {
        res: (v) => { clearTimeout(t); res(v as T); },
        rej: (e) => { clearTimeout(t); rej(e); },
      });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  async initialize(rootDir = "."): Promise<Record<string, unknown>> {
    const init = await this.request<{ capabilities: Record<string, unknown> }>("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(resolve(rootDir)).href,
      workspaceFolders: null,
      capabilities: {
        textDocument: {
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          hover: { contentFormat: ["markdown", "plaintext"] },
          diagnostic: { dynamicRegistration: false },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "refactor", "source"] } } },
        },
        workspace: { configuration: true },
      },
    }, 30000);
    this.notify("initialized", {});
    this.capabilities = init.capabilities;
    this.pull = !!init.capabilities.diagnosticProvider;
    return init.capabilities;
  }

  /** Opens a plaintext document and resolves with its diagnostics, pushed or pulled. */
  open(uri: string, text: string, version = 1, ms = 15000, languageId = "plaintext"): Promise<Diagnostic[]> {
    let pushed: Promise<Diagnostic[]> | null = null;
    if (!this.pull) {
      pushed = new Promise<Diagnostic[]>((res, rej) => {
        const t = setTimeout(() => { this.diagWaiters.delete(uri); rej(new Error(`no diagnostics within ${ms} ms`)); }, ms);
        this.diagWaiters.set(uri, (d) => { clearTimeout(t); res(d); });
      });
    }
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId, version, text } });
    return this.pull
      ? this.request<{ items?: Diagnostic[] } | null>("textDocument/diagnostic", { textDocument: { uri } }, ms).then((r) => r?.items ?? [])
      : (pushed as Promise<Diagnostic[]>);
  }

  close(uri: string): void {
    this.notify("textDocument/didClose", { textDocument: { uri } });
  }

  async shutdown(): Promise<void> {
    try {
      await this.request("shutdown", null, 3000);
      this.notify("exit", null);
    } catch { /* already gone */ }
    await new Promise<void>((res) => {
      if (this.exited) return res();
      const t = setTimeout(() => { if (!this.exited) this.child.kill(); res(); }, 1000);
      this.child.once("exit", () => { clearTimeout(t); res(); });
    });
  }
}

export function hoverText(h: Hover | null | undefined): string {
  const v = h?.contents;
  if (!v) return "";
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === "string" ? x : x.value ?? "")).join("\n");
  return v.value ?? "";
}
