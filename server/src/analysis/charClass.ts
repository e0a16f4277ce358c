// Character classes without a regex call per character: the tokeniser and the figure scans
// test every character of every sentence, so a class is read from a table filled on first
// sight of each UTF-16 unit (and tested by the regex once, for characters beyond it).

/**
 * A test for one-character class `re` (with the u flag, such as /\p{L}/u): the width of the
 * matching character at i (1, or 2 for a surrogate pair), or 0 when there is none.
 * `ascii` answers for the first 128 code units without the regex.
 */
export function charClass(re: RegExp, ascii: (c: number) => boolean): (text: string, i: number) => number {
  const table = new Uint8Array(65536); // 0 unknown, 1 in the class, 2 not
  for (let c = 0; c < 128; c++) table[c] = ascii(c) ? 1 : 2;
  return (text, i) => {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const cp = text.codePointAt(i) as number;
      return cp > 0xffff && re.test(String.fromCodePoint(cp)) ? 2 : 0;
    }
    let k = table[c];
    if (!k) k = table[c] = c >= 0xdc00 && c <= 0xdfff ? 2 : re.test(String.fromCharCode(c)) ? 1 : 2;
    return k === 1 ? 1 : 0;
  };
}

export const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
export const isAsciiDigit = (c: number) => c >= 48 && c <= 57;

/** A letter or digit ([\p{L}\p{N}]) at i: its width, or 0. */
export const wordCharAt = charClass(/[\p{L}\p{N}]/u, (c) => isAsciiLetter(c) || isAsciiDigit(c));
/** Is there a surrogate pair (one code point beyond the BMP) at i? */
export function isSurrogatePair(s: string, i: number): boolean {
  return (s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

/** What wordCharAt accepts below 128 (letters and digits), as a table for readWordRun. */
export const ASCII_WORD_UNITS = Uint8Array.from({ length: 128 }, (_, c) => (isAsciiLetter(c) || isAsciiDigit(c) ? 1 : 0));

/** A letter (\p{L}) at i: its width, or 0. */
export const letterAt = charClass(/\p{L}/u, isAsciiLetter);

/**
 * Lower case as the u and i regex flags compare letters: toLowerCase, plus the two letters
 * Unicode folds to ASCII that toLowerCase leaves ("ſ" to "s", the Kelvin sign to "k").
 */
export function foldCase(word: string): string {
  const lower = word.toLowerCase();
  return /[\u017F\u212A]/.test(lower) ? lower.replace(/\u017F/g, "s").replace(/\u212A/g, "k") : lower;
}

/** Is the code unit a whitespace character, one of those \s matches in JavaScript? */
export function isWhitespace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A letter (\p{L}) or whitespace (\s) at i: its width, or 0. */
export const letterOrSpaceAt = (text: string, i: number): number => (isWhitespace(text.charCodeAt(i)) ? 1 : letterAt(text, i));

/**
 * Where the longest suffix of s made of characters of one class starts (`inClass` as charClass
 * gives it, read back whole code point by whole code point). A pattern anchored at the end whose
 * matches hold only such characters matches within that suffix: tried there, it does not try
 * every position of the text before it, as V8 does with a pattern anchored at its end.
 */
export function classSuffixStart(s: string, inClass: (text: string, i: number) => number): number {
  let i = s.length;
  while (i > 0) {
    const pair = i >= 2 && (s.charCodeAt(i - 1) & 0xfc00) === 0xdc00 && (s.charCodeAt(i - 2) & 0xfc00) === 0xd800;
    const at = pair ? i - 2 : i - 1;
    if (inClass(s, at) !== i - at) break;
    i = at;
  }
  return i;
}

