// Edits applied to the server's copy of a document as vscode-languageserver-textdocument
// applies them, each range first brought inside the text it applies to (the text the edits
// before it in the notification left). The library clamps a range's offsets but updates its
// table of line starts from the range's own line numbers: an edit past the end left holes in
// it, and every position worked out afterwards could lie outside the document (a character of
// null, a line past the last).
import type { TextDocument, TextDocumentContentChangeEvent } from "vscode-languageserver-textdocument";
import { PieceDocument } from "./pieceDocument";
import { isObject } from "./params";
import type { Position } from "vscode-languageserver";

/**
 * A whole number from what the client sent, as the library reads it: ±Infinity (JSON's 1e400)
 * stands for past either end, anything that is not a number for 0.
 */
const whole = (v: unknown) => (typeof v !== "number" || Number.isNaN(v) ? 0 : Number.isFinite(v) ? Math.trunc(v) : Math.sign(v) * Number.MAX_SAFE_INTEGER);

/** `p` as the position of the offset the library reads it as: on a line of the text, within it. */
function inside(doc: TextDocument, p: unknown): Position {
  const raw = isObject(p) ? p : {};
  const line = whole(raw.line);
  if (line < 0) return { line: 0, character: 0 };
  return doc.positionAt(doc.offsetAt({ line, character: Math.max(0, whole(raw.character)) }));
}

/**
 * Why a didChange's changes cannot be applied at all (what the library refuses too: a change
 * that is neither a whole text nor a range and its text), or undefined.
 */
function malformed(changes: unknown): string | undefined {
  if (!Array.isArray(changes)) return "contentChanges is not a list";
  for (const [k, c] of changes.entries()) {
    if (!isObject(c) || typeof c.text !== "string") return `change ${k} has no text`;
    if (c.range === undefined ? c.rangeLength !== undefined : !isObject(c.range) || !isObject(c.range.start) || !isObject(c.range.end))
      return `change ${k} has neither a range nor the whole text`;
  }
  return undefined;
}

/**
 * doc.update, one change at a time, with every range inside the text it changes. Changes that
 * cannot be applied are refused whole, before any is applied: the document keeps its text and
 * version, and the error is logged (a notification has no answer).
 */
export function updateWithin(doc: PieceDocument, changes: TextDocumentContentChangeEvent[], version: number): PieceDocument {
  const why = malformed(changes);
  if (why) throw new Error(`didChange of ${doc.uri} (version ${version}) not applied: ${why}`);
  if (!changes.length) doc.update([], version);
  for (const change of changes) {
    if (!("range" in change) || change.range === undefined) doc.update([{ text: change.text }], version);
    else doc.update([{ range: { start: inside(doc, change.range.start), end: inside(doc, change.range.end) }, text: change.text }], version);
  }
  return doc;
}

/** The server's documents: kept in pieces between edits (see pieceDocument.ts), every edit's range inside the text. */
export const DOCUMENTS = {
  // A didOpen whose text is not a string (null, a number) opens an empty document, not one that breaks each reader of its text.
  create: (uri: string, languageId: string, version: number, content: string) => new PieceDocument(uri, languageId, version, typeof content === "string" ? content : ""),
  update: updateWithin,
};
