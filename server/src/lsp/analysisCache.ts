// One analysis per document version, computed on demand and shared by diagnostics, hover,
// symbols and code actions. Stale versions are dropped, never analysed.
import type { TextDocument } from "vscode-languageserver-textdocument";
import { analyze } from "../analysis/index";
import { AnalysisMemo } from "../analysis/memo";
import { AnalysisCancelled, type AnalysisResult } from "../analysis/types";
import { releaseEvidence, type ReleaseEvidence } from "../analysis/detect";
import { analysisOptions, type Settings } from "./settings";
import { AnalysisWorker, type WorkerAnalysis } from "./analysisWorker";
import type { FoldingRange } from "vscode-languageserver";
import type { Scorecard } from "../protocol";
import type { HoverIndex } from "./hoverIndex";

export interface CachedAnalysis {
  version: number;
  /** The analysis to show (diagnostics, hovers, symbols): set only for documents analysed as releases. */
  result?: AnalysisResult;
  /** The analysis even when the document does not look like a release (for explicit commands: report, copy). */
  analysed?: AnalysisResult;
  evidence?: ReleaseEvidence;
  /** Worked out by the analysis worker with the result (for large documents), so the model need not be read for them. */
  folding?: FoldingRange[];
  scorecard?: Scorecard;
  /** Hovers without reading the model (worker analyses). */
  hover?: HoverIndex;
  /** Why the document was not analysed (too large, disabled, not a release). */
  skipped?: "too-large" | "disabled" | "not-a-release";
}

/** The language a file gets in the editor: `press-release` for *.release.txt and *.pr.txt. */
export function languageIdOf(fileName: string): string {
  return /\.(?:release|pr)\.txt$/i.test(fileName) ? "press-release" : "plaintext";
}

/** Analyses a document as the settings say: never, when it looks like a release, or always. */
export function analyseDocument(doc: TextDocument, settings: Settings, isCancelled?: () => boolean, memo?: AnalysisMemo): CachedAnalysis {
  const skipped = skippedBySize(doc, settings);
  if (skipped) return skipped;
  return judged(doc, settings, analyze(doc.getText(), { ...analysisOptions(settings), isCancelled, memo }));
}

function skippedBySize(doc: TextDocument, settings: Settings): CachedAnalysis | undefined {
  if (settings.enable === "never") return { version: doc.version, skipped: "disabled" };
  if (doc.getText().length > settings.maxDocumentSize) return { version: doc.version, skipped: "too-large" };
  return undefined;
}

/** The document as it was when its analysis started (TextDocuments updates documents in place). */
interface Snapshot {
  version: number;
  languageId: string;
}

/** What to show for an analysed document: its findings, unless it does not look like a release. */
function judged(doc: Snapshot, settings: Settings, result: AnalysisResult, fromWorker?: Omit<WorkerAnalysis, "result">): CachedAnalysis {
  const evidence = fromWorker?.evidence ?? releaseEvidence(result.model);
  const forced = settings.enable === "always" || doc.languageId === "press-release";
  if (!forced && !evidence.isRelease) return { version: doc.version, evidence, analysed: result, skipped: "not-a-release" };
  return { version: doc.version, result, analysed: result, evidence, folding: fromWorker?.folding, scorecard: fromWorker?.scorecard, hover: fromWorker?.hover };
}

/**
 * Documents at least this long are analysed in the worker thread. On a 2-core machine a warm
 * analysis of a 250 KB release takes about 200 ms (the first ones in a process two or three
 * times that); a 1 MB release takes about 450 ms, during which the server would answer nothing
 * else. Shorter ones are analysed on the server's thread, within MAIN_THREAD_BUDGET_MS.
 */
export const WORKER_MIN_LENGTH = 256 * 1024;

/**
 * The most one analysis may hold the server's thread. Below WORKER_MIN_LENGTH an analysis runs
 * there; past this it stops at the engine's next poll and goes on in the worker thread, as a
 * large document's would. Ordinary releases stay well under it even cold (a 100 KB release
 * takes 300–500 ms the first time in a process, 20–100 ms after, a few with the memo), but
 * hostile text can take far more: 250 KB of "said said …" took a second, and the time of
 * every edit of it. The engine polls at least every few dozen lines, sentences or cues, so
 * the thread is held this long plus one unit of work.
 */
export const MAIN_THREAD_BUDGET_MS = 500;

/**
 * Two analyses of a document in a row that take longer than this on the server's thread send
 * it to the worker too (250 KB of "---" lines took 0.3–0.4 s an edit). One is not enough: the
 * first analyses in a process run two or three times as slow as the rest.
 */
