// The outline as document symbols (server/src/lsp/convert.ts): capped, level by level, with a
// "… N more" symbol where children were cut; every range holds its selection and its children.
import { strict as assert } from "node:assert";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { DocumentSymbol, Range } from "vscode-languageserver";
import type { OutlineNode } from "../../server/src/analysis/types";
import { toSymbols } from "../../server/src/lsp/convert";

const TEXT = "x".repeat(10000);
const doc = TextDocument.create("file:///o.txt", "press-release", 1, TEXT);
const leaf = (start: number, end: number): OutlineNode => ({ name: `n${start}`, kind: "speaker", span: { start, end }, selection: { start, end }, children: [] });
/** Three sections of ten speakers each, each section 1,000 characters. */
const outline: OutlineNode[] = [0, 1, 2].map((s) => ({
  name: `section ${s}`,
  kind: "section",
  span: { start: s * 1000, end: s * 1000 + 1000 },
  selection: { start: s * 1000, end: s * 1000 + 10 },
  children: Array.from({ length: 10 }, (_, i) => leaf(s * 1000 + i * 100, s * 1000 + i * 100 + 50)),
}));

const before = (a: Range["start"], b: Range["start"]) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const holds = (outer: Range, inner: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);
function checkRanges(symbols: DocumentSymbol[]): number {
  let n = 0;
  for (const s of symbols) {
    assert.ok(holds(s.range, s.selectionRange), `${s.name}: selection inside its range`);
    for (const c of s.children ?? []) assert.ok(holds(s.range, c.range), `${c.name} inside ${s.name}`);
    n += 1 + checkRanges(s.children ?? []);
  }
  return n;
}

describe("outline symbols: at most a cap, cut level by level", () => {
  it("under the cap, every node, as it is", () => {
    const symbols = toSymbols(doc, outline);
    assert.equal(checkRanges(symbols), 33);
    assert.deepEqual(symbols.map((s) => s.children?.length), [10, 10, 10]);
  });

  it("over it: every top-level node first, then children in order; one '… N more' covers those cut", () => {
    const symbols = toSymbols(doc, outline, 10);
    assert.deepEqual(symbols.map((s) => s.name), ["section 0", "section 1", "section 2"]);
    assert.deepEqual(symbols[0].children?.map((c) => c.name), ["n0", "n100", "n200", "n300", "n400", "n500", "n600", "… 3 more"]);
    assert.deepEqual(symbols[1].children?.map((c) => c.name), ["… 10 more"]);
    const more = symbols[0].children![7];
    assert.deepEqual(more.range, { start: doc.positionAt(700), end: doc.positionAt(950) });
    assert.equal(checkRanges(symbols), 10 + 3);
  });
});
