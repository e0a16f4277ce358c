// Runs analyses in one worker thread (server/out/analysisWorker.js), one job at a time, in the
// order asked. Used for documents large enough that analysing them on the server's thread
// would hold up every other request. A job is cancelled by its flag: a queued job is dropped,
// a running one stops at the engine's next stage.
import { Worker } from "node:worker_threads";
import * as path from "node:path";
import { AnalysisCancelled, type AnalysisOptions, type AnalysisResult } from "../analysis/types";
import type { WorkerJob, WorkerReply } from "./workerProtocol";

export interface WorkerRun {
  result: Promise<AnalysisResult>;
  cancel(): void;
}

export class AnalysisWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(r: AnalysisResult): void; reject(e: unknown): void }>();

  constructor(private readonly script = path.join(__dirname, "analysisWorker.js")) {}

  run(uri: string, text: string, options: AnalysisOptions): WorkerRun {
    const cancel = new SharedArrayBuffer(4);
    const id = this.nextId++;
    const { isCancelled: _callback, memo: _memo, ...plain } = options;
    const job: WorkerJob = { id, uri, text, options: plain, cancel };
    const result = new Promise<AnalysisResult>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.start().postMessage(job);
    return { result, cancel: () => Atomics.store(new Int32Array(cancel), 0, 1) };
  }

  /** Stops the worker; pending jobs fail as cancelled. */
  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.failAll(new AnalysisCancelled());
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.script);
    w.unref(); // an idle worker never keeps the server alive
    w.on("message", (reply: WorkerReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if ("result" in reply) p.resolve(reply.result);
      else if ("cancelled" in reply) p.reject(new AnalysisCancelled());
      else p.reject(new Error(`analysis worker: ${reply.error}`));
    });
    // A crashed worker fails its jobs; the next job starts a new one.
    const lost = (why: unknown) => {
      if (this.worker === w) this.worker = undefined;
      this.failAll(why instanceof Error ? why : new Error(`analysis worker exited (${String(why)})`));
    };
    w.on("error", lost);
    w.on("exit", (code) => lost(code));
    return (this.worker = w);
  }

  private failAll(e: unknown): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
