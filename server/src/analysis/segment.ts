// Paragraphs (runs of non-blank lines) and sentences, robust to scraped text: abbreviations,
// initials, decimals, closing quotes after the stop, and hard-wrapped lines.
import type { Line, Paragraph, Sentence } from "./types";
import { isBlank } from "./text";
import { isAsciiDigit, isWhitespace, letterAt } from "./charClass";

export function findParagraphs(text: string, lines: Line[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let first = -1;
  const close = (last: number) => {
    const start = lines[first].start;
    const end = lines[last].end;
    paragraphs.push({
      index: paragraphs.length,
      firstLine: first,
      lastLine: last,
      start,
      end,
      // A one-line paragraph shares its line's string (interned once for both, see buildModel).
      text: first === last ? lines[first].text : text.slice(start, end),
      sentences: [],
      heading: false,
    });
    first = -1;
  };
  // Runs of non-blank lines, then split where a line does not wrap into the next: scraped
  // text often has one paragraph per line with no blank line between.
  let runStart = -1;
  const closeRun = (last: number) => {
    const run = lines.slice(runStart, last + 1);
    const maxLen = run.reduce((m, l) => Math.max(m, l.text.trimEnd().length), 0);
    first = runStart;
    for (let i = 0; i < run.length - 1; i++) {
      if (!wrapsInto(run[i].text, run[i + 1].text, maxLen)) close(run[i].index);
      if (first < 0) first = run[i + 1].index;
    }
    close(last);
    runStart = -1;
  };
  for (const line of lines) {
    if (isBlank(line.text)) {
      if (runStart >= 0) closeRun(line.index - 1);
    } else if (runStart < 0) runStart = line.index;
  }
  if (runStart >= 0) closeRun(lines.length - 1);
  return paragraphs;
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
/** At least three capitals and at most one lower-case letter in ten: counted without building match arrays (a hot loop). */
function isAllCaps(s: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 128) {
      const ch = String.fromCodePoint(s.codePointAt(i) as number);
      if (ch.length === 2) i++;
      if (UPPER.test(ch)) upper++;
      else if (LOWER.test(ch)) lower++;
    }
  }
  return upper >= 3 && lower <= upper * 0.1;
}

