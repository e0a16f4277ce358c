// Command-line arguments of press-release-annotate.
import type { EnableMode, FindingCode, Severity, SeverityLevel } from "../analysis/types";
import { RULE_CODES } from "../rules/registry";

export type Format = "text" | "json" | "sarif" | "markdown";

export interface CliOptions {
  format: Format;
  /** Exit 1 when a finding is at or above this severity; undefined: findings never fail. */
  failOn?: Severity;
  enable: Exclude<EnableMode, "never">;
  exclude: string[];
  severity: Partial<Record<FindingCode, SeverityLevel>>;
  inputs: string[];
}

export const USAGE = `usage: press-release-annotate [options] FILE|DIR|GLOB...

Annotates press releases in plain-text files: boilerplate, promotional language,
unattributed claims and figures, vague attributions; and prints each release's outline.
Folders are searched for *.txt files; quote globs to let the annotator expand them.

options:
  -f, --format text|json|sarif|markdown
                          output format (default text)
  --fail-on error|warning|information|hint
                          exit 1 when a finding is at or above this severity
  --enable always|auto    always: analyse every file (default); auto: only files
                          that look like a press release
  --severity CODE=LEVEL   set a rule's severity (error|warning|information|hint|off);
                          repeatable. Codes: ${RULE_CODES.join(", ")}
  --exclude GLOB          skip matching paths when searching folders and globs;
                          repeatable (node_modules and .git are always skipped)
  -h, --help              show this help

exit codes:
  0  every input analysed, no finding at or above --fail-on (or no --fail-on)
  1  a finding at or above --fail-on
  2  bad input: a file missing, unreadable, binary, not UTF-8 or empty; a folder or
     glob with no .txt files; a bad option
  3  the output cannot be written (a full disk), or an internal error
`;

const FORMATS = new Set<Format>(["text", "json", "sarif", "markdown"]);
const SEVERITIES = new Set<Severity>(["error", "warning", "information", "hint"]);
const LEVELS = new Set<string>([...SEVERITIES, "off"]);

/** Parses argv; returns the options, "help", or an error message. */
export function parseArgs(argv: string[]): CliOptions | "help" | { error: string } {
  const o: CliOptions = { format: "text", enable: "always", exclude: [], severity: {}, inputs: [] };
  const fail = (error: string) => ({ error });
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let value: string | undefined;
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    if (eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const next = (): string | undefined => value ?? argv[++i];
    switch (a) {
      case "-h":
      case "--help":
        return "help";
      case "-f":
      case "--format": {
        const f = next();
        if (!f || !FORMATS.has(f as Format)) return fail(`unknown format: ${f ?? "(none)"} (use text, json, sarif or markdown)`);
        o.format = f as Format;
        break;
      }
      case "--fail-on": {
        const s = next();
        if (!s || !SEVERITIES.has(s as Severity)) return fail(`unknown severity for --fail-on: ${s ?? "(none)"} (use error, warning, information or hint)`);
        o.failOn = s as Severity;
        break;
      }
      case "--enable": {
        const e = next();
        if (e !== "always" && e !== "auto") return fail(`unknown --enable mode: ${e ?? "(none)"} (use always or auto)`);
        o.enable = e;
        break;
      }
      case "--severity": {
        const s = next() ?? "";
        const [code, level] = s.split("=");
        if (!RULE_CODES.includes(code as FindingCode)) return fail(`unknown rule in --severity: ${code || "(none)"} (codes: ${RULE_CODES.join(", ")})`);
        if (!level || !LEVELS.has(level)) return fail(`unknown level in --severity ${s} (use error, warning, information, hint or off)`);
        o.severity[code as FindingCode] = level as SeverityLevel;
        break;
      }
      case "--exclude": {
        const g = next();
        if (!g) return fail("--exclude needs a glob");
        o.exclude.push(g);
        break;
      }
      default:
        if (a.startsWith("-") && a !== "-") return fail(`unknown option: ${argv[i]}`);
        o.inputs.push(argv[i]);
    }
  }
  if (!o.inputs.length) return fail("no input files");
  return o;
}
