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

export function detectLanguage(text: string): string {
  const sample = text.slice(0, 20000).toLowerCase();
  const counts = LANGUAGES.map(() => 0);
  // Words as runs of letters, digits and "_" (\w-like, so "the_x" is not "the"); only short ones can be markers.
  const n = sample.length;
  let i = 0;
  while (i < n) {
    let w = wordCharAt(sample, i) || (sample.charCodeAt(i) === 95 ? 1 : 0);
    if (!w) {
      i++;
      continue;
    }
    const start = i;
    i += w;
    while (i < n && (w = wordCharAt(sample, i) || (sample.charCodeAt(i) === 95 ? 1 : 0))) i += w;
    const langs = i - start <= MAX_MARKER ? BY_WORD.get(sample.slice(start, i)) : undefined;
    if (langs) for (const k of langs) counts[k]++;
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
