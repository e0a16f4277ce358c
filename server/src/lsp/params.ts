// Request parameters, checked before a handler reads them: a malformed or out-of-range request
// gets an InvalidParams error that says what is wrong, rather than an answer made up from what
// is there or an internal error from a handler reading a field that is missing.
import { ErrorCodes, ResponseError, type Position, type Range, type TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";

const invalid = (message: string) => new ResponseError(ErrorCodes.InvalidParams, message);
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A position as the protocol spells one: non-negative whole numbers. */
const isPosition = (v: unknown): v is Position => isObject(v) && [v.line, v.character].every((n) => typeof n === "number" && Number.isInteger(n) && n >= 0);

/** The open document at `uri`. */
export function documentAt(documents: TextDocuments<TextDocument>, uri: string): TextDocument {
  const doc = documents.get(uri);
  if (!doc) throw invalid(`unknown document: ${uri}`);
  return doc;
}

/** params.uri of this server's own requests (DocumentParams). */
export function uriOf(params: unknown): string {
  const uri = isObject(params) ? params.uri : undefined;
  if (typeof uri !== "string") throw invalid("uri is missing or not a string");
  return uri;
}

/** The open document that params.textDocument.uri names. */
export function documentOf(documents: TextDocuments<TextDocument>, params: unknown): TextDocument {
  const uri = isObject(params) && isObject(params.textDocument) ? params.textDocument.uri : undefined;
  if (typeof uri !== "string") throw invalid("textDocument.uri is missing or not a string");
  return documentAt(documents, uri);
}

/** A position in the document: whole numbers, on one of its lines (a character past the line's end stands for its end). */
function positionIn(doc: TextDocument, value: unknown, what: string): Position {
  if (!isPosition(value) || value.line >= doc.lineCount) throw invalid(`${what} out of range: ${JSON.stringify(value) ?? "missing"}`);
  return { line: value.line, character: value.character };
}

/** params.position in the document. */
export function positionOf(doc: TextDocument, params: unknown): Position {
  return positionIn(doc, isObject(params) ? params.position : undefined, "position");
}

/** params.range in the document, its start not after its end. */
export function rangeOf(doc: TextDocument, params: unknown): Range {
  const range = isObject(params) ? params.range : undefined;
  const start = positionIn(doc, isObject(range) ? range.start : undefined, "range start");
  const end = positionIn(doc, isObject(range) ? range.end : undefined, "range end");
  if (doc.offsetAt(start) > doc.offsetAt(end)) throw invalid(`range ends before it starts: ${JSON.stringify(range)}`);
  return { start, end };
}

/**
 * Throws unless params.context of a code action request is an object with a list of
 * diagnostics, and each of this server's (`source`) has a well-formed range: the quick fixes
 * are placed from them. Whether the range still lies in the document is the handler's to
 * judge (a diagnostic of an older version may not). Other diagnostics are not read.
 */
export function checkCodeActionContext(params: unknown, source: string): void {
  const context = isObject(params) ? params.context : undefined;
  if (!isObject(context) || !Array.isArray(context.diagnostics) || !context.diagnostics.every(isObject)) throw invalid("context.diagnostics is missing or not a list of diagnostics");
  if (context.only !== undefined && !(Array.isArray(context.only) && context.only.every((k) => typeof k === "string"))) throw invalid("context.only is not a list of kinds");
  for (const [k, d] of context.diagnostics.entries()) {
    if (d.source === source && !(isObject(d.range) && isPosition(d.range.start) && isPosition(d.range.end)))
      throw invalid(`context.diagnostics[${k}] has no range of whole numbers: ${JSON.stringify(d.range) ?? "missing"}`);
  }
}
