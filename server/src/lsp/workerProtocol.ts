// Messages between the server and its analysis worker.
import type { FoldingRange } from "vscode-languageserver";
import type { AnalysisOptions } from "../analysis/types";
import type { ReleaseEvidence } from "../analysis/detect";
import type { Scorecard } from "../protocol";

export interface WorkerJob {
  id: number;
  uri: string;
  text: string;
  /** Options without the callbacks and the memo (the worker has its own). */
  options: Omit<AnalysisOptions, "isCancelled" | "memo">;
  /** Whether the document is open: the worker keeps a memo of it for its next version, and indexes its hovers. */
  memo: boolean;
  /** A SharedArrayBuffer of one Int32: set to 1 to cancel the job. */
  cancel: SharedArrayBuffer;
}

/**
 * A finished analysis. The small parts every open document needs at once (folding ranges,
 * scorecard, whether it reads like a release) come as objects. The rest comes serialised
 * (v8.serialize) in transferred buffers, so that receiving the message costs the server next to
 * nothing: as objects, the findings and outline of a 10 MB release held its thread about 0.3 s
 * while the message was read.
 * - The findings, needed at once for the diagnostics, in slices of FINDINGS_PER_SLICE: the
 *   server reads one slice per turn of its event loop, answering other requests in between.
 * - The outline, read when the outline is first asked for.
 * - The model (without the texts the server has), which only the report and the copy read,
 *   read when first asked for (about 0.4 s for a 10 MB release).
 * - The figures, attributions and quotes hovers need, by stretches of the document: a hover
 *   reads the stretch under the cursor only (see hoverIndex.ts).
 */
export interface WorkerResult {
  findings: Uint8Array[];
  outline: Uint8Array;
  evidence: ReleaseEvidence;
  folding: FoldingRange[];
  scorecard: Scorecard;
  model: Uint8Array;
  /** The hover items, serialised by stretches of the document (hoverStretches); none for a document that is not open. */
  hover: Uint8Array[];
  /** How long the engine took, in the worker (milliseconds): not the time the job waited behind others. */
  analysisMs: number;
}

/** Findings per serialised slice: reading one takes the server about 5 ms. */
export const FINDINGS_PER_SLICE = 1000;

export type WorkerReply = { id: number; result: WorkerResult } | { id: number; cancelled: true } | { id: number; error: string };
