// Hand-written scans that stand in for a regular expression or a map lookup on hot paths
// (names.ts, language.ts, segment.ts). Each must give exactly what the simple version gives:
// checked against it on the fixtures and on generated text full of near-misses.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { multiWordChunks, NAME_CHUNK } from "../../server/src/analysis/names";
import { detectLanguage, MARKERS } from "../../server/src/analysis/language";
import { execAll } from "../../server/src/analysis/text";
import { buildModel } from "../../server/src/analysis/index";
import { fixtureNames, loadFixture } from "../helpers/fixtures";

/** The chunks of more than one word, as the regex finds them. */
const chunksByRegex = (s: string) => execAll(NAME_CHUNK, s).filter((m) => /\s/.test(m[0])).map((m) => [m.index, m[0]]);
const chunksByScan = (s: string) => multiWordChunks(s).map((m) => [m.index, m.text]);

/** The language guess as first written: every word of the sample sliced and looked up in the marker lists. */
function languageByMap(text: string): string {
  const counts = new Map<string, number>();
  for (const m of text.slice(0, 20000).toLowerCase().matchAll(/[\p{L}\p{N}_]+/gu))
    for (const [lang, words] of Object.entries(MARKERS)) if (words.includes(m[0])) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  let best = "en";
  let bestCount = 0;
  for (const lang of Object.keys(MARKERS)) if ((counts.get(lang) ?? 0) > bestCount) [best, bestCount] = [lang, counts.get(lang) ?? 0];
  return best;
}

const noisy = (pieces: string[]) =>
  fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(" ", "", "  ", "\n", "\u00A0", "\uFEFF", "\u2003", "-", ".", ",")), { maxLength: 30 }).map((p) => p.map(([a, b]) => a + b).join(""));

describe("hand-written scans equal what they replace", function () {
  this.timeout(120000);

  it("name chunks of two words or more: the regex's, on every sentence of the fixtures", () => {
    for (const name of fixtureNames()) for (const s of buildModel(loadFixture(name).text).sentences) assert.deepStrictEqual(chunksByScan(s.text), chunksByRegex(s.text), s.text);
  });

  it("name chunks on generated text: capitals, connectors, marks, surrogate pairs and lone halves", () => {
    const pieces = ["A", "Ab", "É", "ß", "a", "de", "der", "&", "of", "for", "fore", "van", "von", "bin", "Bin", "zu", "DE", ".", "-", "'", "’", "𝐀", "𝐚", "\uD835", "\uDC00", "\u0301", "Mc", "X", "1", ","];
    fc.assert(fc.property(noisy(pieces), (s) => assert.deepStrictEqual(chunksByScan(s), chunksByRegex(s), JSON.stringify(s))), { numRuns: 5000, seed: 6 });
  });

  it("the language guess: the map lookup's, on the fixtures and on generated text", () => {
    for (const name of fixtureNames()) assert.equal(detectLanguage(loadFixture(name).text), languageByMap(loadFixture(name).text), name);
    const pieces = ["the", "THE", "die", "Die", "für", "FÜR", "não", "NÃO", "o", "y", "e", "della", "nicht", "nichts", "the_", "_the", "İO", "ſo", "le", "la", "les", "3", "é", "中", "𝐀", "\uD800", "que", "para"];
    fc.assert(fc.property(noisy(pieces), (s) => assert.equal(detectLanguage(s), languageByMap(s), JSON.stringify(s))), { numRuns: 5000, seed: 6 });
  });
});
