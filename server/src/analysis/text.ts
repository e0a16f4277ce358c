// Line and paragraph structure of raw text. Works on the text as given (CRLF, CR, BOM kept),
// so every offset maps back to the document the editor holds.
import type { Line } from "./types";
import { isSurrogatePair } from "./charClass";

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  // The next "\n" and "\r" by indexOf (native, far faster than a loop over characters).
  let lf = text.indexOf("\n");
  let cr = text.indexOf("\r");
  while (lf >= 0 || cr >= 0) {
    const at = cr < 0 || (lf >= 0 && lf < cr) ? lf : cr;
    lines.push({ index: lines.length, start, end: at, text: text.slice(start, at) });
    start = at === cr && lf === cr + 1 ? cr + 2 : at + 1; // CRLF is one break
    if (lf >= 0 && lf < start) lf = text.indexOf("\n", start);
    if (cr >= 0 && cr < start) cr = text.indexOf("\r", start);
  }
  lines.push({ index: lines.length, start, end: text.length, text: text.slice(start) });
  return lines;
}

/** Whitespace, BOM and zero-width characters: a line of only these is blank. */
const INVISIBLE = /^[\s\uFEFF\u200B-\u200D\u2060\u00A0]*$/;
export function isBlank(s: string): boolean {
  if (!s.length) return true;
  // Most lines open with a visible ASCII character: no regex call for them (every line is asked, twice).
  const c = s.charCodeAt(0);
  return !(c > 32 && c < 127) && INVISIBLE.test(s);
}

/** The line text without BOM, zero-width characters and outer whitespace. */
export function clean(s: string): string {
  return s.replace(/[\uFEFF\u200B-\u200D\u2060]/g, "").trim();
}

/** Offset of the n-th line's start, clamped. */
export function lineAt(lines: Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Every match of a global regex, as `[...s.matchAll(re)]` gives, without the per-call clone of
 * the regex that `matchAll` makes (a measurable cost on the per-sentence hot paths).
 */
export function execAll(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(m);
    if (m[0] === "") {
      const i = re.lastIndex;
      re.lastIndex = i + (re.unicode && isSurrogatePair(s, i) ? 2 : 1);
    }
  }
  re.lastIndex = 0;
  return out;
}

/**
 * `s` with each Markdown link `[text](target)` replaced by its text: what
 * s.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1") gives, in linear time. That regex reads to the end
 * of the text from every "[" that no "]" closes, so a line of them took time quadratic in its
 * length. Here the "]" and ")" a "[" needs are each looked for once, and kept while the scan is
 * still before them.
 */
export function markdownLinkTexts(s: string): string {
  let out = "";
  let kept = 0;
  let close = -2; // the first "]" after the current "[" (-1: there is none)
  let paren = -2; // the first ")" after that "](" (-1: there is none)
  for (let i = s.indexOf("["); i >= 0; i = s.indexOf("[", i + 1)) {
    if (close !== -1 && close <= i) close = s.indexOf("]", i + 1);
    if (close < 0) break; // no "]" after this "[", nor after any later one
    if (s.charCodeAt(close + 1) !== 40) continue; // "](" or no link from this "["
    if (paren !== -1 && paren < close + 2) paren = s.indexOf(")", close + 2);
    if (paren < 0) break;
    out += s.slice(kept, i) + s.slice(i + 1, close);
    kept = paren + 1;
    i = paren; // the regex goes on after the link
  }
  return kept ? out + s.slice(kept) : s;
}

/**
 * The length of the URL opening at i (/^(?:https?:\/\/|www\.)/i), or 0: compared in place, as
 * the link scans try it at many positions of a line.
 */
export function urlPrefixAt(s: string, i: number): number {
  const c = s.charCodeAt(i) | 32;
  if (c === 119) return (s.charCodeAt(i + 1) | 32) === 119 && (s.charCodeAt(i + 2) | 32) === 119 && s.charCodeAt(i + 3) === 46 ? 4 : 0; // www.
  if (c !== 104 || (s.charCodeAt(i + 1) | 32) !== 116 || (s.charCodeAt(i + 2) | 32) !== 116 || (s.charCodeAt(i + 3) | 32) !== 112) return 0;
  const k = (s.charCodeAt(i + 4) | 32) === 115 ? i + 5 : i + 4; // https or http
  return s.charCodeAt(k) === 58 && s.charCodeAt(k + 1) === 47 && s.charCodeAt(k + 2) === 47 ? k + 3 - i : 0;
}
