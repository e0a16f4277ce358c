// Runs analyses in one worker thread (server/out/analysisWorker.js), one job at a time, in the
// order asked. Used for documents large enough that analysing them on the server's thread
// would hold up every other request. A job is cancelled by its flag: a queued job is dropped,
// a running one stops at the engine's next stage.
import { Worker } from "node:worker_threads";
import * as path from "node:path";
import { deserialize } from "node:v8";
import type { FoldingRange } from "vscode-languageserver";
import { AnalysisCancelled, type AnalysisOptions, type AnalysisResult, type Finding, type OutlineNode, type ReleaseModel } from "../analysis/types";
import type { ReleaseEvidence } from "../analysis/detect";
import type { Scorecard } from "../protocol";
import type { WorkerJob, WorkerReply, WorkerResult } from "./workerProtocol";
import { splitLines } from "../analysis/text";
import { HoverIndex } from "./hoverIndex";

/** A worker's analysis: the result (its model read on first use), and what the worker worked out from it. */
export interface WorkerAnalysis {
  result: AnalysisResult;
  /** Hovers, without reading the model. */
  hover: HoverIndex;
  evidence: ReleaseEvidence;
  folding: FoldingRange[];
  scorecard: Scorecard;
  /** How long the engine took in the worker (milliseconds), without the time the job was queued. */
  analysisMs: number;
}

export interface WorkerRun {
  result: Promise<WorkerAnalysis>;
  cancel(): void;
}

type Pending = Map<number, { resolve(r: WorkerResult): void; reject(e: unknown): void }>;

export class AnalysisWorker {
  private worker: { thread: Worker; pending: Pending } | undefined;
  private nextId = 1;

  constructor(private readonly script = path.join(__dirname, "analysisWorker.js")) {}

  /** `memo: false` for a document analysed once (not open): the worker keeps nothing of it and indexes no hovers. */
  run(uri: string, text: string, options: AnalysisOptions, { memo = true } = {}): WorkerRun {
    const cancel = new SharedArrayBuffer(4);
    const id = this.nextId++;
    const { isCancelled: _callback, memo: _memo, ...plain } = options;
    const job: WorkerJob = { id, uri, text, options: plain, cancel, memo };
    const w = this.start();
    const result = new Promise<WorkerResult>((resolve, reject) => w.pending.set(id, { resolve, reject })).then((r) => received(r, text));
    w.thread.postMessage(job);
    return { result, cancel: () => Atomics.store(new Int32Array(cancel), 0, 1) };
  }

  /** Stops the worker; its pending jobs fail as cancelled. */
  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    if (!w) return;
    failAll(w.pending, new AnalysisCancelled());
    void w.thread.terminate();
  }

  private start(): { thread: Worker; pending: Pending } {
    if (this.worker) return this.worker;
    const w = { thread: new Worker(this.script), pending: new Map() as Pending };
    w.thread.unref(); // an idle worker never keeps the server alive
    w.thread.on("message", (reply: WorkerReply) => {
      const p = w.pending.get(reply.id);
      if (!p) return;
      w.pending.delete(reply.id);
      if ("result" in reply) p.resolve(reply.result);
      else if ("cancelled" in reply) p.reject(new AnalysisCancelled());
      else p.reject(new Error(`analysis worker: ${reply.error}`));
    });
    // A worker that crashed fails its own jobs only; the next job starts a new worker.
    const lost = (why: unknown) => {
      if (this.worker === w) this.worker = undefined;
      failAll(w.pending, why instanceof Error ? why : new Error(`analysis worker exited (${String(why)})`));
    };
    w.thread.on("error", lost);
    w.thread.on("exit", (code) => lost(code));
    return (this.worker = w);
  }
}

function failAll(pending: Pending, e: unknown): void {
  for (const p of pending.values()) p.reject(e);
  pending.clear();
}

/**
 * The worker's result as the server uses it (see WorkerResult for what comes how). The findings
 * are read a slice per turn of the event loop, so that other requests are answered while a
 * large release's findings come in. The outline and the model are read when first asked for.
 * The model comes without the lines and without the texts of paragraphs and sentences (copying
 * them back doubled the time the server spends receiving it): they are made again here from
 * the text the job was given, as the engine made them.
 */
async function received(r: WorkerResult, text: string): Promise<WorkerAnalysis> {
  const findings = await readFindings(r.findings);
  const result = { findings } as AnalysisResult;
  readOnFirstUse(result, "outline", r.outline, (o: OutlineNode[]) => o);
  readOnFirstUse(result, "model", r.model, (m: ReleaseModel) => withTexts(m, text));
  return { result, hover: new HoverIndex(r.hover, text, findings), evidence: r.evidence, folding: r.folding, scorecard: r.scorecard, analysisMs: r.analysisMs };
}

/** The findings of the worker's slices, one slice per turn of the event loop. */
export async function readFindings(slices: Uint8Array[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const [k, slice] of slices.entries()) {
    if (k > 0) await nextTurn();
    for (const f of deserialize(slice) as Finding[]) findings.push(f);
  }
  return findings;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Defines result[key] as `bytes` deserialised (and finished by `complete`) on first read. */
function readOnFirstUse<K extends "outline" | "model">(result: AnalysisResult, key: K, bytes: Uint8Array, complete: (value: AnalysisResult[K]) => AnalysisResult[K]): void {
  let pending: Uint8Array | undefined = bytes;
  let value: AnalysisResult[K] | undefined;
  Object.defineProperty(result, key, {
    enumerable: true,
    get(): AnalysisResult[K] {
      if (pending) {
        value = complete(deserialize(pending) as AnalysisResult[K]);
        pending = undefined;
      }
      return value as AnalysisResult[K];
    },
  });
}

function withTexts(m: ReleaseModel, text: string): ReleaseModel {
  m.text = text;
  m.lines = splitLines(text);
  for (const p of m.paragraphs) {
    p.text = text.slice(p.start, p.end);
    for (const s of p.sentences) s.text = text.slice(s.start, s.end);
  }
  for (const s of m.sentences) s.text = text.slice(s.start, s.end);
  return m;
}
