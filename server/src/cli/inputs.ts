// Turns the CLI's inputs (files, folders, globs, "-" for stdin) into files to read.
import { stat } from "node:fs/promises";
import * as path from "node:path";
import { expandGlob, isGlob, walk, type Skipped } from "../files";

/** Always skipped when searching folders and globs. */
export const ALWAYS_EXCLUDED = ["**/node_modules/**", "**/.git/**"];

export type Input = { file: string } | { error: string; file: string };

export async function resolveInputs(args: string[], exclude: string[], cwd: string): Promise<Input[]> {
  const out: Input[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = file === "-" ? "-" : path.resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ file });
  };
  const excluded = [...ALWAYS_EXCLUDED, ...exclude];
  // Reported as the path was given: relative to the argument's own start.
  const skippedUnder = (arg: string, base: string) => (s: Skipped) => out.push({ file: path.join(arg, path.relative(base, s.path)), error: s.reason });
  for (const arg of args) {
    if (arg === "-") {
      add(arg);
      continue;
    }
    const st = await stat(path.resolve(cwd, arg)).catch(() => undefined);
    if (st?.isDirectory()) {
      const found: string[] = [];
      const reported = out.length;
      for await (const f of walk(path.resolve(cwd, arg), { exclude: excluded, onSkip: skippedUnder(arg, path.resolve(cwd, arg)) })) found.push(path.join(arg, path.relative(path.resolve(cwd, arg), f)));
      if (!found.length && out.length === reported) out.push({ file: arg, error: "no .txt files in this folder" });
      found.sort().forEach(add);
    } else if (!st && isGlob(arg)) {
      const reported = out.length;
      const found = await expandGlob(arg, cwd, excluded, (s) => out.push({ file: path.isAbsolute(arg) ? s.path : path.relative(cwd, s.path), error: s.reason }));
      if (!found.length && out.length === reported) out.push({ file: arg, error: "no files match this pattern" });
      for (const f of found.sort()) add(path.isAbsolute(arg) ? f : path.relative(cwd, f));
    } else add(arg);
  }
  return out;
}
