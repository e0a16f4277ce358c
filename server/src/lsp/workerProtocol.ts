// Messages between the server and its analysis worker.
import type { FoldingRange } from "vscode-languageserver";
import type { AnalysisOptions, Finding, OutlineNode } from "../analysis/types";
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
 * A finished analysis. What every open document needs at once (findings for the diagnostics,
 * the outline, folding ranges, scorecard, whether it reads like a release) comes as objects;
 * the model, which only hovers, the report and the copy read, comes serialised
 * (v8.serialize, without the texts the server has) and is read when first asked for: for a
 * 10 MB release, reading it took the server about 0.4 s. Hovers read the figures, attributions
 * and quotes of the stretch under the cursor only (see hoverIndex.ts).
 */
export interface WorkerResult {
  findings: Finding[];
  outline: OutlineNode[];
  evidence: ReleaseEvidence;
  folding: FoldingRange[];
  scorecard: Scorecard;
  model: Uint8Array;
  /** The hover items, serialised by stretches of the document (hoverStretches); none for a document that is not open. */
  hover: Uint8Array[];
}

export type WorkerReply = { id: number; result: WorkerResult } | { id: number; cancelled: true } | { id: number; error: string };