export const MAIN_THREAD_SLOW_MS = 150;

export interface AnalysisCacheOptions {
  budgetMs?: number;
  slowMs?: number;
  /** The clock both are read on (milliseconds). */
  now?: () => number;
  /** The worker thread's script (the built server's, by default). */
  workerScript?: string;
}

/**
 * The editor library works out a document's line starts on its first conversion between
 * offsets and positions: for a 10 MB release, about 70 ms of the server's thread. Done while
 * the worker analyses, right after the open or edit that held the server anyway, it no longer
 * holds the server again when the findings come in and become diagnostics.
 */
function computeLineStartsNow(doc: TextDocument): void {
  doc.positionAt(0);
}

interface Entry {
  version: number;
  /** The text analysed: a version number alone does not say it (a client may open a URI again, or send a change, with the same one). */
  text: string;
  /** Settled analysis, once there is one. */
  value?: CachedAnalysis;
  pending: Promise<CachedAnalysis>;
  cancel?: () => void;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** Per document: per-line and per-sentence results, so an edit re-analyses only what it changed. */
  private readonly memos = new Map<string, AnalysisMemo>();
  /**
   * Documents under WORKER_MIN_LENGTH analysed in the worker all the same, as too slow for the
   * server's thread (see MAIN_THREAD_BUDGET_MS, MAIN_THREAD_SLOW_MS), until one of their
   * analyses there takes under half of MAIN_THREAD_SLOW_MS: an edit made the text ordinary.
   */
  private readonly offThread = new Set<string>();
  /** Per document, how many of its analyses in a row on the server's thread were slow. */
  private readonly slowRuns = new Map<string, number>();
  private readonly worker: AnalysisWorker;
  private readonly budgetMs: number;
  private readonly slowMs: number;
  private readonly now: () => number;

  constructor({ budgetMs = MAIN_THREAD_BUDGET_MS, slowMs = MAIN_THREAD_SLOW_MS, now = () => performance.now(), workerScript }: AnalysisCacheOptions = {}) {
    this.budgetMs = budgetMs;
    this.slowMs = slowMs;
    this.now = now;
    this.worker = new AnalysisWorker(workerScript);
  }

  /** Whether the document's next analysis goes to the worker thread although it is short. */
  isOffThread(uri: string): boolean {
    return this.offThread.has(uri);
  }

  /**
   * `analyse` run on the server's thread with `isCancelled` and the budget as its cancellation,
   * and how long it took; undefined when the budget stopped it. Cancellation by `isCancelled`
   * throws as ever.
   */
  private withinBudget<T>(analyse: (isCancelled: () => boolean) => T, isCancelled?: () => boolean): { value: T; ms: number } | undefined {
    const started = this.now();
    const deadline = started + this.budgetMs;
    let overran = false;
    try {
      const value = analyse(() => !!isCancelled?.() || (overran = this.now() > deadline));
      return { value, ms: this.now() - started };
    } catch (e) {
      if (overran && e instanceof AnalysisCancelled) return undefined;
      throw e;
    }
  }

  /** Notes how an analysis of `uri` on the server's thread went: stopped (undefined) or how long it took. */
  private ranHere(uri: string, ms: number | undefined): void {
    const slow = ms === undefined ? Infinity : ms > this.slowMs ? (this.slowRuns.get(uri) ?? 0) + 1 : 0;
    if (slow >= 2) this.offThread.add(uri);
    if (slow) this.slowRuns.set(uri, slow);
    else this.slowRuns.delete(uri);
  }

