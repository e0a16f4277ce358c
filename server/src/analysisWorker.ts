// Entry of the analysis worker thread (server/out/analysisWorker.js): large documents are
// analysed here, so the server keeps answering (hovers, other documents) meanwhile. Each job
// carries a shared cancel flag the engine polls between stages; a memo per document makes
// re-analysis after an edit cheap here too.
import { parentPort } from "node:worker_threads";
import { serialize } from "node:v8";
import { hoverStretches, ownBuffer } from "./lsp/hoverIndex";
import { analyze, AnalysisCancelled, AnalysisMemo, type AnalysisOptions, type AnalysisResult } from "./analysis/index";
import { releaseEvidence } from "./analysis/detect";
import { foldingRanges } from "./lsp/folding";
import { scorecard } from "./report";
import { FINDINGS_PER_SLICE, type WorkerJob, type WorkerReply, type WorkerResult } from "./lsp/workerProtocol";

const memos = new Map<string, AnalysisMemo>();
/** A memo holds copies of a document's lines, paragraphs and sentences: a few, for documents up to a size. */
const MAX_MEMOS = 2;
const MAX_MEMO_LENGTH = 8 << 20;

function memoFor(uri: string): AnalysisMemo {
  let memo = memos.get(uri);
  if (memo) memos.delete(uri); // re-inserted below: the map's order is the order of use
  else memo = new AnalysisMemo();
  memos.set(uri, memo);
  while (memos.size > MAX_MEMOS) memos.delete(memos.keys().next().value as string);
  return memo;
}

parentPort?.on("message", (job: WorkerJob) => {
  const flag = new Int32Array(job.cancel);
  const isCancelled = () => Atomics.load(flag, 0) !== 0;
  let reply: WorkerReply;
  try {
    if (isCancelled()) throw new AnalysisCancelled();
    const memo = job.memo && job.text.length <= MAX_MEMO_LENGTH ? memoFor(job.uri) : undefined;
    if (!memo) memos.delete(job.uri);
    const options: AnalysisOptions = { ...job.options, isCancelled, memo };
    const started = performance.now();
    const result = analyze(job.text, options);
    reply = { id: job.id, result: forServer(result, job.memo, performance.now() - started) };
  } catch (e) {
    reply = e instanceof AnalysisCancelled ? { id: job.id, cancelled: true } : { id: job.id, error: e instanceof Error ? e.stack ?? e.message : String(e) };
  }
  // The serialised parts are handed over, not copied.
  const transfer = "result" in reply ? [...reply.result.findings, reply.result.outline, reply.result.model, ...reply.result.hover].map((b) => b.buffer as ArrayBuffer) : [];
  parentPort?.postMessage(reply, transfer);
});

/** The result as the server takes it (see WorkerResult); hover stretches for an open document only. */
function forServer(r: AnalysisResult, open: boolean, analysisMs: number): WorkerResult {
  const evidence = releaseEvidence(r.model);
  const folding = foldingRanges(r);
  const card = scorecard(r);
  const hover = open ? hoverStretches(r.model) : [];
  const findings: Uint8Array[] = [];
  for (let i = 0; i < r.findings.length; i += FINDINGS_PER_SLICE) findings.push(ownBuffer(serialize(r.findings.slice(i, i + FINDINGS_PER_SLICE))));
  const outline = ownBuffer(serialize(r.outline));
  const model = ownBuffer(serialize(withoutTexts(r).model));
  return { findings, outline, evidence, folding, scorecard: card, model, hover, analysisMs };
}

/** The result without the texts the server already has (see withTexts in lsp/analysisWorker.ts). */
function withoutTexts(r: AnalysisResult): AnalysisResult {
  const m = r.model;
  m.text = "";
  m.lines = [];
  for (const p of m.paragraphs) p.text = "";
  for (const s of m.sentences) s.text = "";
  return r;
}
