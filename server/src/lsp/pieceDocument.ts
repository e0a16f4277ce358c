// The server's copy of an open document, as vscode-languageserver-textdocument keeps it (the
// same offsets, positions and line table, tested against it), but with its text kept in pieces
// between edits. The library builds the new text at every edit and reads a character of it,
// which copies the whole document: 72 ms a keystroke in a 10 MB release, several hundred in a
// 50 MB file over the size limit, all on the server's thread. Here an edit replaces slices of
// pieces (V8 slices share their parent's characters), and the pieces are joined when the text
// is read: once per analysis, not once per keystroke.
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from "vscode-languageserver-textdocument";

const CR = 13;
const LF = 10;
const isEOL = (c: number) => c === CR || c === LF;

/** Line starts an edit adds that are spliced into the table as arguments (a large paste makes a new table: spread, it would overflow the stack). */
const MAX_SPREAD = 10000;

/** Past this many pieces they are joined at the next edit: every edit walks them. */
const MAX_PIECES = 512;

/** The offsets where lines start in `text` (from `at`), as the library works them out: CRLF, CR and LF each end a line. */
function lineStarts(text: string, firstLineStarts: boolean, at = 0): number[] {
  const out = firstLineStarts ? [at] : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isEOL(c)) continue;
    if (c === CR && text.charCodeAt(i + 1) === LF) i++;
    out.push(at + i + 1);
  }
  return out;
}

export class PieceDocument implements TextDocument {
  private pieces: string[];
  private length: number;
  private lines: number[] | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
  ) {
    this.pieces = [content];
    this.length = content.length;
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lineOffsets().length;
  }

  getText(range?: Range): string {
    if (this.pieces.length > 1) this.pieces = [this.pieces.join("")];
    const text = this.pieces[0];
    return range ? text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const lines = this.lineOffsets();
    let low = 0;
    let high = lines.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lines[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeEOL(offset, lines[line]);
    return { line, character: offset - lines[line] };
  }

  offsetAt(position: Position): number {
    const lines = this.lineOffsets();
    if (position.line >= lines.length) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = lines[position.line];
    if (position.character <= 0) return lineOffset;
    const next = position.line + 1 < lines.length ? lines[position.line + 1] : this.length;
    return this.beforeEOL(Math.min(lineOffset + position.character, next), lineOffset);
  }

  getLineRange(line: number): Range {
    const lines = this.lineOffsets();
    if (line >= lines.length) {
      const last = lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - lines[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lines[line];
    const next = line + 1 < lines.length ? lines[line + 1] : this.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEOL(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const lines = this.lineOffsets();
    if (line < 0 || line >= lines.length) return "";
    const next = line + 1 < lines.length ? lines[line + 1] : this.length;
    return this.getText().substring(this.beforeEOL(next, lines[line]), next);
  }

  /** Applies changes as the library's update does, in order, then takes the version. */
  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!("range" in change)) {
        this.pieces = [change.text];
        this.length = change.text.length;
        this.lines = undefined;
        continue;
      }
      const range = wellFormed(change.range);
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      this.splice(start, end, change.text);
      const insertedEnd = start + change.text.length;
      // A CRLF made across an edit's edge: the "\r" no longer ends a line by itself, so the line
      // start right after it goes. (An edit cannot part a CRLF: positions never fall inside one.)
      const joinedBefore = this.charCodeAt(start - 1) === CR && this.charCodeAt(start) === LF;
      const joinedAfter = change.text.length > 0 && this.charCodeAt(insertedEnd - 1) === CR && this.charCodeAt(insertedEnd) === LF;
      const lines = this.lines;
      if (!lines) continue; // worked out from the text when next asked for
      const startLine = Math.max(range.start.line, 0);
      const endLine = Math.max(range.end.line, 0);
      const added = lineStarts(change.text, false, start);
      if (endLine - startLine === added.length) for (let i = 0; i < added.length; i++) lines[i + startLine + 1] = added[i];
      // In place: a copy of the table per edit made one didChange of 1,000 Enters (multi-cursor) in 100,000 lines take 6 s.
      else if (added.length <= MAX_SPREAD) lines.splice(startLine + 1, endLine - startLine, ...added);
      else this.lines = lines.slice(0, startLine + 1).concat(added, lines.slice(endLine + 1));
      const diff = change.text.length - (end - start);
      const table = this.lines as number[];
      if (diff !== 0) for (let i = startLine + 1 + added.length; i < table.length; i++) table[i] += diff;
      if (joinedAfter) this.dropLineStart(startLine + added.length, insertedEnd);
      if (joinedBefore) this.dropLineStart(startLine, start);
    }
    this.currentVersion = version;
  }

  /** Removes the line start `offset` at `index` of the table; if it is not there, the table is worked out again when next asked for. */
  private dropLineStart(index: number, offset: number): void {
    if (this.lines?.[index] === offset) this.lines.splice(index, 1);
    else this.lines = undefined;
  }

  private lineOffsets(): number[] {
    return (this.lines ??= lineStarts(this.getText(), true));
  }

  private beforeEOL(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEOL(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  /** The code unit at `offset` (NaN outside the text), found among the pieces. */
  private charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    for (const p of this.pieces) {
      if (offset < p.length) return p.charCodeAt(offset);
      offset -= p.length;
    }
    return NaN;
  }

  /** Replaces [start, end) with `text`: slices of the pieces at the two edges, the pieces between dropped. */
  private splice(start: number, end: number, text: string): void {
    if (this.pieces.length >= MAX_PIECES) this.getText();
    const out: string[] = [];
    let at = 0;
    let placed = false;
    for (const p of this.pieces) {
      const pEnd = at + p.length;
      if (pEnd <= start) out.push(p);
      else {
        if (at < start) out.push(p.slice(0, start - at));
        if (!placed) {
          out.push(text);
          placed = true;
        }
        if (pEnd > end) out.push(at >= end ? p : p.slice(end - at));
      }
      at = pEnd;
    }
    if (!placed) out.push(text);
    const kept = out.filter((p) => p.length > 0);
    this.pieces = kept.length ? kept : [""];
    this.length += text.length - (end - start);
  }
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
