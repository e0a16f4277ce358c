// The server's document (server/src/lsp/pieceDocument.ts) against the editor library's, which
// it stands in for: the same text, line count, positions and offsets after every edit of
// generated sequences of edits (line breaks of every kind, edits across them, deletions,
// replacements of the whole text, ranges given end first, past the end of a line); and the
// server's update, which brings every range inside the text and refuses malformed changes.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { TextDocument } from "vscode-languageserver-textdocument";
import { PieceDocument } from "../../server/src/lsp/pieceDocument";
import { updateWithin } from "../../server/src/lsp/documentUpdate";

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

  it("a notification of several changes, positions anywhere (past the end, negative, infinite): the text the library makes of each change in turn, and its positions for that text", () => {
    const num = fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constantFrom(1e6, Infinity, -Infinity));
    const position = fc.record({ line: num, character: num });
    const change = fc.oneof({ weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) }, { weight: 1, arbitrary: fc.record({ text }) });
    fc.assert(
      fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 4 }), { maxLength: 6 }), (initial, notifications) => {
        const ours = new PieceDocument("file:///c.txt", "press-release", 1, initial);
        let expected = initial;
        let version = 1;
        for (const changes of notifications) {
          version++;
          // The library on a fresh document for each change: its offsets for any position, on a line table that is whole.
          for (const c of changes) expected = TextDocument.update(TextDocument.create("file:///c.txt", "press-release", 1, expected), [c], 2).getText();
          updateWithin(ours, changes, version);
          assert.equal(ours.getText(), expected, JSON.stringify({ initial, notifications }));
          assert.equal(ours.version, version);
          const fresh = TextDocument.create("file:///c.txt", "press-release", 1, expected);
          assert.equal(ours.lineCount, fresh.lineCount);
          for (let o = 0; o <= expected.length; o++) assert.deepEqual(ours.positionAt(o), fresh.positionAt(o));
        }
      }),
      { numRuns: 3000, seed: 6 },
    );
  });

  it("fractions are cut to whole numbers and what is not a number is 0 (the library makes NaN offsets of them)", () => {
    const make = () => new PieceDocument("file:///e.txt", "press-release", 1, "Acme said.\nMore.");
    const a = make();
    updateWithin(a, [{ range: { start: { line: 1.7, character: 2.2 }, end: { line: Number.NaN, character: "3" as never } }, text: "X" }], 2);
    const b = make();
    updateWithin(b, [{ range: { start: { line: 1, character: 2 }, end: { line: 0, character: 0 } }, text: "X" }], 2);
    assert.equal(a.getText(), b.getText());
    assert.equal(a.getText(), "Xre.");
  });

  it("a notification that cannot be applied is refused whole: text and version stay as they were", () => {
    const doc = new PieceDocument("file:///d.txt", "press-release", 1, "Acme said.\nMore.");
    const good = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "X" };
    for (const bad of [[good, null], [good, {}], [good, { text: 5 }], [good, { rangeLength: 2, text: "x" }], [good, { range: null, text: "y" }], { length: 1 }]) {
      assert.throws(() => updateWithin(doc, bad as never, 2), /not applied/);
      assert.equal(doc.getText(), "Acme said.\nMore.");
      assert.equal(doc.version, 1);
    }
  });
});

