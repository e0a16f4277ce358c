// Output formats of the CLI: a readable report, JSON, SARIF 2.1.0 and the Markdown report.
// Positions are 0-based line and UTF-16 character in JSON (as LSP), 1-based in text and SARIF.
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type * as Sarif from "sarif";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { AnalysisResult, OutlineNode, Severity } from "../analysis/types";
import { RULES, ruleDocsUrl, DOCS_BASE } from "../rules/registry";
import { countsByCode, renderReport, scorecard } from "../report";

/** One analysed input: its name as given (or found), its text, and the analysis (none when skipped). */
export interface Analysed {
  file: string;
  text: string;
  result?: AnalysisResult;
  skipped?: "not-a-release";
}

const positions = (text: string) => {
  const doc = TextDocument.create("file:///x", "plaintext", 1, text);
  return (offset: number) => doc.positionAt(offset);
};

/** The one-line summary of a file: findings by severity, boilerplate share, sourced figures. */
export function summaryLine(a: Analysed): string {
  if (!a.result) return `${a.file}: not a press release (skipped; use --enable always to analyse it)`;
  const card = scorecard(a.result);
  const bySeverity = new Map<Severity, number>();
  for (const f of a.result.findings) bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
  const sev = (["error", "warning", "information", "hint"] as const).filter((s) => bySeverity.has(s)).map((s) => `${bySeverity.get(s)} ${s}`);
  return `${a.file}: ${card.findings} finding${card.findings === 1 ? "" : "s"}${sev.length ? ` (${sev.join(", ")})` : ""} · ${Math.round(card.boilerplateShare * 100)}% boilerplate${card.sourcedShare === null ? "" : ` · ${Math.round(card.sourcedShare * 100)}% figures sourced`}`;
}

export function toText(a: Analysed): string {
  if (!a.result) return summaryLine(a);
  const r = a.result;
  const at = positions(a.text);
  const lines: string[] = [a.file];
  for (const f of r.findings) {
    const p = at(f.start);
    const where = `${p.line + 1}:${p.character + 1}`;
    const code = f.data?.kind ? `${f.code} (${f.data.kind})` : f.code;
    lines.push(`  ${where.padEnd(8)} ${f.severity.padEnd(11)} ${code.padEnd(20)} ${f.message}`);
  }
  if (!r.findings.length) lines.push("  no findings");
  lines.push("", "  Outline:");
  const walk = (n: OutlineNode, depth: number) => {
    const line = at(n.selection.start).line + 1;
    lines.push(`  ${"  ".repeat(depth)}${depth ? "└ " : "• "}${n.name || "(untitled)"}${n.detail ? `  (${n.detail})` : ""}  [${line}]`);
    for (const c of n.children) walk(c, depth + 1);
  };
  r.outline.forEach((n) => walk(n, 0));
  if (!r.outline.length) lines.push("  (empty)");
  const counts = countsByCode(r);
  lines.push("", summaryLine(a) + (counts.length ? `: ${counts.map(([c, n]) => `${n} ${c}`).join(", ")}` : ""));
  return lines.join("\n");
}

export function toJson(a: Analysed): unknown {
  if (!a.result) return { file: a.file, skipped: a.skipped, findings: [], outline: [] };
  const at = positions(a.text);
  const range = (s: number, e: number) => ({ start: at(s), end: at(e) });
  const outline = (n: OutlineNode): unknown => ({ name: n.name, detail: n.detail, kind: n.kind, range: range(n.span.start, n.span.end), children: n.children.map(outline) });
  const card = scorecard(a.result);
  return {
    file: a.file,
    findings: a.result.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, range: range(f.start, f.end), ...(f.data?.kind ? { kind: f.data.kind } : {}) })),
    outline: a.result.outline.map(outline),
    summary: { findings: card.findings, byCode: card.byCode, boilerplateShare: card.boilerplateShare, figures: card.figures, figuresSourced: card.figuresSourced, speakers: card.speakers },
  };
}

export function toMarkdown(a: Analysed): string {
  return a.result ? renderReport(a.result, { title: a.file }) : `# Press release report: ${a.file}\n\nNot a press release (skipped).\n`;
}

const LEVEL: Record<Severity, Sarif.Result.level> = { error: "error", warning: "warning", information: "note", hint: "note" };

/** A file's SARIF artifact location: relative to cwd under %SRCROOT% when inside it, else an absolute file: URI. */
function artifact(file: string, cwd: string): Sarif.ArtifactLocation {
  if (file === "-") return { uri: "stdin" };
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel && !rel.startsWith("..") && !path.isAbsolute(rel)) return { uri: rel.split(path.sep).map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
  return { uri: pathToFileURL(abs).href };
}

/** A SARIF 2.1.0 log: one run, the rules from the registry, one result per finding. */
export function toSarif(files: Analysed[], errors: { file: string; message: string }[], cwd: string): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = RULES.map((r) => ({
    id: r.code,
    name: r.title.split(/\W/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join(""),
    shortDescription: { text: r.title },
    fullDescription: { text: r.description },
    help: { text: `${r.description}\nFlagged: ${r.examples.flagged}\nNot flagged: ${r.examples.notFlagged}` },
    helpUri: ruleDocsUrl(r),
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
  }));
  const index = new Map(RULES.map((r, i) => [r.code as string, i]));
  const results: Sarif.Result[] = [];
  for (const a of files) {
    if (!a.result) continue;
    const at = positions(a.text);
    for (const f of a.result.findings) {
      const s = at(f.start);
      const e = at(f.end);
      results.push({
        ruleId: f.code,
        ruleIndex: index.get(f.code),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: artifact(a.file, cwd),
            region: { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, snippet: { text: a.text.slice(f.start, f.end) } },
          },
        }],
        ...(f.data?.kind ? { properties: { kind: f.data.kind } } : {}),
      });
    }
  }
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: { driver: { name: "press-release-annotate", informationUri: DOCS_BASE, rules } },
      originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(cwd + path.sep).href } },
      invocations: [{
        executionSuccessful: errors.length === 0,
        toolExecutionNotifications: errors.map((x) => ({ level: "error", message: { text: `${x.file}: ${x.message}` }, locations: [{ physicalLocation: { artifactLocation: artifact(x.file, cwd) } }] })),
      }],
      columnKind: "utf16CodeUnits",
      results,
    }],
  };
}