/** True when `line` runs on into `next` (hard-wrapped prose), false when `next` starts anew. */
function wrapsInto(line: string, next: string, maxLen: number): boolean {
  const a = line.trimEnd();
  const b = next.trim();
  if (isAllCaps(a) && isAllCaps(b)) return true; // an all-caps headline over two lines
  if (/^(?:[-*•–—]|\d{1,2}[.)]\s|[“"‘])/.test(b)) return false; // a list item or a quote starts
  if (maxLen > 100) return false; // soft-wrapped: every line is a paragraph
  if (/^\s{2,}\p{Lu}/u.test(next) && !/^\s{2,}\S/.test(line)) return false; // indented new paragraph
  const ends = /[.!?:;"”’)]$/.test(a);
  if (ends) return a.length >= 0.85 * maxLen && /^[\p{L}\d(]/u.test(b);
  return a.length >= 0.6 * maxLen || /^[\p{Ll}\d(]/u.test(b);
}

const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof inc corp co ltd llc plc jr sr st no nos vs etc e.g i.e u.s u.k u.n e.u jan feb mar apr jun jul aug sep sept oct nov dec " +
    "gov sen rep gen lt col capt sgt fla calif ill mich mass conn penn tenn ariz colo wash ore okla n.y n.j d.c ph.d approx est dept univ " +
    "nr abs bzw ca ggf inkl mio mrd sra dra sr av avda pág núm mme mlle cf fig vol ed eds pp op ps s.a de c.v s.a.b n.v a.g ag se bros assn intl"
  ).split(" "),
);

/** Is the code unit at k a letter or a dot, as /[\p{L}.]/u tests the one unit text[k] (a lone surrogate is neither)? */
function letterOrDotUnit(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c === 46 || (!(c >= 0xd800 && c <= 0xdfff) && letterAt(text, k) > 0);
}

/** True when the stop at `dot` ends an abbreviation or an initial, not a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  // Bounded: a run of 64 letters and dots is no abbreviation, and an unbounded look-back makes
  // "a.a.a.a…" quadratic.
  while (i > 0 && dot - i < 64 && letterOrDotUnit(text, i - 1)) i--;
  if (i > 0 && dot - i >= 64 && letterOrDotUnit(text, i - 1)) return false;
  const word = text.slice(i, dot).toLowerCase();
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // An initial ("J.") stands alone: "R&D." ends a sentence. (One code point is at most two units;
  // the length tests only spare most words the regexes.)
  if (word.length <= 2 && /^\p{L}$/u.test(word)) return /\p{Lu}/u.test(text[dot - 1]) && (i === 0 || /[\s(“"]/.test(text[i - 1]));
  return word.includes(".") && /^(?:\p{L}\.)+\p{L}$/u.test(word); // "U.S", "e.g"
}

const CLOSERS = `"'”’»)]*`;
/**
 * Where a sentence can end: line breaks, stops and, in run-together text, two spaces. The
 * split jumps from one to the next by a native scan instead of testing every character.
 */
const BREAK = /[\n\r.!?\u3002]/g;
const BREAK_OR_SPACES = /[\n\r.!?\u3002]| {2}/g;

/** Splits a paragraph into sentences; offsets are document offsets. */
export function splitSentences(p: Pick<Paragraph, "text" | "start" | "index" | "firstLine" | "lastLine">): Sentence[] {
  const t = p.text;
  const out: Sentence[] = [];
  let start = skipSpace(t, 0);
  const push = (end: number) => {
    let e = end;
    while (e > start && isWhitespace(t.charCodeAt(e - 1))) e--;
    if (e > start) out.push({ start: p.start + start, end: p.start + e, text: t.slice(start, e), paragraph: p.index });
  };
  const runTogether = p.firstLine === p.lastLine && t.length > 600;
  let lastNewline = -1; // index of the last "\n" before i (t.lastIndexOf("\n", i - 1), kept as we go)
  const breaks = runTogether ? BREAK_OR_SPACES : BREAK;
  for (let i = 0; i < t.length; i++) {
    // Only line breaks, stops and (in run-together text) a space before a space can end a sentence: skip to the next.
    breaks.lastIndex = i;
    const next = breaks.exec(t);
    if (!next) break;
    i = next.index;
    const c = t[i];
    if (c === "\n" || c === "\r") {
      // A line break ends a sentence when the line does not wrap into the next one:
      // it ends without a stop and the next line starts a new item (capital, bullet, digit).
      const lineEnd = i;
      let j = i;
      while (j < t.length && (t.charCodeAt(j) === 10 || t.charCodeAt(j) === 13)) j++;
      let b = lineEnd;
      while (b > start && isWhitespace(t.charCodeAt(b - 1))) b--;
      const prevChar = b > start ? t[b - 1] : "";
      const next = t[skipSpace(t, j)] ?? "";
      const prevLineLength = lineEnd - (lastNewline + 1);
      for (let k = j - 1; k >= i; k--) if (t[k] === "\n") { lastNewline = k; break; }
      const wraps = prevLineLength > 55 && /[\p{Ll},;\-–(]/u.test(prevChar);
      if (!wraps && /[\p{Lu}\d*•\-–"“(]/u.test(next) && prevChar && !/[,;(]/.test(prevChar)) {
        push(lineEnd);
        start = skipSpace(t, j);
      }
      i = j - 1;
      continue;
    }
    if (c === " " && runTogether && t[i + 1] === " " && i > start) {
      // In a long one-line paragraph, two spaces before a capital are a lost paragraph break.
      const k = skipSpace(t, i);
      if (/\p{Lu}/u.test(t[k] ?? "") && !/[,;:(]$/.test(t.slice(Math.max(start, i - 1), i))) {
        push(i);
        start = k;
        i = k - 1;
      } else if (!/\p{Lu}/u.test(t[k] ?? "")) i = k - 1; // the same holds at every space up to k
      continue;
    }
    if (c !== "." && c !== "!" && c !== "?" && c !== "。") continue;
    // "1. Housing costs": a list number, not a sentence.
    if (c === "." && isListNumber(t, start, i)) continue;
    if (c === "." && (isAsciiDigit(t.charCodeAt(i + 1)) || isAbbreviation(t, i))) {
      // Abbreviations end a sentence only when a clear new sentence follows a known
      // sentence-final abbreviation ("… Inc. The company").
      if (!endsSentenceAfterAbbreviation(t, i)) continue;
    }
    let j = i + 1;
    while (j < t.length && CLOSERS.includes(t[j])) j++;
    if (j < t.length && !isWhitespace(t.charCodeAt(j))) continue;
    const k = skipSpace(t, j);
    if (k >= t.length) {
      push(j);
      start = k;
      break;
    }
    if (/[\p{Lu}\d"“‘'(¿¡*•[]/u.test(t[k])) {
      push(j);
      start = k;
    }
  }
  if (start < t.length) push(t.length);
  return out;
}

/**
 * After "U.S.", "Inc.", "Co.", "Corp.", "Ltd." or "etc." a sentence ends when an opening quote
 * or a capitalised word followed by a lower-case word comes next ("… in the U.S. Sears also
 * offers …"), but not in names ("U.S. Bureau of …", "Inc. Board").
 */
function endsSentenceAfterAbbreviation(t: string, dot: number): boolean {
  const before = t.slice(Math.max(0, dot - 4), dot).toLowerCase();
  if (!/(?:^|[^\p{L}])(?:u\.s|inc|corp|co|ltd|llc|plc|etc)$/u.test(before)) return false;
  const next = t.slice(dot + 1, dot + 40);
  if (/^\s+[“"]/.test(next)) return true;
  const m = /^\s+(\p{Lu}[\p{Ll}'’]+)\s+(\p{Ll}+)/u.exec(next);
  return !!m && !/^(?:of|and|for|de|del|the|in|on|at|to)$/.test(m[2]);
}

/** Is t[from, to) one or two digits after whitespace, as /^\s*\d{1,2}$/ tests it? */
function isListNumber(t: string, from: number, to: number): boolean {
  let k = to;
  while (k > from && to - k < 3 && isAsciiDigit(t.charCodeAt(k - 1))) k--;
  if (k === to || to - k > 2) return false;
  while (k > from && isWhitespace(t.charCodeAt(k - 1))) k--;
  return k === from;
}

/** The first index from i that is not whitespace (\s, which includes the BOM). */
function skipSpace(t: string, i: number): number {
  while (i < t.length && isWhitespace(t.charCodeAt(i))) i++;
  return i;
}
