// Engine results (UTF-16 offsets) to LSP shapes. TextDocument.positionAt handles CRLF, CR
// and surrogate pairs; the BOM is an ordinary character of line 0 for both sides.
import type { TextDocument } from "vscode-languageserver-textdocument";
import { Diagnostic, DiagnosticSeverity, DocumentSymbol, Range, SymbolKind } from "vscode-languageserver";
import type { Finding, OutlineNode, Severity, Span } from "../analysis/types";
import { ruleDocsUrl, ruleFor } from "../rules/registry";
import { cover } from "../analysis/outline";

export const SOURCE = "press-release";

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const rule = ruleFor(f.code);
  return {
    range: toRange(doc, f),
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: rule ? { href: ruleDocsUrl(rule) } : undefined,
    source: SOURCE,
    message: f.message,
    data: f.data,
  };
}

/**
 * A document's diagnostics: its first `max` findings (they come in document order), and past
 * that one Information diagnostic on the first line saying how many are left out and why.
 * Converting and sending 20,000 diagnostics held the server up for about half a second, and
 * no one reads them in the Problems panel.
 */
export function toDiagnostics(doc: TextDocument, findings: readonly Finding[], max: number): Diagnostic[] {
  if (findings.length <= max) return findings.map((f) => toDiagnostic(doc, f));
  const shown = findings.slice(0, max).map((f) => toDiagnostic(doc, f));
  shown.push({
    range: firstLineRange(doc),
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: "too-many",
    message: `Showing the first ${max.toLocaleString("en-US")} of ${findings.length.toLocaleString("en-US")} findings (pressRelease.maxProblems). Raise that setting to see more; Show Report lists them all.`,
  });
  return shown;
}

/** The first line, up to 200 characters: where notes about the whole document go. */
export function firstLineRange(doc: TextDocument): Range {
  const text = doc.getText();
  return { start: { line: 0, character: 0 }, end: doc.positionAt(Math.min(text.indexOf("\n") >>> 0, 200)) };
}

const KIND: Record<OutlineNode["kind"], SymbolKind> = {
  headline: SymbolKind.File,
  subheadline: SymbolKind.String,
  dateline: SymbolKind.Event,
  body: SymbolKind.Namespace,
  section: SymbolKind.Module,
  paragraph: SymbolKind.String,
  speaker: SymbolKind.Constructor,
  quote: SymbolKind.String,
  sources: SymbolKind.Package,
  source: SymbolKind.Constructor,
  "boilerplate-group": SymbolKind.Package,
  boilerplate: SymbolKind.Null,
};

/**
 * The most symbols an outline sends. A release with tens of thousands of named speakers made
 * 67,590 symbols: a 16.6 MB answer that held the server about a second at every request, for
 * an Outline panel no one can read.
 */
export const MAX_SYMBOLS = 5000;

/**
 * The outline as document symbols: at most `max`, taken level by level (every top-level node,
 * then their children, …), so what is cut is the deepest and latest. A node whose children
 * were cut ends with one "… N more" symbol covering them.
 */
export function toSymbols(doc: TextDocument, outline: readonly OutlineNode[], max = MAX_SYMBOLS): DocumentSymbol[] {
  const kept = new Set<OutlineNode>();
  for (let level: readonly OutlineNode[] = outline; level.length && kept.size < max; ) {
    const next: OutlineNode[] = [];
    for (const n of level) {
      if (kept.size >= max) break;
      kept.add(n);
      next.push(...n.children);
    }
    level = next;
  }
  const convert = (nodes: readonly OutlineNode[]): DocumentSymbol[] => {
    const out: DocumentSymbol[] = [];
    const cut: OutlineNode[] = [];
    for (const n of nodes) if (kept.has(n)) out.push(toSymbol(doc, n, convert(n.children)));
    else cut.push(n);
    if (cut.length) {
      const range = toRange(doc, cover(cut.map((n) => n.span)));
      out.push({ name: `… ${cut.length.toLocaleString("en-US")} more`, detail: `not listed: the outline shows ${max.toLocaleString("en-US")} entries at most`, kind: SymbolKind.Null, range, selectionRange: range, children: [] });
    }
    return out;
  };
  return convert(outline);
}

function toSymbol(doc: TextDocument, n: OutlineNode, children: DocumentSymbol[]): DocumentSymbol {
  const range = toRange(doc, n.span);
  return {
    name: n.name || "(untitled)",
    detail: n.detail,
    kind: KIND[n.kind],
    range,
    selectionRange: toRange(doc, n.selection.start >= n.span.start && n.selection.end <= n.span.end ? n.selection : n.span),
    children,
  };
}
