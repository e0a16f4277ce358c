// The guide's scoring (../shared/spec/annotation-guide.md, "Gold files and scoring"), in
// TypeScript, with the same definitions as ../shared/eval/score.mjs: boilerplate line
// P/R/F1, figures, claims, promotional, outline (headline, dateline, sections, speakers)
// and hover coverage. Pure functions: no server, no files.
import type { Diagnostic, DocumentSymbol } from "../helpers/lspClient";
import type { Gold } from "../helpers/fixtures";

export interface Tally { tp: number; fp: number; fn: number }
export interface PRF extends Tally { precision: number; recall: number; f1: number }

export const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });

export function prf({ tp, fp, fn }: Tally): PRF {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, tp, fp, fn };
}

/** Text as outline names are compared: `\$` → `$`, straight quotes, one space, lower case. */
export const norm = (s: string): string =>
  s.replace(/\\\$/g, "$").replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, " ").trim().toLowerCase();

export const codeOf = (d: Diagnostic): string =>
  String(typeof d.code === "object" && d.code ? d.code.value : d.code ?? "");

export const CLAIM_CODES = new Set(["unattributed-claim", "vague-attribution"]);

/** Does diagnostic `d` overlap [from, to) on 0-based `line`? */
export function covers(d: Diagnostic, line: number, from: number, to: number): boolean {
  const s = d.range.start;
  const e = d.range.end;
  if (line < s.line || line > e.line) return false;
  const a = line === s.line ? s.character : 0;
  const b = line === e.line ? e.character : Infinity;
  return a < to && from < b;
}

/** Every [from, to) where `piece` stands in `lineText` (raw first, then with `\$` read as `$`); the whole line when nowhere. */
export function spans(lineText: string, piece: string): [number, number][] {
  const out: [number, number][] = [];
  const t = lineText.replace(/\\\$/g, "$");
  const p = piece.replace(/\\\$/g, "$");
  for (const [hay, needle] of [[lineText, piece], [t, p]] as const) {
    let i = hay.indexOf(needle);
    while (i >= 0) {
      out.push([i, i + needle.length]);
      i = hay.indexOf(needle, i + 1);
    }
    if (out.length) break;
  }
  return out.length ? out : [[0, lineText.length]];
}

export interface FlatSymbol { name: string; detail: string; line: number | undefined }

export function flatten(symbols: DocumentSymbol[] | null | undefined, out: FlatSymbol[] = []): FlatSymbol[] {
  for (const s of symbols ?? []) {
    const loc = (s as unknown as { location?: { range: DocumentSymbol["range"] } }).location;
    out.push({ name: s.name ?? "", detail: s.detail ?? "", line: (s.selectionRange ?? s.range ?? loc?.range)?.start.line });
    if (s.children) flatten(s.children, out);
  }
  return out;
}

export interface GoldSpan { line: number; from: number; to: number; optional: boolean }

/** Matches gold spans with diagnostics; counts into `t`; returns the diagnostics that matched nothing. */
export function matchSpans(gold: GoldSpan[], diags: Diagnostic[], t: Tally): Diagnostic[] {
  const used = new Set<number>();
  for (const g of gold) {
    const hit = diags.findIndex((d) => covers(d, g.line - 1, g.from, g.to));
    if (hit >= 0) {
      diags.forEach((d, i) => { if (covers(d, g.line - 1, g.from, g.to)) used.add(i); });
      if (!g.optional) t.tp++;
    } else if (!g.optional) t.fn++;
  }
  diags.forEach((_, i) => { if (!used.has(i)) t.fp++; });
  return diags.filter((_, i) => !used.has(i));
}

export interface OutlineResult { headline: boolean | null; dateline: boolean | null }
export type OutlineCounts = Record<"headline" | "dateline" | "sections" | "speakers", [found: number, total: number]>;

export interface DocScore {
  name: string;
  diagnostics: number;
  boilerplate: Tally;
  figures: Tally;
  claims: Tally;
  promotional: Tally;
  outline: OutlineResult;
  outlineCounts: OutlineCounts;
  /** Human-readable misses and extras, for --verbose. */
  notes: string[];
}

