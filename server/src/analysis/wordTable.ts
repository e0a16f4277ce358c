// Words numbered 0, 1, 2, … and found again from a stretch of a text without making a string
// of it: the word lists and the language guess look up every word of a text, and a slice and a
// map lookup per word were most of their cost.
import { ASCII_WORD_UNITS, wordCharAt } from "./charClass";

/** The lower case of an ASCII capital, any other code unit as it is. */
const asciiLower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** The hash of a word so far, `h`, extended by its next code unit `c` (an ASCII capital read as lower case). */
const hashStep = (h: number, c: number) => (Math.imul(h, 31) + asciiLower(c)) | 0;

/** One run of word units, as readWordRun reads it. */
export interface WordRun {
  /** Where the run ends (where it would start, when there is none there). */
  end: number;
  /** Every unit is ASCII: `hash` is then the run's hash, for findAscii. */
  ascii: boolean;
  hash: number;
  /** Some unit is an ASCII digit. */
  digit: boolean;
}

/**
 * Reads the run of word units from i into `run`: ASCII units as `units` says (1 in the run, 0
 * not), others as wordCharAt does. The tokeniser and the language guess read every character of
 * a text this way, once: its end, what it is made of and its hash for the lookup.
 */
export function readWordRun(text: string, i: number, run: WordRun, units: Uint8Array = ASCII_WORD_UNITS): void {
  const n = text.length;
  let hash = 0;
  let ascii = true;
  let digit = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (!units[c]) break;
      if (c <= 57) digit = true; // the only word units below the letters
      hash = hashStep(hash, c);
      i++;
    } else {
      const w = wordCharAt(text, i);
      if (!w) break;
      ascii = false;
      i += w;
    }
  }
  run.end = i;
  run.hash = hash;
  run.ascii = ascii;
  run.digit = digit;
}

/** A hash of text[start, end) with ASCII capitals read as lower case. */
function asciiHash(s: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = hashStep(h, s.charCodeAt(i));
  return h;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}

export class WordTable {
  private readonly byString = new Map<string, number>();
  private readonly words: string[] = [];
  /** All-ASCII words by hash, open-addressed and kept at most half full, so that a miss (most words of a text) ends after a probe or two. */
  private slots = new Int32Array(64).fill(-1);

  get size(): number {
    return this.words.length;
  }

  /** The number of `word` (lower-case: callers fold it as they compare), added if it is new. */
  add(word: string): number {
    let id = this.byString.get(word);
    if (id !== undefined) return id;
    id = this.words.length;
    this.byString.set(word, id);
    this.words.push(word);
    if (2 * this.words.length > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      this.words.forEach((w, k) => this.place(k, w));
    } else this.place(id, word);
    return id;
  }

  /**
   * The number of the word text[start, end), or -1: an all-ASCII stretch is compared with
   * ASCII capitals read as lower case; any other is made a string, given to `fold`, and looked
   * up by that.
   */
  find(text: string, start: number, end: number, fold: (word: string) => string): number {
    for (let i = start; i < end; i++) if (text.charCodeAt(i) >= 128) return this.byString.get(fold(text.slice(start, end))) ?? -1;
    return this.findAscii(text, start, end, asciiHash(text, start, end));
  }

  /** find() for an all-ASCII stretch whose hash (of hashStep) is known, as readWordRun gives it. */
  findAscii(text: string, start: number, end: number, hash: number): number {
    const len = end - start;
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot];
      if (id < 0) return -1;
      const w = this.words[id];
      if (w.length !== len) continue;
      let k = 0;
      for (; k < len; k++) {
        const c = text.charCodeAt(start + k);
        if (asciiLower(c) !== w.charCodeAt(k)) break;
      }
      if (k === len) return id;
    }
  }

  private place(id: number, word: string): void {
    if (!isAscii(word)) return; // found through byString only
    const mask = this.slots.length - 1;
    let slot = asciiHash(word, 0, word.length) & mask;
    while (this.slots[slot] >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = id;
  }
}
