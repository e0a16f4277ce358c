// Messages between the server and its analysis worker.
import type { AnalysisOptions, AnalysisResult } from "../analysis/types";

export interface WorkerJob {
  id: number;
  uri: string;
  text: string;
  /** Options without the callbacks and the memo (the worker has its own). */
  options: Omit<AnalysisOptions, "isCancelled" | "memo">;
  /** Whether the worker keeps a memo of the document for its next version. */
  memo: boolean;
  /** A SharedArrayBuffer of one Int32: set to 1 to cancel the job. */
  cancel: SharedArrayBuffer;
}

export type WorkerReply = { id: number; result: AnalysisResult } | { id: number; cancelled: true } | { id: number; error: string };
