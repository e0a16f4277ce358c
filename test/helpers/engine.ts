// Small readers over the engine's results, so unit tests assert on text and lines rather
// than on raw offsets.
import { analyze, hoverAt, type AnalysisOptions, type AnalysisResult, type Finding, type FindingCode } from "../../server/src/analysis/index";

export { analyze, hoverAt };

export interface Flag {
  code: FindingCode;
  /** The flagged text exactly as it stands in the document. */
  text: string;
  /** 1-based line of the finding's start, as an editor shows it. */
  line: number;
  /** 1-based line of the finding's end. */
  endLine: number;
  kind?: string;
  finding: Finding;
}

/** 1-based line of an offset (CRLF, CR and LF all end a line). */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    else if (c === "\r") {
      line++;
      if (text[i + 1] === "\n") i++;
    }
  }
  return line;
}

export function flags(result: AnalysisResult, code?: FindingCode): Flag[] {
  const text = result.model.text;
  return result.findings
    .filter((f) => !code || f.code === code)
    .map((f) => ({
      code: f.code,
      text: text.slice(f.start, f.end),
      line: lineOf(text, f.start),
      endLine: lineOf(text, Math.max(f.start, f.end - 1)),
      kind: f.data?.kind,
      finding: f,
    }));
}

/** Analyses `text` and returns its findings of one code (or all). */
export function flagsIn(text: string, code?: FindingCode, options?: AnalysisOptions): Flag[] {
  return flags(analyze(text, options), code);
}

/** Offset of the n-th (0-based) occurrence of `needle`; throws when it is not there. */
export function offsetOf(text: string, needle: string, nth = 0): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`test bug: ${JSON.stringify(needle)} (#${nth}) is not in the text`);
  }
  return i;
}

/** Findings of `code` whose range overlaps the n-th occurrence of `needle`. */
export function flagsOver(result: AnalysisResult, code: FindingCode, needle: string, nth = 0): Flag[] {
  const from = offsetOf(result.model.text, needle, nth);
  const to = from + needle.length;
  return flags(result, code).filter((f) => f.finding.start < to && from < f.finding.end);
}

/** 1-based lines covered by boilerplate findings, with their kinds. */
export function boilerplateLines(result: AnalysisResult): Map<number, string> {
  const out = new Map<number, string>();
  for (const f of flags(result, "boilerplate")) for (let l = f.line; l <= f.endLine; l++) out.set(l, f.kind ?? "");
  return out;
}

/** Names of all outline nodes, depth first. */
export function outlineNames(result: AnalysisResult): string[] {
  const out: string[] = [];
  const walk = (nodes: AnalysisResult["outline"]) => {
    for (const n of nodes) {
      out.push(n.name);
      walk(n.children);
    }
  };
  walk(result.outline);
  return out;
}

/** Hover markdown at the start of the n-th occurrence of `needle` (or "" when none). */
export function hoverOver(result: AnalysisResult, needle: string, nth = 0, delta = 0): string {
  return hoverAt(result, offsetOf(result.model.text, needle, nth) + delta)?.markdown ?? "";
}

/** The figure the engine recognised at the n-th occurrence of `needle`, if any. */
export function figureAt(result: AnalysisResult, needle: string, nth = 0) {
  const from = offsetOf(result.model.text, needle, nth);
  const to = from + needle.length;
  return result.model.figures.find((f) => f.start < to && from < f.end);
}

/** The attribution of the sentence holding the n-th occurrence of `needle`, if any. */
export function attributionAt(result: AnalysisResult, needle: string, nth = 0) {
  const at = offsetOf(result.model.text, needle, nth);
  return result.model.attributions.find((a) => a.start <= at && at < a.end);
}
