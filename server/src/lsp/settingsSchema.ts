// The `contributes.configuration` of package.json, generated from the rule registry and the
// settings defaults. test/unit/manifest.test.ts fails when package.json drifts from it
// (and rewrites it with UPDATE_MANIFEST=1), as rust-analyzer and Harper do.
import { RULES } from "../rules/registry";
import { DEFAULT_SETTINGS, MAX_ENTRY_LENGTH, MAX_LIST_ENTRIES } from "./settings";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const LEVELS = ["error", "warning", "information", "hint", "off"];
const LEVEL_DESCRIPTIONS = ["Show as an error.", "Show as a warning.", "Show as information.", "Show as a hint (faded, no Problems entry in some views).", "Do not flag at all."];

export function configurationContribution(): { title: string; properties: Record<string, Json> } {
  const strings = (description: string, def: string[]): Record<string, Json> => ({ type: "array", items: { type: "string" }, default: def, scope: "resource", markdownDescription: description });
  // The lists the engine matches on every sentence are bounded (see settings.ts; the server drops the rest and says so in its log).
  const wordList = (description: string, def: string[]): Record<string, Json> => ({ ...strings(description, def), maxItems: MAX_LIST_ENTRIES, items: { type: "string", maxLength: MAX_ENTRY_LENGTH } });
  // Words are matched as words: an entry must not start or end with punctuation or a space
  // (ASCII here; the server also drops entries with other edge punctuation).
  const wordPhrases = (description: string, def: string[]): Record<string, Json> => ({
    ...wordList(description, def),
    items: { type: "string", maxLength: MAX_ENTRY_LENGTH, pattern: "^[^\\s!-/:-@[-`{-~](?:.*[^\\s!-/:-@[-`{-~])?$", patternErrorMessage: "Start and end with a letter or digit." },
  });
  const severityDefaults: Record<string, Json> = {};
  const severityProps: Record<string, Json> = {};
  for (const r of RULES) {
    severityDefaults[r.code] = r.defaultSeverity;
    severityProps[r.code] = {
      type: "string",
      enum: LEVELS,
      enumDescriptions: LEVEL_DESCRIPTIONS,
      default: r.defaultSeverity,
      markdownDescription: `**${r.title}**: ${r.description}`,
    };
  }
  return {
    title: "Press Release Annotator",
    properties: {
      "pressRelease.enable": {
        type: "string",
        enum: ["auto", "always", "never"],
        enumDescriptions: [
          "Analyse `press-release` files, and plain-text files that read like a press release (a dateline, wire marks, About or contact sections, reported speech).",
          "Analyse every plain-text file.",
          "Analyse nothing.",
        ],
        default: DEFAULT_SETTINGS.enable,
        scope: "resource",
        markdownDescription: "Which documents the annotator analyses.",
      },
      "pressRelease.severity": {
        type: "object",
        properties: severityProps,
        additionalProperties: false,
        default: severityDefaults,
        scope: "resource",
        markdownDescription: "Severity of each finding, by diagnostic code; `off` turns the rule off. The quick fix *Disable rule* sets a code to `off` in the workspace.",
      },
      "pressRelease.pufferyWords": wordPhrases("Extra puffery words or phrases to flag as `promotional` (case-insensitive). Each starts and ends with a letter or digit (`best-in-class` is fine, `#1` is not).", DEFAULT_SETTINGS.pufferyWords),
      "pressRelease.allowedPhrases": wordList("Phrases never flagged: a finding whose text contains one of them is dropped (case-insensitive).", DEFAULT_SETTINGS.allowedPhrases),
      "pressRelease.reportingVerbs": wordPhrases("Extra reporting verbs that attribute a statement to its subject (e.g. `cautioned`). Each starts and ends with a letter or digit.", DEFAULT_SETTINGS.reportingVerbs),
      "pressRelease.issuerNames": wordList("Names of the issuer (the company or agency putting the release out), whose own facts and figures are first-party.", DEFAULT_SETTINGS.issuerNames),
      "pressRelease.ignoredFindings": strings("Findings hidden by the quick fix *Ignore this finding*, as `code:flagged text`. Remove an entry to see the finding again.", DEFAULT_SETTINGS.ignoredFindings),
      "pressRelease.placeholder": {
        type: "string",
        default: DEFAULT_SETTINGS.placeholder,
        minLength: 1,
        scope: "resource",
        markdownDescription: "Text inserted by the quick fix *Insert source placeholder* after an unattributed claim or figure.",
      },
      "pressRelease.exclude": strings("Glob patterns of files that *Analyse Workspace* skips, in addition to `#files.exclude#`.", DEFAULT_SETTINGS.exclude),
      "pressRelease.maxDocumentSize": {
        type: "integer",
        default: DEFAULT_SETTINGS.maxDocumentSize,
        minimum: 0,
        scope: "resource",
        markdownDescription: "Documents larger than this many characters (default 20 MB) are not analysed.",
      },
      "pressRelease.maxProblems": {
        type: "integer",
        default: DEFAULT_SETTINGS.maxProblems,
        minimum: 1,
        scope: "resource",
        markdownDescription: "At most this many findings of a document are shown as problems; one more says how many were left out. *Show Report* and the command line list them all.",
      },
      "pressRelease.debounceMs": {
        type: "integer",
        default: DEFAULT_SETTINGS.debounceMs,
        minimum: 0,
        maximum: 10000,
        scope: "resource",
        markdownDescription: "Milliseconds to wait after an edit before analysing the release again.",
      },
    },
  };
}
