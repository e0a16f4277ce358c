// The figure patterns run only where a match can start (server/src/analysis/startScan.ts).
// Each must find exactly what a plain global scan of the same pattern finds: checked on the
// fixtures' sentences and on generated text made of figure-like pieces and near-misses.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { FIGURE_PATTERNS, FIGURE_SCANS } from "../../server/src/analysis/figures";
import { startsInTokens, type Start } from "../../server/src/analysis/startScan";
import { tokenize } from "../../server/src/analysis/phrases";
import { isAsciiDigit, letterAt } from "../../server/src/analysis/charClass";
import { execAll } from "../../server/src/analysis/text";
import { buildModel } from "../../server/src/analysis/index";
import { fixtureNames, loadFixture } from "../helpers/fixtures";

const NAMES = Object.keys(FIGURE_PATTERNS) as (keyof typeof FIGURE_PATTERNS)[];

/** Is the code unit before i (a whole code point) a letter? */
function letterBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return letterAt(text, i - 2) === 2;
  return letterAt(text, i - 1) === 1;
}

/** The starts read character by character, as their definition says: the reference for startsInTokens. */
function startsIn(text: string): Start[] {
  const out: Start[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (isAsciiDigit(c)) {
      if (!isAsciiDigit(text.charCodeAt(i - 1)) && !letterBefore(text, i)) out.push({ at: i, end: i, word: undefined });
      i++;
      continue;
    }
    const w = letterAt(text, i);
    if (!w) {
      i++;
      continue;
    }
    // A run of letters, taken whole: it starts after something that is not a letter.
    const at = i;
    i += w;
    for (let k = letterAt(text, i); k; k = letterAt(text, i)) i += k;
    out.push({ at, end: i, word: undefined });
  }
  return out;
}

function assertSame(text: string): void {
  const starts = startsInTokens(text, tokenize(text));
  for (const name of NAMES) {
    const expected = execAll(FIGURE_PATTERNS[name], text).map((m) => [m.index, m[0]]);
    const got = FIGURE_SCANS[name].exec(text, starts).map((m) => [m.index, m[0]]);
    assert.deepStrictEqual(got, expected, `${name} on ${JSON.stringify(text.slice(0, 200))}`);
  }
}

describe("figure patterns run at their possible starts only", function () {
  this.timeout(120000);

  it("same matches as a full scan on every sentence of the fixtures", () => {
    for (const name of fixtureNames()) for (const s of buildModel(loadFixture(name).text).sentences) assertSame(s.text);
  });

  it("same matches on generated text: numbers, number words, qualifiers, glued letters and digits", () => {
    const piece = fc.constantFrom(
      "12", "1,234", "3.5", "2025", "one", "Two", "twenty-one", "hundred", "half", "a third", "two-thirds", "majority", "more than", "nearly",
      "About", "over", "some", "up to", "at least", "tens of", "thousands", "million", "billion", "%", "percent", "times", "fold", "x",
      "in", "out of", "people", "Americans", "jobs", "job losses", "People", "peoples", "users²", "Japanese", "Mexicanos", "Berliners", "Ixans", "largest", "Biggest", "3rd", "ranking", "twofold", "TWOX", "onefold", "ſixfold", "Twice", "quarterly", "thirds", "In", "OUT", "of", "sixty", "second", "2nd", "ranked", "twice", "double", "$", "€", "USD",
      "a", "b", "é", "ſome", "\u212Aen", "thouſands", "ran\u212Aed", "miLLion", "TWO", "th", "tw", "中", "\u{1D400}", "\uD800", "-", ".", ",", "'", "’", "(", ")",
    );
    const text = fc.array(fc.tuple(piece, fc.constantFrom(" ", "", "  ", "\n", "-")), { maxLength: 25 }).map((p) => p.map(([a, b]) => a + b).join(""));
    fc.assert(fc.property(text, assertSame), { numRuns: 3000, seed: 6 });
  });

  it("the starts read from a text's tokens are those read from its characters", () => {
    const same = (text: string) => assert.deepStrictEqual(startsInTokens(text, tokenize(text)), startsIn(text), JSON.stringify(text));
    for (const name of fixtureNames()) for (const s of buildModel(loadFixture(name).text).sentences) same(s.text);
    // Digits of other scripts (also beyond the BMP), letters beyond the BMP, lone surrogates, marks.
    const piece = fc.constantFrom("12", "x", "Ab", "é", "٣", "²", "\u{1D7CE}", "\u{1D400}", "\uD835", "\uDC00", "\u0301", "ſ", "中文", "-", " ", "'", "3rd", "a1b2");
    fc.assert(fc.property(fc.array(piece, { maxLength: 20 }).map((p) => p.join("")), same), { numRuns: 3000, seed: 6 });
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 40 }), same), { numRuns: 3000, seed: 6 });
  });
});
