// The editor features beyond diagnostics, hover and symbols: code actions, folding, links,
// the scorecard, the report, the boilerplate-free copy and "Analyse Workspace". Each handler
// asks the analysis cache and hands the result to a pure function.
import type { ClientCapabilities, Connection, InitializeParams, ServerCapabilities, TextDocuments } from "vscode-languageserver";
import { CodeActionKind, ErrorCodes, LSPErrorCodes, ResponseError } from "vscode-languageserver";
import { AnalysisCancelled, type AnalysisResult } from "../analysis/types";
import type { TextDocument } from "vscode-languageserver-textdocument";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { renderReport, scorecard, textWithoutBoilerplate } from "../report";
import { enabledPatterns } from "../files";
import {
  AnalyzeWorkspaceRequest,
  COPY_WITHOUT_BOILERPLATE_KIND,
  ReportRequest,
  ScorecardRequest,
  TextWithoutBoilerplateRequest,
  type AnalyzeWorkspaceResult,
  type ReportResult,
  type Scorecard,
  type TextResult,
} from "../protocol";
import type { AnalysisCache, CachedAnalysis } from "./analysisCache";
import { codeActions } from "./codeActions";
import { SOURCE } from "./convert";
import { foldingRanges } from "./folding";
import { documentLinks } from "./links";
import { checkCodeActionContext, documentAt, documentOf, isObject, rangeOf, uriOf } from "./params";
import { usablePatterns, type Settings } from "./settings";
import { analyzeWorkspace, diagnosticsOfFile, fsPathOf } from "./workspace";

export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  cache: AnalysisCache;
  settings(): Settings;
  /** The analysis of an open document (undefined when cancelled or failed). */
  analysisOf(doc: TextDocument): Promise<CachedAnalysis | undefined>;
}

/** What the client can do, read once at initialize. */
export interface ClientSupport {
  codeActionLiterals: boolean;
  documentChanges: boolean;
  configuration: boolean;
  workDoneProgress: boolean;
  workspaceFolders: boolean;
  foldingRangeLimit?: number;
}

export function clientSupport(caps: ClientCapabilities): ClientSupport {
  return {
    codeActionLiterals: !!caps.textDocument?.codeAction?.codeActionLiteralSupport,
    documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
    configuration: !!caps.workspace?.configuration,
    workDoneProgress: !!caps.window?.workDoneProgress,
    workspaceFolders: !!caps.workspace?.workspaceFolders,
    foldingRangeLimit: caps.textDocument?.foldingRange?.rangeLimit,
  };
}

/** The capabilities of the features registered here. */
export function featureCapabilities(support: ClientSupport): ServerCapabilities {
  return {
    ...(support.codeActionLiterals ? { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, COPY_WITHOUT_BOILERPLATE_KIND], resolveProvider: false } } : {}),
    foldingRangeProvider: true,
    documentLinkProvider: { resolveProvider: false },
  };
}

/** Workspace folders of the initialize request, as file system paths. */
export function workspaceFoldersOf(params: InitializeParams): string[] {
  // Read as the client may send them: folders that are not objects, or URIs that are not strings, name nothing.
  const named = (v: unknown) => (typeof v === "string" ? [v] : []);
  const uris = Array.isArray(params.workspaceFolders) ? params.workspaceFolders.flatMap((f: unknown) => named(isObject(f) ? f.uri : undefined)) : named(params.rootUri);
  const paths = uris.map(fsPathOf).filter((p): p is string => !!p);
  if (!paths.length && typeof params.rootPath === "string") paths.push(path.normalize(params.rootPath));
  return paths;
}

