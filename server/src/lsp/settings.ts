// Typed extension settings, cleaned from whatever the client sends (as vscode-eslint does).
import type { AnalysisOptions, EnableMode, FindingCode, SeverityLevel } from "../analysis/types";
import { RULE_CODES } from "../rules/registry";
import { isWordPhrase } from "../analysis/phrases";
import { isUsablePattern } from "../files";

export interface Settings {
  enable: EnableMode;
  severity: Partial<Record<FindingCode, SeverityLevel>>;
  pufferyWords: string[];
  allowedPhrases: string[];
  reportingVerbs: string[];
  issuerNames: string[];
  ignoredFindings: string[];
  placeholder: string;
  exclude: string[];
  maxDocumentSize: number;
  /** Diagnostics published per document at most (as cSpell's maxNumberOfProblems): a huge document stays usable. */
  maxProblems: number;
  debounceMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: "auto",
  severity: {},
  pufferyWords: [],
  allowedPhrases: [],
  reportingVerbs: [],
  issuerNames: [],
  ignoredFindings: [],
  placeholder: "[source?]",
  exclude: ["**/node_modules/**"],
  maxDocumentSize: 20 * 1024 * 1024,
  maxProblems: 1000,
  debounceMs: 200,
};

const LEVELS = new Set(["error", "warning", "information", "hint", "off"]);
const strings = (v: unknown, fallback: string[] = []): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : fallback);

/**
 * The most entries a word-list setting keeps, and the longest entry. The lists become patterns
 * and lookups the engine runs on every sentence: an issuer name of two million characters made
 * a regular expression V8 refuses (no document was analysed at all), and lists of 200,000
 * entries held the server for over a second per document.
 */
export const MAX_LIST_ENTRIES = 1000;
export const MAX_ENTRY_LENGTH = 200;

/**
 * A word-list setting's entries: strings of at most MAX_ENTRY_LENGTH characters, the first
 * MAX_LIST_ENTRIES of them; what is dropped is said in `problems`.
 */
function wordList(name: string, v: unknown, problems: string[]): string[] {
  const all = strings(v);
  const kept = all.filter((x) => x.length <= MAX_ENTRY_LENGTH);
  if (kept.length < all.length) problems.push(`pressRelease.${name}: ${all.length - kept.length} entr${all.length - kept.length === 1 ? "y" : "ies"} over ${MAX_ENTRY_LENGTH} characters ignored`);
  if (kept.length > MAX_LIST_ENTRIES) problems.push(`pressRelease.${name}: only the first ${MAX_LIST_ENTRIES} of ${kept.length} entries are used`);
  return kept.slice(0, MAX_LIST_ENTRIES);
}

/** Glob patterns from a setting that picomatch takes; the others are said in `problems` (Analyse Workspace failed on them). */
export function usablePatterns(name: string, patterns: string[], problems: string[]): string[] {
  const usable = patterns.filter((p) => isUsablePattern(p));
  if (usable.length < patterns.length) problems.push(`${name}: ${patterns.length - usable.length} glob pattern${patterns.length - usable.length === 1 ? "" : "s"} that cannot be used (over 65,536 characters) ignored`);
  return usable;
}

/** The settings from a client's value; `problems` collects what was dropped, for the server's log. */
export function settingsFrom(value: unknown, problems: string[] = []): Settings {
  const v = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const severity: Settings["severity"] = {};
  const sev = (v.severity && typeof v.severity === "object" ? v.severity : {}) as Record<string, unknown>;
  for (const code of RULE_CODES) {
    const level = sev[code];
    if (typeof level === "string" && LEVELS.has(level)) severity[code] = level as SeverityLevel;
  }
  const num = (x: unknown, d: number, max = Number.MAX_SAFE_INTEGER) => (typeof x === "number" && Number.isFinite(x) && x >= 0 ? Math.min(x, max) : d);
  return {
    enable: v.enable === "always" || v.enable === "never" ? v.enable : "auto",
    severity,
    pufferyWords: wordList("pufferyWords", v.pufferyWords, problems).filter(isWordPhrase),
    allowedPhrases: wordList("allowedPhrases", v.allowedPhrases, problems),
    reportingVerbs: wordList("reportingVerbs", v.reportingVerbs, problems).filter(isWordPhrase),
    issuerNames: wordList("issuerNames", v.issuerNames, problems),
    ignoredFindings: strings(v.ignoredFindings),
    placeholder: typeof v.placeholder === "string" && v.placeholder.trim() ? v.placeholder : DEFAULT_SETTINGS.placeholder,
    exclude: usablePatterns("pressRelease.exclude", strings(v.exclude, DEFAULT_SETTINGS.exclude), problems),
    maxDocumentSize: num(v.maxDocumentSize, DEFAULT_SETTINGS.maxDocumentSize),
    maxProblems: Math.floor(num(v.maxProblems, 0)) || DEFAULT_SETTINGS.maxProblems,
    debounceMs: num(v.debounceMs, DEFAULT_SETTINGS.debounceMs, 10000),
  };
}

export function analysisOptions(s: Settings): AnalysisOptions {
  return {
    severity: s.severity,
    pufferyWords: s.pufferyWords,
    allowedPhrases: s.allowedPhrases,
    reportingVerbs: s.reportingVerbs,
    issuerNames: s.issuerNames,
    ignoredFindings: s.ignoredFindings,
  };
}