/** Scores one document's diagnostics and symbols against its gold annotations. */
export function scoreDocument(name: string, text: string, gold: Gold, diags: Diagnostic[], symbolTree: DocumentSymbol[] | null | undefined): DocScore {
  const lines = text.split(/\r?\n/);
  const symbols = flatten(symbolTree);
  const by = (c: string) => diags.filter((d) => codeOf(d) === c);
  const notes: string[] = [];

  // boilerplate: non-blank lines; lines of optional blocks count neither way
  const goldB = new Set<number>();
  const gotB = new Set<number>();
  const eitherB = new Set<number>();
  for (const b of gold.boilerplate ?? []) for (let l = b.start; l <= b.end; l++) if (lines[l - 1]?.trim()) (b.optional ? eitherB : goldB).add(l - 1);
  for (const d of by("boilerplate")) {
    const last = d.range.end.character === 0 && d.range.end.line > d.range.start.line ? d.range.end.line - 1 : d.range.end.line;
    for (let l = d.range.start.line; l <= last; l++) if (lines[l]?.trim() && !eitherB.has(l)) gotB.add(l);
  }
  const bt = tally();
  for (const l of gotB) goldB.has(l) ? bt.tp++ : bt.fp++;
  for (const l of goldB) if (!gotB.has(l)) bt.fn++;

  const span = (line: number, piece: string, optional: boolean): GoldSpan[] =>
    spans(lines[line - 1] ?? "", piece).map(([from, to]) => ({ line, from, to, optional }));
  const ft = tally();
  const ct = tally();
  const pt = tally();
  // attributed gold figures are optional for recall, but a diagnostic on them is a false positive
  const goldFig = (gold.figures ?? []).map((f) => ({ ...span(f.line, f.text, !!f.optional || f.attributed)[0], attributedGold: f.attributed }));
  const figDiags = by("unattributed-figure");
  const leftFigs = matchSpans(goldFig.filter((g) => !g.attributedGold), figDiags, ft);
  const claimDiags = diags.filter((d) => CLAIM_CODES.has(codeOf(d)));
  const claimGold = (gold.claims ?? []).map((c) => span(c.line, c.quote, !!c.optional)[0]);
  const leftClaims = matchSpans(claimGold, claimDiags, ct);
  const promoGold = (gold.promotional ?? []).map((p) => span(p.line, p.quote, !!p.optional)[0]);
  const leftPromo = matchSpans(promoGold, by("promotional"), pt);

  // outline
  const o = gold.outline ?? {};
  const names = symbols.map((s) => norm(`${s.name} ${s.detail}`));
  const found = (want: string) => {
    const w = norm(want);
    return names.some((n) => n.includes(w) || (w.includes(n) && n.length >= 0.8 * w.length));
  };
  const outline: OutlineResult = {
    headline: o.headline ? found(o.headline) : null,
    dateline: o.dateline_line ? symbols.some((s) => s.line === (o.dateline_line as number) - 1) : null,
  };
  const oc: OutlineCounts = { headline: [0, 0], dateline: [0, 0], sections: [0, 0], speakers: [0, 0] };
  if (outline.headline !== null) { oc.headline[1]++; if (outline.headline) oc.headline[0]++; }
  if (outline.dateline !== null) { oc.dateline[1]++; if (outline.dateline) oc.dateline[0]++; }
  for (const k of ["sections", "speakers"] as const) {
    for (const s of o[k] ?? []) {
      oc[k][1]++;
      if (found(s)) oc[k][0]++;
      else notes.push(`missed ${k === "sections" ? "section" : "speaker"}: ${s}`);
    }
  }
  if (outline.headline === false) notes.push(`missed headline: ${o.headline}`);
  if (outline.dateline === false) notes.push(`missed dateline on L${o.dateline_line}`);

  const at = (d: Diagnostic) => `L${d.range.start.line + 1}: ${(lines[d.range.start.line] ?? "").slice(d.range.start.character, d.range.start.character + 60)}`;
  for (const d of leftFigs) notes.push(`extra figure ${at(d)}`);
  for (const d of leftClaims) notes.push(`extra claim ${at(d)}`);
  for (const d of leftPromo) notes.push(`extra promotional ${at(d)}`);
  for (const g of goldFig) if (!g.attributedGold && !g.optional && !figDiags.some((d) => covers(d, g.line - 1, g.from, g.to))) notes.push(`missed figure L${g.line}: ${lines[g.line - 1].slice(g.from, g.to)}`);
  for (const g of claimGold) if (!g.optional && !claimDiags.some((d) => covers(d, g.line - 1, g.from, g.to))) notes.push(`missed claim L${g.line}: ${lines[g.line - 1].slice(g.from, g.to)}`);
  for (const g of promoGold) if (!g.optional && !by("promotional").some((d) => covers(d, g.line - 1, g.from, g.to))) notes.push(`missed promotional L${g.line}: ${lines[g.line - 1].slice(g.from, g.to)}`);
  for (const l of [...goldB].sort((a, b) => a - b)) if (!gotB.has(l)) notes.push(`missed boilerplate L${l + 1}: ${lines[l].trim().slice(0, 60)}`);
  for (const l of [...gotB].sort((a, b) => a - b)) if (!goldB.has(l)) notes.push(`extra boilerplate L${l + 1}: ${lines[l].trim().slice(0, 60)}`);

  return { name, diagnostics: diags.length, boilerplate: bt, figures: ft, claims: ct, promotional: pt, outline, outlineCounts: oc, notes };
}

