// Folding ranges: boilerplate blocks (kind `comment`, so "Fold All Block Comments" tucks
// the stock text away) and body sections (kind `region`).
// The LSP kinds as literals (FoldingRangeKind.Comment, .Region): this module also runs in the
// analysis worker, whose bundle would otherwise take in all of vscode-languageserver.
import type { FoldingRange } from "vscode-languageserver";
import type { AnalysisResult } from "../analysis/types";
import { lineOf } from "../report";

export function foldingRanges(result: AnalysisResult, rangeLimit = Number.MAX_SAFE_INTEGER): FoldingRange[] {
  const { model } = result;
  const ranges: FoldingRange[] = [];
  for (const b of model.boilerplate) {
    if (b.lastLine > b.firstLine) ranges.push({ startLine: b.firstLine, endLine: b.lastLine, kind: "comment" });
  }
  for (const s of model.sections) {
    const last = lineOf(model, Math.max(s.start, s.end - 1));
    if (last > s.line) ranges.push({ startLine: s.line, endLine: last, kind: "region" });
  }
  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return ranges.slice(0, rangeLimit);
}
