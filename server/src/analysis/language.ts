// A cheap guess at the body's language from function-word counts; enough to pick lexicons
// and to say in the report which language was read.
import { wordCharAt } from "./charClass";
const MARKERS: Record<string, string[]> = {
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
/**
 * The marker words in an open-addressed table keyed by a hash of their code units, so a word
 * of the sample is looked up without slicing it into a string of its own (the slice and the
 * map lookup per word were most of the language guess, a twentieth of the whole analysis).
 */
const WORDS = [...BY_WORD.keys()];
const SLOTS = 256; // a power of two, several times the number of markers
const SLOT_WORD = new Int16Array(SLOTS).fill(-1);
function hashOf(s: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}
WORDS.forEach((w, k) => {
  let slot = hashOf(w, 0, w.length) & (SLOTS - 1);
  while (SLOT_WORD[slot] >= 0) slot = (slot + 1) & (SLOTS - 1);
  SLOT_WORD[slot] = k;
});
const WORD_LANGS = WORDS.map((w) => BY_WORD.get(w) as number[]);
/** The index in WORDS of sample[start, end), or -1. */
function markerAt(sample: string, start: number, end: number): number {
  for (let slot = hashOf(sample, start, end) & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
    const k = SLOT_WORD[slot];
    if (k < 0) return -1;
    const w = WORDS[k];
    if (w.length !== end - start) continue;
    let same = true;
    for (let i = 0; i < w.length && same; i++) same = w.charCodeAt(i) === sample.charCodeAt(start + i);
    if (same) return k;
  }
}
/** ASCII word units (letters, digits and "_"): read from a table, not through wordCharAt. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;

export function detectLanguage(text: string): string {
  const sample = text.slice(0, 20000).toLowerCase();
  const counts = LANGUAGES.map(() => 0);
  // Words as runs of letters, digits and "_" (\w-like, so "the_x" is not "the"); only short ones can be markers.
  const n = sample.length;
  let i = 0;
  while (i < n) {
    const first = sample.charCodeAt(i);
    let w = first < 128 ? ASCII_WORD[first] : wordCharAt(sample, i);
    if (!w) {
      i++;
      continue;
    }
    const start = i;
    i += w;
    while (i < n) {
      const c = sample.charCodeAt(i);
      w = c < 128 ? ASCII_WORD[c] : wordCharAt(sample, i);
      if (!w) break;
      i += w;
    }
    const marker = i - start <= MAX_MARKER ? markerAt(sample, start, i) : -1;
    if (marker >= 0) for (const k of WORD_LANGS[marker]) counts[k]++;
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
