// Word lists are matched by tokens and hash lookups (server/src/analysis/phrases.ts) instead of
// one regex alternation per list. The matches must be exactly those of the regex they replace:
// checked here against that regex on generated text full of near-misses (case, hyphens,
// apostrophes, runs of whitespace, letters glued on, non-Latin scripts, surrogate pairs).
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { PhraseSet, tokenize } from "../../server/src/analysis/phrases";
import { settingsFrom } from "../../server/src/lsp/settings";
import { alternation, CLAIM_CUES, PUFFERY, REPORTING_VERBS, SOURCE_PREPOSITIONS, VAGUE_PHRASES } from "../../server/src/analysis/lexicon";
import { execAll } from "../../server/src/analysis/text";

/** The regex a PhraseSet stands for. */
function regexFor(words: string[], hyphenBound: boolean): RegExp {
  const bound = hyphenBound ? "[\\p{L}\\p{N}-]" : "[\\p{L}\\p{N}]";
  return new RegExp(`(?<!${bound})(?:${alternation(words.map((w) => w.toLowerCase()))})(?!${bound})`, "giu");
}

const LISTS: [string, string[]][] = [
  ["reporting verbs", REPORTING_VERBS],
  ["source prepositions", SOURCE_PREPOSITIONS],
  ["vague phrases", VAGUE_PHRASES],
  ["claim cues", CLAIM_CUES],
  ["puffery", PUFFERY],
];

/** Text made of list phrases (in any case, with their spaces varied) and noise around them. */
function textFrom(words: string[]) {
  const phrase = fc.constantFrom(...words).chain((w) =>
    fc.tuple(fc.constantFrom("lower", "upper", "title", "folded"), fc.constantFrom(" ", "  ", "\n", "\u00A0", "\t", " - ")).map(([c, space]) => {
      // "folded": the long s and the Kelvin sign, which the u and i flags read as "s" and "k"
      const cased = c === "upper" ? w.toUpperCase() : c === "title" ? w.replace(/^\p{L}/u, (x) => x.toUpperCase()) : c === "folded" ? w.replace(/s/g, "\u017F").replace(/k/g, "\u212A") : w;
      return cased.replace(/ /g, space);
    }),
  );
  const noise = fc.constantFrom(" ", "-", "'", "’", ",", ".", "x", "9", "é", "中文", "\u{1D400}", "\uD800", "s", "ed", "“", "\n", "un", "pre-");
  return fc.array(fc.oneof({ weight: 3, arbitrary: phrase }, { weight: 4, arbitrary: noise }), { maxLength: 30 }).map((p) => p.join(""));
}

describe("phrases: token matching equals the regex alternation it replaces", function () {
  this.timeout(60000);

  it("tokenize finds the runs /[\\p{L}\\p{N}]+/gu finds", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        const expected = execAll(/[\p{L}\p{N}]+/gu, s).map((m) => [m.index, m.index + m[0].length]);
        const tokens = tokenize(s);
        assert.deepStrictEqual(Array.from({ length: tokens.length }, (_, i) => [tokens.start(i), tokens.end(i)]), expected);
      }),
      { numRuns: 3000, seed: 6 },
    );
  });

  it("tokens tell whether every word is ASCII and whether one has an ASCII digit, as the text's characters do", () => {
    const same = (s: string) => {
      const tokens = tokenize(s);
      assert.equal(tokens.ascii, execAll(/[\p{L}\p{N}]+/gu, s).every((m) => /^[\0-\x7F]*$/.test(m[0])), JSON.stringify(s));
      assert.equal(tokens.asciiDigit, /\d/.test(s), JSON.stringify(s));
    };
    const piece = fc.constantFrom("a", "Z", "0", "9", "x7", "é", "٣", "²", "\u{1D7CE}", "\u{1D400}", "\uD835", "ſ", "\u212A", " ", "-", "/", ":", "@", "`", "{");
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join("")), same), { numRuns: 3000, seed: 6 });
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 40 }), same), { numRuns: 1000, seed: 6 });
  });

  it("tokens stay as they were made while later texts fill the shared pools, one of them longer than a pool", () => {
    const runs = (s: string) => execAll(/[\p{L}\p{N}]+/gu, s).map((m) => [m.index, m.index + m[0].length]);
    const words = (t: ReturnType<typeof tokenize>) => Array.from({ length: t.length }, (_, i) => [t.start(i), t.end(i)]);
    const texts: string[] = [];
    for (let k = 0; k < 3000; k++) texts.push(`Sentence ${k} has the market up ${k % 97}% — “said” Jane, ${"word ".repeat(k % 40)}end.`);
    // 150,000 words: more than a pool holds; it starts in a pool partly used by the texts before.
    texts.splice(1500, 0, "longword ".repeat(150000));
    const kept = texts.map((t) => tokenize(t));
    texts.forEach((t, k) => assert.deepStrictEqual(words(kept[k]), runs(t), `text ${k}`));
    assert.equal(kept[1500].length, 150000);
  });

  for (const [name, words] of LISTS) {
    for (const hyphenBound of [false, true]) {
      it(`${name}${hyphenBound ? ", hyphens bounding" : ""}: same matches, same order`, () => {
        const set = new PhraseSet(words, hyphenBound);
        const re = regexFor(words, hyphenBound);
        fc.assert(
          fc.property(textFrom(words), (text) => {
            const expected = execAll(re, text).map((m) => [m.index, m[0]]);
            assert.deepStrictEqual(set.matches(text).map((m) => [m.index, m.text]), expected, JSON.stringify(text));
            const first = set.first(text);
            assert.deepStrictEqual(first ? [first.index, first.text] : undefined, expected[0]);
          }),
          { numRuns: 1500, seed: 6 },
        );
      });
    }
  }

  it("tokens made before a set with new first words still find that set's phrases", () => {
    // Tokens remember the number of their word among all sets' first words (memoised tokens live
    // across analyses); a set made later, from settings, must not be missed through that.
    const text = "Zorblax quipped that sales rose, then she zorbled on.";
    const tokens = tokenize(text);
    assert.deepEqual(new PhraseSet(["quipped"]).matches(text, tokens).map((m) => m.text), ["quipped"]);
    assert.deepEqual(new PhraseSet(["zorbled on", "zorblax"]).matches(text, tokens).map((m) => m.text), ["Zorblax", "zorbled on"]);
    assert.deepEqual(new PhraseSet(["quipped"]).matches(text, tokens).map((m) => m.text), ["quipped"]);
  });

  it("longest phrase first where several start on one word", () => {
    const set = new PhraseSet(["called", "called for", "called for more"]);
    assert.deepStrictEqual(set.matches("She called for more time, then called.").map((m) => m.text), ["called for more", "called"]);
  });

  it("a phrase that starts or ends with punctuation is left out, not matched by its inner word; settings drop it", () => {
    const set = new PhraseSet(["#1", "A+", "best-in-class"]);
    assert.deepEqual(set.matches("We are #1, rated A+ and 1 of a kind: best-in-class.").map((m) => m.text), ["best-in-class"]);
    const s = settingsFrom({ pufferyWords: ["#1", " A+", "leading edge", "world-class"], reportingVerbs: ["quipped", "said:"] });
    assert.deepEqual(s.pufferyWords, ["leading edge", "world-class"]);
    assert.deepEqual(s.reportingVerbs, ["quipped"]);
  });
});
