// Runs a global regex only where a match can start. The figure patterns open with a lookbehind
// ("not after a letter"), which keeps V8 from skipping ahead: a plain scan tries the whole
// pattern at every character. Here the sentence is read once for the places a pattern can
// start (a digit, or a word from the pattern's list of first words, not after a letter) and a
// sticky copy of the regex is tried there only. The matches are those of `execAll(re, text)`,
// as long as every match of `re` starts at such a place; each pattern's first words say so.
import { foldCase, isAsciiDigit as isDigit, isAsciiLetter, letterAt } from "./charClass";
import type { Tokens } from "./phrases";

/** A place a pattern may start: a digit not after a letter or digit, or a word not after a letter. */
export interface Start {
  at: number;
  /** The end of the run of letters there (`at` at a digit). */
  end: number;
  /** That run lower-cased, once a scan has needed it. */
  word: string | undefined;
}

/**
 * Where, in `text`, a digit starts with no letter or digit just before it, or a run of letters
 * starts: read from the text's tokens. Every digit and letter lies in a token (a run of
 * [\p{L}\p{N}]), so the characters between tokens, which are never starts, are not read, and
 * a token of ASCII letters is one start, found without a class lookup per character.
 */
export function startsInTokens(text: string, tokens: Tokens): Start[] {
  const out: Start[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const end = tokens.end(t);
    // Whether the character before i is an ASCII digit or a letter: at a token's start it is neither.
    let afterDigitOrLetter = false;
    for (let i = tokens.start(t); i < end; ) {
      const c = text.charCodeAt(i);
      if (isDigit(c)) {
        if (!afterDigitOrLetter) out.push({ at: i, end: i, word: undefined });
        afterDigitOrLetter = true;
        i++;
        continue;
      }
      const w = isAsciiLetter(c) ? 1 : letterAt(text, i);
      if (!w) {
        // A number beyond ASCII (one or two code units): neither a start nor a letter.
        afterDigitOrLetter = false;
        i += c >= 0xd800 && c <= 0xdbff && i + 1 < end ? 2 : 1;
        continue;
      }
      // A run of letters, taken whole: it starts after something that is not a letter.
      const at = i;
      i += w;
      while (i < end) {
        const k = text.charCodeAt(i);
        const kw = isAsciiLetter(k) ? 1 : k < 128 ? 0 : letterAt(text, i);
        if (!kw) break;
        i += kw;
      }
      out.push({ at, end: i, word: undefined });
      afterDigitOrLetter = true;
    }
  }
  return out;
}

/** The run of letters of a start, lower-cased as the i and u flags compare (made once per start). */
function wordOf(text: string, s: Start): string {
  return (s.word ??= foldCase(text.slice(s.at, s.end)));
}

/** Words a run of letters may open with ("ten" opens "tens" and "tenth"), compared as the i and u regex flags compare. */
export class FirstWords {
  /** The words by their first two letters (or their only letter). */
  private readonly byHead = new Map<string, string[]>();
  /**
   * Which two ASCII letters (lower case, first * 128 + second) can open a word: other ASCII
   * runs are passed over unread. A one-letter word is looked up with 0 for its second.
   */
  private readonly firstTwo = new Uint8Array(128 * 128);
  /** The words of two letters or more that open with two ASCII letters, as char codes, by those two letters (first * 128 + second). */
  private readonly byFirstTwo: (number[][] | undefined)[] = [];
  /** The ASCII letters that are a first word on their own ("a"). */
  private readonly oneLetter = new Uint8Array(128);

  constructor(words: string[]) {
    for (const w of new Set(words.map(foldCase))) {
      const c = w.charCodeAt(0);
      const c1 = w.charCodeAt(1);
      if (c < 128) {
        // A one-letter first word ("a"), or one whose second letter is not ASCII, lets every word starting with its letter through.
        if (w.length === 1 || c1 >= 128) for (let k = 0; k < 128; k++) this.firstTwo[c * 128 + k] = 1;
        else this.firstTwo[c * 128 + c1] = 1;
        if (w.length === 1) this.oneLetter[c] = 1;
        else if (c1 < 128) (this.byFirstTwo[c * 128 + c1] ??= []).push(Array.from(w, (ch) => ch.charCodeAt(0)));
      }
      const head = w.slice(0, 2);
      this.byHead.set(head, [...(this.byHead.get(head) ?? []), w]);
    }
  }

