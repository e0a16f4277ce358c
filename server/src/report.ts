// Pure views of an analysis for people: the scorecard (status bar, CLI summary), the
// Markdown report ("Show Report", `--format markdown`) and the release without its
// boilerplate ("Copy release without boilerplate"). No editor or Node imports.
import type { AnalysisResult, Figure, FindingCode, OutlineNode, ReleaseModel, Span } from "./analysis/types";
import { RULES } from "./rules/registry";
import { isBlank, lineAt } from "./analysis/text";
import type { Scorecard } from "./protocol";

/** 0-based line of an offset. */
export function lineOf(model: ReleaseModel, offset: number): number {
  return lineAt(model.lines, offset);
}

const pct = (share: number) => `${Math.round(share * 100)}%`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Counts by finding, share of boilerplate lines and share of figures with a named source. */
export function scorecard(result: AnalysisResult): Scorecard {
  const { model, findings } = result;
  const byCode: Record<string, number> = {};
  for (const r of RULES) byCode[r.code] = 0;
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  let lines = 0;
  let boilerplateLines = 0;
  const inBlock = boilerplateLineSet(model);
  for (const l of model.lines) {
    if (isBlank(l.text)) continue;
    lines++;
    if (inBlock.has(l.index)) boilerplateLines++;
  }
  const figures = model.figures.length;
  const figuresSourced = model.figures.filter((f) => f.source).length;
  const boilerplateShare = lines ? boilerplateLines / lines : 0;
  const sourcedShare = figures ? figuresSourced / figures : null;
  const label = `Release: ${plural(findings.length, "finding")} · ${pct(boilerplateShare)} boilerplate${sourcedShare === null ? "" : ` · ${pct(sourcedShare)} figures sourced`}`;
  const rows = RULES.map((r) => `| ${r.title} | ${byCode[r.code]} |`);
  const tooltip = [
    "**Press release scorecard**",
    "",
    "| Finding | Count |",
    "|---|---:|",
    ...rows,
    "",
    `Boilerplate: ${boilerplateLines} of ${lines} non-blank lines (${pct(boilerplateShare)})`,
    "",
    sourcedShare === null ? "Figures: none" : `Figures with a named source: ${figuresSourced} of ${figures} (${pct(sourcedShare)})`,
    "",
    `Named sources: ${model.speakers.length}`,
    "",
    "Click for the full report.",
  ].join("\n");
  return { findings: findings.length, byCode, lines, boilerplateLines, boilerplateShare, figures, figuresSourced, sourcedShare, speakers: model.speakers.length, label, tooltip };
}

function boilerplateLineSet(model: ReleaseModel): Set<number> {
  const set = new Set<number>();
  for (const b of model.boilerplate) for (let i = b.firstLine; i <= b.lastLine; i++) set.add(i);
  return set;
}

/** The release with its boilerplate blocks removed, blank-line runs collapsed, in its own line endings. */
export function textWithoutBoilerplate(result: AnalysisResult): string {
  const { model } = result;
  const eol = /\r\n/.test(model.text) ? "\r\n" : "\n";
  const drop = boilerplateLineSet(model);
  const kept: string[] = [];
  for (const l of model.lines) {
    if (drop.has(l.index)) continue;
    const blank = isBlank(l.text);
    if (blank && (kept.length === 0 || kept[kept.length - 1] === "")) continue;
    kept.push(blank ? "" : l.text.replace(/^\uFEFF/, ""));
  }
  while (kept.length && kept[kept.length - 1] === "") kept.pop();
  return kept.length ? kept.join(eol) + eol : "";
}

// ---------------------------------------------------------------- Markdown report

