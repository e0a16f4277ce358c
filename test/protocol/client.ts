// A test client for the BUILT server (`node server/out/server.js --stdio`), speaking LSP over
// stdio with vscode-languageserver-protocol's node connection. No mocks: it answers the
// server's requests (workspace/configuration, window/workDoneProgress/create) as an editor
// would, from settings the test controls.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { frame } from "../helpers/lspFraming.cjs";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver/node";

export const ROOT = path.resolve(__dirname, "../..");
export const SERVER = path.join(ROOT, "server/out/server.js");
export const FIXTURES = path.join(ROOT, "test/fixtures/releases");

/** The capabilities of a full editor client (VS Code-like). */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: true },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true, versionSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    hover: { contentFormat: ["markdown", "plaintext"] },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ["", "quickfix", "refactor", "source"] } },
      isPreferredSupport: true,
      dataSupport: true,
    },
    foldingRange: { lineFoldingOnly: true },
    documentLink: { tooltipSupport: true },
  },
};

export interface ProgressParams {
  token: string | number;
  value: { kind: "begin" | "report" | "end"; title?: string; message?: string; percentage?: number; cancellable?: boolean };
}

export interface StartOptions {
  capabilities?: ClientCapabilities;
  /** The `pressRelease` settings the client answers workspace/configuration with. */
  settings?: Record<string, unknown>;
  /** Other sections (e.g. "files.exclude"). */
  sections?: Record<string, unknown>;
  workspaceFolders?: string[];
}

type Waiter = { uri: string; pred: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class TestClient {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly published: PublishDiagnosticsParams[] = [];
  readonly progress: ProgressParams[] = [];
  /** The server's window/logMessage texts. */
  readonly logs: string[] = [];
  readonly serverRequests: string[] = [];
  settings: Record<string, unknown>;
  /** What workspace/workspaceFolders answers (tests may change it). */
  workspaceFolders: string[] | undefined;
  sections: Record<string, unknown>;
  init!: InitializeResult;
  stderr = "";
  exit: Promise<number | null>;
  private waiters: Waiter[] = [];
  private configured: () => void = () => undefined;
  /** Resolves once the server has pulled its settings (as it does after `initialized`). */
  readonly settingsPulled = new Promise<void>((resolve) => (this.configured = resolve));
  private versions = new Map<string, number>();

  constructor(options: StartOptions = {}) {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run "npm run build" first`);
    this.settings = options.settings ?? {};
    this.sections = options.sections ?? {};
    this.workspaceFolders = options.workspaceFolders;
    this.child = spawn(process.execPath, [SERVER, "--stdio"], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stderr.on("data", (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-8000)));
    this.exit = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.pred(p.diagnostics, p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onNotification("$/progress", (p: ProgressParams) => void this.progress.push(p));
    this.connection.onNotification("window/logMessage", (p: { message: string }) => void this.logs.push(p.message));
    this.connection.onRequest("workspace/configuration", (params: { items: { section?: string }[] }) => {
      this.serverRequests.push("workspace/configuration");
      setImmediate(() => this.configured());
      return params.items.map((i) => (i.section === "pressRelease" ? this.settings : i.section ? (this.sections[i.section] ?? null) : null));
    });
    this.connection.onRequest("window/workDoneProgress/create", () => {
      this.serverRequests.push("window/workDoneProgress/create");
      return null;
    });
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onRequest("workspace/workspaceFolders", () => {
      this.serverRequests.push("workspace/workspaceFolders");
      return this.workspaceFolders?.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })) ?? null;
    });
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const c = new TestClient(options);
    c.init = await c.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: options.workspaceFolders?.[0] ? pathToFileURL(options.workspaceFolders[0]).href : null,
      workspaceFolders: options.workspaceFolders?.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })) ?? null,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
    });
    await c.connection.sendNotification("initialized", {});
    // Like an editor, open documents once the server has its settings (if it pulls them).
    if ((options.capabilities ?? FULL_CAPABILITIES).workspace?.configuration) await c.settingsPulled;
    return c;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Resolves with the next publishDiagnostics for uri that satisfies pred (or the current one, if it does). */
  waitDiagnostics(uri: string, pred: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true, timeout = 10000, includeCurrent = false): Promise<PublishDiagnosticsParams> {
    const current = this.diagnostics.get(uri);
    if (includeCurrent && current && pred(current.diagnostics, current)) return Promise.resolve(current);
    return new Promise((resolve, reject) => {
      const w: Waiter = { uri, pred, resolve: (p) => (clearTimeout(t), resolve(p)) };
      const t = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeout} ms; last: ${JSON.stringify(this.diagnostics.get(uri)?.diagnostics.length)}; stderr: ${this.stderr.slice(-500)}`));
      }, timeout);
      this.waiters.push(w);
    });
  }

  /** Opens a document and waits for its first diagnostics. */
  async open(uri: string, text: string, languageId = "plaintext"): Promise<PublishDiagnosticsParams> {
    this.versions.set(uri, 1);
    const wait = this.waitDiagnostics(uri);
    await this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } });
    return wait;
  }

  /** Sends a full-text change; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /**
   * Sends full-text changes in one write, so the server receives them together (as it does
   * when an editor outpaces it); returns the last version.
   */
  changeBurst(uri: string, texts: string[]): number {
    const frames = texts.map((text) => {
      const version = (this.versions.get(uri) ?? 1) + 1;
      this.versions.set(uri, version);
      return frame({ method: "textDocument/didChange", params: { textDocument: { uri, version }, contentChanges: [{ text }] } });
    });
    this.child.stdin.write(Buffer.concat(frames));
    return this.versions.get(uri) ?? 1;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  }

  /** Changes the settings as VS Code does: didChangeConfiguration, then the server pulls. */
  async configure(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification("workspace/didChangeConfiguration", { settings: { pressRelease: settings } });
  }

  /** shutdown + exit; resolves with the process exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    try {
      await this.connection.sendRequest("shutdown");
      await this.connection.sendNotification("exit");
    } catch {
      this.child.kill();
    }
    const timer = setTimeout(() => this.child.kill(), 3000);
    const code = await this.exit;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }
}

export const fileUri = (p: string) => pathToFileURL(p).href;