export interface Summary {
  documents: number;
  diagnostics: "pull" | "push";
  boilerplate: PRF;
  figures: PRF;
  claims: PRF;
  promotional: PRF;
  outline: Record<"headline" | "dateline" | "sections" | "speakers", number | null>;
  hover_coverage: number | null;
  open_to_diagnostics_ms: { median: number | null; p95: number | null };
}

/** Sums document scores into the corpus summary, as score.mjs does. */
export function summarize(docs: DocScore[], hovers: { asked: number; answered: number }, latencies: number[], pull: boolean): Summary {
  const T = { boilerplate: tally(), figures: tally(), claims: tally(), promotional: tally() };
  const O: OutlineCounts = { headline: [0, 0], dateline: [0, 0], sections: [0, 0], speakers: [0, 0] };
  for (const d of docs) {
    for (const k of ["boilerplate", "figures", "claims", "promotional"] as const) for (const f of ["tp", "fp", "fn"] as const) T[k][f] += d[k][f];
    for (const k of ["headline", "dateline", "sections", "speakers"] as const) {
      O[k][0] += d.outlineCounts[k][0];
      O[k][1] += d.outlineCounts[k][1];
    }
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const q = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : null);
  const ratio = ([a, n]: [number, number]) => (n ? a / n : null);
  return {
    documents: docs.length,
    diagnostics: pull ? "pull" : "push",
    boilerplate: prf(T.boilerplate),
    figures: prf(T.figures),
    claims: prf(T.claims),
    promotional: prf(T.promotional),
    outline: { headline: ratio(O.headline), dateline: ratio(O.dateline), sections: ratio(O.sections), speakers: ratio(O.speakers) },
    hover_coverage: hovers.asked ? hovers.answered / hovers.asked : null,
    open_to_diagnostics_ms: { median: q(0.5), p95: q(0.95) },
  };
}

const pct = (x: number | null | undefined) => (x == null ? "n/a" : (100 * x).toFixed(1) + "%");

/** The summary table, line for line as score.mjs prints it. */
export function formatTable(s: Summary): string[] {
  const out: string[] = [];
  for (const k of ["boilerplate", "figures", "claims", "promotional"] as const) {
    const v = s[k];
    out.push(`${k.padEnd(12)} P ${pct(v.precision)}  R ${pct(v.recall)}  F1 ${pct(v.f1)}  (tp ${v.tp} fp ${v.fp} fn ${v.fn})`);
  }
  out.push(`outline      headline ${pct(s.outline.headline)}  dateline ${pct(s.outline.dateline)}  sections ${pct(s.outline.sections)}  speakers ${pct(s.outline.speakers)}`);
  out.push(`hover        ${pct(s.hover_coverage)} of findings have a hover`);
  out.push(`latency      open->diagnostics median ${s.open_to_diagnostics_ms.median?.toFixed(1)} ms, p95 ${s.open_to_diagnostics_ms.p95?.toFixed(1)} ms over ${s.documents} documents`);
  return out;
}

/** Value of a dotted metric path ("boilerplate.f1", "outline.headline", "hover_coverage"). */
export function metric(s: Summary, path: string): number | null | undefined {
  let v: unknown = s;
  for (const k of path.split(".")) v = v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
  return typeof v === "number" || v === null ? v : undefined;
}

/** Floors the summary falls below: [metric, value, floor]. Keys starting with "_" are comments. */
export function belowFloors(s: Summary, floors: Record<string, unknown>): { metric: string; value: number | null | undefined; floor: number }[] {
  const out: { metric: string; value: number | null | undefined; floor: number }[] = [];
  for (const [k, floor] of Object.entries(floors)) {
    if (k.startsWith("_") || typeof floor !== "number") continue;
    const v = metric(s, k);
    if (typeof v !== "number" || v < floor - 1e-9) out.push({ metric: k, value: v, floor });
  }
  return out;
}
