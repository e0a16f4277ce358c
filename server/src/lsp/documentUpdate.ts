// Edits applied to the server's copy of a document as vscode-languageserver-textdocument
// applies them, each range first brought inside the text it applies to (the text the edits
// before it in the notification left). The library clamps a range's offsets but updates its
// table of line starts from the range's own line numbers: an edit past the end left holes in
// it, and every position worked out afterwards could lie outside the document (a character of
// null, a line past the last).
import type { TextDocument, TextDocumentContentChangeEvent } from "vscode-languageserver-textdocument";
import { PieceDocument } from "./pieceDocument";
import type { Position } from "vscode-languageserver";

/** A whole number from what the client sent (0 for what is not a finite number). */
const whole = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? Math.trunc(v) : 0);

/** `p` as the position of the offset the library reads it as: on a line of the text, within it. */
function inside(doc: TextDocument, p: unknown): Position {
  const raw = typeof p === "object" && p !== null ? (p as Record<string, unknown>) : {};
  const line = whole(raw.line);
  if (line < 0) return { line: 0, character: 0 };
  return doc.positionAt(doc.offsetAt({ line, character: Math.max(0, whole(raw.character)) }));
}

/** doc.update, one change at a time, with every range inside the text it changes. */
export function updateWithin(doc: PieceDocument, changes: TextDocumentContentChangeEvent[], version: number): PieceDocument {
  if (!changes.length) doc.update([], version);
  for (const change of changes) {
    const text = typeof change?.text === "string" ? change.text : "";
    if (!change || !("range" in change)) doc.update([{ text }], version);
    else {
      const range = typeof change.range === "object" && change.range !== null ? change.range : { start: undefined, end: undefined };
      doc.update([{ range: { start: inside(doc, range.start), end: inside(doc, range.end) }, text }], version);
    }
  }
  return doc;
}

/** The server's documents: kept in pieces between edits (see pieceDocument.ts), every edit's range inside the text. */
export const DOCUMENTS = {
  create: (uri: string, languageId: string, version: number, content: string) => new PieceDocument(uri, languageId, version, content),
  update: updateWithin,
};