  /** Does the run of letters text[at, end) open with one of the words? `start`, when given, keeps the folded run for other scans. */
  opensAt(text: string, at: number, end: number, start?: Start): boolean {
    // c | 32 is the lower case of an ASCII letter; a run starting beyond ASCII may fold into it.
    // Two ASCII letters that open no word rule the run out before it is read.
    const c = text.charCodeAt(at);
    const c1 = end > at + 1 ? text.charCodeAt(at + 1) | 32 : 0;
    if (c < 128 && c1 < 128) {
      if (!this.firstTwo[(c | 32) * 128 + c1]) return false;
      const answer = this.opensInPlace(text, at, end, c | 32, c1);
      if (answer !== undefined) return answer;
    }
    return this.opens(start ? wordOf(text, start) : foldCase(text.slice(at, end)));
  }

  /**
   * opensAt for a run that opens with two ASCII letters (lower-cased: c, c1), compared in place
   * rather than folded into a new string: "the", "that", "for" and "one" share their first two
   * letters with a first word in most sentences. Undefined when a word's letters meet a
   * character beyond ASCII in the run (it may fold into ASCII: "ſ" into "s"): then the folded
   * run decides. Before such a character the run's folded letters are its letters lower-cased.
   */
  private opensInPlace(text: string, at: number, end: number, c: number, c1: number): boolean | undefined {
    if (this.oneLetter[c]) return true;
    const words = this.byFirstTwo[c * 128 + c1];
    if (!words) return false;
    next: for (const w of words) {
      for (let k = 2; k < w.length; k++) {
        if (at + k >= end) continue next; // the run is shorter than the word
        const ch = text.charCodeAt(at + k);
        if (ch >= 128) return undefined;
        if ((ch | 32) !== w[k]) continue next;
      }
      return true;
    }
    return false;
  }

  /** Does the run of letters `word` begin with one of the words? */
  private opens(word: string): boolean {
    return this.opensBy(word, word.slice(0, 2)) || this.opensBy(word, word.slice(0, 1));
  }

  private opensBy(word: string, head: string): boolean {
    for (const w of this.byHead.get(head) ?? []) if (word.startsWith(w)) return true;
    return false;
  }
}

/** A global regex, run only at the starts its first words allow. */
export class StartScan {
  private readonly sticky: RegExp;
  private readonly first: FirstWords;

  /**
   * @param re a global regex every match of which starts at a digit (not after a letter or
   *   digit) or with a word of `firstWords` (not after a letter; letters may follow it, as
   *   in "twox" or "twopercent")
   * @param needs, when given, what every match of `re` holds: a run of letters (the start
   *   starts[k], with letters) of which `needs` is true. A text without one is not scanned at
   *   all: the pattern would be tried at each of its digits for nothing.
   */
  constructor(re: RegExp, firstWords: string[], private readonly digits = true, private readonly needs?: (text: string, starts: Start[], k: number) => boolean) {
    this.sticky = new RegExp(re.source, re.flags.replace("g", "") + "y");
    this.first = new FirstWords(firstWords);
  }

  /** Could `re` match at all, by `needs`? */
  private possibleIn(text: string, starts: Start[]): boolean {
    const needs = this.needs;
    if (!needs) return true;
    for (let k = 0; k < starts.length; k++) if (starts[k].end > starts[k].at && needs(text, starts, k)) return true;
    return false;
  }

  /** The matches execAll(re, text) would give, left to right. */
  exec(text: string, starts: Start[]): RegExpExecArray[] {
    if (!this.possibleIn(text, starts)) return [];
    const out: RegExpExecArray[] = [];
    let from = 0;
    for (const s of starts) {
      if (s.at < from) continue;
      if (s.end === s.at) {
        if (!this.digits) continue;
      } else if (!this.first.opensAt(text, s.at, s.end, s)) continue;
      this.sticky.lastIndex = s.at;
      const m = this.sticky.exec(text);
      if (!m) continue;
      out.push(m);
      from = s.at + Math.max(1, m[0].length);
    }
    return out;
  }
}
