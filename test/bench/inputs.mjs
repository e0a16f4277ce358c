// The benchmark's inputs, built the same way in every process: the fixture releases, and
// larger documents made by concatenating them.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as path from "node:path";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURES = path.join(ROOT, "test/fixtures/releases");

/** The fixture releases, in name order. */
export function fixtures() {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(path.join(FIXTURES, f), "utf8") }));
}

/** The fixtures joined (blank line between releases) and repeated up to `size` UTF-16 units, cut at a line end. */
export function concatenated(size) {
  const joined = fixtures().map((f) => f.text.trimEnd()).join("\n\n\n");
  let s = "";
  while (s.length < size) s += joined + "\n\n\n";
  const cut = s.lastIndexOf("\n", size);
  return s.slice(0, cut > 0 ? cut : size);
}

/** Paragraphs of a release that open its stock tail (About, contacts, wire marks, disclaimers). */
const TAIL = /^(?:#{1,3}\s*|\*\*)?(?:about\b|über\b|à propos|acerca de|sobre\b|informazioni su|media contacts?|press contacts?|contacts?\b|investor|source\b|###|-\s*30\s*-|copyright|©|forward[- ]looking|safe harbou?r|cautionary|view original|disclaimer|categoria|tag\b|comunicato|pressekontakt|kontakt)/i;

/** The body paragraphs of a release: after its first two paragraphs (headline, dateline), before its stock tail. */
function bodyParagraphs(text) {
  const paragraphs = text.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/).map((p) => p.trim()).filter(Boolean);
  const end = paragraphs.findIndex((p, i) => i >= 2 && TAIL.test(p));
  return paragraphs.slice(2, end < 0 ? undefined : end).filter((p) => p.length > 40);
}

/**
 * One long release of about `size` characters, as an editor would hold it: the first fixture's
 * headline and dateline, the body paragraphs of all the fixtures (repeated), and the first
 * fixture's stock tail. Unlike plain concatenation, this is analysed as one release's body
 * rather than swallowed by the boilerplate of the first release.
 */
export function longRelease(size) {
  const all = fixtures();
  const first = all[0].text.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/).map((p) => p.trim()).filter(Boolean);
  const tailStart = first.findIndex((p, i) => i >= 2 && TAIL.test(p));
  const head = first.slice(0, 2).join("\n\n");
  const tail = tailStart < 0 ? "" : first.slice(tailStart).join("\n\n");
  const body = all.flatMap((f) => bodyParagraphs(f.text));
  let out = head;
  for (let i = 0; out.length + tail.length + 2 < size; i++) out += "\n\n" + body[i % body.length];
  return (out.slice(0, Math.max(0, size - tail.length - 2)).replace(/\n[^\n]*$/, "") + "\n\n" + tail).slice(0, size);
}

export const byteLength = (s) => Buffer.byteLength(s, "utf8");

/** The inputs by name: an array of documents each. */
export function input(name) {
  switch (name) {
    case "fixtures":
      return fixtures().map((f) => f.text);
    case "1MB":
      return [longRelease(1 << 20)];
    case "10MB":
      return [longRelease(10 << 20)];
    default:
      throw new Error(`unknown input ${name}`);
  }
}
