// The stdio transport's JSON encoder writes long arrays piece by piece; its bytes must be
// exactly those of Buffer.from(JSON.stringify(value)), for any value a message can carry.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { encodeJson } from "../../server/src/lsp/jsonEncoder";

const same = (value: unknown) => assert.deepEqual(Buffer.from(encodeJson(value)), Buffer.from(JSON.stringify(value), "utf8"));

// Strings of any code units (lone surrogates too), and values JSON.stringify leaves out or turns into null.
const text = fc.string({ unit: "binary", maxLength: 40 });
const leaf = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(() => 1), fc.date());
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object"), tie("long")),
  array: fc.array(tie("node"), { maxLength: 8 }),
  // Long enough to be written element by element.
  long: fc.array(fc.oneof(leaf, fc.dictionary(text, leaf, { maxKeys: 3 })), { minLength: 33, maxLength: 60 }),
  object: fc.dictionary(text, tie("node"), { maxKeys: 6 }),
})).node;

describe("stdio JSON encoder", function () {
  this.timeout(60000);
  it("a publishDiagnostics message of 2,000 diagnostics with curly quotes: the same bytes as JSON.stringify", () => {
    const diagnostics = Array.from({ length: 2000 }, (_, i) => ({
      range: { start: { line: i, character: 1 }, end: { line: i, character: 9 } },
      severity: 3,
      code: "promotional",
      message: `Promotional: “Premier” ${i} is self-praise the reader cannot check. 😀`,
      data: i % 2 ? undefined : { kind: "wire-header" },
    }));
    const msg = { jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: { uri: "file:///x.txt", version: 3, diagnostics } };
    same(msg);
    assert.ok(JSON.stringify(msg).length > 4 * 16384, "long enough to be written in several pieces");
  });

  it("any value (10,000 generated): the same bytes as JSON.stringify", () => {
    fc.assert(fc.property(value, (v) => same({ jsonrpc: "2.0", id: 1, result: v })), { numRuns: 10000 });
  });

  it("a class instance, toJSON and nested long arrays are written as JSON.stringify writes them", () => {
    class Point {
      constructor(readonly x: number) {}
    }
    same({ params: { items: Array.from({ length: 50 }, (_, i) => ({ p: new Point(i), d: new Date(i), nested: Array.from({ length: 40 }, (_, j) => [j, undefined]) })) } });
    same({ params: { toJSON: () => ({ replaced: true }) } });
    same(Array.from({ length: 100 }, () => undefined));
  });
});
