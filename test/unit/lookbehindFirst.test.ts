// Regexes that open with a lookbehind are searched by their rest first, then confirmed whole
// (server/src/analysis/lookbehindFirst.ts). Each must find exactly what the regex as written
// finds: checked for the engine's two on the fixtures' text and on generated near-misses,
// and for small regexes that exercise the edges (captures, pairs under u and v, lookbehinds
// that are not about letters).
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { LookbehindFirst, leadingLookbehindEnd } from "../../server/src/analysis/lookbehindFirst";
import { RESULTS_RELEASE } from "../../server/src/analysis/figureSources";
import { CONDUCTED_BY } from "../../server/src/analysis/attribution";
import { execAll } from "../../server/src/analysis/text";
import { fixtureNames, loadFixture } from "../helpers/fixtures";

const withFlag = (re: RegExp, flag: string) => new RegExp(re.source, re.flags.replace(/[gy]/g, "") + flag);
const shape = (m: RegExpExecArray | null) => (m ? { index: m.index, groups: [...m] } : null);

function assertSame(lf: LookbehindFirst, text: string): void {
  const what = `/${lf.regex.source.slice(0, 60)}…/ on ${JSON.stringify(text.slice(0, 200))}`;
  assert.deepStrictEqual(shape(lf.exec(text)), shape(withFlag(lf.regex, "").exec(text)), what);
  assert.equal(lf.test(text), withFlag(lf.regex, "").test(text), what);
  assert.deepStrictEqual(lf.all(text).map(shape), execAll(withFlag(lf.regex, "g"), text).map(shape), what);
}

const ENGINE = { RESULTS_RELEASE, CONDUCTED_BY };
const EDGES = [
  /(?<![\p{L}])(?:ab|b)c?/giu, // overlapping candidates: "bab" has "b" at 0 rejected … found at 2
  /(?<=\d)x+/gu, // a quantified rest
  /(?<!a)(\p{L})\1/u, // a capture and a backreference after the lookbehind
  /(?<![\p{L}])\p{L}/u, // letters beyond the BMP: candidates start at pairs
  new RegExp(String.raw`(?<![\p{L}])[\p{L}--[a]]+`, "v"), // the same under the v flag (a literal needs ES2024 here)
  /(?<!\()[)(]+/, // parentheses in a class and escaped in the lookbehind
  /(?<=[(\])])y/i,
];

describe("regexes opening with a lookbehind: searched by their rest, confirmed whole", function () {
  this.timeout(120000);

  it("finds the opening lookbehind's end, or refuses a regex without one", () => {
    assert.equal(leadingLookbehindEnd(String.raw`(?<![\p{L}])abc`), 12);
    assert.equal(leadingLookbehindEnd(String.raw`(?<=[()\]])(x)`), 11);
    assert.equal(leadingLookbehindEnd(String.raw`(?<!\(a(?:b))c`), 13);
    assert.throws(() => new LookbehindFirst(/abc(?<!x)/), /not a leading lookbehind/);
    assert.throws(() => leadingLookbehindEnd("(?<!abc"), /unbalanced/);
    assert.throws(() => new LookbehindFirst(/(?<=(a))\1/), /captures in the lookbehind/);
    assert.throws(() => new LookbehindFirst(/(?<=\d)x*/u), /can match an empty string/);
    assert.throws(() => new LookbehindFirst(/(?<=(?<n>a))b/), /captures in the lookbehind/);
    assert.equal(leadingLookbehindEnd(String.raw`(?<!(?:a|b)(?<!c))d`), 18);
  });

  it("the engine's regexes: the same matches on every line of the fixtures", () => {
    for (const name of fixtureNames()) for (const line of loadFixture(name).text.split("\n")) for (const lf of Object.values(ENGINE)) assertSame(lf, line);
  });

  it("the engine's regexes: the same matches on generated text of their words glued to letters, digits and marks", () => {
    const piece = fc.constantFrom(
      "results", "Earnings", "quarterly", "net income", "résultats", "markets", "emerging market", "key markets", "world's", "people", "GDP",
      "survey", "study conducted by", "commissioned by the", "Pew Research", "Ünited", "x", "é", "\u{1D400}", "\uD835", "中", "1", "ſ", "\u212A", "-", "'",
    );
    const text = fc.array(fc.tuple(piece, fc.constantFrom(" ", "", "\n", ", ")), { maxLength: 20 }).map((p) => p.map(([a, b]) => a + b).join(""));
    for (const lf of Object.values(ENGINE)) fc.assert(fc.property(text, (t) => assertSame(lf, t)), { numRuns: 2000, seed: 7 });
  });

  it("edge regexes: the same matches on generated text", () => {
    const piece = fc.constantFrom("a", "b", "c", "ab", "bab", "x", "xx", "1", "12", "(", ")", "]", "y", "Y", "\u{1D400}", "\u{1D400}\u{1D400}", "\uD835", "\uDC00", " ", "é");
    const text = fc.array(piece, { maxLength: 20 }).map((p) => p.join(""));
    for (const re of EDGES) {
      const lf = new LookbehindFirst(re);
      fc.assert(fc.property(text, (t) => assertSame(lf, t)), { numRuns: 2000, seed: 7 });
      fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 30 }), (t) => assertSame(lf, t)), { numRuns: 1000, seed: 7 });
    }
  });
});
