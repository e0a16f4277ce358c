// Document links for the URLs in a release, including scraped Markdown leftovers
// (`<https://…>`, `[text](url)`, `\_` escapes). Targets are only computed, never fetched.
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { DocumentLink } from "vscode-languageserver";

export interface FoundLink {
  start: number;
  end: number;
  target: string;
}

const MARKDOWN_LINK = /\[([^\]\n]{0,500})\]\(\s*<?((?:https?:\/\/|www\.)[^\s)>]+)>?\s*\)/gi;
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

/** Trims trailing punctuation and unbalanced closing parentheses from a bare URL. */
function trimBare(s: string): string {
  for (;;) {
    const before = s;
    while (s && TRAILING.has(s[s.length - 1])) s = s.slice(0, -1);
    if (s.endsWith(")") && (s.match(/\(/g) ?? []).length < (s.match(/\)/g) ?? []).length) s = s.slice(0, -1);
    if (s === before) return s;
  }
}

export function findLinks(text: string): FoundLink[] {
  const links: FoundLink[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && a < e);
  const add = (start: number, end: number, raw: string) => {
    const t = target(raw);
    if (!t || !free(start, end)) return;
    links.push({ start, end, target: t });
    taken.push([start, end]);
  };
  for (const m of text.matchAll(MARKDOWN_LINK)) add(m.index, m.index + m[0].length, m[2]);
  for (const m of text.matchAll(ANGLE_LINK)) add(m.index + 1, m.index + 1 + m[1].length, m[1]);
  for (const m of text.matchAll(BARE_LINK)) {
    const raw = trimBare(m[0]);
    if (raw.length > 4) add(m.index, m.index + raw.length, raw);
  }
  return links.sort((a, b) => a.start - b.start);
}

export function documentLinks(doc: TextDocument): DocumentLink[] {
  return findLinks(doc.getText()).map((l) => ({ range: { start: doc.positionAt(l.start), end: doc.positionAt(l.end) }, target: l.target }));
}
