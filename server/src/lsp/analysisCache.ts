// One analysis per document version, computed on demand and shared by diagnostics, hover,
// symbols and code actions. Stale versions are dropped, never analysed.
import type { TextDocument } from "vscode-languageserver-textdocument";
import { analyze } from "../analysis/index";
import type { AnalysisResult } from "../analysis/types";
import { releaseEvidence, type ReleaseEvidence } from "../analysis/detect";
import { analysisOptions, type Settings } from "./settings";

export interface CachedAnalysis {
  version: number;
  result?: AnalysisResult;
  evidence?: ReleaseEvidence;
  /** Why the document was not analysed (too large, disabled, not a release). */
  skipped?: "too-large" | "disabled" | "not-a-release";
}

export class AnalysisCache {
  private readonly entries = new Map<string, CachedAnalysis>();

  get(doc: TextDocument, settings: Settings, isCancelled?: () => boolean): CachedAnalysis {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const entry = this.compute(doc, settings, isCancelled);
    this.entries.set(doc.uri, entry);
    return entry;
  }

  peek(uri: string): CachedAnalysis | undefined {
    return this.entries.get(uri);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  private compute(doc: TextDocument, settings: Settings, isCancelled?: () => boolean): CachedAnalysis {
    const version = doc.version;
    if (settings.enable === "never") return { version, skipped: "disabled" };
    const text = doc.getText();
    if (text.length > settings.maxDocumentSize) return { version, skipped: "too-large" };
    const result = analyze(text, { ...analysisOptions(settings), isCancelled });
    const evidence = releaseEvidence(result.model);
    const forced = settings.enable === "always" || doc.languageId === "press-release";
    if (!forced && !evidence.isRelease) return { version, evidence, skipped: "not-a-release" };
    return { version, result, evidence };
  }
}
