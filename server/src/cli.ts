// Command-line annotator on the same engine: a readable report or JSON per file.
import { readFileSync, statSync } from "node:fs";
import { analyze } from "./analysis/index";
import type { AnalysisResult, OutlineNode } from "./analysis/types";
import { TextDocument } from "vscode-languageserver-textdocument";

interface CliOptions {
  format: "text" | "json";
  files: string[];
}

function parseArgs(argv: string[]): CliOptions | string {
  const o: CliOptions = { format: "text", files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--format") {
      const f = argv[++i];
      if (f !== "text" && f !== "json") return `unknown format: ${f ?? "(none)"} (use text or json)`;
      o.format = f;
    } else if (a.startsWith("--format=")) {
      const f = a.slice(9);
      if (f !== "text" && f !== "json") return `unknown format: ${f} (use text or json)`;
      o.format = f;
    } else if (a === "-h" || a === "--help") return "help";
    else if (a.startsWith("-")) return `unknown option: ${a}`;
    else o.files.push(a);
  }
  if (!o.files.length) return "no input files";
  return o;
}

/** Reads a file as UTF-8 text, refusing binary and invalid UTF-8 with a one-line reason. */
export function readText(file: string): string {
  const st = statSync(file);
  if (st.isDirectory()) throw new Error("is a directory");
  const buf = readFileSync(file);
  if (buf.includes(0)) throw new Error("binary file (contains NUL bytes)");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    throw new Error("not valid UTF-8 text");
  }
}

function toJson(file: string, text: string, r: AnalysisResult) {
  const doc = TextDocument.create("file:///x", "plaintext", 1, text);
  const range = (s: number, e: number) => ({ start: doc.positionAt(s), end: doc.positionAt(e) });
  const outline = (n: OutlineNode): unknown => ({ name: n.name, detail: n.detail, kind: n.kind, range: range(n.span.start, n.span.end), children: n.children.map(outline) });
  return {
    file,
    findings: r.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, range: range(f.start, f.end), ...(f.data?.kind ? { kind: f.data.kind } : {}) })),
    outline: r.outline.map(outline),
  };
}

function toText(file: string, text: string, r: AnalysisResult): string {
  const doc = TextDocument.create("file:///x", "plaintext", 1, text);
  const lines: string[] = [file];
  for (const f of r.findings) {
    const p = doc.positionAt(f.start);
    lines.push(`  ${p.line + 1}:${p.character + 1}  ${f.severity.padEnd(11)} ${f.code.padEnd(20)} ${f.message}`);
  }
  lines.push("", "  Outline:");
  const walk = (n: OutlineNode, depth: number) => {
    lines.push(`  ${"  ".repeat(depth)}${depth ? "└ " : "• "}${n.name}${n.detail ? `  (${n.detail})` : ""}`);
    for (const c of n.children) walk(c, depth + 1);
  };
  r.outline.forEach((n) => walk(n, 0));
  const counts = new Map<string, number>();
  for (const f of r.findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  lines.push("", `  ${r.findings.length} findings${counts.size ? ": " + [...counts].map(([c, n]) => `${n} ${c}`).join(", ") : ""}`);
  return lines.join("\n");
}

function main(argv: string[]): number {
  const opts = parseArgs(argv);
  if (opts === "help") {
    process.stdout.write("usage: press-release-annotate [--format text|json] FILE...\n");
    return 0;
  }
  if (typeof opts === "string") {
    process.stderr.write(`press-release-annotate: ${opts}\nusage: press-release-annotate [--format text|json] FILE...\n`);
    return 2;
  }
  let bad = false;
  const json: unknown[] = [];
  for (const file of opts.files) {
    let text: string;
    try {
      text = readText(file);
    } catch (e) {
      const msg = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
      process.stderr.write(`press-release-annotate: ${file}: ${msg}\n`);
      bad = true;
      continue;
    }
    const r = analyze(text);
    if (opts.format === "json") json.push(toJson(file, text, r));
    else process.stdout.write(toText(file, text, r) + "\n\n");
  }
  if (opts.format === "json") process.stdout.write(JSON.stringify(json, null, 2) + "\n");
  return bad ? 2 : 0;
}

process.exitCode = main(process.argv.slice(2));
