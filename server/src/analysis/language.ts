// A cheap guess at the body's language from function-word counts; enough to pick lexicons
// and to say in the report which language was read.
import { ASCII_WORD_UNITS } from "./charClass";
import { readWordRun, WordTable, type WordRun } from "./wordTable";
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
const asIs = (w: string) => w;
const RUN: WordRun = { end: 0, ascii: true, hash: 0, digit: false };

export function detectLanguage(text: string): string {
  const sample = text.slice(0, 20000).toLowerCase();
  const counts = LANGUAGES.map(() => 0);
  // Words as runs of letters, digits and "_" (\w-like, so "the_x" is not "the"); only short ones can be markers.
  for (let i = 0; i < sample.length; ) {
    readWordRun(sample, i, RUN, ASCII_WORD);
    const end = RUN.end;
    if (end === i) {
      i++;
      continue;
    }
    // The sample is lower-cased already: its words are compared as they stand.
    const marker = end - i > MAX_MARKER ? -1 : RUN.ascii ? TABLE.findAscii(sample, i, end, RUN.hash) : TABLE.find(sample, i, end, asIs);
    if (marker >= 0) for (const k of WORD_LANGS[marker]) counts[k]++;
    i = end;
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
