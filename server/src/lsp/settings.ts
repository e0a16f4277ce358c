// Typed extension settings, cleaned from whatever the client sends (as vscode-eslint does).
import type { AnalysisOptions, EnableMode, FindingCode, SeverityLevel } from "../analysis/types";
import { RULE_CODES } from "../rules/registry";
import { isWordPhrase } from "../analysis/phrases";

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

export function settingsFrom(value: unknown): Settings {
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
    pufferyWords: strings(v.pufferyWords).filter(isWordPhrase),
    allowedPhrases: strings(v.allowedPhrases),
    reportingVerbs: strings(v.reportingVerbs).filter(isWordPhrase),
    issuerNames: strings(v.issuerNames),
    ignoredFindings: strings(v.ignoredFindings),
    placeholder: typeof v.placeholder === "string" && v.placeholder.trim() ? v.placeholder : DEFAULT_SETTINGS.placeholder,
    exclude: strings(v.exclude, DEFAULT_SETTINGS.exclude),
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
