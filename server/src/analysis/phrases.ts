// Word-list matching by tokens and hash lookups. A sentence is tokenised once (runs of letters
// and digits, each numbered in the vocabulary of all word lists) and every word list is matched
// against those numbers, instead of one large regex alternation per list rescanning the
// sentence: the profile showed those scans as the engine's largest cost. Matches are exactly
// those of the regex
//   (?<![\p{L}\p{N}])(?:phrase|…, longest first)(?![\p{L}\p{N}])   flags "giu"
// where a space in a phrase matches any run of whitespace (with `hyphenBound`, a hyphen next to
// the phrase also blocks it, as (?<![\p{L}\p{N}-]) … (?![\p{L}\p{N}-]) would).
import { foldCase, isWhitespace, wordCharAt } from "./charClass";
import { readWordRun, WordTable, type WordRun } from "./wordTable";

/**
 * Every word of every word list, folded to lower case (as the i and u regex flags compare) and
 * numbered. A word of the text is numbered once and the lists compare numbers: seven lists
 * matched against every sentence used to look each word up seven times. A new word (from a
 * list made from settings) bumps the version, and texts tokenised before number their words
 * again.
 */
const VOCABULARY = new WordTable();
let vocabularyVersion = 0;

/** The number of `word` (folded), added to the vocabulary if it is new. */
export function vocabularyNumber(word: string): number {
  const size = VOCABULARY.size;
  const id = VOCABULARY.add(foldCase(word));
  if (VOCABULARY.size !== size) vocabularyVersion++;
  return id;
}

/** The vocabulary number of the word text[start, end), or -1. */
const wordNumber = (text: string, start: number, end: number) => VOCABULARY.find(text, start, end, foldCase);

/**
 * The words of all texts tokenised, three integers each, in shared pools of POOL_SIZE: a
 * Tokens is a stretch of one. Off the JavaScript heap, they are never copied by the young
 * generation's collections; as plain arrays (one per sentence), the words of a 1 MB release
 * outlived the young generation and copying them took a tenth of the analysis. (A typed array
 * of its own per sentence would cost more: a backing store allocated and released each time.)
 * A pool is freed once none of the Tokens in it is kept.
 */
const POOL_SIZE = 1 << 16;
/** The run the tokeniser has just read. */
const RUN: WordRun = { end: 0, ascii: true, hash: 0, digit: false };
let pool = new Int32Array(POOL_SIZE);
let poolUsed = 0;

/**
 * The words of a text: maximal runs of [\p{L}\p{N}], as /[\p{L}\p{N}]+/gu finds them, with
 * their vocabulary numbers: start, end and number of word i at at + 3i, at + 3i + 1 and
 * at + 3i + 2 of a pool, rather than an object and a lower-cased string a word.
 */
export class Tokens {
  readonly length: number;
  private readonly data: Int32Array;
  private readonly at: number;
  private version = vocabularyVersion;
  /** The indices of the words that are in the vocabulary, once asked for (see known()). */
  private knownWords: number[] | undefined;
  /** Every word is ASCII: the text has no letter or number beyond ASCII (they are all in words). */
  readonly ascii: boolean;
  /** Some word has an ASCII digit: as /\d/.test(text) (digits are all in words). */
  readonly asciiDigit: boolean;

  constructor(readonly text: string) {
    const n = text.length;
    let data = pool;
    let at = poolUsed;
    let k = at;
    let allAscii = true;
    let digit = false;
    for (let i = 0; i < n; ) {
      readWordRun(text, i, RUN);
      const end = RUN.end;
      if (end === i) {
        i++;
        continue;
      }
      if (!RUN.ascii) allAscii = false;
      if (RUN.digit) digit = true;
      if (k + 3 > data.length) {
        // The pool is full: this text's words so far move to a new one (larger, for a very long text).
        const moved = new Int32Array(Math.max(POOL_SIZE, 2 * (k - at + 3)));
        moved.set(data.subarray(at, k));
        k -= at;
        at = 0;
        data = moved;
      }
      data[k] = i;
      data[k + 1] = end;
      data[k + 2] = RUN.ascii ? VOCABULARY.findAscii(text, i, end, RUN.hash) : wordNumber(text, i, end);
      k += 3;
      i = end;
    }
    this.ascii = allAscii;
    this.asciiDigit = digit;
    this.data = data;
    this.at = at;
    this.length = (k - at) / 3;
    // The next text goes on in this pool, unless it was made larger for this one: that one is kept by this Tokens alone.
    if (data.length > POOL_SIZE) {
      pool = new Int32Array(POOL_SIZE);
      poolUsed = 0;
    } else {
      pool = data;
      poolUsed = k;
    }
  }

