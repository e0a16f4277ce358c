// Word-list matching by tokens and hash lookups. A sentence is tokenised once (runs of letters
// and digits, lower-cased) and every word list is matched against those tokens, instead of one
// large regex alternation per list rescanning the sentence: the profile showed those scans as
// the engine's largest cost. Matches are exactly those of the regex
//   (?<![\p{L}\p{N}])(?:phrase|…, longest first)(?![\p{L}\p{N}])   flags "giu"
// where a space in a phrase matches any run of whitespace (with `hyphenBound`, a hyphen next to
// the phrase also blocks it, as (?<![\p{L}\p{N}-]) … (?![\p{L}\p{N}-]) would).
import { foldCase, isWhitespace, wordCharAt } from "./charClass";

/** A word of the text: a maximal run of letters and digits. */
export interface Token {
  start: number;
  end: number;
  /** The word in lower case (as the i and u regex flags compare), for lookups. */
  lower: string;
  /** The number of `lower` among the first words of all phrase sets (-1: none), read by headOf. */
  head: number;
  /** The `headsVersion` that `head` was read in (-1: never). */
  headVersion: number;
}

/**
 * The first words of every phrase set, numbered. A token looks its word up here once, and each
 * set then finds its candidates by that number: seven sets matched against every sentence
 * hashed and looked up each word seven times. A new set with new first words (from settings)
 * bumps the version, and tokens made before it look their word up again.
 */
const HEAD_IDS = new Map<string, number>();
let headsVersion = 0;
function headId(word: string): number {
  let id = HEAD_IDS.get(word);
  if (id === undefined) {
    HEAD_IDS.set(word, (id = HEAD_IDS.size));
    headsVersion++;
  }
  return id;
}
function headOf(t: Token): number {
  if (t.headVersion !== headsVersion) {
    t.head = HEAD_IDS.get(t.lower) ?? -1;
    t.headVersion = headsVersion;
  }
  return t.head;
}

/** ASCII letters and digits, read from a table before wordCharAt is asked about other units. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;

/** The words of a text: maximal runs of [\p{L}\p{N}], as /[\p{L}\p{N}]+/gu would find them. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    let w = c0 < 128 ? ASCII_WORD[c0] : wordCharAt(text, i);
    if (!w) {
      i++;
      continue;
    }
    const start = i;
    let folds = text.charCodeAt(i) >= 0x17f; // only then can the word hold a letter foldCase changes
    i += w;
    while (i < n) {
      const c = text.charCodeAt(i);
      w = c < 128 ? ASCII_WORD[c] : wordCharAt(text, i);
      if (!w) break;
      folds ||= c >= 0x17f;
      i += w;
    }
    const word = text.slice(start, i);
    out.push({ start, end: i, lower: folds ? foldCase(word) : word.toLowerCase(), head: -1, headVersion: -1 });
  }
  return out;
}

export interface PhraseMatch {
  index: number;
  /** The matched text, as it stands in the document. */
  text: string;
  /** The list entry that matched, lower-cased. */
  phrase: string;
}

interface Phrase {
  phrase: string;
  /** Words after the first. */
  rest: string[];
  /** What stands between word k and word k + 1: " " (any whitespace) or a literal ("-", "'"). */
  gaps: string[];
}

function gapMatches(text: string, from: number, to: number, gap: string): boolean {
  if (gap !== " ") return text.slice(from, to) === gap;
  for (let i = from; i < to; i++) if (!isWhitespace(text.charCodeAt(i))) return false;
  return to > from;
}

/**
 * Whether a phrase can be matched by words: it starts and ends with a letter or digit.
 * ("#1" or "A+" cannot: their punctuation is not part of any word.)
 */
export function isWordPhrase(phrase: string): boolean {
  const p = phrase.trim();
  return !!p && wordCharAt(p, 0) > 0 && /[\p{L}\p{N}]$/u.test(p);
}

export class PhraseSet {
  /** Phrases by the number of their first word (see headOf), longest first (the order a regex alternation would try). */
  private readonly byHead: (Phrase[] | undefined)[] = [];
  constructor(phrases: Iterable<string>, private readonly hyphenBound = false) {
    // Phrases that cannot be matched by words are left out (settings reject them: see settings.ts).
    const unique = [...new Set([...phrases].map((p) => foldCase(p).trim()).filter(isWordPhrase))].sort((a, b) => b.length - a.length);
    for (const phrase of unique) {
      const words = tokenize(phrase);
      if (!words.length) continue;
      const gaps = words.slice(1).map((w, k) => (/^\s+$/.test(phrase.slice(words[k].end, w.start)) ? " " : phrase.slice(words[k].end, w.start)));
      const entry = { phrase, rest: words.slice(1).map((w) => w.lower), gaps };
      const id = headId(words[0].lower);
      while (this.byHead.length <= id) this.byHead.push(undefined);
      const list = this.byHead[id];
      if (list) list.push(entry);
      else this.byHead[id] = [entry];
    }
  }

  /** The end of the longest phrase starting at token i, and that phrase; undefined when none does. */
  endAt(text: string, tokens: Token[], i: number): { end: number; phrase: string } | undefined {
    const first = tokens[i];
    const head = headOf(first);
    const candidates = head >= 0 && head < this.byHead.length ? this.byHead[head] : undefined;
    if (!candidates) return undefined;
    if (this.hyphenBound && first.start > 0 && text.charCodeAt(first.start - 1) === 45) return undefined;
    next: for (const c of candidates) {
      let prev = first;
      for (let k = 0; k < c.rest.length; k++) {
        const t = tokens[i + 1 + k];
        if (!t || t.lower !== c.rest[k] || !gapMatches(text, prev.end, t.start, c.gaps[k])) continue next;
        prev = t;
      }
      if (this.hyphenBound && text.charCodeAt(prev.end) === 45) continue;
      return { end: prev.end, phrase: c.phrase };
    }
    return undefined;
  }

  /** Every match, left to right and not overlapping, as execAll(regex) would give them. */
  matches(text: string, tokens: Token[] = tokenize(text)): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    let from = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].start < from) continue;
      const hit = this.endAt(text, tokens, i);
      if (!hit) continue;
      out.push({ index: tokens[i].start, text: text.slice(tokens[i].start, hit.end), phrase: hit.phrase });
      from = hit.end;
    }
    return out;
  }

  /** The first match, or undefined. */
  first(text: string, tokens: Token[] = tokenize(text)): PhraseMatch | undefined {
    for (let i = 0; i < tokens.length; i++) {
      const hit = this.endAt(text, tokens, i);
      if (hit) return { index: tokens[i].start, text: text.slice(tokens[i].start, hit.end), phrase: hit.phrase };
    }
    return undefined;
  }
}
