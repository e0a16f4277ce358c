// Engine results (UTF-16 offsets) to LSP shapes. TextDocument.positionAt handles CRLF, CR
// and surrogate pairs; the BOM is an ordinary character of line 0 for both sides.
import type { TextDocument } from "vscode-languageserver-textdocument";
import { Diagnostic, DiagnosticSeverity, DocumentSymbol, Range, SymbolKind } from "vscode-languageserver";
import type { Finding, OutlineNode, Severity, Span } from "../analysis/types";
import { ruleDocsUrl, ruleFor } from "../rules/registry";

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

export function toSymbol(doc: TextDocument, n: OutlineNode): DocumentSymbol {
  const range = toRange(doc, n.span);
  return {
    name: n.name || "(untitled)",
    detail: n.detail,
    kind: KIND[n.kind],
    range,
    selectionRange: toRange(doc, n.selection.start >= n.span.start && n.selection.end <= n.span.end ? n.selection : n.span),
    children: n.children.map((c) => toSymbol(doc, c)),
  };
}