/** Scraped text to Markdown-safe inline text: Markdown leftovers unescaped, then escaped once. */
export function mdText(s: string): string {
  return s
    .replace(/\\([\\`*_{}[\]()#+\-.!$|<>~])/g, "$1")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/([\\`*_[\]<>|#~$])/g, "\\$1");
}

const excerpt = (s: string, max = 140) => {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > max ? t.slice(0, max - 1).trimEnd() + "…" : t;
};

export interface ReportOptions {
  /** Shown in the title: usually the file name. */
  title?: string;
}

/** The Markdown report: scorecard, findings by kind, figures, speakers with their statements, outline. */
export function renderReport(result: AnalysisResult, options: ReportOptions = {}): string {
  const { model, findings, outline } = result;
  const text = (s: Span) => model.text.slice(s.start, s.end);
  const line = (offset: number) => lineOf(model, offset) + 1;
  const card = scorecard(result);
  const out: string[] = [];
  out.push(`# Press release report${options.title ? `: ${mdText(options.title)}` : ""}`, "");
  if (model.headline) out.push(`**Headline:** ${mdText(text(model.headline))}`, "");
  if (model.dateline) {
    const d = model.dateline;
    const parts = [d.place, d.date, d.wire].filter(Boolean).map((p) => mdText(String(p)));
    out.push(`**Dateline** (line ${d.line + 1}): ${parts.length ? parts.join(" · ") : mdText(excerpt(text(d)))}`, "");
  }
  if (model.issuers.length) out.push(`**Issuer:** ${model.issuers.map(mdText).join(", ")}`, "");

  out.push("## Scorecard", "", "| | |", "|---|---|");
  out.push(`| Findings | ${card.findings} |`);
  out.push(`| Boilerplate | ${card.boilerplateLines} of ${card.lines} non-blank lines (${pct(card.boilerplateShare)}) |`);
  out.push(`| Figures with a named source | ${card.sourcedShare === null ? "no figures" : `${card.figuresSourced} of ${card.figures} (${pct(card.sourcedShare)})`} |`);
  out.push(`| Named sources | ${card.speakers} |`, "");

  out.push("## Findings by kind", "");
  if (!findings.length) out.push("No findings.", "");
  for (const rule of RULES) {
    const these = findings.filter((f) => f.code === rule.code);
    if (!these.length) continue;
    out.push(`### ${rule.title} (\`${rule.code}\`): ${these.length}`, "", `*${mdText(rule.description)}*`, "");
    for (const f of these) {
      const first = line(f.start);
      const last = line(Math.max(f.start, f.end - 1));
      const where = last > first ? `Lines ${first}–${last}` : `Line ${first}`;
      const kind = f.data?.kind ? ` (${f.data.kind})` : "";
      out.push(`- ${where}${kind}, ${f.severity}: “${mdText(excerpt(text(f), 100))}”: ${mdText(f.message)}`);
    }
    out.push("");
  }

  out.push("## Figures", "");
  if (!model.figures.length) out.push("No figures.", "");
  else {
    out.push("| Line | Figure | Normalised value | Source |", "|---:|---|---|---|");
    for (const f of model.figures) out.push(`| ${line(f.start)} | ${mdText(f.text)} | ${mdText(f.normalised)} | ${figureSource(f)} |`);
    out.push("");
  }

  out.push("## Speakers", "");
  if (!model.speakers.length) out.push("No named speakers.", "");
  for (const s of model.speakers) {
    out.push(`### ${mdText(s.name)}${s.role ? `, ${mdText(s.role)}` : ""}: ${plural(s.statements.length, "statement")}`, "");
    for (const st of s.statements) out.push(`- Line ${line(st.start)}: “${mdText(excerpt(text(st), 200))}”`);
    out.push("");
  }

  out.push("## Outline", "");
  const walk = (n: OutlineNode, depth: number) => {
    out.push(`${"  ".repeat(depth)}- ${mdText(n.name || "(untitled)")}${n.detail ? ` *(${mdText(n.detail)})*` : ""}, line ${line(n.selection.start)}`);
    for (const c of n.children) walk(c, depth + 1);
  };
  outline.forEach((n) => walk(n, 0));
  if (!outline.length) out.push("(empty)");
  out.push("");
  return out.join("\n");
}

function figureSource(f: Figure): string {
  if (f.source) return f.firstParty ? `${mdText(f.source)} (issuer, first-party)` : `${mdText(f.source)} (${f.sourceVia ?? "cue"})`;
  return `**none**${f.likelySource ? ` (the release cites ${mdText(f.likelySource)} elsewhere)` : ""}`;
}

/** Counts of findings per code, in registry order (for summaries). */
export function countsByCode(result: AnalysisResult): [FindingCode, number][] {
  return RULES.map((r) => [r.code, result.findings.filter((f) => f.code === r.code).length] as [FindingCode, number]).filter(([, n]) => n > 0);
}
