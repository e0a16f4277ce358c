// The engine runs several hundred regular expressions, many of them large alternations, and
// most of them a few times per release. By default V8 first compiles each one to bytecode and
// interprets it, and compiles it to machine code only when it runs again: a process's first
// analysis paid for both steps, and a 100 KB release took 409–571 ms to analyse cold instead
// of 252–313 ms (steady-state speed, and every match, are the same either way). The language
// server and the CLI, which own their processes, turn the interpreted step off; the engine, a
// library, leaves the process's flags alone.
import { setFlagsFromString } from "node:v8";

/** Regular expressions compiled to machine code on their first run (read by V8 at each regex's first run, so it may come after they are created). */
export function compileRegexesOnFirstRun(): void {
  setFlagsFromString("--no-regexp-tier-up");
}
