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

export const byteLength = (s) => Buffer.byteLength(s, "utf8");

/** The inputs by name: an array of documents each. */
export function input(name) {
  switch (name) {
    case "fixtures":
      return fixtures().map((f) => f.text);
    case "1MB":
      return [concatenated(1 << 20)];
    case "10MB":
      return [concatenated(10 << 20)];
    default:
      throw new Error(`unknown input ${name}`);
  }
}
