// A cheap guess at the body's language from function-word counts; enough to pick lexicons
// and to say in the report which language was read.
import { ASCII_WORD_UNITS, wordCharAt } from "./charClass";
import { hashStep, WordTable } from "./wordTable";
export const MARKERS: Record<string, string[]> = {
  en: ["the", "and", "of", "to", "with", "that", "is", "for"],
  de: ["der", "die", "das", "und", "mit", "für", "ist", "nicht", "auf"],
  fr: ["le", "la", "les", "et", "des", "du", "pour", "est", "une", "dans"],
  es: ["el", "los", "las", "y", "del", "para", "con", "una", "por", "que"],
  it: ["il", "della", "che", "per", "con", "una", "sono", "dei", "nel"],
  pt: ["o", "os", "as", "do", "da", "para", "com", "uma", "não", "que"],
};
const LANGUAGES = Object.keys(MARKERS);
const MAX_MARKER = Math.max(...Object.values(MARKERS).flat().map((w) => w.length));
/** Each marker word with the languages it counts for: one lookup per word of the sample. */
const BY_WORD = new Map<string, number[]>();
LANGUAGES.forEach((lang, k) => {
  for (const w of MARKERS[lang]) BY_WORD.set(w, [...(BY_WORD.get(w) ?? []), k]);
});
/** The marker words, found in the sample without a string made for each of its words. */
const TABLE = new WordTable();
const WORD_LANGS: number[][] = [];
for (const [word, langs] of BY_WORD) WORD_LANGS[TABLE.add(word)] = langs;
/** ASCII word units as \w has them: letters, digits and "_". */
const ASCII_WORD = ASCII_WORD_UNITS.map((inWord, c) => (c === 95 ? 1 : inWord));

export function detectLanguage(text: string): string {
  const sample = text.slice(0, 20000).toLowerCase();
  const counts = LANGUAGES.map(() => 0);
  // Words as runs of letters, digits and "_" (\w-like, so "the_x" is not "the"); only short ones
  // can be markers. One flat loop: an ASCII word is hashed as it is read and looked up by that
  // hash; a word with other units is looked up by its string. The sample is lower-cased
  // already, so words compare as they stand.
  const n = sample.length;
  let start = -1;
  let hash = 0;
  let ascii = true;
  for (let i = 0; i <= n; ) {
    const c = i < n ? sample.charCodeAt(i) : 32; // a space after the end closes the last word
    const width = c < 128 ? ASCII_WORD[c] : wordCharAt(sample, i);
    if (width) {
      if (start < 0) {
        start = i;
        hash = 0;
        ascii = true;
      }
      if (c < 128) hash = hashStep(hash, c);
      else ascii = false;
      i += width;
      continue;
    }
    if (start >= 0 && i - start <= MAX_MARKER) {
      const marker = ascii ? TABLE.findHashed(sample, start, i, hash) : TABLE.get(sample.slice(start, i));
      if (marker >= 0) for (const k of WORD_LANGS[marker]) counts[k]++;
    }
    start = -1;
    i++;
  }
  let best = "en";
  let bestCount = 0;
  counts.forEach((n, k) => {
    if (n > bestCount) {
      best = LANGUAGES[k];
      bestCount = n;
    }
  });
  return best;
}