  /**
   * The analysis of this version of the document: at once for ordinary documents, from the
   * worker thread for large ones. Rejects with AnalysisCancelled when a newer version (or a
   * settings change) replaced it before it finished.
   */
  get(doc: TextDocument, settings: Settings, isCancelled?: () => boolean): Promise<CachedAnalysis> {
    const hit = this.entries.get(doc.uri);
    // The same text is the same string (TextDocument keeps it): no comparison of characters while the document is unchanged.
    if (hit && hit.version === doc.version && hit.text === doc.getText()) return hit.pending;
    hit?.cancel?.();
    const settle = (value: CachedAnalysis) => {
      this.entries.set(doc.uri, { version: doc.version, text: doc.getText(), value, pending: Promise.resolve(value) });
      return Promise.resolve(value);
    };
    const skipped = skippedBySize(doc, settings);
    if (skipped) return settle(skipped);
    const short = doc.getText().length < WORKER_MIN_LENGTH;
    if (short && !this.offThread.has(doc.uri)) {
      let memo = this.memos.get(doc.uri);
      if (!memo) this.memos.set(doc.uri, (memo = new AnalysisMemo()));
      let here: { value: CachedAnalysis; ms: number } | undefined;
      try {
        here = this.withinBudget((stop) => analyseDocument(doc, settings, stop, memo), isCancelled);
      } catch (e) {
        return Promise.reject(e);
      }
      this.ranHere(doc.uri, here?.ms);
      if (here) return settle(here.value);
    }
    const snapshot: Snapshot = { version: doc.version, languageId: doc.languageId };
    const run = this.worker.run(doc.uri, doc.getText(), analysisOptions(settings));
    computeLineStartsNow(doc);
    const entry: Entry = { version: snapshot.version, text: doc.getText(), cancel: run.cancel, pending: Promise.resolve() as unknown as Promise<CachedAnalysis> };
    entry.pending = run.result.then(
      (w) => {
        // The worker's own time: a job queued behind a large release's would otherwise keep its document off the thread.
        if (short && w.analysisMs < this.slowMs / 2) {
          this.offThread.delete(doc.uri);
          this.slowRuns.delete(doc.uri);
        }
        return (entry.value = judged(snapshot, settings, w.result, w));
      },
      (e: unknown) => {
        if (this.entries.get(doc.uri) === entry) this.entries.delete(doc.uri); // not kept: asked again, it runs again
        throw e;
      },
    );
    this.entries.set(doc.uri, entry);
    return entry.pending;
  }

  /**
   * Whether `a` is the analysis the cache holds for the document now: one that settled after a
   * newer text replaced its own (an open of the URI again, a change keeping the version) is not.
   */
  isCurrent(uri: string, a: CachedAnalysis): boolean {
    return this.entries.get(uri)?.value === a;
  }

  /**
   * The analysis for an explicit request (report, copy): also for documents that do not look
   * like a release or with `enable: never`, but never beyond maxDocumentSize.
   */
  async forced(doc: TextDocument, settings: Settings): Promise<AnalysisResult | undefined> {
    const entry = await this.get(doc, settings);
    if (entry.analysed) return entry.analysed;
    if (entry.skipped === "too-large") return undefined;
    // Analysed although `enable` is "never": large documents in the worker all the same.
    const text = doc.getText();
    const here = text.length < WORKER_MIN_LENGTH && !this.offThread.has(doc.uri) ? this.withinBudget((isCancelled) => analyze(text, { ...analysisOptions(settings), isCancelled })) : undefined;
    return here?.value ?? (await this.worker.run(doc.uri, text, analysisOptions(settings)).result).result;
  }

  /**
   * A document that is not open (a file Analyse Workspace read from disk): analysed once and not
   * kept, in the worker when it is large.
   */
  async once(doc: TextDocument, settings: Settings, isCancelled: () => boolean = () => false): Promise<CachedAnalysis> {
    const skipped = skippedBySize(doc, settings);
    if (skipped) return skipped;
    const text = doc.getText();
    const here = text.length < WORKER_MIN_LENGTH ? this.withinBudget((stop) => analyseDocument(doc, settings, stop), isCancelled) : undefined;
    if (here) return here.value;
    const snapshot: Snapshot = { version: doc.version, languageId: doc.languageId };
    const run = this.worker.run(doc.uri, text, analysisOptions(settings), { memo: false });
    computeLineStartsNow(doc);
    // The caller's cancellation is a flag to poll (a request's token): looked at while the worker runs.
    const poll = setInterval(() => isCancelled() && run.cancel(), 50);
    try {
      const w = await run.result;
      return judged(snapshot, settings, w.result, w);
    } finally {
      clearInterval(poll);
    }
  }

  /** A newer version (or text) of the document arrived: an analysis of an older one that is still running stops. */
  supersede(doc: TextDocument): void {
    const e = this.entries.get(doc.uri);
    if (e && !e.value && (e.version !== doc.version || e.text !== doc.getText())) e.cancel?.();
  }

  /** Forgets a document (closed): a running analysis of it is cancelled. */
  delete(uri: string): void {
    this.entries.get(uri)?.cancel?.();
    this.entries.delete(uri);
    this.memos.delete(uri);
    this.offThread.delete(uri);
    this.slowRuns.delete(uri);
  }

  /** Forgets everything and stops the worker thread. */
  dispose(): void {
    this.clear();
    this.worker.dispose();
  }

  /**
   * Forgets the analyses (settings changed): running ones are cancelled. Which documents are
   * too slow for the server's thread is kept: new settings do not make a text quick, and a
   * quick analysis in the worker brings a document back anyway.
   */
  clear(): void {
    for (const e of this.entries.values()) e.cancel?.();
    this.entries.clear();
    this.memos.clear();
  }
}