export function registerFeatures(ctx: FeatureContext, support: () => ClientSupport, folders: () => string[]): { republishClosed(uri: string): boolean; refreshWorkspace(): void } {
  const { connection, documents, cache } = ctx;
  const analyseOnce = (doc: TextDocument, settings: Settings, isCancelled?: () => boolean) => cache.once(doc, settings, isCancelled);
  /** What the editor shows for an open document (none for a document that is not open). */
  const shown = async (doc: TextDocument | undefined) => {
    const a = doc && (await ctx.analysisOf(doc));
    return doc ? { doc, result: a?.result, folding: a?.folding, scorecard: a?.scorecard } : undefined;
  };
  const forced = async (uri: string) => {
    // An edit during the analysis cancels it: analyse the newer version (a few tries while the user types).
    for (let attempt = 1; ; attempt++) {
      // Looked up on each try: a document closed meanwhile is not analysed again (unknown document).
      const doc = documentAt(documents, uri);
      let result: AnalysisResult | undefined;
      try {
        result = await cache.forced(doc, ctx.settings());
      } catch (e) {
        if (!(e instanceof AnalysisCancelled)) throw e;
        if (attempt === 3) throw new ResponseError(LSPErrorCodes.ContentModified, `${uri} kept changing while it was analysed`);
        continue;
      }
      if (!result) throw new ResponseError(ErrorCodes.InvalidRequest, `not analysed: ${uri} is over pressRelease.maxDocumentSize`);
      return { doc, result };
    }
  };

  connection.onCodeAction((params) => {
    const doc = documentOf(documents, params);
    rangeOf(doc, params);
    checkCodeActionContext(params, SOURCE);
    if (!support().codeActionLiterals) return [];
    return codeActions(doc, params, { placeholder: ctx.settings().placeholder, documentChanges: support().documentChanges });
  });

  connection.onFoldingRanges(async (params) => {
    const s = await shown(documentOf(documents, params));
    if (!s?.result) return [];
    // From the worker for a large document; worked out here otherwise.
    return s.folding ? s.folding.slice(0, support().foldingRangeLimit ?? Number.MAX_SAFE_INTEGER) : foldingRanges(s.result, support().foldingRangeLimit);
  });

  connection.onDocumentLinks(async (params) => {
    const s = await shown(documentOf(documents, params));
    return s?.result ? documentLinks(s.doc) : [];
  });

  connection.onRequest(ScorecardRequest, async (params: unknown): Promise<Scorecard | null> => {
    const s = await shown(documents.get(uriOf(params)));
    return s?.result ? (s.scorecard ?? scorecard(s.result)) : null;
  });

  connection.onRequest(ReportRequest, async (params: unknown): Promise<ReportResult> => {
    const { doc, result } = await forced(uriOf(params));
    return { markdown: renderReport(result, { title: titleOf(doc.uri) }) };
  });

  connection.onRequest(TextWithoutBoilerplateRequest, async (params: unknown): Promise<TextResult> => ({ text: textWithoutBoilerplate((await forced(uriOf(params))).result) }));

  // Files whose diagnostics came from disk, to restore them when their editor closes.
  const fromDisk = new Set<string>();
  const isOpen = (fsPath: string) => documents.all().some((d) => fsPathOf(d.uri) === fsPath);

  /** The workspace folders now (they may have changed since initialize). */
  async function currentFolders(): Promise<string[]> {
    if (!support().workspaceFolders) return folders();
    try {
      const now = await connection.workspace.getWorkspaceFolders();
      return now ? now.map((f) => fsPathOf(f.uri)).filter((p): p is string => !!p) : folders();
    } catch {
      return folders();
    }
  }

  async function filesExclude(): Promise<string[]> {
    if (!support().configuration) return [];
    try {
      const problems: string[] = [];
      const usable = usablePatterns("files.exclude", enabledPatterns(await connection.workspace.getConfiguration("files.exclude")), problems);
      for (const p of problems) connection.console.warn(p);
      return usable;
    } catch {
      return [];
    }
  }

  connection.onRequest(AnalyzeWorkspaceRequest, async (_params: unknown, token): Promise<AnalyzeWorkspaceResult> => {
    const progress = support().workDoneProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin("Analysing press releases", 0, "Looking for .txt files…", true);
    let lastPercent = -1;
    try {
      return await analyzeWorkspace({
        folders: await currentFolders(),
        settings: ctx.settings(),
        filesExclude: await filesExclude(),
        isOpen,
        publish: (uri, diagnostics) => {
          const p = fsPathOf(uri);
          if (p) fromDisk.add(p);
          void connection.sendDiagnostics({ uri, diagnostics });
        },
        progress: (done, total, file) => {
          const percent = total ? Math.floor((done / total) * 100) : 100;
          if (percent === lastPercent && done < total) return;
          lastPercent = percent;
          progress?.report(percent, file ? `${done + 1}/${total} ${path.basename(file)}` : `${total} files`);
        },
        isCancelled: () => token.isCancellationRequested || !!progress?.token.isCancellationRequested,
        analyse: analyseOnce,
        skipped: (file, reason) => connection.console.log(`Analyse Workspace skipped ${file}: ${reason}`),
      });
    } finally {
      progress?.done();
    }
  });

  return {
    /** When a document closes: restores its on-disk diagnostics if the workspace was analysed. */
    republishClosed(uri: string): boolean {
      const p = fsPathOf(uri);
      if (!p || !fromDisk.has(p)) return false;
      diagnosticsOfFile(p, ctx.settings(), analyseOnce).then(
        (d) => void connection.sendDiagnostics({ uri, diagnostics: d?.diagnostics ?? [] }),
        () => void connection.sendDiagnostics({ uri, diagnostics: [] }),
      );
      return true;
    },
    /** After a settings change: re-analyses the files analysed from disk that are not open. */
    refreshWorkspace(): void {
      for (const p of fromDisk) {
        if (isOpen(p)) continue;
        const uri = pathToFileURL(p).href;
        diagnosticsOfFile(p, ctx.settings(), analyseOnce).then(
          (d) => void connection.sendDiagnostics({ uri, diagnostics: d?.diagnostics ?? [] }),
          () => void connection.sendDiagnostics({ uri, diagnostics: [] }),
        );
      }
    },
  };
}

function titleOf(uri: string): string {
  try {
    return uri.startsWith("file:") ? path.basename(fileURLToPath(uri)) : decodeURIComponent(uri.replace(/^.*[/:]/, "")) || uri;
  } catch {
    return uri;
  }
}