  start(i: number): number {
    return this.data[this.at + 3 * i];
  }

  end(i: number): number {
    return this.data[this.at + 3 * i + 1];
  }

  /** The vocabulary number of word i, or -1. */
  word(i: number): number {
    if (this.version !== vocabularyVersion) this.renumber();
    return this.data[this.at + 3 * i + 2];
  }

  /** Is any word the vocabulary word numbered `id`? */
  has(id: number): boolean {
    for (const i of this.known()) if (this.word(i) === id) return true;
    return false;
  }

  /**
   * The indices of the words that are in the vocabulary, in order. Only those can open a
   * phrase of any list: the seven lists matched against a sentence read these, most sentences'
   * words being in none.
   */
  known(): number[] {
    if (this.version !== vocabularyVersion) this.renumber();
    if (!this.knownWords) {
      const known: number[] = [];
      for (let i = 0; i < this.length; i++) if (this.data[this.at + 3 * i + 2] >= 0) known.push(i);
      this.knownWords = known;
    }
    return this.knownWords;
  }

  /** Word i folded to lower case (made on demand). */
  lower(i: number): string {
    return foldCase(this.text.slice(this.start(i), this.end(i)));
  }

  private renumber(): void {
    for (let i = 0; i < this.length; i++) this.data[this.at + 3 * i + 2] = wordNumber(this.text, this.start(i), this.end(i));
    this.version = vocabularyVersion;
    this.knownWords = undefined;
  }
}

export function tokenize(text: string): Tokens {
  return new Tokens(text);
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
  /** The vocabulary numbers of the words after the first. */
  rest: number[];
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
  /** Phrases by the vocabulary number of their first word, longest first (the order a regex alternation would try). */
  private readonly byFirst: (Phrase[] | undefined)[] = [];
  constructor(phrases: Iterable<string>, private readonly hyphenBound = false) {
    // Phrases that cannot be matched by words are left out (settings reject them: see settings.ts).
    const unique = [...new Set([...phrases].map((p) => foldCase(p).trim()).filter(isWordPhrase))].sort((a, b) => b.length - a.length);
    for (const phrase of unique) {
      const words = tokenize(phrase);
      if (!words.length) continue;
      const rest: number[] = [];
      const gaps: string[] = [];
      for (let k = 1; k < words.length; k++) {
        rest.push(vocabularyNumber(words.lower(k)));
        const gap = phrase.slice(words.end(k - 1), words.start(k));
        gaps.push(/^\s+$/.test(gap) ? " " : gap);
      }
      const id = vocabularyNumber(words.lower(0));
      while (this.byFirst.length <= id) this.byFirst.push(undefined);
      const list = this.byFirst[id];
      if (list) list.push({ phrase, rest, gaps });
      else this.byFirst[id] = [{ phrase, rest, gaps }];
    }
  }

  /** The end of the longest phrase starting at token i, and that phrase; undefined when none does. */
  endAt(text: string, tokens: Tokens, i: number): { end: number; phrase: string } | undefined {
    const id = tokens.word(i);
    const candidates = id >= 0 && id < this.byFirst.length ? this.byFirst[id] : undefined;
    if (!candidates) return undefined;
    const start = tokens.start(i);
    if (this.hyphenBound && start > 0 && text.charCodeAt(start - 1) === 45) return undefined;
    next: for (const c of candidates) {
      let end = tokens.end(i);
      for (let k = 0; k < c.rest.length; k++) {
        const t = i + 1 + k;
        if (t >= tokens.length || tokens.word(t) !== c.rest[k] || !gapMatches(text, end, tokens.start(t), c.gaps[k])) continue next;
        end = tokens.end(t);
      }
      if (this.hyphenBound && text.charCodeAt(end) === 45) continue;
      return { end, phrase: c.phrase };
    }
    return undefined;
  }

  /** Every match, left to right and not overlapping, as execAll(regex) would give them. */
  matches(text: string, tokens: Tokens = tokenize(text)): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    let from = 0;
    // A phrase opens with a vocabulary word: only those are tried.
    for (const i of tokens.known()) {
      const start = tokens.start(i);
      if (start < from) continue;
      const hit = this.endAt(text, tokens, i);
      if (!hit) continue;
      out.push({ index: start, text: text.slice(start, hit.end), phrase: hit.phrase });
      from = hit.end;
    }
    return out;
  }

  /** The first match, or undefined. */
  first(text: string, tokens: Tokens = tokenize(text)): PhraseMatch | undefined {
    for (const i of tokens.known()) {
      const hit = this.endAt(text, tokens, i);
      if (hit) return { index: tokens.start(i), text: text.slice(tokens.start(i), hit.end), phrase: hit.phrase };
    }
    return undefined;
  }
}
