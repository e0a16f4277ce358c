// Document links for the URLs in a release, including scraped Markdown leftovers
// (`<https://…>`, `[text](url)`, `\_` escapes). Targets are only computed, never fetched.
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { DocumentLink } from "vscode-languageserver";
import { isWhitespace } from "../analysis/charClass";
import { firstReached } from "../analysis/sorted";
import { urlPrefixAt } from "../analysis/text";

export interface FoundLink {
  start: number;
  end: number;
  target: string;
}

const ANGLE_LINK = /<((?:https?:\/\/|www\.)[^\s<>]+)>/gi;
const BARE_LINK = /\b(?:https?:\/\/|www\.)[^\s<>"“”‘’]+/gi;
const TRAILING = new Set([...".,;:!?'\"*_]}"]);

/** The target of a scraped URL: Markdown escapes removed, a scheme for `www.`. */
function target(raw: string): string | undefined {
  let t = raw.replace(/\\([_*~()[\]#\\.-])/g, "$1");
  if (/^www\./i.test(t)) t = `https://${t}`;
  try {
    const u = new URL(t);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Is s[i] escaped by a backslash (an odd run of them before it)? Scraped Markdown writes "_" as "\_". */
function escaped(s: string, i: number): boolean {
  let k = i;
  while (k > 0 && s.charCodeAt(k - 1) === 92) k--;
  return (i - k) % 2 === 1;
}

/**
 * Trims trailing punctuation (not what a backslash escapes: "\_" is part of the URL) and
 * unbalanced closing parentheses from a bare URL. The parentheses are counted once (the
 * punctuation trimmed holds none): counted again for every ")" trimmed, a URL ending in
 * thousands of them took seconds.
 */
export function trimBare(s: string): string {
  let open = 0;
  let close = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 40) open++;
    else if (c === 41) close++;
  }
  let end = s.length;
  for (;;) {
    const before = end;
    while (end > 0 && TRAILING.has(s[end - 1]) && !escaped(s, end - 1)) end--;
    if (end > 0 && s.charCodeAt(end - 1) === 41 && open < close) {
      end--;
      close--;
    }
    if (end === before) return s.slice(0, end);
  }
}

/**
 * The Markdown links of a text (start, end, and the URL), as the regex
 *   /\[([^\]\n]{0,500})\]\(\s*<?((?:https?:\/\/|www\.)[^\s)>]+)>?\s*\)/gi
 * finds them (group 2 the URL), in linear time: as a regex it read to the end of the line from
 * every "[" of glued unclosed links ("[a](http://a[a](http://a…"), 12 s for 400 KB on the
 * server's thread. The URL's characters ([^\s)>]) cannot be ">", whitespace or ")", which must
 * follow it, so the regex only ever succeeds with the longest run of them: the run is read
 * once, and kept for the later "[" that start inside it.
 */
export function markdownLinks(text: string): { start: number; end: number; url: string }[] {
  const out: { start: number; end: number; url: string }[] = [];
  const n = text.length;
  const isUrlChar = (c: number) => c !== 41 && c !== 62 && !isWhitespace(c);
  let close = -2; // the first "]" after the current "[" (-1: none)
  let newline = -2; // the first "\n" after it (-1: none)
  let runFrom = -1; // the last run of URL characters read: [runFrom, runEnd)
  let runEnd = -1;
  for (let i = text.indexOf("["); i >= 0; i = text.indexOf("[", i + 1)) {
    if (close !== -1 && close <= i) close = text.indexOf("]", i + 1);
    if (close < 0) break;
    if (newline !== -1 && newline <= i) newline = text.indexOf("\n", i + 1);
    if ((newline >= 0 && newline < close) || close - i - 1 > 500 || text.charCodeAt(close + 1) !== 40) continue;
    let j = close + 2;
    while (j < n && isWhitespace(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 60) j++; // "<"
    const prefix = urlPrefixAt(text, j);
    if (!prefix) continue;
    const from = j + prefix;
    if (!(runFrom <= from && from < runEnd)) {
      runFrom = from;
      for (runEnd = from; runEnd < n && isUrlChar(text.charCodeAt(runEnd)); ) runEnd++;
    }
    if (runEnd === from) continue; // [^\s)>]+ needs one
    let k = runEnd;
    if (text.charCodeAt(k) === 62) k++; // ">"
    while (k < n && isWhitespace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) !== 41) continue;
    out.push({ start: i, end: k + 1, url: text.slice(j, runEnd) });
    i = k; // the regex goes on after the match
  }
  return out;
}

/** Sorted spans that never overlap: whether [s, e) meets one (a binary search, not a scan of them all). */
function meets(spans: FoundLink[], s: number, e: number): boolean {
  const at = firstReached(spans.length, (k) => spans[k].end > s);
  return at < spans.length && spans[at].start < e;
}

/**
 * At most this many links are offered, the first in the document: a release has a few dozen.
 * 1 MB of bare URLs (66,666 links) held the server 1.4 s, parsing and sending them all.
 */
export const MAX_LINKS = 5000;

export function findLinks(text: string): FoundLink[] {
  // Each kind's links come in order and never overlap one another; a link is kept when it
  // overlaps none of an earlier kind's (checked against every link kept, 2 MB of short URLs
  // took 30 s). Each kind stops at MAX_LINKS: the first MAX_LINKS of all are among those.
  const kinds: FoundLink[][] = [];
  const collect = (found: Iterable<{ start: number; end: number; raw: string } | undefined>) => {
    const kept: FoundLink[] = [];
    for (const f of found) {
      if (!f) continue;
      const t = target(f.raw);
      if (t && !kinds.some((earlier) => meets(earlier, f.start, f.end))) kept.push({ start: f.start, end: f.end, target: t });
      if (kept.length === MAX_LINKS) break;
    }
    kinds.push(kept);
  };
  collect(markdownLinks(text).map((m) => ({ start: m.start, end: m.end, raw: m.url })));
  collect(mapped(text.matchAll(ANGLE_LINK), (m) => ({ start: m.index + 1, end: m.index + 1 + m[1].length, raw: m[1] })));
  collect(
    mapped(text.matchAll(BARE_LINK), (m) => {
      const raw = trimBare(m[0]);
      return raw.length > 4 ? { start: m.index, end: m.index + raw.length, raw } : undefined;
    }),
  );
  return kinds.flat().sort((a, b) => a.start - b.start).slice(0, MAX_LINKS);
}

/** `items` through `f`, lazily: a kind that stops early reads no further matches. */
function* mapped<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

export function documentLinks(doc: TextDocument): DocumentLink[] {
  return findLinks(doc.getText()).map((l) => ({ range: { start: doc.positionAt(l.start), end: doc.positionAt(l.end) }, target: l.target }));
}
