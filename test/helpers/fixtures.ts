// The real releases under test/fixtures/releases, with their gold annotations. Tests read
// them from the repository only (never from ../shared), so they run offline.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../..");
export const FIXTURE_DIR = join(ROOT, "test/fixtures/releases");

export interface Gold {
  boilerplate?: { start: number; end: number; kind: string; optional?: boolean }[];
  figures?: { line: number; text: string; attributed: boolean; optional?: boolean }[];
  claims?: { line: number; quote: string; kind: string; optional?: boolean }[];
  promotional?: { line: number; quote: string; optional?: boolean }[];
  outline?: { headline?: string; dateline_line?: number; sections?: string[]; speakers?: string[] };
}

export interface Fixture {
  name: string;
  path: string;
  text: string;
  gold: Gold;
}

/** Names (NAME.txt) of the fixtures that have a NAME.gold.json, sorted. */
export function fixtureNames(dir = FIXTURE_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt") && existsSync(join(dir, f.replace(/\.txt$/, ".gold.json"))))
    .sort();
}

export function loadFixture(name: string, dir = FIXTURE_DIR): Fixture {
  const path = join(dir, name.endsWith(".txt") ? name : `${name}.txt`);
  return {
    name: name.replace(/\.txt$/, ""),
    path,
    text: readFileSync(path, "utf8"),
    gold: JSON.parse(readFileSync(path.replace(/\.txt$/, ".gold.json"), "utf8")) as Gold,
  };
}
