// "Analyse Workspace": every .txt file under the workspace folders that is not excluded
// (files.exclude and pressRelease.exclude) is read from disk and, when it is a release,
// gets its diagnostics published. Files open in the editor are left to the editor's buffer.
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic } from "vscode-languageserver";
import { readText, UnreadableFile, walk, type Skipped } from "../files";
import type { AnalyzeWorkspaceResult } from "../protocol";
import { languageIdOf, type CachedAnalysis } from "./analysisCache";
import { AnalysisCancelled } from "../analysis/types";
import { toDiagnostics } from "./convert";
import type { Settings } from "./settings";

export interface WorkspaceScan {
  /** Workspace folders as file system paths. */
  folders: string[];
  settings: Settings;
  /** Patterns from `files.exclude` that are on. */
  filesExclude: string[];
  /** True when the document (by file system path) is open in the editor. */
  isOpen(fsPath: string): boolean;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  progress(done: number, total: number, file: string): void;
  isCancelled(): boolean;
  analyse: AnalyseOnce;
  /** Told of each file or folder skipped, and why (for the server's log). */
  skipped(path: string, reason: string): void;
}

/** The file system path of a file: URI, or undefined for other schemes. */
export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** Analyses a document that is not open (see AnalysisCache.once): large ones off the server's thread. */
export type AnalyseOnce = (doc: TextDocument, settings: Settings, isCancelled?: () => boolean) => Promise<CachedAnalysis>;

/** Diagnostics of a file on disk (and how many findings it has), or undefined when it is not analysed as a release. */
export async function diagnosticsOfFile(file: string, settings: Settings, analyse: AnalyseOnce, isCancelled?: () => boolean): Promise<{ uri: string; diagnostics: Diagnostic[]; findings: number } | undefined> {
  const text = await readText(file, settings.maxDocumentSize);
  const uri = pathToFileURL(file).href;
  const doc = TextDocument.create(uri, languageIdOf(file), 0, text);
  const a = await analyse(doc, settings, isCancelled);
  if (!a.result) return undefined;
  return { uri, diagnostics: toDiagnostics(doc, a.result.findings, settings.maxProblems), findings: a.result.findings.length };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function analyzeWorkspace(scan: WorkspaceScan): Promise<AnalyzeWorkspaceResult> {
  const result: AnalyzeWorkspaceResult = { files: 0, releases: 0, findings: 0, skipped: 0, cancelled: false };
  const exclude = [...scan.filesExclude, ...scan.settings.exclude];
  const files: string[] = [];
  let namedBadly = 0;
  // A folder it may not list, or a name that is not UTF-8: skipped, as unreadable files are
  // (such a file is one of the files looked at, too).
  const onSkip = (s: Skipped) => {
    result.skipped++;
    if (!s.folder) namedBadly++;
    scan.skipped(s.path, s.reason);
  };
  for (const folder of scan.folders) {
    for await (const f of walk(folder, { exclude, isCancelled: scan.isCancelled, onSkip })) files.push(f);
  }
  result.files = files.length + namedBadly;
  for (let i = 0; i < files.length; i++) {
    if (scan.isCancelled()) {
      result.cancelled = true;
      break;
    }
    const file = files[i];
    scan.progress(i, files.length, file);
    if (scan.isOpen(path.normalize(file))) continue;
    try {
      const d = await diagnosticsOfFile(file, scan.settings, scan.analyse, scan.isCancelled);
      if (d) {
        result.releases++;
        result.findings += d.findings;
        scan.publish(d.uri, d.diagnostics);
      }
    } catch (e) {
      if (e instanceof AnalysisCancelled) {
        result.cancelled = true;
        break;
      }
      if (!(e instanceof UnreadableFile)) throw e;
      result.skipped++;
      scan.skipped(file, e.message);
    }
    await tick(); // let edits, hovers and cancellation through between files
  }
  if (!result.cancelled) scan.progress(files.length, files.length, "");
  return result;
}
