// The server's document (server/src/lsp/pieceDocument.ts) against the editor library's, which
// it stands in for: the same text, line count, positions and offsets after every edit of
// generated sequences of edits (line breaks of every kind, edits across them, deletions,
// replacements of the whole text, ranges given end first, past the end of a line).
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { TextDocument } from "vscode-languageserver-textdocument";
import { PieceDocument } from "../../server/src/lsp/pieceDocument";

const piece = fc.constantFrom("a", "Acme said", " ", "\n", "\r", "\r\n", "\n\n", "é", "😀", "\uD800", "x".repeat(20));
const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(""));
/** An edit as fractions of the document (turned into positions of the text it applies to), or a whole replacement. */
const edit = fc.oneof(
  { weight: 9, arbitrary: fc.record({ a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }), over: fc.nat(3), atCR: fc.boolean(), text }) },
  { weight: 1, arbitrary: fc.record({ whole: text }) },
);

describe("the server's document, kept in pieces: the editor library's answers", function () {
  this.timeout(120000);

  it("text, lines, positions and offsets after every edit of 3,000 generated sequences", () => {
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 25 }), (initial, edits) => {
        const lib = TextDocument.create("file:///a.txt", "press-release", 1, initial);
        const ours = new PieceDocument("file:///a.txt", "press-release", 1, initial);
        let version = 1;
        for (const e of edits) {
          version++;
          if ("whole" in e) {
            TextDocument.update(lib, [{ text: e.whole }], version);
            ours.update([{ text: e.whole }], version);
          } else {
            // Positions the library gives for two offsets; some a little past the end of their line.
            const len = lib.getText().length;
            // At times right after a "\r", where an edit can join it to a "\n" (or part them).
            const cr = lib.getText().indexOf("\r", Math.floor(e.a * len));
            const p = lib.positionAt(e.atCR && cr >= 0 ? cr + 1 : Math.floor(e.a * len));
            const q = lib.positionAt(Math.floor(e.b * len));
            const range = { start: p, end: { line: q.line, character: q.character + (e.over === 3 ? 5 : 0) } }; // end first at times
            TextDocument.update(lib, [{ range, text: e.text }], version);
            ours.update([{ range, text: e.text }], version);
          }
          const t = lib.getText();
          assert.equal(ours.getText(), t);
          assert.equal(ours.lineCount, lib.lineCount);
          assert.equal(ours.version, version);
          for (let o = -1; o <= t.length + 1; o++) assert.deepEqual(ours.positionAt(o), lib.positionAt(o), `positionAt(${o}) of ${JSON.stringify(t)}`);
          for (let line = -1; line <= lib.lineCount; line++) {
            for (const character of [0, 1, 3, 1e6]) assert.equal(ours.offsetAt({ line, character }), lib.offsetAt({ line, character }));
            assert.deepEqual(ours.getLineRange(line), lib.getLineRange(line));
            assert.equal(ours.getEOLCharacters(line), lib.getEOLCharacters(line));
          }
        }
      }),
      { numRuns: 3000, seed: 6 },
    );
  });

  it("edits between reads keep the text in pieces; reading it joins them", () => {
    const doc = new PieceDocument("file:///b.txt", "press-release", 1, "x".repeat(100000) + "\n" + "y".repeat(100000));
    for (let v = 2; v < 50; v++) doc.update([{ range: { start: { line: 0, character: 500 + v }, end: { line: 0, character: 500 + v } }, text: "z" }], v);
    const pieces = (doc as unknown as { pieces: string[] }).pieces;
    assert.ok(pieces.length > 10, `${pieces.length} pieces`);
    assert.equal(doc.getText().length, 200001 + 48);
    assert.equal((doc as unknown as { pieces: string[] }).pieces.length, 1);
  });
});
