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
  /** A path that cannot be used, as the user gave it (`shown`), reported once however often it is reached. */
  const skip = (s: Skipped, shown: string) => {
    const key = `skipped:${s.path}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ file: shown, error: s.reason });
  };
  for (const arg of args) {
    if (arg === "-") {
      add(arg);
      continue;
    }
    const st = await stat(path.resolve(cwd, arg)).catch(() => undefined);
    if (st?.isDirectory()) {
      const found: string[] = [];
      let skipped = false;
      const onSkip = (s: Skipped) => ((skipped = true), skip(s, path.join(arg, path.relative(path.resolve(cwd, arg), s.path))));
      for await (const f of walk(path.resolve(cwd, arg), { exclude: excluded, onSkip })) found.push(path.join(arg, path.relative(path.resolve(cwd, arg), f)));
      if (!found.length && !skipped) out.push({ file: arg, error: "no .txt files in this folder" });
      found.sort().forEach(add);
    } else if (!st && isGlob(arg)) {
      let skipped = false;
      const found = await expandGlob(arg, cwd, excluded, (s) => ((skipped = true), skip(s, path.isAbsolute(arg) ? s.path : path.relative(cwd, s.path))));
      if (!found.length && !skipped) out.push({ file: arg, error: "no files match this pattern" });
      for (const f of found.sort()) add(path.isAbsolute(arg) ? f : path.relative(cwd, f));
    } else add(arg);
  }
  return out;
}
