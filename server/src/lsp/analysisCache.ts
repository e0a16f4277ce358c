// One analysis per document version, computed on demand and shared by diagnostics, hover,
// symbols and code actions. Stale versions are dropped, never analysed.
import type { TextDocument } from "vscode-languageserver-textdocument";
import { analyze } from "../analysis/index";
import { AnalysisMemo } from "../analysis/memo";
import type { AnalysisResult } from "../analysis/types";
import { releaseEvidence, type ReleaseEvidence } from "../analysis/detect";
import { analysisOptions, type Settings } from "./settings";

export interface CachedAnalysis {
  version: number;
  /** The analysis to show (diagnostics, hovers, symbols): set only for documents analysed as releases. */
  result?: AnalysisResult;
  /** The analysis even when the document does not look like a release (for explicit commands: report, copy). */
  analysed?: AnalysisResult;
  evidence?: ReleaseEvidence;
  /** Why the document was not analysed (too large, disabled, not a release). */
  skipped?: "too-large" | "disabled" | "not-a-release";
}

/** The language a file gets in the editor: `press-release` for *.release.txt and *.pr.txt. */
export function languageIdOf(fileName: string): string {
  return /\.(?:release|pr)\.txt$/i.test(fileName) ? "press-release" : "plaintext";
}

/** Analyses a document as the settings say: never, when it looks like a release, or always. */
export function analyseDocument(doc: TextDocument, settings: Settings, isCancelled?: () => boolean, memo?: AnalysisMemo): CachedAnalysis {
  const version = doc.version;
  if (settings.enable === "never") return { version, skipped: "disabled" };
  const text = doc.getText();
  if (text.length > settings.maxDocumentSize) return { version, skipped: "too-large" };
  const result = analyze(text, { ...analysisOptions(settings), isCancelled, memo });
  const evidence = releaseEvidence(result.model);
  const forced = settings.enable === "always" || doc.languageId === "press-release";
  if (!forced && !evidence.isRelease) return { version, evidence, analysed: result, skipped: "not-a-release" };
  return { version, result, analysed: result, evidence };
}

export class AnalysisCache {
  private readonly entries = new Map<string, CachedAnalysis>();
  /** Per document: per-line and per-sentence results, so an edit re-analyses only what it changed. */
  private readonly memos = new Map<string, AnalysisMemo>();

  get(doc: TextDocument, settings: Settings, isCancelled?: () => boolean): CachedAnalysis {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    let memo = this.memos.get(doc.uri);
    if (!memo) this.memos.set(doc.uri, (memo = new AnalysisMemo()));
    const entry = analyseDocument(doc, settings, isCancelled, memo);
    this.entries.set(doc.uri, entry);
    return entry;
  }

  /**
   * The analysis for an explicit request (report, copy): also for documents that do not look
   * like a release or with `enable: never`, but never beyond maxDocumentSize.
   */
  forced(doc: TextDocument, settings: Settings, isCancelled?: () => boolean): AnalysisResult | undefined {
    const entry = this.get(doc, settings, isCancelled);
    if (entry.analysed) return entry.analysed;
    if (entry.skipped === "too-large") return undefined;
    return analyze(doc.getText(), { ...analysisOptions(settings), isCancelled });
  }

  peek(uri: string): CachedAnalysis | undefined {
    return this.entries.get(uri);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.memos.delete(uri);
  }

  clear(): void {
    this.entries.clear();
    this.memos.clear();
  }
}
