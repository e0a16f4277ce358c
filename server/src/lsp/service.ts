// The LSP layer: thin handlers that ask the analysis cache and convert its results.
import type { Connection, Diagnostic, Hover, DocumentSymbol, InitializeParams, InitializeResult } from "vscode-languageserver";
import { DiagnosticSeverity, TextDocuments, TextDocumentSyncKind } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { DOCUMENTS } from "./documentUpdate";
import { hoverAt } from "../analysis/hover";
import { AnalysisCancelled } from "../analysis/types";
import { AnalysisCache, type CachedAnalysis } from "./analysisCache";
import { firstLineRange, SOURCE, toDiagnostics, toRange, toSymbols } from "./convert";
import { DEFAULT_SETTINGS, settingsFrom, type Settings } from "./settings";
import { documentOf, positionOf } from "./params";
import type { MessageTraffic } from "./messageTraffic";
import { clientSupport, featureCapabilities, registerFeatures, workspaceFoldersOf, type ClientSupport } from "./features";

/** A size for people: "4.9 KB", "21.3 MB" (characters counted as bytes), "900 characters". */
const sizeOf = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} characters`);

/** See `due` in startService. */
const QUIET_CAP_MS = 250;

export function startService(connection: Connection, traffic: MessageTraffic): void {
  const documents = new TextDocuments<TextDocument>(DOCUMENTS);
  const cache = new AnalysisCache();
  /** Per document, the cancel of its scheduled analysis. */
  const timers = new Map<string, () => void>();
  let settings: Settings = DEFAULT_SETTINGS;
  let pullConfiguration = false;
  let support: ClientSupport = clientSupport({});
  let folders: string[] = [];

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    pullConfiguration = !!params.capabilities.workspace?.configuration;
    support = clientSupport(params.capabilities);
    folders = workspaceFoldersOf(params);
    settings = readSettings({ ...((params.initializationOptions as Record<string, unknown> | undefined)?.settings as object | undefined) });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        documentSymbolProvider: { label: "Press release" },
        ...featureCapabilities(support),
      },
      serverInfo: { name: "press-release-annotator" },
    };
  });

  connection.onInitialized(async () => {
    if (!pullConfiguration) return;
    await refreshSettings();
    // Documents opened while the settings were on their way were analysed with the defaults.
    cache.clear();
    for (const doc of documents.all()) schedule(doc, 0);
  });

  /** The settings from the client's value; what had to be dropped is said in the server's log. */
  function readSettings(value: unknown): Settings {
    const problems: string[] = [];
    const read = settingsFrom(value, problems);
    for (const p of problems) connection.console.warn(p);
    return read;
  }

  async function refreshSettings(): Promise<void> {
    if (!pullConfiguration) return;
    try {
      const value: unknown = await connection.workspace.getConfiguration("pressRelease");
      settings = readSettings(value);
    } catch {
      /* keep the settings we have */
    }
  }

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as Record<string, unknown> | null)?.pressRelease;
    if (pushed) settings = readSettings(pushed);
    else await refreshSettings();
    cache.clear();
    for (const doc of documents.all()) schedule(doc, 0);
    features.refreshWorkspace();
  });

  async function analysisOf(doc: TextDocument): Promise<CachedAnalysis | undefined> {
    const version = doc.version;
    try {
      return await cache.get(doc, settings, () => documents.get(doc.uri)?.version !== version);
    } catch (e) {
      if (e instanceof AnalysisCancelled) {
        connection.console.log(`analysis of ${doc.uri} (version ${version}) cancelled: replaced by a newer version, a settings change or a close`);
        return undefined;
      }
      connection.console.error(`analysis failed for ${doc.uri}: ${e instanceof Error ? e.stack : String(e)}`);
      return undefined;
    }
  }

  async function publish(doc: TextDocument): Promise<void> {
    let current = documents.get(doc.uri);
    if (!current || current.version !== doc.version) return; // a newer version will publish
    const a = await analysisOf(current);
    current = documents.get(doc.uri);
    if (!a || !current || current.version !== a.version || !cache.isCurrent(current.uri, a)) return; // replaced while it was analysed
    let diagnostics: Diagnostic[] = [];
    if (a.result) diagnostics = toDiagnostics(current, a.result.findings, settings.maxProblems);
    else if (a.skipped === "too-large")
      diagnostics = [{
        range: firstLineRange(current),
        severity: DiagnosticSeverity.Information,
        source: SOURCE,
        code: "too-large",
        message: `Not analysed: the document is ${sizeOf(current.getText().length)}, over pressRelease.maxDocumentSize (${sizeOf(settings.maxDocumentSize)}). Raise that setting to analyse it.`,
      }];
    void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
  }

  /**
   * Documents due for analysis without a debounce, in order, one at a time, with the requests
   * that came in meanwhile answered in between. Many due at once (documents opened together, a
   * settings change) were analysed back to back, each holding the server's thread up to its
   * budget (see analysisCache.ts): five hostile releases opened together held it 2.5 s. After
   * each analysis the next waits until the connection has no message left to hand over (see
   * MessageTraffic.whenQuiet), at most QUIET_CAP_MS, so a flood of requests cannot hold the
   * analyses back for ever. Documents that become due meanwhile (opened together, they arrive
   * one per turn) join the queue.
   */
  const due = new Map<string, () => void>();
  let analysingDue = false;
  function analyseDue(): void {
    const next = due.entries().next();
    analysingDue = !next.done;
    if (next.done) return;
    const [uri, run] = next.value;
    due.delete(uri);
    run();
    traffic.whenQuiet(analyseDue, QUIET_CAP_MS);
  }

  function schedule(doc: TextDocument, delay = settings.debounceMs): void {
    timers.get(doc.uri)?.();
    const run = () => {
      timers.delete(doc.uri);
      void publish(doc);
    };
    if (delay > 0) {
      const timer = setTimeout(run, delay);
      timers.set(doc.uri, () => clearTimeout(timer));
      return;
    }
    // Without a debounce: two event-loop turns, not a zero timeout (which waits a millisecond).
    // The JSON-RPC layer hands over one received message per turn, so by the second turn a
    // newer version already received has replaced this one, and a burst is analysed once.
    let cancelled = false;
    const inner: { id?: NodeJS.Immediate } = {};
    const outer = setImmediate(() => {
      if (!cancelled) inner.id = setImmediate(becomeDue);
    });
    const becomeDue = () => {
      due.set(doc.uri, run);
      timers.set(doc.uri, () => due.delete(doc.uri));
      if (!analysingDue) analyseDue();
    };
    timers.set(doc.uri, () => {
      cancelled = true;
      clearImmediate(outer);
      if (inner.id) clearImmediate(inner.id);
    });
  }

  // TextDocuments reports an open as a content change too: analyse opens at once and
  // debounce only real edits.
  const opened = new Set<string>();
  documents.onDidOpen((e) => {
    // A document opened again under its URI is a new one: nothing learned of the earlier text holds.
    cache.delete(e.document.uri);
    opened.add(e.document.uri);
    schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    cache.supersede(e.document); // an analysis of an older version still running stops
    if (opened.delete(e.document.uri)) return;
    schedule(e.document);
  });
  documents.onDidClose((e) => {
    timers.get(e.document.uri)?.();
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    if (!features.republishClosed(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover(async (params): Promise<Hover | null> => {
    const doc = documentOf(documents, params);
    const position = positionOf(doc, params);
    const a = await analysisOf(doc);
    if (!a?.result) return null;
    const offset = doc.offsetAt(position);
    const h = a.hover ? a.hover.hoverAt(offset) : hoverAt(a.result, offset);
    if (!h) return null;
    return { contents: { kind: "markdown", value: h.markdown }, range: toRange(doc, h) };
  });

  // Per analysis: the editor asks again after every edit and focus change.
  const symbols = new WeakMap<object, DocumentSymbol[]>();
  connection.onDocumentSymbol(async (params): Promise<DocumentSymbol[]> => {
    const doc = documentOf(documents, params);
    const a = await analysisOf(doc);
    if (!a?.result) return [];
    let made = symbols.get(a.result);
    if (!made) symbols.set(a.result, (made = toSymbols(doc, a.result.outline)));
    return made;
  });

  const features = registerFeatures({ connection, documents, cache, settings: () => settings, analysisOf }, () => support, () => folders);

  documents.listen(connection);
}
